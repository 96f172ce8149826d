"""Hostile .xlsx files are refused quickly, with a message in Chinese and English."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from jixiao.readers.errors import ReadError
from jixiao.readers.xlsx_reader import read_xlsx
from jixiao.templates import build_template
from jixiao.writers.xlsx_writer import write_xlsx


@pytest.fixture(scope="module")
def good() -> bytes:
    return write_xlsx(build_template("hunan-2023", 2024, 1), None)


def _rewrite(data: bytes, change: dict[str, bytes], extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change.get(info.filename, source.read(info.filename)))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def _refused(path: Path) -> ReadError:
    start = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read_xlsx(str(path))
    assert time.perf_counter() - start < 5
    error = caught.value
    assert error.message and error.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
    return error


def test_entity_expansion_in_a_sheet_is_refused(good: bytes, tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' + (
        sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    )
    path = tmp_path / "entities.xlsx"
    path.write_bytes(_rewrite(good, {"xl/worksheets/sheet1.xml": bomb}))
    assert "实体" in _refused(path).message


def test_zip_bomb_is_refused(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_rewrite(good, {}, {"xl/media/bomb.bin": b"\0" * (300 * 1024 * 1024)}))
    assert "炸弹" in _refused(path).message


def test_path_traversal_member_is_refused(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "traversal.xlsx"
    path.write_bytes(_rewrite(good, {}, {"../../evil.txt": b"x"}))
    assert "路径" in _refused(path).message


def test_file_over_50_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.seek(51 * 1024 * 1024)
        handle.write(b"\0")
    assert os.path.getsize(path) > 50 * 1024 * 1024
    assert "过大" in _refused(path).message


def test_renamed_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "picture.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    _refused(path)


def test_macro_workbook_is_refused(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "macro.xlsm"
    path.write_bytes(good)
    assert "宏" in _refused(path).message
    path = tmp_path / "macro-inside.xlsx"
    path.write_bytes(_rewrite(good, {}, {"xl/vbaProject.bin": b"\0" * 64}))
    assert "宏" in _refused(path).message


def test_truncated_workbook_is_refused(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    _refused(path)
