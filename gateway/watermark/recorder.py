"""The gateway records its own reference: the teacher's word choices *before* marking.

Corpus detection against a reference (`gateway.watermark.reference`) needs the member shares of
unmarked text of the same source. The best such text is what the teacher wrote for the traffic the
gateway served. A marking stream with a sink keeps the upstream's text as it arrives (the segments
it already holds, one list append each) and hands it over when the text ends; `ReferenceTally`
queues it (bounded: a full queue drops texts, counted, which leaves the shares unbiased), and
`ReferenceRecorder`'s background task observes it exactly as detection does (`detect.observe`:
first occurrence per set per document, prose first, then protected spans, case-folded) and adds it
to the tally's counters (sets x 4 members: bounded). The counters go to the store
(`CounterTables`) every ``interval_s`` and at shutdown, one atomic addition per table and flush.

Counting in the marker itself (the member of each set's first prose occurrence, one dict lookup per
word) was tried first and is cheaper, but sees only what the marker may rewrite: on documentation
prose it counted ~60% of the positions detection counts (words in quotes, indented lines, code and
ALL-CAPS words were missing), and the reference it gave cost most of the test's power
(docs/watermark.md, radioactivity).

The counts do not depend on any key (they are the upstream's words), so a test against them stays
exact; where the teacher copies marked words from its context (earlier marked turns fed back), the
reference leans toward the mark, which only makes the test conservative.

Stored as table ``wmref:<table digest hex>`` (every tenant's traffic) and, per tenant, as
``wmref:<digest>:tenant:<tenant>`` (bounded: at most ``max_tenants`` tenant tables per table, the
group ``wmref:<digest>:tenants``; later tenants are in the global table only, counted): fields
``"<set>:<member>"`` and ``"documents"``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress
from typing import TYPE_CHECKING

import numpy as np

from gateway.store.base import CounterTables
from gateway.watermark.detect import observe
from gateway.watermark.reference import Reference
from gateway.watermark.scanner import Scanner
from gateway.watermark.table import EquivalenceTable

if TYPE_CHECKING:
    from gateway.metrics import Metrics

log = logging.getLogger("covenant.watermark")

MEMBERS = 4  # columns of a reference (the largest set has 4 members)
DOCUMENTS = "documents"
FLUSH_INTERVAL_S = 30.0
MAX_PENDING = 2_000  # texts waiting to be observed, per table (~2-4 kB each)
MAX_TENANTS = 100  # tenant tables per equivalence table (each at most one counter per set member: 1,553)
_BATCH = 2  # texts observed between yields to the event loop (~0.1 ms each for a 300-word answer)


def table_name(digest: bytes, tenant: str | None = None) -> str:
    return "wmref:" + digest.hex() + ("" if tenant is None else ":tenant:" + tenant)


def tenant_group(digest: bytes) -> str:
    return "wmref:" + digest.hex() + ":tenants"


class _Off:
    """A metric child that counts nothing (a tally or recorder used without metrics)."""

    def inc(self, amount: float = 1) -> None: ...

    def set(self, value: float) -> None: ...


_OFF = _Off()


@dataclass(frozen=True)
class RecorderMetrics:
    """The recorder's Prometheus children, bound once (`.labels()` costs a lock and a dict lookup)."""

    sampled: object = _OFF
    not_sampled: object = _OFF
    dropped: object = _OFF
    observed: object = _OFF
    flush_ok: object = _OFF
    flush_failed: object = _OFF
    last_flush: object = _OFF
    unflushed: object = _OFF
    tenant_overflow: object = _OFF

    @classmethod
    def of(cls, m: Metrics) -> RecorderMetrics:
        texts, flushes = m.wm_reference_texts, m.wm_reference_flushes
        return cls(texts.labels("sampled"), texts.labels("not_sampled"), texts.labels("dropped"),
                   m.wm_reference_observed, flushes.labels("ok"), flushes.labels("failed"),
                   m.wm_reference_last_flush, m.wm_reference_unflushed, m.wm_reference_tenant_overflow)


