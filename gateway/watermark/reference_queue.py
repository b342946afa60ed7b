"""Distributed reference: with a Redis store, `covenant worker` observes the pre-mark texts.

Observing a sampled response's original text (`detect.observe`, ~0.1 ms of CPU for a 300-word
answer) was the last per-response watermark cost in the serving process with a Redis store. Now the
gateway only collects the text the marking streams hand over (`PreMarkTexts`, one per response:
the same per-stream sample as in process, the same `covenant_watermark_reference_texts_total`) and
the watermark stage puts it in the response's provenance stream entry, field ``w``:
``[tenant, table digest hex, exclude_words, [text, ...]]`` (one text per choice / content block;
an entry of its own, without ``k``/``r``, when the policy has `provenance: false`). The worker
(`WorkerReference`) rebuilds the table from its exclusions, checks the digest, observes the texts
and adds the counts to the same counter tables as the in-process recorder — before it acknowledges
the entries, so a worker that dies or cannot write leaves them to be counted by another
(at least once). The memory store (embedded default) keeps the in-process recorder.

The whole original text rather than only the words the marker changed: exact by construction
(what the in-process recorder observes, byte for byte, whatever later transforms or a cut stream do
to the served text), at ~2 kB per *sampled* response (10 % by default: ~0.2 kB per entry on average).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gateway.store.base import CounterTables
from gateway.watermark.recorder import ReferenceRecorder, ReferenceTally
from gateway.watermark.table import EquivalenceTable, load_table

if TYPE_CHECKING:
    from gateway.metrics import Metrics

log = logging.getLogger("covenant.watermark")

_MAX_TABLES = 64  # distinct exclusion lists a worker keeps tables for (one per policy's `exclude_words`)

Doc = tuple[str, str, list[str], list[str]]  # tenant, table digest hex, exclude_words, texts


class PreMarkTexts:
    """One response's `PreMarkSink` in distributed mode: each marking stream (choice / content block)
    draws its sample from the table's tally, as in process, and hands its original text here."""

    __slots__ = ("tally", "texts")

    def __init__(self, tally: ReferenceTally) -> None:
        self.tally = tally
        self.texts: list[str] = []

    def sample(self) -> bool:
        return self.tally.sample()

    def add_text(self, text: str, tenant: str | None = None) -> None:
        self.texts.append(text)
        self.tally.m.sampled.inc()


class ReferenceNotStored(Exception):
    """The counts of a batch did not all reach the store: its entries are not acknowledged."""


class WorkerReference:
    """The worker side: observe the texts of a batch of entries and add their counts to the store."""

    def __init__(self, backend: CounterTables, *, max_tenants: int, metrics: Metrics | None = None) -> None:
        # one flush per batch (before the acknowledgement), so no periodic task and nothing given back
        self.recorder = ReferenceRecorder(backend, sample=1.0, max_tenants=max_tenants, metrics=metrics,
                                          give_back=False, max_pending=1_000_000)
        self._tables: dict[tuple[str, tuple[str, ...]], EquivalenceTable | None] = {}

    def table(self, digest_hex: str, exclude_words: Iterable[str]) -> EquivalenceTable | None:
        """The table an entry was observed with, or None when this worker's table data differ (another
        version of Covenant): such entries stay pending for a worker that has the gateways' tables."""
        key = (digest_hex, tuple(exclude_words))
        if key not in self._tables:
            if len(self._tables) >= _MAX_TABLES:
                self._tables.clear()
            table = load_table(frozenset(key[1]))
            self._tables[key] = table if table.digest.hex() == digest_hex else None
        return self._tables[key]

    def add(self, docs: Iterable[Doc]) -> int:
        """Queue the texts of decoded entries (whose tables `table` knows); returns how many."""
        n = 0
        for tenant, digest_hex, words, texts in docs:
            tally = self.recorder.tally_for(self.table(digest_hex, words))  # type: ignore[arg-type]
            for text in texts:
                tally.add_text(text, tenant)
                n += 1
        return n

    async def flush(self) -> None:
        """Observe what `add` queued and add the counts to the store; raises when any did not go."""
        if not await self.recorder.flush():
            raise ReferenceNotStored("watermark reference counts not stored")


def decode_doc(raw: list) -> Doc:
    tenant, digest_hex, words, texts = raw
    if not (isinstance(tenant, str) and isinstance(digest_hex, str) and isinstance(words, list)
            and isinstance(texts, list) and all(isinstance(t, str) for t in texts)):
        raise ValueError("malformed reference field")
    return tenant, digest_hex, words, texts
