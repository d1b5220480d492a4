#include "screen.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

#include "plan_view.hpp"
#include "run_text.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

constexpr const char* kBold = "1";
constexpr const char* kTitle = "1;36";
constexpr const char* kBar = "32";
constexpr const char* kPaused = "1;7;33";
constexpr const char* kDim = "2";

class Painter {
  public:
    Painter(const Style& style, int width) : style_(style), width_(static_cast<size_t>(width)) {}

    // Fits `text` to the screen width, then colours it.
    std::string line(std::string_view text, const char* sgr = nullptr) const {
        std::string fitted(text);
        if (char_count(text) > width_) {
            fitted = std::string(first_chars(text, width_ - 1)) + (style_.unicode ? "\u2026" : "~");
        }
        if (!sgr || !style_.color || fitted.empty()) return fitted;
        return fmt::format("\x1b[{}m{}\x1b[0m", sgr, fitted);
    }

    // A bar `cells` wide filled to `fraction`, in eighths of a cell when the
    // terminal can show them.
    std::string bar(double fraction, int cells) const {
        fraction = std::clamp(fraction, 0.0, 1.0);
        std::string filled, empty;
        if (style_.unicode) {
            static constexpr const char* kEighths[] = {"",       "\u258f", "\u258e", "\u258d",
                                                       "\u258c", "\u258b", "\u258a", "\u2589"};
            const int eighths = static_cast<int>(std::lround(fraction * cells * 8));
            for (int i = 0; i < eighths / 8; ++i)
                filled += "\u2588";
            int used = eighths / 8;
            if (eighths % 8 != 0) {
                filled += kEighths[eighths % 8];
                ++used;
            }
            for (int i = used; i < cells; ++i)
                empty += "\u2591";
        } else {
            const int full = static_cast<int>(std::lround(fraction * cells));
            filled.assign(static_cast<size_t>(full), '#');
            empty.assign(static_cast<size_t>(cells - full), '-');
        }
        if (style_.color) filled = fmt::format("\x1b[{}m{}\x1b[0m", kBar, filled);
        return fmt::format("{}{}{}", style_.unicode ? "\u2595" : "[", filled + empty,
                           style_.unicode ? "\u258f" : "]");
    }

    std::string_view dot() const { return style_.unicode ? " \u00b7 " : " - "; }

  private:
    const Style& style_;
    size_t width_;
};

// How much a line is needed when the terminal is too short for all of
// them: the lowest numbers stay. The countdown outlasts everything but the
// key line, then where you are (with the side), then a message.
enum Keep : int {
    kCountdown = 0,
    kWhere = 1,
    kMessage = 2,
    kStep = 3,
    kStatus = 4,
    kMore = 5,
    kText = 6,
    kBlank = 9,
};

struct Row {
    std::string text;
    int keep;
};

using Rows = std::vector<Row>;

std::string where_line(const Schedule& s, const Segment& seg, const Painter& p) {
    std::string where = fmt::format("step {}/{}", seg.step, s.step_count);
    if (!seg.side.empty()) where += fmt::format("{}{} side", p.dot(), seg.side);
    if (seg.repeat_count > 1)
        where += fmt::format("{}{} of {}", p.dot(), seg.repeat, seg.repeat_count);
    return where;
}

// "1/3 left 2/4": where you are, for a terminal too narrow for the words.
std::string where_short(const Schedule& s, const Segment& seg) {
    std::string where = fmt::format("{}/{}", seg.step, s.step_count);
    if (!seg.side.empty()) where += " " + seg.side;
    if (seg.repeat_count > 1) where += fmt::format(" {}/{}", seg.repeat, seg.repeat_count);
    return where;
}

// The title on the left and where you are on the right. When they do not
// both fit, the title gives way: the side being worked is always shown.
std::string title_line(const Frame& f, const Painter& p) {
    const Schedule& s = *f.schedule;
    const View& v = f.view;
    const size_t room = static_cast<size_t>(std::max(0, f.width - 1));
    std::string right;
    if (v.segment >= 0 && !v.finished) {
        const Segment& seg = s.segments[static_cast<size_t>(v.segment)];
        right = where_line(s, seg, p);
        if (char_count(right) + 2 > room) right = where_short(s, seg);
    }
    std::string title = s.title;
    const size_t title_room = room > char_count(right) + 3 ? room - char_count(right) - 3 : 0;
    if (char_count(title) > title_room) {
        title = title_room > 1 ? std::string(first_chars(title, title_room - 1)) +
                                     (f.style.unicode ? "\u2026" : "~")
                               : "";
    }
    const size_t gap = room > char_count(title) + char_count(right) + 1
                           ? room - char_count(title) - char_count(right) - 1
                           : 1;
    return p.line(fmt::format(" {}{}{}", title, std::string(gap, ' '), right), kTitle);
}

