"""What every rule sees: the package, its score, and the framework's tolerances."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from jixiao.model import Package

if TYPE_CHECKING:
    from jixiao.frameworks import PackageScore


@dataclass(frozen=True, slots=True)
class AuditContext:
    package: Package
    score: PackageScore

    @property
    def amount_tolerance(self) -> Decimal:
        return _decimal(getattr(self.score.framework.settings, "amount_tolerance", "0.01"))

    @property
    def score_tolerance(self) -> Decimal:
        return _decimal(getattr(self.score.framework.settings, "score_tolerance", "0.1"))


@lru_cache(maxsize=64)
def _decimal(value: object) -> Decimal:
    """A setting as a Decimal: rules ask for the tolerances once per figure."""
    return Decimal(str(value))
