"""Distributed provenance: gateways queue served responses on a Redis Stream, `covenant worker`
processes fingerprint and index them.

The fingerprint (MinHash over keyed word-bigram hashes, ~80 µs of CPU for a 300-word answer) and
the index write were the largest off-request cost left in the serving process with the full policy
set. With a Redis store the gateway now only appends ``[id, ts, tenant, account, text]`` to one
capped stream (one pipelined XADD per batch); workers read it through a consumer group, so any
number of them share the work, and a crashed worker's unacknowledged entries are claimed by the
next one. The memory store (embedded default) keeps indexing in process.

An entry may also carry the pre-mark texts of a response sampled for the recorded reference
(field ``w``, `gateway.watermark.reference_queue`), or carry only those (a policy with
`provenance: false`): the worker observes and counts them before it acknowledges the entry.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import orjson
from redis.exceptions import ResponseError

from gateway.aio import sleep_unless_stopped
from gateway.store.batch import ScriptBatcher
from gateway.watermark.reference_queue import Doc, WorkerReference, decode_doc

log = logging.getLogger("covenant.provenance")

STREAM = "covenant:{wmprov}:pending"
GROUP = "covenant-provenance"
MAXLEN = 200_000  # responses waiting for a worker (~2 kB each): an absent worker costs bounded memory
CLAIM_IDLE_MS = 30_000  # entries a consumer read this long ago without acknowledging are taken over
# After a read that did not fill a batch, a worker waits this long before the next: each read costs a few
# round trips (read, index writes, counts, acknowledgement) whatever it carries, so at moderate rates
# reading whatever arrived one by one cost the worker more CPU per response than fingerprinting it.
# Provenance is for tracing leaks later; 50 ms more before an answer is traceable costs nothing.
LINGER_S = 0.05

# response id, text (None: reference only), tenant, account, ts[, reference: (digest hex, exclude_words, texts)]
Item = tuple


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

    def _fields(self, item: Item) -> tuple:
        rid, text, tenant, account, ts = item[:5]
        out: tuple = () if text is None else ("k", self._key_id, "r", orjson.dumps([rid, ts, tenant, account, text]))
        if len(item) > 5 and item[5] is not None:  # pre-mark texts for the recorded reference
            digest_hex, words, texts = item[5]
            out += ("w", orjson.dumps([tenant, digest_hex, words, texts]))
        return out

    async def add_many(self, items: Sequence[Item]) -> None:
        if self._batcher is not None:
            sent = [self._batcher.xadd(STREAM, self._fields(item), self._maxlen) for item in items]
            await asyncio.gather(*sent)
            return

        async def send() -> Any:
            pipe = self._redis.pipeline(transaction=False)
            for item in items:
                f = self._fields(item)
                pipe.xadd(STREAM, dict(zip(f[::2], f[1::2], strict=True)), maxlen=self._maxlen, approximate=True)
            return await pipe.execute()

        await (send() if self._guarded is None else self._guarded(send))

    async def add(self, response_id: str, text: str, *, tenant: str, account: str, ts: float | None = None) -> bool:
        await self.add_many([(response_id, text, tenant, account, time.time() if ts is None else ts)])
        return True


async def consume(redis: Any, index: Any, *, consumer: str, stop: asyncio.Event, batch: int = 256,
                  block_ms: int = 200, stats: dict | None = None, reference: WorkerReference | None = None,
                  linger_s: float = LINGER_S,
                  claim_idle_ms: int = CLAIM_IDLE_MS, report_every_s: float = 60.0) -> None:
    """The worker side: index queued responses, and count the pre-mark texts they carry into
    ``reference``, until ``stop`` is set (at-least-once). Without a ``reference``, entries that carry
    texts are left pending (for a worker that counts them)."""
    await _create_group(redis)
    stats = stats if stats is not None else {}
    next_claim = 0.0
    log.info("provenance worker %s: indexing the responses gateways queue (%s)%s", consumer, STREAM,
             "" if reference is not None else "; not counting the recorded reference")
    reported, next_report = 0, time.monotonic() + report_every_s
    while not stop.is_set():
        if time.monotonic() >= next_report:
            indexed = stats.get("indexed", 0)
            if indexed != reported:
                log.info("provenance worker %s: %d responses indexed in the last %.0f s (%d in all), %d reference "
                         "texts counted", consumer, indexed - reported, report_every_s, indexed,
                         stats.get("referenced", 0))
                reported = indexed
            next_report = time.monotonic() + report_every_s
        claim = time.monotonic() >= next_claim
        if claim:
            next_claim = time.monotonic() + claim_idle_ms / 3000
        try:
            read = await _step(redis, index, reference, consumer, batch, block_ms, stats, claim_idle_ms if claim else 0)
            if 0 < read < batch and linger_s > 0:
                await sleep_unless_stopped(stop, linger_s)  # let the next batch fill
        except ResponseError as e:
            if "NOGROUP" not in str(e):
                log.warning("provenance worker: batch not indexed, retrying", exc_info=True)
                await asyncio.sleep(1.0)
                continue
            # a Redis restarted without its data: the stream and the group start over
            log.warning("provenance worker: the queue's consumer group is gone (Redis restarted empty?); recreating it")
            try:
                await _create_group(redis)
            except Exception:  # away again: the next step retries
                await asyncio.sleep(1.0)
        except Exception:  # Redis away or the index failing: entries stay pending and are claimed later
            log.warning("provenance worker: batch not indexed, retrying", exc_info=True)
            await asyncio.sleep(1.0)


async def _create_group(redis: Any) -> None:
    try:
        await redis.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except ResponseError as e:
        if "BUSYGROUP" not in str(e):
            raise


async def _step(redis: Any, index: Any, reference: WorkerReference | None, consumer: str, batch: int,
                block_ms: int, stats: dict, claim_idle_ms: int) -> int:
    """One batch: returns the number of entries read."""
    entries: list = []
    if claim_idle_ms:  # entries a dead (or failed) consumer read but never acknowledged
        _, entries, *_ = await redis.xautoclaim(STREAM, GROUP, consumer, claim_idle_ms, "0-0", count=batch)
    if not entries:
        resp = await redis.xreadgroup(GROUP, consumer, {STREAM: ">"}, count=batch, block=block_ms)
        entries = resp[0][1] if resp else []
    if entries:
        ids, items, docs = [], [], []
        for msg_id, fields in entries:
            if fields and fields.get(b"k") not in (None, index.fp.key_id.encode()):
                # fingerprinted with another master secret, this worker's index would never match the
                # gateways' traces: leave it pending for a worker configured like the gateways
                _left(stats, "foreign_key", "provenance worker: responses queued by gateways with another watermark "
                      "secret; set COVENANT_WATERMARK_SECRET to the gateways' value (entries left pending)")
                continue
            try:
                item = _item(fields[b"r"]) if b"r" in fields else None
                doc: Doc | None = decode_doc(orjson.loads(fields[b"w"])) if b"w" in fields else None
            except (KeyError, TypeError, ValueError):
                log.warning("provenance worker: undecodable entry %r", msg_id)
                ids.append(msg_id)
                continue
            if doc is not None and (reference is None or reference.table(doc[1], doc[2]) is None):
                _left(stats, "foreign_table", "provenance worker: pre-mark texts observed with another equivalence "
                      "table (gateways of another Covenant version?); entries left pending for a worker with theirs")
                continue
            ids.append(msg_id)
            if item is not None:
                items.append(item)
            if doc is not None:
                docs.append(doc)
        if items:
            await index.add_many(items)
        if docs:  # counted in the store before the entries are acknowledged
            reference.add(docs)  # type: ignore[union-attr]
            await reference.flush()  # type: ignore[union-attr]
        if ids:
            await redis.xack(STREAM, GROUP, *ids)
        stats["indexed"] = stats.get("indexed", 0) + len(items)
        stats["referenced"] = stats.get("referenced", 0) + sum(len(d[3]) for d in docs)
    return len(entries)


def _item(raw: bytes) -> tuple:
    rid, ts, tenant, account, text = orjson.loads(raw)
    return rid, text, tenant, account, float(ts)


def _left(stats: dict, what: str, message: str) -> None:
    stats[what] = stats.get(what, 0) + 1
    if stats[what] in (1, 1000):
        log.error(message)
