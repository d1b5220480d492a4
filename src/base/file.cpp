#include "file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>

namespace selfcare {

Fd::~Fd() {
    if (fd_ >= 0) ::close(fd_);
}

Fd& Fd::operator=(Fd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

int Fd::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

std::size_t write_all(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    return done;
}

InputFile open_input(const std::filesystem::path& path, Links links) {
    InputFile in;
    const int flags =
        O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (links == Links::refuse ? O_NOFOLLOW : 0);
    in.fd = Fd(::open(path.c_str(), flags));
    if (!in.fd) {
        in.missing = errno == ENOENT;
        if (errno == ELOOP && links == Links::refuse) {
            in.error = "is a symbolic link; refusing it";
        } else if (in.missing) {
            // strerror's own text: selfcare never sets a locale, so that is
            // always the English one. A missing config is the usual case at
            // every prompt, and strerror would page in libc's message
            // catalogue code for it.
            in.error = "No such file or directory";
        } else {
            in.error = std::strerror(errno);
        }
        return in;
    }
    struct stat st {};
    if (::fstat(in.fd.get(), &st) != 0) {
        in.error = std::strerror(errno);
    } else if (S_ISDIR(st.st_mode)) {
        in.error = std::strerror(EISDIR);
    } else if (!S_ISREG(st.st_mode)) {
        in.error = "is not a regular file (a pipe, a device or a socket); refusing to read it";
        in.not_regular = true;
    } else {
        in.size = static_cast<std::uint64_t>(st.st_size);
    }
    if (!in.error.empty()) in.fd = Fd();
    return in;
}

FileText read_small_file(const std::filesystem::path& path, std::size_t max_bytes, Links links) {
    FileText out;
    InputFile in = open_input(path, links);
    if (!in.fd) {
        out.error = std::move(in.error);
        out.missing = in.missing;
        return out;
    }
    // Read straight into the text, one byte past the limit at most, so that
    // an oversized file is known without trusting its size. The size at
    // opening is the first guess: most files are read by one read() into
    // room made once, and one more read() finds the end.
    std::size_t have = 0;
    std::size_t room = std::min<std::uint64_t>(in.size + 1, max_bytes + 1);
    while (have <= max_bytes) {
        if (have == room) room = std::min(room * 2, max_bytes + 1);
        out.text.resize(room);
        const ssize_t n = ::read(in.fd.get(), out.text.data() + have, room - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            out.error = std::strerror(errno);
            out.text.clear();
            return out;
        }
        if (n == 0) break;
        have += static_cast<std::size_t>(n);
    }
    out.text.resize(have);
    if (out.text.size() > max_bytes) {
        out.error =
            fmt::format("file is larger than {} KiB; refusing to read it", max_bytes / 1024);
        out.text.clear();
    }
    return out;
}

}  // namespace selfcare
