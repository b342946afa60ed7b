"""Blind traffic variant v18: an operator who spends the request budget where a per-request or per-account view
sees least. Many items packed into one request (packed_batch) have a twin in instructors' answer-key pastes; a
cheap model's answers deciding which items go to a stronger model (verifier_escalation) have a twin in a
product's model router; worked problems cut into small questions that carry the previous step's result
(decomposed_chain) have a twin in a step-by-step tutor; hydra accounts stay under quota like a course cohort; no
request feature is attack-only, client metadata does not cluster attack accounts, the v18 languages occur in
attack and benign traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack
and benign records alike. (v3 ... v17: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.extraction.blind_traffic import (
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_no_request_feature_is_attack_only,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    by_scenario,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
)


@pytest.fixture(scope="module")
def v18_log() -> tuple[list[dict], dict]:
    return full_window_log("v18")


def test_v18_logs_response_text_for_a_share_of_attack_and_benign_records(v18_log) -> None:
    records, labels = v18_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v18_hydra_stays_under_quota_and_opens_in_waves_like_the_mph_cohort_stays_under_its_quota(v18_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v18_log, "mph_cohort")


def test_v18_no_request_feature_is_attack_only(v18_log) -> None:
    assert_no_request_feature_is_attack_only(*v18_log)


_NUMBERED = re.compile(r"(?m)^(\d+)\. ")


def _items_in(text: str) -> int:
    """How many numbered items (1., 2., ...) a request's first user message carries."""
    return len(_NUMBERED.findall(text))


def _opens(r: dict) -> bool:
    """Whether the request is a conversation's first turn (one user message, nothing chained before it)."""
    req = r["request"]
    msgs = req.get("messages") or req.get("input")
    if req.get("previous_response_id"):
        return False
    return isinstance(msgs, str) or sum(m.get("role") == "user" for m in msgs) == 1


def test_v18_packed_requests_come_from_the_campaign_and_from_instructors_answer_keys(v18_log) -> None:
    """Requests with five or more numbered items: the packed_batch accounts (the blunt ones with 15-25) and the
    instructors' worksheet pastes both send them; the campaign never pastes the same sheet twice, the instructors
    reuse theirs."""
    records, labels = v18_log
    packed: dict[str, list[int]] = defaultdict(list)
    sheets: dict[str, Counter] = defaultdict(Counter)
    for r in by_scenario(records, labels, "packed_batch", "course_worksheet_keys"):
        text = first_user_text(r)
        if _items_in(text) >= 5 and _opens(r):
            scenario = labels[r["principal"]]["scenario"]
            packed[scenario].append(_items_in(text))
            sheets[scenario][_NUMBERED.split(text, 1)[-1]] += 1
    assert len(packed["packed_batch"]) >= 200 and max(packed["packed_batch"]) >= 15, len(packed["packed_batch"])
    assert len(packed["course_worksheet_keys"]) >= 10, len(packed["course_worksheet_keys"])
    assert max(sheets["packed_batch"].values()) == 1
    assert sheets["course_worksheet_keys"].most_common(1)[0][1] >= 2


_LADDER = {m: k for ladder in (("gpt-4.1-mini", "gpt-4.1", "gpt-4o"), ("claude-haiku-4-5", "claude-sonnet-4-5"),
                                ("gpt-5-mini", "gpt-4.1", "o4-mini")) for k, m in enumerate(ladder)}


def _resends(records: list[dict], labels: dict, *scenarios: str) -> dict[str, Counter]:
    """For each scenario: a conversation opener sent again by the same account within the hour ('up': to a model
    higher on the ladder, 'same': to the model it went to before)."""
    last: dict[tuple[str, str], tuple[float, str]] = {}
    out: dict[str, Counter] = defaultdict(Counter)
    for r in by_scenario(records, labels, *scenarios):
        key = (r["principal"], first_user_text(r))
        if not key[1] or not _opens(r):
            continue
        model = r["request"]["model"]
        if key in last and r["ts"] - last[key][0] < 3600:
            up = _LADDER.get(model, -1) > _LADDER.get(last[key][1], -1)
            out[labels[r["principal"]]["scenario"]]["up" if up else "same"] += 1
        last[key] = (r["ts"], model)
    return out


def test_v18_escalations_go_up_the_model_ladder_in_the_campaign_and_the_model_router(v18_log) -> None:
    """The same text sent again by the same account within the hour goes to a larger model than before, in
    verifier_escalation and in the routed product alike; a minority of items is escalated in both."""
    records, labels = v18_log
    resends = _resends(records, labels, "verifier_escalation", "routed_assistant_app")
    assert resends["verifier_escalation"]["up"] >= 300 and resends["routed_assistant_app"]["up"] >= 30, resends
    for scenario, counts in resends.items():
        assert counts["same"] <= 0.02 * counts["up"], (scenario, counts)
        total = sum(1 for _ in by_scenario(records, labels, scenario))
        assert counts["up"] < 0.4 * total, (scenario, counts, total)


def test_v18_step_chains_are_short_questions_carrying_the_previous_result_in_attack_and_tutor_traffic(v18_log) -> None:
    """decomposed_chain: the blunt accounts number their steps; the careful accounts never do and ask short
    questions, most of which carry a previous step's result (a step template's wording after its slots). The
    tutor's students send the same kind of step turns."""
    from benchmarks.traffic.corpus_v18_more import STEPS

    marks = [max(re.split(r"\{[a-z0-9]+\}", q), key=len).strip().lower() for qs in STEPS.values() for q in qs[1:]]
    records, labels = v18_log
    blunt, careful, tutor = Counter(), defaultdict(list), 0
    for r in by_scenario(records, labels, "decomposed_chain", "stepwise_tutor_app"):
        text = first_user_text(r)
        if labels[r["principal"]]["scenario"] == "stepwise_tutor_app":
            tutor += any(m in str(r["request"]).lower() for m in marks)
        elif text.startswith("Step "):
            blunt[text.split(":", 1)[0]] += 1
        elif _opens(r):
            careful[r["principal"]].append(text)
    assert {f"Step {k} of 5" for k in range(1, 6)} <= set(blunt), blunt
    texts = [t for ts in careful.values() for t in ts]
    assert len(careful) >= 30 and len(texts) >= 500 and not any(t.startswith("Step ") for t in texts)
    assert sum(any(m in t.lower() for m in marks) for t in texts) >= 0.4 * len(texts)
    assert sorted(map(len, texts))[len(texts) // 2] < 400
    assert tutor >= 100


def test_v18_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v18_log) -> None:
    records, labels = v18_log
    v18 = {"hydra", "cot_harvester", "packed_batch", "mixed_into_chat", "paraphrased", "decomposed_chain",
           "mph_cohort", "course_worksheet_keys", "bench_chemist_power_user", "health_ngo_helpdesk",
           "stepwise_tutor_app"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v18], labels))


def test_v18_client_metadata_does_not_cluster_attack_accounts(v18_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v18_log, ("hydra", "decomposed_chain", "paraphrased"))


def test_v18_languages_occur_in_attack_and_benign_traffic(v18_log) -> None:
    from benchmarks.traffic.corpus_v18 import WRAP

    seen = languages_seen(*v18_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
