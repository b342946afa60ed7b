"""Record each finished exchange in Prometheus metrics (runs for denials and errors too)."""

from __future__ import annotations

from gateway.metrics import Metrics
from gateway.pipeline import RequestContext, Stage


class MetricsStage(Stage):
    name = "metrics"

    def __init__(self, metrics: Metrics) -> None:
        self.m = metrics
        # `.labels()` takes a lock and builds keys: bind each label tuple's children once.
        self._children: dict[tuple, tuple] = {}

    def _bound(self, route: str, model: str, tenant: str, status: str, decision: str, upstream: str) -> tuple:
        key = (route, model, tenant, status, decision, upstream)
        hit = self._children.get(key)
        if hit is None:
            m = self.m
            hit = (m.requests.labels(route, model, tenant, status, decision), m.upstream_latency.labels(route, upstream),
                   m.added_latency.labels(route), m.ttft.labels(route), m.tokens.labels("input", model, tenant),
                   m.tokens.labels("output", model, tenant), m.spend.labels(model, tenant))
            if len(self._children) < 100_000:  # label values are bounded; this is a backstop
                self._children[key] = hit
        return hit

    async def on_response(self, ctx: RequestContext) -> None:
        m = self.m
        route = ctx.route.path
        model = m.model(ctx.model) if ctx.model else "none"
        tenant = m.tenant_value(ctx.principal.tenant if ctx.principal else None)
        requests, upstream, added, ttft, tok_in, tok_out, spend_c = self._bound(
            route, model, tenant, str(ctx.status), ctx.decision, ctx.upstream.name if ctx.upstream else "none")
        requests.inc()
        if ctx.upstream_started:
            upstream.observe(ctx.upstream_seconds())
        added.observe(ctx.added_seconds())
        if ctx.stream and ctx.annotations.get("_first_byte_sent"):
            ttft.observe(ctx.annotations["_first_byte_sent"] - ctx.started)
        if ctx.usage.input_tokens:
            tok_in.inc(ctx.usage.input_tokens)
        if ctx.usage.output_tokens:
            tok_out.inc(ctx.usage.output_tokens)
        spend = ctx.annotations.get("spend_usd")
        if spend:
            spend_c.inc(spend)
