#pragma once
// Everything a command needs from the world outside, read once at start-up:
// where the files are, what time it is, what the terminal can do. Nothing
// below cli/ reads the environment; it is handed what it needs from here.

#include <string>

#include "calendar.hpp"
#include "paths.hpp"
#include "style.hpp"

namespace selfcare {

struct Context {
    Paths paths;
    WallTime now;
    // How standard output may look (see Style): colour only on a terminal
    // that is not "dumb" and without NO_COLOR; Unicode in a UTF-8 locale.
    Style style;
    bool stdin_terminal = false;
    bool stdout_terminal = false;
    // Standard output is a terminal that can draw a full screen: not "dumb",
    // as ninja's LinePrinter decides.
    bool smart_terminal = false;
    std::string path_variable;  // $PATH, where a speech program is looked for
    std::string editor;         // $VISUAL, else $EDITOR; "" when neither is set
    // Columns the reports may use: COLUMNS when set, else the terminal's
    // width when standard output is one, else 80.
    int columns = 80;
};

// Reads the environment: the XDG paths, SELFCARE_NOW (an instant like
// 2026-11-19T10:00:00+01:00, for tests and demos) or else the system clock,
// TERM, NO_COLOR, the locale, PATH, VISUAL and EDITOR, and whether standard input and output are
// terminals. Throws Error when the paths cannot be resolved or SELFCARE_NOW
// is not an instant.
Context context_from_environment();

}  // namespace selfcare
