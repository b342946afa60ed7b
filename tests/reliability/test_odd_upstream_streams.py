"""An upstream stream the gateway fails on mid-way (here: an event whose shape the SSE reader cannot read):
the upstream connection is closed at once, not held with its pool slot until the total timeout."""

from __future__ import annotations

import httpx
import pytest

from tests.reliability.odd_stream_upstream import running_odd_stream_upstream
from tests.reliability.support import wait_for
from tests.support.gateway import GatewayProcess

EVENTS = {  # each a JSON object, but not shaped as its API writes it
    "odd-chat-delta": b'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"odd-chat-delta",'
                      b'"choices":[{"index":0,"delta":"text","finish_reason":null}],'
                      b'"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n',
}


@pytest.fixture(scope="module")
def odd():
    with running_odd_stream_upstream(EVENTS) as upstream:
        gw = GatewayProcess(upstream_url=upstream.url, drop_policies=("30-watermark*",), extra_config={
            "upstreams": [{"name": "odd", "dialect": "any", "base_url": upstream.url, "models": ["*"],
                           "timeouts": {"connect": 2, "first_byte": 10, "total": 120}}]})
        gw.key = gw.create_key("acme", "odd")
        gw.start()
        gw.upstream = upstream
        yield gw
        gw.stop()


def _stream(gw: GatewayProcess, model: str) -> httpx.Response | None:
    body = {"model": model, "messages": [{"role": "user", "content": "hello"}], "stream": True, "max_tokens": 5}
    try:
        return httpx.post(gw.openai_base_url + "/chat/completions", json=body, timeout=20,
                          headers={"authorization": f"Bearer {gw.key}"})
    except httpx.HTTPError:  # a connection cut mid-stream
        return None


def test_the_upstream_connection_of_a_stream_the_gateway_failed_on_is_closed_at_once(odd):
    _stream(odd, "odd-chat-delta")
    assert wait_for(lambda: "odd-chat-delta" in odd.upstream.closed_by_peer, timeout=15)
