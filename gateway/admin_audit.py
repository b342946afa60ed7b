"""Admin route to find audit records (what `covenant audit` prints), for review tools."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, HTTPException, Query

if TYPE_CHECKING:
    from gateway.service import Gateway


def audit_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/audit", tags=["audit"])

    @router.get("/records", responses={404: {"description": "The audit sink keeps no records"},
                                       503: {"description": "The audit store cannot be read"}})
    async def records(principal: str | None = Query(None, description="tenant/account"),
                      tenant: str | None = None, request_id: str | None = None,
                      decision: Annotated[list[str] | None, Query(description="repeatable")] = None,
                      reason: str | None = Query(None, description="prefix of any reason"),
                      model: str | None = Query(None, description="glob"),
                      since: str = Query("24h", description="90s, 30m, 24h, 7d, 2w",
                                         pattern=r"^\s*\d+(\.\d+)?\s*[smhdw]?\s*$", max_length=32),
                      limit: int = Query(100, ge=1, le=10_000)) -> dict:
        """The newest ``limit`` records matching every filter, oldest first (the traffic-log format). With a
        file sink this reads this host's files (every worker's with a `{pid}` path); with the Redis sink,
        every replica's records."""
        from redis.exceptions import RedisError

        from gateway.audit.query import AuditFilter, NothingToRead, configured_lines, search
        from gateway.audit.report import parse_duration

        since_ts = time.time() - parse_duration(since)  # the pattern above admits only what it parses
        flt = AuditFilter(since_ts=since_ts, principal=principal, tenant=tenant, decisions=frozenset(decision or ()),
                          reason=reason, request_id=request_id, model=model)

        def run():  # file reads and the XRANGE batches are blocking: off the event loop
            source, lines = configured_lines(gw.settings.audit, gw.settings.store, since_ts)
            return source, search(lines, flt, limit)

        try:
            source, result = await asyncio.to_thread(run)
        except NothingToRead as exc:
            raise HTTPException(404, str(exc)) from None
        except (OSError, RedisError) as exc:
            raise HTTPException(503, f"cannot read the audit log: {exc}") from None
        return {"records": result.records, "matched": result.matched, "scanned": result.scanned,
                "skipped_lines": result.skipped_lines, "source": source}

    return router
