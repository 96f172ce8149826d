"""Small helpers the rules share: naming documents, formatting figures, building findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from jixiao.audit.finding import Finding, Severity
from jixiao.model import Document, Figure, Source, round2

_ZERO = Decimal(0)
_NAME_NOISE = re.compile(r"[\s\u3000（）()“”\"'、，,。.：:·\-—]|^\d+[、.．]|^\d{4}年度?")
T = TypeVar("T")


def doc_label(document: Document) -> str:
    """ "附件3-2 工程建设审批制度改革专项", "基础数据表", …: how a reviewer names a table."""
    table = document.source.table or ""
    if document.kind == "project":
        return f"{table} {document.name}".strip() if not table.startswith("项目支出") else document.name
    return table or document.name


def money(value: Decimal | None) -> str:
    return "—" if value is None else f"{round2(value):f}"


def points(value: Decimal | None) -> str:
    if value is None:
        return "—"
    rounded = round2(value)
    return f"{rounded.normalize():f}" if rounded == rounded.to_integral() else f"{rounded:f}"


def percent(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{round2(rate * 100):f}%"


def total(figures: Iterable[Figure]) -> Decimal | None:
    """The sum of the figures that have a value (None when none has)."""
    values = [f.value for f in figures if f.value is not None]
    return sum(values, _ZERO) if values else None


def make(
    rule: str,
    severity: Severity,
    family: str,
    document: Document | None,
    message: str,
    message_en: str,
    *,
    location: str = "",
    source: Source | None = None,
    expected: str | None = None,
    found: str | None = None,
    document_name: str | None = None,
) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        message_en=message_en,
        document=document_name if document_name is not None else (doc_label(document) if document else ""),
        location=location,
        source=source if source is not None else (document.source if document is not None else Source()),
        expected=expected,
        found=found,
        family=family,
    )


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """A project name reduced for matching across tables and prose."""
    body = _NAME_NOISE.sub("", text)
    for suffix in ("项目支出", "专项经费", "项目经费", "经费", "费用", "项目", "专项", "资金", "费"):
        if body.endswith(suffix) and len(body) > len(suffix) + 1:
            body = body[: -len(suffix)]
    return body


@lru_cache(maxsize=16384)
def name_similarity(a: str, b: str) -> float:
    """0 to 1: how surely two project names mean the same project."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    short, long = sorted((ka, kb), key=len)
    if short in long:
        return len(short) / len(long) if len(short) >= 3 else 0.0
    if len(short) < 3:
        return 0.0
    same_chars = len(set(ka) & set(kb)) / max(len(set(ka)), len(set(kb)))
    if same_chars >= 0.8:  # typos like "施工审查图" / "施工图审查"
        return same_chars
    left = {ka[i : i + 2] for i in range(len(ka) - 1)}
    right = {kb[i : i + 2] for i in range(len(kb) - 1)}
    shared = len(left & right)
    dice = 2 * shared / (len(left) + len(right))
    return max(dice, 0.5 if shared >= 4 else 0.0)


def names_match(a: str, b: str) -> bool:
    return name_similarity(a, b) >= 0.5


def best_match(name: str, candidates: Sequence[T], key: Callable[[T], str]) -> T | None:
    """The candidate whose name is most surely ``name`` (None when none is sure enough or two tie)."""
    best: T | None = None
    best_score = -1.0
    tied = False
    for candidate in candidates:
        score = name_similarity(name, key(candidate))
        if score > best_score:
            best, best_score, tied = candidate, score, False
        elif score == best_score:
            tied = True
    if best_score < 0.5 or tied:
        return None
    return best
