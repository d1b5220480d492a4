#include "session_log.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>

#include "error.hpp"
#include "file.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

// A failure with the path and errno's text.
struct Failure {
    fs::path path;
    std::string reason;
};

Failure os_failure(const fs::path& path, std::string_view what = {}) {
    std::string reason = std::strerror(errno);
    if (!what.empty()) reason = fmt::format("{} failed: {}", what, reason);
    return Failure{path, std::move(reason)};
}

void sync_dir(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) throw os_failure(dir, "syncing the folder");
}

void make_dirs(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) throw Failure{dir, "not a folder"};
        return;
    }
    if (errno != ENOENT && errno != ENOTDIR) throw os_failure(dir);
    const fs::path parent = dir.parent_path();
    if (!parent.empty() && parent != dir) make_dirs(parent);
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) return;  // made by another process just now
        throw os_failure(dir);
    }
    if (::chmod(dir.c_str(), 0700) != 0) throw os_failure(dir);
    if (!parent.empty()) sync_dir(parent);
}

// What ssh's StrictModes checks, for health data: the log folder must be
// ours, and is made private (0700) when it is not yet. A folder someone
// else owns is refused: they could read the sessions or swap the files.
void check_folder(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) throw os_failure(dir);
    if (st.st_uid != ::geteuid()) {
        throw Failure{dir, fmt::format("belongs to another user (uid {}), who could read or change "
                                       "your sessions; refusing to write there. Use a folder of "
                                       "your own (set XDG_DATA_HOME), or have it given to you "
                                       "(chown)",
                                       st.st_uid)};
    }
    if ((st.st_mode & 077) != 0 && ::chmod(dir.c_str(), 0700) != 0) {
        throw os_failure(dir, "making it private (chmod 700)");
    }
}

// The same for the month file, checked on the open descriptor so that what
// is checked is what is written. A file another user owns, or one others
// can write, may have been put there to collect the sessions or may have
// been changed: it is refused with what to do. Our own file that others can
// only read is made private (0600).
void check_file(int fd, const fs::path& path) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw os_failure(path);
    if (st.st_uid != ::geteuid()) {
        throw Failure{path, fmt::format("belongs to another user (uid {}), who could read your "
                                        "sessions; refusing to write to it. Check it, then move "
                                        "it out of the folder and run again",
                                        st.st_uid)};
    }
    if ((st.st_mode & 022) != 0) {
        throw Failure{path,
                      "can be written by other users; refusing to write to it. Check it, "
                      "then make it yours alone with 'chmod 600' and run again"};
    }
    if ((st.st_mode & 077) != 0 && ::fchmod(fd, 0600) != 0) {
        throw os_failure(path, "making it private (chmod 600)");
    }
}

// Opens the month file for appending, creating it when missing. `created`
// tells whether this call made it.
int open_log(const fs::path& path, bool& created) {
    // O_NONBLOCK keeps a FIFO planted in the folder from hanging the open;
    // anything but a regular file is refused below.
    constexpr int flags = O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK;
    int fd = ::open(path.c_str(), flags | O_CREAT | O_EXCL, 0600);
    created = fd >= 0;
    if (fd < 0 && errno == EEXIST) fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        if (errno == ELOOP) throw Failure{path, "is a symbolic link; refusing to write through it"};
        throw os_failure(path);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Failure{path, "is not a regular file"};
    }
    // The mode is set outright, not left to the umask: this is health data.
    if (created && ::fchmod(fd, 0600) != 0) {
        const Failure f = os_failure(path);
        ::close(fd);
        throw f;
    }
    return fd;
}

// Everything that goes into the file in this append: the header for an empty
// file, a newline to end a torn tail, and the line.
std::string bytes_to_write(int fd, off_t size, std::string_view header, std::string_view line,
                           const fs::path& path) {
    std::string out;
    if (size == 0) {
        out = header;
    } else {
        char last = 0;
        if (::pread(fd, &last, 1, size - 1) != 1) throw os_failure(path, "reading the last byte");
        if (last != '\n') out = "\n";
    }
    out += line;
    return out;
}

enum class Written { done, file_gone };

