"""The rate-limit capability of each store: atomic all-or-nothing, expiry, scripts, round trips."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis

from gateway.ratelimit import (
    LimitRule,
    RateLimiter,
    RateLimitPolicy,
    Subject,
    TokenEstimate,
    Usage,
    compile_limits,
)
from gateway.store import AdmitOp, OpKind, SettleOp, open_store

NOW = 1_800_000_000_000  # ms
TAG = "cov:{t}:"


async def _admit(rl, ops, now_ms, rid):
    return (await rl.admit(ops, now_ms, rid)).results


def log(key, limit, window=60_000, shadow=False):
    return AdmitOp(OpKind.LOG, TAG + key, limit, window, 1, shadow)


async def test_all_or_nothing(store):
    rl = store.ratelimit
    r = await _admit(rl, [log("a", 1), AdmitOp(OpKind.COUNTER, TAG + "c", 100, 60_000, 60, False)], NOW, "r1")
    assert [x.applied for x in r] == [True, True] and r[1].used == 60
    r = await _admit(rl, [log("a", 5), AdmitOp(OpKind.COUNTER, TAG + "c", 100, 60_000, 60, False)], NOW + 1, "r2")
    assert [(x.ok, x.applied) for x in r] == [(True, False), (False, False)]
    r = await _admit(rl, [log("a", 5), AdmitOp(OpKind.COUNTER, TAG + "c", 100, 60_000, 40, False)], NOW + 2, "r3")
    assert [(x.applied, x.used) for x in r] == [(True, 2), (True, 100)]


async def test_shadow_op_applied_only_when_it_fits(store):
    rl = store.ratelimit
    await _admit(rl, [log("s", 1, shadow=True)], NOW, "r1")
    r = await _admit(rl, [log("s", 1, shadow=True), log("e", 5)], NOW + 1, "r2")
    assert [(x.ok, x.applied, x.used) for x in r] == [(False, False, 1), (True, True, 1)]


async def test_settle_releases_lease_and_adjusts_counter(store):
    rl = store.ratelimit
    ops = [AdmitOp(OpKind.LEASE, TAG + "l", 1, 30_000, 1, False), AdmitOp(OpKind.COUNTER, TAG + "c", 10, 60_000, 8, False)]
    first = await _admit(rl, ops, NOW, "r1")
    assert all(x.applied for x in first) and first[1].window_ms == NOW - NOW % 60_000
    assert not any(x.applied for x in await _admit(rl, ops, NOW + 1, "r2"))
    await rl.settle([SettleOp(OpKind.LEASE, TAG + "l"),
                     SettleOp(OpKind.COUNTER, TAG + "c", -6, first[1].window_ms - 60_000)], "r1")  # stale window
    assert (await _admit(rl, ops, NOW + 2, "r3"))[1].used == 8  # not adjusted: that window is over
    await rl.settle([SettleOp(OpKind.COUNTER, TAG + "c", -6, first[1].window_ms)], "r1")
    r = await _admit(rl, ops, NOW + 3, "r4")
    assert [(x.applied, x.used) for x in r] == [(True, 1), (True, 10)]


_MEASURES = {"r": OpKind.LOG, "c": OpKind.COUNTER, "l": OpKind.LEASE}


@pytest.mark.parametrize(("before", "after", "used"), [
    ("r", "c", 1), ("c", "r", 1), ("c", "l", 1), ("l", "c", 1),
    ("r", "l", 1),  # past admissions read as leases have expired
    ("l", "r", 2),  # a lease read as a log is an entry at its expiry time
])
async def test_a_limit_that_changed_measure_under_its_name_neither_fails_nor_diverges(store, before, after, used):
    """A policy reload may give a limit's name another measure (requests -> concurrency...): its key then holds the
    other measure's state. It was a WRONGTYPE error on Redis (the policy's on_store_error, until the old key
    expired: up to a month) and an AttributeError in memory (500s); now a counter and a log or leases do not mix,
    the other's state is taken as absent, and the old requests' settlements do not fail."""
    rl, key = store.ratelimit, TAG + "renamed"
    kind = _MEASURES[before]
    first = (await _admit(rl, [AdmitOp(kind, key, 5, 60_000, 1, False)], NOW, "old"))[0]
    assert first.applied
    r = await _admit(rl, [AdmitOp(_MEASURES[after], key, 5, 60_000, 1, False)], NOW + 1, "new")
    assert [(x.ok, x.applied, x.used) for x in r] == [(True, True, used)]
    await rl.settle([SettleOp(kind, key, -1, first.window_ms)], "old")  # the old request ends
    r = await _admit(rl, [AdmitOp(_MEASURES[after], key, 5, 60_000, 1, False)], NOW + 2, "newer")
    assert [(x.ok, x.applied) for x in r] == [(True, True)]


async def test_every_key_expires_so_idle_callers_cost_nothing(store_url):
    store = open_store(store_url, timeout_ms=500)
    lims = compile_limits(RateLimitPolicy(limits=[
        LimitRule(name="r", key=["account"], requests="5/second"),
        LimitRule(name="t", tokens="1k/second"),
        LimitRule(name="c", concurrency=2, lease_s=1.0),
    ])).limits
    limiter = RateLimiter(store)
    now = 1_800_000_000.25
    a = await limiter.admit(lims, Subject("t", "a"), TokenEstimate(1, 1), now)
    assert a.allowed
    if store.backend == "memory":
        keys = store.ratelimit.keys()
        ttls = [store.ratelimit.ttl_ms(k, int(now * 1000)) for k in keys]
        assert len(keys) == 3 and all(0 < t <= 1000 for t in ttls)
        await limiter.admit(lims, Subject("t", "b"), TokenEstimate(1, 1), now + 1.0)  # sweeps idle keys
        assert sorted(store.ratelimit.keys()) == ["cov:{t}:rl:c", "cov:{t}:rl:r:b", "cov:{t}:rl:t"]  # a's went
    else:
        client = aioredis.from_url(store_url)
        keys = await client.keys("cov:*")
        ttls = [await client.pttl(k) for k in keys]
        assert len(keys) == 3 and all(0 < t <= 1000 for t in ttls), ttls
        await asyncio.sleep(1.1)
        assert await client.keys("cov:*") == []
        await client.aclose()
    await store.close()


def _commandstats(client_info: dict) -> dict[str, int]:
    return {k.removeprefix("cmdstat_"): v["calls"] for k, v in client_info.items() if k.startswith("cmdstat_")}


async def test_one_round_trip_to_admit_and_one_to_settle(redis_url):
    store = open_store(redis_url, timeout_ms=500)
    lims = compile_limits(RateLimitPolicy(limits=[
        LimitRule(name="r", key=["account"], requests="1000/minute"),
        LimitRule(name="t", tokens="1M/day"),
        LimitRule(name="c", concurrency=10),
    ])).limits
    limiter = RateLimiter(store)
    await store.ping()
    admin = aioredis.from_url(redis_url)
    warm = await limiter.admit(lims, Subject("t", "warm"), TokenEstimate(1, 1))
    await limiter.settle(warm.reservation, Usage(1, 1))  # both scripts loaded
    await admin.config_resetstat()
    for _ in range(20):
        a = await limiter.admit(lims, Subject("t", "a"), TokenEstimate(10, 10))  # store clock, as in production
        await limiter.settle(a.reservation, Usage(5, 5))
    stats = _commandstats(await admin.info("commandstats"))
    inner = {"zremrangebyscore", "zcard", "zrange", "zadd", "pexpire", "hmget", "hset", "hget", "hincrby", "pttl", "zrem", "time",
             "type", "del"}
    top_level = {k: v for k, v in stats.items() if k not in inner and k != "config|resetstat"}
    assert top_level == {"evalsha": 40}
    await admin.aclose()
    await store.close()


async def test_concurrent_admissions_share_pipelined_round_trips(redis_url):
    store = open_store(redis_url, timeout_ms=1000)
    lims = compile_limits(RateLimitPolicy(limits=[LimitRule(name="r", requests="1000/minute")])).limits
    limiter = RateLimiter(store)
    await limiter.admit(lims, Subject("t", "warm"), TokenEstimate(1))  # connection open, script loaded
    admin = aioredis.from_url(redis_url)
    await admin.config_resetstat()
    results = await asyncio.gather(*(limiter.admit(lims, Subject("t", f"a{i}"), TokenEstimate(1)) for i in range(50)))
    stats = await admin.info("stats")
    commands = _commandstats(await admin.info("commandstats"))
    await admin.aclose()
    await store.close()
    assert all(r.allowed for r in results)
    assert commands["evalsha"] == 50  # every admission ran its own script ...
    # ... but the 50 arrived in one pipelined write (reads counted by the server: ours plus the admin's)
    assert stats["total_reads_processed"] <= 5


async def test_noscript_recovery_after_script_flush(redis_url):
    store = open_store(redis_url, timeout_ms=500)
    lims = compile_limits(RateLimitPolicy(limits=[LimitRule(name="r", requests="2/minute")])).limits
    limiter = RateLimiter(store)
    assert (await limiter.admit(lims, Subject("t"), TokenEstimate(1), 1_800_000_000.0)).allowed
    admin = aioredis.from_url(redis_url)
    assert await admin.script_flush() is True
    await admin.aclose()
    a = await limiter.admit(lims, Subject("t"), TokenEstimate(1), 1_800_000_001.0)
    assert a.allowed and a.statuses[0].remaining == 0  # state intact, script reloaded transparently
    assert not (await limiter.admit(lims, Subject("t"), TokenEstimate(1), 1_800_000_002.0)).allowed
    await store.close()


async def test_redis_client_uses_hiredis(redis_url):
    store = open_store(redis_url)
    await store.ping()
    conn = await store.client.connection_pool.get_connection()
    assert type(conn._parser).__name__ == "_AsyncHiredisParser"
    await store.client.connection_pool.release(conn)
    await store.close()
