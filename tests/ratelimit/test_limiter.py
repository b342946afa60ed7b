"""Limiter semantics, with a controlled clock, on both stores."""

from __future__ import annotations

import pytest

from gateway.ratelimit import (
    LimitRule,
    Price,
    RateLimiter,
    RateLimitPolicy,
    Subject,
    TokenEstimate,
    Usage,
    compile_limits,
)
from gateway.ratelimit.limiter import state_key

T0 = 1_800_000_000.0  # a fixed epoch second (aligned to a 2-second window)
ALICE = Subject("acme", "alice", "k1", "gpt-4o", "/v1/chat/completions")
BOB = Subject("acme", "bob", "k2", "gpt-4o", "/v1/chat/completions")
EST = TokenEstimate(input_tokens=100, max_output_tokens=100)


def limits(*rules: LimitRule, **policy):
    return compile_limits(RateLimitPolicy(limits=rules, **policy)).limits


async def test_requests_rolling_window_is_exact(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="rpm", key=["account"], requests="3/10s"))
    for t in (0.0, 1.0, 2.0):
        assert (await rl.admit(lims, ALICE, EST, T0 + t)).allowed
    denied = await rl.admit(lims, ALICE, EST, T0 + 9.999)
    assert not denied.allowed and denied.denied_by == "rpm"
    # the oldest entry (t=0) leaves the window at t=10: retry-after says exactly that
    assert denied.retry_after_s == pytest.approx(0.001)
    assert (await rl.admit(lims, ALICE, EST, T0 + 10.0)).allowed
    assert not (await rl.admit(lims, ALICE, EST, T0 + 10.5)).allowed
    assert (await rl.admit(lims, ALICE, EST, T0 + 11.0)).allowed


async def test_limits_are_keyed_per_account(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="rpm", key=["account"], requests="1/minute"))
    assert (await rl.admit(lims, ALICE, EST, T0)).allowed
    assert not (await rl.admit(lims, ALICE, EST, T0 + 1)).allowed
    assert (await rl.admit(lims, BOB, EST, T0 + 1)).allowed
    other_tenant = Subject("globex", "alice", "k9", "gpt-4o", "/v1/chat/completions")
    assert (await rl.admit(lims, other_tenant, EST, T0 + 1)).allowed


async def test_denial_by_one_limit_charges_no_other(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="acct", key=["account"], requests="10/minute"),
                  LimitRule(name="tenant", requests="2/minute"))
    assert (await rl.admit(lims, ALICE, EST, T0)).allowed
    assert (await rl.admit(lims, BOB, EST, T0)).allowed
    for _ in range(5):
        a = await rl.admit(lims, ALICE, EST, T0 + 1)
        assert not a.allowed and a.denied_by == "tenant"
    acct = next(s for s in a.statuses if s.name == "acct")
    assert acct.remaining == 9  # the five denied requests were not counted against the account


async def test_tokens_reserved_then_settled_to_actual(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="tpd", tokens="1000 tokens/day"))
    a = await rl.admit(lims, ALICE, TokenEstimate(100, 400), T0)
    assert a.allowed and a.statuses[0].remaining == 500
    b = await rl.admit(lims, ALICE, TokenEstimate(100, 400), T0 + 1)
    assert b.allowed and b.statuses[0].remaining == 0
    c = await rl.admit(lims, ALICE, TokenEstimate(10, 10), T0 + 2)
    assert not c.allowed and c.denied_by == "tpd"
    await rl.settle(a.reservation, Usage(input_tokens=100, output_tokens=50))   # refunds 350
    await rl.settle(a.reservation, Usage(input_tokens=100, output_tokens=50))   # idempotent
    d = await rl.admit(lims, ALICE, TokenEstimate(100, 200), T0 + 3)
    assert d.allowed and d.statuses[0].remaining == 50


async def test_token_kinds_and_default_max_tokens(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="in", tokens="1000/day", token_kind="input"),
                  LimitRule(name="out", tokens="1000/day", token_kind="output"),
                  default_max_tokens=300)
    a = await rl.admit(lims, ALICE, TokenEstimate(input_tokens=120), T0)
    rem = {s.name: s.remaining for s in a.statuses}
    assert rem == {"in": 880, "out": 700}


async def test_tokens_window_is_a_calendar_day_in_utc(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="tpd", tokens="1000/day"))
    midnight = 1_800_057_600.0  # 2027-01-16T00:00:00Z
    assert (await rl.admit(lims, ALICE, TokenEstimate(500, 500), midnight - 1)).allowed
    assert not (await rl.admit(lims, ALICE, TokenEstimate(1, 1), midnight - 0.5)).allowed
    fresh = await rl.admit(lims, ALICE, TokenEstimate(500, 500), midnight)
    assert fresh.allowed and fresh.statuses[0].reset_s == pytest.approx(86_400)


