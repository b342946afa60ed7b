"""Blind traffic variant v43: regular expressions built from examples, where the operator grows a student
pattern-writer's data out of the teacher. One shape with one run's character class swept over eight classes, each sent
alone (class_sweep), as a form builder's validation wizard asks a regex under each class its user toggles, a
programming course's regex unit (one key a student) writes patterns for its shared example sets and a data-quality
desk writes and re-checks rules; one shape's accepted strings with each of eight kinds of rejected string in turn
(reject_sweep), as a validation service's nightly job re-derives each column's rule against the day's kinds of bad
value and a regex tool's help forum brings users' own strings; one run's length stepped from one to eight
(count_sweep), as a database schema tool writes a column's pattern at each width tried and a data-entry course (one
key a student, shared shapes) does its field-width exercises. The careful cot_harvester accounts ask how each pattern
was built like the regex lab and the QA desk, the careful hydra accounts are evening shifts under the quota like the
regex course, the sampling accounts draw five sets of practice problems at once and sweep temperatures like the lab,
the careful mixed_into_chat accounts bring an item up in the second or third turn, and the agent is a validation agent
like the validation service's own. Nothing in the corpus is harmful. No request field, surface, model or end-user id
shape is attack-only, client metadata does not cluster attack accounts, the v43 languages occur in attack and benign
traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records
alike. The v43 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v43 in extraction_eval's
DATASETS uses seed 517544), and generating it under another hash seed gives the same bytes. Every logged regex, match
table, fixed regex and practice problem is checked against the pasted strings with the standard library's `re`
(independent of corpus_v43_src's own reasoning), and the rules by hand-written cases. (v3 ... v41:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v43 as C
from benchmarks.traffic import corpus_v43_jobs as J
from benchmarks.traffic import corpus_v43_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v43 import BENIGN_V43
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 517544  # blind-v43's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v43 log at seed 517544, one day, scale 0.05 (the v43_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v43_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v43 set
# - seed 517544, four days, scale 1, 225,453 requests, 1,228 accounts, 407 of them attack accounts - hashed to
# 2d0d64e543e993352c140ac3a212065e5b6c16136204fc0412ee7ba8808a9085 when it was written.)
FROZEN_SHA256 = "eedf40f9dc3fbfca1034ac89d3e773eca14a190d68e8de44b890e3b1f56a2426"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "class_sweep", "reject_sweep", "count_sweep"}
NEW_PERSONAS = {"form_builder", "rule_sync", "schema_tool", "regex_lab", "regex_class", "width_class", "qa_desk",
                "regex_forum"}
# the character classes' regexes, written out here by hand (corpus_v43_src.CLASSES keeps its own)
CLASS_RX = {"digit": r"\d", "lower": "[a-z]", "upper": "[A-Z]", "hex": "[0-9a-f]", "HEX": "[0-9A-F]",
            "letter": "[A-Za-z]", "alnum": "[A-Za-z0-9]", "vowel": "[aeiou]", "octal": "[0-7]", "binary": "[01]"}


@pytest.fixture(scope="module")
def v43_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v43")


@pytest.fixture(scope="module")
def v43_pasted(v43_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v43_src.blocks), by the record's index."""
    return B2.pasted(v43_log[0], S.blocks)


@pytest.fixture(scope="module")
def v43_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v43", SEED)


def test_v43_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v43_small) -> None:
    B.assert_frozen_and_no_label_leaks(v43_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V43, FROZEN_SHA256, "v43")


def test_v43_the_bytes_do_not_depend_on_the_hash_seed(v43_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v43_small[0], "v43", SEED, tmp_path)


