"""Find the line of a key in a TOML text, so semantic errors can name it.

tomllib keeps no positions, so this scans the raw text: table headers (``[a.b]``,
``[[a.b]]`` with their running index), ``key = value`` lines, and the elements of
multi-line arrays written one per line. A path is a tuple of keys and array indices,
e.g. ``("scheme", "items", 3, "rule")``; the line of the longest known prefix is returned.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
_KEY = re.compile(r'^\s*((?:[A-Za-z0-9_-]+|"[^"]*")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=')


def _split_key(key: str) -> tuple[str, ...]:
    return tuple(part.strip().strip('"') for part in key.split("."))


def index_lines(text: str) -> dict[Path, int]:
    lines: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    current: Path = ()
    depth = 0
    array_path: Path = ()
    element = 0

    def resolve(parts: tuple[str, ...]) -> Path:
        path: list[str | int] = []
        for part in parts:
            path.append(part)
            count = counts.get(tuple(path))
            if count is not None:
                path.append(count - 1)
        return tuple(path)

    for number, raw in enumerate(text.splitlines(), start=1):
        bare = _STRING.sub('""', raw).split("#", 1)[0]
        stripped = bare.strip()
        if depth == 0 and stripped.startswith("[["):
            parts = _split_key(stripped[2 : stripped.find("]]")])
            parent = resolve(parts[:-1])
            table = (*parent, parts[-1])
            counts[table] = counts.get(table, 0) + 1
            current = (*table, counts[table] - 1)
            lines.setdefault(table, number)
            lines[current] = number
            continue
        if depth == 0 and stripped.startswith("["):
            current = resolve(_split_key(stripped[1 : stripped.find("]")]))
            lines.setdefault(current, number)
            continue
        if depth == 0:
            match = _KEY.match(raw)
            if match:
                array_path = (*current, *_split_key(match.group(1)))
                lines.setdefault(array_path, number)
                element = 0
                value = bare[bare.find("=") + 1 :].strip()
                if value.startswith("[") and value.count("{") and value.count("}"):
                    lines.setdefault((*array_path, 0), number)
        elif stripped.startswith("{"):
            lines.setdefault((*array_path, element), number)
            element += 1
        elif stripped and stripped[0] not in "]}" and depth == 1:
            lines.setdefault((*array_path, element), number)
            element += stripped.count(",") or 1
        depth += bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")
        depth = max(depth, 0)
    return lines


def line_of(text: str, path: Path) -> int | None:
    """The line of ``path`` (or of its longest prefix that the text shows)."""
    lines = index_lines(text)
    for end in range(len(path), 0, -1):
        found = lines.get(path[:end])
        if found is not None:
            return found
    return None
