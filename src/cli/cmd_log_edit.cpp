// `log remove` and `log undo`: corrections that append, never rewrite.

#include <fmt/core.h>

#include "cmd_log.hpp"
#include "corrections.hpp"
#include "device.hpp"
#include "error.hpp"
#include "goal.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

bool is_hex_prefix(std::string_view text) {
    if (text.size() < kShortestIdPrefix || text.size() > 16) return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

int remove_and_tell(const Context& context, const std::string& device, const Session& s) {
    const auto file = remove_session(context.paths.data, device, s, context.now);
    fmt::print("Removed {}, {} min, on {} (id {}).\n", printable(s.title),
               round_minutes(s.active_s), format_date(s.date), format_id(s.id));
    fmt::print("Its line stays in the log; the removal is recorded in {}.\n", file.string());
    return 0;
}

// This device's id, which a removal is written under.
std::string this_device(const Context& context) {
    DeviceId device = device_id(context.paths.state);
    if (!device.error.empty()) throw Error(fmt::format("removal NOT saved: {}", device.error));
    return std::move(device.id);
}

}  // namespace

int cmd_log_remove(const std::string& id, const Context& context) {
    std::string prefix(id);
    for (char& c : prefix)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!is_hex_prefix(prefix)) {
        throw invalid_input(fmt::format(
            "'{}' is not a session id: give {} to 16 of its hex digits, as `log --json` or "
            "`log --csv` shows them",
            printable(id), kShortestIdPrefix));
    }
    LogReader reader(context.paths.data);
    const std::vector<Session> found = find_sessions(reader, prefix);
    if (found.empty()) {
        throw invalid_input(fmt::format(
            "no session has an id starting with '{}' (or it was removed already)", prefix));
    }
    if (found.size() > 1) {
        throw invalid_input(
            fmt::format("'{}' starts more than one id ({} and {}); give more digits", prefix,
                        format_id(found[0].id), format_id(found[1].id)));
    }
    return remove_and_tell(context, this_device(context), found.front());
}

int cmd_log_undo(const Context& context) {
    const std::string device = this_device(context);
    LogReader reader(context.paths.data);
    const std::optional<Session> last = last_session_of(reader, device);
    if (!last) {
        throw invalid_input(
            fmt::format("nothing to undo: this device ({}) has no session left in "
                        "the log",
                        device));
    }
    return remove_and_tell(context, device, *last);
}

}  // namespace selfcare
