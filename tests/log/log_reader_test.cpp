#include "log_reader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

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
