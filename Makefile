# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.package-lock.json
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install run test bench load ceiling lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,load]'
	touch $(STAMP)

# The browser packages (bpmn-js for the case diagram; bpmn-js, its properties panel and dmn-js for the
# admins' modeler; ECharts for the campaign dashboard) in their ready-made builds, served from
# node_modules by the app: no bundler runs.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund

# Debian's Chromium (and a Chinese font) for the browser tests; never a browser download of Playwright's own.
$(CHROMIUM):
	apt-get update && apt-get install -y chromium fonts-wqy-zenhei

# The CJK TrueType font every statutory document embeds, found through fontconfig; pdftoppm for the PNG checks.
$(CJK_FONT):
	apt-get update && apt-get install -y fonts-wqy-zenhei fontconfig poppler-utils

install: $(STAMP) $(NODE_STAMP) $(CJK_FONT)

run: install
	$(BIN)/caseflow init-db
	$(BIN)/caseflow demo
	HOST=$(HOST) PORT=$(PORT) scripts/run-dev.sh

test: install $(CHROMIUM)
	$(BIN)/pytest --require-flow-coverage

bench: install
	$(BIN)/python bench/engine_bench.py

# 50 simulated officers against gunicorn on the local PostgreSQL (see bench/load_test.py).
load: install
	$(BIN)/python bench/load_test.py

# The same officers against a server doing only what the stack itself must (see bench/stack_ceiling.py).
ceiling: install
	$(BIN)/python bench/stack_ceiling.py

lint: install
	$(BIN)/ruff check engine web forms documents tests bench migrations
