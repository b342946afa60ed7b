"""The bounded audit queue and the background task that drains it into a sink in batches.

The request path only calls `submit()`, which never waits: a full queue drops the record and
counts it (`covenant_audit_dropped{sink, reason="queue_full"}`), with a warning at most once per
`warn_every_s`. A failing sink drops the batch the same way (`reason="sink_error"`). `close()`
flushes what is queued within a deadline and counts the rest (`reason="shutdown"`).
"""

from __future__ import annotations

import asyncio
import logging
import time

from gateway.audit.content import RecordEncoder
from gateway.audit.record import PendingRecord
from gateway.audit.sinks import Sink
from gateway.metrics import Metrics

log = logging.getLogger("covenant.audit")


class _Throttled:
    """Log a warning at most once per interval, with how many events it stands for."""

    def __init__(self, message: str, every_s: float) -> None:
        self.message = message
        self.every_s = every_s
        self._last = float("-inf")
        self._pending = 0

    def __call__(self, n: int, detail: object = "") -> None:
        self._pending += n
        now = time.monotonic()
        if now - self._last >= self.every_s:
            log.warning(self.message, self._pending, detail)
            self._last = now
            self._pending = 0


class AuditWriter:
    def __init__(self, sink: Sink, encoder: RecordEncoder, metrics: Metrics, *, queue_size: int,
                 batch_size: int = 512, warn_every_s: float = 10.0) -> None:
        self.sink = sink
        self.encoder = encoder
        self._queue: asyncio.Queue[PendingRecord] = asyncio.Queue(maxsize=max(1, queue_size))
        self.batch_size = batch_size
        self._task: asyncio.Task | None = None
        self._in_write = 0  # records taken off the queue by the batch being written
        self._written = metrics.audit_records.labels(sink.name)
        self._full = metrics.audit_dropped.labels(sink.name, "queue_full")
        self._failed = metrics.audit_dropped.labels(sink.name, "sink_error")
        self._shutdown = metrics.audit_dropped.labels(sink.name, "shutdown")
        self._warn_full = _Throttled("audit: queue full, %d record(s) dropped%s", warn_every_s)
        self._warn_failed = _Throttled("audit: sink failed, %d record(s) dropped: %r", warn_every_s)

    @property
    def queued(self) -> int:
        return self._queue.qsize()

    async def start(self) -> None:
        if self.encoder.needs_redactor:
            await asyncio.to_thread(self.encoder.prepare)
        await self.sink.start()
        self._task = asyncio.create_task(self._run(), name=f"covenant-audit-{self.sink.name}")

    def submit(self, pending: PendingRecord) -> bool:
        """Queue a record without waiting; False (counted and logged) when the queue is full."""
        try:
            self._queue.put_nowait(pending)
            return True
        except asyncio.QueueFull:
            self._full.inc()
            self._warn_full(1)
            return False

    async def close(self, deadline_s: float = 5.0) -> None:
        """Flush the queue within `deadline_s`, then stop; records still queued are counted as dropped."""
        if self._task is not None and not self._task.done():
            try:
                await asyncio.wait_for(self._queue.join(), deadline_s)
            except TimeoutError:
                log.warning("audit: flush did not finish within %.1fs", deadline_s)
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        lost = self._queue.qsize() + self._in_write
        if lost:
            self._shutdown.inc(lost)
            log.warning("audit: %d record(s) not written at shutdown", lost)
        await self.sink.close()

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < self.batch_size:
                try:
                    batch.append(self._queue.get_nowait())
                except asyncio.QueueEmpty:
                    break
            self._in_write = len(batch)
            try:
                await self._write(batch)
            finally:
                self._in_write = 0
                for _ in batch:
                    self._queue.task_done()

    async def _write(self, batch: list[PendingRecord]) -> None:
        try:
            # Encoding a batch takes milliseconds (Presidio for `redacted`: per record); in a thread the
            # GIL is handed back to the event loop every switch interval (5 ms), so requests keep moving.
            lines = await asyncio.to_thread(self.encoder.encode_batch, batch)
            await self.sink.write(lines)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # counted and logged; the writer keeps going with the next batch
            self._in_write = 0
            self._failed.inc(len(batch))
            self._warn_failed(len(batch), exc)
            return
        self._in_write = 0
        self._written.inc(len(batch))
