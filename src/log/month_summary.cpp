#include "month_summary.hpp"

#include <array>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

namespace selfcare {
namespace {

// v3: the counting rule changed (counts_toward_goal), so the counts an older
// summary holds are stale and it is read as a miss. v4: the checksum is
// `checksum`, no longer FNV-1a.
constexpr std::string_view kVersionLine = "# selfcare month summary v4";
constexpr std::string_view kEndTag = "end\t";
constexpr size_t kLinesNamed = 10;  // as many as LogReader names per file

// True when `s` can be a field: no tab or newline in it.
bool plain(std::string_view s) {
    return s.find_first_of("\t\n") == std::string_view::npos;
}

std::string month_text(YearMonth m) {
    return fmt::format("{:04}-{:02}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()));
}

// The whole of `text` as a number of type T, in `base`.
template <typename T>
bool number(std::string_view text, T& out, int base = 10) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out, base);
    return !text.empty() && ec == std::errc() && ptr == end;
}

// A number of a day line: an optional '-' and one to nine digits, all that
// encode_summary writes there. A report reads thousands of these, so this
// is spelt out rather than left to the general from_chars.
bool day_number(std::string_view text, int& out) {
    const bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    if (text.empty() || text.size() > 9) return false;
    int v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = negative ? -v : v;
    return true;
}

// The tab-separated fields of a line, without allocating: a summary has
// thousands of lines and is read on every report. A line with more fields
// than any kind has is marked by a size past them all.
struct Fields {
    std::array<std::string_view, 11> at;
    size_t count = 0;
    size_t size() const { return count; }
    std::string_view operator[](size_t i) const { return at[i]; }
};

Fields fields(std::string_view line) {
    Fields out;
    while (true) {
        const size_t tab = line.find('\t');
        if (out.count == out.at.size()) {
            ++out.count;  // too many: no kind of line matches
            return out;
        }
        out.at[out.count++] = line.substr(0, tab);
        if (tab == std::string_view::npos) return out;
        line.remove_prefix(tab + 1);
    }
}

// "file NAME SIZE MTIME_NS CTIME_NS INODE DEVICE MODE".
bool decode_file(const Fields& f, FileStamp& out) {
    if (f.size() != 8 || f[1].empty()) return false;
    out.name = f[1];
    return number(f[2], out.size) && number(f[3], out.mtime_ns) && number(f[4], out.ctime_ns) &&
           number(f[5], out.inode) && number(f[6], out.device) && number(f[7], out.mode);
}

// "damage NAME SKIPPED LINES NOTE", LINES being "5,9" or "-"; NAME one of `files`.
bool decode_damage(const Fields& f, const std::vector<FileStamp>& files,
                   const std::filesystem::path& folder, FileDamage& out) {
    if (f.size() != 5 || !number(f[2], out.skipped) || out.skipped < 0) return false;
    bool known = false;
    for (const FileStamp& file : files)
        known = known || file.name == f[1];
    if (!known) return false;
    out.path = folder / f[1];
    out.note = f[4];
    if (f[3] != "-") {
        for (std::string_view rest = f[3];;) {
            const size_t comma = rest.find(',');
            int line = 0;
            if (!number(rest.substr(0, comma), line) || line < 1) return false;
            out.lines.push_back(line);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    const auto named = static_cast<int>(out.lines.size());
    return named <= static_cast<int>(kLinesNamed) && named <= out.skipped &&
           (out.skipped > 0 || !out.note.empty());
}

// The pain sums as they could have been added up: each rating 0-10, each
// change -10 to 10, and no more of them than sessions.
bool plausible(const PainTotals& p, int sessions) {
    const auto within = [&](int sum, int n, int lo) {
        return n >= 0 && n <= sessions && sum >= lo * n && sum <= 10 * n;
    };
    return within(p.before_sum, p.before_n, 0) && within(p.after_sum, p.after_n, 0) &&
           within(p.change_sum, p.change_n, -10);
}

// "day DAY SESSIONS COUNTED ACTIVE_S" and the six pain sums, days in
// increasing order.
bool decode_day(const Fields& f, MonthSummary& s, unsigned& last_day) {
    unsigned day = 0;
    Totals t;
    PainTotals& p = t.pain;
    if (f.size() != 11 || !number(f[1], day) || !day_number(f[2], t.sessions) ||
        !day_number(f[3], t.counted) || !day_number(f[4], t.active_s) ||
        !day_number(f[5], p.before_sum) || !day_number(f[6], p.before_n) ||
        !day_number(f[7], p.after_sum) || !day_number(f[8], p.after_n) ||
        !day_number(f[9], p.change_sum) || !day_number(f[10], p.change_n) ||
        !plausible(p, t.sessions)) {
        return false;
    }
    const unsigned days_in_month = static_cast<unsigned>((s.month / std::chrono::last).day());
    if (day <= last_day || day > days_in_month) return false;
    if (t.sessions < 1 || t.counted < 0 || t.counted > t.sessions || t.active_s < 0) return false;
    last_day = day;
    s.days[day - 1] = t;
    return true;
}

// The lines between the header and the end line: files, then damage, then days.
bool decode_body(std::string_view body, const std::filesystem::path& folder, MonthSummary& s) {
    int stage = 0;  // 0 files, 1 damage, 2 days: each kind of line after the one before
    unsigned last_day = 0;
    while (!body.empty()) {
        const size_t nl = body.find('\n');
        const Fields f = fields(body.substr(0, nl));
        body.remove_prefix(nl + 1);
        if (f[0] == "file" && stage == 0) {
            if (!decode_file(f, s.files.emplace_back())) return false;
        } else if (f[0] == "damage" && stage <= 1 && !s.files.empty()) {
            stage = 1;
            if (!decode_damage(f, s.files, folder, s.damage.emplace_back())) return false;
        } else if (f[0] == "day" && !s.files.empty()) {
            stage = 2;
            if (!decode_day(f, s, last_day)) return false;
        } else {
            return false;
        }
    }
    return !s.files.empty();
}

}  // namespace

bool add_sources(std::string& out, const std::vector<FileStamp>& files,
                 const std::vector<FileDamage>& damage) {
    for (const FileStamp& f : files) {
        if (!plain(f.name)) return false;
        out += fmt::format("file\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", f.name, f.size, f.mtime_ns,
                           f.ctime_ns, f.inode, f.device, f.mode);
    }
    for (const FileDamage& d : damage) {
        const std::string name = d.path.filename().string();
        if (!plain(name) || !plain(d.note)) return false;
        const std::string lines =
            d.lines.empty() ? std::string("-") : fmt::format("{}", fmt::join(d.lines, ","));
        out += fmt::format("damage\t{}\t{}\t{}\t{}\n", name, d.skipped, lines, d.note);
    }
    return true;
}

SourceLine read_source_line(std::string_view line, const std::filesystem::path& folder,
                            std::vector<FileStamp>& files, std::vector<FileDamage>& damage) {
    const Fields f = fields(line);
    if (f[0] == "file") {
        if (!damage.empty() || !decode_file(f, files.emplace_back())) return SourceLine::bad;
        return SourceLine::taken;
    }
    if (f[0] == "damage") {
        if (files.empty() || !decode_damage(f, files, folder, damage.emplace_back())) {
            return SourceLine::bad;
        }
        return SourceLine::taken;
    }
    return SourceLine::other;
}

std::optional<std::string_view> checked_body(std::string_view text, size_t max_bytes) {
    if (text.size() > max_bytes || text.size() < 2 || !text.ends_with('\n')) return std::nullopt;
    const size_t last = text.rfind('\n', text.size() - 2) + 1;  // 0 when there is one line
    const std::string_view end = text.substr(last, text.size() - 1 - last);
    std::uint64_t sum = 0;
    if (!end.starts_with(kEndTag) || end.size() != kEndTag.size() + 16 ||
        !number(end.substr(kEndTag.size()), sum, 16) || sum != checksum(text.substr(0, last))) {
        return std::nullopt;
    }
    return text.substr(0, last);
}

void seal(std::string& out) {
    out += fmt::format("{}{:016x}\n", kEndTag, checksum(out));
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t checksum(std::string_view text) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ text.size();
    const auto mix = [&h](std::uint64_t word) {
        h = (h ^ word) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    };
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        mix(word);
    }
    std::uint64_t tail = 0;
    if (i < text.size()) std::memcpy(&tail, text.data() + i, text.size() - i);
    mix(tail);
    return h;
}

Totals totals_of(const SessionView& v) {
    Totals t{1, counts_toward_goal(v) ? 1 : 0, v.active_s, {}};
    if (v.pain_before) t.pain.before_sum = *v.pain_before, t.pain.before_n = 1;
    if (v.pain_after) t.pain.after_sum = *v.pain_after, t.pain.after_n = 1;
    if (v.pain_before && v.pain_after) {
        t.pain.change_sum = *v.pain_after - *v.pain_before;
        t.pain.change_n = 1;
    }
    return t;
}

void add_session(MonthSummary& s, const SessionView& v) {
    const auto day = (v.date - std::chrono::sys_days(s.month / 1)).count();
    if (day >= 0 && day < static_cast<long>(s.days.size())) s.days[day] += totals_of(v);
}

std::optional<std::string> encode_summary(const MonthSummary& s,
                                          const std::filesystem::path& folder) {
    const std::string dir = folder.string();
    if (!plain(dir)) return std::nullopt;
    std::string out =
        fmt::format("{}\nfolder\t{}\nmonth\t{}\n", kVersionLine, dir, month_text(s.month));
    if (!add_sources(out, s.files, s.damage)) return std::nullopt;
    for (size_t i = 0; i < s.days.size(); ++i) {
        const Totals& t = s.days[i];
        if (t.sessions > 0) {
            const PainTotals& p = t.pain;
            out += fmt::format("day\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", i + 1, t.sessions,
                               t.counted, t.active_s, p.before_sum, p.before_n, p.after_sum,
                               p.after_n, p.change_sum, p.change_n);
        }
    }
    seal(out);
    if (out.size() > kMaxSummaryBytes) return std::nullopt;
    return out;
}

std::optional<MonthSummary> decode_summary(std::string_view text, YearMonth month,
                                           const std::filesystem::path& folder) {
    const std::optional<std::string_view> body = checked_body(text, kMaxSummaryBytes);
    if (!body) return std::nullopt;
    const size_t last = body->size();
    const std::string head = fmt::format("{}\nfolder\t{}\nmonth\t{}\n", kVersionLine,
                                         folder.string(), month_text(month));
    if (!text.starts_with(head) || last < head.size()) return std::nullopt;
    MonthSummary s{month, {}, {}, {}};
    if (!decode_body(text.substr(head.size(), last - head.size()), folder, s)) return std::nullopt;
    return s;
}

}  // namespace selfcare
