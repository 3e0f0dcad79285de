# The two commands a new user needs: `make demo` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
INSTALLED := $(VENV)/.installed
MANAGE := cd example_site && $(PY) manage.py

.PHONY: install demo test lint messages screenshots

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

## make messages: refresh and compile the French catalogue after changing strings.
messages: $(INSTALLED)
	cd wagtail_career && $(PY) -m django makemessages -l fr --no-obsolete && $(PY) -m django compilemessages

## make screenshots: regenerate docs/screenshots/*.png from a fresh demo in Chromium.
screenshots: $(INSTALLED)
	$(PY) -m tests.browser.screenshots
