#include "pain_prompt.hpp"

#include <string>
#include <unistd.h>

#include <doctest/doctest.h>

using namespace selfcare;
using State = PainKeys::State;

namespace {
// Feeds `keys` and returns the rating, -1 for skipped, -2 for still waiting.
int press(std::string_view keys, bool time_out = false) {
    PainKeys k;
    for (const char c : keys) {
        const State s = k.feed(c);
        if (s == State::rated) return k.value();
        if (s == State::skipped) return -1;
    }
    if (time_out && k.timeout() == State::rated) return k.value();
    return -2;
}

// Runs ask_pain in line mode on `input`; returns the rating and what it wrote.
std::pair<std::optional<int>, std::string> ask_lines(const std::string& input) {
    int in[2], out[2];
    REQUIRE(pipe(in) == 0);
    REQUIRE(pipe(out) == 0);
    REQUIRE(write(in[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    close(in[1]);
    const auto rating = ask_pain(in[0], out[1], "Pain? ", PainMode::lines);
    close(out[1]);
    std::string written;
    char buf[512];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
        written.append(buf, static_cast<size_t>(n));
    // What follows the answer is left for whoever reads next.
    std::string rest;
    for (ssize_t n; (n = read(in[0], buf, sizeof buf)) > 0;)
        rest.append(buf, static_cast<size_t>(n));
    close(in[0]);
    close(out[0]);
    return {rating, written + "|" + rest};
}
}  // namespace

TEST_CASE("one key rates 0 and 2 to 9 at once") {
    CHECK(press("0") == 0);
    CHECK(press("7") == 7);
    CHECK(press("x9") == 9);
}

TEST_CASE("1 waits for a 0 to make 10, and is 1 on Enter or when the wait runs out") {
    CHECK(press("10") == 10);
    CHECK(press("1\r") == 1);
    CHECK(press("1", true) == 1);
    CHECK(press("1") == -2);
    CHECK(press("1\x7f"
                "5") == 5);
    CHECK(press("15") == -2);
}

TEST_CASE("Enter, Escape and s skip") {
    CHECK(press("\r") == -1);
    CHECK(press("\n") == -1);
    CHECK(press("\x1b") == -1);
    CHECK(press("s") == -1);
    PainKeys k;
    CHECK(k.timeout() == State::waiting);
}

TEST_CASE("typed answers") {
    CHECK(parse_pain_line("7").rating == 7);
    CHECK(parse_pain_line(" 10 \r").rating == 10);
    CHECK(parse_pain_line("").valid);
    CHECK_FALSE(parse_pain_line("").rating);
    CHECK_FALSE(parse_pain_line("11").valid);
    CHECK_FALSE(parse_pain_line("seven").valid);
    CHECK_FALSE(parse_pain_line("-1").valid);
}

TEST_CASE("line mode asks again after a bad answer and reads no further than the answer") {
    const auto [rating, written] = ask_lines("eleven\n4\nnext input\n");
    CHECK(rating == 4);
    CHECK(written ==
          "Pain? Please type a whole number from 0 to 10, or just Enter to skip: |next input\n");
    CHECK_FALSE(ask_lines("\n").first);
    CHECK_FALSE(ask_lines("").first);
    CHECK_FALSE(ask_lines("x\ny\nz\n4\n").first);
}
