"""Edit forms of the basic data table, the scoring sheet and the goals table, through the same save path.

Every expectation about scores and findings is computed by jixiao.pipeline on the saved revision; the
test checks that the page shows what the pipeline says and that each finding on a cell links to its field.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from jixiao.model import Package
from jixiao.pipeline import evaluate
from jixiao.templates import build_template
from jixiao.web.packages.models import ReportPackage
from jixiao.web.packages.present import document_views

pytestmark = pytest.mark.django_db


def _index(package: Any, kind: str) -> int:
    content = package.current().load()
    return next(i for i, d in enumerate(content.documents) if d.kind == kind)


def _save(client: Any, package: Any, doc: int, data: dict[str, str], htmx: bool = True) -> Any:
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(reverse("packages:save", args=[package.pk, doc]), data, **extra)


def _rules(content: Package) -> list[tuple[str, str | None, int | None, int | None]]:
    result = evaluate(content, path="x", audit=True)
    return sorted((f.rule, f.source.table, f.source.row, f.source.column) for f in result.findings)


@pytest.fixture
def shenzhen(org: dict[str, Any], people: dict[str, Any]) -> Any:
    """A Shenzhen package (goals table and scoring sheet) from the framework's template, claims filled in."""
    from dataclasses import replace

    from jixiao.model import Figure
    from jixiao.web.packages.store import create_package

    content = build_template("shenzhen-dept-2020", 2020, 0, "测试住房保障中心")
    sheet_at = next(i for i, d in enumerate(content.documents) if d.kind == "scoring")
    sheet = content.documents[sheet_at]
    items = tuple(replace(item, score=item.weight) for item in sheet.items)
    total = sum((item.weight.value for item in sheet.items if item.weight.value is not None), start=0)
    sheet = replace(sheet, items=items, claimed_total=Figure(str(total), total, "分"))
    documents = list(content.documents)
    documents[sheet_at] = sheet
    content = replace(content, documents=tuple(documents))
    return create_package(org["unit"], 2020, "深圳测试2020", content, people["preparer"], "新建")


def test_every_table_of_the_sample_has_an_edit_form(clients: dict[str, Any], package: Any) -> None:
    content = package.current().load()
    for doc, document in enumerate(content.documents):
        html = clients["preparer"].get(reverse("packages:edit", args=[package.pk, doc])).content.decode()
        assert 'id="editor"' in html, document.kind
        assert "在网页中只读" not in html


def test_basic_data_form_is_laid_out_like_the_official_table(clients: dict[str, Any], package: Any) -> None:
    doc = _index(package, "basic")
    basic = package.current().load().documents[doc]
    html = clients["preparer"].get(reverse("packages:edit", args=[package.pk, doc])).content.decode()
    assert f'name="staff-authorized" value="{basic.staffing.authorized.text}"' in html
    assert f'name="exp-count" value="{len(basic.expenses)}"' in html
    for i, row in enumerate(basic.expenses):
        assert f'name="exp-{i}-label" value="{row.label.text}"' in html
        assert f'name="exp-{i}-final" value="{row.final.text}"' in html
        selected = re.search(rf'name="exp-{i}-category".*?<option value="([a-z_]+)" selected', html, re.S)
        assert selected is not None and selected.group(1) == row.category
    for label in basic.column_labels:
        assert f"<th>{label}</th>" in html
    assert basic.savings_measures.text in html
    assert f'name="signoff-preparer" value="{basic.signoff.preparer.text}"' in html


