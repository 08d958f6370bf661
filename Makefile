# Two commands set everything up on a fresh clone (see README.md):
#   make serve  - build both languages and serve them on http://127.0.0.1:8000/
#   make test   - every check and test (lint, build --strict, unit, site and browser tests)
#   make bench  - the benchmark: build time against stock Material + i18n (scripts/bench_build.py),
#                 first-visit bytes, search time, axe-core, Lighthouse (scripts/bench.py)
#   make test-properdocs - every test again, the site built by ProperDocs instead of MkDocs
#   make bench-search - the search designs compared on tests/search_queries.yml (scripts/search_designs.py)
# A maintainer's jobs, each run inside the project's environment (CONTRIBUTING.md has the recipes):
#   make page NAME=… KIND=source|editorial|generated ZH_TITLE=… EN_TITLE=… ZH_DESCRIPTION=… EN_DESCRIPTION=…
#             [ID_PREFIX=…] [AFTER=…] [DOCUMENT=…]     - a new page pair and its navigation entry
#             (a source page's titles, left out, are its document's)
#   make correction PARAGRAPH=… WHAT_ZH=… WHAT_EN=… [VERSION=…] [DATE=…] - log a change to a published paragraph
#   make release [VERSION=…] [DATE=…]                 - record the text as a release (edition.yml, releases.json)
#   make sentences                                    - propose the sentence alignment of new or changed paragraphs (alignment.yml)
#   make document ID=…                                - describe a new source document (docs/data/documents/)
# Each bootstraps its own virtual environment (.venv) from the pinned requirements files, installed
# by uv (pinned in requirements-uv.txt).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1
# Python writes its bytecode cache (__pycache__/, ignored by git) for the edition's own modules and
# the tests even where the environment sets PYTHONDONTWRITEBYTECODE: without it every build, test
# process and maintainer's command compiles them from source again (0.1 s of each build, 2 s of each
# test process's collection: `make bench`). The dependencies are compiled at install (uv --compile-bytecode).
unexport PYTHONDONTWRITEBYTECODE

NPM ?= npm

.PHONY: serve build test test-properdocs lint github-lint bench bench-search clean page correction release sentences document

# uv (requirements-uv.txt) installs the pinned requirements: one resolution per set, wheels fetched
# and unpacked in parallel, bytecode compiled as pip does. pip only installs uv itself.
UV_INSTALL_INTO = $(1)/bin/uv pip install --quiet --compile-bytecode --python $(1)/bin/python
UV_INSTALL = $(call UV_INSTALL_INTO,$(VENV))
PIP_FLAGS = --quiet --disable-pip-version-check
INSTALL_UV = $(PYTHON) -m pip --python $(1)/bin/python install $(PIP_FLAGS) -r requirements-uv.txt 2>$(1)/uv-pip.log || \
	{ $(1)/bin/python -m ensurepip --default-pip >/dev/null && $(1)/bin/python -m pip install $(PIP_FLAGS) -r requirements-uv.txt; } || \
	{ cat $(1)/uv-pip.log; exit 1; }

# The virtual environment is made without pip (pip's own install, ensurepip, took about 5 s of the
# 16): $(PYTHON)'s pip installs uv into it (pip's --python option). Where $(PYTHON) has no pip
# (or one older than 22.3), the environment gets its own pip first, as before.
$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

$(VENV)/.uv: requirements-uv.txt | $(BIN)/python
	$(call INSTALL_UV,$(VENV))
	touch $@

# Stamp files: reinstall only when a requirements file changes. Each target installs its whole set in
# one call (one resolution) and touches the stamps of the smaller sets it holds.
# The edition's plugin (scripts/edition/, pyproject.toml) is installed editable in the same call (it
# declares no dependencies): a change to its code needs no reinstall; a change to pyproject.toml
# (its entry point) reinstalls it.
$(VENV)/.site-deps: requirements.txt pyproject.toml $(VENV)/.uv
	$(UV_INSTALL) -r requirements.txt --editable .
	touch $@

# The PDFs' tools (WeasyPrint): `make build` and the tests, not `make serve`.
$(VENV)/.pdf-deps: requirements-pdf.txt requirements.txt pyproject.toml $(VENV)/.uv
	$(UV_INSTALL) -r requirements-pdf.txt --editable .
	touch $@ $(VENV)/.site-deps

$(VENV)/.dev-deps: requirements-dev.txt requirements-pdf.txt requirements.txt pyproject.toml $(VENV)/.uv
	$(UV_INSTALL) -r requirements-dev.txt --editable .
	touch $@ $(VENV)/.pdf-deps $(VENV)/.site-deps

# The search-design comparison's own tools (Pagefind, jieba): requirements-bench.txt.
$(VENV)/.bench-deps: requirements-bench.txt $(VENV)/.dev-deps
	$(UV_INSTALL) -r requirements-bench.txt --editable .
	touch $@ $(VENV)/.dev-deps

# Browser tooling pinned in package-lock.json: axe-core for the tests, Lighthouse (a dev dependency,
# large) only for the benchmark, lunr (a dev dependency) only for `make bench-search`. `npm ci`
# empties node_modules first, so each stamp is exact.
node_modules/.test-tools: package.json package-lock.json
	$(NPM) ci --omit=dev --no-audit --no-fund
	touch $@

