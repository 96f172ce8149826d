"""The answer key of a generated package: every defect injected, where it is, and what it should be."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

FAMILIES: tuple[str, ...] = (
    "arithmetic",
    "scoring",
    "logic",
    "units",
    "narrative",
    "dates",
    "copies",
    "completeness",
)


@dataclass(frozen=True, slots=True)
class Defect:
    """One injected defect (exactly one inconsistency a careful reviewer should report).

    ``kind`` is a stable id ("funds-source-sum", "score-above-weight" …); ``document`` is the
    document's name as a reader reads it ("附件3-2", "附件1", "自评报告"); ``line`` is the 1-based
    line of the defect in the cell-per-line text layout; ``anchor`` says internally which cell
    or paragraph holds it (used to find ``line``).
    """

    family: str
    kind: str
    document: str
    location: str
    line: int | None = None
    expected: str | None = None
    found: str | None = None
    anchor: str = field(default="", compare=False)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("anchor")
        return data


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """What was generated: the seed, the unit and year, and the defects (empty for a clean package)."""

    seed: int
    unit: str
    year: int
    framework: str
    projects: int
    defects: tuple[Defect, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.defects

    def with_lines(self, lines: dict[str, int]) -> AnswerKey:
        """The key with each defect's line looked up by its anchor."""
        return replace(self, defects=tuple(replace(d, line=lines.get(d.anchor, d.line)) for d in self.defects))

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "unit": self.unit,
            "year": self.year,
            "framework": self.framework,
            "projects": self.projects,
            "clean": self.clean,
            "defects": [d.to_json() for d in self.defects],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)

    @staticmethod
    def loads(text: str) -> AnswerKey:
        data = json.loads(text)
        defects = tuple(Defect(**d) for d in data.get("defects", ()))
        return AnswerKey(
            seed=int(data["seed"]),
            unit=str(data["unit"]),
            year=int(data["year"]),
            framework=str(data["framework"]),
            projects=int(data["projects"]),
            defects=defects,
        )
