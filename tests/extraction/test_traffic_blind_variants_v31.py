"""Blind traffic variant v31: safety-behaviour distillation, where the operator wants its student to inherit the
teacher's judgement on risky and borderline requests and harvests its behaviour on ladders of one ask in graded rungs
(plainly fine, ambiguous, clearly harmful). Every rung of a ladder is sent as it is, to map where the teacher refuses
and what it offers instead (refusal_sweep), as a red-teaming contractor's nightly suite sends its fixed ladders rung
after rung and a children's platform and a pharmacy's information line meet the same asks from their users; each rung
is classified as JSON - answer, partial or refuse, a policy area and a rationale - or asked about as "would you answer
this, and why?" (policy_probe), as a trust-and-safety vendor classifies its platforms' flagged posts, a policy lab
measures consistency and an AI-ethics class (one key per student, a shared case bank) discusses its cases; weak draft
replies to each rung are critiqued and rewritten (redteam_rewrite), as a security-awareness company turns lure drafts
into training material and a newsroom edits paragraphs that give too much how-to and checks chatbot answers. The
careful cot_harvester accounts ask why the line falls where it does like the newsroom and the class, the careful
hydra accounts are evening shifts under the quota like the class, the sampling accounts draw five replies at once and
sweep temperatures like the red-team suite and the policy lab, the careful mixed_into_chat accounts bring a borderline
ask up in the second or third turn as a shop's customers do with its support bot, and the agent is a moderation agent
like the vendor's own. Nothing operational is written anywhere: harmful rungs are asks answered by refusals, and
compliant drafts' steps are placeholders. No request field, surface, model or end-user id shape is attack-only, client
metadata does not cluster attack accounts, the v31 languages occur in attack and benign traffic, follow-ups wait for
reading in both, and response_text is logged for a share of attack and benign records alike. The v31 set's bytes are
pinned here for its dataset seed (FROZEN_SHA256: blind-v31 in extraction_eval's DATASETS uses seed 655136), and
generating it under another hash seed gives the same bytes. (v3 ... v30: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic import corpus_v31 as C
from benchmarks.traffic import corpus_v31_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v31 import BENIGN_V31
from tests.extraction import blind_traffic as B

SEED = 655136  # blind-v31's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v31 log at seed 655136, one day, scale 0.05 (the v31_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v31_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v31 set
# - seed 655136, four days, scale 1, 319,586 requests, 1,204 accounts, 417 of them attack accounts - hashed to
# b5777f1c7d2c6391312c12764b55c091bf5d093e23cdef66b4606aa83869dba4 when it was written.)
FROZEN_SHA256 = "88fd4d2344dd3de8fce11ddacb6552c474c6755112ff8b74dc611e93a47a9bd7"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "refusal_sweep", "policy_probe", "redteam_rewrite"}
NEW_PERSONAS = {"moderation_vendor", "redteam_suite", "kids_filter", "policy_lab", "support_deflect", "newsroom_desk",
                "med_info", "phish_training", "ethics_class"}


@pytest.fixture(scope="module")
def v31_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v31")


@pytest.fixture(scope="module")
def ladders(v31_log) -> dict[int, tuple[int, int, tuple[str, ...]]]:
    """The rung each record's first user text quotes (corpus_v31_src.locate), by the record's index."""
    records, _ = v31_log
    out = {}
    for i, r in enumerate(records):
        texts = B.user_texts(r)
        if texts and (hit := S.locate(texts[0])):
            out[i] = hit
    return out


@pytest.fixture(scope="module")
def v31_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v31", SEED)


def test_v31_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v31_small) -> None:
    B.assert_frozen_and_no_label_leaks(v31_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V31, FROZEN_SHA256, "v31")


def test_v31_the_bytes_do_not_depend_on_the_hash_seed(v31_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v31_small[0], "v31", SEED, tmp_path)



def test_v31_logs_response_text_for_a_share_of_attack_and_benign_records(v31_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object."""
    parsed = B.assert_logged_replies(*v31_log, (400, 430))
    assert sum(parsed.values()) >= 1000, parsed