def test_changed_basic_figure_saves_a_revision_and_changes_findings(clients: dict[str, Any], package: Any) -> None:
    doc = _index(package, "basic")
    before = package.current().load()
    car = next(i for i, e in enumerate(before.documents[doc].expenses) if e.category == "car")
    old = before.documents[doc].expenses[car].budget.text
    response = _save(clients["preparer"], package, doc, {"base": "1", f"exp-{car}-budget": "9.99"})
    assert response.status_code == 200, response.content.decode()[:400]
    package.refresh_from_db()
    assert package.revision_number == 2
    revision = package.revisions.get(number=2)
    after = revision.load()
    figure = after.documents[doc].expenses[car].budget
    assert figure.text == "9.99" and str(figure.value) == "9.99" and figure.unit == "万元"
    assert figure.source == before.documents[doc].expenses[car].budget.source  # the cell keeps its Source
    assert any(c["field"] == before.documents[doc].column_labels[1] and c["before"] == old for c in revision.diff)
    old_rules, new_rules = _rules(before), _rules(after)
    assert old_rules != new_rules  # the pipeline sees the change (the car row no longer adds up)
    html = response.content.decode()
    table = before.documents[doc].source.table
    findings = evaluate(after, path="x", audit=True).findings
    expected = [f for f in findings if f.source.table == table]
    assert len(re.findall(r'<li class="sev-(\w+)">', html)) == len(expected) > 0
    new_findings = [f for f in expected if (f.rule, f.source.table, f.source.row, f.source.column) not in old_rules]
    assert new_findings
    budget = before.documents[doc].expenses[car].budget.source
    on_the_cell = [f for f in new_findings if (f.source.row, f.source.column) == (budget.row, budget.column)]
    assert on_the_cell  # the pipeline blames the changed cell …
    for finding in new_findings:
        assert finding.message in html
    assert f'data-jump="d{doc}-exp-{car}-budget"' in html  # … and the panel links to it


def test_basic_findings_link_to_their_fields(clients: dict[str, Any], package: Any) -> None:
    doc = _index(package, "basic")
    content = package.current().load()
    car = next(i for i, e in enumerate(content.documents[doc].expenses) if e.category == "car")
    _save(clients["preparer"], package, doc, {"base": "1", f"exp-{car}-budget": "0"})
    package.refresh_from_db()
    result = evaluate(package.current().load(), path="x", audit=True)
    views = document_views(result)
    located = [fv for fv in views[doc].findings if fv.finding.source.row is not None]
    assert located and all(fv.anchor for fv in located)
    page = clients["preparer"].get(reverse("packages:edit", args=[package.pk, doc])).content.decode()
    for fv in located:
        assert f'data-jump="{fv.anchor}"' in page
        assert f'id="{fv.anchor}"' in page  # the anchor is a field of the form


def test_signoff_finding_jumps_to_the_blank_field(clients: dict[str, Any], package: Any) -> None:
    doc = _index(package, "basic")
    response = _save(clients["preparer"], package, doc, {"base": "1", "signoff-phone": ""})
    assert response.status_code == 200
    package.refresh_from_db()
    assert package.current().load().documents[doc].signoff.phone.text == ""
    result = evaluate(package.current().load(), path="x", audit=True)
    assert any(f.rule == "complete.signoff" for f in result.findings)
    assert f'data-jump="d{doc}-signoff-phone"' in response.content.decode()


def test_expense_rows_added_moved_removed(clients: dict[str, Any], package: Any) -> None:
    doc = _index(package, "basic")
    rows = package.current().load().documents[doc].expenses
    project = next(i for i, e in enumerate(rows) if e.category == "project")
    assert _save(clients["preparer"], package, doc, {"base": "1", "op": f"exp-add:{project}"}).status_code == 200
    added = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].expenses
    assert len(added) == len(rows) + 1 and added[project + 1].label.text == ""
    assert added[project + 1].category == "project"
    data = {"base": "2", f"exp-{project + 1}-label": "新增项目", f"exp-{project + 1}-final": "12.5"}
    data["exp-count"] = str(len(added))
    assert _save(clients["preparer"], package, doc, data).status_code == 200
    named = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].expenses
    assert named[project + 1].label.text == "新增项目" and str(named[project + 1].final.value) == "12.5"
    assert _save(clients["preparer"], package, doc, {"base": "3", "op": f"exp-up:{project + 1}"}).status_code == 200
    moved = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].expenses
    assert moved[project].label.text == "新增项目" and moved[project + 1] == rows[project]
    assert _save(clients["preparer"], package, doc, {"base": "4", "op": f"exp-del:{project}"}).status_code == 200
    final = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].expenses
    assert final == rows


