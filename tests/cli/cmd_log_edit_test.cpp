// End to end: correcting the log by appending, on one device and on two
// sharing a synced folder, and notes from `log add` and `run`.

#include <doctest/doctest.h>

#include "support.hpp"

using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::string> kFixed = {{"SELFCARE_NOW", "2026-11-19T10:00:00+01:00"},
                                                   {"TZ", "Europe/Berlin"},
                                                   {"LANG", "C.UTF-8"},
                                                   {"LC_ALL", ""},
                                                   {"LC_CTYPE", ""},
                                                   {"COLUMNS", "80"}};

// Runs selfcare as the device whose state folder is `device` (each keeps
// its own id), all sharing `home`'s data folder as a synced folder would.
Result as(const TempDir& home, const std::string& device, const std::vector<std::string>& args,
          std::string_view input = {}) {
    std::map<std::string, std::string> env = kFixed;
    env["XDG_STATE_HOME"] = (home / ("state-" + device)).string();
    return run_selfcare(home, args, input, env);
}

// A routine of two seconds, so that a run at full speed is short.
constexpr std::string_view kTiny =
    "title = \"Tiny\"\n[[step]]\ntitle = \"Breathe\"\nduration = 2\n";

fs::path only_file(const TempDir& home, std::string_view extension) {
    fs::path found;
    for (const auto& e : fs::directory_iterator(home / "data/selfcare")) {
        if (e.path().extension() == extension) {
            REQUIRE(found.empty());
            found = e.path();
        }
    }
    REQUIRE_FALSE(found.empty());
    return found;
}

// The id `log add` printed: "..., id 0123456789abcdef)".
std::string id_in(const Result& r) {
    const size_t at = r.out.rfind("id ");
    REQUIRE(at != std::string::npos);
    return r.out.substr(at + 3, 16);
}

// Every file of the log folder with its contents, to prove nothing was
// rewritten: each old content must be a prefix of the new.
std::map<std::string, std::string> snapshot(const TempDir& home) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(home / "data/selfcare"))
        out[e.path().filename().string()] = read_file(e.path());
    return out;
}

void check_only_grew(const std::map<std::string, std::string>& before,
                     const std::map<std::string, std::string>& after) {
    for (const auto& file : before) {
        const std::string& name = file.first;  // clang 14 cannot capture a binding
        CAPTURE(name);
        REQUIRE(after.contains(name));
        CHECK(after.at(name).starts_with(file.second));
    }
}

}  // namespace

TEST_CASE("log remove appends a removal, and the session leaves every view") {
    TempDir home;
    const Result kept = as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-16"});
    const Result wrong = as(home, "laptop", {"log", "add", "home-session", "--at", "2026-11-17"});
    const std::string id = id_in(wrong);
    // The month's summary is cached now, with both sessions in it.
    CHECK(as(home, "laptop", {"log", "--weeks", "1", "--csv", "weeks"})
              .out.find("\r\n2026-W47,2026-11-16,2026-11-22,2,2,13,") != std::string::npos);
    const auto before = snapshot(home);

    const Result removed = as(home, "laptop", {"log", "remove", id.substr(0, 6)});
    CHECK(removed.status == 0);
    CHECK(
        removed.out.starts_with("Removed Home session, 11 min, on 2026-11-17 (id " + id + ").\n"));
    check_only_grew(before, snapshot(home));
    CHECK(read_file(only_file(home, ".log")).find(id) != std::string::npos);  // still there

    const Result week = as(home, "laptop", {"log"});
    CHECK(week.err.empty());
    CHECK(week.out.find("  Tue 17  ·\n") != std::string::npos);
    CHECK(week.out.find("home-session") == std::string::npos);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"log", "--json"}, {"log", "--csv"}, {"log", "--weeks", "2"}}) {
        const Result r = as(home, "laptop", args);
        CHECK(r.out.find(id) == std::string::npos);
        CHECK(r.out.find("home-session") == std::string::npos);
    }
    CHECK(as(home, "laptop", {"status"}).out == "1/3 this week, 1/30 min\n");
    // The removal changed the month's files, so its cached summary is not used.
    CHECK(as(home, "laptop", {"log", "--weeks", "1", "--csv", "weeks"})
              .out.find("\r\n2026-W47,2026-11-16,2026-11-22,1,1,1,") != std::string::npos);
    CHECK(as(home, "laptop", {"log", "--json"}).out.find(id_in(kept)) != std::string::npos);

    // Removing it again, or an id nobody has, is refused; so is a bad id.
    const Result again = as(home, "laptop", {"log", "remove", id});
    CHECK(again.status == 2);
    CHECK(again.err == "selfcare: no session has an id starting with '" + id +
                           "' (or it was removed already)\n");
    CHECK(as(home, "laptop", {"log", "remove", "12"}).status == 2);
    CHECK(as(home, "laptop", {"log", "remove", "$(touch pwned)"}).status == 2);
    CHECK_FALSE(fs::exists(home / "pwned"));
}

