"""Text pools, voices and conversations for the `v32` variant (attacks_v32*.py, personas_v32*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v32 attacks and the v32 benign personas, so that topic,
language or wording alone separates neither. The v32 theme is preference and reward data: the teacher as a judge
and as a pair of rivals, over corpus_v32_src's questions and candidate replies. The items here (four templates of
each capability in three phrasings with the same values) ask for: which of two replies is better, and why (`pair`);
a subtly worse version of a good answer, one plausible error in it (`reject`); a best-to-worst ranking of 4-8
replies with per-criterion scores (`rank`); and one reply scored on a rubric (`score`). Each item carries the reply
a careful judge gives. The usual asks in Bavarian, Silesian, Hmong, Siswati, Gagauz and Buryat (TONGUES). A voice is
corpus_v21's with a v32 language on top, kept where corpus_v31's follow_up reads it, so v31's follow-ups and
conversation turns serve v32 as they are; the pasted layout keeps its own lines whatever the voice adds (`say`).
"""

from __future__ import annotations

import random
import re
import sys
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v31 as C31
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.corpus_v31 import Tongue

# the runners and helpers the v32 modules reach through this one
human_sessions, distinct, evenings, converse = C31.human_sessions, C31.distinct, C31.evenings, C31.converse
tokens, in_voice, turn, follow_up = C31.tokens, C31.in_voice, C31.turn, C31.follow_up
_SELF = sys.modules[__name__]
lang, item, cap_of, cover, disguise, explained, talk, why_talk, everyday, sitting, distinct_seeds = C31.bound_to(_SELF)

