#include "json.hpp"

#include <doctest/doctest.h>

using namespace selfcare;

TEST_CASE("json_string escapes what JSON requires") {
    CHECK(json_string("plain") == R"("plain")");
    CHECK(json_string("a \"b\" \\ c") == R"("a \"b\" \\ c")");
    CHECK(json_string("line\nnext\ttab") == R"("line\nnext\ttab")");
    CHECK(json_string(std::string("nul\0x", 5)) == R"("nul\u0000x")");
    CHECK(json_string("\x1b[31m") == R"("\u001b[31m")");
}

TEST_CASE("json_string keeps valid UTF-8 and replaces invalid bytes") {
    CHECK(json_string("caf\xc3\xa9 \xe2\x80\x93") == "\"caf\xc3\xa9 \xe2\x80\x93\"");
    CHECK(json_string("bad \xff byte") == R"("bad \ufffd byte")");
    CHECK(json_string("cut \xe2\x80") == R"("cut \ufffd\ufffd")");
    CHECK(json_string("overlong \xc0\xaf") == R"("overlong \ufffd\ufffd")");
}

TEST_CASE("json strings escape DEL and C1 controls, which a terminal would obey") {
    CHECK(json_string("a\x7f"
                      "b") == "\"a\\u007fb\"");
    CHECK(json_string("a\xC2\x88"
                      "b\xC2\x9B") == "\"a\\u0088b\\u009b\"");
    CHECK(json_string("\xC2\xA0") == "\"\xC2\xA0\"");  // U+00A0 is printable
}
