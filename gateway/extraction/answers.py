"""Answers relayed between accounts (round 11): an answer the gateway gave one account, sent back as
another account's prompt.

Harvesting pipelines feed the teacher's outputs back in: back-translation (one account's translations are
another's source text), draft -> critique -> rewrite relays, answers graded by a judge account. Inside one
organisation that is collaboration (a colleague pastes an answer to ask about it); an answer given to one
tenant's account turning up, most of it verbatim, as another tenant's prompt means the two accounts are one
operation. A person quoting a line of an answer from the web is not that: the match needs most of one answer.

Texts are cut into *segments* at line breaks and double quotes -- the structural units of lists, code, worked
steps and JSON string values -- and segments under SEGMENT_CHARS are dropped (boilerplate: braces, `LGTM`,
`Answer: 3`). A *gram* is the crc32 of GRAM_SEGMENTS consecutive segments, so one common line never matches on
its own. A response is kept as a bottom-k sketch (its ANSWER_SKETCH smallest gram hashes, an order-free
sample of the answer); a prompt carries its first QUOTE_GRAMS grams. A prompt *relays* an answer when it holds
>= RELAY_MIN_GRAMS of the answer's sketch and at least RELAY_SHARE of it. Prose paragraphs (one line, no quotes)
have no grams: this sees structured answers (lists, code, steps, JSON, translations), not free prose.

Common text is no relay's evidence: a gram given to COMMON_OWNERS accounts (round 20: a stock snippet), and an
answer that COMMON_OWNERS accounts relay (round 21: a stock list many people happen to paste). A pipeline feeds an
answer to its next stage, one account or two; a dozen unrelated accounts quoting one answer quote common text, and
the links its first relayers made are taken back (`Relay.retract`).
"""

from __future__ import annotations

import struct
from itertools import islice
from typing import NamedTuple
from zlib import crc32

SEGMENT_CHARS = 16    # shorter segments are boilerplate
GRAM_SEGMENTS = 3     # consecutive segments per gram
ANSWER_SKETCH = 16    # bottom-k gram hashes kept per answer
QUOTE_GRAMS = 32      # grams read from a prompt (its first ones): a batch of 30 strings, a page of steps
RELAY_MIN_GRAMS = 2   # a relayed answer shares at least this many of its sketch grams with the prompt ...
RELAY_SHARE = 0.5     # ... and at least this share of its sketch
TEXT_CHARS = 4000     # characters of a prompt or answer read
COMMON_OWNERS = 4     # a gram given to (round 20), or an answer relayed by (round 21), this many accounts is common text
_GRAM = struct.Struct("<3I")
assert GRAM_SEGMENTS == 3  # the gram packing above is unrolled for three segments


def segment_grams(text: str, limit: int = QUOTE_GRAMS) -> list[int]:
    """Gram hashes of a text, in order, at most `limit` of them ([] when it has fewer than GRAM_SEGMENTS
    long segments). Each segment is hashed once; a gram is the crc32 of its three segment hashes."""
    parts = text.replace('"', "\n").split("\n", 2 * limit + 16)  # C-level: several times a regex split
    hs = [crc32(s.encode(errors="surrogatepass")) for s in map(str.strip, parts) if len(s) >= SEGMENT_CHARS]
    pack = _GRAM.pack
    return [crc32(pack(hs[i], hs[i + 1], hs[i + 2])) for i in range(min(limit, len(hs) - GRAM_SEGMENTS + 1))]


def quote_grams(prompt: str) -> tuple[int, ...]:
    """The grams of a prompt (hot path: a C-level count of separators first; most prompts have too few)."""
    if prompt.count("\n") + prompt.count('"') < GRAM_SEGMENTS:
        return ()
    return tuple(segment_grams(prompt[:TEXT_CHARS]))


def answer_sketch(text: str) -> tuple[int, ...]:
    """Bottom-k sketch of a response text: its ANSWER_SKETCH smallest gram hashes (sorted); () when the
    answer has fewer than RELAY_MIN_GRAMS grams (too little structure to recognise)."""
    if not text or text.count("\n") + text.count('"') < GRAM_SEGMENTS:
        return ()
    grams = sorted(set(segment_grams(text[:TEXT_CHARS], 4 * ANSWER_SKETCH)))
    return tuple(grams[:ANSWER_SKETCH]) if len(grams) >= RELAY_MIN_GRAMS else ()


