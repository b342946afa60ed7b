"""A bounded queue drained in batches by one background task: how work leaves the request path.

Requests `submit` (never blocks, never awaits); the task hands whatever has piled up, up to `batch`
items, to one `consume` call. With a `linger_s`, the task waits that long after an item arrives before
it takes the batch (unless the batch is already full): the work a finished request hands off then runs
after the next request's first steps instead of on them (a client sends its next request as soon as the
last one ends), and batches coalesce under load. A full queue drops the item, counts it and warns at
most every 10 s. `close` waits for what is queued (up to a deadline), then stops the task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")

# The linger of the queues that take a finished request's work (extraction features, provenance): far
# below a model's time to first token, and a few batches a second at any load.
HANDOFF_LINGER_S = 0.01


class BatchQueue(Generic[T]):
    def __init__(self, name: str, consume: Callable[[list[T]], Awaitable[None]], *, maxsize: int, batch: int,
                 log: logging.Logger, on_drop: Callable[[], None] | None = None, linger_s: float = 0.0) -> None:
        self.name = name
        self._linger = linger_s
        self._consume = consume  # errors it raises are logged; the loop goes on
        self._batch = batch
        self._log = log
        self._on_drop = on_drop
        self._q: asyncio.Queue[T] = asyncio.Queue(maxsize)
        self._task: asyncio.Task | None = None
        self.dropped = 0
        self._last_warn = 0.0

    def submit(self, item: T) -> bool:
        try:
            self._q.put_nowait(item)
            return True
        except asyncio.QueueFull:
            self.dropped += 1
            if self._on_drop is not None:
                self._on_drop()
            now = time.monotonic()
            if now - self._last_warn > 10:
                self._last_warn = now
                self._log.warning("%s queue full: %d items dropped so far", self.name, self.dropped)
            return False

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"covenant-{self.name}")

    async def run_pending(self) -> int:
        """Consume what is queued now, in the caller's task, and return how many items that was: for a gateway
        that runs no background task (offline), e.g. a benchmark that charges a request its handed-off work."""
        done = 0
        while not self._q.empty():
            batch = [self._q.get_nowait() for _ in range(min(self._batch, self._q.qsize()))]
            await self._consume_batch(batch)
            done += len(batch)
        return done

    async def close(self, deadline_s: float = 5.0) -> None:
        if self._task is None:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._q.join(), deadline_s)
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def _run(self) -> None:
        while True:
            batch = [await self._q.get()]
            if self._linger and self._q.qsize() < self._batch - 1:
                await asyncio.sleep(self._linger)
            while len(batch) < self._batch and not self._q.empty():
                batch.append(self._q.get_nowait())
            await self._consume_batch(batch)

    async def _consume_batch(self, batch: list) -> None:
        try:
            await self._consume(batch)
        except Exception:  # one failed batch is logged; the queue goes on
            self._log.exception("%s batch of %d items failed", self.name, len(batch))
        finally:
            for _ in batch:
                self._q.task_done()
