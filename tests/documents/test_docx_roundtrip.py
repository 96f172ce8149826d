"""package → .docx → package: exact through the embedded JSON, and the same table figures
through the tables alone (the JSON part stripped)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import (
    Cell,
    Figure,
    FundsRow,
    Goal,
    GroupLabel,
    Indicator,
    IndicatorBlock,
    Package,
    ProjectTable,
    SignOff,
)
from jixiao.pipeline import process_file
from jixiao.readers import read_package
from jixiao.readers.docx_reader import read_docx
from jixiao.writers.docx_writer import write_docx


def _strip_json(data: bytes) -> bytes:
    """The same .docx without the embedded package (as if made by someone else)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if not info.filename.startswith("customXml/"):
                target.writestr(info, source.read(info))
    return out.getvalue()


def _roundtrip(package: Package, tmp_path: Path, *, score: Any = None) -> tuple[Package, Package]:
    data = write_docx(package, score)
    full = tmp_path / "full.docx"
    full.write_bytes(data)
    bare = tmp_path / "bare.docx"
    bare.write_bytes(_strip_json(data))
    return read_package(str(full)), read_package(str(bare))


@pytest.mark.seeds
@pytest.mark.parametrize("seed", ["seed000", "seed002", "seed003"])
def test_seed_roundtrip(seed: str, request: pytest.FixtureRequest, tmp_path: Path, summarize: Any, differ: Any) -> None:
    path: Path = request.getfixturevalue(seed)
    original = read_package(str(path))
    embedded, tables = _roundtrip(original, tmp_path)
    assert embedded == original
    assert not tables.notes, tables.notes
    assert tables.unit == original.unit and tables.year == original.year
    assert [d.kind for d in tables.documents] == [d.kind for d in original.documents]
    difference = differ(summarize(tables), summarize(original))
    assert difference is None, difference


@pytest.mark.seeds
def test_seed003_project_figures_exact(seed003: Path, tmp_path: Path) -> None:
    original = read_package(str(seed003))
    _, tables = _roundtrip(original, tmp_path)
    assert len(tables.projects) == 14
    for before, after in zip(original.projects, tables.projects, strict=True):
        assert after.name == before.name
        for field in ("initial_budget", "adjusted_budget", "executed", "weight", "execution_rate", "score"):
            assert getattr(after.total, field).value == getattr(before.total, field).value, (before.name, field)
        assert [i.weight.value for i in after.indicators.indicators] == [
            i.weight.value for i in before.indicators.indicators
        ]
        assert after.claimed_total.value == before.claimed_total.value


@pytest.mark.seeds
def test_computed_values_are_marked_and_read_as_blank(seed000: Path, tmp_path: Path) -> None:
    result = process_file(str(seed000))
    assert result.package is not None and result.score is not None
    project = result.package.projects[0]
    blanked = replace(project, total=replace(project.total, score=Figure(), execution_rate=Figure()))
    package = replace(result.package, documents=tuple(blanked if d is project else d for d in result.package.documents))
    from jixiao.frameworks import score_package

    score = score_package(package, result.score.framework)
    data = write_docx(package, score)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    marked = re.findall(
        r'<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>.*?<w:t[^>]*>([^<]*（计算）)</w:t>', document
    )
    execution = score.for_document(blanked)
    assert execution is not None and execution.execution is not None
    assert execution.execution.computed is not None
    assert any(text.endswith("（计算）") for text in marked)
    bare = tmp_path / "bare.docx"
    bare.write_bytes(_strip_json(data))
    back = read_package(str(bare))
    assert back.projects[0].total.score.blank and back.projects[0].total.execution_rate.blank
    assert back.projects[0].total.executed.value == project.total.executed.value


@pytest.mark.seeds
def test_edited_after_export_falls_back_to_tables(seed000: Path, tmp_path: Path) -> None:
    original = read_package(str(seed000))
    data = write_docx(original, None)
    source = zipfile.ZipFile(io.BytesIO(data))
    target_text = original.projects[0].name
    edited = io.BytesIO()
    with zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(target_text.encode(), "改过的项目".encode(), 1)
            target.writestr(info, content)
    path = tmp_path / "edited.docx"
    path.write_bytes(edited.getvalue())
    package = read_package(str(path))
    assert package != original
    assert any("修改" in n.message for n in package.notes)
    assert "改过的项目" in [p.name for p in package.projects]


@pytest.mark.seeds
def test_tampered_json_falls_back_to_tables(seed000: Path, tmp_path: Path) -> None:
    original = read_package(str(seed000))
    data = write_docx(original, None)
    source = zipfile.ZipFile(io.BytesIO(data))
    tampered = io.BytesIO()
    with zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "customXml/item1.xml":
                content = content.replace(b"533.49", b"999.99")
            target.writestr(info, content)
    path = tmp_path / "tampered.docx"
    path.write_bytes(tampered.getvalue())
    package = read_package(str(path))
    assert any("改动" in n.message for n in package.notes)
    assert package.department is not None
    assert package.department.total.executed.value == original.department.total.executed.value  # type: ignore[union-attr]


# ----------------------------------------------------------------------------- generated packages

