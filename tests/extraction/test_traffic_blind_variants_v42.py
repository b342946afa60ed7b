"""Blind traffic variant v42: spreadsheet formula writing, where the operator grows a student formula writer's data
out of the teacher. Each sheet's total for eight region x product pairs, each pair sent alone (pivot_sweep), as a
spreadsheet add-in's "explain this pivot" panel writes the formula behind the cells its user selects, a spreadsheet
course (one key a student) writes its shared exercises' formulas and an accounting firm's audit desk writes and
re-checks client workbooks'; one count or sum at eight rising thresholds of units, each sent alone (threshold_sweep),
as a reporting service's nightly job writes every report's bands and a spreadsheet product's help forum brings users'
own sheets; one condition's eight aggregates in a fixed order, each sent alone (function_sweep), as a dashboard tool
writes a filter's summary cards and a business statistics course (one key a student, shared sheets) does its
exercises. The careful cot_harvester accounts ask how each value was got like the spreadsheet lab and the audit desk,
the careful hydra accounts are evening shifts under the quota like the spreadsheet course, the sampling accounts draw
five sets of practice problems at once and sweep temperatures like the lab, the careful mixed_into_chat accounts bring
an item up in the second or third turn, and the agent is a spreadsheet agent like the reporting service's own.
Nothing in the corpus is harmful. No request field, surface, model or end-user id shape is attack-only, client
metadata does not cluster attack accounts, the v42 languages occur in attack and benign traffic, follow-ups wait for
reading in both, and response_text is logged for a share of attack and benign records alike. The v42 set's bytes are
pinned here for its dataset seed (FROZEN_SHA256: blind-v42 in extraction_eval's DATASETS uses seed 584971), and
generating it under another hash seed gives the same bytes. Every logged formula, lookup, set of date formulas and
practice problem is checked against the pasted input by an evaluator written here (it reads the formula's own text -
its function, ranges and criteria - and computes it over the pasted rows, independently of corpus_v42_src), and the
rules by hand-worked cases. (v3 ... v41: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import calendar
import math
import random
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v42 as C
from benchmarks.traffic import corpus_v42_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v42 import BENIGN_V42
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 584971  # blind-v42's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v42 log at seed 584971, one day, scale 0.05 (the v42_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v42_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v42 set
# - seed 584971, four days, scale 1, 236,458 requests, 1,222 accounts, 407 of them attack accounts - hashed to
# bbc92981f6a77d61d09ce44dba2605d04abd45db76cd7514a31118f341ef0291 when it was written.)
FROZEN_SHA256 = "de645474ba59d881614688dc27c4484b8262ed4ea268e5984e115ceb3ac73fb0"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "pivot_sweep", "threshold_sweep", "function_sweep"}
NEW_PERSONAS = {"pivot_addin", "report_sync", "summary_cards", "sheet_lab", "sheets_class", "stats_class",
                "audit_desk", "sheets_forum"}


@pytest.fixture(scope="module")
def v42_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v42")


@pytest.fixture(scope="module")
def v42_pasted(v42_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v42_src.blocks), by the record's index."""
    return B2.pasted(v42_log[0], S.blocks)


@pytest.fixture(scope="module")
def v42_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v42", SEED)


def test_v42_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v42_small) -> None:
    B.assert_frozen_and_no_label_leaks(v42_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V42, FROZEN_SHA256, "v42")


def test_v42_the_bytes_do_not_depend_on_the_hash_seed(v42_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v42_small[0], "v42", SEED, tmp_path)


