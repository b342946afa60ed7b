"""Watermark output prose per account, and fingerprint each response for provenance tracing.

Never marks structured outputs (response_format JSON), embeddings or tool calls; inside prose
the marker itself leaves code, URLs, e-mail addresses, numbers and quotes alone.
"""

from __future__ import annotations

import logging
import time

from gateway.batch_queue import HANDOFF_LINGER_S, BatchQueue
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext, Stage, TransformFactory
from gateway.policy.compile import CompiledPolicySet
from gateway.watermark.embed import Watermarker
from gateway.watermark.policy import WatermarkPolicy
from gateway.watermark.provenance_queue import ProvenancePublisher
from gateway.watermark.recorder import ReferenceRecorder
from gateway.watermark.reference_queue import PreMarkTexts

log = logging.getLogger("covenant.watermark")

_ESCALATE = "escalate_watermark"
_PROVENANCE_QUEUE = 10_000
_INDEX_BATCH = 64  # fingerprints written per pipelined round trip at most


def _structured(body: dict) -> bool:
    """The caller asked for JSON: chat `response_format`, Responses `text.format`, Anthropic `output_config.format`
    (what the SDK's `messages.parse` sends) or the beta's `output_format`. Shapes the APIs refuse are not."""
    fmt = body.get("response_format") or _field(body.get("text"), "format") \
        or _field(body.get("output_config"), "format")
    if isinstance(fmt, dict) and fmt.get("type") in ("json_object", "json_schema"):
        return True
    return bool(body.get("output_format"))


def _field(obj, name: str):
    return obj.get(name) if isinstance(obj, dict) else None


class WatermarkStage(Stage):
    name = "watermark"

    def __init__(self, master: bytes, metrics: Metrics, provenance_index,
                 reference: ReferenceRecorder | None = None, reference_via_workers: bool | None = None) -> None:
        self.master = master
        self.reference = reference  # pre-mark word counts (the recorded reference), or None
        # distributed mode (Redis store: the provenance goes to the workers' queue): the sampled pre-mark
        # texts go with the queue's entries and `covenant worker` observes them; else the recorder's
        # task does, in this process
        self.via_workers = isinstance(provenance_index, ProvenancePublisher) if reference_via_workers is None \
            else reference_via_workers
        self.m = metrics
        # `.labels()` takes a lock and builds a key: the two children are bound once
        self._marked = {"policy": metrics.watermarked.labels("policy"),
                        "escalated": metrics.watermarked.labels("escalated")}
        self.index = provenance_index  # Memory or Redis provenance index
        self._marks: dict[str, Watermarker] = {}
        # Fingerprinting (MinHash, ~0.2 ms) and indexing (one EVALSHA on Redis, ~0.1 ms of CPU) per
        # response: done by a background task, never on a request's path. Bounded; drops are
        # logged, not silent.
        self._pending: BatchQueue[tuple] = BatchQueue("provenance", self._index, maxsize=_PROVENANCE_QUEUE,
                                                      batch=_INDEX_BATCH, log=log, linger_s=HANDOFF_LINGER_S)

    async def start(self) -> None:
        await self._pending.start()
        if self.reference is not None:
            await self.reference.start()

    async def close(self, deadline_s: float = 5.0) -> None:
        await self._pending.close(deadline_s)
        if self.reference is not None:
            await self.reference.close()

    async def _index(self, batch: list[tuple]) -> None:
        # one call per backlog: on Redis the writes (or, with workers, the queued texts) share a round trip
        try:
            await self.index.add_many(batch)
        except Exception as exc:  # best effort: a store outage is a warning, not a traceback per batch
            log.warning("provenance of %d responses not stored: %s", len(batch), exc)
            lost = sum(len(item[5][2]) for item in batch if len(item) > 5)  # pre-mark texts for the workers
            if lost and self.reference is not None:
                self.reference.m.dropped.inc(lost)

    def prepare(self, ps: CompiledPolicySet) -> None:
        built, keep, refs = {}, {}, {}
        for p in ps.policies:
            block: WatermarkPolicy | None = p.policy.spec.watermark
            if block is None or not block.enabled:
                continue
            record = block.record_reference and self.reference is not None
            sig = f"{block.exclude_words}|{block.exclude_patterns}|{record}"  # what the marker is built from
            wm = keep.get(sig) or self._marks.get(sig) or Watermarker.from_policy(self.master, block)
            if record and self.via_workers:  # per response: the tally samples, the texts go to the workers
                refs[id(block)] = (self.reference.tally_for(wm.table), wm.table.digest.hex(),  # type: ignore[union-attr]
                                   sorted(block.exclude_words))
            elif record:  # one tally per table: kept across policy reloads, flushed in the background
                wm.tally = self.reference.tally_for(wm.table)  # type: ignore[union-attr]
            keep[sig] = built[id(block)] = wm
        self._marks = keep
        ps.artifacts["watermark"] = built
        ps.artifacts["watermark_reference"] = refs

    # Nothing to check before the upstream call: the decision is taken when the upstream answers, off the
    # path of the request (the upstream already has it) and, streamed, of the first token.
    def on_response_start(self, ctx: RequestContext) -> TransformFactory | None:
        block = ctx.policy.watermark if ctx.policy else None
        if block is None or not block.enabled or not ctx.route.generates or _structured(ctx.json):
            return None
        strength = block.escalated_strength if ctx.annotations.get("extraction_action") == _ESCALATE \
            else block.strength
        ctx.annotations["_watermark"] = (block, strength)
        if block.provenance:
            ctx.keep_output = True
        if block.mode == "shadow" or strength <= 0:
            return None
        wm: Watermarker = ctx.policy.artifacts["watermark"][id(block)]
        p = ctx.principal
        fragile_ts = int(time.time() // 60) if block.fragile_channel else None
        ref = ctx.policy.artifacts["watermark_reference"].get(id(block)) if self.via_workers else None
        if ref is None:
            return lambda: wm.stream(p.tenant, p.account, strength, fragile_ts=fragile_ts)
        texts = ctx.annotations["_wm_premark"] = PreMarkTexts(ref[0])
        return lambda: wm.stream(p.tenant, p.account, strength, fragile_ts=fragile_ts, sink=texts)

    async def on_response(self, ctx: RequestContext) -> None:
        held = ctx.annotations.get("_watermark")
        if held is None or not (200 <= ctx.status < 300) or not ctx.upstream_started:
            return
        block, strength = held
        applied = block.mode == "enforce" and strength > 0
        ctx.annotations["watermark"] = {"applied": applied, "strength": strength}
        if applied:
            self._marked["escalated" if strength != block.strength else "policy"].inc()
        p = ctx.principal
        text = "\n".join(ctx.response_text) if block.provenance else ""
        premark: PreMarkTexts | None = ctx.annotations.get("_wm_premark")
        if premark is None or not premark.texts:  # in-process reference (or none, or not sampled)
            if text.strip():
                self._pending.submit((ctx.request_id, text, p.tenant, p.account, ctx.ts))
            return
        # sampled, distributed: the original texts go in the response's entry (or one of their own
        # when provenance is off); a full queue drops them like the provenance, counted
        _, digest_hex, words = ctx.policy.artifacts["watermark_reference"][id(block)]
        item = (ctx.request_id, text if text.strip() else None, p.tenant, p.account, ctx.ts,
                (digest_hex, words, premark.texts))
        if not self._pending.submit(item):
            premark.tally.m.dropped.inc(len(premark.texts))
