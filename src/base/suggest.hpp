#pragma once
// "Did you mean ...?" for misspelt keys and names.

#include <span>
#include <string>
#include <string_view>

namespace selfcare {

// The candidate closest to `word` by edit distance (a swap of two neighbours
// counts as one edit), or "" when none is close enough to be a likely typo.
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

// Levenshtein distance with adjacent transpositions.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace selfcare
