"""A package's JSON (docs/format.md) written and read table by table, so a save touches only what changed.

``dump`` gives exactly the text of the format's own adapter (``TypeAdapter(Package).dump_json``) and
a layout: where each table's object and the narratives array stand in that text. ``load`` reads a
text with its layout and takes every table whose text it has seen before (in this process) from a
cache keyed by the text's digest, validating only the others. A save changes one table: it is the
only one serialised on the way in, and the only one validated in another worker on the way out.
Without a layout (old revisions) or when anything does not fit, both fall back to the whole package.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from threading import Lock
from typing import Any

from pydantic import TypeAdapter

from jixiao.jsonformat import dumps, with_statements
from jixiao.model import Document, Narrative, Package

_DOCUMENTS_KEY = '"documents":[]'
_NARRATIVES_KEY = '"narratives":[]'
_SIZE = 2048


class Memo:
    """A bounded, thread-safe LRU map; values are immutable model objects, so requests may share them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[Any, Any] = OrderedDict()
        self.lock = Lock()

    def get(self, key: Any) -> Any:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_texts = Memo(_SIZE)  # id(object) → (object, its JSON text)
_objects = Memo(_SIZE)  # digest of a JSON text → the object it validates to


@cache
def package_adapter() -> TypeAdapter[Package]:
    return TypeAdapter(Package)


@cache
def _document_adapter(kind: type) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


@cache
def _any_document() -> TypeAdapter[Any]:
    return TypeAdapter(Document)


@cache
def _narratives_adapter() -> TypeAdapter[tuple[Narrative, ...]]:
    return TypeAdapter(tuple[Narrative, ...])


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


def _text_of(value: Any, adapter: TypeAdapter[Any], written: Callable[[Any], Any] | None = None) -> str:
    """``value``'s JSON text (that of ``written(value)``, its form as the format writes it, when given)."""
    hit = _texts.get(id(value))
    if hit is not None and hit[0] is value:
        text: str = hit[1]
        return text
    text = adapter.dump_json(value if written is None else written(value)).decode("utf-8")
    _texts.put(id(value), (value, text))
    _objects.put(_digest(text), value)
    return text


def dump(package: Package) -> tuple[str, dict[str, Any] | None]:
    """The package's JSON text and its layout ({"documents": [[start, end], …], "narratives": [start, end]})."""
    skeleton = package_adapter().dump_json(replace(package, documents=(), narratives=())).decode("utf-8")
    if skeleton.count(_DOCUMENTS_KEY) != 1 or skeleton.count(_NARRATIVES_KEY) != 1:
        return dumps(package, indent=None), None
    documents = [_text_of(d, _document_adapter(type(d))) for d in package.documents]
    # Statements are written out as the format's writer does; remembered by the narratives' identity,
    # so a save that changes a table works them out only once.
    narratives = _text_of(package.narratives, _narratives_adapter(), with_statements)
    out: list[str] = []
    spans: list[list[int]] = []
    at = 0
    cut_documents = skeleton.index(_DOCUMENTS_KEY) + len(_DOCUMENTS_KEY) - 1
    cut_narratives = skeleton.index(_NARRATIVES_KEY) + len(_NARRATIVES_KEY) - len("[]")
    narrative_span: list[int] = []
    for cut, kind in sorted([(cut_documents, "documents"), (cut_narratives, "narratives")]):
        out.append(skeleton[at:cut])
        position = sum(len(part) for part in out)
        if kind == "documents":
            for index, text in enumerate(documents):
                if index:
                    out.append(",")
                    position += 1
                spans.append([position, position + len(text)])
                out.append(text)
                position += len(text)
            at = cut
        else:
            narrative_span = [position, position + len(narratives)]
            out.append(narratives)
            at = cut + len("[]")
    out.append(skeleton[at:])
    return "".join(out), {"documents": spans, "narratives": narrative_span}


def _load_documents(text: str, spans: list[list[int]]) -> tuple[Document, ...]:
    out: list[Document] = []
    for start, end in spans:
        piece = text[start:end]
        key = _digest(piece)
        document = _objects.get(key)
        if document is None:
            document = _any_document().validate_json(piece)
            _objects.put(key, document)
            _texts.put(id(document), (document, piece))
        out.append(document)
    return tuple(out)


def _load_narratives(piece: str) -> tuple[Narrative, ...]:
    key = _digest(piece)
    narratives: tuple[Narrative, ...] | None = _objects.get(key)
    if narratives is None:
        narratives = _narratives_adapter().validate_json(piece)
        _objects.put(key, narratives)
        _texts.put(id(narratives), (narratives, piece))
    return narratives


def load(text: str, layout: dict[str, Any] | None) -> Package:
    """The package of a revision's JSON text; raises ValueError when the text is not valid."""
    if layout:
        try:
            spans: list[list[int]] = layout["documents"]
            narrative_start, narrative_end = layout["narratives"]
            pieces: list[tuple[int, int, str]] = [(narrative_start, narrative_end, "[]")]
            if spans:
                pieces.append((spans[0][0], spans[-1][1], ""))
            skeleton, at = [], 0
            for start, end, filler in sorted(pieces):
                skeleton.append(text[at:start] + filler)
                at = end
            skeleton.append(text[at:])
            base = package_adapter().validate_json("".join(skeleton))
            documents = _load_documents(text, spans)
            narratives = _load_narratives(text[narrative_start:narrative_end])
            return replace(base, documents=documents, narratives=narratives)
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # a layout that does not fit this text: read it whole
    return package_adapter().validate_json(text)
