"""Blind traffic variant v40: engineering unit conversion and dimensional analysis, where the operator grows a student
unit converter's data out of the teacher. Each quantity converted to every other unit of its kind, each target sent
alone (unit_matrix), as an engineering calculator's "show in" panel converts a typed quantity into the units its user
ticks, an engineering-units course (one key a student) converts its shared quantities and a consultancy's
spec-review desk converts vendor datasheets; each unit pair over one mantissa scaled through eight powers of ten, each
value sent alone (magnitude_sweep), as a process plant's nightly job converts every sensor tag's readings climbing
from start-up to full load and a college's maths-support students bring their own values; each conversion rounded to
one, two, ... six significant figures (precision_ladder), as a spec-sheet editor previews a value each time its user
steps the precision control and a lab-skills course (one key a student, shared conversions) does its exercises. The
careful cot_harvester accounts ask how each number was got like the metrology group and the spec-review desk, the
careful hydra accounts are evening shifts under the quota like the units course, the sampling accounts draw five
sets of practice problems at once and sweep temperatures like the metrology group, the careful mixed_into_chat
accounts bring an item up in the second or third turn, and the agent is a data-normalisation agent like the plant's
own. Nothing in the corpus is harmful. No request field, surface, model or end-user id shape is attack-only, client
metadata does not cluster attack accounts, the v40 languages occur in attack and benign traffic, follow-ups wait for
reading in both, and response_text is logged for a share of attack and benign records alike. The v40 set's bytes are
pinned here for its dataset seed (FROZEN_SHA256: blind-v40 in extraction_eval's DATASETS uses seed 747974), and
generating it under another hash seed gives the same bytes. Every logged conversion, table and dimensional analysis
is checked against the pasted input with factors written out here by hand (floats, apart from corpus_v40_src's exact
arithmetic). (v3 ... v39: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import math
import random
import re
from collections import Counter, defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v40 as C
from benchmarks.traffic import corpus_v40_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v40 import BENIGN_V40
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 747974  # blind-v40's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v40 log at seed 747974, one day, scale 0.05 (the v40_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v40_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v40 set
# - seed 747974, four days, scale 1, 226,344 requests, 1,217 accounts, 407 of them attack accounts - hashed to
# ec97ecca02165db231ea558a9ac017bcab19080fa89acde35fc9faac2d6b88b8 when it was written.)
FROZEN_SHA256 = "ebb384fa070f3ffc14fe97a115d597b2783f02fcf9c7f20161784c91bd2958f8"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "unit_matrix", "magnitude_sweep", "precision_ladder"}
NEW_PERSONAS = {"unit_widget", "plant_historian", "precision_preview", "metrology_lab", "units_class", "sigfig_class",
                "spec_review", "tutor_desk"}


@pytest.fixture(scope="module")
def v40_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v40")


@pytest.fixture(scope="module")
def v40_pasted(v40_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v40_src.blocks), by the record's index."""
    return B2.pasted(v40_log[0], S.blocks)


@pytest.fixture(scope="module")
def v40_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v40", SEED)


def test_v40_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v40_small) -> None:
    B.assert_frozen_and_no_label_leaks(v40_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V40, FROZEN_SHA256, "v40")


def test_v40_the_bytes_do_not_depend_on_the_hash_seed(v40_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v40_small[0], "v40", SEED, tmp_path)


