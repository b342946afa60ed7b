"""Marking: rewrite prose so each alternative set uses the variant an account's key selects.

``Watermarker`` is built once per compiled policy (table, regexes, layout); ``mark`` and ``stream``
are then cheap. Per-account variant vectors are derived on demand and cached in a bounded LRU owned
by the ``Watermarker`` instance (no module-level state).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from gateway.watermark import fragile
from gateway.watermark.keys import Layout, account_key, variants_for
from gateway.watermark.policy import WatermarkPolicy
from gateway.watermark.scanner import CONTEXT, Scanner, ScanState, capitalised, mark_prose, scan
from gateway.watermark.table import EquivalenceTable, load_table

# the letters a word of the table can end a token with: "(per" and "x—do" end with a phrase's first word too
_TRAILING_WORD = re.compile(r"[A-Za-z']+\Z")
_LEADING_WORD = re.compile(r"[A-Za-z']+")
# Tokens held back at most for phrases that run into each other through punctuation ("do not—do not—…")
PHRASE_CHAIN = 8

DEFAULT_SHARED_FRACTION = 0.5
# Characters of text between copies of the fragile payload (~170 words; 48 zero-width characters each).
FRAGILE_SPACING = 1000


class Watermarker:
    def __init__(
        self,
        master_secret: bytes,
        *,
        table: EquivalenceTable | None = None,
        exclude_patterns: Sequence[str] = (),
        shared_fraction: float = DEFAULT_SHARED_FRACTION,
        cache_accounts: int = 4096,
    ) -> None:
        if len(master_secret) < 16:
            raise ValueError("watermark master secret must be at least 16 bytes")
        self.master = master_secret
        self.table = table if table is not None else load_table()
        self.scanner = Scanner(self.table, exclude_patterns)
        self.layout = Layout.build(master_secret, self.table, shared_fraction)
        self._members = self.table.sets
        self._cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        # the per-set target list of a (tenant, account, strength): building it costs about as
        # much as marking a short answer, and one account asks for it on every response
        self._target_cache: OrderedDict[tuple[str, str, float], tuple[list[int], bytes]] = OrderedDict()
        self._cache_size = cache_accounts
        # where a sampled stream hands the upstream's text (before marking) when the response ends:
        # the gateway's recorded reference (`gateway.watermark.recorder`)
        self.tally: PreMarkSink | None = None

    @classmethod
    def from_policy(cls, master_secret: bytes, policy: WatermarkPolicy) -> Watermarker:
        """Built when a policy version is compiled (exclusions change the table and the regexes)."""
        return cls(master_secret, table=load_table(frozenset(policy.exclude_words)),
                   exclude_patterns=policy.exclude_patterns)

    def account_variants(self, tenant: str, account: str) -> np.ndarray:
        """The variant each set takes in this account's output (shared or own channel)."""
        key = (tenant, account)
        vec = self._cache.get(key)
        if vec is None:
            own = variants_for(account_key(self.master, tenant, account), self.table)
            vec = self.layout.marked_variants(own)
            self._cache[key] = vec
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return vec

    def _targets(self, tenant: str, account: str, strength: float) -> tuple[list[int], bytes]:
        """Per set: the member index to write, or -1 where this strength leaves the set alone; and the
        same as bytes (255 for -1) for the compiled marker. Shared by the streams of one account: read-only."""
        key = (tenant, account, strength)
        targets = self._target_cache.get(key)
        if targets is None:
            vec = self.account_variants(tenant, account)
            chosen = np.where(self.layout.threshold < strength, vec, -1)
            targets = self._target_cache[key] = (chosen.tolist(), chosen.astype(np.uint8).tobytes())
            if len(self._target_cache) > self._cache_size:
                self._target_cache.popitem(last=False)
        else:
            self._target_cache.move_to_end(key)
        return targets

    def mark(self, text: str, *, tenant: str, account: str, strength: float = 1.0,
             fragile_ts: int | None = None) -> str:
        # one segment: the whole text is a valid chunking, so no hold-back bookkeeping is needed
        return self.stream(tenant, account, strength, fragile_ts=fragile_ts)._process(text)

    def stream(self, tenant: str, account: str, strength: float = 1.0, *,
               fragile_ts: int | None = None, sink: PreMarkSink | None = None) -> MarkingStream:
        """``fragile_ts`` (minutes since the epoch) turns on the fragile channel for this response.
        ``sink``: where this stream's pre-mark text goes instead of ``self.tally`` (one response's
        collector, whose texts travel with its provenance entry to the workers)."""
        payload = "" if fragile_ts is None else fragile.encode(self.master, tenant, account, fragile_ts)
        if sink is None:
            sink = self.tally
        if sink is not None and not sink.sample():
            sink = None
        return MarkingStream(self, *self._targets(tenant, account, strength), payload, sink,
                             tenant if sink is not None else None)


