# Routewijzer: every target sets up what it needs on a fresh machine.
# `make help` lists the targets.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# Compiled Python goes to .cache/pycache, not beside the sources: the tree stays clean and no
# command compiles the generator's modules again on every run.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache

.DEFAULT_GOAL := help

# List the targets with their descriptions.
.PHONY: help
help:
	@awk 'BEGIN{FS=":"} /^# /{d=substr($$0,3)} /^\.PHONY: /{sub(/^\.PHONY: /,""); printf "  make %-10s %s\n", $$0, d}' $(MAKEFILE_LIST)

$(STAMP): requirements.lock pyproject.toml editor.lock.json
	@command -v $(PYTHON) >/dev/null || scripts/system-packages.sh $(PYTHON):python3
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  echo "python3-venv ontbreekt / is missing"; \
	  scripts/system-packages.sh --always python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	$(PY) -m generator.output.editor_bundle
	@touch $@

# Create .venv, install the locked Python packages and fetch the editor's pinned JavaScript (editor.lock.json).
.PHONY: install
install: $(STAMP)

# Build the site and serve it on http://127.0.0.1:8000 with live reload (data/ included).
.PHONY: serve
serve: $(STAMP)
	$(PY) -m generator serve -a $(HOST):$(PORT)

# Build the site into site/ (strict; a failed build leaves the previous site/ untouched).
.PHONY: build
build: $(STAMP)
	$(PY) -m generator build

# The whole site as files that open from disk (file://, search included): routewijzer-offline/ and routewijzer-offline.zip.
.PHONY: offline
offline: $(STAMP)
	$(PY) -m generator offline

# The editors' fast loop: validate data, strict build, internal links and anchors. Prints only problems.
.PHONY: check
check: $(STAMP)
	@$(PY) -m generator check

# Run every test; installs Chromium and Node.js when missing, and a test whose tool is missing fails instead of skipping.
.PHONY: test
test: $(STAMP) test-deps
	ROUTEWIJZER_REQUIRE_TOOLS=1 $(PY) -m pytest -n 2 -q

# Static checks of the code (ruff, mypy); changes nothing.
.PHONY: lint
lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests
	$(VENV)/bin/mypy generator

# Reformat the code and apply safe ruff fixes.
.PHONY: format
format: $(STAMP)
	$(VENV)/bin/ruff check --fix generator tests
	$(VENV)/bin/ruff format generator tests

# Benchmarks: make check after an edit, save-to-browser under make serve, build overhead over plain MkDocs at 2,000 and 10,000 records (each against a no-cache baseline); link check against LinkChecker; Lighthouse. Figures only, never fails on time.
.PHONY: bench
bench: $(STAMP) test-deps node_modules/.installed
	$(PY) tests/bench/bench_build.py
	$(PY) tests/bench/bench_links.py
	$(PY) tests/bench/bench_lighthouse.py

# Search benchmark: types every query of tests/search/queries.yaml into the built site's search box (Chromium) and compares Pagefind. Figures only.
.PHONY: bench-search
bench-search: build
	$(PY) tests/search/bench_search.py --compare-pagefind

# Regenerate the JSON Schemas in schemas/ from the models.
.PHONY: schemas
schemas: $(STAMP)
	$(PY) -m generator schemas

# Re-resolve requirements.lock from pyproject.toml (needs the package registry).
.PHONY: lock
lock: $(STAMP)
	$(PY) -m pip install -q pip-tools
	$(VENV)/bin/pip-compile -q --extra dev --generate-hashes --strip-extras -o requirements.lock pyproject.toml

# Remove the built site and caches (keeps .venv).
.PHONY: clean
clean:
	rm -rf site .site.* routewijzer-offline routewijzer-offline.zip .routewijzer-offline.* .pytest_cache .ruff_cache .mypy_cache .cache/routewijzer

# External links in data/ and docs/: rate-limited per site, cached, reported in reports/linkcheck.{md,json}.
.PHONY: linkcheck
linkcheck: $(STAMP)
	@$(PY) -m generator linkcheck

# Each law record against the official Basis Wettenbestand (SRU): fails when a law has a version newer than its record's review; report in reports/lawcheck.{md,json}.
.PHONY: lawcheck
lawcheck: $(STAMP)
	@$(PY) -m generator lawcheck

# Debian's Chromium and Node.js (the search tests run the search code in Node); installs only what is missing, with sudo when not root.
.PHONY: test-deps
test-deps:
	@scripts/system-packages.sh node:nodejs $(if $(ROUTEWIJZER_CHROMIUM),,chromium:chromium)

# Lighthouse for make bench (package.json, package-lock.json), with Debian's npm when missing.
node_modules/.installed: package.json package-lock.json
	@scripts/system-packages.sh npm:npm
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Readability (Flesch-Douma) of the built site: pages for parents and young people must reach B1; report in reports/readability.md.
.PHONY: readability
readability: build
	@$(PY) -m generator.checks.readability --quiet site
