"""Ask the upstream for the usage of every OpenAI-API stream, so streams are charged exactly.

An OpenAI chat or completions stream reports its token usage only when the caller asks
(`stream_options.include_usage`). Without it the gateway could only estimate the tokens of a
stream from its text, so token limits, spend and metrics were approximate for most streaming
clients. This stage asks on the caller's behalf; the proxy then removes that usage chunk from
the caller's stream (`RequestContext.drop_usage_chunk`), which stays what the caller asked for
except that its chunks carry `"usage": null`, as the API writes them when usage is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import orjson

from gateway.pipeline import Deny, RequestContext, Stage
from gateway.routes import Route

if TYPE_CHECKING:
    from gateway.upstream import Upstream

_PATHS = frozenset(("/v1/chat/completions", "/v1/completions"))
_SPLICE = b'{"stream_options":{"include_usage":true},'


class StreamUsageStage(Stage):
    name = "stream_usage"

    def __init__(self, route_for: Callable[[str, Route], Upstream | None]) -> None:
        self.route_for = route_for  # the upstream that will serve (model, route): the router's choice

    def applies(self, policy) -> bool:
        return policy.route in _PATHS  # other routes never pay for this stage (plans are per route)

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        if not ctx.stream or ctx.route.path not in _PATHS:
            return None
        options = ctx.json.get("stream_options")
        if options is not None and (not isinstance(options, dict) or options.get("include_usage") is True):
            return None  # the caller asked (or sent something the upstream will answer for)
        up = ctx.upstream = self.route_for(ctx.model, ctx.route)  # chosen once: the proxy sends it there
        if up is None or not up.asks_stream_usage():
            return None
        raw = ctx.body  # the bytes as earlier stages left them (redacted prompt, upstream user id)
        ctx.annotations["_without_stream_options"] = raw  # sent instead if the upstream refuses the field
        if "stream_options" not in ctx.json and raw[:2] == b'{"':
            ctx.body = b"".join((_SPLICE, memoryview(raw)[1:]))  # the usual case: no re-encoding
        else:
            sent = orjson.loads(raw)
            sent["stream_options"] = {**(sent.get("stream_options") or {}), "include_usage": True}
            ctx.body = orjson.dumps(sent)
        ctx.drop_usage_chunk = True
        return None
