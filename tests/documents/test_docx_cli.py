"""``jixiao export``: writes the file atomically, exits 2 with a clear message on bad input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
from click.testing import CliRunner

from jixiao.cli_documents import export
from jixiao.readers import read_package


def _cli() -> click.Group:
    group = click.Group()
    group.add_command(export)
    return group


def test_export_docx_and_back(seed000: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    result = CliRunner().invoke(_cli(), ["export", str(seed000), "--to", "docx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    back = read_package(str(target))
    assert back.framework  # the package was scored before export
    assert replace(back, framework=None) == read_package(str(seed000))
    json_target = tmp_path / "report.json"
    result = CliRunner().invoke(_cli(), ["export", str(target), "--to", "json", "-o", str(json_target)])
    assert result.exit_code == 0 and json_target.read_text(encoding="utf-8").startswith("{")


def test_export_unreadable_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip at all")
    target = tmp_path / "out.docx"
    result = CliRunner().invoke(_cli(), ["export", str(bad), "--to", "docx", "-o", str(target)])
    assert result.exit_code == 2
    assert "错误" in result.output and "Error" in result.output
    assert not target.exists()
