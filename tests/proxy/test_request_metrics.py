"""Request metrics: what a scrape reads is exact, whether tallied between scrapes or written through."""

from __future__ import annotations

import threading
import time

import httpx
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from gateway.metrics import LATENCY_BUCKETS, UPSTREAM_BUCKETS, Metrics
from gateway.pipeline import RequestContext
from gateway.routes import ROUTE_TABLE
from gateway.stages.metrics import MetricsStage

CHAT = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
ROUTE = ROUTE_TABLE[("POST", "/v1/chat/completions")]


def _samples(metrics: Metrics) -> dict[tuple, float]:
    """Every sample of the request metrics, without the creation timestamps."""
    text = metrics.exposition().decode()
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if not s.name.endswith("_created") and family.name in (
                    "covenant_requests", "covenant_upstream_latency_seconds", "covenant_gateway_added_latency_seconds",
                    "covenant_time_to_first_token_seconds", "covenant_tokens", "covenant_spend_usd"):
                out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


# Values on every bucket bound, between bounds, above the largest and zero: bucket edges are where a
# different search (bisect against prometheus_client's `<=` scan) would differ.
VALUES = [0.0, *LATENCY_BUCKETS, *UPSTREAM_BUCKETS, 1e-5, 0.0003, 0.07, 999.0]


def _exchange(i: int, value: float) -> RequestContext:
    ctx = RequestContext(f"r{i}", ROUTE, "127.0.0.1", "test", {})
    ctx.model = "gpt-4o-mini" if i % 3 else "claude-x"
    ctx.status, ctx.decision = (200, "allowed") if i % 4 else (429, "rate_limited")
    ctx.stream = bool(i % 2)
    now = time.perf_counter()
    ctx.started = now - 2 * value - 0.5
    ctx.upstream_started, ctx.upstream_done = now - value - 0.1, now - 0.1  # upstream took `value`
    ctx.annotations["_first_byte_sent"] = ctx.started + value
    ctx.usage.input_tokens, ctx.usage.output_tokens = i, 2 * i
    if i % 5 == 0:
        ctx.annotations["spend_usd"] = 0.001 * i
    return ctx


async def test_tallied_request_metrics_equal_prometheus_client_observations(monkeypatch) -> None:
    # The added latency is measured when observed (perf_counter): frozen, both paths observe the same values.
    monkeypatch.setattr(time, "perf_counter", lambda: 1_000.0)
    tallied = Metrics(CollectorRegistry())
    stage = MetricsStage(tallied)
    assert stage.tally is not None, "one process: the stage tallies"
    expected = Metrics(CollectorRegistry())
    for i, value in enumerate(VALUES):
        ctx = _exchange(i, value)
        await stage.on_response(ctx)
        # the same exchange, observed one call at a time through prometheus_client
        children = expected.request_children(ROUTE.path, ctx.model, "none", str(ctx.status), ctx.decision, "none")
        requests, upstream, added, ttft, tok_in, tok_out, spend = children
        requests.inc()
        upstream.observe(ctx.upstream_seconds())
        added.observe(ctx.added_seconds())
        if ctx.stream:
            ttft.observe(ctx.annotations["_first_byte_sent"] - ctx.started)
        tok_in.inc(ctx.usage.input_tokens)
        tok_out.inc(ctx.usage.output_tokens)
        if "spend_usd" in ctx.annotations:
            spend.inc(ctx.annotations["spend_usd"])
    got = _samples(tallied)
    want = _samples(expected)
    assert got.keys() == want.keys()
    for key, value in want.items():
        if key[0].endswith(("_bucket", "_count")) or key[0] in ("covenant_requests_total", "covenant_tokens_total"):
            assert got[key] == value, key  # counts: equal
        else:  # sums of floats, added in another order
            assert abs(got[key] - value) <= 1e-9 * max(1.0, abs(value)), key
    # A second scrape does not count anything twice.
    assert _samples(tallied) == got


def test_bucket_edges_match_prometheus_client_exactly() -> None:
    """A value equal to a bound belongs to that bound's bucket (`le`), as prometheus_client counts it."""
    from prometheus_client import Histogram

    from gateway.metrics_tally import _Histogram

    registry = CollectorRegistry()
    moved = Histogram("moved", "", ["k"], buckets=LATENCY_BUCKETS, registry=registry).labels("x")
    direct = Histogram("direct", "", ["k"], buckets=LATENCY_BUCKETS, registry=registry).labels("x")
    tally = _Histogram(LATENCY_BUCKETS)
    for v in VALUES:
        tally.observe(v)
        direct.observe(v)
    tally.move_to(moved)
    samples = _samples_of(registry)
    for (name, labels), value in samples.items():
        if name.startswith("direct") and not name.endswith("_created"):
            assert samples[(name.replace("direct", "moved", 1), labels)] == value, (name, labels)


