# Two commands set everything up: `make run` and `make test`.
PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
SCALE     ?= M
PORT      ?= 8501
NPROC     := $(shell nproc 2>/dev/null || echo 1)
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: server-deps run run-multi test test-quick bench lint install install-test browser clean loadtest loadtest-multi faulttest

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Browser tests drive Debian's chromium (never a downloaded browser).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "chromium tidak ada: memasang paket Debian chromium ..."; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-dejavu-core; \
	fi

## The demo is asked for explicitly (init --demo, MONEV_DEMO=1): the server's default is no demo.
run: $(STAMP)
	$(BIN)/python -m dashboard init --demo
	MONEV_DEMO=1 $(BIN)/python -m dashboard jalankan --port $(PORT)

## Several Streamlit processes (PROSES, default one per core) behind Debian's nginx on PORT, over
## the PostgreSQL in MONEV_DB (docs/operasi.md, Deployment shapes); more than one process over DuckDB is refused.
run-multi: $(STAMP) server-deps
	$(BIN)/python -m dashboard layani --proses $(or $(PROSES),$(NPROC)) --port $(PORT)

## PostgreSQL (the shared-database backend and its tests) and nginx (several processes), from
## Debian's packages; the suites start their own throwaway clusters (dashboard/inti/pg_lokal.py).
server-deps:
	@if [ ! -x /usr/lib/postgresql/15/bin/initdb ] || ! command -v nginx >/dev/null; then \
	  echo "memasang paket Debian postgresql dan nginx ..."; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q postgresql-15 nginx-light; \
	fi

test: $(STAMP) browser server-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

test-quick: $(STAMP)
	$(BIN)/python -m pytest -m "not browser"

bench: $(STAMP)
	$(BIN)/python -m dashboard bench --scale $(SCALE)

## Long suites, outside `make test` (their tests skip unless selected with -m).
faulttest: $(STAMP) browser
	$(BIN)/python -m pytest tests/fault -m fault

## Real-protocol load (dashboard/alat/beban): websocket sessions against a real server at scale $(SCALE).
loadtest: $(STAMP)
	$(BIN)/python -m dashboard.alat.beban --scale $(SCALE) --sessions $(or $(SESSIONS),100)

## The same against PROSES (2) Streamlit processes behind nginx over a throwaway PostgreSQL
## cluster holding a copy of the load store; PROSES=1 is the one-process baseline on PostgreSQL.
loadtest-multi: $(STAMP) server-deps
	$(BIN)/python -m dashboard.alat.beban --scale $(SCALE) --sessions $(or $(SESSIONS),200) \
	  --pg --proses $(or $(PROSES),2)

## The server's CPU per action, one action at a time (why the load test holds what it holds).
.PHONY: loadtest-cost
loadtest-cost: $(STAMP)
	$(BIN)/python -m dashboard.alat.beban.biaya --scale $(SCALE)

.PHONY: soak
soak: $(STAMP)
	$(BIN)/python -m dashboard.alat.beban --scale $(SCALE) --soak

## The checks of `make test` without the tests: lint, format, types ([tool.mypy] in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) bench-results test-artifacts data/bench
