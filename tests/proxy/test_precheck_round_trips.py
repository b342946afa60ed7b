"""The pre-checks of a request with the full policy set on a Redis store cost one round trip.

The benchmark's full set (`benchmarks/policies_full/`: key auth, three rate limits, PII, watermark,
extraction) on a real redis-server. The API key record and the principal's extraction verdict are
cached locally; when either is due for a refresh, the lookup rides in the pipeline of the rate-limit
admission instead of costing a round trip of its own, also when the admission is speculated (it then
starts after the upstream call). Round trips are counted where redis-py and the batchers' lean
connections write to their sockets (one write per command, pipeline or batch), from the moment the
gateway has the request to the moment the upstream has it, and to the moment the response head goes
to the client (every pre-check answered by then; the settlement and the hand-offs come later).
"""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path

import orjson
import pytest
from redis.asyncio.connection import AbstractConnection

from gateway.config import Settings, UpstreamConfig
from gateway.identity import RedisKeyStore, new_key
from gateway.routes import ROUTE_TABLE
from gateway.service import Gateway
from gateway.store.resp import RespConnection

FULL_SET = Path(__file__).resolve().parents[2] / "benchmarks" / "policies_full"
BODY = {"model": "gpt-4o-mini", "stream": True, "max_tokens": 50,
        "messages": [{"role": "user", "content": "Summarise the release notes in a short paragraph."}]}
EVENTS = [{"choices": [{"index": 0, "delta": {"content": "The release adds a faster parser "}}]},
          {"choices": [{"index": 0, "delta": {"content": "and fixes two bugs."}, "finish_reason": "stop"}]}]


class Writes:
    """Counts Redis socket writes (each is one round trip) in this process."""

    def __init__(self) -> None:
        self.count = 0
        self.at_upstream: list[int] = []
        self.at_response_head: list[int] = []


