#include "month_summary.hpp"

#include <set>

#include <doctest/doctest.h>
#include <fmt/core.h>

using namespace selfcare;
namespace fs = std::filesystem;

namespace {

constexpr YearMonth kNov = std::chrono::year(2026) / 11;
const fs::path kFolder = "/home/ana/.local/share/selfcare";

MonthSummary sample() {
    MonthSummary s{kNov, {}, {}, {}};
    s.files.push_back(FileStamp{"2026-11.desk-000001.log", 4096, 1'763'500'000'123'456'789,
                                1'763'500'000'123'456'999, 1234567, 2049, 0100600});
    s.files.push_back(FileStamp{"2026-11.desk-000001.sync-conflict-20261118-101010-ABCDEFG.log",
                                300, -5, 7, 99, 2049, 0100644});
    s.damage.push_back(FileDamage{kFolder / "2026-11.desk-000001.log", 12, {5, 9}, {}});
    s.damage.push_back(
        FileDamage{kFolder / "2026-11.desk-000001.sync-conflict-20261118-101010-ABCDEFG.log",
                   0,
                   {},
                   "written by a newer selfcare (log v2); skipped the whole file"});
    s.days[0] = Totals{2, 1, 900, {}};
    s.days[29] = Totals{1, 1, 600, {7, 1, 3, 1, -4, 1}};
    return s;
}

std::string encoded() {
    const std::optional<std::string> text = encode_summary(sample(), kFolder);
    REQUIRE(text.has_value());
    return *text;
}

}  // namespace

TEST_CASE("a summary reads back exactly as it was written") {
    const std::string text = encoded();
    CHECK(text.starts_with("# selfcare month summary v4\nfolder\t" + kFolder.string() +
                           "\nmonth\t2026-11\nfile\t2026-11.desk-000001.log\t4096\t"));
    CHECK(text.find("\ndamage\t2026-11.desk-000001.log\t12\t5,9\t\n") != std::string::npos);
    CHECK(text.find("\nday\t1\t2\t1\t900\t0\t0\t0\t0\t0\t0\nday\t30\t1\t1\t600\t7\t1\t3\t1\t-"
                    "4\t1\nend\t") != std::string::npos);
    const std::optional<MonthSummary> back = decode_summary(text, kNov, kFolder);
    REQUIRE(back.has_value());
    CHECK(*back == sample());
}

TEST_CASE("a summary cut short anywhere is refused") {
    const std::string text = encoded();
    for (size_t n = 0; n < text.size(); ++n) {
        CAPTURE(n);
        CHECK_FALSE(decode_summary(std::string_view(text).substr(0, n), kNov, kFolder));
    }
}

TEST_CASE("a summary with any byte changed is refused") {
    const std::string text = encoded();
    for (size_t i = 0; i < text.size(); ++i) {
        std::string altered = text;
        altered[i] = static_cast<char>(altered[i] ^ 0x01);
        CAPTURE(i);
        CHECK_FALSE(decode_summary(altered, kNov, kFolder));
    }
}

TEST_CASE("garbage, another month, another folder or another version is refused") {
    const std::string text = encoded();
    CHECK_FALSE(decode_summary("", kNov, kFolder));
    CHECK_FALSE(decode_summary("\n", kNov, kFolder));
    CHECK_FALSE(decode_summary(std::string(5000, '\0'), kNov, kFolder));
    CHECK_FALSE(decode_summary("end\t0000000000000000\n", kNov, kFolder));
    CHECK_FALSE(decode_summary(text, std::chrono::year(2026) / 10, kFolder));
    CHECK_FALSE(decode_summary(text, kNov, "/home/bo/.local/share/selfcare"));
    // A newer version, with a checksum that fits it, is still not read.
    std::string v5 = text.substr(0, text.rfind("end\t"));
    v5.replace(v5.find("v4"), 2, "v5");
    v5 += fmt::format("end\t{:016x}\n", checksum(v5));
    CHECK_FALSE(decode_summary(v5, kNov, kFolder));
    // A v2 summary holds counts made by the old counting rule: not read.
    std::string v2 = text.substr(0, text.rfind("end\t"));
    v2.replace(v2.find("v4"), 2, "v2");
    v2 += fmt::format("end\t{:016x}\n", checksum(v2));
    CHECK_FALSE(decode_summary(v2, kNov, kFolder));
    // A v3 summary, sealed with FNV-1a as v3 was, is made again.
    std::string v3 = text.substr(0, text.rfind("end\t"));
    v3.replace(v3.find("v4"), 2, "v3");
    v3 += fmt::format("end\t{:016x}\n", fnv1a(v3));
    CHECK_FALSE(decode_summary(v3, kNov, kFolder));
    CHECK_FALSE(decode_summary(text + text, kNov, kFolder));
}