async def test_counts_reach_the_registry_when_scraped_and_only_once() -> None:
    metrics = Metrics(CollectorRegistry())
    stage = MetricsStage(metrics)

    def in_registry() -> float:
        return sum(v for (name, _), v in _samples_of(metrics.registry).items() if name == "covenant_requests_total")

    for i in range(3):
        await stage.on_response(_exchange(i + 1, 0.01))
        assert in_registry() == i  # tallied, not yet moved
        metrics.exposition()
        assert in_registry() == i + 1


def _samples_of(registry: CollectorRegistry) -> dict[tuple, float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(generate_latest(registry).decode())
            for s in family.samples}


def test_gateway_scrape_counts_every_request_and_the_one_in_flight(gateway) -> None:
    key = gateway.keys.alice

    def requests_total() -> float:
        text = httpx.get(gateway.url + "/metrics", timeout=5).text
        return sum(float(line.split()[-1]) for line in text.splitlines()
                   if line.startswith("covenant_requests_total{"))

    def in_flight() -> float:
        text = httpx.get(gateway.url + "/metrics", timeout=5).text
        return next(float(line.split()[-1]) for line in text.splitlines()
                    if line.startswith("covenant_in_flight_requests "))

    before = requests_total()
    for _ in range(5):
        r = httpx.post(gateway.openai_base_url + "/chat/completions", json=CHAT, timeout=10,
                       headers={"authorization": f"Bearer {key}"})
        assert r.status_code == 200
    assert requests_total() == before + 5  # no delay: each scrape is exact

    slow = threading.Thread(target=lambda: httpx.post(
        gateway.openai_base_url + "/chat/completions", json=CHAT, timeout=20,
        headers={"authorization": f"Bearer {key}", "x-mock-fault": "delay_ms=1500"}))
    slow.start()
    try:
        deadline = time.monotonic() + 5
        seen = 0.0
        while time.monotonic() < deadline and not seen:
            seen = in_flight()
            time.sleep(0.05)
        assert seen == 1
    finally:
        slow.join(timeout=20)
    assert in_flight() == 0
    assert requests_total() == before + 6


def test_counters_alerts_watch_are_exposed_at_zero_before_their_first_event(gateway) -> None:
    """increase() sees nothing of a series born at 1 (no earlier sample): a stage's first error would never fire
    CovenantStageErrors. Every stage's series is there from the start."""
    text = httpx.get(gateway.url + "/metrics", timeout=5).text
    stages = {s.labels["stage"]: s.value for family in text_string_to_metric_families(text)
              if family.name == "covenant_stage_errors" for s in family.samples if s.name.endswith("_total")}
    assert {"identify", "parse", "policy", "ratelimit", "pii", "extraction", "watermark", "metrics",
            "audit"} <= stages.keys(), stages


def test_the_exposition_has_no_created_series(gateway) -> None:
    """In the text format each `_created` sample is a series of its own: one more per counter and histogram
    child (covenant_requests_created beside every covenant_requests_total) that nothing reads."""
    r = httpx.post(gateway.openai_base_url + "/chat/completions", json=CHAT, timeout=10,
                   headers={"authorization": f"Bearer {gateway.keys.alice}"})
    assert r.status_code == 200
    text = httpx.get(gateway.url + "/metrics", timeout=5).text
    assert "covenant_requests_total{" in text
    assert not [line for line in text.splitlines() if "_created" in line.split("{")[0]]


async def test_the_scrape_text_is_written_off_the_event_loop() -> None:
    """At ~6 µs a series, writing a few thousand series on the loop stalled every request in flight for tens of
    milliseconds at each scrape. The hooks that move loop-owned tallies in still run on the loop."""
    metrics = Metrics(CollectorRegistry())
    stage = MetricsStage(metrics)
    await stage.on_response(_exchange(1, 0.01))
    loop_thread = threading.get_ident()
    seen: dict[str, int] = {}

    class Probe:
        def collect(self):
            seen["render"] = threading.get_ident()
            return []

    metrics.registry.register(Probe())
    metrics.before_scrape(lambda: seen.setdefault("hook", threading.get_ident()))
    text = (await metrics.exposition_off_loop()).decode()
    assert seen["hook"] == loop_thread and seen["render"] != loop_thread
    assert 'covenant_requests_total{decision="allowed",model="gpt-4o-mini"' in text  # the tally, moved in first


def test_the_upstream_buckets_reach_the_longest_stream_allowed():
    """A stream may run limits.max_stream_seconds: one between the last bound and that limit would be only `+Inf`."""
    from gateway.config import Limits

    assert UPSTREAM_BUCKETS[-1] >= Limits().max_stream_seconds
