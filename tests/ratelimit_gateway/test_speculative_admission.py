"""Speculative admission across replicas: when an account's last admission on a replica left room, that
replica starts the upstream call while Redis answers the next admission. The answer still decides: a denial
aborts the upstream call and the client gets the 429 in its dialect, never upstream output. A replica that
has just seen a denial (or little room) waits for the answer before calling the upstream."""

from __future__ import annotations

import time
import uuid

import anthropic
import httpx
import openai
import pytest
import redis

from tests.ratelimit_gateway.helpers import metric

BUDGET = 8  # policies_replicas/behaviour.yaml, beh-speculation: 8 requests/hour per account


def _seen_by_teacher(cluster, marker: str) -> int:
    return sum(marker in str(r["body"]) for r in cluster.teacher.requests())


def _chat(gw, key: str, text: str, stream: bool = False) -> httpx.Response:
    body = {"model": "gpt-4o-mini", "max_tokens": 8, "stream": stream, "messages": [{"role": "user", "content": text}]}
    return httpx.post(gw.openai_base_url + "/chat/completions", json=body, headers={"authorization": f"Bearer {key}"},
                      timeout=10)


def test_a_speculated_admission_that_is_denied_aborts_the_upstream_call(cluster):
    first, other = cluster.gateways[0], cluster.gateways[1]
    key = cluster.keys["speculation"]
    denied_before = metric(first, "covenant_ratelimit_speculations_total", outcome="denied")
    assert _chat(first, key, "one").status_code == 200  # leaves 7 of 8: room for the next one to speculate
    for i in range(BUDGET - 1):  # another replica spends the rest of the hour's budget
        assert _chat(other, key, f"spend {i}").status_code == 200

    marker = f"speculated-{uuid.uuid4().hex}"
    client = openai.OpenAI(base_url=first.openai_base_url, api_key=key, max_retries=0)
    with pytest.raises(openai.RateLimitError) as err:
        client.chat.completions.create(model="gpt-4o-mini", stream=True, max_tokens=8,
                                       messages=[{"role": "user", "content": marker}])
    assert err.value.status_code == 429 and err.value.code == "rate_limited"
    assert "hourly" in err.value.message
    assert _seen_by_teacher(cluster, marker) == 1, "the upstream call was started while Redis answered"
    assert metric(first, "covenant_ratelimit_speculations_total", outcome="denied") == denied_before + 1

    # That denial left no room: the next request waits for the admission, and nothing goes upstream.
    marker = f"in-order-{uuid.uuid4().hex}"
    client = anthropic.Anthropic(base_url=first.url, api_key=key, max_retries=0)
    with pytest.raises(anthropic.RateLimitError) as aerr:
        client.messages.create(model="claude-3-5-haiku-latest", max_tokens=8,
                               messages=[{"role": "user", "content": marker}])
    assert aerr.value.status_code == 429 and aerr.value.body["type"] == "error"
    assert aerr.value.body["error"]["type"] == "rate_limit_error"
    assert _seen_by_teacher(cluster, marker) == 0
    assert metric(first, "covenant_ratelimit_speculations_total", outcome="denied") == denied_before + 1


def test_speculated_admissions_that_pass_serve_the_response_with_the_admission_headers(cluster):
    gw = cluster.gateways[2]
    key = cluster.keys["stream"]  # 10M tokens/day: every admission leaves ample room
    allowed_before = metric(gw, "covenant_ratelimit_speculations_total", outcome="allowed")
    for i in range(3):
        resp = _chat(gw, key, f"tell me about rivers {i}", stream=True)
        assert resp.status_code == 200 and "data: [DONE]" in resp.text
        assert int(resp.headers["x-ratelimit-remaining-tokens"]) > 0  # set by the admission, before the head
    # the first admission of this replica for the account had no history; the later ones speculated
    assert metric(gw, "covenant_ratelimit_speculations_total", outcome="allowed") >= allowed_before + 2


SPEC_LEASE_KEY = "cov:{acme}:rl:beh-spec-lease/slots:acct-spec-lease"  # policies_replicas/behaviour.yaml
SPEC_LOG_KEY = "cov:{acme}:rl:beh-spec-lease/log:acct-spec-lease"


def _eventually(read, expected, deadline_s: float = 10.0):
    end = time.monotonic() + deadline_s
    value = read()
    while value != expected and time.monotonic() < end:
        time.sleep(0.02)
        value = read()
    return value


def test_a_client_that_leaves_while_a_speculated_slot_is_being_taken_releases_it(cluster):
    """The upstream answered and the store is still taking the concurrency slot when the client leaves:
    the slot is released once the store's answer comes, not held until its lease (600 s) expires."""
    gw, r = cluster.gateways[1], redis.Redis.from_url(cluster.redis.url)
    key = cluster.keys["spec-lease"]
    assert _chat(gw, key, "one").status_code == 200  # leaves 3 of 4 slots: the next one speculates
    assert r.zcard(SPEC_LEASE_KEY) == 0 and r.zcard(SPEC_LOG_KEY) == 1
    # Redis holds back scripts (not the key lookup) for 400 ms: less than the store deadline (500 ms), far
    # more than the mock teacher takes to answer; the client gives up in between.
    r.execute_command("CLIENT", "PAUSE", 400, "WRITE")
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(gw.openai_base_url + "/chat/completions", timeout=0.2,
                   json={"model": "gpt-4o-mini", "max_tokens": 8, "messages": [{"role": "user", "content": "two"}]},
                   headers={"authorization": f"Bearer {key}"})
    assert _eventually(lambda: r.zcard(SPEC_LOG_KEY), 2) == 2, "the speculated admission ran in the store"
    assert _eventually(lambda: r.zcard(SPEC_LEASE_KEY), 0) == 0, "the slot is held until its lease expires"