class Relay(NamedTuple):
    """What a prompt relays: `source`, the account whose answer it carries (None: no relay); `retract`, when the
    prompt made that answer common, its owner and the accounts that relayed it before (their links are undone)."""

    source: str | None
    retract: tuple[str, tuple[str, ...]] | None = None


NO_RELAY = Relay(None)


class AnswerTable:
    """Recent answers' sketch grams -> the answer they belong to: (principal, tenant, sketch size, serial).
    Bounded: beyond `max_grams`, the older half is dropped (dict insertion order)."""

    __slots__ = ("_grams", "_max", "_serial", "_also", "_relayers")

    def __init__(self, max_grams: int = 200_000) -> None:
        self._grams: dict[int, tuple[str, str | None, int, int]] = {}
        self._max = max_grams
        self._serial = 0
        # Round 20: a gram an answer of another account took over -> the other accounts given it before (two at
        # most), or None once three or more were: common text (a textbook function, a stock snippet), which
        # says nothing about who relays whom. A prompt quoting what its own account was given is no relay
        # either, whoever was given the same text since.
        self._also: dict[int, tuple[str, ...] | None] = {}
        # Round 21: an answer (serial) that prompts relayed -> the accounts that relayed it (COMMON_OWNERS - 1 at
        # most), or None once COMMON_OWNERS did: v25's three lists of test messages were "relayed" by 8-12 accounts
        # each, of nine scenarios (teachers, a migration team and harvesters alike), and joined them in one campaign.
        self._relayers: dict[int, tuple[str, ...] | None] = {}

    def __len__(self) -> int:
        return len(self._grams)

    def note(self, principal: str, tenant: str | None, sketch: tuple[int, ...]) -> None:
        """Remember an answer given to `principal`."""
        if len(sketch) < RELAY_MIN_GRAMS:
            return
        self._serial += 1
        meta = (principal, tenant, len(sketch), self._serial)
        grams, also = self._grams, self._also
        for g in sketch:
            old = grams.get(g)
            if old is not None and old[0] != principal:
                before = also.get(g, ())
                if before is not None and old[0] not in before:
                    also[g] = _one_more(before, old[0], COMMON_OWNERS - 2)
            grams[g] = meta  # the newest answer owns a gram
        if len(grams) > self._max:
            # Keep the newer half, in one pass (amortised O(1) per gram; deleting the oldest key one at a time
            # makes each deletion scan the dict's growing run of deleted slots).
            self._grams = grams = dict(islice(grams.items(), len(grams) - self._max // 2, None))
            self._also = {g: p for g, p in also.items() if g in grams}
            oldest = min(meta[3] for meta in grams.values())  # answers before it have no gram left
            self._relayers = {a: r for a, r in self._relayers.items() if a >= oldest}

    def relayed(self, principal: str, tenant: str | None, grams: tuple[int, ...]) -> Relay:
        """The account whose answer this prompt relays (most of one answer, given to an account of another
        tenant -- or, when tenants are unknown, another account), if any; and the links to take back when this
        prompt is the COMMON_OWNERS-th account's relay of that answer."""
        if len(grams) < RELAY_MIN_GRAMS:
            return NO_RELAY
        table, also = self._grams, self._also
        counts: dict[tuple[str, str | None, int, int], int] = {}
        for g in grams:
            meta = table.get(g)
            if meta is not None and meta[0] != principal:
                before = also.get(g, ())
                if before is not None and principal not in before:
                    counts[meta] = counts.get(meta, 0) + 1
        for meta, k in counts.items():
            other, other_tenant, size, serial = meta
            if k >= RELAY_MIN_GRAMS and k >= RELAY_SHARE * size and (
                    tenant is None or other_tenant is None or other_tenant != tenant):
                earlier = self._relayers.get(serial, ())
                if earlier is None:
                    continue  # common text: no relay
                if principal in earlier:
                    return Relay(other)
                more = self._relayers[serial] = _one_more(earlier, principal, COMMON_OWNERS - 1)
                return Relay(other) if more is not None else Relay(None, (other, earlier))
        return NO_RELAY


def _one_more(seen: tuple[str, ...], who: str, cap: int) -> tuple[str, ...] | None:
    """`seen` with `who` added, or None -- common text -- when `seen` already holds `cap` accounts."""
    return (*seen, who) if len(seen) < cap else None
