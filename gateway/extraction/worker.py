"""Distributed mode, worker side: `run_worker(redis_url)` (what `covenant worker` runs).

Partitions: events are sharded by principal into P streams. Workers share the partitions through
leases (SET NX PX, renewed while alive): each live worker holds about P / live_workers of them, so
an account's events always reach one detector. Each stream has a consumer group, so a partition
taken over from a dead worker re-delivers its pending events (XAUTOCLAIM) - at-least-once.
State stays bounded by the detector's LRU limits; verdicts are written back to one Redis hash
(HSET on change, HDEL when back to ok) that gateways read with one HGET.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import socket
import time
from dataclasses import dataclass, field

import orjson
from redis.asyncio import Redis
from redis.exceptions import BusyLoadingError, ResponseError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from gateway.aio import sleep_unless_stopped
from gateway.extraction.detector import Detector
from gateway.extraction.policy import ExtractionPolicy
from gateway.extraction.publisher import (
    CAMPAIGNS_KEY,
    DECISIONS_KEY,
    DECISIONS_VERSION_KEY,
    DEFAULT_PARTITIONS,
    DETAILS_KEY,
    STATS_KEY,
    VERDICTS_KEY,
    decode_event,
    encode_verdict,
    partition_of,
    stream_key,
)
from gateway.extraction.rescorer import TreeEnsemble
from gateway.logs import redact_url

log = logging.getLogger("covenant.worker")
GROUP = "covenant-extraction"
# After a read that did not fill a batch, wait this long before the next: a read costs its round trips
# (read, acknowledgements) whatever it carries, and at moderate rates events arrived nearly one by one.
# 50 ms is nothing against the detector's time scales (verdicts are flushed every 0.5 s).
LINGER_S = 0.05
LEASE_PREFIX = "covenant:extraction:lease:"
WORKERS_KEY = "covenant:extraction:workers"

# Renew only a lease we still own.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
# Replace a decision's record only if it is still the one the worker read.
_NOTE_APPLIED = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return redis.call('INCR', KEYS[2])
end
return 0
"""
# The decisions are read whole when their version changed, and at least this often (decisions written by a gateway of
# a release that did not count them, during a rolling upgrade).
DECISIONS_REREAD_S = 60.0


@dataclass
class _Progress:
    """What an operator sees of a running worker: its start, each change of the partitions it owns, and
    while events flow one summary line per interval."""

    name: str
    every_s: float
    owned: frozenset[int] = frozenset()
    events: int = 0  # at the last summary
    next_at: float = 0.0

    def partitions(self, owned: set[int], partitions: int) -> None:
        if owned != self.owned:
            self.owned = frozenset(owned)
            log.info("extraction worker %s: owns %d of %d event partitions %s", self.name, len(owned), partitions,
                     sorted(owned))

    def tick(self, now: float, stats: WorkerStats, det: Detector) -> None:
        if now < self.next_at:
            return
        if stats.events != self.events:
            s = det.stats()
            log.info("extraction worker %s: %d events in the last %.0f s (%d in all), %d principals, %d flagged "
                     "(%s), %d campaigns, lag %.1f s", self.name, stats.events - self.events, self.every_s,
                     stats.events, s["principals"], sum(s["by_status"].values()),
                     ", ".join(f"{k} {v}" for k, v in s["by_status"].items()), s["campaigns"], stats.lag_s)
            self.events = stats.events
        self.next_at = now + self.every_s


class _Exported:
    """The detector's figures in the worker's metrics (`covenant worker --metrics-port`): with a Redis store the
    gateways only publish events, so the worker is the one process that knows them (the compliance dashboard,
    CovenantExtractionDetectorLag and CovenantExtractionCampaignDetected read them)."""

    def __init__(self, metrics) -> None:
        self.m = metrics
        self.events = 0  # at the last update
        self._status = {s: metrics.extraction_principals.labels(s) for s in ("flag", "throttle", "block")}

    def update(self, stats: WorkerStats, det: Detector) -> None:
        self.m.extraction_events.inc(stats.events - self.events)
        self.events = stats.events
        self.m.extraction_lag.set(stats.lag_s)
        s = det.stats()
        for status, n in s["by_status"].items():
            self._status[status].set(n)
        self.m.extraction_campaigns.set(s["campaigns"])


