# dragoman: `make demo` installs into .venv and runs on the bundled samples; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
BIN     = $(VENV)/bin
SAMPLES = src/dragoman/data/samples

.PHONY: install demo test eval bench schema clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,geonames]"
	touch $@

install: $(VENV)/.installed

demo: install
	mkdir -p out
	$(BIN)/dragoman extract $(SAMPLES) > out/samples.jsonl
	$(BIN)/dragoman ingest $(SAMPLES) --db out/demo.db
	$(BIN)/dragoman show out/demo.db --article seed

test: install
	$(PY) -m pytest

eval: install
	$(PY) -m pip install --quiet -e ".[test,geonames,eval]"
	$(PY) -m dragoman.evaluate.report

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/source_homes.py
	$(PY) bench/install_size.py

schema: install
	$(BIN)/dragoman schema > schema/dragoman.schema.json

clean:
	rm -rf out .pytest_cache