def test_v43_the_small_log_logs_replies_of_both_labels_and_they_are_right(v43_small) -> None:
    """In the pinned small log, attack and benign records of the theme both log replies - regexes built, fixed and
    match tables alike, the validation service (a twin of reject_sweep, whose first key logs) among them - and every
    logged regex, match table and fixed regex is right by `re`."""
    path, labels = v43_small
    records = B.read_records(path)
    right: Counter = Counter()
    for i, hit in B2.pasted(records, S.blocks).items():
        r = records[i]
        if "response_text" in r and kind_of(hit) in ("build", "fix", "test"):
            assert CHECKS[kind_of(hit)](hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
            right[labels[r["principal"]]["scenario"]] += 1
            right[(labels[r["principal"]]["label"], kind_of(hit))] += 1
    assert right["attack"] >= 50 and right["benign"] >= 50 and right["rule_sync"] >= 10, right
    assert all(right[(lab, k)] for lab in ("attack", "benign") for k in ("build", "fix", "test")), right


def test_v43_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a pasted part reads back as written; every reply (text and JSON) is right for
    the pasted strings by `re` (regexes built, match tables, broken regexes fixed); every practice problem's answer is
    right and uses the pasted class; the pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v43")
    rng = random.Random(43)
    for _ in range(300):
        for cap in ("build", "fix", "test"):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert kind_of(got) == cap and CHECKS[cap](got, sd[2]["obj"]) and CHECKS[cap](got, first(sd[2]["reply"]))
        sd = C.seed(rng, "records")
        got = S.blocks(sd[2]["body"])
        assert set(got) == {"class", "level"} and problems_right(sd[2]["reply"], got) == sd[2]["n"]
        x = f"hi\n\n{C.seed(rng, 'build', 0)[2]['body']}\n\nthanks"
        assert set(S.blocks(x)) == {"match", "reject"}


def test_v43_the_rules_on_fixed_examples() -> None:
    """Patterns, explanations, match tables and fixes for shapes written by hand, checked against strings written by
    hand; each kind of change makes a string the pattern refuses."""
    inv = (("l", "INV-"), ("c", "digit", 4, 4), ("l", "-"), ("c", "upper", 2, 3))
    assert S.pattern(inv) == r"^INV\-\d{4}\-[A-Z]{2,3}$"
    for s, ok in (("INV-0042-AB", True), ("INV-9999-XYZ", True), ("INV-042-AB", False), ("INV-0042-ab", False),
                  ("INV-0042-ABCD", False), ("inv-0042-AB", False), ("INV-0042AB", False), ("xINV-0042-AB", False)):
        assert (re.fullmatch(S.pattern(inv), s) is not None) == ok and S.fits(inv, s) == ok, s
    assert S.explain(inv).startswith('Read left to right: `INV\\-` is the literal "INV-"; `\\d{4}` is four digits; ')
    assert "`[A-Z]{2,3}` is two to three uppercase letters" in S.explain(inv)
    hexrun = (("c", "hex", 6, 6),)
    assert S.pattern(hexrun) == "^[0-9a-f]{6}$" and S.pattern((("l", "v"), ("c", "digit", 1, 1))) == r"^v\d$"
    assert S.build_reply(hexrun, ["c0ffee", "00aa11"], ["C0FFEE", "c0ffe", "g0ffee"])["obj"]["pattern"] == \
        "^[0-9a-f]{6}$"
    with pytest.raises(AssertionError):
        S.build_reply(hexrun, ["c0ffee", "C0FFEE"], [])  # a pattern that misses a given string is never written
    assert S.table_reply(r"^\d{3}$", ["123", "12a", "1234", "007"])["reply"] == \
        "1. 123: match\n2. 12a: no match\n3. 1234: no match\n4. 007: match"
    assert S.fix_reply(inv, "run 1 should be four digits")["reply"].startswith(
        "Fixed: ^INV\\-\\d{4}\\-[A-Z]{2,3}$\n\nWhat was wrong: run 1 should be four digits. Read left to right")
    date = (("c", "digit", 4, 4), ("l", "."), ("c", "digit", 2, 2))
    assert S.pattern(date) == r"^\d{4}\.\d{2}$" and not re.fullmatch(S.pattern(date), "2026x07")
    rng = random.Random(7)
    for kind in S.KINDS:
        for _ in range(30):
            got = S.rejects(rng, inv, 3, (kind,))
            assert len(got) == 3 and not any(re.fullmatch(r"INV-\d{4}-[A-Z]{2,3}", s) for s in got), (kind, got)
    assert [S.quant(*x) for x in ((1, 1), (3, 3), (2, 5))] == ["", "{3}", "{2,5}"]


# ---- class_sweep, reject_sweep and count_sweep ----
def test_v43_the_sweep_makers_sweep() -> None:
    """corpus_v43_jobs' sweeps as the campaigns and their twins draw them, checked on the regexes written out: eight
    patterns differing in one run's class only, eight different classes there; eight items with the same accepted
    strings and different rejected ones, every regex the same and right by `re`; eight patterns differing in one run's
    length only, one to eight in order; the twins' picks some of those, in order."""
    rng = random.Random(4343)
    for _ in range(150):
        inst, cells = J.classes_of(rng)
        units = [runs(C.seed(rng, "build", 0, inst, c)[2]["obj"]["pattern"]) for c in cells]
        at = differing(units)
        assert len(at) == 1 and len({u[at[0]] for u in units}) == 8, units
        assert {u[at[0]].split("{")[0] for u in units} <= set(CLASS_RX.values())
        inst, cells = J.kinds_of(rng)
        items = [C.seed(rng, "build", 0, inst, c) for c in cells]
        hits = [S.blocks(sd[2]["body"]) for sd in items]
        assert len({tuple(h["match"]) for h in hits}) == 1 and len({tuple(h["reject"]) for h in hits}) >= 6
        assert len({sd[2]["obj"]["pattern"] for sd in items}) == 1 and all(builds(h, sd[2]["obj"])
                                                                           for h, sd in zip(hits, items, strict=True))
        inst, cells = J.counts_of(rng)
        units = [runs(C.seed(rng, "build", 0, inst, c)[2]["obj"]["pattern"]) for c in cells]
        at = differing(units)
        assert len(at) == 1 and [length(u[at[0]]) for u in units] == list(range(1, 9)), units
        for make, least, order in ((J.kinds_of, 3, lambda c: S.KINDS.index(c[1])), (J.counts_of, 4, lambda c: c[2])):
            inst, cells = J.picked(rng, make(rng), least, 6)
            steps = [order(c) for c in cells]
            assert least <= len(cells) <= 6 and steps == sorted(set(steps)), cells


def test_v43_regexes_are_right_and_the_sweeps_sweep_in_the_log(v43_log, v43_pasted) -> None:
    """Every logged regex, match table, fixed regex and set of practice problems is right for what was pasted, by
    `re`; the blunt reject_sweep scripts send one shape's accepted strings with eight different sets of rejected ones,
    each within a minute of the last, as the validation service's nightly job does over three or more; the blunt
    class_sweep and count_sweep scripts' logged patterns step by one run's class or length within a minute, as the
    form builder's and the schema tool's do; the careful accounts' sweeps reach several accounts."""
    records, labels = v43_log
    right: Counter = Counter()
    asked: Counter = Counter()
    kept: Counter = Counter()
    widest: Counter = Counter()
    stepped: Counter = Counter()
    holders: dict[str, dict[tuple, set]] = {s: {} for s in ("class_sweep", "reject_sweep", "count_sweep")}
    last: dict[str, tuple] = {}
    for i, hit in sorted(v43_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r, kind = records[i], kind_of(hit)
        p, lab = r["principal"], labels[r["principal"]]
        asked[(kind, lab["label"])] += 1
        if "response_text" in r and kind:
            got = logged(r) if kind != "records" else r["response_text"]
            assert CHECKS[kind](hit, got), (hit, r["response_text"])
            right[(kind, lab["label"])] += 1
        if kind != "build":
            continue
        t0, hit0, run, pat0 = last.get(p, (0.0, {}, 1, None))
        near = r["ts"] - t0 < 60
        same = near and hit0.get("match") == hit["match"] and hit0.get("reject") != hit["reject"]
        run = run + 1 if same else 1
        kept[lab["scenario"]] += same
        widest[lab["scenario"]] = max(widest[lab["scenario"]], run)
        pat = B2.logged_json(r)["pattern"] if "response_text" in r and B2.logged_json(r) else None
        if near and pat and pat0 and len(differing([runs(pat0), runs(pat)])) == 1:
            stepped[lab["scenario"]] += 1
        last[p] = (r["ts"], hit, run, pat)
        if lab["scenario"] in holders:
            holders[lab["scenario"]].setdefault(tuple(hit["match"]), set()).add(p)
    enough(build_a=right[("build", "attack")], build_b=right[("build", "benign")], fix_a=right[("fix", "attack")],
           fix_b=asked[("fix", "benign")], test_a=right[("test", "attack")], test_b=asked[("test", "benign")],
           problems_a=right[("records", "attack")], problems_b=asked[("records", "benign")],
           kept_a=kept["reject_sweep"], kept_b=kept["rule_sync"], classes_a=stepped["class_sweep"],
           classes_b=stepped["form_builder"], counts_a=stepped["count_sweep"], counts_b=stepped["schema_tool"])
    assert widest["reject_sweep"] >= 8 and widest["rule_sync"] >= 3, widest
    enough(reject_sweep_spread=sum(len(ps) >= 2 for ps in holders["reject_sweep"].values()))


# ---- the recurring families ----
def test_v43_careful_cot_harvesters_ask_why_like_the_regex_lab_and_the_qa_desk(v43_log) -> None:
    from benchmarks.traffic.attacks_v43 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v43_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "regex_lab": LOW["why_r"],
                                                                          "qa_desk": LOW["why_q"]})


