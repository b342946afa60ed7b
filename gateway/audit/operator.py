"""Operator actions taken from the command line, into the configured audit log.

A serving gateway writes its records through the background writer; a command (`covenant keys create`,
`revoke`) is a short process of its own, so it writes its one record directly: an appended line to the
file sink (its own file when the path has `{pid}`, as each worker has), an entry of the Redis stream.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from gateway.audit.sinks import STREAM_FIELD, STREAM_KEY


def key_change(action: str, record: Any, reason: str, via: str) -> dict[str, Any]:
    """The audit record of a key created or revoked (never the key itself)."""
    import time

    return {"kind": "key", "action": action, "ts": time.time(), "key_id": record.key_id, "tenant": record.tenant,
            "account": record.account, "expires": record.expires, "reason": reason, "via": via}


async def record_operator_action(audit: Any, store_url: str, record: dict[str, Any]) -> str | None:
    """Write `record` to the sink of `audit` (an AuditConfig); where it went, or None when the sink
    keeps nothing (none, stdout)."""
    line = orjson.dumps(record)
    if audit.sink == "file":
        path = Path(audit.path.replace("{pid}", "cli"))  # one file for every command, beside the workers'
        path.parent.mkdir(parents=True, exist_ok=True)
        # One short O_APPEND write: lands whole after whatever the gateway's writer appended.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, line + b"\n")
        finally:
            os.close(fd)
        return str(path)
    if audit.sink == "redis":
        from gateway.store.redis import build_client  # the store's client: any store URL (Sentinel, Cluster)

        _, client = build_client(store_url, 5.0)
        try:
            await client.xadd(STREAM_KEY, {STREAM_FIELD: line}, maxlen=audit.redis_stream_maxlen, approximate=True)
        finally:
            await client.aclose()
        return f"the Redis stream {STREAM_KEY}"
    return None
