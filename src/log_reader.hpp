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
#include <string>
#include <vector>

#include "session.hpp"

namespace selfcare {

using YearMonth = std::chrono::year_month;

struct LogFile {
    std::filesystem::path path;
    YearMonth month;
    std::string device;
    bool conflict_copy = false;  // "2026-11.laptop-3f9a2c.sync-conflict-....log"
};

// Lines skipped in one file.
struct FileDamage {
    std::filesystem::path path;
    int skipped = 0;
    std::vector<int> lines;  // the first few line numbers, 1-based
    std::string note;        // set when the whole file was skipped, saying why
};

// "selfcare: warning: PATH: skipped 2 damaged lines (5, 9); the rest was read\n".
std::string format_damage(const FileDamage& d);

class LogReader {
  public:
    // Lists the log files in `folder`. A missing folder is an empty log.
    // Throws Error when the folder exists but cannot be listed.
    explicit LogReader(std::filesystem::path folder);

    // The months that have files, oldest first.
    std::vector<YearMonth> months() const;
    bool empty() const { return files_.empty(); }

    // Calls `visit` for every good session in the files of `month`, each id
    // once. The view points into a buffer that is reused after the call.
    // Sessions whose date is not in `month` are damage: the writer always
    // puts a session in the file of its date's month. Throws Error (exit
    // status 1) when a file cannot be opened or read.
    void read_month(YearMonth month, const std::function<void(const SessionView&)>& visit);

    // Damage found so far, one entry per file with any.
    const std::vector<FileDamage>& damage() const { return damage_; }

  private:
    class IdSet;
    void read_file(const LogFile& file, IdSet& seen,
                   const std::function<void(const SessionView&)>& visit);

    std::filesystem::path folder_;
    std::vector<LogFile> files_;  // sorted by month, device files before copies
    std::vector<FileDamage> damage_;
    std::vector<char> buffer_;
};

}  // namespace selfcare
