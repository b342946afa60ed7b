"""Bounded per-principal and per-template-cluster state: decayed counters and small sketches.

Everything here is O(1) in the number of requests an account has sent: counters decay with one
half-life, sets and lists are capped. `bytes_per_account` in the evaluation measures the result.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from gateway.extraction.features import FeatureEvent
from gateway.extraction.patterns import CATEGORIES

TOP_CLUSTERS = 6      # Space-Saving slots for an account's template clusters
RECENT_HASHES = 32    # recent exact prompts, to see repeats
USER_BITS = 256       # linear-counting bitmap of end users (one Python int, ~60 bytes)
MAX_SLOTS = 32        # recent active 10-minute slots, for synchronized timing
SLOT_S = 600
MAX_EXAMPLES = 3
MAX_TIMELINE = 24
CLUSTER_MEMBERS = 256
DECAY_MIN_DT = 120.0   # seconds: decay is applied at most once per this interval of event time  # accounts remembered per template cluster


class PrincipalState:
    """Everything the detector keeps about one account."""

    __slots__ = (
        "principal", "tenant", "key_id", "first_ts", "last_ts", "decay_ts", "total",
        "w", "w_reason", "w_single", "w_harvest", "w_long", "w_short", "w_off", "w_out", "w_elicit", "w_camp", "cats",
        "hours", "gap_n", "gap_mean", "gap_m2", "recent", "clusters", "users", "slots",
        "ip_prefix", "ua_hash", "examples", "timeline", "score", "campaign_id", "campaign_score",
        "status", "first_flagged_ts", "reasons", "decision", "cleared_score", "allowlisted",
        "fingerprint", "confirm_ts",
    )

    def __init__(self, ev: FeatureEvent) -> None:
        self.principal = ev.principal
        self.tenant = ev.tenant
        self.key_id = ev.key_id
        self.first_ts = self.last_ts = self.decay_ts = ev.ts
        self.total = 0
        self.w = self.w_reason = self.w_single = self.w_harvest = self.w_long = self.w_short = self.w_off = 0.0
        self.w_out = self.w_elicit = self.w_camp = 0.0
        # Typed arrays, not lists: a list of 32 ints holds 32 int objects (~1 KB), an array 128 bytes.
        self.cats = array("d", bytes(8 * len(CATEGORIES)))
        self.hours = array("I", bytes(4 * 24))
        self.gap_n = 0
        self.gap_mean = self.gap_m2 = 0.0
        self.recent = array("I")
        self.clusters = TopClusters()
        self.users = 0  # bitmap: bit (user_hash % USER_BITS) set per end user seen
        self.slots = array("I")
        self.ip_prefix = ev.ip_prefix
        self.ua_hash = ev.ua_hash
        self.examples: list[str] = []
        self.timeline: list[tuple[float, str, float]] = []
        self.score = 0.0
        self.campaign_id: str | None = None
        self.campaign_score = 0.0
        self.status = "ok"
        self.first_flagged_ts: float | None = None
        self.reasons: tuple[str, ...] = ()
        self.decision: str | None = None
        self.cleared_score = 0.0
        self.allowlisted = False
        self.fingerprint = 0
        self.confirm_ts = 0.0  # last event time the score reached the threshold of the current status

    def decay(self, ts: float, half_life_s: float, short_half_life_s: float) -> None:
        dt = ts - self.decay_ts
        if dt < DECAY_MIN_DT:
            # Applied later in one step (exact for what was counted before; counts added within the
            # last DECAY_MIN_DT are decayed from the next step on): half the calls for busy accounts.
            return
        f = 0.5 ** (dt / half_life_s)
        self.w *= f
        self.w_reason *= f
        self.w_single *= f
        self.w_harvest *= f
        self.w_long *= f
        self.w_off *= f
        self.w_out *= f
        self.w_elicit *= f
        self.w_camp *= f
        cats = self.cats
        for i in range(len(cats)):
            cats[i] *= f
        self.clusters.decay(f)
        self.w_short *= 0.5 ** (dt / short_half_life_s)
        self.decay_ts = ts

    def observe_gap(self, ts: float) -> None:
        """Welford on log inter-arrival time: bots have a small spread, people a large one."""
        if self.total == 0:
            return
        gap = ts - self.last_ts
        x = math.log(gap + 1.0)
        self.gap_n += 1
        d = x - self.gap_mean
        self.gap_mean += d / self.gap_n
        self.gap_m2 += d * (x - self.gap_mean)

    def gap_std(self) -> float:
        return math.sqrt(self.gap_m2 / (self.gap_n - 1)) if self.gap_n > 1 else 0.0

    def add_user(self, user_hash: int) -> None:
        self.users |= 1 << (user_hash % USER_BITS)

    def end_users(self) -> float:
        """Distinct end users, linear-counting estimate from the bitmap (exact enough below ~100)."""
        zeros = USER_BITS - self.users.bit_count()
        if zeros == 0:
            return USER_BITS * math.log(USER_BITS)
        return -USER_BITS * math.log(zeros / USER_BITS)

    def add_slot(self, ts: float) -> None:
        s = int(ts // SLOT_S)
        if not self.slots or self.slots[-1] != s:
            self.slots.append(s)
            if len(self.slots) > MAX_SLOTS:
                del self.slots[0]

    def seen_recently(self, h: int) -> bool:
        if h in self.recent:
            return True
        self.recent.append(h)
        if len(self.recent) > RECENT_HASHES:
            del self.recent[0]
        return False

    def add_timeline(self, ts: float, status: str, score: float) -> None:
        self.timeline.append((ts, status, round(score, 3)))
        if len(self.timeline) > MAX_TIMELINE:
            del self.timeline[1]  # keep the first entry: when the account appeared


class TopClusters:
    """An account's top template clusters (Space-Saving): ids and [count, suspicious, single_turn]
    per slot in two flat typed arrays rather than a dict of lists (~300 bytes less per account)."""

    __slots__ = ("ids", "counts")

    def __init__(self) -> None:
        self.ids = array("I")
        self.counts = array("f")

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __contains__(self, cid: int) -> bool:
        return cid in self.ids

    def get(self, cid: int) -> tuple[float, float, float] | None:
        try:
            i = 3 * self.ids.index(cid)
        except ValueError:
            return None
        c = self.counts
        return c[i], c[i + 1], c[i + 2]

    def items(self) -> Iterator[tuple[int, tuple[float, float, float]]]:
        c = self.counts
        for k, cid in enumerate(self.ids):
            yield cid, (c[3 * k], c[3 * k + 1], c[3 * k + 2])

    def decay(self, f: float) -> None:
        c = self.counts
        for i in range(len(c)):
            c[i] *= f

    def add(self, cid: int, suspicious: bool, single: bool) -> float:
        """Count one request; a new cluster replaces the lightest when full (inherits its count).
        Returns the suspicious count of the slot."""
        ids, c = self.ids, self.counts
        try:
            i = 3 * ids.index(cid)
        except ValueError:
            if len(ids) >= TOP_CLUSTERS:
                k = min(range(len(ids)), key=lambda j: c[3 * j])
                ids[k] = cid
                i = 3 * k
                c[i + 1] = c[i + 2] = 0.0
            else:
                ids.append(cid)
                c.extend((0.0, 0.0, 0.0))
                i = 3 * (len(ids) - 1)
        c[i] += 1.0
        if suspicious:
            c[i + 1] += 1.0
        if single:
            c[i + 2] += 1.0
        return c[i + 1]

    def top(self) -> tuple[int, tuple[float, float, float]] | None:
        if not self.ids:
            return None
        c = self.counts
        k = max(range(len(self.ids)), key=lambda j: c[3 * j])
        return self.ids[k], (c[3 * k], c[3 * k + 1], c[3 * k + 2])


@dataclass(slots=True)
class ClusterStats:
    """One template cluster (near-duplicate instruction frames) across the population."""

    cid: int
    first_ts: float
    last_ts: float = 0.0
    n: float = 0.0
    reasoning: float = 0.0
    single: float = 0.0
    harvest: float = 0.0
    long: float = 0.0
    accounts: dict[str, int] = field(default_factory=dict)  # principal -> requests (capped)
    overflow_accounts: int = 0
    example: str = ""

    def account_count(self) -> int:
        return len(self.accounts) + self.overflow_accounts

    def suspicion(self) -> float:
        """Share of elicitation/harvesting/long outputs times share of single-turn requests in this cluster."""
        if self.n <= 0:
            return 0.0
        return min(1.0, max(self.reasoning, self.harvest, self.long) / self.n) * (self.single / self.n)
