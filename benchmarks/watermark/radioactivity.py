"""Radioactivity: does a student trained on marked outputs carry the mark into its own text?

Design (human documentation standing in for a real teacher's varied answers; see docs/watermark.md):

* near-duplicate documents are dropped first (half of the word 8-grams seen in an earlier one:
  licences and READMEs installed by many packages), then the rest is split at random into the
  student's training pool and the reference (unmarked text of the same source), whole documents
  by default -- like an operator's reference answers to held-out prompts of the campaign -- or
  whole Debian source packages (``by="source"``, a reference written by other people);
* at each marked share the *same* training documents are used, the first share of them (in a fixed
  shuffled order) marked for one of 100 accounts of a campaign, so the 0% student reads exactly
  the unmarked text of the others;
* the student is a word n-gram model (`benchmarks.watermark.student`); its samples and the
  reference documents pass through the same tokeniser and are cut into windows of the same
  length, each window one document for detection (first occurrence per set per window);
* the samples are scored in corpus mode with raw counts and against the reference
  (`gateway.watermark.reference`); null checks: the 0% student with the campaign's key, and its
  samples with many independent keys (other master secrets) against the same reference;
* and against the **gateway-recorded reference**: what `gateway.watermark.recorder` would have
  counted while serving -- the pre-mark member choices, first occurrence per set per *response*
  as detection observes them (whole documents, raw text: the gateway cannot cut its traffic like
  the student's samples), of
  the responses the gateway served: the originals of the campaign's marked share, plus the held-out
  pool standing for other accounts' traffic through the same gateway (so the 0% student has a
  reference too). The unmarked rest of the training pool is taken to come from elsewhere (it never
  passed through the gateway). The counts come from the real recording path (a marking stream with
  a tally), not from a re-implementation.

The texts are observed once per student; scoring with another key only re-runs the exact test,
which gives the same result as `detect_corpus` (checked on every run for the 0% student).
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks.watermark.student import EOS, NgramLM, Vocabulary, stream
from gateway.watermark.detect import (
    DetectionResult,
    KeyRegistry,
    _counts,
    detect_corpus,
    observe,
    score_counts,
    unique_documents,
)
from gateway.watermark.embed import Watermarker
from gateway.watermark.recorder import DOCUMENTS, ReferenceTally
from gateway.watermark.reference import Reference, residual_scores

SHARES = (0.0, 0.05, 0.10, 0.25, 0.50, 1.0)
REFERENCE_SHARE = 0.4  # of the (deduplicated) words
# split unit -> what the reference then is; "document" is the headline figure
SPLITS = {"document": "other documents (same files and packages, no shared or near-duplicate text)",
          "source": "documents of other source packages only"}


@dataclass(frozen=True)
class Design:
    order: int = 3  # student n-gram order
    sequences: int = 20_000  # student samples per share, each up to ``max_tokens`` tokens
    max_tokens: int = 400
    window: int = 60  # samples and reference documents are scored in windows of this many tokens
    null_keys: int = 200
    campaign_accounts: int = 100
    seed: int = 4


@dataclass
class Pools:
    train: list[str]
    reference: list[str]
    train_groups: int
    reference_groups: int
    dropped_near_duplicates: int


def source_packages() -> dict[str, str]:
    """Binary package -> source package (dpkg); empty where dpkg is not available."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${source:Package}\\n"],
                             capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    return dict(line.split(" ", 1) for line in out.splitlines() if " " in line)


def _group(path: str, sources: dict[str, str]) -> str:
    parts = path.split("/")  # /usr/share/doc/<package>/...
    pkg = parts[4] if len(parts) > 5 else path
    return sources.get(pkg, pkg)


def _shingles(text: str, n: int = 8) -> set[int]:
    w = text.lower().split()
    return {hash(" ".join(w[i:i + n])) for i in range(max(1, len(w) - n + 1))}


