# Quickstart: `make run` (install, index, open the chat UI on :8501) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_VERBOSITY := error

.PHONY: install index run test eval bench corpus lint

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0   # the local CPU wheel, before anything asks for torch
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

index: install
	$(VENV)/bin/assistant ingest

run: install
	-$(VENV)/bin/assistant ingest
	$(VENV)/bin/assistant serve --server.port 8501

test: install
	$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$rc

eval: install
	-$(VENV)/bin/assistant ingest
	$(VENV)/bin/assistant eval

beir: install
	$(VENV)/bin/assistant eval --beir ../shared/benchmarks/scifact

bench: install
	-$(VENV)/bin/assistant ingest
	$(PY) benchmarks/answer_latency.py
	$(PY) benchmarks/retrieval_latency.py
	$(PY) benchmarks/wording_latency.py
	$(PY) benchmarks/cold_start.py
	$(PY) benchmarks/first_answer.py
	$(PY) benchmarks/ingest_speed.py
	$(PY) benchmarks/incremental.py
	$(PY) benchmarks/load.py
	$(PY) benchmarks/results_md.py

corpus: install
	$(PY) scripts/build_corpus.py

lint: install
	$(VENV)/bin/ruff check assistant tests scripts benchmarks streamlit_app.py
