"""Write docs/cli.md from the real `jixiao --help` of every command (run after changing the CLI)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _help(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "jixiao.cli", *args, "--help"]
    text = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.rstrip()
    return text.replace("Usage: python -m jixiao.cli", "Usage: jixiao")


def render() -> str:
    from jixiao.cli import main

    parts = [
        "# Command-line reference",
        "",
        "Generated from the real `--help` by `scripts/gen_cli_docs.py`; a test fails when it is out of date.",
        "",
        "## jixiao",
        "",
        "```",
        _help(),
        "```",
        "",
    ]
    for name in sorted(main.commands) + sorted(getattr(main, "lazy", {})):
        parts += [f"## jixiao {name}", "", "```", _help(name), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
