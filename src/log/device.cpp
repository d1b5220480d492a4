#include "device.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <fmt/format.h>

#include "error.hpp"
#include "read_file.hpp"
#include "session.hpp"
#include "session_log.hpp"

namespace selfcare {
namespace fs = std::filesystem;

namespace {

Error os_error(const fs::path& path) {
    return Error(fmt::format("{}: {}", path.string(), std::strerror(errno)));
}

// Writes `id` to a private file beside `target` and links it into place.
// Returns false when `target` already existed.
bool publish(const fs::path& target, const std::string& id) {
    const fs::path aside = fs::path(target).concat(fmt::format(".{}.tmp", ::getpid()));
    const int fd =
        ::open(aside.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw os_error(aside);
    const std::string text = id + "\n";
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(aside.c_str());
        errno = saved;
        throw os_error(aside);
    }
    const bool linked = ::link(aside.c_str(), target.c_str()) == 0;
    const int link_errno = errno;
    ::unlink(aside.c_str());
    if (!linked && link_errno != EEXIST) {
        errno = link_errno;
        throw os_error(target);
    }
    return linked;
}

std::string read_id(const fs::path& path) {
    std::string text;
    try {
        text = read_small_file(path, 256);
    } catch (const Error& e) {
        throw Error(fmt::format("{}: {}", path.string(), e.what()));
    }
    if (text.ends_with('\n')) text.pop_back();
    if (!is_device_name(text)) {
        throw Error(
            fmt::format("{}: not a device id (expected a name made of a-z, 0-9 and '-'); "
                        "delete the file to make a new one",
                        path.string()));
    }
    return text;
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

std::uint64_t random_u64() {
    std::uint64_t v = 0;
    if (::getrandom(&v, sizeof v, 0) != static_cast<ssize_t>(sizeof v)) {
        throw Error(fmt::format("cannot get random bytes: {}", std::strerror(errno)));
    }
    return v;
}

std::string device_id(const fs::path& state_dir) {
    const fs::path path = state_dir / "device";
    if (::access(path.c_str(), F_OK) == 0) return read_id(path);
    make_private_dirs(state_dir);
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = 0;
    std::string id = new_device_id(host, static_cast<std::uint32_t>(random_u64()));
    if (!publish(path, id)) return read_id(path);
    return id;
}

}  // namespace selfcare
