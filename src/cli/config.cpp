#include "config.hpp"

#include <array>

#include <fmt/format.h>

#include "file.hpp"
#include "json.hpp"
#include "suggest.hpp"
#include "toml_reader.hpp"

namespace selfcare {
namespace {

using namespace std::string_view_literals;

constexpr std::array kTopKeys = {"week_start"sv, "rate_pain"sv, "goal"sv, "cues"sv, "remind"sv};
constexpr std::array kGoalKeys = {"sessions"sv, "minutes"sv};
constexpr std::array kCueKeys = {"bell"sv, "say"sv};
constexpr std::array kWeekStarts = {"monday"sv, "sunday"sv};
constexpr size_t kMaxConfigBytes = size_t{64} * 1024;

std::string say_text(const std::vector<std::string>& say) {
    std::vector<std::string> quoted;
    quoted.reserve(say.size());
    for (const std::string& a : say)
        quoted.push_back(json_string(a));
    return fmt::format("[{}]", fmt::join(quoted, ", "));
}

// Walks the parsed file, filling `config` and noting where each value was
// set; every problem goes to the file.
class ConfigReader {
  public:
    ConfigReader(TomlFile& file, Config& config) : file_(file), config_(config) {}

    void read() {
        const TomlValue& root = file_.root();
        file_.check_keys(root, kTopKeys, "the config");
        if (const TomlValue* v = root.get("week_start")) week_start(*v);
        if (const auto b = file_.boolean(root, "rate_pain")) {
            config_.rate_pain = *b;
            set_origin("rate_pain", *root.get("rate_pain"), *b ? "true" : "false");
        }
        if (const TomlValue* goal = section(root, "goal")) {
            file_.check_keys(*goal, kGoalKeys, "[goal]");
            integer(*goal, "sessions", 1, 50, config_.goal.sessions);
            integer(*goal, "minutes", 0, 10'000, config_.goal.minutes);
        }
        if (const TomlValue* cues = section(root, "cues")) {
            file_.check_keys(*cues, kCueKeys, "[cues]");
            if (const auto b = file_.boolean(*cues, "bell")) {
                config_.bell = *b;
                set_origin("cues.bell", *cues->get("bell"), *b ? "true" : "false");
            }
            if (const TomlValue* v = cues->get("say")) say(*v);
        }
        if (const TomlValue* remind = section(root, "remind")) {
            read_reminder_times(
                file_, *remind, config_.remind,
                [this](std::string_view name, const TomlValue& v, std::string shown) {
                    set_origin(name, v, std::move(shown));
                });
        }
    }

  private:
    void set_origin(std::string_view name, const TomlValue& value, std::string shown) {
        for (Setting& s : config_.settings) {
            if (s.name == name) {
                s.value = std::move(shown);
                s.origin = fmt::format("{}:{}", file_.path(), value.at.line);
                return;  // names are unique, and `shown` is spent
            }
        }
    }

    const TomlValue* section(const TomlValue& root, std::string_view key) {
        const TomlValue* value = root.get(key);
        if (!value) return nullptr;
        if (!value->is_table()) {
            file_.problem(value->at, fmt::format("'{}' must be a table ([{}]), not {}", key, key,
                                                 type_name(*value)));
            return nullptr;
        }
        return value;
    }

    void week_start(const TomlValue& value) {
        const bool is_text = value.type == TomlType::string;
        const std::string_view v = is_text ? std::string_view(value.text) : std::string_view();
        if (v == "monday" || v == "sunday") {
            config_.week_start = v == "monday" ? WeekStart::monday : WeekStart::sunday;
            set_origin("week_start", value, json_string(v));
            return;
        }
        std::string message =
            is_text ? fmt::format("'week_start' must be \"monday\" or \"sunday\", not \"{}\"", v)
                    : fmt::format("'week_start' must be \"monday\" or \"sunday\", not {}",
                                  type_name(value));
        if (std::string near = closest_week_start(v); is_text && !near.empty()) {
            message += fmt::format("; did you mean \"{}\"?", near);
        }
        file_.problem(value.at, std::move(message));
    }

    static std::string closest_week_start(std::string_view v) {
        std::string lower(v);
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const std::string_view w : kWeekStarts) {
            if (lower == w || lower == w.substr(0, 3)) return std::string(w);
        }
        return closest_match(lower, kWeekStarts);
    }

    void integer(const TomlValue& table, std::string_view key, int lo, int hi, int& out) {
        if (const auto v = file_.integer(table, key, lo, hi)) {
            out = *v;
            set_origin(fmt::format("goal.{}", key), *table.get(key), std::to_string(out));
        }
    }

    void say(const TomlValue& value) {
        if (value.type != TomlType::array || value.items.size() > kMaxSayArgs) {
            file_.problem(value.at,
                          fmt::format("'say' must be a list of up to {} strings, the program and "
                                      "its arguments, like [\"espeak-ng\", \"{{text}}\"]",
                                      kMaxSayArgs));
            return;
        }
        std::vector<std::string> args;
        bool has_text = false;
        for (const TomlValue& item : value.items) {
            if (item.type != TomlType::string || item.text.empty() ||
                item.text.size() > kMaxSayArgLength || item.text.find('\0') != std::string::npos) {
                file_.problem(item.at, fmt::format("each part of 'say' must be a non-empty "
                                                   "string of at most {} bytes",
                                                   kMaxSayArgLength));
                return;
            }
            has_text = has_text || item.text.find("{text}") != std::string::npos;
            args.push_back(item.text);
        }
        if (!args.empty() && !has_text) {
            file_.problem(value.at,
                          "'say' must have \"{text}\" in one of its arguments, where the words to "
                          "speak go");
            return;
        }
        config_.say = std::move(args);
        set_origin("cues.say", value, say_text(config_.say));
    }

    TomlFile& file_;
    Config& config_;
};

}  // namespace

Config default_config() {
    Config c;
    const auto add = [&](std::string name, std::string value) {
        c.settings.push_back(Setting{std::move(name), std::move(value), "default"});
    };
    add("goal.sessions", std::to_string(c.goal.sessions));
    add("goal.minutes", std::to_string(c.goal.minutes));
    add("week_start", "\"monday\"");
    add("rate_pain", "false");
    add("cues.bell", "true");
    add("cues.say", "[]");
    add("remind.time", reminder_time_text(c.remind));
    add("remind.days", reminder_days_text(c.remind));
    add("remind.quiet", reminder_quiet_text(c.remind));
    return c;
}

Config parse_config(std::string_view text, const std::string& path) {
    TomlFile file(text, path);
    Config config = default_config();
    if (!file.has_problems()) ConfigReader(file, config).read();
    if (file.has_problems()) throw Error(file.take_problems(), ExitCode::invalid_input);
    return config;
}

Config load_config(const std::filesystem::path& path) {
    const FileText file = read_small_file(path, kMaxConfigBytes);
    if (file.missing) return default_config();
    if (!file.ok())
        throw Error(Diagnostic{{path.string()}, file.error, {}}, ExitCode::invalid_input);
    return parse_config(file.text, path.string());
}

}  // namespace selfcare
