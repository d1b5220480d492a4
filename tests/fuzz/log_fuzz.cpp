// Fuzzes the session log, as it is edited by hand and synced: each line of
// the input through decode_line, where a good line must validate, encode back
// to exactly itself (docs/log-format.md: decoding accepts exactly what
// encoding writes) and carry no control character to the terminal; then the
// whole input as one month's file through LogReader, which must read past any
// damage and report it printably.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "error.hpp"
#include "fuzz_support.hpp"
#include "log_reader.hpp"
#include "session.hpp"

using namespace selfcare;
namespace fs = std::filesystem;

namespace {

void check_line(std::string_view line) {
    SessionView view;
    if (decode_line(line, view) != nullptr) return;
    const Session session = to_session(view);
    if (!validate(session).empty()) fuzz::fail("a decoded line does not validate");
    if (encode_line(session) != std::string(line) + "\n") fuzz::fail("a line does not round-trip");
    fuzz::require_printable(session.title);
    fuzz::require_printable(session.routine);
    fuzz::require_printable(session.device);
}

const fs::path& scratch_dir() {
    static const fs::path dir = [] {
        std::string pattern = (fs::temp_directory_path() / "selfcare-fuzz-log-XXXXXX").string();
        if (!mkdtemp(pattern.data())) fuzz::fail("mkdtemp failed");
        return fs::path(pattern);
    }();
    return dir;
}

void read_as_file(std::string_view text) {
    {
        std::ofstream out(scratch_dir() / "2026-11.fuzz-3f9a2c.log",
                          std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out) fuzz::fail("cannot write the scratch file");
    }
    LogReader reader(scratch_dir());
    for (const YearMonth month : reader.months()) {
        reader.read_month(
            month, [](const SessionView& v) { fuzz::require_printable(to_session(v).title); });
    }
    for (const FileDamage& d : reader.damage())
        fuzz::require_printable(format_damage(d));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (std::string_view rest = text; !rest.empty();) {
        const size_t end = rest.find('\n');
        check_line(rest.substr(0, end));
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
    try {
        read_as_file(text);
    } catch (const Error&) {
        // The file was written just now, so it can always be read: an error
        // here means damage stopped the reader.
        fuzz::fail("the log reader gave up on a readable file");
    }
    return 0;
}
