"""The orchestrator: read → score → audit. The CLI and the web app both call this.

Problems in users' data travel as notes and findings; an unreadable file gives a result with
``ok=False`` and a message in Chinese and English, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from jixiao.model import Package

if TYPE_CHECKING:
    from jixiao.audit import Finding
    from jixiao.frameworks import Framework, PackageScore


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    ok: bool
    error: str | None = None  # Chinese, then English in brackets
    package: Package | None = None
    score: PackageScore | None = None
    findings: tuple[Finding, ...] = field(default=())

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def _error_text(message: str, message_en: str) -> str:
    return f"{message}（{message_en}）"


def resolve_framework(package: Package, framework: str | Framework | None) -> Framework:
    from jixiao.frameworks import Framework, detect_framework, get_framework

    if isinstance(framework, Framework):
        return framework
    if framework:
        return get_framework(framework)
    return detect_framework(package)


def evaluate(
    package: Package,
    *,
    path: str,
    framework: str | Framework | None = None,
    audit: bool = False,
    rules: Sequence[str] = (),
) -> FileResult:
    """Score (and audit) a package already read."""
    from dataclasses import replace

    from jixiao.frameworks import FrameworkError, score_package

    try:
        chosen = resolve_framework(package, framework)
    except FrameworkError as error:
        return FileResult(path, False, _error_text(error.message, error.message_en), package)
    package = replace(package, framework=chosen.id)
    score = score_package(package, chosen)
    findings: tuple[Finding, ...] = ()
    if audit:
        from jixiao.audit import run_audit

        findings = run_audit(package, score, rules=rules)
    errors = [n for n in package.notes if n.level == "error"]
    if errors:
        first = errors[0]
        return FileResult(path, False, _error_text(first.message, first.message_en), package, score, findings)
    return FileResult(path, True, None, package, score, findings)


def process_file(
    path: str,
    *,
    framework: str | Framework | None = None,
    audit: bool = False,
    rules: Sequence[str] = (),
    display: str | None = None,
) -> FileResult:
    """Read, score and (optionally) audit one file."""
    from jixiao.readers import ReadError, read_package

    name = display or path
    try:
        package = read_package(path, display=name)
    except ReadError as error:
        return FileResult(name, False, _error_text(error.message, error.message_en))
    except RecursionError:
        return FileResult(name, False, _error_text("文件结构嵌套过深，无法读取", "the file is nested too deeply"))
    except MemoryError:
        return FileResult(name, False, _error_text("文件过大，内存不足", "the file is too large for memory"))
    return evaluate(package, path=name, framework=framework, audit=audit, rules=rules)


def process_files(paths: Iterable[str], **options: Any) -> Iterator[FileResult]:
    """One result per file, streamed: nothing is kept once yielded."""
    for path in paths:
        yield process_file(path, **options)


def _s(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def result_to_json(result: FileResult, *, with_findings: bool = False) -> dict[str, Any]:
    """The CLI's JSON shape for one file (docs/format.md, "CLI JSON")."""
    from jixiao.model import round2

    data: dict[str, Any] = {"path": result.path, "ok": result.ok, "error": result.error, "package": None}
    if result.package is not None:
        package = result.package
        documents = []
        for document in package.documents:
            ds = result.score.for_document(document) if result.score is not None else None
            funds: dict[str, str | None] = dict.fromkeys(
                ("initial_budget", "adjusted_budget", "executed", "execution_rate", "weight", "score"), None
            )
            row = getattr(document, "total", None)
            if row is not None:
                funds.update(
                    initial_budget=_s(row.initial_budget.value),
                    adjusted_budget=_s(row.adjusted_budget.value),
                    executed=_s(row.executed.value),
                    weight=_s(row.weight.value),
                    score=_s(row.score.value),
                    claimed_execution_rate=row.execution_rate.text or None,
                )
            execution = ds.execution if ds is not None else None
            if execution is not None:
                funds["execution_rate"] = _s(execution.rate.quantize(Decimal("0.0001")) if execution.rate else None)
                funds["computed_score"] = _s(round2(execution.computed) if execution.computed is not None else None)
            indicators = getattr(document, "indicators", None)
            count = len(indicators.indicators) if indicators is not None else len(getattr(document, "items", ()))
            entry: dict[str, Any] = {
                "kind": document.kind,
                "name": document.name,
                "funds": funds,
                "indicator_count": count,
                "claimed_total": _s(ds.claimed_total) if ds is not None else None,
                "computed_total": _s(round2(ds.computed_total)) if ds and ds.computed_total is not None else None,
                "grade": ds.computed_grade if ds is not None else None,
                "claimed_grade": ds.claimed_grade if ds is not None else None,
            }
            documents.append(entry)
        data["package"] = {
            "unit": package.unit,
            "year": package.year,
            "framework": package.framework,
            "documents": documents,
            "notes": [{"message": n.message, "message_en": n.message_en, "level": n.level} for n in package.notes],
        }
    if with_findings:
        data["findings"] = [f.to_json() for f in result.findings]
    return data
