"""Rate strings are parsed once, at compile time; bad input gets an exact, helpful message."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gateway.ratelimit import LimitRule, RateLimitPolicy, parse_rate


@pytest.mark.parametrize(("text", "measure", "amount", "period_ms"), [
    ("100/minute", "requests", 100, 60_000),
    ("60 per minute", "requests", 60, 60_000),
    ("1.5k requests/5 minutes", "requests", 1500, 300_000),
    ("100/10s", "requests", 100, 10_000),
    ("2M tokens/day", "tokens", 2_000_000, 86_400_000),
    ("5M/month", "tokens", 5_000_000, 0),
    ("10 USD/day", "spend", 10_000_000, 86_400_000),
    ("0.25 usd/hour", "spend", 250_000, 3_600_000),
])
def test_valid_rates(text, measure, amount, period_ms):
    rate = parse_rate(text, measure)
    assert (rate.amount, rate.period_ms) == (amount, period_ms)
    assert rate.calendar_month == (period_ms == 0)


@pytest.mark.parametrize(("text", "measure", "message"), [
    ("abc", "requests", "'abc': expected '<amount>/<period>', e.g. '100/minute'"),
    ("100", "tokens", "'100': expected '<amount>/<period>', e.g. '2M tokens/day'"),
    ("100/fortnight", "requests", "'100/fortnight': unknown period 'fortnight' (use second, minute, hour, day or month)"),
    ("10 EUR/day", "spend", "'10 EUR/day': spend must be written in USD, e.g. '10 USD/day'"),
    ("10/day", "spend", "'10/day': spend must be written in USD, e.g. '10 USD/day'"),
    ("10 tokens/minute", "requests", "'10 tokens/minute': unit 'tokens' is not requests, e.g. '100/minute'"),
    ("1.5/minute", "requests", "'1.5/minute': the amount must be a whole number of requests"),
    ("0/minute", "requests", "'0/minute': the amount must be positive"),
    ("0 per 0 s", "requests", "'0 per 0 s': the period multiplier must be at least 1"),
    ("1/1000000000000 days", "requests", "'1/1000000000000 days': the window is longer than a year (366 days); the "
                                         "stores cannot keep it"),
    ("5/367 d", "requests", "'5/367 d': the window is longer than a year (366 days); the stores cannot keep it"),
    ("10/month", "requests", "'10/month': request windows are rolling; use second, minute, hour or day, not month"),
    ("1M/2 months", "tokens", "'1M/2 months': month windows are calendar months; write '/month', not '/2 months'"),
    ("0.0000001 USD/day", "spend", "'0.0000001 USD/day': the amount must be a whole number of micro-USD"),
])
def test_bad_rates_have_exact_messages(text, measure, message):
    with pytest.raises(ValueError) as err:
        parse_rate(text, measure)
    assert str(err.value) == message


def test_policy_errors_name_the_problem():
    with pytest.raises(ValidationError, match="'100/fortnight': unknown period 'fortnight'"):
        LimitRule(name="x", requests="100/fortnight")
    with pytest.raises(ValidationError, match="limit 'x': set exactly one of requests, tokens, concurrency, spend "
                                              r"\(got requests, concurrency\)"):
        LimitRule(name="x", requests="1/s", concurrency=3)
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        LimitRule(name="x", requests="1/s", burst=3)
    with pytest.raises(ValidationError, match="duplicate limit names: a"):
        RateLimitPolicy(limits=[LimitRule(name="a", requests="1/s"), LimitRule(name="a", concurrency=1)])
    with pytest.raises(ValidationError, match="spend limits need a price for every model: add a catch-all price"):
        RateLimitPolicy(limits=[LimitRule(name="usd", spend="1 USD/day")])


@pytest.mark.parametrize(("lease_s", "message"), [
    (float("inf"), "Input should be a finite number"),  # crashed the gateway's start: "cannot convert float infinity"
    (0.0004, "Input should be greater than or equal to 0.001"),  # a 0-ms lease: the cap was never enforced
    (1e20, "Input should be less than or equal to 31536000"),  # beyond what Redis expires: a store error every time
])
def test_a_lease_the_stores_cannot_hold_is_refused(lease_s, message):
    with pytest.raises(ValidationError, match=message):
        LimitRule(name="x", concurrency=2, lease_s=lease_s)


def test_policy_block_is_frozen_and_documented():
    rule = LimitRule(name="x", requests="1/s")
    with pytest.raises(ValidationError):
        rule.name = "y"
    for model in (LimitRule, RateLimitPolicy):
        assert all(f.description for f in model.model_fields.values())
