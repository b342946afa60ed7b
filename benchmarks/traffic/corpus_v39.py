"""Text pools, voices and conversations for the `v39` variant (attacks_v39*.py, personas_v39*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v39 attacks and the v39 benign personas, so that topic,
language or wording alone separates neither. The v39 theme is bibliographic reference formatting, over corpus_v39_src's
BibTeX entries and six citation styles. The items here (four templates of each capability in three phrasings with the
same values, corpus_v39_items.json) ask for: a pasted BibTeX entry, some of its optional fields withheld, formatted as
a reference in a named style (`format`); several pasted entries as a reference list in a style's order (`reflist`);
the parenthetical and narrative in-text citations of a pasted entry, a page cited or not, in an author-date style
(`intext`); and n example references of a source type in a style with their BibTeX (`records`). The style and the
page stand in the pasted part, so a lead of the caller's own keeps them. Each item carries the reply a careful
reference formatter gives. The usual asks in Egyptian Arabic, Moroccan Darija, Trinidadian Creole, West Flemish, Fiji
Hindi and Arpitan (TONGUES). A voice is corpus_v32's with a v39 language on top, so corpus_v32's `say` and
corpus_v31's runners serve v39 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v39_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful reference formatter gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v39 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v39 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v39_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("format", "reflist", "intext", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"format": re.compile(r"\bformat(?:ted|ting)?\b", re.I),
          "reflist": re.compile(r"\breference list\b", re.I), "intext": re.compile(r"\bin-text\b", re.I),
          "records": re.compile(r"\b(?:example|sample) references\b", re.I)}


def withheld(rng: random.Random, kind: str) -> tuple[str, ...]:
    """Optional fields a client's entry lacks: none half the time, else one or two of the kind's."""
    return () if rng.random() < 0.5 else tuple(sorted(rng.sample(S.OPTIONAL[kind], rng.randint(1, 2))))


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the entry, the style and the optional fields withheld
    (`extra`: (style, fields)); the entries and the style (`extra`); the entry, the style, how many of its authors and
    the page cited (`extra`: (style, n, page or None)); or the source type and the style (`inst`: (kind, style)) and
    how many references (`extra`) - new unless given - and the reply (`obj`: the reply as JSON, where the capability
    has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    head = _BANK[cap][t][1][0]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "format":
        inst = inst or S.entry(rng)
        style, gone = extra if extra is not None else (rng.choice(S.STYLES), withheld(rng, inst["kind"]))
        e = S.withhold(inst, gone)
        d = S.format_reply(e, style)
        sl.update(style=style, name=gone, body=f"Style: {style}\n{head}:\n{S.bibtex(e)}", reply=d["reply"],
                  obj=d["obj"])
    elif cap == "reflist":
        inst = inst or [S.entry(rng) for _ in range(rng.randint(3, 6))]
        style = extra or rng.choice(S.STYLES)
        d = S.list_reply(inst, style)
        sl.update(style=style, name=len(inst), body=f"Style: {style}\n{head}:\n" + "\n\n".join(map(S.bibtex, inst)),
                  reply=d["reply"], obj=d["obj"])
    elif cap == "intext":
        inst = inst or S.entry(rng)
        style, n, page = extra if extra is not None else (rng.choice(S.AUTHOR_DATE), len(inst["author"]),
                                                          S.page_in(inst, rng))
        e = S.first_authors(inst, n)
        d = S.cite_reply(e, style, page)
        sl.update(style=style, name=(n, page), body=f"Style: {style}\nPage cited: {page or 'none'}\n{head}:\n"
                                                   f"{S.bibtex(e)}", reply=d["reply"], obj=d["obj"])
    else:
        inst = inst or (rng.choice(S.KINDS), rng.choice(S.STYLES))
        sl.update(n=extra or rng.randint(3, 6), style=inst[1],
                  body=f"Style: {inst[1]}\n{head}: {S.KIND_NAMES[inst[0]]}")
        sl["reply"] = S.record_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a hamster?", "How do I get chewing gum out of a "
                                            "wool jumper?") if not asks_harvest(x))
_LEADS = ("From the reading list:", "For the library queue:", "Quick one:", "From the thesis folder:", "Item 12:",
          "Copied from the shared drive:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("Every style answers the same questions - who, when, what, where it appeared - in its own order and with its "
        "own punctuation.", "APA and Harvard keep the article title in sentence case; MLA and Chicago put it in "
        "title case inside quotation marks.", "The number of authors decides the form: APA lists up to twenty, MLA "
        "switches to et al. from three, Vancouver lists six before et al.", "A missing year is not left blank: APA "
        "writes n.d., Harvard no date, Vancouver [date unknown].", "In-text citations point to the reference list, "
        "so the names and year must match the entry exactly.", "Author-date lists are sorted by the first author's "
        "family name; numbered styles keep the order of first citation.", "A DOI is written as a link in APA, MLA, "
        "Chicago and Harvard, and with a doi: label in Vancouver and IEEE.", "I compared the finished reference with "
        "the entry field by field, so nothing was added or lost.")
_HOW = ("First, read the entry's type: an article and a book take different patterns.", "Then write the authors in "
        "the style's order and form, initials or full given names.", "Place the year where the style puts it, or its "
        "stand-in when it is missing.", "Set the title's capitalisation for the style.", "Add the journal, volume, "
        "issue and pages, or the edition, place and publisher.", "End with the DOI in the style's form and check the "
        "punctuation between the parts.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a formatted reference: visible output tokens
WHY_ASKS = ("Could you walk me through how you built each part of it, step by step? It's for a library workshop.",
            "Please explain why the style wants it that way, so I can do the next ones myself.", "My supervisor "
            "wants the reasoning as well as the reference - could you spell it out?")
