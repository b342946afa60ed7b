"""Admin routes for watermark detection and provenance tracing."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import TYPE_CHECKING

from fastapi import APIRouter, HTTPException, Query, Response
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from gateway.service import Gateway


PROVENANCE_MIN_SIMILARITY = 0.5  # detect lists only close copies; /trace takes any threshold


class DetectRequest(BaseModel):
    text: str = Field(min_length=1, max_length=5_000_000)
    strength: float = Field(1.0, gt=0, le=1)


class TraceRequest(BaseModel):
    text: str = Field(min_length=1, max_length=5_000_000)
    min_similarity: float = Field(0.1, ge=0, le=1)
    limit: int = Field(10, ge=1, le=1000)


def watermark_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/watermark", tags=["watermark"])

    @router.post("/detect")
    async def detect(req: DetectRequest) -> dict:
        from gateway.watermark.detect import KeyRegistry
        from gateway.watermark.detect import detect as run_detect
        from gateway.watermark.embed import Watermarker

        principals = await gw.principals()

        def scored():
            registry = KeyRegistry(Watermarker(gw.watermark_master), principals)
            return run_detect(req.text, registry, strength=req.strength)

        # CPU-bound (every known account's keys, 0.8 s for 10,000, then the scoring): keep the event loop
        # serving traffic.
        result = await asyncio.to_thread(scored)
        gw.metrics.watermark_detections.labels("detected" if result.detected else "not_detected").inc()
        out = result.to_dict()
        if gw.provenance is not None:
            # the responses this text was copied from, when still indexed: attribution that needs no key
            # evidence (a verbatim or lightly edited copy of a short answer), reported beside the test
            matches = await gw.provenance.trace(req.text, min_similarity=PROVENANCE_MIN_SIMILARITY, limit=3)
            out["provenance"] = [asdict(m) for m in matches]
        return out

    @router.get("/reference", responses={404: {"description": "No reference recorded yet"}})
    async def reference(tenant: str | None = Query(None, min_length=1, max_length=256)) -> Response:
        """The recorded reference (the upstream's own word choices, counted before marking) of the
        detection table, as `Reference.to_json` writes it: of all traffic, or of one ``tenant``'s;
        this process's pending counts are flushed to the store first (other replicas' follow within
        their flush interval)."""
        from gateway.watermark.recorder import load_reference
        from gateway.watermark.table import load_table

        rec = gw.watermark_reference
        if rec is None:
            raise HTTPException(404, "this gateway records no watermark reference (no store)")
        await rec.flush()
        ref = await load_reference(rec.backend, load_table(), tenant)
        if ref is None:
            scope = "" if tenant is None else (
                f" for tenant {tenant!r} (recorded per tenant for the first {rec.max_tenants} tenants, "
                "watermark_reference_tenants)")
            from gateway.watermark.provenance_queue import ProvenancePublisher

            when = ("by `covenant worker` processes (Redis store), after each batch they read"
                    if isinstance(gw.provenance_sink, ProvenancePublisher)
                    else f"by this gateway, flushed every {rec.interval_s:.0f} s")
            raise HTTPException(404, f"no watermark reference recorded yet{scope}: it is counted from responses "
                                     f"marked with `record_reference` on (the default), {when}")
        return Response(ref.to_json(), media_type="application/json")

    @router.post("/trace", responses={503: {"description": "Provenance index not available"}})
    async def trace(req: TraceRequest) -> dict:
        if gw.provenance is None:
            raise HTTPException(503, "provenance index not available")
        matches = await gw.provenance.trace(req.text, min_similarity=req.min_similarity, limit=req.limit)
        return {"matches": [asdict(m) for m in matches]}

    return router
