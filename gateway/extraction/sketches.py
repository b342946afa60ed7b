"""An account's bounded sketches: rings of recent values, linear-counting bitmaps and short lists.

A mixin of `PrincipalState` (state.py), split out in round 16 to keep that module to the per-request counting;
every method takes the state as `self` and touches only the sketch it names (and the counters in `num`/`ints`,
layout.py, that go with it). Everything here is bounded: rings hold a fixed number of distinct values, bitmaps a
fixed number of bits, lists a fixed number of entries.
"""

from __future__ import annotations

import math
from array import array
from typing import TYPE_CHECKING

from gateway.extraction.layout import (
    GAP_M2,
    GAP_MEAN,
    GAP_N,
    LAST_TS,
    RET_MINUTE,
    TOTAL,
    W_IFACE,
    W_IFACE_BACK,
    W_IFACE_SAMPLED,
    W_NEW_IFACE,
    W_RELAY,
    W_RET_BACK,
    W_RET_FRESH,
)

if TYPE_CHECKING:
    from gateway.extraction.state import PrincipalState

RECENT_HASHES = 64    # recent exact prompts: repeats (resampling) and the turns a follow-up continues
USER_BITS = 256       # linear-counting bitmap of end users (one Python int, ~60 bytes)
TOOLSET_BITS = 64     # linear-counting bitmap of declared tool sets (0 for accounts without tools)
MAX_SLOTS = 32        # recent active 10-minute slots, for synchronized timing
SLOT_S = 600
MAX_EXAMPLES = 3
MAX_TIMELINE = 24
MENU_RING = 8          # an account's recent distinct tool menus (only for accounts that declare tools)
IFACE_RING = 8         # round 11: its recent distinct interfaces (tool menu or output schema) of fresh requests
IFACE_SAMPLE_SHIFT = 29  # round 14: interfaces whose hash has its top 3 bits clear (1 in 8) are remembered longer ...
IFACE_SEEN_BITS = 1024   # ... in a bitmap (one Python int), cleared when a third of its bits are set (a generator)
RELAY_PARTNERS = 4     # round 11: the last accounts it relayed answers with (either end), for campaign links
PROBLEM_RING = 16      # the account's recent problems (quantity signatures), whatever it asked for (round 9)
RETURN_SAMPLE_SHIFT = 27  # round 18: suspicious prompts whose hash has its top 5 bits clear (1 in 32) are remembered ...
RETURN_BITS = 512         # ... in two bitmaps: this sitting's and the earlier sittings' (cleared at a quarter full)
RETURN_MASK = (1 << RETURN_BITS) - 1
SITTING_GAP_MIN = 120       # a sampled prompt this many minutes after the previous one starts a new sitting
RERUN_MIN = 8.0           # decayed sampled prompts before `reruns` says anything
RERUN_SHARE = 0.4         # share of them that came back from an earlier sitting
DOC_RING = 8           # round 16: the account's recent documents (documents.py), only for accounts that paste them
DOC_RETURN_MIN = 8     # round 19: pastes before `returns_to_documents` says anything ...
DOC_RETURN_SHARE = 0.1  # ... and the share of them that return to a recent document (scoring's RETURNING_DOCS from)


def _remember(ring: array, value: int, size: int) -> bool:
    """Append ``value`` to a ring of the last ``size`` distinct values; False if it is already there.
    (An array of uint32 and a linear scan: the rings are short.)"""
    if value in ring:
        return False
    ring.append(value)
    if len(ring) > size:
        del ring[0]
    return True


