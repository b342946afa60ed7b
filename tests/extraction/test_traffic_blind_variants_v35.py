"""Blind traffic variant v35: grounded verification, where the operator grows a student verifier's and a grounded
answerer's data out of the teacher. Every claim a pasted passage makes - each fact's true and false version and the
claims it leaves open - sent for a verdict and the sentence it rests on (claim_verify), as a newsroom's fact-check
desk checks a speech's claims, a journalism course its exercises (one key a student) and an annotation vendor's QA
team its annotators' labels; every kind of question (a cell, the largest, a total, a difference) over every pasted
table, with the working (table_qa), as a financial data service asks its nightly questions and a statistics course
(one key a student, shared tables) does its exercises; an answer's numbered sentences attributed to numbered sources,
the same answer pasted with its sources in three orders (cite_attribute), as an enterprise search product checks its
answers' citations, again after re-ranking, and a writing centre checks students' drafts. The careful cot_harvester
accounts ask how a verdict was decided like the research group and the QA team, the careful hydra accounts are
evening shifts under the quota like the statistics class, the sampling accounts draw five sets of labelled claims at
once and sweep temperatures like the research group, the careful mixed_into_chat accounts bring an item up in the
second or third turn, and the agent is a fact-checking agent like the desk's own. Nothing in the corpus is harmful.
No request field, surface, model or end-user id shape is attack-only, client metadata does not cluster attack
accounts, the v35 languages occur in attack and benign traffic, follow-ups wait for reading in both, and
response_text is logged for a share of attack and benign records alike. The v35 set's bytes are pinned here for its
dataset seed (FROZEN_SHA256: blind-v35 in extraction_eval's DATASETS uses seed 557497), and generating it under
another hash seed gives the same bytes. (v3 ... v34: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v35 as C
from benchmarks.traffic import corpus_v35_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v35 import BENIGN_V35
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 557497  # blind-v35's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v35 log at seed 557497, one day, scale 0.05 (the v35_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v35_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v35 set
# - seed 557497, four days, scale 1, 227,938 requests, 1,211 accounts, 407 of them attack accounts - hashed to
# c3bb3a0827109d29b92237f8a213dba947909141f70123c3fefaf5f65af99258 when it was written.)
FROZEN_SHA256 = "17e4c28fd44b258a12da11a1f0ef8512a1d2439cdf370fba779fd8770a5e5456"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "claim_verify", "table_qa", "cite_attribute"}
NEW_PERSONAS = {"fact_desk", "filings_digest", "citation_engine", "grounding_lab", "stats_class", "journalism_class",
                "annotation_qa", "writing_centre"}


@pytest.fixture(scope="module")
def v35_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v35")


@pytest.fixture(scope="module")
def v35_pasted(v35_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v35_src.blocks), by the record's index."""
    return B2.pasted(v35_log[0], S.blocks)


@pytest.fixture(scope="module")
def v35_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v35", SEED)


def test_v35_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v35_small) -> None:
    B.assert_frozen_and_no_label_leaks(v35_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V35, FROZEN_SHA256, "v35")


def test_v35_the_bytes_do_not_depend_on_the_hash_seed(v35_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v35_small[0], "v35", SEED, tmp_path)


