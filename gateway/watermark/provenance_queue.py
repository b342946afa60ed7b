"""Distributed provenance: gateways queue served responses on a Redis Stream, `covenant worker`
processes fingerprint and index them.

The fingerprint (MinHash over keyed word-bigram hashes, ~80 µs of CPU for a 300-word answer) and
the index write were the largest off-request cost left in the serving process with the full policy
set. With a Redis store the gateway now only appends ``[id, ts, tenant, account, text]`` to one
capped stream (one pipelined XADD per batch); workers read it through a consumer group, so any
number of them share the work, and a crashed worker's unacknowledged entries are claimed by the
next one. The memory store (embedded default) keeps indexing in process.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import orjson
from redis.exceptions import ResponseError

from gateway.store.batch import ScriptBatcher

log = logging.getLogger("covenant.provenance")

STREAM = "covenant:{wmprov}:pending"
GROUP = "covenant-provenance"
MAXLEN = 200_000  # responses waiting for a worker (~2 kB each): an absent worker costs bounded memory
CLAIM_IDLE_MS = 30_000  # entries a consumer read this long ago without acknowledging are taken over

Item = tuple[str, str, str, str, float]  # response id, text, tenant, account, ts


class ProvenancePublisher:
    """The gateway side: what `WatermarkStage` hands served responses to in distributed mode."""

    def __init__(self, redis: Any, key_id: str,
                 guarded: Callable[[Callable[[], Awaitable[Any]]], Awaitable[Any]] | None = None,
                 *, maxlen: int = MAXLEN, batcher: ScriptBatcher | None = None) -> None:
        self._redis = redis
        self._key_id = key_id.encode()  # the fingerprint key's id (Fingerprinter.key_id)
        self._guarded = guarded
        self._maxlen = maxlen
        # The store's lean pipelined writer (under the store's guard); None on a cluster, where a
        # redis-py pipeline is used instead (a third of the CPU of a pipeline per batch).
        self._batcher = batcher

    async def add_many(self, items: Sequence[Item]) -> None:
        if self._batcher is not None:
            sent = [self._batcher.xadd(STREAM, ("k", self._key_id, "r", orjson.dumps([rid, ts, tenant, account, text])),
                                       self._maxlen) for rid, text, tenant, account, ts in items]
            await asyncio.gather(*sent)
            return

        async def send() -> Any:
            pipe = self._redis.pipeline(transaction=False)
            for rid, text, tenant, account, ts in items:
                pipe.xadd(STREAM, {"k": self._key_id, "r": orjson.dumps([rid, ts, tenant, account, text])},
                          maxlen=self._maxlen, approximate=True)
            return await pipe.execute()

        await (send() if self._guarded is None else self._guarded(send))

    async def add(self, response_id: str, text: str, *, tenant: str, account: str, ts: float | None = None) -> bool:
        await self.add_many([(response_id, text, tenant, account, time.time() if ts is None else ts)])
        return True


async def consume(redis: Any, index: Any, *, consumer: str, stop: asyncio.Event, batch: int = 256,
                  block_ms: int = 200, stats: dict | None = None) -> None:
    """The worker side: index queued responses until ``stop`` is set (at-least-once)."""
    try:
        await redis.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except ResponseError as e:
        if "BUSYGROUP" not in str(e):
            raise
    stats = stats if stats is not None else {}
    next_claim = 0.0
    while not stop.is_set():
        claim = time.monotonic() >= next_claim
        if claim:
            next_claim = time.monotonic() + CLAIM_IDLE_MS / 3000
        try:
            await _step(redis, index, consumer, batch, block_ms, stats, claim)
        except Exception:  # Redis away or the index failing: entries stay pending and are claimed later
            log.warning("provenance worker: batch not indexed, retrying", exc_info=True)
            await asyncio.sleep(1.0)


async def _step(redis: Any, index: Any, consumer: str, batch: int, block_ms: int, stats: dict,
                claim: bool) -> None:
    entries: list = []
    if claim:  # entries a dead (or failed) consumer read but never acknowledged
        _, entries, *_ = await redis.xautoclaim(STREAM, GROUP, consumer, CLAIM_IDLE_MS, "0-0", count=batch)
    if not entries:
        resp = await redis.xreadgroup(GROUP, consumer, {STREAM: ">"}, count=batch, block=block_ms)
        entries = resp[0][1] if resp else []
    if entries:
        ids, items = [], []
        for msg_id, fields in entries:
            if fields and fields.get(b"k") not in (None, index.fp.key_id.encode()):
                # fingerprinted with another master secret, this worker's index would never match the
                # gateways' traces: leave it pending for a worker configured like the gateways
                stats["foreign_key"] = stats.get("foreign_key", 0) + 1
                if stats["foreign_key"] in (1, 1000):
                    log.error("provenance worker: responses queued by gateways with another watermark secret; "
                              "set COVENANT_WATERMARK_SECRET to the gateways' value (entries left pending)")
                continue
            ids.append(msg_id)
            try:
                rid, ts, tenant, account, text = orjson.loads(fields[b"r"])
                items.append((rid, text, tenant, account, float(ts)))
            except (KeyError, TypeError, ValueError):
                log.warning("provenance worker: undecodable entry %r", msg_id)
        if items:
            await index.add_many(items)
        if ids:
            await redis.xack(STREAM, GROUP, *ids)
        stats["indexed"] = stats.get("indexed", 0) + len(items)