class Sketches:
    """The sketch methods of `PrincipalState` (its slots are declared there)."""

    __slots__ = ()

    def observe_gap(self: PrincipalState, ts: float) -> None:
        """Welford on log inter-arrival time: bots have a small spread, people a large one."""
        ints, num = self.ints, self.num
        if ints[TOTAL] == 0:
            return
        x = math.log(ts - num[LAST_TS] + 1.0)
        n = ints[GAP_N] = ints[GAP_N] + 1
        d = x - num[GAP_MEAN]
        num[GAP_MEAN] += d / n
        num[GAP_M2] += d * (x - num[GAP_MEAN])

    def gap_std(self: PrincipalState) -> float:
        n = self.ints[GAP_N]
        return math.sqrt(self.num[GAP_M2] / (n - 1)) if n > 1 else 0.0

    def add_user(self: PrincipalState, user_hash: int) -> None:
        self.users |= 1 << (user_hash % USER_BITS)

    def end_users(self: PrincipalState) -> float:
        """Distinct end users (exact enough below ~100)."""
        return _linear_count(self.users, USER_BITS)

    def tool_sets(self: PrincipalState) -> float:
        """Distinct declared tool sets (exact enough below ~30)."""
        return _linear_count(self.toolsets, TOOLSET_BITS)

    def add_slot(self: PrincipalState, ts: float) -> None:
        s = int(ts // SLOT_S)
        if not self.slots or self.slots[-1] != s:
            self.slots.append(s)
            if len(self.slots) > MAX_SLOTS:
                del self.slots[0]

    def seen_recently(self: PrincipalState, h: int) -> bool:
        return not _remember(self.recent, h, RECENT_HASHES)

    def new_menu(self: PrincipalState, toolset: int) -> bool:
        """Whether a declared tool menu is none of the account's last MENU_RING distinct menus (and remember it).
        A product agent, or a benchmark over a catalogue's domains, declares the same few menus again and again;
        a generator of function-calling data draws a new menu for nearly every request."""
        if self.menus is None:
            self.menus = array("I")
        return _remember(self.menus, toolset, MENU_RING)

    def count_interface(self: PrincipalState, iface: int) -> None:
        """Count a fresh request's interface (tool menu xor output schema): new when none of the last IFACE_RING
        (round 11); round 14: a new one is *returning* when the account declared it before (a platform's many
        workspaces, a nightly suite), which a generator never does; sampled 1 in 8 against the `iface_seen` bitmap."""
        num = self.num
        num[W_IFACE] += 1.0
        if self.ifaces is None:
            self.ifaces = array("I")
        if not _remember(self.ifaces, iface, IFACE_RING):  # one of the last 8
            return
        num[W_NEW_IFACE] += 1.0
        if iface >> IFACE_SAMPLE_SHIFT:
            return
        num[W_IFACE_SAMPLED] += 1.0
        bit = 1 << (iface % IFACE_SEEN_BITS)
        if self.iface_seen & bit:
            num[W_IFACE_BACK] += 1.0
        elif (seen := self.iface_seen | bit).bit_count() > IFACE_SEEN_BITS // 3:
            self.iface_seen = bit
        else:
            self.iface_seen = seen

    def count_return(self: PrincipalState, content_hash: int, ts: float) -> None:
        """Count a fresh suspicious prompt (round 18): *returning* when the account asked it in an earlier sitting
        (sittings: runs of sampled prompts without a gap of SITTING_GAP_MIN minutes). A lab re-running its fixed benchmark every
        night asks the same items again; a harvest has those answers already and asks new ones (an anchor set aside).
        Sampled 1 in 32 by hash, so a bank of a few hundred items fits the 512-bit bitmaps; a prompt asked again within
        a sitting (the same item on several models) counts once. `returns` holds both bitmaps in one int (this
        sitting's in the low bits); ints[RET_MINUTE] the minute of the last sampled prompt."""
        if content_hash >> RETURN_SAMPLE_SHIFT:
            return
        ints, num = self.ints, self.num
        bits = self.returns
        minute = int(ts // 60)
        if minute - ints[RET_MINUTE] >= SITTING_GAP_MIN and bits & RETURN_MASK:
            earlier = (bits >> RETURN_BITS) | (bits & RETURN_MASK)
            if earlier.bit_count() > RETURN_BITS // 4:  # full of old prompts: keep the last sitting's only
                earlier = bits & RETURN_MASK
            bits = earlier << RETURN_BITS
        ints[RET_MINUTE] = minute
        bit = 1 << (content_hash % RETURN_BITS)
        if bits & bit:
            return
        num[W_RET_FRESH] += 1.0
        if bits & (bit << RETURN_BITS):
            num[W_RET_BACK] += 1.0
        self.returns = bits | bit

    def rerun_share(self: PrincipalState) -> float:
        """Decayed share of its sampled fresh suspicious prompts that came back from an earlier sitting (0 until
        RERUN_MIN of them)."""
        num = self.num
        fresh = num[W_RET_FRESH]
        return num[W_RET_BACK] / fresh if fresh >= RERUN_MIN else 0.0

    def reruns(self: PrincipalState) -> bool:
        """Most of its fresh suspicious prompts came back from earlier sittings: a fixed suite re-run (round 18)."""
        return self.rerun_share() >= RERUN_SHARE

    def returns_to_documents(self: PrincipalState) -> bool:
        """A tenth or more of its pastes come back to a document it pasted recently: it works on its own material
        (a teacher marking a class set against one task and rubric), where a harvest sends new items (round 19)."""
        docs = self.docs
        return docs is not None and docs[0] >= DOC_RETURN_MIN and docs[1] >= DOC_RETURN_SHARE * docs[0]

    def add_relay(self: PrincipalState, partner: str) -> None:
        """Count a relayed answer (this account at either end) and remember the account at the other end (the
        last RELAY_PARTNERS distinct ones)."""
        self.num[W_RELAY] += 1.0
        if self.relays is None:
            self.relays = [partner]
        elif partner not in self.relays:
            self.relays = [*self.relays[1 - RELAY_PARTNERS:], partner]

    def drop_relay(self: PrincipalState, partner: str) -> None:
        """Take back one relay with `partner` (round 21: the answer turned out to be common text)."""
        self.num[W_RELAY] = max(0.0, self.num[W_RELAY] - 1.0)
        if self.relays is not None and partner in self.relays:
            rest = [p for p in self.relays if p != partner]
            self.relays = rest or None

    def add_problem(self: PrincipalState, problem: int) -> bool:
        """Remember a problem the account asked (see problems.py); False if already remembered."""
        if self.problems is None:
            self.problems = array("I")
        return _remember(self.problems, problem, PROBLEM_RING)

    def add_visit(self: PrincipalState, doc_ids: list[int]) -> None:
        """Remember passages of one request (documents.py). Round 23: a passage sent again straight after itself (the
        newest of the ring) is the same visit, not a paste: a program working one image, file or text several ways
        (every caption style, every hole) before the next one. Round 24: likewise a scenario whose passages are all
        among the ring's newest (every rollout of a card in a row)."""
        ring = self.docs[2:] if self.docs is not None else ()
        if ring and all(d in ring[-len(doc_ids):] for d in doc_ids):
            return
        for d in doc_ids:
            self.add_document(d)

    def add_document(self: PrincipalState, doc_id: int) -> None:
        """Remember a document the account pasted (see documents.py): `docs` is [pastes, returning pastes, then the
        last DOC_RING distinct document ids]; a returning paste is of a document still among them."""
        docs = self.docs
        if docs is None:
            docs = self.docs = array("I", (0, 0))
        docs[0] += 1
        if doc_id in docs[2:]:
            docs[1] += 1
            return
        docs.append(doc_id)
        if len(docs) > 2 + DOC_RING:
            del docs[2]

    def add_example(self: PrincipalState, excerpt: str) -> None:
        if self.examples is None:
            self.examples = []
        elif len(self.examples) >= MAX_EXAMPLES:
            del self.examples[0]
        self.examples.append(excerpt)

    def add_timeline(self: PrincipalState, ts: float, status: str, score: float) -> None:
        if self.timeline is None:
            self.timeline = []
        self.timeline.append((ts, status, round(score, 3)))
        if len(self.timeline) > MAX_TIMELINE:
            del self.timeline[1]  # keep the first entry: when the account appeared


def _linear_count(bitmap: int, bits: int) -> float:
    """Distinct values hashed into a ``bits``-bit bitmap: the linear-counting estimate."""
    zeros = bits - bitmap.bit_count()
    if zeros == 0:
        return bits * math.log(bits)
    return -bits * math.log(zeros / bits)
