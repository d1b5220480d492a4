#include "goal_log.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <tuple>
#include <unistd.h>

#include <fmt/core.h>

#include "error.hpp"
#include "file.hpp"
#include "session.hpp"
#include "session_log.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader =
    "# selfcare goals v1\n"
    "# from\tsessions\tminutes\tset\n";
constexpr std::string_view kPrefix = "goals.";
constexpr size_t kMaxGoalFile = size_t{4} << 20;          // years of daily changes
constexpr int kMostSessions = 50, kMostMinutes = 10'000;  // as the config allows

bool number(std::string_view text, int& out, int most) {
    if (text.empty() || text.size() > 5 || (text.size() > 1 && text[0] == '0')) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && out >= 0 && out <= most;
}

// "goals.laptop-3f9a2c.log" or a conflict copy of it: the device, or "".
std::string_view device_of(std::string_view name) {
    if (!name.starts_with(kPrefix) || !name.ends_with(".log")) return {};
    std::string_view middle = name.substr(kPrefix.size(), name.size() - kPrefix.size() - 4);
    const size_t mark = middle.find(".sync-conflict-");
    const bool copy = mark != std::string_view::npos;
    if (copy) middle = middle.substr(0, mark);
    return is_device_name(middle) ? middle : std::string_view{};
}

void read_one(const fs::path& path, bool own, GoalRecord& into) {
    const FileText file = read_small_file(path, kMaxGoalFile, Links::refuse);
    if (file.missing) return;  // gone since the listing
    if (!file.ok()) throw Error(fmt::format("cannot read {}: {}", path.string(), file.error));
    FileDamage damage{path, 0, {}, {}};
    std::string_view text = file.text;
    int number_of_line = 0;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        ++number_of_line;
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (number_of_line == 1 && line.starts_with("# selfcare goals v") &&
            line != kHeader.substr(0, kHeader.find('\n'))) {
            damage.note = "written by a newer selfcare (goals); skipped the whole file";
            break;
        }
        if (nl != std::string_view::npos && (line.empty() || line.front() == '#')) continue;
        GoalChange c;
        if (nl == std::string_view::npos || decode_goal_change(line, c) != nullptr) {
            if (damage.lines.size() < 10) damage.lines.push_back(number_of_line);
            ++damage.skipped;
            continue;
        }
        if (own) into.last_of_device = c;
        into.changes.push_back(std::move(c));
    }
    if (damage.skipped > 0 || !damage.note.empty()) into.damage.push_back(std::move(damage));
}

}  // namespace

std::string goal_file_name(std::string_view device) {
    return fmt::format("{}{}.log", kPrefix, device);
}

std::optional<std::string> encode_goal_change(const GoalChange& c) {
    const Goal& g = c.goal;
    if (g.sessions < 1 || g.sessions > kMostSessions || g.minutes < 0 || g.minutes > kMostMinutes ||
        !is_local_time(c.set)) {
        return std::nullopt;
    }
    return fmt::format("{}\t{}\t{}\t{}\n", format_date(c.from), g.sessions, g.minutes, c.set);
}

const char* decode_goal_change(std::string_view line, GoalChange& out) {
    std::vector<std::string_view> f;
    for (size_t at = 0;;) {
        const size_t tab = line.find('\t', at);
        f.push_back(line.substr(at, tab - at));
        if (tab == std::string_view::npos || f.size() > 4) break;
        at = tab + 1;
    }
    if (f.size() != 4) return "not four fields";
    if (!parse_date(f[0], out.from)) return "bad date";
    if (!number(f[1], out.goal.sessions, kMostSessions) || out.goal.sessions < 1 ||
        !number(f[2], out.goal.minutes, kMostMinutes)) {
        return "bad goal";
    }
    // The time is last and has one length, so a line cut short never passes.
    if (!is_local_time(f[3])) return "bad time";
    out.set = f[3];
    return nullptr;
}

GoalRecord read_goal_record(const fs::path& folder, std::string_view device) {
    GoalRecord record;
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) {
        if (errno == ENOENT) return record;
        throw Error(fmt::format("cannot read {}: {}", folder.string(), std::strerror(errno)));
    }
    std::vector<std::pair<std::string, bool>> files;  // name, whether it is the device's own
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        const std::string_view of = device_of(name);
        if (!of.empty()) files.emplace_back(name, name == goal_file_name(device));
    }
    ::closedir(dir);
    // The device's own file last, so that its last line is the last one seen.
    std::ranges::sort(files, [](const auto& a, const auto& b) {
        return std::tie(a.second, a.first) < std::tie(b.second, b.first);
    });
    for (const auto& [name, own] : files)
        read_one(folder / name, own, record);
    return record;
}

std::optional<GoalChange> read_seen_goal(const fs::path& state_dir) {
    const FileText file = read_small_file(state_dir / "goal", 200, Links::refuse);
    GoalChange c;
    if (!file.ok() || !file.text.ends_with('\n')) return std::nullopt;
    const std::string_view line(file.text.data(), file.text.size() - 1);
    if (decode_goal_change(line, c) != nullptr) return std::nullopt;
    return c;
}

bool write_seen_goal(const fs::path& state_dir, const GoalChange& c) {
    const std::optional<std::string> line = encode_goal_change(c);
    if (!line || !make_private_dirs(state_dir).empty()) return false;
    const fs::path target = state_dir / "goal";
    const fs::path aside = state_dir / fmt::format(".goal.{}", ::getpid());
    Fd fd(::open(aside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    const bool written = fd && write_all(fd.get(), *line) == line->size();
    fd = Fd();
    if (!written || ::rename(aside.c_str(), target.c_str()) != 0) {
        ::unlink(aside.c_str());
        return false;
    }
    return true;
}

fs::path append_goal_change(const fs::path& folder, std::string_view device, const GoalChange& c) {
    const std::optional<std::string> line = encode_goal_change(c);
    if (!line || !is_device_name(device)) {
        throw Error(fmt::format("goal change NOT saved: {}: not a goal this version can write",
                                folder.string()));
    }
    return append_record(folder, goal_file_name(device), kHeader, *line, "goal change");
}

}  // namespace selfcare
