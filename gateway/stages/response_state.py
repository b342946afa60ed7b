"""Upstream conversation state stays with the account that created it (OpenAI Responses API).

A `previous_response_id` is accepted only when it is a sealed id this gateway handed to the same
account (`dialects/response_ids.py`); it goes upstream unsealed, and the ids of the answer come
back sealed. `conversation` objects live upstream with no owner the gateway could check (there
is no conversations route through it), so a request naming one is refused.
"""

from __future__ import annotations

import orjson

from gateway.dialects.response_ids import ResponseIdSealer
from gateway.errors import InvalidRequest
from gateway.pipeline import Deny, RequestContext, Stage

_API = "openai.responses"
_PATH = "/v1/responses"


class ResponseStateStage(Stage):
    name = "response_state"

    def __init__(self, sealer: ResponseIdSealer) -> None:
        self.sealer = sealer

    def applies(self, policy) -> bool:
        return policy.route == _PATH  # other routes never pay for this stage (plans are per route)

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        if ctx.route.api != _API:
            return None
        p = ctx.principal
        body = ctx.json
        if body.get("conversation") is not None:
            raise InvalidRequest("conversation objects are not available through this gateway; chain turns "
                                 "with previous_response_id", code="unsupported_parameter", param="conversation")
        ctx.seal_id = self.sealer.sealer_for(p.tenant, p.account)
        sealed = body.get("previous_response_id")
        if sealed is None:
            return None
        upstream_id = self.sealer.open(p.tenant, p.account, sealed) if isinstance(sealed, str) else None
        if upstream_id is None:  # another account's id, or one not served through this gateway
            raise InvalidRequest(f"Previous response with id '{sealed}' not found.",
                                 code="previous_response_not_found", param="previous_response_id")
        body["previous_response_id"] = upstream_id
        ctx.body = orjson.dumps(body)
        return None
