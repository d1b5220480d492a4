#include "device.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <fmt/core.h>

#include "file.hpp"
#include "session.hpp"
#include "session_log.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

std::string os_error(const fs::path& path) {
    return fmt::format("{}: {}", path.string(), std::strerror(errno));
}

// Writes `id` to a private file beside `target` and links it into place.
// `linked` is false when `target` already existed; `error` says what failed.
struct Published {
    bool linked = false;
    std::string error;
};
//
// The file is made without a name (O_TMPFILE) and gets one only when it is
// whole, so a process killed half way leaves nothing behind. Where the file
// system cannot do that, it is written under a name of its own first, which
// a kill at the wrong moment can leave behind.
Published publish(const fs::path& target, const std::string& id) {
    const std::string text = id + "\n";
    Fd fd(::open(target.parent_path().c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600));
    if (fd) {
        if (write_all(fd.get(), text) != text.size() || ::fsync(fd.get()) != 0) {
            return {false, os_error(target)};
        }
        const std::string self = fmt::format("/proc/self/fd/{}", fd.get());
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            return {true, {}};
        }
        if (errno == EEXIST) return {false, {}};
        if (errno != ENOENT) return {false, os_error(target)};  // ENOENT: no /proc
    }
    const fs::path aside = fs::path(target).concat(fmt::format(".{}.tmp", ::getpid()));
    fd = Fd(::open(aside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd) return {false, os_error(aside)};
    if (write_all(fd.get(), text) != text.size() || ::fsync(fd.get()) != 0) {
        std::string error = os_error(aside);
        ::unlink(aside.c_str());
        return {false, std::move(error)};
    }
    const bool linked = ::link(aside.c_str(), target.c_str()) == 0;
    const int link_errno = errno;
    ::unlink(aside.c_str());
    if (!linked && link_errno != EEXIST) {
        errno = link_errno;
        return {false, os_error(target)};
    }
    return {linked, {}};
}

DeviceId read_id(const fs::path& path) {
    FileText file = read_small_file(path, 256);
    if (!file.ok()) return {{}, fmt::format("{}: {}", path.string(), file.error)};
    std::string& text = file.text;
    if (text.ends_with('\n')) text.pop_back();
    if (!is_device_name(text)) {
        return {{},
                fmt::format("{}: not a device id (expected a name made of a-z, 0-9 and '-'); "
                            "delete the file to make a new one",
                            path.string())};
    }
    return {std::move(text), {}};
}

}  // namespace

std::string new_device_id(std::string_view hostname, std::uint32_t random) {
    std::string name;
    for (const char c : hostname) {
        if (c == '.') break;  // the short host name is enough
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        const bool ok = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (ok) {
            name += lower;
        } else if (!name.empty() && name.back() != '-') {
            name += '-';
        }
        if (name.size() == 20) break;
    }
    while (!name.empty() && name.back() == '-')
        name.pop_back();
    if (name.empty()) name = "device";
    return fmt::format("{}-{:06x}", name, random & 0xffffff);
}

std::optional<std::uint64_t> random_u64() {
    std::uint64_t v = 0;
    if (::getrandom(&v, sizeof v, 0) != static_cast<ssize_t>(sizeof v)) return std::nullopt;
    return v;
}

DeviceId device_id(const fs::path& state_dir) {
    const fs::path path = state_dir / "device";
    if (::access(path.c_str(), F_OK) == 0) return read_id(path);
    if (std::string error = make_private_dirs(state_dir); !error.empty()) return {{}, error};
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = 0;
    const std::optional<std::uint64_t> random = random_u64();
    if (!random) return {{}, fmt::format("cannot get random bytes: {}", std::strerror(errno))};
    std::string id = new_device_id(host, static_cast<std::uint32_t>(*random));
    const Published published = publish(path, id);
    if (!published.error.empty()) return {{}, published.error};
    if (!published.linked) return read_id(path);
    return {std::move(id), {}};
}

}  // namespace selfcare
