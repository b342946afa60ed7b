"""Record each finished exchange in Prometheus metrics (runs for denials and errors too)."""

from __future__ import annotations

from gateway.metrics import Metrics, multiprocess_dir
from gateway.metrics_tally import RequestTally
from gateway.pipeline import RequestContext, Stage


class MetricsStage(Stage):
    name = "metrics"

    def __init__(self, metrics: Metrics) -> None:
        self.m = metrics
        # One process: plain tallies, moved into prometheus_client when /metrics is read. Several
        # workers: each writes through at once, so any worker's scrape sees every worker's counts.
        self.tally = None if multiprocess_dir() else RequestTally(metrics)
        if self.tally is not None:
            metrics.before_scrape(self.tally.flush)
        # `.labels()` takes a lock and builds keys: bind each label tuple's children once.
        self._children: dict[tuple, tuple] = {}

    def _bound(self, *labels: str) -> tuple:
        hit = self._children.get(labels)
        if hit is None:
            hit = self._children[labels] = self.m.request_children(*labels)  # bounded: BoundedLabel values
        return hit

    async def on_response(self, ctx: RequestContext) -> None:
        m = self.m
        model = m.model(ctx.model) if ctx.model else "none"
        tenant = m.tenant_value(ctx.principal.tenant if ctx.principal else None)
        labels = (ctx.route.path, model, tenant, str(ctx.status), ctx.decision,
                  ctx.upstream.name if ctx.upstream else "none")
        ttft = ctx.annotations.get("_first_byte_sent") if ctx.stream else None
        spend = ctx.annotations.get("spend_usd")
        usage = ctx.usage
        if self.tally is not None:
            s = self.tally.series(*labels)
            s.requests += 1
            if ctx.upstream_started:
                s.upstream.observe(ctx.upstream_seconds())
            s.added.observe(ctx.added_seconds())
            if ttft:
                s.ttft.observe(ttft - ctx.started)
            s.tokens_in += usage.input_tokens
            s.tokens_out += usage.output_tokens
            if spend:
                s.spend += spend
            return
        requests, upstream, added, ttft_h, tok_in, tok_out, spend_c = self._bound(*labels)
        requests.inc()
        if ctx.upstream_started:
            upstream.observe(ctx.upstream_seconds())
        added.observe(ctx.added_seconds())
        if ttft:
            ttft_h.observe(ttft - ctx.started)
        if usage.input_tokens:
            tok_in.inc(usage.input_tokens)
        if usage.output_tokens:
            tok_out.inc(usage.output_tokens)
        if spend:
            spend_c.inc(spend)
