#pragma once
// Where a stopped run left off, so that `selfcare run NAME --resume` can go
// on from there. One small text file per routine in
// $XDG_STATE_HOME/selfcare/places/ (docs/running.md), replaced whole and
// never synced: a place belongs to the machine the run was on.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "calendar.hpp"
#include "record.hpp"
#include "schedule.hpp"
#include "sequencer.hpp"
#include "session.hpp"

namespace selfcare {

struct Place {
    std::string routine;                  // the routine's name
    std::uint64_t hash = 0;               // schedule_hash() of the routine when it stopped
    Date date;                            // the local date the run began
    WallTime started;                     // when the first part began
    int segment = 0;                      // where it stopped
    std::chrono::milliseconds left{0};    // schedule time left in that segment
    std::chrono::milliseconds active{0};  // active time of every part so far
    int segments_done = 0;
    std::uint64_t session = 0;  // the id the stopped part was logged with; 0: not logged
    std::optional<int> pain_before;
};

// A fingerprint of everything that shapes the run (steps, lengths, sides,
// breaths, includes): a routine file edited so that it plays differently
// gets a different hash; a comment or a reformatted line does not.
std::uint64_t schedule_hash(const Schedule& schedule);

std::filesystem::path place_file(const std::filesystem::path& state_dir, std::string_view routine);

// The file's text, and back. parse_place returns nothing for text it did
// not write.
std::string format_place(const Place& place);
std::optional<Place> parse_place(std::string_view text);

// Writes the place (a temporary file, synced, renamed over the old one).
// Returns an error text, empty on success.
std::string save_place(const std::filesystem::path& state_dir, const Place& place);
void forget_place(const std::filesystem::path& state_dir, std::string_view routine);

// The place to resume `schedule` from, checked: the same routine unchanged,
// begun today. Throws Error (invalid input) saying why it cannot be resumed.
Place place_to_resume(const std::filesystem::path& state_dir, const Schedule& schedule, Date today);

// The first segment of step `step` (1-based), for --from. Throws Error
// (invalid input) naming the steps there are.
int first_segment_of(const Schedule& schedule, int step);

// Keeps the place of a stopped run, `session` the id it was logged with (0:
// not logged), and returns the line that tells the person how to go on; a
// place that cannot be written is a warning on standard error, never a lost
// session. Nothing is kept for a run stopped before its first step.
std::string keep_place(const std::filesystem::path& state_dir, const Schedule& schedule,
                       const FinishedRun& run, const RunTotals& totals, std::uint64_t session);

// Makes a resumed run and the part it goes on from one session: once
// `whole` (both parts together) is saved, the part's own line is removed by
// a removal amendment, so the log only grows. Returns what went wrong, or
// nothing; then both lines count until the part is removed by hand.
std::string replace_part(const std::filesystem::path& data_dir, WallTime now, const Session& whole,
                         const Place& part);

}  // namespace selfcare
