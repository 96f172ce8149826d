"""Many generated packages written to a folder: NAME.json, NAME.txt, NAME.key.json and index.json."""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import dataclass
from typing import Any

from jixiao.synth.generate import generate_with_layout
from jixiao.writers.files import write_text_atomic

INDEX = "index.json"
GENERATOR = "jixiao.synth"
MAX_PROJECTS = 12


class OutputNotEmpty(Exception):
    """The output folder holds files that are not an earlier synth output."""

    def __init__(self, path: str) -> None:
        self.message = f"输出文件夹「{path}」不为空，且不是 jixiao synth 的输出；如确需覆盖请加 --force"
        self.message_en = f"the output folder {path} is not empty and is not a jixiao synth output; use --force"
        super().__init__(f"{self.message} / {self.message_en}")


@dataclass(frozen=True, slots=True)
class BatchEntry:
    name: str
    seed: int
    clean: bool
    defects: int
    unit: str
    projects: int


def _is_synth_output(path: str) -> bool:
    try:
        with open(os.path.join(path, INDEX), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("generator") == GENERATOR


def check_output(path: str, *, force: bool = False) -> None:
    """Refuse a non-empty folder that does not look like a synth output (unless forced)."""
    if os.path.isdir(path) and os.listdir(path) and not force and not _is_synth_output(path):
        raise OutputNotEmpty(path)


def generate_batch(
    count: int,
    seed: int,
    out_dir: str,
    *,
    projects: int = 3,
    defect_rate: float = 1.0,
    year: int = 2023,
    force: bool = False,
) -> list[BatchEntry]:
    """Write ``count`` packages to ``out_dir``; a share ``defect_rate`` of them carries defects."""
    from jixiao.jsonformat import dumps

    if not 0 <= defect_rate <= 1:
        raise ValueError("defect_rate must lie in [0, 1]")
    if not 1 <= projects <= MAX_PROJECTS:
        raise ValueError(f"projects must lie in [1, {MAX_PROJECTS}]")
    check_output(out_dir, force=force)
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(seed)
    entries: list[BatchEntry] = []
    width = max(4, len(str(count)))
    for number in range(count):
        package_seed = rng.randrange(2**31)
        defects = rng.random() < defect_rate
        package, key, text = generate_with_layout(package_seed, projects=projects, defects=defects, year=year)
        name = f"synth-{number + 1:0{width}d}"
        _write(os.path.join(out_dir, f"{name}.txt"), text)
        _write(os.path.join(out_dir, f"{name}.json"), dumps(package, indent=None) + "\n")
        _write(os.path.join(out_dir, f"{name}.key.json"), key.dumps() + "\n")
        entries.append(BatchEntry(name, package_seed, key.clean, len(key.defects), key.unit, key.projects))
    index: dict[str, Any] = {
        "generator": GENERATOR,
        "seed": seed,
        "count": count,
        "projects": projects,
        "defect_rate": defect_rate,
        "year": year,
        "packages": [
            {"name": e.name, "seed": e.seed, "clean": e.clean, "defects": e.defects, "unit": e.unit,
             "projects": e.projects}
            for e in entries
        ],
    }  # fmt: skip
    os.sync()  # one flush for the whole batch (per-file fsync would dominate the run time)
    # The index is written last, durably: a folder with an index is a complete batch.
    write_text_atomic(os.path.join(out_dir, INDEX), json.dumps(index, ensure_ascii=False, indent=2) + "\n")
    return entries


def _write(path: str, text: str) -> None:
    """Atomic (temporary file, then rename: never half-written), without a per-file fsync."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".jixiao-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
