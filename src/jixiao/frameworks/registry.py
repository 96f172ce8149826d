"""The registry of rule kinds.

Every rule kind has an id, a family, a Chinese sentence that explains the score it gives and
an English one. Builtin kinds register here exactly as a third party's would
(:func:`register_rule_kind`); framework files name them by id and the loader checks their
parameters against :class:`ParamSpec`.

Families:

* ``indicator`` — how the engine scores an indicator row (chosen by the target's kind and
  comparison; described here, applied by :mod:`jixiao.frameworks.indicators`);
* ``item`` — a part of a points-scheme item (``[[scheme.items]]``), computed from facts;
* ``derived`` — a figure derived from facts (``[[derived]]``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from jixiao.frameworks.schema import ParamValue, RuleUse
from jixiao.model import Source

Family = Literal["indicator", "item", "derived"]
ParamKind = Literal["key", "keys", "number", "numbers", "tiers", "choice"]


@dataclass(frozen=True, slots=True)
class Fact:
    """A named figure taken from the package (or derived by the framework), with its sources.

    Rates are fractions (0.9641 for 96.41%), amounts 万元, counts plain numbers.
    """

    key: str
    name: str
    value: Decimal | None
    unit: str | None = None  # "rate", "万元", "人", "个"
    sources: tuple[Source, ...] = ()
    note: str | None = None  # where it came from when that matters ("以年初预算数代替调整预算数")


class FactLookup(Protocol):
    def fact(self, key: str) -> Fact: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an item or derived rule gives: a value (None when it cannot), and why."""

    value: Decimal | None
    sentence: str
    inputs: tuple[tuple[str, str], ...] = ()
    note: str | None = None
    missing: tuple[str, ...] = ()  # Chinese names of the facts it lacked
    sources: tuple[Source, ...] = ()


Apply = Callable[[RuleUse, Decimal, FactLookup], Outcome]


@dataclass(frozen=True, slots=True)
class ParamSpec:
    name: str
    kind: ParamKind
    required: bool = True
    default: ParamValue | None = None
    choices: tuple[str, ...] = ()
    length: int | None = None  # for "keys" and "numbers": the exact count
    doc: str = ""


@dataclass(frozen=True, slots=True)
class RuleKind:
    id: str
    family: Family
    sentence: str  # Chinese: the sentence that explains the score
    sentence_en: str
    params: tuple[ParamSpec, ...] = ()
    apply: Apply | None = None  # None for indicator kinds (applied by the engine)
    selectable: bool = True  # False: reported in explanations, not named in files

    def param(self, name: str) -> ParamSpec | None:
        return next((spec for spec in self.params if spec.name == name), None)


class RuleRegistry:
    """Rule kinds by id. One instance, :data:`RULE_KINDS`, serves the whole program."""

    def __init__(self) -> None:
        self._kinds: dict[str, RuleKind] = {}

    def register(self, kind: RuleKind, *, replace: bool = False) -> RuleKind:
        if not replace and kind.id in self._kinds:
            raise ValueError(f"rule kind {kind.id!r} is already registered")
        if kind.family != "indicator" and kind.selectable and kind.apply is None:
            raise ValueError(f"rule kind {kind.id!r} needs an apply function")
        self._kinds[kind.id] = kind
        return kind

    def unregister(self, rule_id: str) -> None:
        """Remove a rule kind (for plugins being unloaded, and tests)."""
        self._kinds.pop(rule_id, None)

    def get(self, rule_id: str) -> RuleKind | None:
        return self._kinds.get(rule_id)

    def __getitem__(self, rule_id: str) -> RuleKind:
        return self._kinds[rule_id]

    def all(self) -> tuple[RuleKind, ...]:
        return tuple(self._kinds.values())

    def ids(self, family: Family | None = None) -> tuple[str, ...]:
        return tuple(k.id for k in self._kinds.values() if family is None or k.family == family)


RULE_KINDS = RuleRegistry()


def register_rule_kind(kind: RuleKind, *, replace: bool = False) -> RuleKind:
    """Add a rule kind (builtin or third party) so framework files can name it."""
    return RULE_KINDS.register(kind, replace=replace)


def describe_rule_kinds() -> list[tuple[str, str, str]]:
    """Every registered rule kind as (id, Chinese sentence, English sentence)."""
    _ensure_builtins()
    return [(k.id, k.sentence, k.sentence_en) for k in RULE_KINDS.all()]


def _ensure_builtins() -> None:
    # The builtin kinds register on import, like a plugin would.
    from jixiao.frameworks import formula_rules, indicator_rules  # noqa: F401