node_modules/.bench-tools: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund
	touch $@ node_modules/.test-tools

# edition.checks.trust reads mkdocs.yml before MkDocs does (serve, build, and the tests' builds): MkDocs's
# YAML loader runs python tags as it reads the file, before any plugin could refuse it.
TRUST = $(BIN)/python -m edition.checks.trust mkdocs.yml

serve: $(VENV)/.site-deps
	$(TRUST)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# A maintainer's jobs. Variables given on make's command line reach the recipe's environment, so
# the scripts receive them as "$$NAME" (quotes and Chinese pass unharmed); empty ones are left out.
page: $(VENV)/.site-deps
	$(BIN)/python scripts/new_page.py "$$NAME" --kind "$${KIND:-source}" --zh-title "$$ZH_TITLE" --en-title "$$EN_TITLE" \
		--zh-description "$$ZH_DESCRIPTION" --en-description "$$EN_DESCRIPTION" \
		$${ID_PREFIX:+--id-prefix "$$ID_PREFIX"} $${AFTER:+--after "$$AFTER"} $${DOCUMENT:+--document "$$DOCUMENT"}

correction: $(VENV)/.site-deps
	$(BIN)/python scripts/log_correction.py "$$PARAGRAPH" --what-zh "$$WHAT_ZH" --what-en "$$WHAT_EN" \
		$${VERSION:+--version "$$VERSION"} $${DATE:+--date "$$DATE"}

release: $(VENV)/.site-deps
	$(BIN)/python scripts/record_release.py $${VERSION:+"$$VERSION"} $${DATE:+--date "$$DATE"}

sentences: $(VENV)/.site-deps
	$(BIN)/python scripts/align_sentences.py

document: $(VENV)/.site-deps
	$(BIN)/python scripts/new_document.py "$$ID"

# Built into a fresh folder and moved into place only when the build passes: a refused build
# leaves no $(SITE_DIR) at all (the last good one is removed too), so nothing refused is published.
# The PDFs (scripts/build_pdfs.py, WeasyPrint) are made after the site, into $(SITE_DIR)/pdf/.
build: $(VENV)/.pdf-deps
	rm -rf $(SITE_DIR).new
	if $(TRUST) && $(BIN)/mkdocs build --strict --site-dir $(SITE_DIR).new && \
		$(BIN)/python scripts/build_pdfs.py --out $(SITE_DIR).new/pdf; then \
		rm -rf $(SITE_DIR) && mv $(SITE_DIR).new $(SITE_DIR); \
	else \
		rm -rf $(SITE_DIR) $(SITE_DIR).new; exit 1; \
	fi

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

# The GitHub configuration a pull request could weaken: zizmor's audit (offline, "pedantic" persona,
# stricter than its default "regular"; any finding fails) and GitHub's own schemas.
github-lint: $(VENV)/.dev-deps
	$(BIN)/zizmor --offline --no-progress --persona pedantic .github
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml

# The GitHub configuration's audit and schemas (github-lint) run inside pytest, in
# tests/test_github_config.py, with the tests that prove the audit refuses weakened copies.
# npm ci (axe-core) runs while uv installs the environment (a second make, two jobs).
test:
	$(MAKE) --no-print-directory -j2 lint node_modules/.test-tools
	$(TRUST)
	$(BIN)/python -m pytest

# The exit path, tested: every test again, the site built by ProperDocs (the maintained continuation
# of MkDocs 1.6) instead of MkDocs, in a virtual environment of its own. CI runs it as a second job.
PD_VENV := .venv-properdocs
$(PD_VENV)/.deps: requirements-properdocs.txt requirements-dev.txt requirements-pdf.txt requirements.txt pyproject.toml requirements-uv.txt
	$(PYTHON) -m venv --without-pip $(PD_VENV)
	$(call INSTALL_UV,$(PD_VENV))
	$(call UV_INSTALL_INTO,$(PD_VENV)) -r requirements-properdocs.txt --editable .
	touch $@

test-properdocs: $(PD_VENV)/.deps node_modules/.test-tools
	$(PD_VENV)/bin/python -m edition.checks.trust mkdocs.yml
	$(PD_VENV)/bin/properdocs build --strict --site-dir $(SITE_DIR).properdocs
	rm -rf $(SITE_DIR).properdocs
	EDITION_BUILDER=properdocs $(PD_VENV)/bin/python -m pytest

# `make bench`: the build's time against stock Material + i18n (scripts/bench_build.py, this site
# and a corpus ten times larger), then the site as readers get it (scripts/bench.py).
bench: $(VENV)/.bench-deps node_modules/.bench-tools
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_build.py

# Every search design built, served and searched in Chromium with the query set; prints recall@5, MRR,
# first-search download and latency, on this site and on a synthetic corpus 20 times larger.
# BENCH_SEARCH_ARGS passes options, e.g. BENCH_SEARCH_ARGS="--designs sharded,pagefind --scale 1".
bench-search: $(VENV)/.bench-deps node_modules/.bench-tools
	$(BIN)/python scripts/search_designs.py $(BENCH_SEARCH_ARGS)

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).new $(SITE_DIR).properdocs .pytest_cache