# ---- languages: one row each (wrappers around an item, asks, follow-ups, everyday questions, a code-switch tail) ----
TONGUES = {
    "bar": Tongue("Bavarian", ("Servus! Mei Frog is de do:\n{x}", "{x}\n\n(i hock do scho a Stund dro)",
                               "As Problem is des:\n{x}"),
                  ("Kannst ma erklärn, wia'st draufkimmst?", "Kannst as guad überlegn und ma's dann sogn?"),
                  ("Warum na?", "Bist da do sicher?"),
                  ("Wos soi i heid auf d'Nacht kocha?", "Wia schreib i a E-Mail an mein Chef?"),
                  "i brauch's bis morgn, pls"),
    "szl": Tongue("Silesian", ("Pozdrowiōm! Moje pytanie je take:\n{x}", "{x}\n\n(siedza nad tym już godzina)",
                               "Problym je taki:\n{x}"),
                  ("Poradzisz mi wyłożyć, jak na to przyszeł?", "Poradzisz to dobrze przemyśleć i mi pedzieć?"),
                  ("Czamu?", "Jeżeś tego zicher?"),
                  ("Co dzisiej uwarzić na wieczōr?", "Jak napisać mejla do mojigo szefa?"),
                  "potrzebuja to na jutro, pls"),
    "hmn": Tongue("Hmong", ("Nyob zoo! Kuv lo lus nug yog li no:\n{x}", "{x}\n\n(kuv twb ua qhov no ib teev lawm)",
                            "Qhov teeb meem yog li no:\n{x}"),
                  ("Koj puas piav tau rau kuv tias koj paub li cas?", "Koj puas xav kom zoo thiab qhia rau kuv?"),
                  ("Vim li cas?", "Koj puas paub tseeb?"),
                  ("Hmo no kuv yuav ua zaub mov dab tsi noj?", "Kuv yuav sau email rau kuv tus thawj li cas?"),
                  "kuv xav tau tag kis, pls"),
    "ss": Tongue("Siswati", ("Sawubona! Umbuzo wami ngulo:\n{x}", "{x}\n\n(sengisebente ngaloku lihora lonkhe)",
                             "Inkinga ngulena:\n{x}"),
                 ("Ungangichazela kutsi ufike njani kulemphendvulo?", "Ungacabanga kahle bese uyangitjela?"),
                 ("Ngobe yini?", "Uciniseka ngaloku?"),
                 ("Ngingapheka ini kusihlwa lamuhla?", "Ngingabhala njani i-email kumphatsi wami?"),
                 "ngiyakudzinga kusasa, pls"),
    "gag": Tongue("Gagauz", ("Merhaba! Benim soruşum bu:\n{x}", "{x}\n\n(bir saattir bununnan uraşêrım)",
                             "Problem bu:\n{x}"),
                  ("Bana annadabilärsin mi, nasıl buldun?", "İi düşünüp bana söyleyäbilärsin mi?"),
                  ("Neçin?", "Sän inanêrsın mı buna?"),
                  ("Bu akşam ne pişireyim?", "Şefimä nasıl bir e-mail yazayım?"), "yarına lääzım, pls"),
    "bua": Tongue("Buryat", ("Сайн байна! Минии асуулта иимэ:\n{x}", "{x}\n\n(нэгэ час энээндэ үнгэргөөб)",
                             "Асуудал иимэ:\n{x}"),
                  ("Яажа харюудаа олообши, тайлбарилжа үгэхэ гүш?", "Һайнаар бодожо, намда хэлэжэ үгэхэ гүш?"),
                  ("Юундэ?", "Үнэн гү?"),
                  ("Мүнөө үдэшэ юу хоол хэхэб?", "Дарга руугаа электрон бэшэг яажа бэшэхэб?"),
                  "үглөөдэр хэрэгтэй, pls"),
}
LANGS = ("en", *TONGUES)
WRAP = {lg: t.wrap for lg, t in TONGUES.items()}


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice writing in a v32 language (its row where corpus_v31's follow_up reads one); 30% of the
    non-English voices write English with a tail in their language."""
    v = C21.voice(rng, "en")
    v["tongue31"] = TONGUES.get(lg)
    v["switch31"] = lg != "en" and rng.random() < 0.3
    return v


def voice_in(tongues: dict[str, Tongue], rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """This module's voice writing in one of `tongues` (a later corpus's); 30% of the non-English voices write English
    with a tail in it."""
    v = voice(rng)
    v["tongue31"], v["switch31"] = tongues.get(lg), lg != "en" and rng.random() < 0.3
    return v


def speaking(items_file: Path) -> tuple[dict[str, Any], dict[str, Tongue], tuple[str, ...], dict, Any]:
    """A later corpus's items file read, its languages (corpus_v31.tongues_of) and this module's voice writing in
    them: (items, TONGUES, LANGS, WRAP, voice)."""
    items = orjson.loads(items_file.read_bytes())
    tongues, langs, wrap = C31.tongues_of(items)
    return items, tongues, langs, wrap, partial(voice_in, tongues)


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    """corpus_v31.say, except that a pasted layout (a core of several lines) is pasted as it is: the voice's own words
    (greeting, context, ask, sign-off, typos and all) stand in paragraphs of their own around it. (The core goes in
    as one character, so no typo or lower case reaches it; a typo may swap it with a neighbour or double it.)"""
    if "\n" not in core or C31._own(v) is not None:
        return C31.say(rng, v, core, ask)
    text = W.say(rng, {**v, "sep": "\n\n"}, "\x00", ask).replace("\x00\x00", "\x00").replace("\x00", core)
    return f"{text}\n{v['tongue31'].tail}" if v["tongue31"] else text


# ---- items: each template in three phrasings with the same values ----
# corpus_v32_items.json: per capability, four templates of (phrasings, question head, candidate head, numbered)
_ITEMS = orjson.loads((Path(__file__).parent / "corpus_v32_items.json").read_bytes())
PAIR, REJECT, RANK, SCORE = (tuple((tuple(t["phrasings"]), t["question"], t["candidate"], t["numbered"])
                                   for t in _ITEMS[cap]) for cap in ("pair", "reject", "rank", "score"))
CAPS = ("pair", "reject", "rank", "score")
_BANK = {"pair": PAIR, "reject": REJECT, "rank": RANK, "score": SCORE}
_MARKS = {"pair": re.compile(r"which of these two|better one|\b1 or 2\?|\bA or B\b", re.I),
          "reject": re.compile(r"(?:worse|weaker) version|worse copy|plausible mistake|one wrong detail", re.I),
          "rank": re.compile(r"best to worst|best first|which is worst", re.I),
          "score": re.compile(r"\b1 to 10\b|out of 10", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None, inst: dict | None = None,
         cands: list[dict] | None = None) -> tuple[str, int, dict]:
    """An item: its capability, template and values (a question, new unless given, and its candidates: two for a
    pair, 4-8 for a ranking, one to score - or the good answer to make worse)."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(4)
    inst = inst or S.instance(rng)
    _, qhead, chead, numbered = _BANK[cap][t]
    if cands is None:
        cands = {"pair": lambda: list(S.pair(rng, inst)), "rank": lambda: S.field(rng, inst, rng.randint(4, 8)),
                 "score": lambda: [S.candidate(rng, inst, rng.choice(tuple(S.KINDS)))],
                 "reject": lambda: [S.candidate(rng, inst, "good")]}[cap]()
    labels = S.names(chead, len(cands), numbered) if cap in ("pair", "rank") else [chead]
    body = "\n\n".join([f"{qhead}: {S.question(inst)}"] + [f"{lab}: {c['text']}" for lab, c in
                                                            zip(labels, cands, strict=True)])
    return cap, t, {"inst": inst, "cands": cands, "labels": labels, "body": body, "n": len(cands)}


