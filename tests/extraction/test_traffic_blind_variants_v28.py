"""Blind traffic variant v28: the teacher as the environment, where the operator trains an agent by reinforcement
learning and self-play and rents the teacher to play every part of the agent's world that is not the agent. The
teacher plays the customer of a task card, the agent's turns arriving in the user role, one short message per request
seconds after the agent's last one, each card rolled out several times, the careful accounts spreading a card's
rollouts over keys (user_simulator), with twins in a support-bot vendor's nightly regression suite and a lab
benchmarking agents with the open benchmarks' simulated user; the teacher plays the back end, answering tool calls as
JSON consistent within an episode, or the engine of a text world (world_sim), with twins in a mock-API product and an
interactive-fiction game; the teacher plays the opponent in Nim, tic-tac-toe, bargaining and twenty questions, the
blunt scripts sending whole positions with logprobs (opponent_play), with twins in a casual-games app and a
negotiation-training programme; the careful cot_harvester accounts ask for the full argument like a game-theory
course's students, the careful hydra accounts are evening shifts under the quota like the students, the sampling
accounts draw five simulated customers at once and sweep temperatures like an NPC-dialogue studio, and the careful
mixed_into_chat accounts ask the model to play a customer in the second or third turn; no request field, surface,
model or end-user id shape is attack-only, client metadata does not cluster attack accounts, the v28 languages occur
in attack and benign traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack
and benign records alike. The v28 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v28 in
extraction_eval's DATASETS uses seed 453923), and generating it twice, or under another hash seed, gives the same
bytes. (v3 ... v27: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.personas_v28 import BENIGN_V28
from tests.extraction.blind_traffic import (
    assert_agents_call_the_tools,
    assert_campaign_ids_and_labels_do_not_leak,
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
                "user_simulator", "world_sim", "opponent_play"}
NEW_PERSONAS = {"bot_qa_harness", "agent_eval_lab", "mock_api_studio", "text_adventure", "game_companion_app",
                "negotiation_coach", "game_theory_course", "npc_dialogue_studio", "travel_desk"}
SEED = 453923  # blind-v28's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v28 log at seed 453923, one day, scale 0.05 (the v28_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v28_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v28 set
# - seed 453923, four days, scale 1, 328,792 requests - hashed to
# 9692cfe4e1cbf6a9565e3efe2bc70530379ef02ce6fec40d21fe9d63236e789d when it was written.)
FROZEN_SHA256 = "e5dc585013a612153a8e4689f705e0952f97ea7cc4fc2815b967cea99525a7de"
RESP = "openai.responses"
ANTH = "anthropic.messages"
CHAT = "openai.chat.completions"
STOP = "###STOP###"


@pytest.fixture(scope="module")
def v28_small(tmp_path_factory) -> tuple[Path, dict]:
    return small_log(tmp_path_factory, "v28", SEED)


@pytest.fixture(scope="module")
def v28_log() -> tuple[list[dict], dict]:
    return full_window_log("v28")


def test_v28_every_scenario_emits_traffic_and_the_set_is_frozen(v28_small) -> None:
    assert_every_scenario_emits_and_the_bytes_are_frozen(*v28_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V28, FROZEN_SHA256,
                                                        "v28")


def test_v28_the_bytes_do_not_depend_on_the_hash_seed(v28_small, tmp_path) -> None:
    assert_same_bytes_under_another_hash_seed(v28_small[0], "v28", SEED, tmp_path)


def test_v28_campaign_ids_and_labels_do_not_leak(v28_small) -> None:
    assert_campaign_ids_and_labels_do_not_leak(*v28_small, "v28")


def test_v28_client_software_of_attack_accounts_comes_from_the_table_benign_accounts_draw_from(v28_log) -> None:
    """Every account's client software is drawn from the one table (context.USER_AGENTS) with the same weights, so a
    rare client can be missing from a small benign sample by chance; the benign accounts of the full window use most
    of the table, and the attack accounts nothing outside it."""
    from benchmarks.traffic.context import USER_AGENTS

    records, labels = v28_log
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in records:
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= set(USER_AGENTS)
    assert len(agents["benign"] & set(USER_AGENTS)) >= 6, agents


def test_v28_logs_response_text_for_a_share_of_attack_and_benign_records(v28_log) -> None:
    records, labels = v28_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 400 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 480


def test_v28_items_name_their_capability_and_the_environment_agrees_with_itself() -> None:
    """Every phrasing of every template carries the marks of its own capability only; a simulated back end's answer
    is JSON that echoes the call's id; the model's Nim move leaves a nim-sum of zero whenever one can be left; a
    card's goal and facts are in its simulated customer's system prompt, with the language it writes in."""
    import random

    from benchmarks.traffic import corpus_v28 as C
    from benchmarks.traffic import corpus_v28_env as E
    from benchmarks.traffic import corpus_v28_more as M

    assert_items_name_their_capability(C, 4)
    rng = random.Random(5)
    for _ in range(300):
        sv = rng.choice(tuple(M.SERVICES))
        name, args = M.call(rng, sv)
        res = orjson.loads(orjson.dumps(M.result(rng, name, args)))
        assert isinstance(res, dict) and res
        for key in ("reservation_id", "order_id", "tracking_number", "user_id"):
            if key in args and key in res:
                assert res[key] == args[key], (name, key)
        st = {"piles": [rng.randint(1, 7), rng.randint(1, 9), rng.randint(1, 12)]}
        nim_sum = st["piles"][0] ^ st["piles"][1] ^ st["piles"][2]
        E._move(rng, "nim", st, 0, False)
        after = st["piles"][0] ^ st["piles"][1] ^ st["piles"][2]
        assert min(st["piles"]) >= 0 and (after == 0 or nim_sum == 0)
        lg = C.lang(rng, 0.5)
        c = M.card(rng, None, lg)
        for tpl in range(3):
            sys_ = M.sim_system(c, tpl)
            assert c["goal"] in sys_ and c["facts"] in sys_ and STOP in sys_
            assert (lg != "en") == (f"Write in {M.LANG_NAMES.get(lg)}." in sys_)


# ---- request fields and surfaces ----
def fields(r: dict) -> set[str]:
    """The request's top-level fields, with the kinds of its output formats, tool shapes and system blocks."""
    req = r["request"]
    out = {f"{r['api']}:{k}" for k in req}
    if req.get("response_format"):
        out.add(f"response_format:{req['response_format']['type']}")
    if (req.get("text") or {}).get("format"):
        out.add(f"text.format:{req['text']['format']['type']}")
    if isinstance(req.get("system"), list) and any(b.get("cache_control") for b in req["system"]):
        out.add("cache_control")
    if req.get("thinking"):
        out.add("thinking")
    if (req.get("reasoning") or {}).get("effort"):
        out.add(f"effort:{req['reasoning']['effort']}")
    if STOP in str(system_prompt(r)):
        out.add("simulated_customer")
    return out


