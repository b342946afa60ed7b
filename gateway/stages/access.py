"""Allow/deny rules: e.g. a model the tenant has no licence for."""

from __future__ import annotations

from gateway.pipeline import Deny, RequestContext, Stage


class AccessStage(Stage):
    name = "access"

    def applies(self, policy) -> bool:
        return policy.access is not None

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        rule = ctx.policy.access if ctx.policy else None
        if rule is None or rule.action == "allow":
            return None
        source = ctx.policy.sources.get("access", "")
        if rule.mode == "shadow":
            ctx.reasons.append(f"shadow:access_denied:{source}")
            return None
        return Deny(403, "access_denied", rule.message, "blocked_access", reasons=[f"access_denied:{source}"])
