"""Realistic generated packages with injected defects and their answer key (issue "auditor", item 5).

``generate_package(seed)`` gives an invented unit's package for a fiscal year and the answer key
of the defects injected into it (none with ``defects=False``: a clean package, consistent in
every check of domain.md §6). ``generate_batch`` writes many to a folder as JSON, text layout and
key. Everything is deterministic for a seed; figures are Decimals made from integer cents.
"""

from __future__ import annotations

from jixiao.synth.batch import BatchEntry, OutputNotEmpty, generate_batch
from jixiao.synth.generate import generate_package, generate_with_layout
from jixiao.synth.key import FAMILIES, AnswerKey, Defect

__all__ = [
    "FAMILIES",
    "AnswerKey",
    "BatchEntry",
    "Defect",
    "OutputNotEmpty",
    "generate_batch",
    "generate_package",
    "generate_with_layout",
]