async def test_concurrency_slots_released_and_crashed_leases_expire(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="conc", key=["account"], concurrency=2, lease_s=30))
    a = await rl.admit(lims, ALICE, EST, T0)
    b = await rl.admit(lims, ALICE, EST, T0)
    assert a.allowed and b.allowed
    c = await rl.admit(lims, ALICE, EST, T0 + 1)
    assert not c.allowed and c.denied_by == "conc" and c.retry_after_s == 1.0
    await rl.settle(a.reservation, Usage(0, 0))
    assert (await rl.admit(lims, ALICE, EST, T0 + 2)).allowed
    # b and the last one are never settled (replica crashed): their leases end after lease_s
    assert not (await rl.admit(lims, ALICE, EST, T0 + 29)).allowed
    assert (await rl.admit(lims, ALICE, EST, T0 + 30.001)).allowed


async def test_spend_priced_per_model(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="usd", spend="1 USD/day"),
                  prices=[Price(model="gpt-4o-mini*", input_usd_per_1m=0.15, output_usd_per_1m=0.6),
                          Price(model="*", input_usd_per_1m=2.5, output_usd_per_1m=10)])
    big = Subject("acme", "alice", "k1", "gpt-4o", "/v1/chat/completions")
    a = await rl.admit(lims, big, TokenEstimate(1000, 1000), T0)  # 2500 + 10000 micro-USD reserved
    assert a.allowed and a.statuses[0].remaining == 1_000_000 - 12_500
    await rl.settle(a.reservation, Usage(1000, 100))  # actual 2500 + 1000
    mini = Subject("acme", "alice", "k1", "gpt-4o-mini-2024-07-18", "/v1/chat/completions")
    b = await rl.admit(lims, mini, TokenEstimate(1000, 1000), T0 + 1)  # 150 + 600
    assert b.statuses[0].remaining == 1_000_000 - 3_500 - 750
    assert not (await rl.admit(lims, big, TokenEstimate(0, 100_000), T0 + 2)).allowed  # 1 USD


async def test_shadow_limits_record_without_rejecting(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="strict", requests="1/minute", mode="shadow"),
                  LimitRule(name="loose", requests="10/minute"))
    first = await rl.admit(lims, ALICE, EST, T0)
    assert first.allowed and first.shadow_denials == ()
    second = await rl.admit(lims, ALICE, EST, T0 + 1)
    assert second.allowed and second.shadow_denials == ("strict",) and second.denied_by is None
    assert {s.name: s.remaining for s in second.statuses} == {"strict": 0, "loose": 8}


async def test_model_globs_select_limits(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="4o", models=["gpt-4o*"], requests="1/minute"))
    assert (await rl.admit(lims, ALICE, EST, T0)).allowed
    assert not (await rl.admit(lims, ALICE, EST, T0 + 1)).allowed
    claude = Subject("acme", "alice", "k1", "claude-sonnet-4", "/v1/messages")
    a = await rl.admit(lims, claude, EST, T0 + 1)
    assert a.allowed and a.statuses == ()


async def test_keys_share_the_tenant_hash_tag_and_escape_separators():
    lims = limits(LimitRule(name="a", key=["tenant", "account", "model"], requests="1/s"),
                  LimitRule(name="b", requests="1/s"))
    odd = Subject("te:n{a}nt", "al:ice", "k", "m{x}", "/r")
    keys = [state_key(lim, odd) for lim in lims]
    assert keys == ["cov:{te%3An%7Ba%7Dnt}:rl:a:al%3Aice:m%7Bx%7D", "cov:{te%3An%7Ba%7Dnt}:rl:b"]


async def test_month_quota_is_a_calendar_month_in_utc(store):
    rl = RateLimiter(store)
    lims = limits(LimitRule(name="tpm", tokens="1000/month"))
    cases = [  # (a moment, seconds to the next 1st of the month 00:00 UTC)
        (1_830_297_599.5, 0.5),          # 2027-12-31T23:59:59.5Z -> 2028-01-01
        (1_832_976_000.0, 29 * 86_400),  # 2028-02-01T00:00:00Z -> 2028-03-01 (leap year)
        (1_802_692_800.0, 1_166_400),    # 2027-02-15T12:00:00Z -> 2027-03-01
    ]
    for now, to_reset in cases:
        a = await rl.admit(lims, Subject(f"t{now}"), TokenEstimate(600, 0), now)
        assert a.allowed and a.statuses[0].reset_s == pytest.approx(to_reset)
        assert not (await rl.admit(lims, Subject(f"t{now}"), TokenEstimate(600, 0), now)).allowed
    # the quota resets exactly at the month boundary
    boundary = 1_830_297_600.0
    assert (await rl.admit(lims, Subject(f"t{cases[0][0]}"), TokenEstimate(600, 0), boundary)).allowed
