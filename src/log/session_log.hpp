#pragma once
// Writing the session log: one file per device and month, appended to and
// never rewritten (docs/log-format.md).

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include "amendment.hpp"
#include "session.hpp"

namespace selfcare {

// "2026-11.laptop-3f9a2c.log": the month and the device are plain in the
// name, so a report can pick the months it needs from a folder listing.
std::string month_file_name(std::chrono::year_month month, std::string_view device);

// Appends `s` as one line to its month file in `folder` (the file of the
// month of s.date and of s.device), creating the folder (0700) and the file
// (0600, starting with the version line) when needed, whatever the umask.
//
// The append is made safe against other writers, crashes and full disks:
// the file is opened with O_APPEND|O_NOFOLLOW (a symbolic link is refused)
// and locked with flock; a tail left without a newline by a crash gets one
// first so the new line starts fresh; the line goes out in one write and is
// flushed with fdatasync, and a new file's folder is fsynced. If anything
// fails, whatever this call wrote is cut off again so the file is left as it
// was. Returns the file's path.
//
// Before writing, the folder and the file must belong to the user and the
// file must not be writable by others (ssh's StrictModes): another user's
// file or folder, or a file others can write, is refused. Our own folder is
// made 0700, and our own file 0600, when they are more open. A file this
// call created is removed again if its first write fails.
//
// Throws Error "session NOT saved: PATH: reason" (exit status 1) on any
// failure. REQUIRES: validate(s) is empty, and SIGXFSZ is ignored (main
// does), so that a write past `ulimit -f` fails instead of killing the
// process before it can cut the partial line off.
std::filesystem::path append_session(const std::filesystem::path& folder, const Session& s);

// "2026-11.laptop-3f9a2c.amend": the amendments a device made to sessions
// of that month.
std::string amendment_file_name(std::chrono::year_month month, std::string_view device);

// Appends `a` to `device`'s amendments file for the month of a.date in
// `folder`, with every guarantee append_session gives. Throws Error "note
// NOT saved: PATH: reason" (or "removal NOT saved") on any failure,
// including an amendment that validate() refuses.
std::filesystem::path append_amendment(const std::filesystem::path& folder, std::string_view device,
                                       const Amendment& a);

// Appends `line` (ending in a newline) to the file `name` in `folder` with
// every guarantee append_session gives, starting a new file with `header`.
// For the other append-only files beside the log (goal_log.hpp). Throws
// Error "WHAT NOT saved: PATH: reason".
std::filesystem::path append_record(const std::filesystem::path& folder, std::string_view name,
                                    std::string_view header, std::string_view line,
                                    std::string_view what);

// Creates `dir` and any missing parents with mode 0700 whatever the umask,
// syncing each new folder's parent. Leaves existing folders as they are.
// Returns "PATH: reason" when a folder cannot be made, else nothing.
std::string make_private_dirs(const std::filesystem::path& dir);

}  // namespace selfcare
