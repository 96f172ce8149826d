"""The web suite again on PostgreSQL, when one answers on 127.0.0.1:5432 (CI has it; laptops may not).

Skipped when this run already uses DATABASE_URL (then the whole suite is on that database) or when
nothing listens on the port. The test database is created per run and dropped afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCAL_URL = "postgres://postgres@127.0.0.1:5432/test"


def _postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.slow
def test_web_suite_on_postgresql(tmp_path: Path) -> None:
    if os.environ.get("DATABASE_URL"):
        pytest.skip("this run already uses DATABASE_URL")
    if not _postgres_answers():
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    env.update(
        DATABASE_URL=os.environ.get("JIXIAO_TEST_POSTGRES_URL", LOCAL_URL),
        JIXIAO_DATA_DIR=str(tmp_path),
        JIXIAO_TEST_DB_NAME=f"test_jixiao_{uuid.uuid4().hex[:10]}",
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/web",
               "--deselect", "tests/web/test_postgresql.py::test_web_suite_on_postgresql"]  # fmt: skip
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500)
    tail = (run.stdout + run.stderr)[-4000:]
    assert run.returncode == 0, tail
    assert "[100%]" in run.stdout and "skipped" not in run.stdout.lower()
