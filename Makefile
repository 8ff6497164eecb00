# The two commands a newcomer needs: `make run` and `make test`. Everything else is set up by them.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: run test lint bench system-deps clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,prod]'
	touch $@

## run: create the venv, migrate the SQLite database in instance/ and serve on 127.0.0.1:$(PORT) (eventlet)
run: $(VENV)/.installed
	PORT=$(PORT) $(PY) wsgi.py

## test: install test dependencies (Python packages, chromium, PostgreSQL, Redis) and run the whole suite
test: $(VENV)/.installed system-deps
	$(VENV)/bin/ruff check casetable tests benchmarks wsgi.py
	$(PY) -m pytest $(PYTEST_ARGS)

system-deps:
	bash scripts/system-deps.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check casetable tests benchmarks wsgi.py

bench: $(VENV)/.installed
	$(PY) benchmarks/scrub_bench.py

clean:
	rm -rf $(VENV) build *.egg-info
