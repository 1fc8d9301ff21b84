# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements/base.txt requirements/dev.txt | sha1sum | cut -c1-12)


.PHONY: install system-deps run test test-fast test-pg lint bench bench-extraction clean

$(STAMP): requirements/base.txt requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --disable-pip-version-check -q -r requirements/dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

export PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)

run: install
	bash scripts/system_deps.sh run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	PORT=$(PORT) $(PY) scripts/run_all.py

system-deps:
	bash scripts/system_deps.sh

# Three xdist workers on two cores: the e2e tests mostly wait (visibility timeouts, stale windows,
# worker start-up), and a third worker runs short tests meanwhile. tests/conftest.py orders the
# tests (e2e first) and schedules them (a few at a time, the shared-stack tests on one worker).
TEST_WORKERS ?= 3

# PYTHONDONTWRITEBYTECODE cleared for the run: where it is set (some sandboxes and images set it),
# every xdist worker compiled and assert-rewrote the tests and pytest's plugins from source again,
# about 4 s of CPU per process per run; the compiled files land in the ignored __pycache__ folders.
test: install system-deps
	PYTHONDONTWRITEBYTECODE= OMP_THREAD_LIMIT=1 $(PY) -m pytest -n $(TEST_WORKERS) -p randomly $(COVERAGE_ARGS) $(PYTEST_ARGS)

# Coverage is measured when asked for (`make test COVERAGE=1`): .ci/run asks on its PostgreSQL leg,
# the production database, with the same tests less the e2e ones, whose servers and workers run in
# processes coverage does not follow anyway. Its tracer added ~57% CPU to the in-process tests, and
# measuring the same lines twice a CI run told nothing new (96% on each leg on 2026-12-03).
COVERAGE ?= 0
COVERAGE_FLOOR ?= 85
COVERAGE_ARGS := $(if $(filter 1,$(COVERAGE)),--cov --cov-report=term:skip-covered --cov-fail-under=$(COVERAGE_FLOOR))

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports --no-logo
	$(PY) scripts/import_cycles.py
	bash scripts/dead_code.sh
	DATA_DIR=$$(mktemp -d) $(PY) manage.py makemigrations --check --dry-run

bench: install
	OMP_THREAD_LIMIT=1 $(PY) bench/run.py

bench-extraction: install
	OMP_THREAD_LIMIT=1 $(PY) bench/run.py --only extraction

clean:
	rm -rf var/ .coverage
