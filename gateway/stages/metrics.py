"""Record each finished exchange in Prometheus metrics (runs for denials and errors too)."""

from __future__ import annotations

from gateway.metrics import Metrics
from gateway.pipeline import RequestContext, Stage


class MetricsStage(Stage):
    name = "metrics"

    def __init__(self, metrics: Metrics) -> None:
        self.m = metrics

    async def on_response(self, ctx: RequestContext) -> None:
        m = self.m
        route = ctx.route.path
        model = m.model(ctx.model) if ctx.model else "none"
        tenant = m.tenant_value(ctx.principal.tenant if ctx.principal else None)
        m.requests.labels(route, model, tenant, str(ctx.status), ctx.decision).inc()
        if ctx.upstream_started:
            m.upstream_latency.labels(route, ctx.upstream.name if ctx.upstream else "none").observe(
                ctx.upstream_seconds())
        m.added_latency.labels(route).observe(ctx.added_seconds())
        if ctx.stream and ctx.annotations.get("_first_byte_sent"):
            m.ttft.labels(route).observe(ctx.annotations["_first_byte_sent"] - ctx.started)
        if ctx.usage.input_tokens:
            m.tokens.labels("input", model, tenant).inc(ctx.usage.input_tokens)
        if ctx.usage.output_tokens:
            m.tokens.labels("output", model, tenant).inc(ctx.usage.output_tokens)
        spend = ctx.annotations.get("spend_usd")
        if spend:
            m.spend.labels(model, tenant).inc(spend)
