"""The extraction stage turns the detector's verdict into actions: the status the detector judged (held by
hysteresis, capped for young accounts and weak campaign members, a reviewer's confirmation) is the one acted on."""

from __future__ import annotations

import orjson
from prometheus_client import CollectorRegistry

from gateway.extraction.backends import LocalExtraction
from gateway.extraction.policy import ExtractionPolicy
from gateway.identity import Principal
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext
from gateway.policy.compile import EffectivePolicy
from gateway.routes import ROUTE_TABLE
from gateway.stages.extraction import ExtractionStage
from tests.extraction.helpers import HYDRA_TEMPLATE, chat, event, problem

CHAT = ROUTE_TABLE[("POST", "/v1/chat/completions")]
T0 = 1_767_225_600.0
POLICY = ExtractionPolicy.model_validate({
    "on_flag": [{"action": "flag"}],
    "on_throttle": [{"action": "throttle", "rate_limit": "extraction-slow"}],
    "on_block": [{"action": "block"}],
})


def _request(account: str, policy: ExtractionPolicy = POLICY) -> RequestContext:
    body = orjson.dumps(chat("What should I cook tonight?"))
    ctx = RequestContext("rid", CHAT, "10.0.0.7", "openai-python/1.50.0", {}, body=body, json=orjson.loads(body))
    ctx.principal = Principal("acme", account, "k1")
    ctx.policy = EffectivePolicy("v1", (), None, (), policy, None, None)
    return ctx


def _stage() -> tuple[ExtractionStage, LocalExtraction]:
    metrics = Metrics(CollectorRegistry())
    backend = LocalExtraction(metrics, POLICY)
    return ExtractionStage(backend, metrics), backend


def _harvest(det, principal: str, n: int) -> float:
    t = T0
    for i in range(n):
        t += 300
        det.observe(event(principal, t, chat(f"Solve: {problem(i)}\nShow your complete reasoning step by step.",
                                             max_tokens=3000), output_tokens=1500))
    return t


async def test_a_status_held_by_hysteresis_is_acted_on() -> None:
    stage, backend = _stage()
    det = backend.detector
    t = _harvest(det, "acme/harvester", 40)
    assert det.verdict("acme/harvester").status == "throttle"
    st = det._states["acme/harvester"]  # noqa: SLF001
    st.score = POLICY.thresholds.throttle * 0.8  # in throttle's release band, below its threshold
    det._set_verdict(st, t + 60)  # noqa: SLF001 - as the next event's rescoring does
    assert det.verdict("acme/harvester").status == "throttle", "held by the detector"
    ctx = _request("harvester")
    assert await stage.on_request(ctx) is None
    assert ctx.annotations["extraction"]["status"] == "throttle"
    assert ctx.annotations["_throttle_limits"] == ["extraction-slow"]


async def test_a_young_account_flagged_for_review_is_not_throttled() -> None:
    """Accounts under window.min_requests are flagged for review only, whatever their score (docs/extraction.md,
    *Young accounts*): many small accounts sending one template, three requests each."""
    stage, backend = _stage()
    det = backend.detector
    for i in range(60):
        det.observe(event(f"acme/h{i % 20}", T0 + i * 5, chat(HYDRA_TEMPLATE.format(p=problem(i)), max_tokens=3000),
                          ip=f"198.{i % 20}.7.1", output_tokens=1500))
    v = det.verdict("acme/h3")
    assert v.status == "flag" and v.score >= POLICY.thresholds.throttle
    ctx = _request("h3")
    assert await stage.on_request(ctx) is None
    assert ctx.annotations["extraction"]["status"] == "flag"
    assert "_throttle_limits" not in ctx.annotations


async def test_a_block_with_thresholds_of_its_own_maps_the_score_with_them() -> None:
    stage, backend = _stage()
    det = backend.detector
    _harvest(det, "acme/harvester", 40)
    v = det.verdict("acme/harvester")
    assert v.status == "throttle"
    strict = POLICY.model_copy(update={"thresholds": POLICY.thresholds.model_copy(update={"block": v.score - 0.01}),
                                       "campaign": POLICY.campaign.model_copy(update={"block_requires_campaign": False})})
    deny = await stage.on_request(_request("harvester", strict))
    assert deny is not None and deny.status == 403 and deny.code == "extraction_blocked"
