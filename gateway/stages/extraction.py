"""Bulk-extraction detection: an O(1) verdict lookup before the upstream call; the exchange's
features are computed after it is over, by the backend's background task; the detector itself runs
off the hot path (a background task or `covenant worker`)."""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from gateway.extraction.features import FeatureEvent, FeatureExtractor
from gateway.extraction.policy import ExtractionPolicy
from gateway.metrics import Metrics
from gateway.pipeline import Deny, RequestContext, Stage

_ORDER = {"ok": 0, "flag": 1, "throttle": 2, "block": 3}


class ExtractionStage(Stage):
    name = "extraction"

    def __init__(self, backend, metrics: Metrics, *, keep_excerpts: bool = False) -> None:
        self.backend = backend
        self.m = metrics
        # Prompt excerpts for reviewers follow the audit privacy mode: kept only where the audit
        # log keeps prompts in full (they travel through Redis and sit in the detector's state).
        self.features = FeatureExtractor(keep_excerpt=keep_excerpts)

    def use_store(self, store) -> None:
        """Fresh detector state (policy tests run each case from scratch)."""
        from gateway.extraction.backends import LocalExtraction

        if isinstance(self.backend, LocalExtraction):
            self.backend = LocalExtraction(self.m, self.backend.detector.policy, self.backend.rescorer)

    def applies(self, policy) -> bool:
        return policy.extraction is not None and policy.extraction.enabled

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        block: ExtractionPolicy | None = ctx.policy.extraction if ctx.policy else None
        if block is None or not block.enabled or not ctx.json:
            return None
        p = ctx.principal
        pid = p.id
        if block.allowlist.allows(pid, p.tenant, p.key_id):
            return None
        # The features are computed after the exchange (on_response hands it to the backend's task): they
        # feed the detector, never this request's decision, so the client's first token does not wait for them. What
        # they describe is the prompt as sent (a later stage may rewrite ctx.json and ctx.body).
        ctx.annotations["_extraction_event"] = (ctx.body, ctx.json, block.keep_examples)
        verdict = await self.backend.verdict(pid)
        if verdict.status == "ok" and verdict.score <= 0:
            return None
        status = self._status(block, verdict)
        ctx.annotations["extraction"] = {"score": round(verdict.score, 4), "status": status,
                                         "campaign": verdict.campaign_id}
        deny = None
        for act in block.actions_for(status):
            self.m.extraction_actions.labels(act.action, act.mode).inc()
            if act.mode == "shadow":
                ctx.reasons.append(f"shadow:extraction_{act.action}")
                continue
            if act.action == "flag":
                ctx.reasons.append(f"extraction_flag:{verdict.score:.2f}")
            elif act.action == "throttle":
                ctx.annotations.setdefault("_throttle_limits", []).append(act.rate_limit)
                ctx.reasons.append(f"extraction_throttle:{act.rate_limit}")
            elif act.action == "escalate_watermark":
                ctx.annotations["extraction_action"] = "escalate_watermark"
            elif act.action == "block" and deny is None:
                why = f"campaign {verdict.campaign_id}" if verdict.campaign_id else f"score {verdict.score:.2f}"
                deny = Deny(403, "extraction_blocked",
                            "this account is blocked for bulk extraction of model outputs, which the terms of "
                            "use forbid; contact support to request a review", "blocked_extraction",
                            reasons=[f"extraction_block:{why}"])
        return deny

    def _status(self, block: ExtractionPolicy, verdict) -> str:
        """The detector's status, judged with its own thresholds: hysteresis holds it, young accounts and weak
        campaign members are capped (verdicts.py). Only a block whose thresholds differ from the detector's maps
        the score anew with its own; a reviewer's confirmation (block) always stands."""
        judged_by = self.backend.policy
        if (block.thresholds == judged_by.thresholds
                and block.campaign.block_requires_campaign == judged_by.campaign.block_requires_campaign):
            return verdict.status
        status = block.status_for(verdict.score, verdict.campaign_id is not None)
        if _ORDER[verdict.status] > _ORDER[status] and "confirmed_by_reviewer" in verdict.reasons:
            status = verdict.status
        return status

    async def on_response(self, ctx: RequestContext) -> None:
        held = ctx.annotations.pop("_extraction_event", None)
        if held is None or not ctx.upstream_started:
            return  # denied requests are not traffic the teacher answered
        body, parsed, keep_examples = held
        if ctx.body is not body:  # rewritten by a later stage (PII redaction): the original is described
            parsed = None
        ctx.usage.settle_estimate()
        p = ctx.principal
        self.backend.submit(_Exchange(self.features, ctx.route.api, body, parsed, p.id, ctx.ts, p.tenant, p.key_id,
                                      ctx.client_ip, ctx.user_agent, keep_examples, ctx.usage.output_tokens,
                                      ctx.response_text))


@dataclass(slots=True)
class _Exchange:
    """What the features of one finished exchange are computed from, by the backend's background task
    (gateway.extraction.backends): the request body as sent, who sent it, and the answer kept."""

    features: FeatureExtractor
    api: str
    body: bytes
    parsed: dict | None  # None: re-read from `body` (a later stage rewrote the request)
    principal: str
    ts: float
    tenant: str
    key_id: str | None
    client_ip: str | None
    user_agent: str | None
    keep_examples: bool
    output_tokens: int
    response_text: list[str]

    def __call__(self) -> FeatureEvent:
        # Round 11: the answer is sketched (at most 16 ints, from its first 4,000 characters) when another stage
        # kept the output (audit content logging, PII, watermark provenance); this stage does not make the proxy
        # keep outputs on its own.
        ev = self.features.describe(self.api, self.parsed if self.parsed is not None else orjson.loads(self.body),
                                    self.principal, self.ts, tenant=self.tenant, key_id=self.key_id,
                                    client_ip=self.client_ip, user_agent=self.user_agent,
                                    output_tokens=self.output_tokens, answer="\n".join(self.response_text))
        if not self.keep_examples:
            ev.excerpt = ""
        return ev
