#pragma once
// A month of the log in brief: the totals of each of its days, the damage
// found in its files, and the stamps of the files it was made from. It is
// what the cache keeps (month_cache.hpp), so that a report can reach back
// through years of log without reading them.
//
// The totals are per day, not per week, so that one summary serves every
// week start and every goal: which week a day belongs to and whether a week
// met the goal are decided by the report, not here.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "log_reader.hpp"
#include "session.hpp"

namespace selfcare {

// Pain ratings summed, so that averages over any span can be taken later.
// The change is summed only over sessions rated both before and after, so
// that it compares like with like.
struct PainTotals {
    int before_sum = 0, before_n = 0;
    int after_sum = 0, after_n = 0;
    int change_sum = 0, change_n = 0;  // after - before

    PainTotals& operator+=(const PainTotals& p) {
        before_sum += p.before_sum, before_n += p.before_n;
        after_sum += p.after_sum, after_n += p.after_n;
        change_sum += p.change_sum, change_n += p.change_n;
        return *this;
    }
    // Averages, or nothing when no session was rated so.
    std::optional<double> before() const { return average(before_sum, before_n); }
    std::optional<double> after() const { return average(after_sum, after_n); }
    std::optional<double> change() const { return average(change_sum, change_n); }
    bool rated() const { return before_n > 0 || after_n > 0; }

    bool operator==(const PainTotals&) const = default;

  private:
    static std::optional<double> average(int sum, int n) {
        if (n == 0) return std::nullopt;
        return static_cast<double>(sum) / n;
    }
};

// Sessions and time, as the weekly report counts them.
struct Totals {
    int sessions = 0;  // every recorded session
    int counted = 0;   // those that count toward the goal (counts_toward_goal)
    int active_s = 0;  // active time of every recorded session
    PainTotals pain;

    Totals& operator+=(const Totals& t) {
        sessions += t.sessions;
        counted += t.counted;
        active_s += t.active_s;
        pain += t.pain;
        return *this;
    }
    bool operator==(const Totals&) const = default;
};

// One session's contribution to its day's totals.
Totals totals_of(const SessionView& v);

struct MonthSummary {
    YearMonth month;
    std::vector<FileStamp> files;      // in the order LogReader::read_month reads them
    std::vector<FileDamage> damage;    // as LogReader found it, one entry per file with any
    std::array<Totals, 31> days = {};  // [0] is the 1st of the month

    bool operator==(const MonthSummary&) const = default;
};

// Adds `v` to its day. REQUIRES: v.date is in s.month.
void add_session(MonthSummary& s, const SessionView& v);

// Largest summary the cache keeps; a month with so many files that its
// summary is larger is always read from the log instead.
inline constexpr size_t kMaxSummaryBytes = size_t{64} * 1024;

// FNV-1a of `text`: stable across builds and machines, to name a folder or
// fingerprint a setting.
std::uint64_t fnv1a(std::string_view text);

// The checksum that ends every cache file: it tells a whole file from a cut
// or damaged one, not from one someone altered on purpose. It takes eight
// bytes at a time, several times faster than FNV-1a's one (a ten-year
// record is tens of kilobytes, checked on every report), so it depends on
// the machine's byte order; a cache is the machine's own.
std::uint64_t checksum(std::string_view text);

// The parts of the cache's text formats that month summaries and settled
// weeks (settled_weeks.hpp) share.
//
// Appends a "file" line for each of `files` and a "damage" line for each of
// `damage` to `out`; false (and `out` partly written) when a name or note
// cannot be a field.
bool add_sources(std::string& out, const std::vector<FileStamp>& files,
                 const std::vector<FileDamage>& damage);
enum class SourceLine { taken, other, bad };
// Reads one line that add_sources may have written into `files` or
// `damage`: `other` when it is neither kind, `bad` when it is one of them
// but malformed, out of order (a file after damage), or names damage in a
// file not listed before it.
SourceLine read_source_line(std::string_view line, const std::filesystem::path& folder,
                            std::vector<FileStamp>& files, std::vector<FileDamage>& damage);
// Appends the end line, which carries the checksum of everything before it.
void seal(std::string& out);
// The text before the end line, when `text` is no larger than `max_bytes`
// and ends with an end line whose checksum matches; else nothing.
std::optional<std::string_view> checked_body(std::string_view text, size_t max_bytes);

// The summary as text, naming `folder`, the log folder it describes
// (docs/log-format.md, "The cache"). Nothing when it cannot be written as
// text (a name with a tab or newline in it) or would exceed kMaxSummaryBytes.
std::optional<std::string> encode_summary(const MonthSummary& s,
                                          const std::filesystem::path& folder);

// The summary in `text`, which must be exactly what encode_summary writes
// for `month` and `folder`, its checksum included. Anything else (garbage,
// a truncated or altered file, another version, month or folder) gives
// nothing: a summary is used only when it can be trusted whole. Damage
// entries get their full paths back under `folder`.
std::optional<MonthSummary> decode_summary(std::string_view text, YearMonth month,
                                           const std::filesystem::path& folder);

}  // namespace selfcare
