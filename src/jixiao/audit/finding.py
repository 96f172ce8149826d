"""A finding: one inconsistency, with the rule, severity, where it is and the figures."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Literal

from jixiao.model import NOWHERE, Source
from jixiao.model.records import record

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@record
class Finding:
    rule: str  # stable id, e.g. "arith.project-funds-sum"
    severity: Severity
    message: str  # plain Chinese, stating the figures
    message_en: str
    document: str = ""  # the document's name ("附件3-2", "基础数据表", "自评报告")
    location: str = ""  # table, row and column in words ("年度资金总额 · 全年执行数")
    source: Source = field(default=NOWHERE)
    expected: str | None = None
    found: str | None = None
    family: str = ""  # arithmetic, scoring, logic, units, narrative, dates, copies, completeness

    @property
    def line(self) -> int | None:
        return self.source.line

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "message_en": self.message_en,
            "document": self.document,
            "location": self.location,
            "line": self.source.line,
            "expected": self.expected,
            "found": self.found,
            "family": self.family,
            "source": {
                "file": self.source.file,
                "line": self.source.line,
                "table": self.source.table,
                "row": self.source.row,
                "column": self.source.column,
            },
        }
