"""The open JSON format of a package: dump, load and JSON Schema (see docs/format.md).

pydantic is imported here only, so the model stays free of it and of I/O.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from jixiao.model import FORMAT_VERSION, Narrative, Package

if TYPE_CHECKING:
    from pydantic import TypeAdapter


@cache
def _adapter() -> TypeAdapter[Package]:
    from pydantic import TypeAdapter

    return TypeAdapter(Package)


def with_statements(narratives: tuple[Narrative, ...]) -> tuple[Narrative, ...]:
    """The narratives with their statements written out (a reader leaves them to be derived)."""
    if all(n.statements is not None for n in narratives):
        return narratives
    from jixiao.narrative.figures import statements_of

    return tuple(replace(n, statements=statements_of(n)) for n in narratives)


def _with_statements(package: Package) -> Package:
    narratives = with_statements(package.narratives)
    if narratives is package.narratives:
        return package
    return replace(package, narratives=narratives)


def to_data(package: Package) -> dict[str, Any]:
    data: dict[str, Any] = _adapter().dump_python(_with_statements(package), mode="json")
    return data


def dumps(package: Package, *, indent: int | None = 2) -> str:
    text: bytes = _adapter().dump_json(_with_statements(package), indent=indent)
    return text.decode("utf-8")


class FormatError(ValueError):
    """The JSON is not a Jixiao package; ``message`` is Chinese, ``message_en`` English."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(f"{message} / {message_en}")
        self.message = message
        self.message_en = message_en


def from_data(data: Any) -> Package:
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise FormatError("JSON 顶层不是对象，不是 Jixiao 报告包", "top level is not an object")
    version = str(data.get("format_version", FORMAT_VERSION))
    if version.split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise FormatError(
            f"不支持的格式版本 {version}（支持 {FORMAT_VERSION}）",
            f"unsupported format version {version} (supported: {FORMAT_VERSION})",
        )
    try:
        return _adapter().validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise FormatError(
            f"报告包 JSON 在 {where} 处不符合格式：{first.get('msg', '')}",
            f"package JSON does not match the format at {where}: {first.get('msg', '')}",
        ) from None


def loads(text: str) -> Package:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"JSON 语法错误：第{error.lineno}行第{error.colno}列",
            f"JSON syntax error at line {error.lineno}, column {error.colno}",
        ) from None
    return from_data(data)


def schema() -> dict[str, Any]:
    result: dict[str, Any] = _adapter().json_schema(mode="validation")
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    result["title"] = f"Jixiao report package, format {FORMAT_VERSION}"
    return result
