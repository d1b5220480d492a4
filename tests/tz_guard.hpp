#pragma once
// Pins the process time zone for the length of a scope, so that tests about
// dates give the same answer on every machine, and puts the old one back.

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace selfcare::test {

class TzGuard {
  public:
    explicit TzGuard(const char* zone) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~TzGuard() {
        if (old_) {
            setenv("TZ", old_->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    TzGuard(const TzGuard&) = delete;
    TzGuard& operator=(const TzGuard&) = delete;

  private:
    std::optional<std::string> old_;
};

}  // namespace selfcare::test