@functools.cache
def _field_names(n: int) -> tuple[str, ...]:
    """Store field of each counter, ``"<set>:<member>"`` (one table size per table: a handful)."""
    return tuple(f"{i // MEMBERS}:{i % MEMBERS}" for i in range(n))


class _Counts:
    """Member counts of one scope (all traffic, or one tenant's) since the last take."""

    __slots__ = ("counts", "documents")

    def __init__(self, n_sets: int) -> None:
        self.counts = [0] * (n_sets * MEMBERS)
        self.documents = 0

    def add(self, seen: Mapping[int, int]) -> None:
        counts = self.counts
        for set_id, member in seen.items():
            counts[set_id * MEMBERS + member] += 1
        self.documents += 1

    def fields(self) -> dict[str, int]:
        counts, names = self.counts, _field_names(len(self.counts))
        # mostly zeros: the non-zero ones are picked in C (a worker flushes after every batch)
        out = {names[i]: counts[i] for i in compress(range(len(counts)), counts)}
        out[DOCUMENTS] = self.documents
        return out

    def give_back(self, fields: Mapping[str, int]) -> None:
        for name, value in fields.items():
            if name == DOCUMENTS:
                self.documents += value
            else:
                s, m = name.split(":")
                self.counts[int(s) * MEMBERS + int(m)] += value


class ReferenceTally:
    """Pre-mark member counts of one table since the last flush (one process, one event loop): of all
    traffic, and of each tenant's (at most ``max_tenants`` tenants between two flushes; the others'
    responses are in the global counts only)."""

    def __init__(self, table: EquivalenceTable, wake: asyncio.Event | None = None,
                 max_pending: int = MAX_PENDING, sample: float = 1.0, max_tenants: int = 0,
                 metrics: RecorderMetrics | None = None) -> None:
        self.table = table
        self._rate = sample  # share of responses kept (at random: unbiased, independent of any key)
        self._random = random.random
        self._global = _Counts(len(table.sets))
        self._tenants: dict[str, _Counts] = {}
        self.max_tenants = max_tenants
        self.refused: set[str] = set()  # tenants the store has no room for (group full): global only
        # detection's view of a text: the table's scanner without any policy's exclusion patterns
        self._observer = _Observer(Scanner(table), table)
        self._texts: deque[tuple[str, str | None]] = deque()
        self._max_pending = max_pending
        self.dropped = 0
        self.tenant_overflow = 0
        self._wake = wake  # the recorder's: its task observes the texts
        self.m = metrics or RecorderMetrics()

    @property
    def documents(self) -> int:
        """Responses counted since the last take (global scope)."""
        return self._global.documents

    def sample(self) -> bool:
        if self._rate >= 1.0 or self._random() < self._rate:
            return True
        self.m.not_sampled.inc()
        return False

    def add_text(self, text: str, tenant: str | None = None) -> None:
        """A marking stream's `PreMarkSink`: one response's text before marking (request path: O(1))."""
        if len(self._texts) >= self._max_pending:
            self.dropped += 1
            self.m.dropped.inc()
            return
        self._texts.append((text, tenant))
        self.m.sampled.inc()
        if self._wake is not None:
            self._wake.set()

    @property
    def pending(self) -> int:
        return len(self._texts)

    def observe_pending(self, limit: int | None = None) -> int:
        """Observe up to ``limit`` queued texts (all by default); returns how many."""
        texts = self._texts
        done = failed = 0
        while texts and (limit is None or done < limit):
            text, tenant = texts.popleft()
            done += 1
            try:
                seen = observe(text, self._observer)  # type: ignore[arg-type]
            except Exception:  # never expected; one text is not worth the recorder
                failed += 1
                log.exception("watermark reference: a response could not be observed")
                continue
            self.add(seen, tenant)
        if done:
            self.dropped += failed
            self.m.observed.inc(done - failed)
        return done

    def add(self, seen: Mapping[int, int], tenant: str | None = None) -> None:
        """One document's first member per set (set id -> member id), served to ``tenant``."""
        self._global.add(seen)
        if tenant is None or self.max_tenants <= 0 or tenant in self.refused:
            return
        scope = self._tenants.get(tenant)
        if scope is None:
            if len(self._tenants) >= self.max_tenants:
                self.tenant_overflow += 1
                self.m.tenant_overflow.inc()
                return
            scope = self._tenants[tenant] = _Counts(len(self.table.sets))
        scope.add(seen)

    def take(self) -> dict[str | None, dict[str, int]]:
        """The counts since the last take as store fields (with ``documents``) per scope (None: all
        traffic, else the tenant), and start over."""
        out: dict[str | None, dict[str, int]] = {}
        if self._global.documents:
            out[None] = self._global.fields()
            self._global = _Counts(len(self.table.sets))
        for tenant, scope in self._tenants.items():
            out[tenant] = scope.fields()
        self._tenants = {}
        return out

    def give_back(self, scope: str | None, fields: Mapping[str, int]) -> None:
        """A flush that failed: its counts are added back, to go with the next one."""
        if scope is None:
            self._global.give_back(fields)
        elif scope not in self.refused:
            target = self._tenants.get(scope)
            if target is None:
                target = self._tenants[scope] = _Counts(len(self.table.sets))
            target.give_back(fields)


