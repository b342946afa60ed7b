"""The gateway records its own reference: the teacher's word choices *before* marking.

Corpus detection against a reference (`gateway.watermark.reference`) needs the member shares of
unmarked text of the same source. The best such text is what the teacher wrote for the traffic the
gateway served: the marker sees every eligible word before it rewrites it, so each marking stream
keeps, per alternative set, the member of its first prose occurrence (first occurrence per set per
response, as detection counts per document) and hands that to a `ReferenceTally` when the response
ends. The tally is a flat list of counters per table (sets x 4 members: bounded, ~6 kB of ints),
one dict walk per response; `ReferenceRecorder` adds it to the store (`CounterTables`) off the
request path, every ``interval_s`` and at shutdown, one atomic addition per table and flush.

The counts do not depend on any key (they are the upstream's words), so a test against them stays
exact; where the teacher copies marked words from its context (earlier marked turns fed back), the
reference leans toward the mark, which only makes the test conservative.

Stored as table ``wmref:<table digest hex>``: fields ``"<set>:<member>"`` and ``"documents"``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping

import numpy as np

from gateway.store.base import CounterTables
from gateway.watermark.reference import Reference
from gateway.watermark.table import EquivalenceTable

log = logging.getLogger("covenant.watermark")

MEMBERS = 4  # columns of a reference (the largest set has 4 members)
DOCUMENTS = "documents"
FLUSH_INTERVAL_S = 30.0


def table_name(digest: bytes) -> str:
    return "wmref:" + digest.hex()


class ReferenceTally:
    """Pre-mark member counts of one table since the last flush (one process, one event loop)."""

    __slots__ = ("_counts", "documents")

    def __init__(self, n_sets: int) -> None:
        self._counts = [0] * (n_sets * MEMBERS)
        self.documents = 0

    def add(self, seen: Mapping[int, int]) -> None:
        """One response's first member per set (set id -> member id)."""
        counts = self._counts
        for set_id, member in seen.items():
            counts[set_id * MEMBERS + member] += 1
        self.documents += 1

    def take(self) -> dict[str, int]:
        """The counts since the last take as store fields (with ``documents``), and start over."""
        if not self.documents:
            return {}
        counts, docs = self._counts, self.documents
        self._counts, self.documents = [0] * len(counts), 0
        fields = {f"{i // MEMBERS}:{i % MEMBERS}": c for i, c in enumerate(counts) if c}
        fields[DOCUMENTS] = docs
        return fields

    def give_back(self, fields: Mapping[str, int]) -> None:
        """A flush that failed: its counts are added back, to go with the next one."""
        for name, value in fields.items():
            if name == DOCUMENTS:
                self.documents += value
            else:
                s, m = name.split(":")
                self._counts[int(s) * MEMBERS + int(m)] += value


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


async def load_reference(backend: CounterTables, table: EquivalenceTable) -> Reference | None:
    """The reference recorded for ``table``, or None when nothing was recorded for it."""
    fields = await backend.read(table_name(table.digest))
    if not fields.get(DOCUMENTS):
        return None
    return reference_from_fields(fields, table)


class ReferenceRecorder:
    """Owns one tally per table and adds them to the store in the background."""

    def __init__(self, backend: CounterTables, *, interval_s: float = FLUSH_INTERVAL_S) -> None:
        self.backend = backend
        self.interval_s = interval_s
        self._tallies: dict[bytes, tuple[EquivalenceTable, ReferenceTally]] = {}
        self._task: asyncio.Task | None = None
        self._lock = asyncio.Lock()  # one flush at a time (the periodic one and a reader's)
        self.failed_flushes = 0

    def tally_for(self, table: EquivalenceTable) -> ReferenceTally:
        held = self._tallies.get(table.digest)
        if held is None:
            held = self._tallies[table.digest] = (table, ReferenceTally(len(table.sets)))
        return held[1]

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="covenant-watermark-reference")

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            await self.flush()

    async def flush(self) -> None:
        """Add every tally's counts to the store; on a store error they stay for the next flush."""
        async with self._lock:
            for digest, (_, tally) in list(self._tallies.items()):
                fields = tally.take()
                if not fields:
                    continue
                try:
                    await self.backend.add(table_name(digest), fields)
                except Exception as exc:  # the store away: keep the counts (bounded), warn
                    tally.give_back(fields)
                    self.failed_flushes += 1
                    log.warning("watermark reference counts of %d responses not stored yet: %s",
                                fields[DOCUMENTS], exc)

    async def close(self) -> None:
        """Stop the periodic flush (never in the middle of one) and flush what is left."""
        if self._task is not None:
            async with self._lock:
                self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.flush()
