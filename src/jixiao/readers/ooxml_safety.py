"""Safety checks shared by the Word and Excel readers: open an OOXML zip and parse its XML safely.

``open_ooxml_zip`` refuses, each with a Chinese and English ReadError and without decompressing
anything: files that are too large, files that are not zips (renamed binaries), encrypted
documents (an OLE compound file holding ``EncryptedPackage``, or zip-level encryption),
macro-enabled documents (``.docm``/``.xlsm``, ``vbaProject.bin``, macro-enabled content types),
member names that escape the archive (``..``, absolute paths, drive letters) and zip bombs
(too many members, too much uncompressed data in total or in one member, suspicious ratios).

``read_member`` reads one member with a hard cap; ``parse_xml`` parses with entity resolution,
network access and huge trees off, and refuses any document type declaration (OOXML never
has one; ``<!DOCTYPE``/``<!ENTITY`` only ever mean an entity-expansion or XXE attempt).
"""

from __future__ import annotations

import os
import re
import zipfile

from lxml import etree

from jixiao.readers.errors import ReadError

__all__ = ["MAX_BYTES", "open_ooxml_zip", "parse_xml", "read_member"]

MAX_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 5000
MAX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_MEMBER_UNCOMPRESSED = 200 * 1024 * 1024
# Ratios are only judged on members large enough to matter: small XML parts compress very well.
_RATIO_FLOOR = 1024 * 1024

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_HEADS = (b"PK\x03\x04", b"PK\x05\x06")
_MACRO_SUFFIXES = (".docm", ".xlsm", ".dotm", ".xltm", ".xlam", ".pptm")
_DRIVE = re.compile(r"^[A-Za-z]:")
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))
_DTD_MARKERS_BE = ("<!DOCTYPE".encode("utf-16-be"), "<!ENTITY".encode("utf-16-be"))


def _error(message: str, message_en: str, name: str) -> ReadError:
    return ReadError(message, message_en, path=name)


def _check_head(path: str, name: str, max_bytes: int) -> None:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise _error(f"无法打开文件：{error.strerror}", f"cannot open the file: {error.strerror}", name) from None
    if size > max_bytes:
        limit = max_bytes // (1024 * 1024)
        raise _error(
            f"文件过大（超过 {limit} MB），拒绝读取",
            f"the file is too large (over {limit} MB); refused",
            name,
        )
    if head.startswith(_OLE):
        raise _error(
            "文件已加密或是旧版 Office 格式（.doc/.xls），请解除密码并另存为 .docx/.xlsx",
            "the file is encrypted or an old Office format (.doc/.xls); remove the password and save it as .docx/.xlsx",
            name,
        )
    if not head.startswith(_ZIP_HEADS):
        raise _error(
            "不是有效的 Word/Excel 文件（内容不是 OOXML 压缩包，可能是改了扩展名的其他文件）",
            "not a valid Word/Excel file (the content is not an OOXML zip; perhaps a renamed file)",
            name,
        )


def _unsafe_name(member: str) -> bool:
    if "\x00" in member or member.startswith(("/", "\\")) or _DRIVE.match(member):
        return True
    parts = re.split(r"[\\/]", member)
    return any(part == ".." for part in parts)


def _check_members(
    archive: zipfile.ZipFile,
    name: str,
    *,
    max_ratio: int,
    max_members: int,
    max_uncompressed: int,
    max_member_uncompressed: int,
) -> None:
    infos = archive.infolist()
    if len(infos) > max_members:
        raise _error(
            f"压缩包成员过多（{len(infos)} 个），疑似压缩炸弹，拒绝读取",
            f"too many archive members ({len(infos)}); a suspected zip bomb, refused",
            name,
        )
    total = 0
    for info in infos:
        member = info.filename
        if _unsafe_name(member):
            raise _error(
                f"压缩包含有越界路径的成员（{member!r}），拒绝读取",
                f"the archive has a member with an escaping path ({member!r}); refused",
                name,
            )
        if info.flag_bits & 0x1 or member == "EncryptedPackage":
            raise _error("文件已加密，请解除密码后再读取", "the file is encrypted; remove the password first", name)
        if member.lower().endswith("vbaproject.bin"):
            raise _error(
                "文件包含宏（vbaProject.bin），出于安全考虑拒绝读取，请另存为 .docx/.xlsx",
                "the file contains macros (vbaProject.bin); refused for safety, save it as .docx/.xlsx",
                name,
            )
        size = info.file_size
        total += size
        ratio_bad = size > _RATIO_FLOOR and size > max_ratio * max(info.compress_size, 1)
        if size > max_member_uncompressed or total > max_uncompressed or ratio_bad:
            raise _error(
                f"压缩包解压后过大或压缩比异常（成员 {member}），疑似压缩炸弹，拒绝读取",
                f"the archive expands too much or has an abnormal ratio (member {member}); "
                "a suspected zip bomb, refused",
                name,
            )
    try:
        types = archive.getinfo("[Content_Types].xml")
    except KeyError:
        raise _error(
            "不是有效的 Word/Excel 文件（缺少 [Content_Types].xml）",
            "not a valid Word/Excel file ([Content_Types].xml is missing)",
            name,
        ) from None
    content_types = read_member(archive, types.filename, limit=4 * 1024 * 1024, display=name)
    if b"macroEnabled" in content_types or b"vbaProject" in content_types:
        raise _error(
            "文件是启用宏的文档，出于安全考虑拒绝读取，请另存为 .docx/.xlsx",
            "the file is macro-enabled; refused for safety, save it as .docx/.xlsx",
            name,
        )


