"""What a framework file says, as immutable records (docs/frameworks.md describes every key)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

DOCUMENT_KINDS = ("basic", "department", "project", "scoring", "goals")
TABLE_KINDS = ("project", "department")

DEFAULT_POSITIVE_WORDS = (
    "完成",
    "已完成",
    "全部完成",
    "已全部完成",
    "按时完成",
    "按期完成",
    "如期完成",
    "达成",
    "已达成",
    "达到",
    "已达到",
    "达标",
    "良好",
    "有效",
    "合格",
    "满意",
    "是",
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The knobs of the scoring rules (domain.md §4); every one has a documented default."""

    execution_weight: Decimal = Decimal(10)
    execution_rate_floor: Decimal = Decimal("0.9")  # below this an explanation is expected
    total_weight: Decimal = Decimal(100)
    over_achievement_threshold: Decimal = Decimal("0.5")
    over_achievement_deduct: bool = False
    inverse_formula: Literal["linear", "ratio"] = "linear"
    strict_operators: Literal["inclusive", "exclusive"] = "inclusive"
    plain_number_operator: Literal["ge", "eq"] = "ge"
    rescale_not_applicable: bool = False
    amount_tolerance: Decimal = Decimal("0.01")
    score_tolerance: Decimal = Decimal("0.1")
    positive_words: tuple[str, ...] = DEFAULT_POSITIVE_WORDS


@dataclass(frozen=True, slots=True)
class Grade:
    name: str
    minimum: Decimal  # inclusive lower bound of the total


@dataclass(frozen=True, slots=True)
class Band:
    """A qualitative band: the score lies between ``low`` and ``high`` (fractions of the weight)."""

    quality: str
    low: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class Level1Spec:
    name: str
    weight: Decimal | None = None  # fixed weight; None when the table states its own
    level2: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableSpec:
    kind: str  # "project" | "department"
    title: str = ""
    weights: Literal["fixed", "free"] = "free"
    total: Decimal = Decimal(100)
    level1: tuple[Level1Spec, ...] = ()

    def level1_named(self, name: str) -> Level1Spec | None:
        return next((spec for spec in self.level1 if spec.name == name), None)


@dataclass(frozen=True, slots=True)
class MatchRule:
    """One way a package can fit the framework; a framework fits when any of its rules fits."""

    documents: tuple[str, ...] = ()
    any_documents: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    level1_present: tuple[str, ...] = ()
    level1_absent: tuple[str, ...] = ()
    priority: int = 0


@dataclass(frozen=True, slots=True)
class Outline:
    """The narrative report's expected section titles."""

    department: tuple[str, ...] = ()
    project: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tier:
    """A tier of a ``tiered`` rule: every bound given must hold; then the tier gives ``points``."""

    points: Decimal
    at_least: Decimal | None = None
    above: Decimal | None = None
    at_most: Decimal | None = None
    below: Decimal | None = None

    def holds(self, value: Decimal) -> bool:
        return (
            (self.at_least is None or value >= self.at_least)
            and (self.above is None or value > self.above)
            and (self.at_most is None or value <= self.at_most)
            and (self.below is None or value < self.below)
        )


ParamValue = Decimal | str | bool | tuple[Decimal, ...] | tuple[str, ...] | tuple[Tier, ...]


@dataclass(frozen=True, slots=True)
class RuleUse:
    """A rule kind applied with its parameters (and, for a part of an item, its points)."""

    rule: str
    params: tuple[tuple[str, ParamValue], ...] = ()
    points: Decimal | None = None

    def get(self, name: str) -> ParamValue | None:
        return next((value for key, value in self.params if key == name), None)

    def decimal(self, name: str, default: Decimal | None = None) -> Decimal | None:
        value = self.get(name)
        return value if isinstance(value, Decimal) else default

    def text(self, name: str, default: str = "") -> str:
        value = self.get(name)
        return value if isinstance(value, str) else default

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.get(name)
        return tuple(v for v in value if isinstance(v, str)) if isinstance(value, tuple) else ()

    def decimals(self, name: str) -> tuple[Decimal, ...]:
        value = self.get(name)
        return tuple(v for v in value if isinstance(v, Decimal)) if isinstance(value, tuple) else ()

    def tiers(self, name: str) -> tuple[Tier, ...]:
        value = self.get(name)
        return tuple(v for v in value if isinstance(v, Tier)) if isinstance(value, tuple) else ()


@dataclass(frozen=True, slots=True)
class DerivedSpec:
    """A figure the framework derives from the package's facts (e.g. 在职人员控制率)."""

    key: str
    name: str
    use: RuleUse
    claimed: str | None = None  # a fact key holding the figure as the package states it
    sentence: str | None = None  # replaces the rule kind's sentence when given


@dataclass(frozen=True, slots=True)
class SchemeItem:
    level1: str
    level2: str
    name: str
    weight: Decimal
    parts: tuple[RuleUse, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scheme:
    """A points scheme of level-3 items (a scoring sheet such as Shenzhen's)."""

    name: str
    items: tuple[SchemeItem, ...]
    total: Decimal = Decimal(100)


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    name: str
    name_en: str
    description: str = ""
    path: str | None = None
    settings: Settings = field(default_factory=Settings)
    grades: tuple[Grade, ...] = ()
    bands: tuple[Band, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    outline: Outline = field(default_factory=Outline)
    matches: tuple[MatchRule, ...] = ()
    fallback: bool = False
    required_documents: tuple[str, ...] = ()
    derived: tuple[DerivedSpec, ...] = ()
    scheme: Scheme | None = None
    extends: str | None = None

    def table(self, kind: str) -> TableSpec | None:
        return next((spec for spec in self.tables if spec.kind == kind), None)

    def band(self, quality: str) -> Band | None:
        return next((band for band in self.bands if band.quality == quality), None)
