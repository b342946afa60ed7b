"""Blind traffic variant v33: synthetic-instruction and retrieval data, where the operator grows its student's
instruction set and its retriever's training data out of the teacher. Instruction-evolution chains - an instruction
pasted with one method's ask for a harder version, what comes back pasted again, the evolved instructions later asked
by themselves (evol_instruct) - as a teacher-training college writes harder versions of past-paper questions and then
their model answers, and a prompt consultancy makes its clients' prompts more specific one change at a time and runs
each at three temperatures; a schema pasted with a question for its SQL and an explanation (text_to_sql), as a BI tool
turns its analysts' questions into SQL at volume, a database course's students (one key each, a shared exercise bank)
work their lab sheets and a hackathon's teams build demos; a passage pasted for the search queries it answers, often
in several samples at once, and queries labelled against passages (query_gen), as a search team grows its query logs
and filters them with a yes/no relevance model, a shop's catalogue team writes the queries shoppers type, a
documentation site regenerates its "related questions" every night and a RAG team labels what its retriever found.
The careful cot_harvester accounts ask how a result was reached like the college and the consultancy, the careful
hydra accounts are evening shifts under the quota like the course, and the hackathon's keys open in waves as the
shifts do; the sampling accounts draw five sets of queries at once and sweep temperatures like the search team and
the consultancy, the careful mixed_into_chat accounts bring an item up in the second or third turn, and the agent is
an analytics agent like the BI tool's own. Nothing in the corpus is harmful. No request field, surface, model or
end-user id shape is attack-only, client metadata does not cluster attack accounts, the v33 languages occur in attack
and benign traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack and benign
records alike. The v33 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v33 in extraction_eval's
DATASETS uses seed 471936), and generating it under another hash seed gives the same bytes. (v3 ... v32:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v33 as C
from benchmarks.traffic import corpus_v33_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v33 import BENIGN_V33
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 471936  # blind-v33's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v33 log at seed 471936, one day, scale 0.05 (the v33_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v33_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v33 set
# - seed 471936, four days, scale 1, 243,200 requests, 1,265 accounts, 407 of them attack accounts - hashed to
# 50be97a157c0124ed9f7138e428507113b6a594677ff7c32849f383dd79100e3 when it was written.)
FROZEN_SHA256 = "c94847595091cb8d62c8a13e8a8a0c82550755500eed47c66cad9c87a059f740"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "evol_instruct", "text_to_sql", "query_gen"}
NEW_PERSONAS = {"exam_college", "prompt_lab", "bi_tool", "search_augment", "sql_course", "catalogue_search",
                "hackathon", "docs_related", "rag_eval"}
FENCED = re.compile(r"```sql\n(.*?)\n```", re.S)  # a prose reply's SQL
COUNT = re.compile(r"\b(\d+) (?:likely )?(?:search queries|questions)\b")  # how many queries a request asks for
PARENT = re.compile(r"^(.*[.?]) [A-Z][^.?]*[.?]$")  # an evolved instruction: its parent, then one added sentence


@pytest.fixture(scope="module")
def v33_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v33")


@pytest.fixture(scope="module")
def v33_pasted(v33_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v33_src.blocks), by the record's index."""
    return B2.pasted(v33_log[0], S.blocks)


@pytest.fixture(scope="module")
def v33_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v33", SEED)


def test_v33_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v33_small) -> None:
    B.assert_frozen_and_no_label_leaks(v33_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V33, FROZEN_SHA256, "v33")


def test_v33_the_bytes_do_not_depend_on_the_hash_seed(v33_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v33_small[0], "v33", SEED, tmp_path)


