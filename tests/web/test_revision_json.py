"""Revisions written and read table by table give exactly the JSON format and the same package."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.jsonformat import dumps, loads
from jixiao.model import Package
from jixiao.readers import read_package
from jixiao.templates import build_template
from jixiao.web.packages import revision_json

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _packages(sample_package: Package) -> list[Package]:
    out = [sample_package, build_template("shenzhen-dept-2020", 2020, 0, "单位"), build_template("hunan-2023", 2023, 2)]
    out += [read_package(str(path)) for path in sorted(SEEDS.glob("*.txt"))]
    return [*out, Package()]


def _forget() -> None:
    revision_json._objects.items.clear()
    revision_json._texts.items.clear()


def test_dump_is_the_json_format_and_load_gives_the_package_back(sample_package: Package) -> None:
    for package in _packages(sample_package):
        _forget()
        text, layout = revision_json.dump(package)
        assert text == dumps(package, indent=None)
        assert layout is not None and len(layout["documents"]) == len(package.documents)
        _forget()  # a worker that never saw these tables validates them
        assert revision_json.load(text, layout) == package == loads(text)
        assert revision_json.load(text, layout) == package  # …and one that did reuses them


def test_a_changed_table_is_read_from_its_new_text(sample_package: Package) -> None:
    text, layout = revision_json.dump(sample_package)
    revision_json.load(text, layout)
    documents = list(sample_package.documents)
    documents[0] = replace(documents[0], year=1999)
    changed = replace(sample_package, documents=tuple(documents))
    new_text, new_layout = revision_json.dump(changed)
    _forget()
    revision_json.load(text, layout)  # this process knows the old tables only
    loaded = revision_json.load(new_text, new_layout)
    assert loaded == changed and loaded.documents[0].year == 1999


@pytest.mark.parametrize("layout", [None, {}, {"documents": [[0, 5]], "narratives": [1, 2]}, {"documents": "x"}])
def test_missing_or_wrong_layout_reads_the_whole_text(sample_package: Package, layout: object) -> None:
    text, _ = revision_json.dump(sample_package)
    _forget()
    assert revision_json.load(text, layout) == sample_package  # type: ignore[arg-type]