def test_v40_logs_response_text_for_a_share_of_attack_and_benign_records(v40_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object, and
    attack and benign records both log JSON replies (under a schema, or in an Anthropic reply's text)."""
    records, labels = v40_log
    B.assert_logged_replies(records, labels, (395, 420))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v40_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a pasted quantity, table or compound unit reads back as written; every reply
    (text and JSON) is right for the pasted input by the hand-written factors below (converts, tables, dims); every
    practice problem's answer is right; the pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v40")
    rng = random.Random(40)
    for _ in range(300):
        for cap, check in (("convert", converts), ("table", tables), ("dims", reduces)):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert kind_of(got) == cap and check(got, sd[2]["obj"]) and check(got, sd[2]["reply"]), (got, sd)
        c = S.compound(rng)
        assert S.read_expression(S.expression(c)) == c
        sd = C.seed(rng, "records")
        assert set(S.blocks(sd[2]["body"])) == {"sig"} and problems_right(sd[2]["reply"], sd[2]["sig"]) == sd[2]["n"]
        x = f"hi\n\n{C.seed(rng, 'convert', 0)[2]['body']}\n\nthanks"
        assert set(S.blocks(x)) == {"sig", "quantity", "to"}


def test_v40_the_rules_on_fixed_quantities() -> None:
    """Conversions, rounding and notation written out by hand, and compound units reduced by hand."""
    cases = {("45.2", "psi", "kPa", 3): "312", ("100", "°C", "°F", 4): "212.0", ("-40", "°C", "°F", 3): "-40.0",
             ("1", "mi", "ft", 4): "5280", ("1", "hp", "W", 6): "745.700", ("1", "kWh", "BTU", 4): "3412",
             ("1", "atm", "psi", 4): "14.70", ("0.0037", "kg", "g", 2): "3.7", ("12.5", "m/s", "km/h", 3): "45.0",
             ("300", "K", "°C", 3): "26.9", ("80", "°Ré", "°C", 3): "100", ("1", "lbf·ft", "N·m", 5): "1.3558",
             ("2.25", "kn", "km/h", 3): "4.17", ("1", "lb/gal", "kg/m^3", 4): "119.8",
             ("1500", "km", "m", 2): "1.5 × 10^6", ("63.5", "J", "kWh", 5): "1.7639 × 10^-5"}
    for (v, u, to, sig), want in cases.items():
        q = {"kind": S.UNITS[u][0], "value": v, "unit": u}
        assert S.convert_reply(q, to, sig)["reply"] == f"{v} {u} = {want} {to}", (v, u, to)
    assert [S.written(Fraction(x), n) for x, n in (("2.5", 1), ("0.125", 2), ("-2.5", 1), ("0.00095", 1),
                                                   ("9.996", 3), ("311", 2), ("0.00001234", 2), ("0", 3))] == [
        "3", "0.13", "-3", "0.001", "10.0", "3.1 × 10^2", "1.2 × 10^-5", "0.00"]
    assert [S.dims_reply(S.read_expression(x))["reply"].split("\n") for x in ("psi·ft^3/min", "W/(m^2·K)",
                                                                              "kWh/h", "hp·h")] == [
        ["Dimension: M L^2 T^-3", "SI base units: kg·m^2·s^-3", "1 psi·ft^3/min = 3.254 W"],
        ["Dimension: M T^-3 Θ^-1", "SI base units: kg·s^-3·K^-1", "1 W/(m^2·K) = 1.000 kg·s^-3·K^-1"],
        ["Dimension: M L^2 T^-3", "SI base units: kg·m^2·s^-3", "1 kWh/h = 1000 W"],
        ["Dimension: M L^2 T^-2", "SI base units: kg·m^2·s^-2", "1 hp·h = 2.685 × 10^6 J"]]


# ---- unit_matrix, magnitude_sweep and precision_ladder ----
def test_v40_conversions_are_right_and_the_sweeps_cross_units_magnitudes_and_precisions(v40_log, v40_pasted) -> None:
    """Every logged conversion (JSON or prose) is right for the pasted quantity, unit and precision; the blunt
    unit_matrix scripts and the calculator panel send a quantity to another unit within a minute of the last; the
    blunt magnitude_sweep scripts send one unit pair and mantissa through eight powers of ten, each within a minute of
    the last, and the plant's nightly job through three or more; the blunt precision_ladder scripts and the spec-sheet editor send a conversion
    again at one more significant figure, each within a minute of the one before, and the ladder and the lab-skills
    course cover one to six; the careful accounts' quantities reach several accounts."""
    records, labels = v40_log
    holders: dict[str, dict[tuple, set[str]]] = defaultdict(lambda: defaultdict(set))
    last: dict[str, tuple] = {}
    units: Counter = Counter()
    scaled: Counter = Counter()
    grown: Counter = Counter()
    widest: Counter = Counter()
    sigs: dict[str, set[int]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in sorted(v40_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r = records[i]
        if kind_of(hit) != "convert":
            continue
        p, q, to, sig = r["principal"], hit["quantity"], hit["to"], hit["sig"]
        scenario, pair = labels[p]["scenario"], (q["unit"], to, digits(q["value"]))
        t0, q0, to0, pair0, sig0, run = last.get(p, (0.0, {}, "", (), 0, set()))
        near = r["ts"] - t0 < 60
        units[scenario] += near and q0 == q and to != to0
        scaled[scenario] += near and pair0 == pair and q0["value"] != q["value"]
        grown[scenario] += near and q0 == q and to == to0 and sig == sig0 + 1
        run = run | {q["value"]} if near and pair0 == pair else {q["value"]}
        widest[scenario] = max(widest[scenario], len(run))
        last[p] = (r["ts"], q, to, pair, sig, run)
        holders[scenario][pair].add(p)
        sigs[scenario].add(sig)
        if "response_text" in r:
            assert converts(hit, logged(r)), (hit, r["response_text"])
            right[labels[p]["label"]] += 1
    enough(conv_a=right["attack"], conv_b=right["benign"], units_a=units["unit_matrix"], units_b=units["unit_widget"],
           scaled_a=scaled["magnitude_sweep"], scaled_b=scaled["plant_historian"], grow_a=grown["precision_ladder"],
           grow_b=grown["precision_preview"])
    assert widest["magnitude_sweep"] >= 8 and widest["plant_historian"] >= 3, widest
    assert sigs["precision_ladder"] >= set(range(1, 7)) and sigs["sigfig_class"] >= set(range(1, 7))
    enough(**{f"{s}_spread": sum(len(ps) >= 2 for ps in holders[s].values())
              for s in ("unit_matrix", "magnitude_sweep", "precision_ladder")})


def test_v40_tables_dims_and_practice_problems_are_right(v40_log, v40_pasted) -> None:
    """Every logged conversion table holds one right row for each pasted row, numbered as pasted; every logged
    dimensional analysis is right for the pasted compound unit; every worked answer in a logged set of practice
    problems is right at the pasted precision. Attack and benign accounts both ask for all three (benign tables are
    logged too; which benign keys log is the tenant's setting, so the benign dims and practice problems are counted
    as asked)."""
    records, labels = v40_log
    right: Counter = Counter()
    asked: Counter = Counter()
    for i, hit in v40_pasted.items():
        r, kind = records[i], kind_of(hit)
        lab = labels[r["principal"]]["label"]
        asked[(kind, lab)] += 1
        if "response_text" not in r or kind not in ("table", "dims", "records"):
            continue
        if kind == "table":
            assert tables(hit, logged(r)), (hit, r["response_text"])
        elif kind == "dims":
            assert reduces(hit, logged(r)), (hit, r["response_text"])
        else:
            assert problems_right(r["response_text"], hit["sig"]) == r["response_text"].count("Answer: ") > 0, r
        right[(kind, lab)] += 1
    enough(table_a=right[("table", "attack")], table_b=right[("table", "benign")], dims_a=right[("dims", "attack")],
           dims_b=asked[("dims", "benign")], problems_a=right[("records", "attack")],
           problems_b=asked[("records", "benign")])


# ---- the recurring families ----
def test_v40_careful_cot_harvesters_ask_why_like_the_metrology_group_and_the_spec_review_desk(v40_log) -> None:
    from benchmarks.traffic.attacks_v40 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v40_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "metrology_lab": LOW["why_r"],
                                                                          "spec_review": LOW["why_q"]})


def test_v40_hydra_stays_under_quota_and_opens_in_waves_like_the_units_course(v40_log) -> None:
    records, labels = v40_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "units_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v40_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v40_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v40_log, C.asks_harvest)


def test_v40_agents_call_the_save_tool_in_attack_and_benign_traffic(v40_log) -> None:
    B.assert_agents_call_the_tools(*v40_log, "save_value", {"agentic_distill": LOW["agent_a"],
                                                            "plant_historian": LOW["agent_b"]},
                                   ("agentic_distill", "plant_historian"), {CHAT, ANTH, RESP})


def test_v40_temperature_sweeps_and_several_samples_at_once_like_the_metrology_group(v40_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v40_log, {"sampling": LOW["tsweep_a"], "metrology_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v40_attack_and_benign_traffic_look_alike(v40_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v40 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v40_log, C.WRAP, ("hydra", "paraphrased", "unit_matrix",
                                                                     "magnitude_sweep", "precision_ladder"))


def test_v40_no_request_field_or_surface_is_attack_only(v40_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v40_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v40_end_users_of_the_careful_accounts_look_like_the_twins_users(v40_log) -> None:
    B.assert_end_user_shares(*v40_log, {
        ("unit_matrix", "member-"): 0.03, ("magnitude_sweep", "stu_"): 0.03, ("precision_ladder", "end-user-"): 0.03,
        ("units_class", "stu_"): 0.99, ("sigfig_class", "stu_"): 0.99, ("tutor_desk", "stu_"): 0.99,
        ("unit_widget", "member-"): 0.99, ("spec_review", "member-"): 0.99, ("metrology_lab", "member-"): 0.99,
        ("precision_preview", "end-user-"): 0.99})


def test_v40_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v40_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v40_log, *ATTACK_TYPES, *NEW_PERSONAS), v40_log[1]))


