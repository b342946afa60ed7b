"""Blind traffic variant v38: grammatical error correction, where the operator grows a student corrector's data out of
the teacher. Each learner sentence corrected with all its errors and with many subsets of them, each version sent
alone (error_grid), as a language-learning app re-marks every resubmitted exercise answer with its first attempt every
night and a company's communications desk corrects its staff's sentences; a draft proofread as it grows one sentence
at a time, each prefix sent alone (draft_ladder), as a workplace writing assistant re-checks a paragraph each time
its writer finishes a sentence, an academic-writing course works through its drafts (one key a student) and a
publisher's copy desk re-checks the corrections; the rule behind every correction of every sentence, one correction a
request (edit_rationales), as a writing app's "why?" button explains each correction its user taps and an English
grammar course (one key a student, shared marked sentences) does its exercises. The careful cot_harvester accounts
ask how each change was decided like the research group and the copy desk, the careful hydra accounts are evening
shifts under the quota like the academic-writing class, the sampling accounts draw five sets of example sentences at
once and sweep temperatures like the research group, the careful mixed_into_chat accounts bring an item up in the
second or third turn, and the agent is a marking agent like the learning app's own. Nothing in the corpus is harmful.
No request field, surface, model or end-user id shape is attack-only, client metadata does not cluster attack
accounts, the v38 languages occur in attack and benign traffic, follow-ups wait for reading in both, and response_text
is logged for a share of attack and benign records alike. The v38 set's bytes are pinned here for its dataset seed
(FROZEN_SHA256: blind-v38 in extraction_eval's DATASETS uses seed 618327), and generating it under another hash seed
gives the same bytes. (v3 ... v37: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v38 as C
from benchmarks.traffic import corpus_v38_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v38 import BENIGN_V38
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 618327  # blind-v38's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v38 log at seed 618327, one day, scale 0.05 (the v38_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v38_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v38 set
# - seed 618327, four days, scale 1, 227,001 requests, 1,215 accounts, 407 of them attack accounts -
# hashed to 6d05a668815e82e0af95ef322daa915ab6937a23e7671a7d3e6ac19c43a08545 when it was written.)
FROZEN_SHA256 = "01ccf9bc78a9156ab390b4dbbd89a85a20c7ef2937df12899f6fa14e6121da6f"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "error_grid", "draft_ladder", "edit_rationales"}
NEW_PERSONAS = {"writing_plugin", "learner_app", "why_button", "gec_lab", "academic_writing_class", "esl_class",
                "copy_desk_qa", "staff_writing_desk"}


@pytest.fixture(scope="module")
def v38_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v38")


@pytest.fixture(scope="module")
def v38_pasted(v38_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v38_src.blocks), by the record's index."""
    return B2.pasted(v38_log[0], S.blocks)


@pytest.fixture(scope="module")
def v38_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v38", SEED)


def test_v38_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v38_small) -> None:
    B.assert_frozen_and_no_label_leaks(v38_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V38, FROZEN_SHA256, "v38")


def test_v38_the_bytes_do_not_depend_on_the_hash_seed(v38_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v38_small[0], "v38", SEED, tmp_path)


