"""Blind traffic variant v32: preference and reward data, where the operator builds a reward model or a DPO set for
its student and harvests the teacher as a judge and as a pair of rivals. Which of two replies to a question is better,
by how much and why - as JSON or prose, most pairs sent twice with the replies swapped to cancel position bias
(pair_judge) - as a chatbot company judges its production and candidate models on sampled conversations, an
LLM-as-judge service runs its customers' fixed suites both ways round every night, and a course on evaluating AI (one
key per student, a shared annotation bank) labels pairs and checks some both ways; a subtly worse version of a good
answer, one sentence changed (rejected_writer), as a language app writes a sentence with one learner's mistake and a
debating society asks for a weaker argument with one flaw; 4-8 replies ranked best to worst with per-criterion
scores (rank_n), as a search team's raters rank answer snippets, a hiring platform ranks applicants' answers and a
writing contest's judges rank entries; and a support team scores its agents' replies on a rubric. The careful
cot_harvester accounts ask why one reply beats the other like the debating society and the course, the careful hydra
accounts are evening shifts under the quota like the course, the sampling accounts draw five verdicts at once and
sweep temperatures like the judge service, the careful mixed_into_chat accounts bring two replies to compare up in
the second or third turn, and the agent is an evaluation agent like the judge service's own. Nothing in the corpus is
harmful (the slips are everyday mistakes). No request field, surface, model or end-user id shape is attack-only,
client metadata does not cluster attack accounts, the v32 languages occur in attack and benign traffic, follow-ups
wait for reading in both, and response_text is logged for a share of attack and benign records alike. The v32 set's
bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v32 in extraction_eval's DATASETS uses seed
447454), and generating it under another hash seed gives the same bytes. (v3 ... v31:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic import corpus_v32 as C
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v32 import BENIGN_V32
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

VERDICT = re.compile(r"^[A-Z][a-z]+ ([A-H1-8]) is better")  # a prose verdict's opening: the winner's label
RANKED = re.compile(r"^\d+\. [A-Z][a-z]+ ([A-H1-8]) \(", re.M)  # a prose ranking's lines: each candidate's label
SEED = 447454  # blind-v32's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v32 log at seed 447454, one day, scale 0.05 (the v32_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v32_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v32 set
# - seed 447454, four days, scale 1, 248,006 requests, 1,198 accounts, 407 of them attack accounts - hashed to
# 2606c7b7d75aeacd3ef0aabefed434f64e604a06c876fc3155335e8027b0c48e when it was written.)
FROZEN_SHA256 = "bdb67450ffe9a5edb332eeb99fdc7419cd1fbbdc2f539bfa3b5665c30a67b9b3"


@pytest.fixture(scope="module")
def v32_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v32")


@pytest.fixture(scope="module")
def pasted(v32_log) -> dict[int, tuple[str | None, dict[str, str]]]:
    """The question and labelled candidates (corpus_v32_src.blocks) each single-turn record's user text pastes, by the
    record's index (records that paste none left out)."""
    return B2.pasted(v32_log[0], lambda text: hit if (hit := S.blocks(text))[1] else None)


@pytest.fixture(scope="module")
def v32_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v32", SEED)


ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "pair_judge", "rejected_writer", "rank_n"}
NEW_PERSONAS = {"ab_platform", "judge_saas", "search_relevance", "contest_judge", "support_qa", "lang_app",
                "debate_coach", "hiring_compare", "judging_course"}


def test_v32_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v32_small) -> None:
    B.assert_frozen_and_no_label_leaks(v32_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V32, FROZEN_SHA256, "v32")


def test_v32_the_bytes_do_not_depend_on_the_hash_seed(v32_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v32_small[0], "v32", SEED, tmp_path)


