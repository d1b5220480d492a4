#include "goals.hpp"

#include <sys/stat.h>

#include "device.hpp"
#include "error.hpp"
#include "goal_log.hpp"

namespace selfcare {

Goals load_goals(const Context& context, const Goal& current) {
    const Date today = to_local(context.now).date;
    struct stat st {};
    if (::stat(context.paths.data.c_str(), &st) != 0) return Goals{GoalHistory(current), {}, {}};
    const DeviceId device = device_id(context.paths.state);
    if (!device.error.empty()) {
        // Without this device's id its own record cannot be told apart;
        // every device's changes still count.
        GoalRecord record = read_goal_record(context.paths.data, "");
        return Goals{GoalHistory(std::move(record.changes), current, today),
                     std::move(record.damage), device.error};
    }
    GoalRecord record = read_goal_record(context.paths.data, device.id);
    std::string problem;
    const GoalChange now{today, current, format_local_iso(to_local(context.now))};
    const std::optional<GoalChange> seen = read_seen_goal(context.paths.state);
    // The goal last seen, if this device's record does not hold it yet
    // (its first change), then the new one.
    std::vector<GoalChange> to_write;
    if (seen && seen->goal != current) {
        if (!record.last_of_device) to_write.push_back(*seen);
        to_write.push_back(now);
    } else if (!seen && record.last_of_device && record.last_of_device->goal != current) {
        to_write.push_back(now);  // the state folder was lost; the record still knows
    }
    try {
        for (const GoalChange& c : to_write) {
            append_goal_change(context.paths.data, device.id, c);
            record.changes.push_back(c);
        }
        if (!seen || seen->goal != current) write_seen_goal(context.paths.state, now);
    } catch (const Error& e) {
        problem = e.what();
    }
    return Goals{GoalHistory(std::move(record.changes), current, today), std::move(record.damage),
                 std::move(problem)};
}

void note_goal(const Context& context, const Goal& current) noexcept {
    try {
        load_goals(context, current);
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): best effort, see header
    }
}

}  // namespace selfcare
