"""The output a request reserves against a token quota is what it may generate: the request's max_tokens, or
the policy's default_max_tokens, for each of its `n` answers. Routes that generate nothing (embeddings,
Anthropic's token count, the model list) reserve none: they are admitted while the quota has room for what
they send, and charged what the upstream reports."""

from __future__ import annotations

import time

import httpx
import redis

from gateway.mock_teacher.prose import count_tokens

COUNTER_KEY = "cov:{acme}:rl:beh-no-output/daily:acct-no-output"  # policies_replicas/behaviour.yaml
CHOICES_KEY = "cov:{acme}:rl:beh-choices/daily:acct-choices"
LIMIT = 5000


def _used(r: redis.Redis, key: str = COUNTER_KEY) -> int:
    return int(r.hget(key, "u") or 0)


def _settled(r: redis.Redis, expected: int, key: str = COUNTER_KEY, deadline_s: float = 10.0) -> int:
    end = time.monotonic() + deadline_s
    while _used(r, key) != expected and time.monotonic() < end:
        time.sleep(0.01)
    return _used(r, key)


def test_a_request_for_several_answers_without_max_tokens_reserves_the_default_for_each(cluster):
    """9k tokens a day, default_max_tokens 1000, requests for 8 answers: each may produce 8,000 tokens, so
    once one has used its ~2k, the next no longer fits (with 1,000 reserved, five fitted: ~10k used)."""
    gw, r = cluster.gateways[2], redis.Redis.from_url(cluster.redis.url)
    headers = {"authorization": f"Bearer {cluster.keys['choices']}"}
    body = {"model": "gpt-4o-mini", "n": 8, "messages": [{"role": "user", "content": "Name a river."}]}
    used, statuses = 0, []
    for _ in range(6):
        resp = httpx.post(gw.openai_base_url + "/chat/completions", headers=headers, json=body, timeout=30)
        statuses.append(resp.status_code)
        if resp.status_code != 200:
            break
        used += resp.json()["usage"]["total_tokens"]
        assert _settled(r, used, CHOICES_KEY) == used
    assert used <= 9_000, f"the quota was passed: {used} tokens used after {statuses}"
    assert statuses == [200, 429]


def test_routes_without_output_are_admitted_while_the_quota_has_room_for_their_input(cluster):
    gw, r = cluster.gateways[0], redis.Redis.from_url(cluster.redis.url)
    key = cluster.keys["no-output"]
    openai_headers = {"authorization": f"Bearer {key}"}
    chat = httpx.post(gw.openai_base_url + "/chat/completions", headers=openai_headers, timeout=30,
                      json={"model": "gpt-4o-mini", "max_tokens": 1500, "messages": [{"role": "user", "content": "hi"}]})
    assert chat.status_code == 200, chat.text
    used = chat.json()["usage"]["total_tokens"]
    assert _settled(r, used) == used
    assert LIMIT - used < 4096  # less left than a generating request without max_tokens reserves

    emb = httpx.post(gw.openai_base_url + "/embeddings", headers=openai_headers, timeout=30,
                     json={"model": "text-embedding-3-small", "input": "hello"})
    assert emb.status_code == 200, emb.text
    assert int(emb.headers["x-ratelimit-remaining-tokens"]) > LIMIT - used - 100  # its input only
    used += emb.json()["usage"]["prompt_tokens"]
    assert _settled(r, used) == used

    models = httpx.get(gw.openai_base_url + "/models", headers=openai_headers, timeout=30)
    assert models.status_code == 200, models.text
    counted = httpx.post(gw.url + "/v1/messages/count_tokens", timeout=30,
                         headers={"x-api-key": key, "anthropic-version": "2023-06-01"},
                         json={"model": "claude-3-5-haiku-latest", "messages": [{"role": "user", "content": "hi"}]})
    assert counted.status_code == 200, counted.text
    assert _settled(r, used) == used  # neither generated nor reported anything to charge


def test_a_request_larger_than_the_whole_quota_is_told_so_not_to_come_back_later(cluster):
    """max_tokens above the whole 9k-token quota: no window will ever admit it, so the 429 says what to change
    instead of 'retry after 14h' (and carries no retry-after for a client to wait on)."""
    gw = cluster.gateways[1]
    resp = httpx.post(gw.openai_base_url + "/chat/completions", timeout=30,
                      headers={"authorization": f"Bearer {cluster.keys['choices']}"},
                      json={"model": "gpt-4o-mini", "max_tokens": 20_000,
                            "messages": [{"role": "user", "content": "Name a river."}]})
    assert resp.status_code == 429
    error = resp.json()["error"]
    assert error["code"] == "rate_limited"
    assert error["message"].startswith("this request alone exceeds rate limit 'daily'"), error["message"]
    assert "retry-after" not in resp.headers and "retry-after-ms" not in resp.headers
    assert resp.headers["x-ratelimit-limit-tokens"] == "9000"


def test_a_legacy_completion_reserves_output_for_each_best_of_candidate(cluster):
    """`best_of` returns the best `n` completions but generates, and is charged for, every candidate: eight
    candidates of up to 1,200 tokens may use 9,600, more than the whole 9k-token quota, so the request is
    refused up front; four (4,800) are served, and charged for all four."""
    gw = cluster.gateways[1]
    headers = {"authorization": f"Bearer {cluster.keys['choices']}"}
    body = {"model": "gpt-3.5-turbo-instruct", "max_tokens": 1200, "prompt": "Name a river."}
    refused = httpx.post(gw.openai_base_url + "/completions", headers=headers, json={**body, "best_of": 8},
                         timeout=30)
    assert refused.status_code == 429, refused.text
    assert refused.json()["error"]["message"].startswith("this request alone exceeds rate limit 'daily'")

    served = httpx.post(gw.openai_base_url + "/completions", headers=headers, json={**body, "best_of": 4},
                        timeout=30)
    assert served.status_code == 200, served.text
    (choice,) = served.json()["choices"]
    # the mock teacher counts tokens as below: equal would mean only the returned candidate was charged
    assert served.json()["usage"]["completion_tokens"] > count_tokens(choice["text"])


def test_best_of_must_be_a_non_negative_integer(cluster):
    resp = httpx.post(cluster.gateways[0].openai_base_url + "/completions", timeout=30,
                      headers={"authorization": f"Bearer {cluster.keys['choices']}"},
                      json={"model": "gpt-3.5-turbo-instruct", "best_of": "eight", "prompt": "Name a river."})
    assert resp.status_code == 400
    assert resp.json()["error"]["param"] == "best_of"
