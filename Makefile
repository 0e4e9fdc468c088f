# The README's two commands are the contract: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/runtime.lock requirements/dev.lock | sha256sum | cut -c1-16)
# The Python the locks are resolved for: the 3.11 release of the development machines and the image.
LOCK_PYTHON := 3.11.7
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: install run serve seed test test-sqlite test-postgres test-fast browser-deps screenshots bench bench-profil lint format lock clean

# Development installs dev.lock (the runtime plus tests and tooling); the production image only runtime.lock.
$(STAMP): requirements/runtime.lock requirements/dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install seed serve

seed: install
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_netzwerk --demo

serve: install
	$(MANAGE) runserver 127.0.0.1:$(PORT)

browser-deps:
	scripts/ensure-chromium

# The README's screenshots from a freshly seeded portal (tmp/screenshots/), saved in docs/screenshots/.
screenshots: install browser-deps
	$(BIN)/python scripts/screenshots

test: install browser-deps
	DJANGO_SETTINGS_MODULE=netzwerk_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/python scripts/layers
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)
	scripts/with-postgres $(BIN)/pytest -n 2 --dist loadfile -m "not browser" $(PYTEST_ARGS)

test-sqlite: install browser-deps
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-postgres: install browser-deps
	scripts/with-postgres $(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

test-fast: install
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

# Benchmark: builds tmp/bench/scale-*.sqlite3 (and PostgreSQL databases when DATABASE_URL names one),
# serves them with gunicorn and production settings, loads them with wrk, writes bench/RESULTS.md.
BENCH_ARGS ?=
bench: install
	scripts/ensure-wrk
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Where each benchmark page spends its time (SQL, templates, ORM, …), on a database `make bench` built:
# make bench-profil SCALE=100 PROFIL_ARGS="--seiten praxisbeispiele,home"
SCALE ?= 1
PROFIL_ARGS ?=
bench-profil: install
	DATABASE_URL=sqlite:///$(CURDIR)/tmp/bench/scale-$(SCALE).sqlite3 CACHE_DIR=$(CURDIR)/tmp/bench/cache/profil \
		$(BIN)/python bench/profil.py $(PROFIL_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/layers

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Resolves requirements/*.in into the locks, every package pinned with its hashes; pins already in a lock stay
# unless its .in file asks for another version. uv comes from dev.lock: installing needs only pip.
LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --python-version $(LOCK_PYTHON) --custom-compile-command "make lock"
lock: install
	$(LOCK) requirements/runtime.in -o requirements/runtime.lock
	$(LOCK) requirements/dev.in -o requirements/dev.lock

clean:
	rm -rf $(VENV) tmp staticfiles
