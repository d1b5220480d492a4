#include "session.hpp"

#include <array>
#include <cstring>

#include <fmt/core.h>

#include "text.hpp"

namespace selfcare {
namespace {

constexpr size_t kFields = 15;

// A whole number of at most six digits, no sign, no leading zeros beyond "0".
bool parse_count(std::string_view text, int& out) {
    if (text.empty() || text.size() > 6 || (text.size() > 1 && text[0] == '0')) return false;
    int v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool parse_pain(std::string_view text, std::optional<int>& out) {
    if (text == "-") {
        out.reset();
        return true;
    }
    int v = 0;
    if (!parse_count(text, v) || v > 10) return false;
    out = v;
    return true;
}

bool parse_id(std::string_view text, std::uint64_t& out) {
    if (text.size() != 16) return false;
    std::uint64_t v = 0;
    for (const char c : text) {
        unsigned d;
        if (c >= '0' && c <= '9') {
            d = static_cast<unsigned>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            d = static_cast<unsigned>(c - 'a' + 10);
        } else {
            return false;
        }
        v = v << 4 | d;
    }
    out = v;
    return true;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "2026-11-16T07:30:12+01:00" whose date part is `date`.
bool valid_start(std::string_view s, std::string_view date) {
    static constexpr std::string_view shape = "0000-00-00T00:00:00+00:00";
    if (s.size() != shape.size() || s.substr(0, 10) != date) return false;
    for (size_t i = 10; i < shape.size(); ++i) {
        const char want = shape[i];
        if (want == '0' ? !is_digit(s[i])
                        : (i == 19 ? (s[i] != '+' && s[i] != '-') : s[i] != want)) {
            return false;
        }
    }
    const auto two = [&](size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
    return two(11) < 24 && two(14) < 60 && two(17) < 60 && two(20) < 24 && two(23) < 60;
}

}  // namespace

bool valid_escaped_field(std::string_view t, size_t most) {
    if (t.empty() || t.size() > 2 * most || find_control(t)) return false;
    size_t unescaped = 0;
    for (size_t i = 0; i < t.size(); ++i, ++unescaped) {
        if (t[i] == '\\') {
            if (i + 1 == t.size()) return false;
            const char e = t[++i];
            if (e != 't' && e != 'n' && e != '\\') return false;
        }
    }
    return unescaped <= most;
}

std::string escape_field(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    for (const char c : t) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string unescape_field(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '\\' || i + 1 == t.size()) {
            out += t[i];
            continue;
        }
        const char e = t[++i];
        out += e == 't' ? '\t' : e == 'n' ? '\n' : e;
    }
    return out;
}

namespace {

std::string pain_text(const std::optional<int>& p) {
    return p ? std::to_string(*p) : "-";
}

}  // namespace

std::string_view to_string(Outcome o) {
    switch (o) {
        case Outcome::completed:
            return "completed";
        case Outcome::skipped:
            return "skipped";
        case Outcome::stopped:
            break;
    }
    return "stopped";
}
std::string_view to_string(Source s) {
    return s == Source::timer ? "timer" : "manual";
}

std::string_view log_file_header() {
    return "# selfcare log v1\n"
           "# date\tstart\troutine\ttitle\tactive_s\tplanned_min_s\tplanned_max_s\t"
           "segments_done\tsegments_total\tpain_before\tpain_after\tsource\tdevice\tid\toutcome\n";
}

std::string encode_line(const Session& s) {
    return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                       format_date(s.date), s.start, s.routine, escape_field(s.title), s.active_s,
                       s.planned_min_s, s.planned_max_s, s.segments_done, s.segments_total,
                       pain_text(s.pain_before), pain_text(s.pain_after), to_string(s.source),
                       s.device, format_id(s.id), to_string(s.outcome));
}

const char* decode_line(std::string_view line, SessionView& out) {
    std::array<std::string_view, kFields> f;
    size_t n = 0;
    const char* p = line.data();
    const char* end = p + line.size();
    while (true) {
        const char* tab =
            static_cast<const char*>(std::memchr(p, '\t', static_cast<size_t>(end - p)));
        if (n == kFields) return "more fields than this version writes";
        f[n++] = std::string_view(p, static_cast<size_t>((tab ? tab : end) - p));
        if (!tab) break;
        p = tab + 1;
    }
    if (n != kFields) return "too few fields (a torn or edited line)";
    if (!parse_date(f[0], out.date)) return "bad date";
    if (!valid_start(f[1], f[0])) return "bad start time";
    if (!is_routine_name(f[2])) return "bad routine name";
    if (!valid_escaped_field(f[3], kMaxTitle)) return "bad title";
    if (!parse_count(f[4], out.active_s) || !parse_count(f[5], out.planned_min_s) ||
        !parse_count(f[6], out.planned_max_s) || !parse_count(f[7], out.segments_done) ||
        !parse_count(f[8], out.segments_total)) {
        return "bad number";
    }
    if (out.active_s > kMaxSessionSeconds || out.planned_max_s > kMaxSessionSeconds ||
        out.planned_min_s > out.planned_max_s || out.segments_done > out.segments_total) {
        return "numbers out of range";
    }
    if (!parse_pain(f[9], out.pain_before) || !parse_pain(f[10], out.pain_after)) {
        return "bad pain rating";
    }
    if (f[11] == "timer") {
        out.source = Source::timer;
    } else if (f[11] == "manual") {
        out.source = Source::manual;
    } else {
        return "bad source";
    }
    if (!is_device_name(f[12])) return "bad device";
    if (!parse_id(f[13], out.id)) return "bad id";
    // The outcome comes last and no word is a prefix of another, so a line
    // cut short anywhere can never pass as whole.
    if (f[14] == "completed") {
        out.outcome = Outcome::completed;
    } else if (f[14] == "skipped") {
        out.outcome = Outcome::skipped;
    } else if (f[14] == "stopped") {
        out.outcome = Outcome::stopped;
    } else {
        return "bad outcome";
    }
    out.start = f[1];
    out.routine = f[2];
    out.title = f[3];
    out.device = f[12];
    return nullptr;
}

Session to_session(const SessionView& v) {
    return Session{v.date,
                   std::string(v.start),
                   std::string(v.routine),
                   unescape_field(v.title),
                   v.active_s,
                   v.planned_min_s,
                   v.planned_max_s,
                   v.segments_done,
                   v.segments_total,
                   v.pain_before,
                   v.pain_after,
                   v.source,
                   std::string(v.device),
                   v.id,
                   v.outcome,
                   std::string(v.note)};
}

std::string validate(const Session& s) {
    if (!valid_start(s.start, format_date(s.date))) return "the start time does not match the date";
    if (!is_routine_name(s.routine)) return fmt::format("'{}' is not a routine name", s.routine);
    if (s.title.empty() || s.title.size() > kMaxTitle) return "the title is empty or too long";
    if (find_control(s.title, U"\t\n")) return "the title has a control character";
    const auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
    if (!in(s.active_s, 0, kMaxSessionSeconds) || !in(s.planned_max_s, 0, kMaxSessionSeconds) ||
        !in(s.planned_min_s, 0, s.planned_max_s)) {
        return "a time is out of range";
    }
    if (!in(s.segments_total, 0, 999'999) || !in(s.segments_done, 0, s.segments_total)) {
        return "the segment counts are out of range";
    }
    for (const auto& p : {s.pain_before, s.pain_after}) {
        if (p && !in(*p, 0, 10)) return "a pain rating is not from 0 to 10";
    }
    if (!is_device_name(s.device)) return fmt::format("'{}' is not a device name", s.device);
    return {};
}

bool counts_toward_goal(Source source, int active_s, int planned_min_s) {
    if (source == Source::manual) return true;
    return active_s >= kMinimumCountedSeconds && 2 * active_s >= planned_min_s;
}

bool counts_toward_goal(const Session& s) {
    return counts_toward_goal(s.source, s.active_s, s.planned_min_s);
}

bool counts_toward_goal(const SessionView& s) {
    return counts_toward_goal(s.source, s.active_s, s.planned_min_s);
}

bool is_local_time(std::string_view text) {
    Date d;
    return text.size() >= 10 && parse_date(text.substr(0, 10), d) &&
           valid_start(text, text.substr(0, 10));
}

std::string format_id(std::uint64_t id) {
    return fmt::format("{:016x}", id);
}

bool is_device_name(std::string_view name) {
    if (name.empty() || name.size() > kMaxDevice) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return true;
}

}  // namespace selfcare
