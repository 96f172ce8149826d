"""@record keeps every behaviour of a frozen slotted dataclass; gc_paused always restores the collector."""

from __future__ import annotations

import dataclasses
import gc
import inspect
import pickle
import sys

import pytest

from jixiao.allocation import gc_paused
from jixiao.model import Cell, FundsRow, Source
from jixiao.model.records import record


@record
class _Point:
    x: int
    y: int = 2
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)


def test_a_record_behaves_like_a_frozen_slotted_dataclass() -> None:
    point = _Point(1)
    assert (point.x, point.y, point.tags) == (1, 2, ())
    assert point == _Point(1, 2, ()) and hash(point) == hash(_Point(1, 2, ()))
    assert _Point(x=3, tags=("a",)) == _Point(3, 2, ("a",))
    assert dataclasses.replace(point, y=5) == _Point(1, 5)
    assert repr(point) == "_Point(x=1, y=2, tags=())"
    assert not hasattr(point, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Point(1, z=3)  # type: ignore[call-arg]
    assert pickle.loads(pickle.dumps(point)) == point
    assert list(inspect.signature(_Point).parameters) == ["x", "y", "tags"]


def test_default_factories_make_a_new_value_each_time() -> None:
    first, second = FundsRow(), FundsRow()
    assert first == second
    assert first.label == Cell() and first.source == Source()


def test_the_model_records_match_positionally_and_by_keyword() -> None:
    source = Source("f.txt", 3, "附件1", 2, 4)
    assert source == Source(file="f.txt", line=3, table="附件1", row=2, column=4)
    match source:
        case Source(file, line):
            assert (file, line) == ("f.txt", 3)


def test_gc_paused_restores_the_collector_when_nested_or_raising() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outer call enables it again
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_gc_paused_from_many_threads_leaves_the_collector_enabled() -> None:
    import threading

    start = threading.Barrier(8)
    enabled_inside: list[bool] = []

    def work() -> None:
        start.wait()
        for _ in range(300):
            with gc_paused():
                with gc_paused():
                    sum(range(200))
                enabled_inside.append(gc.isenabled())

    threads = [threading.Thread(target=work) for _ in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads interleave inside the pause
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert len(enabled_inside) == 8 * 300 and not any(enabled_inside)  # paused while any thread is inside
    assert gc.isenabled()
