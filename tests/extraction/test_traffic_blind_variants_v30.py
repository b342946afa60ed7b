"""Blind traffic variant v30: on-policy distillation, where the operator already has a student model and sends the
teacher the student's OWN outputs to score and correct. Student prefixes cut where the student goes wrong are sent as
prefilled assistant turns for the teacher to continue, several prefixes of each problem (prefix_continuation), with
twins in a writing app's "continue my draft" button and a code-completion plugin re-continuing a half-written function
as the developer types; problems with student solutions are scored by the teacher's log-probabilities (legacy
completions with echo and logprobs, max_tokens 0 or 1, often a list of prompts: echo_scoring), with twins in an
evaluation harness's nightly multiple-choice runs, a data team's perplexity filter and a self-consistency lab; the
student's attempts are quoted under "find the first incorrect step and rewrite from it" or "grade it and give the
corrected version", several attempts of each problem over different accounts (critique_revision), with twins in a
class's autograder (one key per student, the class sharing its homework problems), a tutoring app's "check my work",
a code-review bot and a style checker; the careful cot_harvester accounts ask why a step is wrong like the tutoring
app's students, the careful hydra accounts are evening shifts under the quota like the class, the sampling accounts
draw five corrections at once and sweep temperatures like the self-consistency lab, the careful mixed_into_chat
accounts ask for a check in the second or third turn, and the agent is a grading agent like the tutoring app's own;
no request field, surface, model or end-user id shape is attack-only, client metadata does not cluster attack
accounts, the v30 languages occur in attack and benign traffic, follow-ups wait for reading in both, and
response_text is logged for a share of attack and benign records alike. The v30 set's bytes are pinned here for its
dataset seed (FROZEN_SHA256: blind-v30 in extraction_eval's DATASETS uses seed 517093), and generating it under
another hash seed gives the same bytes. (v3 ... v29: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic.personas_v30 import BENIGN_V30
from tests.extraction.blind_traffic import (
    assert_agents_call_the_tools,
    assert_campaign_ids_and_labels_do_not_leak,
    assert_careful_chat_asks_later,
    assert_careful_cot_harvesters_ask_why,
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_every_scenario_emits_and_the_bytes_are_frozen,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_items_name_their_capability,
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic,
    assert_no_request_feature_is_attack_only,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    assert_same_bytes_under_another_hash_seed,
    assert_temperature_sweeps_and_batches,
    by_scenario,
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    small_log,
    system_prompt,
    user_texts,
)

ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "prefix_continuation", "echo_scoring", "critique_revision"}
NEW_PERSONAS = {"eval_harness", "ppl_filter", "draft_assist", "code_complete", "homework_grader", "review_bot",
                "style_checker", "tutor_check", "consistency_lab"}
SEED = 517093  # blind-v30's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v30 log at seed 517093, one day, scale 0.05 (the v30_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v30_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v30 set
# - seed 517093, four days, scale 1, 277,853 requests, 1,211 accounts, 421 of them attack accounts - hashed to
# f22988529389863fbb13bd7698d55a15562670189d1359606d86bbef06001a7d when it was written.)
FROZEN_SHA256 = "0822b8b32ad9d794177c4de5e7ae905880967e2e1ccf932b53f9c8960f7d5c0a"
RESP = "openai.responses"
ANTH = "anthropic.messages"
CHAT = "openai.chat.completions"
COMP = "openai.completions"


@pytest.fixture(scope="module")
def v30_small(tmp_path_factory) -> tuple[Path, dict]:
    return small_log(tmp_path_factory, "v30", SEED)


@pytest.fixture(scope="module")
def v30_log() -> tuple[list[dict], dict]:
    return full_window_log("v30")


def test_v30_every_scenario_emits_traffic_and_the_set_is_frozen(v30_small) -> None:
    assert_every_scenario_emits_and_the_bytes_are_frozen(*v30_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V30,
                                                        FROZEN_SHA256, "v30")


def test_v30_the_bytes_do_not_depend_on_the_hash_seed(v30_small, tmp_path) -> None:
    assert_same_bytes_under_another_hash_seed(v30_small[0], "v30", SEED, tmp_path)


def test_v30_campaign_ids_and_labels_do_not_leak(v30_small) -> None:
    assert_campaign_ids_and_labels_do_not_leak(*v30_small, "v30")


def test_v30_client_software_of_attack_accounts_comes_from_the_table_benign_accounts_draw_from(v30_log) -> None:
    from benchmarks.traffic.context import USER_AGENTS

    records, labels = v30_log
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in records:
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= set(USER_AGENTS)
    assert len(agents["benign"] & set(USER_AGENTS)) >= 6, agents


def test_v30_logs_response_text_for_a_share_of_attack_and_benign_records(v30_log) -> None:
    """As in every variant since v11; the echoed prompts of scoring requests (max_tokens 0: no output tokens) are
    left out of the length check, and their logged text (wherever a tenant logs them) is the prompt they scored."""
    records, labels = v30_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records, skip_apis=(COMP,))
    assert 400 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450
    echoed = 0
    for r in records:
        if r["api"] == COMP and r["request"].get("echo") and "response_text" in r:
            prompts = r["request"]["prompt"] if isinstance(r["request"]["prompt"], list) else [r["request"]["prompt"]]
            assert r["response_text"].startswith(prompts[0]) and r["usage"]["output_tokens"] <= len(prompts)
            echoed += 1
    assert echoed >= 100


def test_v30_items_name_their_capability_and_the_attempts_agree_with_their_gold() -> None:
    """Every phrasing of every template carries the marks of its own capability only; a student attempt differs from
    the gold working from its slip on (a bug on exactly one line for code) and is the gold when right; a prefix is
    the attempt's first lines (the last possibly cut) and stops at or before the slip; the problem's text is found
    whole by PROBLEM_RX."""
    import random

    from benchmarks.traffic import corpus_v30 as C
    from benchmarks.traffic import corpus_v30_src as S

    assert_items_name_their_capability(C, 4)
    assert set(C.WRAP) == set(C.LANG_NAMES) == set(C.LANGS[1:]) and len(C.WRAP) == 6
    rng = random.Random(11)
    kinds = Counter()
    for _ in range(400):
        p = S.problem(rng)
        assert S.PROBLEM_RX.search(f"Problem: {p['q']}\n\nAttempt:").group(0) == p["q"]
        text, g = S.attempt(rng, p)
        kinds[(g["kind"], g["slip"] is None)] += 1
        if g["kind"] == "code":
            diff = [i for i, (a, b) in enumerate(zip(g["lines"], g["gold"], strict=True)) if a.replace("nums", "xs") != b]
            assert diff == ([] if g["slip"] is None else [g["slip"]])
        else:
            body = [ln for ln in text.split("\n")[:-1]]
            wrong = [i for i, (a, b) in enumerate(zip(body, g["gold"], strict=True)) if not a.endswith(b)]
            assert (wrong[:1] or [None]) == [g["slip"]]
        pre, cut = S.prefix(rng, g)
        kept = pre.removeprefix("```python\n").split("\n")
        assert kept[:cut] == g["lines"][:cut] and cut <= max(1, g["slip"] if g["slip"] is not None else len(g["lines"]))
        assert S.correction(g).endswith(g["gold"][-1])
    assert all(n >= 20 for n in kinds.values()) and len(kinds) == 4, kinds


def problem(text: str) -> str | None:
    """The word problem a request quotes, if any. Coding tasks are left out: there are few of them (five specs with a
    number and a name), so unrelated accounts share them by chance and they would blur the spread checks."""
    from benchmarks.traffic.corpus_v30_src import PROBLEM_RX

    m = PROBLEM_RX.search(text)
    return m.group(0) if m and not m.group(0).startswith("Write a Python function") else None


# ---- request fields and surfaces ----
def prefilled(r: dict) -> bool:
    """The request hands the model a partial answer: its last message is the assistant's, or an assistant turn is
    followed only by a short ask to continue."""
    from benchmarks.traffic.corpus_v30_jobs import CONT_ASKS

    msgs = r["request"].get("messages") or r["request"].get("input")
    if not isinstance(msgs, list) or len(msgs) < 2 or not all(isinstance(m, dict) for m in msgs):
        return False
    if msgs[-1].get("role") == "assistant":
        return True
    return msgs[-2].get("role") == "assistant" and msgs[-1].get("content") in CONT_ASKS


def fields(r: dict) -> set[str]:
    """The request's top-level fields, with its reasoning, system blocks, prefills and the completions shapes."""
    req = r["request"]
    out = {f"{r['api']}:{k}" for k in req}
    if isinstance(req.get("system"), list) and any(b.get("cache_control") for b in req["system"]):
        out.add("cache_control")
    if req.get("thinking"):
        out.add("thinking")
    if (req.get("reasoning") or {}).get("effort"):
        out.add(f"effort:{req['reasoning']['effort']}")
    if prefilled(r):
        out.add(f"prefill:{r['api']}")
    if r["api"] == COMP:
        out.add(f"completions:max_tokens={req.get('max_tokens')}")
        out.add("completions:prompt_list" if isinstance(req.get("prompt"), list) else "completions:prompt_str")
    return out


