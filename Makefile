# Jixiao: the two commands of the quick start are `make demo` and `make test`.
VENV := .venv/bin

.PHONY: setup setup-system demo test lint typecheck pytest bench clean

setup:
	@bash scripts/setup.sh

# LibreOffice, CJK fonts, poppler, Chromium: needed by the document and browser tests (root installs).
setup-system:
	@sh scripts/setup-system.sh

demo: setup
	@$(VENV)/jixiao demo

test: setup setup-system lint typecheck pytest

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
