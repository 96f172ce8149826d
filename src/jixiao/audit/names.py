"""Project names reduced for matching across tables and prose, and how surely two names agree."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

# What name_key drops: a leading list number or year, then spaces and punctuation anywhere (one class
# scanned for runs; the same as one pattern with the leading forms as ^-anchored alternatives).
_NAME_LEAD = re.compile(r"\d+[、.．]|\d{4}年度?")
_NAME_NOISE = re.compile(r"[\s\u3000（）()“”\"'、，,。.：:·\-—]+")
T = TypeVar("T")


def without_noise(text: str) -> str:
    """``text`` without the spaces and punctuation ``name_key`` drops: every key found in a name key
    of a part of ``text`` is found in it."""
    return _NAME_NOISE.sub("", text)


_NAME_SUFFIXES = ("项目支出", "专项经费", "项目经费", "经费", "费用", "项目", "专项", "资金", "费")


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """A project name reduced for matching across tables and prose."""
    lead = _NAME_LEAD.match(text)
    body = _NAME_NOISE.sub("", text[lead.end() :] if lead is not None else text)
    if body.endswith(_NAME_SUFFIXES):  # most texts end otherwise: one test instead of nine
        for suffix in _NAME_SUFFIXES:
            if body.endswith(suffix) and len(body) > len(suffix) + 1:
                body = body[: -len(suffix)]
    return body


def name_similarity(a: str, b: str) -> float:
    """0 to 1: how surely two project names mean the same project (the same either way round)."""
    return _similarity(a, b) if a <= b else _similarity(b, a)


@lru_cache(maxsize=16384)
def _similarity(a: str, b: str) -> float:
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
    if len(short) >= 4 and 2 * len(short) >= len(long) and _in_order(short, long):
        return 0.5  # a shortened name: "三维城市建设" for "三维数字城市化建设"
    chars_a, pairs_a = _features(ka)
    chars_b, pairs_b = _features(kb)
    same_chars = len(chars_a & chars_b) / max(len(chars_a), len(chars_b))
    if same_chars >= 0.8:  # typos like "施工审查图" / "施工图审查"
        return same_chars
    shared = len(pairs_a & pairs_b)
    dice = 2 * shared / (len(pairs_a) + len(pairs_b))
    return max(dice, 0.5 if shared >= 4 else 0.0)


def _in_order(short: str, long: str) -> bool:
    """Whether every character of ``short`` occurs in ``long``, in the same order."""
    rest = iter(long)
    return all(ch in rest for ch in short)


@lru_cache(maxsize=16384)
def _features(key: str) -> tuple[frozenset[str], frozenset[str]]:
    """A name key's characters and its pairs of adjacent characters."""
    return frozenset(key), frozenset(key[i : i + 2] for i in range(len(key) - 1))


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
