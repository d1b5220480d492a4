#include "toml_problems.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "suggest.hpp"
#include "toml_prescan.hpp"

namespace selfcare {

std::string_view toml_type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a decimal number";
        case toml::node_type::boolean:
            return "true or false";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

TomlProblems::TomlProblems(std::string_view text, std::string path) : path_(std::move(path)) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines_.push_back(line);
        start = end + 1;
    }
}

toml::table TomlProblems::parse(std::string_view text) {
    // toml++ must never see text other than ASCII outside strings and
    // comments (toml_prescan.hpp says why).
    if (const auto stray = find_stray_character(text)) {
        toml::source_region at;
        at.begin = {static_cast<toml::source_index>(stray->line),
                    static_cast<toml::source_index>(stray->column)};
        at.end = at.begin;
        add(at, stray->message);
        return {};
    }
    try {
        return toml::parse(text, path_);
    } catch (const toml::parse_error& e) {
        std::string message(e.description());
        if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
        add(e.source(), std::move(message));
        return {};
    }
}

void TomlProblems::add(const toml::source_region& at, std::string message) {
    const int line = std::max(static_cast<int>(at.begin.line), 1);
    const int column = std::max(static_cast<int>(at.begin.column), 1);
    std::string source;
    if (static_cast<size_t>(line) <= lines_.size()) source = lines_[static_cast<size_t>(line) - 1];
    problems_.push_back(Diagnostic{{path_, line, column}, std::move(message), std::move(source)});
}

bool TomlProblems::check_keys(const toml::table& t, std::span<const std::string_view> allowed,
                              std::string_view where) {
    bool all_known = true;
    for (auto&& [key, value] : t) {
        const std::string_view k = key.str();
        if (std::ranges::find(allowed, k) != allowed.end()) continue;
        std::string message = fmt::format("unknown key '{}' in {}", k, where);
        if (std::string near = closest_match(k, allowed); !near.empty()) {
            message += fmt::format("; did you mean '{}'?", near);
        }
        add(key.source(), std::move(message));
        all_known = false;
    }
    return all_known;
}

std::vector<Diagnostic> TomlProblems::take() {
    std::ranges::stable_sort(problems_, [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(problems_);
}

}  // namespace selfcare
