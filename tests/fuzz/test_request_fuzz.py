"""Hostile request input: in-process properties of the parse path and the SSE processor, and
hypothesis-generated bodies and headers through a real gateway (a 4xx in the caller's dialect,
never a 500, and the process keeps serving)."""

from __future__ import annotations

import asyncio
import json

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.config import Limits
from gateway.dialects.sse import SSEProcessor
from gateway.errors import GatewayError, InvalidRequest
from gateway.pipeline import RequestContext, Usage
from gateway.routes import ROUTE_TABLE
from gateway.stages.parse import ParseStage
from tests.support.gateway import GatewayProcess

CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]
MESSAGES = ROUTE_TABLE[("POST", "/v1/messages")]
def _dumps(value) -> bytes:
    # json (not orjson): integers beyond 64 bits and lone surrogates (as \ud800 escapes) are valid inputs too
    return json.dumps(value).encode()


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                      max_size=4), max_leaves=20)
bodies = st.one_of(
    st.binary(max_size=300),
    json_values.map(_dumps),
    st.fixed_dictionaries({"model": json_values, "messages": json_values},
                          optional={"stream": json_values, "max_tokens": json_values, "n": json_values}
                          ).map(_dumps),
    st.integers(1, 300).map(lambda d: b'{"model":"m","messages":[],"x":' + b"[" * d + b"]" * d + b"}"),
    st.sampled_from([b'{"model": "\\ud800", "messages": [{"role": "user", "content": "\\udfff"}]}',
                     b'{"model": "m", "messages": [{"content": "\xff\xfe"}]}', b"\xef\xbb\xbf{}"]),
)


@settings(max_examples=300, deadline=None)
@given(body=bodies, anthropic=st.booleans())
def test_parse_stage_raises_only_clear_4xx(body, anthropic):
    ctx = RequestContext("r", MESSAGES if anthropic else CHAT, "", "", {})
    ctx.body = body
    try:
        asyncio.run(ParseStage(Limits(max_json_depth=32)).on_request(ctx))
    except InvalidRequest as exc:
        assert 400 <= exc.status < 500 and exc.code and exc.message
        rendered = orjson.loads(exc.body("anthropic" if anthropic else "openai"))
        assert rendered["type"] == "error" if anthropic else rendered["error"]["code"] == exc.code
        return
    assert isinstance(ctx.json, dict) and isinstance(ctx.model, str) and ctx.model


@settings(max_examples=200, deadline=None)
@given(stream=st.binary(max_size=400), cuts=st.lists(st.integers(0, 400), max_size=6),
       api=st.sampled_from(["openai.chat.completions", "anthropic.messages", "openai.responses"]))
def test_sse_processor_either_parses_or_raises_an_upstream_error(stream, cuts, api):
    proc = SSEProcessor(api, Usage(), None, True)
    pieces = [stream[a:b] for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(stream)], strict=True)]
    try:
        out = b"".join(proc.feed(p) for p in pieces) + proc.close()
    except GatewayError as exc:
        assert exc.status == 502
        return
    assert out == stream  # without transforms, bytes pass through unchanged


class _Upper:
    """An output transform that checks it is only ever handed text."""

    def feed(self, text):
        assert isinstance(text, str)
        return text.upper()

    def flush(self):
        return "."


_FIELDS = st.sampled_from(["choices", "index", "delta", "content", "text", "finish_reason", "logprobs", "usage",
                           "annotations", "output_index", "content_index", "item", "part", "response", "output",
                           "message", "prompt_tokens", "output_tokens", "input_tokens"])
_TYPES = st.sampled_from(["content_block_delta", "text_delta", "content_block_stop", "message_start", "message_delta",
                          "response.output_text.delta", "response.output_text.done", "response.completed",
                          "response.output_text.annotation.added", "response.content_part.done",
                          "response.output_item.done", "output_text"])
_SHAPES = st.recursive(st.none() | st.booleans() | st.integers(-2, 2) | st.text(max_size=3) | _TYPES,
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_FIELDS, inner, max_size=4),
                       max_leaves=20)
