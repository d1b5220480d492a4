#include "screen.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

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

std::string where_line(const Schedule& s, const Segment& seg, const Painter& p) {
    std::string where = fmt::format("step {}/{}", seg.step, s.step_count);
    if (!seg.side.empty()) where += fmt::format("{}{} side", p.dot(), seg.side);
    if (seg.repeat_count > 1)
        where += fmt::format("{}{} of {}", p.dot(), seg.repeat, seg.repeat_count);
    return where;
}

void add_wrapped(std::vector<std::string>& lines, const Painter& p, std::string_view text,
                 int width, const char* sgr = nullptr) {
    for (const std::string& l : wrap(text, width - 2))
        lines.push_back(p.line(" " + l, sgr));
}

void body_getting_ready(std::vector<std::string>& lines, const Frame& f, const Painter& p) {
    const Schedule& s = *f.schedule;
    lines.push_back(p.line(
        fmt::format(" Get ready: starting in {}", format_clock(shown_seconds(f.view.remaining))),
        kBold));
    lines.push_back("");
    for (const std::string& caution : s.cautions) {
        add_wrapped(lines, p, "Caution: " + caution, f.width);
        lines.push_back("");
    }
    if (!s.segments.empty()) lines.push_back(p.line(" First: " + describe(s.segments.front())));
}

void body_segment(std::vector<std::string>& lines, const Frame& f, const Painter& p) {
    const Schedule& s = *f.schedule;
    const View& v = f.view;
    const Segment& seg = s.segments[static_cast<size_t>(v.segment)];
    const int bar_cells = std::clamp(f.width - 12, 10, 60);

    lines.push_back(p.line(" " + describe(seg), kBold));
    if (!seg.cue.empty()) add_wrapped(lines, p, seg.cue, f.width);
    lines.push_back("");
    if (seg.kind == SegmentKind::breathe && v.phase >= 0) {
        const BreathKind kind = seg.breath[static_cast<size_t>(v.phase)].kind;
        static constexpr const char* kWords[] = {"INHALE", "HOLD", "EXHALE"};
        lines.push_back(
            p.line(fmt::format(" {:<6}  {}", kWords[static_cast<int>(kind)],
                               format_clock(shown_seconds(v.phase_length - v.phase_elapsed))),
                   kBold));
        lines.push_back(
            " " + p.bar(breath_level(seg, v.phase, v.phase_elapsed, v.phase_length), bar_cells));
        lines.push_back(p.line(fmt::format(" breath {} of {}{}{} left", v.cycle, seg.cycles,
                                           p.dot(), format_clock(shown_seconds(v.remaining)))));
        return;
    }
    const double done = v.length > 0 ? 1.0 - v.remaining / v.length : 1.0;
    lines.push_back(
        fmt::format(" {}  {}", p.bar(done, bar_cells), format_clock(shown_seconds(v.remaining))));
    if (seg.kind == SegmentKind::hold) {
        lines.push_back(v.until_ready > 0
                            ? p.line(fmt::format(" Hold at least {} more",
                                                 format_clock(shown_seconds(v.until_ready))))
                            : p.line(fmt::format(" Release when ready (n){}ends by itself in {}",
                                                 p.dot(), format_clock(shown_seconds(v.remaining))),
                                     kBold));
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

void body_help(std::vector<std::string>& lines, const Painter& p) {
    for (const char* l :
         {" space, p   pause or resume", " n, Enter   next (ends a hold early)",
          " b          back to the previous step", " +, -       add or take off 10 s",
          " q          quit (what you did is kept)", " ?          this help"}) {
        lines.push_back(p.line(l));
    }
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
    std::vector<std::string> lines;

    std::string right;
    if (v.segment >= 0 && !v.finished) {
        right = where_line(s, s.segments[static_cast<size_t>(v.segment)], p);
    }
    const size_t room = static_cast<size_t>(std::max(0, f.width - 1));
    const size_t gap = room > char_count(s.title) + char_count(right) + 3
                           ? room - char_count(s.title) - char_count(right) - 1
                           : 2;
    lines.push_back(p.line(fmt::format(" {}{}{}", s.title, std::string(gap, ' '), right), kTitle));
    if (v.paused)
        lines.push_back(p.line(" PAUSED: press space to resume ", kPaused));
    else
        lines.push_back(f.notice.empty() ? "" : p.line(" " + f.notice, kBold));

    if (f.show_help)
        body_help(lines, p);
    else if (v.getting_ready)
        body_getting_ready(lines, f, p);
    else if (!v.finished)
        body_segment(lines, f, p);

    lines.push_back("");
    std::string total = fmt::format(" Total left {}", format_span(shown_seconds(v.total_left_min),
                                                                  shown_seconds(v.total_left_max)));
    if (!v.finished) total += fmt::format("{}Next: {}", p.dot(), next_text(s, v.segment + 1));
    lines.push_back(p.line(total));

    const std::string keys = p.line(
        fmt::format(" space pause{0}n next{0}b back{0}+/- 10 s{0}q quit{0}? help", p.dot()), kDim);
    const size_t height = static_cast<size_t>(std::max(f.height, 4));
    if (lines.size() > height - 2) lines.resize(height - 2);
    while (lines.size() < height - 1)
        lines.push_back("");
    lines.push_back(keys);
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
