"""In-process store (`memory://`): the embedded default, for one gateway process.

Same semantics as the Redis scripts, in Python. Each operation runs without an `await`
inside, so on one event loop it is atomic without locks. Expiry uses the caller's clock
(`now_ms` passed to `admit`), like the Redis scripts; expired keys are removed lazily on
access and by a heap sweep on every admission, so idle callers cost no memory.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence

from gateway.store.base import AdmitOp, OpKind, OpResult, SettleOp


class _Entry:
    __slots__ = ("value", "expires_at")

    def __init__(self, value: object, expires_at: int) -> None:
        self.value = value
        self.expires_at = expires_at


class MemoryRateLimit:
    def __init__(self) -> None:
        self._data: dict[str, _Entry] = {}
        self._expiry_heap: list[tuple[int, str]] = []

    def key_count(self) -> int:
        return len(self._data)

    def ttl_ms(self, key: str, now_ms: int) -> int | None:
        """Remaining lifetime of a key (None when absent): for tests of expiry."""
        entry = self._live(key, now_ms)
        return None if entry is None else entry.expires_at - now_ms

    def _live(self, key: str, now_ms: int) -> _Entry | None:
        entry = self._data.get(key)
        if entry is not None and entry.expires_at <= now_ms:
            del self._data[key]
            return None
        return entry

    def _expire(self, entry: _Entry, key: str, expires_at: int) -> None:
        entry.expires_at = expires_at
        heapq.heappush(self._expiry_heap, (expires_at, key))

    def _sweep(self, now_ms: int) -> None:
        heap = self._expiry_heap
        while heap and heap[0][0] <= now_ms:
            _, key = heapq.heappop(heap)
            entry = self._data.get(key)
            if entry is not None and entry.expires_at <= now_ms:
                del self._data[key]

    async def admit(self, ops: Sequence[AdmitOp], now_ms: int, rid: str) -> list[OpResult]:
        self._sweep(now_ms)
        checks: list[tuple[bool, int, int, int]] = []
        denied = False
        for op in ops:
            entry = self._live(op.key, now_ms)
            used = retry = reset = 0
            if op.kind is OpKind.LOG:
                log: list[int] = entry.value if entry is not None else []  # type: ignore[assignment]
                del log[: bisect.bisect_right(log, now_ms - op.param_ms)]
                used = len(log)
                fits = used + op.amount <= op.limit
                if log:
                    reset = log[-1] + op.param_ms - now_ms
                if not fits:
                    retry = op.param_ms if op.amount > op.limit else log[used - op.limit + op.amount - 1] + op.param_ms - now_ms
            elif op.kind is OpKind.COUNTER:
                used = entry.value if entry is not None else 0  # type: ignore[assignment]
                fits = used + op.amount <= op.limit
                reset = op.param_ms
                if not fits:
                    retry = op.param_ms
            else:
                leases: dict[str, int] = entry.value if entry is not None else {}  # type: ignore[assignment]
                for lease_id in [k for k, exp in leases.items() if exp <= now_ms]:
                    del leases[lease_id]
                used = len(leases)
                fits = used + op.amount <= op.limit
                if not fits:
                    retry = min(leases.values()) - now_ms if leases else op.param_ms
            if not fits and retry < 1:
                retry = 1
            checks.append((fits, used, retry, reset))
            if not fits and not op.shadow:
                denied = True

        results: list[OpResult] = []
        for op, (fits, used, retry, reset) in zip(ops, checks, strict=True):
            applied = fits and not denied
            if applied:
                used, reset = self._apply(op, now_ms, rid, used, reset)
            results.append(OpResult(fits, applied, used, retry, reset))
        return results

    def _apply(self, op: AdmitOp, now_ms: int, rid: str, used: int, reset: int) -> tuple[int, int]:
        entry = self._live(op.key, now_ms)
        if op.kind is OpKind.LOG:
            if entry is None:
                entry = self._data[op.key] = _Entry([], 0)
            bisect.insort(entry.value, now_ms)  # type: ignore[arg-type]
            self._expire(entry, op.key, now_ms + op.param_ms)
            return used + 1, op.param_ms
        if op.kind is OpKind.COUNTER:
            if entry is None:
                entry = self._data[op.key] = _Entry(0, 0)
            entry.value += op.amount  # type: ignore[operator]
            self._expire(entry, op.key, now_ms + op.param_ms)
            return entry.value, reset  # type: ignore[return-value]
        if entry is None:
            entry = self._data[op.key] = _Entry({}, 0)
        entry.value[rid] = now_ms + op.param_ms  # type: ignore[index]
        if entry.expires_at < now_ms + op.param_ms:
            self._expire(entry, op.key, now_ms + op.param_ms)
        return used + 1, reset

    async def settle(self, ops: Sequence[SettleOp], rid: str) -> None:
        for op in ops:
            entry = self._data.get(op.key)
            if entry is None:
                continue
            if op.kind is OpKind.COUNTER:
                entry.value += op.delta  # type: ignore[operator]
            elif op.kind is OpKind.LEASE:
                entry.value.pop(rid, None)  # type: ignore[union-attr]


class MemoryStore:
    """`memory://`: state in this process only (one replica; use Redis for several)."""

    backend = "memory"

    def __init__(self) -> None:
        self.ratelimit = MemoryRateLimit()

    async def ping(self) -> None:
        return None

    async def close(self) -> None:
        return None
