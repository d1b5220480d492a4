#include "announcer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

namespace selfcare {
namespace {

using namespace std::chrono_literals;

struct MomentInfo {
    std::string_view name;
    std::string_view bells;
};

// Quick runs mean "go" (more bells: bigger change), spaced bells mean
// "ease off", and user actions are broken runs. No two moments share a
// pattern except a countdown second and an in-breath, which never follow
// each other: breathing has no countdown.
constexpr MomentInfo kMoments[kMomentCount] = {
    {"get ready", "xx..xx"},  {"work", "xxx"},         {"hold", "xxx.x"},     {"gap", "x...x"},
    {"switch side", "xx.xx"}, {"hold ready", "x.x.x"}, {"countdown", "x"},    {"tick", ""},
    {"inhale", "x"},          {"breath hold", "x.x"},  {"exhale", "xx"},      {"pause", "xxxx"},
    {"resume", "x..xxx"},     {"more time", "x.xx"},   {"less time", "xx.x"}, {"skip", "x.x.xx"},
    {"back", "xx.x.x"},       {"done", "xxxxx"},       {"stopped", ""},
};

std::string units(long long n, std::string_view unit) {
    return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s");
}

std::string say_one(Seconds d) {
    const long long m = d.count() / 60, s = d.count() % 60;
    if (m == 0) return units(s, "second");
    if (s == 0) return units(m, "minute");
    return units(m, "minute") + " " + units(s, "second");
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string_view breath_word(BreathKind k, bool first_word) {
    switch (k) {
        case BreathKind::inhale:
            return first_word ? "Inhale" : "in";
        case BreathKind::hold:
            return first_word ? "Hold" : "hold";
        case BreathKind::exhale:
            return first_word ? "Exhale" : "out";
    }
    return "";
}

// True when the gap at `index` leads to the other side of the same step.
bool switches_side(const Schedule& s, int index) {
    const Segment& seg = s.segments[static_cast<size_t>(index)];
    for (int i = index - 1; i >= 0; --i) {
        const Segment& before = s.segments[static_cast<size_t>(i)];
        if (before.step != seg.step) return false;
        if (before.kind != SegmentKind::between) return before.side != seg.side;
    }
    return false;
}

// "Left side. Side neck stretch, spot 2 of 4": where the person is.
std::string where(const Segment& seg) {
    std::string text;
    if (!seg.side.empty() && seg.label.find(seg.side) == std::string::npos) {
        text = capitalised(seg.side) + " side. ";
    }
    text += seg.title;
    if (!seg.label.empty()) text += ", " + seg.label;
    return text;
}

// "Neck release, right side": what a gap leads to.
std::string what_next(const Segment& seg) {
    std::string text = seg.title;
    if (!seg.label.empty()) text += ", " + seg.label;
    if (!seg.side.empty() && seg.label.find(seg.side) == std::string::npos)
        text += ", " + seg.side + " side";
    return text;
}

std::string sentence(std::string text) {
    if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?')
        text += '.';
    return text;
}

}  // namespace

std::string_view to_string(SpeechLevel level) {
    return level == SpeechLevel::full ? "full" : "brief";
}

std::optional<SpeechLevel> speech_level_from(std::string_view text) {
    if (text == "brief") return SpeechLevel::brief;
    if (text == "full") return SpeechLevel::full;
    return std::nullopt;
}

std::string_view to_string(Moment m) {
    return kMoments[static_cast<int>(m)].name;
}

std::string_view bell_pattern(Moment m) {
    return kMoments[static_cast<int>(m)].bells;
}

std::optional<Moment> moment_of(const Event& e, const Schedule& s) {
    const Segment* seg = e.segment >= 0 ? &s.segments[static_cast<size_t>(e.segment)] : nullptr;
    switch (e.kind) {
        case EventKind::routine_start:
            return Moment::get_ready;
        case EventKind::segment_start:
            switch (seg->kind) {
                case SegmentKind::work:
                case SegmentKind::breathe:
                    return Moment::work;
                case SegmentKind::hold:
                    return Moment::hold;
                case SegmentKind::rest:
                    return Moment::gap;
                case SegmentKind::between:
                    return switches_side(s, e.segment) ? Moment::switch_side : Moment::gap;
            }
            break;
        case EventKind::phase:
            switch (seg->breath[static_cast<size_t>(e.phase)].kind) {
                case BreathKind::inhale:
                    return Moment::inhale;
                case BreathKind::hold:
                    return Moment::breath_hold;
                case BreathKind::exhale:
                    return Moment::exhale;
            }
            break;
        case EventKind::hold_ready:
            return Moment::hold_ready;
        case EventKind::countdown:
            return Moment::countdown;
        case EventKind::tick:
            return Moment::tick;
        case EventKind::pause:
            return Moment::pause;
        case EventKind::resume:
            return Moment::resume;
        case EventKind::adjust:
            return e.delta < Duration::zero() ? Moment::less_time : Moment::more_time;
        case EventKind::skip:
            return Moment::skip;
        case EventKind::back:
            return Moment::back;
        case EventKind::routine_end:
            return e.completed ? Moment::done : Moment::stopped;
        case EventKind::segment_end:
            break;
    }
    return std::nullopt;
}

std::string say_duration(Seconds min, Seconds max) {
    if (min == max) return say_one(min);
    if (min.count() % 60 == 0 && max.count() % 60 == 0) {
        return fmt::format("{} to {}", min.count() / 60, units(max.count() / 60, "minute"));
    }
    if (max < 60s) return fmt::format("{} to {}", min.count(), units(max.count(), "second"));
    return say_one(min) + " to " + say_one(max);
}

std::string say_breathing(const Segment& seg) {
    std::string text = seg.title + ":";
    for (size_t i = 0; i < seg.breath.size(); ++i) {
        text += fmt::format("{} {} {}", i == 0 ? "" : ",", breath_word(seg.breath[i].kind, false),
                            seg.breath[i].length.count());
    }
    return text + fmt::format(", {} {}", seg.cycles, seg.cycles == 1 ? "breath" : "breaths");
}

std::string say_time_left(const View& v) {
    // Whole seconds rounded up, as the screen shows them.
    const auto up = [](double s) { return Seconds(static_cast<long long>(std::ceil(s - 1e-6))); };
    if (v.finished) return "Nothing left";
    const std::string all = say_duration(up(v.total_left_min), up(v.total_left_max));
    if (v.getting_ready)
        return fmt::format("Starting in {}, {} in all", say_one(up(v.remaining)), all);
    const std::string here = v.until_ready > 0 ? say_duration(up(v.until_ready), up(v.remaining))
                                               : say_one(up(v.remaining));
    return fmt::format("{} left in this step, {} in all", here, all);
}

Seconds get_ready_time(const Schedule& s, SpeechOptions options) {
    constexpr Seconds kGetReady{5};
    if (options.level != SpeechLevel::full) return kGetReady;
    long long words = 3;  // the title and "Get ready"
    for (const std::string& caution : s.cautions) {
        bool in_word = false;
        for (const char c : caution) {
            const bool letter = c != ' ' && c != '\n' && c != '\t';
            if (letter && !in_word) ++words;
            in_word = letter;
        }
    }
    return std::max(kGetReady, Seconds((words * 2 + 4) / 5 + 2));
}

Announcer::Announcer(const Schedule& schedule, SpeechOptions options, double speed)
    : schedule_(schedule), options_(options), speed_(speed) {}

Cue Announcer::segment_cue(int index) const {
    const Segment& seg = schedule_.segments[static_cast<size_t>(index)];
    std::string text;
    switch (seg.kind) {
        case SegmentKind::between:
            text =
                switches_side(schedule_, index)
                    ? fmt::format("Switch sides. Next: {}, in {}", what_next(seg), say_one(seg.max))
                    : fmt::format("Move. Next: {}, in {}", what_next(seg), say_one(seg.max));
            break;
        case SegmentKind::breathe:
            text = say_breathing(seg);
            break;
        case SegmentKind::work:
        case SegmentKind::hold:
        case SegmentKind::rest:
            text = where(seg) + ", " + say_duration(seg.min, seg.max);
            break;
    }
    // A gap's cue ("roll the ball an inch higher") is what to do in it,
    // so it is always said; a step's cue text only at the full level.
    if (!seg.cue.empty() &&
        (seg.kind == SegmentKind::between || options_.level == SpeechLevel::full)) {
        text = sentence(text) + " " + seg.cue;
    }
    return Cue{"", text};
}

Cue Announcer::phase_cue(const Event& e) {
    const BreathPhase& p =
        schedule_.segments[static_cast<size_t>(e.segment)].breath[static_cast<size_t>(e.phase)];
    Seconds& said = said_length_[static_cast<int>(p.kind)];
    std::string text(breath_word(p.kind, true));
    if (options_.count || said != p.length) text += fmt::format(" {}", p.length.count());
    said = p.length;
    return Cue{"", text, true};
}

std::optional<Cue> Announcer::cue(const Event& e) {
    const std::optional<Moment> moment = moment_of(e, schedule_);
    if (!moment) return std::nullopt;
    Cue c;
    switch (e.kind) {
        case EventKind::routine_start: {
            std::string text = sentence(schedule_.title);
            if (options_.level == SpeechLevel::full) {
                for (const std::string& caution : schedule_.cautions)
                    text += " Caution: " + sentence(caution);
            }
            c.speech = text + " Get ready.";
            break;
        }
        case EventKind::segment_start:
            c = segment_cue(e.segment);
            break;
        case EventKind::phase:
            c = phase_cue(e);
            break;
        case EventKind::hold_ready:
            c.speech = "Release when ready";
            break;
        case EventKind::countdown:
            if (options_.count) c.speech = std::to_string(e.count);
            c.minor = true;
            break;
        case EventKind::tick:
            c.speech = std::to_string(e.count);
            c.minor = true;
            break;
        case EventKind::pause:
            c.speech = "Paused";
            break;
        case EventKind::resume:
            c.speech = "Go on";
            break;
        case EventKind::adjust: {
            const double real = std::chrono::duration<double>(e.delta).count();
            const auto seconds = std::lround(std::fabs(real) * speed_);
            c.speech = fmt::format("{} {}", real < 0 ? "Minus" : "Plus", units(seconds, "second"));
            break;
        }
        case EventKind::skip:
            c.speech = "Skip.";
            break;
        case EventKind::back:
            c.speech = "Back.";
            break;
        case EventKind::routine_end:
            c.speech = e.completed ? "Done" : "Stopped";
            break;
        case EventKind::segment_end:
            return std::nullopt;
    }
    // Counting seconds 5 and 4 speak but do not ring: the three bells stay
    // the countdown everyone learns.
    if (!(e.kind == EventKind::countdown && e.count > 3)) c.bells = bell_pattern(*moment);
    return c;
}

Cue combine(const Cue& first, const Cue& then) {
    Cue out;
    out.bells = first.bells;
    if (!first.bells.empty() && !then.bells.empty()) out.bells += "..";
    out.bells += then.bells;
    out.speech = first.speech;
    if (!first.speech.empty() && !then.speech.empty()) out.speech += " ";
    out.speech += then.speech;
    out.minor = first.minor && then.minor;
    return out;
}

}  // namespace selfcare
