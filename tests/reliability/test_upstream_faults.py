"""Upstream faults beyond tests/proxy: each gives the documented error, frees every resource
(in-flight gauge back to 0, the account's single concurrency slot free again) and is accounted
(exactly one audit record, usage settled)."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.reliability.rst_upstream import running_rst_upstream
from tests.reliability.support import FILE_AUDIT, HERE, chat, metric, records_for
from tests.support.gateway import GatewayProcess

MAX_STREAM_S = 1.5


@pytest.fixture(scope="module")
def faulty(teacher):
    with running_rst_upstream() as rst_url:
        gw = GatewayProcess(upstream_url=teacher.url, policies=HERE / "policies_one_slot", extra_config={
            "audit": FILE_AUDIT, "limits": {"max_stream_seconds": MAX_STREAM_S},
            "upstreams": [
                {"name": "rst", "dialect": "any", "base_url": rst_url, "models": ["rst-*"]},
                {"name": "teacher", "dialect": "any", "base_url": teacher.url, "models": ["*"],
                 "timeouts": {"connect": 2, "first_byte": 5, "total": 30}},
            ]})
        gw.key = gw.create_key("acme", "faulty")
        gw.start()
        yield gw
        gw.stop()


def _sse_events(text: str) -> list[dict]:
    return [json.loads(line[6:]) for line in text.splitlines() if line.startswith("data: {")]


def _resources_free_and_accounted(gw: GatewayProcess, rid: str) -> dict:
    assert metric(gw, "covenant_in_flight_requests") == 0
    nxt = chat(gw, gw.key)  # the one concurrency slot of the account must be free again
    assert nxt.status_code == 200, nxt.text
    recs = records_for(gw, {rid})
    assert len(recs) == 1, recs
    return recs[0]


def test_reset_mid_stream_ends_with_an_error_event(faulty):
    r = chat(faulty, faulty.key, stream=True, rid="rel-rst-1", model="rst-1")
    assert r.status_code == 200
    events = _sse_events(r.text)
    assert [e["choices"][0]["delta"]["content"] for e in events[:-1]] == ["partial ", "partial "]
    assert events[-1]["error"]["code"] == "upstream_error" and "broke" in events[-1]["error"]["message"]
    rec = _resources_free_and_accounted(faulty, "rel-rst-1")
    # no usage block arrived: what was streamed ("partial partial " = 16 chars) is estimated at ~4 chars/token
    assert rec["status"] == 200 and rec["usage"]["output_tokens"] == 4


def test_malformed_sse_is_cut_with_an_error_event(faulty):
    r = chat(faulty, faulty.key, stream=True, rid="rel-sse-1", fault="malformed_sse")
    assert r.status_code == 200
    events = _sse_events(r.text)
    assert events[-1]["error"]["code"] == "upstream_malformed_stream"
    assert "[DONE]" not in r.text
    _resources_free_and_accounted(faulty, "rel-sse-1")


def test_never_ending_stream_is_cut_at_max_stream_seconds(faulty):
    # Without the cut this request never ends (pytest-timeout fails it); with it, the stream ends with the error.
    r = chat(faulty, faulty.key, stream=True, rid="rel-long-1", fault="never_end")
    assert r.status_code == 200
    assert _sse_events(r.text)[-1]["error"]["code"] == "stream_too_long"
    rec = _resources_free_and_accounted(faulty, "rel-long-1")
    assert rec["usage"]["output_tokens"] > 0, "what was streamed before the cut is accounted"


@pytest.mark.parametrize("status", [500, 503, 529])
def test_upstream_5xx_passes_through_in_the_upstream_body(faulty, teacher, status):
    rid = f"rel-5xx-{status}"
    r = chat(faulty, faulty.key, rid=rid, fault=f"status={status}")
    direct = httpx.post(teacher.openai_base_url + "/chat/completions", timeout=5,
                        headers={"x-mock-fault": f"status={status}"},
                        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]})
    assert r.status_code == direct.status_code == status
    assert r.json() == direct.json()
    rec = _resources_free_and_accounted(faulty, rid)
    assert rec["status"] == status and rec["decision"] == "upstream_error"


def test_anthropic_stream_reset_error_is_in_anthropic_dialect(faulty):
    r = httpx.post(faulty.url + "/v1/messages", timeout=15, headers={
        "x-api-key": faulty.key, "anthropic-version": "2023-06-01", "x-request-id": "rel-rst-an"},
        json={"model": "claude-mock-1", "max_tokens": 30, "stream": True,
              "messages": [{"role": "user", "content": "hi"}]} | {"model": "rst-claude"})
    assert r.status_code == 200
    tail = r.text.strip().split("\n\n")[-1]
    assert tail.startswith("event: error\ndata: ")
    assert json.loads(tail.split("data: ", 1)[1])["type"] == "error"
    _resources_free_and_accounted(faulty, "rel-rst-an")


def test_silent_upstream_stream_is_cut_at_max_stream_seconds(faulty):
    # Headers, then silence far longer than any timeout: the limit must hold without a next chunk to check the
    # clock on. A cut that waited for the upstream would come from the 30 s total timeout, with another error
    # code, or not at all before the client gives up (its 60 s read timeout raises) — no clock is read here.
    r = chat(faulty, faulty.key, stream=True, rid="rel-silent-1", fault="first_byte_delay_ms=600000", timeout=60)
    assert r.status_code == 200
    assert _sse_events(r.text)[-1]["error"]["code"] == "stream_too_long"
    _resources_free_and_accounted(faulty, "rel-silent-1")
