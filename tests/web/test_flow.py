"""A package's life through the views: import, edit, conflict, workflow, public page, downloads."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from jixiao.web.packages.models import ReportPackage, Revision, State, Transition

pytestmark = pytest.mark.django_db


def _edit_url(package: Any, doc: int) -> str:
    return reverse("packages:edit", args=[package.pk, doc])


def _project_index(package: Any) -> int:
    content = package.current().load()
    return next(i for i, d in enumerate(content.documents) if d.kind == "project")


def test_home_lists_own_packages(clients: dict[str, Any], package: Any) -> None:
    page = clients["preparer"].get("/")
    assert page.status_code == 200
    assert "测试报告包2023" in page.content.decode()
    assert "测试报告包2023" not in clients["outsider"].get("/").content.decode()


def test_edit_page_shows_computed_scores(clients: dict[str, Any], package: Any) -> None:
    doc = _project_index(package)
    page = clients["preparer"].get(_edit_url(package, doc))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="scores"' in html and 'name="ind-0-actual"' in html
    assert re.search(r'id="sc-0"[^>]*>\d', html)


def test_save_appends_revision_with_diff_and_recomputes(clients: dict[str, Any], package: Any) -> None:
    from jixiao.pipeline import evaluate

    doc = _project_index(package)
    before = package.current().load().documents[doc]
    old_actual = before.indicators.indicators[0].actual.text
    response = clients["preparer"].post(
        reverse("packages:save", args=[package.pk, doc]),
        {"base": "1", "ind-0-actual": "0"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200, response.content.decode()[:500]
    package.refresh_from_db()
    assert package.revision_number == 2
    revision = package.revisions.get(number=2)
    assert any(c["field"] == "实际完成值" and c["before"] == old_actual and c["after"] == "0" for c in revision.diff)
    content = revision.load()
    assert content.documents[doc].indicators.indicators[0].actual.text == "0"
    expected = evaluate(content, path="x", audit=True)
    score = expected.score.for_document(expected.package.documents[doc])  # type: ignore[union-attr]
    html = response.content.decode()
    assert f"<strong>{score.computed_total:.2f}</strong>" in html  # type: ignore[union-attr]
    assert 'id="base" value="2"' in html


def test_stale_save_is_a_conflict_and_keeps_input(clients: dict[str, Any], package: Any) -> None:
    doc = _project_index(package)
    url = reverse("packages:save", args=[package.pk, doc])
    first = clients["preparer"].post(url, {"base": "1", "ind-0-actual": "11"}, HTTP_HX_REQUEST="true")
    assert first.status_code == 200
    second = clients["head"].post(url, {"base": "1", "ind-0-actual": "22"}, HTTP_HX_REQUEST="true")
    assert second.status_code == 409
    assert "保存冲突" in second.content.decode()
    package.refresh_from_db()
    assert package.revision_number == 2
    assert package.current().load().documents[doc].indicators.indicators[0].actual.text == "11"
    page = clients["head"].post(url, {"base": "1", "ind-0-actual": "22"})  # without htmx: the full form
    assert page.status_code == 409
    assert 'value="22"' in page.content.decode()


def test_row_operations(clients: dict[str, Any], package: Any) -> None:
    doc = _project_index(package)
    url = reverse("packages:save", args=[package.pk, doc])
    rows = package.current().load().documents[doc].indicators.indicators
    names = [r.name.text for r in rows]
    assert clients["preparer"].post(url, {"base": "1", "op": "down:0"}, HTTP_HX_REQUEST="true").status_code == 200
    moved = [
        r.name.text
        for r in ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].indicators.indicators
    ]
    assert moved[:2] == [names[1], names[0]]
    clients["preparer"].post(url, {"base": "2", "op": "add:0"}, HTTP_HX_REQUEST="true")
    added = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].indicators.indicators
    assert len(added) == len(rows) + 1 and added[1].name.text == ""
    clients["preparer"].post(url, {"base": "3", "op": "del:1"}, HTTP_HX_REQUEST="true")
    final = ReportPackage.objects.get(pk=package.pk).current().load().documents[doc].indicators.indicators
    assert [r.name.text for r in final] == moved


def test_parse_shows_typed_value(clients: dict[str, Any]) -> None:
    response = clients["preparer"].post(reverse("packages:parse"), {"ind-3-target": "≥98%"})
    assert response.status_code == 200
    assert "数值" in response.content.decode() and "98" in response.content.decode()


def test_workflow_with_return_and_public_page(clients: dict[str, Any], package: Any, people: dict[str, Any]) -> None:
    def go(who: str, action: str, comment: str = "") -> None:
        url = reverse("review:transition", args=[package.pk, action])
        assert clients[who].post(url, {"comment": comment}).status_code == 302

    public = reverse("public:detail", args=[package.pk])
    go("preparer", "submit")
    go("head", "approve")
    go("reviewer", "return", "请补充偏差原因")
    package.refresh_from_db()
    assert package.state == State.RETURNED
    doc = _project_index(package)
    save = clients["preparer"].post(
        reverse("packages:save", args=[package.pk, doc]), {"base": "1", "ind-0-deviation_reason": "已补充"}
    )
    assert save.status_code == 302
    go("preparer", "submit")
    go("head", "approve")
    assert clients["anonymous"].get(public).status_code == 404
    go("reviewer", "accept")
    assert clients["anonymous"].get(public).status_code == 404
    go("reviewer", "publish")
    package.refresh_from_db()
    assert package.state == State.PUBLISHED and package.published_revision == 2
    page = clients["anonymous"].get(public)
    assert page.status_code == 200 and "测试报告包2023" in page.content.decode()
    moves = list(Transition.objects.filter(package=package).values_list("from_state", "to_state", "comment"))
    assert moves[2] == ("approved", "returned", "请补充偏差原因")
    assert [m[1] for m in moves] == [
        "submitted",
        "approved",
        "returned",
        "submitted",
        "approved",
        "accepted",
        "published",
    ]
    data = clients["anonymous"].get(reverse("public:data_json")).json()
    assert {row["package_id"] for row in data["packages"]} == {str(package.pk)}
    csv_text = clients["anonymous"].get(reverse("public:data_csv")).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("package_id,unit,year")


def test_return_needs_a_comment(clients: dict[str, Any], package: Any) -> None:
    clients["preparer"].post(reverse("review:transition", args=[package.pk, "submit"]))
    clients["head"].post(reverse("review:transition", args=[package.pk, "return"]), {"comment": ""})
    package.refresh_from_db()
    assert package.state == State.SUBMITTED


def test_transitions_and_revisions_are_append_only(package: Any, people: dict[str, Any]) -> None:
    from jixiao.web.packages.models import AppendOnlyError

    revision = package.current()
    with pytest.raises(AppendOnlyError):
        revision.save()
    with pytest.raises(AppendOnlyError):
        revision.delete()
    with pytest.raises(AppendOnlyError):
        Revision.objects.filter(pk=revision.pk).update(summary="x")
    row = Transition(
        package=package, actor=people["preparer"], from_state="draft", to_state="submitted", revision_number=1
    )
    row.save()
    with pytest.raises(AppendOnlyError):
        Transition.objects.all().delete()


def test_json_download_of_a_revision(clients: dict[str, Any], package: Any) -> None:
    from jixiao.jsonformat import loads

    response = clients["preparer"].get(reverse("packages:download", args=[package.pk, 1, "json"]))
    assert response.status_code == 200
    assert loads(response.content.decode()).unit == package.current().load().unit
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_office_downloads_or_clear_unavailable_page(clients: dict[str, Any], package: Any, fmt: str) -> None:
    response = clients["preparer"].get(reverse("packages:download", args=[package.pk, 1, fmt]))
    if response.status_code == 200:
        assert response.content[:4] in (b"PK\x03\x04", b"%PDF")
    else:
        assert response.status_code == 503
        assert "暂时无法生成该格式" in response.content.decode()


def test_import_txt_creates_package(clients: dict[str, Any], people: dict[str, Any], sample_path: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("样例.txt", sample_path.read_bytes(), content_type="text/plain")
    response = clients["preparer"].post(reverse("packages:import"), {"file": upload})
    assert response.status_code == 302
    record = ReportPackage.objects.get()
    assert record.unit == people["preparer"].organisation and record.year == 2023
    assert record.current().load().projects


def test_import_json_upload(clients: dict[str, Any], sample_package: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao.jsonformat import dumps

    upload = SimpleUploadedFile("包.json", dumps(sample_package).encode(), content_type="application/json")
    response = clients["head"].post(reverse("packages:import"), {"file": upload, "title": "JSON 导入"})
    assert response.status_code == 302
    record = ReportPackage.objects.get(title="JSON 导入")
    assert record.current().load().documents == sample_package.documents


def test_unreadable_upload_gives_chinese_error_page(clients: dict[str, Any]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("坏文件.docx", b"PK\x03\x04not really a zip", content_type="application/zip")
    response = clients["preparer"].post(reverse("packages:import"), {"file": upload})
    assert response.status_code == 400
    html = response.content.decode()
    assert "无法导入该文件" in html and "坏文件.docx" in html
    assert not ReportPackage.objects.exists()


def test_copy_last_year_keeps_targets_clears_actuals(clients: dict[str, Any], package: Any) -> None:
    response = clients["preparer"].post(reverse("packages:copy", args=[package.pk]), {"year": "2024"})
    assert response.status_code == 302
    new = ReportPackage.objects.get(year=2024)
    old_doc = package.current().load().projects[0]
    new_doc = new.current().load().projects[0]
    assert [i.target.text for i in new_doc.indicators.indicators] == [
        i.target.text for i in old_doc.indicators.indicators
    ]
    assert all(not i.actual.text for i in new_doc.indicators.indicators)
    assert new_doc.year == 2024 and new_doc.total.executed.text == ""


def test_blank_package_from_framework(clients: dict[str, Any]) -> None:
    response = clients["preparer"].post(
        reverse("packages:new"), {"title": "空白", "year": "2024", "framework": "hunan-2023", "projects": "2"}
    )
    assert response.status_code == 302, response.content.decode()[:400]
    record = ReportPackage.objects.get()
    content = record.current().load()
    assert content.framework == "hunan-2023" and len(content.projects) == 2
    assert clients["preparer"].get(reverse("packages:edit", args=[record.pk, 1])).status_code == 200
