#pragma once
// Turning a finished run, or a session done away from the timer, into a
// logged session. The CLI calls these; the runner never writes the log.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "calendar.hpp"
#include "duration.hpp"
#include "paths.hpp"
#include "session.hpp"

namespace selfcare {

// What the CLI knows when a run ends: the routine, its planned time (the
// Schedule's total_min and total_max), what the runner returned, the wall
// clock read when the run started, and the pain ratings if asked.
struct FinishedRun {
    std::string routine;  // the routine's name: "neck-release"
    std::string title;    // "Neck release"
    Seconds planned_min{0};
    Seconds planned_max{0};
    std::chrono::milliseconds active{0};  // from the steady clock; pauses excluded
    bool completed = false;
    int segments_done = 0;
    int segments_total = 0;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    WallTime started;  // system_clock::now() read by the CLI when the run began
    Source source = Source::timer;
    std::string note;  // --note; empty for none. REQUIRES: validate_note() accepts it
};

// A run stopped before this much active time is not recorded: it was a false
// start, not a session. A completed run is always recorded.
inline constexpr Seconds kMinimumRecorded{30};

bool worth_recording(const FinishedRun& run);

// What a run was: completed when it reached the end with at least half of
// its planned minimum done, skipped when it reached the end mostly by
// skipping, stopped when it ended early. A run from `log add` is completed.
Outcome outcome_of(const FinishedRun& run);

// The session for `run` on `device` with `id`. Pure: the local date and
// offset come from `run.started` in the process time zone.
Session make_session(const FinishedRun& run, std::string device, std::uint64_t id);

enum class Recorded { saved, too_short };

struct RecordResult {
    Recorded outcome = Recorded::too_short;
    std::filesystem::path file;  // where it was saved
    Session session;
    // Set when the session was saved but its note could not be: why.
    std::string note_problem;
};

// Records `run` when worth_recording says so: finds (or makes) this device's
// id, picks a random id for the session and appends it to the log under
// `paths.data`. Returns too_short, writing nothing, for a run not worth
// recording. A note goes in after the session, as an amendment: the session
// matters more, and a note without its session would be noise. Throws
// Error "session NOT saved: PATH: reason" (exit status 1) on any failure
// to save the session, including an invalid field (then PATH is the log
// folder); a note that cannot be saved is told in note_problem.
RecordResult record_run(const Paths& paths, const FinishedRun& run);

}  // namespace selfcare
