#include "config.hpp"

#include <array>
#include <system_error>

#include <fmt/format.h>

#include "json.hpp"
#include "read_file.hpp"
#include "suggest.hpp"
#include "toml_problems.hpp"

namespace selfcare {
namespace {

using namespace std::string_view_literals;

constexpr std::array kTopKeys = {"week_start"sv, "rate_pain"sv, "goal"sv, "cues"sv};
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

// Walks the parsed table, filling `config` and noting where each value was
// set; every problem goes to `problems`.
class ConfigReader {
  public:
    ConfigReader(TomlProblems& problems, Config& config) : problems_(problems), config_(config) {}

    void read(const toml::table& root) {
        problems_.check_keys(root, kTopKeys, "the config");
        if (const toml::node* n = root.get("week_start")) week_start(*n);
        if (const toml::node* n = root.get("rate_pain"))
            boolean(*n, "rate_pain", config_.rate_pain);
        if (const toml::table* goal = section(root, "goal")) {
            problems_.check_keys(*goal, kGoalKeys, "[goal]");
            integer(*goal, "sessions", 1, 50, config_.goal.sessions);
            integer(*goal, "minutes", 0, 10'000, config_.goal.minutes);
        }
        if (const toml::table* cues = section(root, "cues")) {
            problems_.check_keys(*cues, kCueKeys, "[cues]");
            if (const toml::node* n = cues->get("bell")) boolean(*n, "cues.bell", config_.bell);
            if (const toml::node* n = cues->get("say")) say(*n);
        }
    }

  private:
    void set_origin(std::string_view name, const toml::node& node, std::string value) {
        for (Setting& s : config_.settings) {
            if (s.name == name) {
                s.value = std::move(value);
                s.origin = fmt::format("{}:{}", problems_.path(), node.source().begin.line);
                return;  // names are unique, and `value` is spent
            }
        }
    }

    const toml::table* section(const toml::table& root, std::string_view key) {
        const toml::node* node = root.get(key);
        if (!node) return nullptr;
        if (!node->is_table()) {
            problems_.add(node->source(), fmt::format("'{}' must be a table ([{}]), not {}", key,
                                                      key, toml_type_name(*node)));
            return nullptr;
        }
        return node->as_table();
    }

    void week_start(const toml::node& node) {
        const auto* s = node.as_string();
        const std::string_view v = s ? std::string_view(s->get()) : std::string_view();
        if (v == "monday" || v == "sunday") {
            config_.week_start = v == "monday" ? WeekStart::monday : WeekStart::sunday;
            set_origin("week_start", node, json_string(v));
            return;
        }
        std::string message =
            s ? fmt::format("'week_start' must be \"monday\" or \"sunday\", not \"{}\"", v)
              : fmt::format("'week_start' must be \"monday\" or \"sunday\", not {}",
                            toml_type_name(node));
        if (std::string near = closest_week_start(v); s && !near.empty()) {
            message += fmt::format("; did you mean \"{}\"?", near);
        }
        problems_.add(node.source(), std::move(message));
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

    void boolean(const toml::node& node, std::string_view name, bool& out) {
        if (const auto* b = node.as_boolean()) {
            out = b->get();
            set_origin(name, node, out ? "true" : "false");
            return;
        }
        problems_.add(node.source(), fmt::format("'{}' must be true or false, not {}", name,
                                                 toml_type_name(node)));
    }

    void integer(const toml::table& t, std::string_view key, int lo, int hi, int& out) {
        const toml::node* node = t.get(key);
        if (!node) return;
        const auto* i = node->as_integer();
        if (!i) {
            problems_.add(node->source(), fmt::format("'{}' must be a whole number, not {}", key,
                                                      toml_type_name(*node)));
            return;
        }
        if (i->get() < lo || i->get() > hi) {
            problems_.add(node->source(),
                          fmt::format("'{}' must be from {} to {}, not {}", key, lo, hi, i->get()));
            return;
        }
        out = static_cast<int>(i->get());
        set_origin(fmt::format("goal.{}", key), *node, std::to_string(out));
    }

    void say(const toml::node& node) {
        const toml::array* list = node.as_array();
        if (!list || list->size() > kMaxSayArgs) {
            problems_.add(node.source(),
                          fmt::format("'say' must be a list of up to {} strings, the program and "
                                      "its arguments, like [\"espeak-ng\", \"{{text}}\"]",
                                      kMaxSayArgs));
            return;
        }
        std::vector<std::string> args;
        bool has_text = false;
        for (const toml::node& item : *list) {
            const auto* s = item.as_string();
            if (!s || s->get().empty() || s->get().size() > kMaxSayArgLength ||
                s->get().find('\0') != std::string::npos) {
                problems_.add(item.source(), fmt::format("each part of 'say' must be a non-empty "
                                                         "string of at most {} bytes",
                                                         kMaxSayArgLength));
                return;
            }
            has_text = has_text || s->get().find("{text}") != std::string::npos;
            args.push_back(s->get());
        }
        if (!args.empty() && !has_text) {
            problems_.add(node.source(),
                          "'say' must have \"{text}\" in one of its arguments, where "
                          "the words to speak go");
            return;
        }
        config_.say = std::move(args);
        set_origin("cues.say", node, say_text(config_.say));
    }

    TomlProblems& problems_;
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
    return c;
}

Config parse_config(std::string_view text, const std::string& path) {
    TomlProblems problems(text, path);
    const toml::table root = problems.parse(text);
    Config config = default_config();
    if (problems.empty()) ConfigReader(problems, config).read(root);
    if (!problems.empty()) throw Error(problems.take(), ExitCode::invalid_input);
    return config;
}

Config load_config(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !ec) return default_config();
    return parse_config(read_small_file(path, kMaxConfigBytes), path.string());
}

}  // namespace selfcare
