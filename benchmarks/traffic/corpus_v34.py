"""Text pools, voices and conversations for the `v34` variant (attacks_v34*.py, personas_v34*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v34 attacks and the v34 benign personas, so that topic,
language or wording alone separates neither. The v34 theme is long-form writing and summarisation, over
corpus_v34_src's articles, outlines and passages. The items here (four templates of each capability in three
phrasings with the same values, corpus_v34_items.json) ask for: an article summarised at a length or in a style
(`summary`); a section of a pasted outline expanded into prose (`expand`); a passage rewritten into a register
(`restyle`); and n headlines for an article (`headline`). Each item carries the reply a careful writer gives. The
usual asks in Cantonese, Pennsylvania Dutch, Kölsch, Lower Sorbian, Aromanian and Karakalpak (TONGUES). A voice is
corpus_v32's with a v34 language on top, so corpus_v32's `say` and corpus_v31's runners serve v34 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v34_src as S
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

# the runners and helpers the v34 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

_ITEMS = orjson.loads((Path(__file__).parent / "corpus_v34_items.json").read_bytes())
TONGUES, LANGS, WRAP = C31.tongues_of(_ITEMS)
voice = partial(C32.voice_in, TONGUES)  # corpus_v32's voice writing in a v34 language: voice(rng, lg="en")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("summary", "expand", "restyle", "headline")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"summary": re.compile(r"\bsummar(?:y|ise|ize)\b", re.I), "expand": re.compile(r"\boutline\b", re.I),
          "restyle": re.compile(r"\bregister\b", re.I), "headline": re.compile(r"\bheadlines?\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the article and the length or style (`extra`), the outline
    and the section (`extra`: its index), the passage and the register (`extra`), or the article and how many
    headlines (`extra`) - new unless given - and the reply."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    heads = _BANK[cap][t][1]
    sl: dict[str, Any] = {"n": 0, "style": ""}
    if cap == "summary":
        inst, st = inst or S.article(rng), extra or rng.choice(S.STYLE_NAMES)
        sl.update(style=S.STYLES[st], name=st, body=f"{heads[0]}: {inst['text']}", reply=S.summarise(inst, st))
    elif cap == "expand":
        inst = inst or S.outline(rng)
        j = rng.randrange(4) if extra is None else extra
        sl.update(name=j, body=S.outline_layout(inst, j), reply=S.expand(rng, inst, j))
    elif cap == "restyle":
        inst, reg = inst or S.passage(rng), extra or rng.choice(S.REGISTER_NAMES)
        sl.update(style=reg, name=reg, body=f"{heads[0]}: {inst['text']}", reply=S.restyle(inst, reg))
    else:
        inst = inst or S.article(rng)
        sl.update(n=extra or rng.randint(3, 5), body=f"{heads[0]}: {inst['text']}")
        sl["reply"] = "\n".join(f"{j + 1}. {h}" for j, h in enumerate(S.headlines(rng, inst, sl["n"])))
    sl["inst"] = inst
    return cap, t, sl


def harvest_texts(bank: dict, cap_of: Callable[[str], Any], blocks: Callable[[str], Any]) -> tuple[Callable, Callable]:
    """`text(item, phrasing)` and `asks_harvest(text)` of a corpus module (v34's and later ones') over its template
    `bank`: an item reads as its template in a phrasing, filled from the item's slots, above the pasted body; a text
    carries a harvest when it has a capability's wording (`cap_of`) or a pasted block (`blocks`)."""
    def text(s: tuple[str, int, dict[str, Any]], phrasing: int = 0) -> str:
        cap, t, sl = s
        return f"{bank[cap][t][0][phrasing % 3].format(**sl)}\n\n{sl['body']}"

    def asks_harvest(t: str) -> bool:
        return cap_of(t) is not None or bool(blocks(t))

    return text, asks_harvest


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a sourdough starter?", "How do I get wax out of a "
                                            "tablecloth?") if not asks_harvest(x))
_LEADS = ("From the editor:", "For the newsletter:", "Quick one:", "From the writing group:", "Item 7:",
          "Copied from the shared doc:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A summary at a given length keeps the facts the reader needs first and drops the colour.", "Each section "
        "follows its outline points in order, one paragraph a point, so the draft stays on plan.", "Changing the "
        "register changes the words and the rhythm, never the facts.", "A child's version swaps long words for "
        "short ones and keeps one idea a sentence.", "Bullet points work when every fact stands on its own.", "A "
        "headline names who and what; the detail can wait for the first line.", "The legal register spells out "
        "dates and conditions that a casual note leaves to common sense.", "I checked every sentence of the "
        "rewrite against the original, so nothing was added.")
_HOW = ("First, find the one fact a reader must not miss.", "Then decide what the reader already knows.", "Write "
        "the opening sentence last, once the rest is settled.", "Read the original aloud and mark its main claims.",
        "Keep the order of the outline unless it fights the argument.", "Cut every sentence that repeats another.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a piece of writing: visible output tokens
WHY_ASKS = ("Could you walk me through the choices you made, step by step? It's for an editing workshop.",
            "Please explain why you wrote it that way, so I can do the next ones myself.", "My editor wants the "
            "reasoning as well as the text - could you spell it out?")
