"""Reading, scoring and auditing allocate tens of thousands of small objects and make no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a package is read, scored or audited.

    Every few hundred allocations the collector would walk the young objects (the records being
    built), find nothing to free and go on: about a tenth of the time of each stage. Reference counting
    still frees everything as usual. Safe across threads and nesting: only the call that found the
    collector enabled enables it again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
