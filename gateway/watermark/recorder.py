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

Stored as table ``wmref:<table digest hex>``: fields ``"<set>:<member>"`` and ``"documents"``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from gateway.store.base import CounterTables
from gateway.watermark.detect import observe
from gateway.watermark.reference import Reference
from gateway.watermark.scanner import Scanner
from gateway.watermark.table import EquivalenceTable

log = logging.getLogger("covenant.watermark")

MEMBERS = 4  # columns of a reference (the largest set has 4 members)
DOCUMENTS = "documents"
FLUSH_INTERVAL_S = 30.0
MAX_PENDING = 2_000  # texts waiting to be observed, per table (~2-4 kB each)
_BATCH = 2  # texts observed between yields to the event loop (~0.1 ms each for a 300-word answer)


def table_name(digest: bytes) -> str:
    return "wmref:" + digest.hex()


class ReferenceTally:
    """Pre-mark member counts of one table since the last flush (one process, one event loop)."""

    def __init__(self, table: EquivalenceTable, wake: asyncio.Event | None = None,
                 max_pending: int = MAX_PENDING, sample: float = 1.0) -> None:
        self.table = table
        self._rate = sample  # share of responses kept (at random: unbiased, independent of any key)
        self._random = random.random
        self._counts = [0] * (len(table.sets) * MEMBERS)
        self.documents = 0
        # detection's view of a text: the table's scanner without any policy's exclusion patterns
        self._observer = _Observer(Scanner(table), table)
        self._texts: deque[str] = deque()
        self._max_pending = max_pending
        self.dropped = 0
        self._wake = wake  # the recorder's: its task observes the texts

    def sample(self) -> bool:
        return self._rate >= 1.0 or self._random() < self._rate

    def add_text(self, text: str) -> None:
        """A marking stream's `PreMarkSink`: one response's text before marking (request path: O(1))."""
        if len(self._texts) >= self._max_pending:
            self.dropped += 1
            return
        self._texts.append(text)
        if self._wake is not None:
            self._wake.set()

    @property
    def pending(self) -> int:
        return len(self._texts)

    def observe_pending(self, limit: int | None = None) -> int:
        """Observe up to ``limit`` queued texts (all by default); returns how many."""
        texts = self._texts
        done = 0
        while texts and (limit is None or done < limit):
            text = texts.popleft()
            done += 1
            try:
                seen = observe(text, self._observer)  # type: ignore[arg-type]
            except Exception:  # never expected; one text is not worth the recorder
                self.dropped += 1
                log.exception("watermark reference: a response could not be observed")
                continue
            self.add(seen)
        return done

    def add(self, seen: Mapping[int, int]) -> None:
        """One document's first member per set (set id -> member id)."""
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


async def load_reference(backend: CounterTables, table: EquivalenceTable) -> Reference | None:
    """The reference recorded for ``table``, or None when nothing was recorded for it."""
    fields = await backend.read(table_name(table.digest))
    if not fields.get(DOCUMENTS):
        return None
    return reference_from_fields(fields, table)


class ReferenceRecorder:
    """Owns one tally per table and adds them to the store in the background."""

    def __init__(self, backend: CounterTables, *, interval_s: float = FLUSH_INTERVAL_S, sample: float = 1.0) -> None:
        self.backend = backend
        self.interval_s = interval_s
        self.sample = sample
        self._tallies: dict[bytes, ReferenceTally] = {}  # by table digest
        self._task: asyncio.Task | None = None
        self._lock = asyncio.Lock()  # one flush at a time (the periodic one and a reader's)
        self._wake = asyncio.Event()  # set when a tally has texts to observe (or at close)
        self._closing = False
        self.failed_flushes = 0

    def tally_for(self, table: EquivalenceTable) -> ReferenceTally:
        tally = self._tallies.get(table.digest)
        if tally is None:
            tally = self._tallies[table.digest] = ReferenceTally(table, self._wake, sample=self.sample)
        return tally

    async def start(self) -> None:
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

    async def flush(self, observe_pending: bool = True) -> None:
        """Add every tally's counts to the store; on a store error they stay for the next flush.
        ``observe_pending``: observe every queued text first (a reader's flush, shutdown), which holds
        the event loop for up to MAX_PENDING scans; the periodic flush leaves them to the task's batches."""
        async with self._lock:
            for digest, tally in list(self._tallies.items()):
                if observe_pending:
                    tally.observe_pending()
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
        """Stop the background task (after the step it is in) and flush what is left."""
        if self._task is not None:
            self._closing = True
            self._wake.set()
            await self._task
            self._task = None
        await self.flush()