def test_v33_logs_response_text_for_a_share_of_attack_and_benign_records(v33_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object."""
    parsed = B.assert_logged_replies(*v33_log, (395, 420))
    assert parsed["attack"] >= 3000 and parsed["benign"] >= 450, parsed


def test_v33_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; every evolution keeps its parent word for word and adds one sentence, down a
    whole chain; every question's SQL names the tables of its own schema only, as the pasted schema is found again;
    a passage answers each of its queries and is labelled relevant to them, partially relevant to its near query and
    not relevant to another passage's; the pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v33")
    rng = random.Random(33)
    seen: Counter = Counter()
    for _ in range(1500):
        steps = S.chain(rng, rng.randint(1, 5), rng.choice(S.INSTRUCTION_DOMAINS))
        for (parent, _, child), nxt in zip(steps, steps[1:] + [None], strict=True):
            assert PARENT.match(child).group(1) == parent, (parent, child)
            assert nxt is None or nxt[0] == child
        case = S.sql_case(rng)
        laid = f"hi\n\n{S.sql_layout(case, (rng.choice(S.SCHEMA_HEADS), rng.choice(S.QUESTION_HEADS)))}\nthanks"
        found = S.blocks(laid)
        assert found == {"question": case["question"], "tables": list(case["tables"])}, found
        assert S.tables_used(case["sql"]) and S.tables_used(case["sql"]) <= set(found["tables"]), case
        inst = S.passage(rng)
        k = rng.randint(1, 4)
        assert len(set(S.queries(rng, inst, k))) == k
        assert all(S.relevance(inst, q) == "relevant" for q in inst["queries"])
        assert S.relevance(inst, inst["near"]) == "partially relevant"
        other = S.passage(rng, (inst["topic"] + 1) % len(S.PASSAGES))
        assert all(S.relevance(inst, q) == "not relevant" for q in other["queries"])
        x = f"Query: {inst['near']}\n\n{rng.choice(S.PASSAGE_HEADS)}: {inst['text']}"
        assert S.blocks(x) == {"query": inst["near"], "passage": inst["text"]}
        seen[(case["db"], case["type"])] += 1
        seen[inst["topic"]] += 1
    assert len(seen) == len(S.DOMAINS) * len(S.QUESTIONS) + len(S.PASSAGES)


def test_v33_no_request_field_or_surface_is_attack_only(v33_log) -> None:
    """Attack traffic uses the fields of data generation (JSON schemas on chat and Responses, n with logprobs, cached
    system blocks, reasoning, tools, previous_response_id, end-user ids), and benign traffic uses every field and
    surface attack traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v33_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


# ---- evol_instruct ----
def test_v33_evolved_instructions_embed_their_parents_and_are_asked_later(v33_log, v33_pasted) -> None:
    """Every logged reply to a pasted instruction (JSON or prose, whichever tenants log) is that instruction word for
    word with one sentence added; the blunt evol_instruct scripts paste what came back within seconds, three steps a
    chain, as the college now and then makes its own harder version harder; and the evolved instructions are asked
    later by themselves - by the evol_instruct accounts that made them, by the college for a model answer, by the
    consultancy to try the new prompt."""
    records, labels = v33_log
    embedded: Counter = Counter()
    for i, hit in v33_pasted.items():
        r = records[i]
        if "instruction" in hit and "response_text" in r:
            obj = B2.logged_json(r)
            child = obj["instruction"] if obj else r["response_text"].split("\n\n")[0]
            assert (m := PARENT.match(child)) and m.group(1) == hit["instruction"], (hit["instruction"], child)
            embedded[labels[r["principal"]]["label"]] += 1
    assert embedded["attack"] >= 1700 and embedded["benign"] >= 150, embedded
    made: dict[str, dict[str, float]] = defaultdict(dict)  # account -> the instructions it pasted, first when
    asks = []
    for r in records:
        if (texts := B.user_texts(r)) and "instruction" in (hit := S.blocks(texts[0])):
            made[r["principal"]].setdefault(hit["instruction"], r["ts"])
        elif texts and not C.asks_harvest(texts[0]) and (m := PARENT.match(texts[0].split("\n\n")[-1])):
            asks.append((r, m.group(1)))
    chained: Counter = Counter()
    for p, parents in made.items():
        for x, t in parents.items():
            if (m := PARENT.match(x)) and m.group(1) in parents:
                chained[(labels[p]["scenario"], t - parents[m.group(1)] < 60)] += 1
    assert chained[("evol_instruct", True)] >= 800 and chained[("exam_college", False)] >= 20, chained
    asked = Counter(labels[r["principal"]]["scenario"] for r, parent in asks
                    if made[r["principal"]].get(parent, r["ts"]) < r["ts"])
    for scenario, lo in (("evol_instruct", 2600), ("exam_college", 45), ("prompt_lab", 150)):
        assert asked[scenario] >= lo, (scenario, asked)


# ---- text_to_sql ----
def test_v33_sql_replies_name_only_the_pasted_schemas_tables(v33_log, v33_pasted) -> None:
    """Every logged reply to a pasted schema and question (JSON or a fenced block) names at least one table, and only
    tables that schema creates, in attack and benign traffic; the blunt text_to_sql scripts send four or more
    questions over one schema within a minute, as the BI tool's dashboards do."""
    records, labels = v33_log
    named: Counter = Counter()
    batches: dict[tuple[str, tuple], list[float]] = defaultdict(list)
    for i, hit in v33_pasted.items():
        r = records[i]
        if "tables" not in hit:
            continue
        batches[(r["principal"], tuple(hit["tables"]))].append(r["ts"])
        if "response_text" in r:
            obj = B2.logged_json(r)
            sql = obj["sql"] if obj else FENCED.search(r["response_text"]).group(1)
            assert S.tables_used(sql) and S.tables_used(sql) <= set(hit["tables"]), (hit["tables"], sql)
            named[labels[r["principal"]]["label"]] += 1
    assert named["attack"] >= 3200 and named["benign"] >= 70, named
    bursts: Counter = Counter()
    for (p, _), ts in batches.items():
        ts.sort()
        bursts[labels[p]["scenario"]] += sum(
            ts[j + 3] - ts[j] < 60 and (j == 0 or ts[j] - ts[j - 1] > 60) for j in range(len(ts) - 3))
    assert bursts["text_to_sql"] >= 750 and bursts["bi_tool"] >= 170, bursts


# ---- query_gen ----
def test_v33_generated_queries_come_as_many_as_asked_and_labels_quote_the_passage(v33_log, v33_pasted) -> None:
    """Every logged reply to a pasted passage and an ask for k queries holds n samples (the request's n) of exactly k
    queries (JSON or numbered lines), each sharing a word with the passage; every logged relevance label (JSON or
    prose) is one of the three and quotes a sentence of the pasted passage, and every yes/no check is one token; n > 1
    and the yes/no checks with logprobs come from attack and benign accounts."""
    records, labels = v33_log
    counted: Counter = Counter()
    several: Counter = Counter()
    for i, hit in v33_pasted.items():
        r = records[i]
        if "passage" not in hit or "query" in hit:
            continue
        n = r["request"].get("n") or 1
        several[labels[r["principal"]]["label"]] += n > 1
        if "response_text" not in r or not (k := COUNT.search(B.user_texts(r)[0])):
            continue
        obj = B2.logged_json(r)
        samples = [obj["queries"]] if obj else [[line.split(". ", 1)[1] for line in s.split("\n\n")[0].split("\n")]
                                                for s in r["response_text"].split("\n\n---\n\n")]
        assert len(samples) == n and all(len(s) == int(k.group(1)) for s in samples), (n, k.group(0), samples)
        words = set(re.findall(r"\w{4,}", hit["passage"].lower()))
        assert all(words & set(re.findall(r"\w{4,}", q.lower())) for s in samples for q in s), samples
        counted[labels[r["principal"]]["label"]] += 1
    assert counted["attack"] >= 1150 and counted["benign"] >= 380, counted
    assert several["attack"] >= 2000 and several["benign"] >= 480, several
    checks: Counter = Counter()
    for i, hit in v33_pasted.items():
        r = records[i]
        if "query" not in hit or "passage" not in hit:
            continue
        if r["request"].get("max_tokens") == 1:
            checks[labels[r["principal"]]["label"]] += bool(r["request"].get("logprobs"))
            assert r.get("response_text", "yes") in ("yes", "no")
        elif "response_text" in r:
            obj = B2.logged_json(r)
            label, reason = (obj["label"], obj["reason"]) if obj else r["response_text"].split("\n\n")[0].split(". ", 1)
            assert label.lower() in S.LABELS and reason.split(": ", 1)[1] in hit["passage"], r["response_text"]
    assert checks["attack"] >= 2100 and checks["benign"] >= 600, checks


# ---- the recurring families ----
def test_v33_careful_cot_harvesters_ask_how_like_the_college_and_the_consultancy(v33_log) -> None:
    """The careful pair ask how a result was reached (C.WHY_ASKS), as the college's tutors and the consultancy's
    consultants do; the blunt pair ask for everything reasoned through at high effort or a maxed budget."""
    from benchmarks.traffic.attacks_v33 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v33_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": 400, "exam_college": 90,
                                                                          "prompt_lab": 40})


