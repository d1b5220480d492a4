// Every input a fuzzer has failed on, kept in tests/fuzz/regressions/NAME/,
// runs here in the normal suite (and so under the sanitizers in build-asan/)
// through the same path the harness took. See docs/hardening.md.

#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare;
namespace fs = std::filesystem;

namespace {

// Characters a terminal acts on rather than shows: C0 (but newline and tab),
// DEL and C1 as UTF-8. What selfcare prints about a file holds none of them.
bool terminal_safe(std::string_view out) {
    for (size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return false;
        const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
        if (c == 0xC2 && next >= 0x80 && next <= 0x9F) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("routine inputs the fuzzer failed on are checked cleanly") {
    int checked = 0;
    for (const auto& file : fs::directory_iterator("tests/fuzz/regressions/routine")) {
        const std::string path = file.path().string();
        CAPTURE(path);
        test::TempDir home;
        const std::vector<std::vector<std::string>> commands = {
            {"check", path}, {"show", path}, {"show", "--json", path}};
        for (const auto& args : commands) {
            const test::Result r = test::run_selfcare(home, args);
            CHECK((r.status == 0 || r.status == 2));
            CHECK(terminal_safe(r.out));
            CHECK(terminal_safe(r.err));
            if (r.status == 2) CHECK_FALSE(r.err.empty());
        }
        ++checked;
    }
    CHECK(checked >= 2);
}