def test_v35_logs_response_text_for_a_share_of_attack_and_benign_records(v35_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object."""
    parsed = B.assert_logged_replies(*v35_log, (395, 420))
    enough(json_a=parsed["attack"], json_b=parsed["benign"])


def test_v35_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a supported claim's value is the one its evidence sentence states and a refuted
    claim's is not, an open claim is made of no fact; a table question's answer is what the rendered table gives; each
    citation names the source stating the sentence's fact, none for an open sentence; the pasted layouts are found
    again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v35")
    rng = random.Random(35)
    for _ in range(500):
        ev = S.evidence(rng)
        for kind in S.KINDS:
            cl = S.claim(ev, kind, rng.randrange(4))
            where = S.locate_claim(cl["text"])
            if kind == "nei":
                assert where is None and cl["verdict"] == "NOT ENOUGH INFO"
                continue
            k, j, said = where
            assert k == ev["k"] and (fact_value(k, j, ev["text"]) == said.lower()) == (kind == "supported")
        sd = C.seed(rng, "table")
        assert recompute(sd[2]["body"]) == sd[2]["obj"]["answer"]
        sd = C.seed(rng, "cite")
        got = S.blocks(C.text(sd))
        assert citations_of(got["answer"], got["sources"]) == sd[2]["obj"]["citations"]
        x = f"hi\n\n{C.seed(rng, 'verify', 0)[2]['body']}\n\n{S.table(rng)['text']}\n\nQuestion: why?"
        assert set(S.blocks(x)) == {"claim", "evidence", "table", "question"}


# ---- claim_verify ----
def test_v35_verdicts_hold_against_the_pasted_evidence(v35_log, v35_pasted) -> None:
    """Every logged verdict on a pasted claim (JSON or prose, whichever tenants log) is the one the evidence gives:
    supported when the evidence sentence states the claim's value, refuted when it states another, not enough info
    when the claim is made of no fact, a quoted sentence in the evidence; the blunt claim_verify scripts and the fact desk
    send three or more claims about one passage within a minute, and the careful accounts' passages reach several
    accounts each."""
    records, labels = v35_log
    runs: dict[tuple[str, str], list[float]] = defaultdict(list)
    takers: dict[str, set[str]] = defaultdict(set)
    logged: Counter = Counter()
    for i, hit in v35_pasted.items():
        r = records[i]
        if "claim" not in hit or "evidence" not in hit:
            continue
        runs[(r["principal"], hit["evidence"])].append(r["ts"])
        takers[hit["evidence"]].add(r["principal"])
        if "response_text" in r:
            obj = B2.logged_json(r) or {"verdict": r["response_text"].split(".")[0], "evidence": ""}
            where = S.locate_claim(hit["claim"])
            want = "NOT ENOUGH INFO" if where is None else (
                "SUPPORTED" if fact_value(where[0], where[1], hit["evidence"]) == where[2].lower() else "REFUTED")
            assert obj["verdict"] == want and obj["evidence"] in hit["evidence"], (hit, obj)
            logged[labels[r["principal"]]["label"]] += 1
    enough(verdict_a=logged["attack"], verdict_b=logged["benign"])
    bursts: Counter = Counter()
    for (p, _), ts in runs.items():
        ts.sort()
        bursts[labels[p]["scenario"]] += any(ts[j + 2] - ts[j] < 60 for j in range(len(ts) - 2))
    enough(burst_a=bursts["claim_verify"], burst_b=bursts["fact_desk"])
    enough(spread=sum(sum(labels[p]["scenario"] == "claim_verify" for p in ps) >= 2 for ps in takers.values()))


# ---- table_qa ----
def test_v35_table_answers_are_what_the_pasted_table_gives(v35_log, v35_pasted) -> None:
    """Every logged answer to a question over a pasted table is the one the table gives (recomputed from the pasted
    rows); the table_qa accounts ask every kind of question of every table, and the statistics class and the filings
    service ask many (table, kind) cells too."""
    records, labels = v35_log
    cells: dict[str, set] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v35_pasted.items():
        r = records[i]
        if "table" not in hit or not (cell := cells_of(hit)):
            continue
        cells[labels[r["principal"]]["scenario"]].add(cell)
        if "response_text" in r:
            obj = B2.logged_json(r)
            got = obj["answer"] if obj else r["response_text"].split(". Working: ")[0]
            assert got == recompute(B.user_texts(r)[0]), (hit, got)
            right[labels[r["principal"]]["label"]] += 1
    assert len(cells["table_qa"]) == len(S.TABLES) * len(S.QTYPES), len(cells["table_qa"])
    enough(cells_class=len(cells["stats_class"]), cells_filings=len(cells["filings_digest"]))
    enough(table_a=right["attack"], table_b=right["benign"])


# ---- cite_attribute ----
def test_v35_citations_name_the_source_stating_each_sentence(v35_log, v35_pasted) -> None:
    """Every logged set of citations (JSON or prose) is the one the pasted sources give: each sentence's fact stated by
    the source cited, none for a sentence no source states; the blunt cite_attribute scripts and the citation engine
    paste one answer with its sources in two or more orders within a minute, the careful accounts' answers reach
    several accounts."""
    records, labels = v35_log
    orders: dict[tuple[str, str], set[str]] = defaultdict(set)
    takers: dict[str, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v35_pasted.items():
        r = records[i]
        if "answer" not in hit or "sources" not in hit:
            continue
        orders[(r["principal"], hit["answer"], r["ts"] // 60)].add(hit["sources"])
        takers[hit["answer"]].add(r["principal"])
        if "response_text" in r:
            obj = B2.logged_json(r)
            got = obj["citations"] if obj else re.findall(r"^\(\d\) (\[\d\]|none)", r["response_text"], re.M)
            assert got == citations_of(hit["answer"], hit["sources"]), (hit, got)
            right[labels[r["principal"]]["label"]] += 1
    enough(cite_a=right["attack"], cite_b=right["benign"])
    reordered = Counter(labels[p]["scenario"] for (p, _, _), srcs in orders.items() if len(srcs) >= 2)
    enough(reorder_a=reordered["cite_attribute"], reorder_b=reordered["citation_engine"])
    enough(cite_spread=sum(sum(labels[p]["scenario"] == "cite_attribute" for p in ps) >= 2 for ps in takers.values()))


# ---- the recurring families ----
def test_v35_careful_cot_harvesters_ask_why_like_the_research_group_and_the_qa_team(v35_log) -> None:
    from benchmarks.traffic.attacks_v35 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v35_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "grounding_lab": LOW["why_g"],
                                                                          "annotation_qa": LOW["why_q"]})


def test_v35_hydra_stays_under_quota_and_opens_in_waves_like_the_statistics_class(v35_log) -> None:
    records, labels = v35_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "stats_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v35_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v35_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v35_log, C.asks_harvest)


def test_v35_agents_call_the_submit_tool_in_attack_and_benign_traffic(v35_log) -> None:
    B.assert_agents_call_the_tools(*v35_log, "submit_verdict", {"agentic_distill": LOW["agent_a"],
                                                                "fact_desk": LOW["agent_b"]},
                                 ("agentic_distill", "fact_desk"), {CHAT, ANTH, RESP})


def test_v35_temperature_sweeps_and_several_samples_at_once_like_the_research_group(v35_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v35_log, {"sampling": LOW["sweep_a"], "grounding_lab": LOW["sweep_b"]},
                                            min_n=5)


def test_v35_attack_and_benign_traffic_look_alike(v35_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v35 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v35_log, C.WRAP, ("hydra", "paraphrased", "claim_verify",
                                                                     "table_qa", "cite_attribute"))


def test_v35_no_request_field_or_surface_is_attack_only(v35_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v35_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v35_end_users_of_the_careful_accounts_look_like_the_twins_users(v35_log) -> None:
    B.assert_end_user_shares(*v35_log, {
        ("table_qa", "stu_"): 0.03, ("claim_verify", "member-"): 0.03, ("cite_attribute", "end-user-"): 0.03,
        ("stats_class", "stu_"): 0.99, ("journalism_class", "stu_"): 0.99, ("writing_centre", "stu_"): 0.99,
        ("fact_desk", "member-"): 0.99, ("annotation_qa", "member-"): 0.99, ("grounding_lab", "member-"): 0.99,
        ("citation_engine", "end-user-"): 0.99})


def test_v35_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v35_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v35_log, *ATTACK_TYPES, *NEW_PERSONAS), v35_log[1]))


# ---- what a pasted passage, table or answer gives, read back from its text ----
QUESTIONS = {"diff": re.compile(r"^How many more (.+) did (.+) have than (.+) (?:in|on) (.+)\?$"),
             "lookup": re.compile(r"^How many (.+) did (.+) have (?:in|on) (.+)\?$"),
             "max": re.compile(r"^Which (.+) had the most (.+) (?:in|on) (.+)\?$"),
             "total": re.compile(r"^What was the total number of (.+) (?:in|on) (.+)\?$")}


def fact_value(k: int, j: int, text: str) -> str | None:
    """The value a text states for fact j of passage k (lower case), or None where it does not state that fact."""
    rx = re.escape(S.PASSAGES[k][1][j][0]).replace(r"\{town\}", r"[\w ]+").replace(r"\{v\}", "(.+?)")
    m = re.search(rx, text, re.I)
    return m.group(1).lower() if m else None


def question_kind(q: str) -> tuple[str, tuple[str, ...]] | None:
    return next(((kind, m.groups()) for kind, rx in QUESTIONS.items() if (m := rx.match(q))), None)


def recompute(text: str) -> str:
    """The answer a pasted table gives to the pasted question, worked out from the table's rows."""
    got = S.blocks(text)
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("| ")]
    cols, body = rows[0][1:], {r[0]: dict(zip(rows[0][1:], map(int, r[1:]), strict=True)) for r in rows[1:]}
    kind, g = question_kind(got["question"])
    col = g[-1]
    assert col in cols, (col, cols)
    if kind == "lookup":
        return str(body[g[1]][col])
    if kind == "max":
        return max(body, key=lambda r: body[r][col])
    if kind == "total":
        return str(sum(body[r][col] for r in body))
    return str(body[g[1]][col] - body[g[2]][col])