def test_v33_hydra_stays_under_quota_and_opens_in_waves_like_the_course_and_the_hackathon(v33_log) -> None:
    """Under 30 requests a key in any UTC day, shifts opening over the window, 60+ keys with thinking or reasoning;
    each student key of the SQL course within its quota of 25; the hackathon's team keys open on two mornings, a good
    share of them after the window's first day, under 25 requests a UTC day each."""
    records, labels = v33_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "sql_course", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60
    first, peak = B2.first_days(records, labels, "hackathon")
    assert len(first) >= 2 and sum(n for d, n in first.items() if d >= 1) >= 5 and max(peak.values()) <= 25, first


def test_v33_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v33_log) -> None:
    """Four keys run nightly jobs (questions for JSON SQL, passages for queries and a label); the others bring an
    item of the four capabilities up in the second or third turn."""
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v33_log, C.asks_harvest)


def test_v33_agents_call_the_query_tool_in_attack_and_benign_traffic(v33_log) -> None:
    B.assert_agents_call_the_tools(*v33_log, "run_query", {"agentic_distill": 500, "bi_tool": 50},
                                 ("agentic_distill", "bi_tool"), {CHAT, ANTH, RESP})


def test_v33_temperature_sweeps_and_several_samples_at_once_like_the_search_team(v33_log) -> None:
    """The moderate sampling accounts send one item at three temperatures within minutes, the search team a tenth of
    its nightly passages at three; the blunt sampling accounts take five sets of queries at once with logprobs, the
    search team five on a fifth of its passages."""
    B.assert_temperature_sweeps_and_batches(*v33_log, {"sampling": 100, "search_augment": 20}, min_n=5)