TEST_CASE("well-formed text that breaks a summary's rules is refused") {
    // Each body has a correct header and checksum, so only the rule refuses it.
    const auto with_body = [](const std::string& body) {
        std::string t = "# selfcare month summary v4\nfolder\t" + kFolder.string() +
                        "\nmonth\t2026-11\n" + body;
        return t + fmt::format("end\t{:016x}\n", checksum(t));
    };
    const std::string file = "file\t2026-11.a-1.log\t10\t1\t1\t1\t1\t33152\n";
    CHECK(decode_summary(with_body(file + "day\t3\t1\t1\t60\t0\t0\t0\t0\t0\t0\n"), kNov, kFolder));
    CHECK_FALSE(decode_summary(with_body(""), kNov, kFolder));  // no file
    CHECK_FALSE(decode_summary(with_body(file + "day\t31\t1\t1\t60\t0\t0\t0\t0\t0\t0\n"), kNov,
                               kFolder));  // 31 Nov
    CHECK_FALSE(
        decode_summary(with_body(file + "day\t3\t1\t2\t60\t0\t0\t0\t0\t0\t0\n"), kNov, kFolder));
    CHECK_FALSE(
        decode_summary(with_body(file + "day\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"), kNov, kFolder));
    CHECK_FALSE(decode_summary(
        with_body(file +
                  "day\t4\t1\t1\t60\t0\t0\t0\t0\t0\t0\nday\t3\t1\t1\t60\t0\t0\t0\t0\t0\t0\n"),
        kNov, kFolder));
    // Pain sums that no ratings could make: a rating of 11, two ratings in
    // one session, a change of -11.
    CHECK_FALSE(
        decode_summary(with_body(file + "day\t3\t1\t1\t60\t11\t1\t0\t0\t0\t0\n"), kNov, kFolder));
    CHECK_FALSE(
        decode_summary(with_body(file + "day\t3\t1\t1\t60\t4\t2\t0\t0\t0\t0\n"), kNov, kFolder));
    CHECK_FALSE(
        decode_summary(with_body(file + "day\t3\t1\t1\t60\t0\t0\t0\t0\t-11\t1\n"), kNov, kFolder));
    CHECK(
        decode_summary(with_body(file + "day\t3\t1\t1\t60\t10\t1\t0\t1\t-10\t1\n"), kNov, kFolder));
    CHECK_FALSE(
        decode_summary(with_body(file + "day\t3\t1\t1\t-60\t0\t0\t0\t0\t0\t0\n"), kNov, kFolder));
    CHECK_FALSE(decode_summary(with_body(file + "damage\t2026-11.b-2.log\t1\t4\t\n"), kNov,
                               kFolder));  // a file the summary does not list
    CHECK_FALSE(decode_summary(with_body(file + "damage\t2026-11.a-1.log\t1\t4,5\t\n"), kNov,
                               kFolder));  // more lines named than skipped
    CHECK_FALSE(decode_summary(with_body(file + "day\t3\t1\t1\t60\t0\t0\t0\t0\t0\t0\n" + file),
                               kNov, kFolder));
    CHECK_FALSE(decode_summary(with_body("file\t2026-11.a-1.log\t10\t1\t1\t1\t1\n"), kNov,
                               kFolder));  // a field short
}

TEST_CASE("names that cannot be written as a field make no summary") {
    MonthSummary s = sample();
    s.files[0].name = "2026-11.a-1.sync-conflict-x\ty.log";
    CHECK_FALSE(encode_summary(s, kFolder));
    CHECK_FALSE(encode_summary(sample(), "/home/ana/odd\nfolder"));
}

TEST_CASE("sessions add up per day; counted follows the goal rule") {
    MonthSummary s{kNov, {}, {}, {}};
    SessionView v;
    REQUIRE(parse_date("2026-11-16", v.date));
    v.active_s = 600;
    v.planned_min_s = 600;
    add_session(s, v);
    v.outcome = Outcome::stopped;
    v.active_s = 200;  // under half of the planned time: recorded, not counted
    add_session(s, v);
    CHECK(s.days[15] == Totals{2, 1, 800, {}});
    CHECK(s.days[14] == Totals{});
}

TEST_CASE("the checksum tells apart texts that differ in length, order or any one bit") {
    CHECK(checksum("") != checksum(std::string(1, '\0')));
    CHECK(checksum(std::string(8, '\0')) != checksum(std::string(16, '\0')));
    CHECK(checksum("aaaaaaaabbbbbbbb") != checksum("bbbbbbbbaaaaaaaa"));
    const std::string text = "2026-11.laptop-3f9a2c.log\n2026-11.desk-000001.log\nend";
    std::set<std::uint64_t> seen{checksum(text)};
    for (size_t i = 0; i < text.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            std::string altered = text;
            altered[i] = static_cast<char>(altered[i] ^ (1 << bit));
            seen.insert(checksum(altered));
        }
    }
    CHECK(seen.size() == 1 + text.size() * 8);
}
