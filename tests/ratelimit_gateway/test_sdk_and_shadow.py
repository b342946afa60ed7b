"""The official SDKs see rate limits as their own: typed errors with the headers, retries that honour
Retry-After, the same header families on success. Shadow limits never reject but are counted."""

from __future__ import annotations

import re
import time

import anthropic
import httpx
import openai
import pytest

from tests.ratelimit_gateway.helpers import add_redis_key, metric

MESSAGES = [{"role": "user", "content": "Name three rivers."}]
OPENAI_FAMILY = ["x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
                 "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens"]
ANTHROPIC_FAMILY = ["anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
                    "anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-limit",
                    "anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-reset"]


class Attempts:
    """Counts the HTTP requests the SDK really sends (its retries included)."""

    def __init__(self) -> None:
        self.statuses: list[int] = []

    def __call__(self, response: httpx.Response) -> None:
        self.statuses.append(response.status_code)


def _openai(gw, key: str, retries: int, attempts: Attempts | None = None) -> openai.OpenAI:
    hooks = {"response": [attempts]} if attempts else {}
    return openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=retries,
                         http_client=httpx.Client(event_hooks=hooks, timeout=30))


def _anthropic(gw, key: str, retries: int, attempts: Attempts | None = None) -> anthropic.Anthropic:
    hooks = {"response": [attempts]} if attempts else {}
    # This anthropic release ships its own httpx fork; its default client takes the same hooks.
    return anthropic.Anthropic(base_url=gw.url, api_key=key, max_retries=retries,
                               http_client=anthropic.DefaultHttpxClient(event_hooks=hooks, timeout=30))


def test_openai_sdk_rate_limit_error_carries_the_headers_and_retries_succeed(cluster):
    gw = cluster.gateways[0]
    key = add_redis_key(cluster.redis.url, "acme", "sdk-openai", case="sdk")
    client = _openai(gw, key, retries=0)
    ok = client.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=10)
    assert all(h in ok.headers for h in OPENAI_FAMILY), dict(ok.headers)
    assert ok.headers["x-ratelimit-limit-requests"] == "2"
    assert ok.headers["x-ratelimit-remaining-requests"] == "1"
    client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=10)
    with pytest.raises(openai.RateLimitError) as err:
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=10)
    headers = err.value.response.headers
    assert err.value.status_code == 429
    assert all(h in headers for h in OPENAI_FAMILY)
    assert headers["x-ratelimit-remaining-requests"] == "0"
    assert int(headers["retry-after"]) == 1 and 0 < int(headers["retry-after-ms"]) <= 1000
    assert err.value.body["code"] == "rate_limited"
    assert re.fullmatch(r"rate limit 'per-second' exceeded; retry after (0\.\d+|1\.0)s", err.value.body["message"])

    attempts = Attempts()
    retrying = _openai(gw, key, retries=2, attempts=attempts)
    started = time.monotonic()
    out = retrying.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=10)
    print(f"\nopenai SDK: attempts {attempts.statuses}, succeeded after {time.monotonic() - started:.2f}s")
    assert out.choices[0].message.content
    assert attempts.statuses[0] == 429 and attempts.statuses[-1] == 200


def test_anthropic_sdk_rate_limit_error_carries_the_headers_and_retries_succeed(cluster):
    gw = cluster.gateways[1]
    key = add_redis_key(cluster.redis.url, "acme", "sdk-anthropic", case="sdk")
    client = _anthropic(gw, key, retries=0)
    ok = client.messages.with_raw_response.create(model="claude-mock-1", max_tokens=10, messages=MESSAGES)
    assert all(h in ok.headers for h in ANTHROPIC_FAMILY), dict(ok.headers)
    assert not any(h.startswith("x-ratelimit-") for h in ok.headers)
    client.messages.create(model="claude-mock-1", max_tokens=10, messages=MESSAGES)
    with pytest.raises(anthropic.RateLimitError) as err:
        client.messages.create(model="claude-mock-1", max_tokens=10, messages=MESSAGES)
    headers = err.value.response.headers
    assert err.value.status_code == 429
    assert all(h in headers for h in ANTHROPIC_FAMILY)
    assert headers["anthropic-ratelimit-requests-remaining"] == "0"
    assert int(headers["retry-after"]) == 1
    assert err.value.body["type"] == "error" and err.value.body["error"]["type"] == "rate_limit_error"

    attempts = Attempts()
    retrying = _anthropic(gw, key, retries=2, attempts=attempts)
    started = time.monotonic()
    out = retrying.messages.create(model="claude-mock-1", max_tokens=10, messages=MESSAGES)
    print(f"\nanthropic SDK: attempts {attempts.statuses}, succeeded after {time.monotonic() - started:.2f}s")
    assert out.content[0].text
    assert attempts.statuses[0] == 429 and attempts.statuses[-1] == 200


def test_shadow_limit_never_rejects_but_counts_would_be_rejections(cluster):
    gw = cluster.gateways[2]
    key = add_redis_key(cluster.redis.url, "acme", "shadowed", case="shadow")
    client = _openai(gw, key, retries=0)
    labels = {"limit": "trial-shadow", "mode": "shadow"}
    before = metric(gw, "covenant_ratelimit_rejections_total", **labels)
    for _ in range(4):  # the shadow limit is 1/minute
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
    after = metric(gw, "covenant_ratelimit_rejections_total", **labels)
    assert after - before == 3
    assert metric(gw, "covenant_ratelimit_rejections_total", limit="trial-shadow", mode="enforce") == 0
