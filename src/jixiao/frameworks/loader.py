"""Framework files (TOML) → :class:`Framework`, checked strictly (docs/frameworks.md)."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.frameworks.errors import FrameworkError
from jixiao.frameworks.reading import Reader, Table
from jixiao.frameworks.rule_params import read_derived, read_scheme
from jixiao.frameworks.schema import (
    DEFAULT_POSITIVE_WORDS,
    DOCUMENT_KINDS,
    TABLE_KINDS,
    Band,
    Framework,
    Grade,
    Level1Spec,
    MatchRule,
    Outline,
    Settings,
    TableSpec,
)

BUILTIN_DIR = Path(__file__).parent / "builtin"
TOP_KEYS = (
    "framework", "match", "package", "settings", "grades", "bands", "tables", "outline", "derived", "scheme",
)  # fmt: skip
FRAMEWORK_KEYS = ("id", "name", "name_en", "description", "extends", "fallback")
SETTINGS_KEYS = (
    "execution_weight", "execution_rate_floor", "total_weight", "over_achievement_threshold",
    "over_achievement_deduct", "inverse_formula", "strict_operators", "plain_number_operator",
    "rescale_not_applicable", "amount_tolerance", "score_tolerance", "positive_words",
)  # fmt: skip
MATCH_KEYS = ("documents", "any_documents", "keywords", "level1_present", "level1_absent", "priority")
TABLE_KEYS = ("title", "weights", "total", "level1")
LEVEL1_KEYS = ("name", "weight", "level2")
DEFAULT_GRADES = (
    Grade("优", Decimal(90)),
    Grade("良", Decimal(80)),
    Grade("中", Decimal(60)),
    Grade("差", Decimal(0)),
)
DEFAULT_BANDS = (
    Band("达成", Decimal("0.8"), Decimal(1)),
    Band("部分达成", Decimal("0.6"), Decimal("0.8")),
    Band("未达成", Decimal(0), Decimal("0.6")),
)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_TOML_POSITION = re.compile(r"at line (\d+)")


def load_framework(path: str | Path) -> Framework:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FrameworkError(
            f"无法读取框架文件：{error}", f"cannot read the framework file: {error}", path=str(path)
        ) from error
    return parse_framework(text, path=str(path))


def parse_framework(text: str, *, path: str | None = None) -> Framework:
    raw = _merged(text, path, depth=0)
    return _build(Reader(text, path), raw, path)


def _toml(text: str, path: str | None) -> Table:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        raise FrameworkError(
            f"TOML 语法错误：{error}",
            f"TOML syntax error: {error}",
            line=int(found.group(1)) if found else None,
            path=path,
        ) from error


def _merged(text: str, path: str | None, depth: int) -> Table:
    """The file's tables on top of those of the framework it extends (if any)."""
    raw = _toml(text, path)
    reader = Reader(text, path)
    head = raw.get("framework")
    if not isinstance(head, dict) or "extends" not in head:
        return raw
    base_name = reader.string(head, "extends", ("framework",))
    if depth > 4:
        reader.fail(("framework", "extends"), "框架继承层级过深", "too many levels of 'extends'")
    base_text, base_path = _base_text(reader, base_name, path)
    base = _merged(base_text, base_path, depth + 1)
    merged = {key: value for key, value in base.items() if key not in ("framework", "match")}
    for key, value in raw.items():
        if key in ("settings", "tables") and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _base_text(reader: Reader, name: str, path: str | None) -> tuple[str, str]:
    if name.endswith(".toml"):
        base = Path(path).parent / name if path else Path(name)
    else:
        base = BUILTIN_DIR / f"{name}.toml"
    try:
        return base.read_text(encoding="utf-8"), str(base)
    except OSError:
        reader.fail(
            ("framework", "extends"),
            f"找不到要继承的框架「{name}」",
            f"cannot find the framework '{name}' to extend",
        )


