"""Blind traffic variant v16: an operator who has read the public signal list. Hydra accounts stay under quota,
skip days and some name a small team in `user`; careful accounts ask for the working without naming it and write
follow-ups that quote the answer; aged accounts chat first and harvest later at their own volume; each agreement
of the document-QA campaign is spread over several accounts; repair loops paste the next failure and front ends
resend the same request; every evasion has a benign twin, no request feature is attack-only, and response_text
is logged for a share of attack and benign records alike. (v3 ... v15: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter

import orjson
import pytest

from tests.extraction.blind_traffic import (
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    by_scenario,
    day_of,
    end_user,
    first_user_text,
    full_window_log,
    request_feature_counts,
)


@pytest.fixture(scope="module")
def v16_log() -> tuple[list[dict], dict]:
    return full_window_log("v16")


def _turns(r: dict) -> list[tuple[str, str]]:
    """(role, text) of a request's messages (a Responses turn chained by id carries only the newest)."""
    req = r["request"]
    msgs = req.get("messages") or req.get("input")
    if not isinstance(msgs, list):
        return [("user", msgs or "")]
    return [(m.get("role", ""), m["content"]) for m in msgs if isinstance(m.get("content"), str)]


def _quotes_the_answer(r: dict) -> bool:
    """Whether the newest user turn quotes a sentence of an assistant turn before it."""
    turns = _turns(r)
    if len(turns) < 3 or turns[-1][0] != "user":
        return False
    said = " ".join(text for role, text in turns[:-1] if role == "assistant").lower()
    quoted = re.findall(r'"([^"]{12,})"', turns[-1][1])
    return any(q.lower().removesuffix(" ...") in said for q in quoted)


def test_v16_logs_response_text_for_a_share_of_attack_and_benign_records(v16_log) -> None:
    records, labels = v16_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v16_hydra_stays_under_quota_skips_days_and_names_small_teams_like_a_benign_dev_team(v16_log) -> None:
    records, labels = v16_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    hydra = by_scenario(records, labels, "hydra")
    per_day = Counter((r["principal"], day_of(r, t0)) for r in hydra)
    accounts = {p for p, _ in per_day}
    assert len(accounts) >= 200 and max(per_day.values()) < 30
    days_active = Counter(p for p, _ in per_day)
    assert sum(n < 4 for n in days_active.values()) / len(accounts) >= 0.4
    teams: dict[str, set[str]] = {}
    for r in by_scenario(records, labels, "hydra", "dev_team_shared_key"):
        if end_user(r):
            teams.setdefault(r["principal"], set()).add(end_user(r))
    hydra_teams = [len(u) for p, u in teams.items() if labels[p]["scenario"] == "hydra"]
    assert len(hydra_teams) >= 0.3 * len(accounts) and max(hydra_teams) <= 5
    assert any(len(u) >= 3 for p, u in teams.items() if labels[p]["scenario"] == "dev_team_shared_key")


def test_v16_no_request_feature_is_attack_only(v16_log) -> None:
    records, labels = v16_log
    feats = request_feature_counts(records, labels)
    assert {"logprobs", "n", "tools", "multi_turn", "system", "user", "temperature>=1", "max_tokens>=4096",
            "response_format:json_object", "api:openai.responses", "api:anthropic.messages"} <= set(feats["attack"])
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]


def test_v16_careful_hydra_asks_for_the_working_without_naming_it_and_quotes_the_answer(v16_log) -> None:
    from benchmarks.traffic.attacks_v16 import HYDRA_ASKS

    records, labels = v16_log
    careful = [r for r in by_scenario(records, labels, "hydra") if not first_user_text(r).startswith("Task:")]
    openers = [first_user_text(r).lower() for r in careful]
    named = re.compile(r"step[ -]by[ -]step|reasoning|chain of thought|show (your|the) work|think")
    assert sum(bool(named.search(t)) for t in openers) / len(openers) < 0.05
    users: dict[str, set[str]] = {ask: set() for ask in HYDRA_ASKS}
    for r, text in zip(careful, openers, strict=True):
        for ask in HYDRA_ASKS:
            if ask.lower() in text:
                users[ask].add(r["principal"])
    assert all(len(u) >= 15 for u in users.values()), {a: len(u) for a, u in users.items()}
    follow_ups = [r for r in careful if len(_turns(r)) >= 3]
    assert sum(map(_quotes_the_answer, follow_ups)) / len(follow_ups) > 0.2
    twins = [r for r in by_scenario(records, labels, "interview_prep_platform", "dev_team_shared_key",
                                     "bootcamp_cohort") if len(_turns(r)) >= 3]
    assert sum(map(_quotes_the_answer, twins)) / len(twins) > 0.1


