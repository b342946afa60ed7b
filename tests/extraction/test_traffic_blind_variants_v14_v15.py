"""Blind traffic variants v14 and v15: a few blunt campaigns among many careful ones whose accounts keep to
ordinary customers' daily volumes and to a daily and weekly rhythm, use no request feature that benign traffic
does not, and still harvest in aggregate — v14 a prompt skeleton shared across hydra accounts and a second stage
asking what the first got back, v15 a student model's post-training data (several summaries of one transcript
from different accounts, draft -> critique -> revision conversations). Both log response_text for a share of
attack and benign records alike. (v3 ... v13: test_traffic_blind_variants.py.)"""

from __future__ import annotations

from collections import Counter

import orjson
import pytest

from tests.extraction.blind_traffic import (
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    daily_peaks,
    day_of,
    first_user_text,
    full_window_log,
    request_feature_counts,
    request_features,
)


@pytest.fixture(scope="module")
def v14_log() -> tuple[list[dict], dict]:
    return full_window_log("v14")


def test_v14_logs_response_text_for_a_share_of_attack_and_benign_records(v14_log) -> None:
    records, labels = v14_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)


def test_v14_attack_accounts_keep_to_ordinary_customers_daily_volumes_but_a_few_blunt_ones_do_not(v14_log) -> None:
    ordinary, attack = daily_peaks(*v14_log)
    assert len(attack) >= 400
    assert sum(n <= ordinary for n in attack) / len(attack) >= 0.95
    assert 1 <= sum(n > ordinary for n in attack) <= 10


def test_v14_attack_accounts_mostly_keep_a_daily_and_weekly_rhythm(v14_log) -> None:
    """Most attack accounts send at least three quarters of their requests within some 12 hours of the day (their
    daytime), and the human-paced campaigns are quieter on the window's weekend (it runs Thursday to Sunday)."""
    records, labels = v14_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    hours: dict[str, Counter] = {}
    days: dict[str, Counter] = {}
    for r in records:
        lab = labels[r["principal"]]
        if lab["label"] == "attack":
            hours.setdefault(r["principal"], Counter())[int((r["ts"] - t0) % 86400 // 3600)] += 1
            days.setdefault(lab["scenario"], Counter())[day_of(r, t0)] += 1
    busy = [h for h in hours.values() if sum(h.values()) >= 10]
    daytime = [max(sum(h[(s + i) % 24] for i in range(12)) for s in range(24)) / sum(h.values()) >= 0.75
               for h in busy]
    assert sum(daytime) / len(daytime) >= 0.75
    for scenario in ("hydra", "paraphrased", "evol_instruct"):
        d = days[scenario]
        assert d[2] + d[3] < 0.8 * (d[0] + d[1]), (scenario, d)


def test_v14_no_request_feature_is_attack_only(v14_log) -> None:
    records, labels = v14_log
    feats = request_feature_counts(records, labels)
    assert {"logprobs", "n", "tools", "multi_turn", "system", "user", "temperature>=1", "max_tokens>=4096",
            "response_format:json_object"} <= set(feats["attack"])
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]


def test_v14_campaigns_still_harvest_in_aggregate(v14_log) -> None:
    """Hydra accounts hold conversations but share the operator's ask phrasings; evol_instruct's second stage asks
    the rewritten problems its first stage got back from the teacher."""
    from benchmarks.traffic.attacks_v14 import HYDRA_ASKS

    records, labels = v14_log
    hydra = [r for r in records if labels[r["principal"]]["scenario"] == "hydra"]
    assert sum("multi_turn" in request_features(r) for r in hydra) / len(hydra) > 0.1
    users: dict[str, set[str]] = {ask: set() for ask in HYDRA_ASKS}
    for r in hydra:
        text = orjson.dumps(r["request"], option=orjson.OPT_NON_STR_KEYS).decode().lower()
        for ask in HYDRA_ASKS:
            if ask.lower() in text:
                users[ask].add(r["principal"])
    assert all(len(u) >= 50 for u in users.values()), {a: len(u) for a, u in users.items()}
    evol = [r for r in records if labels[r["principal"]]["scenario"] == "evol_instruct"]
    first = {id(r): first_user_text(r).lower() for r in evol}
    stage1 = {r["principal"] for r in evol if any(k in first[id(r)] for k in ("rewrit", "harder version", "variant"))}
    assert 0 < len(stage1) < len({r["principal"] for r in evol})
    rewrites = {r["response_text"].lower() for r in evol if r["principal"] in stage1 and "response_text" in r}
    asked = "\n".join(first[id(r)] for r in evol if r["principal"] not in stage1)
    assert rewrites and sum(text in asked for text in rewrites) >= 5


@pytest.fixture(scope="module")
def v15_log() -> tuple[list[dict], dict]:
    return full_window_log("v15")


def test_v15_logs_response_text_for_a_share_of_attack_and_benign_records(v15_log) -> None:
    records, labels = v15_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)


