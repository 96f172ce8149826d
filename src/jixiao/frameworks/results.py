"""What scoring a package gives: every score with the rule, inputs and sentence behind it."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from jixiao.frameworks.registry import Fact
from jixiao.frameworks.schema import Framework
from jixiao.model import Document, FundsRow, GroupLabel, Indicator, ScoringItem, Source
from jixiao.model.records import record
from jixiao.values import Value

IndicatorStatus = Literal["scored", "band", "skipped", "unscorable", "checklist"]
ItemStatus = Literal["formula", "checklist", "unscorable"]


@record
class Explanation:
    """Why a score is what it is: the rule kind, its Chinese sentence, the inputs as shown."""

    rule: str  # a rule kind id (see describe_rule_kinds())
    sentence: str
    inputs: tuple[tuple[str, str], ...] = ()
    result: Decimal | None = None
    note: str | None = None  # Chinese: why it could not be scored, or what to watch


@record
class ExecutionScore:
    row: FundsRow
    weight: Decimal | None
    rate: Decimal | None  # fraction: executed / adjusted budget
    claimed_rate: Decimal | None  # fraction, from the 执行率 cell
    computed: Decimal | None
    claimed: Decimal | None
    explanation: Explanation


@record
class IndicatorScore:
    index: int  # position in the table's indicator block
    indicator: Indicator
    target: Value
    actual: Value
    weight: Decimal | None
    claimed: Decimal | None
    computed: Decimal | None
    band: tuple[Decimal, Decimal] | None  # allowed score range for qualitative rows (points)
    status: IndicatorStatus
    explanation: Explanation
    over_achieved: bool = False  # actual ≥ target × (1 + threshold): "指标值设定偏低"


@record
class SubgroupScore:
    level2: str
    weight_sum: Decimal
    claimed_sum: Decimal | None
    computed_sum: Decimal | None
    members: tuple[int, ...]  # indices into DocumentScore.indicators (or .items)
    known: bool  # the framework's structure names this level-2 under its level-1


@record
class GroupScore:
    level1: str
    label_weight: Decimal | None  # the weight written in the label ("产出指标（30分）")
    weight_sum: Decimal
    claimed_sum: Decimal | None
    computed_sum: Decimal | None
    level2: tuple[SubgroupScore, ...]
    expected_weight: Decimal | None = None  # the framework's fixed weight, if any
    known: bool = True  # the framework's structure has this level-1
    label: GroupLabel | None = None


@record
class ItemScore:
    """A scoring-sheet (or scheme) item."""

    item: ScoringItem
    weight: Decimal | None
    claimed: Decimal | None
    computed: Decimal | None
    status: ItemStatus
    explanation: Explanation
    band: tuple[Decimal, Decimal] | None = None  # range left to the preparer's judgment
    parts: tuple[Explanation, ...] = ()  # one per part of the framework's item


@record
class DocumentScore:
    document: Document
    kind: str
    name: str
    execution: ExecutionScore | None
    indicators: tuple[IndicatorScore, ...]
    groups: tuple[GroupScore, ...]
    items: tuple[ItemScore, ...]
    weight_total: Decimal | None  # execution weight + indicator weights (or item weights)
    claimed_total: Decimal | None  # the 总分 / 综合评分 as written
    computed_total: Decimal | None
    claimed_grade: str | None
    computed_grade: str | None
    claimed_sum: Decimal | None = None  # the sum of the scores as written, row by row
    estimated: bool = False  # some unscorable row's claim stands in the computed total
    notes: tuple[str, ...] = ()


@record
class Derived:
    key: str
    name: str
    value: Decimal | None
    formula_sentence: str
    inputs: tuple[tuple[str, str], ...]
    claimed: Decimal | None
    sources: tuple[Source, ...]
    unit: str | None = "rate"
    note: str | None = None


@record
class PackageScore:
    framework: Framework
    documents: tuple[DocumentScore, ...]
    derived: tuple[Derived, ...]
    scheme: DocumentScore | None = None  # the framework's scheme scored from facts, when no sheet
    facts: tuple[Fact, ...] = ()

    def for_document(self, document: Document) -> DocumentScore | None:
        return next((s for s in self.documents if s.document is document), None)

    def derived_value(self, key: str) -> Derived | None:
        return next((d for d in self.derived if d.key == key), None)
