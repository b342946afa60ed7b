"""Blind traffic variant v25: synthetic-data generation, where the operator has the teacher write the training set
itself. Seed tasks in, "k new ones like these" out, and the new tasks sent back to be answered (self_instruct: the
blunt script seconds later, the careful campaign from other accounts hours later), with twins in teachers writing
quiz variants and then their answer keys under the school quota (quiz_variant_teacher) and a product team generating
test messages for its own assistant (assistant_test_prompts); rewritten-harder tasks (evol) in both; whole
conversations over a grid of topics x users x lengths (simulated_dialogues), with twins in a game studio's NPC
writers and support trainers; one function ported to many languages (code_translation_corpus), with a twin in a
company migrating its own code; the careful cot_harvester accounts ask for worked examples like the textbook
authors, the careful hydra accounts ask for practice questions in the evenings under the quota, the sampling accounts
sample new tasks with n and send one back like the test-prompt team, and the careful mixed_into_chat accounts ask
for "more like this one" in the second or third turn; no request feature, model or end-user id shape is
attack-only, client metadata does not cluster attack accounts, the v25 languages occur in attack and benign traffic,
follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records alike.
The v25 set's bytes are pinned here (FROZEN_SHA256, the same check as test_traffic_blind_variants.py makes for
v3 ... v24). (v3 ... v24: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.personas_v25 import BENIGN_V25
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
    read_records,
    small_log,
    system_prompt,
    user_texts,
)

ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "self_instruct", "simulated_dialogues", "code_translation_corpus"}
NEW_PERSONAS = {"quiz_variant_teacher", "assistant_test_prompts", "npc_dialogue_studio", "support_roleplay_trainer",
                "codebase_migration", "textbook_author", "eval_set_builder", "polyglot_food_coop_helpdesk"}
# sha256 of the v25 log at seed 5, one day, scale 0.05 (the v25_small fixture, as variant_log in
# test_traffic_blind_variants.py). Frozen evaluation data; checked the same under PYTHONHASHSEED=1 and 2.
FROZEN_SHA256 = "a0165dd247ffe87c793d340082e117e89d993f70ade9e211f321b5fa288a441b"


@pytest.fixture(scope="module")
def v25_small(tmp_path_factory) -> tuple[Path, dict]:
    return small_log(tmp_path_factory, "v25", 5)


@pytest.fixture(scope="module")
def v25_log() -> tuple[list[dict], dict]:
    return full_window_log("v25")


def test_v25_every_scenario_emits_traffic_and_the_set_is_frozen(v25_small) -> None:
    path, labels = v25_small
    records = read_records(path)
    seen = Counter(labels[r["principal"]]["scenario"] for r in records)
    assert ATTACK_TYPES <= set(seen), ATTACK_TYPES - set(seen)
    assert set(BENIGN_V25) == NEW_PERSONAS and NEW_PERSONAS <= set(seen), NEW_PERSONAS - set(seen)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN_SHA256, (
        "traffic variant v25 no longer generates the frozen bytes: a blind dataset changed")


def test_v25_campaign_ids_labels_and_client_software_do_not_leak(v25_small) -> None:
    path, labels = v25_small
    campaigns = {lab["campaign"] for lab in labels.values() if lab["campaign"]}
    assert campaigns and all(c.startswith("v25-") for c in campaigns)
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for line in path.read_bytes().splitlines():
        text = line.decode()
        assert '"v25-' not in text and '"attack"' not in text
        r = orjson.loads(line)
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= agents["benign"]


def test_v25_logs_response_text_for_a_share_of_attack_and_benign_records(v25_log) -> None:
    records, labels = v25_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 350 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 500


def test_v25_items_name_their_capability_and_rewrites_keep_it() -> None:
    """Every phrasing of every template carries the marks of its own capability only; a rewrite adds a constraint of
    the same capability to the task (a second rewrite another one); generated tasks carry their capability."""
    import random

    from benchmarks.traffic import corpus_v25 as C

    assert_items_name_their_capability(C, 4)
    rng = random.Random(3)
    for _ in range(300):
        s = C.seed(rng, rng.choice(C.CAPS))
        once = C.evolve(rng, s)
        twice = C.evolve(rng, s, once)
        assert once.startswith(C.text(s, 0)) and twice.startswith(once) and len(twice) > len(once)
        assert C.cap_of(once) == C.cap_of(twice) == s[0]
        assert all(C.cap_of(x) == s[0] for x in C.new_tasks(rng, s[0], 4))


def test_v25_hydra_stays_under_quota_and_opens_in_waves_like_the_teachers_stay_under_theirs(v25_log) -> None:
    """And the careful hydra accounts paste a problem and ask for practice questions or flashcards."""
    from benchmarks.traffic.corpus_v25_more import PRACTICE_ASKS

    records, labels = v25_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "quiz_variant_teacher")
    marks = [a.split("{k}")[0].lower() for a in PRACTICE_ASKS]
    asked = [r for r in by_scenario(records, labels, "hydra") if r["api"] != "openai.chat.completions" and
             any(m in first_user_text(r).lower() for m in marks)]
    assert len({r["principal"] for r in asked}) >= 40


# ---- generated tasks feeding later requests ----
_GEN_MARKS = ("new tasks in the same style", "more like them", "new ones in the same style", "fresh questions like",
              "more of these for practice", "variants of this", "versions of the problem", "quiz variants",
              "new user requests like", "messages that users might send")


_EVOLVE_MARKS = ("harder", "tougher", "rework the question", "rewrite this")


def _is_gen_ask(text: str) -> bool:
    return any(m in text.lower() for m in _GEN_MARKS)


def _tasks(listing: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"(?:^|\n\n)\d+\. (.+?)(?=\n\n\d+\. |$)", listing, re.S)]


def _messages(r: dict) -> list[dict]:
    msgs = r["request"].get("messages") or r["request"].get("input")
    return [m for m in msgs if isinstance(m.get("content"), str)] if isinstance(msgs, list) else []


def _generated(records: list[dict]) -> dict[str, tuple[float, str]]:
    """Task -> (time, principal) of the first reply that listed it after a generation ask (a reply resent in a later
    turn's history, or a logged response_text); porting tasks aside."""
    out: dict[str, tuple[float, str]] = {}
    for r in records:
        msgs = _messages(r)
        lists = [b["content"] for a, b in zip(msgs, msgs[1:], strict=False) if a["role"] == "user" and
                 b["role"] == "assistant" and _is_gen_ask(a["content"])]
        if "response_text" in r and _is_gen_ask(user_texts(r)[-1] if user_texts(r) else ""):
            lists.append(r["response_text"])
        for listing in lists:
            for x in _tasks(listing):
                if "```" not in x:  # ported functions are few: the same one is drawn elsewhere too
                    out.setdefault(x, (r["ts"], r["principal"]))
    return out


def _reused(records: list[dict], generated: dict[str, tuple[float, str]]) -> list[tuple[float, bool]]:
    """(seconds after generation, same principal?) of every later request whose last user turn carries a task."""
    out = []
    for r in records:
        texts = user_texts(r)
        if not texts or _is_gen_ask(texts[-1]) or any(m in texts[-1].lower() for m in _EVOLVE_MARKS):
            continue
        last = texts[-1]
        for x, (t, p) in generated.items():
            if x in last and r["ts"] > t:
                out.append((r["ts"] - t, r["principal"] == p))
    return out


def test_v25_generated_tasks_come_back_to_be_answered_like_quiz_variants_and_test_prompts(v25_log) -> None:
    """Careful self_instruct: tasks the generators' replies listed are pasted later by other accounts of the
    campaign, an hour or more later (a few exceptions: the same task text drawn independently elsewhere). Blunt: every generation round (GEN_SYS) is followed by its eight tasks alone.
    The teachers send variants of their own quizzes for the answer key minutes later from the same key (the
    test-prompt team's runs: test_v25_sampled_tasks_are_answered_a_minute_later_like_the_test_prompt_team)."""
    from benchmarks.traffic.attacks_v25_more import GEN_SYS

    records, labels = v25_log
    rows = by_scenario(records, labels, "self_instruct")
    gen = _generated([r for r in rows if system_prompt(r) != GEN_SYS])
    reused = _reused(rows, gen)
    assert len(gen) >= 100 and len(reused) >= 50, (len(gen), len(reused))
    assert sum(not same and g >= 3600 for g, same in reused) >= 0.95 * len(reused)
    blunt = Counter(r["principal"] for r in rows if system_prompt(r) == GEN_SYS)
    assert len(blunt) == 2
    for p, n in blunt.items():
        alone = sum(r["principal"] == p and not system_prompt(r) for r in rows)
        assert 7.5 * n <= alone <= 8.5 * n + 8, (n, alone)
    teachers = by_scenario(records, labels, "quiz_variant_teacher")
    reused = _reused(teachers, _generated(teachers))
    assert len(reused) >= 10 and sum(same and g >= 300 for g, same in reused) >= 0.9 * len(reused)


def test_v25_rewritten_harder_tasks_occur_in_attack_and_benign_traffic(v25_log) -> None:
    """The evol chain: each rewrite request's task was itself sent alone before (after the first level); tasks with
    an added constraint are sent by attack and benign accounts alike."""
    from benchmarks.traffic.attacks_v25_more import EVOL_T
    from benchmarks.traffic.corpus_v25 import CONSTRAINTS

    records, labels = v25_log
    head = EVOL_T.split("{op}")[0]
    rows = [r for r in by_scenario(records, labels, "self_instruct") if first_user_text(r).startswith(head)]
    alone = {first_user_text(r) for r in by_scenario(records, labels, "self_instruct")}
    deeper = [first_user_text(r).split("\n\nTask: ", 1)[1] for r in rows]
    deeper = [x for x in deeper if any(c in x for cs in CONSTRAINTS.values() for c in cs)]
    assert len(rows) >= 500 and len(deeper) >= 0.5 * len(rows) and sum(x in alone for x in deeper) >= 0.95 * len(deeper)
    marks = [c for cs in CONSTRAINTS.values() for c in cs]
    sent: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        if any(c in t for t in user_texts(r)[-1:] for c in marks):
            sent[labels[r["principal"]]["label"]][labels[r["principal"]]["scenario"]] += 1
    assert sum(sent["benign"].values()) >= 30 and len(sent["benign"]) >= 2, sent["benign"]


# ---- conversations and ports ----
def test_v25_simulated_dialogues_sweep_a_grid_like_the_studio_and_the_trainers(v25_log) -> None:
    """Blunt (C.DIALOGUE_T around the clock): 250+ of the 288 cells, one account with JSON. Careful: conversation
    requests in the accounts' own words, some continued after reading. The support trainers use the same template
    for some of theirs; the studio asks for JSON and continues some scenes."""
    from benchmarks.traffic.corpus_v25 import DIALOGUE_T
    from benchmarks.traffic.corpus_v25_more import CONTINUE_ASKS

    records, labels = v25_log
    head = DIALOGUE_T.split("{topic}")[0]
    cont = [a.split("{k}")[0].lower() for a in CONTINUE_ASKS]
    for scenario, lo, more in (("simulated_dialogues", 250, 10), ("support_roleplay_trainer", 5, 3),
                               ("npc_dialogue_studio", 0, 10)):
        rows = by_scenario(records, labels, scenario)
        templ = {first_user_text(r) for r in rows if first_user_text(r).startswith(head)}
        cells = {re.sub(r" Return JSON.*", "", x) for x in templ}
        assert len(cells) >= lo, (scenario, len(cells))
        continued = [r for r in rows if any(c in t.lower() for t in user_texts(r)[1:] for c in cont)]
        assert len(continued) >= more, (scenario, len(continued))
    for scenario in ("simulated_dialogues", "npc_dialogue_studio"):
        rows = by_scenario(records, labels, scenario)
        assert sum((r["request"].get("response_format") or {}).get("type") == "json_object" for r in rows) >= 10


def test_v25_code_translation_ports_functions_to_many_languages_like_the_migration(v25_log) -> None:
    """Blunt: each function to all eight targets from one key within two minutes. Careful: one function a
    conversation, the next target asked after reading (15 s or more). The migration: a file to its company's target
    (four in five ports or more), now and then to a second one."""
    from benchmarks.traffic.corpus_v25_more import TARGETS

    records, labels = v25_log
    code = re.compile(r"```\n(.+?)\n```", re.S)
    port = re.compile(r"(?:to|in) (" + "|".join(map(re.escape, TARGETS)) + r")(?!\w)")
    for scenario in ("code_translation_corpus", "codebase_migration"):
        targets: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        spans: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        for r in by_scenario(records, labels, scenario):
            texts = user_texts(r)
            m = code.search(texts[0]) if texts else None
            if not m or len(texts) > 1:
                continue
            key = (r["principal"], m.group(1), texts[0].rsplit("```", 1)[1])  # the blunt accounts' style line
            targets[key] |= set(port.findall(texts[0].split("```")[0]))
            spans[key].append(r["ts"])
        if scenario == "code_translation_corpus":
            full = [k for k, v in targets.items() if v == set(TARGETS)]
            assert len(full) >= 40 and all(max(spans[k]) - min(spans[k]) <= 120 for k in full if len(spans[k]) == 8)
        else:
            per: dict[str, Counter] = defaultdict(Counter)
            for r in by_scenario(records, labels, scenario):
                if len(user_texts(r)) == 1:
                    per[r["principal"]].update(port.findall(user_texts(r)[0].split("```")[0]))
            assert sum(map(len, spans.values())) >= 100
            assert all(c.most_common(1)[0][1] >= 0.8 * sum(c.values()) for c in per.values()), per
    gaps = [g for label, pairs in follow_up_gaps(by_scenario(records, labels, "code_translation_corpus"),
                                                 labels).items() for _, g in pairs]
    assert len(gaps) >= 100 and min(gaps) >= 15


def test_v25_careful_cot_harvesters_ask_for_worked_examples_like_the_textbook_authors(v25_log) -> None:
    from benchmarks.traffic.attacks_v25 import COT_SYS
    from benchmarks.traffic.corpus_v25_more import EXAMPLE_ASKS

    records, labels = v25_log
    for scenario, lo in (("cot_harvester", 200), ("textbook_author", 20)):
        rows = [r for r in by_scenario(records, labels, scenario) if r["api"] != "openai.chat.completions" or
                scenario != "cot_harvester"]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
            assert all(COT_SYS not in str(r["request"]) for r in rows)
        assert sum(any(a in first_user_text(r) for a in EXAMPLE_ASKS) for r in rows) >= lo, scenario


def test_v25_sampled_tasks_are_answered_a_minute_later_like_the_test_prompt_team(v25_log) -> None:
    """A request for new tasks with n >= 3 at temperature >= 1.1 is followed from the same key by a single request
    30-150 s later (one of the samples, answered); the test-prompt team does the same."""
    records, labels = v25_log
    for scenario, lo in (("sampling", 100), ("assistant_test_prompts", 5)):
        rows = sorted(by_scenario(records, labels, scenario), key=lambda r: r["ts"])
        gens = [r for r in rows if (r["request"].get("n") or 1) >= 3 and (r["request"].get("temperature") or 0) >= 1.1]
        assert len(gens) >= lo, (scenario, len(gens))
        follows = 0
        for g in gens:
            follows += any(r["principal"] == g["principal"] and 30 <= r["ts"] - g["ts"] <= 150 and
                           not r["request"].get("n") for r in rows)
        assert follows >= 0.9 * len(gens), (scenario, follows, len(gens))


def test_v25_careful_mixed_into_chat_never_opens_with_a_generation_ask(v25_log) -> None:
    from benchmarks.traffic.attacks_v25 import MORE_LIKE
    from benchmarks.traffic.attacks_v25_more import GEN_SYS

    records, labels = v25_log
    rows = by_scenario(records, labels, "mixed_into_chat")
    nightly = {r["principal"] for r in rows if system_prompt(r) == GEN_SYS}
    assert len(nightly) == 4
    marks = [m.split("{k}")[-1].strip().lower() for m in MORE_LIKE]
    later = 0
    for r in rows:
        if r["principal"] in nightly:
            continue
        texts = [t.lower() for t in user_texts(r)]
        assert not any(m in texts[0] for m in marks)
        later += any(m in t for t in texts[1:3] for m in marks)
    assert later >= 50


def test_v25_agents_call_the_dataset_tools_in_attack_and_benign_traffic(v25_log) -> None:
    from benchmarks.traffic.corpus_v25_more import DATA_SYS

    records, labels = v25_log
    for scenario in ("agentic_distill", "eval_set_builder"):
        rows = by_scenario(records, labels, scenario)
        assert sum(bool(r["request"].get("tools")) and DATA_SYS in str(r["request"]) for r in rows) >= 100


def test_v25_teachers_stay_under_the_school_quota(v25_log) -> None:
    records, labels = v25_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    per_day = Counter((r["principal"], day_of(r, t0)) for r in by_scenario(records, labels, "quiz_variant_teacher"))
    assert per_day and max(per_day.values()) <= 25


def test_v25_no_request_feature_is_attack_only(v25_log) -> None:
    assert_no_request_feature_is_attack_only(*v25_log)


def test_v25_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v25_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v25_log)


def test_v25_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v25_log) -> None:
    records, labels = v25_log
    v25 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "self_instruct", "code_translation_corpus",
           "simulated_dialogues", "textbook_author", "polyglot_food_coop_helpdesk", "support_roleplay_trainer",
           "quiz_variant_teacher", "codebase_migration"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v25], labels))


def test_v25_client_metadata_does_not_cluster_attack_accounts(v25_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v25_log, ("hydra", "paraphrased", "self_instruct",
                                                                       "simulated_dialogues",
                                                                       "code_translation_corpus"))


def test_v25_languages_occur_in_attack_and_benign_traffic(v25_log) -> None:
    from benchmarks.traffic.corpus_v25 import WRAP

    seen = languages_seen(*v25_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
