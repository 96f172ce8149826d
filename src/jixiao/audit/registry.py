"""The registry of audit rules: each a small function with a stable id, family and severity.

Built-in rules register exactly as a third party's would::

    @rule("arith.three-public-sum", family="arithmetic", severity="error",
          title="三公经费等于三项之和", title_en="三公 total equals its three parts")
    def three_public_sum(ctx: AuditContext) -> Iterator[Finding]: ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao.audit.finding import Finding, Severity

if TYPE_CHECKING:
    from jixiao.audit.context import AuditContext

Check = Callable[["AuditContext"], Iterator[Finding]]

FAMILIES: dict[str, str] = {
    "arithmetic": "计算",
    "scoring": "计分",
    "logic": "逻辑",
    "units": "单位与量级",
    "narrative": "文字与表格",
    "dates": "年度与日期",
    "copies": "复制粘贴",
    "completeness": "完整性",
}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    family: str
    severity: Severity  # the usual severity; a finding may say otherwise
    title: str  # Chinese: what the rule checks
    title_en: str
    check: Check


_RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, family: str, severity: Severity, title: str, title_en: str) -> Callable[[Check], Check]:
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")

    def register(check: Check) -> Check:
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        _RULES[rule_id] = Rule(rule_id, family, severity, title, title_en, check)
        return check

    return register


def all_rules() -> tuple[Rule, ...]:
    from jixiao.audit import rules as _builtin  # noqa: F401 - registers the built-in rules

    return tuple(_RULES.values())


def get_rule(rule_id: str) -> Rule | None:
    return {r.id: r for r in all_rules()}.get(rule_id)
