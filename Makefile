# A thin wrapper over CMake. `make run` and `make test` install any missing
# packages first (see .ci/install-deps).

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ifneq ($(CI),)
CMAKE_FLAGS += -DSELFCARE_WERROR=ON
endif

.PHONY: all build run test deps test-deps clean format

all: build

build:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@./.ci/install-deps build

test-deps:
	@./.ci/install-deps test

run: deps
	@$(MAKE) --no-print-directory build
	./$(BUILD)/selfcare run neck-release

test: test-deps
	@$(MAKE) --no-print-directory build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

format:
	clang-format -i src/*.cpp src/*.hpp tests/*.cpp tests/*.hpp

clean:
	rm -rf $(BUILD)
