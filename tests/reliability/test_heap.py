"""A serving gateway keeps the garbage collector's full collections off the request path: it freezes the
objects alive after start-up and again after each policy change (collecting the old version's garbage
first), and `gc_freeze: false` turns that off. Either way it times every collection into
`covenant_gc_pause_seconds` and exports the conventional process_* and python_gc_* families."""

from __future__ import annotations

import gc
import re
import threading
import weakref

from prometheus_client import CollectorRegistry, Histogram

from gateway import heap
from tests.reliability.support import chat, metric, wait_for
from tests.support.gateway import GatewayProcess

KEEP_ONE_POLICY = ("00-baseline*", "20-pii*", "30-watermark*", "40-extraction*")
NEW_POLICY = """\
apiVersion: covenant/v1
kind: Policy
metadata: {name: heap-test-extra}
spec:
  selector:
    key_labels: {tier: nobody-has-this}
"""


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_settle_collects_unreachable_cycles_then_freezes_what_survives():
    garbage, kept = _Node(), _Node()
    dead = weakref.ref(garbage)
    del garbage
    try:
        heap.settle("test")
        assert dead() is None
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # frozen: collections no longer walk it
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())


def test_a_collection_inside_a_held_metrics_lock_is_timed_without_deadlock():
    """A collection can start inside any allocation, also one made while prometheus-client holds a value's
    lock (in multiprocess mode one global lock): the hook only notes the time, `flush` observes it later."""
    hist = Histogram("pause_seconds", "test", ["generation"], registry=CollectorRegistry())
    recorder = heap.PauseRecorder(hist)
    held = hist.labels("2")._sum._lock  # noqa: SLF001 - the lock an observe of this child takes
    done = threading.Event()

    def collect_holding_the_lock() -> None:
        with held:
            gc.collect()
        done.set()

    recorder.install()
    try:
        threading.Thread(target=collect_holding_the_lock, daemon=True).start()
        assert done.wait(10), "the collection's hook blocked on the metrics lock"
    finally:
        recorder.remove()  # also flushes
    assert hist.labels("2")._sum.get() > 0  # noqa: SLF001
    assert _count_of(hist, "2") >= 1


def _count_of(hist: Histogram, generation: str) -> float:
    return next(s.value for m in hist.collect() for s in m.samples
                if s.name.endswith("_count") and s.labels["generation"] == generation)


def _frozen_counts(logs: str, reason: str) -> list[int]:
    return [int(n) for n in re.findall(rf"heap settled after {reason}: (\d+) objects frozen", logs)]


def test_serving_gateway_freezes_its_heap_at_start_up_and_after_a_policy_change(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=KEEP_ONE_POLICY)
    key = gw.create_key("acme", "heap")
    gw.start()
    try:
        start_up = wait_for(lambda: _frozen_counts(gw.logs(), "start-up"))
        assert start_up and start_up[0] > 10_000, gw.logs()  # the modules, models and policies of the process
        assert chat(gw, key).status_code == 200
        (gw.policy_dir / "90-heap-test.yaml").write_text(NEW_POLICY)
        assert wait_for(lambda: _frozen_counts(gw.logs(), "policy change"), timeout=15), gw.logs()
        assert chat(gw, key).status_code == 200
        assert len(_frozen_counts(gw.logs(), "start-up")) == 1
    finally:
        gw.stop()


def test_gc_freeze_false_leaves_the_heap_alone_and_pauses_are_still_timed(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=KEEP_ONE_POLICY, extra_config={"gc_freeze": False})
    key = gw.create_key("acme", "heap")
    gw.start()
    try:
        for _ in range(20):
            assert chat(gw, key).status_code == 200
        assert "heap settled" not in gw.logs()
        # every request allocates; the youngest generation is collected every 700 net allocations
        assert wait_for(lambda: metric(gw, "covenant_gc_pause_seconds_count", generation="0") > 0)
        assert metric(gw, "python_gc_collections_total", generation="0") > 0
        assert metric(gw, "process_resident_memory_bytes") > 10e6
    finally:
        gw.stop()
