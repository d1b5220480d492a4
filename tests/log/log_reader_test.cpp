#include "log_reader.hpp"

#include <algorithm>
#include <sys/stat.h>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "error.hpp"
#include "session_log.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

std::string line(const char* date, const char* id, const char* device = "desk-000001") {
    return fmt::format(
        "{0}\t{0}T07:30:00+01:00\tneck-release\tNeck release\t65\t65\t65\t3\t3\t-\t-\ttimer\t{1}\t"
        "{2}\tcompleted\n",
        date, device, id);
}

std::vector<std::string> ids_in(LogReader& reader, YearMonth month) {
    std::vector<std::string> out;
    reader.read_month(month, [&](const SessionView& v) { out.push_back(format_id(v.id)); });
    return out;
}

constexpr YearMonth kNov = std::chrono::year(2026) / 11;

}  // namespace

TEST_CASE("a missing folder is an empty log") {
    TempDir dir;
    LogReader reader(dir / "nothing-here");
    CHECK(reader.empty());
    CHECK(ids_in(reader, kNov).empty());
}

TEST_CASE("device files and conflict copies are read, each session once") {
    TempDir dir;
    const std::string header(log_file_header());
    write_file(dir / "2026-11.desk-000001.log", header + line("2026-11-16", "0000000000000001") +
                                                    line("2026-11-17", "0000000000000002"));
    write_file(dir / "2026-11.lap-000002.log",
               header + line("2026-11-18", "0000000000000003", "lap-000002"));
    write_file(
        dir / "2026-11.desk-000001.sync-conflict-20261118-101010-ABCDEFG.log",
        header + line("2026-11-16", "0000000000000001") + line("2026-11-19", "0000000000000004"));
    write_file(dir / "2026-10.desk-000001.log", header + line("2026-10-30", "0000000000000005"));
    write_file(dir / "notes.txt", "not a log\n");
    write_file(dir / ".syncthing.2026-11.desk-000001.log.tmp", "partial\n");
    LogReader reader(dir.path());
    CHECK(reader.months() == std::vector<YearMonth>{std::chrono::year(2026) / 10, kNov});
    CHECK(ids_in(reader, kNov) == std::vector<std::string>{"0000000000000001", "0000000000000002",
                                                           "0000000000000003", "0000000000000004"});
    CHECK(reader.damage().empty());
}

TEST_CASE("damaged lines are skipped, counted and named; the rest is read") {
    TempDir dir;
    const fs::path file = dir / "2026-11.desk-000001.log";
    const std::string good = line("2026-11-16", "0000000000000001");
    std::string crlf = line("2026-11-17", "0000000000000002");
    crlf.insert(crlf.size() - 1, "\r");
    write_file(file, std::string(log_file_header()) + good + crlf +
                         "2026-11-17\tsomething I typed\n" + "\n# my own note\n" +
                         line("2026-10-01", "0000000000000003") +  // in the wrong month's file
                         std::string("\0\0\0\n", 4) + line("2026-11-18", "0000000000000004") +
                         "2026-11-19\t2026-11-19T07:");
    LogReader reader(dir.path());
    CHECK(ids_in(reader, kNov) == std::vector<std::string>{"0000000000000001", "0000000000000004"});
    REQUIRE(reader.damage().size() == 1);
    CHECK(format_damage(reader.damage()[0]) ==
          "selfcare: warning: " + file.string() +
              ": skipped 5 damaged lines (4, 5, 8, 9, 11); the rest was read\n");
}

TEST_CASE("a file from a newer version is skipped whole, with one warning") {
    TempDir dir;
    const fs::path file = dir / "2026-11.desk-000001.log";
    write_file(file, "# selfcare log v2\n" + line("2026-11-16", "0000000000000001"));
    LogReader reader(dir.path());
    CHECK(ids_in(reader, kNov).empty());
    REQUIRE(reader.damage().size() == 1);
    CHECK(format_damage(reader.damage()[0]) ==
          "selfcare: warning: " + file.string() +
              ": written by a newer selfcare (log v2); skipped the whole file, which this version "
              "cannot read\n");
}

TEST_CASE("many damaged lines are summarised") {
    TempDir dir;
    std::string text(log_file_header());
    for (int i = 0; i < 25; ++i)
        text += "junk\n";
    write_file(dir / "2026-11.desk-000001.log", text);
    LogReader reader(dir.path());
    ids_in(reader, kNov);
    REQUIRE(reader.damage().size() == 1);
    CHECK(format_damage(reader.damage()[0])
              .ends_with(": skipped 25 damaged lines (3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 15 "
                         "more); the rest was "
                         "read\n"));
}

TEST_CASE("a line longer than the buffer is damage, and reading goes on after it") {
    TempDir dir;
    write_file(dir / "2026-11.desk-000001.log", std::string(log_file_header()) +
                                                    std::string(600 * 1024, 'x') + "\n" +
                                                    line("2026-11-16", "0000000000000001"));
    LogReader reader(dir.path());
    CHECK(ids_in(reader, kNov) == std::vector<std::string>{"0000000000000001"});
    REQUIRE(reader.damage().size() == 1);
    CHECK(reader.damage()[0].lines == std::vector<int>{3});
}

TEST_CASE("a log file that cannot be read is an error, not an empty month") {
    TempDir dir;
    fs::create_directories(dir / "2026-11.desk-000001.log");  // a folder: read() fails
    LogReader reader(dir.path());
    CHECK_THROWS_WITH_AS(
        ids_in(reader, kNov),
        ("cannot read " + (dir / "2026-11.desk-000001.log").string() + ": Is a directory").c_str(),
        Error);
}