def test_v33_attack_and_benign_traffic_look_alike(v33_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v33 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v33_log, C.WRAP, ("hydra", "paraphrased", "evol_instruct",
                                                                     "text_to_sql", "query_gen"))


def test_v33_end_users_of_the_careful_accounts_look_like_the_twins_users(v33_log) -> None:
    """The careful text_to_sql accounts name their users as the SQL course does (stu_{h}); the careful evol_instruct
    and query_gen accounts as the college, the BI tool, the catalogue team and the RAG team (member-{n}); the
    hackathon's demos and the docs assistant as end-user-{n}."""
    B.assert_end_user_shares(*v33_log, {
        ("text_to_sql", "stu_"): 0.05, ("evol_instruct", "member-"): 0.05, ("query_gen", "member-"): 0.03,
        ("sql_course", "stu_"): 0.99, ("exam_college", "member-"): 0.99, ("bi_tool", "member-"): 0.99,
        ("catalogue_search", "member-"): 0.99, ("rag_eval", "member-"): 0.99, ("hackathon", "end-user-"): 0.2,
        ("docs_related", "end-user-"): 0.5})


def test_v33_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v33_log) -> None:
    """In the v33 scenarios' conversations (the shared benign population's aside), attack and benign alike."""
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v33_log, *ATTACK_TYPES, *NEW_PERSONAS), v33_log[1]))
