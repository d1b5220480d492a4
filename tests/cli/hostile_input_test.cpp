// Hostile routine files against the real binary: each must end in exit status
// 2 with a short, clear message, never a crash, a hang or a flood of output,
// and the same again with the stack cut to 1 MiB (`ulimit -s 1024`), so that
// no input can recurse its way past the stack. The loader tests check some of
// these in-process; these check what a person at the terminal sees.

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "support.hpp"

using namespace selfcare;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStep = "[[step]]\ntitle = \"Stretch\"\nduration = \"10s\"\n";

// `selfcare check FILE` in `home`, run directly and with a 1 MiB stack.
std::vector<test::Result> check_both_ways(const test::TempDir& home, const fs::path& file) {
    const std::string path = file.string();
    return {
        test::run_selfcare(home, {"check", path}),
        test::run_program(home, {"/bin/sh", "-c", "ulimit -s 1024 && exec \"$0\" \"$@\"",
                                 SELFCARE_BINARY, "check", path}),
    };
}

// Writes `text` as a routine, checks it both ways and requires exit status 2,
// `message` in what is printed, and a report short enough to read.
void require_refused(std::string_view text, std::string_view message) {
    test::TempDir home;
    const fs::path file = home / "hostile.toml";
    test::write_file(file, text);
    for (const test::Result& r : check_both_ways(home, file)) {
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err.substr(0, 2000));
        CHECK(r.err.size() < 20'000);
    }
}

std::string repeated(std::string_view piece, size_t n) {
    std::string out;
    out.reserve(piece.size() * n);
    for (size_t i = 0; i < n; ++i)
        out += piece;
    return out;
}

// Four letters from a to z: 456,976 distinct keys, all unknown to a routine.
std::string key_name(size_t i) {
    std::string k(4, 'a');
    for (size_t j = 4; j-- > 0; i /= 26)
        k[j] = static_cast<char>('a' + i % 26);
    return k;
}

}  // namespace

TEST_CASE("100,000 nested arrays are refused at the parser's depth limit") {
    require_refused("title = " + repeated("[", 100'000) + repeated("]", 100'000) + "\n",
                    "exceeded maximum nested value depth");
}

TEST_CASE("100,000 nested inline tables are refused at the parser's depth limit") {
    require_refused("title = " + repeated("{a = ", 100'000) + "1" + repeated("}", 100'000) + "\n",
                    "exceeded maximum nested value depth");
}

