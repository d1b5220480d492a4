#include "session.hpp"

#include <doctest/doctest.h>

using namespace selfcare;

namespace {

Session sample() {
    Session s;
    parse_date("2026-11-16", s.date);
    s.start = "2026-11-16T07:30:12+01:00";
    s.routine = "neck-release";
    s.title = "Neck release";
    s.active_s = 65;
    s.planned_min_s = 65;
    s.planned_max_s = 65;
    s.segments_done = 3;
    s.segments_total = 3;
    s.pain_before = 6;
    s.device = "laptop-3f9a2c";
    s.id = 0x0123456789abcdefULL;
    return s;
}

constexpr std::string_view kLine =
    "2026-11-16\t2026-11-16T07:30:12+01:00\tneck-release\tNeck release\t65\t65\t65\t3\t3\t6\t-\t"
    "timer\tlaptop-3f9a2c\t0123456789abcdef\tcompleted";

const char* decode(std::string_view line) {
    SessionView v;
    return decode_line(line, v);
}

}  // namespace

TEST_CASE("a session is one tab-separated line and reads back the same") {
    const Session s = sample();
    CHECK(validate(s).empty());
    CHECK(encode_line(s) == std::string(kLine) + "\n");
    SessionView v;
    REQUIRE(decode_line(kLine, v) == nullptr);
    CHECK(to_session(v) == s);
}

TEST_CASE("titles with tabs, newlines and backslashes survive the round trip") {
    Session s = sample();
    s.title = "Left\tright\\ and\nnext";
    const std::string line = encode_line(s);
    CHECK(line.find("Left\\tright\\\\ and\\nnext") != std::string::npos);
    SessionView v;
    REQUIRE(decode_line(std::string_view(line).substr(0, line.size() - 1), v) == nullptr);
    CHECK(to_session(v).title == s.title);
}

TEST_CASE("a line cut short anywhere is refused") {
    for (size_t n = 0; n < kLine.size(); ++n) {
        CAPTURE(n);
        CHECK(decode(kLine.substr(0, n)) != nullptr);
    }
}

TEST_CASE("damaged and edited lines are refused with a reason") {
    const std::string line(kLine);
    const auto with = [&](std::string_view from, std::string_view to) {
        std::string copy = line;
        copy.replace(copy.find(from), from.size(), to);
        return std::string(decode(copy) ? decode(copy) : "");
    };
    CHECK(decode(line + "\r") != nullptr);
    CHECK(decode(line + "\textra") == std::string("more fields than this version writes"));
    CHECK(with("2026-11-16\t", "2026-11-17\t") == "bad start time");
    CHECK(with("\t65\t65\t65", "\t65\t70\t65") == "numbers out of range");
    CHECK(with("\t6\t-", "\t11\t-") == "bad pain rating");
    CHECK(with("\t3\t3", "\t4\t3") == "numbers out of range");
    CHECK(with("timer", "Timer") == "bad source");
    CHECK(with("0123456789abcdef", "0123456789ABCDEF") == "bad id");
    CHECK(with("completed", "complete") == "bad outcome");
    CHECK(with("Neck release", std::string("Neck\0release", 12)) == "bad title");
    CHECK(with("Neck release", "Neck\\release") == "bad title");
    CHECK(with("\t65\t65", "\t065\t65") == "bad number");
}

TEST_CASE("validate refuses what could not be read back") {
    Session s = sample();
    s.pain_after = 11;
    CHECK(validate(s) == "a pain rating is not from 0 to 10");
    s = sample();
    s.device = "My Laptop";
    CHECK(validate(s) == "'My Laptop' is not a device name");
    s = sample();
    s.start = "2026-11-17T07:30:12+01:00";
    CHECK(validate(s) == "the start time does not match the date");
}

TEST_CASE("a session counts when half its planned time, and 30 s, was done, or was added by hand") {
    // A timed session counts on its active time alone, however it ended.
    CHECK(counts_toward_goal(Source::timer, 300, 600));
    CHECK_FALSE(counts_toward_goal(Source::timer, 299, 600));
    CHECK_FALSE(counts_toward_goal(Source::timer, 10, 600));  // skipped through
    // Never under 30 s, even when that is all the routine plans.
    CHECK_FALSE(counts_toward_goal(Source::timer, 29, 20));
    CHECK(counts_toward_goal(Source::timer, 30, 20));
    CHECK(counts_toward_goal(Source::timer, 30, 60));
    // `log add` counts as it always has.
    CHECK(counts_toward_goal(Source::manual, 60, 600));
}

TEST_CASE("a stored title reads back only if a writer could have written it") {
    // Found by the log fuzzer: a hand-edited line with a 201-byte title was
    // read although validate() would never let it be written.
    const auto line_with_title = [](const std::string& title) {
        std::string line(kLine);
        line.replace(line.find("Neck release"), 12, title);
        return line;
    };
    CHECK(decode(line_with_title(std::string(kMaxTitle, 'a'))) == nullptr);
    CHECK(decode(line_with_title(std::string(kMaxTitle + 1, 'a'))) != nullptr);
    // Escapes count as the one byte they stand for.
    std::string escaped;
    for (size_t i = 0; i < kMaxTitle; ++i)
        escaped += "\\t";
    CHECK(decode(line_with_title(escaped)) == nullptr);
    CHECK(decode(line_with_title(escaped + "a")) != nullptr);
}

TEST_CASE("every outcome survives the round trip, and none is a prefix of another") {
    for (const Outcome o : {Outcome::completed, Outcome::skipped, Outcome::stopped}) {
        Session s = sample();
        s.outcome = o;
        const std::string line = encode_line(s);
        SessionView v;
        REQUIRE(decode_line(std::string_view(line).substr(0, line.size() - 1), v) == nullptr);
        CHECK(v.outcome == o);
        // Cut inside the last field: never whole.
        for (size_t cut = 1; cut < to_string(o).size(); ++cut) {
            CHECK(decode_line(std::string_view(line).substr(0, line.size() - 1 - cut), v) !=
                  nullptr);
        }
    }
}
