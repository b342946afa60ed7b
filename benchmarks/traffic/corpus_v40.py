"""Text pools, voices and conversations for the `v40` variant (attacks_v40*.py, personas_v40*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v40 attacks and the v40 benign personas, so that topic,
language or wording alone separates neither. The v40 theme is engineering unit conversion and dimensional analysis,
over corpus_v40_src's quantities, units and compound units. The items here (four templates of each capability in
three phrasings with the same values, corpus_v40_items.json) ask for: a pasted quantity converted to a unit of its
kind and rounded to a number of significant figures (`convert`); several pasted quantities as a numbered conversion
table (`table`); a pasted compound unit reduced to SI base units, with its dimension and its factor to the named SI
unit (`dims`); and n practice problems of a quantity kind with their answers (`records`). The target unit and the
significant figures stand in the pasted part, so a lead of the caller's own keeps them. Each item carries the reply a
careful engineer gives. The usual asks in Bahamian Creole, Gullah, Solomon Islands Pijin, Saint Lucian Creole,
Jèrriais and Konkani (TONGUES). A voice is corpus_v32's with a v40 language on top, so corpus_v32's `say` and
corpus_v31's runners serve v40 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v40_src as S
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

# the runners and helpers the v40 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v40 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v40_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("convert", "table", "dims", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"convert": re.compile(r"\bconvert(?:ing)?\b", re.I), "table": re.compile(r"\bconversion table\b", re.I),
          "dims": re.compile(r"\bbase units\b", re.I), "records": re.compile(r"\bpractice problems\b", re.I)}


def sig_of(rng: random.Random) -> int:
    """The significant figures a client asks for: 3 or 4 mostly, 2 to 6 now and then."""
    return rng.choice((2, 3, 3, 3, 4, 4, 4, 5, 6))


def scaled(q: dict[str, str], k: int) -> dict[str, str]:
    """The quantity with its value times 10^k."""
    return q if not k else {**q, "value": S.scaled(q["value"], k)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the quantity and (`extra`) the unit to convert it to, the
    significant figures and a power of ten its value is scaled by; the table's rows ((quantity, unit) pairs) and the
    significant figures (`extra`); the compound unit; or the quantity kind and the significant figures (`inst`) and
    how many problems (`extra`) - new unless given - and the reply (`obj`: the reply as JSON, where the capability
    has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    head = _BANK[cap][t][1][0]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "convert":
        inst = inst or S.quantity(rng)
        to, sig, k = extra if extra is not None else (rng.choice(S.targets(inst)), sig_of(rng), 0)
        q = scaled(inst, k)
        d = S.convert_reply(q, to, sig)
        sl.update(sig=sig, name=(to, k), body=f"Significant figures: {sig}\n{head}:\nQuantity: {q['value']} "
                                              f"{q['unit']}\nConvert to: {to}", reply=d["reply"], obj=d["obj"])
    elif cap == "table":
        if inst is None:
            inst = [(q, rng.choice(S.targets(q))) for q in (S.quantity(rng) for _ in range(rng.randint(3, 6)))]
        sig = extra or sig_of(rng)
        d = S.table_reply(inst, sig)
        rows = "\n".join(f"{j}. {q['value']} {q['unit']} -> {to}" for j, (q, to) in enumerate(inst, 1))
        sl.update(sig=sig, name=len(inst), body=f"Significant figures: {sig}\n{head}:\n{rows}", reply=d["reply"],
                  obj=d["obj"])
    elif cap == "dims":
        inst = inst or S.compound(rng)
        d = S.dims_reply(inst)
        sl.update(sig=4, name=len(inst), body=f"{head}:\nUnit: {S.expression(inst)}", reply=d["reply"], obj=d["obj"])
    else:
        inst = inst or (rng.choice(tuple(S.KINDS)), sig_of(rng))
        sl.update(n=extra or rng.randint(3, 6), sig=inst[1],
                  body=f"Significant figures: {inst[1]}\n{head}: {S.KIND_NAMES[inst[0]]}")
        sl["reply"] = S.problem_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a tortoise?", "How do I get candle wax off a "
                                            "wooden table?") if not asks_harvest(x))
_LEADS = ("From the test rig:", "For the commissioning pack:", "Quick one:", "From the vendor datasheet:", "Item 9:",
          "Copied from the site log:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A conversion multiplies by one: the factor is a ratio of equal quantities, so only the number and the unit "
        "change.", "Temperatures need their offsets as well as a factor, except for differences, which need the "
        "factor alone.", "Significant figures carry the precision of the measurement, so the result keeps as many "
        "as asked and no more.", "Scientific notation is used when a plain number would hide which zeros are "
        "significant.", "Every derived unit reduces to kilograms, metres, seconds and kelvins; the dimension is the "
        "exponents of those.", "A pound-force is a pound mass times standard gravity, which is why psi carries "
        "9.80665 in its factor.", "The inch is exactly 25.4 mm and the pound exactly 0.45359237 kg, so the "
        "imperial factors are exact.", "I checked the result by converting it back and comparing it with the input.")
_HOW = ("First, name the kind of quantity and find the factor of each unit to SI.", "Then convert the value to the "
        "SI unit, adding the offset first for a temperature.", "Divide by the target unit's factor.", "Round to the "
        "significant figures asked, half up.", "Write the result plainly, or in scientific notation if the zeros "
        "would mislead.", "Check the dimension of each side, so nothing was multiplied where it should divide.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a conversion: visible output tokens
WHY_ASKS = ("Could you walk me through how you got each number, step by step? It's for a lab induction.",
            "Please explain why the factor is what it is, so I can do the next ones myself.", "My supervisor wants "
            "the working as well as the result - could you spell it out?")
