#include "completion.hpp"

#include <fmt/core.h>

namespace selfcare {

std::optional<Shell> shell_named(std::string_view name) {
    if (name == "bash") return Shell::bash;
    if (name == "zsh") return Shell::zsh;
    if (name == "fish") return Shell::fish;
    return std::nullopt;
}

namespace {

// Where the walk over the typed words ended.
struct Position {
    const CommandSpec* command = nullptr;
    const OptionSpec* awaiting = nullptr;  // the option whose value comes next
    size_t arguments = 0;                  // arguments of `command` already given
};

Position walk(const CommandSpec& root, std::span<const std::string> before) {
    Position at{&root, nullptr, 0};
    bool options_ended = false;
    for (const std::string& word : before) {
        if (at.awaiting) {
            // bash splits "--week=last" into three words; the "=" is not the value.
            if (word == "=") continue;
            const bool optional = at.awaiting->value_optional;
            at.awaiting = nullptr;
            if (!optional || (!word.starts_with("-") && !at.command->command(word))) continue;
        }
        if (word == "--") {
            options_ended = true;
        } else if (!options_ended && word.starts_with("-")) {
            const OptionSpec* o = at.command->option(word.substr(0, word.find('=')));
            if (o && !o->value.empty() && word.find('=') == std::string::npos) at.awaiting = o;
        } else if (const CommandSpec* sub = at.command->command(word);
                   sub && at.arguments == 0 && !options_ended) {
            at = Position{sub, nullptr, 0};
        } else {
            ++at.arguments;
        }
    }
    return at;
}

void add(Completion& out, std::string_view current, std::string word, std::string help) {
    if (word.starts_with(current)) out.candidates.push_back({std::move(word), std::move(help)});
}

// The values that fit an option or argument whose value is named `value`.
void add_values(Completion& out, std::string_view value, std::string_view current,
                const std::function<std::vector<std::string>()>& routine_names) {
    if (value == "ROUTINE") {
        for (std::string& name : routine_names())
            add(out, current, std::move(name), "routine");
        out.files = true;
    } else if (value == "WEEK") {
        add(out, current, "this", "the current week");
        add(out, current, "last", "the week before");
    } else if (value == "SHELL") {
        for (const char* shell : {"bash", "zsh", "fish"})
            add(out, current, shell, "shell");
    } else if (value == "FILE" || value == "PATH") {
        out.files = true;
    }
}

}  // namespace

Completion complete(const CommandSpec& root, std::span<const std::string> before,
                    std::string_view current,
                    const std::function<std::vector<std::string>()>& routine_names) {
    Completion out;
    const Position at = walk(root, before);
    if (at.awaiting) {
        add_values(out, at.awaiting->value, current, routine_names);
        if (!at.awaiting->value_optional) return out;
    }
    if (current.starts_with("-")) {
        if (const size_t eq = current.find('='); eq != std::string_view::npos) {
            const OptionSpec* o = at.command->option(current.substr(0, eq));
            if (!o || o->value.empty()) return out;
            Completion values;
            add_values(values, o->value, current.substr(eq + 1), routine_names);
            for (Candidate& c : values.candidates)
                out.candidates.push_back(
                    {std::string(current.substr(0, eq + 1)) + c.word, std::move(c.help)});
            return out;
        }
        for (const OptionSpec& o : at.command->options)
            add(out, current, o.names.back(), o.help);
        return out;
    }
    if (at.arguments == 0) {
        for (const CommandSpec& sub : at.command->commands) {
            if (!sub.hidden) add(out, current, sub.name, sub.help);
        }
    }
    const std::vector<ArgumentSpec>& args = at.command->arguments;
    if (!args.empty()) {
        const ArgumentSpec& arg = args[std::min(at.arguments, args.size() - 1)];
        if (at.arguments < args.size() || arg.many) {
            add_values(out, arg.value, current, routine_names);
        }
    }
    return out;
}

std::string format_completion(const Completion& completion, Shell shell) {
    std::string out;
    for (const Candidate& c : completion.candidates) {
        switch (shell) {
            case Shell::bash:
                out += c.word + "\n";
                break;
            case Shell::zsh: {
                std::string word;
                for (const char ch : c.word) {
                    if (ch == ':' || ch == '\\') word += '\\';
                    word += ch;
                }
                out += fmt::format("{}:{}\n", word, c.help);
                break;
            }
            case Shell::fish:
                out += fmt::format("{}\t{}\n", c.word, c.help);
                break;
        }
    }
    if (completion.files) out += ":files\n";
    return out;
}

}  // namespace selfcare