def split_by_source(docs: Sequence[tuple[str, str]], reference_share: float, seed: int,
                    by: str = "document") -> Pools:
    """``docs``: (path, text). A document sharing half of its word 8-grams with an earlier one is
    dropped (licences and READMEs installed by many packages), so no text is seen on both sides.
    Whole groups (documents, files with ``by="file"``, or source packages with ``by="source"``)
    then go to the reference, in a seeded random order, until it holds ``reference_share`` of the
    words; the rest is the training pool."""
    sources = source_packages()
    groups: dict[str, list[str]] = defaultdict(list)
    seen: set[int] = set()
    dropped = 0
    for i, (path, text) in enumerate(docs):
        sh = _shingles(text)
        if len(sh & seen) * 2 >= len(sh):
            dropped += 1
            continue
        seen |= sh
        groups[_group(path, sources) if by == "source" else path if by == "file" else str(i)].append(text)
    del seen
    names = sorted(groups)
    random.Random(seed).shuffle(names)
    words = {n: sum(len(t.split()) for t in groups[n]) for n in names}
    total = sum(words.values())
    ref_names: list[str] = []
    ref_words = 0
    for name in names:
        if ref_words + words[name] <= reference_share * total:
            ref_names.append(name)
            ref_words += words[name]
    chosen = set(ref_names)
    train = [t for n in names if n not in chosen for t in groups[n]]
    ref = [t for n in ref_names for t in groups[n]]
    random.Random(seed + 1).shuffle(train)
    return Pools(train, ref, len(names) - len(ref_names), len(ref_names), dropped)


class ObservedCorpus:
    """A corpus observed once (distinct documents, first occurrence per set), scored with any key."""

    def __init__(self, texts: Sequence[str], wm: Watermarker) -> None:
        docs = unique_documents(texts)
        self.documents = len(docs)
        self.counts = _counts((observe(t, wm) for t in docs), len(wm.table.sets))
        self.sizes = np.asarray(wm.table.sizes, dtype=np.int64)

    def score(self, reg: KeyRegistry, reference: Reference | None) -> DetectionResult:
        scores = None if reference is None else residual_scores(self.counts, reference, self.sizes)
        return score_counts(self.counts, reg, documents=self.documents, scores=scores)


def _same(a: DetectionResult, b: DetectionResult) -> bool:
    return (a.documents, a.positions_scored, a.account) == (b.documents, b.positions_scored, b.account) and \
        np.isclose(a.p_value, b.p_value, rtol=1e-9, atol=0) and np.isclose(a.shared_p_value, b.shared_p_value,
                                                                          rtol=1e-9, atol=0)


def windows(vocab: Vocabulary, rows: Iterable[np.ndarray], size: int) -> list[str]:
    """Token rows cut into texts of ``size`` tokens (a last piece shorter than half is dropped)."""
    out = []
    for row in rows:
        end = int(np.argmax(row == EOS)) if (row == EOS).any() else len(row)
        for i in range(0, end, size):
            if min(size, end - i) * 2 >= size:
                out.append(vocab.decode(row[i:min(i + size, end)]))
    return out


class _LastResponse:
    """A `PreMarkSink` that keeps the last response's observation, as the gateway's recorder
    (`ReferenceTally`) makes it from the text the stream handed over."""

    def __init__(self, wm: Watermarker) -> None:
        self.seen: dict[int, int] = {}
        self._tally = ReferenceTally(wm.table)

    def sample(self) -> bool:
        return True  # every served response (a gateway whose traffic x sample rate exceeds these pools)

    def add_text(self, text: str, tenant: str | None = None) -> None:
        self._tally.add_text(text, tenant)
        self._tally.observe_pending()
        fields = self._tally.take().get(None, {})
        self.seen = {int(k.split(":")[0]): int(k.split(":")[1]) for k in fields if k != DOCUMENTS}


def serve(wm: Watermarker, text: str, tenant: str, account: str, sink: _LastResponse) -> tuple[str, dict[int, int]]:
    """Mark ``text`` as the gateway's stage does (one stream, flushed at the end of the response)
    and return the marked text and what the gateway's recorder counted for it."""
    sink.seen = {}
    s = wm.stream(tenant, account)
    out = s.feed(text) + s.flush()
    return out, sink.seen


def _p(rows: list[dict], share: float, test: str) -> float:
    return next(r["p"] for r in rows if r["share"] == share and r["test"] == test)


