#pragma once
// Reading the session log: every device's month files, and Syncthing's
// conflict copies of them, one month at a time, each session once.
//
// Reading streams through a fixed buffer, so memory does not grow with the
// log; the only thing kept per month is the set of ids seen, which removes
// the copies a conflict file repeats. Damaged lines never stop a read: they
// are skipped and counted per file (leveldb's log reader does the same), and
// the caller prints one warning per file. A file that cannot be read at all
// is an error, never an empty month.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "file_damage.hpp"
#include "session.hpp"

namespace selfcare {

class IdSet;
using YearMonth = std::chrono::year_month;
// A month before any: "from" this one is the whole log.
inline constexpr YearMonth kAllMonths = std::chrono::year::min() / std::chrono::January;

struct LogFile {
    // The name alone, without the folder: a log folder holds hundreds of
    // files, and only the few read need a path (LogReader::path_of).
    std::string name;
    YearMonth month;
    std::uint8_t device_size = 0;  // device names are 1 to 40 characters
    bool conflict_copy = false;    // "2026-11.laptop-3f9a2c.sync-conflict-....log"
    bool amendments = false;       // "2026-11.laptop-3f9a2c.amend" (amendment.hpp)

    // The device that wrote it ("laptop-3f9a2c"), the part of the name
    // after the month.
    std::string_view device() const { return std::string_view(name).substr(8, device_size); }
};

// What tells one state of a log file from any other. Log files are only
// appended to, which changes the size and both times; replacing a file
// changes the inode, and chmod or a hand edit that restores the size and
// mtime still changes the ctime. Summaries of a month are valid only for the
// exact stamps they were made from (month_cache.hpp).
struct FileStamp {
    std::string name;  // the file name, without the folder
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;  // st_dev
    std::uint32_t mode = 0;    // st_mode: type and permissions

    bool operator==(const FileStamp&) const = default;
};

// The stamp of the folder itself (its name empty), or nothing when it is
// not there or not a folder. Adding, removing or renaming a file in it
// changes its times; appending to a file does not.
std::optional<FileStamp> stamp_folder(const std::filesystem::path& folder);

class LogReader {
  public:
    // Lists the log files in `folder`. A missing folder is an empty log.
    // Throws Error when the folder exists but cannot be listed.
    explicit LogReader(const std::filesystem::path& folder);
    // Lists only the files of `from` and later months: a reader for the
    // current week need not keep ten years of names.
    LogReader(const std::filesystem::path& folder, YearMonth from);
    // The files of `from` and later months among `names`, a listing of
    // `folder` as list_log_files gives it (folder_listing.hpp), or the copy
    // the cache kept (MonthCache::reader). Names that are not log files are
    // passed over.
    LogReader(std::filesystem::path folder, YearMonth from, std::string_view names);

    // The months that have files, oldest first.
    std::vector<YearMonth> months() const;
    bool empty() const { return files_.empty(); }
    // Every file listed, sorted by month; in each month the amendments,
    // then the device files, then conflict copies.
    const std::vector<LogFile>& files() const { return files_; }

    const std::filesystem::path& folder() const { return folder_; }
    // The folder and the file's name joined as plain strings.
    std::string path_of(const LogFile& file) const;

    // Calls `visit` for every good session in the files of `month`, each id
    // once, leaving out those an amendment of the month removed (from any
    // device) and giving each its note. The view points into a buffer that is reused after the
    // call. Sessions whose date is not in `month` are damage: the writer always puts a session in
    // the file of its date's month. Returns the stamps of the files read, taken under the same lock
    // as the read, so they match exactly what was read. Throws Error (exit status 1) when a file
    // cannot be opened or read.
    std::vector<FileStamp> read_month(YearMonth month,
                                      const std::function<void(const SessionView&)>& visit);

    // The stamps of the files of `month` as they are now, in the order
    // read_month reads them; nothing when one cannot be taken (the file is
    // gone, or its folder unreadable), so that the caller reads the month and
    // meets the error there.
    std::optional<std::vector<FileStamp>> stamps(YearMonth month) const;

    // True when the files of the months from `from` to `through` are
    // exactly `then`: the same files, in the order files() lists them, with
    // the same stamps now. For records that depend on many months at once
    // (settled_weeks.hpp), checked without reading or allocating.
    bool unchanged(YearMonth from, YearMonth through, const std::vector<FileStamp>& then) const;

    // Damage found so far, one entry per file with any, in the order found.
    const std::vector<FileDamage>& damage() const { return damage_; }
    // Adds damage found in an earlier read (a cached month's), so that it is
    // reported as if the month had been read now.
    void add_damage(FileDamage d) { damage_.push_back(std::move(d)); }

  private:
    // What the month's amendment files say; read before its sessions.
    struct Amendments {
        std::unordered_set<std::uint64_t> removed;
        std::unordered_map<std::uint64_t, std::string> notes;  // unescaped
    };
    FileStamp read_file(const LogFile& file, IdSet& seen, const Amendments& amendments,
                        const std::function<void(const SessionView&)>& visit);
    FileStamp read_amendments(const LogFile& file, Amendments& into);
    // Streams the lines of `file` to `take_line`, which returns false for a
    // damaged line; checks the version line and records the damage.
    template <typename Take>
    FileStamp scan(const LogFile& file, std::string_view version_prefix, int known_version,
                   Take&& take_line);
    // The files of `month`, as a range of files_.
    std::pair<size_t, size_t> files_of(YearMonth month) const;

    std::filesystem::path folder_;
    std::vector<LogFile> files_;  // sorted by month, device files before copies
    std::vector<FileDamage> damage_;
    std::unique_ptr<char[]> buffer_;  // NOLINT: a raw buffer, deliberately not zeroed
};

}  // namespace selfcare
