# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install run test bench lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/caseflow init-db
	$(BIN)/caseflow demo
	$(BIN)/caseflow run --host $(HOST) --port $(PORT)

test: install
	$(BIN)/pytest --require-flow-coverage

bench: install
	$(BIN)/python bench/engine_bench.py

lint: install
	$(BIN)/ruff check engine web forms documents tests bench
