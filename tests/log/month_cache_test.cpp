#include "month_cache.hpp"

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "session_log.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

constexpr YearMonth kOct = std::chrono::year(2026) / 10;
constexpr YearMonth kNov = std::chrono::year(2026) / 11;
constexpr const char* kDesk = "2026-11.desk-000001.log";

std::string line(const char* date, const char* id, int active_s = 600) {
    return fmt::format(
        "{0}\t{0}T07:30:00+01:00\tneck-release\tNeck release\t{1}\t600\t600\t3\t3\t-\t-\ttimer\t"
        "desk-000001\t{2}\tcompleted\n",
        date, active_s, id);
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

struct UmaskGuard {
    explicit UmaskGuard(mode_t m) : old(::umask(m)) {}
    ~UmaskGuard() { ::umask(old); }
    mode_t old;
};

// A log folder and a cache home, both temporary.
struct Fixture {
    TempDir data, cache_home;

    Fixture() {
        write_file(data / kDesk,
                   std::string(log_file_header()) + line("2026-11-02", "00000000000000a1"));
    }
    fs::path root() const { return cache_home / "selfcare"; }
    MonthCache cache() const { return MonthCache(root(), data.path()); }
    fs::path cache_file(YearMonth m = kNov) const { return cache().file_for(m); }

    // The summary of `m` through the cache, and the warnings the reader was left with.
    MonthSummary summarize(YearMonth m = kNov, std::vector<FileDamage>* damage = nullptr) const {
        LogReader reader(data.path());
        MonthSummary s = cache().summarize(reader, m);
        if (damage) *damage = reader.damage();
        return s;
    }
    // The summary of `m` read from the log alone.
    MonthSummary from_log(YearMonth m = kNov) const {
        LogReader reader(data.path());
        return MonthCache().summarize(reader, m);
    }
    void append(const char* name, const std::string& text) const {
        std::ofstream(data / name, std::ios::app | std::ios::binary) << text;
    }
};

}  // namespace

TEST_CASE("a month read once is summarised, stored, and the same when served from the cache") {
    Fixture f;
    f.append(kDesk, line("2026-11-17", "0000000000000004"));
    const MonthSummary cold = f.summarize();
    CHECK(cold == f.from_log());
    CHECK(cold.days[16] == Totals{1, 1, 600, {}});
    REQUIRE(fs::exists(f.cache_file()));
    CHECK(f.summarize() == cold);
}

TEST_CASE("a current summary is used without reading the log") {
    Fixture f;
    LogReader reader(f.data.path());
    MonthSummary doctored{kNov, *reader.stamps(kNov), {}, {}};
    doctored.days[0] = Totals{7, 7, 4200, {}};
    fs::create_directories(f.cache_file().parent_path());
    write_file(f.cache_file(), *encode_summary(doctored, f.data.path()));
    CHECK(f.summarize().days[0] == Totals{7, 7, 4200, {}});
}

TEST_CASE("a line appended after the summary was stored is counted") {
    Fixture f;
    f.append(kDesk, line("2026-11-16", "0000000000000001"));
    CHECK(f.summarize().days[15] == Totals{1, 1, 600, {}});
    f.append(kDesk, line("2026-11-16", "0000000000000002", 900));
    const MonthSummary after = f.summarize();
    CHECK(after.days[15] == Totals{2, 2, 1500, {}});
    CHECK(after == f.from_log());
}

TEST_CASE("a conflict copy that appears later is read, and its duplicates counted once") {
    Fixture f;
    f.append(kDesk, line("2026-11-16", "0000000000000001"));
    CHECK(f.summarize().days[15].sessions == 1);
    write_file(f.data / "2026-11.desk-000001.sync-conflict-20261118-101010-ABCDEFG.log",
               std::string(log_file_header()) + line("2026-11-16", "0000000000000001") +
                   line("2026-11-16", "0000000000000009"));
    const MonthSummary after = f.summarize();
    CHECK(after.files.size() == 2);
    CHECK(after.days[15].sessions == 2);
    CHECK(after == f.from_log());
}

