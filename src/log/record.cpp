#include "record.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/core.h>

#include "device.hpp"
#include "error.hpp"
#include "session_log.hpp"

namespace selfcare {

namespace {

int whole_seconds(std::chrono::milliseconds ms) {
    const auto s = std::chrono::round<Seconds>(ms).count();
    return static_cast<int>(std::clamp<long long>(s, 0, kMaxSessionSeconds));
}

}  // namespace

bool worth_recording(const FinishedRun& run) {
    return run.completed || run.active >= kMinimumRecorded;
}

Outcome outcome_of(const FinishedRun& run) {
    if (!run.completed) return Outcome::stopped;
    if (run.source == Source::manual) return Outcome::completed;
    const long long active_s = std::chrono::round<Seconds>(run.active).count();
    return 2 * active_s >= run.planned_min.count() ? Outcome::completed : Outcome::skipped;
}

Session make_session(const FinishedRun& run, std::string device, std::uint64_t id) {
    const LocalTime start = to_local(run.started);
    Session s;
    s.date = start.date;
    s.start = format_local_iso(start);
    s.routine = run.routine;
    s.title = run.title.empty() ? run.routine : run.title;
    s.active_s = whole_seconds(run.active);
    s.planned_min_s = static_cast<int>(run.planned_min.count());
    s.planned_max_s = static_cast<int>(run.planned_max.count());
    s.segments_done = run.segments_done;
    s.segments_total = run.segments_total;
    s.pain_before = run.pain_before;
    s.pain_after = run.pain_after;
    s.source = run.source;
    s.device = std::move(device);
    s.id = id;
    s.outcome = outcome_of(run);
    return s;
}

RecordResult record_run(const Paths& paths, const FinishedRun& run) {
    if (!worth_recording(run)) return RecordResult{};
    DeviceId device = device_id(paths.state);
    if (!device.error.empty()) throw Error(fmt::format("session NOT saved: {}", device.error));
    const std::optional<std::uint64_t> id = random_u64();
    if (!id) {
        throw Error(
            fmt::format("session NOT saved: cannot get random bytes: {}", std::strerror(errno)));
    }
    Session s = make_session(run, std::move(device.id), *id);
    if (std::string why = validate(s); !why.empty()) {
        throw Error(fmt::format("session NOT saved: {}: {}", paths.data.string(), why));
    }
    std::filesystem::path file = append_session(paths.data, s);
    RecordResult result{Recorded::saved, std::move(file), std::move(s), {}};
    if (!run.note.empty()) {
        Amendment note{result.session.date, result.session.id,
                       format_local_iso(to_local(run.started)), run.note, AmendKind::note};
        try {
            append_amendment(paths.data, result.session.device, note);
            result.session.note = run.note;
        } catch (const Error& e) {
            result.note_problem = e.what();
        }
    }
    return result;
}

}  // namespace selfcare
