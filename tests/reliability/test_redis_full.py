"""Redis out of memory (`maxmemory 1mb`, `noeviction`): fail modes hold, nothing is lost.

The Redis is filled past its cap (3 MB of data, then `maxmemory 1mb`), so writes that may grow
memory are refused with OOM.

- Two gateways (open and closed) under concurrent load: the open one admits everything, the closed
  one answers 503 `store_unavailable` in the caller's dialect, never a 500, nothing hangs, and the
  audit file has exactly one record per request with the status the caller saw.
  (Before the admit script got its `#!lua` shebang, Redis 7 ran it past maxmemory in some runs: an
  unflagged script that has already issued a write may run denied-on-OOM commands.)
- The mapping itself: an OOM error from a script, through the store's guard, is StoreUnavailable.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import redis

from tests.ratelimit_gateway.helpers import add_redis_key, start_all, stop_all
from tests.reliability.support import FILE_AUDIT, audit_records, metric, records_for, wait_for
from tests.support.gateway import GatewayProcess

POLICIES = Path(__file__).resolve().parents[1] / "ratelimit_gateway"
MODES = ("open", "closed")
REQUESTS_PER_MODE = 12
CLIENT_TIMEOUT_S = 10.0  # a call that takes this long counts as hung
BREAKER_COOL_DOWN_S = 1.0


@pytest.fixture
def full_pair(teacher, own_redis):
    gws = {mode: GatewayProcess(upstream_url=teacher.url, policies=POLICIES / f"policies_fail_{mode}",
                                store=own_redis.url, extra_config={"audit": FILE_AUDIT}) for mode in MODES}
    keys = {mode: add_redis_key(own_redis.url, "acme", f"acct-full-{mode}") for mode in MODES}
    try:
        start_all(list(gws.values()))
        yield gws, keys, own_redis
    finally:
        stop_all(list(gws.values()))


def _fill(url: str) -> int:
    """Fill Redis with ~3 MB, then cap it at 1 MB without eviction: every write that may grow memory
    is refused from then on (filling up to the cap instead leaves memory hovering at the boundary,
    where connection buffers decide whether a write passes). Returns the keys written."""
    r = redis.Redis.from_url(url)
    blob = b"x" * 16_384
    n = 200
    with r.pipeline(transaction=False) as p:
        for i in range(n):
            p.set(f"filler:{i}", blob)
        p.execute()
    r.config_set("maxmemory-policy", "noeviction")
    r.config_set("maxmemory", "1mb")
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        r.set("one-more", blob)
    return n


def _call(gw: GatewayProcess, key: str, rid: str, anthropic: bool = False) -> tuple[str, int, dict, float]:
    started = time.monotonic()
    if anthropic:
        r = httpx.post(gw.url + "/v1/messages", timeout=CLIENT_TIMEOUT_S,
                       headers={"x-api-key": key, "anthropic-version": "2023-06-01", "x-request-id": rid},
                       json={"model": "claude-mock-1", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]})
    else:
        r = httpx.post(gw.openai_base_url + "/chat/completions", timeout=CLIENT_TIMEOUT_S,
                       headers={"authorization": f"Bearer {key}", "x-request-id": rid},
                       json={"model": "gpt-4o-mini", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]})
    return rid, r.status_code, r.json(), time.monotonic() - started


def test_redis_out_of_memory_never_gives_a_500_and_loses_no_audit_record(full_pair):
    gws, keys, server = full_pair
    for mode in MODES:  # warm: scripts loaded, keys cached, limits state written
        assert _call(gws[mode], keys[mode], f"warm-{mode}-{uuid.uuid4().hex[:6]}")[1] == 200
    written = _fill(server.url)
    info = redis.Redis.from_url(server.url).info("memory")
    assert info["used_memory"] > info["maxmemory"] * 0.9, info

    jobs = [(mode, f"oom-{mode}-{i}-{uuid.uuid4().hex[:6]}", i % 3 == 0) for mode in MODES
            for i in range(REQUESTS_PER_MODE)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda j: (j[0], j[2], *_call(gws[j[0]], keys[j[0]], j[1], j[2])), jobs))
    slowest = max(r[5] for r in results)
    print(f"\nRedis full after {written} x 16 KB: statuses "
          f"{ {m: sorted({r[3] for r in results if r[0] == m}) for m in MODES} }, slowest {slowest * 1000:.0f} ms")

    for mode, anthropic, rid, status, body, _took in results:  # a hung call raised httpx's timeout in _call
        if mode == "open":
            assert status == 200, (rid, status, body)
        else:
            assert status == 503, (rid, status, body)
            if anthropic:
                assert body["type"] == "error" and body["error"]["type"], body
            else:
                assert body["error"]["code"] == "store_unavailable", body
            assert "maxmemory" in body["error"]["message"], body
    for mode, gw in gws.items():
        assert metric(gw, "covenant_stage_errors_total") == 0, f"{mode}: no stage failed with an unexpected error"

    # Exactly one audit record per request, on the gateway that served it.
    for mode, gw in gws.items():
        rids = {r[2] for r in results if r[0] == mode}
        recs = records_for(gw, rids)
        counts = {rid: sum(1 for rec in recs if rec["request_id"] == rid) for rid in rids}
        assert set(counts.values()) == {1}, {rid: n for rid, n in counts.items() if n != 1}
        seen = {r[2]: r[3] for r in results if r[0] == mode}
        assert {rec["request_id"]: rec["status"] for rec in recs} == seen, "the audit status is what the caller saw"

    # Memory back: the closed gateway admits again once the breaker has cooled down.
    redis.Redis.from_url(server.url).config_set("maxmemory", "0")
    time.sleep(BREAKER_COOL_DOWN_S + 0.2)
    assert wait_for(lambda: _call(gws["closed"], keys["closed"], f"after-{uuid.uuid4().hex[:6]}")[1] == 200, 5.0)
    total = {mode: len([r for r in audit_records(gw) if r["request_id"].startswith("oom-")]) for mode, gw in gws.items()}
    assert total == {m: REQUESTS_PER_MODE for m in MODES}, total


def test_an_oom_error_from_a_script_is_store_unavailable(own_redis):
    """The mapping the fail modes rely on, on the store's own guard and a real full Redis."""
    import asyncio

    from gateway.store.breaker import CircuitBreaker
    from gateway.store.errors import StoreUnavailable
    from gateway.store.redis import _Guard

    _fill(own_redis.url)

    async def run() -> StoreUnavailable:
        client = redis.asyncio.Redis.from_url(own_redis.url)
        guard = _Guard("redis", 1.0, CircuitBreaker("redis"))
        script = client.register_script("return redis.call('ZADD', KEYS[1], 1, ARGV[1])")
        try:
            with pytest.raises(StoreUnavailable) as exc:
                await guard.call(lambda: script(keys=["{acct}:r"], args=["rid"]))
            return exc.value
        finally:
            await client.aclose()

    err = asyncio.run(run())
    assert err.reason == "error" and "maxmemory" in str(err), (err.reason, str(err))

