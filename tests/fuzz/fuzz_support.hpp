#pragma once
// What every fuzz harness checks besides the sanitizers.

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace selfcare::fuzz {

// Stops the run as a crash, so that libFuzzer saves the input.
[[noreturn]] inline void fail(const char* why) {
    std::fprintf(stderr, "fuzz: %s\n", why);
    std::abort();
}

// A terminal obeys C0 controls (ESC starts an escape sequence), DEL, and the
// C1 controls U+0080..U+009F; none of them may reach it from a file.
inline void require_printable(std::string_view out) {
    for (size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) fail("control character in output");
        const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
        if (c == 0xC2 && next >= 0x80 && next <= 0x9F) fail("C1 control character in output");
    }
}

}  // namespace selfcare::fuzz
