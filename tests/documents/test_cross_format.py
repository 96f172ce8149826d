"""Cross-format equality (issue 4, item 6).

1. package → docx → package and package → xlsx → package give an equal model through the embedded-JSON
   route, for 200 generated packages.
2. The audit gives the same findings (rule, expected, found) whether the package was read from the text
   layout, or from docx or xlsx through their TABLE route (embedded JSON stripped). Line numbers differ
   between formats, so only (rule, expected, found) is compared, as a multiset. A workbook carries the
   tables only (no narrative, no cover), so the xlsx comparison is made on the tables-only package, read
   back from text and from xlsx alike.

Cases that genuinely differ are marked xfail(strict=True) with the cause, so they stay visible.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from jixiao.model import Cover, Package
from jixiao.pipeline import evaluate
from jixiao.readers import read_package
from jixiao.readers.text import read_text
from jixiao.synth import generate_package
from jixiao.writers import render
from jixiao.writers.text_layout import write_cell_per_line

HERE = Path(__file__).parent
ROUND_TRIPS = 200
AUDITED = 20


def _sibling(name: str) -> ModuleType:
    """A sibling test module, to reuse its helpers (test folders are not packages under importlib mode)."""
    spec = importlib.util.spec_from_file_location(f"_cross_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_strip_docx_json: Callable[[bytes], bytes] = _sibling("test_docx_roundtrip")._strip_json
_strip_xlsx_json: Callable[[Path], Path] = _sibling("test_xlsx_roundtrip")._without_json


# --------------------------------------------------------------------------------------------------
# 1. The embedded-JSON route gives back the same model


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(ROUND_TRIPS))
def test_json_route_gives_an_equal_model(seed: int, tmp_path: Path) -> None:
    package, _ = generate_package(seed, projects=2 + seed % 3)
    for fmt in ("docx", "xlsx"):
        path = tmp_path / f"package.{fmt}"
        path.write_bytes(render(package, None, fmt))
        back = read_package(str(path))
        assert back == package, f"{fmt}: the model read back differs"


# --------------------------------------------------------------------------------------------------
# 2. The same findings from text, docx and xlsx


Key = tuple[str, str | None, str | None]


def _findings(package: Package, path: str) -> Counter[Key]:
    """(rule, expected, found) of every finding, as a multiset.

    Leaves out one finding by design: our xlsx writer stores formulas without cached results (issue 4:
    "the workbook recalculates on open"), and the reader notes that as a read note; it says something
    about the file, not about the package, and is asserted separately below.
    """
    findings = evaluate(package, path=path, audit=True).findings
    return Counter((f.rule, f.expected, f.found) for f in findings if not _formula_cache_note(f.rule, f.message))


def _formula_cache_note(rule: str, message: str) -> bool:
    return rule == "complete.read-notes" and "公式单元格" in message


def _from_text(package: Package, tmp_path: Path) -> Package:
    return read_text(write_cell_per_line(package), file=str(tmp_path / "package.txt"))


def _from_docx_tables(package: Package, tmp_path: Path) -> Package:
    path = tmp_path / "package.docx"
    path.write_bytes(_strip_docx_json(render(package, None, "docx")))
    return read_package(str(path))


def _from_xlsx_tables(package: Package, tmp_path: Path) -> Package:
    path = tmp_path / "package.xlsx"
    path.write_bytes(render(package, None, "xlsx"))
    bare = _strip_xlsx_json(path)
    back = read_package(str(bare))
    assert any(_formula_cache_note("complete.read-notes", n.message) for n in back.notes)
    return back


def _tables_only(package: Package) -> Package:
    return replace(package, narratives=(), cover=Cover())


def _compare(package: Package, route: str, tmp_path: Path) -> None:
    if route == "xlsx":
        package = _tables_only(package)
        other = _from_xlsx_tables(package, tmp_path)
    else:
        other = _from_docx_tables(package, tmp_path)
    reference = _findings(_from_text(package, tmp_path), "text")
    found = _findings(other, route)
    assert found == reference, {
        "only from text": sorted(map(str, (reference - found).elements())),
        f"only from {route}": sorted(map(str, (found - reference).elements())),
    }


def _case(fixture: str, route: str, reason: str | None = None) -> object:
    marks = [pytest.mark.seeds]
    if reason:
        marks.append(pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(fixture, route, marks=marks, id=f"{fixture}-{route}")


_SEED000_DOCX = (
    "docx export of seed 000 writes the project tables' 执行率 '100' as '100%' (the official format), so "
    "the info finding units.rate-format (rate written without %) is found only through the text route"
)
_SEED002_TEXT = (
    "text route of seed 002: read_text(write_cell_per_line(package)) finds no table at all (the Shenzhen "
    "scoring sheet and goals table are not recognised from the cell-per-line layout), so the text audit "
    "reports complete.required-tables instead of the scoring findings"
)


@pytest.mark.parametrize(
    ("fixture", "route"),
    [
        _case("seed000", "docx", _SEED000_DOCX),
        _case("seed000", "xlsx"),
        _case("seed002", "docx", _SEED002_TEXT),
        _case("seed002", "xlsx", _SEED002_TEXT),
        _case("seed003", "docx"),
        _case("seed003", "xlsx"),
    ],
)
def test_seed_audit_is_the_same_in_every_format(
    fixture: str, route: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    package = read_package(str(request.getfixturevalue(fixture)))
    _compare(package, route, tmp_path)


_MAGNITUDE_TEXT = (
    "docx writer rewrites an amount's text with two decimals, so units.magnitude reports found='590400.00' "
    "from docx and '590400' from text (same value; the finding quotes the cell text)"
)
_GENERATED_XFAIL = {(8, "docx"): _MAGNITUDE_TEXT}


@pytest.mark.parametrize(
    ("seed", "route"),
    [
        pytest.param(
            seed,
            route,
            id=f"{seed}-{route}",
            marks=[pytest.mark.xfail(strict=True, reason=_GENERATED_XFAIL[(seed, route)])]
            if (seed, route) in _GENERATED_XFAIL
            else [],
        )
        for seed in range(AUDITED)
        for route in ("docx", "xlsx")
    ],
)
def test_generated_audit_is_the_same_in_every_format(seed: int, route: str, tmp_path: Path) -> None:
    package, key = generate_package(seed, projects=2 + seed % 3, defects=True)
    assert key.defects  # a package with defects gives findings worth comparing
    _compare(package, route, tmp_path)
