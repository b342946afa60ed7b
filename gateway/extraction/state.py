"""Bounded per-principal and per-template-cluster state: decayed counters and small sketches.

Everything here is O(1) in the number of requests an account has sent: counters decay with one
half-life, sets and lists are capped. `bytes_per_account` in the evaluation measures the result.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from gateway.extraction.features import FeatureEvent
from gateway.extraction.patterns import CATEGORIES

TOP_CLUSTERS = 6      # Space-Saving slots for an account's template clusters
RECENT_HASHES = 32    # recent exact prompts, to see repeats
MAX_USERS = 64        # distinct end users kept; beyond, counted as ">= 64"
MAX_SLOTS = 32        # recent active 10-minute slots, for synchronized timing
SLOT_S = 600
MAX_EXAMPLES = 3
MAX_TIMELINE = 24
CLUSTER_MEMBERS = 256  # accounts remembered per template cluster


class PrincipalState:
    """Everything the detector keeps about one account."""

    __slots__ = (
        "principal", "tenant", "key_id", "first_ts", "last_ts", "decay_ts", "total",
        "w", "w_reason", "w_single", "w_harvest", "w_long", "w_short", "w_off", "w_out", "w_elicit", "cats",
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
        self.w_out = self.w_elicit = 0.0
        self.cats = [0.0] * len(CATEGORIES)
        self.hours = [0] * 24
        self.gap_n = 0
        self.gap_mean = self.gap_m2 = 0.0
        self.recent: list[int] = []
        self.clusters: dict[int, list[float]] = {}  # cluster id -> [count, reasoning, single_turn]
        self.users: set[int] = set()
        self.slots: list[int] = []
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
        if dt <= 0:
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
        self.cats = [c * f for c in self.cats]
        for c in self.clusters.values():
            c[0] *= f
            c[1] *= f
            c[2] *= f
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

    def add_cluster(self, cid: int, reasoning: bool, single: bool) -> list[float]:
        """Space-Saving top-k: a new cluster replaces the lightest when full (inherits its count)."""
        slot = self.clusters.get(cid)
        if slot is None:
            if len(self.clusters) >= TOP_CLUSTERS:
                victim = min(self.clusters, key=lambda k: self.clusters[k][0])
                base = self.clusters.pop(victim)[0]
                slot = [base, 0.0, 0.0]
            else:
                slot = [0.0, 0.0, 0.0]
            self.clusters[cid] = slot
        slot[0] += 1.0
        if reasoning:
            slot[1] += 1.0
        if single:
            slot[2] += 1.0
        return slot

    def top_cluster(self) -> tuple[int, list[float]] | None:
        if not self.clusters:
            return None
        cid = max(self.clusters, key=lambda k: self.clusters[k][0])
        return cid, self.clusters[cid]

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
