#pragma once
// Cues that can be followed with eyes closed: terminal bells in distinct
// patterns, and optionally spoken text through a program the user names.

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

#include "sequencer.hpp"
#include "terminal.hpp"

namespace selfcare {

// What to play for one event.
struct Cue {
    int bells = 0;       // rung this many times, a short gap apart
    std::string speech;  // empty: nothing to say
};

// The cue for an event, or nothing. Bell patterns (docs/running.md):
// one for each of the last three seconds, two when a step starts, three to
// switch sides, five when the routine is done; breathing rings once to
// breathe in and twice to breathe out.
std::optional<Cue> cue_for(const Event& e, const Schedule& schedule);

// "30 seconds", "1 minute 30 seconds", "20 to 30 seconds".
std::string say_duration(Seconds min, Seconds max);

// The first of espeak-ng, spd-say and say found on PATH, as a command with
// "{text}" where the words go; empty when there is none.
std::vector<std::string> find_speech_command(std::string_view path_variable);

// One argument of the speech command with every "{text}" in it replaced by
// `text`: "--text={text}" becomes "--text=Left side".
std::string with_text(std::string_view argument, std::string_view text);

class CuePlayer {
  public:
    // `say` is the speech command with "{text}" in it, or empty for none.
    CuePlayer(Terminal& terminal, const Clock& clock, bool bell, std::vector<std::string> say);
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
    std::vector<TimePoint> bells_;  // due times, in order
    pid_t speaker_ = -1;
    TimePoint speaker_deadline_{};
};

}  // namespace selfcare
