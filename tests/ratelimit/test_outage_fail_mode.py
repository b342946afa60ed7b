"""Which fail mode a store outage follows when several policies' rate_limits blocks match one request: the
stricter one among the blocks that limit that request. A block holding only `when: throttled` limits (the shipped
extraction slow lane, closed by default) limits only throttled accounts, so it decides only for them."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from gateway.identity import Principal
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies, policy_files
from gateway.routes import ROUTE_TABLE
from gateway.stages.ratelimit import RateLimitStage
from gateway.store import open_store
from tests.support.ports import free_port

ROUTE = ROUTE_TABLE[("POST", "/v1/chat/completions")]

BASELINE = """\
apiVersion: covenant/v1
kind: Policy
metadata: {{name: baseline}}
spec:
  rate_limits:
    on_store_error: {mode}
    limits:
      - {{name: rpm, key: [account], requests: 1000/minute}}
"""
SLOW_LANE = """\
apiVersion: covenant/v1
kind: Policy
metadata: {name: slow-lane}
spec:
  rate_limits:
    limits:
      - {name: slow-lane, key: [account], requests: 10/hour, when: throttled}
"""


def _stage(tmp_path, baseline_mode: str) -> tuple[RateLimitStage, CompiledPolicySet]:
    (tmp_path / "00-baseline.yaml").write_text(BASELINE.format(mode=baseline_mode))
    (tmp_path / "40-slow-lane.yaml").write_text(SLOW_LANE)
    ps = CompiledPolicySet(load_policies(policy_files([tmp_path])))
    # nothing listens on this port: every store call fails as in an outage
    stage = RateLimitStage(open_store(f"redis://127.0.0.1:{free_port()}/0", timeout_ms=100),
                           Metrics(CollectorRegistry()))
    stage.prepare(ps)
    return stage, ps


def _ctx(ps: CompiledPolicySet, throttled: bool) -> RequestContext:
    ctx = RequestContext("req", ROUTE, "127.0.0.1", "test", {})
    ctx.body = b'{"model": "gpt-4o-mini", "messages": []}'
    ctx.json = {"model": "gpt-4o-mini", "messages": [], "max_tokens": 10}
    ctx.model = "gpt-4o-mini"
    ctx.principal = Principal("acme", "alice", "k1")
    ctx.policy = ps.match("acme", "alice", "k1", {}, "gpt-4o-mini", ROUTE.path)
    if throttled:  # as the extraction stage marks an account its detector throttles
        ctx.annotations["_throttle_limits"] = ["slow-lane"]
    return ctx


async def test_an_open_baseline_admits_an_account_that_is_not_throttled(tmp_path):
    stage, ps = _stage(tmp_path, "open")
    ctx = _ctx(ps, throttled=False)
    assert await stage.on_request(ctx) is None
    assert "ratelimit:store_unavailable:fail_open" in ctx.reasons


async def test_a_throttled_account_follows_its_slow_lanes_closed_default(tmp_path):
    stage, ps = _stage(tmp_path, "open")
    deny = await stage.on_request(_ctx(ps, throttled=True))
    assert deny is not None and deny.status == 503 and deny.code == "store_unavailable"


@pytest.mark.parametrize("throttled", [False, True])
async def test_a_closed_baseline_rejects_everyone(tmp_path, throttled):
    stage, ps = _stage(tmp_path, "closed")
    deny = await stage.on_request(_ctx(ps, throttled=throttled))
    assert deny is not None and deny.status == 503
