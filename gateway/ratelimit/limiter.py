"""RateLimiter: admit a request against all its limits in one store round trip; settle it in one.

Algorithms (see docs/rate-limits.md for the guarantees):
  requests     sliding-window log (exact in every rolling window)
  tokens/spend fixed UTC window counter; the estimate is reserved at admission, settled to actual usage
  concurrency  leases with expiry in a sorted set, released at settlement
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass

from gateway.ratelimit.policy import CompiledLimit, LimitKind
from gateway.store.base import AdmitOp, OpKind, SettleOp, Store

# Keys are `cov:{<tenant>}:rl:<limit>:<part>...`. The tenant is the hash tag,
# so all keys of one request share one Cluster slot (see docs/rate-limits.md for the trade-off).
_ESCAPE = str.maketrans({"%": "%25", ":": "%3A", "{": "%7B", "}": "%7D"})
# A denied concurrency slot usually frees within a request's duration, far sooner than the
# crash-safety lease expires, so clients are told to retry after at most this.
_CONCURRENCY_RETRY_MS = 1_000


@dataclass(frozen=True, slots=True)
class Subject:
    tenant: str
    account: str = ""
    key: str = ""
    model: str = ""
    route: str = ""


@dataclass(frozen=True, slots=True)
class TokenEstimate:
    input_tokens: int
    max_output_tokens: int | None = None  # the request's max_tokens; None = the policy default


@dataclass(frozen=True, slots=True)
class Usage:
    input_tokens: int
    output_tokens: int


@dataclass(frozen=True, slots=True)
class LimitStatus:
    """One limit's state after admission, for rate-limit headers and metrics."""

    name: str
    kind: LimitKind
    token_kind: str
    limit: int
    remaining: int
    reset_s: float
    ok: bool
    shadow: bool


@dataclass(frozen=True, slots=True)
class _Held:
    kind: LimitKind
    op_kind: OpKind
    key: str
    reserved: int
    window_ms: int
    limit: CompiledLimit


@dataclass(slots=True)
class Reservation:
    """What an admitted request holds; pass it to `settle` exactly when the response ends (any outcome)."""

    rid: str
    held: tuple[_Held, ...]
    model: str
    settled: bool = False


@dataclass(frozen=True, slots=True)
class Admission:
    allowed: bool
    denied_by: str | None
    retry_after_s: float | None
    statuses: tuple[LimitStatus, ...]
    shadow_denials: tuple[str, ...]
    reservation: Reservation | None
    now: float = 0.0  # the clock the admission was judged by (the store's), for absolute reset times


def _amount(lim: CompiledLimit, model: str, input_tokens: int, output_tokens: int) -> int:
    if lim.kind is LimitKind.TOKENS:
        if lim.token_kind == "input":
            return input_tokens
        if lim.token_kind == "output":
            return output_tokens
        return input_tokens + output_tokens
    if lim.kind is LimitKind.SPEND:
        assert lim.prices is not None
        return lim.prices.cost_micro(model, input_tokens, output_tokens)
    return 1


def state_key(lim: CompiledLimit, subject: Subject) -> str:
    parts = [lim.key_prefix]
    for p in lim.key_parts:
        parts.append(getattr(subject, p).translate(_ESCAPE))
    return f"cov:{{{subject.tenant.translate(_ESCAPE)}}}:" + ":".join(parts)


class RateLimiter:
    def __init__(self, store: Store) -> None:
        self._backend = store.ratelimit

    async def admit(self, limits: Sequence[CompiledLimit], subject: Subject, estimate: TokenEstimate,
                    now: float | None = None) -> Admission:
        """Check and apply all `limits` that apply to `subject` in one atomic store operation.

        `now=None` (production) judges by the store's clock, shared by all replicas; pass a time
        only in tests and tools. Raises StoreUnavailable when the store cannot answer (the caller
        applies the policy's on_store_error).
        """
        now_ms = None if now is None else int(now * 1000)
        ops: list[AdmitOp] = []
        applicable: list[CompiledLimit] = []
        for lim in limits:
            if not lim.applies_to(subject.model):
                continue
            key = state_key(lim, subject)
            if lim.op_kind is OpKind.COUNTER:
                out = estimate.max_output_tokens if estimate.max_output_tokens is not None else lim.default_max_tokens
                ops.append(AdmitOp(OpKind.COUNTER, key, lim.limit, lim.period_ms,
                                   _amount(lim, subject.model, estimate.input_tokens, out), lim.shadow))
            else:
                ops.append(AdmitOp(lim.op_kind, key, lim.limit, lim.period_ms, 1, lim.shadow))
            applicable.append(lim)
        rid = secrets.token_hex(8)
        if not ops:
            return Admission(True, None, None, (), (), Reservation(rid, (), subject.model),
                             time.time() if now is None else now)

        outcome = await self._backend.admit(ops, now_ms, rid)
        results, judged_at = outcome.results, outcome.now_ms / 1000

        statuses, shadow_denials, held = [], [], []
        denied_by: str | None = None
        retry_ms = 0
        for lim, op, res in zip(applicable, ops, results, strict=True):
            statuses.append(LimitStatus(lim.name, lim.kind, lim.token_kind, lim.limit, max(0, lim.limit - res.used),
                                        res.reset_ms / 1000, res.ok, lim.shadow))
            if not res.ok:
                if lim.shadow:
                    shadow_denials.append(lim.name)
                else:
                    denied_by = denied_by or lim.name
                    r = min(res.retry_ms, _CONCURRENCY_RETRY_MS) if op.kind is OpKind.LEASE else res.retry_ms
                    retry_ms = max(retry_ms, r)
            if res.applied and op.kind is not OpKind.LOG:
                held.append(_Held(lim.kind, op.kind, op.key, op.amount, res.window_ms, lim))
        if denied_by is not None:
            return Admission(False, denied_by, retry_ms / 1000, tuple(statuses), tuple(shadow_denials), None,
                             judged_at)
        return Admission(True, None, None, tuple(statuses), tuple(shadow_denials),
                         Reservation(rid, tuple(held), subject.model), judged_at)

    async def settle(self, reservation: Reservation, actual: Usage) -> None:
        """Adjust token/spend reservations to `actual` and release concurrency slots. Idempotent.

        Call it on every ending: success, upstream error, timeout, cancellation, client disconnect
        (with the usage seen so far, or Usage(0, 0) when nothing was generated).
        """
        if reservation.settled or not reservation.held:
            reservation.settled = True
            return
        reservation.settled = True  # before the await: a concurrent second call must not settle twice
        ops = []
        for h in reservation.held:
            if h.op_kind is OpKind.COUNTER:
                actual_amount = _amount(h.limit, reservation.model, actual.input_tokens, actual.output_tokens)
                ops.append(SettleOp(OpKind.COUNTER, h.key, actual_amount - h.reserved, h.window_ms))
            else:
                ops.append(SettleOp(OpKind.LEASE, h.key))
        await self._backend.settle(ops, reservation.rid)
