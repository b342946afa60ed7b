"""The sources of the `v36` variant (step-checked reasoning; see corpus_v36.py; written blind the same way: nothing
here was tuned against a detector result): small Lean 4 theorems broken into the goal states a prover meets on the
way and the tactic each state calls for, scheduling puzzles whose constraints can be dropped one at a time (some sets
leave no schedule at all), and quantities taken into other units through a chain of exact factors - each with the
reply a careful tutor gives. Nothing here is harmful.
"""

from __future__ import annotations

import itertools
import random
import re
from typing import Any

# ---- Lean 4 proofs: a theorem's statement ({x}, {y}: variable names; {k}, {j}, {k1}, {jk}, {sq}: numbers) and the
# tactic script that proves it; the goal states are worked out by applying the script ----
_VARS = (("a", "b"), ("x", "y"), ("m", "n"), ("u", "v"), ("s", "t"))
THEOREMS = (
    ("add_lt_shift", "∀ ({x} {y} : ℕ), {x} < {y} → {x} + {k} ≤ {y} + {k}", ("intro {x} {y}", "intro h", "omega")),
    ("sq_add", "∀ ({x} {y} : ℤ), ({x} + {y}) ^ 2 = {x} ^ 2 + 2 * {x} * {y} + {y} ^ 2", ("intro {x} {y}", "ring")),
    ("and_swap", "∀ (p q : Prop), p ∧ q → q ∧ p", ("intro p q", "intro h", "constructor", "exact h.2",
                                                   "exact h.1")),
    ("mul_add_sq", "∀ ({x} : ℕ), {x} * ({x} + {k}) = {x} ^ 2 + {k} * {x}", ("intro {x}", "ring")),
    ("le_lt_succ", "∀ ({x} : ℕ), {x} ≤ {k} → {x} < {k1}", ("intro {x}", "intro h", "omega")),
    ("sq_sub", "∀ ({x} {y} : ℚ), ({x} - {y}) * ({x} + {y}) = {x} ^ 2 - {y} ^ 2", ("intro {x} {y}", "ring")),
    ("sub_le_gap", "∀ ({x} {y} : ℕ), {x} ≤ {y} ∧ {y} ≤ {x} + {k} → {y} - {x} ≤ {k}", ("intro {x} {y}", "intro h",
                                                                                       "omega")),
    ("arith_pair", "{j} * {k} + {j} = {jk} ∧ {k} ≤ {jk}", ("constructor", "norm_num", "norm_num")),
    ("or_of_left", "∀ (p q : Prop), p → p ∨ q", ("intro p q", "intro h", "left", "exact h")),
    ("lt_chain", "∀ ({x} {y} : ℕ), {x} < {y} ∧ {y} < {k} → {x} + 1 < {k}", ("intro {x} {y}", "intro h", "omega")),
    ("sum_squares", "{j} ^ 2 + {k} ^ 2 = {sq}", ("norm_num",)),
    ("and_intro", "∀ (p q : Prop), p → q → p ∧ q", ("intro p q", "intro hp", "intro hq", "constructor", "exact hp",
                                                     "exact hq")),
)
WHY_TACTIC = {"intro": "The goal is a ∀ or an implication, so the first move is to introduce what it binds.",
              "constructor": "The goal is a conjunction; constructor splits it into its two halves.",
              "omega": "What is left is linear arithmetic over the naturals with the hypotheses in context, which "
                       "omega decides.",
              "ring": "Both sides are the same polynomial once expanded, so ring closes it.",
              "norm_num": "The goal mentions only numerals, so norm_num evaluates both sides.",
              "exact": "The goal is exactly a hypothesis in context (or one half of one), so exact closes it.",
              "left": "The goal is a disjunction whose left side is a hypothesis, so go left."}


def _split(x: str, op: str) -> tuple[str, str]:
    a, b = x.split(f" {op} ", 1)
    return a, b


