#include "toml_reader.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/core.h>
#include <toml++/toml.h>

#include "suggest.hpp"
#include "text.hpp"
#include "toml_prescan.hpp"

namespace selfcare {
namespace {

TomlPlace place(const toml::source_region& region) {
    return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

TomlValue convert(const toml::node& node);

TomlValue convert_table(const toml::table& table) {
    TomlValue out;
    out.type = TomlType::table;
    out.at = place(table.source());
    out.entries.reserve(table.size());
    for (auto&& [key, value] : table)
        out.entries.push_back(
            TomlEntry{std::string(key.str()), place(key.source()), convert(value)});
    return out;
}

// toml++'s tree as ours. Nesting is bounded by toml++ (256 levels), so the
// recursion is too.
TomlValue convert(const toml::node& node) {
    if (const auto* t = node.as_table()) return convert_table(*t);
    TomlValue out;
    out.at = place(node.source());
    if (const auto* a = node.as_array()) {
        out.type = TomlType::array;
        out.items.reserve(a->size());
        for (const toml::node& item : *a)
            out.items.push_back(convert(item));
    } else if (const auto* s = node.as_string()) {
        out.type = TomlType::string;
        out.text = s->get();
    } else if (const auto* i = node.as_integer()) {
        out.type = TomlType::integer;
        out.integer = i->get();
    } else if (const auto* b = node.as_boolean()) {
        out.type = TomlType::boolean;
        out.boolean = b->get();
    } else if (node.is_floating_point()) {
        out.type = TomlType::decimal;
    } else {
        out.type = TomlType::datetime;
    }
    return out;
}

}  // namespace

const TomlValue* TomlValue::get(std::string_view key) const {
    const auto it = std::ranges::lower_bound(entries, key, {}, &TomlEntry::key);
    return it != entries.end() && it->key == key ? &it->value : nullptr;
}

TomlPlace TomlValue::key_place(std::string_view key) const {
    const auto it = std::ranges::lower_bound(entries, key, {}, &TomlEntry::key);
    return it != entries.end() && it->key == key ? it->key_at : at;
}

bool TomlValue::is_array_of_tables() const {
    return type == TomlType::array && !items.empty() &&
           std::ranges::all_of(items, &TomlValue::is_table);
}

std::string_view type_name(const TomlValue& value) {
    switch (value.type) {
        case TomlType::table:
            return "a table";
        case TomlType::array:
            return "an array";
        case TomlType::string:
            return "a string";
        case TomlType::integer:
            return "an integer";
        case TomlType::decimal:
            return "a decimal number";
        case TomlType::boolean:
            return "true or false";
        case TomlType::datetime:
            return "a date or time";
    }
    return "nothing";
}

TomlFile::TomlFile(std::string_view text, std::string path)
    : path_(std::move(path)), source_(text) {
    std::string_view rest = source_;
    while (true) {
        const size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines_.push_back(line);
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    // toml++ must never see text other than ASCII outside strings and
    // comments (toml_prescan.hpp says why).
    if (const auto stray = find_stray_character(source_)) {
        problem({stray->line, stray->column}, stray->message);
        return;
    }
    try {
        root_ = convert_table(toml::parse(source_, path_));
    } catch (const toml::parse_error& e) {
        // toml++ starts its messages with a capital ("Error while parsing
        // ..."); ours are lower case after the location.
        std::string message(e.description());
        if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
        TomlPlace at = place(e.source());
        // A string left open runs into the end of its line; toml++ then
        // speaks of control characters at the line's end. Point at the quote.
        if ((message.starts_with("error while parsing string") ||
             message.starts_with("error while parsing literal string")) &&
            at.line >= 1 && static_cast<size_t>(at.line) <= lines_.size()) {
            if (const int column = unclosed_quote(lines_[static_cast<size_t>(at.line) - 1])) {
                at.column = column;
                message = "unterminated string: no closing quote before the end of the line";
            }
        }
        problem(at, std::move(message));
    }
}

// The 1-based column (in characters) of a quote that opens a one-line
// string and is never closed on `line`, or 0.
int TomlFile::unclosed_quote(std::string_view line) {
    char open = 0;  // the quote of the string we are in, or 0
    int column = 0, open_column = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
        if (open == 0) {
            if (c == '#') return 0;
            if (c == '"' || c == '\'') {
                if (line.substr(i, 3) == std::string(3, c)) return 0;  // multi-line: not ours
                open = c;
                open_column = column;
            }
        } else if (open == '"' && c == '\\') {
            ++i;  // an escaped character, whatever it is
            ++column;
        } else if (c == open) {
            open = 0;
        }
    }
    return open != 0 ? open_column : 0;
}

Diagnostic TomlFile::diagnostic(TomlPlace at, std::string message) const {
    const int line = std::max(at.line, 1);
    std::string source;
    if (static_cast<size_t>(line) <= lines_.size()) source = lines_[static_cast<size_t>(line) - 1];
    return Diagnostic{{path_, line, std::max(at.column, 1)}, std::move(message), std::move(source)};
}

void TomlFile::problem(TomlPlace at, std::string message) {
    problems_.push_back(diagnostic(at, std::move(message)));
}

void TomlFile::problem(std::string message) {
    problems_.push_back(Diagnostic{{path_}, std::move(message), {}});
}

void TomlFile::warning(TomlPlace at, std::string message) {
    Diagnostic d = diagnostic(at, std::move(message));
    d.severity = Severity::warning;
    warnings_.push_back(std::move(d));
}

bool TomlFile::check_keys(const TomlValue& table, std::span<const std::string_view> allowed,
                          std::string_view where, const Advice& advice) {
    bool all_known = true;
    for (const TomlEntry& e : table.entries) {
        if (std::ranges::find(allowed, e.key) != allowed.end()) continue;
        std::string message = fmt::format("unknown key '{}' in {}", e.key, where);
        std::string hint = advice ? advice(e.key) : std::string();
        if (hint.empty()) {
            if (std::string near = closest_match(e.key, allowed); !near.empty())
                hint = fmt::format("did you mean '{}'?", near);
        }
        if (!hint.empty()) message += "; " + hint;
        problem(e.key_at, std::move(message));
        all_known = false;
    }
    return all_known;
}

std::optional<std::string> TomlFile::text(const TomlValue& table, std::string_view key,
                                          std::size_t max_bytes) {
    const TomlValue* v = table.get(key);
    if (!v) return std::nullopt;
    if (v->type != TomlType::string) {
        problem(v->at, fmt::format("'{}' must be a string, not {}", key, type_name(*v)));
        return std::nullopt;
    }
    if (v->text.size() > max_bytes) {
        problem(v->at, fmt::format("'{}' is too long ({} bytes; at most {})", key, v->text.size(),
                                   max_bytes));
        return std::nullopt;
    }
    if (const auto c = find_control(v->text, U"\n")) {
        problem(v->at, fmt::format("'{}' contains a control character (U+{:04X})", key,
                                   static_cast<unsigned>(*c)));
        return std::nullopt;
    }
    if (v->text.find_first_not_of(" \n") == std::string::npos) {
        problem(v->at, fmt::format("'{}' is empty", key));
        return std::nullopt;
    }
    return v->text;
}

std::optional<int> TomlFile::integer(const TomlValue& table, std::string_view key, int lo, int hi) {
    const TomlValue* v = table.get(key);
    if (!v) return std::nullopt;
    if (v->type != TomlType::integer) {
        problem(v->at, fmt::format("'{}' must be a whole number, not {}", key, type_name(*v)));
        return std::nullopt;
    }
    if (v->integer < lo || v->integer > hi) {
        problem(v->at, fmt::format("'{}' must be from {} to {}, not {}", key, lo, hi, v->integer));
        return std::nullopt;
    }
    return static_cast<int>(v->integer);
}

std::optional<bool> TomlFile::boolean(const TomlValue& table, std::string_view key) {
    const TomlValue* v = table.get(key);
    if (!v) return std::nullopt;
    if (v->type != TomlType::boolean) {
        problem(v->at, fmt::format("'{}' must be true or false, not {}", key, type_name(*v)));
        return std::nullopt;
    }
    return v->boolean;
}

std::vector<Diagnostic> TomlFile::take_problems(std::size_t most) {
    std::ranges::stable_sort(problems_, [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    if (problems_.size() > most) {
        const size_t hidden = problems_.size() - most;
        problems_.resize(most);
        problem(fmt::format("{} more problems not shown; fix these first", hidden));
    }
    return std::move(problems_);
}

std::vector<Diagnostic> TomlFile::take_warnings() {
    std::ranges::stable_sort(warnings_, [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(warnings_);
}

}  // namespace selfcare
