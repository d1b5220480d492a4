#include "folder_listing.hpp"

#include <fmt/core.h>

#include "month_summary.hpp"

namespace selfcare {
namespace {

constexpr std::string_view kVersionLine = "# selfcare folder listing v1";

// Everything before the names: what the listing is of, and which state.
std::string head(const std::filesystem::path& folder, const FileStamp& s) {
    return fmt::format("{}\nfolder\t{}\nstamp\t{}\t{}\t{}\t{}\t{}\t{}\n", kVersionLine,
                       folder.string(), s.size, s.mtime_ns, s.ctime_ns, s.inode, s.device, s.mode);
}

}  // namespace

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
