#pragma once
// `selfcare` with no command: the front door for someone who has just
// installed it and does not know the commands yet.

#include "context.hpp"

namespace selfcare {

// Prints this week's status line, the routines with their lengths and the
// three commands to start with. Returns 0.
int cmd_welcome(const Context& context);

}  // namespace selfcare
