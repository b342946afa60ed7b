"""The `Store` protocol and its capability interfaces.

A store is chosen by URI (`open_store`). Features do not talk to Redis or to dicts: they
use a capability object of the store (`store.ratelimit`, …), whose operations are each one
atomic step (one Lua script / one round trip on Redis, one critical section without awaits
in memory). Both implementations pass the same tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple, Protocol, runtime_checkable


class OpKind(StrEnum):
    """The three atomic primitives rate limiting is built from (see docs/rate-limits.md)."""

    LOG = "r"      # sliding-window log: one entry per admitted request, exact in every rolling window
    COUNTER = "c"  # fixed-window counter with reservation (tokens, spend), settled later
    LEASE = "l"    # concurrency slots: a set of leases that expire if never released


class AdmitOp(NamedTuple):
    """One limit's part of an admission.

    `param_ms` is the rolling window (LOG), the fixed window's length (COUNTER; 0 = calendar
    month, UTC; windows are aligned to the epoch, so a day starts at 00:00 UTC) or the lease
    duration (LEASE). `amount` is what the request takes: 1 for LOG and LEASE, the reserved
    units for COUNTER.
    """

    kind: OpKind
    key: str
    limit: int
    param_ms: int
    amount: int
    shadow: bool


class OpResult(NamedTuple):
    ok: bool          # the limit had room for this request
    applied: bool     # the request was recorded against this limit (entry, reservation or lease)
    used: int         # usage after this admission (before it, when not applied)
    retry_ms: int     # when denied: time until the request would fit (0 when ok)
    reset_ms: int     # time until the limit is back to its initial state
    window_ms: int = 0  # COUNTER: start of the fixed window the reservation was made in


class SettleOp(NamedTuple):
    """Undo or adjust what an admission applied: COUNTER by `delta` units, LEASE released."""

    kind: OpKind
    key: str
    delta: int = 0
    window_ms: int = 0  # COUNTER: adjust only if the counter still holds this window


class AdmitResult(NamedTuple):
    now_ms: int                # the clock the admission was judged by
    results: list[OpResult]    # one per op, in order


@runtime_checkable
class RateLimitBackend(Protocol):
    async def admit(self, ops: Sequence[AdmitOp], now_ms: int | None, rid: str) -> AdmitResult:
        """Check every op; if no enforced op is denied, apply every op that has room; atomically.

        `now_ms=None` judges by the store's own clock (Redis: server TIME), the one clock all
        replicas share; an explicit time is for tests and tools (replicas passing their own
        clocks could present timestamps out of order, which the exactness guarantee excludes).

        Shadow ops never deny, and are applied only when they had room (so they count what an
        enforced limit would have admitted). When an enforced op is denied nothing is applied.
        """
        ...

    async def settle(self, ops: Sequence[SettleOp], rid: str) -> None:
        """Adjust reservations to actual usage and release leases; atomically, idempotent per lease."""
        ...


@runtime_checkable
class Store(Protocol):
    backend: str  # "memory" | "redis" | "redis+sentinel" | "redis+cluster" (a bounded metrics label)
    ratelimit: RateLimitBackend

    async def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot serve."""
        ...

    async def wait_ready(self, deadline_s: float) -> None:
        """Start-up: return once the store answers, retrying for up to `deadline_s`; then StoreUnavailable."""
        ...

    async def close(self) -> None: ...


@runtime_checkable
class CounterTables(Protocol):
    """Named tables of integer counters that are only added to (the watermark's recorded reference:
    member counts per alternative set). An optional capability: ``store.counter_tables()``."""

    async def add(self, table: str, deltas: Mapping[str, int], *, group: str | None = None,
                  max_tables: int = 0) -> bool:
        """Add every delta to its counter (missing counters start at 0), atomically; True when done.

        With ``group``, the table is also a member of that named group, which holds at most
        ``max_tables`` tables: a table not in the group yet is refused (nothing added, False) when
        the group is full. This bounds tables named after open-ended values (tenants)."""
        ...

    async def read(self, table: str) -> dict[str, int]:
        """Every counter of the table ({} when it was never added to)."""
        ...

    async def tables(self) -> list[str]:
        """The names of the tables that were added to, sorted."""
        ...
