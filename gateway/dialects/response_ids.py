"""Response ids bound to the account they were served to (OpenAI Responses API state).

Every tenant's traffic goes upstream under the gateway's one credential, so the upstream's
stored responses are one pool: any caller who learns a response id could continue that
conversation (`previous_response_id`) and read what another account was told. The gateway
therefore hands out *sealed* ids — the upstream id plus a keyed tag over (tenant, account, id) —
and accepts a `previous_response_id` only when its tag is that caller's. Stateless (no store,
the same answer on every replica that shares the secret) and opaque to the SDKs, which treat ids
as strings.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable

from gateway.watermark.keys import hkdf

_SEP = ".cv"  # upstream ids are resp_<hex>: the separator never occurs in them
_TAG_BYTES = 15  # 120-bit tag, 24 base32 characters
_LABEL = b"covenant/response-ids/v1"


class ResponseIdSealer:
    __slots__ = ("_key",)

    def __init__(self, master: bytes) -> None:
        self._key = hkdf(master, _LABEL)  # a key of its own, from the one master secret

    def _tag(self, tenant: str, account: str, upstream_id: str) -> str:
        msg = f"{tenant}\x00{account}\x00{upstream_id}".encode("utf-8", "surrogatepass")
        digest = hmac.new(self._key, msg, hashlib.sha256).digest()[:_TAG_BYTES]
        return base64.b32encode(digest).decode().lower()

    def seal(self, tenant: str, account: str, upstream_id: str) -> str:
        return f"{upstream_id}{_SEP}{self._tag(tenant, account, upstream_id)}"

    def open(self, tenant: str, account: str, sealed: str) -> str | None:
        """The upstream id when `sealed` was handed to this account, else None."""
        upstream_id, sep, tag = sealed.rpartition(_SEP)
        if not sep or not upstream_id:
            return None
        return upstream_id if hmac.compare_digest(tag, self._tag(tenant, account, upstream_id)) else None

    def sealer_for(self, tenant: str, account: str) -> Callable[[str], str]:
        return lambda upstream_id: self.seal(tenant, account, upstream_id)


def seal_response_object(obj: dict, seal: Callable[[str], str]) -> bool:
    """Seal the ids of one Responses API `response` object in place; True if any changed."""
    changed = False
    for name in ("id", "previous_response_id"):
        value = obj.get(name)
        if isinstance(value, str) and value:
            obj[name] = seal(value)
            changed = True
    return changed