def test_v32_logs_response_text_for_a_share_of_attack_and_benign_records(v32_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object."""
    parsed = B.assert_logged_replies(*v32_log, (395, 420))
    assert parsed["attack"] >= 1000 and parsed["benign"] >= 800, parsed


def one_place(a: str, b: str) -> bool:
    """b is a with exactly one sentence changed."""
    sa, sb = S.sentences(a), S.sentences(b)
    return len(sa) == len(sb) and sum(x != y for x, y in zip(sa, sb, strict=True)) == 1


def one_word_or_phrase(a: str, b: str) -> bool:
    """b is a with one run of words changed."""
    ops = difflib.SequenceMatcher(None, a.split(), b.split()).get_opcodes()
    return sum(tag != "equal" for tag, *_ in ops) == 1


def test_v32_items_and_candidates_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a rejected version differs from the good answer in exactly one sentence and a
    learner's mistaken sentence from the correct one in one word or phrase; a verdict names the same reply whichever
    way round the pair is shown, and the better-scored one; a ranking names every candidate once, the good answer
    first; the layout is found again in any text, the question and every candidate."""
    from benchmarks.traffic.corpus_v32_jobs import learner_sentence

    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v32")
    rng = random.Random(32)
    seen: Counter = Counter()
    for _ in range(1500):
        inst = S.instance(rng)
        good = " ".join(S.good_lines(inst))
        worse, at, _ = S.rejected(rng, inst)
        assert one_place(good, worse) and S.sentences(good)[at] != S.sentences(worse)[at], (good, worse)
        right, wrong, _ = learner_sentence(rng)
        assert right != wrong and one_word_or_phrase(right, wrong), (right, wrong)
        a, b = S.pair(rng, inst)
        v1, v2 = S.verdict(a, b)["winner"], S.verdict(b, a)["winner"]
        assert {v1, v2} == {"A", "B"} and (a, b)[v1 == "B"] is max((a, b), key=S.total)
        cands = S.field(rng, inst, rng.randint(4, 8))
        labels = S.names("Candidate", len(cands))
        ranked = S.ranking(cands, labels)["ranking"]
        assert sorted(ranked) == sorted(lab[-1] for lab in labels)
        assert cands[labels.index(f"Candidate {ranked[0]}")]["kind"] == "good"
        assert RANKED.findall(S.prose_ranking(cands, labels)) == ranked
        x = f"hi\n\n{S.layout(S.question(inst), [c['text'] for c in cands], labels)}\nthanks"
        assert S.blocks(x) == (S.question(inst), {lab[-1]: c["text"] for lab, c in zip(labels, cands, strict=True)})
        seen[(inst["domain"], inst["topic"])] += 1
    assert len(seen) == len(S.TOPICS)


# ---- request fields and surfaces ----
def test_v32_no_request_field_or_surface_is_attack_only(v32_log) -> None:
    """Attack traffic uses the fields of preference harvesting (JSON schemas on chat and Responses, n with logprobs,
    cached system blocks, reasoning, tools, previous_response_id, end-user ids), and benign traffic uses every field
    and surface attack traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v32_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


# ---- pair_judge ----
def winner(r: dict, cands: dict[str, str]) -> str | None:
    """The text of the reply a logged verdict names (JSON winner, or "<Head> <label> is better ...")."""
    obj = B2.logged_json(r)
    if obj is not None:
        return cands.get(obj.get("winner", ""))
    m = VERDICT.match(r.get("response_text", ""))
    return cands.get(m.group(1)) if m else None


def test_v32_pairs_are_judged_both_ways_round_in_attack_and_benign_traffic(v32_log, pasted) -> None:
    """A key sends the same pair again with the replies swapped - the blunt pair_judge scripts seconds apart, the
    moderate ones hours apart, the mixed_into_chat jobs at night, as the A/B platform, the judge service, the search
    raters, the hiring platform and the course's students do - and a logged verdict on either order names the same
    reply; the judge service sends its customers' suites again night after night; the careful pair_judge accounts'
    pairs reach two accounts, the second with the replies the other way round."""
    records, labels = v32_log
    sent: dict[tuple, list[int]] = defaultdict(list)
    for i, (q, cands) in pasted.items():
        if len(cands) == 2:
            sent[(records[i]["principal"], q, *cands.values())].append(i)
    swapped: Counter = Counter()
    agree: Counter = Counter()
    for (p, q, a, b), idx in sent.items():
        back = sent.get((p, q, b, a))
        if not back or a > b:
            continue
        swapped[labels[p]["scenario"]] += 1
        names = {winner(records[i], pasted[i][1]) for i in idx + back if "response_text" in records[i]} - {None}
        assert len(names) <= 1, (q, names)
        agree[labels[p]["label"]] += len(names) == 1
    for scenario, lo in (("pair_judge", 2500), ("mixed_into_chat", 500), ("hydra", 550), ("cot_harvester", 330),
                         ("ab_platform", 850), ("judge_saas", 150), ("search_relevance", 200),
                         ("hiring_compare", 35), ("judging_course", 75)):
        assert swapped[scenario] >= lo, (scenario, swapped)
    assert agree["attack"] >= 550 and agree["benign"] >= 230, agree
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    nights: dict[tuple, set[int]] = defaultdict(set)
    for i, (q, cands) in pasted.items():
        r = records[i]
        if labels[r["principal"]]["scenario"] == "judge_saas" and len(cands) == 2:
            nights[(r["principal"], q, *cands.values())].add(int((r["ts"] - t0) // 86400))
    assert sum(len(d) >= 3 for d in nights.values()) >= 300
    spread: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    for i, (q, cands) in pasted.items():
        r = records[i]
        if labels[r["principal"]]["scenario"] == "pair_judge" and len(cands) == 2 and not B.system_prompt(r):
            first, second = cands.values()
            spread[(q, *sorted((first, second)))].add((r["principal"], first))
    assert sum(len({p for p, _ in v}) == 2 and len({f for _, f in v}) == 2 for v in spread.values()) >= 240


# ---- rejected_writer ----
def test_v32_rejected_versions_differ_from_their_chosen_answer_in_one_place(v32_log, pasted) -> None:
    """Every logged reply to a request for a worse version of a good answer - JSON or prose, from the blunt scripts'
    system prompt or a reject item's wording, the debating society's weaker argument (whichever tenants log) - is
    that answer with exactly one sentence changed; the two sentences of every language-app quiz, the correct one and
    the one with a learner's mistake, differ in one word or phrase (and so does a logged mistaken version from the
    correct sentence it was written from); the blunt scripts send one good answer three or more times within a
    minute; the careful accounts' answers reach three accounts."""
    records, labels = v32_log
    checked: Counter = Counter()
    sent: dict[tuple, list[float]] = defaultdict(list)
    for i, (_, cands) in pasted.items():
        r = records[i]
        x, system = B.user_texts(r)[0], str(B.system_prompt(r))
        if set(cands) != {""} or not (C.cap_of(x) == "reject" or "subtly worse version" in system):
            continue
        scenario = labels[r["principal"]]["scenario"]
        if scenario == "rejected_writer":
            sent[(r["principal"], cands[""])].append(r["ts"])
        if "response_text" not in r:
            continue
        obj = B2.logged_json(r)
        worse = obj["rejected"] if obj else r["response_text"].split("\n\n")[0]  # (then what changed, or why)
        assert one_place(cands[""], worse), (cands[""], worse)
        checked[scenario] += 1
    assert checked["rejected_writer"] >= 3000 and sum(checked.values()) >= 4000, checked
    bursts = sum(ts[j + 2] - ts[j] < 60 and (j == 0 or ts[j] - ts[j - 1] > 60) for ts in map(sorted, sent.values())
                 for j in range(len(ts) - 2))
    assert bursts >= 850, bursts
    quizzes = 0
    for r in B.by_scenario(records, labels, "lang_app"):
        x = B.user_texts(r)[0]
        if x.startswith("Correct sentence: ") and "response_text" in r:
            assert one_word_or_phrase(x.removeprefix("Correct sentence: "), orjson.loads(r["response_text"])["wrong"])
        elif x.startswith("Which sentence is correct"):
            _, both = S.blocks(x)
            assert one_word_or_phrase(both["A"], both["B"]), both
            quizzes += 1
    assert quizzes >= 800
    spread: dict[str, set[str]] = defaultdict(set)
    for i, (_, cands) in pasted.items():
        r = records[i]
        if labels[r["principal"]]["scenario"] == "rejected_writer" and not B.system_prompt(r):
            spread[cands.get("", "")].add(r["principal"])
    assert sum(len(v) >= 3 for v in spread.values()) >= 60


