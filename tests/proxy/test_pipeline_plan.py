"""Stages that have nothing to do under a request's policy are not run for it at all: after the stage
that resolves the policy, the pipeline runs only the stages that apply to it, decided once per
effective policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gateway.pipeline import Deny, Pipeline, RequestContext, Stage
from gateway.routes import ROUTE_TABLE


@dataclass
class FakePolicy:
    blocks: frozenset[str]
    memo: dict[str, Any] = field(default_factory=dict)


def _ctx() -> RequestContext:
    return RequestContext("rid", ROUTE_TABLE[("POST", "/v1/chat/completions")], "127.0.0.1", "", {})


class Resolve(Stage):
    name = "resolve"
    resolves_policy = True

    def __init__(self, policy: FakePolicy | None) -> None:
        self.policy = policy

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        ctx.policy = self.policy  # type: ignore[assignment]
        return None


class Block(Stage):
    """Acts only when its block is in the policy; counts every call of every hook."""

    def __init__(self, block: str, calls: list[str], asked: list[str] | None = None) -> None:
        self.name = block  # type: ignore[misc]
        self.calls, self.asked = calls, asked if asked is not None else []

    def applies(self, policy) -> bool:
        self.asked.append(self.name)
        return self.name in policy.blocks

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        self.calls.append(f"{self.name}.on_request")
        return None

    async def on_response(self, ctx: RequestContext) -> None:
        self.calls.append(f"{self.name}.on_response")


class Always(Stage):
    """No on_request: sees the end of every exchange (like metrics and audit)."""

    name = "always"

    def __init__(self, calls: list[str]) -> None:
        self.calls = calls

    async def on_response(self, ctx: RequestContext) -> None:
        self.calls.append("always.on_response")


async def _exchange(pipeline: Pipeline) -> None:
    ctx = _ctx()
    assert await pipeline.run_request(ctx) is None
    await pipeline.finish(ctx)


async def test_a_stage_without_its_block_is_never_called() -> None:
    calls: list[str] = []
    policy = FakePolicy(frozenset({"ratelimit"}))
    pipeline = Pipeline([Resolve(policy), Block("pii", calls), Block("ratelimit", calls), Always(calls)])
    await _exchange(pipeline)
    assert calls == ["ratelimit.on_request", "ratelimit.on_response", "always.on_response"]


async def test_which_stages_apply_is_decided_once_per_policy() -> None:
    calls: list[str] = []
    asked: list[str] = []
    first, second = FakePolicy(frozenset({"pii"})), FakePolicy(frozenset())
    resolver = Resolve(first)
    pipeline = Pipeline([resolver, Block("pii", calls, asked), Block("watermark", calls, asked)])
    for _ in range(3):
        await _exchange(pipeline)
    assert asked == ["pii", "watermark"]
    assert calls == ["pii.on_request", "pii.on_response"] * 3
    resolver.policy = second  # a reload, or another principal: a new effective policy
    await _exchange(pipeline)
    assert asked == ["pii", "watermark"] * 2
    assert calls == ["pii.on_request", "pii.on_response"] * 3


async def test_two_pipelines_over_the_same_policy_keep_their_own_plans() -> None:
    calls: list[str] = []
    policy = FakePolicy(frozenset({"pii"}))
    full = Pipeline([Resolve(policy), Block("pii", calls)])
    other = Pipeline([Resolve(policy), Block("ratelimit", calls)])
    await _exchange(full)
    await _exchange(other)
    assert calls == ["pii.on_request", "pii.on_response"]


async def test_stages_before_the_policy_is_known_always_run() -> None:
    calls: list[str] = []
    # No resolving stage (a precheck given a principal's policy up front, or none): nothing is skipped.
    pipeline = Pipeline([Block("pii", calls), Block("ratelimit", calls)])
    await _exchange(pipeline)
    assert calls == ["pii.on_request", "ratelimit.on_request", "pii.on_response", "ratelimit.on_response"]
    # A policy that resolves to nothing (None) skips nothing either.
    calls.clear()
    await _exchange(Pipeline([Resolve(None), Block("pii", calls)]))
    assert calls == ["pii.on_request", "pii.on_response"]


class HeadersOnly(Stage):
    """Like the identify stage: reads only the headers, so it runs before the body is read."""

    name = "headers_only"
    reads_body = False

    def __init__(self, calls: list[str], deny: bool = False) -> None:
        self.calls, self.deny = calls, deny

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        self.calls.append(f"headers_only.on_request body={ctx.body!r}")
        return Deny(401, "no", "no key", "invalid_api_key") if self.deny else None

    async def on_response(self, ctx: RequestContext) -> None:
        self.calls.append("headers_only.on_response")


async def test_headers_only_stages_run_before_the_body_and_once():
    calls: list[str] = []
    pipeline = Pipeline([HeadersOnly(calls), Resolve(FakePolicy(frozenset({"a"}))), Block("a", calls)])
    ctx = _ctx()
    assert await pipeline.run_before_body(ctx) is None
    assert calls == ["headers_only.on_request body=b''"]
    ctx.body = b"{}"
    assert await pipeline.run_request(ctx) is None
    await pipeline.finish(ctx)
    assert calls == ["headers_only.on_request body=b''", "a.on_request", "headers_only.on_response", "a.on_response"]


async def test_a_headers_only_denial_stops_the_request_before_the_body():
    calls: list[str] = []
    pipeline = Pipeline([HeadersOnly(calls, deny=True), Resolve(FakePolicy(frozenset({"a"}))), Block("a", calls)])
    ctx = _ctx()
    deny = await pipeline.run_before_body(ctx)
    assert deny is not None and deny.status == 401
    await pipeline.finish(ctx)
    assert calls == ["headers_only.on_request body=b''", "headers_only.on_response"]


async def test_run_request_alone_still_runs_the_headers_only_stages():
    calls: list[str] = []
    pipeline = Pipeline([HeadersOnly(calls), Resolve(FakePolicy(frozenset({"a"}))), Block("a", calls)])
    ctx = _ctx()
    ctx.body = b"{}"
    assert await pipeline.run_request(ctx) is None
    assert calls == ["headers_only.on_request body=b'{}'", "a.on_request"]
