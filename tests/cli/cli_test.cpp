// End to end: the real binary, with its XDG folders in a temporary directory.

#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare::test;

namespace {
constexpr std::string_view kMine = R"(title = "My stretch"
[[step]]
title = "Reach up"
duration = "20s"
)";
}

TEST_CASE("show prints the plan with offsets and the total") {
    TempDir home;
    const Result r = run_selfcare(home, {"show", "neck-release"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "Neck release (neck-release)\n"
          "A slow side stretch for a stiff neck, first one side, then the other.\n"
          "Caution: Let the weight of your hand do the work and keep the stretch mild. Stop if "
          "the pain sharpens or spreads, or if you feel tingling, and tell your doctor or "
          "therapist.\n"
          "\n"
          "start  length  step  what\n"
          " 0:00    0:30   1/1  Side neck stretch, left side\n"
          " 0:30    0:05   1/1  Get ready: right side\n"
          " 0:35    0:30   1/1  Side neck stretch, right side\n"
          "\n"
          "Total 1:05 in 1 step\n");
}

TEST_CASE("show shows ranges and breathing") {
    TempDir home;
    const Result r = run_selfcare(home, {"show", "pressure-holds"});
    CHECK(r.status == 0);
    CHECK(r.out.find("     0:15  0:30-1:00   2/4  Steady pressure, hold 1 of 3\n") !=
          std::string::npos);
    CHECK(r.out.find("Deep breaths: 3 breaths (inhale 4 exhale 6)") != std::string::npos);
    CHECK(r.out.find("Total 2:55-4:25 in 4 steps\n") != std::string::npos);
}

TEST_CASE("show --json keeps the documented keys") {
    TempDir home;
    const Result r = run_selfcare(home, {"show", "neck-release", "--json"});
    CHECK(r.status == 0);
    CHECK(r.out.find(R"("name": "neck-release")") != std::string::npos);
    CHECK(r.out.find(R"("title": "Neck release")") != std::string::npos);
    CHECK(r.out.find(R"("total_seconds": {"min": 65, "max": 65})") != std::string::npos);
    CHECK(r.out.find(R"({"step": 1, "routine": "neck-release", "title": "Side neck stretch", )"
                     R"("label": "", "side": "left", "kind": "work", "repeat": 1, )"
                     R"("repeat_count": 1, )") != std::string::npos);
    CHECK(r.out.find(
              R"("seconds": {"min": 30, "max": 30}, "start_seconds": {"min": 35, "max": 35})") !=
          std::string::npos);
}

TEST_CASE("show of an unknown routine suggests the near name and exits 2") {
    TempDir home;
    const Result r = run_selfcare(home, {"show", "nek-release"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "selfcare: no routine named 'nek-release'; did you mean 'neck-release'?\n");
}

TEST_CASE("list shows built-ins, the user's routines and what they override") {
    TempDir home;
    write_file(home / "config/selfcare/routines/mine.toml", kMine);
    write_file(home / "config/selfcare/routines/box-breathing.toml", kMine);
    write_file(home / "config/selfcare/routines/broken.toml", "title = 3\n");
    const Result r = run_selfcare(home, {"list"});
    CHECK(r.status == 0);
    const std::string dir = (home / "config/selfcare/routines/").string();
    CHECK(r.out.find("NAME                 TITLE                      TIME  FROM\n") == 0);
    CHECK(r.out.find("box-breathing        My stretch                 0:20  " + dir +
                     "box-breathing.toml (overrides the built-in)\n") != std::string::npos);
    CHECK(r.out.find("neck-release         Neck release               1:05  built-in\n") !=
          std::string::npos);
    CHECK(r.out.find("mine                 My stretch                 0:20  " + dir +
                     "mine.toml\n") != std::string::npos);
    CHECK(r.out.find("broken                                       invalid  " + dir +
                     "broken.toml (run 'selfcare check " + dir + "broken.toml')\n") !=
          std::string::npos);
}

TEST_CASE("list --json") {
    TempDir home;
    const Result r = run_selfcare(home, {"list", "--json"});
    CHECK(r.status == 0);
    CHECK(r.out.find(R"({"name": "home-session", "title": "Home session", "total_seconds": )"
                     R"({"min": 539, "max": 689}, "origin": "builtin", "path": )"
                     R"("builtin/home-session.toml", "overrides_builtin": false, "valid": true, )"
                     R"("problem": null, "warnings": 0})") != std::string::npos);
}

TEST_CASE("check passes every built-in routine file") {
    TempDir home;
    std::vector<std::string> args{"check"};
    for (const auto& f : std::filesystem::directory_iterator(source_dir() / "routines")) {
        args.push_back(f.path().string());
    }
    const Result r = run_selfcare(home, args);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find(": ok, 8 steps, 8:59-11:29\n") != std::string::npos);
}

TEST_CASE("check reports every problem in every file and exits 2") {
    TempDir home;
    const std::string good = (home / "good.toml").string();
    write_file(good, kMine);
    const std::string bad = "tests/routines/bad/out-of-range.toml";
    const Result r =
        run_selfcare(home, {"check", good, bad, "tests/routines/bad/misspelt-key.toml"});
    CHECK(r.status == 2);
    CHECK(r.out == good + ": ok, 1 step, 0:20\n");
    CHECK(r.err == read_file(bad.substr(0, bad.size() - 5) + ".expected") +
                       read_file("tests/routines/bad/misspelt-key.expected") +
                       "selfcare: 2 of 3 routines have problems\n");
}

TEST_CASE("check of a missing file names it") {
    TempDir home;
    const Result r = run_selfcare(home, {"check", "no/such.toml"});
    CHECK(r.status == 2);
    CHECK(r.err == "selfcare: no/such.toml: No such file or directory\n");
}

TEST_CASE("help, version and usage errors") {
    TempDir home;
    const Result help = run_selfcare(home, {"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("selfcare show neck-release") != std::string::npos);

    const Result sub = run_selfcare(home, {"check", "--help"});
    CHECK(sub.status == 0);
    CHECK(sub.out.find("Exit status 0 when every routine is valid") != std::string::npos);

    const Result version = run_selfcare(home, {"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.starts_with("selfcare 0."));

    const Result unknown = run_selfcare(home, {"shwo"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err ==
          "selfcare: unknown command 'shwo'; did you mean 'show'? (see 'selfcare --help')\n");

    const Result extra = run_selfcare(home, {"list", "--bogus"});
    CHECK(extra.status == 2);
    CHECK(extra.err.find("--bogus") != std::string::npos);
}

TEST_CASE("a routines folder that cannot be read is an error, not an empty list") {
    TempDir home;
    // A file where the folder should be fails for root too.
    write_file(home / "config/selfcare/routines", "not a folder");
    const Result r = run_selfcare(home, {"list"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "selfcare: cannot read " + (home / "config/selfcare/routines").string() +
                       ": Not a directory\n");
}

TEST_CASE("run through a pipe prints plain lines with no escape codes or bells") {
    TempDir home;
    const Result r = run_selfcare(home, {"run", "neck-release", "--speed", "100"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\a') == std::string::npos);
    CHECK(r.out.starts_with("Neck release, 1 min 5 s. Caution: Let the weight"));
    CHECK(r.out.find("\n0:00 Step 1/1 Side neck stretch, left side, 30 s. Sit tall") !=
          std::string::npos);
    CHECK(r.out.find("\n0:30 Step 1/1 Get ready: right side, 5 s\n") != std::string::npos);
    CHECK(r.out.find("\n1:05 Done\nDone: Neck release in 1:05 (routine time; a preview at 100x "
                     "speed).\n") != std::string::npos);
}

TEST_CASE("run reads commands a line at a time when input is not a terminal") {
    TempDir home;
    // "q" on a line of its own quits; the run is reported as stopped.
    const Result r = run_selfcare(home, {"run", "breathing-426", "--speed", "10"}, "q\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("Stopped before the first step (routine time; a preview at 10x speed).") !=
          std::string::npos);
}

TEST_CASE("run --events - writes the event stream to standard output in plain mode") {
    TempDir home;
    const Result r =
        run_selfcare(home, {"run", "neck-release", "--speed", "1000", "--events", "-", "--plain"});
    CHECK(r.status == 0);
    CHECK(r.out.find(
              "{\"t_ms\": 0.000, \"event\": \"routine_start\", \"routine\": \"neck-release\"") !=
          std::string::npos);
    CHECK(r.out.find("\"event\": \"routine_end\", \"completed\": true") != std::string::npos);
}

TEST_CASE("run refuses a bad speed, an unknown routine and an unwritable event file") {
    TempDir home;
    CHECK(run_selfcare(home, {"run", "neck-release", "--speed", "0"}).status == 2);
    CHECK(run_selfcare(home, {"run", "neck-release", "--speed", "5000"}).status == 2);
    const Result unknown = run_selfcare(home, {"run", "nek-release"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err ==
          "selfcare: no routine named 'nek-release'; did you mean 'neck-release'?\n");
    const Result events = run_selfcare(
        home, {"run", "neck-release", "--events", (home / "no/such/dir/e.jsonl").string()});
    CHECK(events.status == 1);
    CHECK(events.err.find("cannot write events to") != std::string::npos);
}

TEST_CASE("--say with no speech program on PATH says so before starting") {
    TempDir home;
    const Result r = run_selfcare(home, {"run", "neck-release", "--say"}, {},
                                  {{"PATH", (home / "empty").string()}});
    CHECK(r.status == 2);
    CHECK(r.err == "selfcare: --say needs espeak-ng, spd-say or say on PATH; none was found\n");
}

namespace {
// A two-second routine, so a full run at speed 1 takes two seconds once
// Enter has skipped the get-ready countdown.
constexpr std::string_view kTiny =
    "title = \"Tiny\"\n[[step]]\ntitle = \"Breathe\"\nduration = 2\n";

// The lines of every log file in the data folder (the version and column
// comments left out).
std::vector<std::string> logged(const TempDir& home) {
    std::vector<std::string> lines;
    const auto dir = home / "data/selfcare";
    if (!std::filesystem::exists(dir)) return lines;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        std::istringstream in(read_file(f.path()));
        for (std::string line; std::getline(in, line);) {
            if (!line.starts_with("#")) lines.push_back(line);
        }
    }
    return lines;
}

// The tiny routine, and the shell `script` as the speech command in the
// config, given each cue as $1.
void speak_with(const TempDir& home, const std::string& script) {
    write_file(home / "config/selfcare/routines/tiny.toml", kTiny);
    write_file(home / "speak", "#!/bin/sh\n" + script);
    std::filesystem::permissions(home / "speak", std::filesystem::perms::owner_all);
    write_file(home / "config/selfcare/config.toml",
               "[cues]\nsay = [\"" + (home / "speak").string() + "\", \"{text}\"]\n");
}

// speak_with a command that appends each cue to a file, whose path is
// returned.
std::string record_speech(const TempDir& home) {
    const std::string said = (home / "said").string();
    speak_with(home, "printf '%s\\n' \"$1\" >> " + said + "\n");
    return said;
}
}  // namespace

TEST_CASE("a completed run is recorded in the log; --no-log and previews are not") {
    TempDir home;
    write_file(home / "config/selfcare/routines/tiny.toml", kTiny);
    const Result r = run_selfcare(home, {"run", "tiny"}, "\n");
    CHECK(r.status == 0);
    // Done, but two seconds are under the 30 every counted session needs.
    CHECK(r.out.find("Done: Tiny in 0:02.\nLogged, but not counted: "
                     "0:02 of 0:02 done (a session counts from 0:30).\n") != std::string::npos);
    auto lines = logged(home);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("\ttiny\tTiny\t") != std::string::npos);
    CHECK(lines[0].ends_with("\tcompleted"));

    CHECK(run_selfcare(home, {"run", "tiny", "--no-log"}, "\n").status == 0);
    const Result preview = run_selfcare(home, {"run", "tiny", "--speed", "10"});
    CHECK(preview.out.find("Logged") == std::string::npos);
    CHECK(logged(home).size() == 1);

    const Result status = run_selfcare(home, {"status"});
    CHECK(status.out.starts_with("0/3 this week"));
}

TEST_CASE("skipping through a routine is logged as skipped and does not count") {
    TempDir home;
    // Enter skips the get-ready countdown, then each n skips a segment.
    const Result r = run_selfcare(home, {"run", "neck-release", "--plain"}, "\nn\nn\nn\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("Done: Neck release in 0:00; 3 of 3 parts skipped.\nLogged, but not "
                     "counted: 0:00 of 1:05 done (a "
                     "session counts from 0:33).\n") != std::string::npos);
    const auto lines = logged(home);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].ends_with("\tskipped"));
    CHECK(run_selfcare(home, {"status"}).out.starts_with("0/3 this week"));
    // Visible in the week's sessions, marked as not counted.
    const Result json = run_selfcare(home, {"log", "--json"});
    CHECK(json.out.find(R"("outcome": "skipped", "counts": false)") != std::string::npos);
}

TEST_CASE("a run of 30 s that was done counts, and the summary says how the week stands") {
    TempDir home;
    write_file(home / "config/selfcare/routines/half-minute.toml",
               "title = \"Half a minute\"\n[[step]]\ntitle = \"Breathe\"\nduration = 30\n");
    REQUIRE(run_selfcare(home, {"log", "add", "walk", "--minutes", "10"}).status == 0);
    const Result r = run_selfcare(home, {"run", "half-minute"}, "\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("Done: Half a minute in 0:30.\nLogged: counts toward this week (2 of 3).\n") !=
          std::string::npos);
    CHECK(run_selfcare(home, {"status"}).out.starts_with("2/3 this week"));
}

TEST_CASE("a run quit in its first seconds is not recorded, and says so") {
    TempDir home;
    const Result r = run_selfcare(home, {"run", "neck-release"}, "\nq\n");
    CHECK(r.status == 0);
    CHECK(r.out.find("Not logged: stopped before 30 s of activity.\n") != std::string::npos);
    CHECK(logged(home).empty());
}

TEST_CASE("a session that cannot be saved is reported after the summary, exit 1") {
    TempDir home;
    write_file(home / "config/selfcare/routines/tiny.toml", kTiny);
    write_file(home / "data/selfcare", "a file where the log folder should be");
    const Result r = run_selfcare(home, {"run", "tiny"}, "\n");
    CHECK(r.status == 1);
    CHECK(r.out.find("Done: Tiny in 0:02.") != std::string::npos);
    CHECK(r.err.starts_with("selfcare: session NOT saved: " + (home / "data/selfcare").string()));
}

TEST_CASE("the speech command in the config speaks the cues; --quiet silences it") {
    TempDir home;
    const std::string said = record_speech(home);
    REQUIRE(run_selfcare(home, {"run", "tiny", "--no-log"}, "\n").status == 0);
    // Each cue cuts off the one before, so a quick one may be cut before it
    // writes; the last, "Done", has nothing after it.
    const std::string words = read_file(said);
    CHECK(words.ends_with("Done\n"));

    std::filesystem::remove(said);
    REQUIRE(run_selfcare(home, {"run", "tiny", "--no-log", "--quiet"}, "\n").status == 0);
    CHECK_FALSE(std::filesystem::exists(said));
}

TEST_CASE("full speech says the pain question while it waits for the answer") {
    TempDir home;
    const std::string said = record_speech(home);
    // The answer comes half a second after the question, as a person's would.
    const Result r = run_program(home, {"/bin/sh", "-c",
                                        "(sleep 0.5; printf '7\\n\\n') | \"$0\" run tiny --rate "
                                        "--speech full --no-color",
                                        SELFCARE_BINARY});
    CHECK(r.status == 0);
    CHECK(read_file(said).starts_with("How is your pain right now, from 0 to 10?\n"));
}

namespace {
// True while `pid` is a live process (not gone, not a zombie waiting for
// its parent).
bool alive(const std::string& pid) {
    std::ifstream in("/proc/" + pid + "/stat");
    std::string stat;
    std::getline(in, stat);
    const size_t close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] != 'Z';
}
}  // namespace

TEST_CASE("a speech program that starts children is ended with all of them") {
    TempDir home;
    const std::string pids = (home / "pids").string();
    // A wrapper script, as people write around espeak-ng: its child would
    // go on after the wrapper was killed alone.
    speak_with(home, "sleep 30 &\necho $! >> " + pids + "\nwait\n");
    REQUIRE(run_selfcare(home, {"run", "tiny", "--no-log"}, "\n").status == 0);
    std::istringstream started(read_file(pids));
    int count = 0;
    for (std::string pid; std::getline(started, pid); ++count) {
        CAPTURE(pid);
        CHECK_FALSE(alive(pid));
    }
    CHECK(count >= 1);
}

TEST_CASE("text other than ASCII outside quotes is refused before the TOML parser sees it") {
    // toml++ 3.3 has undefined behaviour on many such characters.
    TempDir home;
    const std::string path = (home / "accents.toml").string();
    write_file(
        path, "title = \"Caf\xc3\xa9\"\n\xc3\xa9tape = 1\n[[step]]\ntitle = \"x\"\nduration = 5\n");
    const Result r = run_selfcare(home, {"check", path});
    CHECK(r.status == 2);
    CHECK(r.err == path +
                       ":2:1: '\xc3\xa9' (U+00E9) outside quotes: TOML allows text other than "
                       "ASCII only in strings and comments\n    \xc3\xa9tape = 1\n    ^\n");
}