def test_v30_no_request_field_or_surface_is_attack_only(v30_log) -> None:
    """Attack traffic uses the fields of on-policy distillation (prefilled assistant turns on Anthropic and chat,
    echo with logprobs at max_tokens 0 and 1, prompt lists, n with logprobs, cached system blocks, reasoning, tools,
    previous_response_id), and benign traffic uses every field and surface attack traffic uses, at least ten times."""
    records, labels = v30_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(fields(r))
    assert {f"prefill:{ANTH}", f"prefill:{CHAT}", f"{COMP}:echo", f"{COMP}:logprobs", "completions:max_tokens=0",
            "completions:max_tokens=1", "completions:prompt_list", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control",
            "thinking", "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools",
            f"{RESP}:tools"} <= set(feats["attack"]), feats["attack"]
    missing = {f: feats["benign"][f] for f in feats["attack"] if feats["benign"][f] < 10}
    assert not missing, missing


# ---- prefix_continuation ----
def test_v30_partial_answers_are_continued_in_attack_and_benign_traffic(v30_log) -> None:
    """The blunt prefix_continuation scripts send one problem with four or more different student prefixes within a
    minute on one key, as the code-completion plugin sends one function with growing prefixes as the developer types;
    the careful accounts' problems go to three accounts (each prefix a new sample), hours apart, while the writing
    app's drafts and the plugin's functions never leave their key; the logged reply continues the prefix."""
    records, labels = v30_log
    bursts: dict[str, int] = {}
    spread: dict[str, dict[str, set[str]]] = {}
    for scenario in ("prefix_continuation", "code_complete", "draft_assist", "tutor_check"):
        rows = [r for r in by_scenario(records, labels, scenario) if prefilled(r)]
        assert len(rows) >= 100, (scenario, len(rows))
        seen: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
        spread[scenario] = defaultdict(set)
        for r in rows:
            x = first_user_text(r)
            key = problem(x) or x + str(r["request"]["messages"][1]["content"])[:60]
            pre = next(m["content"] for m in r["request"]["messages"] if m["role"] == "assistant")
            seen[(r["principal"], key)].append((r["ts"], pre))
            if scenario != "prefix_continuation" or problem(x):
                spread[scenario][key].add(r["principal"])
        bursts[scenario] = sum(len({p for _, p in v}) >= 4 and max(t for t, _ in v) - min(t for t, _ in v) < 60
                               for v in seen.values())
    assert bursts["prefix_continuation"] >= 500 and bursts["code_complete"] >= 30, bursts
    careful = [v for v in spread["prefix_continuation"].values() if len(v) >= 2]
    assert sum(len(v) == 3 for v in careful) >= 200, len(careful)
    assert not any(len(v) >= 2 for s in ("code_complete", "draft_assist") for v in spread[s].values())


