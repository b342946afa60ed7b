"""Detection and attribution of the word-choice watermark, per text and per corpus.

Evidence: the first eligible occurrence of each alternative set in each document (so repeating a
word, or a writer's habit of using one word many times, counts once per document). Three tests are
run and combined with a weighted Bonferroni correction (valid for any dependence between them):

* shared channel, one test with the shared key: "was this produced by this gateway?";
* account channel, one test per known account: "which account received it?";

    p = min(1, 2 * p_shared, 2 * N * min_a p_account(a))

An account is named only when its own corrected p-value ``2 N p_account`` passes the threshold, so
a text whose shared-channel signal is strong but whose account is unknown is not mis-attributed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from gateway.watermark.embed import Watermarker
from gateway.watermark.fragile import FragileAttribution, attribute
from gateway.watermark.fragile import owners as fragile_owners
from gateway.watermark.keys import account_key, variants_for
from gateway.watermark.reference import Reference, residual_scores
from gateway.watermark.scanner import _ARTICLE, CONTEXT, ScanState, _eligible, capitalised, scan
from gateway.watermark.stats import upper_tail

DEFAULT_THRESHOLD = 1e-6
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


@dataclass(frozen=True)
class Candidate:
    tenant: str
    account: str
    p_value: float  # corrected for the search over all accounts
    matches: int
    positions: int


@dataclass(frozen=True)
class DetectionResult:
    detected: bool
    p_value: float
    z: float
    positions_scored: int
    account: str | None
    tenant: str | None
    candidates: list[Candidate] = field(default_factory=list)
    shared_p_value: float = 1.0
    documents: int = 1
    method: str = "exact"
    # verbatim copies with the fragile channel on: who and when, read from the payloads (not in p_value)
    fragile: list[FragileAttribution] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


class KeyRegistry:
    """The known (tenant, account) pairs and their variant vectors, derived from the master secret."""

    def __init__(self, watermarker: Watermarker, principals: Sequence[tuple[str, str]]) -> None:
        self.wm = watermarker
        self.principals = list(dict.fromkeys(principals))
        self._owners: dict[int, list[tuple[str, str]]] | None = None
        table = watermarker.table
        if self.principals:
            rows = [variants_for(account_key(watermarker.master, t, a), table) for t, a in self.principals]
            self.own = np.stack(rows)
        else:
            self.own = np.zeros((0, len(table.sets)), dtype=np.int8)

    def __len__(self) -> int:
        return len(self.principals)

    def fragile_owners(self) -> dict[int, list[tuple[str, str]]]:
        """Fragile-channel account tag -> known accounts; one HMAC per account, computed at the first use."""
        if self._owners is None:
            self._owners = fragile_owners(self.wm.master, self.principals)
        return self._owners


def normalize(text: str) -> str:
    """Undo cheap evasions before scanning: invisible characters and compatibility forms."""
    # the right single quotation mark is the typographic apostrophe ("don’t" is "don't")
    return unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).replace("\u2019", "'")


def _markable(cased: str, start: int, end: int) -> bool:
    """Whether marking rewrites the word at ``cased[start:end]`` as it is written: lower-case, or Capitalised
    at a sentence start (`MarkingStream._on_word`'s rule; mid-sentence capitals and ALL CAPS are left alone)."""
    w = cased[start:end]
    if w.islower():
        return True
    return capitalised(w) and _eligible(cased, start, w, False)[1]


def observe(text: str, wm: Watermarker) -> dict[int, int]:
    """set id -> member id of the first eligible occurrence in ``text`` (case-insensitive).

    Of a set's prose occurrences the first one marking would have rewritten as written wins (a name such as
    "Large Hadron Collider" before a marked "large" is not the mark's evidence), then the first in any case
    (a text whose case was changed). Only a text with no eligible prose at all is read inside its protected
    spans (code, quotes, indented lines), so wrapping a leaked text in a code fence or indenting it does not
    hide the mark; in any other text the words of its code blocks were never marked, and counting them only
    diluted the evidence (teacher prose of 1,600 words: TPR at p <= 1e-3 0.52 -> 0.97). Every choice depends
    on the text alone, never on a key, so the test stays exact.
    """
    norm = normalize(text)
    flat = norm.lower()
    cased = norm if len(norm) == len(flat) else None  # lower() kept every offset: the written case is readable
    seen: dict[int, int] = {}
    loose: dict[int, int] = {}

    def on_word(s: int, w: str, set_id: int, member: int, _start: bool) -> None:
        if set_id in seen:
            return None
        if set_id not in loose:
            loose[set_id] = member
        if cased is None or _markable(cased, s, s + len(w)):
            seen[set_id] = member
        return None

    scan(wm.scanner, ScanState(), flat, 0, on_word)
    if loose:
        return loose | seen
    index, mixed = wm.table.index, wm.table.article_mixed
    fallback: dict[int, int] = {}
    for m in wm.scanner.word.finditer(flat):
        set_id, member = index[m.group()]
        if set_id in fallback:
            continue
        if mixed[set_id] and _ARTICLE.search(flat[max(0, m.start() - CONTEXT):m.start()].rstrip()):
            continue
        fallback[set_id] = member
    return fallback


def _counts(observations: Iterable[dict[int, int]], n_sets: int) -> np.ndarray:
    counts = np.zeros((n_sets, 4), dtype=np.int64)
    for obs in observations:
        if obs:
            ids = np.fromiter(obs.keys(), dtype=np.int64, count=len(obs))
            mem = np.fromiter(obs.values(), dtype=np.int64, count=len(obs))
            np.add.at(counts, (ids, mem), 1)
    return counts


def score_counts(
    counts: np.ndarray,
    registry: KeyRegistry,
    *,
    strength: float = 1.0,
    threshold: float = DEFAULT_THRESHOLD,
    documents: int = 1,
    top: int = 5,
    scores: np.ndarray | None = None,
) -> DetectionResult:
    """``scores`` (same shape as ``counts``, non-negative integers) replaces the raw counts as the
    per-(set, member) score, e.g. reference residuals (`gateway.watermark.reference`)."""
    wm = registry.wm
    layout = wm.layout
    sizes = np.asarray(wm.table.sizes, dtype=np.int64)
    used = (counts.sum(axis=1) > 0) & (layout.threshold < strength)
    shared_sets = np.flatnonzero(used & layout.is_shared)
    acct_sets = np.flatnonzero(used & ~layout.is_shared)
    positions = int(counts[used].sum())
    acct_positions = int(counts[acct_sets].sum())
    score = counts if scores is None else scores

    obs_shared = int(score[shared_sets, layout.shared_variant[shared_sets]].sum())
    p_shared, z_shared, method = upper_tail(obs_shared, score[shared_sets], sizes[shared_sets])
    n_acc = len(registry)
    p_final, z_final = min(1.0, 2 * p_shared) if n_acc else p_shared, z_shared
    candidates: list[Candidate] = []
    account = tenant = None
    if n_acc and len(acct_sets):
        sub = score[acct_sets]  # (sets, 4)
        matches = sub[np.arange(len(acct_sets))[None, :], registry.own[:, acct_sets]].sum(axis=1)
        order = np.argsort(-matches, kind="stable")[:top]
        for i in order.tolist():
            p_a, z_a, m_a = upper_tail(int(matches[i]), sub, sizes[acct_sets])
            t, a = registry.principals[i]
            candidates.append(Candidate(t, a, min(1.0, 2 * n_acc * p_a), int(matches[i]), acct_positions))
            if i == order[0]:
                if 2 * n_acc * p_a < p_final:
                    p_final, z_final, method = 2 * n_acc * p_a, z_a, m_a
        best = candidates[0]
        if best.p_value <= threshold:
            account, tenant = best.account, best.tenant
    return DetectionResult(
        detected=p_final <= threshold,
        p_value=p_final,
        z=z_final,
        positions_scored=positions,
        account=account,
        tenant=tenant,
        candidates=candidates,
        shared_p_value=p_shared,
        documents=documents,
        method=method,
    )


def detect(text: str, registry: KeyRegistry, *, strength: float = 1.0,
           threshold: float = DEFAULT_THRESHOLD) -> DetectionResult:
    counts = _counts([observe(text, registry.wm)], len(registry.wm.table.sets))
    result = score_counts(counts, registry, strength=strength, threshold=threshold)
    return _with_fragile(result, [text], registry)


def _with_fragile(result: DetectionResult, texts: Sequence[str], registry: KeyRegistry) -> DetectionResult:
    found = attribute(registry.wm.master, texts, registry.fragile_owners)
    return replace(result, fragile=found) if found else result


def unique_documents(texts: Iterable[str]) -> list[str]:
    """The texts with exact duplicates (after normalisation, case and whitespace folded) dropped."""
    seen: set[bytes] = set()
    out = []
    for text in texts:
        h = hashlib.blake2b(" ".join(normalize(text).lower().split()).encode(), digest_size=16).digest()
        if h not in seen:
            seen.add(h)
            out.append(text)
    return out


def detect_corpus(texts: Iterable[str], registry: KeyRegistry, *, strength: float = 1.0,
                  threshold: float = DEFAULT_THRESHOLD, reference: Reference | None = None) -> DetectionResult:
    """Aggregate over documents; exact duplicates (after normalisation) are scored once. With a
    ``reference`` (unmarked text of the same source), sets are scored on residuals against it."""
    docs = unique_documents(texts)
    counts = _counts((observe(t, registry.wm) for t in docs), len(registry.wm.table.sets))
    scores = None
    if reference is not None:
        scores = residual_scores(counts, reference, np.asarray(registry.wm.table.sizes, dtype=np.int64))
    result = score_counts(counts, registry, strength=strength, threshold=threshold, documents=len(docs),
                          scores=scores)
    return _with_fragile(result, docs, registry)