def test_v38_logs_response_text_for_a_share_of_attack_and_benign_records(v38_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object, and
    attack and benign records both log JSON replies (under a schema, or in an Anthropic reply's text)."""
    records, labels = v38_log
    B.assert_logged_replies(records, labels, (395, 420))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v38_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a correction is the pasted sentence with exactly its wrong words made right, and
    its edits applied to the pasted sentence give it; a proofread draft is each pasted sentence corrected, in order;
    a rule names the pasted correction and its error type; the pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v38")
    rng = random.Random(38)
    for _ in range(300):
        for cap, check in (("correct", corrects), ("draft", proofreads), ("explain", explains)):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert check(got, sd[2]["obj"]) and check(got, sd[2]["reply"].split("\n\n")[0]), (got, sd[2]["reply"])
        x = f"hi\n\n{C.seed(rng, 'correct', 0)[2]['body']}\n\n{C.seed(rng, 'draft')[2]['body']}"
        assert set(S.blocks(x)) == {"sentence", "draft"}
        assert set(S.blocks(f"{C.seed(rng, 'explain')[2]['body']}\nthanks")) == {"sentence", "edit"}


# ---- error_grid ----
def test_v38_corrections_fix_exactly_the_wrong_words(v38_log, v38_pasted) -> None:
    """Every logged correction (JSON or prose) is the pasted sentence with its wrong words made right and nothing
    else changed; the blunt error_grid scripts and the learning app send a sentence and the same sentence with fewer
    errors in one minute, and the careful accounts' sentences reach several accounts."""
    records, labels = v38_log
    sets: dict[tuple[str, int], list[tuple[str, frozenset]]] = defaultdict(list)
    holders: dict[tuple[str, frozenset], set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v38_pasted.items():
        r = records[i]
        if "sentence" not in hit or "edit" in hit or (at := S.locate(hit["sentence"])) is None:
            continue
        errs = frozenset(at["errs"])
        sets[(r["principal"], int(r["ts"] // 60))].append((at["fixed"], errs))
        if labels[r["principal"]]["scenario"] == "error_grid":
            holders[(at["fixed"], errs)].add(r["principal"])
        if "response_text" in r:
            assert corrects(hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
    enough(fix_a=right["attack"], fix_b=right["benign"])
    swept: Counter = Counter()
    for (p, _), ss in sets.items():
        swept[labels[p]["scenario"]] += sum(any(f == g and e < d for g, d in ss) for f, e in ss)
    enough(subset_a=swept["error_grid"], subset_b=swept["learner_app"])
    full = {f: ps for (f, e), ps in holders.items() if len(e) == len(S.sites(S.locate(f)["k"]))}
    enough(fix_spread=sum(bool(full.get(f, set()) - ps) for (f, e), ps in holders.items()
                          if len(e) < len(S.sites(S.locate(f)["k"]))))


# ---- draft_ladder ----
def test_v38_drafts_are_proofread_sentence_by_sentence_and_the_ladders_grow(v38_log, v38_pasted) -> None:
    """Every logged proofread draft (JSON or prose) is each pasted sentence corrected, in order; the blunt
    draft_ladder scripts and the writing assistant send a draft one more sentence at a time, each prefix within two
    minutes of the one before, and the careful accounts' drafts reach several accounts."""
    records, labels = v38_log
    last: dict[str, tuple[float, tuple]] = {}
    grown: Counter = Counter()
    holders: dict[tuple, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in sorted(v38_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r = records[i]
        if "draft" not in hit:
            continue
        rows, p, scenario = tuple(split(hit["draft"])), r["principal"], labels[r["principal"]]["scenario"]
        t0, before = last.get(p, (0.0, ()))
        grown[scenario] += r["ts"] - t0 < 120 and len(rows) == len(before) + 1 and rows[:-1] == before
        last[p] = (r["ts"], rows)
        if scenario == "draft_ladder":
            holders[rows].add(p)
        if "response_text" in r:
            assert proofreads(hit, logged(r)), (hit, r["response_text"])
            right[labels[p]["label"]] += 1
    enough(draft_a=right["attack"], draft_b=right["benign"], grow_a=grown["draft_ladder"],
           grow_b=grown["writing_plugin"])
    enough(draft_spread=sum(any(holders.get(rows[:j], set()) - ps for j in range(1, len(rows)))
                            for rows, ps in holders.items()))


# ---- edit_rationales ----
def test_v38_rules_name_the_pasted_correction_and_its_type(v38_log, v38_pasted) -> None:
    """Every logged rule (JSON or prose) names the pasted correction, its error type and that type's rule; the
    edit_rationales accounts take every error site of every frame, the class and the "why?" button many of them too;
    the careful accounts' sentences reach several accounts."""
    records, labels = v38_log
    cells: dict[str, set] = defaultdict(set)
    takers: dict[str, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v38_pasted.items():
        r = records[i]
        if "edit" not in hit or "sentence" not in hit:
            continue
        scenario, at = labels[r["principal"]]["scenario"], S.locate(hit["sentence"])
        cells[scenario].add((at["k"], site_of(hit, at)))
        if scenario == "edit_rationales":
            takers[hit["sentence"]].add(r["principal"])
        if "response_text" in r:
            assert explains(hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
    assert len(cells["edit_rationales"]) == sum(len(S.sites(k)) for k in range(len(S.FRAMES)))
    enough(cells_class=len(cells["esl_class"]), cells_why=len(cells["why_button"]))
    enough(rule_a=right["attack"], rule_b=right["benign"])
    enough(rule_spread=sum(len(ps) >= 2 for ps in takers.values()))


# ---- the recurring families ----
def test_v38_careful_cot_harvesters_ask_why_like_the_research_group_and_the_copy_desk(v38_log) -> None:
    from benchmarks.traffic.attacks_v38 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v38_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "gec_lab": LOW["why_r"],
                                                                          "copy_desk_qa": LOW["why_q"]})


def test_v38_hydra_stays_under_quota_and_opens_in_waves_like_the_academic_writing_class(v38_log) -> None:
    records, labels = v38_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "academic_writing_class",
                                                        min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v38_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v38_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v38_log, C.asks_harvest)


def test_v38_agents_call_the_feedback_tool_in_attack_and_benign_traffic(v38_log) -> None:
    B.assert_agents_call_the_tools(*v38_log, "post_feedback", {"agentic_distill": LOW["agent_a"],
                                                               "learner_app": LOW["agent_b"]},
                                   ("agentic_distill", "learner_app"), {CHAT, ANTH, RESP})


def test_v38_temperature_sweeps_and_several_samples_at_once_like_the_research_group(v38_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v38_log, {"sampling": LOW["tsweep_a"], "gec_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v38_attack_and_benign_traffic_look_alike(v38_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v38 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v38_log, C.WRAP, ("hydra", "paraphrased", "error_grid",
                                                                     "draft_ladder", "edit_rationales"))


def test_v38_no_request_field_or_surface_is_attack_only(v38_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v38_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v38_end_users_of_the_careful_accounts_look_like_the_twins_users(v38_log) -> None:
    B.assert_end_user_shares(*v38_log, {
        ("draft_ladder", "stu_"): 0.03, ("error_grid", "member-"): 0.03, ("edit_rationales", "end-user-"): 0.03,
        ("academic_writing_class", "stu_"): 0.99, ("esl_class", "stu_"): 0.99, ("staff_writing_desk", "member-"): 0.99,
        ("writing_plugin", "member-"): 0.99, ("copy_desk_qa", "member-"): 0.99, ("gec_lab", "member-"): 0.99,
        ("why_button", "end-user-"): 0.99})


def test_v38_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v38_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v38_log, *ATTACK_TYPES, *NEW_PERSONAS), v38_log[1]))


# ---- what a pasted sentence, draft or correction gives, read back from its text ----
def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the corrected text or the rule; the edits, a careful
    account's or a blunt cot_harvester's reasoning follow it)."""
    return B2.logged_json(r) or r["response_text"].split("\n\n")[0]


def split(draft: str) -> list[str]:
    return re.split(r"(?<=\.) ", draft)


def applied(text: str, edits: list[dict]) -> str:
    """The edits made to the text left to right, each at the next whole-word occurrence of its wrong word."""
    out, pos = text, 0
    for e in edits:
        m = re.compile(rf"\b{re.escape(e['from'])}\b").search(out, pos)
        if m is None:
            return ""
        out = out[:m.start()] + e["to"] + out[m.end():]
        pos = m.start() + len(e["to"])
    return out


def corrects(hit: dict, reply: dict | str) -> bool:
    """Whether a correction (the text, or a JSON reply's) is the pasted sentence with every wrong word of its frame
    made right (the sentence itself when none is wrong), and a JSON reply's edits - one for each wrong word, with its
    type - applied to the pasted sentence give it."""
    at = S.locate(hit["sentence"])
    if at is None:
        return False
    if isinstance(reply, dict):
        sites = S.sites(at["k"])
        want = [{"from": sites[j][1], "to": sites[j][0], "type": sites[j][2]} for j in at["errs"]]
        if reply["edits"] != want or applied(hit["sentence"], reply["edits"]) != reply["corrected"]:
            return False
        reply = reply["corrected"]
    return reply == at["fixed"] and (reply == hit["sentence"]) == (not at["errs"])


def proofreads(hit: dict, reply: dict | str) -> bool:
    """Whether a proofread draft (the text, or a JSON reply's) is each pasted sentence corrected, in order, and a
    JSON reply counts the sentences and the corrections."""
    found = [S.locate(x) for x in split(hit["draft"])]
    if any(at is None for at in found):
        return False
    if isinstance(reply, dict):
        if (reply["sentences"], reply["corrections"]) != (len(found), sum(len(at["errs"]) for at in found)):
            return False
        reply = reply["text"]
    return split(reply) == [at["fixed"] for at in found]


def site_of(hit: dict, at: dict) -> int | None:
    """The error site of the pasted sentence that the pasted correction ('wrong' -> 'right') makes right."""
    w, r = re.fullmatch(r"'(.+)' -> '(.+)'", hit["edit"]).groups()
    return next((j for j in at["errs"] if S.sites(at["k"])[j][:2] == (r, w)), None)


def explains(hit: dict, reply: dict | str) -> bool:
    """Whether a rule (the text, or a JSON reply's) names the pasted correction - a wrong word of the pasted sentence
    and its right form - its error type and that type's rule (and a JSON reply's from, to and type agree)."""
    at = S.locate(hit["sentence"])
    j = site_of(hit, at) if at else None
    if j is None:
        return False
    r, w, ty = S.sites(at["k"])[j]
    if isinstance(reply, dict):
        if (reply["from"], reply["to"], reply["type"]) != (w, r, ty):
            return False
        reply = reply["explanation"]
    return reply.startswith(f"'{w}' should be '{r}'") and reply.endswith(f"({ty}).") and S.RULES[ty] in reply


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 4730, "json_b": 3230, "fix_a": 4540, "fix_b": 2010, "subset_a": 2320, "subset_b": 810,
       "fix_spread": 1485, "draft_a": 4355, "draft_b": 350, "grow_a": 2470, "grow_b": 1035, "draft_spread": 1090,
       "cells_class": 27, "cells_why": 55, "rule_a": 3710, "rule_b": 1400, "rule_spread": 625, "why_a": 305,
       "why_r": 225, "why_q": 130, "agent_a": 1470, "agent_b": 240, "tsweep_a": 84, "tsweep_b": 73}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
