# backprop — see README.md. Every target that builds runs `deps` first, so on a
# fresh Debian machine with Swift, `make test` or `make experiment NAME=...` is
# the whole set-up.

SHELL := /bin/bash
APT_PACKAGES := gnuplot-nox libopenblas-dev zlib1g-dev dataset-fashion-mnist python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/backprop

.PHONY: deps build test format api docs plugin-example fuzz experiment sweep suite ci-sweep ci-suite browser-test plots bench clean

# Installs only what is missing; a quick no-op when everything is present.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  echo "+ $(SUDO) apt-get update && $(SUDO) apt-get install -y$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build -c release

# Optimized, as the tool runs; -enable-testing lets the tests see internals.
TEST := swift test -c release -Xswiftc -enable-testing
test: deps
	$(MAKE) --no-print-directory format
	$(TEST)
	@# The PyTorch trajectories again on OpenBLAS's slowest (SSE3) kernel: every kernel gives the same numbers.
	OPENBLAS_CORETYPE=Prescott $(TEST) --skip-build --filter "OptimizerTests|TrainerTests|GradientTests|WorkedExampleTests"
	$(MAKE) --no-print-directory api
	$(MAKE) --no-print-directory plugin-example

# The formatter configuration .swift-format (docs/contributing.md#formatting)
# on every Swift file, in under 2 s: swift format's rules, with its layout pass
# off (it would re-lay out most files); then no line of code longer than its
# lineLength (lines with a string literal and comment lines, which swift format
# cannot shorten, may be), no trailing whitespace, no tab in the indentation.
# make format UPDATE=1 first applies the rules' fixes in place.
FORMAT_PATHS := Package.swift Plugins Sources Tests examples/plugin/Package.swift examples/plugin/Sources examples/plugin/Tests
FORMAT_FLAGS := --parallel --recursive --debug-disable-pretty-print
format:
	$(if $(UPDATE),swift format format --in-place $(FORMAT_FLAGS) $(FORMAT_PATHS),)
	swift format lint --strict $(FORMAT_FLAGS) $(FORMAT_PATHS)
	@limit=$$(sed -n 's/^ *"lineLength" *: *\([0-9]*\).*/\1/p' .swift-format); test -n "$$limit" || { echo "make format: no lineLength in .swift-format"; exit 1; }; \
	  find $(FORMAT_PATHS) -name '*.swift' | sort | LC_ALL=C xargs awk -v limit=$$limit ' \
	    length($$0) > limit && !/"/ && !/^ *\/\// { print FILENAME ":" FNR ": " length($$0) " bytes, longer than the lineLength " limit " of .swift-format"; bad = 1 } \
	    /[ \t]$$/ { print FILENAME ":" FNR ": trailing whitespace"; bad = 1 } \
	    /^ *\t/ { print FILENAME ":" FNR ": a tab in the indentation"; bad = 1 } \
	    END { exit bad }' || { echo "make format: see above (docs/contributing.md#formatting)"; exit 1; }

# The public API, what a plugin may rely on (docs/extending.md), against its
# committed list in api/: a change to it is deliberate and shows in review.
# After one: make api UPDATE=1, and commit api/. A debug build of its own
# (about a minute in a fresh clone), so the release build of `make test` stays.
api: deps
	@# It also tries the test modules, cannot load them and exits 1: what counts is that the libraries' graphs are written anew.
	@mkdir -p .build; rm -rf .build/*/symbolgraph; swift package dump-symbol-graph --minimum-access-level public > .build/api.log 2>&1; \
	  graphs=$$(ls -d .build/*/symbolgraph 2>/dev/null | head -1); \
	  test -f "$$graphs/Backprop.symbols.json" -a -f "$$graphs/BackpropCommandLine.symbols.json" \
	  || { cat .build/api.log; echo "make api: no symbol graphs of the Backprop modules and BackpropCommandLine (see above)"; exit 1; }; \
	  echo "+ python3 scripts/public_api.py $$graphs api $(if $(UPDATE),--update,)"; \
	  python3 scripts/public_api.py $$graphs api $(if $(UPDATE),--update,)

# docs/components.md is what `backprop list --markdown` prints from the
# registries; `make test` fails when it is out of date (ComponentsPageTests).
# After adding or changing a component: make docs, and commit docs/. Built with
# the flags `make test` uses, so it shares that build.
docs: deps
	swift build -c release -Xswiftc -enable-testing --product backprop
	$(BIN) list --markdown > docs/components.md.new && mv docs/components.md.new docs/components.md

# The plugin example is a package of its own (examples/plugin, backprop by
# path): its tests, then its binary as docs/extending.md uses it, so the
# example cannot rot. A debug build (about a minute in a fresh clone).
PLUGIN := examples/plugin
plugin-example: deps
	@mkdir -p $(PLUGIN)/.build; set -o pipefail; swift test --package-path $(PLUGIN) 2>&1 | tee $(PLUGIN)/.build/test.log
	@grep -Eq "Test run with [1-9][0-9]* tests? .*passed" $(PLUGIN)/.build/test.log && ! grep -q " skipped" $(PLUGIN)/.build/test.log \
	  || { echo "make test: the plugin example's tests did not run (see $(PLUGIN)/.build/test.log)"; exit 1; }
	swift build --package-path $(PLUGIN) --product backprop-plugin
	cd $(PLUGIN) && .build/debug/backprop-plugin list optimizers | grep "^  lion — "
	cd $(PLUGIN) && .build/debug/backprop-plugin run experiments/lion-vs-adam.yaml --plots .build/plots
	@grep -q "^| Lion | " $(PLUGIN)/.build/plots/lion-vs-adam/report.md && grep -q "^| Adam | " $(PLUGIN)/.build/plots/lion-vs-adam/report.md \
	  || { echo "make test: the plugin example's report does not show Lion beside Adam"; exit 1; }

