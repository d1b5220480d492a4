#pragma once
// Files and descriptors: one way to open an input, read a small file and
// write bytes out, used by every layer. Failures are values (an error text
// and errno's verdict), never exceptions: each caller decides what a missing
// or unreadable file means for it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace selfcare {

// Owns a file descriptor and closes it at the end of its scope.
class Fd {
  public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd();
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    // Gives the descriptor up without closing it.
    int release();

  private:
    int fd_;
};

// Writes all of `bytes`, going on after short writes and EINTR. Returns how
// many bytes went out: fewer than bytes.size() means a write failed, and
// errno says why.
std::size_t write_all(int fd, std::string_view bytes);

// Whether a symbolic link in the last component is followed. The log and
// the cache refuse links, so nobody can point selfcare's writes elsewhere.
enum class Links { follow, refuse };

// An input file opened for reading, or why it was not.
struct InputFile {
    Fd fd;
    std::string error;         // empty when `fd` is open
    bool missing = false;      // it does not exist: for most callers, not an error
    bool not_regular = false;  // refused: a FIFO, a device or a socket (a folder is EISDIR)
    std::uint64_t size = 0;    // its size when opened: a hint, since it may grow
};

// Opens `path` for reading. The open does not block, so a FIFO in its place
// cannot hang the program, and anything that is not a regular file (a FIFO,
// a device such as /dev/zero, a folder, a socket) is refused with "not a
// regular file", so that every read that follows ends.
InputFile open_input(const std::filesystem::path& path, Links links = Links::follow);

// A whole small file's text, or why it could not be had.
struct FileText {
    std::string text;
    std::string error;     // empty when `text` is the file's content
    bool missing = false;  // it does not exist
    bool ok() const { return error.empty(); }
};

// Reads all of `path` through open_input. A file over `max_bytes` is an
// error; it is found by reading one byte past the limit, so a file that
// grows while it is read cannot get round it.
FileText read_small_file(const std::filesystem::path& path, std::size_t max_bytes,
                         Links links = Links::follow);

}  // namespace selfcare
