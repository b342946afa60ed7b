"""The in-process detector: consumes feature events, keeps bounded state, scores accounts,
groups campaigns, and answers `verdict(principal)` in O(1).

Time is event time (`FeatureEvent.ts`), never the wall clock, so replaying a log gives exactly
what the live detector gave. Campaign grouping runs every `campaign.regroup_interval_s` of event
time, triggered by the event that crosses the boundary (or by `tick(now)` when traffic is idle).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Literal
from zlib import crc32

from gateway.extraction.answers import AnswerTable
from gateway.extraction.asks import SMALL_RATE, AskTable
from gateway.extraction.branches import note_continuation
from gateway.extraction.campaigns import Campaign, group_campaigns
from gateway.extraction.clusters import ClusterStats
from gateway.extraction.documents import DOC_MIN_GRAMS, DocumentTable
from gateway.extraction.features import FeatureEvent
from gateway.extraction.layout import TOTAL, W_BRANCHED, W_CROWD, W_REFUSED, W
from gateway.extraction.policy import ExtractionPolicy
from gateway.extraction.problems import ProblemTable, cohort_campaign
from gateway.extraction.rescorer import CampaignStats, TreeEnsemble
from gateway.extraction.review import ReviewViews
from gateway.extraction.scoring import (
    REFUSALS,
    SUSPICIOUS_CLUSTER,
    Population,
    account_score,
    evidence,
    quiet_score,
    signals,
)
from gateway.extraction.sketches import MAX_EXAMPLES
from gateway.extraction.state import CLUSTER_MEMBERS, HARVEST_MIN_MAX_TOKENS, LONG_MAX_TOKENS, PrincipalState
from gateway.extraction.verdicts import HOLD_S, LEARN_QUIET_EVERY, OK, Verdict, VerdictDynamics

Decision = Literal["confirm", "clear", "allowlist"]
RESCORE_ALWAYS_UNDER = 64
RESCORE_EVERY = 8
FULL_REGROUP_EVERY = 6       # ticks; in between, regroup only when the suspect set changed
# Campaign stickiness: a strong member stays in its campaign while its own score is at least
# STICKY_SCORE or it still sends the campaign's templates, even when it dips below suspect_score.
STICKY_SCORE = 0.1
# A template sent by at least this many accounts, mostly as single-turn elicitation, is campaign-scale.
CAMPAIGN_TEMPLATE_ACCOUNTS = 5


class Detector(VerdictDynamics, ReviewViews):
    def __init__(self, policy: ExtractionPolicy | None = None, rescorer: TreeEnsemble | None = None) -> None:
        """`rescorer`: a re-scorer model other than the shipped one, used when the policy turns the re-scorer on."""
        self.policy = policy or ExtractionPolicy()
        self._states: dict[str, PrincipalState] = {}      # insertion order = LRU order
        self._verdicts: dict[str, Verdict] = {}            # only non-ok verdicts: the O(1) lookup
        self._band_to_cluster: dict[int, int] = {}
        self._clusters: dict[int, ClusterStats] = {}
        self._problems = ProblemTable(self.policy.window.max_clusters)  # who asked each problem (problems.py)
        self._asks = AskTable(self.policy.window.max_clusters)  # round 15: who sent each sentence at length (asks.py)
        self._answers = AnswerTable()  # recent answers' sketches, for relays between accounts (answers.py)
        self._documents = DocumentTable(self.policy.window.max_clusters)  # round 16: who pasted each document
        self._cluster_campaign: dict[int, str] = {}
        self._campaigns: dict[str, Campaign] = {}
        self._suspects: set[str] = set()
        self._decisions: dict[str, dict[str, Any]] = {}
        self._pop = Population()
        self._next_regroup: float | None = None
        self._suspects_changed = False
        self._ticks_since_full = 0
        self._changed: set[str] = set()                   # principals whose verdict changed since drain
        self.events = 0
        self.events_since_tick = 0
        self.last_event_ts = 0.0
        self.out_of_order = 0  # events older than the latest seen (scored at its time)
        # Round 28: the learned re-scorer, when the policy turns it on (rescorer.py), and what it reads of campaigns.
        self._rescorer = (rescorer or TreeEnsemble.load()) if self.policy.rescorer.enabled else None
        self._learned_threshold = (self.policy.rescorer.threshold or self._rescorer.threshold) if self._rescorer else 1.0
        self._campaign_stats: dict[str, CampaignStats] = {}

    # ---- hot-path lookup -------------------------------------------------------------------
    def verdict(self, principal: str) -> Verdict:
        return self._verdicts.get(principal, OK)

    # ---- ingestion ---------------------------------------------------------------------------
    def observe(self, ev: FeatureEvent) -> Verdict:
        pol = self.policy
        self.events += 1
        self.events_since_tick += 1
        if ev.ts < self.last_event_ts:
            # Events come in the order exchanges end, stamped with the time they started (a long stream ends after
            # a short request begun later; gateways' clocks differ): scored at the latest time seen, as replay does.
            ev.ts = self.last_event_ts
            self.out_of_order += 1
        self.last_event_ts = ev.ts
        if self._next_regroup is None:
            self._next_regroup = ev.ts + pol.campaign.regroup_interval_s
        elif ev.ts >= self._next_regroup:
            self.tick(ev.ts)
        if pol.allowlist.allows(ev.principal, ev.tenant, ev.key_id):
            return OK
        st = self._state(ev)
        if st.decision == "allowlist":
            return OK
        self._update(st, ev)
        # Scores of established accounts move slowly: rescore them every RESCORE_EVERY requests
        # (and always while they are young or flagged), which keeps replay and workers fast.
        if st.total <= RESCORE_ALWAYS_UNDER or st.total % RESCORE_EVERY == 0 or st.status != "ok":
            return self._refresh(st, ev.ts)
        return self.verdict(ev.principal)

    def observe_usage(self, principal: str, output_tokens: int) -> None:
        st = self._states.get(principal)
        if st is not None:
            st.w_out += output_tokens

    def score_of(self, principal: str) -> float:
        """Effective score (own or campaign), also for principals whose verdict is ok."""
        st = self._states.get(principal)
        if st is None:
            return 0.0
        return max(st.score, st.campaign_score if st.campaign_id else 0.0)

    def first_flagged_ts(self, principal: str) -> float | None:
        """Event time of the account's first non-ok verdict (None if never, or if its state was evicted)."""
        st = self._states.get(principal)
        return st.first_flagged_ts if st is not None else None

    def _state(self, ev: FeatureEvent) -> PrincipalState:
        states = self._states
        st = states.pop(ev.principal, None)
        if st is None:
            st = PrincipalState(ev)
            dec = self._decisions.get(ev.principal)
            if dec is not None:
                st.decision = dec["decision"]
                st.cleared_score = dec.get("cleared_score", 0.0)
            if len(states) >= self.policy.window.max_principals:
                old = next(iter(states))
                if self._forget(old):
                    self._changed.add(old)  # a worker writes its verdict back to ok, as it is here
        states[st.principal] = st  # one string per account: the key is the state's own
        return st

    def forget(self, which: Callable[[str], bool]) -> None:
        """Drop the state and verdict of every account `which` selects (a worker's partition given away)."""
        for principal in [p for p in self._states if which(p)]:
            self._forget(principal)

    def _forget(self, principal: str) -> bool:
        """Drop an account's state and its verdict; True if a verdict went with it."""
        self._states.pop(principal, None)
        dec = self._decisions.get(principal)
        dropped = False
        if dec is None or dec["decision"] != "confirm":  # a confirmation stands without the state (record_decision)
            dropped = self._verdicts.pop(principal, None) is not None
        if principal in self._suspects:
            self._suspects.discard(principal)
            self._suspects_changed = True
        return dropped

    def _update(self, st: PrincipalState, ev: FeatureEvent) -> None:
        reasoning, harvest, long_out, subset, single = st.count(ev, self.policy.window.half_life_s)
        # Examples are kept only for suspects and flagged accounts (the ones a reviewer looks at):
        # three 160-character excerpts would be a third of an ordinary account's state.
        if ev.excerpt and self.policy.keep_examples and (st.score >= self.policy.campaign.suspect_score
                                                         or st.status != "ok" or st.campaign_id) and (
                st.examples is None or len(st.examples) < MAX_EXAMPLES or (reasoning and st.total % 50 == 0)):
            st.add_example(ev.excerpt)
        st.fingerprint = crc32(
            f"{ev.api}|{ev.category}|{reasoning}|{ev.max_tokens.bit_length()}|{round(ev.temperature, 1)}"
            f"|{ev.n > 1}|{ev.logprobs > 0}|{single}".encode()) if (reasoning or harvest) else 0
        # Round 11: a prompt relaying most of an answer given to another tenant's account counts for both ends of
        # the relay (the account whose answer is fed back in is the pipeline's other stage); then this answer.
        if ev.quote_grams:
            source, retract = self._answers.relayed(st.principal, ev.tenant, ev.quote_grams)
            if source is not None:
                st.add_relay(source)
                if (src := self._states.get(source)) is not None:
                    src.add_relay(st.principal)
            elif retract is not None:  # round 21: the answer is common text; its earlier relays were no links
                owner, relayers = retract
                if (src := self._states.get(owner)) is not None:
                    for r in relayers:
                        src.drop_relay(r)
                for r in relayers:
                    if (other := self._states.get(r)) is not None:
                        other.drop_relay(owner)
        if ev.answer_grams:
            self._answers.note(st.principal, ev.tenant, ev.answer_grams)
        if len(ev.quote_grams) >= DOC_MIN_GRAMS:  # a pasted document (round 16, documents.py)
            self._documents.note(st, ev.tenant, ev.quote_grams)
        for passage in ev.passages:  # a passage embedded, extracted or scored (round 22; features.py)
            self._documents.note_passage(st, ev.tenant, passage)
        if ev.scenario:  # the scenario a conversation opens on (round 24; documents.py)
            self._documents.note_scenario(st, ev.tenant, ev.scenario)
        if ev.asks and self._asks.note(st.principal, ev.asks, long_out, st.num[W] <= SMALL_RATE * self._pop.median_rate):
            st.num[W_CROWD] += 1.0  # a small account's long answer to a crowd's ask (round 15, asks.py)
        if ev.branch:  # a continued turn: of one item, from a different partial answer? (round 26, branches.py)
            note_continuation(st, ev.branch, ev.user_hash)
        if ev.problem and not ev.has_tools:  # the account's problem, whatever it asked for (problems.py)
            self._problems.note(st, ev.problem, reasoning or harvest or long_out)
        if ev.bands:
            cid = self._cluster_of(ev)
            # Per account and cluster: [requests, single-turn elicitation/harvesting/long-output requests, single-turn]
            st.clusters.add(cid, (reasoning or harvest or long_out) and single, single)
            if (reasoning or harvest or long_out) and single:
                st.susp_sys = ev.sys_hash  # the script's system prompt, for template links (campaigns.py)
            cs = self._clusters[cid]
            cs.n += 1.0
            cs.last_ts = ev.ts
            if reasoning:
                cs.reasoning += 1.0
            if harvest:
                cs.harvest += 1.0
            if long_out:
                cs.long += 1.0
            if single:
                cs.single += 1.0
            if st.principal in cs.accounts:
                cs.accounts[st.principal] += 1
            elif len(cs.accounts) < CLUSTER_MEMBERS:
                cs.accounts[st.principal] = 1
            else:
                cs.overflow_accounts += 1  # beyond the cap: counted (approximately), not remembered
            if not cs.example and (reasoning or harvest or long_out):
                cs.example = ev.excerpt  # only clusters that can be campaign templates keep an example
            # The harvesting sub-stream: a distillation-subset request into a template that many accounts
            # send the same way. Counted on its own, it does not wait for the account's averages (a
            # harvester hiding in ordinary chat is 20-30 % of its traffic).
            if subset and cs.account_count() >= CAMPAIGN_TEMPLATE_ACCOUNTS and cs.suspicion() >= SUSPICIOUS_CLUSTER:
                st.w_camp += 1.0
            # An account sending a campaign's template the campaign's way (single-turn elicitation with a
            # long answer or budget, or harvesting) joins it now rather than at the next regrouping, even
            # when the template is a small share of its traffic (harvesting mixed into chat). Until a
            # regrouping links it, it is a weak member held at `flag` (review): a person who happens to
            # send one similar question is not throttled or blocked by a campaign.
            camp_id = self._cluster_campaign.get(cid)
            # (Harvesting here means explicit distribution requests, n > 1 or logprobs: asking the same
            # question again at a high temperature is also what a "regenerate" button does. Round 12: and with
            # room for more than a label or a one-liner -- short samples with their probabilities count for the
            # account's own share, but one of them is what a completion product's alternatives panel sends.)
            if (camp_id is not None and st.campaign_id is None and single and not ev.has_tools and (
                    (harvest and (ev.n >= 2 or ev.logprobs > 0)
                     and (ev.max_tokens == 0 or ev.max_tokens >= HARVEST_MIN_MAX_TOKENS))
                    or (reasoning and (long_out or ev.max_tokens >= LONG_MAX_TOKENS)))):
                camp = self._campaigns.get(camp_id)
                if camp is not None:
                    st.campaign_id = camp_id
                    st.campaign_score = min(camp.score, self.policy.thresholds.flag)
                    camp.members.append(st.principal)
                    camp.weak_members.add(st.principal)

    def _cluster_of(self, ev: FeatureEvent) -> int:
        """LSH: an event joins the cluster of the first band it shares with a cluster *seed*.

        Only a seed's bands are registered; registering every member's bands would let clusters
        chain through near-neighbours of near-neighbours until they swallow unrelated prompts.
        """
        b2c = self._band_to_cluster
        for b in ev.bands:
            cid = b2c.get(b)
            if cid is not None:
                if cid not in self._clusters:  # evicted: start it again
                    self._clusters[cid] = ClusterStats(cid=cid, first_ts=ev.ts)
                return cid
        cid = ev.bands[0]
        if len(self._clusters) >= self.policy.window.max_clusters:
            old = next(iter(self._clusters))
            del self._clusters[old]
            self._cluster_campaign.pop(old, None)
        self._clusters[cid] = ClusterStats(cid=cid, first_ts=ev.ts)
        if len(b2c) >= 4 * self.policy.window.max_clusters:
            for _ in range(len(ev.bands)):
                del b2c[next(iter(b2c))]
        for b in ev.bands:
            b2c[b] = cid
        return cid

    # ---- scoring -----------------------------------------------------------------------------
    def _score(self, st: PrincipalState) -> tuple[float, dict[str, float], dict[str, float]]:
        sig = signals(st, self._clusters, self._pop, self._problems, self._documents)
        if st.campaign_id is not None and (camp := self._campaigns.get(st.campaign_id)) is not None and camp.cohort:
            sig["problem_overlap"] = 1.0  # a member of a class asking its problem set (round 10, problems.py)
        evi = evidence(sig, st.total)
        return account_score(evi, sig), sig, evi

    def _refresh(self, st: PrincipalState, ts: float) -> Verdict:
        if (st.w_reason == 0.0 and st.w_harvest == 0.0 and st.w_long == 0.0 and st.w_tool_reason == 0.0
                and st.w_new_menu < 2.0 and st.w_new_iface < 2.0 and st.w_relay == 0.0 and st.num[W_BRANCHED] == 0.0
                and st.num[W_REFUSED] < REFUSALS[0]
                and st.status == "ok"
                and not self._problems.any_shared(st.problems)
                and not (st.docs and self._documents.split(st.docs, st.principal, st.tenant)[0])):
            # Quiet account (most traffic): every evidence term but off_hours, menu_churn, interface_churn,
            # relayed_answers, shared_problems, branched_continuations and refused_asks is a product with elicitation,
            # harvesting, long outputs or exposed tool-step reasoning, all zero, the churn terms need new interfaces
            # again and again, it relays no answer, continues no item from two different texts, fewer of its answers
            # declined than refused_asks starts from and none of its problems is shared, so the score is at most
            # ~W_OFFHOURS, below any status; skip the full signal computation.
            st.score = quiet_score(st)
            sig = evi = None
            if self._rescorer is not None and (st.total % LEARN_QUIET_EVERY == 0
                                               or st.total == self.policy.rescorer.min_requests):
                # The re-scorer reads every signal: a quiet account's are computed every few of its requests, and
                # at the request from which the re-scorer judges it (else it judged 5-7 requests on no reading).
                own, sig, evi = self._score(st)
                self._learn(st, own, sig, evi)
        else:
            score, sig, evi = self._score(st)
            st.score = score
            if self._rescorer is not None:
                self._learn(st, score, sig, evi)
        score = st.score
        if score >= self.policy.campaign.suspect_score and st.total >= self.policy.window.min_requests:
            if st.principal not in self._suspects:
                self._suspects.add(st.principal)
                self._suspects_changed = True
        elif st.principal in self._suspects:
            self._suspects.discard(st.principal)
            self._suspects_changed = True
        return self._set_verdict(st, ts, sig, evi)

    # ---- off-hot-path: baselines and campaigns ------------------------------------------------
    def tick(self, now: float) -> None:
        """Refresh population baselines and regroup campaigns (event time `now`)."""
        pol = self.policy
        self._next_regroup = now + pol.campaign.regroup_interval_s
        self.events_since_tick = 0
        k = pol.window.min_requests
        rates = sorted([st.num[W] for st in self._states.values() if st.ints[TOTAL] >= k])
        if rates:
            self._pop.median_rate = rates[len(rates) // 2]
            self._pop.active_accounts = len(rates)
            self._asks.refresh(len(rates))
        # Held verdicts whose hold expired are released even when the account sends nothing more.
        for p in [p for p, v in self._verdicts.items() if (st := self._states.get(p)) is not None
                  and now - st.confirm_ts >= HOLD_S]:
            self._set_verdict(self._states[p], now)
        self._ticks_since_full += 1
        if not self._suspects_changed and self._ticks_since_full < FULL_REGROUP_EVERY:
            return
        self._suspects_changed = False
        self._ticks_since_full = 0
        # Sorted: grouping breaks ties by order, and set order of strings varies with PYTHONHASHSEED
        # (replay and every worker must reach the same campaigns).
        suspects = {p: self._states[p] for p in sorted(self._suspects) if p in self._states}
        for camp in self._campaigns.values():  # sticky members (see STICKY_SCORE)
            for m in camp.members:
                st = self._states.get(m)
                if st is not None and m not in suspects and m not in camp.weak_members and (
                        st.score >= STICKY_SCORE or any(
                            cid in self._cluster_campaign for cid in st.clusters.suspicious_ids(2.0))):
                    suspects[m] = st
        suspicious = {cid for st in suspects.values() for cid in st.clusters
                      if (cs := self._clusters.get(cid)) is not None and cs.account_count() >= 2
                      and cs.suspicion() >= SUSPICIOUS_CLUSTER}
        campaigns = group_campaigns(suspects, suspicious, pol.campaign.min_accounts, self._campaigns, now,
                                    self._documents.groups(suspects))
        old_members = {m for c in self._campaigns.values() for m in c.members}
        self._campaigns = campaigns
        if self._rescorer is not None:  # read at each member's next refresh
            self._campaign_stats = {cid: CampaignStats.of([self._states[m].score for m in c.members])
                                    for cid, c in campaigns.items()}
        self._cluster_campaign = {}
        new_members: set[str] = set()
        for camp in campaigns.values():
            # Round 10: one group asking the same few problems (a class on its problem set) is listed for review,
            # every member judged on its own score; its templates are joined by no one (problems.py, *Coverage*).
            camp.cohort = cohort_campaign([self._states[m] for m in camp.members])
            if camp.cohort:
                camp.weak_members.update(camp.members)
            # The campaign's templates: its members' top clusters, and every suspicious cluster that two
            # of its members send suspicious requests to (the clusters that linked them).
            linking: dict[int, int] = {}
            for m in camp.members:
                for cid in self._states[m].clusters.suspicious_ids(2.0):
                    if cid in suspicious:
                        linking[cid] = linking.get(cid, 0) + 1
            for cid in () if camp.cohort else {*camp.clusters, *(c for c, k in linking.items() if k >= 2)}:
                cs = self._clusters.get(cid)
                if cs is not None and cs.suspicion() >= SUSPICIOUS_CLUSTER:
                    self._cluster_campaign[cid] = camp.campaign_id
            for m in camp.members:
                st = self._states[m]
                st.campaign_id = camp.campaign_id
                st.campaign_score = camp.score
                if m in camp.weak_members:
                    # Associated, not convicted (weak links only, or far less suspicious than the campaign):
                    # listed with the campaign for review, judged on its own score. Lending it `flag` put
                    # individuals who ask the same popular problems as a campaign into the review queue.
                    st.campaign_score = st.score
                new_members.add(m)
        for m in old_members - new_members:
            st = self._states.get(m)
            if st is not None:
                st.campaign_id = None
                st.campaign_score = 0.0
        for m in old_members | new_members:
            st = self._states.get(m)
            if st is not None:
                self._set_verdict(st, now)
        for camp in campaigns.values():
            if camp.first_flagged_ts is None and any(self.verdict(m).status != "ok" for m in camp.members):
                camp.first_flagged_ts = now

    # ---- review ------------------------------------------------------------------------------
    def record_decision(self, principal: str, decision: Decision, reviewer: str, note: str = "",
                        ts: float | None = None, applied: dict[str, Any] | None = None) -> dict[str, Any]:
        """Record a reviewer decision; the detector respects it from now on. Returns the audit record.

        `applied`: the record of the decision's first application (`score_at_decision`, `cleared_score`), for a
        worker that took the account over without its state; by default the scores now."""
        if decision not in ("confirm", "clear", "allowlist"):
            raise ValueError(f"unknown decision {decision!r}: expected confirm, clear or allowlist")
        st = self._states.get(principal)
        record = {"principal": principal, "decision": decision, "reviewer": reviewer, "note": note,
                  "ts": ts if ts is not None else time.time(),
                  "score_at_decision": round(st.score if st else 0.0, 4)}
        if st is not None:
            record["cleared_score"] = max(st.score, st.campaign_score)
        if applied is not None and "cleared_score" in applied:
            record.update(score_at_decision=applied.get("score_at_decision", 0.0), cleared_score=applied["cleared_score"])
        if st is not None:
            st.decision = decision
            st.cleared_score = record["cleared_score"]
            self._set_verdict(st, record["ts"])
        elif decision == "confirm":  # not seen yet, or evicted: the verdict is looked up before the next request
            # is observed (distributed mode: record_decision_remote has written it to the verdict hash already)
            self._verdicts[principal] = Verdict(self.policy.status_for(1.0, True), 1.0, ("confirmed_by_reviewer",), None)
        else:
            self._verdicts.pop(principal, None)
        self._decisions[principal] = record
        return record

    def all_states(self) -> list[PrincipalState]:
        return list(self._states.values())

    def stats(self) -> dict[str, Any]:
        """Counts for metrics: the caller (gateway/metrics.py) records them."""
        by_status: dict[str, int] = {"flag": 0, "throttle": 0, "block": 0}
        for v in self._verdicts.values():
            by_status[v.status] += 1
        return {"events": self.events, "principals": len(self._states), "clusters": len(self._clusters),
                "campaigns": len(self._campaigns), "by_status": by_status, "last_event_ts": self.last_event_ts}
