#include "log_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <utility>

#include <fmt/format.h>

#include "amendment.hpp"
#include "error.hpp"
#include "file.hpp"
#include "folder_listing.hpp"
#include "id_set.hpp"
#include "text.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

constexpr size_t kBufferSize = size_t{256} * 1024;
constexpr size_t kLinesNamed = 10;

Error cannot_read(const fs::path& path) {
    return Error(fmt::format("cannot read {}: {}", printable(path.string()), std::strerror(errno)));
}

// "# selfcare log v2" -> "2": the text after `prefix`, whatever it is, or
// nothing when the line is not a version line.
std::optional<std::string_view> version_of(std::string_view line, std::string_view prefix) {
    if (!line.starts_with(prefix)) return std::nullopt;
    return line.substr(prefix.size());
}

// Why a file of version `v` ("2") is not read, or nothing when it is
// `known`. Any other version, however written, may mean other fields: such
// a file is skipped whole rather than half understood. `kind` names the
// format as its version line does ("log v").
std::optional<std::string> unknown_version(std::string_view v, int known, std::string_view kind) {
    if (v == std::to_string(known)) return std::nullopt;
    const bool number = !v.empty() && v.size() <= 9 && v.front() != '0' &&
                        std::ranges::all_of(v, [](char c) { return c >= '0' && c <= '9'; });
    if (number && std::stoi(std::string(v)) > known) {
        return fmt::format(
            "written by a newer selfcare ({}{}); skipped the whole file, which this "
            "version cannot read",
            kind, v);
    }
    // "log v" -> "unknown log version 'v0'".
    return fmt::format("unknown {}version 'v{}'; skipped the whole file",
                       kind.substr(0, kind.size() - 1), printable(v.substr(0, 20)));
}

// What scan's caller made of one line.
enum class Verdict {
    good,
    damaged,
    repeated_id,  // a good line whose id an earlier, different line has
};

FileStamp stamp_of(const struct stat& st, std::string name) {
    const auto ns = [](const timespec& t) {
        return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    };
    return FileStamp{std::move(name),
                     static_cast<std::uint64_t>(st.st_size),
                     ns(st.st_mtim),
                     ns(st.st_ctim),
                     static_cast<std::uint64_t>(st.st_ino),
                     static_cast<std::uint64_t>(st.st_dev),
                     static_cast<std::uint32_t>(st.st_mode)};
}

// Whether `st` describes a file as `then` recorded it, its name aside.
bool same_state(const struct stat& st, const FileStamp& then) {
    const FileStamp now = stamp_of(st, {});
    return std::tie(now.size, now.mtime_ns, now.ctime_ns, now.inode, now.device, now.mode) ==
           std::tie(then.size, then.mtime_ns, then.ctime_ns, then.inode, then.device, then.mode);
}

// Reads a whole file under a shared lock, so a line being appended at the
// same moment is never seen half written.
class FileInput {
  public:
    FileInput(Fd fd, fs::path path) : path_(std::move(path)), fd_(fd.release()) {
        while (::flock(fd_, LOCK_SH) != 0) {
            if (errno != EINTR) break;  // a lock we cannot take does not stop a read
        }
    }
    ~FileInput() { ::close(fd_); }
    // Taken under the lock, so it describes exactly the bytes read.
    FileStamp stamp() const {
        struct stat st {};
        if (::fstat(fd_, &st) != 0) throw cannot_read(path_);
        return stamp_of(st, path_.filename().string());
    }
    FileInput(const FileInput&) = delete;
    FileInput& operator=(const FileInput&) = delete;

    size_t read(char* into, size_t n) {
        while (true) {
            const ssize_t got = ::read(fd_, into, n);
            if (got >= 0) return static_cast<size_t>(got);
            if (errno != EINTR) throw cannot_read(path_);
        }
    }

  private:
    fs::path path_;  // a copy: callers may pass a temporary
    int fd_ = -1;
};

}  // namespace

std::optional<FileStamp> stamp_folder(const fs::path& folder) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return std::nullopt;
    return stamp_of(st, {});
}

LogReader::LogReader(const fs::path& folder) : LogReader(folder, kAllMonths) {}

LogReader::LogReader(const fs::path& folder, YearMonth from)
    : LogReader(folder, from, list_log_files(folder)) {}

