#pragma once
// How output may look, decided once by the command line from the terminal
// and the environment (cli/context.hpp) and passed to whatever draws.

namespace selfcare {

struct Style {
    bool color = false;    // SGR colours: a terminal, NO_COLOR unset, TERM not dumb
    bool unicode = false;  // marks, bars and ellipses beyond ASCII: a UTF-8 locale
};

}  // namespace selfcare
