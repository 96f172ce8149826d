"""Documentation is part of the interface: every command, rule and model field is documented."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

import jixiao.model as model
from jixiao.audit.registry import all_rules

ROOT = Path(__file__).resolve().parents[2]


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_generated_from_help() -> None:
    expected = _load_generator().render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"


def test_every_rule_is_documented_with_an_example() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `([^`]+)`\n(.*?)(?=^### |\Z)", text, flags=re.M | re.S))
    ids = {rule.id for rule in all_rules()}
    assert len(ids) >= 40
    missing = sorted(ids - set(sections))
    assert not missing, f"rules missing from docs/rules.md: {missing}"
    without_example = sorted(i for i in ids if "例：" not in sections[i])
    assert not without_example, f"rules without an example: {without_example}"
    stale = sorted(set(sections) - ids - {"audit.rule-failed"})
    assert not stale, f"docs/rules.md documents rules that do not exist: {stale}"


def test_every_model_field_is_in_the_format_doc() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for name in model.__all__:
        cls = getattr(model, name)
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            continue
        for field in dataclasses.fields(cls):
            assert f"`{field.name}`" in text, f"{name}.{field.name} is not described in docs/format.md"
