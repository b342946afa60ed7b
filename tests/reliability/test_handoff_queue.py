"""Work a finished request hands off (extraction features, provenance fingerprints) waits a short linger in
its queue before it is taken, so that it runs after the next request's first steps, and coalesces into
batches; a full batch goes at once, and closing the queue does not lose what lingers."""

from __future__ import annotations

import asyncio
import logging

from gateway.batch_queue import BatchQueue

log = logging.getLogger("test")


def _recording(linger_s: float, batch: int = 100) -> tuple[BatchQueue[int], list[list[int]]]:
    taken: list[list[int]] = []

    async def consume(items: list[int]) -> None:
        taken.append(list(items))

    return BatchQueue("test", consume, maxsize=1000, batch=batch, log=log, linger_s=linger_s), taken


async def test_items_handed_off_within_the_linger_are_taken_in_one_batch():
    q, taken = _recording(linger_s=0.3)
    await q.start()
    q.submit(1)
    await asyncio.sleep(0.02)  # the next request's work happens here
    q.submit(2)
    await asyncio.wait_for(q._q.join(), 10)  # noqa: SLF001 - wait for the batch to be handled
    assert taken == [[1, 2]]
    await q.close()


async def test_without_a_linger_each_item_is_taken_as_soon_as_the_loop_is_free():
    q, taken = _recording(linger_s=0.0)
    await q.start()
    q.submit(1)
    await asyncio.sleep(0.02)
    q.submit(2)
    await asyncio.wait_for(q._q.join(), 10)  # noqa: SLF001
    assert taken == [[1], [2]]
    await q.close()


async def test_a_full_batch_does_not_wait_for_the_linger():
    q, taken = _recording(linger_s=60.0, batch=3)
    await q.start()
    for i in range(3):
        q.submit(i)
    await asyncio.wait_for(q._q.join(), 10)  # noqa: SLF001 - a minute's linger would time this out
    assert taken == [[0, 1, 2]]
    await q.close()


async def test_closing_takes_what_is_lingering():
    q, taken = _recording(linger_s=0.5)
    await q.start()
    q.submit(7)
    await q.close(deadline_s=10)
    assert taken == [[7]]


async def test_run_pending_consumes_what_is_queued_in_batches_without_a_task():
    q, taken = _recording(linger_s=0.0, batch=2)
    for i in range(5):
        q.submit(i)
    assert await q.run_pending() == 5
    assert taken == [[0, 1], [2, 3], [4]]
    assert await q.run_pending() == 0
