"""The per-stage micro-benchmarks' whole-pipeline rows: the request path alone, and with the work a request hands
to the gateway's background tasks (extraction features, provenance fingerprint), which the offline gateway the
benchmark builds never starts."""

from __future__ import annotations

import orjson

from benchmarks import micro
from benchmarks.harness.nginx import completion_body
from gateway.pipeline import RequestContext


async def test_the_work_a_request_hands_off_is_run_when_the_row_charges_it(tmp_path):
    gw, key = await micro._gateway(tmp_path)  # noqa: SLF001 - the benchmark's own gateway
    try:
        stages = {s.name: s for s in gw.stages}
        detector = stages["extraction"].backend.detector
        ctx = RequestContext("req-1", micro.ROUTE, "127.0.0.1", "bench",
                             {"authorization": f"Bearer {key}", "content-type": "application/json"})
        ctx.body = orjson.dumps(micro.BODY)
        await micro.serve_json(gw, ctx, completion_body(300).encode())
        assert detector.events == 0 and len(gw.provenance) == 0  # handed off, and nothing runs it offline
        assert await micro.run_handed_off(gw) == 2  # the exchange's features and the answer's fingerprint
        assert detector.events == 1 and len(gw.provenance) == 1
        assert await micro.run_handed_off(gw) == 0
    finally:
        await gw.stop()
