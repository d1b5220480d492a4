#include "file_damage.hpp"

#include <fmt/format.h>

#include "text.hpp"

namespace selfcare {

std::string format_damage(const FileDamage& d) {
    // The name may be anything a sync tool or an attacker chose, escape
    // sequences included: it reaches the terminal only through printable().
    const std::string path = printable(d.path.string());
    if (d.skipped == 0) return fmt::format("selfcare: warning: {}: {}\n", path, printable(d.note));
    std::string numbers = fmt::format("{}", fmt::join(d.lines, ", "));
    if (d.skipped > static_cast<int>(d.lines.size())) {
        numbers += fmt::format(" and {} more", d.skipped - static_cast<int>(d.lines.size()));
    }
    std::string note = d.note.empty() ? "" : "; " + printable(d.note);
    return fmt::format("selfcare: warning: {}: skipped {} damaged {} ({}){}; the rest was read\n",
                       path, d.skipped, d.skipped == 1 ? "line" : "lines", numbers, note);
}

}  // namespace selfcare
