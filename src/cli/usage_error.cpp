#include "usage_error.hpp"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

#include "suggest.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

std::string see_help(const std::string& path) {
    return fmt::format("(see 'selfcare {}{}--help')", path, path.empty() ? "" : " ");
}

// " (did you mean '--speed'?)" when `word` is a likely typo of one of `names`.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& names) {
    const std::string near = closest_match(word, names);
    return near.empty() ? "" : fmt::format("; did you mean '{}'?", near);
}

// "The following arguments were not expected: 3 --sped" -> "--sped": an
// option first, as it is the likelier mistake (the value after an unknown
// option is unexpected too), else the last, since CLI11 lists them backwards.
std::string first_unexpected(std::string_view message) {
    const size_t colon = message.find(": ");
    std::string_view rest = colon == std::string_view::npos ? "" : message.substr(colon + 2);
    std::string chosen;
    while (!rest.empty()) {
        const std::string_view word = rest.substr(0, rest.find(' '));
        if (chosen.empty() || !chosen.starts_with("-")) chosen = word;
        rest.remove_prefix(std::min(rest.size(), word.size() + 1));
    }
    return chosen;
}

std::string unexpected(const UsageProblem& p) {
    const std::string word = first_unexpected(p.message);
    std::vector<std::string_view> names;
    if (word.starts_with("-")) {
        for (const OptionSpec& o : p.command->options)
            for (const std::string& n : o.names)
                names.push_back(n);
        return fmt::format("unknown option '{}'{}", printable(word), did_you_mean(word, names));
    }
    for (const CommandSpec& c : p.command->commands)
        if (!c.hidden) names.push_back(c.name);
    const std::string who = p.path.empty() ? "selfcare" : "'selfcare " + p.path + "'";
    if (!names.empty())
        return fmt::format("unknown command '{}'{}", printable(word), did_you_mean(word, names));
    return fmt::format("{} does not take '{}'", who, printable(word));
}

// "routine is required" or "--at is required".
std::string required(const UsageProblem& p) {
    const std::string name = p.message.substr(0, p.message.find(' '));
    std::string what = name;
    for (const ArgumentSpec& a : p.command->arguments)
        if (a.name == name) what = a.value.empty() ? name : a.value;
    return fmt::format("'selfcare {}' needs {}", p.path, what);
}

// CLI11 writes "--speed: message"; our validators' messages start with
// "needs", so they read as one sentence after the option's name.
std::string invalid_value(const UsageProblem& p) {
    const size_t colon = p.message.find(": ");
    if (colon == std::string::npos) return p.message;
    const std::string name = p.message.substr(0, colon);
    const std::string rest = p.message.substr(colon + 2);
    if (rest.starts_with("needs ")) return name + " " + rest;
    return fmt::format("{}: {}", name, rest);
}

// "--speed: 1 required NUMBER missing".
std::string missing_value(const UsageProblem& p) {
    const std::string name = p.message.substr(0, p.message.find(':'));
    const OptionSpec* o = p.command->option(name);
    if (!o) return p.message;
    if (p.message.find("missing") != std::string::npos)
        return fmt::format("{} needs a value: {}", name, o->value);
    return fmt::format("{} takes one value: {}", name, o->value);
}

}  // namespace

std::string explain(const UsageProblem& p) {
    std::string text;
    if (p.kind == "ExtrasError") {
        text = unexpected(p);
    } else if (p.kind == "RequiredError") {
        text = required(p);
    } else if (p.kind == "ValidationError" || p.kind == "ConversionError") {
        text = invalid_value(p);
    } else if (p.kind == "ArgumentMismatch") {
        text = missing_value(p);
    } else {
        text = p.message;
    }
    return fmt::format("{} {}", printable(text), see_help(p.path));
}

std::optional<std::string> unknown_command(const CommandSpec& root, std::string_view word) {
    if (word.empty() || word.starts_with("-") || root.command(word)) return std::nullopt;
    std::vector<std::string_view> names;
    for (const CommandSpec& c : root.commands)
        if (!c.hidden) names.push_back(c.name);
    return fmt::format("unknown command '{}'{} {}", printable(word), did_you_mean(word, names),
                       see_help(""));
}

}  // namespace selfcare
