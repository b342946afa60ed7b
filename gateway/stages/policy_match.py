"""Resolve which policies apply to this request; the result rides on the context."""

from __future__ import annotations

from collections.abc import Callable

from gateway.pipeline import Deny, RequestContext, Stage
from gateway.policy.compile import CompiledPolicySet


class PolicyMatchStage(Stage):
    name = "policy"
    resolves_policy = True

    def __init__(self, current: Callable[[], CompiledPolicySet]) -> None:
        self.current = current  # reads the active version; a reload swaps it atomically

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        p = ctx.principal
        assert p is not None, "identify runs before policy matching"
        ctx.policy = self.current().match(p.tenant, p.account, p.key_id, p.labels, ctx.model, ctx.route.path)
        return None
