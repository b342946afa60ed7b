"""Token usage of streams is settled, and a client leaving mid-stream releases its slot at once."""

from __future__ import annotations

import json
import time

import httpx
import orjson
import redis

from tests.ratelimit_gateway.helpers import add_redis_key

MAX_TOKENS = 60
TOKENS_KEY = "cov:{acme}:rl:beh-stream/tokens:"  # + account: policies_replicas/behaviour.yaml
LEASE_KEY = "cov:{acme}:rl:beh-single/one:"


def _counter(r: redis.Redis, account: str) -> int:
    return int(r.hget(TOKENS_KEY + account, "u") or 0)


def _wait_for(r: redis.Redis, account: str, expected: int, deadline_s: float = 10.0) -> int:
    """Settlement runs after the last byte is sent: poll the shared counter until it lands (or give up)."""
    end = time.monotonic() + deadline_s
    value = _counter(r, account)
    while value != expected and time.monotonic() < end:
        time.sleep(0.01)
        value = _counter(r, account)
    return value


def _stream(gw, key: str, body: dict, fault: str = "") -> tuple[str, dict | None]:
    """POST a streaming chat request; return the streamed text and the usage chunk (if any)."""
    text, usage = [], None
    headers = {"authorization": f"Bearer {key}", "content-type": "application/json"}
    if fault:
        headers["x-mock-fault"] = fault
    with httpx.stream("POST", gw.openai_base_url + "/chat/completions", content=orjson.dumps(body), timeout=30,
                      headers=headers) as resp:
        assert resp.status_code == 200, resp.read()
        for line in resp.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            text += [c["delta"].get("content") or "" for c in chunk.get("choices", [])]
            usage = chunk.get("usage") or usage
    return "".join(text), usage


def _body(stream_usage: bool) -> dict:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Describe a harbour at dawn."}],
            "max_tokens": MAX_TOKENS, "stream": True}
    if stream_usage:
        body["stream_options"] = {"include_usage": True}
    return body


def test_stream_with_usage_chunk_settles_to_the_reported_usage(cluster):
    gw, r = cluster.gateways[0], redis.Redis.from_url(cluster.redis.url)
    key = add_redis_key(cluster.redis.url, "acme", "stream-usage", case="stream")
    before = _counter(r, "stream-usage")
    text, usage = _stream(gw, key, _body(stream_usage=True))
    assert text and usage is not None
    settled = _wait_for(r, "stream-usage", before + usage["total_tokens"])
    reserved = len(orjson.dumps(_body(True))) // 4 + 1 + MAX_TOKENS
    print(f"\nstream with usage: reserved {reserved}, reported {usage['total_tokens']}, counter {settled - before}")
    assert settled - before == usage["total_tokens"]


def test_stream_without_include_usage_settles_to_the_upstreams_usage_all_the_same(cluster):
    """The gateway asks the upstream for the usage chunk on the caller's behalf and keeps it to itself:
    the caller's stream is what it asked for, and the counter is charged what the upstream reported."""
    gw, r = cluster.gateways[1], redis.Redis.from_url(cluster.redis.url)
    key = add_redis_key(cluster.redis.url, "acme", "stream-exact", case="stream")
    twin = add_redis_key(cluster.redis.url, "acme", "stream-twin", case="stream")
    # The mock teacher answers the same prompt the same way: the twin's usage chunk is this stream's usage.
    _, reported = _stream(gw, twin, _body(stream_usage=True))
    cluster.teacher.clear_requests()
    before = _counter(r, "stream-exact")
    text, usage = _stream(gw, key, _body(stream_usage=False))
    assert text and usage is None, "the caller did not ask for the usage chunk and does not get it"
    (sent,) = cluster.teacher.requests()
    assert sent["body"]["stream_options"] == {"include_usage": True}
    settled = _wait_for(r, "stream-exact", before + reported["total_tokens"])
    estimate = len(orjson.dumps(_body(False))) // 4 + 1 + (len(text) + 3) // 4
    print(f"\nstream without include_usage: charged {settled - before}, reported {reported['total_tokens']}, "
          f"the text-count estimate would have been {estimate}")
    assert settled - before == reported["total_tokens"]


