# Jixiao: the two commands of the quick start are `make demo` and `make test`.
VENV := .venv/bin

.PHONY: setup demo test lint typecheck pytest bench clean

setup:
	@bash scripts/setup.sh

demo: setup
	@$(VENV)/jixiao demo

test: setup lint typecheck pytest

lint:
	$(VENV)/ruff check src tests benchmarks
	$(VENV)/ruff format --check src tests benchmarks

typecheck:
	$(VENV)/mypy

pytest:
	$(VENV)/pytest

bench: setup
	$(VENV)/python benchmarks/run.py

clean:
	rm -rf .venv build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