@dataclass
class WorkerStats:
    events: int = 0
    batches: int = 0
    verdict_writes: int = 0
    failed_events: int = 0  # decoded, but the detector could not take them (logged)
    partitions: set[int] = field(default_factory=set)
    lag_s: float = 0.0  # wall clock minus the newest event's ts at the last batch


async def run_worker(
    redis_url: str,
    *,
    policy: ExtractionPolicy | None = None,
    partitions: int = DEFAULT_PARTITIONS,
    consumer: str | None = None,
    stop: asyncio.Event | None = None,
    batch: int = 500,
    block_ms: int = 200,
    lease_ms: int = 5000,
    flush_interval_s: float = 0.5,
    stats: WorkerStats | None = None,
    linger_s: float = LINGER_S,
    report_every_s: float = 60.0,
    metrics=None,
    rescorer: TreeEnsemble | None = None,
) -> WorkerStats:
    """Consume feature events until `stop` is set; returns the counts (also mirrored to a Redis hash and, given
    `metrics` (gateway.metrics.Metrics), to the detector's gauges and events counter). `rescorer`: the operator's
    re-scorer model (settings.extraction_model), else the shipped one."""
    name = consumer or f"{socket.gethostname()}-{os.getpid()}"
    stop = stop or asyncio.Event()
    stats = stats or WorkerStats()
    det = Detector(policy, rescorer)
    redis = Redis.from_url(redis_url)
    renew = redis.register_script(_RENEW)
    release = redis.register_script(_RELEASE)
    note_applied = redis.register_script(_NOTE_APPLIED)
    owned: set[int] = set()
    seen_decisions = _SeenDecisions()
    unsent: dict = {}  # verdict changes not yet written (the store was away)
    next_lease = next_flush = 0.0
    groups = False
    outage: _Outage | None = None
    progress = _Progress(name, report_every_s, next_at=time.time() + report_every_s)
    exported = _Exported(metrics) if metrics is not None else None
    log.info("extraction worker %s: consuming feature events (%d partitions, group %s) on %s", name, partitions,
             GROUP, redact_url(redis_url))
    try:
        while not stop.is_set():
            try:
                if not groups:
                    await _create_groups(redis, partitions)
                    groups = True
                now = time.time()
                if now >= next_lease:
                    await _balance_leases(redis, renew, release, name, partitions, owned, lease_ms, det)
                    stats.partitions = set(owned)
                    progress.partitions(owned, partitions)
                    next_lease = now + lease_ms / 3000.0
                if owned:
                    resp = await redis.xreadgroup(GROUP, name, {stream_key(p): ">" for p in owned}, count=batch,
                                                  block=block_ms)
                    if resp:
                        await _process(redis, det, resp, stats)
                        if sum(len(entries) for _, entries in resp) < batch and linger_s > 0:
                            await sleep_unless_stopped(stop, linger_s)  # let the next batch fill
                    elif det.events_since_tick:
                        det.tick(det.last_event_ts)  # idle: regroup now rather than at the next event
                else:
                    await asyncio.sleep(block_ms / 1000.0)
                if time.time() >= next_flush:
                    await _apply_decisions(redis, det, seen_decisions, note_applied)
                    await _flush(redis, det, stats, name, unsent)
                    next_flush = time.time() + flush_interval_s
                    progress.tick(time.time(), stats, det)
                    if exported is not None:
                        exported.update(stats, det)
                if outage is not None:
                    log.warning("extraction worker %s: the store is back after %.1f s", name, outage.seconds())
                    outage = None
            except (*_STORE_DOWN, ResponseError) as exc:
                # The detector's state lives in this process: keep it and wait for the store rather than
                # exit (a restart would forget every account). Leases, groups and verdicts are redone after.
                if isinstance(exc, ResponseError):
                    if "NOGROUP" not in str(exc):
                        raise  # a real error (a script, a wrong type): not an outage to wait out
                    groups = False  # Redis came back empty: streams and groups are gone
                if outage is None:
                    outage = _Outage(time.monotonic())
                    log.warning("extraction worker %s: the store is unavailable (%s); state kept, retrying", name,
                                exc)
                    # What the store may have lost: every current verdict is written again once it is back.
                    unsent.update((p["principal"], det.verdict(p["principal"])) for p in det.principals())
                next_lease = 0.0
                await sleep_unless_stopped(stop, outage.backoff())
        try:
            await _flush(redis, det, stats, name, unsent)
            for p in list(owned):
                await release(keys=[LEASE_PREFIX + str(p)], args=[name])
            await redis.zrem(WORKERS_KEY, name)
        except _STORE_DOWN as exc:
            log.warning("extraction worker %s: stopping without the last flush, the store is unavailable (%s)",
                        name, exc)
    finally:
        await redis.aclose()
    return stats