# ---- echo_scoring ----
def test_v30_echo_scoring_in_attack_and_benign_traffic(v30_log) -> None:
    """echo_scoring, the evaluation harness, the perplexity filter and the self-consistency lab send legacy
    completions with echo and logprobs that write at most one token, lists of prompts among them; the careful
    echo_scoring accounts and the harness send the 'Question: / Answer:' layout four prompts at a time; the careful
    accounts' problems are scored on two accounts, the harness's and the lab's on one key."""
    records, labels = v30_log
    keys: dict[str, dict[str, set[str]]] = {}
    for scenario, lo in (("echo_scoring", 5000), ("eval_harness", 1000), ("ppl_filter", 500),
                         ("consistency_lab", 200)):
        rows = [r for r in by_scenario(records, labels, scenario) if r["api"] == COMP]
        assert len(rows) >= lo and all(r["request"].get("echo") and "logprobs" in r["request"] and
                                       r["request"]["max_tokens"] <= 1 for r in rows), (scenario, len(rows))
        lists = [r for r in rows if isinstance(r["request"]["prompt"], list)]
        assert len(lists) >= 0.3 * len(rows), scenario
        keys[scenario] = defaultdict(set)
        for r in lists:
            ps = r["request"]["prompt"]
            if all(p.startswith("Question: ") for p in ps) and (q := problem(ps[0])):
                keys[scenario][q].add(r["principal"])
    assert len(keys["eval_harness"]) >= 100 and len(keys["echo_scoring"]) >= 300, {k: len(v) for k, v in keys.items()}
    assert sum(len(v) == 2 for v in keys["echo_scoring"].values()) >= 1000
    assert not any(len(v) >= 2 for s in ("eval_harness", "consistency_lab") for v in keys[s].values())


