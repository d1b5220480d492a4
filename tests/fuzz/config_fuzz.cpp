// Fuzzes reading config.toml: parse_config either gives settings that can be
// printed as they are (`selfcare config` shows them), or throws an Error for
// invalid input whose report is printable.

#include <cstdint>
#include <string_view>

#include "config.hpp"
#include "error.hpp"
#include "fuzz_support.hpp"

using namespace selfcare;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Config config = parse_config(text, "config.toml");
        for (const Setting& s : config.settings) {
            if (s.name.empty() || s.origin.empty())
                fuzz::fail("a setting without a name or origin");
            fuzz::require_printable(s.value);
        }
    } catch (const Error& e) {
        if (e.code() != ExitCode::invalid_input)
            fuzz::fail("bad config reported as a runtime failure");
        if (e.diagnostics().empty()) fuzz::fail("an error without a problem");
        fuzz::require_printable(e.report());
    }
    return 0;
}
