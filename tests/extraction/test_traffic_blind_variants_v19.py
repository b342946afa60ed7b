"""Blind traffic variant v19: an operator who runs the harvest through a workflow the provider's customers already
run. Scraped human answers turned into (question, complete rewrite) pairs (backtranslation) have a twin in a docs
team's FAQ builder; evaluation runs over a private question bank that every run extends (eval_masquerade) have a
twin in a lab's private benchmark, whose items come back every run; a long teacher prompt of worked examples in
front of a stream of new questions (context_distill) has a twin in a tutoring app whose system prompt is its style
guide; hydra accounts stay under quota like a trainee cohort; no request feature, model or end-user id shape is
attack-only, client metadata does not cluster attack accounts, the v19 languages occur in attack and benign
traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records
alike. (v3 ... v18: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.extraction.blind_traffic import (
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic,
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

HOUR = 3600.0


@pytest.fixture(scope="module")
def v19_log() -> tuple[list[dict], dict]:
    return full_window_log("v19")


def test_v19_logs_response_text_for_a_share_of_attack_and_benign_records(v19_log) -> None:
    records, labels = v19_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v19_hydra_stays_under_quota_and_opens_in_waves_like_the_academy_cohort_stays_under_its_quota(v19_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v19_log, "embedded_academy_cohort")


def test_v19_no_request_feature_is_attack_only(v19_log) -> None:
    assert_no_request_feature_is_attack_only(*v19_log)


def test_v19_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v19_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v19_log)


def _opens(r: dict) -> bool:
    """Whether the request is a conversation's first turn (one user message, nothing chained before it)."""
    req = r["request"]
    msgs = req.get("messages") or req.get("input")
    if req.get("previous_response_id"):
        return False
    return isinstance(msgs, str) or sum(m.get("role") == "user" for m in msgs) == 1


def test_v19_backtranslation_writes_questions_for_scraped_answers_and_rewrites_them_on_other_accounts(v19_log) -> None:
    """The blunt accounts send BT_BLUNT over a scraped answer with a JSON response format; the careful question
    writers paste each scraped answer once, with a question-writing ask; a rewriter account (never the one that
    wrote the question) pastes the same answer an hour or more later with the question and asks for the full
    answer.
    The docs team sends the same two kinds of request from one account over its own library, and pastes an
    article more than once."""
    from benchmarks.traffic.attacks_v19_more import BT_BLUNT, QWRITE_ASKS
    from benchmarks.traffic.personas_v19 import HELP_REWRITE

    records, labels = v19_log
    blunt_head = BT_BLUNT.split("{a}")[0]
    blunt, written, rewrites = 0, {}, []
    kb_pasted: Counter = Counter()
    kb_kinds: dict[str, set[str]] = defaultdict(set)
    for r in by_scenario(records, labels, "backtranslation", "kb_faq_builder"):
        text = first_user_text(r)
        scenario = labels[r["principal"]]["scenario"]
        if not _opens(r):
            continue
        if text.startswith(blunt_head):
            blunt += r["request"].get("response_format") == {"type": "json_object"}
        elif text.startswith(QWRITE_ASKS):
            pasted = text.split("\n\n", 1)[1]
            if scenario == "kb_faq_builder":
                kb_pasted[pasted] += 1
                kb_kinds[r["principal"]].add("questions")
            else:
                assert pasted not in written
                written[pasted] = (r["ts"], r["principal"])
        elif scenario == "kb_faq_builder":
            kb_kinds[r["principal"]].add("rewrite" if text.startswith(tuple(h.split("{")[0] for h in HELP_REWRITE))
                                         else "other")
        else:
            rewrites.append(r)
    assert blunt >= 500 and len(written) >= 300, (blunt, len(written))
    matched = 0
    for r in rewrites:
        text = first_user_text(r)
        hit = next((line for line in text.split("\n") if line in written), None)  # the answer on a line of its own
        if hit is not None:
            t, writer = written[hit]
            assert writer != r["principal"] and r["ts"] - t >= 0.99 * HOUR
            matched += 1
    assert matched >= 200 and matched >= 0.3 * len(rewrites), (matched, len(rewrites))
    assert kb_pasted.most_common(1)[0][1] >= 2 and any({"questions", "rewrite"} <= k for k in kb_kinds.values())


def _runs(rs: list[dict], gap: float = 1800.0) -> list[list[dict]]:
    """One account's requests split into runs at pauses longer than `gap` seconds."""
    out: list[list[dict]] = []
    for r in sorted(rs, key=lambda r: r["ts"]):
        if out and r["ts"] - out[-1][-1]["ts"] <= gap:
            out[-1].append(r)
        else:
            out.append([r])
    return out


_EVAL_ITEM = (re.compile(r"Question: (.*)\nAnswer: Let's think step by step\.$", re.S),
              re.compile(r"Q: (.*)\nA:$", re.S), re.compile(r"^<question>(.*)</question>", re.S),
              re.compile(r"^Problem:\n(.*)\n\nSolve the problem", re.S))


def _eval_item(text: str) -> str | None:
    """The item of an evaluation prompt (after the exemplars), in any of the suite formats; None for other text."""
    for pattern in _EVAL_ITEM:
        if m := pattern.search(text):
            return m.group(1).rsplit("Question: ", 1)[-1].rsplit("Q: ", 1)[-1]
    return None