def test_v42_logs_response_text_for_a_share_of_attack_and_benign_records(v42_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object, and
    attack and benign records both log JSON replies (under a schema, or in an Anthropic reply's text)."""
    records, labels = v42_log
    B.assert_logged_replies(records, labels, (395, 420))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v42_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a pasted sheet, task, lookups or dates read back as written; every reply (text
    and JSON) is right for the pasted input by the evaluator here; every practice problem's answer is right; the
    pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v42")
    rng = random.Random(42)
    for _ in range(300):
        for cap, check in (("formula", formulas), ("lookup", lookups), ("dates", dated)):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert kind_of(got) == cap and check(got, sd[2]["obj"]) and check(got, sd[2]["reply"]), (got, sd)
        sd = C.seed(rng, "records")
        got = S.blocks(sd[2]["body"])
        assert set(got) == {"function", "top"} and problems_right(sd[2]["reply"], got) == sd[2]["n"]
        x = f"hi\n\n{C.seed(rng, 'formula', 0)[2]['body']}\n\nthanks"
        assert set(S.blocks(x)) == {"sheet", "task"}


SHEET = [["Ana", "North", "Widget", "2026-03-04", 12, 340], ["Bilal", "South", "Gadget", "2026-03-09", 5, 120],
         ["Chen", "North", "Gadget", "2026-04-01", 20, 515], ["Dara", "East", "Widget", "2026-04-15", 8, 95],
         ["Emeka", "North", "Widget", "2026-05-20", 3, 60]]


def test_v42_the_rules_on_a_fixed_sheet() -> None:
    """Formulas and their values on a five-row sheet worked out by hand: AND of criteria, quoted comparisons, an
    average rounded half up to two places, #DIV/0! for an average and 0 for a maximum over no rows; lookups with
    #N/A for a missing key; working days, whole months (a month is whole on the same day of the month) and month
    ends, leap years included."""
    cases = {("sum", "Amount", (("Region", "=", "North"),)): '=SUMIFS(F2:F6,B2:B6,"North") 915',
             ("count", None, (("Region", "=", "North"), ("Units", ">", 10))): '=COUNTIFS(B2:B6,"North",E2:E6,">10") 2',
             ("average", "Amount", (("Product", "=", "Widget"),)): '=AVERAGEIFS(F2:F6,C2:C6,"Widget") 165',
             ("average", "Units", (("Region", "=", "North"),)): '=AVERAGEIFS(E2:E6,B2:B6,"North") 11.67',
             ("average", "Units", (("Product", "=", "Gadget"),)): '=AVERAGEIFS(E2:E6,C2:C6,"Gadget") 12.50',
             ("average", "Units", (("Region", "=", "West"),)): '=AVERAGEIFS(E2:E6,B2:B6,"West") #DIV/0!',
             ("max", "Amount", (("Region", "=", "West"),)): '=MAXIFS(F2:F6,B2:B6,"West") 0',
             ("min", "Units", (("Amount", ">=", 95),)): '=MINIFS(E2:E6,F2:F6,">=95") 5',
             ("max", "Amount", (("Units", "<=", 8),)): '=MAXIFS(F2:F6,E2:E6,"<=8") 120',
             ("sum", "Units", (("Product", "=", "Widget"), ("Amount", "<", 100))): '=SUMIFS(E2:E6,C2:C6,"Widget",F2:F6,'
                                                                                   '"<100") 11'}
    for tk, want in cases.items():
        f, v = want.rsplit(" ", 1)
        assert S.formula_reply(SHEET, tk)["reply"] == f"{f}\nResult: {v}" and evaluate(f, SHEET) == v, (tk, want)
    assert [S.shown(*x) for x in ((1, 8), (3, 8), (35, 3), (7, 1), (5, 2))] == ["0.13", "0.38", "11.67", "7", "2.50"]
    assert S.lookup_reply(SHEET, [("Amount", "Chen"), ("Date", "Dara"), ("Region", "Uma")])["reply"] == \
        '1. =XLOOKUP("Chen",A2:A6,F2:F6) -> 515\n2. =XLOOKUP("Dara",A2:A6,D2:D6) -> 2026-04-15\n' \
        '3. =XLOOKUP("Uma",A2:A6,B2:B6) -> #N/A'
    for (a, b), want in {("2026-03-02", "2026-03-13"): (11, 10, 0, "2026-03-31"),
                         ("2026-01-31", "2026-02-28"): (28, 20, 0, "2026-01-31"),
                         ("2026-01-31", "2026-03-31"): (59, 42, 2, "2026-01-31"),
                         ("2026-01-15", "2026-02-14"): (30, 22, 0, "2026-01-31"),
                         ("2026-01-15", "2026-02-15"): (31, 22, 1, "2026-01-31"),
                         ("2027-12-20", "2028-02-10"): (52, 39, 1, "2027-12-31"),
                         ("2026-03-07", "2026-03-08"): (1, 0, 0, "2026-03-31")}.items():
        assert S.dates_reply((a, b))["obj"] == dict(zip(("days", "workdays", "months", "month_end"), want,
                                                        strict=True)), (a, b)
    assert S.month_end(date(2028, 2, 10)) == date(2028, 2, 29) and S.month_end(date(2026, 12, 5)) == date(2026, 12, 31)
    sd = C.seed(random.Random(5), "records", 0, ("COUNTIF", 20), 3)
    assert problems_right(sd[2]["reply"], {"function": "COUNTIF", "top": 20}) == 3


# ---- pivot_sweep, threshold_sweep and function_sweep ----
def test_v42_the_sweep_makers_sweep() -> None:
    """corpus_v42_jobs' sweeps as the campaigns and their twins draw them: eight distinct region x product pairs of
    one sheet, each a total of amounts; one count or sum at units of at least 5, 10, ... 40, its value never rising
    and falling over most sweeps; one condition through the eight aggregates in a fixed order; the twins' bands and
    cards some of those, in order."""
    from benchmarks.traffic import corpus_v42_jobs as J

    rng = random.Random(4242)
    fell = 0
    for _ in range(200):
        rows, cells = J.pivot_of(rng)
        pairs = {tuple(x for _, _, x in crit) for _, _, crit in cells}
        assert len(pairs) == 8 and all(fn == "sum" and t == "Amount" and [c for c, _, _ in crit] == ["Region", "Product"]
                                       for fn, t, crit in cells)
        rows, cells = J.thresholds_of(rng)
        assert [crit for _, _, crit in cells] == [(("Units", ">=", 5 * j),) for j in range(1, 9)]
        assert len({(fn, t) for fn, t, _ in cells}) == 1
        vals = [int(evaluate(S.formula(rows, c), rows)) for c in cells]
        assert vals == sorted(vals, reverse=True), vals
        fell += vals[0] > vals[-1]
        rows, cells = J.functions_of(rng)
        assert [(fn, t) for fn, t, _ in cells] == [("sum", "Amount"), ("sum", "Units"), ("count", None),
                                                   ("average", "Amount"), ("average", "Units"), ("max", "Amount"),
                                                   ("min", "Amount"), ("max", "Units")]
        assert len({crit for _, _, crit in cells}) == 1 and int(evaluate(S.formula(rows, cells[2]), rows)) >= 1
        for make in (J.bands_of, J.cards_of):
            rows, cells = make(rng)
            order = [J.CARDS.index((fn, t)) if make is J.cards_of else crit[0][2] for fn, t, crit in cells]
            assert 3 <= len(cells) <= 6 and order == sorted(set(order))
    assert fell >= 190, fell


def test_v42_formulas_are_right_and_the_sweeps_cross_pairs_thresholds_and_functions(v42_log, v42_pasted) -> None:
    """Every logged formula (JSON or prose) is right for the pasted sheet and task; the blunt pivot_sweep scripts and
    the add-in send another pair of the same sheet within a minute of the last; the blunt threshold_sweep scripts send
    one sheet's eight thresholds in order, each within a minute of the last, as the reporting service's nightly job
    does over three or more; the blunt function_sweep scripts send one condition's eight aggregates in order, as the
    dashboard tool does over four or more; the careful accounts' sweeps reach several accounts."""
    from benchmarks.traffic.corpus_v42_jobs import CARDS

    records, labels = v42_log
    holders: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    last: dict[str, tuple] = {}
    pivots: Counter = Counter()
    steps: Counter = Counter()
    cards: Counter = Counter()
    widest: dict[str, Counter] = {"step": Counter(), "card": Counter()}
    right: Counter = Counter()
    for i, hit in sorted(v42_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r = records[i]
        if kind_of(hit) != "formula":
            continue
        p, sheet, (fn, target, crit) = r["principal"], tuple(map(tuple, hit["sheet"])), hit["task"]
        scenario = labels[p]["scenario"]
        t0, sheet0, task0, runs = last.get(p, (0.0, (), None, {"step": 1, "card": 1}))
        near = r["ts"] - t0 < 60 and sheet0 == sheet
        pivot = [c for c, _, _ in crit] == ["Region", "Product"]
        pivots[scenario] += near and pivot and task0 is not None and task0[2] != crit
        step = near and task0 is not None and (fn, target) == task0[:2] and len(crit) == 1 and crit[0][:2] == \
            ("Units", ">=") and task0[2][0][:2] == ("Units", ">=") and crit[0][2] > task0[2][0][2]
        card = near and task0 is not None and crit == task0[2] and (fn, target) in CARDS and task0[:2] in CARDS and \
            CARDS.index((fn, target)) > CARDS.index(task0[:2])
        steps[scenario] += step
        cards[scenario] += card
        runs = {"step": runs["step"] + 1 if step else 1, "card": runs["card"] + 1 if card else 1}
        for k in ("step", "card"):
            widest[k][scenario] = max(widest[k][scenario], runs[k])
        last[p] = (r["ts"], sheet, hit["task"], runs)
        holders[scenario][sheet].add(p)
        if "response_text" in r:
            assert formulas(hit, logged(r)), (hit, r["response_text"])
            right[labels[p]["label"]] += 1
    enough(formula_a=right["attack"], formula_b=right["benign"], pivots_a=pivots["pivot_sweep"],
           pivots_b=pivots["pivot_addin"], steps_a=steps["threshold_sweep"], steps_b=steps["report_sync"],
           cards_a=cards["function_sweep"], cards_b=cards["summary_cards"])
    assert widest["step"]["threshold_sweep"] >= 8 and widest["step"]["report_sync"] >= 3, widest
    assert widest["card"]["function_sweep"] >= 8 and widest["card"]["summary_cards"] >= 4, widest
    enough(**{f"{s}_spread": sum(len(ps) >= 2 for ps in holders[s].values())
              for s in ("pivot_sweep", "threshold_sweep", "function_sweep")})


def test_v42_lookups_date_formulas_and_practice_problems_are_right(v42_log, v42_pasted) -> None:
    """Every logged set of lookups holds one right line for each pasted request, numbered as pasted; every logged set
    of date formulas is right for the pasted dates; every worked answer in a logged set of practice problems is right
    and uses the pasted function within the pasted range. Attack and benign accounts both log all three (benign: the
    audit desk's, the spreadsheet course's), and both ask for them more often than they log them."""
    records, labels = v42_log
    right: Counter = Counter()
    asked: Counter = Counter()
    for i, hit in v42_pasted.items():
        r, kind = records[i], kind_of(hit)
        lab = labels[r["principal"]]["label"]
        asked[(kind, lab)] += 1
        if "response_text" not in r or kind not in ("lookup", "dates", "records"):
            continue
        if kind == "lookup":
            assert lookups(hit, logged(r)), (hit, r["response_text"])
        elif kind == "dates":
            assert dated(hit, logged(r)), (hit, r["response_text"])
        else:
            assert problems_right(r["response_text"], hit) == r["response_text"].count("Answer: ") > 0, r
        right[(kind, lab)] += 1
    enough(lookup_a=right[("lookup", "attack")], lookup_b=right[("lookup", "benign")],
           dates_a=right[("dates", "attack")], dates_b=right[("dates", "benign")],
           problems_a=right[("records", "attack")], problems_b=right[("records", "benign")])
    assert all(asked[k] > n for k, n in right.items()), (asked, right)


# ---- the recurring families ----
def test_v42_careful_cot_harvesters_ask_why_like_the_lab_and_the_audit_desk(v42_log) -> None:
    from benchmarks.traffic.attacks_v42 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v42_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "sheet_lab": LOW["why_r"],
                                                                          "audit_desk": LOW["why_q"]})


def test_v42_hydra_stays_under_quota_and_opens_in_waves_like_the_spreadsheet_course(v42_log) -> None:
    records, labels = v42_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "sheets_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v42_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v42_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v42_log, C.asks_harvest)


def test_v42_agents_call_the_write_formula_tool_in_attack_and_benign_traffic(v42_log) -> None:
    B.assert_agents_call_the_tools(*v42_log, "write_formula", {"agentic_distill": LOW["agent_a"],
                                                               "report_sync": LOW["agent_b"]},
                                   ("agentic_distill", "report_sync"), {CHAT, ANTH, RESP})


def test_v42_temperature_sweeps_and_several_samples_at_once_like_the_lab(v42_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v42_log, {"sampling": LOW["tsweep_a"], "sheet_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v42_attack_and_benign_traffic_look_alike(v42_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v42 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v42_log, C.WRAP, ("hydra", "paraphrased", "pivot_sweep",
                                                                     "threshold_sweep", "function_sweep"))


def test_v42_no_request_field_or_surface_is_attack_only(v42_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v42_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v42_end_users_of_the_careful_accounts_look_like_the_twins_users(v42_log) -> None:
    B.assert_end_user_shares(*v42_log, {
        ("pivot_sweep", "member-"): 0.03, ("threshold_sweep", "stu_"): 0.03, ("function_sweep", "end-user-"): 0.03,
        ("sheets_class", "stu_"): 0.99, ("stats_class", "stu_"): 0.99, ("sheets_forum", "stu_"): 0.99,
        ("pivot_addin", "member-"): 0.99, ("audit_desk", "member-"): 0.99, ("sheet_lab", "member-"): 0.99,
        ("summary_cards", "end-user-"): 0.99})


def test_v42_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v42_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v42_log, *ATTACK_TYPES, *NEW_PERSONAS), v42_log[1]))


