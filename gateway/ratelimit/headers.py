"""Rate-limit response headers in the caller's dialect (on 429s and on successful responses).

OpenAI:    x-ratelimit-{limit,remaining,reset}-{requests,tokens}; reset as a duration ("1s", "6m0s", "20ms").
Anthropic: anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset};
           reset as an RFC 3339 time in whole seconds, rounded up.
Both:      retry-after (whole seconds, rounded up) and retry-after-ms on denials; the official SDKs
           honour these when they retry.
Headers describe the tightest enforced limit of each kind (least remaining).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Literal

from gateway.ratelimit.limiter import Admission, LimitStatus
from gateway.ratelimit.policy import LimitKind

Dialect = Literal["openai", "anthropic"]


def go_duration(seconds: float) -> str:
    """OpenAI's reset format: '20ms', '1s', '1.5s', '6m0s', '1h2m3s'."""
    if seconds < 1:
        return f"{max(0, round(seconds * 1000))}ms"
    ms = round(seconds * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    secs = f"{rem / 1000:.3f}".rstrip("0").rstrip(".") + "s"
    if h:
        return f"{h}h{m}m{secs}"
    if m:
        return f"{m}m{secs}"
    return secs


def _tightest(statuses: tuple[LimitStatus, ...], kind: LimitKind, token_kind: str | None = None) -> LimitStatus | None:
    best = None
    for s in statuses:
        if s.kind is not kind or s.shadow or (token_kind is not None and s.token_kind != token_kind):
            continue
        if best is None or (s.remaining, s.limit) < (best.remaining, best.limit):
            best = s
    return best


def headers_for(admission: Admission, dialect: Dialect) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if dialect == "openai":
        for kind, suffix in ((LimitKind.REQUESTS, "requests"), (LimitKind.TOKENS, "tokens")):
            s = _tightest(admission.statuses, kind)
            if s is not None:
                out += [(f"x-ratelimit-limit-{suffix}", str(s.limit)),
                        (f"x-ratelimit-remaining-{suffix}", str(s.remaining)),
                        (f"x-ratelimit-reset-{suffix}", go_duration(s.reset_s))]
    else:
        groups = ((LimitKind.REQUESTS, None, "requests"), (LimitKind.TOKENS, "total", "tokens"),
                  (LimitKind.TOKENS, "input", "input-tokens"), (LimitKind.TOKENS, "output", "output-tokens"))
        for kind, token_kind, name in groups:
            s = _tightest(admission.statuses, kind, token_kind)
            if s is not None:
                # whole seconds, rounded up: never a time before the limit is back (ms sums: no float ceil)
                at = -(-round((admission.now + s.reset_s) * 1000) // 1000)
                reset = datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds")
                out += [(f"anthropic-ratelimit-{name}-limit", str(s.limit)),
                        (f"anthropic-ratelimit-{name}-remaining", str(s.remaining)),
                        (f"anthropic-ratelimit-{name}-reset", reset.replace("+00:00", "Z"))]
    if not admission.allowed and admission.retry_after_s is not None:
        out += [("retry-after", str(max(1, math.ceil(admission.retry_after_s)))),
                ("retry-after-ms", str(max(1, math.ceil(admission.retry_after_s * 1000))))]
    return out


def wait_text(s: float) -> str:
    """A wait as people read it: "0.4s", "36s", "1h" or "1h05m" ("3.6e+03s" was what %g gave)."""
    if s < 10:
        return f"{s:.1f}s" if s >= 0.1 else f"{s:.2g}s"
    whole = math.ceil(s)
    if whole < 3600:
        return f"{whole}s" if whole < 120 else f"{whole // 60}m{whole % 60:02d}s"
    hours, rest = divmod(whole, 3600)
    return f"{hours}h{rest // 60:02d}m" if rest >= 60 else f"{hours}h"
