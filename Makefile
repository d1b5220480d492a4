# A thin wrapper over CMake. `make run`, `make test`, `make fuzz` and
# `make lint` install any missing packages first (see .ci/install-deps).
# docs/hardening.md says what the test, fuzz and lint targets check.

BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
LINT_BUILD ?= build-lint
LINT_ANALYZER ?= 1
LINT_PARTS ?= tidy format
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ifneq ($(CI),)
CMAKE_FLAGS += -DSELFCARE_WERROR=ON
endif
# How long each fuzzer runs: about a minute in `make test`, ten in `make fuzz`.
TEST_FUZZ_SECONDS ?= 60
FUZZ_SECONDS ?= 600

.PHONY: all build run test test-asan test-sanitize sanitize-build fuzz fuzz-run lint deps test-deps clean format package

all: build

build:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@./.ci/install-deps build

test-deps:
	@./.ci/install-deps test

# Only the program: the tests and the benchmarks are built by `make test`.
run: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS) --target selfcare
	./$(BUILD)/selfcare run neck-release

# A Debian package of everything `cmake --install` installs, under /usr
# (cmake/package.cmake): $(BUILD)/selfcare_VERSION_ARCH.deb.
package:
	@./.ci/install-deps package
	@$(MAKE) --no-print-directory build
	cd $(BUILD) && cpack -G DEB

# The suite as built (g++), then again in the sanitizer build (clang, ASan and
# UBSan), and each fuzzer for a minute; .ci/test overlaps the stages.
test: test-deps
	@BUILD=$(BUILD) FUZZ_BUILD=$(FUZZ_BUILD) JOBS=$(JOBS) FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) \
		MAKE="$(MAKE)" ./.ci/test

# One clang build serves the second run of the suite and the fuzzers: every
# file is compiled once with AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer's coverage (which a test binary carries harmlessly), and fmt and
# toml++ are compiled in and instrumented. It also proves that src/ and
# tests/ compile with clang.
sanitize-build:
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DCMAKE_CXX_COMPILER=clang++ -DSELFCARE_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

test-sanitize: sanitize-build
	ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) -LE fuzz

# The fuzzers, $(JOBS) at a time (each takes one core).
fuzz-run: sanitize-build
	rm -f $(FUZZ_BUILD)/tests/fuzz/*.summary
	FUZZ_SECONDS=$(FUZZ_SECONDS) ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) -L fuzz
	@cat $(FUZZ_BUILD)/tests/fuzz/*.summary

# The suite under g++'s ASan and UBSan, for a second opinion; `make test`
# uses the clang build above instead, which the fuzzers need anyway.
test-asan:
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DSELFCARE_SANITIZE=ON -DSELFCARE_EMBED_LIBS=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

fuzz: test-deps
	@$(MAKE) --no-print-directory fuzz-run

# Lint reads a configuration of its own, with fmt and toml++ as shared
# libraries (see CMakeLists.txt); it needs no compiling.
lint: test-deps
	cmake -S . -B $(LINT_BUILD) $(CMAKE_FLAGS) -DSELFCARE_EMBED_LIBS=OFF >/dev/null
	BUILD=$(LINT_BUILD) JOBS=$(JOBS) LINT_ANALYZER=$(LINT_ANALYZER) LINT_PARTS="$(LINT_PARTS)" ./.ci/lint

format:
	clang-format -i src/*/*.cpp src/*/*.hpp tests/*.cpp tests/*.hpp tests/*/*.cpp tests/*/*.hpp

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(LINT_BUILD)