# The fuzz test of `make test` (1000 mutated inputs per reader), run longer:
# make fuzz [FUZZ_ITERATIONS=50000] [FUZZ_SEED=7]. It prints executions and findings.
FUZZ_ITERATIONS ?= 50000
FUZZ_SEED ?= 1
fuzz: deps
	set -o pipefail; FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) FUZZ_SEED=$(FUZZ_SEED) $(TEST) --filter FuzzTests 2>&1 | grep -Ev "^(◇|↳)"

# make experiment NAME=xor-optimizers  ->  plots/xor-optimizers/report.md
experiment: build
	@test -n "$(NAME)" || { echo "usage: make experiment NAME=<one of: $$(ls experiments | sed 's/\.yaml$$//' | tr '\n' ' ')>"; exit 2; }
	@test -f experiments/$(NAME).yaml || { echo "no experiments/$(NAME).yaml; shipped: $$(ls experiments | sed 's/\.yaml$$//' | tr '\n' ' ')"; exit 2; }
	$(BIN) run experiments/$(NAME).yaml

# make sweep NAME=learning-rates [SHARD=2/4]
sweep: build
	@test -n "$(NAME)" || { echo "usage: make sweep NAME=<experiment with a sweep: section> [SHARD=K/N]"; exit 2; }
	$(BIN) sweep experiments/$(NAME).yaml $(if $(SHARD),--shard $(SHARD),)

# make suite NAME=small [SHARD=K/N]  ->  plots/suites/small/report.md
suite: build
	@test -n "$(NAME)" || { echo "usage: make suite NAME=<one of: $$(ls experiments/suites | sed 's/\.yaml$$//' | tr '\n' ' ')> [SHARD=K/N]"; exit 2; }
	@test -f experiments/suites/$(NAME).yaml || { echo "no experiments/suites/$(NAME).yaml; shipped: $$(ls experiments/suites | sed 's/\.yaml$$//' | tr '\n' ' ')"; exit 2; }
	$(BIN) suite experiments/suites/$(NAME).yaml $(if $(SHARD),--shard $(SHARD),)

# The CI gate: a small shipped sweep, trained afresh, must converge as its
# committed baseline does (epochs to target, held-out error; never seconds).
# After a deliberate change: make ci-sweep UPDATE=1, and commit the baseline.
# Built with the flags `make test` uses, so it shares that build (in a fresh clone
# SwiftPM still redoes part of it: about a minute).
CI_SWEEP := learning-rate-sensitivity
ci-sweep: deps
	swift build -c release -Xswiftc -enable-testing --product backprop
	$(BIN) sweep experiments/$(CI_SWEEP).yaml --force --plots .build/ci-sweep
	$(BIN) check .build/ci-sweep/$(CI_SWEEP) --baseline experiments/baselines/$(CI_SWEEP).json $(if $(UPDATE),--update,)

# The suite's CI gate: the tiny suite (about 2 s of training) run afresh; each
# problem's reruns must converge as their committed baselines do.
# After a deliberate change: make ci-suite UPDATE=1, and commit the baselines.
CI_SUITE := tiny
ci-suite: deps
	swift build -c release -Xswiftc -enable-testing --product backprop
	$(BIN) suite experiments/suites/$(CI_SUITE).yaml --force --plots .build/ci-suite
	@mkdir -p experiments/baselines/suites/$(CI_SUITE)
	@for folder in .build/ci-suite/suites/$(CI_SUITE)/*/rerun; do \
	  problem=$$(basename $$(dirname $$folder)); \
	  echo "+ $(BIN) check $$folder --baseline experiments/baselines/suites/$(CI_SUITE)/$$problem.json $(if $(UPDATE),--update,)"; \
	  $(BIN) check $$folder --baseline experiments/baselines/suites/$(CI_SUITE)/$$problem.json $(if $(UPDATE),--update,) || exit 1; \
	done

# report.html of every shipped experiment, drawn again from its committed
# results and opened in headless Chromium (apt-get install chromium): no
# script error, every curve drawn, hiding a run and sorting a table work.
# SCREENSHOT=FILE saves the xor-optimizers page as README shows it.
browser-test: deps
	swift build -c release -Xswiftc -enable-testing --product backprop
	python3 scripts/browser_test.py --binary $(BIN) $(if $(SCREENSHOT),--screenshot $(SCREENSHOT),)

# Re-runs every shipped experiment (their charts are committed under plots/).
plots: build
	@for file in experiments/*.yaml; do echo "== $$file"; $(BIN) run $$file || exit $$?; done

# Speed against PyTorch, JAX and scikit-learn, measured in one run -> BENCHMARKS.md
# (about 5 minutes; ROUNDS=N to change the 5 rounds). Uses .venv, made if missing.
bench: build
	@.venv/bin/python -c 'import torch, jax, optax, sklearn, numpy, threadpoolctl' 2>/dev/null || { \
	  test -x .venv/bin/python || python3 -m venv .venv; \
	  echo "+ .venv/bin/pip install -q torch jax optax scikit-learn numpy threadpoolctl"; \
	  .venv/bin/pip install -q torch jax optax scikit-learn numpy threadpoolctl; }
	@test -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz || { \
	  echo "make bench trains on Fashion-MNIST: install it with make deps (Debian package dataset-fashion-mnist)"; exit 2; }
	BENCH_COMMAND="make bench$(if $(QUICK), QUICK=1,)$(if $(ROUNDS), ROUNDS=$(ROUNDS),)" .venv/bin/python bench/run.py \
	  --binary $(BIN) $(if $(QUICK),--quick,) $(if $(ROUNDS),--rounds $(ROUNDS),)

clean:
	rm -rf .build $(PLUGIN)/.build
