"""RateLimiter: admit a request against all its limits in one store round trip; settle it in one.

Algorithms (see docs/rate-limits.md for the guarantees):
  requests     sliding-window log (exact in every rolling window)
  tokens/spend fixed UTC window counter; the estimate is reserved at admission, settled to actual usage
  concurrency  leases with expiry in a sorted set, released at settlement
"""

from __future__ import annotations

import itertools
import os
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

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


class TokenEstimate(NamedTuple):
    input_tokens: int
    max_output_tokens: int | None = None  # the request's max_tokens (for all its answers); None = the policy default
    answers: int = 1  # the request's `n`: the policy default is reserved for each answer


class Usage(NamedTuple):
    input_tokens: int
    output_tokens: int


class LimitStatus(NamedTuple):
    """One limit's state after admission, for rate-limit headers and metrics."""

    name: str
    kind: LimitKind
    token_kind: str
    limit: int
    remaining: int
    reset_s: float
    ok: bool
    shadow: bool


class _Held(NamedTuple):
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


class Admission(NamedTuple):
    allowed: bool
    denied_by: str | None
    retry_after_s: float | None  # denied: when it may fit; None when it never will (more than a whole limit)
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


class _RequestIds:
    """Request ids for the store's leases and log entries: unique among all replicas' requests.

    Each must differ from every other request's that is alive in the same window of the same key
    (two equal ids would count as one entry, or release each other's lease). A random 64-bit start
    per process (drawn again in a forked child) counted up by one: replicas' sequences would have to
    overlap in the same window to collide, and no syscall per request (``secrets.token_hex`` made
    one). The same 16 hex digits as before, so replicas of either version share a store.
    """

    def __init__(self) -> None:
        self._reseed()
        os.register_at_fork(after_in_child=self._reseed)

    def _reseed(self) -> None:
        self._next = itertools.count(int.from_bytes(secrets.token_bytes(8), "big")).__next__

    def __call__(self) -> str:
        return f"{self._next() & 0xFFFF_FFFF_FFFF_FFFF:016x}"


_request_id = _RequestIds()


class AdmitPlan:
    """What admitting `subject` against `limits` needs that no request changes: the limits that apply
    to its model, their state keys and the store's pre-encoded call (`RateLimiter.plan`). Built once
    per effective policy by the rate-limit stage; valid for the limiter that built it."""

    __slots__ = ("limiter", "limits", "subject", "applicable", "keys", "packed", "roomy")

    def __init__(self, limiter: RateLimiter, limits: Sequence[CompiledLimit], subject: Subject) -> None:
        self.limiter = limiter
        # Whether the subject's last admission left a quarter or more of every enforced limit: the next
        # one will very likely pass (the rate-limit stage's speculation). False until one is seen.
        self.roomy = False
        self.limits = tuple(limits)
        self.subject = subject
        self.applicable = tuple(lim for lim in limits if lim.applies_to(subject.model))
        self.keys = tuple(state_key(lim, subject) for lim in self.applicable)
        prepare = getattr(limiter._backend, "prepare_admit", None)
        self.packed = None if prepare is None or not self.applicable else prepare(
            [AdmitOp(lim.op_kind, key, lim.limit, lim.period_ms, 1, lim.shadow)
             for lim, key in zip(self.applicable, self.keys, strict=True)],
            [lim.op_kind is OpKind.COUNTER for lim in self.applicable])


class RateLimiter:
    def __init__(self, store: Store) -> None:
        self._backend = store.ratelimit

    def plan(self, limits: Sequence[CompiledLimit], subject: Subject) -> AdmitPlan:
        """The per-subject part of admission, for `admit_plan` (cache it: it holds no request state)."""
        return AdmitPlan(self, limits, subject)

    async def admit(self, limits: Sequence[CompiledLimit], subject: Subject, estimate: TokenEstimate,
                    now: float | None = None) -> Admission:
        """Check and apply all `limits` that apply to `subject` in one atomic store operation.

        `now=None` (production) judges by the store's clock, shared by all replicas; pass a time
        only in tests and tools. Raises StoreUnavailable when the store cannot answer (the caller
        applies the policy's on_store_error).
        """
        return await self.admit_plan(AdmitPlan(self, limits, subject), estimate, now)

    async def admit_plan(self, plan: AdmitPlan, estimate: TokenEstimate, now: float | None = None) -> Admission:
        """`admit` with the per-subject work done beforehand (`plan`, made by this limiter)."""
        model = plan.subject.model
        amounts: list[int] = []
        dynamic: list[int] = []
        for lim in plan.applicable:
            if lim.op_kind is OpKind.COUNTER:
                out = (estimate.max_output_tokens if estimate.max_output_tokens is not None
                       else lim.default_max_tokens * estimate.answers)
                amount = _amount(lim, model, estimate.input_tokens, out)
                amounts.append(amount)
                dynamic.append(amount)
            else:
                amounts.append(1)
        rid = _request_id()
        if not amounts:
            return Admission(True, None, None, (), (), Reservation(rid, (), model),
                             time.time() if now is None else now)

        if now is None and plan.packed is not None:
            outcome = await self._backend.admit_packed(plan.packed, dynamic, rid)  # type: ignore[attr-defined]
        else:
            ops = [AdmitOp(lim.op_kind, key, lim.limit, lim.period_ms, amount, lim.shadow)
                   for lim, key, amount in zip(plan.applicable, plan.keys, amounts, strict=True)]
            outcome = await self._backend.admit(ops, None if now is None else int(now * 1000), rid)
        results, judged_at = outcome.results, outcome.now_ms / 1000

        statuses, shadow_denials, held = [], [], []
        denied_by: str | None = None
        too_large: str | None = None  # an enforced limit the request exceeds on its own: no window admits it
        retry_ms = 0
        for lim, key, amount, res in zip(plan.applicable, plan.keys, amounts, results, strict=True):
            statuses.append(LimitStatus(lim.name, lim.kind, lim.token_kind, lim.limit, max(0, lim.limit - res.used),
                                        res.reset_ms / 1000, res.ok, lim.shadow))
            if not res.ok:
                if lim.shadow:
                    shadow_denials.append(lim.name)
                else:
                    denied_by = denied_by or lim.name
                    if amount > lim.limit:
                        too_large = too_large or lim.name
                    r = min(res.retry_ms, _CONCURRENCY_RETRY_MS) if lim.op_kind is OpKind.LEASE else res.retry_ms
                    retry_ms = max(retry_ms, r)
            if res.applied and lim.op_kind is not OpKind.LOG:
                held.append(_Held(lim.kind, lim.op_kind, key, amount, res.window_ms, lim))
        if denied_by is not None:
            plan.roomy = False
            return Admission(False, too_large or denied_by, None if too_large else retry_ms / 1000, tuple(statuses),
                             tuple(shadow_denials), None, judged_at)
        plan.roomy = all(s.shadow or s.remaining * 4 >= s.limit for s in statuses)
        return Admission(True, None, None, tuple(statuses), tuple(shadow_denials),
                         Reservation(rid, tuple(held), model), judged_at)

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