def test_stale_basic_save_is_a_conflict_and_keeps_input(clients: dict[str, Any], package: Any) -> None:
    doc = _index(package, "basic")
    assert _save(clients["preparer"], package, doc, {"base": "1", "staff-actual": "76"}).status_code == 200
    stale = _save(clients["head"], package, doc, {"base": "1", "staff-actual": "77"})
    assert stale.status_code == 409 and "保存冲突" in stale.content.decode()
    package.refresh_from_db()
    assert package.revision_number == 2
    assert package.current().load().documents[doc].staffing.actual.text == "76"
    page = _save(clients["head"], package, doc, {"base": "1", "staff-actual": "77"}, htmx=False)
    assert page.status_code == 409
    assert 'name="staff-actual" value="77"' in page.content.decode()


def test_scoring_sheet_claims_rescored_live(clients: dict[str, Any], shenzhen: Any) -> None:
    doc = _index(shenzhen, "scoring")
    sheet = shenzhen.current().load().documents[doc]
    html = clients["preparer"].get(reverse("packages:edit", args=[shenzhen.pk, doc])).content.decode()
    for i, item in enumerate(sheet.items):
        assert f'name="item-{i}-score" value="{item.score.text}"' in html
    assert 'name="claimed_grade"' in html
    response = _save(clients["preparer"], shenzhen, doc, {"base": "1", "item-0-score": "1", "claimed_grade": "良"})
    assert response.status_code == 200, response.content.decode()[:400]
    shenzhen.refresh_from_db()
    after = shenzhen.current().load()
    assert after.documents[doc].items[0].score.text == "1" and after.documents[doc].claimed_grade.text == "良"
    result = evaluate(after, path="x", audit=True)
    score = result.score.for_document(result.package.documents[doc])  # type: ignore[union-attr]
    assert score is not None and score.computed_total is not None
    out = response.content.decode()
    assert f"<strong>{score.computed_total:.2f}</strong>" in out
    assert f"<strong>{score.computed_grade}</strong>" in out
    first = score.items[0]
    shown = re.search(r'<output id="it-0"[^>]*hx-swap-oob="true">([^<]*)</output>', out)
    assert shown is not None and shown.group(1) == (f"{first.computed:.2f}" if first.computed is not None else "")
    diff = shenzhen.revisions.get(number=2).diff
    assert {c["field"] for c in diff} >= {"分数", "评分等级"}


def test_goals_table_tasks_and_indicators(clients: dict[str, Any], shenzhen: Any) -> None:
    doc = _index(shenzhen, "goals")
    assert _save(clients["preparer"], shenzhen, doc, {"base": "1", "op": "task-add:-1"}).status_code == 200
    assert _save(clients["preparer"], shenzhen, doc, {"base": "2", "op": "add:-1"}).status_code == 200
    data = {
        "base": "3",
        "task-count": "1",
        "task-0-name": "信息化系统维护",
        "task-0-budget": "649.52",
        "task-0-executed": "646.33",
        "task_total-budget": "700",
        "ind-count": "1",
        "ind-0-level1": "产出指标",
        "ind-0-name": "系统可用率",
        "ind-0-target": "≥99%",
        "ind-0-actual": "99.5%",
    }
    response = _save(clients["preparer"], shenzhen, doc, data)
    assert response.status_code == 200
    shenzhen.refresh_from_db()
    table = shenzhen.current().load().documents[doc]
    assert table.tasks[0].name.text == "信息化系统维护" and str(table.tasks[0].executed.value) == "646.33"
    assert table.task_total is not None and str(table.task_total.budget.value) == "700"
    assert table.indicators.indicators[0].target.text == "≥99%"
    result = evaluate(shenzhen.current().load(), path="x", audit=True)
    mine = [f for f in result.findings if f.document in (table.name, table.title.text)]
    assert len(re.findall(r'<li class="sev-', response.content.decode())) == len(mine)
    page = clients["preparer"].get(reverse("packages:edit", args=[shenzhen.pk, doc])).content.decode()
    assert 'name="task-0-name" value="信息化系统维护"' in page and 'name="ind-0-name" value="系统可用率"' in page
    assert 'name="ind-0-weight"' not in page  # the goals table has no weights


