# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb
SAMPLE := samples/wikinews/wikinews.jsonl

.PHONY: install run test test-deps web clean bench

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/eventwire ingest $(SAMPLE) --db $(DB)
	$(BIN)/eventwire stats --db $(DB)
	$(BIN)/eventwire serve --db $(DB) --host 127.0.0.1 --port 8000

test: install test-deps
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's chromium (CI runs on a fresh machine as root).
test-deps:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# Rebuild the page's committed assets in src/eventwire/web/ from web-src/ (needs node/npm).
web:
	cd web-src && npm ci && npm run build

clean:
	rm -rf $(VENV) $(DB) $(DB).wal build src/*.egg-info