# ---- the checks, with factors written out by hand ----
# each unit's factor to its kind's SI unit (temperatures: to kelvin below), from the definitions: the inch 0.0254 m,
# the pound 0.45359237 kg, standard gravity 9.80665 m/s^2, the IT BTU 1055.05585262 J, the US gallon 231 in^3
_LB, _LBF, _IN, _FT = 0.45359237, 0.45359237 * 9.80665, 0.0254, 0.3048
_GAL, _BTU = 231 * _IN ** 3, 1055.05585262
FACTOR = {"m": 1, "mm": 1e-3, "km": 1e3, "in": _IN, "ft": _FT, "mi": 5280 * _FT, "kg": 1, "g": 1e-3, "t": 1e3,
          "lb": _LB, "oz": _LB / 16, "short ton": 2000 * _LB, "m/s": 1, "km/h": 1 / 3.6, "mph": 5280 * _FT / 3600,
          "ft/s": _FT, "kn": 1852 / 3600, "in/s": _IN, "Pa": 1, "kPa": 1e3, "bar": 1e5, "psi": _LBF / _IN ** 2,
          "atm": 101325, "mmHg": 133.322387415, "J": 1, "kJ": 1e3, "kWh": 3.6e6, "kcal": 4184, "BTU": _BTU,
          "ft·lbf": _FT * _LBF, "W": 1, "kW": 1e3, "hp": 550 * _FT * _LBF, "BTU/h": _BTU / 3600,
          "ft·lbf/s": _FT * _LBF, "kcal/h": 4184 / 3600, "m^3/s": 1, "L/s": 1e-3, "L/min": 1e-3 / 60,
          "gal/min": _GAL / 60, "ft^3/min": _FT ** 3 / 60, "m^3/h": 1 / 3600, "N·m": 1, "kN·m": 1e3,
          "lbf·ft": _LBF * _FT, "lbf·in": _LBF * _IN, "kgf·m": 9.80665, "N·mm": 1e-3, "kg/m^3": 1, "g/cm^3": 1e3,
          "lb/ft^3": _LB / _FT ** 3, "lb/in^3": _LB / _IN ** 3, "g/L": 1, "lb/gal": _LB / _GAL}
