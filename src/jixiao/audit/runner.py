"""One loop over the registry. A rule that fails to evaluate becomes a finding, never silence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jixiao.allocation import gc_paused
from jixiao.audit.context import AuditContext
from jixiao.audit.finding import SEVERITY_ORDER, Finding
from jixiao.audit.registry import all_rules

if TYPE_CHECKING:
    from jixiao.frameworks import PackageScore
    from jixiao.model import Package


def run(package: Package, score: PackageScore, *, rules: Sequence[str] = ()) -> tuple[Finding, ...]:
    with gc_paused():  # the rules allocate many short-lived objects and no cycles
        return _run(package, score, rules)


def _run(package: Package, score: PackageScore, rules: Sequence[str]) -> tuple[Finding, ...]:
    context = AuditContext(package, score)
    wanted = set(rules)
    findings: list[Finding] = []
    for rule in all_rules():
        if wanted and rule.id not in wanted and not any(rule.id.startswith(w + ".") for w in wanted):
            continue
        try:
            findings.extend(rule.check(context))
        except Exception as error:
            findings.append(
                Finding(
                    rule="audit.rule-failed",
                    severity="warning",
                    message=f"规则 {rule.id} 无法执行（{type(error).__name__}），其检查结果未知",
                    message_en=f"rule {rule.id} could not be evaluated ({type(error).__name__}: {error})",
                    family=rule.family,
                )
            )
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.document, f.source.line or 0))
    return tuple(findings)
