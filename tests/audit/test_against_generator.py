"""The auditor measured against generated packages with injected defects (issue "auditor", item 5).

200 generated packages are written in the cell-per-line layout, read back and audited. A defect is
found when a finding (error or warning) points at its line (within two lines, the cell of a
multi-line row); a finding is right when it points at an injected defect. Recall and precision must
be at least 0.95 in every family, and clean packages must get no errors or warnings at all.
"""

from __future__ import annotations

from collections import Counter

import pytest

from jixiao.audit import Finding
from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text
from jixiao.synth import FAMILIES, AnswerKey, generate_package
from jixiao.writers.text_layout import write_cell_per_line

PACKAGES = 200
NEAR = 2


def _audit(seed: int, *, defects: bool) -> tuple[AnswerKey, tuple[Finding, ...]]:
    package, key = generate_package(seed, projects=3 + seed % 4, defects=defects)
    read = read_text(write_cell_per_line(package), file=f"synth-{seed}.txt")
    result = evaluate(read, path=f"synth-{seed}.txt", audit=True)
    assert result.ok, result.error
    return key, tuple(f for f in result.findings if f.severity in ("error", "warning"))


@pytest.fixture(scope="module")
def audited() -> list[tuple[AnswerKey, tuple[Finding, ...]]]:
    return [_audit(seed, defects=True) for seed in range(PACKAGES)]


def _near(finding: Finding, line: int | None) -> bool:
    return line is not None and finding.line is not None and abs(finding.line - line) <= NEAR


def test_recall_per_family(audited: list[tuple[AnswerKey, tuple[Finding, ...]]]) -> None:
    injected: Counter[str] = Counter()
    found: Counter[str] = Counter()
    missed: list[str] = []
    for key, findings in audited:
        for defect in key.defects:
            injected[defect.family] += 1
            if any(_near(f, defect.line) for f in findings):
                found[defect.family] += 1
            else:
                missed.append(f"seed {key.seed}: {defect.kind} at line {defect.line} ({defect.location})")
    assert set(injected) == set(FAMILIES), "every family must be injected"
    recall = {family: found[family] / injected[family] for family in injected}
    assert all(r >= 0.95 for r in recall.values()), (recall, missed[:10])


def test_precision_per_family(audited: list[tuple[AnswerKey, tuple[Finding, ...]]]) -> None:
    reported: Counter[str] = Counter()
    right: Counter[str] = Counter()
    wrong: list[str] = []
    for key, findings in audited:
        lines = [d.line for d in key.defects]
        for finding in findings:
            reported[finding.family] += 1
            if any(_near(finding, line) for line in lines) or _follows(finding, key):
                right[finding.family] += 1
            else:
                wrong.append(f"seed {key.seed}: {finding.rule} line {finding.line}: {finding.message[:60]}")
    precision = {family: right[family] / reported[family] for family in reported}
    assert all(p >= 0.95 for p in precision.values()), (precision, wrong[:10])


# A defect also changes figures elsewhere in its own table: these rules then report the consequence
# (a changed score makes the recomputed total differ; a reused indicator names another project), or
# speak of the whole table (the weights' sum) rather than the cell the defect was injected into.
_CONSEQUENCES = {
    "score.weights-sum": {"scoring"},
    "score.total-recomputed": {"scoring", "logic", "units"},
    "score.total-sum": {"scoring"},
    "copy.other-project-named": {"copies"},
    "arith.public-funds-parts": {"units"},
}


def _follows(finding: Finding, key: AnswerKey) -> bool:
    families = _CONSEQUENCES.get(finding.rule, set())
    return any(d.family in families and finding.document.startswith(d.document) for d in key.defects)


def test_clean_packages_have_no_findings() -> None:
    for seed in range(1000, 1040):
        _, findings = _audit(seed, defects=False)
        assert not findings, [f"{f.rule}: {f.message}" for f in findings]
