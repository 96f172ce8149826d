"""The auditor: checks grouped by family, a registry with stable ids, one runner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jixiao.audit.finding import SEVERITY_ORDER, Finding, Severity

if TYPE_CHECKING:
    from jixiao.frameworks import PackageScore
    from jixiao.model import Package

__all__ = ["SEVERITY_ORDER", "Finding", "Severity", "run_audit"]


def run_audit(package: Package, score: PackageScore, *, rules: Sequence[str] = ()) -> tuple[Finding, ...]:
    """Every finding of every registered rule (or of the rules named), errors first."""
    from jixiao.audit.runner import run

    return run(package, score, rules=rules)
