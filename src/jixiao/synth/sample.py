"""The demo sample (src/jixiao/samples/sample-hunan-2023.txt), regenerated from a fixed seed.

``python -m jixiao.synth.sample`` rewrites the file and prints its answer key. The sample is a
two-project housing unit with four injected defects (copies, arithmetic, logic, narrative), so the
demo shows findings of several families.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jixiao.synth.generate import generate_with_layout
from jixiao.synth.key import AnswerKey

SAMPLE_SEED = 0
SAMPLE_UNIT = "示例县住房保障服务中心"
SAMPLE_PATH = Path(__file__).resolve().parent.parent / "samples" / "sample-hunan-2023.txt"


def build_sample() -> tuple[str, AnswerKey]:
    """The sample's text and answer key."""
    _, key, text = generate_with_layout(
        SAMPLE_SEED, projects=2, defects=True, domain="housing", unit=SAMPLE_UNIT, place="示例县"
    )
    return text, key


def main(argv: list[str] | None = None) -> int:
    from jixiao.writers.files import write_text_atomic

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else SAMPLE_PATH
    text, key = build_sample()
    write_text_atomic(str(path), text)
    print(f"wrote {path}")
    print(key.dumps())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
