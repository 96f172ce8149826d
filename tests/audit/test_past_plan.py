"""dates.past-plan: a plan for the year evaluated, or earlier, still stated as a plan."""

from __future__ import annotations

from pathlib import Path

from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text


def test_a_plan_for_a_passed_year_is_reported_unless_the_sentence_says_it_was_done(seed000: Path) -> None:
    text = seed000.read_text(encoding="utf-8")
    plan = "计划2022年上半年全面完成项目建设。"
    assert plan in text

    def plans(text: str) -> list[str | None]:
        result = evaluate(read_text(text, file="000.txt"), path="000.txt", audit=True)
        return [f.found for f in result.findings if f.rule == "dates.past-plan"]

    assert plans(text) == ["计划2022年"]
    assert plans(text.replace(plan, "计划2022年上半年全面完成项目建设，已按期完成。")) == []
    assert plans(text.replace(plan, "原计划2022年上半年全面完成项目建设。")) == []
    assert plans(text.replace(plan, "计划2023年上半年全面完成项目建设。")) == []  # next year's plan
