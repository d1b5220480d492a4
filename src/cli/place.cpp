#include "place.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/core.h>

#include "amendment.hpp"
#include "error.hpp"
#include "file.hpp"
#include "output.hpp"
#include "plan_view.hpp"
#include "session_log.hpp"

namespace selfcare {
namespace {

constexpr std::string_view kHeader = "# selfcare place v1";
constexpr std::size_t kMaxPlaceBytes = 4096;

template <typename T>
bool number(std::string_view text, T& out, int base = 10) {
    if (text.empty()) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::uint64_t schedule_hash(const Schedule& schedule) {
    // FNV-1a over the plan as `show --json` prints it: every segment with
    // its kind, title, label, side, lengths and breaths.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : render_plan_json(schedule)) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::filesystem::path place_file(const std::filesystem::path& state_dir, std::string_view routine) {
    return state_dir / "places" / fmt::format("{}.place", routine);
}

std::string format_place(const Place& p) {
    return fmt::format(
        "{}\nroutine {}\nhash {:016x}\ndate {}\nstarted_ms {}\nsegment {}\nleft_ms {}\n"
        "active_ms {}\nsegments_done {}\nsession {}\npain_before {}\n",
        kHeader, p.routine, p.hash, format_date(p.date),
        std::chrono::duration_cast<std::chrono::milliseconds>(p.started.time_since_epoch()).count(),
        p.segment, p.left.count(), p.active.count(), p.segments_done,
        p.session ? fmt::format("{:016x}", p.session) : "-",
        p.pain_before ? std::to_string(*p.pain_before) : "-");
}

std::optional<Place> parse_place(std::string_view text) {
    if (!text.starts_with(kHeader)) return std::nullopt;
    Place p;
    int fields = 0;
    size_t start = kHeader.size() + 1;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) return std::nullopt;  // torn
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const size_t space = line.find(' ');
        if (space == std::string_view::npos) return std::nullopt;
        const std::string_view key = line.substr(0, space), value = line.substr(space + 1);
        long long ms = 0;
        bool ok = true;
        if (key == "routine") {
            p.routine = value;
        } else if (key == "hash") {
            ok = number(value, p.hash, 16);
        } else if (key == "date") {
            ok = parse_date(value, p.date);
        } else if (key == "started_ms") {
            ok = number(value, ms);
            p.started = WallTime(std::chrono::milliseconds(ms));
        } else if (key == "segment") {
            ok = number(value, p.segment) && p.segment >= 0;
        } else if (key == "left_ms") {
            ok = number(value, ms) && ms >= 0;
            p.left = std::chrono::milliseconds(ms);
        } else if (key == "active_ms") {
            ok = number(value, ms) && ms >= 0;
            p.active = std::chrono::milliseconds(ms);
        } else if (key == "segments_done") {
            ok = number(value, p.segments_done) && p.segments_done >= 0;
        } else if (key == "session") {
            ok = value == "-" || number(value, p.session, 16);
        } else if (key == "pain_before") {
            int pain = 0;
            if (value != "-") {
                ok = number(value, pain) && pain >= 0 && pain <= 10;
                p.pain_before = pain;
            }
        } else {
            return std::nullopt;
        }
        if (!ok) return std::nullopt;
        ++fields;
    }
    if (fields != 10 || p.routine.empty()) return std::nullopt;
    return p;
}

std::string save_place(const std::filesystem::path& state_dir, const Place& place) {
    const std::filesystem::path path = place_file(state_dir, place.routine);
    if (std::string error = make_private_dirs(path.parent_path()); !error.empty()) return error;
    const std::filesystem::path tmp = path.string() + ".tmp";
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    const std::string text = format_place(place);
    if (!fd || write_all(fd.get(), text) != text.size() || ::fsync(fd.get()) != 0 ||
        ::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string error = fmt::format("{}: {}", path.string(), std::strerror(errno));
        ::unlink(tmp.c_str());
        return error;
    }
    return {};
}

void forget_place(const std::filesystem::path& state_dir, std::string_view routine) {
    ::unlink(place_file(state_dir, routine).c_str());
}

Place place_to_resume(const std::filesystem::path& state_dir, const Schedule& schedule,
                      Date today) {
    const std::filesystem::path path = place_file(state_dir, schedule.name);
    const FileText file = read_small_file(path, kMaxPlaceBytes, Links::refuse);
    const auto cannot = [&](std::string why) {
        return invalid_input(fmt::format("cannot resume {}: {}", schedule.name, why));
    };
    if (file.missing) throw cannot("there is no stopped run of it to go on with");
    if (!file.ok()) throw cannot(file.error);
    const std::optional<Place> place = parse_place(file.text);
    if (!place || place->routine != schedule.name)
        throw cannot(fmt::format("{} is damaged; run it without --resume", path.string()));
    if (place->date != today) {
        throw cannot(
            fmt::format("it was stopped on {}; a session is resumed only on the day it "
                        "began. Run it again, or start at a step with --from",
                        format_date(place->date)));
    }
    if (place->hash != schedule_hash(schedule) ||
        static_cast<size_t>(place->segment) >= schedule.segments.size()) {
        throw cannot(
            "the routine has changed since it was stopped, so its place may not mean the same. "
            "Run it again, or start at a step with --from");
    }
    return *place;
}

int first_segment_of(const Schedule& schedule, int step) {
    for (size_t i = 0; i < schedule.segments.size(); ++i) {
        if (schedule.segments[i].step == step) return static_cast<int>(i);
    }
    throw invalid_input(
        fmt::format("--from {}: {} has steps 1 to {}", step, schedule.name, schedule.step_count));
}

std::string keep_place(const std::filesystem::path& state_dir, const Schedule& schedule,
                       const FinishedRun& run, const RunTotals& totals, std::uint64_t session) {
    if (totals.segment < 0) return {};
    const Segment& seg = schedule.segments[static_cast<size_t>(totals.segment)];
    Place place;
    place.routine = schedule.name;
    place.hash = schedule_hash(schedule);
    place.date = to_local(run.started).date;
    place.started = run.started;
    place.segment = totals.segment;
    place.left = std::chrono::milliseconds(std::max<long long>(
        0, std::llround((static_cast<double>(seg.max.count()) - totals.segment_done) * 1000)));
    place.active = run.active;
    place.segments_done = run.segments_done;
    place.session = session;
    place.pain_before = run.pain_before;
    if (std::string error = save_place(state_dir, place); !error.empty()) {
        print_error(
            fmt::format("selfcare: warning: cannot keep the place to resume from: {}\n", error));
        return {};
    }
    return fmt::format("Go on later today with: selfcare run {} --resume\n", schedule.name);
}

std::string replace_part(const std::filesystem::path& data_dir, WallTime now, const Session& whole,
                         const Place& part) {
    Amendment removal;
    removal.date = part.date;
    removal.id = part.session;
    removal.made = format_local_iso(to_local(now));
    removal.kind = AmendKind::remove;
    try {
        append_amendment(data_dir, whole.device, removal);
    } catch (const Error& e) {
        return fmt::format(
            "{}; the first part ({:016x}) still counts beside the whole session: "
            "remove it with 'selfcare log remove {:016x}'",
            e.what(), part.session, part.session);
    }
    return {};
}

}  // namespace selfcare
