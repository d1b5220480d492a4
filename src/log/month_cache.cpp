#include "month_cache.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>

#include "file.hpp"
#include "folder_listing.hpp"
#include "session_log.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

constexpr mode_t kFileMode = 0600;

// Creates `dir` (0700) when missing, and takes group and other permissions
// off it when it is there with them: summaries are for the user alone. The
// user's own bits are left as they are (a folder made read-only stays so).
// False when the folder cannot be had.
bool private_folder(const fs::path& dir) {
    if (!make_private_dirs(dir).empty()) return false;
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

MonthCache::MonthCache(const fs::path& root, const fs::path& data_folder, WallClock clock)
    : data_folder_(data_folder), clock_(clock) {
    if (root.empty()) return;
    root_ = root;
    dir_ = root / fmt::format("log-{:016x}", fnv1a(data_folder.string()));
}

LogReader MonthCache::reader(YearMonth from) const {
    if (root_.empty()) return {data_folder_, from};
    // The time is read before the stamp: any change made after the stamp
    // was taken then gets a later time than the settled one kept.
    const auto now = clock_();
    const std::optional<FileStamp> stamp = stamp_folder(data_folder_);
    if (!stamp) return {data_folder_, from};
    const FileText kept = read_small_file(listing_file(), kMaxListingBytes, Links::refuse);
    if (kept.ok()) {
        if (const auto names = decode_listing(kept.text, data_folder_, *stamp)) {
            return {data_folder_, from, *names};
        }
    }
    const std::string names = list_log_files(data_folder_);
    // The later of the two times: the change time moves with any change,
    // even one that sets the modification time back (rsync -t does), and a
    // modification time in the future holds the listing back until then.
    const std::chrono::nanoseconds changed(std::max(stamp->mtime_ns, stamp->ctime_ns));
    if (now.time_since_epoch() - changed > kListingSettle) {
        if (const auto text = encode_listing(data_folder_, *stamp, names)) {
            write_file(listing_file(), *text);
        }
    }
    return {data_folder_, from, names};
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

std::vector<FileStamp> MonthCache::read(
    LogReader& reader, YearMonth month,
    const std::function<void(const SessionView&)>& visit) const {
    MonthSummary s = read_summary(reader, month, visit);
    if (root_.empty()) return std::move(s.files);
    // Reading the cached summary first spares a write (and a dirty page)
    // on every report of a month that has not changed.
    const std::optional<MonthSummary> cached = load(month);
    if (!cached || *cached != s) store(s);
    return std::move(s.files);
}

std::optional<MonthSummary> MonthCache::load(YearMonth month) const {
    if (root_.empty()) return std::nullopt;
    // Summaries are renamed into place whole and never written in place;
    // anything that is not one (a link, a FIFO, too large) is not read.
    const FileText file = read_small_file(file_for(month), kMaxSummaryBytes, Links::refuse);
    if (!file.ok() || file.text.empty()) return std::nullopt;
    return decode_summary(file.text, month, data_folder_);
}

std::optional<SettledWeeks> MonthCache::settled(const LogReader& reader, WeekStart start,
                                                std::uint64_t goals, Date before) const {
    if (root_.empty()) return std::nullopt;
    const FileText file = read_small_file(settled_file(start), kMaxSettledBytes, Links::refuse);
    if (!file.ok() || file.text.empty()) return std::nullopt;
    std::optional<SettledWeeks> s = decode_settled(file.text, data_folder_, start, goals);
    // The weeks' end is checked first: stamping every file is the cost.
    if (!s || s->week + std::chrono::days(7) > before ||
        !reader.unchanged(s->from, settled_through(s->week), s->files))
        return std::nullopt;
    return s;
}

void MonthCache::store_settled(const SettledWeeks& s, WeekStart start, std::uint64_t goals) const {
    if (root_.empty()) return;
    if (const std::optional<std::string> text = encode_settled(s, data_folder_, start, goals)) {
        write_file(settled_file(start), *text);
    }
}

fs::path MonthCache::settled_file(WeekStart start) const {
    if (root_.empty()) return {};
    return dir_ / (start == WeekStart::monday ? "settled-monday.weeks" : "settled-sunday.weeks");
}

fs::path MonthCache::listing_file() const {
    if (root_.empty()) return {};
    return dir_ / "folder.listing";
}

void MonthCache::store(const MonthSummary& s) const {
    if (root_.empty() || s.files.empty()) return;
    if (const std::optional<std::string> text = encode_summary(s, data_folder_)) {
        write_file(file_for(s.month), *text);
    }
}

void MonthCache::write_file(const fs::path& file, const std::string& text) const {
    if (!private_folder(root_) || !private_folder(dir_)) return;
    const fs::path temp = dir_ / fmt::format(".{}.{}.tmp", file.filename().string(), ::getpid());
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, kFileMode));
    if (!fd) return;
    // The mode is set outright, not left to the umask: summaries are health data.
    const bool written =
        ::fchmod(fd.get(), kFileMode) == 0 && write_all(fd.get(), text) == text.size();
    const bool closed = ::close(fd.release()) == 0;
    // No fsync: after a crash the file is whole, missing or damaged, and a
    // damaged one fails its checksum and is made again.
    if (!written || !closed || ::rename(temp.c_str(), file.c_str()) != 0) ::unlink(temp.c_str());
}

}  // namespace selfcare
