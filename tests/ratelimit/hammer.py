"""Load generator for the accuracy tests: concurrent asyncio clients hitting one RateLimiter.

Run in-process (memory store: several limiters over one store) or as a separate process per
replica against one Redis: `python -m tests.ratelimit.hammer SCENARIO URL CLIENTS` (start
times come on stdin once every replica is ready) prints one JSON list of records.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time

from gateway.ratelimit import (
    LimitRule,
    RateLimiter,
    RateLimitPolicy,
    Subject,
    TokenEstimate,
    Usage,
    compile_limits,
)
from gateway.store import Store, StoreUnavailable, open_store

WHO = Subject("acme", "alice", "k1", "gpt-4o", "/v1/chat/completions")
REQUESTS_PER_S = 150
CONCURRENCY = 5
HOLD_S = 0.02
TOKENS_PER_WINDOW = 80_000
TOKEN_WINDOW_S = 2
ESTIMATE = TokenEstimate(input_tokens=100, max_output_tokens=100)

SCENARIOS = {
    "requests": RateLimitPolicy(limits=[LimitRule(name="rps", key=["account"], requests=f"{REQUESTS_PER_S}/second")]),
    "concurrency": RateLimitPolicy(limits=[LimitRule(name="conc", key=["account"], concurrency=CONCURRENCY)]),
    "tokens": RateLimitPolicy(limits=[LimitRule(name="tok", tokens=f"{TOKENS_PER_WINDOW}/{TOKEN_WINDOW_S}s")]),
}


async def _client(scenario: str, limiter: RateLimiter, t_end: float, out: list, rng: random.Random) -> None:
    limits = compile_limits(SCENARIOS[scenario]).limits
    while (now := time.time()) < t_end:
        try:
            a = await limiter.admit(limits, WHO, ESTIMATE)  # the store clock
        except StoreUnavailable:
            out.append(["error", now])
            await asyncio.sleep(0.01)
            continue
        if not a.allowed:
            if scenario == "concurrency":
                out.append(["denied", now, time.time()])
            elif scenario == "requests":
                out.append(["denied", a.now])  # the store clock, to check the denial was due
            await asyncio.sleep(0.0005)
            continue
        if scenario == "requests":
            out.append(["ok", a.now])
        elif scenario == "concurrency":
            # the store holds the lease somewhere inside [admit sent, settle answered] and
            # certainly during [admit answered, settle sent]
            admitted = time.time()
            await asyncio.sleep(HOLD_S)
            released = time.time()
            await limiter.settle(a.reservation, Usage(0, 0))
            out.append(["ok", now, admitted, released, time.time()])
        else:
            used = Usage(100, rng.randint(50, 100))
            await asyncio.sleep(0.002)
            await limiter.settle(a.reservation, used)
            out.append(["ok", a.now, used.input_tokens + used.output_tokens])


async def run(scenario: str, stores: list[Store], t_start: float, t_end: float, clients: int) -> list:
    """`clients` tasks per store, each store with its own RateLimiter, from t_start to t_end."""
    out: list = []
    limiters = [RateLimiter(s) for s in stores]
    await asyncio.sleep(max(0.0, t_start - time.time()))
    rng = random.Random(1)
    await asyncio.gather(*(_client(scenario, lim, t_end, out, rng) for lim in limiters for _ in range(clients)))
    return out


async def _main(scenario: str, url: str, clients: int) -> None:
    """Replica process: connect, say 'ready', read 't_start t_end' from stdin, hammer, print records."""
    store = open_store(url, timeout_ms=1000)
    try:
        await store.ping()
        print("ready", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        t_start, t_end = map(float, line.split())
        records = await run(scenario, [store], t_start, t_end, clients)
    finally:
        await store.close()
    print(json.dumps(records), flush=True)


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
