#include "amendment.hpp"

#include <algorithm>

#include <doctest/doctest.h>

#include "session.hpp"

using namespace selfcare;

namespace {

Amendment note(std::string text) {
    Amendment a;
    parse_date("2026-11-16", a.date);
    a.id = 0x9f3b0c2d4e5a6b7c;
    a.made = "2026-11-16T07:41:00+01:00";
    a.text = std::move(text);
    return a;
}

Amendment back(const Amendment& a) {
    std::string line = encode_amendment(a);
    REQUIRE(line.ends_with('\n'));
    line.pop_back();
    AmendmentView v;
    const char* why = decode_amendment(line, v);
    REQUIRE(why == nullptr);
    const std::string text = v.kind == AmendKind::note ? unescape_field(v.text) : "";
    return Amendment{v.date, v.id, std::string(v.made), text, v.kind};
}

}  // namespace

TEST_CASE("notes and removals are one line each and read back exactly") {
    const Amendment n = note("felt easier");
    CHECK(encode_amendment(n) ==
          "2026-11-16\t9f3b0c2d4e5a6b7c\t2026-11-16T07:41:00+01:00\tfelt easier\tnote\n");
    CHECK(back(n) == n);
    Amendment r = note("");
    r.kind = AmendKind::remove;
    CHECK(validate(r).empty());
    CHECK(encode_amendment(r) ==
          "2026-11-16\t9f3b0c2d4e5a6b7c\t2026-11-16T07:41:00+01:00\t-\tremove\n");
    CHECK(back(r) == r);
}

TEST_CASE("a note's tabs, newlines and backslashes are escaped, and a '-' note is still a note") {
    for (const char* text : {"a\tb", "line one\nline two", "back\\slash \\n not a newline", "-",
                             "\"quoted\", with, commas", "ünïcödé ✓"}) {
        CAPTURE(text);
        const Amendment n = note(text);
        CHECK(validate(n).empty());
        const std::string line = encode_amendment(n);
        CHECK(line.find('\n') == line.size() - 1);
        CHECK(std::count(line.begin(), line.end(), '\t') == 4);
        CHECK(back(n) == n);
    }
}

TEST_CASE("a line cut short or edited is refused, never read as a shorter note") {
    const std::string line = encode_amendment(note("felt easier today"));
    for (size_t cut = 0; cut + 1 < line.size(); ++cut) {
        AmendmentView v;
        CAPTURE(cut);
        CHECK(decode_amendment(std::string_view(line).substr(0, cut), v) != nullptr);
    }
    AmendmentView v;
    CHECK(decode_amendment("2026-11-16\t9f3b0c2d4e5a6b7c\t2026-11-16T07:41:00+01:00\tx\tremove",
                           v) != nullptr);  // a removal carries no text
    CHECK(decode_amendment("2026-11-16\t9f3b0c2d4e5a6b7c\t2026-11-16T07:41:00+01:00\t\tnote", v) !=
          nullptr);
    CHECK(decode_amendment("2026-11-16\t9F3B0C2D4E5A6B7C\t2026-11-16T07:41:00+01:00\tx\tnote", v) !=
          nullptr);
    CHECK(decode_amendment("2026-02-30\t9f3b0c2d4e5a6b7c\t2026-11-16T07:41:00+01:00\tx\tnote", v) !=
          nullptr);
    CHECK(decode_amendment("2026-11-16\t9f3b0c2d4e5a6b7c\t2026-11-16 07:41\tx\tnote", v) !=
          nullptr);
    CHECK(decode_amendment("2026-11-16\t9f3b0c2d4e5a6b7c\t2026-11-16T07:41:00+01:00\tx\tnote\tx",
                           v) != nullptr);
}

TEST_CASE("notes that cannot be kept are refused with the reason") {
    CHECK(validate_note("") == "the note is empty");
    CHECK(validate_note(std::string(kMaxNote, 'a')).empty());
    CHECK(validate_note(std::string(kMaxNote + 1, 'a')) ==
          "the note is longer than 280 bytes (281)");
    CHECK(validate_note("bell\a") == "the note has a control character");
    CHECK(validate_note("\x1b[31mred") == "the note has a control character");
    Amendment bad = note("x");
    bad.made = "yesterday";
    CHECK_FALSE(validate(bad).empty());
}