def test_category_labels_cover_the_model() -> None:
    from typing import get_args

    from jixiao.model import ExpenseCategory
    from jixiao.web.packages.editing_basic import CATEGORY_LABELS

    assert [value for value, _ in CATEGORY_LABELS] == list(get_args(ExpenseCategory))


def test_blank_package_findings_land_on_their_tables_and_link(clients: dict[str, Any]) -> None:
    response = clients["preparer"].post(
        reverse("packages:new"), {"title": "空白", "year": "2024", "framework": "hunan-2023", "projects": "1"}
    )
    assert response.status_code == 302
    record = ReportPackage.objects.get()
    content = record.current().load()
    result = evaluate(content, path="x", audit=True)
    views = document_views(result)
    on_tables = sum(len(v.findings) for v in views)
    assert on_tables == len(result.findings) > 0  # none is lost for want of a Source
    for view in views:
        page = clients["preparer"].get(reverse("packages:edit", args=[record.pk, view.index])).content.decode()
        for fv in view.findings:
            assert fv.anchor is not None, fv.finding.rule
            assert f'data-jump="{fv.anchor}"' in page and f'id="{fv.anchor}"' in page


def test_finding_on_an_added_row_links_to_its_field(clients: dict[str, Any], package: Any) -> None:
    doc = next(i for i, d in enumerate(package.current().load().documents) if d.kind == "project")
    rows = len(package.current().load().documents[doc].indicators.indicators)
    assert _save(clients["preparer"], package, doc, {"base": "1", "op": f"add:{rows - 1}"}).status_code == 200
    added = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].indicators.indicators[rows]
    assert added.score.source.table is not None and added.score.source.row is not None
    data = {"base": "2", f"ind-{rows}-name": "新增指标", f"ind-{rows}-weight": "5", f"ind-{rows}-score": "8"}
    response = _save(clients["preparer"], package, doc, data)
    package.refresh_from_db()
    result = evaluate(package.current().load(), path="x", audit=True)
    mine = [f for f in result.findings if f.source == added.score.source]
    assert mine  # the pipeline cites the new row's score cell …
    assert f'data-jump="d{doc}-ind-{rows}-score"' in response.content.decode()  # … and the panel links to it


def test_copy_keeps_the_sources_of_cleared_cells(clients: dict[str, Any], package: Any) -> None:
    clients["preparer"].post(reverse("packages:copy", args=[package.pk]), {"year": "2024"})
    old = package.current().load().projects[0]
    new = ReportPackage.objects.get(year=2024).current().load().projects[0]
    assert new.total.executed.text == "" and new.total.executed.source == old.total.executed.source
    assert [i.actual.source for i in new.indicators.indicators] == [i.actual.source for i in old.indicators.indicators]


def test_stamp_keeps_existing_sources_and_numbers_new_rows_after_the_last(sample_package: Package) -> None:
    from dataclasses import replace

    from jixiao.model import Cell, Indicator
    from jixiao.web.packages.stamping import stamp

    project = sample_package.projects[0]
    once = stamp(project)
    assert stamp(once) is once  # nothing left to stamp
    table = once.source.table
    last = max(i.source.row or 0 for i in once.indicators.indicators)
    rows = (*once.indicators.indicators, Indicator(level1="产出指标", level2="数量指标", name=Cell("新")))
    stamped = stamp(replace(once, indicators=replace(once.indicators, indicators=rows)))
    assert stamped.indicators.indicators[:-1] == once.indicators.indicators  # read cells keep their Source
    new = stamped.indicators.indicators[-1]
    assert new.name.source.table == table and new.name.source.row is not None and new.name.source.row > last
    assert len({(c.source.row, c.source.column) for c in (new.name, new.target, new.actual, new.score)}) == 4
