"""Every long action shows progress: an import (htmx indicator) and a download (indicator until the answer)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_import_form_shows_an_indicator_while_it_runs(clients: dict[str, Any]) -> None:
    html = clients["preparer"].get(reverse("packages:new")).content.decode()
    form = re.search(r'<form[^>]*action="/packages/import/"[^>]*>', html)
    assert form is not None and 'hx-indicator="#import-progress"' in form.group(0)
    assert 'id="import-progress" class="indicator" role="status"' in html


@pytest.mark.parametrize("page", ["packages:detail", "packages:revision"])
def test_download_links_sit_next_to_an_indicator(clients: dict[str, Any], package: Any, page: str) -> None:
    args = [package.pk] if page == "packages:detail" else [package.pk, 1]
    html = clients["preparer"].get(reverse(page, args=args)).content.decode()
    box = re.search(r'<p class="downloads">(.*?)</p>', html, re.S)
    assert box is not None
    assert box.group(1).count('class="button download"') == 4 and 'class="indicator"' in box.group(1)


def test_download_answer_names_the_token_the_indicator_waits_for(clients: dict[str, Any], package: Any) -> None:
    url = reverse("packages:download", args=[package.pk, 1, "json"])
    response = clients["preparer"].get(url, {"progress": "abc123xyz"})
    assert response.status_code == 200
    cookie = response.cookies["jixiao_download"]
    assert cookie.value == "abc123xyz" and cookie["samesite"] == "Lax" and cookie["max-age"] == 120
    for bad in ("x", "<script>", "a" * 40):
        assert "jixiao_download" not in clients["preparer"].get(url, {"progress": bad}).cookies


def test_unavailable_writer_page_also_ends_the_wait(clients: dict[str, Any], package: Any) -> None:
    response = clients["preparer"].get(
        reverse("packages:download", args=[package.pk, 1, "pdf"]), {"progress": "tok999"}
    )
    assert response.status_code in (200, 503)
    assert response.cookies["jixiao_download"].value == "tok999"
