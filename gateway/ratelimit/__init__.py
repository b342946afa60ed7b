"""Rate limits, token quotas, concurrency caps and spend budgets, written against the store protocol."""

from gateway.ratelimit.headers import headers_for
from gateway.ratelimit.limiter import (
    Admission,
    LimitStatus,
    RateLimiter,
    Reservation,
    Subject,
    TokenEstimate,
    Usage,
)
from gateway.ratelimit.policy import (
    CompiledLimit,
    CompiledRateLimits,
    LimitKind,
    LimitRule,
    Price,
    RateLimitPolicy,
    compile_limits,
)
from gateway.ratelimit.windows import Rate, parse_rate

__all__ = ["Admission", "CompiledLimit", "CompiledRateLimits", "LimitKind", "LimitRule", "LimitStatus", "Price",
           "Rate", "RateLimitPolicy", "RateLimiter", "Reservation", "Subject", "TokenEstimate", "Usage",
           "compile_limits", "headers_for", "parse_rate"]
