"""A live server for the browser tests: ``python -m jixiao.cli_web serve --demo`` on loopback.

Once on SQLite (a fresh data dir) and once on PostgreSQL (a fresh database on 127.0.0.1:5432, when
one answers). Browser: Debian's chromium driven by Playwright (never a downloaded browser).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
POSTGRES = ("127.0.0.1", 5432)


@dataclass
class LiveSite:
    url: str
    database: str
    passwords: dict[str, str] = field(default_factory=dict)
    log: deque[str] = field(default_factory=deque)  # the last lines the server printed


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _postgres_answers() -> bool:
    try:
        with socket.create_connection(POSTGRES, timeout=1):
            return True
    except OSError:
        return False


def _wait_healthy(url: str, process: subprocess.Popen[str], log: deque[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {''.join(log)}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("server did not become healthy")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_", "DATABASE_URL"))}
    env["JIXIAO_DATA_DIR"] = str(tmp_path_factory.mktemp("e2e-data"))
    database = request.param
    dbname = f"jixiao_e2e_{uuid.uuid4().hex[:10]}"
    if database == "postgresql":
        if not _postgres_answers():
            pytest.skip("no PostgreSQL on 127.0.0.1:5432")
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
    port = _free_port()
    command = [sys.executable, "-m", "jixiao.cli_web", "serve", "--demo", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    passwords: dict[str, str] = {}
    assert process.stdout is not None
    for line in process.stdout:
        match = re.match(r"\s+\S+\t(\w+)\t(\S+)$", line)
        if match:
            passwords[match.group(1)] = match.group(2)
        if line.startswith("网站地址"):
            break
    # Keep reading what the server prints (its request log): a pipe nobody reads fills up after 64 KB and
    # the server then blocks on its next write, in the middle of a request. The tail is kept for failures.
    tail: deque[str] = deque(maxlen=200)
    threading.Thread(target=tail.extend, args=(process.stdout,), daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, tail)
        yield LiveSite(url, database, passwords, tail)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        if database == "postgresql":
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest.fixture
def browser_context(tmp_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    profile = tmp_path / "chromium-profile"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            accept_downloads=True,
            locale="zh-CN",
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


def _shot(page: Any, name: str, database: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{database}-{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


@pytest.fixture
def shot() -> Any:
    """shot(page, name, database): a screenshot in tests/e2e/screenshots/ (gitignored)."""
    return _shot