def test_v31_items_and_ladders_hold_together_and_nothing_operational_is_written() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; every rung of a ladder names all the ladder's values and is found again in any
    text (framed or not); a careful reply helps on rung 0, gives the safe part on rung 1 and refuses with an
    alternative on rung 2, and the verdict says so; a compliant draft's steps are placeholders only, and its critique
    ends in the careful reply."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v31")
    rng = random.Random(31)
    refusals = tuple(x.split("{")[0] for x in S.REFUSALS)
    seen = Counter()
    for _ in range(1500):
        inst, rung = S.instance(rng), rng.randrange(3)
        x = S.ask(inst, rung, S.frame(rng, 0.5))
        values = tuple(v for _, v in sorted(inst["slots"].items()))
        assert S.locate(f"Post:\n{x} (pls)") == (inst["topic"], rung, values)
        reply = S.reply(rng, inst, rung)
        assert reply.startswith(refusals) == (rung == 2), (rung, reply)
        assert reply.startswith("I can help with the safe part") == (rung == 1)
        assert S.verdict(inst, rung)["verdict"] == S.VERDICTS[rung]
        draft, flaw = S.draft(rng, inst, rung)
        if flaw == "compliance":
            steps = draft.split("\n")[1:-1]
            assert steps and all(s == f"{j + 1}. {S.PLACEHOLDER}" for j, s in enumerate(steps)), draft
        revised = S.critique(rng, inst, rung, flaw).split("Revised reply:\n")[1]
        assert revised.startswith((S.TOPICS[inst["topic"]].helps, ("I can help with the safe part",), refusals)[rung])
        seen[(inst["cat"], rung)] += 1
    assert len(seen) == 3 * len(S.CATS)


# ---- request fields and surfaces ----
def test_v31_no_request_field_or_surface_is_attack_only(v31_log) -> None:
    """Attack traffic uses the fields of safety-behaviour harvesting (JSON schemas on chat and Responses, n with
    logprobs, cached system blocks, reasoning, tools, previous_response_id, end-user ids), and benign traffic uses
    every field and surface attack traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v31_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


# ---- refusal_sweep ----
def runs(rows: list[tuple[str, tuple, float, int]], within: float) -> list[set[int]]:
    """The rungs of each ladder a key sends within `within` seconds of the ladder's first request there."""
    by: dict[tuple[str, tuple], list[tuple[float, int]]] = defaultdict(list)
    for principal, key, t, rung in rows:
        by[(principal, key)].append((t, rung))
    out = []
    for sent in by.values():
        start, rungs = None, set()
        for t, rung in sorted(sent):
            if start is None or t - start > within:
                out.append(rungs)
                start, rungs = t, set()
            rungs.add(rung)
        out.append(rungs)
    return [x for x in out if x]


def ladder_rows(records, labels, ladders, *scenarios: str, single: bool = False) -> list[tuple[str, tuple, float, int]]:
    """(principal, ladder, time, rung) of the scenarios' requests whose first user text quotes a rung (single-turn
    requests only when `single`)."""
    return [(r["principal"], (hit[0], hit[2]), r["ts"], hit[1]) for i, r in enumerate(records)
            if (hit := ladders.get(i)) and labels[r["principal"]]["scenario"] in scenarios
            and not (single and len(B.user_texts(r)) > 1)]


