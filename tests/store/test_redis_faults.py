"""A dead or slow Redis: calls fail fast with StoreUnavailable, the breaker opens, and recovery is automatic.

`asyncio.wait_for` bounds below are hang guards (far above the expected time), not timing assertions:
the proof that the deadline fired is the error's `reason`.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from gateway.ratelimit import (
    LimitRule,
    RateLimiter,
    RateLimitPolicy,
    Subject,
    TokenEstimate,
    Usage,
    compile_limits,
)
from gateway.store import BreakerState, StoreUnavailable, open_store
from tests.support.redis_server import RedisServer, start_redis

LIMITS = compile_limits(RateLimitPolicy(limits=[LimitRule(name="r", requests="100/minute")])).limits
WHO = Subject("t", "a")


@pytest.fixture
def debug_redis() -> RedisServer:
    """Like `own_redis`, with DEBUG allowed from loopback (Redis 7 disables it by default)."""
    server = start_redis("--enable-debug-command", "local")
    yield server
    server.stop()


async def _admit(limiter: RateLimiter):
    return await asyncio.wait_for(limiter.admit(LIMITS, WHO, TokenEstimate(1), time.time()), 5)


async def _reasons(limiter: RateLimiter, n: int) -> list[str]:
    out = []
    for _ in range(n):
        with pytest.raises(StoreUnavailable) as err:
            await _admit(limiter)
        out.append(err.value.reason)
    return out


async def _until_recovered(limiter: RateLimiter, attempts: int = 100):
    for _ in range(attempts):
        try:
            return await _admit(limiter)
        except StoreUnavailable:
            await asyncio.sleep(0.05)
    raise AssertionError(f"store did not recover after {attempts} attempts")


async def test_killed_then_restarted(own_redis: RedisServer):
    store = open_store(own_redis.url, timeout_ms=50, failure_threshold=3, cooldown_s=0.2)
    limiter = RateLimiter(store)
    assert (await _admit(limiter)).allowed
    own_redis.kill()
    assert await _reasons(limiter, 6) == ["connection"] * 3 + ["breaker_open"] * 3
    assert store.breaker.state is BreakerState.OPEN
    with pytest.raises(StoreUnavailable) as err:  # other features' calls share the breaker
        await store.guarded(lambda: store.client.get("cov:{t}:x"))
    assert err.value.reason == "breaker_open"
    own_redis.start()
    recovered = await _until_recovered(limiter)
    assert recovered.allowed and store.breaker.state is BreakerState.CLOSED
    assert await store.guarded(lambda: store.client.get("cov:{t}:x")) is None
    assert store.breaker.opened_total >= 1 and store.breaker.recoveries_total >= 1
    await store.close()


async def test_slow_redis_times_out_instead_of_hanging(debug_redis: RedisServer):
    store = open_store(debug_redis.url, timeout_ms=50, failure_threshold=3, cooldown_s=0.2)
    limiter = RateLimiter(store)
    assert (await _admit(limiter)).statuses[0].remaining == 99
    sleeper = await asyncio.create_subprocess_exec("redis-cli", "-p", str(debug_redis.port), "DEBUG", "SLEEP", "1.5")
    await asyncio.sleep(0.2)  # let the server enter its sleep
    assert await _reasons(limiter, 5) == ["timeout"] * 3 + ["breaker_open"] * 2
    await sleeper.wait()
    recovered = await _until_recovered(limiter)
    # The 3 timed-out admissions reached the server and may have run after it woke (documented:
    # a timed-out admission can still count). Never more than that:
    assert recovered.allowed and 95 <= recovered.statuses[0].remaining <= 98
    # replies of timed-out calls died with their connections: later calls read their own replies
    after = [(await _admit(limiter)).statuses[0].remaining for _ in range(3)]
    start = recovered.statuses[0].remaining
    assert after == [start - 1, start - 2, start - 3]
    await store.close()


async def test_a_reply_that_came_in_time_counts_even_when_the_loop_was_busy_past_the_deadline(own_redis: RedisServer):
    """A saturated gateway runs its expired timers before it reads the socket: the deadline measures
    Redis, so a reply that arrived within it is delivered, not turned into a timeout (which would also
    count towards opening the breaker)."""
    store = open_store(own_redis.url, timeout_ms=50, failure_threshold=1)
    batcher = store.script_batcher()
    assert await batcher.command("PING") == b"PONG"  # a connection of its own, idle now
    for _ in range(3):
        reply = batcher.command("INCR", "cov:{t}:busy")
        await asyncio.sleep(0)  # the batch is written
        await asyncio.sleep(0)
        time.sleep(0.2)  # noqa: ASYNC251 (on purpose: the loop busy with CPU-bound work for 4x the deadline)
        assert await asyncio.wait_for(reply, 5) in (1, 2, 3)
    assert store.breaker.state is BreakerState.CLOSED
    assert await store.guarded(lambda: store.client.get("cov:{t}:busy")) == b"3"
    await store.close()


async def test_a_batch_without_a_reply_still_times_out(debug_redis: RedisServer):
    store = open_store(debug_redis.url, timeout_ms=50, failure_threshold=5)
    batcher = store.script_batcher()
    assert await batcher.command("PING") == b"PONG"
    sleeper = await asyncio.create_subprocess_exec("redis-cli", "-p", str(debug_redis.port), "DEBUG", "SLEEP", "1")
    await asyncio.sleep(0.2)  # let the server enter its sleep
    with pytest.raises(StoreUnavailable) as err:  # (awake, the server would have answered PONG)
        await asyncio.wait_for(batcher.command("PING"), 5)
    assert err.value.reason == "timeout"
    await sleeper.wait()
    assert await batcher.command("PING") == b"PONG"  # the timed-out connection was discarded, not reused
    await store.close()


async def test_killed_mid_load_every_call_ends_in_a_result_or_store_unavailable(own_redis: RedisServer):
    store = open_store(own_redis.url, timeout_ms=50, failure_threshold=5, cooldown_s=0.2)
    limiter = RateLimiter(store)
    limits = compile_limits(RateLimitPolicy(limits=[
        LimitRule(name="r", key=["account"], requests="1000000/minute"),
        LimitRule(name="c", key=["account"], concurrency=1000),
    ])).limits
    outcomes: dict[str, int] = {"ok": 0, "unavailable": 0}
    stop = asyncio.Event()

    async def client(i: int) -> None:
        while not stop.is_set():
            try:
                a = await asyncio.wait_for(limiter.admit(limits, Subject("t", f"a{i % 4}"), TokenEstimate(1)), 5)
                await asyncio.wait_for(limiter.settle(a.reservation, Usage(1, 1)), 5)
                outcomes["ok"] += 1
            except StoreUnavailable:
                outcomes["unavailable"] += 1
                await asyncio.sleep(0.01)

    tasks = [asyncio.create_task(client(i)) for i in range(16)]
    await asyncio.sleep(0.3)
    before = outcomes["ok"]
    own_redis.kill()
    await asyncio.sleep(0.5)
    down = dict(outcomes)
    own_redis.start()
    await asyncio.sleep(1.0)
    stop.set()
    await asyncio.gather(*tasks)  # any other exception type (or a hang, via wait_for) fails the test here
    assert before > 0 and down["unavailable"] > 0
    assert outcomes["ok"] > down["ok"]  # recovered by itself after the restart
    assert store.breaker.opened_total >= 1 and store.breaker.state is BreakerState.CLOSED
    await store.close()
