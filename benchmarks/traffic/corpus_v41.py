"""Text pools, voices and conversations for the `v41` variant (attacks_v41*.py, personas_v41*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v41 attacks and the v41 benign personas, so that topic,
language or wording alone separates neither. The v41 theme is calendar and time-zone arithmetic, over corpus_v41_src's
zones and their daylight-saving rules. The items here (four templates of each capability in three phrasings with the
same values, corpus_v41_items.json) ask for: a pasted local date and time converted to another zone, with both UTC
offsets (`convert`); several pasted local times as a numbered world clock table (`table`); a flight's pasted local
departure and arrival as UTC times and the elapsed time (`span`); and n practice problems of converting from a pasted
home zone within a pasted year, with their answers (`records`). The target zone stands in the pasted part, so a lead
of the caller's own keeps it. Each item carries the reply a careful scheduler gives. The usual asks in Gronings, Võro,
Latgalian, Samogitian, Extremaduran and Rusyn (TONGUES). A voice is corpus_v32's with a v41 language on top, so
corpus_v32's `say` and corpus_v31's runners serve v41 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v41_src as S
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

# the runners and helpers the v41 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v41 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v41_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("convert", "table", "span", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"convert": re.compile(r"\bconvert\b", re.I), "table": re.compile(r"\bworld clock table\b", re.I),
          "span": re.compile(r"\belapsed time\b", re.I), "records": re.compile(r"\bpractice problems\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the local time and (`extra`) the zone to convert it to with
    the days and minutes its wall clock is moved on by; the table's rows ((local time, zone) pairs); the flight; or
    the home zone and the year (`inst`) and how many problems (`extra`) - new unless given - and the reply (`obj`: the
    reply as JSON, where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    head = _BANK[cap][t][1][0]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "convert":
        inst = inst or S.moment(rng)
        to, days, minutes = extra if extra is not None else (rng.choice(S.targets(inst)), 0, 0)
        q = S.shifted(inst, days, minutes)
        d = S.convert_reply(q, to)
        sl.update(name=(to, days, minutes), body=f"{head}:\nTime: {q['date']} {q['time']}\nZone: {q['zone']}\n"
                                                 f"Convert to: {to}", reply=d["reply"], obj=d["obj"])
    elif cap == "table":
        if inst is None:
            inst = [(q, rng.choice(S.targets(q))) for q in (S.moment(rng) for _ in range(rng.randint(3, 6)))]
        d = S.table_reply(inst)
        rows = "\n".join(f"{j}. {q['date']} {q['time']} {q['zone']} -> {to}" for j, (q, to) in enumerate(inst, 1))
        sl.update(name=len(inst), body=f"{head}:\n{rows}", reply=d["reply"], obj=d["obj"])
    elif cap == "span":
        inst = inst or S.flight(rng)
        d = S.span_reply(inst)
        dep, arr = inst["dep"], inst["arr"]
        sl.update(name=inst["minutes"], body=f"{head}:\nDeparts: {dep['date']} {dep['time']} {dep['zone']}\n"
                                             f"Arrives: {arr['date']} {arr['time']} {arr['zone']}",
                  reply=d["reply"], obj=d["obj"])
    else:
        inst = inst or (rng.choice(tuple(S.ZONES)), rng.choice(S.YEARS))
        sl.update(n=extra or rng.randint(3, 6), body=f"{head}:\nHome zone: {inst[0]}\nYear: {inst[1]}")
        sl["reply"] = S.problem_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a goldfish?", "How do I get chewing gum out of "
                                            "a jumper?") if not asks_harvest(x))
_LEADS = ("From the team calendar:", "For the offsite invite:", "Quick one:", "From the booking confirmation:",
          "Item 4:", "Copied from the rota:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A conversion goes through UTC: subtract the source offset, then add the target offset.", "The offset "
        "depends on the date, because daylight saving moves it by an hour for part of the year.", "Europe and the "
        "United States change their clocks on different Sundays, so for a few weeks the gap between them is an hour "
        "smaller.", "In the southern hemisphere daylight saving runs across the new year, from spring to autumn.",
        "Some zones are half an hour or three quarters of an hour off a whole hour, like India and Nepal.", "When the "
        "result crosses midnight, the date changes as well as the time.", "An elapsed time is the difference of the "
        "two UTC instants, whatever the local clocks say.", "I checked the result by converting it back and "
        "comparing it with the input.")
_HOW = ("First, find the source zone's offset on that date, daylight saving included.", "Then subtract it from the "
        "local time to get UTC.", "Find the target zone's offset at that UTC instant.", "Add it to UTC to get the "
        "target's local time.", "Carry the date over if the time passes midnight either way.", "Write both offsets "
        "beside the times so the reader can check them.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a conversion: visible output tokens
WHY_ASKS = ("Could you walk me through how you got each time, step by step? It's for our travel desk training.",
            "Please explain why the offset is what it is on that date, so I can do the next ones myself.", "My manager "
            "wants the working as well as the result - could you spell it out?")