def open_ooxml_zip(
    path: str,
    *,
    display: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_ratio: int = MAX_RATIO,
    max_members: int = MAX_MEMBERS,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_member_uncompressed: int = MAX_MEMBER_UNCOMPRESSED,
) -> zipfile.ZipFile:
    """Open ``path`` as an OOXML zip after all safety checks; the caller closes it.

    Raises ReadError (Chinese and English) for anything unsafe or unreadable. Only the zip
    directory and ``[Content_Types].xml`` are read here, so refusing is fast.
    """
    name = display or path
    if path.lower().endswith(_MACRO_SUFFIXES) or name.lower().endswith(_MACRO_SUFFIXES):
        raise _error(
            "启用宏的文档（.docm/.xlsm）出于安全考虑不予读取，请另存为 .docx/.xlsx",
            "macro-enabled documents (.docm/.xlsm) are refused for safety; save as .docx/.xlsx",
            name,
        )
    _check_head(path, name, max_bytes)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _error(
            "文件已损坏或不是有效的 Word/Excel 文件（无法作为压缩包打开）",
            "the file is damaged or not a valid Word/Excel file (cannot be opened as a zip)",
            name,
        ) from None
    try:
        _check_members(
            archive,
            name,
            max_ratio=max_ratio,
            max_members=max_members,
            max_uncompressed=max_uncompressed,
            max_member_uncompressed=max_member_uncompressed,
        )
    except BaseException:
        archive.close()
        raise
    return archive


def read_member(
    archive: zipfile.ZipFile, member: str, *, limit: int = MAX_MEMBER_UNCOMPRESSED, display: str | None = None
) -> bytes:
    """Read one member, never more than ``limit`` bytes; damaged data → ReadError."""
    name = display or archive.filename or ""
    try:
        with archive.open(member) as handle:
            data = handle.read(limit + 1)
    except KeyError:
        raise _error(f"文件缺少必需的部件 {member}", f"the file lacks the required part {member}", name) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        raise _error(
            f"文件已损坏，无法解压部件 {member}",
            f"the file is damaged; cannot decompress part {member}",
            name,
        ) from None
    if len(data) > limit:
        raise _error(f"部件 {member} 解压后过大，拒绝读取", f"part {member} expands too much; refused", name)
    return data


def _has_dtd(data: bytes) -> bool:
    # Escaped text can never hold a raw "<!DOCTYPE"/"<!ENTITY", so a plain search has no false hits.
    return any(marker in data for marker in _DTD_MARKERS + _DTD_MARKERS_BE)


def parse_xml(data: bytes, *, display: str | None = None, part: str = "") -> etree._Element:
    """Parse one XML part safely; document type declarations and malformed XML → ReadError."""
    name = display or ""
    where = f"（{part}）" if part else ""
    where_en = f" ({part})" if part else ""
    if _has_dtd(data):
        raise _error(
            f"XML 含有文档类型/实体声明{where}，可能是实体扩展攻击，拒绝读取",
            f"the XML has a document type or entity declaration{where_en}; a possible entity expansion attack, refused",
            name,
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        raise _error(f"文件中的 XML 已损坏{where}", f"the XML in the file is damaged{where_en}", name) from None
    if root is None or root.getroottree().docinfo.doctype:
        raise _error(
            f"XML 含有文档类型声明{where}，拒绝读取",
            f"the XML has a document type declaration{where_en}; refused",
            name,
        )
    return root
