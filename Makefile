# Two commands do everything on a fresh machine: `make app` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: app test lint typecheck unit e2e fuzz bench model clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-install whenever the declared dependencies change.
$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.app-installed

app: $(VENV)/.app-installed
	FOLLOWUP_BACKEND=$${FOLLOWUP_BACKEND:-offline} $(BIN)/streamlit run app.py \
		--server.address 127.0.0.1 --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy src

unit: $(VENV)/.dev-installed
	$(BIN)/pytest -q

test: lint typecheck unit

# The app in headless Chromium (Debian's /usr/bin/chromium); prints the six-person timing.
e2e: $(VENV)/.dev-installed
	$(BIN)/pytest -q -s -m e2e tests/e2e

fuzz: $(VENV)/.dev-installed
	FOLLOWUP_FUZZ_EXAMPLES=$${FOLLOWUP_FUZZ_EXAMPLES:-5000} $(BIN)/pytest -q -m fuzz tests

bench: $(VENV)/.dev-installed
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

# Retrain the word models (problem solving, pushy) from fixtures/notes (after changing labels).
model: $(VENV)/.dev-installed
	$(BIN)/python tools/train_word_model.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info test-artifacts
