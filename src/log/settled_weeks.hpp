#pragma once
// The streak as it stood at the end of a week long finished, kept in the
// cache (month_cache.hpp) so that a report need not add up years of weeks
// again to learn it. "Settled" because nothing a report does can change
// those weeks: only the log files they were counted from can, and any
// change to those files, or to the goal history, makes the record stale.
//
// With it a report reads only the months after that week; without it (none
// stored, or stale) the report reads back through month summaries as far as
// the streak goes, and stores a new one. Reports are the same either way.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "goal.hpp"
#include "log_reader.hpp"

namespace selfcare {

struct SettledWeeks {
    Date week;    // the first day of the last week it covers, by its week start
    int run = 0;  // weeks in a row that met the goal, ending with that one
    // The streak depends on the months from the one where it began (the
    // month of the week that last missed the goal) to the one holding the
    // week's last day (settled_through): on every log file of those months,
    // as LogReader lists them, stamped as they were when counted. A file
    // that appears in one of them makes the record stale too.
    YearMonth from;
    std::vector<FileStamp> files;
    // The damage a report that reached back for the streak met in those
    // months, newest month first, so that it is still reported.
    std::vector<FileDamage> damage;

    bool operator==(const SettledWeeks&) const = default;
};

// The month whose files a record for the week starting `week` depends on
// last: the month of the week's last day.
YearMonth settled_through(Date week);

// The month of a log file named as LogReader lists them ("2026-11.desk...").
// REQUIRES: `name` is such a name.
YearMonth month_of_file(std::string_view name);

// What the verdicts on past weeks depend on in `goals`: every recorded change
// and the current goal, hashed. Any goal change gives another value.
std::uint64_t goals_fingerprint(const GoalHistory& goals);

// Largest record the cache keeps (about ten thousand log files).
inline constexpr size_t kMaxSettledBytes = size_t{1024} * 1024;

// The record as text (docs/log-format.md, "The cache"), naming the log
// `folder`, the week start and the goals fingerprint it holds for. Nothing
// when it cannot be written as text or would exceed kMaxSettledBytes.
std::optional<std::string> encode_settled(const SettledWeeks& s,
                                          const std::filesystem::path& folder, WeekStart start,
                                          std::uint64_t goals);

// The record in `text`, which must be exactly what encode_settled writes for
// `folder`, `start` and `goals`, its checksum included; anything else gives
// nothing.
std::optional<SettledWeeks> decode_settled(std::string_view text,
                                           const std::filesystem::path& folder, WeekStart start,
                                           std::uint64_t goals);

}  // namespace selfcare
