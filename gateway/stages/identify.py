"""Identify the caller: API key -> principal."""

from __future__ import annotations

from gateway.identity import Authenticator
from gateway.pipeline import Deny, RequestContext, Stage


class IdentifyStage(Stage):
    name = "identify"

    def __init__(self, auth: Authenticator) -> None:
        self.auth = auth

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        ctx.principal = await self.auth.authenticate(ctx.headers)
        return None
