"""Project names matched across the basic data, the project tables and the prose."""

from __future__ import annotations

import pytest

from jixiao.audit.names import best_match, name_similarity, names_match


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("2、三维城市建设", "三维数字城市化建设"),  # seed 000: the basic data's name for the table
        ("档案数字化项目", "档案数字化加工项目"),
        ("质量安全监督专项", "质量安全监督管专项"),
    ],
)
def test_a_shortened_name_matches(short: str, long: str) -> None:
    assert names_match(short, long)
    assert name_similarity(short, long) == name_similarity(long, short)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("城市建设", "三维数字城市化建设"),  # four of nine characters: too little of the long name
        ("保障房建设", "老旧小区改造"),
        ("建设经费", "设计建造费"),  # the same characters, not in the same order
    ],
)
def test_unrelated_names_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_the_closer_name_wins() -> None:
    tables = ["三维数字城市化建设", "OA系统", "三维城市建设"]
    assert best_match("三维城市建设项目", tables, key=str) == "三维城市建设"
    assert best_match("三维城市建设", ["三维数字城市化建设", "OA系统"], key=str) == "三维数字城市化建设"