def run(wm: Watermarker, reg: KeyRegistry, pools: Pools, design: Design,
        log: Callable[[str], None] = print) -> dict:
    """Train one student per marked share and score its generations; returns rows and null figures.

    Student samples and reference documents go through the same tokeniser and are cut into windows
    of the same length, so the reference counts what an unmarked student of this source would
    write (format, eligible words, first occurrence per window) rather than raw documents."""
    t0 = time.perf_counter()
    rng = random.Random(design.seed)
    accounts = reg.principals[:design.campaign_accounts]
    n = len(pools.train)
    # the gateway's view: a marker of the same key with the recorder's hook
    served_wm = Watermarker(wm.master, table=wm.table)
    sink = served_wm.tally = _LastResponse(wm)
    marked, premark, drawn = [], [], []
    for text in pools.train:
        tenant, account = rng.choice(accounts)
        out, seen = serve(served_wm, text, tenant, account, sink)
        marked.append(out)
        premark.append(seen)
        drawn.append((tenant, account))
    if marked[:50] != [wm.mark(t, tenant=a, account=b) for t, (a, b) in zip(pools.train[:50], drawn, strict=False)]:
        raise AssertionError("the recording stream marks differently from Watermarker.mark")
    n_sets = len(wm.table.sets)
    held_out = _counts((serve(served_wm, t, "others", "other-account", sink)[1] for t in pools.reference), n_sets)
    vocab = Vocabulary()
    clean_ids = [vocab.encode(t) for t in pools.train]
    marked_ids = [vocab.encode(t) for t in marked]
    del marked
    train_tokens = sum(len(a) for a in clean_ids)
    ref_texts = windows(vocab, (vocab.encode(t) for t in pools.reference), design.window)
    ref_corpus = ObservedCorpus(ref_texts, wm)
    reference = Reference(ref_corpus.counts, ref_corpus.documents, wm.table.digest)
    log(f"  training pool: {n} documents, {train_tokens:,} tokens (marked and tokenised); reference: "
        f"{len(pools.reference)} documents -> {reference.documents} windows of {design.window} tokens, "
        f"{int(reference.counts.sum()):,} positions ({time.perf_counter() - t0:.0f} s)")
    rows = []
    null_corpus = None
    gateway_refs: dict[float, Reference] = {}
    corpora: dict[float, ObservedCorpus] = {}
    for share in SHARES:
        t1 = time.perf_counter()
        k = int(round(share * n))
        gateway_refs[share] = gw_ref = Reference(held_out + _counts(premark[:k], n_sets),
                                                 len(pools.reference) + k, wm.table.digest)
        lm = NgramLM(design.order, len(vocab.words)).train(stream(marked_ids[:k] + clean_ids[k:], design.order))
        gen = lm.generate(design.sequences, design.max_tokens, np.random.default_rng(design.seed + 1))
        texts = windows(vocab, gen, design.window)
        del lm, gen
        corpus = ObservedCorpus(texts, wm)
        if share == 0.0:
            null_corpus = corpus
        corpora[share] = corpus
        tests = [("counts", None), ("reference residuals", reference), ("gateway reference", gw_ref)]
        if k:  # a reference scoped to the campaign's own traffic (per-tenant recording: not built yet)
            tests.append(("gateway reference, campaign only",
                          Reference(_counts(premark[:k], n_sets), k, wm.table.digest)))
        for name, ref in tests:
            r = corpus.score(reg, ref)
            if share == 0.0 and not _same(r, detect_corpus(texts, reg, reference=ref)):
                raise AssertionError("ObservedCorpus.score disagrees with detect_corpus")
            rows.append({"share": share, "test": name, "train_docs": n, "marked_docs": k,
                         "windows": len(texts), "distinct_docs": r.documents, "positions": r.positions_scored,
                         "shared_p": r.shared_p_value, "p": r.p_value, "z": r.z, "detected": r.detected,
                         "account": r.account, "reference_docs": None if ref is None else ref.documents,
                         "reference_positions": None if ref is None else int(ref.counts.sum())})
        log(f"  {share:4.0%} marked: student, {len(texts)} windows scored in {time.perf_counter() - t1:.0f} s "
            f"(corrected p: reference {_p(rows, share, 'reference residuals'):.3g}, "
            f"gateway reference {_p(rows, share, 'gateway reference'):.3g})")
    assert null_corpus is not None
    t1 = time.perf_counter()
    null_p: list[float] = []
    null_gw: dict[float, list[float]] = {0.0: [], 0.10: []}
    for i in range(design.null_keys):
        other = KeyRegistry(Watermarker(hashlib.sha256(f"null-key-{i}".encode()).digest(), table=wm.table), [])
        null_p.append(null_corpus.score(other, reference).shared_p_value)
        for share, ps in null_gw.items():  # the 10% student is independent of these keys too
            ps.append(corpora[share].score(other, gateway_refs[share]).shared_p_value)
    log(f"  {design.null_keys} independent keys scored in {time.perf_counter() - t1:.0f} s")
    return {"rows": rows, "null_p": sorted(null_p), "reference_docs": len(pools.reference),
            "reference_windows": reference.documents, "train_tokens": train_tokens,
            "null_p_gateway": {share: sorted(ps) for share, ps in null_gw.items()},
            "gateway_reference_docs": {share: r.documents for share, r in gateway_refs.items()},
            "seconds": time.perf_counter() - t0}

