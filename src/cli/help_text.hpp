#pragma once
// The prose --help prints below a command's options: its examples and
// notes, in the words of the manual. cli.cpp defines the options themselves.

namespace selfcare::footers {

// The program's own, under the list of commands; each command replaces it.
inline constexpr const char* program =
    "Examples:\n"
    "  selfcare run neck-release         a guided, timed routine\n"
    "  selfcare list                     the routines you can run\n"
    "  selfcare show neck-release        every step, with its timing\n"
    "  selfcare check my-routine.toml    check a routine you wrote\n"
    "  selfcare log                      this week against your goal\n"
    "\nRun 'selfcare COMMAND --help' for more on one command, 'man selfcare' for all.";
inline constexpr const char* run =
    "Keys: space pause, n or Enter next, b back, + and - 10 s, t time left, q quit,\n"
    "? help.\n"
    "Examples:\n  selfcare run neck-release\n  selfcare run breathing-426 --say\n"
    "  selfcare run home-session --speed 20 --plain --events -\n"
    "  selfcare run home-session --resume";
inline constexpr const char* list = "Examples:\n  selfcare list\n  selfcare list --json";
inline constexpr const char* show =
    "Examples:\n  selfcare show home-session\n  selfcare show ./my-routine.toml --json";
inline constexpr const char* check =
    "Exit status 0 when every routine is valid, 2 when any has problems.\n"
    "Example:\n  selfcare check ~/.config/selfcare/routines/*.toml";
inline constexpr const char* log =
    "Examples:\n  selfcare log\n  selfcare log --week last\n  selfcare log --weeks 12\n"
    "  selfcare log --week 2026-W47 --csv > week47.csv\n"
    "  selfcare log --weeks 12 --csv weeks > weeks.csv";
inline constexpr const char* log_add =
    "Example:\n  selfcare log add neck-release --at \"yesterday 18:30\" --pain-before 6";
inline constexpr const char* log_remove =
    "The session's line stays in the log; a removal is appended beside it.\n"
    "Example:\n  selfcare log --json | grep id\n  selfcare log remove 9f3b0c2d";
inline constexpr const char* log_undo =
    "Example, right after a mistaken 'selfcare log add':\n  selfcare log undo";
inline constexpr const char* status =
    "Examples:\n  selfcare status\n  selfcare status --format '{done}/{goal} {minutes}m'\n"
    "In ~/.bashrc:\n  PS1='[$(selfcare status 2>/dev/null)] \\w \\$ '";
inline constexpr const char* config =
    "Examples:\n  selfcare config\n  ${EDITOR:-nano} \"$(selfcare config --path)\"\n"
    "The settings are described in 'man selfcare-config'.";
inline constexpr const char* new_routine =
    "Writes ~/.config/selfcare/routines/NAME.toml, opens $VISUAL or $EDITOR on a terminal,\n"
    "then checks it. Examples:\n  selfcare new evening\n"
    "  selfcare new my-neck --from neck-release";
inline constexpr const char* edit =
    "A built-in is copied to ~/.config/selfcare/routines/ first; your copy replaces it.\n"
    "Example:\n  EDITOR=nano selfcare edit neck-release";
inline constexpr const char* remind =
    "Examples:\n  selfcare remind                      in ~/.bashrc: a nudge when behind\n"
    "  systemctl --user enable --now selfcare-remind.timer\n"
    "The time, days and quiet hours are in config.toml's [remind] table.";
inline constexpr const char* completions =
    "Example, in ~/.bashrc:\n  source <(selfcare completions bash)";

}  // namespace selfcare::footers
