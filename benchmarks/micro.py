"""Per-stage micro-benchmarks: µs per request, in process, no network (Redis aside).

    python -m benchmarks.micro [--quick] [--no-redis]

Builds a real `Gateway` (gateway/service.py) on `benchmarks/policies_full/` offline and drives
the real stage objects on real `RequestContext`s: each row times only the named operation
(contexts are prepared outside the clock). Columns: wall µs per op (median of batches, and the
best batch: the best is what the code costs on a quiet core; the median shows this busy
machine) and CPU µs per op (process CPU time, which is far less sensitive to other load).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import orjson

from benchmarks.harness.nginx import WORDS, completion_body, stream_body
from gateway.audit.content import RecordEncoder
from gateway.audit.record import build_record, pending_from
from gateway.config import Settings, UpstreamConfig
from gateway.dialects import responses as resp_mod
from gateway.dialects.sse import SSEProcessor
from gateway.identity import MemoryKeyStore, new_key
from gateway.pipeline import RequestContext, Usage, compose
from gateway.routes import ROUTE_TABLE
from gateway.service import Gateway

FULL_POLICIES = Path(__file__).parent / "policies_full"
ROUTE = ROUTE_TABLE[("POST", "/v1/chat/completions")]
BODY = {"model": "gpt-4o-mini", "max_tokens": 400,
        "messages": [{"role": "system", "content": "You are a helpful assistant for a software team."},
                     {"role": "user", "content": "Summarise the release notes for the team in a short paragraph."}]}


def _kb_text(n_bytes: int = 1024, pii: bool = False) -> str:
    text = " ".join(WORDS[i % len(WORDS)] for i in range(n_bytes // 4))
    if pii:
        text = text[: n_bytes // 2] + " mail jane.doe@example.com or call (212) 555-0142 " + text[n_bytes // 2:]
    return text[:n_bytes]


class Bench:
    def __init__(self, batches: int, per_batch: int) -> None:
        self.batches, self.per_batch = batches, per_batch
        self.rows: list[tuple[str, float, float, float, str]] = []

    async def time(self, name: str, op: Callable[[object], Awaitable[object] | object], setup=None,
                   per: float = 1.0, note: str = "", n: int | None = None) -> None:
        """`setup(i)` builds each op's argument outside the clock; `per` divides (e.g. KB)."""
        n = n or self.per_batch
        walls, cpus = [], []
        is_async = asyncio.iscoroutinefunction(op)
        for b in range(self.batches + 1):  # batch 0 warms up, discarded
            args = [setup(i) if setup else None for i in range(n)]
            c0, t0 = time.process_time(), time.perf_counter()
            if is_async:
                for a in args:
                    await op(a)
            else:
                for a in args:
                    op(a)
            t1, c1 = time.perf_counter(), time.process_time()
            if b:
                walls.append((t1 - t0) / n / per * 1e6)
                cpus.append((c1 - c0) / n / per * 1e6)
        self.rows.append((name, statistics.median(walls), min(walls), statistics.median(cpus), note))
        print(f"  {name:<48} {statistics.median(walls):9.1f} µs", file=sys.stderr)

    def table(self) -> str:
        out = ["| operation | µs/op median | µs/op best batch | CPU µs/op | note |", "|---|---|---|---|---|"]
        out += [f"| {n} | {m:,.1f} | {b:,.1f} | {c:,.1f} | {note} |" for n, m, b, c, note in self.rows]
        return "\n".join(out)


async def _gateway(tmp: Path) -> tuple[Gateway, str]:
    key, record = new_key("bench", "bench-account", {"tier": "pro"})
    settings = Settings(policies_dir=str(FULL_POLICIES), store="memory://", dev_key=False,
                        keys_file=str(tmp / "keys.json"), watermark_secret_file=str(tmp / "wm.key"),
                        upstreams=[UpstreamConfig(name="up", base_url="http://127.0.0.1:9")])
    gw = Gateway(settings)
    gw.keys = MemoryKeyStore([record])
    await gw.start_offline()
    return gw, key


async def serve_json(gw: Gateway, ctx: RequestContext, resp: bytes) -> None:
    """The whole pipeline in process, as the proxy drives it for a JSON answer (no sockets)."""
    deny = await gw.pipeline.run_request(ctx)
    assert deny is None, deny
    ctx.upstream_started = time.perf_counter()
    o = orjson.loads(resp)
    resp_mod.read_usage(ROUTE.api, o, ctx.usage)
    factory = compose(gw.pipeline.output_transforms(ctx))
    if factory is not None:
        resp_mod.apply_transform(ROUTE.api, o, factory)
    orjson.dumps(o)
    if ctx.keep_output:
        ctx.response_text.append(resp_mod.output_text(ROUTE.api, o))
    ctx.status, ctx.upstream_done = 200, time.perf_counter()
    await gw.pipeline.finish(ctx)


