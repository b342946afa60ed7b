"""Text pools, voices and conversations for the `v42` variant (attacks_v42*.py, personas_v42*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v42 attacks and the v42 benign personas, so that topic,
language or wording alone separates neither. The v42 theme is spreadsheet formula writing, over corpus_v42_src's small
sales sheets. The items here (four templates of each capability in three phrasings with the same values,
corpus_v42_items.json) ask for: a single formula for a pasted sheet and task (a conditional sum, count, average,
maximum or minimum), with its result (`formula`); numbered lookup formulas on a pasted sheet, with their values
(`lookup`); the date formulas of a pasted start and end date (`dates`); and n practice problems on a pasted
single-criterion function, with their answers (`records`). The task stands in the pasted part, so a lead of the
caller's own keeps it. Each item carries the reply a careful spreadsheet writer gives. The usual asks in Meänkieli,
Livvi-Karelian, Hunsrik, Palatine German, North Frisian and Saterland Frisian (TONGUES). A voice is corpus_v32's with
a v42 language on top, so corpus_v32's `say` and corpus_v31's runners serve v42 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v42_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful spreadsheet writer gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v42 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v42 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v42_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("formula", "lookup", "dates", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"formula": re.compile(r"\bsingle formula\b", re.I), "lookup": re.compile(r"\blookup formulas\b", re.I),
          "dates": re.compile(r"\bdate formulas\b", re.I), "records": re.compile(r"\bpractice problems\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the sheet's rows and (`extra`) the task; the sheet and its
    lookups; the start and end dates; or the function and the largest value (`inst`) and how many problems (`extra`) -
    new unless given - and the reply (`obj`: the reply as JSON, where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    head = _BANK[cap][t][1][0]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "formula":
        inst = inst or S.sheet(rng)
        tk = extra if extra is not None else S.task(rng, inst)
        d = S.formula_reply(inst, tk)
        sl.update(name=tk, body=f"{head}:\n{S.paste(inst)}\nTask: {S.task_text(tk)}", reply=d["reply"], obj=d["obj"])
    elif cap == "lookup":
        if inst is None:
            rows = S.sheet(rng)
            inst = (rows, S.lookups(rng, rows))
        d = S.lookup_reply(*inst)
        asks = "\n".join(f"{j}. {w} for {rep}" for j, (w, rep) in enumerate(inst[1], 1))
        sl.update(name=len(inst[1]), body=f"{head}:\n{S.paste(inst[0])}\nLook up:\n{asks}", reply=d["reply"],
                  obj=d["obj"])
    elif cap == "dates":
        inst = inst or S.span(rng)
        d = S.dates_reply(inst)
        sl.update(name=inst, body=f"{head}:\nStart (A2): {inst[0]}\nEnd (B2): {inst[1]}", reply=d["reply"],
                  obj=d["obj"])
    else:
        inst = inst or (rng.choice(S.SINGLE), rng.choice((20, 50, 100)))
        sl.update(n=extra or rng.randint(3, 6), body=f"{head}:\nFunction: {inst[0]}\nValues up to: {inst[1]}")
        sl["reply"] = S.problem_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a tortoise?", "How do I get candle wax off a "
                                            "wooden table?") if not asks_harvest(x))
_LEADS = ("From the finance team:", "For the monthly report:", "Quick one:", "From the shared workbook:",
          "Item 6:", "Copied from the budget tab:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("SUMIFS takes the range to add first, then each criteria range with its criterion, all the same size.",
        "Every criterion must hold for a row to count: the criteria of SUMIFS and COUNTIFS are joined by AND.",
        "A comparison goes in quotes with its operator, like \">10\"; a text criterion is just the text.",
        "AVERAGEIFS over rows that match nothing gives #DIV/0!, while MAXIFS and MINIFS give 0.", "XLOOKUP "
        "returns #N/A when the key is missing, unless you give it a value to show instead.", "NETWORKDAYS counts "
        "both the start and the end date when they fall on weekdays.", "DATEDIF with \"m\" counts whole months "
        "only, so a month is not complete until the same day of the next month.", "I checked the result by "
        "filtering the rows by hand and adding them up.")
_HOW = ("First, find the column the task adds up or looks in, and its range.", "Then pair each condition's column "
        "with its criterion.", "Write the function with the ranges in the same rows.", "Work the result out on the "
        "pasted rows.", "Check the rows that match against the conditions once more.", "Give the formula with its "
        "value so the reader can paste and compare it.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a formula: visible output tokens
WHY_ASKS = ("Could you walk me through how the formula gets that value, step by step? It's for our finance training.",
            "Please explain why each argument goes where it does, so I can write the next ones myself.", "My manager "
            "wants the working as well as the formula - could you spell it out?")
