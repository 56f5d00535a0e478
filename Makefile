# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= eventwire.duckdb
SAMPLE := samples/wikinews/wikinews.jsonl

.PHONY: install run test clean bench

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

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB).wal build src/*.egg-info
