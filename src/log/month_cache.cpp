#include "month_cache.hpp"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "error.hpp"
#include "session_log.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

constexpr mode_t kFileMode = 0600;

// The whole of a small regular file, or nothing when it cannot be read or
// is larger than any summary (then it is not one).
std::optional<std::string> read_small_file(const fs::path& path) {
    // O_NONBLOCK keeps a FIFO planted in the cache from hanging the open.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::string text;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
              static_cast<size_t>(st.st_size) <= kMaxSummaryBytes;
    // Summaries are renamed into place whole and never written in place, so
    // the size fstat gives is the size to read; a short read is a failure.
    if (ok) text.resize(static_cast<size_t>(st.st_size));
    for (size_t got = 0; ok && got < text.size();) {
        const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (!ok) return std::nullopt;
    return text;
}

bool write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        text.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Creates `dir` (0700) when missing, and takes group and other permissions
// off it when it is there with them: summaries are for the user alone. The
// user's own bits are left as they are (a folder made read-only stays so).
// False when the folder cannot be had.
bool private_folder(const fs::path& dir) {
    try {
        make_private_dirs(dir);
    } catch (const Error&) {
        return false;
    }
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    return (st.st_mode & 077) == 0 || ::chmod(dir.c_str(), st.st_mode & 0700) == 0;
}

// Reads `month` from the log into a summary, passing sessions on to `visit`.
MonthSummary read_summary(LogReader& reader, YearMonth month,
                          const std::function<void(const SessionView&)>& visit) {
    MonthSummary s{month, {}, {}, {}};
    const size_t known_damage = reader.damage().size();
    s.files = reader.read_month(month, [&](const SessionView& v) {
        add_session(s, v);
        if (visit) visit(v);
    });
    const auto& damage = reader.damage();
    s.damage.assign(damage.begin() + static_cast<std::ptrdiff_t>(known_damage), damage.end());
    return s;
}

}  // namespace

MonthCache::MonthCache(const fs::path& root, const fs::path& data_folder) {
    if (root.empty()) return;
    root_ = root;
    data_folder_ = data_folder;
    dir_ = root / fmt::format("log-{:016x}", fnv1a(data_folder.string()));
}

fs::path MonthCache::file_for(YearMonth month) const {
    if (root_.empty()) return {};
    return dir_ / fmt::format("{:04}-{:02}.summary", static_cast<int>(month.year()),
                              static_cast<unsigned>(month.month()));
}

MonthSummary MonthCache::summarize(LogReader& reader, YearMonth month) const {
    if (!root_.empty()) {
        const std::optional<std::vector<FileStamp>> now = reader.stamps(month);
        std::optional<MonthSummary> cached = now ? load(month) : std::nullopt;
        if (cached && cached->files == *now) {
            for (const FileDamage& d : cached->damage)
                reader.add_damage(d);
            return std::move(*cached);
        }
    }
    MonthSummary s = read_summary(reader, month, {});
    store(s);
    return s;
}

void MonthCache::read(LogReader& reader, YearMonth month,
                      const std::function<void(const SessionView&)>& visit) const {
    const MonthSummary s = read_summary(reader, month, visit);
    if (root_.empty()) return;
    // Reading the cached summary first spares a write (and a dirty page)
    // on every report of a month that has not changed.
    const std::optional<MonthSummary> cached = load(month);
    if (!cached || *cached != s) store(s);
}

std::optional<MonthSummary> MonthCache::load(YearMonth month) const {
    if (root_.empty()) return std::nullopt;
    const std::optional<std::string> text = read_small_file(file_for(month));
    if (!text) return std::nullopt;
    return decode_summary(*text, month, data_folder_);
}

void MonthCache::store(const MonthSummary& s) const {
    if (root_.empty() || s.files.empty()) return;
    const std::optional<std::string> text = encode_summary(s, data_folder_);
    if (!text || !private_folder(root_) || !private_folder(dir_)) return;
    const fs::path file = file_for(s.month);
    const fs::path temp = dir_ / fmt::format(".{}.{}.tmp", file.filename().string(), ::getpid());
    const int fd =
        ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, kFileMode);
    if (fd < 0) return;
    // The mode is set outright, not left to the umask: summaries are health data.
    const bool written = ::fchmod(fd, kFileMode) == 0 && write_all(fd, *text);
    const bool closed = ::close(fd) == 0;
    // No fsync: after a crash the file is whole, missing or damaged, and a
    // damaged one fails its checksum and is made again.
    if (!written || !closed || ::rename(temp.c_str(), file.c_str()) != 0) ::unlink(temp.c_str());
}

}  // namespace selfcare