class PreMarkSink(Protocol):
    def sample(self) -> bool:
        """Whether to keep this response (asked once per stream)."""
        ...

    def add_text(self, text: str, tenant: str | None = None) -> None:
        """One response's text as the upstream wrote it (before marking), at its end, and the tenant
        it was served to."""
        ...


class MarkingStream:
    """A ``TextTransform``: ``feed`` releases text up to the last complete word, ``flush`` the rest.

    Holds back only the trailing whitespace and the unfinished word (the next chunk may extend it),
    plus, when the last complete word can start a two-word phrase of the table ("do" of "do not"),
    that word and the whitespace after it (and the words before it that end a phrase it continues, `_hold_from`);
    and the scanner state (code fence, quote, JSON depth).

    With a ``sink``, the text as the upstream wrote it is kept (the segments already in hand, one
    list append each) and handed to the sink by ``flush``, the end of this text: one document of the
    gateway-recorded reference, observed off the request path.
    """

    __slots__ = ("_wm", "_targets", "_marks", "_state", "_pending", "_tail", "_ctx", "_payload", "_heads", "_orig",
                 "_sink", "_tenant", "_seen", "_base", "_next_copy")

    def __init__(self, wm: Watermarker, targets: list[int], marks: bytes, payload: str = "",
                 sink: PreMarkSink | None = None, tenant: str | None = None) -> None:
        self._wm = wm
        self._targets = targets
        # ``targets`` as bytes when the compiled marker is built: it marks without calling _on_word
        self._marks = marks if wm.scanner.marks is not None else None
        # Fragile channel: a copy after the first eligible prose word, then after the first one at least
        # FRAGILE_SPACING characters further on, so that deleting or cutting one word does not take the
        # payload with it. Offsets count the text as received, so any chunking writes the same copies.
        self._payload = payload
        self._seen = 0  # characters of the text processed before the current segment
        self._base = 0  # offset in the text of the current scan buffer's first character
        self._next_copy = 0
        self._state = ScanState()
        self._pending = ""
        self._tail: list[str] = []  # deltas held after _pending that could not complete a word (see feed)
        self._ctx = ""
        self._heads = wm.table.phrase_heads
        self._sink = sink
        self._tenant = tenant  # the sink records per tenant too
        self._orig: list[str] | None = [] if sink is not None else None

    def _on_word(self, start: int, word: str, set_id: int, member: int, sentence_start: bool) -> str | None:
        target = self._targets[set_id]
        if target < 0 or target == member:
            rep = None
        elif word.islower():
            rep = self._wm._members[set_id][target]
        elif sentence_start and capitalised(word):
            rep = self._wm._members[set_id][target].capitalize()
        else:
            rep = None  # ALL CAPS, mixed case or a mid-sentence name: leave it
        if self._payload and self._base + start >= self._next_copy:
            rep = (word if rep is None else rep) + self._payload
            self._next_copy = self._base + start + FRAGILE_SPACING
        return rep

    def _process(self, segment: str) -> str:
        if not segment:
            return ""
        if self._orig is not None:
            self._orig.append(segment)  # the upstream's text, before marking
        buf = self._ctx + segment
        self._ctx = buf[-CONTEXT:]
        self._base = self._seen - (len(buf) - len(segment))
        self._seen += len(segment)
        # the compiled marker, unless a fragile copy may fall due in this segment (its words start before _seen)
        if self._marks is not None and (not self._payload or self._seen <= self._next_copy):
            return mark_prose(self._wm.scanner, self._state, buf, len(buf) - len(segment), self._marks)
        # the reference path; and the fragile channel, whose payload follows eligible words
        return "".join(scan(self._wm.scanner, self._state, buf, len(buf) - len(segment), self._on_word))

    def feed(self, text: str) -> str:
        if not text:
            return ""
        # A delta without whitespace, or of whitespace after held whitespace, completes no word: it only lengthens
        # what is held (the unfinished word, the whitespace run), and the cut below would be where it was. Kept
        # as pieces and joined once, so a long run (a base64 blob, a run of blank lines) costs linear time:
        # copying and re-scanning the held text per delta took 36 s for a 400 KB blob in 4-character deltas.
        if text.isspace():
            held = self._tail[-1] if self._tail else self._pending
            if not held or held[-1].isspace():
                self._tail.append(text)
                return ""
        elif not text[0].isspace() and not text[-1].isspace() and len(text.split(None, 1)) == 1:
            self._tail.append(text)
            return ""
        p = self._held() + text
        # str.rsplit(None) and str.isspace share CPython's whitespace class; splitting in C costs a
        # fifth of walking the characters back in Python, once per streamed delta
        if p[-1].isspace():
            head = p.rstrip()
        else:
            parts = p.rsplit(None, 1)  # [text before the unfinished word, the unfinished word]
            if len(parts) < 2:
                self._pending = p  # no complete word yet
                return ""
            head = parts[0]  # ends at the last complete word
        cut = len(head)
        last = head.rsplit(None, 1)
        if last and self._may_start_phrase(last[-1]):
            cut = self._hold_from(head, cut - len(last[-1]))  # a phrase may start here ("do" of "do not"): hold it back
        self._pending = p[cut:]
        return self._process(p[:cut])

    def _hold_from(self, head: str, start: int) -> int:
        """Where ``head`` is cut when its last token, at ``start``, is held back: before the whitespace in front of
        it, and before each token right before that ends with a phrase's first word whose second word opens the
        token after it (at most PHRASE_CHAIN of them): "must" of "must not—do", where holding "not—do" alone cut
        the phrase "must not" in two."""
        cut = len(head[:start].rstrip())
        index = self._wm.table.index
        for _ in range(PHRASE_CHAIN):
            if not cut or head[cut:start] != " ":  # the words of a phrase are one space apart
                break
            token = head[:cut].rsplit(None, 1)[-1]
            first, second = _TRAILING_WORD.search(token), _LEADING_WORD.match(head, start)
            if first is None or second is None or f"{first.group()} {second.group()}".lower() not in index:
                break
            start = cut - len(token)
            cut = len(head[:start].rstrip())
        return cut

    def _may_start_phrase(self, token: str) -> bool:
        """Whether the last complete token ends with a phrase's first word: the token itself ("do"), or its
        letters after opening punctuation glued to it ("(per" of "(per cent"), which the scanner also reads
        as a word. Holding back a token that turns out to start no phrase costs only one word's delay."""
        if token.lower() in self._heads:
            return True
        if token.isalpha():
            return False
        m = _TRAILING_WORD.search(token)
        return m is not None and m.group().lower() in self._heads

    def _held(self) -> str:
        """What is held back, whole (and no longer in pieces)."""
        if self._tail:
            self._pending += "".join(self._tail)
            self._tail = []
        return self._pending

    def whole(self, text: str) -> str:
        """``feed(text) + flush()`` in one scan: a text that arrives whole needs no hold-back."""
        if self._pending or self._tail:
            return self.feed(text) + self.flush()
        return self._process(text) + self.flush()

    def flush(self) -> str:
        p, self._pending = self._held(), ""
        out = self._process(p)
        if self._orig:
            self._sink.add_text("".join(self._orig), self._tenant)  # type: ignore[union-attr]
            self._orig = []
        return out