# ---- critique_revision ----
def critique_rows(records: list[dict], labels: dict, scenario: str) -> list[dict]:
    """The scenario's single-turn requests that quote a word problem and an attempt at it."""
    return [r for r in by_scenario(records, labels, scenario) if len(user_texts(r)) == 1 and not prefilled(r)
            and r["api"] != COMP and problem(user_texts(r)[0]) and not r["request"].get("tools")]


def test_v30_attempts_are_critiqued_over_several_accounts_like_a_class_shares_its_homework(v30_log) -> None:
    """critique_revision's careful accounts get each problem's attempts onto three or four accounts hours apart, as
    a class's students each submit their own attempt at the shared homework; the blunt scripts send four or more
    attempts of a problem within a minute on one key; the logged reply locates the first error (or says every step is
    right) and gives the corrected working, in attack and benign traffic alike."""
    from benchmarks.traffic.attacks_v30_more import CRIT_SYS

    records, labels = v30_log
    logged: dict[str, list[str]] = {"attack": [], "benign": []}
    spread: dict[str, dict[str, set[str]]] = {}
    for scenario, lo in (("critique_revision", 3000), ("homework_grader", 200), ("tutor_check", 200)):
        rows = critique_rows(records, labels, scenario)
        assert len(rows) >= lo, (scenario, len(rows))
        spread[scenario] = defaultdict(set)
        for r in rows:
            spread[scenario][problem(user_texts(r)[0])].add(r["principal"])
            if "response_text" in r and scenario != "tutor_check":  # the app's "why?" asks get explanations
                logged[labels[r["principal"]]["label"]].append(r["response_text"])
    for label, texts in logged.items():
        assert len(texts) >= 50 and all("The first error is in" in t or "Every step is correct." in t
                                        for t in texts), label
    careful = [v for v in spread["critique_revision"].values() if len(v) >= 2]
    assert sum(len(v) >= 3 for v in careful) >= 60, len(careful)
    assert sum(len(v) >= 3 for v in spread["homework_grader"].values()) >= 15
    runs: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for r in critique_rows(records, labels, "critique_revision"):
        if CRIT_SYS in str(system_prompt(r)):
            runs[(r["principal"], problem(user_texts(r)[0]))].append((r["ts"], user_texts(r)[0]))
    assert sum(len({x for _, x in v}) >= 4 and max(t for t, _ in v) - min(t for t, _ in v) < 60
               for v in runs.values()) >= 500