_ODD_EVENTS = st.lists(st.builds(lambda kind, fields: {**fields, "type": kind}, st.none() | _TYPES,
                                 st.dictionaries(_FIELDS, _SHAPES, max_size=5)), min_size=1, max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(events=_ODD_EVENTS, transform=st.booleans(),
       api=st.sampled_from(["openai.chat.completions", "openai.completions", "anthropic.messages", "openai.responses"]))
def test_sse_events_with_fields_of_unexpected_shapes_are_parsed_or_a_malformed_stream(events, transform, api):
    proc = SSEProcessor(api, Usage(), _Upper if transform else None, True, drop_usage=True)
    stream = b"".join(b"event: e\ndata: " + orjson.dumps(e) + b"\n\n" for e in events)
    try:
        proc.feed(stream)
        proc.close()
    except GatewayError as exc:
        assert exc.status == 502 and exc.code == "upstream_malformed_stream"


@pytest.fixture(scope="module")
def fuzzed(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*", "30-watermark*", "40-extraction*"))
    gw.key = gw.create_key("acme", "fuzzer")
    gw.start()
    yield gw
    gw.stop()


def _check_dialect(r: httpx.Response, anthropic: bool) -> None:
    assert r.status_code < 500, (r.status_code, r.text[:300])
    if r.status_code >= 400 and r.headers.get("content-type", "").startswith("application/json"):
        body = r.json()
        if anthropic and "type" in body:
            assert body["type"] == "error" and body["error"]["message"]
        else:
            assert "error" in body


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=bodies, anthropic=st.booleans())
def test_fuzzed_bodies_through_the_gateway(fuzzed, body, anthropic):
    if anthropic:
        r = httpx.post(fuzzed.url + "/v1/messages", content=body, timeout=15,
                       headers={"x-api-key": fuzzed.key, "anthropic-version": "2023-06-01"})
    else:
        r = httpx.post(fuzzed.openai_base_url + "/chat/completions", content=body, timeout=15,
                       headers={"authorization": f"Bearer {fuzzed.key}"})
    _check_dialect(r, anthropic)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=st.text(st.characters(min_codepoint=33, max_codepoint=126, exclude_characters=":"), min_size=1,
                    max_size=20), value=st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=200),
       dup=st.integers(1, 5))
def test_fuzzed_and_duplicated_headers(fuzzed, name, value, dup):
    headers = [("authorization", f"Bearer {fuzzed.key}"), *[(name, value)] * dup]
    try:
        r = httpx.post(fuzzed.openai_base_url + "/chat/completions", headers=headers, timeout=15,
                       json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]})
    except (httpx.LocalProtocolError, UnicodeEncodeError):
        return  # the client refused to send it
    _check_dialect(r, False)


def _raw(gw: GatewayProcess, head: bytes) -> bytes:
    import socket
    with socket.create_connection(("127.0.0.1", gw.port), timeout=10) as s:
        body = b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}'
        s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nauthorization: Bearer " + gw.key.encode()
                  + b"\r\n" + head + b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        return s.recv(65536)


@pytest.mark.parametrize("head", [b"x-request-id: abc\rset-cookie: pwned=1\r\n",
                                  b"x-request-id: abc\nset-cookie: pwned=1\r\n",
                                  b"x-request-id: abc\x00def\r\n",
                                  b"x-request-id: " + b"a" * 200 + b"\r\n"])
def test_header_injection_is_rejected_or_sanitised(fuzzed, head):
    reply = _raw(fuzzed, head)
    status = int(reply.split(b" ", 2)[1])
    assert status in (200, 400), reply[:200]
    head_part = reply.split(b"\r\n\r\n", 1)[0].lower()
    assert b"pwned" not in head_part
    rid = [line for line in head_part.split(b"\r\n") if line.startswith(b"x-request-id:")]
    assert all(b"\x00" not in line and len(line) < 160 for line in rid)


def test_enormous_headers_are_431_and_the_gateway_still_serves(fuzzed):
    reply = _raw(fuzzed, b"x-big: " + b"a" * (40 * 1024) + b"\r\n")
    assert reply.split(b" ", 2)[1] in (b"431", b"400"), reply[:200]
    ok = httpx.post(fuzzed.openai_base_url + "/chat/completions", headers={"authorization": f"Bearer {fuzzed.key}"},
                    json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "still there?"}]},
                    timeout=10)
    assert ok.status_code == 200 and json.loads(ok.text)["choices"]
