"""Jixiao's own JSON format → Package."""

from __future__ import annotations

from jixiao.jsonformat import FormatError, loads
from jixiao.model import Package
from jixiao.readers.errors import ReadError
from jixiao.readers.text import MAX_TEXT_BYTES, decode

MAX_JSON_BYTES = 4 * MAX_TEXT_BYTES


def read_json_file(path: str, *, display: str | None = None) -> Package:
    name = display or path
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_JSON_BYTES + 1)
    except OSError as error:
        raise ReadError(
            f"无法打开文件：{error.strerror}", f"cannot open the file: {error.strerror}", path=name
        ) from None
    if len(data) > MAX_JSON_BYTES:
        raise ReadError("JSON 文件过大", "JSON file too large", path=name)
    try:
        return loads(decode(data, path=name))
    except FormatError as error:
        raise ReadError(error.message, error.message_en, path=name) from None