LogReader::LogReader(fs::path folder, YearMonth from, std::string_view names)
    : folder_(std::move(folder)) {
    // `status` passes over ten years of names to find one month's: a name
    // that starts with an earlier "YYYY-MM" is not looked at further.
    const int year = static_cast<int>(from.year());
    const std::string first = year >= 1 && year <= 9999
                                  ? fmt::format("{:04}-{:02}", year, unsigned(from.month()))
                                  : std::string();
    while (!names.empty()) {
        const size_t end = std::min(names.find('\n'), names.size());
        const std::string_view name = names.substr(0, end);
        names.remove_prefix(std::min(end + 1, names.size()));
        if (name.substr(0, first.size()) < first) continue;
        LogFile file;
        if (parse_log_file_name(name, from, file)) {
            file.name = name;
            files_.push_back(std::move(file));
        }
    }
    // Amendments first in each month, so that removals and notes are known
    // before the sessions they are about go past.
    std::ranges::sort(files_, [](const LogFile& a, const LogFile& b) {
        const bool a_sessions = !a.amendments, b_sessions = !b.amendments;
        return std::tie(a.month, a_sessions, a.conflict_copy, a.name) <
               std::tie(b.month, b_sessions, b.conflict_copy, b.name);
    });
}

std::string LogReader::path_of(const LogFile& file) const {
    std::string path = folder_.string();
    if (!path.ends_with('/')) path += '/';
    return path + file.name;
}

std::vector<YearMonth> LogReader::months() const {
    std::vector<YearMonth> out;
    for (const LogFile& f : files_) {
        if (out.empty() || out.back() != f.month) out.push_back(f.month);
    }
    return out;
}

std::pair<size_t, size_t> LogReader::files_of(YearMonth month) const {
    // lower_bound and upper_bound rather than equal_range: clang 14 cannot
    // compile the subrange that libstdc++ 12's ranges::equal_range returns.
    const auto first = std::ranges::lower_bound(files_, month, {}, &LogFile::month);
    const auto last = std::ranges::upper_bound(files_, month, {}, &LogFile::month);
    return {static_cast<size_t>(first - files_.begin()),
            static_cast<size_t>(last - files_.begin())};
}

std::vector<FileStamp> LogReader::read_month(YearMonth month,
                                             const std::function<void(const SessionView&)>& visit) {
    const auto [first, last] = files_of(month);
    std::vector<FileStamp> stamps;
    IdSet seen;
    Amendments amendments;
    for (size_t i = first; i < last; ++i) {
        if (files_[i].amendments) {
            stamps.push_back(read_amendments(files_[i], amendments));
        } else {
            stamps.push_back(read_file(files_[i], seen, amendments, visit));
        }
    }
    return stamps;
}

std::optional<std::vector<FileStamp>> LogReader::stamps(YearMonth month) const {
    const auto [first, last] = files_of(month);
    std::vector<FileStamp> out;
    for (size_t i = first; i < last; ++i) {
        struct stat st {};
        if (::stat(path_of(files_[i]).c_str(), &st) != 0) return std::nullopt;
        out.push_back(stamp_of(st, files_[i].name));
    }
    return out;
}

