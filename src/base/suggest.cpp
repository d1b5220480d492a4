#include "suggest.hpp"

#include <algorithm>
#include <vector>

namespace selfcare {

int edit_distance(std::string_view a, std::string_view b) {
    const size_t n = a.size(), m = b.size();
    // Three rows: the one before last is needed for transpositions.
    std::vector<int> before(m + 1), last(m + 1), row(m + 1);
    for (size_t j = 0; j <= m; ++j)
        last[j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, last);
        std::swap(last, row);
    }
    return last[m];
}

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
    // Allow one edit for short words and about one in three for longer ones,
    // so "duraton" finds "duration" but "xyz" finds nothing.
    const int allowed = std::max<int>(1, static_cast<int>(word.size()) / 3);
    std::string_view best;
    int best_distance = allowed + 1;
    for (const std::string_view candidate : candidates) {
        // The distance is at least the difference in length, so most
        // candidates need no table: 100,000 unknown keys are checked
        // against every known one.
        const auto longer = std::max(word.size(), candidate.size());
        if (longer - std::min(word.size(), candidate.size()) >= static_cast<size_t>(best_distance))
            continue;
        const int d = edit_distance(word, candidate);
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    if (!best.empty() || word.size() < 3) return std::string(best);
    // A name typed in part ("neck" for "neck-release") is no typo, but when
    // only one candidate starts with it, that is surely the one meant.
    std::string_view only;
    for (const std::string_view candidate : candidates) {
        if (!candidate.starts_with(word)) continue;
        if (!only.empty()) return "";
        only = candidate;
    }
    return std::string(only);
}

}  // namespace selfcare
