"""Strict reading of TOML tables: typed values, unknown keys refused, errors with their line."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

from jixiao.frameworks.errors import FrameworkError
from jixiao.frameworks.lines import Path, index_lines

HUNDRED = Decimal(100)
_PERCENT = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*[%％]\s*$")

Table = dict[str, Any]


class Reader:
    """Reads values out of parsed TOML, failing with the line of the offending key."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path
        self._lines: dict[Path, int] | None = None

    def line(self, where: Path) -> int | None:
        if self._lines is None:
            self._lines = index_lines(self.text)
        for end in range(len(where), 0, -1):
            found = self._lines.get(where[:end])
            if found is not None:
                return found
        return None

    def fail(self, where: Path, message: str, message_en: str) -> NoReturn:
        raise FrameworkError(message, message_en, line=self.line(where), path=self.path)

    def table(self, value: Any, where: Path, allowed: tuple[str, ...]) -> Table:
        if not isinstance(value, dict):
            self.fail(where, f"「{_name(where)}」应为表（table）", f"'{_name(where)}' must be a table")
        for key in value:
            if key not in allowed:
                self.fail(
                    (*where, key),
                    f"未知的键「{key}」（可用：{'、'.join(allowed)}）",
                    f"unknown key '{key}' (allowed: {', '.join(allowed)})",
                )
        return value

    def tables(self, value: Any, where: Path, allowed: tuple[str, ...]) -> list[Table]:
        if not isinstance(value, list):
            self.fail(where, f"「{_name(where)}」应为表的数组", f"'{_name(where)}' must be an array of tables")
        return [self.table(item, (*where, i), allowed) for i, item in enumerate(value)]

    def string(self, data: Table, key: str, where: Path, *, default: str | None = None) -> str:
        value = data.get(key, default)
        if value is None:
            self.missing(where, key)
        if not isinstance(value, str):
            self.fail((*where, key), f"「{key}」应为字符串", f"'{key}' must be a string")
        return value

    def optional_string(self, data: Table, key: str, where: Path) -> str | None:
        return self.string(data, key, where) if key in data else None

    def choice(self, data: Table, key: str, where: Path, choices: tuple[str, ...], default: str) -> str:
        value = self.string(data, key, where, default=default)
        if value not in choices:
            self.fail(
                (*where, key),
                f"「{key}」的值「{value}」无效（可用：{'、'.join(choices)}）",
                f"'{key}' must be one of {', '.join(choices)}, not '{value}'",
            )
        return value

    def boolean(self, data: Table, key: str, where: Path, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail((*where, key), f"「{key}」应为 true 或 false", f"'{key}' must be true or false")
        return value

    def integer(self, data: Table, key: str, where: Path, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail((*where, key), f"「{key}」应为整数", f"'{key}' must be an integer")
        return value

    def strings(self, data: Table, key: str, where: Path) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail((*where, key), f"「{key}」应为字符串数组", f"'{key}' must be an array of strings")
        return tuple(value)

    def number(
        self, data: Table, key: str, where: Path, *, default: Decimal | None = None, percent: bool = True
    ) -> Decimal:
        if key not in data:
            if default is None:
                self.missing(where, key)
            return default
        return self.to_number(data[key], (*where, key), key, percent=percent)

    def optional_number(self, data: Table, key: str, where: Path, *, percent: bool = True) -> Decimal | None:
        return self.number(data, key, where, percent=percent) if key in data else None

    def to_number(self, value: Any, where: Path, key: str, *, percent: bool = True) -> Decimal:
        """An int, an exact decimal, or a string such as "0.8" or (where allowed) "80%"."""
        number: Decimal | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, Decimal):
            number = value
        elif isinstance(value, str):
            match = _PERCENT.match(value)
            if match and percent:
                number = Decimal(match.group(1)) / HUNDRED
            elif not match:
                try:
                    number = Decimal(value.strip())
                except InvalidOperation:
                    number = None
        if number is None or not number.is_finite():
            examples = '"0.8"、10、"80%"' if percent else '"0.8"、10'
            self.fail(
                where,
                f"「{key}」应为数值（如 {examples}），不是 {value!r}",
                f"'{key}' must be a number (like \"0.8\" or 10), not {value!r}",
            )
        return number

    def missing(self, where: Path, key: str) -> NoReturn:
        self.fail(where, f"缺少必填的键「{key}」", f"the required key '{key}' is missing")


def _name(where: Path) -> str:
    return ".".join(str(part) for part in where) or "(top)"
