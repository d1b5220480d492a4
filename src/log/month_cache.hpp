#pragma once
// The cache of month summaries under $XDG_CACHE_HOME/selfcare/, which lets a
// report reach back through years of log by reading a few hundred small
// files instead of every line.
//
// The cache is only ever an accelerator. A summary is used only when the
// month's files, stamped now, are exactly the files it was made from (same
// names, sizes, times, inodes); anything else about a cache file (missing,
// unreadable, damaged, truncated, of another version, month or log folder)
// means the month is read from the log again and its summary rewritten.
// The same holds for the one record of settled weeks per week start
// (settled_weeks.hpp), which depends on every log file of the months it
// covers. Nothing about the cache is ever an error: a cache that cannot be read or
// written is simply not used. Summaries are health data too, so the folders
// are 0700 and the files 0600 whatever the umask. Each file is written under
// a temporary name and renamed into place: a reader sees a whole summary or
// none, and of two processes writing the same month the last one wins, both
// having written a correct summary. Deleting the cache is always safe.

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>

#include "log_reader.hpp"
#include "month_summary.hpp"
#include "settled_weeks.hpp"

namespace selfcare {

// The real time, read when the log folder is listed (MonthCache::reader).
using WallClock = std::chrono::system_clock::time_point (*)();

// How long the log folder must have been left alone before its listing is
// kept. A folder's times come from a clock that may tick only every few
// milliseconds (or seconds, on some file systems): a file added in the same
// tick as the listing was made would leave the folder's stamp unchanged,
// and a kept listing would miss it. Git calls such an entry "racily clean".
inline constexpr std::chrono::seconds kListingSettle{2};

class MonthCache {
  public:
    // No cache: every month is read from the log.
    MonthCache() = default;
    // The cache for the log in `data_folder`, kept in a folder of its own
    // under `root` ($XDG_CACHE_HOME/selfcare), so that two log folders never
    // share summaries. An empty `root` is no cache. `clock` is for tests.
    MonthCache(const std::filesystem::path& root, const std::filesystem::path& data_folder,
               WallClock clock = &std::chrono::system_clock::now);

    // A reader of the log from `from` on (LogReader). The folder's listing
    // is the one the cache kept when the folder's stamp (stamp_folder) is
    // exactly the one it was kept for; else the folder is listed, and the
    // listing kept if the folder was last changed more than kListingSettle
    // ago. Throws Error as LogReader does. REQUIRES: made with a data folder.
    LogReader reader(YearMonth from = kAllMonths) const;

    // REQUIRES for every member that stores: SIGXFSZ is ignored (main does),
    // so that a summary write past `ulimit -f` fails quietly.
    //
    // The summary of `month`: the cached one when it is current, else one
    // made by reading the month from the log, which is then stored. The
    // month's damage goes to `reader` either way (LogReader::add_damage), so
    // the warnings are the same with or without the cache. Throws Error as
    // LogReader::read_month does.
    MonthSummary summarize(LogReader& reader, YearMonth month) const;

    // Reads `month` from the log, passing every session to `visit`, and
    // stores the month's summary when the cached one is not current. For the
    // months whose sessions a report shows. Returns the stamps of the files
    // read, as read_month does. Throws Error as read_month does.
    std::vector<FileStamp> read(LogReader& reader, YearMonth month,
                                const std::function<void(const SessionView&)>& visit) const;

    // The settled weeks stored for `start` and the goals whose fingerprint
    // is `goals` (settled_weeks.hpp), when they end before `before` and
    // every log file they were counted from is exactly as it was
    // (LogReader::unchanged); else nothing.
    std::optional<SettledWeeks> settled(const LogReader& reader, WeekStart start,
                                        std::uint64_t goals, Date before) const;
    // Stores `s` for `start` and `goals`, replacing what was there.
    void store_settled(const SettledWeeks& s, WeekStart start, std::uint64_t goals) const;

    bool enabled() const { return !root_.empty(); }

    // The file that holds the summary of `month`; empty with no cache.
    std::filesystem::path file_for(YearMonth month) const;
    // The file that holds the settled weeks for `start`; empty with no cache.
    std::filesystem::path settled_file(WeekStart start) const;
    // The file that holds the folder's listing; empty with no cache.
    std::filesystem::path listing_file() const;

  private:
    std::optional<MonthSummary> load(YearMonth month) const;
    void store(const MonthSummary& s) const;  // best effort: never throws
    // Writes `text` to `file` in the cache folder under a temporary name and
    // renames it into place. Best effort: never throws.
    void write_file(const std::filesystem::path& file, const std::string& text) const;

    std::filesystem::path root_;  // empty: no cache
    std::filesystem::path dir_;   // root_ / "log-<hash of data_folder_>"
    std::filesystem::path data_folder_;
    WallClock clock_ = nullptr;
};

}  // namespace selfcare
