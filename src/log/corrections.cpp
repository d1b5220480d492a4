#include "corrections.hpp"

#include <algorithm>
#include <sys/stat.h>

#include "session_log.hpp"

namespace selfcare {

std::vector<Session> find_sessions(LogReader& reader, std::string_view prefix) {
    std::vector<Session> found;
    std::vector<YearMonth> months = reader.months();
    std::ranges::reverse(months);
    for (const YearMonth m : months) {
        reader.read_month(m, [&](const SessionView& v) {
            if (found.size() < 2 && format_id(v.id).starts_with(prefix)) {
                found.push_back(to_session(v));
            }
        });
        if (found.size() >= 2) break;
    }
    return found;
}

std::optional<Session> last_session_of(LogReader& reader, std::string_view device) {
    struct Written {
        std::int64_t mtime_ns;
        YearMonth month;
    };
    std::vector<Written> files;
    for (const LogFile& f : reader.files()) {
        struct stat st {};
        if (f.amendments || f.conflict_copy || f.device() != device) continue;
        if (::stat(reader.path_of(f).c_str(), &st) != 0) continue;  // gone since the listing
        files.push_back(
            {static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
             f.month});
    }
    // Newest first; for equal times, the later month.
    std::ranges::sort(files, [](const Written& a, const Written& b) {
        return a.mtime_ns != b.mtime_ns ? a.mtime_ns > b.mtime_ns : a.month > b.month;
    });
    for (const Written& f : files) {
        std::optional<Session> last;
        reader.read_month(f.month, [&](const SessionView& v) {
            if (v.device == device) last = to_session(v);
        });
        if (last) return last;
    }
    return std::nullopt;
}

std::filesystem::path remove_session(const std::filesystem::path& folder, std::string_view device,
                                     const Session& s, WallTime now) {
    Amendment a;
    a.date = s.date;
    a.id = s.id;
    a.made = format_local_iso(to_local(now));
    a.kind = AmendKind::remove;
    return append_amendment(folder, device, a);
}

}  // namespace selfcare
