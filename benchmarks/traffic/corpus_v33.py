"""Text pools, voices and conversations for the `v33` variant (attacks_v33*.py, personas_v33*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v33 attacks and the v33 benign personas, so that topic,
language or wording alone separates neither. The v33 theme is synthetic-instruction and retrieval data, over
corpus_v33_src's instructions, databases and passages. The items here (four templates of each capability in three
phrasings with the same values, corpus_v33_items.json) ask for: a harder version of an instruction, one evolution
method at a time, the instruction kept word for word inside it (`evolve`); the SQL for a question over a pasted
schema, with a short explanation (`sql`); n search queries a pasted passage answers (`queries`); and a relevance
label for a query against a passage (`label`). Each item carries the reply a careful teacher gives. The usual asks in
Scots, Nigerian Pidgin, Jamaican Patois, Mirandese, Ladin and Tuvan (TONGUES). A voice is corpus_v32's with a v33
language on top, so corpus_v32's `say` (a pasted layout kept as it is) and corpus_v31's runners serve v33 as they are.
"""

from __future__ import annotations

import random
import re
import sys
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32 as C32
from benchmarks.traffic import corpus_v33_src as S

# the runners and helpers the v33 modules reach through this one
human_sessions, distinct, evenings, converse = C31.human_sessions, C31.distinct, C31.evenings, C31.converse
tokens, in_voice, turn, follow_up, say = C31.tokens, C31.in_voice, C31.turn, C31.follow_up, C32.say


_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# ---- languages (corpus_v33_items.json) ----
_ITEMS = orjson.loads((Path(__file__).parent / "corpus_v33_items.json").read_bytes())
TONGUES, LANGS, WRAP = C31.tongues_of(_ITEMS)
voice = partial(C32.voice_in, TONGUES)  # corpus_v32's voice writing in a v33 language: voice(rng, lg="en")


# ---- items: each template in three phrasings with the same values ----
CAPS = ("evolve", "sql", "queries", "label")
_BANK = {cap: tuple((tuple(t["phrasings"]), tuple(t["heads"])) for t in _ITEMS[cap]) for cap in CAPS}
_MARKS = {"evolve": re.compile(r"harder|more (?:difficult|challenging)|\bevolve\b", re.I),
          "sql": re.compile(r"SQL\b", re.I),
          "queries": re.compile(r"search (?:queries|engine|box)", re.I),
          "label": re.compile(r"\brelevan(?:t|ce)\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: Any = None,
         extra: Any = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values - the instruction to evolve and the method (`extra`: its name, or
    (name, the evolved instruction) when that is known), the SQL case, or the passage and how many queries (`extra`)
    or the query to label (`extra`) - new unless given - and the reply."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    heads = _BANK[cap][t][1]
    sl: dict[str, Any] = {"n": 0, "method": ""}
    if cap == "evolve":
        inst = inst or S.instruction(rng)
        m, evolved = extra if isinstance(extra, tuple) else (extra or rng.choice(S.METHOD_NAMES), None)
        sl.update(method=S.METHODS[m][0], name=m, body=f"{heads[0]}: {inst}",
                  reply=evolved or S.evolve(rng, inst, m))
    elif cap == "sql":
        inst = inst or S.sql_case(rng)
        sl.update(body=S.sql_layout(inst, heads), reply=S.sql_reply(inst))
    elif cap == "queries":
        inst = inst or S.passage(rng)
        sl.update(n=extra or rng.randint(2, 4), body=f"{heads[0]}: {inst['text']}")
        sl["reply"] = S.numbered(S.queries(rng, inst, sl["n"]))
    else:
        inst = inst or S.passage(rng)
        q = extra or S.probe(rng, inst)
        sl.update(query=q, body=f"Query: {q}\n\n{heads[1]}: {inst['text']}",
                  reply=f"{S.relevance(inst, q).capitalize()}. {S.label_reason(inst, q)}")
    sl["inst"] = inst
    return cap, t, sl


def text(s: tuple[str, int, dict[str, Any]], phrasing: int = 0) -> str:
    cap, t, sl = s
    return f"{_BANK[cap][t][0][phrasing % 3].format(n=sl['n'], method=sl['method'])}\n\n{sl['body']}"


def reply_to(rng: random.Random, s: tuple[str, int, dict[str, Any]]) -> str:
    """The reply a careful teacher gives to an item."""
    return s[2]["reply"]


def asks_harvest(t: str) -> bool:
    """Whether a text carries a v33 harvest: a capability's wording or a pasted instruction, schema or passage."""
    return cap_of(t) is not None or bool(S.blocks(t))


EVERYDAY = tuple(x for x in C32.EVERYDAY + ("what's a good name for a grey kitten?", "How do I stop my glasses "
                                            "steaming up when I wear a mask?") if not asks_harvest(x))


_LEADS = ("From the data sheet:", "For the training notes:", "Quick one:", "From the workshop:", "Item 12:",
          "Copied from the ticket:", "From my notes:", "Next one on the list:")


# ---- response texts ----
_WHY = ("A harder version should keep the original task intact and add exactly one new demand, so it stays "
        "answerable.", "The join goes through the foreign key, because that is the only link the schema declares "
        "between the two tables.", "A good search query is short and uses the words a person would type, not the "
        "passage's own phrasing.", "Grouping by the key as well as the name keeps two rows with the same name "
        "apart.", "A query the passage only half answers is partially relevant: same subject, different need.",
        "Adding reasoning steps makes the task longer without changing what a correct answer is.", "Date ranges "
        "are half-open, from the first day up to but not including the next period, so no row is counted twice.",
        "I check each generated query against the passage sentence that answers it before keeping it.")
_HOW = ("First, find what the original task actually asks for.", "Then choose the one table that holds the measure "
        "and the one that holds the grouping.", "Write the filter before the grouping, so only the right rows are "
        "counted.", "Read the passage sentence by sentence and ask what need each one meets.", "Phrase each query "
        "the way a hurried person would type it.", "Check the new constraint does not contradict the old ones.")


def answers_over(why: tuple[str, ...], how: tuple[str, ...]) -> tuple[dict, Any, Any]:
    """A corpus's response texts over its `why` and `how` sentences (v33's, and v34's and later ones'): POOLS, and
    answer(rng, style, out_tokens, model, extra) - a text of `style` sized from `out_tokens` over those pools, other
    styles falling through to corpus_v32.answer - and emit over that answer."""
    pools = {"why": (why, " ", False), "explain": (why + how, "\n", True)}
    answer = partial(X.answer, pools=pools, fill=lambda _r, s: s, fallback=C32.answer, bracketed="-")
    return pools, answer, partial(X.emit, answer_fn=answer)


POOLS, answer, emit = answers_over(_WHY, _HOW)


# ---- conversations (every turn's reply text known): corpus_v31's runners speaking this module's texts ----
EXPLAIN_OUT = (600, 2000)  # a full explanation of a generated item: visible output tokens
WHY_ASKS = ("Could you walk me through how you got there, step by step? It's for a training session.",
            "Please explain why you did it that way, so I can do the next ones myself.", "My lead wants the "
            "reasoning as well as the result - could you spell it out?")


def answer_to(rng: random.Random, instr: str, out: tuple[int, int] = (100, 500)) -> str:
    """An answer to an instruction asked by itself, in the style it wants."""
    return answer(rng, S.answer_style(instr), rng.randint(*out))
