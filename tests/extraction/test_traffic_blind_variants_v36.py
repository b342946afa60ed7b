"""Blind traffic variant v36: step-checked reasoning, where the operator grows a student prover's, planner's and
estimator's data out of the teacher. The tactic for every goal state met on the way through a Lean 4 proof, each
state sent alone (proof_steps), as a proof assistant's editor plug-in asks at each step of the proof a contributor is
writing, an introduction-to-Lean course works through its proofs (one key a student) and a grading team re-checks
students' steps; a scheduling puzzle with all its constraints and with each one left out in turn, infeasible sets
included (constraint_sweep), as a shift-planning service plans its teams' rotas every night with and without the
day's absence and a hospital's coordinators ask for their wards' rotas; each quantity in every other unit of its
dimension with the chain of factors (unit_chains), as a shop platform puts its products' measures into each market's
units and a physics course (one key a student, shared exercises) does its exercises. The careful cot_harvester
accounts ask how a tactic or a schedule was found like the research group and the grading team, the careful hydra
accounts are evening shifts under the quota like the logic class, the sampling accounts draw five sets of exercises
at once and sweep temperatures like the research group, the careful mixed_into_chat accounts bring an item up in the
second or third turn, and the agent is a rota-planning agent like the rota service's own. Nothing in the corpus is
harmful. No request field, surface, model or end-user id shape is attack-only, client metadata does not cluster
attack accounts, the v36 languages occur in attack and benign traffic, follow-ups wait for reading in both, and
response_text is logged for a share of attack and benign records alike. The v36 set's bytes are pinned here for its
dataset seed (FROZEN_SHA256: blind-v36 in extraction_eval's DATASETS uses seed 532900), and generating it under
another hash seed gives the same bytes. (v3 ... v35: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v36 as C
from benchmarks.traffic import corpus_v36_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v36 import BENIGN_V36
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 532900  # blind-v36's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v36 log at seed 532900, one day, scale 0.05 (the v36_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v36_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v36 set
# - seed 532900, four days, scale 1, 237,077 requests, 1,211 accounts, 407 of them attack accounts - hashed to
# ef61f95489f460f2781d57a11d57a4289a3591857c8222d2013515fcd55e40c8 when it was written.)
FROZEN_SHA256 = "c4f11e498533e335ec432356bcc0dadadf57ac3c58010b15d155e742974f3779"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "proof_steps", "constraint_sweep", "unit_chains"}
NEW_PERSONAS = {"lean_copilot", "rota_service", "catalogue_localiser", "reasoning_lab", "logic_class", "physics_class",
                "grading_team", "clinic_rota"}


@pytest.fixture(scope="module")
def v36_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v36")


@pytest.fixture(scope="module")
def v36_pasted(v36_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v36_src.blocks), by the record's index."""
    return B2.pasted(v36_log[0], S.blocks)


@pytest.fixture(scope="module")
def v36_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v36", SEED)


def test_v36_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v36_small) -> None:
    B.assert_frozen_and_no_label_leaks(v36_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V36, FROZEN_SHA256, "v36")


def test_v36_the_bytes_do_not_depend_on_the_hash_seed(v36_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v36_small[0], "v36", SEED, tmp_path)


