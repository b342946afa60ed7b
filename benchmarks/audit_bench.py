"""Audit log costs: per-request cost on the hot path, writer throughput per sink and content mode,
event-loop stall of file writes in a thread vs inline. Run: `python -m benchmarks.audit_bench`."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import orjson
from prometheus_client import CollectorRegistry

from gateway.audit.content import RecordEncoder, presidio_redactor
from gateway.audit.record import pending_from
from gateway.audit.sinks import FileSink, RedisStreamSink
from gateway.audit.writer import AuditWriter
from gateway.identity import Principal
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext
from gateway.routes import ROUTE_TABLE

N = 20_000
PROMPT = ("Please explain, step by step, how to compute the derivative of x^3 sin(x). Contact me at "
          "jane.doe@example.com if anything is unclear. ") * 3
OUTPUT = "First apply the product rule: d/dx[x^3 sin x] = 3x^2 sin x + x^3 cos x. " * 4


def _ctx(i: int) -> RequestContext:
    ctx = RequestContext(f"req-{i}", ROUTE_TABLE[("POST", "/v1/chat/completions")], "10.1.2.3", "openai-python/1.5", {})
    ctx.json = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": PROMPT}], "max_tokens": 256}
    ctx.body = orjson.dumps(ctx.json)
    ctx.model, ctx.status = "gpt-4o-mini", 200
    ctx.principal = Principal("acme", f"acct-{i % 50}", "k1")
    ctx.upstream_started = ctx.started
    ctx.upstream_done = time.perf_counter()
    ctx.usage.input_tokens, ctx.usage.output_tokens = 60, 80
    ctx.keep_output, ctx.response_text = True, [OUTPUT]
    ctx.annotations.update({"extraction": {"score": 0.12, "status": "ok"}, "spend_usd": 0.0001})
    return ctx


class InlineFileSink(FileSink):
    """The same file sink writing on the event loop (for comparison only)."""

    async def write(self, lines: list[bytes]) -> None:
        self.write_sync(b"".join(lines))


async def _lag_probe(stop: asyncio.Event, lags: list[float]) -> None:
    while not stop.is_set():
        t = time.perf_counter()
        await asyncio.sleep(0.001)
        lags.append(time.perf_counter() - t - 0.001)


async def _run_writer(sink, mode: str, ctxs: list[RequestContext], encoder: RecordEncoder | None = None) -> dict:
    """Queue every record first (timing the hot-path part), then drain with the writer alone on the loop
    beside a 1 ms sleeper, whose lateness is the stall the writer causes to requests."""
    metrics = Metrics(CollectorRegistry())
    w = AuditWriter(sink, encoder or RecordEncoder(mode), metrics, queue_size=len(ctxs) + 1)
    t0 = time.perf_counter()
    for ctx in ctxs:
        w.submit(pending_from(ctx, mode))
    submit_us = (time.perf_counter() - t0) / len(ctxs) * 1e6
    stop, lags = asyncio.Event(), []
    probe = asyncio.create_task(_lag_probe(stop, lags))
    await asyncio.sleep(0.01)
    t0 = time.perf_counter()
    await w.start()
    await w.close(deadline_s=300)
    elapsed = time.perf_counter() - t0
    stop.set()
    await probe
    lags.sort()
    return {"records_per_s": len(ctxs) / elapsed, "submit_us": submit_us,
            "lag_p99_ms": lags[int(len(lags) * 0.99)] * 1e3, "lag_max_ms": lags[-1] * 1e3}


async def _idle_lag(seconds: float = 1.0) -> dict:
    stop, lags = asyncio.Event(), []
    probe = asyncio.create_task(_lag_probe(stop, lags))
    await asyncio.sleep(seconds)
    stop.set()
    await probe
    lags.sort()
    return {"records_per_s": 0.0, "submit_us": 0.0, "lag_p99_ms": lags[int(len(lags) * 0.99)] * 1e3,
            "lag_max_ms": lags[-1] * 1e3}


async def main() -> None:
    ctxs = [_ctx(i) for i in range(N)]
    rows = [("idle loop", "-", 0, await _idle_lag())]  # the machine's noise floor for the lag columns
    with tempfile.TemporaryDirectory() as d:
        for mode in ("none", "hash", "full"):
            for label, cls in (("file (thread)", FileSink), ("file (inline)", InlineFileSink)):
                sink = cls(Path(d) / f"{mode}-{cls.__name__}.jsonl", rotate_bytes=64 * 1024 * 1024,
                           rotate_seconds=1e9)
                rows.append((label, mode, N, await _run_writer(sink, mode, ctxs)))
        red = RecordEncoder("redacted", redact_text=presidio_redactor())
        small = ctxs[:1000]
        sink = FileSink(Path(d) / "redacted.jsonl", rotate_bytes=64 * 1024 * 1024, rotate_seconds=1e9)
        rows.append(("file (thread)", "redacted", len(small), await _run_writer(sink, "redacted", small, red)))
    try:
        from tests.support.redis_server import start_redis

        server = start_redis()
    except Exception as exc:  # noqa: BLE001 - the table says why the row is missing
        print(f"redis row skipped: {exc}")
    else:
        try:
            sink = RedisStreamSink(server.url, maxlen=100_000)
            rows.append(("redis stream", "hash", N, await _run_writer(sink, "hash", ctxs)))
        finally:
            server.stop()
    print(f"{'sink':<15} {'content':<9} {'records':>8} {'records/s':>10} {'submit µs':>10} {'loop lag p99 ms':>16} "
          f"{'lag max ms':>11}")
    for label, mode, n, r in rows:
        print(f"{label:<15} {mode:<9} {n:>8} {r['records_per_s']:>10.0f} {r['submit_us']:>10.1f} "
              f"{r['lag_p99_ms']:>16.2f} {r['lag_max_ms']:>11.2f}")


if __name__ == "__main__":
    argparse.ArgumentParser(prog="python -m benchmarks.audit_bench", description=__doc__.split(" Run:")[0]).parse_args()
    asyncio.run(main())
