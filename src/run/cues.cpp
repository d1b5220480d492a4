#include "cues.hpp"

#include <algorithm>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

extern char** environ;

namespace selfcare {
namespace {

using namespace std::chrono_literals;

constexpr Duration kBellGap = 250ms;
// A cue program gets this long before it is stopped: long enough for any
// sentence selfcare says, short enough that a hung one does not pile up.
constexpr Duration kSpeechLimit = 15s;

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

// The side a segment is on, if it differs from the segment of the same step
// played before it: that is a switch.
bool switches_side(const Schedule& s, int index) {
    const Segment& seg = s.segments[static_cast<size_t>(index)];
    for (int i = index - 1; i >= 0; --i) {
        const Segment& before = s.segments[static_cast<size_t>(i)];
        if (before.step != seg.step) return false;
        if (before.kind != SegmentKind::between) return before.side != seg.side;
    }
    return false;
}

Cue segment_cue(const Schedule& s, int index) {
    const Segment& seg = s.segments[static_cast<size_t>(index)];
    if (seg.kind == SegmentKind::between) {
        if (switches_side(s, index)) return {3, "Switch sides"};
        return {2, seg.label.empty() ? "Next" : "Next: " + seg.label};
    }
    std::string text;
    if (!seg.side.empty() && seg.label.find(seg.side) == std::string::npos) {
        text = capitalised(seg.side) + " side. ";
    }
    text += seg.title;
    if (!seg.label.empty()) text += ", " + seg.label;
    if (seg.kind == SegmentKind::breathe) {
        text += fmt::format(", {} breaths", seg.cycles);
    } else {
        text += ", " + say_duration(seg.min, seg.max);
    }
    return {2, text};
}

}  // namespace

std::string say_duration(Seconds min, Seconds max) {
    if (min == max) return say_one(min);
    if (min.count() % 60 == 0 && max.count() % 60 == 0) {
        return fmt::format("{} to {}", min.count() / 60, units(max.count() / 60, "minute"));
    }
    if (max < 60s) return fmt::format("{} to {}", min.count(), units(max.count(), "second"));
    return say_one(min) + " to " + say_one(max);
}

std::string with_text(std::string_view argument, std::string_view text) {
    constexpr std::string_view kField = "{text}";
    std::string out;
    size_t from = 0;
    for (size_t at = argument.find(kField); at != std::string_view::npos;
         at = argument.find(kField, from)) {
        out.append(argument.substr(from, at - from)).append(text);
        from = at + kField.size();
    }
    return out.append(argument.substr(from));
}

std::optional<Cue> cue_for(const Event& e, const Schedule& s) {
    switch (e.kind) {
        case EventKind::routine_start:
            return Cue{0, s.title + ". Get ready."};
        case EventKind::segment_start:
            return segment_cue(s, e.segment);
        case EventKind::phase: {
            const BreathKind k = s.segments[static_cast<size_t>(e.segment)]
                                     .breath[static_cast<size_t>(e.phase)]
                                     .kind;
            const int bells = k == BreathKind::inhale ? 1 : k == BreathKind::exhale ? 2 : 0;
            return Cue{bells, capitalised(std::string(to_string(k)))};
        }
        case EventKind::hold_ready:
            return Cue{1, "Release when ready"};
        case EventKind::countdown:
            return Cue{1, {}};
        case EventKind::pause:
            return Cue{0, "Paused"};
        case EventKind::routine_end:
            return Cue{e.completed ? 5 : 0, e.completed ? "Done" : "Stopped"};
        case EventKind::resume:
        case EventKind::skip:
        case EventKind::back:
        case EventKind::adjust:
        case EventKind::segment_end:
            break;
    }
    return std::nullopt;
}

std::vector<std::string> find_speech_command(std::string_view path_variable) {
    const std::string path(path_variable);
    const auto on_path = [&](std::string_view program) {
        size_t start = 0;
        while (start <= path.size()) {
            size_t end = path.find(':', start);
            if (end == std::string::npos) end = path.size();
            const std::string dir = end > start ? path.substr(start, end - start) : ".";
            if (access((dir + "/" + std::string(program)).c_str(), X_OK) == 0) return true;
            start = end + 1;
        }
        return false;
    };
    if (on_path("espeak-ng")) return {"espeak-ng", "{text}"};
    if (on_path("spd-say")) return {"spd-say", "--wait", "{text}"};
    if (on_path("say")) return {"say", "{text}"};
    return {};
}

CuePlayer::CuePlayer(Terminal& terminal, const Clock& clock, bool bell,
                     std::vector<std::string> say)
    : terminal_(terminal), clock_(clock), bell_(bell), say_(std::move(say)) {}

// Whatever is still speaking is cut off: the runner has already given the
// last cue its time (see busy()).
CuePlayer::~CuePlayer() {
    end_speech(true);
}

bool CuePlayer::busy() const {
    return !bells_.empty() || speaker_ > 0;
}

void CuePlayer::play(const Cue& cue, TimePoint now) {
    if (bell_) {
        bells_.clear();  // a new cue replaces the rest of an old pattern
        for (int i = 0; i < cue.bells; ++i)
            bells_.push_back(now + kBellGap * i);
    }
    if (!cue.speech.empty() && !say_.empty()) speak(cue.speech, now);
    poll(now);
}

void CuePlayer::poll(TimePoint now) {
    size_t due = 0;
    while (due < bells_.size() && bells_[due] <= now)
        ++due;
    if (due > 0) {
        terminal_.write("\a");
        bells_.erase(bells_.begin(), bells_.begin() + static_cast<std::ptrdiff_t>(due));
    }
    if (speaker_ > 0) {
        int status = 0;
        if (waitpid(speaker_, &status, WNOHANG) == speaker_) {
            speaker_ = -1;
        } else if (now >= speaker_deadline_) {
            end_speech(true);
        }
    }
}

TimePoint CuePlayer::next_time() const {
    TimePoint next = bells_.empty() ? TimePoint::max() : bells_.front();
    // Check on a speaking child now and then, so it is reaped promptly.
    if (speaker_ > 0) next = std::min(next, std::min(speaker_deadline_, clock_.now() + 500ms));
    return next;
}

void CuePlayer::end_speech(bool kill) {
    if (speaker_ <= 0) return;
    // The whole process group: a speech program that is a wrapper script
    // has children of its own, which would otherwise go on speaking.
    if (kill) {
        ::kill(-speaker_, SIGKILL);
        ::kill(speaker_, SIGKILL);
    }
    while (waitpid(speaker_, nullptr, 0) < 0 && errno == EINTR) {
    }
    speaker_ = -1;
}

// Starts the speech program directly (no shell, so a title with ';' or
// "$(...)" is only ever words), with nothing to read, its output discarded
// and none of our descriptors, in a process group of its own. A new cue cuts
// off the one before it, and everything that one started.
void CuePlayer::speak(const std::string& text, TimePoint now) {
    end_speech(true);
    std::vector<std::string> args;
    args.reserve(say_.size());
    for (const std::string& a : say_)
        args.push_back(with_text(a, text));
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // The child starts with default signal handling, whatever ours are.
    sigset_t all;
    sigfillset(&all);
    posix_spawnattr_setsigdefault(&attr, &all);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    // Its own process group (its pid), so that it can be ended with all it
    // started; its input is /dev/null, so being in the background costs it
    // nothing.
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(
        &attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    pid_t pid = -1;
    if (posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ) == 0) {
        speaker_ = pid;
        speaker_deadline_ = now + kSpeechLimit;
    }
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
}

}  // namespace selfcare
