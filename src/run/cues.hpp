#pragma once
// Cues that can be followed with eyes closed: terminal bells in distinct
// patterns, and optionally spoken text through a program the user names.

#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

#include "clock.hpp"
#include "terminal.hpp"

namespace selfcare {

// What to play for one moment (announcer.hpp decides which).
struct Cue {
    std::string bells;   // a pattern: 'x' rings, '.' waits, a quarter second each
    std::string speech;  // empty: nothing to say
    // A minor cue (a breathing phase word, a count) is not said while other
    // words are still being spoken: it must not cut off a step's announcement.
    bool minor = false;
};

// The first of espeak-ng, spd-say and say found on PATH, as a command with
// "{text}" where the words go; empty when there is none.
std::vector<std::string> find_speech_command(std::string_view path_variable);

// One argument of the speech command with every "{text}" in it replaced by
// `text`: "--text={text}" becomes "--text=Left side".
std::string with_text(std::string_view argument, std::string_view text);

class CuePlayer {
  public:
    // `say` is the speech command with "{text}" in it, or empty for none.
    // `heard`, when set, is told every cue as it is played (tests listen
    // there instead of to a speech program).
    CuePlayer(Terminal& terminal, const Clock& clock, bool bell, std::vector<std::string> say,
              std::function<void(const Cue&)> heard = {});
    ~CuePlayer();
    CuePlayer(const CuePlayer&) = delete;
    CuePlayer& operator=(const CuePlayer&) = delete;

    void play(const Cue& cue, TimePoint now);
    // Rings bells that are due and ends speech that has run too long.
    void poll(TimePoint now);
    // When poll() next has something to do.
    TimePoint next_time() const;
    // True while bells are due or a cue is being spoken.
    bool busy() const;

    // How long the end of a run waits for the last cue to be heard.
    static constexpr Duration kLastWords = std::chrono::seconds(3);

  private:
    void speak(const std::string& text, TimePoint now);
    void end_speech(bool kill);

    Terminal& terminal_;
    const Clock& clock_;
    bool bell_;
    std::vector<std::string> say_;
    std::function<void(const Cue&)> heard_;
    std::vector<TimePoint> bells_;  // due times, in order
    pid_t speaker_ = -1;
    TimePoint speaker_deadline_{};
};

}  // namespace selfcare