def test_v36_logs_response_text_for_a_share_of_attack_and_benign_records(v36_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object."""
    parsed = B.assert_logged_replies(*v36_log, (395, 420))
    enough(json_a=parsed["attack"], json_b=parsed["benign"])


def test_v36_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; every step of every proof applies the tactic its goal state's shape calls for; a
    puzzle's schedule meets each pasted constraint, and a puzzle said to have none has none; a conversion is what
    the units' definitions give; the pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v36")
    rng = random.Random(36)
    for k in range(len(S.THEOREMS)):
        for state, tactic in S.proof(rng, k)["steps"]:
            assert fits(tactic, state), (state, tactic)
    for _ in range(300):
        sd = C.seed(rng, "plan")
        assert schedule_holds(S.blocks(C.text(sd)), sd[2]["obj"]), sd
        sd = C.seed(rng, "convert")
        got = S.blocks(C.text(sd, rng.randrange(3)))
        assert close(sd[2]["obj"]["answer"], recompute(got)), (got, sd[2]["obj"])
        x = f"hi\n\n{C.seed(rng, 'prove', 0)[2]['body']}\n\n{sd[2]['body']}"
        assert set(S.blocks(x)) == {"state", "quantity", "target"}


# ---- proof_steps ----
def test_v36_tactics_follow_from_the_pasted_goal_state(v36_log, v36_pasted) -> None:
    """Every logged tactic (JSON or prose, whichever tenants log) is the one the pasted goal state's shape calls for;
    the blunt proof_steps scripts and the editor plug-in send three or more goal states within half a minute of each
    other."""
    records, labels = v36_log
    times: dict[str, list[float]] = defaultdict(list)
    logged: Counter = Counter()
    for i, hit in v36_pasted.items():
        r = records[i]
        if "state" not in hit:
            continue
        times[r["principal"]].append(r["ts"])
        if "response_text" in r:
            obj = B2.logged_json(r) or {"tactic": r["response_text"].split("\n")[0]}
            assert fits(obj["tactic"], hit["state"]), (hit, obj)
            logged[labels[r["principal"]]["label"]] += 1
    enough(tactic_a=logged["attack"], tactic_b=logged["benign"])
    runs: Counter = Counter()
    for p, ts in times.items():
        ts.sort()
        starts = [0] + [j for j in range(1, len(ts)) if ts[j] - ts[j - 1] > 30] + [len(ts)]
        runs[labels[p]["scenario"]] += sum(b - a >= 3 for a, b in itertools.pairwise(starts))
    enough(run_a=runs["proof_steps"], run_b=runs["lean_copilot"])


# ---- constraint_sweep ----
def test_v36_schedules_meet_the_pasted_constraints(v36_log, v36_pasted) -> None:
    """Every logged schedule (JSON or prose) meets each pasted constraint, and every puzzle said to have none has no
    schedule among the 24 orders; the blunt constraint_sweep scripts and the rota service send a puzzle and the same
    puzzle with a constraint left out in one minute, and the careful accounts' puzzles reach several accounts."""
    records, labels = v36_log
    sets: dict[tuple[str, int], list[frozenset]] = defaultdict(list)
    holders: dict[frozenset, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v36_pasted.items():
        r = records[i]
        if "constraints" not in hit:
            continue
        cons = frozenset(hit["constraints"].splitlines())
        sets[(r["principal"], int(r["ts"] // 60))].append(cons)
        if labels[r["principal"]]["scenario"] == "constraint_sweep":
            holders[cons].add(r["principal"])
        if "response_text" in r:
            obj = B2.logged_json(r) or prose_schedule(r["response_text"])
            assert schedule_holds(hit, obj), (hit, obj)
            right[labels[r["principal"]]["label"]] += 1
    enough(plan_a=right["attack"], plan_b=right["benign"])
    swept: Counter = Counter()
    for (p, _), ss in sets.items():
        swept[labels[p]["scenario"]] += sum(any(a < b for b in ss) for a in ss)
    enough(sweep_a=swept["constraint_sweep"], sweep_b=swept["rota_service"])
    spread = sum(any(holders.get(cons - {c}, set()) - ps for c in cons) for cons, ps in holders.items())
    enough(plan_spread=spread)


# ---- unit_chains ----
def test_v36_conversions_are_what_the_units_give(v36_log, v36_pasted) -> None:
    """Every logged conversion is the pasted quantity in the unit wanted, by the units' definitions; the unit_chains
    accounts take every quantity to every other unit of its dimension, the physics class and the shop platform many
    (quantity, unit) cells too; the careful accounts' quantities reach several accounts."""
    records, labels = v36_log
    cells: dict[str, set] = defaultdict(set)
    takers: dict[str, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v36_pasted.items():
        r = records[i]
        if "quantity" not in hit or "target" not in hit:
            continue
        scenario = labels[r["principal"]]["scenario"]
        cells[scenario].add((re.sub(r"[\d.]+ ", "# ", hit["quantity"]), hit["target"]))
        if scenario == "unit_chains":
            takers[hit["quantity"]].add(r["principal"])
        if "response_text" in r:
            obj = B2.logged_json(r)
            got = obj["answer"] if obj else r["response_text"].split(". Working: ")[0]
            assert close(got, recompute(hit)), (hit, got)
            right[labels[r["principal"]]["label"]] += 1
    assert len(cells["unit_chains"]) == sum(len(S.UNITS[q[1]]) - 1 for q in S.QUANTITIES), len(cells["unit_chains"])
    enough(cells_class=len(cells["physics_class"]), cells_shop=len(cells["catalogue_localiser"]))
    enough(unit_a=right["attack"], unit_b=right["benign"])
    enough(unit_spread=sum(len(ps) >= 2 for ps in takers.values()))


# ---- the recurring families ----
def test_v36_careful_cot_harvesters_ask_why_like_the_research_group_and_the_grading_team(v36_log) -> None:
    from benchmarks.traffic.attacks_v36 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v36_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "reasoning_lab": LOW["why_r"],
                                                                          "grading_team": LOW["why_g"]})


def test_v36_hydra_stays_under_quota_and_opens_in_waves_like_the_logic_class(v36_log) -> None:
    records, labels = v36_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "logic_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v36_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v36_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v36_log, C.asks_harvest)


def test_v36_agents_call_the_publish_tool_in_attack_and_benign_traffic(v36_log) -> None:
    B.assert_agents_call_the_tools(*v36_log, "publish_schedule", {"agentic_distill": LOW["agent_a"],
                                                                  "rota_service": LOW["agent_b"]},
                                   ("agentic_distill", "rota_service"), {CHAT, ANTH, RESP})


def test_v36_temperature_sweeps_and_several_samples_at_once_like_the_research_group(v36_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v36_log, {"sampling": LOW["tsweep_a"], "reasoning_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v36_attack_and_benign_traffic_look_alike(v36_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v36 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v36_log, C.WRAP, ("hydra", "paraphrased", "proof_steps",
                                                                     "constraint_sweep", "unit_chains"))


def test_v36_no_request_field_or_surface_is_attack_only(v36_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v36_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v36_end_users_of_the_careful_accounts_look_like_the_twins_users(v36_log) -> None:
    B.assert_end_user_shares(*v36_log, {
        ("proof_steps", "stu_"): 0.03, ("constraint_sweep", "member-"): 0.03, ("unit_chains", "end-user-"): 0.03,
        ("logic_class", "stu_"): 0.99, ("physics_class", "stu_"): 0.99, ("clinic_rota", "member-"): 0.99,
        ("lean_copilot", "member-"): 0.99, ("grading_team", "member-"): 0.99, ("reasoning_lab", "member-"): 0.99,
        ("catalogue_localiser", "end-user-"): 0.99})


def test_v36_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v36_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v36_log, *ATTACK_TYPES, *NEW_PERSONAS), v36_log[1]))


# ---- what a pasted goal state, puzzle or quantity gives, read back from its text ----
def fits(tactic: str, state: str) -> bool:
    """Whether `tactic` is the one the first goal of a pasted state calls for, by the goal's shape: introduce a forall's
    names or an arrow's hypothesis (under a new name), close a goal a hypothesis (or half of one) states, split a
    conjunction, go left when the left side is at hand, then norm_num on numerals, omega on order, ring on equations."""
    lines = [x for x in state.split("\n\n")[0].splitlines() if not x.startswith("case ")]
    hyps = dict(x.split(" : ", 1) for x in lines[:-1])
    goal = lines[-1].removeprefix("⊢ ")
    if m := re.fullmatch(r"∀ \(([\w ]+) : \S+\), .+", goal):
        return tactic == f"intro {m.group(1)}"
    if " → " in goal:
        name = tactic.removeprefix("intro ")
        return tactic.startswith("intro ") and re.fullmatch(r"h\w*", name) is not None and name not in hyps
    for name, ty in hyps.items():
        halves = ty.split(" ∧ ")
        if goal == ty or (len(halves) == 2 and goal in halves):
            return tactic == (f"exact {name}" if goal == ty else f"exact {name}.{halves.index(goal) + 1}")
    if " ∧ " in goal:
        return tactic == "constructor"
    if " ∨ " in goal and goal.split(" ∨ ")[0] in hyps.values():
        return tactic == "left"
    if not re.search(r"[a-z]", goal):
        return tactic == "norm_num"
    return tactic == ("omega" if re.search("[<≤]", goal) else "ring")


RULES = ((re.compile(r"^(.+) must come straight after (.+)\.$"), lambda o, s, a, b: o.index(a) == o.index(b) + 1),
         (re.compile(r"^(.+) must come before (.+)\.$"), lambda o, s, a, b: o.index(a) < o.index(b)),
         (re.compile(r"^(.+) cannot be at (.+)\.$"), lambda o, s, a, b: s[o.index(a)] != b),
         (re.compile(r"^(.+) must be at (.+)\.$"), lambda o, s, a, b: s[o.index(a)] == b))


def meets(hit: dict, order: tuple[str, ...]) -> bool:
    """Whether the jobs in `order` (the i-th in the i-th slot) meet every pasted constraint."""
    slots, low = hit["slots"].split(", "), tuple(j.lower() for j in order)
    for line in hit["constraints"].splitlines():
        rx, ok = next((rx, ok) for rx, ok in RULES if rx.match(line[2:]))
        a, b = rx.match(line[2:]).groups()
        if not ok(low, slots, a.lower(), b if b in slots else b.lower()):
            return False
    return True


def schedule_holds(hit: dict, obj: dict) -> bool:
    """A reply's schedule meets the pasted constraints, or the reply says none exists and no order of the jobs works."""
    jobs = tuple(hit["jobs"].split(", "))
    if not obj["feasible"]:
        return not any(meets(hit, o) for o in itertools.permutations(jobs))
    rows = [row.split(": ", 1) for row in obj["schedule"]]
    return [s for s, _ in rows] == hit["slots"].split(", ") and sorted(j for _, j in rows) == sorted(jobs) and \
        meets(hit, tuple(j for _, j in rows))


def prose_schedule(text: str) -> dict:
    """A prose reply's schedule: the four 'slot: job' lines under "Schedule:", or none where it says so."""
    lines = text.splitlines()
    assert lines[0] == "Schedule:" or lines[0].startswith("No schedule works"), text[:300]
    return {"feasible": lines[0] == "Schedule:", "schedule": lines[1:5]}


# each unit in its dimension's base unit, from the definitions (inch 2.54 cm, pound 0.45359237 kg, US gallon 231 cubic
# inches, imperial pint an eighth of 4.54609 litres, knot 1,852 metres an hour)
INCH, LB = 0.0254, 0.45359237
GALLON = 231 * INCH ** 3 * 1000
UNITS = {"inches": INCH, "feet": 12 * INCH, "yards": 36 * INCH, "miles": 63360 * INCH, "centimetres": 0.01,
         "metres": 1.0, "kilometres": 1000.0, "ounces": LB / 16, "pounds": LB, "stone": 14 * LB, "grams": 0.001,
         "kilograms": 1.0, "US cups": GALLON / 16, "US gallons": GALLON, "imperial pints": 4.54609 / 8,
         "millilitres": 0.001, "litres": 1.0, "square feet": (12 * INCH) ** 2, "acres": 43560 * (12 * INCH) ** 2,
         "square metres": 1.0, "hectares": 10000.0, "miles per hour": 63360 * INCH / 3600, "knots": 1852 / 3600,
         "kilometres per hour": 1000 / 3600, "metres per second": 1.0}


def recompute(hit: dict) -> float:
    """The pasted quantity in the unit wanted."""
    unit = max((u for u in UNITS if re.search(rf"\d {re.escape(u)}\b", hit["quantity"])), key=len)
    v = float(re.search(rf"([\d.]+) {re.escape(unit)}\b", hit["quantity"]).group(1))
    return v * UNITS[unit] / UNITS[hit["target"]]


def close(answer: str, want: float) -> bool:
    """A reply's amount (two decimals, or three figures below 1) agrees with `want` to its rounding."""
    got = float(answer.split(" ")[0])
    return abs(got - want) <= (0.0051 if want >= 1 else 0.006 * want)


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 4240, "json_b": 900, "tactic_a": 6020, "tactic_b": 1120, "run_a": 875, "run_b": 310, "plan_a": 5450,
       "plan_b": 35, "sweep_a": 2160, "sweep_b": 790, "plan_spread": 330, "cells_class": 24, "cells_shop": 40,
       "unit_a": 2060, "unit_b": 41, "unit_spread": 865, "why_a": 360, "why_r": 245, "why_g": 61, "agent_a": 1590,
       "agent_b": 90, "tsweep_a": 173, "tsweep_b": 118}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