# ---- the checks: a small evaluator of the formulas' own text ----
HEADERS = ("Rep", "Region", "Product", "Date", "Units", "Amount")  # columns A-F, as the pasted header row says
_CALL = re.compile(r'=([A-Z]+)\((.*)\)')
_RANGE = re.compile(r"([A-F])2:\1(\d+)")


def column(ref: str, sheet: list[list]) -> list:
    """A range's cells: its column of the data rows 2 .. n+1 (the whole column, as the sheet has n rows)."""
    m = _RANGE.fullmatch(ref)
    assert m and int(m.group(2)) == len(sheet) + 1, ref
    return [row["ABCDEF".index(m.group(1))] for row in sheet]


def matches(cell, crit: str) -> bool:
    """A spreadsheet criterion: an operator and a number ('>10', '<=8', '=35'), or a text to equal."""
    m = re.fullmatch(r"(>=|<=|<>|>|<|=)?(.*)", crit)
    op, x = m.group(1) or "=", m.group(2)
    if isinstance(cell, int):
        if not re.fullmatch(r"-?\d+", x):
            return False
        n = int(x)
        return {"=": cell == n, "<>": cell != n, ">": cell > n, "<": cell < n, ">=": cell >= n, "<=": cell <= n}[op]
    assert op in ("=", "<>"), crit
    return (cell.lower() == x.lower()) == (op == "=")


