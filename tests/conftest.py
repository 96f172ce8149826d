"""Shared fixtures. The real reports live in ../shared/seeds; tests that need them skip without them."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLE = ROOT / "src" / "jixiao" / "samples" / "sample-hunan-2023.txt"

SEED_000 = "000_afda4f6af958e4bf.txt"  # Hengyang information centre, fiscal 2022
SEED_002 = "002_1241c350b72d2fb5.txt"  # Shenzhen information centre, fiscal 2020
SEED_003 = "003_9d52f206333e3630.txt"  # Miluo housing bureau, fiscal 2023


def seed_path(name: str) -> Path:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not available (../shared/seeds is absent)")
    return path


@pytest.fixture(scope="session")
def seed000() -> Path:
    return seed_path(SEED_000)


@pytest.fixture(scope="session")
def seed002() -> Path:
    return seed_path(SEED_002)


@pytest.fixture(scope="session")
def seed003() -> Path:
    return seed_path(SEED_003)
