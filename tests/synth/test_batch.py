"""Batches on disk, the ``synth`` command and the regenerated demo sample."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.cli_synth import synth
from jixiao.jsonformat import loads
from jixiao.readers.text import read_text
from jixiao.synth import AnswerKey, OutputNotEmpty, generate_batch
from jixiao.synth.compare import comparable
from jixiao.synth.sample import SAMPLE_UNIT, build_sample


def test_batch_writes_package_text_and_key(tmp_path: Path) -> None:
    out = tmp_path / "batch"
    entries = generate_batch(6, 11, str(out), projects=2, defect_rate=0.5)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["generator"] == "jixiao.synth" and index["count"] == 6
    assert [p["name"] for p in index["packages"]] == [e.name for e in entries]
    assert any(e.clean for e in entries) and any(not e.clean for e in entries)
    for entry in entries:
        package = loads((out / f"{entry.name}.json").read_text(encoding="utf-8"))
        text = (out / f"{entry.name}.txt").read_text(encoding="utf-8")
        key = AnswerKey.loads((out / f"{entry.name}.key.json").read_text(encoding="utf-8"))
        assert comparable(read_text(text)) == comparable(package)
        assert key.clean == entry.clean and len(key.defects) == entry.defects
        assert key.unit == package.unit == entry.unit
    assert not [p for p in out.iterdir() if p.name.startswith(".jixiao-")]


def test_batch_is_deterministic(tmp_path: Path) -> None:
    generate_batch(3, 5, str(tmp_path / "a"))
    generate_batch(3, 5, str(tmp_path / "b"))
    for name in ("synth-0001.txt", "synth-0002.key.json", "synth-0003.json", "index.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_batch_refuses_a_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputNotEmpty):
        generate_batch(1, 1, str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    generate_batch(1, 1, str(tmp_path), force=True)
    assert (tmp_path / "index.json").is_file() and (tmp_path / "notes.txt").is_file()


def test_batch_may_overwrite_its_own_output(tmp_path: Path) -> None:
    generate_batch(2, 1, str(tmp_path))
    generate_batch(2, 2, str(tmp_path))
    assert json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))["seed"] == 2


def test_synth_command(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(synth, ["--count", "3", "--seed", "4", "--out", str(out), "--projects", "2", "--clean"])
    assert result.exit_code == 0, result.output
    assert "已生成 3 个报告包（3 个无缺陷" in result.output
    keys = [AnswerKey.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.key.json"))]
    assert len(keys) == 3 and all(k.clean and k.projects == 2 for k in keys)


def test_synth_command_refuses_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"x")
    result = CliRunner().invoke(synth, ["--count", "1", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "不为空" in result.output and "--force" in result.output


def test_shipped_sample_is_the_generated_one() -> None:
    text, key = build_sample()
    shipped = files("jixiao.samples").joinpath("sample-hunan-2023.txt").read_text(encoding="utf-8")
    assert shipped == text
    package = read_text(text)
    assert package.unit == SAMPLE_UNIT
    assert [d.kind for d in package.documents] == ["basic", "department", "project", "project"]
    assert package.notes == ()
    assert len(key.defects) >= 3 and len({d.family for d in key.defects}) == len(key.defects)
