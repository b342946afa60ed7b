"""Blind traffic variant v22: an operator who borrows from someone real each thing a detector measures. The reasoning
comes back as the correction of a worked attempt with a planted slip, each problem sent in the same words to three
accounts with the slip in a different step (planted_errors), with twins in study groups sharing a problem sheet
and a course autograder; the account's age, hours and volume are a real customer's because the key was bought from
one (bought_aged_keys), with a twin in a team key handed to a newcomer; the timing is a real chat customer's
schedule, replayed with other content (schedule_replay), with a twin in a staging key that replays production a day
later; the careful cot_harvester accounts ask for calculation tables like the hydraulics engineer, the careful
hydra accounts are evening study groups under the quota like the students, the moderate sampling accounts ask under
analyst personas like the flood-forecasting ensemble, and the careful mixed_into_chat accounts never open with the
item; no request feature, model or end-user id shape is attack-only, client metadata does not cluster attack
accounts, the v22 languages occur in attack and benign traffic, follow-ups wait for reading in both, and
response_text is logged for a share of attack and benign records alike. (v3 ... v21:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

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
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    system_prompt,
    user_texts,
)


@pytest.fixture(scope="module")
def v22_log() -> tuple[list[dict], dict]:
    return full_window_log("v22")


def _numbers(text: str) -> tuple[str, ...]:
    return tuple(sorted(re.findall(r"\d+(?:\.\d+)?", text)))


def test_v22_logs_response_text_for_a_share_of_attack_and_benign_records(v22_log) -> None:
    records, labels = v22_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v22_items_name_their_capability() -> None:
    """Every phrasing of every template carries the marks of its own capability only (corpus_v22.cap_of)."""
    from benchmarks.traffic import corpus_v22

    assert_items_name_their_capability(corpus_v22, 6)


def test_v22_attempts_carry_at_most_one_slip_and_it_carries_on() -> None:
    """corpus_v22_more.attempt: the correct chain checks everywhere; a slip planted in step k is the only step whose
    arithmetic fails (the later steps carry on from the wrong value), whatever its kind."""
    import random

    from benchmarks.traffic import corpus_v22 as C
    from benchmarks.traffic import corpus_v22_more as D

    rng = random.Random(1)
    for _ in range(500):
        s = C.seed(rng, rng.choice(C.CAPS))
        assert D.wrong_steps("\n".join(D.attempt(s))) == []
        k = rng.randint(2, D.steps_of(s))
        assert D.wrong_steps("\n".join(D.attempt(s, k, rng.randrange(4)))) == [k]


def test_v22_hydra_stays_under_quota_and_opens_in_waves_like_the_study_groups_stay_under_theirs(v22_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v22_log, "study_group_checks")


def test_v22_careful_hydra_groups_and_the_study_groups_share_their_sheets(v22_log) -> None:
    """A good share of the careful hydra accounts' item openers carry the numbers of an item another account asked
    too (the group's sheet), as the study groups' do."""
    from benchmarks.traffic.corpus_v22 import cap_of

    records, labels = v22_log
    for scenario, share in (("hydra", 0.25), ("study_group_checks", 0.5)):
        owners: dict[tuple, set[str]] = defaultdict(set)
        opens = []
        for r in by_scenario(records, labels, scenario):
            texts = user_texts(r)
            if len(texts) > 1 or cap_of(texts[0]) is None or texts[0].startswith("Problem: "):
                continue
            key = _numbers(texts[0].split("\n\n")[0] if scenario == "study_group_checks" else texts[0])
            owners[key].add(r["principal"])
            opens.append(key)
        assert len(opens) >= 50, scenario
        shared = sum(len(owners[k]) > 1 for k in opens)
        assert shared >= share * len(opens), (scenario, shared, len(opens))


def test_v22_planted_errors_send_each_problem_to_three_accounts_with_the_slip_in_another_step(v22_log) -> None:
    """Blunt accounts: D.BLUNT_CHECK, one slip in step 2 or later per attempt. Careful accounts: every attempt has
    exactly one slip, in step 2 or later; the same attempt opening (step 1) comes from up to three accounts, each
    with the slip in a different step, and no opener asks for reasoning in so many words. The study groups' attempts
    have at most one slip and their problems recur across students; the autograder sends every submission through
    D.GRADER_T for many students."""
    from benchmarks.traffic import corpus_v22_more as D

    records, labels = v22_log
    blunt, careful = 0, defaultdict(dict)
    for r in by_scenario(records, labels, "planted_errors"):
        texts = user_texts(r)
        fp = D.first_step(texts[0])
        if fp is None or len(texts) > 1:
            continue
        wrong = D.wrong_steps(texts[0])
        assert len(wrong) == 1 and wrong[0] >= 2, wrong
        assert not re.search(r"step by step|reasoning|chain of thought", texts[0], re.I)
        if texts[0].startswith("Verify each step of the following solution."):
            blunt += 1
            continue
        assert r["principal"] not in careful[fp]
        careful[fp][r["principal"]] = wrong[0]
    assert blunt >= 500
    multi = [by for by in careful.values() if len(by) >= 2]
    assert len(multi) >= 100 and all(len(set(by.values())) == len(by) for by in careful.values())
    assert max(len(by) for by in careful.values()) == 3

    students: dict[str, set[str]] = defaultdict(set)
    for r in by_scenario(records, labels, "study_group_checks"):
        texts = user_texts(r)
        fp = D.first_step(texts[0])
        if fp and len(texts) == 1:
            assert len(D.wrong_steps(texts[0])) <= 1
            students[fp].add(r["principal"])
    assert students and sum(len(p) > 1 for p in students.values()) >= 0.3 * len(students)

    graded = by_scenario(records, labels, "autograder_step_feedback")
    subs = [r for r in graded if first_user_text(r).startswith("Student submission for problem ")]
    assert len(subs) >= 100 and len({end_user(r) for r in subs}) >= 50
    assert sum(bool(D.wrong_steps(first_user_text(r))) for r in subs) >= 0.5 * len(subs)


def test_v22_bought_keys_turn_from_the_owner_to_one_capability_at_the_owner_pace(v22_log) -> None:
    """Each careful bought key first carries its owner's mostly everyday traffic, then, after the handover, items of
    one capability (at least 85% of its later items), on the same API and model throughout; the blunt keys end in a
    steady stream under BUYER_SYS. The handed-over team keys look the same on these counts."""
    from benchmarks.traffic.attacks_v22_more import BUYER_SYS
    from benchmarks.traffic.corpus_v22 import cap_of

    records, labels = v22_log
    for scenario, lo in (("bought_aged_keys", 20), ("key_handover_team", 1)):
        per: dict[str, list[tuple[float, str | None, str, str]]] = defaultdict(list)
        blunt = set()
        for r in by_scenario(records, labels, scenario):
            if BUYER_SYS in system_prompt(r):
                blunt.add(r["principal"])
                continue
            texts = user_texts(r)
            if len(texts) == 1:
                per[r["principal"]].append((r["ts"], cap_of(texts[0]), r["api"], r["request"]["model"]))
        assert len(blunt) == (3 if scenario == "bought_aged_keys" else 0)
        turned = 0
        for p, rows in per.items():
            if p in blunt or len(rows) < 10:
                continue
            assert len({(a, m) for _, _, a, m in rows}) == 1
            late = [c for _, c, _, _ in rows[len(rows) * 2 // 3:] if c]
            main = Counter(late).most_common(1)[0][0] if late else None
            start = next((i for i, (_, c, _, _) in enumerate(rows) if c == main and
                          all(c2 in (main, None) for _, c2, _, _ in rows[i:])), None)
            if main is None or start is None or start < 3:
                continue
            early = [c for _, c, _, _ in rows[:start]]
            turned += sum(c is None for c in early) >= 0.5 * len(early)
        assert turned >= lo, (scenario, turned)


def _matched(times: list[float], donor: list[float], span: float, tol: float) -> float:
    """The best share of `times` that sit `tol` seconds or less after a donor time shifted by a whole number of hours
    (mod span)."""
    donor = sorted(donor)
    best = 0
    for h in range(int(span // 3600)):
        shift = h * 3600
        hit = 0
        for t in times:
            x = (t - shift - donor[0]) % span + donor[0]
            i = bisect.bisect_right(donor, x) - 1
            hit += any(0 <= x - donor[j] <= tol or 0 <= x + span - donor[j] <= tol for j in (i, i - 1) if j >= 0)
        best = max(best, hit)
    return best / len(times)


def test_v22_schedule_replay_accounts_keep_a_real_customers_times(v22_log) -> None:
    """Most careful replay accounts' request times are a shared chat or power user's times shifted by whole hours
    (within a minute, mod the window), on that customer's model; the blunt four replay one customer, whole hours apart
    from each other. The staging key of the shadow replay resends production conversations a day later."""
    records, labels = v22_log
    span = 4 * 86400
    donors: dict[str, list[float]] = defaultdict(list)
    donor_models: dict[str, set[str]] = defaultdict(set)
    replay: dict[str, list[float]] = defaultdict(list)
    for r in records:
        scenario = labels[r["principal"]]["scenario"]
        if scenario in ("chat_user", "power_user"):
            donors[r["principal"]].append(r["ts"])
            donor_models[r["principal"]].add(r["request"]["model"])
        elif scenario == "schedule_replay":
            replay[r["principal"]].append(r["ts"])
    blunt = sorted({r["principal"] for r in by_scenario(records, labels, "schedule_replay")
                    if first_user_text(r).startswith("Solve and show all working:\n")})
    assert len(blunt) == 4
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    base = {round((t - t0) % span, 1) for t in replay[blunt[0]]}
    for p in blunt[1:]:
        best = max(sum(round((t - t0 - h * 3600) % span, 1) in base for t in replay[p]) for h in range(-3, 4))
        assert best >= 0.95 * len(replay[p])
    matched = 0
    careful = [p for p in replay if p not in blunt and len(replay[p]) >= 10]
    for p in careful:
        times = sorted(replay[p])
        near = [u for u in donors.values() if abs(len(u) - len(times)) <= max(3, 0.05 * len(times))]
        matched += bool(near) and max(_matched(times, u, span, 61) for u in near) >= 0.9
    assert len(careful) >= 25 and matched >= 0.8 * len(careful), (matched, len(careful))

    prod, staging = defaultdict(list), defaultdict(list)
    for r in by_scenario(records, labels, "shadow_traffic_replay"):
        texts = user_texts(r)
        (staging if r["request"]["model"] != "gpt-4.1-mini" else prod)[tuple(texts)].append(r["ts"])
    assert staging and prod
    again = [ts for k, ts in staging.items() if k in prod and any(abs(t - u - 86400) <= 31 for t in ts
                                                                  for u in prod[k])]
    assert len(again) >= 0.95 * len(staging)


def test_v22_careful_cot_harvesters_ask_for_calculation_tables_like_the_hydraulics_engineer(v22_log) -> None:
    from benchmarks.traffic.attacks_v22 import COT_SYS
    from benchmarks.traffic.corpus_v22 import TABLE_ASKS

    records, labels = v22_log
    careful = [r for r in by_scenario(records, labels, "cot_harvester") if r["api"] != "openai.chat.completions"]
    assert len({r["principal"] for r in careful}) == 2
    assert all(COT_SYS not in str(r["request"]) for r in careful)
    tables = sum(any(a in first_user_text(r) for a in TABLE_ASKS) for r in careful)
    assert tables >= 200 and tables >= 0.6 * len(careful)
    engineer = by_scenario(records, labels, "hydraulics_power_user")
    assert sum(any(a in first_user_text(r) for a in TABLE_ASKS) for r in engineer) >= 5


def test_v22_moderate_sampling_asks_under_personas_like_the_flood_ensemble(v22_log) -> None:
    """Each moderate sampling item comes 3-5 times in the same words under different ANALYSTS prompts; each flood
    scenario comes five times under the five FORECASTERS."""
    from benchmarks.traffic.attacks_v22 import ANALYSTS
    from benchmarks.traffic.personas_v22_more import FORECASTERS

    records, labels = v22_log
    for scenario, prompts, sizes in (("sampling", ANALYSTS, {3, 4, 5}), ("flood_forecast_ensemble", FORECASTERS, {5})):
        asked: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in by_scenario(records, labels, scenario):
            if system_prompt(r) in prompts:
                asked[(r["principal"], first_user_text(r))].add(system_prompt(r))
        assert len(asked) >= 50, scenario
        assert sum(len(s) in sizes for s in asked.values()) >= 0.9 * len(asked), scenario


def test_v22_careful_mixed_into_chat_never_opens_with_the_item(v22_log) -> None:
    from benchmarks.traffic.attacks_v22 import NIGHTLY_T
    from benchmarks.traffic.corpus_v22 import cap_of

    records, labels = v22_log
    night = NIGHTLY_T.split("{x}")[0]
    nightly = {r["principal"] for r in by_scenario(records, labels, "mixed_into_chat")
               if first_user_text(r).startswith(night)}
    assert len(nightly) == 4
    later = 0
    for r in by_scenario(records, labels, "mixed_into_chat"):
        if r["principal"] in nightly:
            continue
        texts = user_texts(r)
        assert cap_of(texts[0]) is None
        later += len(texts) in (2, 3) and cap_of(texts[-1]) is not None
    assert later >= 50


def test_v22_no_request_feature_is_attack_only(v22_log) -> None:
    assert_no_request_feature_is_attack_only(*v22_log)


def test_v22_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v22_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v22_log)


def test_v22_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v22_log) -> None:
    records, labels = v22_log
    v22 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "planted_errors", "bought_aged_keys",
           "schedule_replay", "study_group_checks", "key_handover_team", "hydraulics_power_user",
           "polyglot_helpdesk", "shadow_traffic_replay"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v22], labels))


def test_v22_client_metadata_does_not_cluster_attack_accounts(v22_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v22_log, ("hydra", "paraphrased", "planted_errors",
                                                                       "bought_aged_keys", "schedule_replay"))


def test_v22_languages_occur_in_attack_and_benign_traffic(v22_log) -> None:
    from benchmarks.traffic.corpus_v22 import WRAP

    seen = languages_seen(*v22_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
