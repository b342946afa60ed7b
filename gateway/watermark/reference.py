"""Reference frequencies: how often each member of each set appears in *unmarked* text.

Without a reference, corpus detection scores raw member counts. A student that learnt "large" 70%
of the time from its teacher and was pushed to 77% by the watermark then shows the 7-point shift
on top of a 40-point natural skew that the (exact, key-randomised) null distribution must also
cover, so weak shifts drown. With reference shares ``p[s, v]`` from unmarked text of the same
source (e.g. the teacher's answers fetched without the gateway, or any comparable model's output)
each set is scored on its *residual*

    r[s, v] = (count[s, v] - n_s * p[s, v]) / sqrt(n_s)

and the natural skew cancels. Validity does not depend on the reference being right: the reference
is fixed before the key is consulted, so the test stays exact under the same key randomisation
(a wrong reference only costs power). The residuals are rounded to integers on a fixed grid (also
key-independent), so the existing exact convolution applies to the rounded statistic.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import orjson

SPAN_UNITS = 50_000  # total score range across sets after rounding: exact convolution stays fast
_SMOOTH = 0.5  # Jeffreys prior: a member never seen in the reference keeps a small share


class Reference:
    """Member counts over a body of unmarked documents (first occurrence per set per document)."""

    def __init__(self, counts: np.ndarray, documents: int, table_digest: bytes) -> None:
        self.counts = counts
        self.documents = documents
        self.table_digest = table_digest

    @classmethod
    def from_texts(cls, texts: Iterable[str], wm) -> Reference:
        from gateway.watermark.detect import _counts, observe, unique_documents

        docs = unique_documents(texts)
        return cls(_counts((observe(t, wm) for t in docs), len(wm.table.sets)), len(docs), wm.table.digest)

    def shares(self, sizes: np.ndarray) -> np.ndarray:
        mask = np.arange(self.counts.shape[1])[None, :] < sizes[:, None]
        smoothed = (self.counts + _SMOOTH) * mask
        return smoothed / smoothed.sum(axis=1, keepdims=True)

    def to_json(self) -> bytes:
        nz = np.flatnonzero(self.counts.sum(axis=1))
        return orjson.dumps({"table": self.table_digest.hex(), "documents": self.documents,
                             "counts": {str(s): self.counts[s].tolist() for s in nz}})

    @classmethod
    def from_json(cls, raw: bytes, wm) -> Reference:
        """What ``to_json`` wrote (`covenant watermark reference export`); anything else is a ValueError
        that says so in one line."""
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"not a reference export: not JSON ({exc})") from None
        n_sets = len(wm.table.sets)
        if not (isinstance(data, dict) and isinstance(data.get("table"), str)
                and isinstance(data.get("counts"), dict) and _count(data.get("documents"))):
            raise ValueError(f"not a reference export: {_EXPORT}")
        if data["table"] != wm.table.digest.hex():
            raise ValueError("the reference was built with a different equivalence table; export it again "
                             "(`covenant watermark reference export`) with this version")
        counts = np.zeros((n_sets, 4), dtype=np.int64)
        for s, row in data["counts"].items():
            if not (s.isdigit() and int(s) < n_sets and isinstance(row, list) and len(row) == 4
                    and all(_count(c) for c in row)):
                raise ValueError(f"not a reference export: counts[{s!r}] is not a set of this table with "
                                 f"four counts ({_EXPORT})")
            counts[int(s)] = row
        return cls(counts, data["documents"], wm.table.digest)


_EXPORT = ('a JSON object with "table", "documents" and "counts", as `covenant watermark reference export` '
           "writes it; unmarked documents go in text or .jsonl files")


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def residual_scores(counts: np.ndarray, reference: Reference, sizes: np.ndarray) -> np.ndarray:
    """Non-negative integer scores per (set, member): the rounded residual, shifted so each set's
    smallest valid member scores 0 (adding a per-set constant changes nothing in the test)."""
    n = counts.sum(axis=1, keepdims=True).astype(np.float64)
    resid = (counts - n * reference.shares(sizes)) / np.sqrt(np.maximum(n, 1.0))
    mask = np.arange(counts.shape[1])[None, :] < sizes[:, None]
    lo = np.where(mask, resid, np.inf).min(axis=1, keepdims=True)
    hi = np.where(mask, resid, -np.inf).max(axis=1, keepdims=True)
    total_span = float((hi - lo)[n[:, 0] > 0].sum())
    scale = SPAN_UNITS / total_span if total_span > 0 else 1.0
    return np.where(mask & (n > 0), np.rint((resid - lo) * scale), 0).astype(np.int64)
