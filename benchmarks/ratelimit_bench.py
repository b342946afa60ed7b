"""Rate limiter cost: admit + settle with 3 limits per request, memory store vs a real Redis.

    python -m benchmarks.ratelimit_bench [--n 5000]

Prints latency per request (admit + settle, sequential: concurrency 1), throughput with 32
concurrent callers, CPU per request in this process, and Redis round trips per request
counted by the server (INFO commandstats, top-level commands only).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

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
from gateway.store import open_store
from tests.support.redis_server import start_redis

LIMITS = compile_limits(RateLimitPolicy(limits=[
    LimitRule(name="acct-rpm", key=["account"], requests="1000000/minute"),
    LimitRule(name="tenant-tpd", tokens="100B tokens/day"),
    LimitRule(name="acct-conc", key=["account"], concurrency=1000),
])).limits
SCRIPT_INNER = {"zremrangebyscore", "zcard", "zrange", "zadd", "pexpire", "hmget", "hset", "hget", "hincrby",
                "pttl", "zrem", "time", "type", "del"}


async def _one(limiter: RateLimiter, account: str) -> None:
    a = await limiter.admit(LIMITS, Subject("acme", account, "k", "gpt-4o", "/v1/chat/completions"),
                            TokenEstimate(200, 300))
    assert a.allowed, a.denied_by
    await limiter.settle(a.reservation, Usage(200, 120))


async def _sequential(limiter: RateLimiter, n: int) -> tuple[list[float], float]:
    lat = []
    cpu0 = time.process_time()
    for i in range(n):
        t = time.perf_counter()
        await _one(limiter, f"acct{i % 50}")
        lat.append((time.perf_counter() - t) * 1e6)
    return lat, (time.process_time() - cpu0) / n * 1e6


async def _concurrent(limiter: RateLimiter, n: int, concurrency: int = 32) -> float:
    per = n // concurrency

    async def worker(w: int) -> None:
        for i in range(per):
            await _one(limiter, f"acct{(w * per + i) % 50}")

    t = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    return per * concurrency / (time.perf_counter() - t)


def _pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[int(q) - 1]


async def main(n: int) -> None:
    server = start_redis()
    rows = []
    try:
        for name, url in (("memory", "memory://"), ("redis", server.url)):
            store = open_store(url, timeout_ms=200)
            limiter = RateLimiter(store)
            await _sequential(limiter, 200)  # warm-up: scripts loaded, connections open
            admin = aioredis.from_url(server.url) if name == "redis" else None
            if admin:
                await admin.config_resetstat()
            lat, cpu = await _sequential(limiter, n)
            trips = None
            if admin:
                stats = await admin.info("commandstats")
                top = {k.removeprefix("cmdstat_"): v["calls"] for k, v in stats.items()
                       if k.removeprefix("cmdstat_") not in SCRIPT_INNER and "resetstat" not in k}
                trips = sum(top.values()) / n
            rps = await _concurrent(limiter, n)
            rows.append((name, statistics.median(lat), _pct(lat, 99), cpu, rps, trips))
            if admin:
                await admin.aclose()
            await store.close()
    finally:
        server.stop()
    print(f"admit + settle, 3 limits (requests, tokens, concurrency), n={n}")
    print(f"{'store':8} {'p50 us':>8} {'p99 us':>8} {'CPU us/req':>11} {'req/s @32':>10} {'Redis trips/req':>16}")
    for name, p50, p99, cpu, rps, trips in rows:
        t = f"{trips:.2f}" if trips is not None else "-"
        print(f"{name:8} {p50:8.1f} {p99:8.1f} {cpu:11.1f} {rps:10.0f} {t:>16}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    asyncio.run(main(parser.parse_args().n))