def _build(reader: Reader, raw: Table, path: str | None) -> Framework:
    reader.table(raw, (), TOP_KEYS)
    head = reader.table(raw.get("framework"), ("framework",), FRAMEWORK_KEYS) if "framework" in raw else None
    if head is None:
        reader.fail((), "缺少 [framework] 表", "the [framework] table is missing")
    where = ("framework",)
    framework_id = reader.string(head, "id", where)
    if not _ID.match(framework_id):
        reader.fail(
            (*where, "id"),
            f"框架标识「{framework_id}」只能含小写字母、数字、点、横线和下划线",
            f"framework id '{framework_id}' may hold only lower-case letters, digits, '.', '-' and '_'",
        )
    settings = _settings(reader, raw.get("settings", {}))
    derived = read_derived(reader, raw.get("derived", []))
    return Framework(
        id=framework_id,
        name=reader.string(head, "name", where),
        name_en=reader.string(head, "name_en", where, default=framework_id),
        description=reader.string(head, "description", where, default=""),
        path=path,
        settings=settings,
        grades=_grades(reader, raw["grades"]) if "grades" in raw else DEFAULT_GRADES,
        bands=_bands(reader, raw["bands"]) if "bands" in raw else DEFAULT_BANDS,
        tables=_tables(reader, raw.get("tables", {}), settings),
        outline=_outline(reader, raw.get("outline", {})),
        matches=_matches(reader, raw.get("match", [])),
        fallback=reader.boolean(head, "fallback", where, False),
        required_documents=_package(reader, raw.get("package", {})),
        derived=derived,
        scheme=read_scheme(reader, raw["scheme"], derived) if "scheme" in raw else None,
        extends=reader.optional_string(head, "extends", where),
    )


def _settings(reader: Reader, raw: Any) -> Settings:
    where = ("settings",)
    data = reader.table(raw, where, SETTINGS_KEYS)
    d = Settings()
    return Settings(
        execution_weight=reader.number(data, "execution_weight", where, default=d.execution_weight, percent=False),
        execution_rate_floor=reader.number(data, "execution_rate_floor", where, default=d.execution_rate_floor),
        total_weight=reader.number(data, "total_weight", where, default=d.total_weight, percent=False),
        over_achievement_threshold=reader.number(
            data, "over_achievement_threshold", where, default=d.over_achievement_threshold
        ),
        over_achievement_deduct=reader.boolean(data, "over_achievement_deduct", where, d.over_achievement_deduct),
        inverse_formula="ratio"
        if reader.choice(data, "inverse_formula", where, ("linear", "ratio"), d.inverse_formula) == "ratio"
        else "linear",
        strict_operators="exclusive"
        if reader.choice(data, "strict_operators", where, ("inclusive", "exclusive"), d.strict_operators) == "exclusive"
        else "inclusive",
        plain_number_operator="eq"
        if reader.choice(data, "plain_number_operator", where, ("ge", "eq"), d.plain_number_operator) == "eq"
        else "ge",
        rescale_not_applicable=reader.boolean(data, "rescale_not_applicable", where, d.rescale_not_applicable),
        amount_tolerance=reader.number(data, "amount_tolerance", where, default=d.amount_tolerance, percent=False),
        score_tolerance=reader.number(data, "score_tolerance", where, default=d.score_tolerance, percent=False),
        positive_words=reader.strings(data, "positive_words", where)
        if "positive_words" in data
        else DEFAULT_POSITIVE_WORDS,
    )


def _grades(reader: Reader, raw: Any) -> tuple[Grade, ...]:
    grades: list[Grade] = []
    for i, data in enumerate(reader.tables(raw, ("grades",), ("name", "min"))):
        where = ("grades", i)
        grade = Grade(reader.string(data, "name", where), reader.number(data, "min", where, percent=False))
        if grades and grade.minimum >= grades[-1].minimum:
            reader.fail((*where, "min"), "等级须按下限从高到低排列", "grades must go from the highest minimum down")
        grades.append(grade)
    if not grades or grades[-1].minimum != 0:
        reader.fail(("grades",), "最后一个等级的下限须为 0", "the last grade must have min 0")
    return tuple(grades)


