#include "text.hpp"

#include <string>

#include <doctest/doctest.h>

using namespace selfcare;

TEST_CASE("decode_utf8 reads one character and refuses what is not UTF-8") {
    CHECK(decode_utf8("a").code == U'a');
    CHECK(decode_utf8("\xC3\xA9!").code == U'\u00e9');
    CHECK(decode_utf8("\xC3\xA9!").length == 2);
    CHECK(decode_utf8("\xE2\x86\x92").code == U'\u2192');
    CHECK(decode_utf8("\xF0\x9F\x99\x82").code == U'\U0001F642');
    CHECK(decode_utf8("\xF0\x9F\x99\x82").length == 4);
    CHECK(decode_utf8("").length == 0);
    CHECK(decode_utf8("\x80").length == 0);              // a stray continuation byte
    CHECK(decode_utf8("\xC0\xAF").length == 0);          // overlong '/'
    CHECK(decode_utf8("\xE0\x80\xAF").length == 0);      // overlong, three bytes
    CHECK(decode_utf8("\xED\xA0\x80").length == 0);      // a surrogate
    CHECK(decode_utf8("\xF4\x90\x80\x80").length == 0);  // past U+10FFFF
    CHECK(decode_utf8("\xE2\x86").length == 0);          // cut short
    CHECK(decode_utf8("\xE2\x41\x92").length == 0);      // a bad second byte
    CHECK(decode_utf8("\xF0\x9F\x41\x82").length == 0);  // a bad third byte
}

TEST_CASE("control characters are C0, DEL and C1, and nothing else") {
    CHECK(is_control(U'\0'));
    CHECK(is_control(U'\x1b'));
    CHECK(is_control(U'\n'));
    CHECK(is_control(U'\x7f'));
    CHECK(is_control(U'\u0085'));
    CHECK(is_control(U'\u009b'));
    CHECK_FALSE(is_control(U' '));
    CHECK_FALSE(is_control(U'~'));
    CHECK_FALSE(is_control(U'\u00a0'));
    CHECK(find_control("plain text").has_value() == false);
    CHECK(find_control("two\nlines") == U'\n');
    CHECK_FALSE(find_control("two\nlines", U"\n").has_value());
    CHECK(find_control("two\nlines\tand a tab", U"\n") == U'\t');
    CHECK(find_control("csi \xC2\x9B here") == U'\u009b');
    CHECK_FALSE(find_control("\xFF stray").has_value());
}

TEST_CASE("printable replaces control characters and broken UTF-8, one for one") {
    CHECK(printable("plain\ttext\nline") == "plain\ttext\nline");
    CHECK(printable("caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x99\x82") ==
          "caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x99\x82");
    CHECK(printable("\x1b[31mred") == "\xEF\xBF\xBD[31mred");
    CHECK(printable(std::string("a\0b\x7f", 4)) ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD");
    CHECK(printable("c1 \xC2\x9B x") == "c1 \xEF\xBF\xBD x");    // U+009B, an 8-bit CSI
    CHECK(printable("nbsp \xC2\xA0") == "nbsp \xC2\xA0");        // U+00A0 is fine
    CHECK(printable("\xFF\xC3") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // a stray byte, a cut sequence
    CHECK(printable("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(printable("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST_CASE("characters are counted and cut as code points") {
    CHECK(char_count("") == 0);
    CHECK(char_count("abc") == 3);
    CHECK(char_count("caf\xC3\xA9 \xE2\x86\x92") == 6);
    CHECK(char_count("\xFF\xFE") == 2);
    CHECK(first_chars("caf\xC3\xA9 ok", 4) == "caf\xC3\xA9");
    CHECK(first_chars("abc", 10) == "abc");
    CHECK(first_chars("abc", 0).empty());
}

TEST_CASE("routine names are 1 to 64 of a-z, 0-9 and '-'") {
    CHECK(is_routine_name("neck-release"));
    CHECK(is_routine_name("4-2-6"));
    CHECK(is_routine_name(std::string(64, 'a')));
    CHECK_FALSE(is_routine_name(std::string(65, 'a')));
    CHECK_FALSE(is_routine_name(""));
    CHECK_FALSE(is_routine_name("Neck"));
    CHECK_FALSE(is_routine_name("neck release"));
    CHECK_FALSE(is_routine_name("../etc"));
}
