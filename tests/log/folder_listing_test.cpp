#include "folder_listing.hpp"

#include <chrono>
#include <thread>

#include <doctest/doctest.h>

#include "month_cache.hpp"
#include "session_log.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;
namespace fs = std::filesystem;

namespace {

constexpr YearMonth kNov = std::chrono::year(2026) / 11;
const fs::path kFolder = "/home/ana/.local/share/selfcare";
const FileStamp kStamp{"",   4096,  1'795'000'000'000'000'001, 1'795'000'000'000'000'002, 77,
                       2049, 040700};
constexpr std::string_view kNames = "2026-10.desk-000001.log\n2026-11.desk-000001.log\n";

// A clock long after any folder a test makes, so that every folder counts
// as settled and its listing is kept.
std::chrono::system_clock::time_point far_future() {
    return std::chrono::system_clock::now() + std::chrono::hours(24 * 365);
}

// A log folder with one file, and a cache home.
struct Fixture {
    TempDir data, cache_home;

    Fixture() { add("2026-11.desk-000001.log"); }
    void add(const std::string& name) const {
        write_file(data / name, std::string(log_file_header()));
    }
    MonthCache cache(WallClock clock = &far_future) const {
        return {cache_home / "selfcare", data.path(), clock};
    }
    std::vector<std::string> names(WallClock clock = &far_future,
                                   YearMonth from = kAllMonths) const {
        const LogReader reader = cache(clock).reader(from);
        std::vector<std::string> out;
        for (const LogFile& f : reader.files())
            out.push_back(f.name);
        return out;
    }
    FileStamp stamp() const { return stamp_folder(data.path()).value(); }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("a listing is read back only for the folder and the stamp it was written for") {
    const std::optional<std::string> text = encode_listing(kFolder, kStamp, kNames);
    REQUIRE(text);
    CHECK(text->starts_with("# selfcare folder listing v1\nfolder\t" + kFolder.string() + "\n"));
    CHECK(decode_listing(*text, kFolder, kStamp) == kNames);
    CHECK(decode_listing(*text, "/home/bo/.local/share/selfcare", kStamp) == std::nullopt);
    for (auto change : {&FileStamp::size, &FileStamp::inode, &FileStamp::device}) {
        FileStamp other = kStamp;
        other.*change += 1;
        CHECK(decode_listing(*text, kFolder, other) == std::nullopt);
    }
    for (auto change : {&FileStamp::mtime_ns, &FileStamp::ctime_ns}) {
        FileStamp other = kStamp;
        other.*change += 1;  // one nanosecond later is another state
        CHECK(decode_listing(*text, kFolder, other) == std::nullopt);
    }
    // An empty folder has a listing too.
    const std::optional<std::string> empty = encode_listing(kFolder, kStamp, "");
    REQUIRE(empty);
    CHECK(decode_listing(*empty, kFolder, kStamp) == "");
}

TEST_CASE("a listing cut short or damaged anywhere is refused") {
    const std::string text = encode_listing(kFolder, kStamp, kNames).value();
    for (size_t n = 0; n < text.size(); ++n) {
        CAPTURE(n);
        CHECK(decode_listing(text.substr(0, n), kFolder, kStamp) == std::nullopt);
        std::string altered = text;
        altered[n] = static_cast<char>(altered[n] ^ 0x01);
        CHECK(decode_listing(altered, kFolder, kStamp) == std::nullopt);
    }
    CHECK(decode_listing(text + text, kFolder, kStamp) == std::nullopt);
}

TEST_CASE("a folder whose path cannot be a field gets no listing") {
    CHECK_FALSE(encode_listing("/home/ana/tab\there", kStamp, kNames));
    CHECK_FALSE(encode_listing("/home/ana/new\nline", kStamp, kNames));
    CHECK_FALSE(encode_listing(kFolder, kStamp, "2026-11.desk-000001.log"));  // no last newline
}

TEST_CASE("a settled folder's listing is kept, and used while the folder is unchanged") {
    Fixture f;
    CHECK(f.names() == Names{"2026-11.desk-000001.log"});
    const fs::path kept = f.cache().listing_file();
    REQUIRE(fs::exists(kept));
    CHECK(decode_listing(read_file(kept), f.data.path(), f.stamp()) == "2026-11.desk-000001.log\n");
    // That the kept listing is what is read, not the folder: one written for
    // the folder's present stamp but naming another file is believed.
    write_file(kept,
               encode_listing(f.data.path(), f.stamp(), "2026-11.laptop-3f9a2c.log\n").value());
    CHECK(f.names() == Names{"2026-11.laptop-3f9a2c.log"});
    // The same listing for a stamp one nanosecond off is not.
    FileStamp off = f.stamp();
    off.ctime_ns += 1;
    write_file(kept, encode_listing(f.data.path(), off, "2026-11.laptop-3f9a2c.log\n").value());
    CHECK(f.names() == Names{"2026-11.desk-000001.log"});
}

TEST_CASE("a file added to the folder after its listing was kept is seen") {
    Fixture f;
    CHECK(f.names() == Names{"2026-11.desk-000001.log"});
    // The folder's times come from a clock that ticks every few
    // milliseconds; what kListingSettle guarantees in use (the folder's
    // last change and the next one fall on different ticks) this wait
    // guarantees here.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    f.add("2026-11.laptop-3f9a2c.log");
    CHECK(f.names() == Names{"2026-11.desk-000001.log", "2026-11.laptop-3f9a2c.log"});
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    fs::remove(f.data / "2026-11.desk-000001.log");
    CHECK(f.names() == Names{"2026-11.laptop-3f9a2c.log"});
    // A month before `from` is left out whether the listing is kept or not.
    f.add("2026-10.desk-000001.log");
    CHECK(f.names(&far_future, kNov) == Names{"2026-11.laptop-3f9a2c.log"});
    CHECK(f.names(&far_future, kNov) == Names{"2026-11.laptop-3f9a2c.log"});
}

TEST_CASE("a folder changed moments ago is listed every time, its listing not kept") {
    Fixture f;
    const auto now = []() { return std::chrono::system_clock::now(); };
    CHECK(f.names(now) == Names{"2026-11.desk-000001.log"});
    CHECK_FALSE(fs::exists(f.cache().listing_file()));
    // A modification time set in the past does not make the folder settled:
    // setting it changed the folder's change time.
    fs::last_write_time(f.data.path(), fs::file_time_type::clock::now() - std::chrono::hours(48));
    CHECK(f.names(now) == Names{"2026-11.desk-000001.log"});
    CHECK_FALSE(fs::exists(f.cache().listing_file()));
}

TEST_CASE("a missing log folder is an empty log, and no listing is kept for it") {
    TempDir cache_home;
    const MonthCache cache(cache_home / "selfcare", cache_home / "no-such-folder", &far_future);
    CHECK(cache.reader().files().empty());
    CHECK_FALSE(fs::exists(cache.listing_file()));
}

TEST_CASE("a listing that is not a regular file is not read, and is replaced") {
    Fixture f;
    const fs::path kept = f.cache().listing_file();
    fs::create_directories(kept.parent_path());
    const fs::path decoy = f.cache_home / "decoy";
    write_file(decoy, encode_listing(f.data.path(), f.stamp(), "2026-11.x-1.log\n").value());
    fs::create_symlink(decoy, kept);
    CHECK(f.names() == Names{"2026-11.desk-000001.log"});
    CHECK_FALSE(fs::is_symlink(kept));
    CHECK(decode_listing(read_file(decoy), f.data.path(), f.stamp()) == "2026-11.x-1.log\n");
}
