"""The domain model: immutable records, Decimal figures, a Source on everything. No I/O."""

from jixiao.model.cells import EMPTY_CELL, EMPTY_FIGURE, Cell, Figure
from jixiao.model.decimals import D, close, fmt2, fmt_percent, round2, try_decimal
from jixiao.model.documents import (
    BENEFIT,
    COST,
    OUTPUT,
    SATISFACTION,
    Amount,
    BasicData,
    BuildingRow,
    DepartmentTable,
    Document,
    DocumentKind,
    ExpenseCategory,
    ExpenseRow,
    FundsRow,
    Goal,
    GoalsTable,
    GroupLabel,
    Indicator,
    IndicatorBlock,
    ProjectTable,
    ScoringItem,
    ScoringSheet,
    SignOff,
    Staffing,
    TaskRow,
)
from jixiao.model.narrative import Narrative, Paragraph, Section, Statement, StatementKind
from jixiao.model.package import FORMAT_VERSION, Cover, Package, ReadNote
from jixiao.model.source import NOWHERE, Source

__all__ = [
    "BENEFIT", "COST", "EMPTY_CELL", "EMPTY_FIGURE", "FORMAT_VERSION", "NOWHERE", "OUTPUT",
    "SATISFACTION", "Amount", "BasicData", "BuildingRow", "Cell", "Cover", "D", "DepartmentTable",
    "Document", "DocumentKind", "ExpenseCategory", "ExpenseRow", "Figure", "FundsRow", "Goal",
    "GoalsTable", "GroupLabel", "Indicator", "IndicatorBlock", "Narrative", "Package", "Paragraph",
    "ProjectTable", "ReadNote", "ScoringItem", "ScoringSheet", "Section", "SignOff", "Source",
    "Staffing", "Statement", "StatementKind", "TaskRow", "close", "fmt2", "fmt_percent", "round2",
    "try_decimal",
]
