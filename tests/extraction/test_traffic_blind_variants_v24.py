"""Blind traffic variant v24: preference / reward-model distillation, where the harvest is judgement rather than
answers. A task and two candidate answers generated elsewhere, "which is better and why" (pairwise_judgements: the
blunt accounts send each pair twice with A and B swapped seconds apart, the careful ones send each ordering from
another account hours apart), with a twin in a product's QA annotators comparing two versions of their assistant's
reply (chatbot_eval_team); a rubric and candidate solutions to score (rubric_scoring), with a twin in teachers
marking class sets under the school quota (essay_grading_teachers); draft -> critique -> revision -> critique loops
(critique_loops), with twins in a writing-tutor app and job seekers polishing their own drafts; the careful
cot_harvester accounts ask for marking schemes like the mock-exam setter, the careful hydra accounts paste 'my
answer' and ask for a mark in the evenings under the quota, the sampling accounts judge their own pairs of samples
or ask for 'another version' like the copy marketer, and the careful mixed_into_chat accounts bring a pair in the
second or third turn; no request feature, model or end-user id shape is attack-only, client metadata does not
cluster attack accounts, the v24 languages occur in attack and benign traffic, follow-ups wait for reading in both,
and response_text is logged for a share of attack and benign records alike. (v3 ... v23:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import orjson
import pytest

from tests.extraction.blind_traffic import (
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_items_name_their_capability,
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic,
    assert_no_request_feature_is_attack_only,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    by_scenario,
    day_of,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    system_prompt,
    user_texts,
)


@pytest.fixture(scope="module")
def v24_log() -> tuple[list[dict], dict]:
    return full_window_log("v24")


def test_v24_logs_response_text_for_a_share_of_attack_and_benign_records(v24_log) -> None:
    records, labels = v24_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 350 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 500


def test_v24_items_name_their_capability_and_candidates_and_revisions_differ() -> None:
    """Every phrasing of every template carries the marks of its own capability only (corpus_v24.cap_of); an
    unflawed candidate is the template's own lines, a flawed one differs from it, and a revision differs from the
    draft it revises while keeping some of its lines."""
    import random

    from benchmarks.traffic import corpus_v24 as C

    assert_items_name_their_capability(C, 4)
    rng = random.Random(2)
    for _ in range(300):
        s = C.seed(rng, rng.choice(C.CAPS))
        clean, flawed = C.candidate(rng, s, 0), C.candidate(rng, s, rng.choice((1, 2, 3)))
        assert len([x for x in clean if not x.startswith("-- ")]) == len(C._CAND[s[0]][s[1]]) and flawed != clean
        rev = C.revise(rng, s, flawed)
        assert rev != flawed and set(rev) & set(flawed)


def test_v24_hydra_stays_under_quota_and_opens_in_waves_like_the_teachers_stay_under_theirs(v24_log) -> None:
    """And the careful hydra accounts paste 'My answer:' under a sheet problem and ask for a mark."""
    records, labels = v24_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "essay_grading_teachers")
    marked = [r for r in by_scenario(records, labels, "hydra") if r["api"] != "openai.chat.completions" and
              "My answer:" in first_user_text(r) and re.search(r"\b(10|12|15|20)\b", first_user_text(r))]
    assert len({r["principal"] for r in marked}) >= 40


# ---- pairs ----
def _pairs(text: str) -> tuple[str, str] | None:
    """The two answers of a pasted pair (corpus_v24.pair_block, PAIR_T or a reply pair), in the order sent."""
    from benchmarks.traffic.corpus_v24_more import PAIR_LABELS

    for la, lb in (("[Response A]", "[Response B]"), *((f"{a}:", f"{b}:") for a, b in PAIR_LABELS),
                   ("Reply A:", "Reply B:")):
        m = re.search(rf"(?:^|\n){re.escape(la)}\n(.+?)\n\n{re.escape(lb)}\n(.+?)(?:\n\n|$)", text, re.S)
        if m:
            return m.group(1), m.group(2)
    return None


def _sent_pairs(records: list[dict], labels: dict,
                scenario: str) -> dict[tuple[str, str], list[tuple[float, str, int]]]:
    """Unordered pair -> [(time, principal, 0 if sent in that order else 1)] of the scenario's requests that carry a
    pair (a follow-up that resends it is not counted again)."""
    out: dict[tuple[str, str], list[tuple[float, str, int]]] = defaultdict(list)
    seen = set()
    for r in by_scenario(records, labels, scenario):
        for text in user_texts(r):
            p = _pairs(text)
            if p and p[0] != p[1] and (r["principal"], p) not in seen:
                seen.add((r["principal"], p))
                key = tuple(sorted(p))
                out[key].append((r["ts"], r["principal"], int(p != key)))
    return out


def test_v24_pairwise_judgements_swap_each_pair_like_the_eval_team_checks_position_bias(v24_log) -> None:
    """Blunt pairwise accounts (JUDGE_SYS): every pair twice, swapped, 2-10 s apart, from the same key. Careful
    accounts: never both orders from one key; pairs that come twice come from two keys in opposite orders at
    least two hours apart. The QA team re-sends a share of its pairs swapped from the same key minutes later, and
    pairs are also judged by the job seekers and the copy marketer."""
    from benchmarks.traffic.attacks_v24_more import JUDGE_SYS

    records, labels = v24_log
    rows = by_scenario(records, labels, "pairwise_judgements")
    blunt = {r["principal"] for r in rows if system_prompt(r) == JUDGE_SYS}
    assert len(blunt) == 3
    pairs = _sent_pairs(records, labels, "pairwise_judgements")
    bl = [sorted(v) for v in pairs.values() if v[0][1] in blunt]
    assert len(bl) >= 1000 and sum(len(v) == 2 and v[0][1] == v[1][1] and v[0][2] != v[1][2] and
                                   1.9 <= v[1][0] - v[0][0] <= 10.1 for v in bl) >= 0.99 * len(bl)
    careful = [sorted(v) for v in pairs.values() if v[0][1] not in blunt]
    twice = [v for v in careful if len(v) == 2]
    assert len(careful) >= 500 and sum(len(v) <= 2 for v in careful) >= 0.99 * len(careful)
    assert len(twice) >= 0.5 * len(careful)
    assert sum(a[1] != b[1] and a[2] != b[2] and b[0] - a[0] >= 2 * 3600 for a, b in twice) >= 0.99 * len(twice)
    team = [sorted(v) for v in _sent_pairs(records, labels, "chatbot_eval_team").values()]
    swapped = [v for v in team if len(v) == 2]
    assert len(team) >= 100 and 0.15 * len(team) <= len(swapped) <= 0.45 * len(team)
    assert all(a[1] == b[1] and a[2] != b[2] and 59 <= b[0] - a[0] <= 601 for a, b in swapped)
    for scenario in ("job_seeker_drafts", "ab_copy_marketer"):
        assert len(_sent_pairs(records, labels, scenario)) >= 5, scenario


# ---- rubrics ----
def _rubric_cap(text: str) -> str | None:
    from benchmarks.traffic.corpus_v24_more import RUBRICS

    hits = [cap for cap, crits in RUBRICS.items() if all(c in text for c, _, _ in crits)]
    return hits[0] if len(hits) == 1 else None


def test_v24_rubric_scoring_grades_candidates_like_the_teachers_mark_class_sets(v24_log) -> None:
    """Blunt: one account grades 200+ a day through the JSON schema, one ranks four candidates at once (RANK_T).
    Careful (teachers and tutors): a rubric of the task's capability and 1-4 answers per request, mostly one, at
    most 24 a UTC day per key, a JSON schema for some accounts. The teachers: a rubric of their subject, at most
    25 a UTC day, class sets that repeat one task, and the tool schools' JSON schema."""
    from benchmarks.traffic.attacks_v24_more import RANK_T, RUBRIC_SYS
    from benchmarks.traffic.corpus_v24 import cap_of

    records, labels = v24_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    rows = by_scenario(records, labels, "rubric_scoring")
    graders = Counter(r["principal"] for r in rows if system_prompt(r) == RUBRIC_SYS and r["request"].get(
        "response_format", {}).get("type") == "json_schema")
    assert len(graders) == 1 and min(graders.values()) >= 600
    rank = RANK_T.split("{n}")[0]
    ranked = [r for r in rows if first_user_text(r).startswith(rank)]
    assert len({r["principal"] for r in ranked}) == 1 and len(ranked) >= 200
    ranker = ranked[0]["principal"]
    assert all(first_user_text(r).count("\nCandidate ") == 4 for r in ranked)
    for scenario, most in (("rubric_scoring", 24), ("essay_grading_teachers", 25)):
        mine = [r for r in by_scenario(records, labels, scenario) if r["principal"] not in graders and
                r["principal"] != ranker]
        firsts = [r for r in mine if len(user_texts(r)) == 1]
        assert len(firsts) >= 150, (scenario, len(firsts))
        for r in firsts:
            text = first_user_text(r)
            task = text.split("Task: ", 1)[1].split("\n", 1)[0]
            assert _rubric_cap(text) == cap_of(task), (scenario, task)
        n = Counter(len(re.findall(r"\nStudent( \d+)?'?s?( answer)?:\n", first_user_text(r))) for r in firsts)
        assert set(n) <= {1, 2, 3, 4, 5} and n[1] >= 0.5 * len(firsts), (scenario, n)
        per_day = Counter((r["principal"], day_of(r, t0)) for r in mine)
        assert max(per_day.values()) <= most, scenario
        assert sum(bool(r["request"].get("response_format")) for r in firsts) >= 10, scenario
    tasks: dict[str, Counter] = defaultdict(Counter)
    for r in by_scenario(records, labels, "essay_grading_teachers"):
        tasks[r["principal"]][first_user_text(r).split("Task: ", 1)[1].split("\n", 1)[0]] += 1
    assert sum(c.most_common(1)[0][1] >= 5 for c in tasks.values()) >= 0.5 * len(tasks)


