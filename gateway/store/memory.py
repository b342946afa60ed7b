"""In-process store (`memory://`): the embedded default, for one gateway process.

Same semantics as the Redis scripts, in Python. Each operation runs without an `await`
inside, so on one event loop it is atomic without locks. Expiry uses the caller's clock
(`now_ms` passed to `admit`), like the Redis scripts; expired keys are removed lazily on
access and by a heap sweep on every admission, so idle callers cost no memory.
"""

from __future__ import annotations

import bisect
import heapq
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from gateway.store.base import AdmitOp, AdmitResult, OpKind, OpResult, SettleOp


def fixed_window(now_ms: int, period_ms: int) -> tuple[int, int]:
    """(start, end) of the epoch-aligned window holding now; period 0 = calendar month, UTC.

    The Python twin of `fixed_window` in lua/ratelimit_admit.lua (the same tests run on both).
    """
    if period_ms:
        start = now_ms - now_ms % period_ms
        return start, start + period_ms
    t = datetime.fromtimestamp(now_ms / 1000, UTC)
    start = datetime(t.year, t.month, 1, tzinfo=UTC)
    end = datetime(t.year + (t.month == 12), t.month % 12 + 1, 1, tzinfo=UTC)
    return int(start.timestamp()) * 1000, int(end.timestamp()) * 1000


class _Entry:
    __slots__ = ("value", "expires_at", "kind")

    def __init__(self, value: object, expires_at: int, kind: OpKind) -> None:
        self.value = value
        self.expires_at = expires_at
        self.kind = kind  # the measure whose state this is (a limit may change measure under its name)


class MemoryRateLimit:
    def __init__(self) -> None:
        self._data: dict[str, _Entry] = {}
        self._expiry_heap: list[tuple[int, str]] = []

    def keys(self) -> list[str]:
        """Keys currently held (expired ones go at the next admission's sweep): for tests of expiry."""
        return list(self._data)

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

    def _create(self, key: str, value: object, expires_at: int, kind: OpKind) -> _Entry:
        entry = self._data[key] = _Entry(value, expires_at, kind)
        heapq.heappush(self._expiry_heap, (expires_at, key))
        return entry

    def _state(self, op: AdmitOp, now_ms: int) -> _Entry | None:
        """The key's state as `op`'s measure, as the Redis script reads it when a limit changed measure under the
        same name (a policy reload): a counter (a hash there) and a log or leases (sorted sets) do not mix, the
        other's state is taken as absent and replaced when applied; leases read as a log are their expiry times,
        and a log (admissions in the past) read as leases has expired."""
        entry = self._live(op.key, now_ms)
        if entry is None or entry.kind is op.kind:
            return entry
        if OpKind.COUNTER in (entry.kind, op.kind):
            return None
        entry.value = sorted(entry.value.values()) if op.kind is OpKind.LOG else {}  # type: ignore[union-attr]
        entry.kind = op.kind
        return entry

    def _sweep(self, now_ms: int) -> None:
        # One heap item per live key: when an item is due but its key was extended, it is pushed
        # back with the new time (so the heap does not grow with every admission).
        heap = self._expiry_heap
        while heap and heap[0][0] <= now_ms:
            _, key = heapq.heappop(heap)
            entry = self._data.get(key)
            if entry is None:
                continue
            if entry.expires_at <= now_ms:
                del self._data[key]
            else:
                heapq.heappush(heap, (entry.expires_at, key))

    async def admit(self, ops: Sequence[AdmitOp], now_ms: int | None, rid: str) -> AdmitResult:
        if now_ms is None:
            now_ms = int(time.time() * 1000)
        self._sweep(now_ms)
        checks: list[tuple[bool, int, int, int, int]] = []
        denied = False
        for op in ops:
            entry = self._state(op, now_ms)
            used = retry = reset = window = 0
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
                window, end = fixed_window(now_ms, op.param_ms)
                # the entry holds [window_start, used]; a leftover from an earlier window counts as empty
                held: list[int] | None = entry.value if entry is not None else None  # type: ignore[assignment]
                used = held[1] if held is not None and held[0] == window else 0
                fits = used + op.amount <= op.limit
                reset = end - now_ms
                if not fits:
                    retry = end - now_ms
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
            checks.append((fits, used, retry, reset, window))
            if not fits and not op.shadow:
                denied = True

        results: list[OpResult] = []
        for op, (fits, used, retry, reset, window) in zip(ops, checks, strict=True):
            applied = fits and not denied
            if applied:
                used, reset = self._apply(op, now_ms, rid, used, reset, window)
            results.append(OpResult(fits, applied, used, retry, reset, window))
        return AdmitResult(now_ms, results)

    def _apply(self, op: AdmitOp, now_ms: int, rid: str, used: int, reset: int, window: int) -> tuple[int, int]:
        entry = self._state(op, now_ms)
        if op.kind is OpKind.LOG:
            if entry is None:
                entry = self._create(op.key, [], now_ms + op.param_ms, op.kind)
            bisect.insort(entry.value, now_ms)  # type: ignore[arg-type]
            entry.expires_at = max(entry.expires_at, now_ms + op.param_ms)
            return used + 1, op.param_ms
        if op.kind is OpKind.COUNTER:
            used += op.amount
            if entry is None:
                entry = self._create(op.key, None, now_ms + max(1, reset), op.kind)
            entry.value = [window, used]
            entry.expires_at = now_ms + max(1, reset)  # the window's end
            return used, reset
        if entry is None:
            entry = self._create(op.key, {}, now_ms + op.param_ms, op.kind)
        entry.value[rid] = now_ms + op.param_ms  # type: ignore[index]
        entry.expires_at = max(entry.expires_at, now_ms + op.param_ms)  # as long as its longest lease
        return used + 1, reset

    async def settle(self, ops: Sequence[SettleOp], rid: str) -> None:
        for op in ops:
            entry = self._data.get(op.key)
            if entry is None or entry.kind is not op.kind:
                continue  # gone, or another measure's state now (the limit changed measure meanwhile)
            if op.kind is OpKind.COUNTER:
                if entry.value[0] == op.window_ms:  # type: ignore[index]
                    entry.value[1] += op.delta  # type: ignore[index]
            elif op.kind is OpKind.LEASE:
                entry.value.pop(rid, None)  # type: ignore[union-attr]


