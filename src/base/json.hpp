#pragma once
// Just enough JSON writing for selfcare's --json outputs and event stream.

#include <string>
#include <string_view>

namespace selfcare {

// `text` as a JSON string literal, quotes included. Bytes that are not valid
// UTF-8 become U+FFFD so the output is always valid JSON.
std::string json_string(std::string_view text);

}  // namespace selfcare