def test_v43_hydra_stays_under_quota_and_opens_in_waves_like_the_regex_course(v43_log) -> None:
    records, labels = v43_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "regex_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v43_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v43_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v43_log, C.asks_harvest)


def test_v43_agents_call_the_save_tool_in_attack_and_benign_traffic(v43_log) -> None:
    B.assert_agents_call_the_tools(*v43_log, "save_rule", {"agentic_distill": LOW["agent_a"],
                                                           "rule_sync": LOW["agent_b"]},
                                   ("agentic_distill", "rule_sync"), {CHAT, ANTH, RESP})


def test_v43_temperature_sweeps_and_several_samples_at_once_like_the_regex_lab(v43_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v43_log, {"sampling": LOW["tsweep_a"], "regex_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v43_logs_response_text_for_a_share_of_attack_and_benign_records(v43_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON parses as a JSON object, and attack and
    benign records both log JSON replies."""
    records, labels = v43_log
    B.assert_logged_replies(records, labels, (380, 440))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v43_attack_and_benign_traffic_look_alike(v43_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v43 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v43_log, C.WRAP, ("hydra", "paraphrased", "class_sweep",
                                                                     "reject_sweep", "count_sweep"))


def test_v43_no_request_field_or_surface_is_attack_only(v43_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v43_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v43_end_users_of_the_careful_accounts_look_like_the_twins_users(v43_log) -> None:
    B.assert_end_user_shares(*v43_log, {
        ("class_sweep", "member-"): 0.03, ("reject_sweep", "stu_"): 0.03, ("count_sweep", "end-user-"): 0.03,
        ("regex_class", "stu_"): 0.99, ("width_class", "stu_"): 0.99, ("regex_forum", "stu_"): 0.99,
        ("form_builder", "member-"): 0.99, ("qa_desk", "member-"): 0.99, ("regex_lab", "member-"): 0.99,
        ("schema_tool", "end-user-"): 0.99})


def test_v43_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v43_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v43_log, *ATTACK_TYPES, *NEW_PERSONAS), v43_log[1]))


# ---- the checks, by `re` ----
def builds(hit: dict, reply: dict | str) -> bool:
    """Whether a regex (the text's 'Regex: ...' or 'Fixed: ...' line, or a JSON reply's pattern) matches every
    pasted string to match, whole, and none of those to reject."""
    p = reply.get("pattern") if isinstance(reply, dict) else \
        (m.group(1) if (m := re.fullmatch(r"(?:Regex|Fixed): (\S+)", reply)) else None)
    return bool(p) and all(re.fullmatch(p, s) for s in hit["match"]) and not any(re.fullmatch(p, s)
                                                                                 for s in hit["reject"])


def fixes(hit: dict, reply: dict | str) -> bool:
    """Whether the fixed regex is right (builds) and the pasted broken one was wrong on at least one string (searched
    for anywhere in it, as an unanchored pattern is used)."""
    bad = hit["broken"]
    wrong = [s for s in hit["match"] + hit["reject"] if (re.search(bad, s) is not None) != (s in hit["match"])]
    return bool(wrong) and builds(hit, reply)


def tables(hit: dict, reply: dict | str) -> bool:
    """Whether a match table (the text, or a JSON reply's rows) has one right row for each pasted string, in the
    pasted order (numbered 1, 2, ... in the text), by re.search of the pasted pattern."""
    want = [(s, re.search(hit["pattern"], s) is not None) for s in hit["rows"]]
    if isinstance(reply, dict):
        return reply["rows"] == [{"text": s, "matches": m} for s, m in want]
    return reply == "\n".join(f"{j}. {s}: {'match' if m else 'no match'}" for j, (s, m) in enumerate(want, 1))


_PROBLEM = re.compile(r"^\d+\. Match: (.+) \| Reject: (.+)\nAnswer: (\S+)$", re.M)


def problems_right(text: str, hit: dict) -> int:
    """How many worked problems the text has, each answer checked right against its own strings and using the pasted
    class (an assertion)."""
    n = 0
    for pos, neg, answer in _PROBLEM.findall(text):
        assert CLASS_RX[hit["class"]] in answer and builds({"match": pos.split(", "), "reject": neg.split(", ")},
                                                            {"pattern": answer}), (pos, neg, answer)
        n += 1
    return n


CHECKS = {"build": builds, "fix": fixes, "test": tables,
          "records": lambda hit, text: problems_right(text, hit) == text.count("Answer: ") > 0}


def runs(p: str) -> list[str]:
    """A pattern's units: each class with its count, each escaped character, each other character."""
    return re.findall(r"(?:\\d|\[[^\]]*\])(?:\{\d+(?:,\d+)?\})?|\\.|.", p)


def differing(units: list[list[str]]) -> list[int]:
    """Where patterns of as many units differ (all positions, when their lengths differ)."""
    if len({len(u) for u in units}) != 1:
        return list(range(99))
    return [j for j in range(len(units[0])) if len({u[j] for u in units}) > 1]


def length(unit: str) -> int:
    m = re.fullmatch(r".*\{(\d+)\}", unit)
    return int(m.group(1)) if m else 1


def first(reply: str) -> str:
    return reply.partition("\n\n")[0]


def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the result; a careful account's or a blunt
    cot_harvester's reasoning follows it)."""
    obj = B2.logged_json(r)
    return obj if obj is not None else first(r["response_text"])


def kind_of(hit: dict) -> str | None:
    """What a pasted part asks for: a broken regex fixed, a match table, a regex built, or practice problems."""
    if "broken" in hit and "match" in hit:
        return "fix"
    if "rows" in hit:
        return "test"
    if "match" in hit:
        return "build"
    return "records" if {"class", "level"} <= set(hit) else None


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 7471, "json_b": 3872, "build_a": 10855, "build_b": 4476, "fix_a": 782, "fix_b": 65, "test_a": 668,
       "test_b": 187, "problems_a": 766, "problems_b": 214, "kept_a": 3332, "kept_b": 1475, "classes_a": 1732,
       "classes_b": 436, "counts_a": 103, "counts_b": 874, "reject_sweep_spread": 249, "why_a": 240, "why_r": 130,
       "why_q": 70, "agent_a": 1100, "agent_b": 100, "tsweep_a": 90, "tsweep_b": 38}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written;
the why, agent and temperature-sweep counts set below it)."""
