"""Terminal rendering of findings: grouped by document, errors first, with the figures."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from jixiao.pipeline import FileResult

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


def render_findings(console: Console, result: FileResult) -> None:
    from rich.markup import escape

    findings = result.findings
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    console.print()
    console.print(f"[bold]审核结果 Audit[/]：错误 {counts['error']} · 警告 {counts['warning']} · 提示 {counts['info']}")
    ordered = sorted(findings, key=lambda f: (f.document, {"error": 0, "warning": 1, "info": 2}[f.severity]))
    for document, group in groupby(ordered, key=lambda f: f.document):
        console.print(f"\n[bold underline]{escape(document or '整个报告包')}[/]")
        for finding in group:
            where = f"第{finding.line}行" if finding.line else ""
            location = " · ".join(x for x in (finding.location, where) if x)
            console.print(
                f"  [{_STYLE[finding.severity]}]{_LABEL[finding.severity]}[/] {escape(finding.message)}"
                f"  [dim]{escape(location)} {escape('[' + finding.rule + ']')}[/]",
                markup=True,
                highlight=False,
            )
