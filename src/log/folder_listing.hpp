#pragma once
// What is in the log folder: which names are log files, the listing of
// them, and the cache's copy of that listing (month_cache.hpp), kept so
// that `status` at every shell prompt and a report need not list a folder
// of hundreds of month files each time. A copy is good for exactly one
// state of the folder: the one its stamp describes.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "log_reader.hpp"

namespace selfcare {

// Whether `name` is a log file of `from` or a later month, and if so which
// (`out`): "2026-11.laptop-3f9a2c.log", "2026-11.laptop-3f9a2c.amend" and
// their Syncthing conflict copies. Anything else in the folder (Syncthing's
// own files, a user's notes) is not.
bool parse_log_file_name(std::string_view name, YearMonth from, LogFile& out);

// The names of the log files in `folder` (every name LogReader would read,
// of any month), each followed by a newline, in the folder's order. Empty
// when the folder is missing. Throws Error when it exists but cannot be
// listed.
std::string list_log_files(const std::filesystem::path& folder);

// Largest listing the cache keeps (some twenty thousand log files).
inline constexpr size_t kMaxListingBytes = size_t{1024} * 1024;

// The listing as text (docs/log-format.md, "The cache"): `names`, as
// list_log_files gives them, of the log `folder` whose stamp was `stamp`.
// Nothing when it cannot be written as text or would exceed
// kMaxListingBytes.
std::optional<std::string> encode_listing(const std::filesystem::path& folder,
                                          const FileStamp& stamp, std::string_view names);

// The names in `text` when it is exactly what encode_listing wrote for
// `folder` and `stamp`, checksum included; else nothing. A folder with any
// other stamp may hold other files: its listing is not this one.
std::optional<std::string_view> decode_listing(std::string_view text,
                                               const std::filesystem::path& folder,
                                               const FileStamp& stamp);

}  // namespace selfcare
