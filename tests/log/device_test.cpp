#include "device.hpp"

#include <doctest/doctest.h>

#include "error.hpp"
#include "support.hpp"

using namespace selfcare;
using namespace selfcare::test;

TEST_CASE("a device id is the short host name and six random hex digits") {
    CHECK(new_device_id("Ana-Laptop.home.lan", 0x3f9a2c) == "ana-laptop-3f9a2c");
    CHECK(new_device_id("my_big desktop machine name", 0x1000001) == "my-big-desktop-machi-000001");
    CHECK(new_device_id("", 0xabc) == "device-000abc");
    CHECK(new_device_id("__", 1) == "device-000001");
}

TEST_CASE("the device id is made once and then read back") {
    TempDir dir;
    const DeviceId first = device_id(dir / "state/selfcare");
    REQUIRE(first.error.empty());
    CHECK(first.id.size() > 7);
    CHECK(read_file(dir / "state/selfcare/device") == first.id + "\n");
    CHECK(device_id(dir / "state/selfcare").id == first.id);
}

TEST_CASE("a device file with something else in it is an error, not a new id") {
    TempDir dir;
    write_file(dir / "device", "Not A Name\n");
    const DeviceId read = device_id(dir.path());
    CHECK(read.id.empty());
    CHECK(read.error == (dir / "device").string() +
                            ": not a device id (expected a name made of a-z, 0-9 and '-'); delete "
                            "the file to make a new one");
}
