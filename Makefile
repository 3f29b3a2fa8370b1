# Two commands matter: `make run` and `make test`. Both set up .venv/ first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run sample test bench bench-load install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

# The web app on http://127.0.0.1:5000 with the sample quiz published (SQLite in instance/).
run: $(STAMP)
	$(BIN)/mlquiz db upgrade
	$(BIN)/mlquiz demo
	$(BIN)/mlquiz run --host 127.0.0.1 --port 5000

# The generator alone: print a quiz made from the built-in sample article.
sample: $(STAMP)
	$(BIN)/mlquiz generate --sample fr

test: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_generate.py
	$(BIN)/python bench/bench_worksheet.py

# N students against gunicorn on loopback, SQLite then PostgreSQL (a throwaway cluster).
bench-load: $(STAMP)
	$(BIN)/python bench/bench_load.py

clean:
	rm -rf $(VENV) .pytest_cache
