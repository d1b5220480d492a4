#include "runner.hpp"

#include <algorithm>

#include <fmt/core.h>

#include "cues.hpp"
#include "event_stream.hpp"
#include "run_text.hpp"

namespace selfcare {
namespace {

using namespace std::chrono_literals;

// While a breathing bar animates it is redrawn this often; otherwise the
// screen changes only when a displayed second does.
constexpr Duration kBreathFrame = 100ms;
// How long the answer to `t` stays on the screen.
constexpr Duration kNoticeShown = 5s;

class Run {
  public:
    Run(const Schedule& schedule, const RunOptions& options, const Clock& clock, Terminal& terminal)
        : schedule_(schedule),
          options_(options),
          clock_(clock),
          terminal_(terminal),
          sequencer_(schedule, options.speed, options.get_ready, options.speech.count),
          announcer_(schedule, options.speech, options.speed),
          cues_(terminal, clock, options.bell, options.say, options.heard) {}

    RunTotals play() {
        start_ = clock_.now();
        sequencer_.start_at(options_.start_segment, options_.start_left);
        sequencer_.start(start_, events_);
        dispatch(start_);
        draw(start_);
        while (!sequencer_.finished()) {
            const Input input = terminal_.wait(wake_time(clock_.now()));
            const TimePoint now = clock_.now();
            sequencer_.update(now, events_);
            handle(input, now);
            dispatch(now);
            cues_.poll(now);
            draw(now);
        }
        RunTotals totals = sequencer_.totals(clock_.now());
        totals.interrupted = interrupted_;
        finish_cues();
        return totals;
    }

  private:
    // The last cue ("Done": five bells; "Stopped") is heard in full, within
    // CuePlayer::kLastWords, before the terminal is given back. A stop
    // signal or q cuts the wait short.
    void finish_cues() {
        const TimePoint give_up = clock_.now() + CuePlayer::kLastWords;
        while (cues_.busy() && clock_.now() < give_up) {
            const Input input = terminal_.wait(std::min(cues_.next_time(), give_up));
            if (input.kind == Input::Kind::stop) return;
            if (input.kind == Input::Kind::key && (input.key == 'q' || input.key == 'Q')) return;
            cues_.poll(clock_.now());
        }
    }

    TimePoint wake_time(TimePoint now) const {
        TimePoint wake = std::min(sequencer_.next_deadline(), cues_.next_time());
        if (options_.mode == TerminalMode::screen) {
            wake = std::min(wake, sequencer_.next_second(now));
            if (!notice_.empty()) wake = std::min(wake, notice_until_);
            if (sequencer_.breathing() && !sequencer_.paused())
                wake = std::min(wake, now + kBreathFrame);
        }
        return wake;
    }

    void handle(const Input& input, TimePoint now) {
        switch (input.kind) {
            case Input::Kind::timeout:
                return;
            case Input::Kind::key:
                return key(input.key, now);
            case Input::Kind::stop:
                interrupted_ = true;
                return sequencer_.stop(now, events_);
            case Input::Kind::redraw:
                shown_.clear();  // the next draw is a full one, at the new size
                return;
            case Input::Kind::suspend: {
                // Time spent stopped is not counted: pause around it unless
                // the person had paused already.
                const bool was_paused = sequencer_.paused();
                if (!was_paused) sequencer_.toggle_pause(now, events_);
                dispatch(now);
                terminal_.suspend();
                shown_.clear();
                if (!was_paused) sequencer_.toggle_pause(clock_.now(), events_);
                return;
            }
        }
    }

    void key(char k, TimePoint now) {
        switch (k) {
            case ' ':
            case 'p':
                return sequencer_.toggle_pause(now, events_);
            case 'n':
            case '\n':
            case '\r':
                return sequencer_.next(now, events_);
            case 'b':
                return sequencer_.back(now, events_);
            case '+':
            case '=':
                return sequencer_.adjust(10s, now, events_);
            case '-':
            case '_':
                return sequencer_.adjust(-10s, now, events_);
            case 'q':
            case 'Q':
                return sequencer_.stop(now, events_);
            case 't':
            case 'T':
                return time_left(now);
            case '?':
            case 'h':
                show_help_ = !show_help_;
                return;
            default:
                return;
        }
    }

