#pragma once
// Helpers shared by the tests: temporary folders and running the real binary.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "catalog.hpp"
#include "schedule.hpp"

// Lets doctest print both sides when two lists of strings differ.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const std::string& s : v)
            out += "\"" + s + "\", ";
        return (out + "}").c_str();
    }
};
}  // namespace doctest

namespace selfcare::test {

// A fresh folder under $TMPDIR, removed with everything in it at the end of
// the scope.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

// Writes `text` to `path`, creating its folders.
void write_file(const std::filesystem::path& path, std::string_view text);
std::string read_file(const std::filesystem::path& path);

// The source tree, for test data: tests/routines, routines/.
std::filesystem::path source_dir();

// The schedule of a routine given as TOML text, which must be valid.
Schedule schedule_of(std::string_view toml);

// The schedule of a routine the catalog must load without a problem.
Schedule plan_of(const Catalog& catalog, std::string_view name);

// Left side 30 s, a 5 s gap, right side 30 s: 65 s in three segments.
const Schedule& two_sides();

// Two breaths of 4-2-6.
const Schedule& two_breaths();

struct Result {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

// Runs build/selfcare with `args`, its HOME and XDG folders (config, data,
// state and cache) inside `home` (never the real ones), `input` on standard
// input, and `env` added to the environment. Waits for it to end.
Result run_selfcare(const TempDir& home, const std::vector<std::string>& args,
                    std::string_view input = {},
                    const std::map<std::string, std::string>& env = {});

// Like run_selfcare, but runs `argv` (argv[0] a path to a program) in the
// same isolated environment, for tests that wrap the binary in a shell.
Result run_program(const TempDir& home, const std::vector<std::string>& argv,
                   std::string_view input = {}, const std::map<std::string, std::string>& env = {});

}  // namespace selfcare::test