// The key line, shortened to fit rather than cut: `q quit` and `? help`
// are always on it.
std::string keys_line(const Frame& f, const Painter& p) {
    const std::string_view d = p.dot();
    const std::string choices[] = {
        fmt::format(" space pause{0}n next{0}b back{0}+/- 10 s{0}t time left{0}q quit{0}? help", d),
        fmt::format(" space pause{0}n next{0}b back{0}+/- 10 s{0}t left{0}q quit{0}? help", d),
        fmt::format(" space pause{0}n next{0}t left{0}q quit{0}? help", d),
        fmt::format(" space pause{0}q quit{0}? help", d),
        fmt::format(" q quit{0}? help", d),
        " q quit ? help",
    };
    const size_t room = static_cast<size_t>(std::max(0, f.width - 1));
    for (const std::string& c : choices) {
        if (char_count(c) <= room) return p.line(c, kDim);
    }
    return p.line(choices[std::size(choices) - 1], kDim);
}

void add_wrapped(Rows& rows, const Painter& p, std::string_view text, int width, int keep) {
    for (const std::string& l : wrap(text, width - 2))
        rows.push_back({p.line(" " + l), keep});
}

void body_getting_ready(Rows& rows, const Frame& f, const Painter& p) {
    const Schedule& s = *f.schedule;
    rows.push_back({p.line(fmt::format(" Get ready: starting in {}",
                                       format_clock(shown_seconds(f.view.remaining))),
                           kBold),
                    kCountdown});
    rows.push_back({"", kBlank});
    for (const std::string& caution : s.cautions) {
        add_wrapped(rows, p, "Caution: " + caution, f.width, kText);
        rows.push_back({"", kBlank});
    }
    const auto first = static_cast<size_t>(std::max(0, f.first));
    if (first < s.segments.size()) {
        const Segment& seg = s.segments[first];
        rows.push_back(
            {p.line(fmt::format(" {}: {}", first == 0 ? "First" : "From here", describe(seg))),
             kStep});
    }
}

void body_segment(Rows& rows, const Frame& f, const Painter& p) {
    const Schedule& s = *f.schedule;
    const View& v = f.view;
    const Segment& seg = s.segments[static_cast<size_t>(v.segment)];
    const int bar_cells = std::clamp(f.width - 12, 4, 60);

    rows.push_back({p.line(" " + describe(seg), kBold), kStep});
    if (!seg.cue.empty()) add_wrapped(rows, p, seg.cue, f.width, kText);
    rows.push_back({"", kBlank});
    if (seg.kind == SegmentKind::breathe && v.phase >= 0) {
        const BreathKind kind = seg.breath[static_cast<size_t>(v.phase)].kind;
        static constexpr const char* kWords[] = {"INHALE", "HOLD", "EXHALE"};
        rows.push_back(
            {p.line(fmt::format(" {:<6}  {}", kWords[static_cast<int>(kind)],
                                format_clock(shown_seconds(v.phase_length - v.phase_elapsed))),
                    kBold),
             kCountdown});
        rows.push_back(
            {" " + p.bar(breath_level(seg, v.phase, v.phase_elapsed, v.phase_length), bar_cells),
             kMore});
        rows.push_back({p.line(fmt::format(" breath {} of {}{}{} left", v.cycle, seg.cycles,
                                           p.dot(), format_clock(shown_seconds(v.remaining)))),
                        kStatus});
        return;
    }
    const double done = v.length > 0 ? 1.0 - v.remaining / v.length : 1.0;
    rows.push_back(
        {fmt::format(" {}  {}", p.bar(done, bar_cells), format_clock(shown_seconds(v.remaining))),
         kCountdown});
    if (seg.kind == SegmentKind::hold) {
        rows.push_back({v.until_ready > 0
                            ? p.line(fmt::format(" Hold at least {} more",
                                                 format_clock(shown_seconds(v.until_ready))))
                            : p.line(fmt::format(" Release when ready (n){}ends by itself in {}",
                                                 p.dot(), format_clock(shown_seconds(v.remaining))),
                                     kBold),
                        kStatus});
    }
}

// What comes after the current segment: the next step itself, with the gap
// before it, rather than the gap.
std::string next_text(const Schedule& s, int index) {
    const auto at = static_cast<size_t>(index);
    if (at >= s.segments.size()) return "done";
    const Segment& next = s.segments[at];
    if (next.kind != SegmentKind::between || at + 1 >= s.segments.size()) return describe(next);
    return fmt::format("{} (after {})", describe(s.segments[at + 1]), format_clock(next.max));
}

