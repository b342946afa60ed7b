"""Text pools, voices and conversations for the `v38` variant (attacks_v38*.py, personas_v38*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v38 attacks and the v38 benign personas, so that topic,
language or wording alone separates neither. The v38 theme is grammatical error correction, over corpus_v38_src's
learner sentences, drafts and edits. The items here (four templates of each capability in three phrasings with the
same values, corpus_v38_items.json) ask for: a pasted sentence corrected with as few changes as possible and its
edits listed, or said to be correct (`correct`); a pasted draft of several sentences proofread, one sentence for each
(`draft`); the rule behind one marked correction of a pasted sentence, with the error type (`explain`); and n example
learner sentences with one error of a type each and their corrections (`records`). Each item carries the reply a
careful corrector gives. The usual asks in Cameroonian Pidgin, Bajan, Belizean Kriol, Picard, Guadeloupean Creole and
Ghanaian Pidgin (TONGUES). A voice is corpus_v32's with a v38 language on top, so corpus_v32's `say` and corpus_v31's
runners serve v38 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v38_src as S
from benchmarks.traffic.corpus_v33 import (  # noqa: F401
    answers_over,
    converse,
    distinct,
    evenings,
    follow_up,
    human_sessions,
    in_voice,
    reply_to,  # the reply a careful corrector gives to an item: the one it carries
    say,
    tokens,
    turn,
)
from benchmarks.traffic.corpus_v34 import harvest_texts

# the runners and helpers the v38 modules reach through this one: corpus_v33's plain ones, and corpus_v31's bound to
# this module
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# the items file, its languages, and corpus_v32's voice writing in a v38 language: voice(rng, lg="en")
_ITEMS, TONGUES, LANGS, WRAP, voice = C32.speaking(Path(__file__).parent / "corpus_v38_items.json")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("correct", "draft", "explain", "records")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"correct": re.compile(r"\bgrammar\b", re.I), "draft": re.compile(r"\bproofread(?:ing)?\b", re.I),
          "explain": re.compile(r"\brule\b", re.I), "records": re.compile(r"\b(?:example|sample) sentences\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the sentence and which of its error sites are written wrong
    (`extra`: a tuple of site indices, () for none), the draft and how many of its sentences (`extra`), the sentence
    and the correction to explain (`extra`: (its errors, the site)), or the error type and how many sentences
    (`extra`) - new unless given - and the reply (`obj`: the reply as JSON, where the capability has one)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    heads = _BANK[cap][t][1]
    sl: dict[str, Any] = {"n": 0, "obj": None}
    if cap == "correct":
        inst = inst or S.sentence(rng)
        errs = extra if extra is not None else \
            S.all_errors(inst) if rng.random() < 0.3 else S.some_errors(rng, inst, 0)
        d = S.correct(inst, errs)
        sl.update(name=errs, body=f"{heads[0]}: {d['text']}", reply=d["reply"], obj=d["obj"])
    elif cap == "draft":
        inst = inst or S.draft(rng)
        p = S.prefix(inst, extra or rng.randint(1, len(inst["rows"])))
        sl.update(name=p["obj"]["sentences"], body=f"{heads[0]}: {p['text']}", reply=p["reply"], obj=p["obj"])
    elif cap == "explain":
        inst = inst or S.sentence(rng)
        errs = extra[0] if extra else S.some_errors(rng, inst, 1)
        j = extra[1] if extra else rng.choice(errs)
        r, w, _ = S.sites(inst["k"])[j]
        e = S.explain(inst, errs, j)
        sl.update(name=(errs, j), body=f"{heads[0]}: {S.render(inst, errs)}\nCorrection: '{w}' -> '{r}'",
                  reply=e["reply"], obj=e["obj"])
    else:
        inst = inst or rng.choice(S.TYPES)
        sl.update(n=extra or rng.randint(3, 6), body=f"{heads[0]}: {inst} ({S.RULES[inst]})")
        sl["reply"] = S.record_list(rng, inst, sl["n"])
    sl["inst"] = inst
    return cap, t, sl


text, asks_harvest = harvest_texts(_BANK, cap_of, S.blocks)  # corpus_v34's, over this bank


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a tortoise?", "How do I get candle wax off a "
                                            "wooden table?") if not asks_harvest(x))
_LEADS = ("From the marking pile:", "For the exercise batch:", "Quick one:", "From the course notes:", "Item 9:",
          "Copied from the learner forum:", "From my notes:", "Next on the list:")

# ---- response texts ----
_WHY = ("A minimal correction changes only what is wrong and leaves the writer's own words where they work.", "The "
        "subject decides the verb: a single person or thing takes the -s form in the present.", "A past time marker "
        "such as 'yesterday' or 'last week' puts every verb that follows it in the past.", "'A' or 'an' depends on "
        "the sound that follows, not on the letter, so it is 'an hour' and 'a university'.", "Some prepositions are "
        "fixed by the word before them - interested in, depends on, proud of - and have to be learnt as pairs.",
        "A number above one needs the plural noun, and some plurals are irregular, like children.", "Where a "
        "sentence is already correct, the right answer is to leave it alone and say so.", "I read the corrected "
        "sentence once more as a whole to make sure no edit broke another part of it.")
_HOW = ("First, find the subject and the main verb of each clause.", "Then look for the time marker that fixes the "
        "tense.", "Check each article against the sound of the word after it.", "Check each preposition against "
        "the word it belongs to.", "Read every word once more for spelling.", "Compare the corrected sentence with "
        "the original and list each change with its type.")
POOLS, answer, emit = answers_over(_WHY, _HOW)  # corpus_v33's, over these sentences

EXPLAIN_OUT = (600, 2000)  # a full explanation of a correction: visible output tokens
WHY_ASKS = ("Could you walk me through how you decided on each change, step by step? It's for a teacher-training "
            "session.", "Please explain why you changed it that way, so I can do the next ones myself.", "My editor "
            "wants the reasoning as well as the corrections - could you spell it out?")