@dataclass(frozen=True)
class _Observer:
    """What `detect.observe` needs of a Watermarker."""

    scanner: Scanner
    table: EquivalenceTable


def reference_from_fields(fields: Mapping[str, int], table: EquivalenceTable) -> Reference:
    """A stored table's counters as a `Reference` of ``table``."""
    counts = np.zeros((len(table.sets), MEMBERS), dtype=np.int64)
    for name, value in fields.items():
        if name == DOCUMENTS:
            continue
        s, m = (int(x) for x in name.split(":"))
        if s >= len(table.sets) or m >= table.sizes[s]:
            raise ValueError(f"recorded reference field {name!r} is outside the table")
        counts[s, m] = value
    return Reference(counts, int(fields.get(DOCUMENTS, 0)), table.digest)


async def load_reference(backend: CounterTables, table: EquivalenceTable,
                         tenant: str | None = None) -> Reference | None:
    """The reference recorded for ``table`` (all traffic, or ``tenant``'s), or None when nothing was
    recorded for it."""
    fields = await backend.read(table_name(table.digest, tenant))
    if not fields.get(DOCUMENTS):
        return None
    return reference_from_fields(fields, table)


class ReferenceRecorder:
    """Owns one tally per table and adds them to the store in the background.

    ``saver``: the memory store's file (`gateway.store.counter_file.CounterFile`), written after each
    flush that added something and at shutdown; a save that fails counts as a failed flush (the
    counts are in memory, the next save writes them all)."""

    def __init__(self, backend: CounterTables, *, interval_s: float = FLUSH_INTERVAL_S, sample: float = 1.0,
                 max_tenants: int = MAX_TENANTS, metrics: Metrics | None = None, saver=None,
                 give_back: bool = True, max_pending: int = MAX_PENDING) -> None:
        self.backend = backend
        # False (a worker): a failed flush drops its counts, the stream entries they came from being left
        # unacknowledged and counted again when delivered again
        self.give_back = give_back
        self.max_pending = max_pending
        self.interval_s = interval_s
        self.sample = sample
        self.max_tenants = max_tenants
        self.saver = saver
        self.m = RecorderMetrics.of(metrics) if metrics is not None else RecorderMetrics()
        self._tallies: dict[bytes, ReferenceTally] = {}  # by table digest
        self._task: asyncio.Task | None = None
        self._lock = asyncio.Lock()  # one flush at a time (the periodic one and a reader's)
        self._wake = asyncio.Event()  # set when a tally has texts to observe (or at close)
        self._closing = False
        self.failed_flushes = 0
        self.last_flush_ok: float | None = None  # unix time

    def tally_for(self, table: EquivalenceTable) -> ReferenceTally:
        tally = self._tallies.get(table.digest)
        if tally is None:
            tally = self._tallies[table.digest] = ReferenceTally(
                table, self._wake, max_pending=self.max_pending, sample=self.sample, max_tenants=self.max_tenants,
                metrics=self.m)
        return tally

    async def start(self) -> None:
        if self.saver is not None:
            await self.saver.load()  # in a thread; a bad file is kept aside and logged
        self._task = asyncio.create_task(self._run(), name="covenant-watermark-reference")

    async def _run(self) -> None:
        """Observe queued texts a few at a time (yielding to requests in between); flush on time."""
        next_flush = time.monotonic() + self.interval_s
        while not self._closing:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max(0.0, next_flush - time.monotonic())):
                    await self._wake.wait()
            if self._closing:
                return
            self._wake.clear()
            for tally in list(self._tallies.values()):
                tally.observe_pending(_BATCH)
                if tally.pending:
                    self._wake.set()  # more to do after the next loop turn
            if time.monotonic() >= next_flush:  # what is still queued goes with a later flush
                await self.flush(observe_pending=False)
                next_flush = time.monotonic() + self.interval_s
            await asyncio.sleep(0)

    async def flush(self, observe_pending: bool = True) -> bool:
        """Add every tally's counts to the store (and save its file); True when all of it went.
        On an error the counts stay for the next flush, and the flush is logged and counted failed.
        ``observe_pending``: observe every queued text first (a reader's flush, shutdown), which holds
        the event loop for up to MAX_PENDING scans; the periodic flush leaves them to the task's batches."""
        async with self._lock:
            errors: list[str] = []
            for digest, tally in list(self._tallies.items()):
                if observe_pending:
                    tally.observe_pending()
                for scope, fields in tally.take().items():
                    await self._add(digest, tally, scope, fields, errors)
            if self.saver is not None:
                try:
                    await self.saver.save()
                except Exception as exc:  # the file: the counts are in memory, the next save writes them all
                    errors.append(f"file: {exc}")
            unflushed = sum(t.documents for t in self._tallies.values())
            self.m.unflushed.set(unflushed)
            if errors:
                self.failed_flushes += 1
                self.m.flush_failed.inc()
                if self.give_back:
                    log.error("watermark reference flush failed (%d responses' counts kept for the next flush): %s",
                              unflushed, "; ".join(errors))
                else:
                    log.error("watermark reference flush failed (the batch's stream entries stay pending and are "
                              "counted when delivered again): %s", "; ".join(errors))
                return False
            self.last_flush_ok = time.time()
            self.m.flush_ok.inc()
            self.m.last_flush.set(self.last_flush_ok)
            return True

    async def _add(self, digest: bytes, tally: ReferenceTally, scope: str | None, fields: dict[str, int],
                   errors: list[str]) -> None:
        name = table_name(digest, scope)
        try:
            if scope is None:
                await self.backend.add(name, fields)
            elif not await self.backend.add(name, fields, group=tenant_group(digest), max_tables=self.max_tenants):
                tally.refused.add(scope)  # bounded by the tenants that exist
                tally.tenant_overflow += fields[DOCUMENTS]
                self.m.tenant_overflow.inc(fields[DOCUMENTS])
                log.warning("watermark reference: no room for tenant %r's own table (%d tenant tables, "
                            "watermark_reference_tenants); its responses count in the global reference only",
                            scope, self.max_tenants)
        except Exception as exc:  # the store away: keep the counts (bounded) or let the entries come back, report
            if self.give_back:
                tally.give_back(scope, fields)
            errors.append(f"{name}: {exc}")

    async def close(self) -> None:
        """Stop the background task (after the step it is in) and flush what is left."""
        if self._task is not None:
            self._closing = True
            self._wake.set()
            await self._task
            self._task = None
        await self.flush()