TEST_CASE("an id prefix that fits two sessions is refused, naming both") {
    TempDir home;
    // Two sessions with ids sharing their first four digits, written by hand.
    const std::string header = "# selfcare log v1\n";
    const auto line = [](const char* id) {
        return std::string(
                   "2026-11-16\t2026-11-16T08:00:00+01:00\twalk\twalk\t600\t600\t600\t0\t0\t-\t-\t"
                   "manual\tdesk-000001\t") +
               id + "\tcompleted\n";
    };
    write_file(home / "data/selfcare/2026-11.desk-000001.log",
               header + line("abcd000000000001") + line("abcd000000000002"));
    const Result r = as(home, "laptop", {"log", "remove", "ABCD"});
    CHECK(r.status == 2);
    CHECK(r.err ==
          "selfcare: 'abcd' starts more than one id (abcd000000000001 and abcd000000000002); "
          "give more digits\n");
    CHECK(as(home, "laptop", {"log", "remove", "abcd000000000002"}).status == 0);
    CHECK(as(home, "laptop", {"status"}).out == "1/3 this week, 10/30 min\n");
}

TEST_CASE("log undo removes this device's last session, then the one before") {
    TempDir home;
    as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-18 08:00"});
    as(home, "desktop", {"log", "add", "walk", "--minutes", "20", "--at", "2026-11-18 09:00"});
    // Added last, but for an earlier month: still the last entry.
    const Result october =
        as(home, "laptop", {"log", "add", "breathing-426", "--at", "2026-10-30 08:00"});
    const Result first = as(home, "laptop", {"log", "undo"});
    CHECK(first.status == 0);
    CHECK(first.out.starts_with("Removed 4-2-6 breathing, 5 min, on 2026-10-30 (id " +
                                id_in(october) + ")."));
    const Result second = as(home, "laptop", {"log", "undo"});
    CHECK(second.out.starts_with("Removed Neck release, 1 min, on 2026-11-18"));
    const Result none = as(home, "laptop", {"log", "undo"});
    CHECK(none.status == 2);
    CHECK(none.err.find("nothing to undo") != std::string::npos);
    // The desktop's walk is untouched.
    CHECK(as(home, "laptop", {"status"}).out == "1/3 this week, 20/30 min\n");
}

TEST_CASE(
    "a removal made on one device applies on the other, and neither writes the other's file") {
    TempDir home;
    const Result walk =
        as(home, "desktop", {"log", "add", "walk", "--minutes", "20", "--at", "2026-11-18"});
    as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-17"});
    const auto before = snapshot(home);
    CHECK(as(home, "laptop", {"log", "remove", id_in(walk)}).status == 0);
    const auto after = snapshot(home);
    check_only_grew(before, after);
    // The desktop's files are byte for byte as they were; the laptop has a
    // new amendments file.
    int amend_files = 0;
    std::string laptop_id = read_file(home / "state-laptop/selfcare/device");
    while (laptop_id.ends_with('\n'))
        laptop_id.pop_back();
    for (const auto& [name, text] : after) {
        if (name.ends_with(".amend")) {
            ++amend_files;
            CHECK(name == "2026-11." + laptop_id + ".amend");
        } else {
            CHECK(before.at(name) == text);
        }
    }
    CHECK(amend_files == 1);
    // Both devices see the same week; so does a Syncthing conflict copy of
    // the amendments file (read, and its removal counted once).
    const std::string laptop = as(home, "laptop", {"log", "--csv"}).out;
    CHECK(laptop.find(id_in(walk)) == std::string::npos);
    CHECK(as(home, "desktop", {"log", "--csv"}).out == laptop);
    for (const auto& [name, text] : after) {
        if (name.ends_with(".amend")) {
            write_file(home / "data/selfcare" /
                           (name.substr(0, name.size() - 6) +
                            ".sync-conflict-20261119-101010-ABCDEFG.amend"),
                       text);
        }
    }
    const Result with_copy = as(home, "desktop", {"log", "--csv"});
    CHECK(with_copy.out == laptop);
    CHECK(with_copy.err.empty());
}

