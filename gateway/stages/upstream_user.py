"""Tell the upstream which caller a request is for, without telling it who that is.

Every account reaches the provider under the gateway's one credential, so the provider's abuse
enforcement sees one customer; one account breaking the terms could get the whole organisation
suspended. Both providers take an opaque per-user identifier for this (OpenAI `safety_identifier`,
`user` on the older routes; Anthropic `metadata.user_id`). This stage sets it to a keyed hash of
(tenant, account, the caller's own value): stable per account, meaningless to the provider, one per
end user of a reseller account, and a caller cannot choose a value that names another account.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Literal

import orjson

from gateway.pipeline import Deny, RequestContext, Stage
from gateway.watermark.keys import hkdf

Scope = Literal["account", "tenant", "off"]
_FIELD = {"openai.chat.completions": "safety_identifier", "openai.responses": "safety_identifier",
          "openai.completions": "user", "openai.embeddings": "user"}
_LABEL = b"covenant/upstream-user/v1"
_CACHED_IDS = 100_000


class UpstreamUserStage(Stage):
    name = "upstream_user"

    def __init__(self, master: bytes, scope: Scope) -> None:
        self._key = hkdf(master, _LABEL)  # a key of its own, from the one master secret
        self.scope = scope
        self._ids: dict[tuple[str, str, str], tuple[str, bytes]] = {}  # per account and field, bounded

    def applies(self, policy) -> bool:
        return self.scope != "off"

    def identifier(self, tenant: str, account: str, caller_value: str) -> str:
        who = tenant if self.scope == "tenant" else f"{tenant}\x00{account}"
        msg = f"{who}\x00{caller_value}".encode("utf-8", "surrogatepass")
        return "cov-" + hmac.new(self._key, msg, hashlib.sha256).hexdigest()[:32]

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        body = ctx.json
        if not body:
            return None
        api = ctx.route.api
        if api == "anthropic.messages":
            holder = body.get("metadata")
            if holder is not None and not isinstance(holder, dict):
                return None  # not the API's shape: the upstream answers it
            name = "user_id"
        else:
            name = _FIELD.get(api)
            if name is None:
                return None
            holder = body
        caller = holder.get(name) if holder is not None else None
        if caller is None and name == "safety_identifier":
            caller = holder.get("user")  # the field it replaces, still sent by many applications
        p = ctx.principal
        if isinstance(caller, str) and caller:
            ident, splice = self.identifier(p.tenant, p.account, caller), None
        else:
            ident, splice = self._cached(p.tenant, p.account, name)
        # Only the bytes sent upstream change: ctx.json stays the request as the caller sent it (the
        # audit log records it, and a replay of that log must see what the live detector saw).
        raw = ctx.body
        absent = "metadata" not in body if holder is None else (holder is body and name not in holder)
        if absent and splice is not None and raw[:2] == b'{"':
            # The usual case (the field is absent, the body as the SDKs write it): put the field first
            # in the bytes as sent instead of re-encoding the whole body.
            ctx.body = b"".join((splice, memoryview(raw)[1:]))
        elif holder is body:
            ctx.body = orjson.dumps({**body, name: ident})
        else:  # Anthropic metadata, present or null
            ctx.body = orjson.dumps({**body, "metadata": {**(holder or {}), name: ident}})
        return None

    def _cached(self, tenant: str, account: str, name: str) -> tuple[str, bytes]:
        """The id of an account's requests without a caller value, and its field as body bytes."""
        key = (tenant, account, name)
        hit = self._ids.get(key)
        if hit is None:
            if len(self._ids) >= _CACHED_IDS:
                self._ids.clear()  # bounded; rebuilt on demand
            ident = self.identifier(tenant, account, "")
            field = f'"metadata":{{"user_id":"{ident}"}}' if name == "user_id" else f'"{name}":"{ident}"'
            hit = self._ids[key] = (ident, ("{" + field + ",").encode())
        return hit
