"""The `rate_limits` policy block and its compiled, frozen form.

Windows, model globs, prices and key prefixes are built here once per policy version;
the request path only formats keys and adds integers.
"""

from __future__ import annotations

import fnmatch
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gateway.ratelimit.windows import MICRO, Rate, parse_rate
from gateway.store.base import OpKind

KeyPart = Literal["tenant", "account", "key", "model", "route"]
TokenKind = Literal["input", "output", "total"]


class LimitRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Unique name of the limit; appears in 429 bodies, metrics and the audit log.",
                      pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    key: tuple[KeyPart, ...] = Field(
        default=("tenant",),
        description="Who shares one budget: any of tenant, account, key, model, route. Every limit is scoped "
                    "to the tenant (the tenant is always part of the key), e.g. [account] = each account.")
    models: tuple[str, ...] | None = Field(
        default=None, description="Apply only to requests for these models (globs, e.g. 'gpt-4o*'); all if unset.")
    requests: str | None = Field(default=None, description="Requests per rolling window, e.g. '60/minute'.")
    tokens: str | None = Field(
        default=None, description="Tokens per fixed UTC window (day, month...), reserved at admission and settled "
                                  "to actual usage, e.g. '2M tokens/day'.")
    token_kind: TokenKind = Field(default="total", description="Which tokens `tokens` counts: input, output or total.")
    concurrency: int | None = Field(default=None, ge=1, description="Maximum requests in flight at once.")
    lease_s: float = Field(
        # At least the stores' 1 ms (less was a 0-ms lease: no cap at all), at most a year (Redis refuses expiries
        # far beyond; infinity broke the policy's compilation).
        default=600.0, ge=0.001, le=31_536_000, allow_inf_nan=False,
        description="Concurrency only: a slot not released within this time (a crashed replica) expires; set it "
                    "above the longest request you allow (1 ms to a year).")
    spend: str | None = Field(
        default=None, description="USD per fixed UTC window, priced from `prices`, e.g. '10 USD/day'.")
    mode: Literal["enforce", "shadow"] = Field(
        default="enforce", description="shadow: record would-be rejections in metrics and audit, never reject.")
    when: Literal["always", "throttled"] = Field(
        default="always", description="throttled: applies only to principals the extraction detector throttles "
                                      "with this limit's name (an extraction action `throttle` with `rate_limit`).")

    @model_validator(mode="after")
    def _one_measure(self) -> LimitRule:
        given = [f for f in ("requests", "tokens", "concurrency", "spend") if getattr(self, f) is not None]
        if len(given) != 1:
            raise ValueError(f"limit {self.name!r}: set exactly one of requests, tokens, concurrency, spend "
                             f"(got {', '.join(given) or 'none'})")
        if self.requests is not None:
            parse_rate(self.requests, "requests")
        if self.tokens is not None:
            parse_rate(self.tokens, "tokens")
        if self.spend is not None:
            parse_rate(self.spend, "spend")
        if len(set(self.key)) != len(self.key):
            raise ValueError(f"limit {self.name!r}: key has a repeated part: {list(self.key)}")
        return self