TEST_CASE("100,000 unknown keys in one table are reported, the first 50 in full") {
    std::string text = "title = \"Keys\"\n";
    text += kStep;
    for (size_t i = 0; i < 100'000; ++i)
        text += key_name(i) + " = 1\n";
    REQUIRE(text.size() < 1024 * 1024);
    require_refused(text, "unknown key 'aaaa' in a step");
    require_refused(text, "99950 more problems not shown");
}

TEST_CASE("a file over the 1 MiB limit is refused before it is parsed") {
    require_refused("title = \"Big\"\n" + std::string(1024 * 1024, '#') + "\n",
                    "file is larger than 1024 KiB");
}

TEST_CASE("NUL bytes are refused and never printed") {
    test::TempDir home;
    const fs::path file = home / "nul.toml";
    test::write_file(file, std::string("title = \"a\0b\"\n", 14) + std::string(kStep));
    for (const test::Result& r : check_both_ways(home, file)) {
        CHECK(r.status == 2);
        CHECK(r.err.find("control characters") != std::string::npos);
        CHECK(r.err.find('\0') == std::string::npos);
        CHECK(r.err.find("a\xEF\xBF\xBD"
                         "b") != std::string::npos);  // shown as U+FFFD
    }
}

TEST_CASE("invalid UTF-8 is refused and never printed as it is") {
    test::TempDir home;
    const fs::path file = home / "utf8.toml";
    test::write_file(file, "title = \"caf\xC3\x28\xFF\"\n" + std::string(kStep));
    for (const test::Result& r : check_both_ways(home, file)) {
        CHECK(r.status == 2);
        CHECK(r.err.find("invalid utf-8") != std::string::npos);
        CHECK(r.err.find('\xFF') == std::string::npos);
    }
}

TEST_CASE("escape sequences in a file never reach the terminal") {
    // A quoted key holding an escape sequence that would retitle the window,
    // and a side name holding one that would turn the text red.
    require_refused("title = \"x\"\n\"\\u001b]0;pwned\\u0007\" = 1\n" + std::string(kStep),
                    "unknown key '\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD'");
    require_refused(
        "title = \"x\"\n" + std::string(kStep) + "sides = [\"\\u001b[31mred\", \"b\"]\n",
        "each side must be a short name");
    require_refused("title = \"x\"\n" + std::string(kStep) + "cue = \"a\\u009bb\"\n",
                    "'cue' contains a control character (U+009B)");
}

TEST_CASE("a duration of 10^30 seconds is refused, as text and as a number") {
    const std::string huge = "1" + std::string(30, '0');
    require_refused(
        fmt::format("title = \"x\"\n[[step]]\ntitle = \"y\"\nduration = \"{}s\"\n", huge),
        "is far too long");
    require_refused(fmt::format("title = \"x\"\n[[step]]\ntitle = \"y\"\nduration = {}\n", huge),
                    "is not representable in 64 bits");
    require_refused("title = \"x\"\n[[step]]\ntitle = \"y\"\nduration = 1e30\n",
                    "'duration' must be a duration");
}

TEST_CASE("repeats that would expand to 160,000 segments are refused, not allocated") {
    const std::string step =
        "[[step]]\ntitle = \"y\"\nduration = 1\nrepeat = 100\nbetween = 1\n"
        "sides = [\"a\", \"b\", \"c\", \"d\"]\n";
    require_refused("title = \"x\"\n" + repeated(step, 200), "expands to more than 10000 segments");
}

TEST_CASE("breathing cycles that would last days are refused") {
    const std::string step =
        "[[step]]\ntitle = \"y\"\nbreathe = [\"inhale 60s\", \"exhale 60s\"]\ncycles = 1000\n";
    require_refused("title = \"x\"\n" + repeated(step, 200), "would last more than 24 hours");
}

TEST_CASE("includes that would multiply to 32 million segments are refused") {
    test::TempDir home;
    const fs::path routines = home / "config/selfcare/routines";
    test::write_file(
        routines / "wide.toml",
        "title = \"Wide\"\n" + repeated("[[step]]\ntitle = \"y\"\nduration = 1\nrepeat = 100\n"
                                        "sides = [\"a\", \"b\", \"c\", \"d\"]\n",
                                        200));
    test::write_file(routines / "fan.toml",
                     "title = \"Fan\"\n" + repeated("[[step]]\ninclude = \"wide\"\n", 200));
    for (const test::Result& r : check_both_ways(home, routines / "fan.toml")) {
        CHECK(r.status == 2);
        CHECK(r.err.find("expands to more than 10000 segments") != std::string::npos);
    }
}

TEST_CASE("an include chain 300 deep stops at the depth limit") {
    test::TempDir home;
    const fs::path routines = home / "config/selfcare/routines";
    for (int i = 0; i < 300; ++i) {
        test::write_file(routines / fmt::format("r{:03}.toml", i),
                         fmt::format("title = \"R\"\n[[step]]\ninclude = \"r{:03}\"\n", i + 1));
    }
    test::write_file(routines / "r300.toml", "title = \"R\"\n" + std::string(kStep));
    for (const test::Result& r : check_both_ways(home, routines / "r000.toml")) {
        CHECK(r.status == 2);
        CHECK(r.err.find("includes nest more than 16 deep") != std::string::npos);
        CHECK(r.err.size() < 2000);
    }
}

TEST_CASE("a problem on a very long line shows a window around the column") {
    test::TempDir home;
    const fs::path file = home / "long.toml";
    test::write_file(file,
                     "title = \"" + std::string(50'000, 'x') + "\" oops\n" + std::string(kStep));
    for (const test::Result& r : check_both_ways(home, file)) {
        CHECK(r.status == 2);
        CHECK(r.err.find("long.toml:1:50012:") != std::string::npos);
        CHECK(r.err.find("...") != std::string::npos);
        CHECK(r.err.size() < 500);
    }
}
