# Jixiao: the two commands of the quick start are `make demo` and `make test`.
VENV := .venv/bin

.PHONY: setup setup-system demo cli-demo test lint typecheck pytest bench bench-web clean

setup:
	@bash scripts/setup.sh

# LibreOffice, CJK fonts, poppler, Chromium: needed by the document and browser tests (root installs).
setup-system:
	@sh scripts/setup-system.sh

# The main job: the web application on the embedded default (SQLite), with a demo organisation.
demo: setup
	@$(VENV)/jixiao serve --demo

# The command line on the bundled sample: read, score and audit.
cli-demo: setup
	@$(VENV)/jixiao demo

bench-web: setup
	$(VENV)/python benchmarks/bench_web.py

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
