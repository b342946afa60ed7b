"""Identify the caller: API key -> principal."""

from __future__ import annotations

from gateway.errors import ServiceUnavailable, StoreUnavailable
from gateway.identity import Authenticator
from gateway.pipeline import Deny, RequestContext, Stage


class IdentifyStage(Stage):
    name = "identify"
    reads_body = False  # a caller without a valid key is refused before its body is read

    def __init__(self, auth: Authenticator) -> None:
        self.auth = auth

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        try:
            ctx.principal = await self.auth.authenticate(ctx.headers)
        except StoreUnavailable as exc:
            # Keys live in the store: without it nobody can be identified, so nobody is let in.
            raise ServiceUnavailable("the key store is unavailable; retry shortly", code="key_store_unavailable",
                                     headers=[("retry-after", "1")]) from exc
        return None