_TEXT = st.text(alphabet="档案数字化建设维护管理服务质量效率工程项目资金年度完成情况率", min_size=1, max_size=12)
_AMOUNT = st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False, allow_infinity=False)
_POINTS = st.integers(min_value=0, max_value=30).map(Decimal)
_LEVELS = (
    ("产出指标", ("数量指标", "质量指标", "时效指标")),
    ("成本指标", ("经济成本指标",)),
    ("效益指标", ("社会效益指标", "经济效益指标")),
    ("满意度指标", ("服务对象满意度指标",)),
)


def _fig(value: Decimal | None, unit: str = "万元") -> Figure:
    return Figure("" if value is None else f"{value:f}", value, unit if value is not None else None)


@st.composite
def _indicators(draw: st.DrawFn) -> IndicatorBlock:
    indicators: list[Indicator] = []
    groups: list[GroupLabel] = []
    for level1, level2s in _LEVELS:
        count = draw(st.integers(min_value=0, max_value=3))
        if not count:
            continue
        rows = []
        for _ in range(count):
            weight = draw(_POINTS)
            rows.append(
                Indicator(
                    level1=level1,
                    level2=draw(st.sampled_from(level2s)),
                    name=Cell(draw(_TEXT)),
                    target=Cell(f"≥{draw(st.integers(1, 500))}个"),
                    actual=Cell(f"{draw(st.integers(0, 600))}个"),
                    weight=_fig(weight, "分"),
                    score=_fig(draw(st.one_of(st.none(), _POINTS.filter(lambda s, w=weight: s <= w))), "分"),
                    deviation_reason=Cell(draw(st.sampled_from(["", "进度滞后", "资金未到位"]))),
                )
            )
        rows.sort(key=lambda i: level2s.index(i.level2))
        total = sum((i.weight.value or Decimal(0) for i in rows), Decimal(0))
        groups.append(GroupLabel(level1, f"{level1}（{total:f}分）", Figure(f"{total:f}", total, "分")))
        indicators.extend(rows)
    return IndicatorBlock(tuple(indicators), tuple(groups))


@st.composite
def _projects(draw: st.DrawFn, index: int) -> ProjectTable:
    def funds(label: str, scored: bool) -> FundsRow:
        return FundsRow(
            label=Cell(label),
            initial_budget=_fig(draw(_AMOUNT)),
            adjusted_budget=_fig(draw(_AMOUNT)),
            executed=_fig(draw(st.one_of(st.none(), _AMOUNT))),
            weight=_fig(Decimal(10), "分") if scored else Figure(),
            execution_rate=_fig(draw(st.decimals(0, 100, places=2)), "%") if scored else Figure(),
            score=_fig(draw(st.decimals(0, 10, places=2)), "分") if scored else Figure(),
        )

    block = draw(_indicators())
    return ProjectTable(
        name=f"项目{index}{draw(_TEXT)}",
        year=2023,
        competent_department=Cell(draw(_TEXT)),
        implementing_unit=Cell(draw(_TEXT)),
        total=funds("年度资金总额", True),
        current_appropriation=funds("其中：当年财政拨款", False),
        carryover=funds("上年结转资金", False),
        other_funds=funds("其他资金", False),
        goals=tuple(Goal(Cell(draw(_TEXT)), Cell(draw(_TEXT))) for _ in range(draw(st.integers(1, 3)))),
        indicators=block,
        claimed_total=_fig(draw(st.one_of(st.none(), st.decimals(0, 100, places=1))), "分"),
        total_weight=_fig(Decimal(100), "分"),
        signoff=SignOff(preparer=Cell(draw(_TEXT)), head=Cell(draw(_TEXT))),
    )


@st.composite
def _packages(draw: st.DrawFn) -> Package:
    count = draw(st.integers(min_value=1, max_value=4))
    projects = tuple(draw(_projects(index + 1)) for index in range(count))
    return Package(unit="某某市某某局", year=2023, documents=projects)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(package=_packages())
def test_generated_roundtrip(package: Package, tmp_path: Path, summarize: Any, differ: Any) -> None:
    embedded, tables = _roundtrip(package, tmp_path)
    assert embedded == package
    assert [p.name for p in tables.projects] == [p.name for p in package.projects]
    difference = differ(summarize(tables), summarize(package))
    assert difference is None, difference


def test_reader_without_embedded_part_is_used_for_plain_files(tmp_path: Path) -> None:
    package = Package(unit="某某局", year=2023, documents=())
    data = write_docx(package, None, embed_json=False)
    assert "customXml/item1.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    path = tmp_path / "empty.docx"
    path.write_bytes(data)
    back = read_docx(str(path))
    assert any(n.level == "error" for n in back.notes)  # no tables: not a report


@pytest.mark.parametrize("seed", [1, 2, 3, 7, 11])
def test_synth_roundtrip(seed: int, tmp_path: Path, summarize: Any, differ: Any) -> None:
    synth = pytest.importorskip("jixiao.synth")
    generated = synth.generate_package(seed)
    package = generated if isinstance(generated, Package) else generated[0]
    embedded, tables = _roundtrip(package, tmp_path)
    assert embedded == package
    difference = differ(summarize(tables), summarize(package))
    assert difference is None, difference
