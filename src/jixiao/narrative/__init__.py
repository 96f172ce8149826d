"""Narrative reports: the figures stated in prose (and, later, drafting of standard sections)."""

from jixiao.narrative.figures import (
    NarrativeFigures,
    StatedShare,
    StatedSum,
    extract_figures,
    extract_shares,
    extract_statements,
    extract_sums,
    statements_of,
)

__all__ = [
    "NarrativeFigures",
    "StatedShare",
    "StatedSum",
    "extract_figures",
    "extract_shares",
    "extract_statements",
    "extract_sums",
    "statements_of",
]