    // Answers "how long is left?" by ear, and on the screen for a few
    // seconds or as a line.
    void time_left(TimePoint now) {
        const View v = sequencer_.view(now);
        cues_.play(Cue{"", say_time_left(v)}, now);
        if (options_.mode == TerminalMode::plain) {
            terminal_.write(fmt::format("{} {}\n", format_clock(elapsed(now)), time_left_line(v)));
        } else {
            notice_ = time_left_line(v);
            notice_until_ = now + kNoticeShown;
        }
    }

    Seconds elapsed(TimePoint now) const {
        return std::chrono::duration_cast<Seconds>(sequencer_.totals(now).active * options_.speed);
    }

    // Sends every new event to the stream, the cues and the plain output.
    // Cues of one moment (a skip and the start it leads to) play as one.
    void dispatch(TimePoint now) {
        const RunTotals totals = sequencer_.totals(now);
        std::optional<Cue> cue;
        for (const Event& e : events_) {
            if (events_out_ && is_public(e.kind)) {
                const std::string line =
                    event_json(e, schedule_, options_.speed, options_.get_ready, start_, totals) +
                    "\n";
                // A reader that went away (EPIPE: SIGPIPE is ignored) or a
                // full disk ends the events, not the routine.
                if (std::fwrite(line.data(), 1, line.size(), events_out_) != line.size() ||
                    std::fflush(events_out_) != 0) {
                    events_out_ = nullptr;
                }
            }
            if (auto c = announcer_.cue(e)) cue = cue ? combine(*cue, *c) : *c;
            if (options_.mode == TerminalMode::plain) {
                const auto elapsed =
                    std::chrono::duration_cast<Seconds>(totals.active * options_.speed);
                if (auto line = plain_line(e, schedule_, elapsed, options_.speed)) {
                    terminal_.write(*line + "\n");
                }
            }
        }
        events_.clear();
        if (cue) cues_.play(*cue, now);
    }

    // Draws what changed since the last frame. With nothing shown (the
    // start, a resize, the terminal taken back after Ctrl-Z) it reads the
    // size and draws everything.
    void draw(TimePoint now) {
        if (options_.mode != TerminalMode::screen || sequencer_.finished()) return;
        if (shown_.empty()) {
            width_ = terminal_.width();
            height_ = terminal_.height();
            shown_.clear();
        }
        if (!notice_.empty() && now >= notice_until_) notice_.clear();
        Frame frame;
        frame.schedule = &schedule_;
        frame.view = sequencer_.view(now);
        frame.width = width_;
        frame.height = height_;
        frame.show_help = show_help_;
        frame.notice = notice_;
        frame.first = options_.start_segment;
        frame.style = options_.style;
        std::vector<std::string> lines = frame_lines(frame);
        const std::string update = screen_update(shown_, lines);
        if (!update.empty()) terminal_.write(update);
        shown_ = std::move(lines);
    }

    const Schedule& schedule_;
    const RunOptions& options_;
    const Clock& clock_;
    Terminal& terminal_;
    Sequencer sequencer_;
    Announcer announcer_;
    CuePlayer cues_;
    std::vector<Event> events_;
    std::FILE* events_out_ = options_.events;  // null once a write to it failed
    TimePoint start_{};
    bool show_help_ = false;
    std::string notice_;  // the time left, shown until notice_until_
    TimePoint notice_until_{};
    bool interrupted_ = false;
    std::vector<std::string> shown_;  // the lines on the screen now
    int width_ = 80;
    int height_ = 24;
};

}  // namespace

RunTotals run_schedule(const Schedule& schedule, const RunOptions& options, const Clock& clock,
                       Terminal& terminal) {
    return Run(schedule, options, clock, terminal).play();
}

}  // namespace selfcare
