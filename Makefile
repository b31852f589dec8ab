# The README's two commands: `make demo` and `make test`. Each bootstraps .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.cnstumor-installed
# The benchmarks also need the bench extra (torch CPU, torchio, dcm-classifier): their own stamp.
BENCH_STAMP := $(VENV)/.cnstumor-bench-installed
LIBS := CNSTumorQC/CNSTumorQCLib CNSTumorAnnotation/CNSTumorAnnotationLib
DEMO_OUT ?= demo-output
PYTEST_ARGS ?=
# Debian's Chromium, for the tests that open the HTML reports in a browser (Playwright drives it)
BROWSER := /usr/bin/chromium

.PHONY: demo test test-fast lint typecheck unit bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,web]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cnstumor demo --out $(DEMO_OUT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy $(LIBS)

$(BROWSER):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	else \
		echo "$(BROWSER) is missing; the browser tests need it: sudo apt-get install -y chromium fonts-wqy-microhei" >&2; \
		exit 1; \
	fi

# --durations=10: the output (CI's too) names the ten slowest tests.
unit: $(STAMP) $(BROWSER)
	$(BIN)/python -m pytest --durations=10 $(PYTEST_ARGS)

test: lint typecheck unit

# The quick loop while editing: every test not marked slow, under a minute on a quiet 2-core
# machine (about 40 s of CPU). A test is marked slow when it costs more than about 0.25 s of CPU
# with its share of the module and session fixtures it needs (a project's argon2 password hashes,
# a subprocess, an export, real registration, Chromium); `make test` still runs every test.
# Mark a test slow when --durations=10 here names it well above that.
test-fast: $(STAMP) $(BROWSER)
	$(BIN)/python -m pytest -m "not slow" --durations=10 $(PYTEST_ARGS)

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
