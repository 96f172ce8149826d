"""Hostile .docx files are refused quickly with a Chinese and English ReadError."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from jixiao.model import Package
from jixiao.pipeline import process_file
from jixiao.readers import ReadError, read_package
from jixiao.readers.ooxml_safety import open_ooxml_zip, parse_xml
from jixiao.writers.docx_writer import write_docx

CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)
DOCUMENT = (
    b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
)


def _zip(path: Path, members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _refused(path: Path, *words: str) -> ReadError:
    start = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read_package(str(path))
    assert time.perf_counter() - start < 5.0  # a bomb or an entity expansion would take far longer
    error = caught.value
    assert error.message and error.message_en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
    for word in words:
        assert word in f"{error.message} {error.message_en}"
    return error


def test_macro_enabled_by_name(tmp_path: Path) -> None:
    path = _zip(tmp_path / "report.docm", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT})
    _refused(path, "宏")


def test_macro_enabled_by_content(tmp_path: Path) -> None:
    members = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT, "word/vbaProject.bin": b"\0" * 10}
    _refused(_zip(tmp_path / "report.docx", members), "vbaProject")


def test_encrypted_ole(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000 + "EncryptedPackage".encode("utf-16-le"))
    _refused(path, "加密")


def test_path_traversal_member(tmp_path: Path) -> None:
    members = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT, "../../etc/evil.xml": b"<a/>"}
    _refused(_zip(tmp_path / "report.docx", members), "越界")


def test_zip_bomb(tmp_path: Path) -> None:
    members = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<a>" + b" " * (300 * 1024 * 1024) + b"</a>"}
    _refused(_zip(tmp_path / "bomb.docx", members), "压缩炸弹")


def test_renamed_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    _refused(path, "不是有效")


def test_truncated_zip(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    data = write_docx(Package(unit="某局"), None)
    path.write_bytes(data[: len(data) // 2])
    _refused(path)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(51 * 1024 * 1024)
    _refused(path, "50 MB")


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b"<w:document>&lol2;</w:document>",
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><d>&xxe;</d>',
    ],
)
def test_entity_expansion_and_xxe(tmp_path: Path, payload: bytes) -> None:
    members = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": payload}
    _refused(_zip(tmp_path / "entities.docx", members), "实体")


def test_not_word(tmp_path: Path) -> None:
    members = {"[Content_Types].xml": CONTENT_TYPES, "xl/other.xml": b"<a/>"}
    _refused(_zip(tmp_path / "report.docx", members), "Word")


def test_pipeline_reports_instead_of_raising(tmp_path: Path) -> None:
    path = _zip(tmp_path / "report.docm", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT})
    result = process_file(str(path))
    assert not result.ok and result.error and "宏" in result.error


def test_safety_api_for_other_readers(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.docx", {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": DOCUMENT})
    with open_ooxml_zip(str(path)) as archive:
        assert "word/document.xml" in archive.namelist()
    assert parse_xml(b"<a><b/></a>").tag == "a"
    with pytest.raises(ReadError):
        parse_xml(b"<a><b></a>")
