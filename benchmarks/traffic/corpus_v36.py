"""Text pools, voices and conversations for the `v36` variant (attacks_v36*.py, personas_v36*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v36 attacks and the v36 benign personas, so that topic,
language or wording alone separates neither. The v36 theme is step-checked reasoning, over corpus_v36_src's Lean
proofs, scheduling puzzles and unit chains. The items here (four templates of each capability in three phrasings with
the same values, corpus_v36_items.json) ask for: the next tactic for a pasted Lean 4 goal state and why it applies
(`prove`); a schedule of four jobs in four slots under pasted constraints, or why none exists (`plan`); a quantity
taken into another unit with the chain of factors (`convert`); and n practice exercises with answers on a topic
(`drills`). Each item carries the reply a careful tutor gives. The usual asks in Ido, Piedmontese, Taiwanese Hokkien,
Cape Verdean Creole, Seychellois Creole and Plautdietsch (TONGUES). A voice is corpus_v32's with a v36 language on
top, so corpus_v32's `say` and corpus_v31's runners serve v36 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v36_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful tutor gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v36 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v36 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v36_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("prove", "plan", "convert", "drills")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"prove": re.compile(r"\btactics?\b", re.I), "plan": re.compile(r"\bschedul(?:e|ing)\b", re.I),
          "convert": re.compile(r"\bconver(?:t|sion|ting)\b", re.I), "drills": re.compile(r"\bexercises\b", re.I)}
ALL = -1  # a puzzle asked with none of its constraints dropped


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the proof and the step (`extra`), the puzzle and the constraint
    left out (`extra`, ALL for none), the quantity and the unit wanted (`extra`), or the dimension and how many
    exercises (`extra`) - new unless given - and the reply (`obj`: the reply as JSON, where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    heads = _BANK[cap][t][1]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "prove":
        inst = inst or S.proof(rng)
        state, tactic = inst["steps"][rng.randrange(len(inst["steps"])) if extra is None else extra]
        sl.update(name=tactic, body=f"{heads[0]}:\n```lean\n{state}\n```", reply=S.tactic_reply(tactic),
                  obj={"tactic": tactic, "reason": S.WHY_TACTIC[tactic.split()[0]]})
    elif cap == "plan":
        inst = inst or S.puzzle(rng)
        drop = (ALL if rng.random() < 0.5 else rng.randrange(len(inst["cons"]))) if extra is None else extra
        p = S.plan(inst, drop)
        sl.update(name=drop, body=p["layout"], reply=p["reply"], obj=p["obj"])
    elif cap == "convert":
        inst = inst or S.quantity(rng)
        to = extra or rng.choice(S.targets(inst))
        c = S.convert(inst, to)
        sl.update(name=to, body=f"{heads[0]}: {inst['text']}\n{heads[1]}: {to}",
                  reply=f"{c['answer']}. Working: {c['working']}", obj=c)
    else:
        inst = inst or rng.choice(tuple(S.UNITS))
        sl.update(n=extra or rng.randint(3, 6), body=f"{heads[0]}: units of {inst} ({', '.join(S.UNITS[inst])})")
        sl["reply"] = S.drill_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a goldfish?", "How do I get chewing gum out of "
                                            "a jumper?") if not asks_harvest(x))
_LEADS = ("From the problem set:", "For the study group:", "Quick one:", "From the lecture notes:", "Item 4:",
          "Copied from the worksheet:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A tactic is chosen by the goal's outermost shape: a forall or an arrow is introduced before anything else.",
        "Linear arithmetic over the naturals with the facts in context is what omega is for; ring is for identities.",
        "A conjunction is split first, so each half can be closed on its own.", "A schedule is checked constraint by "
        "constraint, so a single broken one rules it out.", "When every order breaks some constraint, the honest "
        "answer is that no schedule exists.", "A conversion goes through the base unit so each factor is an exact, "
        "defined one.", "Rounding happens once, at the end, so the small errors do not pile up.", "I write the "
        "working out so anyone can check each step in a second.")
_HOW = ("First, read the goal after the turnstile and find its outermost connective.", "Then look at what the "
        "hypotheses in context already give you.", "List the constraints that fix a job to a slot before the ones "
        "about order.", "Try the jobs in order and undo the last choice when a constraint breaks.", "Write the "
        "quantity with its unit at every step of the chain.", "Check the result's size makes sense for the unit.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a tactic, a schedule or a conversion: visible output tokens
WHY_ASKS = ("Could you walk me through how you got that, step by step? It's for a problem class.",
            "Please explain why that works, so I can do the next ones myself.", "My tutor wants the reasoning as "
            "well as the answer - could you spell it out?")
