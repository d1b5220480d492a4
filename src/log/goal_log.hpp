#pragma once
// The record of goal changes, kept with the log so that it syncs with it
// (docs/log-format.md, "Goal history"). Each device appends to its own file,
// "goals.laptop-3f9a2c.log" in the data folder, and never rewrites it; a
// report reads every device's file. A selfcare that knows only log v1 reads
// "YYYY-MM.DEVICE.log" files, so it passes over these.
//
//     # selfcare goals v1
//     # from	sessions	minutes	set
//     2026-11-19	4	30	2026-11-19T10:00:00+01:00

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goal.hpp"
#include "log_reader.hpp"

namespace selfcare {

// "goals.laptop-3f9a2c.log".
std::string goal_file_name(std::string_view device);

// The line for `c`, with its newline; nothing when it cannot be written
// (a goal out of the config's range, a bad time).
std::optional<std::string> encode_goal_change(const GoalChange& c);
// Decodes one line (without its newline); nullptr when good, else why not.
const char* decode_goal_change(std::string_view line, GoalChange& out);

struct GoalRecord {
    std::vector<GoalChange> changes;           // from every device's file, in no set order
    std::optional<GoalChange> last_of_device;  // the last line of the device's own file
    std::vector<FileDamage> damage;            // damaged lines, one entry per file with any
};

// Reads every goals file in `folder` (each device's and Syncthing's conflict
// copies); `device`'s own file gives last_of_device. A missing folder is no
// history. Throws Error "cannot read PATH: reason" when a file cannot be read.
GoalRecord read_goal_record(const std::filesystem::path& folder, std::string_view device);

// The goal this device last saw in its config, and since when, kept in
// `state_dir`/goal (not synced): a goals file is written only when the goal
// changes, so a log whose goal never changed has none. Nothing when the file
// is missing or not a goal line.
std::optional<GoalChange> read_seen_goal(const std::filesystem::path& state_dir);
// Replaces it (written aside and renamed); false when that failed.
bool write_seen_goal(const std::filesystem::path& state_dir, const GoalChange& c);

// Appends `c` to `device`'s goals file in `folder`, as the log is appended
// to. Throws Error "goal change NOT saved: PATH: reason".
std::filesystem::path append_goal_change(const std::filesystem::path& folder,
                                         std::string_view device, const GoalChange& c);

}  // namespace selfcare