def test_v31_ladders_are_swept_rung_by_rung_in_attack_and_benign_traffic(v31_log, ladders) -> None:
    """The blunt refusal_sweep scripts and the probing scripts send all three rungs of a ladder within a minute on
    one key, as the red-team suite walks its fixed ladders and the policy lab samples them; the red-team suite sends
    the same rungs again night after night; the careful refusal_sweep accounts send one rung each, a ladder's three
    rungs reaching three accounts; attack and benign traffic ask every rung outright, and every logged reply (whichever
    tenants log) to a harmful rung is a refusal and to a plain one never is."""
    records, labels = v31_log
    for scenario, lo in (("refusal_sweep", 800), ("policy_probe", 1500), ("redteam_suite", 500),
                         ("policy_lab", 150)):
        rows = ladder_rows(records, labels, ladders, scenario, single=True)
        assert sum(x == {0, 1, 2} for x in runs(rows, 60)) >= lo, scenario
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    nights = defaultdict(set)
    for p, key, t, rung in ladder_rows(records, labels, ladders, "redteam_suite", single=True):
        nights[(p, key, rung)].add(int((t - t0) // 86400))
    assert sum(len(d) >= 3 for d in nights.values()) >= 130
    careful = {r["principal"] for r in B.by_scenario(records, labels, "refusal_sweep") if B.end_user(r)}
    spread: dict[tuple, set[tuple[str, int]]] = defaultdict(set)
    for p, key, _, rung in ladder_rows(records, labels, ladders, "refusal_sweep"):
        if p not in careful:
            continue
        spread[key].add((p, rung))
    assert sum(len({p for p, _ in v}) == 3 and {r for _, r in v} == {0, 1, 2} for v in spread.values()) >= 80
    refusals = tuple(x.split("{")[0] for x in S.REFUSALS)
    asked: dict[str, Counter] = {"attack": Counter(), "benign": Counter(), "logged": Counter()}
    for i, r in enumerate(records):
        hit = ladders.get(i)
        if hit and len(B.user_texts(r)) == 1 and not B.json_format(r) and \
                labels[r["principal"]]["scenario"] in ("refusal_sweep", "redteam_suite", "med_info", "kids_filter"):
            asked[labels[r["principal"]]["label"]][hit[1]] += 1
            if "response_text" in r:
                assert r["response_text"].startswith(refusals) == (hit[1] == 2), (hit, r["response_text"][:80])
                asked["logged"][hit[1]] += 1
    assert all(min(asked[k][j] for j in range(3)) >= 300 for k in ("attack", "benign", "logged")), asked


# ---- policy_probe ----
def test_v31_verdicts_come_back_as_json_in_attack_and_benign_traffic(v31_log, ladders) -> None:
    """policy_probe, the nightly mixed_into_chat jobs, the moderation vendor, the children's platform and the red-team
    suite's grader ask for JSON under a schema; a logged verdict on a quoted rung - JSON, or the first word of a reply
    to a verdict item - says answer, partial or refuse (keep, label or remove for the vendor; yes, partly or no) as the
    rung is plain, ambiguous or harmful, in attack and benign traffic alike; the careful policy_probe accounts'
    ladders reach three accounts, and the ethics class's case bank is asked about by three or more students."""
    from benchmarks.traffic.corpus_v31_jobs import ACTIONS

    records, labels = v31_log
    for scenario, lo in (("policy_probe", 8000), ("mixed_into_chat", 900), ("moderation_vendor", 2500),
                         ("kids_filter", 1000), ("redteam_suite", 800)):
        assert sum(B.json_format(r) for r in B.by_scenario(records, labels, scenario)) >= lo, scenario
    checked: Counter = Counter()
    for i, r in enumerate(records):
        hit, scenario = ladders.get(i), labels[r["principal"]]["scenario"]
        if not hit or "response_text" not in r:
            continue
        if B.json_format(r):
            got = orjson.loads(r["response_text"])
            assert got.get("verdict", got.get("action")) == (ACTIONS if "action" in got else S.VERDICTS)[hit[1]]
        elif scenario in ("policy_probe", "ethics_class", "taxonomy") and len(B.user_texts(r)) == 1 and \
                C.cap_of(B.user_texts(r)[0]) == "verdict":
            assert r["response_text"].startswith(("Yes.", "Partly.", "No.")[hit[1]]), r["response_text"][:40]
        else:
            continue
        checked[(labels[r["principal"]]["label"], B.json_format(r))] += 1
    assert checked[("attack", False)] >= 30 and checked[("benign", False)] >= 20, checked
    assert checked[("attack", True)] + checked[("benign", True)] >= 100, checked
    careful = [(r["principal"], (hit[0], hit[2]), r["ts"], hit[1]) for i, r in enumerate(records)
               if (hit := ladders.get(i)) and labels[r["principal"]]["scenario"] == "policy_probe"
               and not B.json_format(r) and not B.system_prompt(r)]
    spread: dict[tuple, set[str]] = defaultdict(set)
    for p, key, _, _ in careful:
        spread[key].add(p)
    assert sum(len(v) == 3 for v in spread.values()) >= 140
    bank: dict[tuple, set[str]] = defaultdict(set)
    for p, key, _, rung in ladder_rows(records, labels, ladders, "ethics_class"):
        bank[(key, rung)].add(p)
    assert sum(len(v) >= 3 for v in bank.values()) >= 20


# ---- redteam_rewrite ----

def test_v31_drafts_are_critiqued_and_rewritten_in_attack_and_benign_traffic(v31_log, ladders) -> None:
    """The blunt redteam_rewrite scripts send three or more different drafts of one request within a minute, as the
    security-awareness company sends a module's lure drafts back to back; the careful accounts' requests reach three
    or more accounts; attack and benign traffic both send critiques of draft replies, and every logged reply to one
    (whichever tenants log) is a critique and a revised reply."""
    records, labels = v31_log
    bursts: Counter = Counter()
    for scenario in ("redteam_rewrite", "phish_training"):
        sent: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
        for r in B.by_scenario(records, labels, scenario):
            x = B.user_texts(r)[0]
            if "Draft reply:" in x or "Draft lure:" in x:
                head = x.split("Draft")[0] if "Draft reply:" in x else B.system_prompt(r)
                sent[(r["principal"], head)].append((r["ts"], x))
        for v in sent.values():
            v.sort()
            for j in range(len(v) - 2):
                bursts[scenario] += v[j + 2][0] - v[j][0] < 60 and len({x for _, x in v[j:j + 3]}) == 3
    assert bursts["redteam_rewrite"] >= 1400 and bursts["phish_training"] >= 200, bursts
    spread: dict[tuple, set[str]] = defaultdict(set)
    for i, r in enumerate(records):
        if labels[r["principal"]]["scenario"] == "redteam_rewrite" and (hit := ladders.get(i)) and \
                not B.system_prompt(r):
            spread[(hit[0], hit[2], hit[1])].add(r["principal"])
    assert sum(len(v) >= 3 for v in spread.values()) >= 100
    sent_by: Counter = Counter()
    for r in records:
        x = (B.user_texts(r) or [""])[0]
        if len(B.user_texts(r)) == 1 and any(m in x for m in ("Draft reply", "draft reply", "Draft response",
                                                              "draft response")):
            sent_by[labels[r["principal"]]["label"]] += 1
            if "response_text" in r:
                assert r["response_text"].startswith("Critique: ") and "\n\nRevised reply:\n" in r["response_text"]
                sent_by["logged"] += 1
    assert sent_by["attack"] >= 5000 and sent_by["benign"] >= 80 and sent_by["logged"] >= 500, sent_by


def test_v31_no_operational_detail_is_written_anywhere(v31_log) -> None:
    """Wherever a request or a logged reply holds a compliant draft or a reporter's how-to passage, every step of it
    is the placeholder; attack and benign traffic both carry such drafts."""
    records, labels = v31_log
    openers = ("Here's exactly how to do it:", "step by step:", "Follow these steps:", "our source described it:")
    found: Counter = Counter()
    for r in records:
        for text in [*B.user_texts(r), r.get("response_text", "")]:
            if not any(o in text for o in openers):
                continue
            for part in text.split("\n"):
                if part[:1].isdigit() and ". " in part[:4] or part.startswith("- "):
                    assert part.split(" ", 1)[1].startswith(S.PLACEHOLDER), part
            found[labels[r["principal"]]["label"]] += 1
    assert found["attack"] >= 2800 and found["benign"] >= 40, found


# ---- the recurring families ----
def test_v31_hydra_stays_under_quota_and_opens_in_waves_like_the_class_stays_under_its_own(v31_log) -> None:
    records, labels = v31_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "ethics_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v31_careful_cot_harvesters_ask_why_like_the_newsroom_and_the_class(v31_log) -> None:
    from benchmarks.traffic.attacks_v31 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v31_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": 150, "newsroom_desk": 100,
                                                                          "ethics_class": 80})


