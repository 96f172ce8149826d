"""Terminal rendering of results: claimed beside computed for every row, then the findings."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.model import round2

if TYPE_CHECKING:
    from rich.console import Console

    from jixiao.frameworks import DocumentScore
    from jixiao.pipeline import FileResult

# Claimed and computed agree within the framework's score tolerance (the auditor's, too).
_DEFAULT_TOLERANCE = Decimal("0.1")


def _n(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{round2(value).normalize():f}" if value == value.to_integral() else f"{round2(value):f}"


def _pct(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{round2(rate * 100):f}%"


def _mark(claimed: Decimal | None, computed: Decimal | None, tolerance: Decimal) -> str:
    if claimed is None or computed is None:
        return ""
    return "[green]✓[/]" if abs(claimed - computed) <= tolerance else "[bold red]≠[/]"


def _console() -> Console:
    import shutil
    import sys

    from rich.console import Console

    width = None if sys.stdout.isatty() else max(shutil.get_terminal_size((160, 40)).columns, 160)
    return Console(highlight=False, soft_wrap=False, width=width)


def render_result(result: FileResult, *, audit: bool = False) -> None:
    console = _console()
    console.rule(f"[bold]{result.path}")
    if result.package is None:
        from rich.markup import escape

        console.print(f"[bold red]无法读取[/]：{escape(result.error or '')}")
        return
    package = result.package
    console.print(
        f"单位 Unit：{package.unit or '—'}    年度 Year：{package.year or '—'}    "
        f"框架 Framework：{package.framework or '—'}    表格 Tables：{len(package.documents)}"
    )
    for note in package.notes:
        style = "bold red" if note.level == "error" else "yellow"
        console.print(f"[{style}]{note.message}[/]  ({note.message_en})")
    if result.score is not None:
        for document in result.score.documents:
            tolerance = Decimal(str(result.score.framework.settings.score_tolerance or _DEFAULT_TOLERANCE))
            _render_document(console, document, tolerance)
    if audit:
        from jixiao.audit.report import render_findings

        render_findings(console, result)


def _render_document(console: Console, ds: DocumentScore, tolerance: Decimal) -> None:
    from rich.table import Table

    console.print()
    console.print(f"[bold cyan]{ds.name}[/]  [dim]({ds.kind})[/]")
    ex = ds.execution
    if ex is not None:
        row = ex.row
        console.print(
            f"  年度资金总额：年初 {_n(row.initial_budget.value)}  全年预算 {_n(row.adjusted_budget.value)}  "
            f"执行 {_n(row.executed.value)}  执行率 声称 {row.execution_rate.text or '—'} / 计算 {_pct(ex.rate)}  "
            f"得分 声称 {_n(ex.claimed)} / 计算 {_n(ex.computed)} {_mark(ex.claimed, ex.computed, tolerance)}"
        )
    if ds.indicators:
        table = Table(show_edge=False, pad_edge=False, header_style="bold")
        for header in ("一级", "二级", "三级指标", "目标", "实际", "分值", "声称", "计算", "", "规则/说明"):
            table.add_column(header, overflow="fold")
        for s in ds.indicators:
            ind = s.indicator
            differs = s.claimed is not None and s.computed is not None and abs(s.claimed - s.computed) > tolerance
            note = s.explanation.note or (s.explanation.sentence if differs else "")
            if s.band is not None and s.status == "band":
                note = f"区间 {_n(s.band[0])}–{_n(s.band[1])}" + (f"；{note}" if note else "")
            table.add_row(
                ind.level1.removesuffix("指标"),
                ind.level2.removesuffix("指标")[:8],
                _short(ind.name.text, 16),
                _short(ind.target.text, 12),
                _short(ind.actual.text, 12),
                _n(s.weight),
                _n(s.claimed),
                _n(s.computed),
                _mark(s.claimed, s.computed, tolerance),
                _short(note, 40),
            )
        console.print(table)
    if ds.items:
        table = Table(show_edge=False, pad_edge=False, header_style="bold")
        for header in ("一级", "二级", "三级指标", "分值", "声称", "计算", "", "方式"):
            table.add_column(header, overflow="fold")
        for item in ds.items:
            table.add_row(
                item.item.level1,
                item.item.level2,
                _short(item.item.name.text, 18),
                _n(item.weight),
                _n(item.claimed),
                _n(item.computed),
                _mark(item.claimed, item.computed, tolerance),
                _short(item.explanation.note or item.explanation.sentence, 30),
            )
        console.print(table)
    if ds.kind in ("project", "department", "scoring"):
        grade = f"等级 声称 {ds.claimed_grade or '—'} / 计算 {ds.computed_grade or '—'}"
        console.print(
            f"  [bold]总分[/] 分值合计 {_n(ds.weight_total)}  声称 {_n(ds.claimed_total)} / 计算 "
            f"{_n(ds.computed_total)} {_mark(ds.claimed_total, ds.computed_total, tolerance)}   {grade}"
        )


def _short(text: str, width: int) -> str:
    from rich.markup import escape

    flat = " ".join(text.split())
    return escape(flat if len(flat) <= width else flat[: width - 1] + "…")
