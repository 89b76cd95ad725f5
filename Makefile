# dragoman: `make demo` installs into .venv and runs on the bundled samples; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
BIN     = $(VENV)/bin
SAMPLES = src/dragoman/data/samples

# The checkout installs exact versions with hashes from the lock files, so a new machine gets
# what the tests were run with, whatever the registry serves that day. `make lock` refreshes them
# deliberately from pyproject.toml's ranges (a wheel keeps those ranges); commit the result.
# requirements.lock: runtime, test and geonames extras, and the editable build's setuptools;
# requirements-eval.lock: the same plus the eval extra; uv: the resolver, itself pinned.
# requirements-pip.lock pins pip itself, installed first: the pip a new venv brings varies by
# machine, and pip 23.2 refuses a hash-pinned package that another asks for with an extra
# (trafilatura's justext wants lxml[html_clean]) as soon as a newer release of it is out.
PIP_LOCK  = requirements-pip.lock
LOCK      = requirements.lock
EVAL_LOCK = requirements-eval.lock
PIP       = pip==25.3
UV        = uv==0.13.9
LOCK_ARGS = --universal --generate-hashes --quiet --no-header

.PHONY: install demo test eval bench schema lock clean

$(VENV)/.installed: $(PIP_LOCK) $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(PIP_LOCK)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed

lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet "$(UV)"
	echo "$(PIP)" | .lock-venv/bin/uv pip compile - $(LOCK_ARGS) -o $(PIP_LOCK)
	printf 'setuptools>=77\nwheel\n' | .lock-venv/bin/uv pip compile pyproject.toml - \
		--extra test --extra geonames $(LOCK_ARGS) -o $(LOCK)
	printf 'setuptools>=77\nwheel\n' | .lock-venv/bin/uv pip compile pyproject.toml - \
		--extra test --extra geonames --extra eval $(LOCK_ARGS) -o $(EVAL_LOCK)
	rm -rf .lock-venv

demo: install
	mkdir -p out
	$(BIN)/dragoman extract $(SAMPLES) > out/samples.jsonl
	$(BIN)/dragoman ingest $(SAMPLES) --db out/demo.db
	$(BIN)/dragoman show out/demo.db --article seed
	@echo "Browse it: $(BIN)/dragoman serve out/demo.db   (then open http://127.0.0.1:8000/)"

test: install
	$(PY) -m pytest

eval: install
	$(PY) -m pip install --quiet --require-hashes -r $(EVAL_LOCK)
	$(PY) -m dragoman.evaluate.report

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/source_homes.py
	$(PY) bench/install_size.py
	$(PY) bench/actor_codes.py
	$(PY) bench/serve.py

schema: install
	$(BIN)/dragoman schema > schema/dragoman.schema.json

clean:
	rm -rf out .pytest_cache
