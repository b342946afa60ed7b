"""Where the gateway sends feature events and reads verdicts.

- `LocalExtraction` (embedded default): an in-process Detector fed by a background task, so
  scoring never runs inside a request; verdict lookups are a dict read.
- `RedisExtraction` (distributed): events are published to Redis Streams for `covenant worker`
  processes; verdicts are read from the Redis hash the workers write, cached per principal for a
  couple of seconds so a request costs at most one Redis read per principal per TTL.
Both batch events off the request path through a bounded queue (drops are counted, never silent).
The gateway hands over an exchange still to be described (a callable that returns its FeatureEvent):
the features are computed here, HANDOFF_LINGER_S after the exchange ended, not in the request's own task, where
they would hold up the next request of a client that sends it as soon as the last one ends.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from gateway.batch_queue import HANDOFF_LINGER_S, BatchQueue
from gateway.extraction.detector import OK, Detector, Verdict
from gateway.extraction.features import FeatureEvent
from gateway.extraction.policy import ExtractionPolicy
from gateway.extraction.publisher import DEFAULT_PARTITIONS, VERDICTS_KEY, decode_verdict
from gateway.extraction.rescorer import TreeEnsemble
from gateway.store.refresh_ahead import RefreshAheadCache

log = logging.getLogger("covenant.extraction")

QUEUE_SIZE = 50_000
BATCH = 500
_SLICE = 32  # exchanges described between two yields to the event loop (~15 µs each)


class _Queued:
    """Feature events leave the request path through a bounded batch queue (gateway.batch_queue)."""

    def __init__(self, metrics) -> None:
        self.m = metrics
        self._queue: BatchQueue[FeatureEvent | Callable[[], FeatureEvent]] = BatchQueue(
            "extraction", self._describe, maxsize=QUEUE_SIZE, batch=BATCH, log=log,
            on_drop=metrics.extraction_dropped.inc, linger_s=HANDOFF_LINGER_S)

    def submit(self, ev: FeatureEvent | Callable[[], FeatureEvent]) -> None:
        """An event, or an exchange that describes itself when called (in the background, see above)."""
        self._queue.submit(ev)

    async def _describe(self, batch: list[FeatureEvent | Callable[[], FeatureEvent]]) -> None:
        events = []
        for i, item in enumerate(batch):
            if callable(item):
                try:
                    item = item()
                except Exception:  # counted like a stage error; the other exchanges still count
                    log.exception("extraction features of an exchange failed")
                    self.m.stage_errors.labels("extraction").inc()
                    continue
                if i % _SLICE == _SLICE - 1:
                    await asyncio.sleep(0)  # CPU work: requests run between slices
            events.append(item)
        if events:
            await self._consume(events)

    async def start(self) -> None:
        await self._queue.start()

    async def close(self, deadline_s: float = 5.0) -> None:
        await self._queue.close(deadline_s)

    async def _consume(self, batch: list[FeatureEvent]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class LocalExtraction(_Queued):
    def __init__(self, metrics, policy: ExtractionPolicy | None = None, rescorer: TreeEnsemble | None = None) -> None:
        """`rescorer`: the operator's re-scorer model (settings.extraction_model), else the shipped one."""
        super().__init__(metrics)
        self.rescorer = rescorer
        self.detector = Detector(policy, rescorer)
        self._last_tick = 0.0

    @property
    def policy(self) -> ExtractionPolicy:
        """The extraction block the verdicts are judged with."""
        return self.detector.policy

    async def verdict(self, principal: str) -> Verdict:
        return self.detector.verdict(principal)

    async def _consume(self, batch: list[FeatureEvent]) -> None:
        det = self.detector
        for i, ev in enumerate(batch):
            try:
                det.observe(ev)
            except Exception:  # counted like a stage error; the batch's other events still count
                log.exception("extraction detector failed on an event of %s", ev.principal)
                self.m.stage_errors.labels("extraction").inc()
                continue
            if ev.output_tokens:
                det.observe_usage(ev.principal, ev.output_tokens)
            if i % 64 == 63:
                await asyncio.sleep(0)  # scoring is CPU work: let requests run between slices
        now = time.time()
        if now - self._last_tick > 5:
            self._last_tick = now
            det.tick(now)
        self.m.extraction_events.inc(len(batch))
        self.m.extraction_lag.set(max(0.0, now - det.last_event_ts))  # the newest event's time
        stats = det.stats()
        for status, n in stats["by_status"].items():
            self.m.extraction_principals.labels(status).set(n)
        self.m.extraction_campaigns.set(stats["campaigns"])

    # review ------------------------------------------------------------------------------------
    async def principals(self, status: str | None) -> list[dict[str, Any]]:
        return self.detector.principals(status)

    async def principal(self, pid: str) -> dict | None:
        return self.detector.principal_detail(pid)

    async def campaigns(self) -> list[dict]:
        return self.detector.campaigns()

    async def campaign(self, cid: str) -> dict | None:
        return self.detector.campaign(cid)

    async def decide(self, pid: str, decision: str, reviewer: str, note: str) -> dict:
        return self.detector.record_decision(pid, decision, reviewer, note)