TEST_CASE("a damaged, truncated, foreign or newer cache file is ignored and rewritten") {
    Fixture f;
    f.append(kDesk, line("2026-11-16", "0000000000000001"));
    write_file(f.data / "2026-10.desk-000001.log",
               std::string(log_file_header()) + line("2026-10-05", "0000000000000002"));
    const MonthSummary truth = f.from_log();
    f.summarize(kOct);
    const std::string october = read_file(f.cache_file(kOct));
    f.summarize();
    const std::string good = read_file(f.cache_file());
    TempDir other;
    fs::copy(f.data / kDesk, other / kDesk);
    LogReader other_reader(other.path());
    MonthCache(f.root(), other.path()).summarize(other_reader, kNov);
    const std::string foreign = read_file(MonthCache(f.root(), other.path()).file_for(kNov));
    std::string newer = good;
    newer.replace(newer.find(" v4"), 3, " v9");

    for (const std::string& bad :
         {std::string("garbage\n\x01\x02"), good.substr(0, good.size() / 2),
          good.substr(0, good.size() - 1), newer, october, foreign, std::string()}) {
        CAPTURE(bad);
        write_file(f.cache_file(), bad);
        CHECK(f.summarize() == truth);
        CHECK(read_file(f.cache_file()) == good);
    }
    // A symbolic link in a summary's place is not followed, and is replaced.
    fs::remove(f.cache_file());
    fs::create_symlink(f.cache_file(kOct), f.cache_file());
    CHECK(f.summarize() == truth);
    CHECK_FALSE(fs::is_symlink(f.cache_file()));
    CHECK(read_file(f.cache_file(kOct)) == october);
}

TEST_CASE("damage in a month served from the cache is reported as when it was read") {
    Fixture f;
    f.append(kDesk, "2026-11-17\tsomething I typed\n" + line("2026-11-16", "0000000000000001"));
    std::vector<FileDamage> cold, warm;
    f.summarize(kNov, &cold);
    REQUIRE(fs::exists(f.cache_file()));
    f.summarize(kNov, &warm);
    REQUIRE(cold.size() == 1);
    CHECK(format_damage(cold[0]) == "selfcare: warning: " + (f.data / kDesk).string() +
                                        ": skipped 1 damaged line (4); the rest was read\n");
    CHECK(warm == cold);
}

TEST_CASE("a cache that cannot be written still gives the right summary, and no error") {
    Fixture f;
    f.append(kDesk, line("2026-11-16", "0000000000000001"));
    const MonthSummary truth = f.from_log();
    write_file(f.root(), "a file where the cache folder should be");
    CHECK(f.summarize() == truth);
    CHECK(f.summarize() == truth);
    CHECK(read_file(f.root()) == "a file where the cache folder should be");
    fs::remove(f.root());
    if (::geteuid() == 0) return;  // permissions do not stop root
    fs::create_directories(f.root());
    fs::permissions(f.root(), fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(f.summarize() == truth);
    CHECK_FALSE(fs::exists(f.cache_file()));
}

TEST_CASE("cache files are 0600 in 0700 folders whatever the umask, with nothing left behind") {
    Fixture f;
    f.append(kDesk, line("2026-11-16", "0000000000000001"));
    const UmaskGuard open_umask(0);
    f.summarize();
    CHECK(mode_of(f.root()) == 0700);
    CHECK(mode_of(f.cache_file().parent_path()) == 0700);
    CHECK(mode_of(f.cache_file()) == 0600);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(f.cache_file().parent_path()))
        names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"2026-11.summary"});
    // A cache folder someone made readable by others is made private again.
    fs::permissions(f.root(), fs::perms::all);
    fs::remove(f.cache_file());
    f.summarize();
    CHECK(mode_of(f.root()) == 0700);
}

TEST_CASE("reading a month for its sessions stores its summary, and rewrites it only on change") {
    Fixture f;
    f.append(kDesk, line("2026-11-16", "0000000000000001"));
    int visited = 0;
    const auto read = [&] {
        LogReader reader(f.data.path());
        f.cache().read(reader, kNov, [&](const SessionView&) { ++visited; });
    };
    read();
    CHECK(visited == 2);  // the fixture's session and this one
    struct stat before {
    }, after{};
    REQUIRE(::stat(f.cache_file().c_str(), &before) == 0);
    read();
    REQUIRE(::stat(f.cache_file().c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // a rewrite renames a new file into place
    f.append(kDesk, line("2026-11-18", "0000000000000002"));
    read();
    REQUIRE(::stat(f.cache_file().c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);
    CHECK(f.summarize() == f.from_log());
}