# ---- the recurring families ----
def test_v30_hydra_stays_under_quota_and_opens_in_waves_like_the_class_stays_under_its_own(v30_log) -> None:
    records, labels = v30_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "homework_grader", min_twin_accounts=10)
    deep = {r["principal"] for r in by_scenario(records, labels, "hydra") if r["request"].get("thinking") or
            ((r["request"].get("reasoning") or {}).get("effort") and r["request"].get("max_output_tokens") != 16000)}
    assert len(deep) >= 60


def test_v30_careful_cot_harvesters_ask_why_like_the_tutoring_app_students(v30_log) -> None:
    from benchmarks.traffic.attacks_v30 import COT_SYS
    from benchmarks.traffic.corpus_v30 import WHY_ASKS

    assert_careful_cot_harvesters_ask_why(*v30_log, COT_SYS, WHY_ASKS, {"cot_harvester": 200, "tutor_check": 30,
                                                                       "homework_grader": 30})


def test_v30_careful_mixed_into_chat_never_opens_with_a_check_and_asks_one_later(v30_log) -> None:
    from benchmarks.traffic.corpus_v30 import cap_of

    records, labels = v30_log
    rows = [r for r in by_scenario(records, labels, "mixed_into_chat") if r["api"] != RESP]
    nightly = {r["principal"] for r in rows if "meticulous grader" in str(system_prompt(r)) or prefilled(r)}
    assert len(nightly) == 4
    assert_careful_chat_asks_later(rows, nightly, cap_of)


def test_v30_agents_call_the_grading_tools_in_attack_and_benign_traffic(v30_log) -> None:
    assert_agents_call_the_tools(*v30_log, "post_grade", {"agentic_distill": 500, "tutor_check": 50},
                                 ("agentic_distill", "tutor_check"), {CHAT, ANTH, RESP})


def test_v30_temperature_sweeps_and_several_answers_at_once_like_the_consistency_lab(v30_log) -> None:
    """The moderate sampling accounts send one item at three temperatures within minutes, the lab one problem at
    three; the blunt sampling accounts take five corrections at once with logprobs, the lab eight answers."""
    assert_temperature_sweeps_and_batches(*v30_log, {"sampling": 50, "consistency_lab": 20}, min_n=5)


def test_v30_no_request_feature_is_attack_only(v30_log) -> None:
    assert_no_request_feature_is_attack_only(*v30_log)


def test_v30_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v30_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v30_log)


def test_v30_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v30_log) -> None:
    records, labels = v30_log
    v30 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "sampling", "taxonomy", "critique_revision",
           "tutor_check", "homework_grader"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v30], labels))


def test_v30_client_metadata_does_not_cluster_attack_accounts(v30_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v30_log, ("hydra", "paraphrased", "prefix_continuation",
                                                                       "echo_scoring", "critique_revision"))


def test_v30_languages_occur_in_attack_and_benign_traffic(v30_log) -> None:
    from benchmarks.traffic.corpus_v30 import WRAP

    seen = languages_seen(*v30_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen


def test_v30_end_users_of_the_careful_accounts_look_like_the_students(v30_log) -> None:
    """The careful prefix_continuation and critique_revision accounts name their users the way the tutoring app and
    the class's grader do (stu_{h}), on many of their requests."""
    records, labels = v30_log
    for scenario, share in (("prefix_continuation", 0.1), ("critique_revision", 0.03), ("tutor_check", 0.9),
                            ("homework_grader", 0.99)):
        users = [end_user(r) or "" for r in by_scenario(records, labels, scenario)]
        named = sum(u.startswith("stu_") for u in users)
        assert named >= share * len(users), (scenario, named, len(users))
