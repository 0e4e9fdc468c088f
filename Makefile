# The README's two commands are the contract: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-16)
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: install run serve seed test test-sqlite test-postgres test-fast browser-deps bench lint format lock clean

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install seed serve

seed: install
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_netzwerk

serve: install
	$(MANAGE) runserver 127.0.0.1:$(PORT)

browser-deps:
	scripts/ensure-chromium

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

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python scripts/layers

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: install
	$(BIN)/pip install --quiet -r requirements.in
	{ echo "# Generated from requirements.in by \`make lock\`; every package pinned exactly. Install with \`make install\`."; \
	  $(BIN)/pip freeze --exclude-editable; } > requirements.lock

clean:
	rm -rf $(VENV) tmp staticfiles
