"""The learned re-scorer (round 28): its model format and evaluation, its features, and how it judges accounts when a
policy turns it on."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from pydantic import ValidationError

from gateway.extraction.detector import Detector
from gateway.extraction.policy import ExtractionPolicy, ExtractionRescorer
from gateway.extraction.rescorer import DERIVED, FORMAT, CampaignStats, ModelError, TreeEnsemble
from tests.extraction.test_detector import T0, chat_events, hydra_events, run

ON = ExtractionPolicy(rescorer=ExtractionRescorer(enabled=True, min_requests=5))


def model(features: list[str], trees: list[dict], baseline: float = 0.0, threshold: float = 0.5) -> dict:
    return {"format": FORMAT, "features": features, "threshold": threshold, "baseline": baseline, "trees": trees}


def leaf(value: float) -> dict:
    return {"feature": [-1], "threshold": [0.0], "left": [0], "right": [0], "value": [value]}


def split(feature: int, at: float, below: float, above: float) -> dict:
    return {"feature": [feature, -1, -1], "threshold": [at, 0.0, 0.0], "left": [1, 0, 0], "right": [2, 0, 0],
            "value": [0.0, below, above]}


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def test_the_probability_is_the_sigmoid_of_the_baseline_plus_one_leaf_of_each_tree() -> None:
    m = TreeEnsemble(model(["signal.a", "evidence.b"], [split(0, 1.0, 1.0, -2.0), split(1, 5.0, 0.0, 0.75),
                                                         leaf(0.25)], baseline=0.5))
    assert m.probability([0.0, 9.0]) == pytest.approx(sigmoid(0.5 + 1.0 + 0.75 + 0.25))
    assert m.probability([1.0, 5.0]) == pytest.approx(sigmoid(0.5 + 1.0 + 0.0 + 0.25))  # x <= threshold goes left
    assert m.probability([2.0, 0.0]) == pytest.approx(sigmoid(0.5 - 2.0 + 0.0 + 0.25))


def test_the_compiled_ensemble_computes_what_walking_its_trees_computes() -> None:
    shipped = TreeEnsemble.load()
    rnd = random.Random(7)
    for _ in range(300):
        x = [rnd.choice((0.0, 1.0, rnd.random(), rnd.random() * 50)) for _ in shipped.features]
        assert shipped._raw(x) == pytest.approx(shipped.walk(x), abs=1e-12)
    deep = {"feature": [*range(1, 60), -1, -1], "threshold": [0.5] * 61, "left": [*range(1, 60), 60, 0],
            "right": [60] * 59 + [60, 0, 0], "value": [0.0] * 59 + [2.0, 2.0]}  # a chain deeper than is compiled
    walked = TreeEnsemble(model([f"signal.s{i}" for i in range(60)], [{k: v[:61] for k, v in deep.items()}]))
    assert walked._raw is None and walked.probability([0.0] * 60) == pytest.approx(sigmoid(2.0))


@pytest.mark.parametrize("doc, why", [
    ({**model(["signal.a"], [leaf(1.0)]), "format": "pickle"}, "format"),
    (model(["signal.a"], [{**split(0, 1.0, 0.0, 1.0), "left": [0, 0, 0]}]), "children"),  # a node pointing at itself
    (model(["signal.a"], [split(3, 1.0, 0.0, 1.0)]), "feature 3"),
    (model(["signal.a"], [{**leaf(1.0), "value": []}]), "differ in length"),
    (model(["signal.a"], []), "at least one tree"),
    (model(["signal.a"], [leaf(1.0)], threshold=1.0), "threshold"),
    ({"format": FORMAT, "features": ["signal.a"]}, "malformed"),
    (model(["signal.x", "tenant_size"], [leaf(1.0)]), "unknown feature 'tenant_size'"),
])
def test_a_malformed_model_is_refused_with_the_reason(doc: dict, why: str) -> None:
    with pytest.raises(ModelError, match=why):
        TreeEnsemble(doc)


def test_campaign_statistics_are_numpys_median_and_upper_quartile() -> None:
    rnd = random.Random(5)
    for n in (1, 2, 3, 4, 7, 40):
        scores = [rnd.random() for _ in range(n)]
        stats = CampaignStats.of(scores)
        assert stats.accounts == n
        assert stats.median_own_score == pytest.approx(float(np.median(scores)))
        assert stats.q75_own_score == pytest.approx(float(np.quantile(scores, 0.75)))


def test_the_shipped_model_reads_only_what_the_detector_computes() -> None:
    shipped = TreeEnsemble.load()
    det = Detector()
    run(det, hydra_events(accounts=6, per_account=8))
    det.tick(T0 + 86400)
    st = det._states["hydra-0"]
    _, sig, evi = det._score(st)
    assert {f"signal.{k}" for k in sig} | {f"evidence.{k}" for k in evi} | set(DERIVED) >= set(shipped.features)
    assert 0.0 < shipped.threshold < 1.0 and shipped.meta["trained_on"]
    # ... and judges a scripted hydra extracting (it was trained on many).
    on = Detector(ON)
    run(on, hydra_events(accounts=6, per_account=8))
    on.tick(T0 + 86400)
    assert all(on.principal_detail(f"hydra-{i}")["learned_p"] > shipped.threshold for i in range(6))


def test_with_the_rescorer_on_an_account_it_judges_extracting_is_flagged_for_review() -> None:
    # A model that calls any account of more than 30 requests extracting: ordinary chat the hand-written score leaves
    # alone is flagged once the re-scorer reads it (a quiet account's features are read every 8 requests).
    busy = TreeEnsemble(model(["log_requests"], [split(0, math.log1p(30), -5.0, 5.0)]))
    det = Detector(ON, rescorer=busy)
    events = sorted(chat_events("alice", 40), key=lambda e: e.ts)
    statuses = [det.observe(ev).status for ev in events]
    assert statuses[:31] == ["ok"] * 31
    assert statuses[-1] == "flag"
    assert "learned_rescorer" in det.verdict("alice").reasons
    assert det.principal_detail("alice")["learned_p"] == pytest.approx(sigmoid(5.0), abs=1e-4)
    plain = Detector()
    run(plain, chat_events("alice", 40))
    assert plain.verdict("alice").status == "ok"


def test_a_quiet_account_is_read_at_the_request_from_which_the_rescorer_judges_it() -> None:
    # Quiet accounts are read every 8th request, and at the min_requests-th: from there the gate judges them, and
    # judging requests 5-7 on no reading at all left them to the hand-written score.
    det = Detector(ON, rescorer=TreeEnsemble(model(["own_score"], [leaf(8.0)])))
    statuses = [det.observe(ev).status for ev in sorted(chat_events("bob", 6), key=lambda e: e.ts)]
    assert statuses == ["ok"] * 4 + ["flag", "flag"]
    assert det.principal_detail("bob")["learned_p"] == pytest.approx(sigmoid(8.0), abs=1e-4)


def test_with_the_rescorer_on_an_account_it_clears_is_not_flagged_and_one_it_confirms_keeps_its_status() -> None:
    events = hydra_events(accounts=6, per_account=8)
    plain = Detector()
    run(plain, events)
    plain.tick(T0 + 86400)
    hand = {f"hydra-{i}": plain.verdict(f"hydra-{i}").status for i in range(6)}
    assert set(hand.values()) - {"ok"}, hand  # the hand-written score judges them

    never = Detector(ON, rescorer=TreeEnsemble(model(["own_score"], [leaf(-8.0)])))
    run(never, events)
    never.tick(T0 + 86400)
    assert {p: never.verdict(p).status for p in hand} == dict.fromkeys(hand, "ok")

    always = Detector(ON, rescorer=TreeEnsemble(model(["own_score"], [leaf(8.0)])))
    run(always, events)
    always.tick(T0 + 86400)
    assert {p: always.verdict(p).status for p in hand} == {p: s if s != "ok" else "flag" for p, s in hand.items()}

    # Until an account has min_requests requests (8 here, fewer than 12), the hand-written score alone judges it.
    young = Detector(ExtractionPolicy(rescorer=ExtractionRescorer(enabled=True, min_requests=12)),
                     rescorer=TreeEnsemble(model(["own_score"], [leaf(-8.0)])))
    run(young, events)
    young.tick(T0 + 86400)
    assert {p: young.verdict(p).status for p in hand} == hand


def test_the_threshold_of_a_policy_is_a_probability() -> None:
    for bad in (0.0, 1.0, 1.5):
        with pytest.raises(ValidationError):
            ExtractionRescorer(enabled=True, threshold=bad)
    det = Detector(ExtractionPolicy(rescorer=ExtractionRescorer(enabled=True, threshold=0.9)),
                   rescorer=TreeEnsemble(model(["own_score"], [leaf(1.0)], threshold=0.2)))
    run(det, chat_events("alice", 40))
    assert det.verdict("alice").status == "ok"  # p = 0.73: above the model's 0.2, below the policy's 0.9
