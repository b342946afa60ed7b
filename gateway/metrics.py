"""Prometheus metrics, defined once on an explicit registry (no import-time globals).

Label values are bounded: route and decision come from fixed sets; model and tenant go
through `BoundedLabel`, which admits the first N distinct values and folds the rest into
"other", so a caller sending random model names cannot explode the series count.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable

from prometheus_client import (
    GC_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)

LATENCY_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
                   10, 30, 60, 120)
GC_BUCKETS = (0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1)
# up to the longest stream (limits.max_stream_seconds, 900 s by default): every exchange falls under a finite bound
UPSTREAM_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 900)


class BoundedLabel:
    """Admit at most `limit` distinct label values; later newcomers become "other"."""

    __slots__ = ("limit", "_seen")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._seen: set[str] = set()

    def __call__(self, value: str) -> str:
        if value in self._seen:
            return value
        if len(self._seen) < self.limit:
            self._seen.add(value)
            return value
        return "other"


def multiprocess_dir() -> str | None:
    """Set (by `covenant serve --workers N`) before any metric exists: workers share values via files."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None, *, tenant_label: bool = True,
                 max_models: int = 50, max_tenants: int = 200) -> None:
        own = registry is None
        self.registry = registry or CollectorRegistry()
        r = self.registry
        if own:
            # No `<name>_created` sample per counter and histogram child: in the text format Prometheus scrapes
            # each one is a series of its own (covenant_requests_created beside covenant_requests_total), which
            # doubled the series count and that nothing reads (rate() handles restarts). A switch of the
            # client library for the whole process: this process's metrics are these.
            disable_created_metrics()
        if own and not multiprocess_dir():
            # the client library's conventional process_* (CPU, RSS, fds) and python_gc_* families; in
            # multiprocess mode the exposition reads only the workers' files, which these cannot feed
            r.register(PROCESS_COLLECTOR)
            r.register(GC_COLLECTOR)
        self.tenant_label = tenant_label
        self.model = BoundedLabel(max_models)
        self.tenant = BoundedLabel(max_tenants)
        self.requests = Counter("covenant_requests", "Requests by outcome.",
                                ["route", "model", "tenant", "status", "decision"], registry=r)
        self.upstream_latency = Histogram("covenant_upstream_latency_seconds",
                                          "Upstream time from request sent to response complete.",
                                          ["route", "upstream"], buckets=UPSTREAM_BUCKETS, registry=r)
        self.added_latency = Histogram("covenant_gateway_added_latency_seconds",
                                       "Time the gateway added on top of the upstream call.",
                                       ["route"], buckets=LATENCY_BUCKETS, registry=r)
        self.ttft = Histogram("covenant_time_to_first_token_seconds",
                              "Time from request received to the first response byte sent (streams).",
                              ["route"], buckets=UPSTREAM_BUCKETS, registry=r)
        self.tokens = Counter("covenant_tokens", "Tokens by direction.", ["direction", "model", "tenant"], registry=r)
        self.spend = Counter("covenant_spend_usd", "Spend in US dollars from the price table.",
                             ["model", "tenant"], registry=r)
        self.in_flight = Gauge("covenant_in_flight_requests", "Requests being served.", registry=r,
                               multiprocess_mode="livesum")
        self.upstream_errors = Counter("covenant_upstream_errors", "Upstream failures by kind.",
                                       ["upstream", "kind"], registry=r)
        self.upstream_failovers = Counter(
            "covenant_upstream_failovers", "Requests sent on to the next upstream serving the model, by the "
            "upstream that failed them and why.", ["upstream", "kind"], registry=r)
        self.stage_errors = Counter("covenant_stage_errors", "Unexpected exceptions raised by stages.",
                                    ["stage"], registry=r)
        self.policy_reloads = Counter("covenant_policy_reloads", "Policy reloads by result.", ["result"], registry=r)
        for result in ("success", "error"):
            # present at 0 from the start: a series born at 1 shows no increase, and the first failure would pass
            self.policy_reloads.labels(result)
        self.policy_reload_ok = Gauge(
            "covenant_policy_last_reload_successful", "1 when the last policy reload succeeded; 0 while the policy "
            "files on disk are rejected (the previous version stays in force).", registry=r,
            multiprocess_mode="livemin")
        self.policy_reload_ok.set(1)  # nothing rejected yet (processes that never reload, a worker, stay at 1)
        # A gauge rather than an Info: Info has no multiprocess mode. 1 = active, 0 = replaced.
        self.policy_info = Gauge("covenant_policy_info", "The active policy version (1) and replaced ones (0).",
                                 ["version", "policies"], registry=r, multiprocess_mode="livemax")
        self._policy_labels: tuple[str, str] | None = None
        self._before_scrape: list[Callable[[], None]] = []
        self.ratelimit_rejections = Counter("covenant_ratelimit_rejections",
                                            "Requests rejected by a rate limit (or that would be, in shadow).",
                                            ["limit", "mode"], registry=r)
        self.ratelimit_speculations = Counter(
            "covenant_ratelimit_speculations", "Admissions answered while the request went on (speculative_admission), "
            "by answer: denied ones aborted the upstream call.", ["outcome"], registry=r)
        self.store_errors = Counter("covenant_store_errors", "Store operations that failed.", ["backend", "op"],
                                    registry=r)
        # live* modes for states: a worker process that died must not hold its last value (server.py drops its files)
        self.store_circuit_open = Gauge("covenant_store_circuit_open", "1 while the store circuit breaker is open.",
                                        ["backend"], registry=r, multiprocess_mode="livemax")
        self.pii_detections = Counter("covenant_pii_detections", "PII and secret detections.",
                                      ["entity", "direction", "action"], registry=r)
        self.watermarked = Counter("covenant_watermarked_responses", "Responses watermarked.", ["strength"],
                                   registry=r)
        self.watermark_detections = Counter("covenant_watermark_detections", "Watermark detections run.",
                                            ["result"], registry=r)
        # the gateway-recorded reference (gateway/watermark/recorder.py): what reaches it, what is stored
        self.wm_reference_texts = Counter(
            "covenant_watermark_reference_texts",
            "Marked responses offered to the reference recorder, by outcome: sampled (queued for observation), "
            "not_sampled, dropped (observation queue full).", ["outcome"], registry=r)
        self.wm_reference_observed = Counter("covenant_watermark_reference_observed_texts",
                                             "Responses observed and counted into the recorded reference.", registry=r)
        self.wm_reference_flushes = Counter(
            "covenant_watermark_reference_flushes",
            "Flushes of the recorded reference's counts to the store (and its file, if any), by outcome: ok, "
            "failed (the counts stay for the next flush).", ["outcome"], registry=r)
        self.wm_reference_last_flush = Gauge(
            "covenant_watermark_reference_last_flush_timestamp_seconds",
            "Unix time of the last successful flush of the recorded reference (0 before the first).",
            registry=r, multiprocess_mode="livemin")
        self.wm_reference_unflushed = Gauge(
            "covenant_watermark_reference_unflushed_documents",
            "Observed responses whose counts are not in the store yet (grows while flushes fail).",
            registry=r, multiprocess_mode="livesum")
        self.wm_reference_tenant_overflow = Counter(
            "covenant_watermark_reference_tenant_overflow_documents",
            "Observed responses counted in the global reference only: their tenant found no room among "
            "the per-tenant tables (watermark_reference_tenants).", registry=r)
        self.extraction_principals = Gauge("covenant_extraction_principals",
                                           "Principals currently under an extraction verdict.", ["status"],
                                           registry=r, multiprocess_mode="livemax")
        self.extraction_campaigns = Gauge("covenant_extraction_campaigns", "Extraction campaigns detected.",
                                          registry=r, multiprocess_mode="livemax")
        self.extraction_actions = Counter("covenant_extraction_actions", "Requests acted on by the extraction stage.",
                                          ["action", "mode"], registry=r)
        self.extraction_events = Counter("covenant_extraction_events", "Feature events processed by the detector.",
                                         registry=r)
        self.extraction_dropped = Counter("covenant_extraction_events_dropped",
                                          "Feature events dropped because the detector queue was full.", registry=r)
        self.extraction_lag = Gauge("covenant_extraction_detector_lag_seconds",
                                    "Age of the oldest feature event not yet scored.", registry=r,
                                    multiprocess_mode="livemax")
        # filled by serving processes (gateway/heap.py): a full collection stalls every request in flight
        self.gc_pause = Histogram("covenant_gc_pause_seconds",
                                  "Pauses of Python's cyclic garbage collector by generation (2: full collection).",
                                  ["generation"], buckets=GC_BUCKETS, registry=r)
        self.audit_records = Counter("covenant_audit_records", "Audit records written.", ["sink"], registry=r)
        self.audit_dropped = Counter("covenant_audit_dropped", "Audit records dropped (queue full or sink error).",
                                     ["sink", "reason"], registry=r)

    def set_policy(self, version: str, policies: int) -> None:
        labels = (version, str(policies))
        if self._policy_labels is not None and self._policy_labels != labels:
            if multiprocess_dir():
                self.policy_info.labels(*self._policy_labels).set(0)  # files keep label sets: mark replaced
            else:
                self.policy_info.remove(*self._policy_labels)
        self.policy_info.labels(*labels).set(1)
        self._policy_labels = labels

    def before_scrape(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` before each exposition (values kept outside the registry between scrapes are
        moved into it then)."""
        self._before_scrape.append(hook)

    def exposition(self) -> bytes:
        """The text format for /metrics: this process, or every worker's in multiprocess mode."""
        self._run_hooks()
        return self._render()

    async def exposition_off_loop(self) -> bytes:
        """`exposition()` for the event loop's /metrics route: the hooks run here (they read what the loop
        owns), the text is written in a thread. Writing it costs ~6 µs a series (30 ms for 5,000, measured),
        which every request in flight waited for at each scrape; prometheus-client copies what it reads
        under its locks, so requests go on updating values meanwhile."""
        self._run_hooks()
        return await asyncio.to_thread(self._render)

    def _run_hooks(self) -> None:
        for hook in self._before_scrape:
            hook()

    def _render(self) -> bytes:
        if multiprocess_dir():
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)

    def request_children(self, route: str, model: str, tenant: str, status: str, decision: str,
                         upstream: str) -> tuple:
        """The children one finished exchange updates: requests, upstream latency, added latency,
        time to first token, input and output tokens, spend."""
        return (self.requests.labels(route, model, tenant, status, decision),
                self.upstream_latency.labels(route, upstream), self.added_latency.labels(route),
                self.ttft.labels(route), self.tokens.labels("input", model, tenant),
                self.tokens.labels("output", model, tenant), self.spend.labels(model, tenant))

    def tenant_value(self, tenant: str | None) -> str:
        if not self.tenant_label:
            return "all"
        return self.tenant(tenant) if tenant else "none"
