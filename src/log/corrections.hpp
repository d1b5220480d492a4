#pragma once
// Correcting the log without rewriting it: finding a session by its id, or
// the last one this device recorded, and removing it by appending a removal
// (amendment.hpp). The session's line stays where it is; every view leaves
// it out from then on, on every device that syncs the folder.

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "log_reader.hpp"
#include "session.hpp"

namespace selfcare {

// Shortest id prefix `log remove` accepts; shorter would too often match
// several sessions.
inline constexpr size_t kShortestIdPrefix = 4;

// The sessions whose id starts with `prefix` (lower-case hex), newest month
// first; at most two, which is enough to tell an ambiguous prefix. Sessions
// already removed are not found. Throws Error when a log file cannot be read.
std::vector<Session> find_sessions(LogReader& reader, std::string_view prefix);

// The session `device` recorded last and that is not removed: the last good
// line of the device's session file written most recently (by modification
// time), looking at older files when every session in it was removed.
// Nothing when the device has no session left. Throws Error as above.
std::optional<Session> last_session_of(LogReader& reader, std::string_view device);

// Appends the removal of `s` to `device`'s amendments file for the month of
// s.date in `folder`, stamped `now`. Returns that file. Throws Error
// "removal NOT saved: PATH: reason" when it cannot be written.
std::filesystem::path remove_session(const std::filesystem::path& folder, std::string_view device,
                                     const Session& s, WallTime now);

}  // namespace selfcare