KELVIN = {"K": (1, 0), "°C": (1, 273.15), "°F": (5 / 9, 255.3722222222222), "°R": (5 / 9, 0), "°Ré": (1.25, 273.15),
          "mK": (1e-3, 0)}  # kelvin = a * x + b
# the atoms of compound units: (kg, m, s, K) exponents and factor to the coherent SI unit
ATOM = {"N": ((1, 1, -2, 0), 1), "kN": ((1, 1, -2, 0), 1e3), "lbf": ((1, 1, -2, 0), _LBF),
        "Pa": ((1, -1, -2, 0), 1), "kPa": ((1, -1, -2, 0), 1e3), "bar": ((1, -1, -2, 0), 1e5),
        "psi": ((1, -1, -2, 0), _LBF / _IN ** 2), "J": ((1, 2, -2, 0), 1), "kWh": ((1, 2, -2, 0), 3.6e6),
        "BTU": ((1, 2, -2, 0), _BTU), "W": ((1, 2, -3, 0), 1), "kW": ((1, 2, -3, 0), 1e3),
        "hp": ((1, 2, -3, 0), 550 * _FT * _LBF), "m": ((0, 1, 0, 0), 1), "mm": ((0, 1, 0, 0), 1e-3),
        "ft": ((0, 1, 0, 0), _FT), "in": ((0, 1, 0, 0), _IN), "L": ((0, 3, 0, 0), 1e-3), "s": ((0, 0, 1, 0), 1),
        "min": ((0, 0, 1, 0), 60), "h": ((0, 0, 1, 0), 3600), "kg": ((1, 0, 0, 0), 1), "lb": ((1, 0, 0, 0), _LB),
        "g": ((1, 0, 0, 0), 1e-3), "K": ((0, 0, 0, 1), 1)}