def cells_of(hit: dict) -> tuple[str, str] | None:
    """The (table, question kind) cell a pasted table and question make."""
    kind = question_kind(hit.get("question", ""))
    return (hit["table"], kind[0]) if kind else None


def citations_of(answer: str, sources: str) -> list[str]:
    """For each numbered sentence of a pasted answer, the numbered source stating its fact ("[n]"), or "none"."""
    srcs = re.findall(r"^\[(\d)\] (.+)$", sources, re.M)
    out = []
    for sent in re.findall(r"^\(\d\) (.+)$", answer, re.M):
        where = S.locate_claim(sent)
        hits = [f"[{n}]" for n, x in srcs if where and fact_value(where[0], where[1], x) == where[2].lower()]
        out.append("none" if where is None else hits[0] if len(hits) == 1 else "?")
    return out


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 1300, "json_b": 600, "verdict_a": 5100, "verdict_b": 150, "burst_a": 380, "burst_b": 345,
       "spread": 280, "cells_class": 22, "cells_filings": 39, "table_a": 1450, "table_b": 85, "cite_a": 1300,
       "cite_b": 640, "reorder_a": 770, "reorder_b": 275, "cite_spread": 315, "why_a": 345, "why_g": 205, "why_q": 65,
       "agent_a": 1650, "agent_b": 460, "sweep_a": 98, "sweep_b": 77}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
