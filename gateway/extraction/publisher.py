"""Distributed mode, gateway side: publish feature events to capped Redis Streams, read verdicts back.

Events are partitioned by principal (crc32 % partitions) so that one worker sees all of an
account's events; each partition is one stream, capped with an approximate MAXLEN.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from zlib import crc32

import orjson
from redis.asyncio import Redis
from redis.exceptions import WatchError

from gateway.extraction.detector import OK, Verdict
from gateway.extraction.features import FeatureEvent
from gateway.extraction.review import CAMPAIGN_DETAIL_KEYS, bare_detail
from gateway.store.batch import ScriptBatcher

STREAM_PREFIX = "covenant:extraction:events:"
VERDICTS_KEY = "covenant:extraction:verdicts"
DETAILS_KEY = "covenant:extraction:details"
CAMPAIGNS_KEY = "covenant:extraction:campaigns"
STATS_KEY = "covenant:extraction:stats"
DEFAULT_PARTITIONS = 4
DEFAULT_MAXLEN = 1_000_000


def partition_of(principal: str, partitions: int) -> int:
    return crc32(principal.encode()) % partitions


def stream_key(partition: int) -> str:
    return f"{STREAM_PREFIX}{partition}"


def encode_event(ev: FeatureEvent) -> bytes:
    return orjson.dumps(ev.to_row())


def decode_event(raw: bytes) -> FeatureEvent:
    return FeatureEvent.from_row(orjson.loads(raw))


def encode_verdict(v: Verdict) -> bytes:
    return orjson.dumps([v.status, round(v.score, 4), v.campaign_id, list(v.reasons)])


def decode_verdict(raw: bytes | None) -> Verdict:
    if raw is None:
        return OK
    status, score, campaign, reasons = orjson.loads(raw)
    return Verdict(status, float(score), tuple(reasons), campaign)


class EventPublisher:
    """XADD feature events; one round trip per call (a pipeline for batches)."""

    def __init__(self, redis: Redis, partitions: int = DEFAULT_PARTITIONS, maxlen: int = DEFAULT_MAXLEN,
                 *, batcher: ScriptBatcher | None = None) -> None:
        self._redis = redis
        self._partitions = partitions
        self._maxlen = maxlen
        self._batcher = batcher  # the store's lean pipelined writer; None on a cluster

    async def publish(self, ev: FeatureEvent) -> None:
        key = stream_key(partition_of(ev.principal, self._partitions))
        await self._redis.xadd(key, {"e": encode_event(ev)}, maxlen=self._maxlen, approximate=True)

    async def publish_many(self, events: Iterable[FeatureEvent]) -> None:
        if self._batcher is not None:
            sent = [self._batcher.xadd(stream_key(partition_of(ev.principal, self._partitions)),
                                       ("e", encode_event(ev)), self._maxlen) for ev in events]
            await asyncio.gather(*sent)
            return
        pipe = self._redis.pipeline(transaction=False)
        for ev in events:
            key = stream_key(partition_of(ev.principal, self._partitions))
            pipe.xadd(key, {"e": encode_event(ev)}, maxlen=self._maxlen, approximate=True)
        await pipe.execute()


class RedisVerdicts:
    """The gateway's O(1) verdict lookup in distributed mode: one HGET."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def get(self, principal: str) -> Verdict:
        return decode_verdict(await self._redis.hget(VERDICTS_KEY, principal))

    async def flagged(self) -> dict[str, Verdict]:
        raw = await self._redis.hgetall(VERDICTS_KEY)
        return {k.decode() if isinstance(k, bytes) else k: decode_verdict(v) for k, v in raw.items()}

    async def detail(self, principal: str) -> dict | None:
        raw = await self._redis.hget(DETAILS_KEY, principal)
        if raw is not None:
            return orjson.loads(raw)
        verdict = await self.get(principal)  # listed without state (a confirm before any traffic): as in process
        if verdict.status == "ok":
            return None
        decision = await self._redis.hget(DECISIONS_KEY, principal)
        return bare_detail(principal, verdict.as_dict(), orjson.loads(decision) if decision else None)

    async def campaigns(self) -> list[dict]:
        """Campaigns from every worker (each sees the accounts of its partitions), as summaries."""
        return [{k: v for k, v in c.items() if k not in CAMPAIGN_DETAIL_KEYS} for c in await self._campaign_details()]

    async def campaign(self, campaign_id: str) -> dict | None:
        """One campaign with its members and templates, as in process (`Detector.campaign`)."""
        return next((c for c in await self._campaign_details() if c.get("campaign") == campaign_id), None)

    async def _campaign_details(self) -> list[dict]:
        raw = await self._redis.hgetall(CAMPAIGNS_KEY)
        return sorted((c for v in raw.values() for c in orjson.loads(v)), key=lambda c: -c["score"])


DECISIONS_KEY = "covenant:extraction:decisions"
DECISIONS_VERSION_KEY = "covenant:extraction:decisions:version"  # counts the changes to DECISIONS_KEY
_DECISION_ATTEMPTS = 4


async def record_decision_remote(redis: Redis, principal: str, decision: str, reviewer: str, note: str,
                                 ts: float) -> dict:
    """Distributed mode: store a reviewer decision for the workers and apply it to the verdict now.

    The reviewer's detail view shows the decision at once too (as in-process): its status and decision are
    patched in the same transaction, watched so that a worker's newer detail is never overwritten by an older
    one; the owning worker rewrites the whole detail when it applies the decision (worker._write_verdicts)."""
    if decision not in ("confirm", "clear", "allowlist"):
        raise ValueError(f"unknown decision {decision!r}: expected confirm, clear or allowlist")
    record = {"principal": principal, "decision": decision, "reviewer": reviewer, "note": note, "ts": ts}
    verdict = Verdict("block", 1.0, ("confirmed_by_reviewer",), None) if decision == "confirm" else None
    async with redis.pipeline(transaction=True) as pipe:
        for attempt in range(_DECISION_ATTEMPTS):
            patch = attempt < _DECISION_ATTEMPTS - 1  # the last attempt leaves the detail to the worker
            try:
                if patch:
                    await pipe.watch(DETAILS_KEY)
                    raw = await pipe.hget(DETAILS_KEY, principal)
                pipe.multi()
                pipe.hset(DECISIONS_KEY, principal, orjson.dumps(record))
                pipe.incr(DECISIONS_VERSION_KEY)  # the workers read the decisions again
                if verdict is not None:
                    pipe.hset(VERDICTS_KEY, principal, encode_verdict(verdict))
                else:
                    pipe.hdel(VERDICTS_KEY, principal)
                if patch and raw is not None:
                    detail = orjson.loads(raw)
                    detail.update(status=verdict.status if verdict else "ok", decision=record,
                                  reasons=list(verdict.reasons) if verdict else [])
                    pipe.hset(DETAILS_KEY, principal, orjson.dumps(detail))
                await pipe.execute()
                return record
            except WatchError:
                continue  # a worker wrote details meanwhile (execute has reset the pipeline): read again
    return record
