"""Rate-limit headers in each dialect, from real admissions."""

from __future__ import annotations

import pytest

from gateway.ratelimit import (
    LimitRule,
    RateLimiter,
    RateLimitPolicy,
    Subject,
    TokenEstimate,
    compile_limits,
    headers_for,
)
from gateway.ratelimit.headers import go_duration, wait_text

T0 = 1_800_000_000.0
WHO = Subject("acme", "alice", "k1", "gpt-4o", "/v1/chat/completions")


def test_go_duration_format():
    assert [go_duration(s) for s in (0.02, 1, 1.5, 360, 3723.25)] == ["20ms", "1s", "1.5s", "6m0s", "1h2m3.25s"]


async def test_openai_and_anthropic_headers(store):
    lims = compile_limits(RateLimitPolicy(limits=[
        LimitRule(name="rpm", key=["account"], requests="2/minute"),
        LimitRule(name="rps-loose", requests="100/second"),
        LimitRule(name="tpm", tokens="10k/day"),
        LimitRule(name="in", tokens="5k/day", token_kind="input"),
        LimitRule(name="shadow", requests="1/minute", mode="shadow"),
    ])).limits
    rl = RateLimiter(store)
    ok = await rl.admit(lims, WHO, TokenEstimate(100, 100), T0)
    assert headers_for(ok, "openai") == [
        ("x-ratelimit-limit-requests", "2"), ("x-ratelimit-remaining-requests", "1"),
        ("x-ratelimit-reset-requests", "1m0s"),
        ("x-ratelimit-limit-tokens", "5000"), ("x-ratelimit-remaining-tokens", "4900"),
        ("x-ratelimit-reset-tokens", "16h0m0s"),
    ]
    await rl.admit(lims, WHO, TokenEstimate(100, 100), T0 + 20)
    denied = await rl.admit(lims, WHO, TokenEstimate(100, 100), T0 + 30)
    assert not denied.allowed
    anthropic = dict(headers_for(denied, "anthropic"))
    assert anthropic == {
        "anthropic-ratelimit-requests-limit": "2",
        "anthropic-ratelimit-requests-remaining": "0",
        "anthropic-ratelimit-requests-reset": "2027-01-15T08:01:20Z",
        "anthropic-ratelimit-tokens-limit": "10000",
        "anthropic-ratelimit-tokens-remaining": "9600",
        "anthropic-ratelimit-tokens-reset": "2027-01-16T00:00:00Z",
        "anthropic-ratelimit-input-tokens-limit": "5000",
        "anthropic-ratelimit-input-tokens-remaining": "4800",
        "anthropic-ratelimit-input-tokens-reset": "2027-01-16T00:00:00Z",
        "retry-after": "30",
        "retry-after-ms": "30000",
    }


@pytest.mark.parametrize(("seconds", "text"), [(0.004, "0.004s"), (0.4, "0.4s"), (3.62, "3.6s"), (36.2, "37s"),
                                               (150, "2m30s"), (3600, "1h"), (3599.2, "1h"), (3900, "1h05m"),
                                               (86_400, "24h")])
def test_the_429_message_says_the_wait_as_people_read_it(seconds: float, text: str) -> None:
    assert wait_text(seconds) == text


async def test_anthropic_reset_times_are_never_before_the_limit_resets(store):
    """RFC 3339 times are written in whole seconds: rounded up, so that a client that waits until the reset time
    finds the limit reset (truncated, 2/second admitted at .25 said '…:01Z' for a reset at 1.25 s)."""
    lims = compile_limits(RateLimitPolicy(limits=[LimitRule(name="rps", key=["account"], requests="2/second")])).limits
    rl = RateLimiter(store)
    await rl.admit(lims, WHO, TokenEstimate(1), T0 + 0.25)
    full = await rl.admit(lims, WHO, TokenEstimate(1), T0 + 0.5)
    reset = dict(headers_for(full, "anthropic"))["anthropic-ratelimit-requests-reset"]
    assert reset == "2027-01-15T08:00:02Z"  # T0 + 1.5 s, the end of the second the limit is back in
    assert not (await rl.admit(lims, WHO, TokenEstimate(1), T0 + 1.0)).allowed
    assert (await rl.admit(lims, WHO, TokenEstimate(1), T0 + 1.5)).allowed
