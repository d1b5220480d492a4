#include "context.hpp"

#include <cstdlib>
#include <string_view>
#include <sys/ioctl.h>
#include <unistd.h>

namespace selfcare {
namespace {

std::string_view variable(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// The first of LC_ALL, LC_CTYPE and LANG that is set decides, as setlocale
// would.
bool is_utf8_locale() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const std::string_view v = variable(name);
        if (v.empty()) continue;
        std::string lower(v);
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
    return false;
}

// COLUMNS when it is a sensible number, else the terminal's width, else 80.
int report_columns(bool stdout_terminal) {
    const std::string_view text = variable("COLUMNS");
    int columns = 0;
    for (const char c : text) {
        if (c < '0' || c > '9' || columns > 10'000) {
            columns = 0;
            break;
        }
        columns = columns * 10 + (c - '0');
    }
    if (columns > 0 && columns <= 10'000) return columns;
    winsize size{};
    if (stdout_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 80;
}

}  // namespace

Context context_from_environment() {
    Context c;
    c.paths = resolve_paths([](const char* name) { return std::getenv(name); });
    const std::string_view fixed = variable("SELFCARE_NOW");
    c.now = fixed.empty() ? std::chrono::system_clock::now() : parse_instant(fixed);
    c.stdin_terminal = ::isatty(STDIN_FILENO) == 1;
    c.stdout_terminal = ::isatty(STDOUT_FILENO) == 1;
    c.smart_terminal = c.stdout_terminal && variable("TERM") != "dumb";
    c.style.color = c.smart_terminal && variable("NO_COLOR").empty();
    c.style.unicode = is_utf8_locale();
    c.path_variable = variable("PATH");
    c.editor = variable("VISUAL");
    if (c.editor.empty()) c.editor = variable("EDITOR");
    c.columns = report_columns(c.stdout_terminal);
    return c;
}

}  // namespace selfcare
