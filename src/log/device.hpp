#pragma once
// This machine's name in the log. It is made once and kept in the state
// folder, which is not synced, so two machines sharing a data folder never
// write the same file.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace selfcare {

// The device id kept in `state_dir`/device, made on first use. Processes
// starting at once all end up with the same id: the file is written aside
// and linked into place, and whoever links second reads the winner's.
// `error` says "PATH: reason" when it cannot be read or made, or when the
// file holds something that is not a device name.
struct DeviceId {
    std::string id;
    std::string error;  // empty when `id` is the device id
};
DeviceId device_id(const std::filesystem::path& state_dir);

// A new id: the host name folded into [a-z0-9-] (at most 20 characters,
// "device" when nothing is left), a dash and six random hex digits, so that
// two machines with the same host name still differ: "laptop-3f9a2c".
std::string new_device_id(std::string_view hostname, std::uint32_t random);

// 64 bits from the kernel's random source, for ids; nothing (and errno)
// when the kernel gives none.
std::optional<std::uint64_t> random_u64();

}  // namespace selfcare
