"""Real request contexts for audit tests: the real parse, policy, rate-limit and audit stages run
over a context the way the proxy drives them; the response side is filled as the proxy fills it."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import pytest
from prometheus_client import CollectorRegistry

from gateway.config import Limits
from gateway.identity import Principal
from gateway.metrics import Metrics
from gateway.pipeline import Deny, Pipeline, RequestContext, Stage
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies
from gateway.routes import ROUTE_TABLE
from gateway.stages.parse import ParseStage
from gateway.stages.policy_match import PolicyMatchStage
from gateway.stages.ratelimit import RateLimitStage
from gateway.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]


class DenyAll(Stage):
    """A pre-check that refuses every request (stands for a PII or extraction block)."""

    name = "deny_all"

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        return Deny(403, "pii_detected", "no", "blocked_pii", reasons=["pii:block:EMAIL_ADDRESS"])


class Annotate(Stage):
    """Adds the kind of annotations other stages leave for the audit record."""

    name = "annotate"

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        ctx.annotations["extraction"] = {"score": 0.42, "status": "ok"}
        ctx.annotations["pii"] = {"prompt": {"EMAIL_ADDRESS": 1}}
        ctx.annotations["watermark"] = {"applied": True}
        ctx.annotations["_private"] = object()
        return None


@dataclass
class Exchange:
    """Drives one request through a pipeline as the proxy does (without the network)."""

    pipeline: Pipeline

    async def __call__(self, body: dict[str, Any], *, principal: Principal | None = None,
                       output: str = "The answer is 4.", usage: tuple[int, int] = (12, 5),
                       request_id: str = "req-1") -> RequestContext:
        ctx = RequestContext(request_id, CHAT, "10.0.0.7", "openai-python/1.50.0",
                             {"authorization": "Bearer cov_secretkeyid_secretsecret"})
        ctx.body = orjson.dumps(body)
        ctx.principal = principal or Principal("acme", "alice", "k1", {})
        deny = await self.pipeline.run_request(ctx)
        if deny is not None:
            ctx.status, ctx.decision = deny.status, deny.decision
            ctx.reasons.extend(deny.reasons or [deny.code])
        else:
            ctx.upstream_started = time.perf_counter()
            self.pipeline.output_transforms(ctx)
            ctx.upstream_done = time.perf_counter()
            ctx.usage.input_tokens, ctx.usage.output_tokens = usage
            ctx.usage.reported = True
            if ctx.keep_output:
                ctx.response_text.append(output)
            ctx.status = 200
        await self.pipeline.finish(ctx)
        return ctx


@pytest.fixture
def metrics() -> Metrics:
    return Metrics(CollectorRegistry())


@pytest.fixture
def policy_set() -> CompiledPolicySet:
    return CompiledPolicySet(load_policies([ROOT / "policies"]))


@pytest.fixture
def make_exchange(metrics: Metrics, policy_set: CompiledPolicySet) -> Callable[..., Exchange]:
    """`make_exchange(*extra_stages)`: the real pre-check stages, then the given ones."""
    stores = []

    def make(*extra: Stage) -> Exchange:
        store = open_store("memory://")
        stores.append(store)
        rl = RateLimitStage(store, metrics)
        rl.prepare(policy_set)
        stages = [ParseStage(Limits()), PolicyMatchStage(lambda: policy_set), rl, *extra]
        return Exchange(Pipeline(stages))

    return make


def dropped(metrics: Metrics, sink: str, reason: str) -> float:
    return metrics.registry.get_sample_value("covenant_audit_dropped_total", {"sink": sink, "reason": reason}) or 0.0


def written(metrics: Metrics, sink: str) -> float:
    return metrics.registry.get_sample_value("covenant_audit_records_total", {"sink": sink}) or 0.0


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


AsyncFn = Callable[..., Awaitable[Any]]
