"""A report package: one unit's self-evaluation for one fiscal year."""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from jixiao.model.cells import EMPTY_CELL, Cell
from jixiao.model.documents import (
    BasicData,
    DepartmentTable,
    Document,
    GoalsTable,
    ProjectTable,
    ScoringSheet,
)
from jixiao.model.narrative import Narrative
from jixiao.model.records import record
from jixiao.model.source import NOWHERE, Source

FORMAT_VERSION = "1.0"


@record
class Cover:
    """The narrative report's cover: unit (盖章), head's signature, preparer, date."""

    unit: Cell = EMPTY_CELL
    head: Cell = EMPTY_CELL
    preparer: Cell = EMPTY_CELL
    phone: Cell = EMPTY_CELL
    date: Cell = EMPTY_CELL


@record
class ReadNote:
    """Something a reader could not read, said in Chinese and English, with where."""

    message: str
    message_en: str
    source: Source = NOWHERE
    level: Literal["error", "warning"] = "warning"  # an error makes the file count as unreadable


@record
class Package:
    unit: str | None = None
    year: int | None = None
    framework: str | None = None  # the framework id the package was read or scored under
    cover: Cover = field(default_factory=Cover)
    documents: tuple[Document, ...] = ()
    narratives: tuple[Narrative, ...] = ()
    notes: tuple[ReadNote, ...] = ()
    source_file: str | None = None
    format_version: str = FORMAT_VERSION
    source: Source = NOWHERE

    @property
    def basic(self) -> BasicData | None:
        return next((d for d in self.documents if isinstance(d, BasicData)), None)

    @property
    def department(self) -> DepartmentTable | None:
        return next((d for d in self.documents if isinstance(d, DepartmentTable)), None)

    @property
    def projects(self) -> tuple[ProjectTable, ...]:
        return tuple(d for d in self.documents if isinstance(d, ProjectTable))

    @property
    def scoring(self) -> ScoringSheet | None:
        return next((d for d in self.documents if isinstance(d, ScoringSheet)), None)

    @property
    def goals_table(self) -> GoalsTable | None:
        return next((d for d in self.documents if isinstance(d, GoalsTable)), None)

    @property
    def narrative(self) -> Narrative | None:
        return next((n for n in self.narratives if n.kind == "department"), None)
