"""Every rule kind explains itself, and docs/frameworks.md documents every key, rule kind and fact."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.frameworks import BUILTIN_DIR, FACT_NAMES, RULE_KINDS, describe_rule_kinds, loader, rule_params

DOCS = Path(__file__).resolve().parents[2] / "docs" / "frameworks.md"
CJK = re.compile(r"[\u4e00-\u9fff]")


def documented() -> set[str]:
    """Names in backticks; `[tables.project]` counts for tables and project."""
    names: set[str] = set()
    for token in re.findall(r"`([^`\s]+)`", DOCS.read_text(encoding="utf-8")):
        names.add(token)
        names.update(token.strip("[]").split("."))
    return names


def test_every_rule_kind_has_a_chinese_and_an_english_sentence() -> None:
    kinds = describe_rule_kinds()
    ids = [rule_id for rule_id, _, _ in kinds]
    assert len(ids) == len(set(ids))
    for rule_id, chinese, english in kinds:
        assert CJK.search(chinese), rule_id
        assert re.search(r"[A-Za-z]{3}", english), rule_id
    expected = {
        "execution", "ratio_capped", "inverse_linear", "inverse_ratio", "zero_target", "band", "deadline",
        "over_achievement", "not_applicable", "checklist", "ratio_points", "tiered", "control_limit",
        "quarterly_execution", "deduct_per_item", "sum_of_parts", "ratio", "change_rate", "saving_rate",
    }  # fmt: skip
    assert expected <= set(ids)


def test_every_rule_kind_and_parameter_is_documented() -> None:
    names = documented()
    for kind in RULE_KINDS.all():
        assert kind.id in names, kind.id
        for spec in kind.params:
            assert spec.name in names, (kind.id, spec.name)


def test_every_key_the_loader_accepts_is_documented() -> None:
    keys = {
        *loader.TOP_KEYS, *loader.FRAMEWORK_KEYS, *loader.SETTINGS_KEYS, *loader.MATCH_KEYS,
        *loader.TABLE_KEYS, *loader.LEVEL1_KEYS, *rule_params.DERIVED_KEYS, *rule_params.SCHEME_KEYS,
        *rule_params.ITEM_KEYS, *rule_params.PART_KEYS, *rule_params.TIER_KEYS,
        "name", "min", "quality", "low", "high", "department", "project", "documents",
    }  # fmt: skip
    missing = keys - documented()
    assert not missing


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_every_key_in_the_builtin_files_is_documented() -> None:
    names = documented()
    for path in BUILTIN_DIR.glob("*.toml"):
        raw = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        keys = _keys(raw) - {"project", "department"}  # table kinds under [tables]
        assert not keys - names, (path.name, keys - names)


def test_every_fact_is_documented() -> None:
    assert not set(FACT_NAMES) - documented()


def test_builtin_files_write_no_floats() -> None:
    for path in BUILTIN_DIR.glob("*.toml"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = re.sub(r'"[^"]*"', '""', line).split("#")[0]
            assert not re.search(r"=\s*-?\d+\.\d", code), f"{path.name}:{number} uses a float"


def test_a_third_party_rule_kind_works_like_a_builtin() -> None:
    from frameworks_builders import package, sheet

    from jixiao.frameworks import Outcome, ParamSpec, RuleKind, RuleUse, parse_framework, register_rule_kind
    from jixiao.frameworks.registry import FactLookup

    def at_least(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
        fact = facts.fact(use.text("value"))
        if fact.value is None:
            return Outcome(None, "达到下限得满分", note=f"缺少{fact.name}", missing=(fact.name,))
        minimum = use.decimal("minimum") or Decimal(0)
        return Outcome(points if fact.value >= minimum else Decimal(0), "达到下限得满分")

    kind = RuleKind(
        "test_at_least", "item", "达到下限得满分，否则0分", "full points at or above the minimum",
        (ParamSpec("value", "key"), ParamSpec("minimum", "number")), at_least,
    )  # fmt: skip
    register_rule_kind(kind)
    try:
        framework = parse_framework(
            '[framework]\nid = "plugin"\nname = "插件"\n\n[scheme]\nname = "表"\ntotal = 2\n\n'
            '[[scheme.items]]\nlevel1 = "甲"\nname = "满意度"\nweight = 2\n'
            'rule = "test_at_least"\nvalue = "satisfaction_rate"\nminimum = "90%"\n'
        )
        scored = score_package_with(framework, package(sheet(("甲", "", "满意度", "2", "2"))))
        assert scored.status == "unscorable"
        assert scored.explanation.note == "缺少服务对象满意度"
    finally:
        RULE_KINDS.unregister("test_at_least")


def score_package_with(framework: Any, found: Any) -> Any:
    from jixiao.frameworks import score_package

    return score_package(found, framework).documents[0].items[0]
