"""An upstream stream whose events parse as JSON but have fields of shapes their API never sends: the caller
gets an error event in its dialect (not a cut connection), and the upstream connection is closed at once, not
held with its pool slot until the total timeout."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.reliability.odd_stream_upstream import running_odd_stream_upstream
from tests.reliability.support import wait_for
from tests.support.gateway import GatewayProcess

EVENTS = {  # each a JSON object, but not shaped as its API writes it
    "odd-chat-delta": b'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"odd-chat-delta",'
                      b'"choices":[{"index":0,"delta":"text","finish_reason":null}],'
                      b'"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n',
    "odd-claude-delta": b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":"text"}\n\n',
}
ANSWERS = {  # whole JSON answers, likewise
    "odd-chat-answer": b'{"id":"c1","object":"chat.completion","created":1,"model":"odd-chat-answer","choices":5}',
    "odd-claude-answer": b'{"id":"m1","type":"message","role":"assistant","model":"odd-claude-answer","content":7}',
}


@pytest.fixture(scope="module")
def odd():
    with running_odd_stream_upstream(EVENTS | ANSWERS) as upstream:
        gw = GatewayProcess(upstream_url=upstream.url, drop_policies=("30-watermark*",), extra_config={
            "upstreams": [{"name": "odd", "dialect": "any", "base_url": upstream.url, "models": ["*"],
                           "timeouts": {"connect": 2, "first_byte": 10, "total": 120}}]})
        gw.key = gw.create_key("acme", "odd")
        gw.start()
        gw.upstream = upstream
        yield gw
        gw.stop()


def _stream(gw: GatewayProcess, model: str, stream: bool = True) -> httpx.Response | None:
    body = {"model": model, "messages": [{"role": "user", "content": "hello"}], "stream": stream, "max_tokens": 5}
    path, headers = "/v1/chat/completions", {"authorization": f"Bearer {gw.key}"}
    if model.startswith("odd-claude"):
        path, headers = "/v1/messages", {"x-api-key": gw.key, "anthropic-version": "2023-06-01"}
    try:
        return httpx.post(gw.url + path, json=body, timeout=20, headers=headers)
    except httpx.HTTPError:  # a connection cut mid-stream
        return None


def _last_data(r: httpx.Response) -> dict:
    return json.loads([line for line in r.text.splitlines() if line.startswith("data: ")][-1][6:])


def test_an_event_of_an_unexpected_shape_ends_the_stream_with_an_error_event_in_the_openai_dialect(odd):
    r = _stream(odd, "odd-chat-delta")
    assert r is not None and r.status_code == 200
    assert _last_data(r)["error"]["code"] == "upstream_malformed_stream"


def test_and_in_the_anthropic_dialect(odd):
    r = _stream(odd, "odd-claude-delta")
    assert r is not None and r.status_code == 200
    assert "event: error" in r.text
    error = _last_data(r)
    assert error["type"] == "error" and error["error"]["code"] == "upstream_malformed_stream"


def test_the_upstream_connection_of_a_stream_the_gateway_failed_on_is_closed_at_once(odd):
    _stream(odd, "odd-chat-delta")
    assert wait_for(lambda: "odd-chat-delta" in odd.upstream.closed_by_peer, timeout=15)


@pytest.mark.parametrize("model", sorted(ANSWERS))
def test_a_whole_answer_of_an_unexpected_shape_is_forwarded_as_the_upstream_sent_it(odd, model):
    r = _stream(odd, model, stream=False)
    assert r is not None and r.status_code == 200, r.text[:200]
    assert r.json() == json.loads(ANSWERS[model])