_ITEM = re.compile(r"t\(n\)|range\(|induction|committee|a ?-> ?e|a to e|tautolog|modulo|mod \d|array|hash|coins|"
                   r"awk|sed |jq|git |cron|retry|docker|port \d|files? ")


def test_v16_aged_accounts_chat_first_and_harvest_later_without_a_volume_jump(v16_log) -> None:
    """Careful warmup_harvest accounts open mostly everyday conversations on the first day and mostly items on the
    last two, at no more than their earlier volume; the moderate ones (single-turn harvest) ramp up."""
    from benchmarks.traffic.attacks_v16_more import HARVEST_BLUNT

    records, labels = v16_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    warm = by_scenario(records, labels, "warmup_harvest")
    moderate = {r["principal"] for r in warm if HARVEST_BLUNT[:30] in first_user_text(r)}
    assert 1 <= len(moderate) <= 4
    items: dict[int, list[bool]] = {0: [], 2: [], 3: []}
    volume: dict[bool, Counter] = {True: Counter(), False: Counter()}  # moderate? -> requests a day
    for r in warm:
        d = day_of(r, t0)
        volume[r["principal"] in moderate][d] += 1
        if r["principal"] not in moderate and d in items and len(_turns(r)) == 1:
            items[d].append(bool(_ITEM.search(first_user_text(r).lower())))
    assert sum(items[0]) / len(items[0]) < 0.35
    assert sum(items[2] + items[3]) / len(items[2] + items[3]) > 0.5
    later = {k: (v[2] + v[3]) / 2 for k, v in volume.items()}
    assert later[False] < 1.5 * volume[False][0] and later[True] > 1.5 * volume[True][0], volume


def test_v16_doc_qa_campaign_spreads_each_agreement_over_accounts_while_the_law_firm_keeps_its_own(v16_log) -> None:
    from benchmarks.traffic.corpus_v16_more import doc_ref

    records, labels = v16_log
    askers: dict[str, dict[str, set[str]]] = {"doc_qa_harvest": {}, "contract_review_firm": {}}
    questions: Counter = Counter()
    for r in by_scenario(records, labels, *askers):
        scenario, text = labels[r["principal"]]["scenario"], first_user_text(r)
        ref = doc_ref(text)
        if ref and not text.startswith("Answer all of the following"):
            askers[scenario].setdefault(ref, set()).add(r["principal"])
            questions[scenario] += sum(role == "user" for role, _ in _turns(r)) >= 2
    attack = askers["doc_qa_harvest"]
    assert sum(len(a) >= 2 for a in attack.values()) >= 30 and max(len(a) for a in attack.values()) <= 3
    assert askers["contract_review_firm"] and all(len(a) == 1 for a in askers["contract_review_firm"].values())
    assert all(questions[s] >= 20 for s in askers), questions


_FAILURE = re.compile(r"FAIL|Failed asserting|\[ERROR\]")


def test_v16_repair_loops_and_regenerated_requests_occur_in_attack_and_benign_traffic(v16_log) -> None:
    """Conversations that paste a second failing run, and identical requests resent by the same account, come
    from both the campaigns (repair_loop, sampling) and their twins (ci_autofix_bot, chat_frontend)."""
    records, labels = v16_log
    loops: Counter = Counter()
    for r in by_scenario(records, labels, "repair_loop", "ci_autofix_bot"):
        pasted = [text for role, text in _turns(r) if role == "user" and _FAILURE.search(text)]
        loops[labels[r["principal"]]["scenario"]] += len(pasted) >= 2
    assert loops["repair_loop"] >= 20 and loops["ci_autofix_bot"] >= 20, loops
    resent: Counter = Counter()
    seen: set[tuple[str, bytes]] = set()
    for r in by_scenario(records, labels, "sampling", "chat_frontend"):
        key = (r["principal"], orjson.dumps(r["request"]))
        resent[labels[r["principal"]]["scenario"]] += key in seen
        seen.add(key)
    assert resent["sampling"] >= 20 and resent["chat_frontend"] >= 20, resent