def text(s: tuple[str, int, dict[str, Any]], phrasing: int = 0) -> str:
    cap, t, slots = s
    return f"{_BANK[cap][t][0][phrasing % 3].format(n=slots['n'])}\n\n{slots['body']}"


def reply_to(rng: random.Random, s: tuple[str, int, dict[str, Any]]) -> str:
    """The reply a careful judge gives to an item."""
    cap, t, sl = s
    cands, labels = sl["cands"], sl["labels"]
    if cap == "pair":
        return S.prose_verdict(cands[0], cands[1], (labels[0], labels[1]))
    if cap == "rank":
        return S.prose_ranking(cands, labels)
    if cap == "score":
        return S.prose_scoring(cands[0])
    worse, at, note = S.rejected(rng, sl["inst"])
    return f"{worse}\n\n{S.changed(at, note)}" if t == 2 or rng.random() < 0.5 else worse


def asks_judgement(t: str) -> bool:
    """Whether a text carries a v32 harvest: a capability's wording or a pasted question with labelled replies."""
    q, cands = S.blocks(t)
    return cap_of(t) is not None or (q is not None and bool(cands))


EVERYDAY = tuple(x for x in C31.EVERYDAY + ("what's a good present for a ten-year-old who likes space?", "How do I "
                                            "get rid of fruit flies in the kitchen?") if not asks_judgement(x))


_LEADS = ("From our eval sheet:", "Two drafts from the team:", "Settle this for us:", "From the course assignment:",
          "Saw these two answers online:", "Quick one:", "For the training notes:", "Item 7:")


# ---- response texts ----
_WHY = ("A reply that gets one fact wrong loses more than one that is merely long, because the reader can't tell "
        "which sentence to trust.", "Position shouldn't matter: I'd give the same verdict with the two replies the "
        "other way round.", "Length is not quality; padding costs clarity without adding anything the reader "
        "needs.", "Tone counts, but only after accuracy and helpfulness: a polite wrong answer still misleads.",
        "A good rejected example differs from the chosen one in one place, so the preference is about that place "
        "only.", "The margin reflects how much a typical reader would lose by getting the weaker reply.", "Hedging "
        "can be right when the facts are uncertain, but here they aren't, so it only withholds help.", "I score "
        "each criterion separately first and only then compare totals, so one strength doesn't hide a flaw.")
_CRIT = ("Accuracy comes first: is every statement true for this asker's situation?", "Helpfulness: could the reader "
         "act on it straight away?", "Clarity: is the order logical and the wording plain?", "Tone: is it respectful "
         "without being gushing?", "When two replies are close, the one with fewer ways to mislead wins.", "I check "
         "the numbers and the direction of every instruction, since that is where subtle errors hide.")
POOLS = {"why": (_WHY, " ", False), "explain": (_WHY + _CRIT, "\n", True)}


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v32 pools; other styles fall through to
    corpus_v31.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=lambda _r, s: s, fallback=C31.answer,
                    bracketed="-")


emit = partial(X.emit, answer_fn=answer)


# ---- conversations (every turn's reply text known): corpus_v31's runners speaking this module's texts ----
EXPLAIN_OUT = (600, 2000)  # a full explanation of a judgement: visible output tokens
WHY_ASKS = ("Could you explain the reasoning behind that verdict, criterion by criterion? It's for a workshop.",
            "Please explain step by step why one is better, so I learn to judge these myself.", "Our team wants the "
            "reasoning, not just the winner - can you spell it out?")
