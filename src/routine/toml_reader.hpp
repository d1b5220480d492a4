#pragma once
// Reading TOML files that people write by hand: routines and the config.
// This is the one place that knows toml++ (the .cpp includes it; nothing
// else does). A file becomes a small tree of our own values, each with its
// place in the text, and every problem found while reading it becomes a
// Diagnostic with that place, the source line and, for a misspelt key, a
// "did you mean". Both kinds of file therefore report alike.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace selfcare {

enum class TomlType { table, array, string, integer, decimal, boolean, datetime };

// A place in the text: 1-based line and column (in characters); 0 when
// unknown.
struct TomlPlace {
    int line = 0;
    int column = 0;
};

struct TomlEntry;

// One value of the file.
struct TomlValue {
    TomlType type = TomlType::table;
    TomlPlace at;      // where the value starts (a table: its header)
    std::string text;  // a string's value
    std::int64_t integer = 0;
    bool boolean = false;
    std::vector<TomlValue> items;    // an array's values, in order
    std::vector<TomlEntry> entries;  // a table's keys, sorted by key

    // The value under `key` in a table, or null.
    const TomlValue* get(std::string_view key) const;
    // Where `key` is written in a table. REQUIRES: get(key) is not null.
    TomlPlace key_place(std::string_view key) const;
    bool is_table() const { return type == TomlType::table; }
    // An array of one or more values that are all tables ([[step]]).
    bool is_array_of_tables() const;
};

struct TomlEntry {
    std::string key;
    TomlPlace key_at;
    TomlValue value;
};

// "a string", "an integer", "true or false": for "must be X, not Y" messages.
std::string_view type_name(const TomlValue& value);

// A file being read: its tree, and the problems found in it so far.
class TomlFile {
  public:
    // Parses `text`; `path` is used in messages. Text other than ASCII
    // outside strings and comments is reported before toml++ sees it
    // (toml_prescan.hpp says why), and a syntax error becomes the file's one
    // problem, with root() then an empty table.
    TomlFile(std::string_view text, std::string path);
    // Problems point into the text it keeps: it stays where it was made.
    TomlFile(const TomlFile&) = delete;
    TomlFile& operator=(const TomlFile&) = delete;

    const TomlValue& root() const { return root_; }
    const std::string& path() const { return path_; }
    bool has_problems() const { return !problems_.empty(); }

    // A diagnostic at `at`, with its source line, to report now or later.
    Diagnostic diagnostic(TomlPlace at, std::string message) const;
    void problem(TomlPlace at, std::string message);
    // A problem with the file as a whole, such as a missing key.
    void problem(std::string message);
    // Something the author should hear about that does not stop the file
    // being used (Severity::warning). Kept apart from the problems, so that
    // "no problems" still means "usable".
    void warning(TomlPlace at, std::string message);

    // Reports every key of `table` not in `allowed`, with "did you mean"
    // when one is close; `advice` may replace that for a key it knows (it
    // returns the text after "; ", or nothing). Returns false when there was
    // an unknown key, so that callers can leave out the follow-on problems
    // a typo causes.
    using Advice = std::function<std::string(std::string_view key)>;
    bool check_keys(const TomlValue& table, std::span<const std::string_view> allowed,
                    std::string_view where, const Advice& advice = {});

    // A string of at most `max_bytes` that is not blank and has no control
    // characters but newlines (nothing from a shared file may send an escape
    // sequence to a terminal), or nothing after reporting why.
    std::optional<std::string> text(const TomlValue& table, std::string_view key,
                                    std::size_t max_bytes);
    // A whole number in [lo, hi], or nothing after reporting why.
    std::optional<int> integer(const TomlValue& table, std::string_view key, int lo, int hi);
    // true or false, or nothing after reporting why.
    std::optional<bool> boolean(const TomlValue& table, std::string_view key);

    // The problems in the order of the text; past `most`, the rest are
    // counted in one last line.
    std::vector<Diagnostic> take_problems(std::size_t most = 50);
    // The warnings in the order of the text.
    std::vector<Diagnostic> take_warnings();

  private:
    static int unclosed_quote(std::string_view line);
    std::string path_;
    std::string source_;                   // the text
    std::vector<std::string_view> lines_;  // its lines, for source lines under messages
    TomlValue root_;
    std::vector<Diagnostic> problems_;
    std::vector<Diagnostic> warnings_;
};

}  // namespace selfcare
