"""Comparing packages by value: the same documents and figures wherever they were read from."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from jixiao.model import NOWHERE, Package, Source

T = TypeVar("T")


def without_sources(value: T) -> T:
    """The value with every :class:`Source` inside it replaced by NOWHERE (recursively)."""
    return _strip(value)  # type: ignore[no-any-return]


def _strip(value: Any) -> Any:
    if isinstance(value, Source):
        return NOWHERE
    if isinstance(value, tuple):
        return tuple(_strip(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for spec in dataclasses.fields(value):
            current = getattr(value, spec.name)
            stripped = _strip(current)
            if stripped is not current:
                changes[spec.name] = stripped
        return dataclasses.replace(value, **changes) if changes else value
    return value


def comparable(package: Package) -> Package:
    """The package reduced to its values: no sources, file name, framework or read notes."""
    return dataclasses.replace(without_sources(package), source_file=None, framework=None, notes=(), source=NOWHERE)
