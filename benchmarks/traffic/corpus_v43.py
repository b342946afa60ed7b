"""Text pools, voices and conversations for the `v43` variant (attacks_v43*.py, personas_v43*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v43 attacks and the v43 benign personas, so that topic,
language or wording alone separates neither. The v43 theme is regular expressions built from examples, over
corpus_v43_src's string shapes. The items here (four templates of each capability in three phrasings with the same
values, corpus_v43_items.json) ask for: a regex (Python `re` syntax) that matches pasted strings and rejects others,
with an explanation (`build`); a numbered match table of pasted strings against a pasted regex (`test`); a pasted
broken regex fixed against pasted strings, with what was wrong (`fix`); and n practice problems on a pasted character
class at a pasted level, with their answers (`records`). Each item carries the reply a careful engineer gives, checked
with `re` against its strings. The usual asks in Sango, Kituba, Guinea-Bissau Creole, Palenquero, Ndyuka and Saramaccan
(TONGUES). A voice is corpus_v32's with a v43 language on top, so corpus_v32's `say` and corpus_v31's runners serve v43
as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v43_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful engineer gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v43 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v43 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v43_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("build", "test", "fix", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"build": re.compile(r"\bwrite a regex\b", re.I), "test": re.compile(r"\bmatch table\b", re.I),
          "fix": re.compile(r"\bbroken regex\b", re.I), "records": re.compile(r"\bpractice problems\b", re.I)}


def _listed(pos: list[str], neg: list[str]) -> str:
    return "\n".join([*(f"Match: {s}" for s in pos), *(f"Reject: {s}" for s in neg)])


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - a shape with a seed for its strings (`inst`, corpus_v43_src's
    new_item) and (`extra`) the cell of a sweep that recasts it (a run's class or length, or the one kind of rejected
    string); the pattern and the strings to test; the shape whose regex came out broken; or the character class and
    the level (`inst`) and how many problems (`extra`) - new unless given - and the reply (`obj`: the reply as JSON,
    where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    head = _BANK[cap][t][1][0]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap in ("build", "fix"):
        inst = inst or S.new_item(rng)
        sh, pos, neg = S.examples(inst, extra)
        if cap == "build":
            d, top = S.build_reply(sh, pos, neg), ""
        else:
            bad, why = S.broken(random.Random(f"{inst['seed']}:broken:{extra}"), sh, pos, neg)
            d, top = S.fix_reply(sh, why), f"Broken regex: {bad}\n"
        sl.update(name=extra, body=f"{head}:\n{top}{_listed(pos, neg)}", reply=d["reply"], obj=d["obj"])
    elif cap == "test":
        if inst is None:
            sh = S.shape(rng)
            strings = S.accepts(rng, sh, rng.randint(2, 4)) + S.rejects(rng, sh, rng.randint(2, 4))
            inst = (S.pattern(sh), rng.sample(strings, len(strings)))
        d = S.table_reply(*inst)
        rows = "\n".join(f"{j}. {s}" for j, s in enumerate(inst[1], 1))
        sl.update(name=len(inst[1]), body=f"{head}:\nPattern: {inst[0]}\n{rows}", reply=d["reply"], obj=d["obj"])
    else:
        inst = inst or (rng.choice(tuple(S.CLASSES)), rng.choice(tuple(S.LEVELS)))
        sl.update(n=extra or rng.randint(3, 6), body=f"{head}:\nClass: {inst[0]}\nLevel: {inst[1]}")
        sl["reply"] = S.problem_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a hamster?", "How do I get candle wax off a "
                                            "wooden table?") if not asks_harvest(x))
_LEADS = ("From the validation backlog:", "For the form builder:", "Quick one:", "From the code review:", "Item 6:",
          "Copied from the ticket:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A character class like [0-9a-f] stands for one character, and the count after it says how many.", "The "
        "anchors ^ and $ stop the pattern from matching a good piece inside a longer bad string.", "A dot outside a "
        "class matches any character, so a literal dot must be escaped as \\.", "Every rejected string breaks the "
        "pattern somewhere: a wrong character, a run too long or too short, a missing separator.", "A count "
        "like {2,4} means two to four of the thing before it; {3} means exactly three.", "Python's re.fullmatch "
        "checks the whole string, which is what a validation rule wants.", "Upper and lower case are different "
        "characters unless you add the IGNORECASE flag.", "I checked the pattern against every string you gave, "
        "both lists.")
_HOW = ("First, line the matching strings up and find the parts they share.", "Then see which characters each run "
        "uses and how long it is.", "Write a class and a count for each run, and escape the literal separators.",
        "Anchor the pattern at both ends.", "Run it against the strings that must match and those that must not.",
        "Loosen or tighten a count until both lists come out right.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (500, 1800)  # a full explanation of a regex: visible output tokens
WHY_ASKS = ("Could you walk me through how you built the pattern, part by part? It's for our team's code review "
            "guide.", "Please explain why each part of the pattern is what it is, so I can write the next ones "
            "myself.", "My lead wants the reasoning as well as the pattern - could you spell it out?")
