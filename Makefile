# The two commands a new user needs: `make demo` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
INSTALLED := $(VENV)/.installed
MANAGE := cd example_site && $(PY) manage.py

.PHONY: install demo test lint messages screenshots bench bench-scale bench-digest lighthouse

$(INSTALLED): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[testing]"
	touch $(INSTALLED)

install: $(INSTALLED)

## make demo: the French demo site on http://127.0.0.1:8000 (SQLite, demo content, admin user).
demo: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_career_demo
	$(MANAGE) runserver 127.0.0.1:8000

## make test: the whole suite (SQLite; set DATABASE_URL for PostgreSQL), browser tests included
## (they skip locally without /usr/bin/chromium; `-m "not browser"` leaves them out).
test: $(INSTALLED)
	$(PY) -m pytest

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .

## make messages: refresh and compile the French catalogue after changing strings (-P: the
## package's queue.py must not shadow the standard library's while Django runs there).
messages: $(INSTALLED)
	cd wagtail_career && $(PY) -P -m django makemessages -l fr --no-obsolete && $(PY) -P -m django compilemessages

## make screenshots: regenerate docs/screenshots/*.png from a fresh demo in Chromium.
screenshots: $(INSTALLED)
	$(PY) -m tests.browser.screenshots

## make bench: the performance benchmark (README, "Performance"). Builds its own fixture site
## (temporary SQLite; PostgreSQL with DATABASE_URL), serves it with gunicorn on loopback, loads
## it with wrk (Debian's; installed here when missing and run as root), writes
## benchmarks/results/latest.json and prints the table.
bench: $(INSTALLED)
	$(PY) -m pip install --quiet -e ".[bench]"
	@# wagtail-cache, the page-cache yardstick, declares wagtail<8 but runs on 8.0 unchanged.
	$(PY) -m pip install --quiet --no-deps "wagtail-cache>=3.0"
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk; } \
		|| { echo "wrk is missing: apt-get install wrk"; exit 1; }
	$(PY) -m benchmarks

## make bench-scale: the targets at real size (README, "At real size"): a bulk-built site of
## 10,000 articles, 100,000 comments and 100,000 subscribers (SQLite; PostgreSQL with
## DATABASE_URL, as the figures in the README), every target a ratio measured in one run;
## writes benchmarks/results/scale.json. About 4 minutes on 2 cores (PostgreSQL).
bench-scale: $(INSTALLED)
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) -m benchmarks.scale

## make bench-digest: the digest's fan-out (README, "Delivering the digest"): 10,000 confirmed
## subscribers mailed to a loopback SMTP server by one, then two, db_worker processes, on
## PostgreSQL (DATABASE_URL, default the local server's "localdev" database).
bench-digest: $(INSTALLED)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/localdev} \
		$(PY) -m benchmarks.digest --subscribers 10000 --workers 1 2

## make lighthouse: what a phone (390 px wide) downloads on a first visit of a demo article and
## of the index, and Lighthouse's mobile performance and best-practices scores, against the
## example site's production settings served by gunicorn on loopback (benchmarks/lighthouse.py).
## Debian's Chromium; npm's Lighthouse 12 in .ci/tools (13 needs Node 22), installed with the
## Nu checker that the tests use there (an npm install --no-save removes what it does not name).
lighthouse: $(INSTALLED)
	$(PY) -m pip install --quiet -e ".[bench]"
	cd .ci/tools && npm install --no-save --no-audit --no-fund --ignore-scripts lighthouse@12.2.3 vnu-jar
	$(PY) -m benchmarks.lighthouse
