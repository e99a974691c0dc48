# Netral: the two commands are `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
PORT ?= 8000
# Links in e-mails and PDFs follow it (NETRAL_SITE_URL defaults to http://127.0.0.1:$PORT).
export PORT

.PHONY: demo test lint typecheck pytest messages worker lock clean bench

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Compiled translations are build output (ignored by git), made from the .po sources.
messages: $(STAMP)
	$(BIN)/pybabel -q compile -d netral/locale -D django

demo: $(STAMP) messages
	mkdir -p var
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput -v 0
	DEBUG=$${DEBUG:-1} PORT=$(PORT) $(BIN)/python manage.py demo_setup
	@# One task worker (mails, imports) and the scheduler (periodic jobs) beside the server.
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py db_worker -v 0 & worker=$$!; \
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT) --noreload

# A background worker for the database task queue (production runs several).
worker: $(STAMP)
	$(BIN)/python manage.py db_worker

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# Each app imports only the apps below it (the layers in pyproject.toml).
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy netral

# The suite on every core (pytest-xdist; each worker its own test database and media folder).
# TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= auto
pytest: $(STAMP) messages
	$(BIN)/pytest -q -n $(TEST_WORKERS)

test: lint typecheck pytest

bench: $(STAMP) messages
	$(BIN)/python -m bench

# Re-resolve the pinned dependency set from pyproject.toml into requirements.lock.
lock:
	rm -rf var/lockenv && $(PY) -m venv var/lockenv
	var/lockenv/bin/pip install -q --disable-pip-version-check '.[dev]'
	var/lockenv/bin/pip freeze --exclude netral | sort -f > requirements.lock
	rm -rf var/lockenv

clean:
	rm -rf $(VENV) var build *.egg-info
