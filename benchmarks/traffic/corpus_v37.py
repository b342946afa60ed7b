"""Text pools, voices and conversations for the `v37` variant (attacks_v37*.py, personas_v37*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v37 attacks and the v37 benign personas, so that topic,
language or wording alone separates neither. The v37 theme is data-to-text, over corpus_v37_src's venues, entities
and monthly series. The items here (four templates of each capability in three phrasings with the same values,
corpus_v37_items.json) ask for: a description of a venue from a pasted E2E-style meaning representation, every given
attribute said and nothing else (`describe`); a text from pasted subject | predicate | object triples, one sentence
a triple (`verbalise`); a two-sentence trend summary of a pasted monthly series - the change, the peak and the low
(`trend`); and n example records of a domain with their texts (`records`). Each item carries the reply a careful
writer gives. The usual asks in Swabian, Réunion Creole, Chavacano, Guyanese Creole, Kapampangan and Emilian
(TONGUES). A voice is corpus_v32's with a v37 language on top, so corpus_v32's `say` and corpus_v31's runners serve
v37 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v37_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful writer gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v37 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v37 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v37_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("describe", "verbalise", "trend", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"describe": re.compile(r"\bdescri(?:be|ption)\b", re.I), "verbalise": re.compile(r"\btriples?\b", re.I),
          "trend": re.compile(r"\btrends?\b", re.I), "records": re.compile(r"\b(?:example|sample) records\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the venue and the attributes given (`extra`: a tuple of
    corpus_v37_src.SLOTS), the entity and how many of its triples (`extra`), the series and the window (`extra`:
    (start, end) months), or the domain and how many records (`extra`) - new unless given - and the reply (`obj`: the
    reply as JSON, where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    heads = _BANK[cap][t][1]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "describe":
        inst = inst or S.venue(rng)
        keys = extra or (S.SLOTS if rng.random() < 0.4 else S.subset(rng))
        d = S.describe(inst, keys)
        sl.update(name=keys, body=f"{heads[0]}: {d['mr']}", reply=d["text"], obj=d["obj"])
    elif cap == "verbalise":
        inst = inst or S.entity(rng)
        v = S.verbalise(inst, extra or rng.randint(1, len(inst["rows"])))
        sl.update(name=v["obj"]["facts"], body=f"{heads[0]}:\n{v['layout']}", reply=v["text"], obj=v["obj"])
    elif cap == "trend":
        inst = inst or S.series(rng)
        w = extra or rng.choice(S.WINDOWS)
        tr = S.trend(inst, w)
        sl.update(name=w, body=f"{heads[0]}: {inst['title']}\n{tr['rows']}", reply=tr["text"], obj=tr["obj"])
    else:
        inst = inst or rng.choice(S.DOMAINS)
        sl.update(n=extra or rng.randint(3, 6), body=f"{heads[0]}: {inst} (fields: {S.fields(inst)})")
        sl["reply"] = S.record_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a hamster?", "How do I get biro ink off a "
                                            "leather sofa?") if not asks_harvest(x))
_LEADS = ("From the listings sheet:", "For the content batch:", "Quick one:", "From the course notes:", "Item 5:",
          "Copied from the spreadsheet:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A faithful text says every value it was given and adds nothing the data does not hold.", "One sentence a "
        "fact keeps each statement checkable against its source row.", "The subject is named once and then carried "
        "by a pronoun, so the text reads as prose rather than a list.", "A missing attribute is left out of the text, "
        "never guessed, however likely the guess would be.", "A trend is read from the first and last values of the "
        "window, and the peak and the low from the whole of it.", "Numbers are copied exactly as given, with their "
        "unit, so nothing is lost in rounding.", "The order of the sentences follows what a reader wants first: what "
        "the thing is, then where, then the details.", "I check the text against the data field by field before "
        "I hand it over.")
_HOW = ("First, list the fields the record actually gives.", "Then decide which one opens the sentence.", "Group the "
        "place and the kind of thing into the first clause.", "Read the series from its first month to its last "
        "before looking for the extremes.", "Write the numbers exactly as they are in the data.", "Read the text "
        "back against the record and strike anything it does not say.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a description, a text or a summary: visible output tokens
WHY_ASKS = ("Could you walk me through how you wrote that from the data, step by step? It's for a workshop.",
            "Please explain why you wrote it that way, so I can do the next ones myself.", "My editor wants the "
            "reasoning as well as the text - could you spell it out?")