void body_help(Rows& rows, const Painter& p) {
    for (const char* l :
         {" space, p   pause or resume", " n, Enter   next (ends a hold early)",
          " b          back to the previous step", " +, -       add or take off 10 s",
          " t          time left (said and shown)", " q          quit (what you did is kept)",
          " ?          this help"}) {
        rows.push_back({p.line(l), kStep});
    }
}

// The `height - 1` rows that matter most, in their order on the screen.
std::vector<std::string> fit_rows(const Rows& rows, size_t height) {
    std::vector<size_t> order(rows.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rows[a].keep < rows[b].keep; });
    order.resize(std::min(order.size(), height));
    std::sort(order.begin(), order.end());
    std::vector<std::string> out;
    out.reserve(order.size());
    for (size_t i : order)
        out.push_back(rows[i].text);
    return out;
}

}  // namespace

std::vector<std::string> wrap(std::string_view text, int width) {
    const size_t w = static_cast<size_t>(std::max(width, 10));
    std::vector<std::string> out;
    std::string line;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(start, end - start);
        if (!line.empty() && char_count(line) + 1 + char_count(word) > w) {
            out.push_back(line);
            line.clear();
        }
        if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
        if (end < text.size() && text[end] == '\n') {
            out.push_back(line);
            line.clear();
        }
        start = end + 1;
    }
    if (!line.empty()) out.push_back(line);
    return out;
}

double breath_level(const Segment& segment, int phase, double phase_elapsed, double phase_length) {
    const double through = phase_length > 0 ? phase_elapsed / phase_length : 1.0;
    switch (segment.breath[static_cast<size_t>(phase)].kind) {
        case BreathKind::inhale:
            return through;
        case BreathKind::exhale:
            return 1.0 - through;
        case BreathKind::hold:
            break;
    }
    // A hold keeps the level the phase before it left: full after an
    // in-breath, empty after an out-breath or at the very start.
    const size_t n = segment.breath.size();
    for (size_t back = 1; back < n; ++back) {
        const BreathKind k = segment.breath[(static_cast<size_t>(phase) + n - back) % n].kind;
        if (k == BreathKind::inhale) return 1.0;
        if (k == BreathKind::exhale) return 0.0;
    }
    return 0.0;
}

std::vector<std::string> frame_lines(const Frame& f) {
    const Schedule& s = *f.schedule;
    const View& v = f.view;
    const Painter p(f.style, f.width);
    Rows rows;
    rows.push_back({title_line(f, p), kWhere});
    if (v.paused)
        rows.push_back({p.line(" PAUSED: press space to resume ", kPaused), kMessage});
    else if (!f.notice.empty())
        rows.push_back({p.line(" " + f.notice, kBold), kMessage});
    else
        rows.push_back({"", kBlank});

    if (f.show_help)
        body_help(rows, p);
    else if (v.getting_ready)
        body_getting_ready(rows, f, p);
    else if (!v.finished)
        body_segment(rows, f, p);

    rows.push_back({"", kBlank});
    std::string total = fmt::format(" Total left {}", format_span(shown_seconds(v.total_left_min),
                                                                  shown_seconds(v.total_left_max)));
    if (!v.finished) total += fmt::format("{}Next: {}", p.dot(), next_text(s, v.segment + 1));
    rows.push_back({p.line(total), kMore});

    const size_t height = static_cast<size_t>(std::max(f.height, 2));
    std::vector<std::string> lines = fit_rows(rows, height - 1);
    while (lines.size() < height - 1)
        lines.push_back("");
    lines.push_back(keys_line(f, p));
    return lines;
}

std::string screen_update(const std::vector<std::string>& before,
                          const std::vector<std::string>& after) {
    std::string out;
    if (before.size() != after.size()) {
        // Home, then each line cleared to its end; the last line has no
        // newline so the screen never scrolls.
        out = "\x1b[H";
        for (size_t i = 0; i < after.size(); ++i) {
            out += after[i];
            out += "\x1b[K";
            if (i + 1 < after.size()) out += "\r\n";
        }
        return out;
    }
    for (size_t i = 0; i < after.size(); ++i) {
        if (after[i] != before[i]) out += fmt::format("\x1b[{};1H{}\x1b[K", i + 1, after[i]);
    }
    return out;
}

std::string render_frame(const Frame& f) {
    return screen_update({}, frame_lines(f));
}

}  // namespace selfcare
