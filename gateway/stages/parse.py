"""Parse and check the request body (after identification, so anonymous callers get 401 first)."""

from __future__ import annotations

import orjson

from gateway.config import Limits
from gateway.dialects import requests as req
from gateway.errors import InvalidRequest
from gateway.pipeline import Deny, RequestContext, Stage


class ParseStage(Stage):
    name = "parse"

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        if not ctx.route.has_body:
            ctx.model = ctx.route.model
            return None
        if not ctx.body:
            raise InvalidRequest("request body is empty; expected a JSON object", code="invalid_body")
        try:
            body = orjson.loads(ctx.body)
        except orjson.JSONDecodeError as exc:
            raise InvalidRequest(f"request body is not valid JSON: {exc}", code="invalid_json") from None
        req.check_depth(body, self.limits.max_json_depth, ctx.body)
        req.validate_body(ctx.route.api, body, max_messages=self.limits.max_messages)
        ctx.json = body
        ctx.model = body.get("model") or ""
        ctx.stream = bool(body.get("stream")) and ctx.route.streams
        return None