TEST_CASE("a damaged amendment line is skipped with a warning; the rest still applies") {
    TempDir home;
    const Result a = as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-16"});
    const Result b = as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-17"});
    as(home, "laptop", {"log", "remove", id_in(a)});
    const fs::path amend = only_file(home, ".amend");
    std::string text = read_file(amend);
    text += "2026-11-17\t" + id_in(b) + "\t2026-11-19T10:00:00+01:00\t-\tremo";  // torn
    write_file(amend, text);
    const Result r = as(home, "laptop", {"log", "--csv"});
    CHECK(r.err == "selfcare: warning: " + amend.string() +
                       ": skipped 1 damaged line (4); the rest was read\n");
    CHECK(r.out.find(id_in(a)) == std::string::npos);
    CHECK(r.out.find(id_in(b)) != std::string::npos);
    // A newer amendments version is skipped whole, never misread.
    write_file(amend, "# selfcare amendments v2\nanything at all\n");
    const Result newer = as(home, "laptop", {"log", "--csv"});
    CHECK(newer.err.find("written by a newer selfcare (amendments v2)") != std::string::npos);
    CHECK(newer.out.find(id_in(a)) != std::string::npos);
}

TEST_CASE("notes from log add and run are kept, escaped, and shown in every view") {
    TempDir home;
    const std::string note = "felt \"easier\",\tthen\nstiff; $(touch pwned)";
    const Result added =
        as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-16", "--note", note});
    CHECK(added.status == 0);
    write_file(home / "config/selfcare/routines/tiny.toml", kTiny);
    const Result run =
        as(home, "laptop", {"run", "tiny", "--plain", "--note", "after the run"}, "\n");
    CHECK(run.status == 0);
    CHECK_FALSE(fs::exists(home / "pwned"));

    const Result week = as(home, "laptop", {"log"});
    CHECK(week.out.find("  Notes     Mon 16  neck-release: felt \"easier\", then stiff; $(touch "
                        "pwned)\n"
                        "            Thu 19  tiny: after the run\n") != std::string::npos);
    // At 40 columns the note wraps under its label.
    std::map<std::string, std::string> narrow = kFixed;
    narrow["COLUMNS"] = "40";
    narrow["XDG_STATE_HOME"] = (home / "state-laptop").string();
    CHECK(run_selfcare(home, {"log"}, {}, narrow)
              .out.find("  Notes     Mon 16  neck-release: felt\n"
                        "            \"easier\", then stiff;\n"
                        "            $(touch pwned)\n") != std::string::npos);
    const Result json = as(home, "laptop", {"log", "--json"});
    CHECK(json.out.find(R"x("note": "felt \"easier\",\tthen\nstiff; $(touch pwned)")x") !=
          std::string::npos);
    CHECK(json.out.find(R"("note": "after the run")") != std::string::npos);
    const Result csv = as(home, "laptop", {"log", "--csv"});
    CHECK(csv.out.find(",\"felt \"\"easier\"\",\tthen\nstiff; $(touch pwned)\"\r\n") !=
          std::string::npos);

    // Refused before anything is written: too long, or a control character.
    const auto files = snapshot(home);
    const Result long_note =
        as(home, "laptop", {"log", "add", "neck-release", "--note", std::string(281, 'x')});
    CHECK(long_note.status == 2);
    CHECK(long_note.err == "selfcare: --note: the note is longer than 280 bytes (281)\n");
    CHECK(as(home, "laptop", {"run", "tiny", "--plain", "--note", "\x1b[2J"}, "\n").status == 2);
    CHECK(snapshot(home) == files);
}

TEST_CASE("a report that cannot be written is an error, and nothing is left half done") {
    TempDir home;
    as(home, "laptop", {"log", "add", "neck-release", "--at", "2026-11-16"});
    const Result missing =
        as(home, "laptop", {"log", "--html", (home / "no/such/folder/r.html").string()});
    CHECK(missing.status == 1);
    CHECK(missing.err.starts_with("selfcare: cannot write " +
                                  (home / "no/such/folder/r.html").string() + ": "));
    const Result full = as(home, "laptop", {"log", "--html", "/dev/full"});
    CHECK(full.status == 1);
    CHECK(full.err == "selfcare: cannot write /dev/full: No space left on device\n");
    CHECK(as(home, "laptop", {"log", "--html", "x.html", "--json"}).status == 2);
    CHECK(as(home, "laptop", {"log", "--csv", "days"}).status == 2);
}

TEST_CASE("a run that is not logged asks nothing and says why") {
    TempDir home;
    const Result preview =
        as(home, "laptop", {"run", "neck-release", "--plain", "--speed", "100", "--rate"});
    CHECK(preview.status == 0);
    CHECK(preview.err ==
          "selfcare: not asking for pain ratings: a preview at --speed 100 is not logged\n");
    CHECK(preview.out.find("Pain") == std::string::npos);
    const Result no_log = as(
        home, "laptop",
        {"run", "neck-release", "--plain", "--speed", "100", "--no-log", "--rate", "--note", "x"});
    CHECK(no_log.err ==
          "selfcare: not asking for pain ratings, and the note will not be kept: "
          "with --no-log nothing is kept\n");
    CHECK(no_log.out.find("Pain") == std::string::npos);
    CHECK_FALSE(fs::exists(home / "data/selfcare"));
}
