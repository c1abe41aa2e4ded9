# Two commands on a fresh machine (python3 >= 3.11, make, git):
#   make site   build the site into site/
#   make test   run every check CI runs (also needs npm, Java, jq and Chromium:
#               `make tools` names what is missing)
# More: make serve (preview), make news (a news post), make check (content checks), make fix,
# make lint (ruff, mypy --strict, workflow linters),
# make translations (which Chechen pages are missing or outdated),
# make review-sheet (the Chechen text to review, as a workbook; then
#   make review-import), see /contributing/#review,
# make links (external links of site/; needs the internet),
# make bench (benchmarks), make lock (re-pin requirements).

export NO_MKDOCS_2_WARNING := 1
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes
RUNTIME := $(VENV)/.runtime
DEV := $(VENV)/.dev
# The W3C HTML checker and axe-core, pinned in tests/package-lock.json.
NODE_TOOLS := tests/node_modules/.installed

.PHONY: site serve news check fix translations review-sheet review-import links test tools lint workflows bench lock clean

$(RUNTIME): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(DEV): $(RUNTIME) requirements-dev.txt
	$(PIP_INSTALL) -r requirements.txt -r requirements-dev.txt
	touch $@

$(NODE_TOOLS): tests/package-lock.json
	npm ci --prefix tests --silent --no-audit --no-fund
	touch $@

site: $(RUNTIME)
	$(PY) scripts/build_site.py

serve: $(RUNTIME)
	$(PY) scripts/serve.py

# A news post dated today, in every language: asks for its title.
news: $(RUNTIME)
	$(PY) scripts/news.py new

check: $(DEV)
	$(PY) scripts/check_content.py

fix: $(DEV)
	$(PY) scripts/check_content.py --fix

translations: $(RUNTIME)
	$(PY) scripts/translations.py

# The workbook for the Chechen reviewer, and its corrections taken back.
REVIEW_SHEET ?= review-sheet.xlsx
review-sheet: $(RUNTIME)
	$(PY) scripts/translations.py review export $(REVIEW_SHEET)

review-import: $(RUNTIME)
	$(PY) scripts/translations.py review import $(REVIEW_SHEET)

links: $(DEV)
	$(PY) scripts/check_links.py site

lint: $(DEV) workflows
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests
	$(PY) -m mypy

# GitHub workflows: actionlint and zizmor (security checks, offline).
workflows: $(DEV)
	$(VENV)/bin/actionlint
	$(VENV)/bin/zizmor --offline --quiet .github

# What `make test` needs besides Python: stop at once, in one line, if any
# is missing (.ci/run installs them when it runs as root).
tools:
	@missing=""; note=""; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v jq >/dev/null 2>&1 || missing="$$missing jq"; \
	chromium="$${CHROMIUM:-/usr/bin/chromium}"; \
	"$$chromium" --version 2>/dev/null | grep -q Chrom || { missing="$$missing chromium"; \
	  note=" (CHROMIUM=$$chromium is not a Chromium or Chrome: install chromium or set CHROMIUM to one)"; }; \
	if [ -n "$$missing" ]; then \
	  echo "make test needs:$$missing$$note. On Debian or Ubuntu: sudo apt-get install$$missing." >&2; \
	  exit 1; \
	fi

test: tools lint check $(NODE_TOOLS)
	$(PY) -m pytest

# `make bench ONLY=build` runs one of them (make takes no --only of its own).
bench: $(DEV)
	$(PY) scripts/bench.py $(if $(ONLY),--only $(ONLY))

lock: $(DEV)
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf site $(VENV) .pytest_cache .ruff_cache .hypothesis