# ---- rank_n ----
def test_v32_rankings_name_every_candidate_once_in_attack_and_benign_traffic(v32_log, pasted) -> None:
    """Every logged ranking of three or more labelled candidates - JSON or prose - names every candidate exactly once,
    with scores for each in the JSON, in attack and benign traffic; the blunt rank_n scripts send each set again in
    another order; the careful accounts' sets reach three accounts, each in an order of its own."""
    records, labels = v32_log
    named: Counter = Counter()
    for i, (_, cands) in pasted.items():
        r = records[i]
        if len(cands) < 3 or "response_text" not in r:
            continue
        obj = B2.logged_json(r)
        ranked = obj["ranking"] if obj else RANKED.findall(r["response_text"])
        assert sorted(ranked) == sorted(cands), (sorted(cands), ranked)
        if obj:
            assert set(obj["scores"]) == set(cands)
        named[labels[r["principal"]]["label"]] += 1
    assert named["attack"] >= 1200 and named["benign"] >= 450, named
    sets: dict[tuple, set[tuple]] = defaultdict(set)
    for i, (q, cands) in pasted.items():
        r = records[i]
        if labels[r["principal"]]["scenario"] == "rank_n" and len(cands) >= 3:
            sets[(r["principal"] if B.system_prompt(r) else "", q, frozenset(cands.values()))].add(
                (r["principal"], tuple(cands.values())))
    again = sum(len(v) >= 2 for (p, _, _), v in sets.items() if p)
    careful = sum(len({p for p, _ in v}) >= 3 and len({o for _, o in v}) >= 3 for (p, _, _), v in sets.items()
                  if not p)
    assert again >= 700 and careful >= 150, (again, careful)


