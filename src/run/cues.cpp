#include "cues.hpp"

#include <algorithm>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

extern char** environ;

namespace selfcare {
namespace {

using namespace std::chrono_literals;

constexpr Duration kBellGap = 250ms;
// A cue program gets this long before it is stopped: long enough for any
// sentence selfcare says, short enough that a hung one does not pile up.
constexpr Duration kSpeechLimit = 15s;

}  // namespace

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
                     std::vector<std::string> say, std::function<void(const Cue&)> heard)
    : terminal_(terminal),
      clock_(clock),
      bell_(bell),
      say_(std::move(say)),
      heard_(std::move(heard)) {}

// Whatever is still speaking is cut off: the runner has already given the
// last cue its time (see busy()).
CuePlayer::~CuePlayer() {
    end_speech(true);
}

bool CuePlayer::busy() const {
    return !bells_.empty() || speaker_ > 0;
}

void CuePlayer::play(const Cue& cue, TimePoint now) {
    if (heard_) heard_(cue);
    if (bell_ && !cue.bells.empty()) {
        bells_.clear();  // a new pattern replaces the rest of an old one
        for (size_t i = 0; i < cue.bells.size(); ++i) {
            if (cue.bells[i] == 'x') bells_.push_back(now + kBellGap * static_cast<int>(i));
        }
    }
    if (!cue.speech.empty() && !say_.empty()) {
        poll(now);  // a child that has finished speaking is not "still speaking"
        if (!(cue.minor && speaker_ > 0)) speak(cue.speech, now);
    }
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