def _bands(reader: Reader, raw: Any) -> tuple[Band, ...]:
    bands: list[Band] = []
    for i, data in enumerate(reader.tables(raw, ("bands",), ("quality", "low", "high"))):
        where = ("bands", i)
        band = Band(
            reader.string(data, "quality", where),
            reader.number(data, "low", where),
            reader.number(data, "high", where),
        )
        if not 0 <= band.low <= band.high <= 1:
            reader.fail((*where, "low"), "分档须满足 0 ≤ low ≤ high ≤ 1", "a band needs 0 ≤ low ≤ high ≤ 1")
        bands.append(band)
    return tuple(bands)


def _tables(reader: Reader, raw: Any, settings: Settings) -> tuple[TableSpec, ...]:
    data = reader.table(raw, ("tables",), TABLE_KINDS)
    specs: list[TableSpec] = []
    for kind, value in data.items():
        where = ("tables", kind)
        table = reader.table(value, where, TABLE_KEYS)
        weights = reader.choice(table, "weights", where, ("fixed", "free"), "free")
        level1: list[Level1Spec] = []
        for i, item in enumerate(reader.tables(table.get("level1", []), (*where, "level1"), LEVEL1_KEYS)):
            at = (*where, "level1", i)
            level1.append(
                Level1Spec(
                    reader.string(item, "name", at),
                    reader.optional_number(item, "weight", at, percent=False),
                    reader.strings(item, "level2", at),
                )
            )
        total = reader.number(table, "total", where, default=settings.total_weight, percent=False)
        if weights == "fixed":
            if any(spec.weight is None for spec in level1) or not level1:
                reader.fail(
                    (*where, "level1"),
                    "固定权重时每个一级指标都须有 weight",
                    "fixed weights need a weight on every level1",
                )
            declared = settings.execution_weight + sum((spec.weight or Decimal(0) for spec in level1), Decimal(0))
            if declared != total:
                reader.fail(
                    (*where, "weights"),
                    f"执行率分值与一级指标分值之和为 {declared}，不等于总分 {total}",
                    f"execution weight plus level-1 weights is {declared}, not the total {total}",
                )
        specs.append(
            TableSpec(
                kind,
                reader.string(table, "title", where, default=""),
                "fixed" if weights == "fixed" else "free",
                total,
                tuple(level1),
            )
        )
    return tuple(specs)


def _outline(reader: Reader, raw: Any) -> Outline:
    data = reader.table(raw, ("outline",), ("department", "project"))
    return Outline(reader.strings(data, "department", ("outline",)), reader.strings(data, "project", ("outline",)))


def _kinds(reader: Reader, data: Table, key: str, where: tuple[str | int, ...]) -> tuple[str, ...]:
    kinds = reader.strings(data, key, where)
    for kind in kinds:
        if kind not in DOCUMENT_KINDS:
            reader.fail(
                (*where, key),
                f"未知的文档类型「{kind}」（可用：{'、'.join(DOCUMENT_KINDS)}）",
                f"unknown document kind '{kind}' (allowed: {', '.join(DOCUMENT_KINDS)})",
            )
    return kinds


def _matches(reader: Reader, raw: Any) -> tuple[MatchRule, ...]:
    rules: list[MatchRule] = []
    for i, data in enumerate(reader.tables(raw, ("match",), MATCH_KEYS)):
        where = ("match", i)
        rules.append(
            MatchRule(
                documents=_kinds(reader, data, "documents", where),
                any_documents=_kinds(reader, data, "any_documents", where),
                keywords=reader.strings(data, "keywords", where),
                level1_present=reader.strings(data, "level1_present", where),
                level1_absent=reader.strings(data, "level1_absent", where),
                priority=reader.integer(data, "priority", where, 0),
            )
        )
    return tuple(rules)


def _package(reader: Reader, raw: Any) -> tuple[str, ...]:
    data = reader.table(raw, ("package",), ("documents",))
    return _kinds(reader, data, "documents", ("package",))