# ---- the recurring families ----
def test_v32_careful_cot_harvesters_ask_why_like_the_debating_society_and_the_course(v32_log) -> None:
    """The careful pair ask why one reply beats the other (C.WHY_ASKS), as the debating society's members and the
    course's students do; the blunt pair ask for everything reasoned through at high effort or a maxed budget."""
    from benchmarks.traffic.attacks_v32 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v32_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": 300, "debate_coach": 110,
                                                                          "judging_course": 130})


def test_v32_hydra_stays_under_quota_and_opens_in_waves_like_the_course_stays_under_its_own(v32_log) -> None:
    """Under 30 requests a key in any UTC day, shifts opening over the window, 60+ keys with thinking or reasoning;
    each student key of the course within its quota of 25."""
    records, labels = v32_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "judging_course", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v32_careful_mixed_into_chat_never_opens_with_a_judgement_and_asks_for_one_later(v32_log) -> None:
    """Four keys run nightly jobs (pairs both ways round for JSON verdicts, worse versions of good answers); the
    others bring two replies to compare, a ranking, a score or a worse version up in the second or third turn."""
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v32_log, C.asks_judgement)


def test_v32_agents_call_the_judging_tools_in_attack_and_benign_traffic(v32_log) -> None:
    B.assert_agents_call_the_tools(*v32_log, "submit_judgement", {"agentic_distill": 500, "judge_saas": 50},
                                 ("agentic_distill", "judge_saas"), {CHAT, ANTH, RESP})


def test_v32_temperature_sweeps_and_several_verdicts_at_once_like_the_judge_service(v32_log) -> None:
    """The moderate sampling accounts send one item at three temperatures within minutes, the judge service a tenth
    of each suite at three; the blunt sampling accounts take five verdicts on a pair at once with logprobs, the judge
    service five on a fifth of each suite."""
    B.assert_temperature_sweeps_and_batches(*v32_log, {"sampling": 50, "judge_saas": 50}, min_n=5)


def test_v32_attack_and_benign_traffic_look_alike(v32_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v32 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v32_log, C.WRAP, ("hydra", "paraphrased", "pair_judge",
                                                                     "rejected_writer", "rank_n"))


def test_v32_end_users_of_the_careful_accounts_look_like_the_twins_users(v32_log) -> None:
    """The careful pair_judge accounts name their users as the A/B platform (end-user-{n}) and the course and the
    language app (stu_{h}) do; the careful rejected_writer and rank_n reviewers as the support team's analysts, the
    search raters and the recruiters (member-{n})."""
    B.assert_end_user_shares(*v32_log, {
        ("pair_judge", "stu_"): 0.01, ("pair_judge", "end-user-"): 0.01, ("ab_platform", "end-user-"): 0.99,
        ("lang_app", "stu_"): 0.99, ("judging_course", "stu_"): 0.99, ("rejected_writer", "member-"): 0.02,
        ("rank_n", "member-"): 0.01, ("support_qa", "member-"): 0.99, ("search_relevance", "member-"): 0.99,
        ("hiring_compare", "member-"): 0.99})


def test_v32_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v32_log) -> None:
    """In the v32 scenarios' conversations (the shared benign population's aside), attack and benign alike."""
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v32_log, *ATTACK_TYPES, *NEW_PERSONAS), v32_log[1]))
