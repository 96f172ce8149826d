"""What every rule sees: the package, its score, and the framework's tolerances.

The context also holds what several rules look up, worked out once per package: the package's
tables by kind, each document's score, the project names reduced for matching (``name_key``).
Rules may keep using ``ctx.package`` and ``ctx.score`` directly; these are shortcuts, not a
different view.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from jixiao.audit.names import best_match, name_key
from jixiao.model import BasicData, DepartmentTable, Document, Narrative, Package, ProjectTable

if TYPE_CHECKING:
    from jixiao.frameworks import DocumentScore, PackageScore


class AuditContext:
    __slots__ = (
        "_named",
        "_scores",
        "amount_tolerance",
        "basic",
        "department",
        "narrative",
        "package",
        "project_keys",
        "projects",
        "score",
        "score_tolerance",
    )

    def __init__(self, package: Package, score: PackageScore) -> None:
        self.package = package
        self.score = score
        settings = score.framework.settings
        # Rules ask for the tolerances once per figure.
        self.amount_tolerance: Decimal = _decimal(getattr(settings, "amount_tolerance", "0.01"))
        self.score_tolerance: Decimal = _decimal(getattr(settings, "score_tolerance", "0.1"))
        self.projects: tuple[ProjectTable, ...] = package.projects
        self.department: DepartmentTable | None = package.department
        self.basic: BasicData | None = package.basic
        self.narrative: Narrative | None = package.narrative
        self.project_keys: tuple[str, ...] = tuple(name_key(p.name) for p in self.projects)
        self._scores: dict[int, DocumentScore] | None = None
        self._named: dict[str, ProjectTable | None] = {}

    def project_named(self, name: str) -> ProjectTable | None:
        """The project table ``name`` most surely means (``best_match`` over the projects, remembered)."""
        named = self._named
        if name in named:
            return named[name]
        found = named[name] = best_match(name, self.projects, _project_name)
        return found

    def for_document(self, document: Document) -> DocumentScore | None:
        """``score.for_document``, from an index built on first use."""
        scores = self._scores
        if scores is None:
            scores = self._scores = {}
            for ds in self.score.documents:
                scores.setdefault(id(ds.document), ds)
        found = scores.get(id(document))
        return found if found is not None and found.document is document else None


def _project_name(project: ProjectTable) -> str:
    return project.name


@lru_cache(maxsize=64)
def _decimal(value: object) -> Decimal:
    """A setting as a Decimal."""
    return Decimal(str(value))
