"""A long prompt is rewritten in the PII thread pool, not on the event loop: while one caller's
huge prompt is being redacted, the gateway keeps serving everyone else."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
from prometheus_client import CollectorRegistry

from gateway.metrics import Metrics
from gateway.pii.engine import INLINE_SCAN_MAX_CHARS
from gateway.pipeline import RequestContext
from gateway.policy.reload import PolicyManager
from gateway.routes import ROUTE_TABLE
from gateway.stages.pii import PiiStage

CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]
POLICY = """apiVersion: covenant/v1
kind: Policy
metadata: {name: pii-redact}
spec:
  pii:
    prompt: {action: redact, entities: [EMAIL_ADDRESS]}
"""
LINE = "Please forward this to jane.doe@example.com before noon. "


def _stage_and_policy(tmp_path: Path):
    (tmp_path / "pii.yaml").write_text(POLICY)
    stage = PiiStage(Metrics(CollectorRegistry()), hash_key=None)
    manager = PolicyManager([tmp_path], preparers=[stage.prepare])
    manager.activators = [stage.activate]
    assert manager.reload()
    return stage, manager.active.match("acme", "a1", "k1", {}, "gpt-4o-mini", CHAT.path)


async def _redact_while_ticking(stage: PiiStage, ctx: RequestContext) -> bool:
    """Run the stage on `ctx`; True when another task ran while it was still working."""
    redaction = asyncio.create_task(stage.on_request(ctx))
    ran_meanwhile = False
    while not redaction.done():
        await asyncio.sleep(0)
        ran_meanwhile = ran_meanwhile or not redaction.done()
    assert await redaction is None
    return ran_meanwhile


def test_a_long_prompt_is_redacted_off_the_event_loop(tmp_path):
    stage, policy = _stage_and_policy(tmp_path)
    text = LINE * (4 * INLINE_SCAN_MAX_CHARS // len(LINE))
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": text}]}
    ctx = RequestContext("r", CHAT, "127.0.0.1", "test", {}, body=orjson.dumps(body), json=body,
                         model="gpt-4o-mini", policy=policy)
    try:
        assert asyncio.run(_redact_while_ticking(stage, ctx))
        redacted = orjson.loads(ctx.body)["messages"][0]["content"]
        assert "jane.doe@example.com" not in redacted
        assert redacted == text.replace("jane.doe@example.com", "<EMAIL_ADDRESS>")
        assert ctx.annotations["pii_prompt"] == {"EMAIL_ADDRESS": text.count("jane.doe@example.com")}
    finally:
        for engine in stage._engines.values():  # noqa: SLF001
            engine.close()


def test_a_short_prompt_is_redacted_inline_with_the_same_result(tmp_path):
    stage, policy = _stage_and_policy(tmp_path)
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": LINE}]}
    ctx = RequestContext("r", CHAT, "127.0.0.1", "test", {}, body=orjson.dumps(body), json=body,
                         model="gpt-4o-mini", policy=policy)
    try:
        asyncio.run(_redact_while_ticking(stage, ctx))
        assert orjson.loads(ctx.body)["messages"][0]["content"] == LINE.replace("jane.doe@example.com",
                                                                               "<EMAIL_ADDRESS>")
    finally:
        for engine in stage._engines.values():  # noqa: SLF001
            engine.close()
