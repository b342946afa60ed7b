"""Keep the cyclic garbage collector's full collections off the request path.

A serving gateway holds ~190,000 GC-tracked objects that live as long as the process (Presidio and
spaCy, compiled policies, the watermark table, pydantic models). CPython's full (generation 2)
collection walks all of them: measured under load, 70-99 ms per collection, several times a
minute, each one a stall of every request in flight (the p99 of the full set at c=32 was the pause
itself). `gc.freeze()` moves the objects alive after start-up to a permanent generation that
collections skip; full collections then walk only what requests created since.

`PauseRecorder` times every collection into `covenant_gc_pause_seconds{generation}` so that the
pauses show on the health dashboard instead of only in a latency tail.

Frozen objects are never collected, so after a policy reload (the old version's compiled patterns
and engines may now be garbage) the heap is unfrozen, collected once and frozen again: one full
collection per policy change instead of one every few seconds.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from contextlib import suppress
from typing import Any

log = logging.getLogger("covenant.heap")


def settle(reason: str) -> None:
    """Collect everything unreachable now, then freeze the survivors (call after start-up and reloads)."""
    t0 = time.perf_counter()
    gc.unfreeze()
    unreachable = gc.collect()
    gc.freeze()
    log.info("heap settled after %s: %d objects frozen, %d unreachable collected, %.0f ms", reason,
             gc.get_freeze_count(), unreachable, (time.perf_counter() - t0) * 1e3)


class PauseRecorder:
    """A `gc.callbacks` hook that times each collection by generation; `flush` moves the times into a
    histogram. The hook must not touch the histogram itself: a collection can start inside any
    allocation, including one made while prometheus-client holds its lock (in multiprocess mode one
    global, non-reentrant lock for every value), and observing from there would deadlock. Appending a
    float to a list allocates nothing the collector tracks. The collector holds the GIL from its start
    to its stop, so one start time is enough."""

    def __init__(self, histogram: Any) -> None:
        self._children = [histogram.labels(str(g)) for g in range(3)]
        self._pending: list[list[float]] = [[], [], []]
        self._t0 = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._t0 = time.perf_counter()
        else:
            self._pending[info["generation"]].append(time.perf_counter() - self._t0)

    def flush(self) -> None:
        for gen, child in enumerate(self._children):
            # swapped, not cleared: a collection during the loop below appends to the new list
            times, self._pending[gen] = self._pending[gen], []
            for t in times:
                child.observe(t)

    async def run(self, every_s: float = 1.0) -> None:
        """Flush periodically (in multiprocess mode a scrape reaches one worker; each flushes its own)."""
        while True:
            await asyncio.sleep(every_s)
            self.flush()

    def install(self) -> None:
        gc.callbacks.append(self)

    def remove(self) -> None:
        with suppress(ValueError):
            gc.callbacks.remove(self)
        self.flush()
