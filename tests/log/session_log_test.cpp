#include "session_log.hpp"

#include <sys/stat.h>

#include <doctest/doctest.h>

#include "error.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

Session session(const char* date, std::uint64_t id) {
    Session s;
    parse_date(date, s.date);
    s.start = std::string(date) + "T07:30:00+01:00";
    s.routine = "neck-release";
    s.title = "Neck release";
    s.active_s = s.planned_min_s = s.planned_max_s = 65;
    s.segments_done = s.segments_total = 3;
    s.device = "desk-000001";
    s.id = id;
    return s;
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Sets the umask for a scope.
struct UmaskGuard {
    explicit UmaskGuard(mode_t m) : old(::umask(m)) {}
    ~UmaskGuard() { ::umask(old); }
    mode_t old;
};

}  // namespace

TEST_CASE("the month file is named for its month and device") {
    CHECK(month_file_name(std::chrono::year(2026) / 11, "desk-000001") ==
          "2026-11.desk-000001.log");
    CHECK(month_file_name(std::chrono::year(2027) / 1, "a") == "2027-01.a.log");
}

TEST_CASE("the first append writes the version line, later ones only their line") {
    TempDir dir;
    const fs::path folder = dir / "data/selfcare";
    const fs::path file = append_session(folder, session("2026-11-16", 1));
    CHECK(file == folder / "2026-11.desk-000001.log");
    append_session(folder, session("2026-11-17", 2));
    const std::string text = read_file(file);
    CHECK(text.starts_with("# selfcare log v1\n# date\tstart\t"));
    CHECK(text.ends_with(encode_line(session("2026-11-16", 1)) +
                         encode_line(session("2026-11-17", 2))));
    // December goes to its own file.
    CHECK(append_session(folder, session("2026-12-01", 3)) == folder / "2026-12.desk-000001.log");
}

TEST_CASE("files are 0600 and folders 0700 whatever the umask") {
    for (const mode_t mask : {mode_t{0}, mode_t{0277}}) {
        CAPTURE(mask);
        UmaskGuard guard(mask);
        TempDir dir;
        const fs::path file = append_session(dir / "share/selfcare", session("2026-11-16", 1));
        CHECK(mode_of(file) == 0600);
        CHECK(mode_of(dir / "share/selfcare") == 0700);
        CHECK(mode_of(dir / "share") == 0700);
    }
}

TEST_CASE("a torn tail gets a newline so the next line starts fresh") {
    TempDir dir;
    const fs::path file = dir / "2026-11.desk-000001.log";
    const std::string torn = std::string(log_file_header()) + "2026-11-15\t2026-11-15T07:";
    write_file(file, torn);
    append_session(dir.path(), session("2026-11-16", 1));
    CHECK(read_file(file) == torn + "\n" + encode_line(session("2026-11-16", 1)));
    write_file(file, std::string("abc\0\0\0", 6));
    append_session(dir.path(), session("2026-11-16", 1));
    CHECK(read_file(file) == std::string("abc\0\0\0\n", 7) + encode_line(session("2026-11-16", 1)));
}

TEST_CASE("a symbolic link in place of the log is refused and left alone") {
    TempDir dir;
    write_file(dir / "elsewhere.txt", "mine\n");
    fs::create_symlink(dir / "elsewhere.txt", dir / "2026-11.desk-000001.log");
    CHECK_THROWS_WITH_AS(append_session(dir.path(), session("2026-11-16", 1)),
                         ("session NOT saved: " + (dir / "2026-11.desk-000001.log").string() +
                          ": is a symbolic link; refusing to write through it")
                             .c_str(),
                         Error);
    CHECK(read_file(dir / "elsewhere.txt") == "mine\n");
}

TEST_CASE("a folder that cannot be made is reported as not saved") {
    TempDir dir;
    write_file(dir / "data", "a file where the folder should be");
    CHECK_THROWS_WITH_AS(
        append_session(dir / "data/selfcare", session("2026-11-16", 1)),
        ("session NOT saved: " + (dir / "data").string() + ": not a folder").c_str(), Error);
}
