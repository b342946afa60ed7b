"""Text pools, voices and conversations for the `v35` variant (attacks_v35*.py, personas_v35*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v35 attacks and the v35 benign personas, so that topic,
language or wording alone separates neither. The v35 theme is grounded verification, over corpus_v35_src's evidence
passages, tables and cited answers. The items here (four templates of each capability in three phrasings with the
same values, corpus_v35_items.json) ask for: a verdict on a claim against pasted evidence - supported, refuted or not
enough info - with the sentence it rests on (`verify`); the answer to a question over a pasted table with its
working (`table`); the source supporting each numbered sentence of a pasted answer (`cite`); and n labelled claims
about a passage (`claims`). Each item carries the reply a careful fact-checker gives. The usual asks in Norwegian
Nynorsk, Hawaiian Pidgin, Shanghainese, Mauritian Creole, Toki Pona and Interlingua (TONGUES). A voice is corpus_v32's
with a v35 language on top, so corpus_v32's `say` and corpus_v31's runners serve v35 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v35_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful fact-checker gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v35 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v35 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v35_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("verify", "table", "cite", "claims")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"verify": re.compile(r"\bverdict\b", re.I), "table": re.compile(r"\btable\b", re.I),
          "cite": re.compile(r"\bcit(?:e|ations?)\b", re.I), "claims": re.compile(r"\bclaims\b", re.I)}
ORDERS = ((0, 1, 2), (2, 0, 1), (1, 2, 0))  # the orders a cited answer's three sources are pasted in


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the passage and the claim's (kind, fact) (`extra`), the table
    and the question's kind (`extra`), the cited answer and its sources' order (`extra`), or the passage and how many
    claims (`extra`) - new unless given - and the reply (`obj`: the reply as JSON, where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    heads = _BANK[cap][t][1]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "verify":
        inst = inst or S.evidence(rng)
        cl = S.claim(inst, *(extra or (rng.choice(S.KINDS), rng.randrange(4))))
        sl.update(name=cl["verdict"], body=f"{heads[0]}: {cl['text']}\n\n{heads[1]}: {inst['text']}",
                  reply=S.verify_reply(cl), obj={"verdict": cl["verdict"], "evidence": cl["line"]})
    elif cap == "table":
        inst = inst or S.table(rng)
        q = S.question(rng, inst, extra or rng.choice(S.QTYPES))
        sl.update(name=q["answer"], body=f"{inst['text']}\n\n{heads[1]}: {q['q']}",
                  reply=f"{q['answer']}. Working: {q['working']}", obj={"answer": q["answer"], "working": q["working"]})
    elif cap == "cite":
        inst = inst or S.cited(rng)
        order = extra or rng.choice(ORDERS)
        sl.update(name=order, body=S.cite_layout(inst, order, heads), reply=S.cite_reply(inst, order),
                  obj={"citations": S.citations(inst, order)})
    else:
        inst = inst or S.evidence(rng)
        sl.update(n=extra or rng.randint(3, 6), body=f"{heads[0]}: {inst['text']}")
        sl["reply"] = S.claim_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a tortoise?", "How do I get candle wax off a "
                                            "wooden floor?") if not asks_harvest(x))
_LEADS = ("From the fact-check queue:", "For the annotation batch:", "Quick one:", "From the seminar:", "Item 9:",
          "Copied from the review sheet:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A claim is supported only when one sentence of the evidence says the same thing, not when it merely fits.",
        "A different number in the claim than in the source makes it refuted, not unverified.", "When the evidence is "
        "silent the honest label is not enough info, however likely the claim sounds.", "I read the table's row and "
        "column headers before any number, so the right cell is used.", "A total adds every row of the one column "
        "asked about and nothing else.", "A citation belongs to the source that states the sentence's fact, not the "
        "one on the same subject.", "A sentence no source states gets no citation, rather than the nearest one.",
        "I quote the evidence sentence so anyone can check the verdict in a second.")
_HOW = ("First, find the one fact the claim turns on.", "Then look for the sentence of the evidence about that fact.",
        "Compare the claim's number or name with the one in the sentence.", "Read the question for the column it "
        "needs before looking at the rows.", "Check each sentence of the answer against every source in turn.",
        "Write the working out so the arithmetic can be checked.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a verdict, an answer or citations: visible output tokens
WHY_ASKS = ("Could you walk me through how you decided, step by step? It's for a fact-checking workshop.",
            "Please explain why you reached that, so I can check the next ones myself.", "My supervisor wants the "
            "reasoning as well as the answer - could you spell it out?")