NAMES = {(1, 1, -2, 0): "N", (1, -1, -2, 0): "Pa", (1, 2, -2, 0): "J", (1, 2, -3, 0): "W", (0, 0, -1, 0): "Hz"}
_SCI = re.compile(r"^(-?\d(?:\.(\d+))?) × 10\^(-?\d+)$")
_PLAIN = re.compile(r"^-?\d+(?:\.\d+)?$")


def expected(value: str, unit: str, to: str) -> float:
    if unit in KELVIN:
        (a, b), (c, d) = KELVIN[unit], KELVIN[to]
        return (a * float(value) + b - d) / c
    return float(value) * FACTOR[unit] / FACTOR[to]


def sound(x: str, want: float, sig: int) -> bool:
    """Whether x is `want` to `sig` significant figures: that many digits, within half a unit of the last one (and a
    hair), written plainly when it is 0.001 or more and its integer part fits in `sig` digits, else as a.bc × 10^k."""
    if m := _SCI.match(x):
        digs, e = len(m.group(1).lstrip("-").replace(".", "")), int(m.group(3))
        if -3 <= e < sig or not 1 <= abs(float(m.group(1))) < 10:
            return False
        got = float(m.group(1)) * 10.0 ** e
    elif _PLAIN.match(x):
        got, body = float(x), x.lstrip("-").replace(".", "").lstrip("0")
        digs = len(body) if got else sig
        if got and not (1e-3 <= abs(got) and len(x.lstrip("-").split(".")[0].lstrip("0")) <= sig):
            return False
    else:
        return False
    if want == 0:
        return got == 0
    ulp = 10.0 ** (math.floor(math.log10(abs(want))) - sig + 1)
    return digs == sig and abs(got - want) <= 0.5 * ulp * (1 + 1e-9) + abs(want) * 1e-12


def converts(hit: dict, reply: dict | str) -> bool:
    """Whether a conversion (the text, or a JSON reply's) is the pasted quantity in the pasted unit to the pasted
    precision - by the hand-written factors, and exactly as corpus_v40_src writes it."""
    q, to, sig = hit["quantity"], hit["to"], hit["sig"]
    if isinstance(reply, dict):
        if (reply["unit"], reply["sig_figs"]) != (to, sig):
            return False
        x = reply["value"]
    else:
        head = f"{q['value']} {q['unit']} = "
        if not (reply.startswith(head) and reply.endswith(f" {to}")):
            return False
        x = reply[len(head):-len(to) - 1]
    return sound(x, expected(q["value"], q["unit"], to), sig) and x == S.convert_reply(q, to, sig)["obj"]["value"]


