#include "support.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include "routine_loader.hpp"

extern char** environ;

namespace selfcare::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "selfcare-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    // Tests make read-only files and folders; give them back before removing.
    for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, std::string_view text) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

fs::path source_dir() {
    return SELFCARE_SOURCE_DIR;
}

Schedule schedule_of(std::string_view toml) {
    RoutineParse p = parse_routine(toml, "test.toml", "test");
    REQUIRE(p.problems.empty());
    Expansion e = expand(p.routine);
    REQUIRE(e.problem.empty());
    return std::move(e.schedule);
}

Schedule plan_of(const Catalog& catalog, std::string_view name) {
    Plan plan = catalog.plan(name);
    if (!plan.problems.empty()) FAIL_CHECK(plan.problems.front().message);
    REQUIRE(plan.problems.empty());
    return std::move(plan.schedule);
}

const Schedule& two_sides() {
    static const Schedule s = schedule_of(
        "title = \"Neck\"\n[[step]]\ntitle = \"Stretch\"\nsides = [\"left\", \"right\"]\n"
        "duration = \"30s\"\nbetween = \"5s\"\n");
    return s;
}

const Schedule& two_breaths() {
    static const Schedule s = schedule_of(
        "title = \"B\"\n[[step]]\ntitle = \"426\"\nbreathe = [\"inhale 4s\", \"hold 2s\", "
        "\"exhale 6s\"]\ncycles = 2\n");
    return s;
}

namespace {

// Drains the child's stdout and stderr together, feeding stdin as it goes,
// so that no pipe fills up and blocks either side.
void pump(int in_fd, std::string_view input, int out_fd, int err_fd, Result& r) {
    pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}};
    if (input.empty()) {
        close(in_fd);
        fds[2].fd = -1;
    }
    std::string* sinks[2] = {&r.out, &r.err};
    int open_outputs = 2;
    while (open_outputs > 0) {
        if (poll(fds, 3, -1) < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("poll failed");
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            char buf[4096];
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_outputs;
            }
        }
        if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t n = write(in_fd, input.data(), input.size());
            if (n > 0) input.remove_prefix(static_cast<size_t>(n));
            if (n <= 0 || input.empty()) {
                close(in_fd);
                fds[2].fd = -1;
            }
        }
    }
    if (fds[2].fd >= 0) close(in_fd);
}

}  // namespace

Result run_selfcare(const TempDir& home, const std::vector<std::string>& args,
                    std::string_view input, const std::map<std::string, std::string>& env) {
    std::vector<std::string> argv{SELFCARE_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(home, argv, input, env);
}

Result run_program(const TempDir& home, const std::vector<std::string>& argv_strings,
                   std::string_view input, const std::map<std::string, std::string>& env) {
    // A child that exits before reading all its input must not kill the tests.
    static const bool sigpipe_ignored = std::signal(SIGPIPE, SIG_IGN) != SIG_ERR;
    (void)sigpipe_ignored;
    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
        const std::string_view kv(*e);
        const size_t eq = kv.find('=');
        if (eq != std::string_view::npos) vars[std::string(kv.substr(0, eq))] = kv.substr(eq + 1);
    }
    vars["HOME"] = home.path().string();
    vars["XDG_CONFIG_HOME"] = (home / "config").string();
    vars["XDG_DATA_HOME"] = (home / "data").string();
    vars["XDG_STATE_HOME"] = (home / "state").string();
    vars["XDG_CACHE_HOME"] = (home / "cache").string();
    for (const auto& [k, v] : env)
        vars[k] = v;
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : vars)
        env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (std::string& s : env_strings)
        envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_copy = argv_strings;
    std::vector<char*> argv;
    for (std::string& s : argv_copy)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
        throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (rc != 0) throw std::runtime_error("cannot start " + argv_strings[0]);

    Result r;
    pump(in[1], input, out[0], err[0], r);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    // In the sanitizer build a report from the child fails the test, even
    // when the exit status happens to be the one the test expects.
    if (r.err.find("Sanitizer:") != std::string::npos) {
        throw std::runtime_error("sanitizer report from " + argv_strings[0] + ":\n" + r.err);
    }
    return r;
}

}  // namespace selfcare::test
