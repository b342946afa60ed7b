"""The reviewer's read-only views of the detector (admin API: principal detail, flagged principals, campaigns).

A mixin of `Detector` (detector.py), split out to keep that module to ingestion, scoring and verdicts; it reads
the detector's state and never changes it (decisions, which do, are `Detector.record_decision`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gateway.extraction.patterns import CATEGORIES

if TYPE_CHECKING:
    from gateway.extraction.campaigns import Campaign
    from gateway.extraction.detector import Detector


# What `campaign(id)` adds to a campaign's summary (the list of `campaigns()`).
CAMPAIGN_DETAIL_KEYS = frozenset({"members", "scripted_members", "templates"})


def bare_detail(principal: str, verdict: dict[str, Any], decision: dict[str, Any] | None) -> dict[str, Any]:
    """The detail of an account listed under a verdict the detector keeps no state of (confirmed before it sent
    anything, or evicted since): the same fields, empty, so the list's every entry opens."""
    return {"principal": principal, "tenant": principal.partition("/")[0] or None, "key_id": None, **verdict,
            "own_score": 0.0, "signals": {}, "evidence": {}, "requests": 0, "first_seen_ts": None,
            "last_seen_ts": None, "first_flagged_ts": None, "timeline": [], "examples": [], "decision": decision}


class ReviewViews:
    """Views over `Detector` state; every method takes the detector as `self`."""

    def principal_detail(self: Detector, principal: str) -> dict[str, Any] | None:
        st = self._states.get(principal)
        if st is None:
            v = self._verdicts.get(principal)
            return bare_detail(principal, v.as_dict(), self._decisions.get(principal)) if v is not None else None
        score, sig, evi = self._score(st)
        v = self.verdict(principal)
        sig_out = {k: _num(val) for k, val in sig.items()}
        sig_out["top_category"] = CATEGORIES[int(sig["top_category"])]  # type: ignore[assignment]
        return {
            "principal": principal, "tenant": st.tenant, "key_id": st.key_id,
            "status": v.status, "score": round(v.score, 4), "own_score": round(score, 4),
            "campaign": st.campaign_id, "reasons": list(v.reasons),
            "signals": sig_out, "evidence": {k: _num(val) for k, val in evi.items()},
            "requests": st.total, "first_seen_ts": st.first_ts, "last_seen_ts": st.last_ts,
            "first_flagged_ts": st.first_flagged_ts,
            "timeline": [{"ts": t, "status": s, "score": sc} for t, s, sc in st.timeline or ()],
            "examples": list(st.examples or ()), "decision": self._decisions.get(principal),
            **({"learned_p": round(st.learned_p, 4)} if self._rescorer is not None else {}),
        }

    def principals(self: Detector, status: str | None = None) -> list[dict[str, Any]]:
        """Principals with a non-ok verdict (status='flagged' means any of flag/throttle/block)."""
        out = []
        for p, v in self._verdicts.items():
            if status in (None, "flagged") or v.status == status:
                out.append({"principal": p, **v.as_dict()})
        return sorted(out, key=lambda d: (-d["score"], d["principal"]))  # a stable order to page

    def campaigns(self: Detector) -> list[dict[str, Any]]:
        return [self._campaign_summary(c) for c in sorted(self._campaigns.values(), key=lambda c: -c.score)]

    def campaign_details(self: Detector) -> list[dict[str, Any]]:
        """Every campaign as `campaign(id)` shows it: what a worker publishes for the gateways (worker.py)."""
        return [d for c in sorted(self._campaigns.values(), key=lambda c: -c.score)
                if (d := self.campaign(c.campaign_id)) is not None]

    def campaign(self: Detector, campaign_id: str) -> dict[str, Any] | None:
        c = self._campaigns.get(campaign_id)
        if c is None:
            return None
        out = self._campaign_summary(c)
        out["members"] = list(c.members)
        out["scripted_members"] = sorted(c.scripted)  # round 13: the members the campaign can block (campaigns.py)
        out["templates"] = [
            {"cluster": f"{cid:08x}", "accounts": cs.account_count(), "requests": int(cs.n),
             "suspicion": round(cs.suspicion(), 3), "example": cs.example}
            for cid in c.clusters if (cs := self._clusters.get(cid)) is not None
        ]
        return out

    def _campaign_summary(self: Detector, c: Campaign) -> dict[str, Any]:
        return {"campaign": c.campaign_id, "score": round(c.score, 4), "accounts": len(c.members),
                "first_ts": c.first_ts, "first_flagged_ts": c.first_flagged_ts, "evidence": dict(c.evidence),
                "cohort": c.cohort}


def _num(value: float) -> float:
    """Four decimals, and no "-0.0" (estimators of zero come out negative-signed)."""
    return round(value, 4) + 0.0
