"""Chinese by default, English on request; every message has its English translation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "web" / "locale"

pytestmark = pytest.mark.django_db


def test_every_message_is_translated_to_english() -> None:
    text = (LOCALE / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    empty = re.findall(r'\nmsgid ("(?:[^"\\]|\\.)+"(?:\n"(?:[^"\\]|\\.)*")*)\nmsgstr ""\n(?!")', text)
    assert empty == []


def test_compiled_catalogue_matches_the_po_file() -> None:
    import gettext

    with (LOCALE / "en" / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    text = (LOCALE / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = re.findall(r'\nmsgid ((?:"(?:[^"\\]|\\.)*"\n?)+)msgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)', text)

    def join(quoted: str) -> str:
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted)).replace('\\"', '"')

    pairs = [(join(a), join(b)) for a, b in entries if join(a)]
    assert len(pairs) > 100
    for msgid, msgstr in pairs:
        assert compiled.gettext(msgid) == msgstr, f"recompile the catalogue: {msgid}"


def test_chinese_by_default_english_on_switch(clients: dict[str, Any]) -> None:
    page = clients["anonymous"].get("/accounts/login/")
    assert page["Content-Language"] == "zh-hans" and "用户名" in page.content.decode()
    client = clients["anonymous"]
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    english = client.get("/accounts/login/")
    assert english["Content-Language"] == "en"
    assert "Username" in english.content.decode() and "用户名" not in english.content.decode()
    with translation.override("en"):
        assert translation.gettext("保存") == "Save"
