"""The rate-limit stage caches each subject's admission plan (state keys, the store's encoded script
call) on the effective policy: a new principal, model, policy version or store must get its own."""

from __future__ import annotations

import re

import pytest
import redis
from prometheus_client import CollectorRegistry

from gateway.identity import Principal
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies, policy_files
from gateway.ratelimit import RateLimiter, Subject, TokenEstimate
from gateway.ratelimit.limiter import _RequestIds, state_key
from gateway.routes import ROUTE_TABLE
from gateway.stages.ratelimit import RateLimitStage
from gateway.store import open_store
from gateway.store.resp import pack_commands

ROUTE = ROUTE_TABLE[("POST", "/v1/chat/completions")]

POLICY = """\
apiVersion: covenant/v1
kind: Policy
metadata:
  name: {name}
spec:
  rate_limits:
    limits:
      - name: requests
        key: [account]
        requests: 1000/minute
      - name: concurrency
        key: [key]
        concurrency: 100
      - name: tokens
        key: [tenant, model]
        tokens: 1M tokens/day
"""


def _policies(tmp_path, name: str) -> CompiledPolicySet:
    d = tmp_path / name
    d.mkdir()
    (d / "limits.yaml").write_text(POLICY.format(name=name))
    return CompiledPolicySet(load_policies(policy_files([d])))


def _ctx(ps: CompiledPolicySet, principal: Principal, model: str = "gpt-4o-mini") -> RequestContext:
    ctx = RequestContext("req", ROUTE, "127.0.0.1", "test", {})
    ctx.body = b'{"model": "%s", "messages": []}' % model.encode()
    ctx.json = {"model": model, "messages": [], "max_tokens": 10}
    ctx.model = model
    ctx.principal = principal
    ctx.policy = ps.match(principal.tenant, principal.account, principal.key_id, principal.labels, model, ROUTE.path)
    return ctx


async def _admit(stage: RateLimitStage, ctx: RequestContext) -> None:
    assert await stage.on_request(ctx) is None
    ctx.upstream_started = 1.0
    ctx.usage.input_tokens, ctx.usage.output_tokens, ctx.usage.reported = 3, 4, True
    await stage.on_response(ctx)


def _keys(url: str) -> set[str]:
    return {k.decode() for k in redis.Redis.from_url(url).keys("cov:*")}


async def test_new_principal_model_and_policy_version_get_their_own_keys(redis_url, tmp_path):
    store = open_store(redis_url, timeout_ms=500)
    stage = RateLimitStage(store, Metrics(CollectorRegistry()))
    try:
        v1 = _policies(tmp_path, "v1")
        stage.prepare(v1)
        alice, bob = Principal("t1", "alice", "k1"), Principal("t1", "bob", "k2")
        await _admit(stage, _ctx(v1, alice))
        await _admit(stage, _ctx(v1, alice))  # the cached plan: the same keys
        assert _keys(redis_url) == {"cov:{t1}:rl:v1/requests:alice", "cov:{t1}:rl:v1/tokens:gpt-4o-mini"}
        await _admit(stage, _ctx(v1, bob))
        await _admit(stage, _ctx(v1, alice, model="gpt-4o"))
        assert _keys(redis_url) == {"cov:{t1}:rl:v1/requests:alice", "cov:{t1}:rl:v1/requests:bob",
                                    "cov:{t1}:rl:v1/tokens:gpt-4o-mini", "cov:{t1}:rl:v1/tokens:gpt-4o"}
        r = redis.Redis.from_url(redis_url)
        assert r.zcard("cov:{t1}:rl:v1/requests:alice") == 3 and r.zcard("cov:{t1}:rl:v1/requests:bob") == 1
        # a reload compiles new effective policies: keys of the new version's limits, nothing reused
        v2 = _policies(tmp_path, "v2")
        stage.prepare(v2)
        await _admit(stage, _ctx(v2, alice))
        assert "cov:{t1}:rl:v2/requests:alice" in _keys(redis_url)
        assert r.zcard("cov:{t1}:rl:v1/requests:alice") == 3
    finally:
        await store.close()


async def test_a_cached_plan_is_not_used_with_another_store(redis_url, tmp_path):
    """use_store replaces the limiter: a plan of the old store's (its encoded script call) is rebuilt."""
    memory = open_store("memory://")
    store = open_store(redis_url, timeout_ms=500)
    stage = RateLimitStage(memory, Metrics(CollectorRegistry()))
    try:
        ps = _policies(tmp_path, "p")
        stage.prepare(ps)
        alice = Principal("t1", "alice", "k1")
        ctx = _ctx(ps, alice)
        await _admit(stage, ctx)
        assert _keys(redis_url) == set()
        stage.use_store(store)
        await _admit(stage, _ctx(ps, alice))  # the same effective policy object, now on Redis
        assert _keys(redis_url) == {"cov:{t1}:rl:p/requests:alice", "cov:{t1}:rl:p/tokens:gpt-4o-mini"}
        assert ctx.policy.memo["ratelimit_plan"][1].limiter is stage.limiter
    finally:
        await store.close()
        await memory.close()