// Appends under the lock. A file this call created is removed again when
// its first write fails, so a full disk leaves no empty month file behind;
// another writer that opened it meanwhile finds it unlinked once it has the
// lock (file_gone) and opens the path again.
Written write_locked(int fd, const fs::path& path, std::string_view header, std::string_view line,
                     bool created) {
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) throw os_failure(path, "locking");
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw os_failure(path);
    if (st.st_nlink == 0) return Written::file_gone;
    const std::string bytes = bytes_to_write(fd, st.st_size, header, line, path);
    // One write normally does it all. Another is tried only after a short
    // write, to learn why it stopped (EFBIG, ENOSPC).
    const size_t done = write_all(fd, bytes);
    if (done == bytes.size() && ::fdatasync(fd) == 0) return Written::done;
    Failure failure = os_failure(path, done == bytes.size() ? "fdatasync" : "");
    if (created && st.st_size == 0 && ::unlink(path.c_str()) == 0) throw failure;
    // Take back whatever part went in, so the file is as it was. The lock is
    // still held, so no other writer's line can be behind ours.
    if (done > 0 && ::ftruncate(fd, st.st_size) != 0) {
        failure.reason +=
            fmt::format("; the partial line could not be cut off: {}", std::strerror(errno));
    }
    throw failure;
}

// Appends `line` to `path` in `folder`, starting a new file with `header`.
void append_line(const fs::path& folder, const fs::path& path, std::string_view header,
                 std::string_view line) {
    make_dirs(folder);
    check_folder(folder);
    // A second try is needed only when another writer removed the file it
    // had just created (a failed first write) while this one waited.
    for (int attempt = 0;; ++attempt) {
        bool created = false;
        Fd fd(open_log(path, created));
        check_file(fd.get(), path);
        // The new name is made durable before the line goes in, so that a
        // failure here cannot leave a written line reported as unsaved.
        if (created) sync_dir(folder);
        if (write_locked(fd.get(), path, header, line, created) == Written::done) return;
        if (attempt == 3) throw Failure{path, "removed by another writer again and again"};
    }
}

std::string month_prefix(std::chrono::year_month month) {
    return fmt::format("{:04}-{:02}", static_cast<int>(month.year()),
                       static_cast<unsigned>(month.month()));
}

}  // namespace

std::string month_file_name(std::chrono::year_month month, std::string_view device) {
    return fmt::format("{}.{}.log", month_prefix(month), device);
}

std::string amendment_file_name(std::chrono::year_month month, std::string_view device) {
    return fmt::format("{}.{}.amend", month_prefix(month), device);
}

std::string make_private_dirs(const fs::path& dir) {
    try {
        make_dirs(dir);
    } catch (const Failure& f) {
        return fmt::format("{}: {}", f.path.string(), f.reason);
    }
    return {};
}

fs::path append_session(const fs::path& folder, const Session& s) {
    const std::chrono::year_month_day ymd(s.date);
    fs::path path = folder / month_file_name(ymd.year() / ymd.month(), s.device);
    try {
        append_line(folder, path, log_file_header(), encode_line(s));
    } catch (const Failure& f) {
        throw Error(fmt::format("session NOT saved: {}: {}", f.path.string(), f.reason));
    }
    return path;
}

fs::path append_record(const fs::path& folder, std::string_view name, std::string_view header,
                       std::string_view line, std::string_view what) {
    fs::path path = folder / name;
    try {
        append_line(folder, path, header, line);
    } catch (const Failure& f) {
        throw Error(fmt::format("{} NOT saved: {}: {}", what, f.path.string(), f.reason));
    }
    return path;
}

fs::path append_amendment(const fs::path& folder, std::string_view device, const Amendment& a) {
    const std::chrono::year_month_day ymd(a.date);
    fs::path path = folder / amendment_file_name(ymd.year() / ymd.month(), device);
    const std::string_view what = a.kind == AmendKind::note ? "note" : "removal";
    if (std::string why = validate(a); !why.empty() || !is_device_name(device)) {
        if (why.empty()) why = fmt::format("'{}' is not a device name", device);
        throw Error(fmt::format("{} NOT saved: {}: {}", what, folder.string(), why));
    }
    try {
        append_line(folder, path, amendment_file_header(), encode_amendment(a));
    } catch (const Failure& f) {
        throw Error(fmt::format("{} NOT saved: {}: {}", what, f.path.string(), f.reason));
    }
    return path;
}

}  // namespace selfcare