async def _upstream(writes: Writes) -> asyncio.Server:
    """A streaming chat upstream that notes the write count when a request has fully arrived."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length:"))
                await reader.readexactly(length)
                writes.at_upstream.append(writes.count)
                body = b"".join(b"data: " + orjson.dumps(e) + b"\n\n" for e in EVENTS) + b"data: [DONE]\n\n"
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncontent-length: %d\r\n\r\n%s"
                             % (len(body), body))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def _stream(gw: Gateway, key: str, writes: Writes | None = None) -> bytes:
    body = orjson.dumps(BODY)
    sent: list[dict] = []
    delivered = False

    async def receive() -> dict:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Future()  # the client stays connected

    async def send(message: dict) -> None:
        if writes is not None and message["type"] == "http.response.start":
            writes.at_response_head.append(writes.count)
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/chat/completions", "client": ("127.0.0.1", 5000),
             "headers": [(b"authorization", f"Bearer {key}".encode()), (b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode())]}
    await gw.proxy.handle(scope, receive, send, ROUTE_TABLE[("POST", "/v1/chat/completions")])
    assert sent[0]["status"] == 200, sent
    return b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture
async def full_gateway(redis_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    writes = Writes()
    original = AbstractConnection.send_packed_command

    async def counting(self, command, check_health=True):
        writes.count += 1
        return await original(self, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", counting)
    lean_request = RespConnection.request

    def counting_lean(self, payload, count, *rest):
        writes.count += 1
        return lean_request(self, payload, count, *rest)

    monkeypatch.setattr(RespConnection, "request", counting_lean)  # the batchers' own connections
    upstream = await _upstream(writes)
    port = upstream.sockets[0].getsockname()[1]
    shutil.copytree(FULL_SET, tmp_path / "policies")
    settings = Settings(store=redis_url, store_timeout_ms=500, policies_dir=str(tmp_path / "policies"),
                        keys_file=str(tmp_path / "keys.json"), dev_key=False, watermark_secret="s" * 32,
                        upstreams=[UpstreamConfig(name="up", dialect="openai", base_url=f"http://127.0.0.1:{port}",
                                                  models=["*"])])
    gw = Gateway(settings)
    await gw.start()
    key, record = new_key("acme", "alice")
    await RedisKeyStore(gw.store).put(record)
    try:
        yield gw, key, writes
    finally:
        await gw.stop()
        upstream.close()


async def _round_trips(gw: Gateway, key: str, writes: Writes) -> tuple[int, int]:
    """(round trips before the upstream had the request, before the response head went out)"""
    await asyncio.sleep(0.2)  # background writes of the previous request (events, provenance) are out
    before = writes.count
    out = await _stream(gw, key, writes)
    assert b"fixes two bugs" in out or b"two bugs" in out
    return writes.at_upstream[-1] - before, writes.at_response_head[-1] - before


async def test_a_streaming_request_costs_one_round_trip_before_the_upstream(full_gateway):
    gw, key, writes = full_gateway
    await _stream(gw, key)  # first sight of the key and the principal: their lookups, the script loads
    assert await _round_trips(gw, key, writes) == (1, 1)
    gw.proxy.speculate = False  # in order: the same one round trip
    assert await _round_trips(gw, key, writes) == (1, 1)


async def test_due_key_and_verdict_refreshes_share_the_admission_round_trip(full_gateway):
    gw, key, writes = full_gateway
    await _stream(gw, key)
    # Both cached entries past half their life: each lookup is refreshed, in the admission's pipeline.
    caches = (gw.keys._cache, gw.extraction._cache)  # noqa: SLF001
    for cache in caches:
        for name, (_expires, value) in list(cache._entries.items()):  # noqa: SLF001
            cache._entries[name] = (time.monotonic() + cache._ttl / 2 - 0.05, value)  # noqa: SLF001
    assert await _round_trips(gw, key, writes) == (1, 1)
    # the refreshed entries are fresh again
    for cache in caches:
        assert all(exp - time.monotonic() > cache._ttl / 2 for exp, _ in cache._entries.values())  # noqa: SLF001


@pytest.mark.parametrize("speculate", [True, False], ids=["speculative", "in-order"])
async def test_the_prompt_scan_runs_during_the_admission_and_blocks_as_before(full_gateway, monkeypatch, speculate):
    """With speculation (the account's last admission left room) the PII stage's on_request itself runs while
    the admission is in flight; without it, its on_request_wait does. Either way the secret blocks the request
    and nothing goes upstream."""
    from gateway.stages.pii import PiiStage

    gw, key, writes = full_gateway
    gw.proxy.speculate = speculate
    await _stream(gw, key)
    early: list[int] = []
    scanned_before_admission: list[bool] = []
    original_wait, original_request = PiiStage.on_request_wait, PiiStage.on_request

    def spy_wait(self, ctx):
        original_wait(self, ctx)
        early.append(len(ctx.annotations.get("_pii_prompt_scans", ())))

    async def spy_request(self, ctx):
        scanned_before_admission.append("_ratelimit" not in ctx.annotations)  # set when the admission answers
        return await original_request(self, ctx)

    monkeypatch.setattr(PiiStage, "on_request_wait", spy_wait)
    monkeypatch.setattr(PiiStage, "on_request", spy_request)
    secret = "AKIAIOSFODNN7EXAMPLE"
    body_secret = {**BODY, "messages": [{"role": "user", "content": f"Here is my key {secret}, check it."}]}
    body = orjson.dumps(body_secret)
    sent: list[dict] = []
    calls = iter([{"type": "http.request", "body": body, "more_body": False}])

    async def receive() -> dict:
        try:
            return next(calls)
        except StopIteration:
            await asyncio.Future()

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/chat/completions", "client": ("127.0.0.1", 5000),
             "headers": [(b"authorization", f"Bearer {key}".encode()), (b"content-type", b"application/json")]}
    upstream_calls = len(writes.at_upstream)
    await gw.proxy.handle(scope, receive, send, ROUTE_TABLE[("POST", "/v1/chat/completions")])
    if speculate:
        assert early == [] and scanned_before_admission == [True], "on_request ran while the admission was in flight"
    else:
        assert early == [1] and scanned_before_admission == [False], "the early scan ran during the admission"
    assert sent[0]["status"] == 400
    assert b"pii_detected" in sent[1]["body"] and b"AWS_ACCESS_KEY" in sent[1]["body"]
    assert len(writes.at_upstream) == upstream_calls, "nothing went upstream"