class Price(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(description="Model glob, e.g. 'gpt-4o-mini*' or '*' for a catch-all; first match wins.")
    input_usd_per_1m: float = Field(ge=0, description="USD per million input (prompt) tokens.")
    output_usd_per_1m: float = Field(ge=0, description="USD per million output (completion) tokens.")


class RateLimitPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: tuple[LimitRule, ...] = Field(default=(), description="Limits checked together, in one store round trip.")
    prices: tuple[Price, ...] = Field(default=(), description="Price table for spend limits (first match wins).")
    default_max_tokens: int = Field(
        default=4096, ge=1, description="Output tokens reserved when a request sets no max_tokens, for each of its `n` "
                                        "answers.")
    on_store_error: Literal["open", "closed"] = Field(
        default="closed", description="When the store is unreachable: open admits without limits, closed rejects "
                                      "with 503. Either way the outage is counted and logged.")

    @field_validator("limits")
    @classmethod
    def _unique_names(cls, limits: tuple[LimitRule, ...]) -> tuple[LimitRule, ...]:
        names = [lim.name for lim in limits]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate limit names: {', '.join(dupes)}")
        return limits

    @model_validator(mode="after")
    def _spend_needs_catch_all_price(self) -> RateLimitPolicy:
        if any(lim.spend for lim in self.limits) and not any(p.model == "*" for p in self.prices):
            raise ValueError("spend limits need a price for every model: add a catch-all price with model: '*'")
        return self


class LimitKind(StrEnum):
    REQUESTS = "requests"
    TOKENS = "tokens"
    CONCURRENCY = "concurrency"
    SPEND = "spend"


@dataclass(frozen=True, slots=True)
class PriceTable:
    """Compiled prices (micro-USD per token, numerically equal to USD per 1M tokens); first match wins."""

    entries: tuple[tuple[re.Pattern[str], float, float], ...]

    def per_token(self, model: str) -> tuple[float, float]:
        for pattern, inp, out in self.entries:
            if pattern.match(model):
                return inp, out
        return 0.0, 0.0  # unreachable when compiled from a valid policy (catch-all required)

    def cost_micro(self, model: str, input_tokens: int, output_tokens: int) -> int:
        # USD per 1M tokens == micro-USD per token; round up so spend is never under-counted.
        inp, out = self.per_token(model)
        return math.ceil(input_tokens * inp + output_tokens * out - 1e-9)


@dataclass(frozen=True, slots=True)
class CompiledLimit:
    name: str
    kind: LimitKind
    op_kind: OpKind
    key_parts: tuple[str, ...]  # tenant excluded: it is the hash tag of every key
    model_pattern: re.Pattern[str] | None
    limit: int                  # requests, tokens, slots, or micro-USD
    period_ms: int              # rolling window (requests), fixed window (tokens/spend; 0 = month), lease (concurrency)
    token_kind: TokenKind
    shadow: bool
    prices: PriceTable | None
    default_max_tokens: int
    key_prefix: str             # "rl:<name>"

    def applies_to(self, model: str) -> bool:
        return self.model_pattern is None or self.model_pattern.match(model) is not None


@dataclass(frozen=True, slots=True)
class CompiledRateLimits:
    limits: tuple[CompiledLimit, ...]
    fail_open: bool


def _glob(patterns: tuple[str, ...] | None) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def compile_limits(policy: RateLimitPolicy) -> CompiledRateLimits:
    prices = PriceTable(tuple(
        (re.compile(fnmatch.translate(p.model)), p.input_usd_per_1m, p.output_usd_per_1m) for p in policy.prices
    ))
    compiled = []
    for rule in policy.limits:
        rate: Rate | None = None
        if rule.requests is not None:
            kind, op, rate = LimitKind.REQUESTS, OpKind.LOG, parse_rate(rule.requests, "requests")
        elif rule.tokens is not None:
            kind, op, rate = LimitKind.TOKENS, OpKind.COUNTER, parse_rate(rule.tokens, "tokens")
        elif rule.spend is not None:
            kind, op, rate = LimitKind.SPEND, OpKind.COUNTER, parse_rate(rule.spend, "spend")
        else:
            kind, op = LimitKind.CONCURRENCY, OpKind.LEASE
        compiled.append(CompiledLimit(
            name=rule.name,
            kind=kind,
            op_kind=op,
            key_parts=tuple(p for p in rule.key if p != "tenant"),
            model_pattern=_glob(rule.models),
            limit=rate.amount if rate else int(rule.concurrency or 0),
            period_ms=rate.period_ms if rate else int(rule.lease_s * 1000),
            token_kind=rule.token_kind,
            shadow=rule.mode == "shadow",
            prices=prices if kind is LimitKind.SPEND else None,
            default_max_tokens=policy.default_max_tokens,
            key_prefix=f"rl:{rule.name}",
        ))
    return CompiledRateLimits(limits=tuple(compiled), fail_open=policy.on_store_error == "open")


__all__ = ["MICRO", "CompiledLimit", "CompiledRateLimits", "LimitKind", "LimitRule", "Price", "PriceTable",
           "RateLimitPolicy", "compile_limits"]