TEST_CASE("a FIFO or a device in place of a month file is skipped with a warning") {
    TempDir dir;
    const std::string header(log_file_header());
    REQUIRE(::mkfifo((dir / "2026-11.fifo-000001.log").c_str(), 0600) == 0);
    fs::create_symlink("/dev/zero", dir / "2026-11.zero-000001.log");
    write_file(dir / "2026-11.desk-000001.log", header + line("2026-11-16", "0000000000000001"));
    LogReader reader(dir.path());
    // Read, either would hang or never end; the test would time out.
    CHECK(ids_in(reader, kNov) == std::vector<std::string>{"0000000000000001"});
    REQUIRE(reader.damage().size() == 2);
    std::vector<std::string> warnings;
    for (const FileDamage& d : reader.damage())
        warnings.push_back(format_damage(d));
    std::ranges::sort(warnings);
    CHECK(warnings[0] == "selfcare: warning: " + (dir / "2026-11.fifo-000001.log").string() +
                             ": not a regular file; skipped it\n");
    CHECK(warnings[1] == "selfcare: warning: " + (dir / "2026-11.zero-000001.log").string() +
                             ": not a regular file; skipped it\n");
}

TEST_CASE("a file of any version but ours is skipped whole, naming the version") {
    TempDir dir;
    const fs::path file = dir / "2026-11.desk-000001.log";
    const auto warning_for = [&](const std::string& version_line) {
        write_file(file, version_line + "\n" + line("2026-11-16", "0000000000000001"));
        LogReader reader(dir.path());
        CHECK(ids_in(reader, kNov).empty());
        REQUIRE(reader.damage().size() == 1);
        return format_damage(reader.damage()[0]);
    };
    // Five digits used to be read as version 1, and its sessions counted.
    CHECK(warning_for("# selfcare log v10000") ==
          "selfcare: warning: " + file.string() +
              ": written by a newer selfcare (log v10000); skipped the whole file, which this "
              "version cannot read\n");
    CHECK(warning_for("# selfcare log v99999999999999999999") ==
          "selfcare: warning: " + file.string() +
              ": unknown log version 'v99999999999999999999'; skipped the whole file\n");
    CHECK(warning_for("# selfcare log v0") ==
          "selfcare: warning: " + file.string() +
              ": unknown log version 'v0'; skipped the whole file\n");
    CHECK(warning_for("# selfcare log v1\x1b[2J") ==
          "selfcare: warning: " + file.string() +
              ": unknown log version 'v1\xef\xbf\xbd[2J'; skipped the whole file\n");
}

TEST_CASE("two lines with one id and different content: the first is kept, with a warning") {
    TempDir dir;
    const std::string header(log_file_header());
    std::string edited = line("2026-11-16", "0000000000000001");
    edited.replace(edited.find("\t65\t65\t65"), 9, "\t30\t65\t65");
    write_file(dir / "2026-11.desk-000001.log", header + line("2026-11-16", "0000000000000001"));
    const fs::path copy = dir / "2026-11.desk-000001.sync-conflict-20261118-101010-ABCDEFG.log";
    write_file(copy, header + edited + line("2026-11-17", "0000000000000002"));
    LogReader reader(dir.path());
    std::vector<int> active;
    reader.read_month(kNov, [&](const SessionView& v) { active.push_back(v.active_s); });
    CHECK(active == std::vector<int>{65, 65});
    REQUIRE(reader.damage().size() == 1);
    CHECK(format_damage(reader.damage()[0]) ==
          "selfcare: warning: " + copy.string() +
              ": skipped 1 damaged line (3); 1 of them repeats the id of an earlier session with "
              "different content, which was kept; the rest was read\n");
}

TEST_CASE("a file name with escape sequences reaches a warning only as printable text") {
    FileDamage d{"/data/2026-11.x\x1b]2;pwned\x07\x1b[2J.log", 1, {3}, {}};
    const std::string w = format_damage(d);
    CHECK(w.find('\x1b') == std::string::npos);
    CHECK(w.find('\x07') == std::string::npos);
    CHECK(w ==
          "selfcare: warning: /data/2026-11.x\xef\xbf\xbd]2;pwned\xef\xbf\xbd\xef\xbf\xbd[2J.log: "
          "skipped 1 damaged line (3); the rest was read\n");
}

TEST_CASE("a reader from a month on lists only that month's files and later ones") {
    TempDir dir;
    const std::string header(log_file_header());
    write_file(dir / "2025-12.desk-000001.log", header + line("2025-12-30", "0000000000000001"));
    write_file(dir / "2026-10.desk-000001.log", header + line("2026-10-30", "0000000000000002"));
    write_file(dir / "2026-10.desk-000001.amend", "# selfcare amendments v1\n");
    write_file(dir / "2026-11.desk-000001.log", header + line("2026-11-16", "0000000000000003"));
    LogReader reader(dir.path(), std::chrono::year(2026) / 10);
    CHECK(reader.months() == std::vector<YearMonth>{std::chrono::year(2026) / 10, kNov});
    CHECK(reader.files().size() == 3);
    CHECK(ids_in(reader, kNov) == std::vector<std::string>{"0000000000000003"});
    CHECK(LogReader(dir.path(), std::chrono::year(2027) / 1).empty());
    CHECK(LogReader(dir.path()).months().size() == 3);
}
