"""The PII stage on prompts. A long prompt is scanned and rewritten in the PII thread pool, not on the event
loop: while one caller's huge prompt is being redacted or checked, the gateway keeps serving everyone else.
What counts is the text of the whole request - one long message, or many messages each short enough to be
scanned inline alone. And every value that goes upstream is read, a tool input's numbers included."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import pytest
from prometheus_client import CollectorRegistry

from gateway.metrics import Metrics
from gateway.pii.engine import INLINE_SCAN_MAX_CHARS
from gateway.pipeline import Deny, RequestContext
from gateway.policy.reload import PolicyManager
from gateway.routes import ROUTE_TABLE
from gateway.stages.pii import PiiStage

CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]
POLICY = """apiVersion: covenant/v1
kind: Policy
metadata: {{name: pii}}
spec:
  pii:
    prompt: {{action: {action}, entities: [EMAIL_ADDRESS, PHONE_NUMBER]}}
"""
EMAIL = "jane.doe@example.com"
LINE = f"Please forward this to {EMAIL} before noon. "
ONE_LONG = [LINE * (4 * INLINE_SCAN_MAX_CHARS // len(LINE))]
MANY_SHORT = [LINE * (INLINE_SCAN_MAX_CHARS // 2 // len(LINE))] * 8  # each under the inline size, together over


@pytest.fixture
def stage_for(tmp_path: Path):
    stages = []

    def build(action: str):
        (tmp_path / "pii.yaml").write_text(POLICY.format(action=action))
        stage = PiiStage(Metrics(CollectorRegistry()), hash_key=None)
        manager = PolicyManager([tmp_path], preparers=[stage.prepare])
        manager.activators = [stage.activate]
        assert manager.reload()
        stages.append(stage)
        return stage, manager.active.match("acme", "a1", "k1", {}, "gpt-4o-mini", CHAT.path)

    yield build
    for stage in stages:
        for engine in stage._engines.values():  # noqa: SLF001
            engine.close()


def _context(policy, texts: list[str]) -> RequestContext:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": t} for t in texts]}
    return RequestContext("r", CHAT, "127.0.0.1", "test", {}, body=orjson.dumps(body), json=body,
                          model="gpt-4o-mini", policy=policy)


async def _run_while_ticking(stage: PiiStage, ctx: RequestContext) -> tuple[Deny | None, bool]:
    """Run the stage on `ctx` (as the pipeline does: the wait hook, then on_request); also True when another
    task ran while it was still working."""
    stage.on_request_wait(ctx)
    work = asyncio.create_task(stage.on_request(ctx))
    ran_meanwhile = False
    while not work.done():
        await asyncio.sleep(0)
        ran_meanwhile = ran_meanwhile or not work.done()
    return await work, ran_meanwhile


@pytest.mark.parametrize("texts", [ONE_LONG, MANY_SHORT], ids=["one long message", "many short messages"])
def test_a_long_prompt_is_redacted_off_the_event_loop(stage_for, texts):
    stage, policy = stage_for("redact")
    ctx = _context(policy, texts)
    deny, ran_meanwhile = asyncio.run(_run_while_ticking(stage, ctx))
    assert deny is None and ran_meanwhile
    sent = [m["content"] for m in orjson.loads(ctx.body)["messages"]]
    assert sent == [t.replace(EMAIL, "<EMAIL_ADDRESS>") for t in texts]
    assert ctx.annotations["pii_prompt"] == {"EMAIL_ADDRESS": sum(t.count(EMAIL) for t in texts)}


@pytest.mark.parametrize("texts", [ONE_LONG, MANY_SHORT], ids=["one long message", "many short messages"])
def test_a_long_prompt_is_checked_off_the_event_loop(stage_for, texts):
    stage, policy = stage_for("block")
    deny, ran_meanwhile = asyncio.run(_run_while_ticking(stage, _context(policy, texts)))
    assert ran_meanwhile
    assert deny is not None and deny.code == "pii_detected" and "EMAIL_ADDRESS" in deny.message


@pytest.mark.parametrize("action", ["redact", "block"])
def test_a_short_prompt_is_handled_inline_with_the_same_result(stage_for, action):
    stage, policy = stage_for(action)
    ctx = _context(policy, [LINE, "and nothing else"])
    deny, _ = asyncio.run(_run_while_ticking(stage, ctx))
    if action == "block":
        assert deny is not None and deny.code == "pii_detected"
    else:
        assert deny is None
        assert orjson.loads(ctx.body)["messages"][0]["content"] == LINE.replace(EMAIL, "<EMAIL_ADDRESS>")


def test_a_number_in_a_tool_input_is_redacted_as_the_text_of_its_digits(stage_for):
    stage, policy = stage_for("redact")
    messages = [{"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "notify",
                                                   "input": {"to": 12125550173, "retries": 3, "urgent": True}}]}]
    body = {"model": "claude-x", "max_tokens": 10, "messages": messages}
    route = ROUTE_TABLE[("POST", "/v1/messages")]
    ctx = RequestContext("r", route, "127.0.0.1", "test", {}, body=orjson.dumps(body), json=body, model="claude-x",
                         policy=policy)
    assert asyncio.run(_run_while_ticking(stage, ctx))[0] is None
    sent = orjson.loads(ctx.body)["messages"][0]["content"][0]["input"]
    assert sent == {"to": "<PHONE_NUMBER>", "retries": 3, "urgent": True}
