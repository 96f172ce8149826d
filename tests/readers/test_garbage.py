"""Bad input of every kind: a clear Chinese and English message, never a crash or a hang."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from jixiao.readers import ReadError, read_package


def _read_error(path: Path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_package(str(path))
    error = caught.value
    assert error.message and error.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
    return error


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "空" in _read_error(path).message


def test_blank_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"   \n\n\t\n")
    _read_error(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 64)
    assert "二进制" in _read_error(path).message


def test_old_office_file(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert ".docx" in _read_error(path).message


def test_folder(tmp_path: Path) -> None:
    _read_error(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    _read_error(tmp_path / "missing.txt")


def test_bad_utf8_is_read_as_gb18030_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("项目支出绩效自评表\n".encode("gb18030") + b"\xff\xfe\xfd")
    try:
        package = read_package(str(path))
    except ReadError as error:
        assert "编码" in error.message or "二进制" in error.message
    else:
        assert any(n.level == "error" for n in package.notes)


def test_random_text_has_no_tables(tmp_path: Path) -> None:
    rng = random.Random(7)
    alphabet = "绩效预算项目支出 万元%\t\n0123456789：，。abc"
    path = tmp_path / "random.txt"
    path.write_text("".join(rng.choice(alphabet) for _ in range(200_000)), encoding="utf-8")
    package = read_package(str(path))
    assert any(n.level == "error" for n in package.notes) or package.documents is not None


def test_seven_megabytes_of_text(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "本单位严格执行预算，年初预算146.1万元，执行率96.41%，得分99分。\t其中：\t12\n"
    path.write_text(line * (7 * 1024 * 1024 // len(line.encode("utf-8"))), encoding="utf-8")
    package = read_package(str(path))  # must finish (pytest-timeout guards the hang)
    assert package.notes


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.seek(25 * 1024 * 1024)
        out.write(b"x")
    assert "过大" in _read_error(path).message


def test_truncated_seed_is_read_as_far_as_it_goes(seed003: Path, tmp_path: Path) -> None:
    text = seed003.read_text(encoding="utf-8")
    cut = text[: text.index("附件3-3") + 800]  # inside the third project table
    path = tmp_path / "truncated.txt"
    path.write_text(cut, encoding="utf-8")
    package = read_package(str(path))
    assert [d.kind for d in package.documents][:4] == ["basic", "department", "project", "project"]
    errors = [n for n in package.notes if n.level == "error"]
    assert errors and "截断" in errors[0].message and "truncated" in errors[0].message_en


def test_pipe_layout_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pipes.txt"
    path.write_text(
        "2023年度项目支出绩效自评表\n"
        "| 项目支出名称 | 示例项目 |\n"
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 "
        "| 分值 | 执行率 | 得分 |\n"
        "| | 年度资金总额 | 10 | 10 | 9 | 10 | 90% | 9 |\n"
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 "
        "| 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "| | 产出指标 | 数量指标 | 培训人次 | ≥100人次 | 120人次 | 90 | 90 | |\n"
        "| 总分 | 100 | 99 |\n",
        encoding="utf-8",
    )
    package = read_package(str(path))
    (project,) = package.projects
    assert project.name == "示例项目"
    assert project.total.executed.value is not None and str(project.total.executed.value) == "9"
    assert [i.name.text for i in project.indicators.indicators] == ["培训人次"]