class RedisExtraction(_Queued):
    def __init__(self, metrics, redis, *, cache_seconds: float = 2.0, batch=None, publish_batch=None,
                 partitions: int = DEFAULT_PARTITIONS, policy: ExtractionPolicy | None = None) -> None:
        from gateway.extraction.publisher import EventPublisher, RedisVerdicts

        super().__init__(metrics)
        self.redis = redis
        # the block the workers judge with: the most general of the policy directory, as here (cli_extraction.py)
        self.policy = policy or ExtractionPolicy()
        # events go out on a batcher of their own (never on the request path's round trip), into as many
        # partitions as the workers consume (settings.extraction_partitions on both sides)
        self.publisher = EventPublisher(redis, partitions=partitions, batcher=publish_batch)
        self.verdicts = RedisVerdicts(redis)
        # Refreshed ahead of expiry on the store's request-path batcher (None on a cluster): a lookup
        # shares the round trip of the rate-limit admission that follows in the same loop turn.
        self._batch = batch
        self._cache: RefreshAheadCache[Verdict] = RefreshAheadCache(
            VERDICTS_KEY, decode_verdict, cache_seconds, 200_000, batch)

    async def verdict(self, principal: str) -> Verdict:
        now = time.monotonic()
        hit, fresh = self._cache.lookup(principal, now)
        if fresh:
            return hit[1]
        try:
            if self._batch is not None:
                v = await self._cache.fetch(principal)
            else:
                v = await asyncio.wait_for(self.verdicts.get(principal), 0.05)
        except Exception:  # no verdict store: keep the last known verdict (or ok) rather than fail requests
            v = hit[1] if hit else OK
        return self._cache.remember(principal, v, now)

    async def _consume(self, batch: list[FeatureEvent]) -> None:
        # published, not scored: covenant_extraction_events_total is counted by the worker that scores them
        await self.publisher.publish_many(batch)

    async def principals(self, status: str | None) -> list[dict[str, Any]]:
        flagged = await self.verdicts.flagged()
        rows = [{"principal": p, **v.as_dict()} for p, v in flagged.items()]
        want = {"flagged": None}.get(status, status) if status else None
        return sorted((r for r in rows if want is None or r["status"] == want), key=lambda d: (-d["score"], d["principal"]))

    async def principal(self, pid: str) -> dict | None:
        return await self.verdicts.detail(pid)

    async def campaigns(self) -> list[dict]:
        return await self.verdicts.campaigns()

    async def campaign(self, cid: str) -> dict | None:
        return await self.verdicts.campaign(cid)

    async def decide(self, pid: str, decision: str, reviewer: str, note: str) -> dict:
        from gateway.extraction.publisher import record_decision_remote

        self._cache.forget(pid)  # a refresh in flight may predate the decision
        return await record_decision_remote(self.redis, pid, decision, reviewer, note, time.time())