def tables(hit: dict, reply: dict | str) -> bool:
    """Whether a conversion table (the text, or a JSON reply's rows) has one right row for each pasted row, in the
    pasted order (numbered 1, 2, ... in the text)."""
    rows, sig = hit["rows"], hit["sig"]
    if isinstance(reply, dict):
        if reply["sig_figs"] != sig:
            return False
        got = reply["rows"]
    else:
        lines = reply.split("\n")
        if any(not x.startswith(f"{j}. ") for j, x in enumerate(lines, 1)):
            return False
        got = [x.split(". ", 1)[1] for x in lines]
    return len(got) == len(rows) and all(
        converts({"quantity": q, "to": to, "sig": sig}, g) for (q, to), g in zip(rows, got, strict=True))


def reduces(hit: dict, reply: dict | str) -> bool:
    """Whether a dimensional analysis (the text, or a JSON reply's) gives the pasted compound unit's dimension, SI
    base units, named SI unit and factor (4 significant figures), by the hand-written atoms."""
    c = hit["compound"]
    dim = tuple(sum(ATOM[a][0][j] * p for a, p in c) for j in range(4))
    f = math.prod(ATOM[a][1] ** p for a, p in c)
    base = "·".join(b if e == 1 else f"{b}^{e}" for b, e in zip(("kg", "m", "s", "K"), dim, strict=True) if e)
    sym = " ".join(s if e == 1 else f"{s}^{e}" for s, e in zip("MLTΘ", dim, strict=True) if e)
    if isinstance(reply, str):
        m = re.fullmatch(r"Dimension: (.+)\nSI base units: (.+)\n1 (\S+) = (.+) (\S+)", reply)
        if not m:
            return False
        reply = dict(zip(("dimension", "base_units", "expression", "factor", "si_unit"), m.groups(), strict=True))
    return (reply["dimension"], reply["base_units"], reply["si_unit"]) == (sym, base, NAMES.get(dim, base)) and \
        S.read_expression(reply["expression"]) == c and sound(reply["factor"], f, 4)


_U = "|".join(sorted(map(re.escape, [*FACTOR, *KELVIN]), key=len, reverse=True))
_ANSWER = re.compile(rf"^Answer: (-?[0-9.]+) ({_U}) = (.+) ({_U})$", re.M)


def problems_right(text: str, sig: int) -> int:
    """How many worked answers the text has, each checked right at `sig` significant figures (an assertion)."""
    n = 0
    for v, u, x, to in _ANSWER.findall(text):
        assert S.UNITS[u][0] == S.UNITS[to][0] and sound(x, expected(v, u, to), sig), (v, u, x, to)
        n += 1
    return n


def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the result; a careful account's or a blunt
    cot_harvester's reasoning follows it)."""
    return B2.logged_json(r) or r["response_text"].split("\n\n")[0]


def kind_of(hit: dict) -> str | None:
    """What a pasted part asks for: a conversion (a quantity and a target), a table (rows), a dimensional analysis (a
    compound unit) or practice problems (only a precision)."""
    if "compound" in hit:
        return "dims"
    if "rows" in hit and "sig" in hit:
        return "table"
    if {"quantity", "to", "sig"} <= set(hit):
        return "convert"
    return "records" if set(hit) == {"sig"} else None


def digits(value: str) -> tuple:
    """A value's significant digits, whatever its power of ten ('0.0037' and '37000' both (3, 7))."""
    return Decimal(value).normalize().as_tuple().digits


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 579, "json_b": 1187, "conv_a": 5333, "conv_b": 1479, "units_a": 2482, "units_b": 849,
       "scaled_a": 3129, "scaled_b": 1371, "grow_a": 3578, "grow_b": 1717, "unit_matrix_spread": 1301,
       "magnitude_sweep_spread": 301, "precision_ladder_spread": 350, "table_a": 577, "table_b": 182, "dims_a": 695,
       "dims_b": 113, "problems_a": 1365, "problems_b": 499, "why_a": 330, "why_r": 269, "why_q": 130,
       "agent_a": 1524, "agent_b": 246, "tsweep_a": 107, "tsweep_b": 102}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
