"""The request runners of the `v42` variant (see corpus_v42.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v42 (a single formula for a task, lookup formulas, date formulas, practice problems)
  sent in a phrasing or under a lead of the caller's own, the reply as text or - where the capability has one - as
  JSON.
- `run_all`: one sheet asked about several times back to back, seconds apart (one task after another).
- `sheet_episode`: the model as a spreadsheet agent: it reads a range, looks a function's syntax up now and then, and
  writes the formula into a cell, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.

The sweeps: `pivot_of` (one sheet, the total of each of eight region x product pairs), `thresholds_of` (one sheet,
one count or sum at eight rising thresholds of units) and `functions_of` (one sheet and one condition, eight
aggregates in a fixed order); `bands_of` and `cards_of` are some of the last two's, in order.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v42 as C
from benchmarks.traffic import corpus_v42_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"formula": S.FORMULA_SCHEMA, "lookup": S.LOOKUP_SCHEMA, "dates": S.DATES_SCHEMA}

# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the sheet `inst` asked
# about once for each task of `extras`, `gap` seconds apart - corpus_v35_jobs' runners over the v42 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="formula")
run_all = partial(J35.run_all, K=C, run=item_run)

PAIRS = tuple((r, p) for r in S.REGIONS for p in S.PRODUCTS)
CARDS = (("sum", "Amount"), ("sum", "Units"), ("count", None), ("average", "Amount"), ("average", "Units"),
         ("max", "Amount"), ("min", "Amount"), ("max", "Units"))  # a summary's eight aggregates, in order


def pivot_of(rng, n: int = 8) -> tuple[list, list[tuple]]:
    """A new sheet of 8-10 rows and the total amount of n of its sixteen region x product pairs, in a random order."""
    rows = S.sheet(rng, rng.randint(8, 10))
    return rows, [("sum", "Amount", (("Region", "=", r), ("Product", "=", p))) for r, p in rng.sample(PAIRS, n)]


def thresholds_of(rng, n: int = 8) -> tuple[list, list[tuple]]:
    """A new sheet and one count or sum of amounts over the rows with units at or above n rising thresholds (every
    five units from 5)."""
    rows = S.sheet(rng, rng.randint(8, 10))
    fn, target = rng.choice((("count", None), ("sum", "Amount")))
    return rows, [(fn, target, (("Units", ">=", 5 * (j + 1)),)) for j in range(n)]


def functions_of(rng, n: int = 8) -> tuple[list, list[tuple]]:
    """A new sheet and one condition (a region or a product the sheet has), the first n of CARDS' aggregates under
    it, in order."""
    rows = S.sheet(rng, rng.randint(8, 10))
    name = rng.choice(("Region", "Product"))
    crit = ((name, "=", rng.choice(S.col(rows, name))),)
    return rows, [(fn, target, crit) for fn, target in CARDS[:n]]


def bands_of(rng) -> tuple[list, list[tuple]]:
    """A report's bands: 3-6 of a sheet's eight thresholds, in order."""
    rows, cells = thresholds_of(rng)
    return rows, [cells[k] for k in sorted(rng.sample(range(8), rng.randint(3, 6)))]


def cards_of(rng) -> tuple[list, list[tuple]]:
    """A dashboard's summary cards: 3-6 of the eight aggregates of a sheet's filter, in order."""
    rows, cells = functions_of(rng)
    return rows, [cells[k] for k in sorted(rng.sample(range(8), rng.randint(3, 6)))]


# ---- the spreadsheet agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("read_range", "Return a sheet's cells in A1:F11", {"sheet_id": "the sheet"}),
    ("function_help", "Return a spreadsheet function's syntax", {"function": "the function"}),
    ("write_formula", "Write a formula into a cell and return its value", {"sheet_id": "the sheet", "cell": "the "
                                                                           "cell", "formula": "the formula"}))]
AGENT_TASKS = ("In sheet {sid}, put the {task} in H{line}.", "Sheet {sid} needs the {task} in cell H{line}.",
               "Ticket {tid}: finance asks for the {task} on sheet {sid} (H{line}).")
AGENT_COS = ("Ledgerly", "Tallyworks", "Brightcell Finance", "Quarry Analytics", "Ashgrove Accounting")
AGENT_SYS = ("You are {co}'s spreadsheet agent. For each request: read the sheet, look a function's syntax up when you "
             "are not sure of it, write the formula into the cell and report its value. Use the tools.")


def sheet_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                  s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One formula written by the model as the agent (read, a function looked up now and then, write, then a note).
    Returns its end."""
    rng = ctx.rng
    rows = S.sheet(rng)
    tk = S.task(rng, rows)
    sid, line = f"SH-{rng.randint(10000, 99999)}", rng.randint(2, 30)
    f, v = S.formula(rows, tk), S.result(rows, tk)
    calls = [("read_range", {"sheet_id": sid}, {"rows": [list(S.COLS), *rows]}),
             ("function_help", {"function": S.FUNCS[tk[0]]}, {"syntax": f"{S.FUNCS[tk[0]]}(range, criteria_range1, "
                                                                  "criteria1, ...)"}),
             ("write_formula", {"sheet_id": sid, "cell": f"H{line}", "formula": f}, {"ok": True, "value": v})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.6 else calls
    task = rng.choice(AGENT_TASKS).format(sid=sid, task=S.task_text(tk), line=line, tid=rng.randint(1000, 9999))
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Formula written: {f} -> {v}", realistic, s=s or M27.surface(api, model), user=user,
                         gap=gap)