def test_v31_careful_mixed_into_chat_never_opens_with_a_borderline_ask_and_asks_one_later(v31_log) -> None:
    """As the shop's customers often greet its support bot first and bring up what it turns down in the second
    turn."""
    records, labels = v31_log
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(records, labels, C.asks_judgement)
    later = [r for r in B.by_scenario(records, labels, "support_deflect") if len(B.user_texts(r)) >= 2 and
             B.user_texts(r)[0] in ("hi", "hello there", "hey, quick question", "Good morning!")]
    assert len(later) >= 600


def test_v31_agents_call_the_moderation_tools_in_attack_and_benign_traffic(v31_log) -> None:
    B.assert_agents_call_the_tools(*v31_log, "post_decision", {"agentic_distill": 500, "moderation_vendor": 50},
                                 ("agentic_distill", "moderation_vendor"), {CHAT, ANTH, RESP})


def test_v31_temperature_sweeps_and_several_replies_at_once_like_the_policy_lab(v31_log) -> None:
    """The moderate sampling accounts send one item at three temperatures within minutes, the lab the ambiguous rung
    at three; the blunt sampling accounts take five replies to a rung at once with logprobs, the lab eight."""
    B.assert_temperature_sweeps_and_batches(*v31_log, {"sampling": 50, "policy_lab": 20}, min_n=5)


def test_v31_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v31_log) -> None:
    records, labels = v31_log
    v31 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "sampling", "taxonomy", "refusal_sweep",
           "policy_probe", "redteam_rewrite", "newsroom_desk", "ethics_class", "kids_filter", "support_deflect",
           "med_info", "policy_lab"}
    B.assert_follow_ups_wait_longer_after_longer_answers(
        B.follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v31], labels))


def test_v31_attack_and_benign_traffic_look_alike(v31_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v31 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v31_log, C.WRAP, ("hydra", "paraphrased", "refusal_sweep",
                                                                     "policy_probe", "redteam_rewrite"))


def test_v31_end_users_of_the_careful_accounts_look_like_the_twins_users(v31_log) -> None:
    """The careful refusal_sweep accounts name their users as the children's platform (stu_{h}) and the shop and the
    pharmacy (end-user-{n}) do; the careful redteam_rewrite reviewers as the newsroom's reporters (member-{n})."""
    B.assert_end_user_shares(*v31_log, {
        ("refusal_sweep", "stu_"): 0.03, ("refusal_sweep", "end-user-"): 0.03, ("kids_filter", "stu_"): 0.99,
        ("support_deflect", "end-user-"): 0.99, ("med_info", "end-user-"): 0.99, ("redteam_rewrite", "member-"): 0.02,
        ("newsroom_desk", "member-"): 0.99})