async def test_a_plan_is_checked_against_the_subject(redis_url, tmp_path):
    """An effective policy shared by two subjects (not the matcher's way, but possible) never hands
    one subject's keys to the other."""
    store = open_store(redis_url, timeout_ms=500)
    stage = RateLimitStage(store, Metrics(CollectorRegistry()))
    try:
        ps = _policies(tmp_path, "p")
        stage.prepare(ps)
        a = _ctx(ps, Principal("t1", "alice", "k1"))
        await _admit(stage, a)
        b = _ctx(ps, Principal("t1", "bob", "k2"))
        b.policy = a.policy
        await _admit(stage, b)
        assert "cov:{t1}:rl:p/requests:bob" in _keys(redis_url)
    finally:
        await store.close()


@pytest.mark.parametrize("tenant", ["t1", "tén:{x}%", "日本"])
async def test_packed_admission_is_the_generic_call_byte_for_byte(redis_url, tenant):
    store = open_store(redis_url, timeout_ms=500)
    try:
        from gateway.ratelimit import compile_limits
        from gateway.ratelimit.policy import RateLimitPolicy
        limits = compile_limits(RateLimitPolicy.model_validate(
            {"limits": [{"name": "r", "key": ["account"], "requests": "5/minute"},
                        {"name": "c", "key": ["key"], "concurrency": 3, "mode": "shadow"},
                        {"name": "t", "tokens": "1M tokens/day"},
                        {"name": "s", "spend": "10 USD/day"}],
             "prices": [{"model": "*", "input_usd_per_1m": 1.5, "output_usd_per_1m": 6}]})).limits
        rl = RateLimiter(store)
        subject = Subject(tenant, "ä:cc", "k}{", "gpt-4o-mini", "/v1/chat/completions")
        plan = rl.plan(limits, subject)
        sent: list[bytes] = []
        real = store.batch.call_packed
        store.batch.call_packed = lambda script, payload: (sent.append(payload), real(script, payload))[1]
        adm = await rl.admit_plan(plan, TokenEstimate(17, 300))
        assert adm.allowed
        rid = adm.reservation.rid
        keys = [state_key(lim, subject) for lim in limits]
        args = ["", rid, "r", 5, 60_000, 1, "0", "l", 3, 600_000, 1, "1", "c", 1_000_000, 86_400_000, 317, "0",
                "c", 10_000_000, 86_400_000, 1_826, "0"]  # 17 x 1.5 + 300 x 6 micro-USD, rounded up
        assert sent == [pack_commands([("EVALSHA", store.ratelimit._admit.sha, 4, *keys, *args)])]
    finally:
        await store.close()


def test_request_ids_are_unique_16_hex_digits_and_reseeded_in_a_fork(monkeypatch):
    ids = _RequestIds()
    seen = [ids() for _ in range(1000)]
    assert len(set(seen)) == 1000 and all(re.fullmatch(r"[0-9a-f]{16}", s) for s in seen)
    ids._next = iter([2**64 - 1, 2**64]).__next__  # wraps within 64 bits
    assert [ids(), ids()] == ["f" * 16, "0" * 16]
    before = ids._next
    ids._reseed()  # what os.register_at_fork runs in a child
    assert ids._next is not before


async def test_packed_settlement_is_the_generic_call_byte_for_byte(redis_url, monkeypatch):
    from gateway.store import OpKind, SettleOp
    from gateway.store import redis as redis_store
    monkeypatch.setattr(redis_store, "_KEY_BULKS_MAX", 2)  # the key cache is cleared and refilled
    store = open_store(redis_url, timeout_ms=500)
    try:
        rl = store.ratelimit
        for i in range(5):
            ops = [SettleOp(OpKind.LEASE, f"cov:{{t}}:rl:c:ä{i}"), SettleOp(OpKind.COUNTER, "cov:{日本}:rl:t", -40 - i, 1_800_000_000_000),
                   SettleOp(OpKind.COUNTER, f"cov:{{t}}:rl:s:{i}", 12, 0)]
            rid = f"{i:016x}"
            args = [rid, "l", 0, 0, "c", -40 - i, 1_800_000_000_000, "c", 12, 0]
            assert rl._pack_settle(ops, rid) == pack_commands(
                [("EVALSHA", rl._settle.sha, 3, *(op.key for op in ops), *args)])
            assert len(rl._key_bulks) <= 3 + 2
    finally:
        await store.close()
