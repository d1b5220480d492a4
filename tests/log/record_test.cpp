#include "record.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "tz_guard.hpp"

using namespace selfcare;
using namespace selfcare::test;
using namespace std::chrono;

namespace {
FinishedRun run_of(milliseconds active, bool completed) {
    FinishedRun r;
    r.routine = "home-session";
    r.title = "Home session";
    r.planned_min = Seconds(509);
    r.planned_max = Seconds(659);
    r.active = active;
    r.completed = completed;
    r.segments_done = 5;
    r.segments_total = 21;
    r.started = parse_instant("2026-03-29T01:59:00+01:00");
    return r;
}
}  // namespace

TEST_CASE("runs stopped in their first seconds are not worth recording") {
    CHECK_FALSE(worth_recording(run_of(milliseconds(29'999), false)));
    CHECK(worth_recording(run_of(milliseconds(30'000), false)));
    CHECK(worth_recording(run_of(milliseconds(5'000), true)));
}

TEST_CASE("a run becomes a session with its local start, date and rounded seconds") {
    TzGuard tz("Europe/Berlin");
    FinishedRun r = run_of(milliseconds(200'600), false);
    r.pain_before = 7;
    const Session s = make_session(r, "desk-000001", 42);
    CHECK(s.start == "2026-03-29T01:59:00+01:00");
    CHECK(format_date(s.date) == "2026-03-29");
    CHECK(s.active_s == 201);
    CHECK(s.planned_min_s == 509);
    CHECK(s.planned_max_s == 659);
    CHECK(s.outcome == Outcome::stopped);
    CHECK(s.pain_before == 7);
    CHECK_FALSE(s.pain_after);
    CHECK(validate(s).empty());
}

TEST_CASE("record_run saves worthwhile runs and skips false starts") {
    TzGuard tz("Europe/Berlin");
    TempDir home;
    const Paths paths{home / "config", home / "data", home / "state", home / "cache"};
    const RecordResult skipped = record_run(paths, run_of(milliseconds(3'000), false));
    CHECK(skipped.outcome == Recorded::too_short);
    CHECK_FALSE(std::filesystem::exists(home / "data"));

    const RecordResult saved = record_run(paths, run_of(milliseconds(600'000), true));
    CHECK(saved.outcome == Recorded::saved);
    CHECK(saved.file.parent_path() == home / "data");
    CHECK(saved.file.filename().string().starts_with("2026-03."));
    CHECK(read_file(saved.file).ends_with(encode_line(saved.session)));
}

TEST_CASE("a run that reached the end by skipping is recorded as skipped, not completed") {
    // run_of() plans at least 509 s: half of it is 254.5 s.
    CHECK(outcome_of(run_of(milliseconds(0), true)) == Outcome::skipped);
    CHECK(outcome_of(run_of(milliseconds(254'000), true)) == Outcome::skipped);
    CHECK(outcome_of(run_of(milliseconds(255'000), true)) == Outcome::completed);
    CHECK(outcome_of(run_of(milliseconds(400'000), false)) == Outcome::stopped);
    FinishedRun manual = run_of(milliseconds(60'000), true);
    manual.source = Source::manual;
    CHECK(outcome_of(manual) == Outcome::completed);
    CHECK(make_session(run_of(milliseconds(1'000), true), "desk-000001", 1).outcome ==
          Outcome::skipped);
}
