"""The narrative report: numbered sections, paragraphs, and the figures stated in prose."""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Literal

from jixiao.model.records import record
from jixiao.model.source import NOWHERE, Source

StatementKind = Literal["amount", "rate", "count", "score", "grade", "year"]


@record
class Statement:
    """A figure stated in prose, with the words around it.

    ``value`` is the number as written (an amount in ``unit``: 万元 or 元; a rate as a
    percentage number, 96.41 for "96.41%"); ``grade`` statements carry the grade in ``text``.
    ``subject`` is the phrase before the figure that says what it is ("项目支出", "年初预算").
    """

    kind: StatementKind
    text: str  # the figure as written: "812.6万元", "96.41%", "99分", "优"
    value: Decimal | None = None
    unit: str | None = None
    subject: str = ""
    sentence: str = ""
    source: Source = NOWHERE


@record
class Paragraph:
    text: str
    source: Source = NOWHERE


@record
class Section:
    """A numbered heading ("二、一般公共预算支出情况") and the paragraphs under it.

    ``level`` is 1 for 一、, 2 for （一）, 3 for 1．/1、 headings; ``number`` as written.
    """

    number: str
    title: str
    level: int = 1
    paragraphs: tuple[Paragraph, ...] = ()
    source: Source = NOWHERE


class _StatementsMemo:
    """The slot where :func:`jixiao.narrative.statements_of` keeps the statements it worked out
    (not a field: no part of equality, JSON or ``replace()``)."""

    __slots__ = ("_statements_memo",)
    _statements_memo: tuple[Statement, ...]


@record
class Narrative(_StatementsMemo):
    """A narrative report: the department's (部门整体) or a project's (项目支出绩效自评报告).

    ``statements`` are the figures stated in the paragraphs. They are derived from the text, so a
    reader leaves them ``None`` and :func:`jixiao.narrative.statements_of` works them out when they
    are first asked for (scoring under most frameworks never needs them). A narrative built with
    statements of its own keeps those. Being derived, they take no part in equality.
    """

    title: str = ""
    kind: Literal["department", "project"] = "department"
    project: str | None = None  # the project's name, for a project narrative
    sections: tuple[Section, ...] = ()
    statements: tuple[Statement, ...] | None = field(default=None, compare=False)
    source: Source = NOWHERE

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs of every section, in order."""
        return tuple(p for section in self.sections for p in section.paragraphs)
