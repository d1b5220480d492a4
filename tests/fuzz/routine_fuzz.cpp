// Fuzzes what `selfcare check` and `selfcare show` do with a routine file:
// parse and validate the text, format every problem, and expand a valid
// routine into its schedule and render the plan. A routine with includes is
// loaded through a real Catalog whose user folder holds the input itself as
// fuzz.toml, so includes of built-ins, of missing names and of the input
// itself (a cycle) are all reached.
//
// Besides the sanitizers, it checks what must hold for every input: problems
// have messages, nothing printed carries a control character from the input
// to the terminal, and a schedule keeps within its limits and adds up.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "catalog.hpp"
#include "error.hpp"
#include "fuzz_support.hpp"
#include "plan_view.hpp"
#include "routine_loader.hpp"
#include "schedule.hpp"

namespace {
namespace fs = std::filesystem;
using namespace selfcare;
using fuzz::fail;
using fuzz::require_printable;

void check_schedule(const Schedule& s) {
    if (s.segments.empty() || s.segments.size() > kMaxSegments) fail("segment count out of range");
    Seconds min{0};
    Seconds max{0};
    for (const Segment& seg : s.segments) {
        if (seg.min < Seconds(1) || seg.min > seg.max) fail("segment length out of range");
        if (seg.kind == SegmentKind::breathe && (seg.cycles < 1 || seg.breath.empty())) {
            fail("breathing segment without breaths");
        }
        min += seg.min;
        max += seg.max;
    }
    if (min != s.total_min || max != s.total_max) fail("totals do not add up");
    if (s.total_max > kMaxRoutineLength) fail("routine longer than the limit");
}

const fs::path& scratch_dir() {
    static const fs::path dir = [] {
        std::string pattern = (fs::temp_directory_path() / "selfcare-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data())) fail("mkdtemp failed");
        return fs::path(pattern);
    }();
    return dir;
}

RoutineParse load_through_catalog(std::string_view text) {
    {
        std::ofstream out(scratch_dir() / "fuzz.toml", std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out) fail("cannot write the scratch file");
    }
    return Catalog(scratch_dir()).load("fuzz");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const RoutineParse parsed = parse_routine(text, "fuzz.toml", "fuzz");
    for (const Diagnostic& d : parsed.problems) {
        if (d.message.empty()) fail("a problem without a message");
        require_printable(format_diagnostic(d));
    }
    if (!parsed.problems.empty()) return 0;

    const bool includes = std::ranges::any_of(
        parsed.routine.steps, [](const Step& s) { return s.kind == StepKind::include; });
    const RoutineParse loaded = includes ? load_through_catalog(text) : parsed;
    for (const Diagnostic& d : loaded.problems) {
        if (d.message.empty()) fail("a problem without a message");
        require_printable(format_diagnostic(d));
    }
    if (!loaded.problems.empty()) return 0;
    const Expansion expanded = expand(loaded.routine);
    if (!expanded.problem.empty()) {
        require_printable(expanded.problem);
        return 0;
    }
    check_schedule(expanded.schedule);
    require_printable(render_plan(expanded.schedule));
    require_printable(render_plan_json(expanded.schedule));
    return 0;
}