def _apply(hyps: list[str], goals: list[tuple[str, str]], tactic: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The hypotheses and open goals (case, goal) after `tactic` (every goal shares the hypotheses)."""
    (case, goal), rest = goals[0], goals[1:]
    word, *args = tactic.split()
    if word == "intro" and goal.startswith("∀"):
        m = re.fullmatch(r"∀ \(([\w ]+) : (\S+)\), (.+)", goal)
        return hyps + [f"{m.group(1)} : {m.group(2)}"], [(case, m.group(3))] + rest
    if word == "intro":
        a, b = _split(goal, "→")
        return hyps + [f"{args[0]} : {a}"], [(case, b)] + rest
    if word == "constructor":
        a, b = _split(goal, "∧")
        return hyps, [("left", a), ("right", b)] + rest
    if word == "left":
        return hyps, [(case, _split(goal, "∨")[0])] + rest
    return hyps, rest


def _render(hyps: list[str], goals: list[tuple[str, str]]) -> str:
    one = "\n".join(hyps + ["⊢ {}"])
    if len(goals) == 1:
        return one.format(goals[0][1])
    return "\n\n".join(f"case {c}\n" + one.format(g) for c, g in goals)


def proof(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A theorem (the k-th, or any) with its names and numbers drawn, and its steps: each goal state met on the way
    and the tactic applied to it."""
    k = rng.randrange(len(THEOREMS)) if k is None else k % len(THEOREMS)
    name, stmt, script = THEOREMS[k]
    (x, y), kk, j = rng.choice(_VARS), rng.randint(2, 9), rng.randint(11, 19)
    vals = {"x": x, "y": y, "k": kk, "j": j, "k1": kk + 1, "jk": j * kk + j, "sq": j * j + kk * kk}
    statement = stmt.format(**vals)
    hyps, goals, steps = [], [("", statement)], []
    for tac in script:
        tactic = tac.format(**vals)
        steps.append((_render(hyps, goals), tactic))
        hyps, goals = _apply(hyps, goals, tactic)
    assert not goals, name
    return {"k": k, "name": name, "statement": statement, "steps": tuple(steps)}


def tactic_reply(tactic: str) -> str:
    return f"{tactic}\n-- {WHY_TACTIC[tactic.split()[0]]}"


# ---- scheduling puzzles: four jobs into four slots of one resource, under constraints ----
PUZZLES = (("The bakery oven", ("bread", "pies", "cakes", "rolls"), ("6:00", "7:00", "8:00", "9:00")),
           ("The clinic scan room", ("Ahmed", "Brennan", "Chowdhury", "Dubois"), ("9:00", "10:00", "11:00", "12:00")),
           ("The rehearsal studio", ("the choir", "the band", "the dance class", "the drama group"),
            ("Monday", "Tuesday", "Wednesday", "Thursday")),
           ("The car-wash bay", ("the van", "the taxi", "the truck", "the minibus"), ("8:00", "8:30", "9:00",
                                                                                   "9:30")),
           ("The school hall", ("the assembly", "the exam", "the choir practice", "the parents' meeting"),
            ("period 1", "period 2", "period 3", "period 4")),
           ("The lab's microscope", ("Priya", "Tomas", "Wen", "Olu"), ("Monday", "Tuesday", "Wednesday", "Friday")),
           ("The community kitchen", ("the soup", "the bread", "the curry", "the cakes"), ("10:00", "11:00",
                                                                                          "12:00", "13:00")),
           ("The recording booth", ("the podcast", "the audiobook", "the advert", "the voice-over"), ("9:00",
                                                                                                   "11:00", "13:00",
                                                                                                   "15:00")),
           ("The tennis court", ("the juniors", "the seniors", "the beginners", "the team"), ("17:00", "18:00",
                                                                                             "19:00", "20:00")),
           ("The print shop's press", ("the posters", "the menus", "the flyers", "the tickets"), ("Monday",
                                                                                                "Tuesday",
                                                                                                "Wednesday",
                                                                                                "Thursday")),
           ("The vet's operating room", ("the cat", "the dog", "the rabbit", "the parrot"), ("8:00", "9:00", "10:00",
                                                                                            "11:00")),
           ("The meeting room", ("the budget review", "the interview", "the stand-up", "the training"), ("9:00",
                                                                                                       "10:00",
                                                                                                       "14:00",
                                                                                                       "15:00")))
RULES = {"before": "{a} must come before {b}.", "not": "{a} cannot be at {s}.", "at": "{a} must be at {s}.",
         "next": "{a} must come straight after {b}."}


def holds(c: tuple, order: tuple[str, ...], slots: tuple[str, ...]) -> bool:
    """Whether constraint c holds when the jobs run in `order` (the i-th job in the i-th slot)."""
    kind, a, b = c
    if kind == "before":
        return order.index(a) < order.index(b)
    if kind == "next":
        return order.index(a) == order.index(b) + 1
    return (slots[order.index(a)] == b) == (kind == "at")


def solve(jobs: tuple[str, ...], slots: tuple[str, ...], cons: list[tuple]) -> tuple[str, ...] | None:
    """The first order (jobs' own order first) meeting every constraint, or None."""
    return next((o for o in itertools.permutations(jobs) if all(holds(c, o, slots) for c in cons)), None)


def _constraint(rng: random.Random, jobs: tuple[str, ...], slots: tuple[str, ...], order: tuple[str, ...],
                true: bool) -> tuple:
    while True:
        kind, (a, b) = rng.choice(tuple(RULES)), rng.sample(jobs, 2)
        c = (kind, a, rng.choice(slots) if kind in ("not", "at") else b)
        if holds(c, order, slots) == true:
            return c


def puzzle(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A puzzle (the k-th, or any): four constraints a hidden schedule meets and, in 40%, a fifth it breaks (which
    may leave no schedule at all)."""
    k = rng.randrange(len(PUZZLES)) if k is None else k % len(PUZZLES)
    title, jobs, slots = PUZZLES[k]
    order = tuple(rng.sample(jobs, 4))
    cons: list[tuple] = []
    while len(cons) < 4:
        c = _constraint(rng, jobs, slots, order, True)
        cons += [c] if c not in cons else []
    if rng.random() < 0.4:
        cons.insert(rng.randrange(5), _constraint(rng, jobs, slots, order, False))
    return {"k": k, "title": title, "jobs": jobs, "slots": slots, "cons": tuple(cons)}


def rule_text(c: tuple) -> str:
    kind, a, b = c
    y = RULES[kind].format(a=a, b=b, s=b)
    return y[0].upper() + y[1:]


def plan(pz: dict[str, Any], drop: int | None) -> dict[str, Any]:
    """The puzzle with constraint `drop` left out (None: all of them): its layout, answer, reply and JSON reply."""
    cons = [c for i, c in enumerate(pz["cons"]) if i != drop]
    got = solve(pz["jobs"], pz["slots"], cons)
    lines = "\n".join(f"- {rule_text(c)}" for c in cons)
    layout = (f"{pz['title']}, one job at a time.\nJobs: {', '.join(pz['jobs'])}\nSlots: {', '.join(pz['slots'])}\n"
              f"Constraints:\n{lines}")
    if got is None:
        reply = "No schedule works: every one of the 24 orders breaks at least one constraint."
        return {"layout": layout, "reply": reply, "obj": {"feasible": False, "schedule": []}, "feasible": False}
    rows = [f"{s}: {j}" for s, j in zip(pz["slots"], got, strict=True)]
    reply = "Schedule:\n" + "\n".join(rows) + "\nEach constraint checked against it in turn; all hold."
    return {"layout": layout, "reply": reply, "obj": {"feasible": True, "schedule": rows}, "feasible": True}


# ---- unit chains: a quantity taken to another unit through its dimension's base unit (exact factors) ----
UNITS = {"length": {"inches": 0.0254, "feet": 0.3048, "yards": 0.9144, "miles": 1609.344, "centimetres": 0.01,
                    "metres": 1.0, "kilometres": 1000.0},
         "mass": {"ounces": 0.028349523125, "pounds": 0.45359237, "stone": 6.35029318, "grams": 0.001,
                  "kilograms": 1.0},
         "volume": {"US cups": 0.2365882365, "US gallons": 3.785411784, "imperial pints": 0.56826125,
                    "millilitres": 0.001, "litres": 1.0},
         "area": {"square feet": 0.09290304, "acres": 4046.8564224, "square metres": 1.0, "hectares": 10000.0},
         "speed": {"miles per hour": 0.44704, "knots": 1852 / 3600, "kilometres per hour": 1 / 3.6,
                   "metres per second": 1.0}}
BASE = {"length": "metres", "mass": "kilograms", "volume": "litres", "area": "square metres",
        "speed": "metres per second"}
QUANTITIES = (("A hiking trail is {v} long.", "length", "miles", (3, 26.2)),
              ("A parcel weighs {v}.", "mass", "pounds", (2, 70)),
              ("A fish tank holds {v}.", "volume", "US gallons", (5, 120)),
              ("A garden plot measures {v}.", "area", "square feet", (120, 2400)),
              ("A cyclist rides at {v}.", "speed", "miles per hour", (8, 30)),
              ("A rower weighs {v}.", "mass", "stone", (8, 17)),
              ("A farm covers {v}.", "area", "acres", (12, 640)),
              ("A ferry cruises at {v}.", "speed", "knots", (9, 35)),
              ("A recipe calls for {v} of milk.", "volume", "US cups", (1, 6)),
              ("A rope is {v} long.", "length", "feet", (6, 300)),
              ("A suitcase may weigh {v}.", "mass", "kilograms", (15, 32)),
              ("A pool holds {v}.", "volume", "litres", (500, 50000)))


def quantity(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A quantity (the k-th, or any): its sentence, value and unit."""
    k = rng.randrange(len(QUANTITIES)) if k is None else k % len(QUANTITIES)
    text, dim, unit, (lo, hi) = QUANTITIES[k]
    v = round(rng.uniform(lo, hi), 1) if hi < 40 else rng.randrange(int(lo), int(hi))
    v = int(v) if v == int(v) else v
    return {"k": k, "dim": dim, "unit": unit, "v": v, "text": text.format(v=f"{v} {unit}")}


def targets(q: dict[str, Any]) -> tuple[str, ...]:
    """The units a quantity can be taken to: its dimension's others."""
    return tuple(u for u in UNITS[q["dim"]] if u != q["unit"])


def convert(q: dict[str, Any], to: str) -> dict[str, str]:
    """The quantity in unit `to` (two decimals) and the chain of factors through the base unit."""
    f, g, base = UNITS[q["dim"]][q["unit"]], UNITS[q["dim"]][to], BASE[q["dim"]]
    mid, out = q["v"] * f, q["v"] * f / g
    steps = [f"{q['v']} {q['unit']} x {f:.10g} = {mid:.6g} {base}"] if q["unit"] != base else []
    steps += [f"{mid:.6g} {base} / {g:.10g} = {fmt(out)} {to}"] if to != base else []
    return {"answer": f"{fmt(out)} {to}", "working": "; ".join(steps)}


def fmt(x: float) -> str:
    """A converted amount as the replies give it: two decimals from 1 up, three significant figures below."""
    return f"{x:.2f}" if x >= 1 else f"{x:.3g}"


_CELLS = {dim: tuple((k, to) for k, x in enumerate(QUANTITIES) if x[1] == dim for to in UNITS[dim] if to != x[2])
          for dim in UNITS}  # each dimension's (quantity, unit wanted) pairs


def drill_list(rng: random.Random, dim: str, n: int) -> str:
    """n exercises within a dimension, each with its answer."""
    out = []
    for i, (k, to) in enumerate(rng.sample(_CELLS[dim], n)):
        q = quantity(rng, k)
        got = q["v"] * UNITS[dim][q["unit"]] / UNITS[dim][to]
        out.append(f"{i + 1}. {q['text']} How much is that in {to}? - {fmt(got)} {to}")
    return "\n".join(out)


# ---- the pasted layouts found again ----
STATE_HEADS, QTY_HEADS, TO_HEADS = ("Goal state", "Proof state", "Tactic state"), ("Quantity", "Measurement",
                                                                                  "Given", "Value"), \
    ("Target unit", "Express in", "Wanted", "Into")
_RX = {"state": re.compile(rf"^(?:{'|'.join(STATE_HEADS)}):\n```lean\n(.+?)\n```", re.M | re.S),
       "jobs": re.compile(r"^Jobs: (.+)$", re.M), "slots": re.compile(r"^Slots: (.+)$", re.M),
       "constraints": re.compile(r"^Constraints:\n((?:- .+\n?)+)", re.M),
       "quantity": re.compile(rf"^(?:{'|'.join(QTY_HEADS)}): (.+)$", re.M),
       "target": re.compile(rf"^(?:{'|'.join(TO_HEADS)}): (.+)$", re.M)}


def blocks(text: str) -> dict[str, str]:
    """What a text pastes: a goal state, a puzzle's jobs, slots and constraints, a quantity and the unit wanted -
    only those it has."""
    return {k: m.group(1).rstrip("\n") for k, rx in _RX.items() if (m := rx.search(text))}


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
PROVE_SCHEMA = {"name": "next_tactic", "strict": True, "schema": {
    **_obj, "required": ["tactic", "reason"],
    "properties": {"tactic": {"type": "string"}, "reason": {"type": "string"}}}}
PLAN_SCHEMA = {"name": "schedule", "strict": True, "schema": {
    **_obj, "required": ["feasible", "schedule"],
    "properties": {"feasible": {"type": "boolean"}, "schedule": {"type": "array", "items": {"type": "string"}}}}}
CONVERT_SCHEMA = {"name": "conversion", "strict": True, "schema": {
    **_obj, "required": ["answer", "working"],
    "properties": {"answer": {"type": "string"}, "working": {"type": "string"}}}}
