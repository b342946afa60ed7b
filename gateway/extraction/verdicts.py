"""Verdict dynamics: how an account's effective score becomes a status, and how a status is held and released.

A mixin of `Detector` (detector.py), split out in round 16 to keep that module to ingestion, scoring and campaign
regrouping. Every method takes the detector as `self`. The rules (docs/extraction.md, *Verdict dynamics*):
hysteresis (RELEASE_RATIO, HOLD_S), weak members judged on their own score, block only for a scripted member of a
campaign (round 13), young accounts flagged for review only (YOUNG_MIN_REQUESTS), reviewer decisions first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gateway.extraction.policy import Status
from gateway.extraction.rescorer import feature_row
from gateway.extraction.scoring import reasons_of
from gateway.extraction.state import PrincipalState

if TYPE_CHECKING:
    from gateway.extraction.detector import Detector

CLEAR_MARGIN = 0.15          # a cleared account is flagged again only if its score rises this much
# Hysteresis: an account keeps its status while its effective score stays at or above
# RELEASE_RATIO x that status's threshold, for at most HOLD_S of event time after the score last
# reached the threshold. Scores that hover around a threshold (paraphrased campaigns, harvesting
# mixed into chat) then stay flagged; a one-off spike is released after HOLD_S.
RELEASE_RATIO = 0.7
HOLD_S = 12 * 3600.0
# Young accounts (fewer than window.min_requests requests) are not judged alone, except for review: from
# YOUNG_MIN_REQUESTS requests, an account whose own score reaches `flag` with strong shared-template evidence
# (its requests go to suspicious templates that many accounts send) is flagged, never more, before it has
# the history to be judged alone. A campaign spread over many accounts keeps each one small.
YOUNG_MIN_REQUESTS = 3
YOUNG_SHARED = 0.3
_RANK = {"ok": 0, "flag": 1, "throttle": 2, "block": 3}
# Round 28, the learned re-scorer (rescorer.py): a quiet account's features (skipped by the hand-written score) are
# computed for it every LEARN_QUIET_EVERY requests; a judged account stays judged while its probability is above
# LEARN_RELEASE x the threshold (hysteresis, as RELEASE_RATIO for scores).
LEARN_QUIET_EVERY = 8
LEARN_RELEASE = 0.8


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    score: float
    reasons: tuple[str, ...]
    campaign_id: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "score": round(self.score, 4), "reasons": list(self.reasons),
                "campaign": self.campaign_id}


OK = Verdict("ok", 0.0, (), None)


class VerdictDynamics:
    """The verdict methods of `Detector`; every method takes the detector as `self`."""

    def _set_verdict(self: Detector, st: PrincipalState, ts: float, sig: dict[str, float] | None = None,
                     evi: dict[str, float] | None = None) -> Verdict:
        pol = self.policy
        in_campaign = st.campaign_id is not None
        eff = max(st.score, st.campaign_score if in_campaign else 0.0)
        if st.decision == "allowlist":
            v = OK
        elif st.decision == "confirm":
            v = Verdict(pol.status_for(1.0, True), 1.0, ("confirmed_by_reviewer",), st.campaign_id)
        elif (st.decision == "clear" and eff < st.cleared_score + CLEAR_MARGIN) or (
                (young := st.total < pol.window.min_requests and not in_campaign)
                and not self._young_suspect(st, evi)):
            v = OK
        else:
            if in_campaign and self._weak_member(st):
                # Joined on one request (held at flag until the next regrouping), through weak links only,
                # or far less suspicious than the campaign (judged on its own score): throttle needs its own
                # score, and a weak link is not the coordination that block requires (round 7: a benign
                # parameter sweep with an own score of 0.91 was blocked through a fingerprint link).
                own = pol.status_for(st.score, False) if st.total >= pol.window.min_requests else "ok"
                status = own if own != "ok" else pol.status_for(st.campaign_score, False)
            else:
                status = pol.status_for(eff, in_campaign and self._scripted(st))  # round 13 (campaigns.py)
                if young and status != "ok":
                    status = "flag"  # too young to be judged alone: review only
            if self._rescorer is not None:
                status = self._learned_status(st, status)
            if status != "ok" and _RANK[status] >= _RANK[st.status]:
                st.confirm_ts = ts
            elif _RANK[status] < _RANK[st.status]:
                status = self._held(st, eff, ts, status)
            if status == "ok":
                v = OK
            else:
                if status != st.status or not st.reasons:
                    if sig is None or evi is None:
                        _, sig, evi = self._score(st)
                    st.reasons = reasons_of(evi, sig) + (("campaign:" + st.campaign_id,) if in_campaign else ()) + (
                        ("learned_rescorer",) if self._rescorer is not None
                        and st.total >= pol.rescorer.min_requests else ())
                v = Verdict(status, eff, st.reasons, st.campaign_id)
        if v.status != st.status:
            st.add_timeline(ts, v.status, eff)
            if st.first_flagged_ts is None and v.status != "ok":
                st.first_flagged_ts = ts
            st.status = v.status
        if v.status == "ok":
            if self._verdicts.pop(st.principal, None) is not None:
                self._changed.add(st.principal)
        else:
            old = self._verdicts.get(st.principal)
            if old is None or old.status != v.status or old.campaign_id != v.campaign_id:
                self._changed.add(st.principal)
            self._verdicts[st.principal] = v
        return v

    def _learn(self: Detector, st: PrincipalState, own: float, sig: dict[str, float], evi: dict[str, float]) -> None:
        """The re-scorer's probability for the account, from the features just computed."""
        model = self._rescorer
        assert model is not None
        camp = self._campaign_stats.get(st.campaign_id) if st.campaign_id is not None else None
        st.learned_p = model.probability(feature_row(model.features, sig, evi, own, st.total, camp))

    def _learned_status(self: Detector, st: PrincipalState, status: Status) -> Status:
        """With the re-scorer on, an account is judged extracting only while its probability says so; the hand-written
        score then says how far (flag, throttle, block), and an account it would leave alone is flagged for review.
        Until the account has `rescorer.min_requests` requests, the hand-written score alone judges it."""
        if st.total < self.policy.rescorer.min_requests:
            return status
        t = self._learned_threshold
        if st.learned_p > t or (st.status != "ok" and st.learned_p > LEARN_RELEASE * t):
            return "flag" if status == "ok" else status
        return "ok"

    def _young_suspect(self: Detector, st: PrincipalState, evi: dict[str, float] | None) -> bool:
        """A young account flagged for review: see YOUNG_MIN_REQUESTS."""
        if st.total < YOUNG_MIN_REQUESTS or st.score < self.policy.thresholds.flag:
            return False
        if evi is None:
            _, _, evi = self._score(st)
        return max(evi["shared_template"], evi["shared_problems"]) >= YOUNG_SHARED

    def _scripted(self: Detector, st: PrincipalState) -> bool:
        camp = self._campaigns.get(st.campaign_id) if st.campaign_id else None
        return camp is not None and st.principal in camp.scripted

    def _weak_member(self: Detector, st: PrincipalState) -> bool:
        camp = self._campaigns.get(st.campaign_id) if st.campaign_id else None
        return camp is not None and st.principal in camp.weak_members

    def _held(self: Detector, st: PrincipalState, eff: float, ts: float, lower: Status) -> Status:
        """Hysteresis: the highest status between the current one and `lower` whose release band
        [RELEASE_RATIO x threshold, threshold) holds the score, if the score last reached the current
        status's threshold less than HOLD_S ago; else `lower`."""
        if ts - st.confirm_ts >= HOLD_S:
            return lower
        t = self.policy.thresholds
        for status, thr in (("block", t.block), ("throttle", t.throttle), ("flag", t.flag)):
            if _RANK[lower] < _RANK[status] <= _RANK[st.status] and eff >= RELEASE_RATIO * thr:
                if status == "block" and (st.campaign_id is None or self._weak_member(st) or not self._scripted(st)) \
                        and st.decision != "confirm" and self.policy.campaign.block_requires_campaign:
                    continue  # block needs a campaign: leaving the campaign leaves block
                return status  # type: ignore[return-value]
        return lower

    def drain_changes(self: Detector) -> dict[str, Verdict]:
        """Verdicts that changed (status or campaign) since the last drain: what a worker writes back."""
        out = {p: self.verdict(p) for p in self._changed}
        self._changed.clear()
        return out
