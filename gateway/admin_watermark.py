"""Admin routes for watermark detection and provenance tracing."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import TYPE_CHECKING

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from gateway.service import Gateway


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

        wm = Watermarker(gw.watermark_master)
        registry = KeyRegistry(wm, await gw.principals())
        # CPU-bound (scoring every known account): keep the event loop serving traffic.
        result = await asyncio.to_thread(run_detect, req.text, registry, strength=req.strength)
        gw.metrics.watermark_detections.labels("detected" if result.detected else "not_detected").inc()
        return result.to_dict()

    @router.post("/trace", responses={503: {"description": "Provenance index not available"}})
    async def trace(req: TraceRequest) -> dict:
        if gw.provenance is None:
            raise HTTPException(503, "provenance index not available")
        matches = await gw.provenance.trace(req.text, min_similarity=req.min_similarity, limit=req.limit)
        return {"matches": [asdict(m) for m in matches]}

    return router