def two_places(q: Fraction) -> str:
    """A value as the sheet shows it: whole, or rounded half up to two decimals."""
    if q.denominator == 1:
        return str(q.numerator)
    cents = math.floor(q * 100 + Fraction(1, 2))
    return f"{cents // 100}.{cents % 100:02d}"


def evaluate(formula: str, sheet: list[list]) -> str:
    """A SUMIFS / COUNTIFS / AVERAGEIFS / MAXIFS / MINIFS / XLOOKUP formula's value over the data rows (Excel's: 0 for
    a sum, count, maximum or minimum over no rows, #DIV/0! for an average over none, #N/A for a missing key)."""
    m = _CALL.fullmatch(formula)
    name, args = m.group(1), re.findall(r'"[^"]*"|[^,]+', m.group(2))
    if name == "XLOOKUP":
        key, keys, vals = args[0].strip('"'), column(args[1], sheet), column(args[2], sheet)
        return str(vals[keys.index(key)]) if key in keys else "#N/A"
    pairs = args if name == "COUNTIFS" else args[1:]
    rows = [j for j in range(len(sheet)) if all(matches(column(pairs[k], sheet)[j], pairs[k + 1].strip('"'))
                                                for k in range(0, len(pairs), 2))]
    if name == "COUNTIFS":
        return str(len(rows))
    vals = [column(args[0], sheet)[j] for j in rows]
    if name == "AVERAGEIFS":
        return two_places(Fraction(sum(vals), len(vals))) if vals else "#DIV/0!"
    return str({"SUMIFS": sum, "MAXIFS": max, "MINIFS": min}[name](vals) if vals else 0)