bool LogReader::unchanged(YearMonth from, YearMonth through,
                          const std::vector<FileStamp>& then) const {
    const auto first = std::ranges::lower_bound(files_, from, {}, &LogFile::month);
    const auto last = std::ranges::upper_bound(files_, through, {}, &LogFile::month);
    if (last < first || static_cast<size_t>(last - first) != then.size()) return false;
    // Hundreds of files are stamped here: relative to the folder, the kernel
    // does not walk the folder's whole path again for each.
    const Fd dir(::open(folder_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return false;
    for (size_t i = 0; i < then.size(); ++i) {
        const LogFile& file = first[static_cast<std::ptrdiff_t>(i)];
        struct stat st {};
        if (file.name != then[i].name || ::fstatat(dir.get(), file.name.c_str(), &st, 0) != 0 ||
            !same_state(st, then[i])) {
            return false;
        }
    }
    return true;
}

FileStamp LogReader::read_file(const LogFile& file, IdSet& seen, const Amendments& amendments,
                               const std::function<void(const SessionView&)>& visit) {
    SessionView view;
    return scan(file, kLogVersionLine.substr(0, kLogVersionLine.size() - 1), kLogVersion,
                [&](std::string_view line) {
                    if (decode_line(line, view) != nullptr) return Verdict::damaged;
                    const std::chrono::year_month_day ymd(view.date);
                    if (ymd.year() / ymd.month() != file.month) return Verdict::damaged;
                    if (!amendments.removed.empty() && amendments.removed.contains(view.id)) {
                        return Verdict::good;
                    }
                    switch (seen.insert(view.id, std::hash<std::string_view>{}(line))) {
                        case IdSet::Seen::first:
                            break;
                        case IdSet::Seen::same:
                            return Verdict::good;  // a copy: conflict files repeat lines
                        case IdSet::Seen::different:
                            // Two sessions claim one id: the first read is
                            // kept (device files come before conflict copies).
                            return Verdict::repeated_id;
                    }
                    const auto note = amendments.notes.find(view.id);
                    view.note = note == amendments.notes.end() ? std::string_view{} : note->second;
                    visit(view);
                    return Verdict::good;
                });
}

FileStamp LogReader::read_amendments(const LogFile& file, Amendments& into) {
    AmendmentView a;
    return scan(file, kAmendVersionPrefix, kAmendVersion, [&](std::string_view line) {
        if (decode_amendment(line, a) != nullptr) return Verdict::damaged;
        const std::chrono::year_month_day ymd(a.date);
        if (ymd.year() / ymd.month() != file.month) return Verdict::damaged;
        if (a.kind == AmendKind::remove) {
            into.removed.insert(a.id);
        } else {
            into.notes.insert_or_assign(a.id, unescape_field(a.text));
        }
        return Verdict::good;
    });
}

template <typename Take>
FileStamp LogReader::scan(const LogFile& file, std::string_view version_prefix, int known_version,
                          Take&& take_line) {
    // Not zeroed: only bytes read into it are ever looked at.
    if (!buffer_) buffer_ = std::make_unique_for_overwrite<char[]>(kBufferSize);
    const std::string path = path_of(file);
    InputFile in = open_input(path);
    if (!in.fd) {
        if (!in.not_regular) {
            throw Error(fmt::format("cannot read {}: {}", printable(path), in.error));
        }
        // A FIFO or a link to /dev/zero where a month file should be: read,
        // it would hang or never end. It is skipped, said once, and the
        // rest of the log is read.
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) throw cannot_read(path);
        damage_.push_back(FileDamage{path, 0, {}, "not a regular file; skipped it"});
        return stamp_of(st, file.name);
    }
    FileInput input(std::move(in.fd), path);
    FileStamp stamp = input.stamp();
    FileDamage damage{path, 0, {}, {}};
    const auto damaged = [&](int line) {
        if (damage.lines.size() < kLinesNamed) damage.lines.push_back(line);
        ++damage.skipped;
    };
    int number = 0;
    int repeated = 0;
    bool unknown = false;
    const auto take = [&](std::string_view line) {
        ++number;
        if (number == 1) {
            if (const auto v = version_of(line, version_prefix)) {
                if (auto why = unknown_version(*v, known_version, version_prefix.substr(11))) {
                    damage.note = std::move(*why);
                    unknown = true;
                }
                return;
            }
        }
        if (unknown) return;
        if (line.empty() || line.front() == '#') return;  // blank lines and comments
        switch (take_line(line)) {
            case Verdict::good:
                return;
            case Verdict::repeated_id:
                ++repeated;
                return damaged(number);
            case Verdict::damaged:
                return damaged(number);
        }
    };

    char* const buf = buffer_.get();
    size_t held = 0;        // bytes of an unfinished line at the front of buf
    bool overlong = false;  // inside a line longer than the buffer
    while (true) {
        const size_t got = input.read(buf + held, kBufferSize - held);
        if (got == 0) break;
        const char* p = buf;
        const char* end = buf + held + got;
        while (const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p))) {
            if (overlong) {
                ++number;
                damaged(number);
                overlong = false;
            } else {
                take(std::string_view(p, static_cast<size_t>(nl - p)));
            }
            p = nl + 1;
        }
        held = static_cast<size_t>(end - p);
        if (held == kBufferSize) {  // no line ends in a full buffer: far too long to be ours
            overlong = true;
            held = 0;
        } else if (held > 0 && p != buf) {
            std::memmove(buf, p, held);
        }
    }
    // A last line with no newline was cut short by a crash (or is being
    // written by someone who does not take the lock): it is not a session.
    if (held > 0 || overlong) {
        ++number;
        if (!unknown) damaged(number);
    }
    if (repeated > 0) {
        damage.note = fmt::format(
            "{} of them {} the id of an earlier session with different content, which was kept",
            repeated, repeated == 1 ? "repeats" : "repeat");
    }
    if (damage.skipped > 0 || unknown) damage_.push_back(std::move(damage));
    return stamp;
}

}  // namespace selfcare