def test_v28_no_request_field_or_surface_is_attack_only(v28_log) -> None:
    """Attack traffic uses the fields of the environments (JSON response formats in both dialects, stop sequences,
    seeds, logprobs, cached system blocks, reasoning, previous_response_id, simulated-customer system prompts), and
    benign traffic uses every field and surface attack traffic uses, at least ten times."""
    records, labels = v28_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(fields(r))
    assert {"response_format:json_object", "response_format:json_schema", "text.format:json_schema",
            f"{CHAT}:stop", f"{ANTH}:stop_sequences", f"{CHAT}:seed", f"{CHAT}:logprobs", f"{CHAT}:n",
            f"{RESP}:previous_response_id", "cache_control", "thinking", "effort:high", "simulated_customer",
            f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools"} <= set(feats["attack"]), feats["attack"]
    missing = {f: feats["benign"][f] for f in feats["attack"] if feats["benign"][f] < 10}
    assert not missing, missing


# ---- the simulated customer ----
def sys_text(r: dict) -> str:
    """A request's system prompt as text, whatever its dialect (cached Anthropic blocks included)."""
    return str(system_prompt(r))


def sim_rows(records: list[dict], labels: dict, scenario: str) -> list[dict]:
    return [r for r in by_scenario(records, labels, scenario) if STOP in sys_text(r)]


def card_key(r: dict) -> str:
    """What identifies a task card in its simulated customer's system prompt, whatever the wording around it."""
    m = re.search(r"Your (?:reservation|order|account id) is [^ ,.]+", sys_text(r))
    return m.group(0) if m else sys_text(r)


def convo(r: dict) -> list[dict]:
    return [m for m in r["request"].get("messages") or [] if m.get("role") != "system"]


def test_v28_simulated_customers_are_short_quick_and_rolled_out_again_in_attack_and_benign_traffic(v28_log) -> None:
    """user_simulator, the QA harness and the lab all send cards as simulated-customer system prompts with the agent's
    turns in the user role: the replies are short, the next turn comes within seconds (when the agent has answered,
    not a reader), and most cards are rolled out three or more times; the QA harness and the lab keep a card's
    rollouts on one key, the careful user_simulator accounts spread theirs over two or more keys."""
    records, labels = v28_log
    for scenario, lo in (("user_simulator", 10000), ("bot_qa_harness", 1000), ("agent_eval_lab", 300)):
        rows = [r for r in sim_rows(records, labels, scenario) if r["api"] in (CHAT, ANTH)]
        assert len(rows) >= lo, (scenario, len(rows))
        outs = sorted(r["usage"]["output_tokens"] for r in rows)
        assert outs[len(outs) // 2] < 40, scenario
        last: dict[tuple[str, str, str], tuple[float, int]] = {}
        gaps = []
        for r in rows:
            msgs = convo(r)
            key = (r["principal"], card_key(r), str(msgs[0]["content"]))
            if key in last and len(msgs) == last[key][1] + 2:
                gaps.append(r["ts"] - last[key][0])
            last[key] = (r["ts"], len(msgs))
        assert len(gaps) >= 0.3 * len(rows) and sorted(gaps)[len(gaps) // 2] < 60, scenario
        rollouts = Counter(card_key(r) for r in rows if len(convo(r)) == 1)
        assert sum(n >= 3 for n in rollouts.values()) >= 0.5 * len(rollouts), scenario
    keys: dict[str, dict[str, set[str]]] = {s: defaultdict(set) for s in ("user_simulator", "bot_qa_harness",
                                                                         "agent_eval_lab")}
    for scenario, cards in keys.items():
        for r in sim_rows(records, labels, scenario):
            cards[card_key(r)].add(r["principal"])
    assert sum(len(v) >= 2 for v in keys["user_simulator"].values()) >= 100
    assert not any(len(v) >= 2 for s in ("bot_qa_harness", "agent_eval_lab") for v in keys[s].values())


# ---- the simulated back end and the text world ----
BACK_ENDS = ("back end for an agent under test", "mock server for the", "mock API server", "virtual API server")


def jsonish(r: dict) -> bool:
    req = r["request"]
    return bool(req.get("response_format") or (req.get("text") or {}).get("format"))


def test_v28_back_ends_answer_as_json_in_attack_and_benign_traffic(v28_log) -> None:
    """world_sim's calls, the mock studio's and the lab's virtual API ask for a JSON answer to a tool call or request
    (a response format on chat, text.format on Responses, the system prompt alone on Anthropic), and what comes back,
    where it is logged, is a JSON object; the blunt world_sim scripts send one call at a time with a fixed seed."""
    records, labels = v28_log
    logged = []
    for scenario, lo in (("world_sim", 5000), ("mock_api_studio", 500), ("agent_eval_lab", 100)):
        rows = [r for r in by_scenario(records, labels, scenario) if any(m in sys_text(r) for m in BACK_ENDS)]
        assert len(rows) >= lo, (scenario, len(rows))
        assert all(jsonish(r) for r in rows if r["api"] != ANTH), scenario
        logged += [r["response_text"] for r in rows if "response_text" in r]
    assert logged and all(isinstance(orjson.loads(t), dict) for t in logged)
    stateless = [r for r in by_scenario(records, labels, "world_sim") if len(user_texts(r)) == 1 and
                 r["request"].get("seed") == 42]
    assert len(stateless) >= 2000


def test_v28_text_worlds_keep_state_over_long_sessions_and_careful_scenarios_go_to_three_keys(v28_log) -> None:
    """The careful world_sim accounts and the text adventure run the model as a game engine under a player id, in
    sessions of eight actions and more (the history resent or chained on previous_response_id); each starting world
    of the careful accounts is played on three keys, each of the game's worlds on its own key only."""
    from benchmarks.traffic.corpus_v28_env import ENGINE_SYS

    mark = ENGINE_SYS.split("'")[0]
    records, labels = v28_log
    for scenario, lo in (("world_sim", 100), ("text_adventure", 100)):
        rows = [r for r in by_scenario(records, labels, scenario) if mark in sys_text(r)]
        assert rows and all(end_user(r) for r in rows), scenario
        sessions = Counter((r["principal"], end_user(r), sys_text(r)) for r in rows)
        assert sum(n >= 8 for n in sessions.values()) >= lo, scenario
        assert sum(bool(r["request"].get("previous_response_id")) or len(user_texts(r)) >= 8 for r in rows) >= \
            0.3 * len(rows), scenario
        worlds: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            worlds[sys_text(r)].add(r["principal"])
        spread = sum(len(v) >= 3 for v in worlds.values())
        assert spread >= 30 if scenario == "world_sim" else spread == 0, (scenario, spread)


# ---- games ----
MOVES = ("MOVE:", "PROPOSE:", "ACCEPT", "ANSWER:", "CORRECT", "GG")


def test_v28_games_come_back_as_moves_with_logprobs_and_whole_positions_in_attack_and_benign_traffic(v28_log) -> None:
    """opponent_play and the game app play the same four games: replies are MOVE/PROPOSE/ACCEPT/ANSWER lines, a share
    of requests carries logprobs, and a share sends the whole position ('Game state:') each move; bargaining runs five
    rounds and more in opponent_play, and the coach's practice negotiations run six turns and more."""
    from benchmarks.traffic.corpus_v28_env import GAME_SYS

    marks = [g.split(":")[0][:30] for g in GAME_SYS.values()]
    records, labels = v28_log
    logged = []
    for scenario, lo in (("opponent_play", 5000), ("game_companion_app", 1000)):
        rows = [r for r in by_scenario(records, labels, scenario) if any(m in sys_text(r) for m in marks)]
        assert len(rows) >= lo, (scenario, len(rows))
        logged += [r["response_text"] for r in rows if "response_text" in r]
        assert sum(bool(r["request"].get("logprobs")) for r in rows) >= 0.1 * len(rows), scenario
        assert sum(any(t.startswith("Game state:") for t in user_texts(r)) for r in rows) >= 0.1 * len(rows), scenario
    assert logged and all(t.startswith(MOVES) for t in logged)
    bargain = [r for r in by_scenario(records, labels, "opponent_play") if "negotiating how to divide" in sys_text(r)
               and len(user_texts(r)) >= 5]
    assert len(bargain) >= 500
    coach = [r for r in by_scenario(records, labels, "negotiation_coach") if len(user_texts(r)) >= 6]
    assert len(coach) >= 50


# ---- the recurring families ----
def test_v28_hydra_stays_under_quota_and_opens_in_waves_like_the_students_stay_under_theirs(v28_log) -> None:
    records, labels = v28_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "game_theory_course")
    deep = {r["principal"] for r in by_scenario(records, labels, "hydra") if r["request"].get("thinking") or
            ((r["request"].get("reasoning") or {}).get("effort") and r["request"].get("max_output_tokens") != 16000)}
    assert len(deep) >= 60


def test_v28_careful_cot_harvesters_ask_for_the_full_argument_like_the_course_students(v28_log) -> None:
    from benchmarks.traffic.attacks_v28 import COT_SYS
    from benchmarks.traffic.corpus_v28 import WALK_ASKS

    records, labels = v28_log
    marks = [a.lower()[:24] for a in WALK_ASKS]
    for scenario, lo in (("cot_harvester", 200), ("game_theory_course", 30)):
        rows = [r for r in by_scenario(records, labels, scenario) if scenario != "cot_harvester" or
                COT_SYS not in system_prompt(r) and COT_SYS not in str(r["request"].get("system"))]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
        assert sum(any(m in first_user_text(r).lower() for m in marks) for r in rows) >= lo, scenario
    blunt = [r for r in by_scenario(records, labels, "cot_harvester") if
             (r["request"].get("reasoning") or {}).get("effort") == "high" or
             (r["request"].get("thinking") or {}).get("budget_tokens", 0) >= 16000]
    assert len(blunt) >= 1000


def test_v28_careful_mixed_into_chat_never_opens_with_a_role_play_ask_and_the_trainees_always_do(v28_log) -> None:
    from benchmarks.traffic.corpus_v28 import ROLEPLAY_ASKS
    from benchmarks.traffic.personas_v28_more import OPENERS

    records, labels = v28_log
    rows = [r for r in by_scenario(records, labels, "mixed_into_chat") if r["api"] != RESP]
    nightly = {r["principal"] for r in rows if STOP in sys_text(r) or jsonish(r)}
    assert len(nightly) == 4
    marks = [a.lower().split("{")[0][:24] for a in ROLEPLAY_ASKS]
    later = 0
    for r in rows:
        if r["principal"] in nightly:
            continue
        ts = [t.lower() for t in user_texts(r)]
        assert not ts or not any(m in ts[0] for m in marks)
        later += any(m in t for t in ts[1:3] for m in marks)
    assert later >= 50
    coach_marks = [o.lower().split("{")[0].strip() for o in OPENERS]
    coach = [user_texts(r)[0].lower() for r in by_scenario(records, labels, "negotiation_coach")]
    assert coach and all(any(m in t for m in coach_marks) for t in coach)


def test_v28_agents_call_the_airline_tools_in_attack_and_benign_traffic(v28_log) -> None:
    assert_agents_call_the_tools(*v28_log, "get_reservation_details",
                                 {"agentic_distill": 500, "agent_eval_lab": 100, "bot_qa_harness": 300},
                                 ("agentic_distill",))


def test_v28_temperature_sweeps_and_several_samples_at_once_like_the_npc_studio(v28_log) -> None:
    """The moderate sampling accounts send one item at three temperatures within minutes, the studio one prompt at
    three; the blunt sampling accounts take five simulated openings at once with logprobs, the studio four."""
    assert_temperature_sweeps_and_batches(*v28_log, {"sampling": 50, "npc_dialogue_studio": 5}, min_n=4)


def test_v28_no_request_feature_is_attack_only(v28_log) -> None:
    assert_no_request_feature_is_attack_only(*v28_log)


def test_v28_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v28_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v28_log)


def test_v28_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v28_log) -> None:
    records, labels = v28_log
    v28 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "sampling", "taxonomy", "game_theory_course",
           "travel_desk", "negotiation_coach"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v28], labels))


def test_v28_client_metadata_does_not_cluster_attack_accounts(v28_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v28_log, ("hydra", "paraphrased", "user_simulator",
                                                                       "world_sim", "opponent_play"))


def test_v28_languages_occur_in_attack_and_benign_traffic(v28_log) -> None:
    from benchmarks.traffic.corpus_v28 import WRAP

    seen = languages_seen(*v28_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
