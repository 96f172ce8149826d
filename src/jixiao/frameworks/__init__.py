"""Frameworks: scoring rules as data (builtin/*.toml) and the engine that applies them.

See docs/frameworks.md for the file format and every rule kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from jixiao.frameworks.detect import best_fit
from jixiao.frameworks.engine import score_execution, score_package, score_table
from jixiao.frameworks.errors import FrameworkError
from jixiao.frameworks.facts import FACT_NAMES, Facts, resolve_facts
from jixiao.frameworks.indicators import read_indicator, read_value, score_indicator
from jixiao.frameworks.loader import BUILTIN_DIR, load_framework, parse_framework
from jixiao.frameworks.registry import (
    RULE_KINDS,
    Fact,
    Outcome,
    ParamSpec,
    RuleKind,
    describe_rule_kinds,
    register_rule_kind,
)
from jixiao.frameworks.results import (
    Derived,
    DocumentScore,
    ExecutionScore,
    Explanation,
    GroupScore,
    IndicatorScore,
    ItemScore,
    PackageScore,
    SubgroupScore,
)
from jixiao.frameworks.schema import (
    Band,
    DerivedSpec,
    Framework,
    Grade,
    Level1Spec,
    MatchRule,
    Outline,
    RuleUse,
    Scheme,
    SchemeItem,
    Settings,
    TableSpec,
    Tier,
)
from jixiao.frameworks.totals import grade_for as _grade_for
from jixiao.model import Package

__all__ = [
    "BUILTIN_DIR", "FACT_NAMES", "RULE_KINDS", "Band", "Derived", "DerivedSpec", "DocumentScore",
    "ExecutionScore", "Explanation", "Fact", "Facts", "Framework", "FrameworkError", "Grade", "GroupScore",
    "IndicatorScore", "ItemScore", "Level1Spec", "MatchRule", "Outcome", "Outline", "PackageScore",
    "ParamSpec", "RuleKind", "RuleUse", "Scheme", "SchemeItem", "Settings", "SubgroupScore", "TableSpec",
    "Tier", "builtin_frameworks", "describe_rule_kinds", "detect_framework", "get_framework", "grade_for",
    "load_framework", "parse_framework", "read_indicator", "read_value", "register_rule_kind",
    "resolve_facts", "score_execution", "score_indicator", "score_package", "score_table",
]  # fmt: skip


@lru_cache(maxsize=1)
def builtin_frameworks() -> tuple[Framework, ...]:
    """The shipped frameworks (builtin/*.toml), loaded once."""
    return tuple(load_framework(path) for path in sorted(BUILTIN_DIR.glob("*.toml")))


def get_framework(name_or_path: str) -> Framework:
    """A builtin framework by id, or a framework file by path."""
    for framework in builtin_frameworks():
        if framework.id == name_or_path:
            return framework
    path = Path(name_or_path)
    if name_or_path.endswith(".toml") or path.is_file():
        return load_framework(path)
    known = ", ".join(f.id for f in builtin_frameworks())
    raise FrameworkError(
        f"未知的框架「{name_or_path}」（内置框架：{known}；也可给出 .toml 文件路径）",
        f"unknown framework '{name_or_path}' (builtin: {known}; or give the path of a .toml file)",
    )


def detect_framework(package: Package, *, candidates: Sequence[Framework] | None = None) -> Framework:
    """The framework that fits the package best; ``package.framework`` wins when it is known."""
    frameworks = tuple(candidates) if candidates is not None else builtin_frameworks()
    if package.framework:
        named = next((f for f in frameworks if f.id == package.framework), None)
        if named is not None:
            return named
    chosen = best_fit(package, frameworks)
    return chosen if chosen is not None else frameworks[0]


def grade_for(total: Decimal, framework: Framework) -> str:
    """The grade of a total under the framework's thresholds (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差)."""
    return _grade_for(total, framework)
