"""Reading ``[[derived]]`` and ``[scheme]`` tables: rule kinds and their parameters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NoReturn

from jixiao.frameworks.facts import FACT_NAMES
from jixiao.frameworks.lines import Path
from jixiao.frameworks.reading import Reader, Table
from jixiao.frameworks.registry import RULE_KINDS, Family, ParamSpec, RuleKind, describe_rule_kinds
from jixiao.frameworks.schema import DerivedSpec, ParamValue, RuleUse, Scheme, SchemeItem, Tier

DERIVED_KEYS = ("key", "name", "rule", "claimed", "sentence")
SCHEME_KEYS = ("name", "total", "items")
ITEM_KEYS = ("level1", "level2", "name", "aliases", "weight", "rule", "parts")
PART_KEYS = ("rule", "points")
TIER_KEYS = ("at_least", "above", "at_most", "below", "points")


def read_derived(reader: Reader, raw: Any) -> tuple[DerivedSpec, ...]:
    specs: list[DerivedSpec] = []
    known = set(FACT_NAMES)
    for i, data in enumerate(reader.tables(raw, ("derived",), DERIVED_KEYS + _all_params())):
        where: Path = ("derived", i)
        kind = _kind(reader, data, where, "derived")
        key = reader.string(data, "key", where)
        if key in known:
            reader.fail((*where, "key"), f"键「{key}」已被使用", f"the key '{key}' is already taken")
        claimed = reader.optional_string(data, "claimed", where)
        if claimed is not None and claimed not in known:
            _unknown_fact(reader, (*where, "claimed"), claimed)
        use = RuleUse(kind.id, _params(reader, data, where, kind, DERIVED_KEYS, known))
        specs.append(
            DerivedSpec(
                key,
                reader.string(data, "name", where),
                use,
                claimed,
                reader.optional_string(data, "sentence", where),
            )
        )
        known.add(key)
    return tuple(specs)


def read_scheme(reader: Reader, raw: Any, derived: tuple[DerivedSpec, ...]) -> Scheme:
    where: Path = ("scheme",)
    data = reader.table(raw, where, SCHEME_KEYS)
    known = set(FACT_NAMES) | {spec.key for spec in derived}
    items: list[SchemeItem] = []
    for i, item in enumerate(reader.tables(data.get("items", []), (*where, "items"), ITEM_KEYS + _all_params())):
        items.append(_item(reader, item, (*where, "items", i), known))
    total = reader.number(data, "total", where, default=Decimal(100), percent=False)
    weights = sum((item.weight for item in items), Decimal(0))
    if items and weights != total:
        reader.fail(
            (*where, "total"),
            f"各指标分值之和为 {weights}，不等于总分 {total}",
            f"the item weights add up to {weights}, not the total {total}",
        )
    return Scheme(reader.string(data, "name", where), tuple(items), total)


def _item(reader: Reader, data: Table, where: Path, known: set[str]) -> SchemeItem:
    weight = reader.number(data, "weight", where, percent=False)
    if "parts" in data:
        if "rule" in data:
            reader.fail((*where, "rule"), "「rule」与「parts」只能用其一", "use either 'rule' or 'parts', not both")
        extra = next((key for key in data if key not in ITEM_KEYS), None)
        if extra is not None:
            reader.fail((*where, extra), f"未知的键「{extra}」", f"unknown key '{extra}'")
        parts = []
        tables = reader.tables(data["parts"], (*where, "parts"), PART_KEYS + _all_params())
        for i, part in enumerate(tables):
            at = (*where, "parts", i)
            kind = _kind(reader, part, at, "item")
            points = reader.number(part, "points", at, percent=False)
            parts.append(RuleUse(kind.id, _params(reader, part, at, kind, PART_KEYS, known), points))
        total = sum((part.points or Decimal(0) for part in parts), Decimal(0))
        if total != weight:
            reader.fail(
                (*where, "weight"),
                f"各部分分值之和为 {total}，不等于指标分值 {weight}",
                f"the parts' points add up to {total}, not the item weight {weight}",
            )
    else:
        kind = _kind(reader, data, where, "item", default="checklist")
        parts = [RuleUse(kind.id, _params(reader, data, where, kind, ITEM_KEYS, known), weight)]
    return SchemeItem(
        level1=reader.string(data, "level1", where),
        level2=reader.string(data, "level2", where, default=""),
        name=reader.string(data, "name", where),
        weight=weight,
        parts=tuple(parts),
        aliases=reader.strings(data, "aliases", where),
    )


def _all_params() -> tuple[str, ...]:
    describe_rule_kinds()  # make sure the builtin kinds are registered
    names: list[str] = []
    for kind in RULE_KINDS.all():
        names.extend(spec.name for spec in kind.params if spec.name not in names)
    return tuple(names)


def _kind(reader: Reader, data: Table, where: Path, family: Family, default: str | None = None) -> RuleKind:
    describe_rule_kinds()
    rule_id = reader.string(data, "rule", where, default=default)
    kind = RULE_KINDS.get(rule_id)
    if kind is None or kind.family != family or not kind.selectable:
        allowed = "、".join(k.id for k in RULE_KINDS.all() if k.family == family and k.selectable)
        reader.fail(
            (*where, "rule"),
            f"未知的规则类型「{rule_id}」（可用：{allowed}）",
            f"unknown rule kind '{rule_id}' here (allowed: {allowed.replace('、', ', ')})",
        )
    return kind


def _params(
    reader: Reader, data: Table, where: Path, kind: RuleKind, reserved: tuple[str, ...], known: set[str]
) -> tuple[tuple[str, ParamValue], ...]:
    for key in data:
        if key not in reserved and kind.param(key) is None:
            names = "、".join(spec.name for spec in kind.params) or "无"
            reader.fail(
                (*where, key),
                f"规则「{kind.id}」没有参数「{key}」（可用：{names}）",
                f"rule kind '{kind.id}' has no parameter '{key}'",
            )
    params: list[tuple[str, ParamValue]] = []
    for spec in kind.params:
        if spec.name in data:
            params.append((spec.name, _param(reader, data[spec.name], (*where, spec.name), spec, known)))
        elif spec.required:
            reader.fail(
                where,
                f"规则「{kind.id}」缺少参数「{spec.name}」",
                f"rule kind '{kind.id}' needs the parameter '{spec.name}'",
            )
        elif spec.default is not None:
            params.append((spec.name, spec.default))
    return tuple(params)


def _param(reader: Reader, value: Any, where: Path, spec: ParamSpec, known: set[str]) -> ParamValue:
    name = spec.name
    if spec.kind in ("key", "choice"):
        if not isinstance(value, str):
            reader.fail(where, f"参数「{name}」应为字符串", f"parameter '{name}' must be a string")
        if spec.kind == "key" and value not in known:
            _unknown_fact(reader, where, value)
        if spec.kind == "choice" and value not in spec.choices:
            reader.fail(
                where,
                f"参数「{name}」的值「{value}」无效（可用：{'、'.join(spec.choices)}）",
                f"parameter '{name}' must be one of {', '.join(spec.choices)}",
            )
        return value
    if spec.kind == "number":
        return reader.to_number(value, where, name)
    if spec.kind == "tiers":
        tiers = []
        for i, tier in enumerate(reader.tables(value, where, TIER_KEYS)):
            at = (*where, i)
            tiers.append(
                Tier(
                    reader.number(tier, "points", at, percent=False),
                    *(reader.optional_number(tier, bound, at) for bound in TIER_KEYS[:4]),
                )
            )
        return tuple(tiers)
    if not isinstance(value, list):
        reader.fail(where, f"参数「{name}」应为数组", f"parameter '{name}' must be an array")
    if spec.length is not None and len(value) != spec.length:
        reader.fail(where, f"参数「{name}」应有 {spec.length} 项", f"parameter '{name}' needs {spec.length} entries")
    if spec.kind == "keys":
        for entry in value:
            if not isinstance(entry, str) or entry not in known:
                _unknown_fact(reader, where, str(entry))
        return tuple(value)
    return tuple(reader.to_number(entry, (*where, i), name) for i, entry in enumerate(value))


def _unknown_fact(reader: Reader, where: Path, key: str) -> NoReturn:
    reader.fail(
        where,
        f"未知的事实或派生指标「{key}」（见 docs/frameworks.md 的事实表）",
        f"unknown fact or derived key '{key}' (see the facts in docs/frameworks.md)",
    )
