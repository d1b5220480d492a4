#pragma once
// What a person with eyes closed hears at each moment of a run: a bell
// pattern of its own for every kind of moment, and the words to say. Pure:
// it turns sequencer events into cues and plays nothing itself (CuePlayer
// does). The patterns are documented, as a table, in docs/running.md.

#include <optional>
#include <string>
#include <string_view>

#include "cues.hpp"
#include "sequencer.hpp"

namespace selfcare {

// How much is said. `brief`: each step's title, side, repeat and length, a
// breathing step's pattern once, the phase words, and the short cues. `full`
// adds the caution before the first step and each step's cue text.
enum class SpeechLevel { brief, full };
std::string_view to_string(SpeechLevel level);
std::optional<SpeechLevel> speech_level_from(std::string_view text);

struct SpeechOptions {
    SpeechLevel level = SpeechLevel::brief;
    // Count aloud in timed steps: every kTickEvery, and "5, 4, 3, 2, 1" at
    // the end. Breathing phases then always say their length.
    bool count = false;
};

// Every kind of moment that has a bell pattern.
enum class Moment {
    get_ready,
    work,         // a timed step (or its next repeat or side) starts
    hold,         // a hold range starts
    gap,          // a gap between repeats, or a rest, starts
    switch_side,  // the gap before the other side starts
    hold_ready,   // a hold range has reached its minimum
    countdown,    // each of the last 3 seconds
    tick,         // counting aloud: every kTickEvery; no bells
    inhale,
    breath_hold,
    exhale,
    pause,
    resume,
    more_time,  // +
    less_time,  // -
    skip,
    back,
    done,
    stopped,
};
inline constexpr int kMomentCount = static_cast<int>(Moment::stopped) + 1;
std::string_view to_string(Moment moment);

// The pattern rung for a moment, one character a quarter of a second: 'x'
// rings the bell, '.' is silence. Empty for moments that ring nothing.
std::string_view bell_pattern(Moment moment);

// The moment an event stands for, or nothing for events that make no sound
// of their own (segment_end: the next start speaks for it).
std::optional<Moment> moment_of(const Event& e, const Schedule& schedule);

// "30 seconds", "1 minute 30 seconds", "20 to 30 seconds".
std::string say_duration(Seconds min, Seconds max);

// "4-2-6 breathing: in 4, hold 2, out 6, 25 breaths".
std::string say_breathing(const Segment& segment);

// The answer to "how long is left?" (the `t` key), in words: "42 seconds
// left in this step, 6 minutes 10 seconds in all".
std::string say_time_left(const View& view);

// The get-ready time before the first step: 5 seconds, or, when the full
// speech reads the caution aloud, long enough to hear it (at a slow 2.5
// words a second) so the first step's words do not cut it off.
Seconds get_ready_time(const Schedule& schedule, SpeechOptions options);

class Announcer {
  public:
    // `speed` is the --speed the run is played at: events carry real time,
    // and what is said is schedule time.
    Announcer(const Schedule& schedule, SpeechOptions options, double speed = 1.0);

    // The cue for an event, or nothing. Remembers the breathing phase
    // lengths it has said, so a phase says its count only when that count
    // changes (or always, when counting).
    std::optional<Cue> cue(const Event& e);

  private:
    Cue segment_cue(int index) const;
    Cue phase_cue(const Event& e);

    const Schedule& schedule_;
    SpeechOptions options_;
    double speed_;
    Seconds said_length_[3] = {Seconds(-1), Seconds(-1), Seconds(-1)};  // by BreathKind
};

// Cues that happen at the same moment, played as one: the patterns one after
// the other with a short silence between, the words in order. A skip and
// the start it leads to, or a breathing step and its first phase.
Cue combine(const Cue& first, const Cue& then);

}  // namespace selfcare
