#pragma once
// "Did you mean ...?" for misspelt keys and names.

#include <span>
#include <string>
#include <string_view>

namespace selfcare {

// The candidate closest to `word` by edit distance (a swap of two neighbours
// counts as one edit); failing that, the only candidate that starts with
// `word` when it has three characters or more; or "" when none is likely.
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

// Levenshtein distance with adjacent transpositions.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace selfcare
