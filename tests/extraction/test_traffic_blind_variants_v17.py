"""Blind traffic variant v17: an operator who dresses the harvest as a kind of customer the provider already has.
Hydra accounts stay under quota and open in waves; a relay of one-day accounts (account_churn) has a twin in
one-day workshop and trial accounts; a fake study app fronting thousands of generated end users has a twin in a
real one; minimal pairs (one number changed) come from the contrastive campaign and from a homework platform's
per-student variants; Anthropic prefills occur in attack and benign traffic; follow-up turns wait for the time a
person needs to read the answer; no request feature is attack-only, client metadata does not cluster attack
accounts, and response_text is logged for a share of attack and benign records alike. (v3 ... v16:
test_traffic_blind_variants*.py.)"""

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
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
)


@pytest.fixture(scope="module")
def v17_log() -> tuple[list[dict], dict]:
    return full_window_log("v17")


def test_v17_logs_response_text_for_a_share_of_attack_and_benign_records(v17_log) -> None:
    records, labels = v17_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v17_hydra_stays_under_quota_and_opens_in_waves_like_a_lab_section_stays_under_its_quota(v17_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v17_log, "ee_lab_section")


def test_v17_no_request_feature_is_attack_only(v17_log) -> None:
    assert_no_request_feature_is_attack_only(*v17_log)


def _prefilled(r: dict) -> bool:
    msgs = r["request"].get("messages") or []
    return r["api"] == "anthropic.messages" and bool(msgs) and msgs[-1].get("role") == "assistant"


def test_v17_assistant_prefills_occur_in_attack_and_benign_traffic(v17_log) -> None:
    from benchmarks.traffic.corpus_v17_more import FORMAT_PREFILLS, REASONING_PREFILLS

    records, labels = v17_log
    seen: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        if _prefilled(r):
            seen[labels[r["principal"]]["label"]][r["request"]["messages"][-1]["content"]] += 1
    assert set(seen["attack"]) <= set(REASONING_PREFILLS) and sum(seen["attack"].values()) >= 200
    assert set(seen["benign"]) <= set(FORMAT_PREFILLS) and sum(seen["benign"].values()) >= 100
    assert len(seen["benign"]) >= 3


def _spans(records: list[dict], labels: dict, scenario: str) -> dict[str, tuple[float, float, int]]:
    out: dict[str, tuple[float, float, int]] = {}
    for r in by_scenario(records, labels, scenario):
        lo, hi, n = out.get(r["principal"], (r["ts"], r["ts"], 0))
        out[r["principal"]] = (min(lo, r["ts"]), max(hi, r["ts"]), n + 1)
    return out


def test_v17_churned_accounts_live_about_a_day_like_workshop_and_trial_accounts(v17_log) -> None:
    """Every account_churn account is used for at most ~a day and a half and the relay covers the window; the
    twin's accounts are also used for at most a day."""
    records, labels = v17_log
    churn = _spans(records, labels, "account_churn")
    assert len(churn) >= 50
    assert all(hi - lo < 36 * 3600 for lo, hi, _ in churn.values())
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    starts = Counter(int((lo - t0) // 86400) for lo, _, _ in churn.values())
    assert all(starts[d] >= 8 for d in range(3)), starts
    assert sum(n for _, _, n in churn.values()) >= 1500
    twin = _spans(records, labels, "workshop_trial_signups")
    assert twin and all(hi - lo < 24 * 3600 for lo, hi, _ in twin.values())


def test_v17_fake_and_real_study_apps_front_many_end_users_under_an_app_prompt(v17_log) -> None:
    records, labels = v17_log
    users: dict[str, set[str]] = defaultdict(set)
    prompted: Counter = Counter()
    for r in by_scenario(records, labels, "fake_reseller", "study_app_reseller"):
        users[r["principal"]].add(end_user(r))
        req = r["request"]
        prompted[r["principal"]] += bool(req.get("system") or req.get("instructions") or
                                         (req.get("messages") or [{}])[0].get("role") == "system")
    by = defaultdict(list)
    for p, u in users.items():
        by[labels[p]["scenario"]].append(len(u - {None}))
    assert len(by["fake_reseller"]) == 4 and min(by["fake_reseller"]) >= 400, by
    assert by["study_app_reseller"] and min(by["study_app_reseller"]) >= 400, by
    counts = Counter(labels[r["principal"]]["scenario"] for r in by_scenario(records, labels, "fake_reseller",
                                                                             "study_app_reseller"))
    assert all(prompted[p] > 0.85 * sum(1 for r in records if r["principal"] == p) for p in users), counts


_NUM = re.compile(r"\d+(?:\.\d+)?")


def _one_number_apart(a: str, b: str) -> bool:
    if _NUM.sub("#", a) != _NUM.sub("#", b):
        return False
    return 1 <= sum(x != y for x, y in zip(_NUM.findall(a), _NUM.findall(b), strict=True)) <= 2


def test_v17_minimal_pairs_come_from_the_contrastive_campaign_and_the_homework_platform(v17_log) -> None:
    """Consecutive requests of one account whose texts differ only in one or two numbers: the blunt contrastive
    accounts and the homework platform's per-student keys both send them; the careful contrastive accounts each
    see at most one member of a set, so they send almost none."""
    records, labels = v17_log
    last: dict[str, str] = {}
    pairs: Counter = Counter()
    for r in by_scenario(records, labels, "minimal_pairs", "exam_variant_bank"):
        text = first_user_text(r).split("\n", 1)[-1] if first_user_text(r).startswith("Variant ") else \
            first_user_text(r)
        p = r["principal"]
        if p in last and _one_number_apart(last[p], text):
            pairs["blunt" if first_user_text(r).startswith("Variant ") else labels[p]["scenario"]] += 1
        last[p] = text
    assert pairs["blunt"] >= 100 and pairs["exam_variant_bank"] >= 100, pairs
    assert pairs["minimal_pairs"] <= 0.05 * pairs["blunt"], pairs


def test_v17_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v17_log) -> None:
    records, labels = v17_log
    v17 = {"hydra", "account_churn", "fake_reseller", "mixed_into_chat", "ee_lab_section", "study_app_reseller",
           "practice_shared_key", "workshop_trial_signups"}
    gaps = follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v17], labels)
    assert_follow_ups_wait_longer_after_longer_answers(gaps)


def test_v17_client_metadata_does_not_cluster_attack_accounts(v17_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v17_log, ("hydra", "account_churn", "paraphrased"))


def test_v17_languages_occur_in_attack_and_benign_traffic(v17_log) -> None:
    from benchmarks.traffic.corpus_v17 import WRAP

    seen = languages_seen(*v17_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
