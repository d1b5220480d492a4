#include "file.hpp"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;

TEST_CASE("a small file is read whole, and a missing one says so") {
    TempDir dir;
    write_file(dir / "a.toml", "title = \"A\"\n");
    const FileText a = read_small_file(dir / "a.toml", 100);
    CHECK(a.ok());
    CHECK(a.text == "title = \"A\"\n");
    const FileText gone = read_small_file(dir / "gone.toml", 100);
    CHECK_FALSE(gone.ok());
    CHECK(gone.missing);
    CHECK(gone.error == "No such file or directory");
}

TEST_CASE("a file one byte over the limit is refused; one at the limit is read") {
    TempDir dir;
    write_file(dir / "at", std::string(2048, 'x'));
    write_file(dir / "over", std::string(2049, 'x'));
    CHECK(read_small_file(dir / "at", 2048).text.size() == 2048);
    const FileText over = read_small_file(dir / "over", 2048);
    CHECK(over.error == "file is larger than 2 KiB; refusing to read it");
    CHECK(over.text.empty());
    CHECK_FALSE(over.missing);
}

// Each of these would hang or never end a read if it were opened and read
// like a file: a FIFO with no writer blocks the open, /dev/zero never ends.
TEST_CASE("a file longer than its size said when it was opened is read whole, to the limit") {
    // /proc files say they are empty, then give pages of text: the size
    // seen at opening is only where reading starts.
    const FileText status = read_small_file("/proc/self/status", 64 * 1024);
    REQUIRE(status.ok());
    CHECK(status.text.starts_with("Name:"));
    CHECK(status.text.find("\nPid:") != std::string::npos);
    CHECK(status.text.ends_with('\n'));
    const FileText over = read_small_file("/proc/self/status", 16);
    CHECK(over.error.starts_with("file is larger than"));
    CHECK(over.text.empty());
}

TEST_CASE("FIFOs, devices and folders are refused at once") {
    TempDir dir;
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    const FileText fifo = read_small_file(dir / "fifo", 1024);
    CHECK(fifo.error ==
          "is not a regular file (a pipe, a device or a socket); refusing to read it");
    CHECK(read_small_file("/dev/zero", 1024).error.starts_with("is not a regular file"));
    CHECK(read_small_file(dir.path(), 1024).error == "Is a directory");
    const InputFile in = open_input(dir / "fifo");
    CHECK_FALSE(in.fd);
}

TEST_CASE("a symbolic link is followed unless links are refused") {
    TempDir dir;
    write_file(dir / "real", "text");
    std::filesystem::create_symlink(dir / "real", dir / "link");
    CHECK(read_small_file(dir / "link", 100).text == "text");
    CHECK(read_small_file(dir / "link", 100, Links::refuse).error ==
          "is a symbolic link; refusing it");
    // A link to /dev/zero is no way round the regular-file rule.
    std::filesystem::create_symlink("/dev/zero", dir / "zero");
    CHECK(read_small_file(dir / "zero", 100).error.starts_with("is not a regular file"));
}

TEST_CASE("write_all writes everything and says how much went out when it cannot") {
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    CHECK(write_all(ends[1], "hello") == 5);
    char got[8] = {};
    CHECK(::read(ends[0], got, sizeof got) == 5);
    CHECK(std::string(got) == "hello");
    ::close(ends[0]);
    // With nobody to read, the write fails (SIGPIPE is ignored for the test).
    struct sigaction ignore {
    }, old{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
    CHECK(write_all(ends[1], "lost") == 0);
    CHECK(errno == EPIPE);
    ::sigaction(SIGPIPE, &old, nullptr);
    ::close(ends[1]);
    CHECK(write_all(ends[1], "closed") == 0);
    CHECK(errno == EBADF);
}

TEST_CASE("an Fd closes what it owns, once") {
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    {
        Fd a(ends[0]);
        Fd b(std::move(a));
        CHECK_FALSE(a);
        CHECK(b.get() == ends[0]);
    }
    CHECK(::fcntl(ends[0], F_GETFD) == -1);  // closed when b went
    Fd c(ends[1]);
    const int raw = c.release();
    CHECK(::fcntl(raw, F_GETFD) != -1);  // released: still open
    ::close(raw);
}
