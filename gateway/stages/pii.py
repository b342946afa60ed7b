"""PII and secrets: scan prompts before the upstream (block / redact / flag) and redact or flag outputs.

Scanners are built once per policy block and reused across policy versions while the block is
unchanged (building and warming Presidio costs about a second).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from typing import Any

import orjson

from gateway.dialects.requests import prompt_slots, slot_text
from gateway.errors import PolicyError
from gateway.metrics import Metrics
from gateway.pii.engine import INLINE_SCAN_MAX_CHARS, PiiConfigError, PiiEngine
from gateway.pii.findings import count_by_type
from gateway.pii.policy import PiiAction, PiiPolicy
from gateway.pipeline import Deny, RequestContext, Stage, TransformFactory
from gateway.policy.compile import CompiledPolicySet

log = logging.getLogger("covenant.pii")

_RETIRE_AFTER_S = 300.0  # engines of replaced policy versions may still serve in-flight requests


class PiiStage(Stage):
    name = "pii"

    def __init__(self, metrics: Metrics, hash_key: bytes | None) -> None:
        self.m = metrics
        self.hash_key = hash_key
        self._engines: dict[str, PiiEngine] = {}
        self._retired: list[tuple[float, PiiEngine]] = []

    # -- per policy version ---------------------------------------------------------------------
    def prepare(self, ps: CompiledPolicySet) -> None:
        built: dict[int, PiiEngine] = {}
        keep: dict[str, PiiEngine] = {}
        for p in ps.policies:
            block: PiiPolicy | None = p.policy.spec.pii
            if block is None:
                continue
            sig = block.model_dump_json()
            engine = keep.get(sig) or self._engines.get(sig)
            if engine is None:
                try:
                    engine = PiiEngine(block, hash_key=self.hash_key)
                except PiiConfigError as exc:
                    raise PolicyError([f"{p.file}:{p.line}:1: spec.pii: {exc}"]) from exc
            keep[sig] = engine
            built[id(block)] = engine
        # Nothing is retired here: this version may still be rejected (by a later stage's preparer), and the
        # running one keeps its engines until `activate` swaps versions.
        self._engines.update(keep)
        ps.artifacts["pii"] = built
        ps.artifacts["pii_engines"] = keep

    def activate(self, ps: CompiledPolicySet) -> None:
        """`ps` is now the running version: engines only other versions used retire (closed a while later,
        once no in-flight request of an older version can still be using them)."""
        keep = ps.artifacts.get("pii_engines", {})
        now = time.monotonic()
        self._retired.extend((now, e) for sig, e in self._engines.items() if sig not in keep)
        still = []
        for at, engine in self._retired:
            if now - at > _RETIRE_AFTER_S:
                engine.close()
            else:
                still.append((at, engine))
        self._retired = still
        self._engines = dict(keep)

    def applies(self, policy) -> bool:
        return policy.pii is not None

    # -- prompt ---------------------------------------------------------------------------------
    async def on_request(self, ctx: RequestContext) -> Deny | None:
        block = ctx.policy.pii if ctx.policy else None
        if block is None:
            return None
        out = block.output
        if out is not None and (out.action == PiiAction.FLAG or out.mode == "shadow"):
            ctx.keep_output = True  # flagged outputs are scanned after the response, off the client's path
        rule = block.prompt
        if rule is None or not ctx.json:
            return None
        engine: PiiEngine = ctx.policy.artifacts["pii"][id(block)]
        rewrite = rule.action == PiiAction.REDACT and rule.mode == "enforce"
        early = ctx.annotations.pop("_pii_prompt_scans", None)
        slots = list(prompt_slots(ctx.route.api, ctx.json))
        if _inline(slots):
            counts = _prompt_counts(engine, slots, rewrite, early)
        else:  # one hop to the pool for the whole prompt: many short messages weigh as much as one long one
            counts = await asyncio.get_running_loop().run_in_executor(
                engine.executor, _prompt_counts, engine, slots, rewrite, early)
        if not counts:
            return None
        action = rule.action.value
        mode = rule.mode
        for entity, n in counts.items():
            self.m.pii_detections.labels(entity, "prompt", action if mode == "enforce" else "shadow").inc(n)
        ctx.annotations["pii_prompt"] = dict(counts)
        types = ", ".join(sorted(counts))
        if mode == "shadow":
            ctx.reasons.append(f"shadow:pii_prompt:{action}:{types}")
            return None
        if rule.action == PiiAction.BLOCK:
            return Deny(400, "pii_detected", f"the prompt contains data this API does not accept: {types}",
                        "blocked_pii", reasons=[f"pii_prompt:{types}"])
        if rewrite:
            ctx.body = orjson.dumps(ctx.json)
            ctx.reasons.append(f"pii_prompt_redacted:{types}")
        else:
            ctx.reasons.append(f"pii_prompt_flagged:{types}")
        return None

    def on_request_wait(self, ctx: RequestContext) -> None:
        """While the rate-limit admission is in flight: scan the prompt (pure; on_request applies the
        findings in stage order, or scans again if the prompt changed). Scans that would go to the
        thread pool, and redaction, are left to on_request."""
        block = ctx.policy.pii if ctx.policy else None
        rule = block.prompt if block is not None else None
        if rule is None or not ctx.json or (rule.action == PiiAction.REDACT and rule.mode == "enforce"):
            return
        slots = list(prompt_slots(ctx.route.api, ctx.json))
        if not _inline(slots):
            return
        engine: PiiEngine = ctx.policy.artifacts["pii"][id(block)]
        scans = {}
        for container, key in slots:
            text = slot_text(container, key)
            scans[id(container[key])] = (container[key], engine.prompt.scan(text))
        ctx.annotations["_pii_prompt_scans"] = scans

    # -- output ---------------------------------------------------------------------------------
    def on_response_start(self, ctx: RequestContext) -> TransformFactory | None:
        block = ctx.policy.pii if ctx.policy else None
        rule = block.output if block else None
        if rule is None or rule.action != PiiAction.REDACT or rule.mode != "enforce":
            return None
        engine: PiiEngine = ctx.policy.artifacts["pii"][id(block)]
        made: list = []
        ctx.annotations["_pii_streams"] = made

        def factory():
            stream = engine.output_redactor.stream(block.stream_holdback_chars)
            made.append(stream)
            return stream

        return factory

    async def on_response(self, ctx: RequestContext) -> None:
        block = ctx.policy.pii if ctx.policy else None
        rule = block.output if block else None
        if rule is None:
            return
        counts: Counter[str] = Counter()
        for stream in ctx.annotations.get("_pii_streams", ()):
            found = stream.counts
            if found:
                counts.update(found)
        if ctx.keep_output and ctx.response_text and (rule.action == PiiAction.FLAG or rule.mode == "shadow"):
            engine: PiiEngine = ctx.policy.artifacts["pii"][id(block)]
            for text in ctx.response_text:
                counts.update(count_by_type(await engine.output.scan_async(text)))
        if not counts:
            return
        label = rule.action.value if rule.mode == "enforce" else "shadow"
        for entity, n in counts.items():
            self.m.pii_detections.labels(entity, "output", label).inc(n)
        ctx.annotations["pii_output"] = dict(counts)


def _inline(slots: list[tuple[Any, Any]]) -> bool:
    """Whether a prompt's texts are short enough, together, to scan on the event loop."""
    total = 0
    for container, key in slots:
        total += len(slot_text(container, key))
        if total > INLINE_SCAN_MAX_CHARS:
            return False
    return True


def _prompt_counts(engine: PiiEngine, slots: list[tuple[Any, Any]], rewrite: bool,
                   early: dict[int, tuple[Any, list]] | None) -> Counter[str]:
    """Detections by type in the prompt's texts, each rewritten in place when `rewrite` (blocking: on the event
    loop for a short prompt, in the engine's pool for a long one). `early`: the wait hook's scans."""
    counts: Counter[str] = Counter()
    for container, key in slots:
        value = container[key]
        text = slot_text(container, key)
        if rewrite:
            red = engine.prompt_redactor.redact(text)
            if red.counts:
                counts.update(red.counts)
                container[key] = red.text  # a number holding an entity becomes its redacted text
        else:
            hit = early.get(id(value)) if early else None
            findings = hit[1] if hit is not None and hit[0] is value else engine.prompt.scan(text)
            if findings:
                counts.update(count_by_type(findings))
    return counts
