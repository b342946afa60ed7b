"""Admin routes to review extraction verdicts and campaigns, and to record reviewer decisions."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from gateway.service import Gateway

log = logging.getLogger("covenant.review")
NOT_FOUND: dict[int | str, dict] = {404: {"description": "No such principal or campaign"}}
NO_ACCOUNT: dict[int | str, dict] = {404: {"description": "No API key was issued to the account, and the detector has "
                                                          "no state of it"}}


class Decision(BaseModel):
    decision: Literal["confirm", "clear", "allowlist"] = Field(
        description="confirm: block from now on; clear: reset to ok; allowlist: never flag again.")
    reviewer: str = Field(min_length=1, max_length=200)
    note: str = Field("", max_length=5000)


def extraction_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/extraction", tags=["extraction"])

    @router.get("/principals")
    async def principals(status: Literal["flagged", "flag", "throttle", "block"] | None = Query(None),
                         limit: int = Query(1000, ge=1, le=10_000), offset: int = Query(0, ge=0)) -> dict:
        """Principals with a non-ok verdict, highest score first; page with `offset` and `limit` (`total` counts
        them all)."""
        rows = await gw.extraction.principals(status)
        return {"principals": rows[offset:offset + limit], "total": len(rows)}

    @router.get("/principals/{principal_id:path}", responses=NOT_FOUND)
    async def principal(principal_id: str) -> dict:
        detail = await gw.extraction.principal(principal_id)
        if detail is None:
            raise HTTPException(404, f"no extraction state for {principal_id}")
        return detail

    async def decide(principal_id: str, body: Decision) -> dict:
        # A decision may come before any traffic (allowlisting a lab), but for an account a key was issued to: a
        # mistyped id would be recorded while the account meant goes on as it was.
        if await gw.extraction.principal(principal_id) is None and principal_id not in {
                f"{t}/{a}" for t, a in await gw.principals()}:
            raise HTTPException(404, f"no account {principal_id!r}: no API key was issued to it and the detector "
                                     "has no state of it")
        record = await gw.extraction.decide(principal_id, body.decision, body.reviewer, body.note)
        gw.record_review(record)  # into the audit log, like every other decision
        log.info("reviewer %s: %s %s", body.reviewer, body.decision, principal_id)
        return record

    @router.get("/campaigns")
    async def campaigns() -> dict:
        return {"campaigns": await gw.extraction.campaigns()}

    @router.get("/campaigns/{campaign_id}", responses=NOT_FOUND)
    async def campaign(campaign_id: str) -> dict:
        c = await gw.extraction.campaign(campaign_id)
        if c is None:
            raise HTTPException(404, f"no campaign {campaign_id}")
        return c

    # The path: POST /admin/v1/extraction/principals/{id}/decision. Principal ids contain
    # a slash (tenant/account), so the route is matched by suffix.
    @router.post("/principals/{rest:path}", responses=NO_ACCOUNT)
    async def decision_by_suffix(rest: str, body: Decision) -> dict:
        if not rest.endswith("/decision"):
            raise HTTPException(404, "not found")
        return await decide(rest[: -len("/decision")], body)

    return router