# A connection refused, reset or timed out, or Redis still loading its data (BusyLoadingError is a
# ConnectionError; named for the reader).
_STORE_DOWN = (RedisConnectionError, BusyLoadingError, RedisTimeoutError, OSError)


@dataclass
class _Outage:
    since: float
    attempts: int = 0

    def seconds(self) -> float:
        return time.monotonic() - self.since

    def backoff(self) -> float:
        self.attempts += 1
        return min(5.0, 0.1 * 2 ** self.attempts)


async def _create_groups(redis: Redis, partitions: int) -> None:
    for p in range(partitions):
        try:
            await redis.xgroup_create(stream_key(p), GROUP, id="0", mkstream=True)
        except ResponseError as e:
            if "BUSYGROUP" not in str(e):
                raise


async def _balance_leases(redis: Redis, renew, release, name: str, partitions: int, owned: set[int],
                          lease_ms: int, det: Detector) -> None:
    held = set(owned)
    now_ms = int(time.time() * 1000)
    await redis.zadd(WORKERS_KEY, {name: now_ms})
    await redis.zremrangebyscore(WORKERS_KEY, 0, now_ms - lease_ms)
    live = max(1, await redis.zcard(WORKERS_KEY))
    fair = math.ceil(partitions / live)
    for p in list(owned):
        if not await renew(keys=[LEASE_PREFIX + str(p)], args=[name, lease_ms]):
            owned.discard(p)  # lost it (expired while we were slow): another worker owns it now
    while len(owned) > fair:  # give extras back so newcomers get a share
        p = max(owned)
        await release(keys=[LEASE_PREFIX + str(p)], args=[name])
        owned.discard(p)
    for p in range(partitions):
        if len(owned) >= fair:
            break
        if p not in owned and await redis.set(LEASE_PREFIX + str(p), name, nx=True, px=lease_ms):
            owned.add(p)
            # Take over what the previous owner read but never acknowledged.
            start = "0-0"
            while True:
                start, entries, *_ = await redis.xautoclaim(stream_key(p), GROUP, name, 0, start, count=500)
                if entries:
                    await _process(redis, det, [(stream_key(p).encode(), entries)], None)
                if start in (b"0-0", "0-0"):
                    break
    if gone := held - owned:
        # Their accounts' events go to another worker now: a copy of their state here would only take memory, and
        # its regroupings and released holds would write verdicts over the new owner's.
        det.forget(lambda principal: partition_of(principal, partitions) in gone)


async def _process(redis: Redis, det: Detector, resp, stats: WorkerStats | None) -> None:
    """Observe a batch read from several streams in event-time order, then acknowledge it."""
    events = []
    newest = 0.0
    n = 0
    pipe = redis.pipeline(transaction=False)
    for stream, entries in resp:
        ids = []
        for msg_id, fields in entries:
            ids.append(msg_id)
            raw = fields.get(b"e") if fields else None
            if raw is None:
                continue
            try:
                events.append(decode_event(raw))
            except (ValueError, TypeError):
                log.warning("extraction worker: undecodable event %r", msg_id)
        if ids:
            pipe.xack(stream, GROUP, *ids)
            n += len(ids)
    events.sort(key=_time_of)
    failed = 0
    for ev in events:
        try:
            det.observe(ev)
        except Exception:  # one event the detector cannot take (a broken row): logged, counted and acknowledged
            log.exception("extraction worker: event of %r not scored", getattr(ev, "principal", None))
            failed += 1
            continue
        newest = ev.ts
    await pipe.execute()
    if stats is not None:
        stats.failed_events += failed
        stats.events += n
        stats.batches += 1
        if newest:
            stats.lag_s = max(0.0, time.time() - newest)


