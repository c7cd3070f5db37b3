# Communique: `make run` (demo) and `make test` are the quick start.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= demo/communique-demo.db

.PHONY: run demo test lint evaltext eval figures bench bench-web train venv clean
HOST ?= 127.0.0.1
PORT ?= 8000

$(STAMP): pyproject.toml requirements.lock
	@$(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "need Python 3.11 (set PY=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# ingest the demo corpus, then serve it (UI and API) at http://$(HOST):$(PORT)/ until Ctrl-C
run: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/communique ingest demo/corpus --db $(DB)
	$(BIN)/communique serve --db $(DB) --host $(HOST) --port $(PORT)

# the same ingest, then a summary in the terminal (no server)
demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/communique ingest demo/corpus --db $(DB)
	$(BIN)/communique summary --db $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# No gold text in the repository: the shared checker exits 1 when a tracked line copies evaluation
# text (that fails the build) and 2 when ../shared/eval is absent, as in a clone without the lent
# data; then there is nothing to compare against, so the step says so and passes, like the eval gates
# that skip without the data. Any other status (the checker broken) fails.
EVALTEXT := ../shared/tools/check-no-eval-text
evaltext:
	@if [ ! -x $(EVALTEXT) ]; then echo "evaltext: $(EVALTEXT) not found; check skipped"; exit 0; fi; \
	$(EVALTEXT) .; rc=$$?; \
	if [ $$rc -eq 2 ]; then echo "evaltext: no evaluation data; check skipped"; exit 0; fi; \
	exit $$rc

test: $(STAMP) lint evaltext
	$(BIN)/python -m pytest

eval: $(STAMP)
	for t in quotes-ggt quotes-polnear events-plover events-pentaclass events-claims times-te3 ingest-articles; do \
		$(BIN)/communique eval $$t --data ../shared/eval || exit 1; done

# every task on its tune and check halves and on all documents, with bootstrap SEs: docs/figures.md's table
figures: $(STAMP)
	$(BIN)/python bench/figures.py --data ../shared/eval

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# the web targets on a 10,000-article store built from the demo corpus (bench/web.py --help)
bench-web: $(STAMP)
	$(BIN)/python bench/web.py

# the second opinion's weights (src/communique/data/models/second_opinion.json) from the tune halves, fixed seed
train: $(STAMP)
	$(BIN)/python -m communique.events.train --data ../shared/eval

clean:
	rm -rf $(VENV) build src/*.egg-info $(DB)
