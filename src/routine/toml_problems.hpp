#pragma once
// Collecting problems found in a TOML file, each with its place, the source
// line and a "did you mean" for a misspelt key. The config reader uses it; it
// follows what the routine loader does, so both kinds of file report alike.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "error.hpp"

namespace selfcare {

// "a string", "an integer", "true or false": for "must be X, not Y" messages.
std::string_view toml_type_name(const toml::node& node);

class TomlProblems {
  public:
    TomlProblems(std::string_view text, std::string path);

    // Parses `text` (the same as given to the constructor). On a syntax error
    // records it and returns an empty table.
    toml::table parse(std::string_view text);

    void add(const toml::source_region& at, std::string message);

    // Records every key of `t` not in `allowed`, with "did you mean" when one
    // is close. Returns false when there was one.
    bool check_keys(const toml::table& t, std::span<const std::string_view> allowed,
                    std::string_view where);

    bool empty() const { return problems_.empty(); }
    // The problems in the order of the text.
    std::vector<Diagnostic> take();

    const std::string& path() const { return path_; }

  private:
    std::string path_;
    std::vector<std::string_view> lines_;
    std::vector<Diagnostic> problems_;
};

}  // namespace selfcare
