#include "folder_listing.hpp"

#include <cerrno>
#include <cstring>
#include <dirent.h>

#include <fmt/core.h>

#include "error.hpp"
#include "month_summary.hpp"
#include "session.hpp"
#include "text.hpp"

namespace selfcare {
namespace {

constexpr std::string_view kVersionLine = "# selfcare folder listing v1";
constexpr std::string_view kConflictMark = ".sync-conflict-";

// Everything before the names: what the listing is of, and which state.
std::string head(const std::filesystem::path& folder, const FileStamp& s) {
    return fmt::format("{}\nfolder\t{}\nstamp\t{}\t{}\t{}\t{}\t{}\t{}\n", kVersionLine,
                       folder.string(), s.size, s.mtime_ns, s.ctime_ns, s.inode, s.device, s.mode);
}

// The message for a folder that cannot be listed; errno says why.
Error cannot_list(const std::filesystem::path& folder) {
    return Error(
        fmt::format("cannot read {}: {}", printable(folder.string()), std::strerror(errno)));
}

}  // namespace

bool parse_log_file_name(std::string_view name, YearMonth from, LogFile& out) {
    out.amendments = name.ends_with(".amend");
    const size_t suffix = out.amendments ? 6 : 4;
    if (name.size() < 9 + suffix || name[4] != '-' || name[7] != '.' ||
        !(out.amendments || name.ends_with(".log"))) {
        return false;
    }
    int y = 0, m = 0;
    for (size_t i : {0, 1, 2, 3}) {
        if (name[i] < '0' || name[i] > '9') return false;
        y = y * 10 + (name[i] - '0');
    }
    for (size_t i : {5, 6}) {
        if (name[i] < '0' || name[i] > '9') return false;
        m = m * 10 + (name[i] - '0');
    }
    if (y < 1 || m < 1 || m > 12) return false;
    out.month = std::chrono::year(y) / m;
    // Older months are passed over before the device name is checked.
    if (out.month < from) return false;
    std::string_view middle = name.substr(8, name.size() - 8 - suffix);
    const size_t mark = middle.find(kConflictMark);
    out.conflict_copy = mark != std::string_view::npos;
    // The rest of a conflict copy's name is Syncthing's; a newline there
    // would split a line of a listing (list_log_files).
    if (out.conflict_copy && middle.find('\n') != std::string_view::npos) return false;
    if (out.conflict_copy) middle = middle.substr(0, mark);
    if (!is_device_name(middle)) return false;
    out.device_size = static_cast<std::uint8_t>(middle.size());
    return true;
}

std::string list_log_files(const std::filesystem::path& folder) {
    std::string names;
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) {
        if (errno == ENOENT) return names;
        throw cannot_list(folder);
    }
    errno = 0;
    LogFile file;
    while (const dirent* entry = ::readdir(dir)) {
        if (parse_log_file_name(entry->d_name, kAllMonths, file)) {
            names += entry->d_name;
            names += '\n';
        }
    }
    const int saved = errno;
    ::closedir(dir);
    if (saved != 0) {
        errno = saved;
        throw cannot_list(folder);
    }
    return names;
}

std::optional<std::string> encode_listing(const std::filesystem::path& folder,
                                          const FileStamp& stamp, std::string_view names) {
    // A name is a line (log file names never hold a newline); the folder is
    // a field.
    if (folder.string().find_first_of("\t\n") != std::string::npos ||
        (!names.empty() && !names.ends_with('\n'))) {
        return std::nullopt;
    }
    std::string out = head(folder, stamp);
    out += names;
    seal(out);
    if (out.size() > kMaxListingBytes) return std::nullopt;
    return out;
}

std::optional<std::string_view> decode_listing(std::string_view text,
                                               const std::filesystem::path& folder,
                                               const FileStamp& stamp) {
    // The head first: a listing of the folder as it was is the usual miss,
    // and tells itself without a checksum of every name.
    const std::string expected = head(folder, stamp);
    if (!text.starts_with(expected)) return std::nullopt;
    const std::optional<std::string_view> body = checked_body(text, kMaxListingBytes);
    if (!body || body->size() < expected.size()) return std::nullopt;
    return body->substr(expected.size());
}

}  // namespace selfcare