class MemoryCounterTables:
    """`CounterTables` in this process (gone with it, unless a `CounterFile` keeps them)."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, int]] = {}
        self._groups: dict[str, set[str]] = {}

    async def add(self, table: str, deltas: Mapping[str, int], *, group: str | None = None,
                  max_tables: int = 0) -> bool:
        return self.add_now(table, deltas, group=group, max_tables=max_tables)

    def add_now(self, table: str, deltas: Mapping[str, int], *, group: str | None = None,
                max_tables: int = 0) -> bool:
        if not deltas:
            return True
        if group is not None:
            members = self._groups.setdefault(group, set())
            if table not in members:
                if len(members) >= max_tables:
                    return False
                members.add(table)
        counters = self._tables.setdefault(table, {})
        for name, delta in deltas.items():
            counters[name] = counters.get(name, 0) + int(delta)
        return True

    async def read(self, table: str) -> dict[str, int]:
        return dict(self._tables.get(table, {}))

    async def tables(self) -> list[str]:
        return sorted(self._tables)

    def snapshot(self) -> dict:
        """Every table and group (for a file: `gateway.store.counter_file`); the caller keeps writers out."""
        return {"tables": self._tables, "groups": {g: sorted(m) for g, m in self._groups.items()}}

    def restore(self, data: dict) -> None:
        """Start from a snapshot (validated by the caller)."""
        self._tables = {t: dict(c) for t, c in data["tables"].items()}
        self._groups = {g: set(m) for g, m in data["groups"].items()}


class MemoryStore:
    """`memory://`: state in this process only (one replica; use Redis for several)."""

    backend = "memory"

    def __init__(self) -> None:
        self.ratelimit = MemoryRateLimit()
        self._counter_tables = MemoryCounterTables()

    def counter_tables(self, batcher: object = None) -> MemoryCounterTables:
        """The store's counter tables (`CounterTables`); ``batcher`` is for the Redis twin's signature."""
        return self._counter_tables

    async def ping(self) -> None:
        return None

    async def wait_ready(self, deadline_s: float) -> None:
        return None

    async def close(self) -> None:
        return None