def test_stream_from_an_upstream_that_reports_no_usage_settles_to_the_counted_text(cluster):
    gw, r = cluster.gateways[1], redis.Redis.from_url(cluster.redis.url)
    key = add_redis_key(cluster.redis.url, "acme", "stream-count", case="stream")
    body = _body(stream_usage=False)
    before = _counter(r, "stream-count")
    text, usage = _stream(gw, key, body, fault="no_stream_usage")
    assert text and usage is None
    # No usage block: the prompt is charged at its admission estimate (body bytes / 4 + 1) and the
    # output at the counted text (~4 characters per token).
    expected = len(orjson.dumps(body)) // 4 + 1 + (len(text) + 3) // 4
    settled = _wait_for(r, "stream-count", before + expected)
    print(f"\nstream without usage: {len(text)} chars streamed, expected charge {expected}, counter {settled - before}")
    assert settled - before == expected


def test_client_disconnect_mid_stream_releases_the_concurrency_slot(cluster):
    gw, r = cluster.gateways[2], redis.Redis.from_url(cluster.redis.url)
    key = add_redis_key(cluster.redis.url, "acme", "single-slot", case="single")
    headers = {"authorization": f"Bearer {key}", "content-type": "application/json"}
    url = gw.openai_base_url + "/chat/completions"
    plain = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 5})
    with httpx.Client(timeout=30) as http:
        # A stream that never ends holds the only slot...
        with http.stream("POST", url, content=orjson.dumps(_body(False)),
                         headers={**headers, "x-mock-fault": "never_end"}) as resp:
            assert resp.status_code == 200
            chunks = resp.iter_bytes()  # kept: dropping the iterator would close the response
            assert next(chunks)  # the stream is flowing
            assert r.zcard(LEASE_KEY + "single-slot") == 1
            blocked = http.post(url, content=plain, headers=headers)
            assert blocked.status_code == 429, "the cap of 1 is held by the open stream"
            assert int(blocked.headers["retry-after"]) >= 1
            assert next(chunks)  # still streaming
        left = time.monotonic()  # ...until the client goes away mid-stream.
        statuses = []
        while time.monotonic() - left < 10:
            statuses.append(http.post(url, content=plain, headers=headers).status_code)
            if statuses[-1] == 200:
                break
            time.sleep(0.02)
    print(f"\ndisconnect: next request admitted {time.monotonic() - left:.3f}s after the client left "
          f"(attempts: {statuses})")
    assert statuses[-1] == 200, "the slot was not released after the disconnect (lease_s is 600 s)"
    # The admitted request settles its own lease after its response has been sent: wait for that
    # (a bound against hanging, not a timing assertion), then no lease may be left.
    deadline = time.monotonic() + 10
    while r.zcard(LEASE_KEY + "single-slot") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert r.zcard(LEASE_KEY + "single-slot") == 0


def test_an_answer_without_a_usage_block_settles_to_the_counted_text(cluster):
    """The same estimate for a whole JSON answer as for a stream: it was once charged nothing at all."""
    gw, r = cluster.gateways[1], redis.Redis.from_url(cluster.redis.url)
    key = add_redis_key(cluster.redis.url, "acme", "json-count", case="stream")
    body = {**_body(stream_usage=False), "stream": False}
    before = _counter(r, "json-count")
    resp = httpx.post(gw.openai_base_url + "/chat/completions", content=orjson.dumps(body), timeout=30,
                      headers={"authorization": f"Bearer {key}", "content-type": "application/json",
                               "x-mock-fault": "no_usage"})
    assert resp.status_code == 200 and "usage" not in resp.json()
    text = resp.json()["choices"][0]["message"]["content"]
    expected = len(orjson.dumps(body)) // 4 + 1 + (len(text) + 3) // 4
    settled = _wait_for(r, "json-count", before + expected)
    print(f"\nanswer without usage: {len(text)} chars, expected charge {expected}, counter {settled - before}")
    assert settled - before == expected
