"""Grouping suspect accounts into campaigns (SliceNDice-style: link on shared attributes, take components).

Links between suspect accounts (own score >= campaign.suspect_score):
- shared template cluster, when both accounts are *dedicated* to it (a sizeable share of their own
  traffic goes there as single-turn elicitation/harvesting): popular content that many people happen
  to ask about (a textbook problem, a public benchmark item) is not coordination;
- same client metadata (IP /24 and user agent), across tenants: one organisation's keys behind its office NAT
  and SDK share a client by nature, so a client shared only within one tenant is no link,
- synchronized timing (co-active in 10-minute slots far more often than their activity rates predict),
- relayed answers (round 11): one account's prompt carried most of an answer the gateway gave the other, across
  tenants (answers.py) -- the content flows between them, so they are stages of one pipeline,
- a shared document (round 16): both pasted one long document that a few accounts of different tenants pasted
  (documents.py) -- the pipeline's work item, dealt out over its accounts,
- same behavioural fingerprint (category, elicitation, parameters) -- a weak link: a group held
  together only by fingerprints needs twice the accounts;
- a shared template cluster that is only a small part of an account's traffic, for an account that
  itself harvests or requests long elicited answers -- also a weak link (harvesting mixed into chat).
Weak members -- joined only through weak links, or with an own score under half the campaign's --
are listed with the campaign and judged on their own score: the campaign lends them nothing.
The campaign's score is the upper quartile of its strong members' own scores: a group of mildly
suspicious accounts stays mildly suspicious however large it grows.
Runs off the hot path, in O(suspects x small constants).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zlib import crc32

from gateway.extraction.state import PrincipalState

SYNC_MIN_SHARED_SLOTS = 4
SYNC_MIN_FRACTION = 0.5
SYNC_MAX_SLOT_MEMBERS = 16
SYNC_MIN_LIFT = 3.0          # co-active slots / the number expected from the two accounts' activity rates
DEDICATED_SHARE = 0.5        # share of an account's (decayed) requests a cluster needs to be its template
WEAK_LINK_SUBSET = 2.0       # decayed distillation-subset or harvesting requests for a weak template link
CAMPAIGN_QUANTILE = 0.75
MEMBER_MIN_RATIO = 0.5       # own score / campaign score below which a member is weak


@dataclass(slots=True)
class Campaign:
    campaign_id: str
    members: list[str]
    score: float
    first_ts: float
    clusters: list[int] = field(default_factory=list)
    evidence: dict[str, int] = field(default_factory=dict)  # link type -> links seen
    first_flagged_ts: float | None = None
    weak_members: set[str] = field(default_factory=set)  # listed, judged on their own score
    cohort: bool = False  # round 10: one group asking the same few problems; every member is weak
    scripted: set[str] = field(default_factory=set)  # round 13: members that can be blocked through it (see below)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != self.parent[p]:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[x] = p
        return p

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[rb] = ra
        return True


def _link_groups(uf: _UnionFind, groups: Iterable[list[str]], links: list[tuple[str, str]], kind: str,
                 also: _UnionFind | None = None) -> None:
    for members in groups:
        if len(members) < 2:
            continue
        head = members[0]
        for m in members[1:]:
            if also is not None:
                also.union(head, m)
            if uf.union(head, m):
                links.append((kind, m))


def group_campaigns(
    suspects: dict[str, PrincipalState],
    suspicious_clusters: set[int] | frozenset[int],
    min_accounts: int,
    previous: dict[str, Campaign],
    now: float,
    shared_documents: Iterable[list[str]] = (),
) -> dict[str, Campaign]:
    """Components of the strong-link graph, then of strong+weak links; returns campaigns by id."""
    strong = _UnionFind()
    # Round 25: the links that say two accounts run one script (its template, its client, its clock); relays and
    # shared documents join the stages of a pipeline and the accounts a work item was dealt to, not one script.
    script = _UnionFind()
    links: list[tuple[str, str]] = []  # (link type, a member it joined): evidence per campaign
    by_cluster: dict[int, list[str]] = defaultdict(list)
    by_cluster_weak: dict[int, list[str]] = defaultdict(list)
    by_client: dict[tuple[int, int], list[str]] = defaultdict(list)
    by_slot: dict[int, list[str]] = defaultdict(list)
    by_fp: dict[int, list[str]] = defaultdict(list)
    for pid, st in suspects.items():
        strong.find(pid)
        # Dedicated: a sizeable share of the account's traffic goes to suspicious shared templates
        # (one template, or a shared pool of prompts).
        shared = [(cid, c_susp) for cid, (_, c_susp, _) in st.clusters.items()
                  if c_susp >= 2.0 and cid in suspicious_clusters]
        if shared:
            dedicated = sum(c for _, c in shared) >= DEDICATED_SHARE * st.w
            harvester = st.w_elicit >= WEAK_LINK_SUBSET or st.w_harvest >= WEAK_LINK_SUBSET
            for cid, _ in shared:
                if dedicated:
                    by_cluster[cid].append(pid)
                elif harvester:
                    by_cluster_weak[cid].append(pid)
        if st.ip_prefix and st.ua_hash:
            by_client[(st.ip_prefix, st.ua_hash)].append(pid)
        for s in st.slots:
            by_slot[s].append(pid)
        if st.fingerprint:
            by_fp[st.fingerprint].append(pid)
    _link_groups(strong, by_cluster.values(), links, "shared_template", script)
    _link_groups(strong, (ms for ms in by_client.values() if not _one_tenant(suspects, ms)), links, "client_metadata",
                 script)
    _link_groups(strong, ([pid, *(o for o in st.relays if o in suspects)] for pid, st in suspects.items() if st.relays),
                 links, "relayed_answers")
    # Round 16: one document split over accounts of different tenants (documents.py): a pipeline's work item.
    _link_groups(strong, shared_documents, links, "shared_documents")
    # Synchronized timing: pairs co-active in many of their recent slots. Slots crowded with suspects
    # say little and cost quadratically, so they are skipped; pairs already linked are not counted.
    root = {pid: strong.find(pid) for pid in suspects}
    size: dict[str, int] = defaultdict(int)
    for r in root.values():
        size[r] += 1
    co: dict[tuple[str, str], int] = defaultdict(int)
    for members in by_slot.values():
        members = [m for m in members if size[root[m]] < min_accounts]  # already grouped: nothing to add
        if 2 <= len(members) <= SYNC_MAX_SLOT_MEMBERS:
            for i, a in enumerate(members):
                ra = root[a]
                for b in members[i + 1:]:
                    if ra != root[b]:
                        co[(a, b) if a < b else (b, a)] += 1
    for (a, b), n in co.items():
        if n < SYNC_MIN_SHARED_SLOTS:
            continue
        # Of the larger slot set: an account active around the clock (a load-balanced hydra member)
        # overlaps half of anyone's few slots, which is not synchronisation; nor are two busy accounts
        # that are both active in most slots (the lift over their activity rates is what counts).
        sa, sb = suspects[a].slots, suspects[b].slots
        need = SYNC_MIN_FRACTION * max(len(sa), len(sb))
        if n >= need and n >= SYNC_MIN_LIFT * _expected_overlap(sa, sb):
            script.union(a, b)
            if strong.union(a, b):
                links.append(("synchronized_timing", a))

    comps: dict[str, list[str]] = defaultdict(list)
    for pid in suspects:
        comps[strong.find(pid)].append(pid)
    # Weak links: fingerprints join components; a component that needed them must be twice as large.
    weak = _UnionFind()
    for root in comps:
        weak.find(root)
    fp_links: list[tuple[str, str]] = []
    _link_groups(weak, ([strong.find(m) for m in ms] for ms in by_fp.values()), fp_links, "behaviour_fingerprint")
    for cid, ms in by_cluster_weak.items():  # join a component that holds a dedicated sender of the template
        anchors = by_cluster.get(cid)
        if anchors:
            _link_groups(weak, [[strong.find(anchors[0])] + [strong.find(m) for m in ms]], fp_links,
                         "template_subset")
    link_root: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for kind, m in links:
        link_root[weak.find(strong.find(m))][kind] += 1
    for kind, r in fp_links:  # weak links join strong components (their roots)
        link_root[weak.find(r)][kind] += 1
    merged: dict[str, list[str]] = defaultdict(list)
    for root in comps:
        merged[weak.find(root)].append(root)

    prev_of = {m: c.campaign_id for c in previous.values() for m in c.members}
    out: dict[str, Campaign] = {}
    for wroot, roots in merged.items():
        members = [m for r in roots for m in comps[r]]
        strong_size = max(len(comps[r]) for r in roots)
        if strong_size < min_accounts and len(members) < 2 * min_accounts:
            continue
        evidence = dict(link_root.get(wroot, {}))
        votes: dict[str, int] = defaultdict(int)
        for m in members:
            if m in prev_of:
                votes[prev_of[m]] += 1
        cid = max(votes, key=votes.__getitem__) if votes else f"cmp-{crc32(min(members).encode()):08x}"
        if cid in out:  # two groups claim the same old id: give the smaller one a fresh id
            cid = f"cmp-{crc32(min(members).encode()):08x}"
        core = max(roots, key=lambda r: len(comps[r]))
        weak_members = {m for r in roots if r != core or len(comps[r]) < min_accounts for m in comps[r]}
        score = _quantile(sorted(suspects[m].score for m in members if m not in weak_members)
                          or sorted(suspects[m].score for m in members), CAMPAIGN_QUANTILE)
        # A member far less suspicious than the campaign's core is associated, not convicted: one who
        # asked a few of the same popular questions is reviewed, not blocked with the campaign.
        weak_members.update(m for m in members if suspects[m].score < MEMBER_MIN_RATIO * score)
        clusters: dict[int, int] = defaultdict(int)
        for m in members:
            top = suspects[m].clusters.top()
            if top is not None:
                clusters[top[0]] += 1
        # Round 13: block through a campaign needs the member to run the campaign's script: one of at least
        # `min_accounts` strong members that send their suspicious requests under the same system prompt (or none).
        # Organisations that adopted the same public rubric or judge prompt are linked by the template they share
        # but wrap it in system prompts of their own (v13's hiring screen was blocked through a campaign of reward
        # harvesters sharing its rubric); they are throttled at most until a reviewer confirms.
        # Round 18: nor is a member that re-runs a fixed suite (most of its fresh suspicious prompts came back from an
        # earlier sitting, `reruns`): v19's private benchmark lab sent the evaluation masquerade's suite template under
        # the same (empty) system prompt and was blocked with it; a harvest asks new items every run.
        # Round 19: nor is a member that keeps coming back to its own documents (`returns_to_documents`): v24's teachers
        # marking class sets (one task and rubric, pasted with each student's answer) were blocked through a campaign of
        # rubric graders that the shared rubric templates joined them to; a grader sends a new task each time.
        # Round 25: ... and the accounts it shares that system prompt with must be joined to it by the script's own
        # links (template, client, timing), not only through relays and shared documents: v29's nightly codemod bot,
        # whose prompts carried files the apply harvest had been sent back, was blocked through the harvest's
        # campaign for sending no system prompt, as the campaign's hydra accounts do.
        by_sys: dict[tuple[str, int], list[str]] = defaultdict(list)
        for m in members:
            if m not in weak_members and not suspects[m].reruns() and not suspects[m].returns_to_documents():
                by_sys[(script.find(m), suspects[m].susp_sys)].append(m)
        scripted = {m for ms in by_sys.values() if len(ms) >= min_accounts for m in ms}
        old = previous.get(cid)
        out[cid] = Campaign(
            campaign_id=cid,
            members=sorted(members),
            score=min(1.0, score),
            first_ts=old.first_ts if old else now,
            clusters=[c for c, n in sorted(clusters.items(), key=lambda kv: -kv[1]) if n >= 2][:8],
            evidence=evidence,
            first_flagged_ts=old.first_flagged_ts if old else None,
            weak_members=weak_members,
            scripted=scripted,
        )
    return out


def _one_tenant(suspects: dict[str, PrincipalState], members: list[str]) -> bool:
    """All members belong to one known tenant (an organisation's own keys)."""
    tenant = suspects[members[0]].tenant
    return tenant is not None and all(suspects[m].tenant == tenant for m in members[1:])


def _quantile(values: list[float], q: float) -> float:
    """The q-quantile of sorted `values` (nearest rank)."""
    return values[min(len(values) - 1, int(q * len(values)))]


def _expected_overlap(a: Sequence[int], b: Sequence[int]) -> float:
    """Co-active slots expected by chance: each account active at its own rate over the common span."""
    if not a or not b:
        return 0.0
    lo, hi = max(a[0], b[0]), min(a[-1], b[-1])
    if hi < lo:
        return 0.0
    span = hi - lo + 1
    rate_a = len(a) / (a[-1] - a[0] + 1)
    rate_b = len(b) / (b[-1] - b[0] + 1)
    return rate_a * rate_b * span