async def run_handed_off(gw: Gateway) -> int:
    """What finished requests handed to background tasks (extraction features, provenance fingerprints), run now:
    a served gateway spends that CPU in the same process, but the offline one starts no task, so it would never run."""
    st = {s.name: s for s in gw.stages}
    queues = [st["extraction"].backend._queue, st["watermark"]._pending]  # noqa: SLF001 - the stages' hand-off queues
    return sum([await q.run_pending() for q in queues])


async def run(args: argparse.Namespace) -> str:
    tmp = Path(tempfile.mkdtemp(prefix="covenant-micro-"))
    gw, key = await _gateway(tmp)
    st = {s.name: s for s in gw.stages}
    headers = {"authorization": f"Bearer {key}", "content-type": "application/json", "user-agent": "bench"}
    body = orjson.dumps(BODY)
    b = Bench(args.batches, args.n)

    def fresh(i: int = 0) -> RequestContext:
        ctx = RequestContext(f"req-{i}", ROUTE, "127.0.0.1", "bench", dict(headers))
        ctx.body = body
        return ctx

    async def through(ctx: RequestContext, *names: str) -> RequestContext:
        for name in names:
            await st[name].on_request(ctx)
        return ctx

    # Contexts identified, parsed and matched, so a row can time one stage alone.
    ready: list[RequestContext] = []

    async def prepare(n: int) -> None:
        ready.clear()
        for i in range(n):
            ready.append(await through(fresh(i), "identify", "parse", "policy"))

    def pop(_: int) -> RequestContext:
        return ready.pop()

    async def timed_stage(name: str, label: str, op, note: str = "") -> None:
        # `prepare` runs for every batch (outside the clock): each op gets a context of its own.
        await prepare((args.batches + 1) * args.n)
        await b.time(label, op, setup=pop, note=note)

    ctx0 = await through(fresh(), "identify", "parse", "policy")
    ps = gw.policies.current()
    p = ctx0.principal

    print("micro-benchmarks (µs per op):", file=sys.stderr)
    await b.time("context: RequestContext() build", lambda _: fresh())
    await b.time("identity: key lookup + SHA-256 + compare", st["identify"].auth.authenticate,
                 setup=lambda i: headers)
    await b.time("parse: request JSON (orjson) + validation", st["parse"].on_request, setup=lambda i: fresh(i),
                 note=f"{len(body)} B body")
    resp = completion_body(300).encode()
    await b.time("JSON: orjson.loads of a ~300-word completion", lambda _: orjson.loads(resp),
                 note=f"{len(resp)} B")
    obj = orjson.loads(resp)
    await b.time("JSON: orjson.dumps of the same", lambda _: orjson.dumps(obj))
    await b.time("policy match: cache hit", lambda _: ps.match(p.tenant, p.account, p.key_id, p.labels,
                                                               "gpt-4o-mini", ROUTE.path))
    await b.time("policy match: cache miss (new account)",
                 lambda i: ps.match(p.tenant, f"acct-{i}-{time.perf_counter_ns()}", p.key_id, p.labels,
                                    "gpt-4o-mini", ROUTE.path), setup=lambda i: i)
    await timed_stage("access", "access stage", st["access"].on_request)

    rl = st["ratelimit"]

    async def admit_settle(ctx: RequestContext) -> None:
        await rl.on_request(ctx)
        ctx.status, ctx.upstream_started = 200, time.perf_counter()
        ctx.usage.input_tokens, ctx.usage.output_tokens, ctx.usage.reported = 12, 300, True
        await rl.on_response(ctx)

    await timed_stage("ratelimit", "rate limit admit+settle, 3 limits, memory://", admit_settle)
    redis = None
    if not args.no_redis:
        from benchmarks.harness.procs import free_port
        from gateway.store import open_store
        from tests.support.redis_server import RedisServer

        redis = RedisServer(free_port()).start()
        store = open_store(redis.url, timeout_ms=1000)
        memory_store = rl.store
        rl.use_store(store)
        await timed_stage("ratelimit", "rate limit admit+settle, 3 limits, redis:// (2 round trips)",
                          admit_settle, note="loopback Redis, wall includes RTT")
        rl.use_store(memory_store)
        await store.close()

    ex = st["extraction"]
    await b.time("extraction: feature extraction only",
                 lambda c: ex.features.extract(ROUTE.api, c.json, c.principal.id, c.ts, tenant=c.principal.tenant,
                                               key_id=c.principal.key_id, client_ip=c.client_ip,
                                               user_agent=c.user_agent), setup=lambda i: ctx0)
    await timed_stage("extraction", "extraction stage on_request (verdict lookup)", ex.on_request,
                      note="the features are computed after the answer, off the request path")

    pii = st["pii"]
    await timed_stage("pii", "PII stage on_request (prompt scan, typical prompt)", pii.on_request,
                      note="async: scans ≥ the inline limit go to a thread")
    engine = ps.artifacts["pii"][id(ctx0.policy.pii)]
    kb, kb_pii = _kb_text(), _kb_text(pii=True)
    await b.time("PII prompt scan per KB (prose)", lambda _: engine.prompt.scan(kb))
    await b.time("PII prompt scan per KB (with e-mail + phone)", lambda _: engine.prompt.scan(kb_pii))
    await b.time("PII output redact per KB, whole (prose)", lambda _: engine.output_redactor.redact(kb))
    await b.time("PII output redact per KB, whole (with e-mail + phone)", lambda _: engine.output_redactor.redact(kb_pii))

    def streamed(make, text: str, chunk: int = 20) -> str:
        t = make()
        out = [t.feed(text[i:i + chunk]) for i in range(0, len(text), chunk)]
        return "".join(out) + t.flush()

    hold = ctx0.policy.pii.stream_holdback_chars
    await b.time("PII output redact per KB, streamed 20-char deltas (prose)",
                 lambda _: streamed(lambda: engine.output_redactor.stream(hold), kb))

    wm = ps.artifacts["watermark"][id(ctx0.policy.watermark)]
    await b.time("watermark per KB, whole", lambda _: wm.mark(kb, tenant=p.tenant, account=p.account))
    await b.time("watermark per KB, streamed 20-char deltas",
                 lambda _: streamed(lambda: wm.stream(p.tenant, p.account, 1.0), kb))

    text300 = resp_mod.output_text(ROUTE.api, obj)
    fp = gw.provenance.fp
    await b.time("provenance: MinHash fingerprint of a ~300-word answer", lambda _: fp.signature(text300),
                 note=f"{len(text300)} chars; the watermark stage's on_response")

    def done(c: RequestContext) -> RequestContext:
        c.status, c.upstream_started, c.upstream_done = 200, c.started + 0.001, c.started + 0.002
        c.usage.input_tokens, c.usage.output_tokens = 12, 300
        c.response_text.append(kb)
        return c

    await prepare((args.batches + 1) * args.n)
    await b.time("audit: build_record", lambda c: build_record(c), setup=lambda i: done(ready.pop()))
    enc = RecordEncoder("hash")
    await prepare((args.batches + 1) * args.n)
    await b.time("audit: pending_from + encode (hash mode, writer thread)", lambda c: enc.encode(pending_from(c, "hash")),
                 setup=lambda i: done(ready.pop()))
    await prepare((args.batches + 1) * args.n)
    await b.time("metrics stage on_response", st["metrics"].on_response, setup=lambda i: done(ready.pop()))

    events = [e.encode() + b"\n\n" for e in stream_body(300).split("\n\n") if e]
    content_events = events[:-3]
    n_ev = len(content_events)

    def sse_run(factory) -> None:
        sse = SSEProcessor(ROUTE.api, Usage(), factory, False)
        for ev in content_events:
            sse.feed(ev)
        sse.close()

    await b.time("SSE per event, pass-through", lambda _: sse_run(None), per=n_ev,
                 note=f"{n_ev} events of 5 words")
    wm_factory = lambda: wm.stream(p.tenant, p.account, 1.0)  # noqa: E731
    await b.time("SSE per event, watermark transform", lambda _: sse_run(wm_factory), per=n_ev)
    pii_factory = lambda: engine.output_redactor.stream(hold)  # noqa: E731
    await b.time("SSE per event, watermark + PII redaction", lambda _: sse_run(compose([pii_factory, wm_factory])),
                 per=n_ev)

    async def whole(ctx: RequestContext) -> None:
        await serve_json(gw, ctx, resp)

    async def whole_and_after(ctx: RequestContext) -> None:
        await serve_json(gw, ctx, resp)
        await run_handed_off(gw)

    await b.time("whole pipeline, full set, JSON answer (memory store), request path", whole, setup=fresh,
                 note="all stages + response transform; not the work handed to background tasks")
    await b.time("whole pipeline, full set, JSON answer (memory store), with the work handed off",
                 whole_and_after, setup=fresh,
                 note="+ extraction features and provenance fingerprint, which the gateway's background "
                      "tasks run in the same process")
    await gw.stop()
    if redis:
        redis.stop()
    return b.table()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer, smaller batches")
    ap.add_argument("--batches", type=int, default=7)
    ap.add_argument("-n", type=int, default=400, help="ops per batch")
    ap.add_argument("--no-redis", action="store_true", help="skip the Redis rate-limit row")
    args = ap.parse_args(argv)
    if args.quick:
        args.batches, args.n = 3, 100
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    table = asyncio.run(run(args))
    print(f"\nPer-stage costs, {args.batches} batches × {args.n} ops; load average at start {load}, end "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
