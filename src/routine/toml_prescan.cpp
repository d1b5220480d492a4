#include "toml_prescan.hpp"

#include <fmt/core.h>

#include "text.hpp"

namespace selfcare {
namespace {

enum class State { text, comment, basic, literal, multiline_basic, multiline_literal };

bool at(std::string_view s, size_t i, std::string_view what) {
    return s.substr(i, what.size()) == what;
}

std::string describe(std::string_view rest) {
    const Utf8Char c = decode_utf8(rest);
    if (c.length == 0) return fmt::format("byte 0x{:02X}", static_cast<unsigned char>(rest[0]));
    return fmt::format("'{}' (U+{:04X})", rest.substr(0, c.length), static_cast<unsigned>(c.code));
}

bool starts_key(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '"' || c == '\'';
}

// A table header ("[step]", "[[step]]") starting at text[i]: false when its
// name does not start as a key may. toml++ 3.3 asserts that it does
// (parse_key, parser.inl:3037) instead of reporting it, so an assertion-
// enabled build aborts on "[=[step]]".
bool header_ok(std::string_view text, size_t i) {
    const auto skip_blanks = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
    };
    ++i;
    skip_blanks();
    if (i < text.size() && text[i] == '[') {
        ++i;
        skip_blanks();
    }
    // The end of the text, or a ']' at once, toml++ reports itself.
    return i >= text.size() || text[i] == ']' || starts_key(text[i]);
}

// The brackets outside strings and comments: which are open, and whether
// the line has had anything but blanks yet (a table header starts a line
// with nothing open).
class Brackets {
  public:
    void new_line() { line_start_ = true; }

    // Why text[i], outside strings and comments, is refused; or nothing.
    std::optional<std::string> see(std::string_view text, size_t i) {
        const char c = text[i];
        if (c == '[' && open_.empty() && line_start_ && !header_ok(text, i)) {
            return "a table header needs a name after its brackets, like [step] or [[step]]";
        }
        if (c != ' ' && c != '\t') line_start_ = false;
        if (c == '[' || c == '{') open_ += c;
        if ((c != ']' && c != '}') || open_.empty()) return std::nullopt;
        // toml++ 3.3 asserts (parse_value, parser.inl:2549) on a '}' where
        // an array expects a value, instead of reporting it. Brackets that
        // do not match are never valid TOML, so either kind is reported.
        if (c != (open_.back() == '[' ? ']' : '}')) {
            return fmt::format("'{}' does not close the '{}' before it", c, open_.back());
        }
        open_.pop_back();
        return std::nullopt;
    }

  private:
    std::string open_;
    bool line_start_ = true;
};

}  // namespace

std::optional<StrayCharacter> find_stray_character(std::string_view text) {
    State state = State::text;
    int line = 1, column = 0;
    Brackets brackets;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if ((u & 0xC0) != 0x80) ++column;
        if (c == '\n') {
            ++line;
            column = 0;
            brackets.new_line();
            if (state == State::comment || state == State::basic || state == State::literal) {
                state = State::text;  // an unclosed string: toml++ says so
            }
            continue;
        }
        switch (state) {
            case State::text:
                if (u >= 0x80) {
                    return StrayCharacter{line, column,
                                          fmt::format("{} outside quotes: TOML allows text other "
                                                      "than ASCII only in strings and comments",
                                                      describe(text.substr(i)))};
                }
                if (auto why = brackets.see(text, i)) {
                    return StrayCharacter{line, column, std::move(*why)};
                }
                if (c == '#')
                    state = State::comment;
                else if (at(text, i, "\"\"\""))
                    state = State::multiline_basic, i += 2, column += 2;
                else if (at(text, i, "'''"))
                    state = State::multiline_literal, i += 2, column += 2;
                else if (c == '"')
                    state = State::basic;
                else if (c == '\'')
                    state = State::literal;
                break;
            case State::comment:
                break;
            case State::basic:
            case State::multiline_basic:
                if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
                    ++i;  // the escaped character cannot end the string
                    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
                } else if (state == State::basic && c == '"') {
                    state = State::text;
                } else if (state == State::multiline_basic && at(text, i, "\"\"\"")) {
                    // Up to two more quotes belong to the string.
                    while (at(text, i + 1, "\"\"\""))
                        ++i, ++column;
                    state = State::text, i += 2, column += 2;
                }
                break;
            case State::literal:
                if (c == '\'') state = State::text;
                break;
            case State::multiline_literal:
                if (at(text, i, "'''")) {
                    while (at(text, i + 1, "'''"))
                        ++i, ++column;
                    state = State::text, i += 2, column += 2;
                }
                break;
        }
    }
    return std::nullopt;
}

}  // namespace selfcare
