#include "place.hpp"

#include <sstream>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono_literals;

namespace {

constexpr std::string_view kTwoSteps =
    "title = \"Two\"\n[[step]]\ntitle = \"First\"\nduration = 1\n"
    "[[step]]\ntitle = \"Second\"\nduration = 2\n";

std::vector<std::string> session_lines(const TempDir& home) {
    std::vector<std::string> lines;
    const auto dir = home / "data/selfcare";
    if (!std::filesystem::exists(dir)) return lines;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        if (f.path().extension() != ".log") continue;  // sessions, not amendments
        std::istringstream in(read_file(f.path()));
        for (std::string line; std::getline(in, line);) {
            if (!line.starts_with("#")) lines.push_back(line);
        }
    }
    return lines;
}

}  // namespace

TEST_CASE("a place is written as text and read back exactly") {
    Place p;
    p.routine = "neck-release";
    p.hash = 0x0123456789abcdefULL;
    REQUIRE(parse_date("2026-11-21", p.date));
    p.started = WallTime(1763722212345ms);
    p.segment = 3;
    p.left = 12500ms;
    p.active = 52000ms;
    p.segments_done = 2;
    p.session = 0x9f3b0c2d4e5a6b7cULL;
    p.pain_before = 6;
    const std::string text = format_place(p);
    CHECK(text.starts_with("# selfcare place v1\nroutine neck-release\nhash 0123456789abcdef\n"));
    const auto back = parse_place(text);
    REQUIRE(back.has_value());
    CHECK(format_place(*back) == text);
    CHECK(back->pain_before == 6);
    CHECK(back->session == p.session);
    // Torn, unknown or out-of-range text is not a place.
    CHECK_FALSE(parse_place(text.substr(0, text.size() - 1)).has_value());
    CHECK_FALSE(parse_place("# selfcare place v1\nroutine x\n").has_value());
    std::string bad = text;
    bad.replace(bad.find("pain_before 6"), 13, "pain_before 11");
    CHECK_FALSE(parse_place(bad).has_value());
}

TEST_CASE("the hash changes when the routine plays differently, not otherwise") {
    const Schedule a = schedule_of(kTwoSteps);
    const Schedule b = schedule_of(std::string(kTwoSteps) + "# a comment\n");
    const Schedule c = schedule_of(
        "title = \"Two\"\n[[step]]\ntitle = \"First\"\nduration = 1\n"
        "[[step]]\ntitle = \"Second\"\nduration = 3\n");
    CHECK(schedule_hash(a) == schedule_hash(b));
    CHECK(schedule_hash(a) != schedule_hash(c));
}

TEST_CASE("q then --resume goes on at the segment where it stopped, as one session") {
    TempDir home;
    write_file(home / "config/selfcare/routines/two.toml", kTwoSteps);
    // Enter skips the get-ready, Enter ends the first step, q stops in the second.
    const Result stopped = run_selfcare(home, {"run", "two"}, "\n\nq\n");
    CHECK(stopped.status == 0);
    CHECK(stopped.out.find("Stopped after 0:00: 0:00 of 0:02 (Second, step 2 of 2).") !=
          std::string::npos);
    CHECK(stopped.out.find("selfcare run two --resume") != std::string::npos);
    const auto place = parse_place(read_file(home / "state/selfcare/places/two.place"));
    REQUIRE(place.has_value());
    CHECK(place->segment == 1);

    const Result resumed = run_selfcare(home, {"run", "two", "--plain", "--resume"}, "\n");
    CHECK(resumed.status == 0);
    CHECK(resumed.out.find("Step 1/2") == std::string::npos);
    CHECK(resumed.out.find("Step 2/2 Second, 2 s") != std::string::npos);
    CHECK(resumed.out.find("Done: Two in 0:02.") != std::string::npos);
    const auto lines = session_lines(home);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].ends_with("\tcompleted"));
    CHECK_FALSE(std::filesystem::exists(home / "state/selfcare/places/two.place"));

    const Result again = run_selfcare(home, {"run", "two", "--resume"});
    CHECK(again.status == 2);
    CHECK(again.err ==
          "selfcare: cannot resume two: there is no stopped run of it to go on with\n");
}

TEST_CASE("--resume says why not: another day, a changed routine") {
    TempDir home;
    write_file(home / "config/selfcare/routines/two.toml", kTwoSteps);
    const std::map<std::string, std::string> monday{{"SELFCARE_NOW", "2026-11-16T10:00:00+00:00"}};
    REQUIRE(run_selfcare(home, {"run", "two"}, "\n\nq\n", monday).status == 0);

    const Result tuesday = run_selfcare(home, {"run", "two", "--resume"}, "",
                                        {{"SELFCARE_NOW", "2026-11-17T09:00:00+00:00"}});
    CHECK(tuesday.status == 2);
    CHECK(tuesday.err.find("it was stopped on 2026-11-16; a session is resumed only on the day "
                           "it began") != std::string::npos);

    write_file(home / "config/selfcare/routines/two.toml",
               std::string(kTwoSteps) + "[[step]]\ntitle = \"Third\"\nduration = 1\n");
    const Result changed = run_selfcare(home, {"run", "two", "--resume"}, "", monday);
    CHECK(changed.status == 2);
    CHECK(changed.err.find("the routine has changed since it was stopped") != std::string::npos);
}

TEST_CASE("--from starts at a step; past the last step is an error") {
    TempDir home;
    write_file(home / "config/selfcare/routines/two.toml", kTwoSteps);
    const Result r = run_selfcare(home, {"run", "two", "--from", "2", "--no-log"}, "\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("Step 1/2") == std::string::npos);
    CHECK(r.out.find("Step 2/2 Second, 2 s") != std::string::npos);
    const Result past = run_selfcare(home, {"run", "two", "--from", "3"});
    CHECK(past.status == 2);
    CHECK(past.err == "selfcare: --from 3: two has steps 1 to 2\n");
}

TEST_CASE("a logged first part is replaced by the whole session: one session, counted once") {
    TempDir home;
    write_file(home / "config/selfcare/routines/two.toml", kTwoSteps);
    const std::map<std::string, std::string> now{{"SELFCARE_NOW", "2026-11-18T10:00:00+00:00"},
                                                 {"TZ", "UTC"}};
    // The first part, as if 40 s of it had been done and logged.
    REQUIRE(run_selfcare(home, {"log", "add", "two", "--at", "09:00", "--minutes", "1"}, "", now)
                .status == 0);
    const auto first = session_lines(home);
    REQUIRE(first.size() == 1);
    const std::string id_hex =
        first[0].substr(first[0].rfind('\t', first[0].rfind('\t') - 1) + 1, 16);
    // Stopped in the second step (too soon to be logged), then made to look
    // as if 40 s had been done and logged as that line.
    REQUIRE(run_selfcare(home, {"run", "two"}, "\n\nq\n", now).status == 0);
    auto part = parse_place(read_file(home / "state/selfcare/places/two.place"));
    REQUIRE(part.has_value());
    part->active = 40000ms;
    part->session = std::stoull(id_hex, nullptr, 16);
    REQUIRE(save_place(home / "state/selfcare", *part).empty());

    const Result r = run_selfcare(home, {"run", "two", "--resume"}, "\n", now);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const auto lines = session_lines(home);
    REQUIRE(lines.size() == 2);                           // the log only grows
    CHECK(lines[1].find("\t42\t") != std::string::npos);  // 40 s before and 2 s now
    CHECK(lines[1].ends_with("\tcompleted"));
    const Result status = run_selfcare(home, {"status"}, "", now);
    CHECK(status.out.starts_with("1/3 this week"));
}
