"""The extraction stage hands a finished exchange to its backend without describing it: the features are
computed by the backend's background task, from the prompt as the client sent it (not as a later stage
rewrote it), with the output tokens and an answer sketch; an exchange that fails to describe itself is
logged and counted as an extraction stage error, and the others of its batch still go out."""

from __future__ import annotations

import asyncio

import orjson
from prometheus_client import CollectorRegistry

from gateway.extraction.answers import answer_sketch
from gateway.extraction.backends import _Queued
from gateway.extraction.features import FeatureEvent
from gateway.identity import Principal
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext
from gateway.routes import ROUTE_TABLE
from gateway.stages.extraction import ExtractionStage

CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]
ANSWER = "\n".join(f"Step {i}: apply the power rule to term {i}, multiply by its exponent and lower the exponent by "
                   f"one, which gives {i} times x to the power {i - 1} for this term." for i in range(1, 13))


class _Captured(_Queued):
    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        self.events: list[FeatureEvent] = []

    async def _consume(self, batch: list[FeatureEvent]) -> None:
        self.events.extend(batch)


def _finished_exchange(prompt: str, sent_as: str | None = None) -> RequestContext:
    body = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]})
    ctx = RequestContext("rid", CHAT, "10.0.0.7", "openai-python/1.50.0", {}, body=body, json=orjson.loads(body))
    ctx.principal = Principal("acme", "alice", "k1")
    ctx.annotations["_extraction_event"] = (ctx.body, ctx.json, True)  # as on_request leaves it
    if sent_as is not None:  # a later stage (PII redaction) rewrote the request
        ctx.body = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": sent_as}]})
        ctx.json = orjson.loads(ctx.body)
    ctx.upstream_started = 1.0
    ctx.usage.output_tokens = 42
    ctx.response_text.append(ANSWER)
    return ctx


async def _described(backend: _Captured) -> None:
    await backend.start()
    await asyncio.wait_for(backend._queue._q.join(), 10)  # noqa: SLF001 - wait for the batch to be handled
    await backend.close()


async def test_the_features_describe_the_prompt_the_client_sent():
    metrics = Metrics(CollectorRegistry())
    backend = _Captured(metrics)
    stage = ExtractionStage(backend, metrics, keep_excerpts=True)
    calls = []
    describe = stage.features.describe
    stage.features = type("Counting", (), {"describe": lambda self, *a, **kw: calls.append(1) or describe(*a, **kw)})()
    await stage.on_response(_finished_exchange("My card is 4111 1111 1111 1111, what is d/dx x^2?",
                                               sent_as="My card is <CREDIT_CARD>, what is d/dx x^2?"))
    assert calls == []  # nothing was computed in the request's own task
    await _described(backend)
    assert calls == [1]
    [ev] = backend.events
    assert ev.principal == "acme/alice" and ev.tenant == "acme" and ev.key_id == "k1"
    assert ev.excerpt.startswith("My card is 4111 1111 1111 1111")
    assert ev.output_tokens == 42
    assert ev.answer_grams == answer_sketch(ANSWER) != ()  # the kept answer is sketched


async def test_an_exchange_that_fails_to_describe_itself_is_counted_and_the_rest_go_out():
    metrics = Metrics(CollectorRegistry())
    backend = _Captured(metrics)
    stage = ExtractionStage(backend, metrics)

    def broken() -> FeatureEvent:
        raise ValueError("a feature bug")

    backend.submit(broken)
    await stage.on_response(_finished_exchange("Explain step by step how to integrate x e^x."))
    await _described(backend)
    assert len(backend.events) == 1
    assert backend.events[0].excerpt == ""  # excerpts follow the audit privacy mode: not kept here
    assert metrics.registry.get_sample_value("covenant_stage_errors_total", {"stage": "extraction"}) == 1


async def test_an_event_the_detector_cannot_take_costs_only_itself():
    """The embedded detector observed a batch (up to 500 exchanges of every account) in one go: one event it could not
    take lost the rest of the batch."""
    from gateway.extraction.backends import LocalExtraction
    from tests.extraction.helpers import chat, event

    metrics = Metrics(CollectorRegistry())
    backend = LocalExtraction(metrics)
    bad = event("acme/b", 1_767_225_601.0, chat("hello"))
    bad.ts = "noon"
    await backend._consume([event("acme/a", 1_767_225_600.0, chat("hello")), bad,  # noqa: SLF001
                            event("acme/c", 1_767_225_602.0, chat("hello")), bad])
    assert {st.principal for st in backend.detector.all_states()} >= {"acme/a", "acme/c"}
    assert metrics.registry.get_sample_value("covenant_stage_errors_total", {"stage": "extraction"}) == 2
