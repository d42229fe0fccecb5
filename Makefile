# cdfmc — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export DJANGO_SETTINGS_MODULE := cdfmc.settings

.PHONY: run test setup demo venv lint messages backup restore clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

# Database and reference data, never a login: safe for the database DATABASE_URL names
# (production needs SECRET_KEY etc. set, see README; a local database DEBUG=1).
setup: venv
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference

# The demo set, with one login per role (password cdfmc-demo): local use only.
demo: venv
	@if [ "$(DEBUG)" != "1" ]; then \
	  echo "make demo loads demo logins and refuses unless DEBUG=1 (never in production)" >&2; \
	  exit 1; fi
	$(BIN)/python manage.py load_demo

# The local demo: SQLite in var/, DEBUG on, demo logins without stale lockouts, the server.
run: export DEBUG := 1
run: export DATABASE_URL :=
run: setup demo
	$(BIN)/python manage.py axes_reset
	$(BIN)/python manage.py runserver $(HOST)

# The whole suite; browser tests are skipped, with the reason shown, where no Chromium exists.
test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# English catalogue (msgids are Thai): refresh locale/en/LC_MESSAGES/django.po, translate every
# new or fuzzy entry, then run this again to compile django.mo. Commit both (needs GNU gettext).
I18N_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=test-artifacts --ignore=tests
messages: venv
	DEBUG=1 $(BIN)/python manage.py makemessages -l en $(I18N_IGNORE)
	DEBUG=1 $(BIN)/python manage.py compilemessages -l en $(I18N_IGNORE)

# Load and file benchmarks on PostgreSQL with the generated national set (docs/BENCHMARKS.md).
# BENCH_DB (default cdfmc_bench), BENCH_PG, BENCH_PORT; BENCH_SCALE=1 for the whole country.
BENCH_SCALE ?= 0.1
BENCH_ARGS ?=
$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $@

bench: venv $(VENV)/.bench-installed
	$(BIN)/python -m bench.run --scale $(BENCH_SCALE) $(BENCH_ARGS)

# A copy of the database (SQLite online backup / pg_dump -Fc) and the uploaded files
# (a tar beside it) into BACKUP_DIR; `make restore BACKUP=var/backups/<name>` puts one back
# into an empty database (REPLACE=1 to overwrite one that holds data).
BACKUP_DIR ?= var/backups
backup: venv
	$(BIN)/python manage.py backup --dir "$(BACKUP_DIR)"

restore: venv
	@if [ -z "$(BACKUP)" ]; then echo "usage: make restore BACKUP=$(BACKUP_DIR)/<name>" >&2; exit 1; fi
	$(BIN)/python manage.py restore "$(BACKUP)" $(if $(REPLACE),--replace)

clean:
	rm -rf $(VENV) var staticfiles test-artifacts
