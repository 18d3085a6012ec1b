# Chongqing aerospace-information scenario catalogue. `make help` lists the targets.
# On a fresh machine with Python 3.11+, `make serve` and `make test` set up everything they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
OFFLINE_ZIP := dist/chongqing-aerospace-scenarios-offline.zip
export NO_MKDOCS_2_WARNING := 1
# Same input, same site: MkDocs dates the sitemap with the build date unless told otherwise; use
# the last commit's date (no git, e.g. a downloaded archive: the build date, as MkDocs does).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.DEFAULT_GOAL := help
.PHONY: help serve build offline check new schema test test-fast lint golden bench lighthouse clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

serve: $(VENV)/.runtime ## generate and serve both languages at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict -f mkdocs.yml --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.runtime ## generate and build both languages (strict) into site/ and site/zh/
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.yml
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.zh.yml

offline: $(VENV)/.runtime node_modules/.installed ## zip both languages into dist/ to read from file:// with no network, search included
	rm -rf dist/offline
	CATALOGUE_OFFLINE=true $(BIN)/mkdocs build --strict --quiet -f mkdocs.yml -d dist/offline
	CATALOGUE_OFFLINE=true $(BIN)/mkdocs build --strict --quiet -f mkdocs.zh.yml -d dist/offline/zh
	$(BIN)/python -m generator bundle dist/offline $(OFFLINE_ZIP)

# Browser-side tools from npm (pinned in package-lock.json): the offline search shim, axe-core.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

check: $(VENV)/.runtime ## validate the scenarios only: exit 0 valid, 1 problems, 2 usage error, 3 machine failure (disk, permissions)
	$(BIN)/python -m generator check

new: $(VENV)/.runtime ## start a scenario from the template: make new ID=bus-lane-watch DOMAIN=transport
	@test -n "$(ID)" -a -n "$(DOMAIN)" || { echo "usage: make new ID=<id> DOMAIN=<domain key>" >&2; exit 2; }
	$(BIN)/python -m generator new "$(ID)" --domain "$(DOMAIN)"

schema: $(VENV)/.runtime ## regenerate schema/*.schema.json from the model and vocabularies
	$(BIN)/python -m generator schema

lint: $(VENV)/.dev ## ruff (lint and format) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint node_modules/.installed ## every check: lint, types, unit tests, strict builds, browser tests
	$(BIN)/python -m pytest

test-fast: $(VENV)/.dev ## the unit and rule tests only (no site build, no browser, nothing slow): under a minute, for the edit-test loop
	$(BIN)/python -m pytest -q -m "not site and not browser and not slow" -n auto --maxprocesses 4  # 58 s on one core, 39 s on two

golden: $(VENV)/.dev ## regenerate the golden files of rendered pages (review the diff!)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_render.py

lighthouse: build bench/lighthouse/node_modules/.installed ## Lighthouse scores of home, catalogue, requirements explorer and a scenario page, both languages; writes bench/lighthouse.md
	$(BIN)/python -m bench.lighthouse

bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
	@touch $@

bench: $(VENV)/.dev ## time ours against stock MkDocs at 15, 150, 1500 scenarios (SIZES=15,150,1500,10000) and print the targets of issue 10 with verdicts; writes bench/results.md
	$(BIN)/python -m bench.run $(if $(SIZES),--sizes $(SIZES))

clean: ## remove built sites and the files written for Zensical (keeps .venv)
	git clean -fdXq docs
	rm -rf site dist
