# Logframe: `make demo` and `make test` are all a new user needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
CHROMIUM := /usr/bin/chromium
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432
BENCH_QUICK_SIZES ?= 200
LOAD_SECONDS ?= 60

.PHONY: demo test test-sqlite test-pg test-browser lint typecheck check bench bench-quick load browser clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

## demo: fresh SQLite database with the G11-23 example, reports in var/reports/, web UI on :8000
demo: $(STAMP)
	$(BIN)/logframe demo

# The suite's two workers share its tests by work stealing: a worker with nothing left takes
# tests queued for the other (a few tests take a minute; a split fixed up front leaves one
# worker idle at the end). Bytecode is written (in __pycache__/, ignored by git) even when the
# environment says PYTHONDONTWRITEBYTECODE: otherwise pytest rewrites and compiles every test
# module's asserts again in each worker of each pass (docs/testing.md).
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -q -n auto --dist worksteal

## test: the whole suite on SQLite (browser tests included)
test: $(STAMP) browser
	$(PYTEST)

## test-pg: on PostgreSQL ($(PG_URL)), every test that touches the database (the pure ones
## run in the SQLite pass: they cannot answer differently)
test-pg: $(STAMP) browser
	DATABASE_URL=$(PG_URL) LOGFRAME_DATABASE_TESTS_ONLY=1 $(PYTEST)

## browser: Debian's Chromium for the browser tests (Playwright cannot download its own here),
## and poppler's pdftotext/pdftoppm with which the document tests read and render PDFs
browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v pdftoppm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Missing Debian packages: sudo apt-get install chromium poppler-utils"; exit 1; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src/logframe

check: lint typecheck test

## bench: timings of the main paths, printed as a table; then the fund at 200, 2,000 and
## 10,000 projects on SQLite and PostgreSQL ($(BENCH_PG_URL)), written to bench/results.md
bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/iati.py
	BENCH_PG_URL=$(BENCH_PG_URL) $(BIN)/python bench/scale.py --markdown bench/results.md

## bench-quick: the fund at 200 projects (BENCH_QUICK_SIZES), both databases, every step
## once in one process per database and size; under a minute from a fresh clone (the funds
## generated and cached under var/bench/ and in PostgreSQL), ≈5 s of CPU once cached.
## With the funds cached: make bench-quick BENCH_QUICK_SIZES=200,2000
bench-quick: $(STAMP)
	BENCH_PG_URL=$(BENCH_PG_URL) $(BIN)/python bench/scale.py --quick --sizes $(BENCH_QUICK_SIZES)

## load: gunicorn (2 workers) on the 2,000-project fund in PostgreSQL database logframe_load,
## driven by wrk with 32 connections for LOAD_SECONDS; every acknowledged write checked
load: $(STAMP)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "Missing: sudo apt-get install wrk"; exit 1; }
	BENCH_PG_URL=$(BENCH_PG_URL) LOAD_SECONDS=$(LOAD_SECONDS) $(BIN)/python bench/load.py --markdown bench/results.md

.PHONY: fuzz security-full faults
## fuzz: every importer under hypothesis, 400 mutated files each (CI runs 12 each)
fuzz: $(STAMP)
	LOGFRAME_FUZZ_EXAMPLES=$${LOGFRAME_FUZZ_EXAMPLES:-400} LOGFRAME_FUZZ_RANDOM=1 \
	  $(BIN)/pytest -q -p no:randomly -s tests/fuzz

## security-full: the URL permission matrix with every role on every page (CI: the denials)
security-full: $(STAMP)
	LOGFRAME_SECURITY_FULL=1 $(BIN)/pytest -q -p no:randomly tests/security

## faults: PostgreSQL stopped under writes, a full disk, a killed import (docs/security.md)
faults: $(STAMP)
	$(BIN)/python faults/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