def test_v15_attack_accounts_keep_to_ordinary_customers_daily_volumes_but_a_few_blunt_ones_do_not(v15_log) -> None:
    ordinary, attack = daily_peaks(*v15_log)
    assert 350 <= len(attack) <= 450
    assert sum(n <= ordinary for n in attack) / len(attack) >= 0.95
    assert 1 <= sum(n > ordinary for n in attack) <= 10


def test_v15_attack_accounts_mostly_keep_a_daily_and_weekly_rhythm(v15_log) -> None:
    """Most busy attack accounts send three quarters of their requests within some 12 hours of the day (their
    daytime), and those daytime accounts are quieter on the window's weekend (it runs Thursday to Sunday) in the
    human-paced campaigns."""
    records, labels = v15_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    hours: dict[str, Counter] = {}
    days: dict[str, Counter] = {}
    for r in records:
        if labels[r["principal"]]["label"] == "attack":
            hours.setdefault(r["principal"], Counter())[int((r["ts"] - t0) % 86400 // 3600)] += 1
            days.setdefault(r["principal"], Counter())[day_of(r, t0)] += 1
    daytime = {p for p, h in hours.items()
               if max(sum(h[(s + i) % 24] for i in range(12)) for s in range(24)) / sum(h.values()) >= 0.75}
    busy = [p for p, h in hours.items() if sum(h.values()) >= 10]
    assert sum(p in daytime for p in busy) / len(busy) >= 0.75
    for scenario in ("hydra", "paraphrased", "critique_revision", "curriculum_ladder", "summary_distill"):
        d: Counter = Counter()
        for p in daytime:
            if labels[p]["scenario"] == scenario:
                d.update(days[p])
        assert d[2] + d[3] < 0.8 * (d[0] + d[1]), (scenario, d)


def test_v15_no_request_feature_is_attack_only(v15_log) -> None:
    records, labels = v15_log
    feats = request_feature_counts(records, labels)
    assert {"logprobs", "n", "tools", "multi_turn", "system", "temperature>=1", "max_tokens>=4096",
            "response_format:json_object", "api:openai.responses", "api:anthropic.messages"} <= set(feats["attack"])
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]


def test_v15_hydra_accounts_share_the_operators_ask_phrasings(v15_log) -> None:
    from benchmarks.traffic.attacks_v15 import HYDRA_ASKS

    records, labels = v15_log
    hydra = [r for r in records if labels[r["principal"]]["scenario"] == "hydra"]
    assert sum("multi_turn" in request_features(r) for r in hydra) / len(hydra) > 0.1
    users: dict[str, set[str]] = {ask: set() for ask in HYDRA_ASKS}
    for r in hydra:
        text = orjson.dumps(r["request"]).decode().lower()
        for ask in HYDRA_ASKS:
            if ask.lower() in text:
                users[ask].add(r["principal"])
    assert all(len(u) >= 80 for u in users.values()), {a: len(u) for a, u in users.items()}


def _transcript_key(text: str) -> str | None:
    """A transcript's header and first three lines (the lines are drawn at random, so they identify it)."""
    start = text.find("Transcript - ")
    return "\n".join(text[start:].split("\n")[:4]) if start >= 0 else None


def test_v15_summary_campaign_gets_each_transcript_summarised_by_several_accounts(v15_log) -> None:
    """No careful summary_distill account summarises a transcript twice, yet between them the accounts summarise
    many transcripts three or four times (in different formats); the benign meeting-notes product summarises each
    transcript several times from one account."""
    records, labels = v15_log
    askers: dict[str, dict[str, set[str]]] = {"summary_distill": {}, "meeting_notes_saas": {}}
    for r in records:
        scenario = labels[r["principal"]]["scenario"]
        if scenario in askers and "multi_turn" not in request_features(r):
            key = _transcript_key(first_user_text(r))
            if key and "at four levels" not in first_user_text(r):
                askers[scenario].setdefault(key, set()).add(r["principal"])
    attack = askers["summary_distill"]
    assert sum(len(a) >= 3 for a in attack.values()) >= 100
    assert max(len(a) for a in attack.values()) <= 4
    assert askers["meeting_notes_saas"] and all(len(a) == 1 for a in askers["meeting_notes_saas"].values())


def test_v15_critique_campaign_collects_draft_critique_revision_chains(v15_log) -> None:
    """The careful critique_revision accounts ask for a rewrite after the critique, in the same conversation."""
    from benchmarks.traffic.corpus_v15_more import REVISE_ASKS

    records, labels = v15_log
    chains: Counter = Counter()
    for r in records:
        if labels[r["principal"]]["scenario"] != "critique_revision":
            continue
        req = r["request"]
        msgs = req.get("messages") or (req.get("input") if isinstance(req.get("input"), list) else [])
        users = [m["content"] for m in msgs if m.get("role") == "user" and isinstance(m.get("content"), str)]
        drafted = "My answer:" in users[0] or "Paragraph arguing:" in users[0] if users else False
        if len(users) >= 2 and drafted and users[1] in REVISE_ASKS:
            chains[r["principal"]] += 1
    assert len(chains) >= 6 and sum(chains.values()) >= 100, chains