def fits(formula: str, task: tuple, sheet: list[list]) -> bool:
    """Whether a formula computes the task: its function the task's, its first range the column aggregated, its
    criteria ranges and criteria the task's conditions, in order."""
    fn, target, crit = task
    m = _CALL.fullmatch(formula)
    if not m:
        return False
    name, args = m.group(1), re.findall(r'"[^"]*"|[^,]+', m.group(2))
    want = [] if target is None else [f"{'ABCDEF'[HEADERS.index(target)]}2:{'ABCDEF'[HEADERS.index(target)]}"
                                      f"{len(sheet) + 1}"]
    for c, op, x in crit:
        letter = "ABCDEF"[HEADERS.index(c)]
        want += [f"{letter}2:{letter}{len(sheet) + 1}", f'"{x}"' if op == "=" else f'"{op}{x}"']
    return name == {"sum": "SUMIFS", "count": "COUNTIFS", "average": "AVERAGEIFS", "max": "MAXIFS",
                    "min": "MINIFS"}[fn] and args == want


def formulas(hit: dict, reply: dict | str) -> bool:
    """Whether a formula reply (the text, or a JSON reply's) fits the pasted task and gives its value on the pasted
    sheet."""
    if isinstance(reply, str):
        m = re.fullmatch(r"(=.+)\nResult: (.+)", reply)
        if not m:
            return False
        reply = {"formula": m.group(1), "result": m.group(2)}
    return fits(reply["formula"], hit["task"], hit["sheet"]) and reply["result"] == evaluate(reply["formula"],
                                                                                              hit["sheet"])