# ---- critique loops ----
def _drafts(r: dict) -> list[str]:
    """The user turns of a request that paste a draft (the first under 'My draft:' or 'Draft:', later ones under
    'Revised draft' or after an ask line)."""
    return [t for t in user_texts(r) if "\n\n" in t or t.startswith("Revised draft")]


def _lines(text: str) -> set[str]:
    return set(re.split(r"\n|(?<=[.,]) ", text))


def test_v24_critique_loops_revise_drafts_like_the_tutor_app_students(v24_log) -> None:
    """Every loop resends the history with a revised draft in each later round (different from the draft before,
    sharing lines with it). Blunt (CRITIC_SYS): four rounds, 5-15 s apart. Careful accounts, the tutor app and
    the job seekers: a revision comes at least two minutes after the critique it answers, ten minutes or more at the
    median (reading, then rewriting)."""
    from benchmarks.traffic.attacks_v24_more import CRITIC_SYS

    records, labels = v24_log
    for scenario, lo in (("critique_loops", 300), ("writing_tutor_app", 100), ("job_seeker_drafts", 5)):
        sent: dict[tuple[str, str, int], float] = {}
        rounds = []
        for r in by_scenario(records, labels, scenario):
            drafts = _drafts(r)
            if not drafts or "My draft:" not in drafts[0] and "Draft:" not in drafts[0]:
                continue
            sent[(r["principal"], drafts[0], len(drafts))] = r["ts"]
            before = sent.get((r["principal"], drafts[0], len(drafts) - 1))
            if len(drafts) >= 2 and before is not None:
                rounds.append((r["ts"] - before, system_prompt(r) == CRITIC_SYS, drafts[-2], drafts[-1]))
        assert len(rounds) >= lo, (scenario, len(rounds))
        assert all(a != b for _, _, a, b in rounds)
        assert sum(len(_lines(a) & _lines(b)) >= 2 for _, _, a, b in rounds) >= 0.95 * len(rounds), scenario
        blunt = [g for g, b, _, _ in rounds if b]
        slow = [g for g, b, _, _ in rounds if not b]
        assert all(5 <= g <= 15.1 for g in blunt)
        assert len(blunt) >= 200 if scenario == "critique_loops" else not blunt
        assert len(slow) >= lo and sum(g >= 120 for g in slow) >= 0.95 * len(slow), scenario
        assert sorted(slow)[len(slow) // 2] >= 600, scenario  # reading the critique, then rewriting


def test_v24_careful_cot_harvesters_ask_for_marking_schemes_like_the_exam_setter(v24_log) -> None:
    from benchmarks.traffic.attacks_v24 import COT_SYS
    from benchmarks.traffic.corpus_v24_more import SCHEME_ASKS

    records, labels = v24_log
    for scenario, lo in (("cot_harvester", 200), ("mock_exam_setter", 20)):
        rows = [r for r in by_scenario(records, labels, scenario) if r["api"] != "openai.chat.completions" or
                scenario != "cot_harvester"]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
            assert all(COT_SYS not in str(r["request"]) for r in rows)
        schemes = [r for r in rows if any(a in first_user_text(r) for a in SCHEME_ASKS)]
        assert len(schemes) >= lo, (scenario, len(schemes))


def test_v24_sampling_judges_its_own_samples_like_the_copy_marketer(v24_log) -> None:
    """A moderate sampling account's n=2 request is followed within 30-150 s by a pair request about the same task;
    the careful ones ask for another version in the same conversation; the marketer does both."""
    from benchmarks.traffic.corpus_v24_more import ANOTHER_ASKS

    records, labels = v24_log
    for scenario, lo in (("sampling", 100), ("ab_copy_marketer", 5)):
        rows = by_scenario(records, labels, scenario)
        sampled = {(r["principal"], first_user_text(r)): r["ts"] for r in rows if r["request"].get("n") in (2, 3)}
        judged = [r for r in rows if _pairs(first_user_text(r))]
        follows = [r["ts"] - sampled[(r["principal"], first_user_text(r).split("\n\n")[0].removeprefix("Question: "))]
                   for r in judged if (r["principal"], first_user_text(r).split("\n\n")[0].removeprefix("Question: "))
                   in sampled]
        assert len(follows) >= lo and all(g > 0 for g in follows), (scenario, len(follows))
        if scenario == "sampling":
            assert all(30 <= g <= 150 for g in follows)
        again = [r for r in rows if any(a.lower() in t.lower() for t in user_texts(r)[1:] for a in ANOTHER_ASKS)]
        assert len(again) >= lo, (scenario, len(again))


def test_v24_careful_mixed_into_chat_never_opens_with_a_pair(v24_log) -> None:
    from benchmarks.traffic.attacks_v24_more import JUDGE_SYS

    records, labels = v24_log
    rows = by_scenario(records, labels, "mixed_into_chat")
    nightly = {r["principal"] for r in rows if system_prompt(r) == JUDGE_SYS}
    assert len(nightly) == 4
    later = 0
    for r in rows:
        if r["principal"] in nightly:
            continue
        texts = user_texts(r)
        assert not _pairs(texts[0])
        later += any(_pairs(t) for t in texts[1:3])
    assert later >= 50


def test_v24_agents_call_the_grading_tools_in_attack_and_benign_traffic(v24_log) -> None:
    from benchmarks.traffic.corpus_v24_more import GRADE_SYS

    records, labels = v24_log
    for scenario in ("agentic_distill", "autograder_agent"):
        rows = by_scenario(records, labels, scenario)
        assert sum(bool(r["request"].get("tools")) and GRADE_SYS in str(r["request"]) for r in rows) >= 100


def test_v24_json_grades_follow_their_schema(v24_log) -> None:
    """Logged replies to a rubric_grade request are JSON with every required key, the total the sum of the scores."""
    records, _ = v24_log
    n = 0
    for r in records:
        fmt = r["request"].get("response_format") or {}
        if fmt.get("json_schema", {}).get("name") == "rubric_grade" and "response_text" in r:
            obj = orjson.loads(r["response_text"])
            req = fmt["json_schema"]["schema"]["required"]
            assert set(obj) == set(req) and obj["total"] == sum(obj[k] for k in req[:-2])
            n += 1
    assert n >= 50


def test_v24_no_request_feature_is_attack_only(v24_log) -> None:
    assert_no_request_feature_is_attack_only(*v24_log)


def test_v24_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v24_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v24_log)


def test_v24_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v24_log) -> None:
    records, labels = v24_log
    v24 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "pairwise_judgements", "rubric_scoring",
           "mock_exam_setter", "job_seeker_drafts", "polyglot_school_helpdesk", "essay_grading_teachers",
           "chatbot_eval_team"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v24], labels))


def test_v24_client_metadata_does_not_cluster_attack_accounts(v24_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v24_log, ("hydra", "paraphrased", "pairwise_judgements",
                                                                       "rubric_scoring", "critique_loops"))


def test_v24_languages_occur_in_attack_and_benign_traffic(v24_log) -> None:
    from benchmarks.traffic.corpus_v24 import WRAP

    seen = languages_seen(*v24_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
