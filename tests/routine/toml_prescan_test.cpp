#include "toml_prescan.hpp"

#include <doctest/doctest.h>

using namespace selfcare;

namespace {
std::string where(std::string_view text) {
    const auto s = find_stray_character(text);
    return s ? std::to_string(s->line) + ":" + std::to_string(s->column) : "none";
}
}  // namespace

TEST_CASE("text other than ASCII is fine inside strings and comments") {
    CHECK(where("title = \"Caf\xc3\xa9 \xe2\x80\x93 r\xc3\xa9sum\xc3\xa9\"\n") == "none");
    CHECK(where("title = 'lit\xc3\xa9ral'\n") == "none");
    CHECK(where("# comment \xc3\xa9\ntitle = \"x\"\n") == "none");
    CHECK(where("cue = \"\"\"\nline one \xc3\xa9\n\"quoted\" \xc3\xa9\n\"\"\"\n") == "none");
    CHECK(where("cue = '''\nline \xc3\xa9\n'''\n") == "none");
    CHECK(where("cue = \"esc \\\" still in \xc3\xa9\"\n") == "none");
    CHECK(where("cue = \"\"\"ends with quotes\"\"\"\"\"\nx = 1\n") == "none");
}

TEST_CASE("text other than ASCII outside quotes is found, with its place") {
    // These are what made toml++ 3.3 reach TOML_UNREACHABLE.
    CHECK(where("\xc3\xa9 = 1\n") == "1:1");
    CHECK(where("title = \xc3\xa9\n") == "1:9");
    CHECK(where("a = \"\xc3\xa9\" \xc3\xa9\n") == "1:9");
    CHECK(where("cue = \"\"\"\n\xc3\xa9\n\"\"\" \xe3\x80\x80\n") == "3:5");
    CHECK(where("x = 1 \xef\xbc\x86\n") == "1:7");
    // An unclosed string ends at the end of its line.
    CHECK(where("a = \"open\n\xc3\xa9 = 2\n") == "2:1");
    const auto s = find_stray_character("k = \xc3\xa9\n");
    REQUIRE(s);
    CHECK(s->message ==
          "'\xc3\xa9' (U+00E9) outside quotes: TOML allows text other than ASCII only in strings "
          "and comments");
    CHECK(find_stray_character("k = \xff\n")->message.starts_with("byte 0xFF outside quotes"));
}

TEST_CASE("a table header without a name is found before toml++ asserts on it") {
    // The fuzz input: toml++ 3.3's parse_key asserts on it (parser.inl:3037).
    CHECK(where("name = \"x\"\n[=[step]]\n") == "2:1");
    const auto found = find_stray_character("name = \"x\"\n[=[step]]\n");
    REQUIRE(found);
    CHECK(found->message ==
          "a table header needs a name after its brackets, like [step] or [[step]]");
    CHECK(where("[ =]\n") == "1:1");
    CHECK(where("  [[ ,x]]\n") == "1:3");
    CHECK(where("[[\tstep]]\n") == "none");
    // Good headers, and brackets that are not headers, pass.
    CHECK(where("[step]\n[[step]]\n[ \"quoted\" ]\n['lit']\n[a-b_c]\n[]\n") == "none");
    CHECK(where("x = [\n  [ { a = 1 } ],\n  [=1],\n]\n") == "none");
    CHECK(where("cue = \"\"\"\n[=[step]]\n\"\"\"\n# [=\n") == "none");
}

TEST_CASE("a closing bracket that does not match is found before toml++ asserts on it") {
    // Found by the routine fuzzer with toml++'s assertions on: a '}' where
    // an array expects a value trips parse_value (parser.inl:2549).
    CHECK(where("sides = [\"left\",}\"right\"]\n") == "1:17");
    const auto found = find_stray_character("x = [}\n");
    REQUIRE(found);
    CHECK(found->message == "'}' does not close the '[' before it");
    CHECK(where("x = {a = 1]\n") == "1:11");
    CHECK(where("x = [\n  1,\n  }\n") == "3:3");
    // Matching brackets, and brackets in strings and comments, pass.
    CHECK(where("x = [{a = [1, 2]}, {b = {c = 3}}]\n") == "none");
    CHECK(where("x = [\"}\", '}'] # ]}\n") == "none");
    CHECK(where("x = 1]\n") == "none");  // nothing open: toml++ reports it
}
