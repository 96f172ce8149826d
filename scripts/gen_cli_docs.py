"""Write docs/cli.md from the real `--help` of every command (run after changing the CLI)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jixiao.cli import main

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render() -> str:
    parts = [
        "# Command-line reference",
        "",
        "Generated from the real `--help` by `scripts/gen_cli_docs.py`; a test fails when it is out of date.",
        "",
    ]
    settings = {**main.context_settings, "terminal_width": 100}
    with click.Context(main, info_name="jixiao", **settings) as ctx:
        parts += ["## jixiao", "", "```", main.get_help(ctx), "```", ""]
        for name in sorted(main.list_commands(ctx)):
            command = main.get_command(ctx, name)
            assert command is not None
            with click.Context(command, info_name=name, parent=ctx, terminal_width=100) as sub:
                parts += [f"## jixiao {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