def test_v19_eval_runs_come_in_parallel_bursts_and_the_campaign_keeps_asking_new_items(v19_log) -> None:
    """Both the campaign and the lab send evaluation prompts in runs of 60+ requests from parallel workers (median
    gap under 10 s), some items sampled several times in a run at a nonzero temperature (no `n`). The lab's items
    come back run after run; the campaign's come in one run only, save the careful accounts' 30-item anchor sets,
    which come back in every run of the account, and no item goes to two of the campaign's accounts."""
    records, labels = v19_log
    per_acct: dict[str, list[dict]] = defaultdict(list)
    for r in by_scenario(records, labels, "eval_masquerade", "private_benchmark_lab"):
        assert "n" not in r["request"]
        per_acct[r["principal"]].append(r)
    seen_in: dict[str, dict[str, dict[str, set[int]]]] = {"eval_masquerade": {}, "private_benchmark_lab": {}}
    resampled: Counter = Counter()
    for p, rs in per_acct.items():
        scenario = labels[p]["scenario"]
        items: dict[str, set[int]] = defaultdict(set)
        for k, run in enumerate(r for r in _runs(rs) if len(r) >= 60):
            gaps = sorted(b["ts"] - a["ts"] for a, b in zip(run, run[1:], strict=False))
            assert gaps[len(gaps) // 2] < 10, (scenario, gaps[len(gaps) // 2])
            sent = Counter((_eval_item(first_user_text(r)), r["request"]["model"]) for r in run)
            assert None not in {x for x, _ in sent}
            resampled[scenario] += sum(n > 1 for n in sent.values())
            for x, _ in sent:
                items[x].add(k)
        seen_in[scenario][p] = items
    assert all(resampled.values()) and len(resampled) == 2, resampled
    lab = [len(ks) for items in seen_in["private_benchmark_lab"].values() for ks in items.values()]
    assert lab and sum(n >= 2 for n in lab) >= 0.6 * len(lab), Counter(lab)
    campaign = seen_in["eval_masquerade"]
    assert len(campaign) == 8
    anchored = 0
    for items in campaign.values():
        again = sum(len(ks) > 1 for ks in items.values())
        assert again == 0 or 25 <= again <= 30, again
        anchored += again > 0
        assert sum(len(ks) == 1 for ks in items.values()) >= 0.8 * len(items)
    assert anchored >= 4
    owners = Counter(x for items in campaign.values() for x in items)
    assert owners.most_common(1)[0][1] == 1


def _system(req: dict) -> str:
    sys = req.get("system") or req.get("instructions")
    if sys is None:
        msgs = req.get("messages") or []
        sys = msgs[0]["content"] if msgs and msgs[0].get("role") == "system" else ""
    return sys if isinstance(sys, str) else "".join(b.get("text", "") for b in sys)


def test_v19_long_teacher_prompts_front_the_campaign_and_the_tutoring_app_alike(v19_log) -> None:
    """context_distill and the tutoring app both send a long system prompt (over 4,000 characters, 7 or more worked
    examples) with every request, cached on Anthropic. The campaign's blunt accounts never ask one question twice;
    its careful accounts revise their prompt during the window (three or more versions each) and write as at most
    five tester ids. The app deploys one revision, and its many students paste the course's exercises, which
    recur."""
    records, labels = v19_log
    versions: dict[str, set[str]] = defaultdict(set)
    asked: dict[str, Counter] = defaultdict(Counter)
    users: dict[str, set[str]] = defaultdict(set)
    cached: Counter = Counter()
    for r in by_scenario(records, labels, "context_distill", "house_style_tutor_app"):
        scenario, system = labels[r["principal"]]["scenario"], _system(r["request"])
        assert len(system) > 4000 and system.count("### Example ") >= 7
        versions[r["principal"]].add(system)
        cached[scenario] += isinstance(r["request"].get("system"), list)
        if _opens(r):
            asked[r["principal"]][first_user_text(r)] += 1
        if user := end_user(r):
            users[r["principal"]].add(user)
    assert cached["context_distill"] >= 100 and cached["house_style_tutor_app"] >= 100, cached
    campaign = [p for p in versions if labels[p]["scenario"] == "context_distill"]
    blunt = [p for p in campaign if len(versions[p]) == 3 and not users[p] and sum(asked[p].values()) > 400]
    app = [p for p in versions if labels[p]["scenario"] == "house_style_tutor_app"]
    assert len(campaign) == 12 and len(blunt) == 2 and app
    assert all(asked[p].most_common(1)[0][1] == 1 for p in blunt)
    careful = [p for p in campaign if p not in blunt]
    assert sum(len(versions[p]) >= 3 for p in careful) >= 7
    assert all(len(users[p]) <= 5 for p in careful)
    for p in app:
        assert len(versions[p]) == 2 and len(users[p]) >= 100
        exercises = Counter(m.group(1) for t, n in asked[p].items() for _ in range(n)
                            if (m := re.search(r"Set \d+, exercise \d+:\n([^\n]+)", t)))
        assert exercises.total() >= 200 and exercises.most_common(1)[0][1] >= 3 and len(exercises) <= 120


def test_v19_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v19_log) -> None:
    records, labels = v19_log
    v19 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "backtranslation", "context_distill",
           "embedded_academy_cohort", "kb_faq_builder", "house_style_tutor_app", "controls_engineer_power_user",
           "field_ops_helpdesk"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v19], labels))


def test_v19_client_metadata_does_not_cluster_attack_accounts(v19_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v19_log, ("hydra", "paraphrased"))


def test_v19_languages_occur_in_attack_and_benign_traffic(v19_log) -> None:
    from benchmarks.traffic.corpus_v19 import WRAP

    seen = languages_seen(*v19_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