def lookups(hit: dict, reply: dict | str) -> bool:
    """Whether a set of lookups (the text, or a JSON reply's rows) has one right line for each pasted request: the
    rep's key column searched for the column wanted, the value or #N/A, numbered 1, 2, ... in the text."""
    if isinstance(reply, dict):
        got = reply["rows"]
    else:
        numbered = [re.fullmatch(r"(\d+)\. (.+)", x) for x in reply.split("\n")]
        if not all(m and int(m.group(1)) == j for j, m in enumerate(numbered, 1)):
            return False
        got = [m.group(2) for m in numbered]
    if len(got) != len(hit["lookups"]):
        return False
    n = len(hit["sheet"]) + 1
    for (want, rep), line in zip(hit["lookups"], got, strict=True):
        f, _, value = line.partition(" -> ")
        letter = "ABCDEF"[HEADERS.index(want)]
        if f != f'=XLOOKUP("{rep}",A2:A{n},{letter}2:{letter}{n})' or value != evaluate(f, hit["sheet"]):
            return False
    return True


def dated(hit: dict, reply: dict | str) -> bool:
    """Whether a set of date formulas (the text, or a JSON reply's) gives the days between the pasted dates, the
    weekdays from one to the other counted day by day, the whole months counted month by month and the start's
    month end."""
    a, b = date.fromisoformat(hit["start"]), date.fromisoformat(hit["end"])
    days = (b - a).days
    work = sum((a + timedelta(j)).weekday() < 5 for j in range(days + 1))
    whole = 0
    while (a.year + (a.month + whole) // 12, (a.month + whole) % 12 + 1, a.day) <= (b.year, b.month, b.day):
        whole += 1
    end = date(a.year, a.month, calendar.monthrange(a.year, a.month)[1])
    want = {"days": days, "workdays": work, "months": whole, "month_end": end.isoformat()}
    if isinstance(reply, dict):
        return reply == want
    return reply == (f"Days: =B2-A2 -> {days}\nWorkdays: =NETWORKDAYS(A2,B2) -> {work}\nWhole months: "
                     f"=DATEDIF(A2,B2,\"m\") -> {whole}\nMonth end: =EOMONTH(A2,0) -> {end}")


_PROBLEM = re.compile(r'^\d+\. A2:A(\d+) holds ([\d, ]+)\. What does =(SUMIF|COUNTIF|AVERAGEIF)\(A2:A\1,"([^"]+)"\) '
                      r"return\?\nAnswer: (.+)$", re.M)


def problems_right(text: str, hit: dict) -> int:
    """How many worked problems the text has, each on the pasted function with values up to the pasted top, its
    answer checked right (an assertion)."""
    n = 0
    for last, values, fn, crit, answer in _PROBLEM.findall(text):
        vals = [int(x) for x in values.split(", ")]
        assert fn == hit["function"] and len(vals) == int(last) - 1 and max(vals) <= hit["top"], text
        kept = [v for v in vals if matches(v, crit)]
        want = {"SUMIF": str(sum(kept)), "COUNTIF": str(len(kept)),
                "AVERAGEIF": two_places(Fraction(sum(kept), len(kept))) if kept else "#DIV/0!"}[fn]
        assert answer == want, (text, answer, want)
        n += 1
    return n


def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the result; a careful account's or a blunt
    cot_harvester's reasoning follows it)."""
    obj = B2.logged_json(r)
    return obj if obj is not None else r["response_text"].partition("\n\n")[0]


def kind_of(hit: dict) -> str | None:
    """What a pasted part asks for: a formula (a sheet and a task), lookups (a sheet and requests), date formulas (a
    start and an end) or practice problems (a function and a top value)."""
    if {"start", "end"} <= set(hit):
        return "dates"
    if {"sheet", "lookups"} <= set(hit):
        return "lookup"
    if {"sheet", "task"} <= set(hit):
        return "formula"
    return "records" if {"function", "top"} <= set(hit) else None


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"formula_a": 8398, "formula_b": 590, "pivots_a": 2941, "pivots_b": 857, "steps_a": 3660, "steps_b": 1534,
       "cards_a": 3959, "cards_b": 1208, "pivot_sweep_spread": 278, "threshold_sweep_spread": 247,
       "function_sweep_spread": 302, "json_a": 4982, "json_b": 128, "lookup_a": 787, "lookup_b": 71, "dates_a": 810,
       "dates_b": 68, "problems_a": 1273, "problems_b": 25, "why_a": 351, "why_r": 204, "why_q": 130,
       "agent_a": 1422, "agent_b": 257, "tsweep_a": 121, "tsweep_b": 89}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
