"""The text layout of a generated package and the answer key's line numbers in it."""

from __future__ import annotations

from dataclasses import replace

from jixiao.model import Package
from jixiao.synth.key import AnswerKey
from jixiao.writers.text_layout import layout

TEXT_ANCHOR = "text:"  # an anchor naming a paragraph by its text (narrative defects)


def fill_lines(package: Package, key: AnswerKey) -> tuple[AnswerKey, str]:
    """The key with every defect's ``line`` set, and the package's cell-per-line text."""
    written = layout(package)
    if not key.defects:
        return key, written.text
    lines = written.text.split("\n")
    defects = []
    for defect in key.defects:
        line = defect.line
        if defect.anchor.startswith(TEXT_ANCHOR):
            wanted = defect.anchor[len(TEXT_ANCHOR) :]
            line = next((i for i, text in enumerate(lines, start=1) if text == wanted), None)
        elif defect.anchor:
            line = written.anchors.get(defect.anchor)
        defects.append(replace(defect, line=line))
    return replace(key, defects=tuple(defects)), written.text