def _time_of(ev) -> float:
    """Sort key: an event whose ts is not a number goes first (the detector then passes it over)."""
    return ev.ts if isinstance(ev.ts, float | int) else float("-inf")


@dataclass
class _SeenDecisions:
    records: dict[str, bytes] = field(default_factory=dict)  # principal -> the record last applied
    version: bytes | None = None
    read_at: float = -math.inf  # time.monotonic() of the last whole read


async def _apply_decisions(redis: Redis, det: Detector, seen: _SeenDecisions, note_applied) -> None:
    version = await redis.get(DECISIONS_VERSION_KEY)  # read first: a decision recorded meanwhile is read next time
    now = time.monotonic()
    if version == seen.version and now - seen.read_at < DECISIONS_REREAD_S:
        return
    seen.version, seen.read_at = version, now
    raw = await redis.hgetall(DECISIONS_KEY)
    for k, v in raw.items():
        pid = k.decode()
        if seen.records.get(pid) == v:
            continue
        seen.records[pid] = v
        rec = orjson.loads(v)
        out = det.record_decision(pid, rec["decision"], rec.get("reviewer", ""), rec.get("note", ""), rec.get("ts"),
                                  applied=rec)
        if "cleared_score" in out and "cleared_score" not in rec:
            # The first application's figures go into the stored decision, for a worker that takes the account over
            # without its state (a restart, a rebalance): `clear` holds up to the score at clearing + 0.15, not 0.15.
            # Only if the record is still the one read: a newer decision is never overwritten.
            applied = orjson.dumps({**rec, "score_at_decision": out["score_at_decision"],
                                    "cleared_score": out["cleared_score"]})
            version = await note_applied(keys=[DECISIONS_KEY, DECISIONS_VERSION_KEY], args=[pid, v, applied])
            if version:
                seen.records[pid] = applied
                if version == int(seen.version or 0) + 1:  # nothing else changed since the read: no need to read again
                    seen.version = str(version).encode()


async def _flush(redis: Redis, det: Detector, stats: WorkerStats, name: str, unsent: dict) -> None:
    changes = {**unsent, **det.drain_changes()}  # a newer verdict replaces one that could not be sent
    unsent.clear()
    try:
        await _write_verdicts(redis, det, stats, name, changes)
    except BaseException:
        unsent.update(changes)
        raise


async def _write_verdicts(redis: Redis, det: Detector, stats: WorkerStats, name: str, changes: dict) -> None:
    pipe = redis.pipeline(transaction=False)
    for pid, v in changes.items():
        detail = det.principal_detail(pid)
        if v.status == "ok":
            pipe.hdel(VERDICTS_KEY, pid)
        else:
            pipe.hset(VERDICTS_KEY, pid, encode_verdict(v))
        if detail is not None and (v.status != "ok" or detail["decision"] is not None):
            pipe.hset(DETAILS_KEY, pid, orjson.dumps(detail))  # a reviewed account keeps its detail when ok
        else:
            pipe.hdel(DETAILS_KEY, pid)
    if changes:  # each worker publishes the campaigns of its partitions, members and all, under its own field
        pipe.hset(CAMPAIGNS_KEY, name, orjson.dumps(det.campaign_details()))
    s = det.stats()
    pipe.hset(f"{STATS_KEY}:{name}", mapping={"events": stats.events, "principals": s["principals"],
                                             "campaigns": s["campaigns"], "lag_s": round(stats.lag_s, 3)})
    await pipe.execute()
    stats.verdict_writes += len(changes)
