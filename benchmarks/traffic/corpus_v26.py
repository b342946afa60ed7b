"""Text pools and voices for the `v26` variant (attacks_v26*.py, personas_v26*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v26 attacks and the v26 benign personas, so that topic,
language or wording alone separates neither. The v26 theme is the teacher as annotator: the harvest is the teacher's
judgements about documents - labels, entities, relations, JSON records, embeddings - more than long answers. So the
items here (four templates of each capability in three phrasings with the same values) are annotation questions
about a document of corpus_v26_docs: contract clause tagging (`clause`), clinical coding with ICD-10-CM
(`clinical`), aspect sentiment of product reviews (`review`) and CPC classification of patent abstracts (`patent`).
`scrape(ctx)` is the operator's scraped corpus, one per generated log, which the label, extraction and embedding
campaigns share (the same documents go through all three). The usual asks in Odia, Uyghur, Kabyle, Hiligaynon,
Ladino and Northern Sotho. A voice is corpus_v21's with a v26 language on top; conversations use corpus_v17.talk and
.sitting with the v26 texts (KIT), and `converse` runs a conversation whose user turns (and, when given, replies)
are all known. `cap_of` tells an item's capability from its text. The session helpers are corpus_v22's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v19 as C19
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v22 as C22
from benchmarks.traffic import corpus_v25 as C25
from benchmarks.traffic import corpus_v26_docs as D
from benchmarks.traffic import corpus_v26_more as M
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP, build

human_sessions = X.human_sessions
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings

# ---- languages ----
LANGS = ("en", "or", "ug", "kab", "hil", "lad", "nso")
WRAP = {
    "or": ("ନମସ୍କାର! ଏହା ମୋର ପ୍ରଶ୍ନ:\n{x}", "{x}\n\n(ମୁଁ ଏଥିରେ ଏକ ଘଣ୍ଟା ବିତାଇଲିଣି)", "ସମସ୍ୟାଟି ହେଉଛି:\n{x}"),
    "ug": ("ياخشىمۇسىز! بۇ مېنىڭ سوئالىم:\n{x}", "{x}\n\n(بۇنىڭغا بىر سائەت ۋاقىت سەرپ قىلدىم)", "مەسىلە مۇنداق:\n{x}"),
    "kab": ("Azul! Ha-tt-a tuttra-inu:\n{x}", "{x}\n\n(qqimeɣ yiwet n tsaɛet fell-as)", "Ugur d wa:\n{x}"),
    "hil": ("Maayong adlaw! Ini ang akon pamangkot:\n{x}", "{x}\n\n(isa na ka oras ko ini ginahimo)",
            "Amo ini ang problema:\n{x}"),
    "lad": ("Shalom! Esta es mi pregunta:\n{x}", "{x}\n\n(ya pasi una ora kon esto)", "El problema es este:\n{x}"),
    "nso": ("Thobela! Se ke potšišo ya ka:\n{x}", "{x}\n\n(ke šetše ke dirile iri ye tee ka se)", "Bothata ke bjo:\n{x}"),
}
ASK_I18N = {
    "or": ("ଉତ୍ତର କିପରି ମିଳେ ବୁଝାଇ ପାରିବେ କି?", "ଏହା କେଉଁ ଲେବେଲ୍, ଆଉ କାହିଁକି?"),
    "ug": ("جاۋابقا قانداق يېتىدىغانلىقىنى چۈشەندۈرۈپ بېرەلەمسىز؟", "قايسى بەلگە، نېمە ئۈچۈن؟"),
    "kab": ("Tzemreḍ ad iyi-d-tessefhmeḍ amek ara naweḍ ɣer tririt?", "Anta tacreḍt, u acuɣer?"),
    "hil": ("Mahimo mo bala ipaathag kon paano makuha ang sabat?", "Ano nga label kag ngaa?"),
    "lad": ("Me puedes eksplikar komo se arriva a la repuesta?", "Ke etiketa es i porke?"),
    "nso": ("O ka ntlhaloša gore karabo e hwetšwa bjang?", "Ke leibole efe gomme ke ka lebaka la eng?"),
}
FOLLOW_I18N = {
    "or": ("କାହିଁକି?", "ଆପଣ ସେହି ଲେବେଲ୍ ବିଷୟରେ ନିଶ୍ଚିତ କି?"),
    "ug": ("نېمە ئۈچۈن؟", "بۇ بەلگىگە ئىشەنچىڭىز كامىلمۇ؟"),
    "kab": ("Acuɣer?", "Tettkeleḍ ɣef tcreḍt-agi?"),
    "hil": ("Ngaa?", "Sigurado ka bala sa sina nga label?"),
    "lad": ("Porke?", "Estas seguro de esta etiketa?"),
    "nso": ("Ka lebaka la eng?", "Na o kgonthišitše ka leibole yeo?"),
}
COVER_I18N = {
    "or": ("ଆଜି ରାତିରେ କ'ଣ ରାନ୍ଧିବି?", "ମୋ ମ୍ୟାନେଜରଙ୍କୁ ଏକ ଇମେଲ୍ କିପରି ଲେଖିବି?"),
    "ug": ("بۈگۈن كەچتە نېمە تاماق ئەتسەم بولار؟", "باشلىقىمغا قانداق ئېلخەت يازىمەن؟"),
    "kab": ("D acu ara sewweɣ ass-a deg yiḍ?", "Amek ara aruɣ imayl i unemhal-iw?"),
    "hil": ("Ano bala ang lutuon ko karon nga gab-i?", "Paano ako magsulat sang email sa akon amo?"),
    "lad": ("Ke vo guisar esta noche?", "Komo eskrivo un email a mi patron?"),
    "nso": ("Ke apee eng bošegong bja lehono?", "Ke ngwalela mookamedi wa ka imeile bjang?"),
}
MIXED_TAIL = {"or": "କାଲି ଦରକାର, pls", "ug": "ئەتە كېرەك, pls", "kab": "sriɣ-t azekka, pls",
              "hil": "kinahanglan ko ini buwas, pls", "lad": "lo nesesito amanyana, pls", "nso": "ke e nyaka gosasa, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v26 language."""
    v = C21.voice(rng, "en")
    v.update(lg26=lg, mixed26=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg26"] != "en" and not v["mixed26"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg26"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed26"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg26"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg26"]])}'
    return C19.quote_follow(rng, v, reply)


def in_voice(rng: random.Random, v: dict[str, Any] | None, text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    if v is None:
        return text
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- annotation questions: each template in three phrasings with the same values; {doc} on lines of its own ----
CLAUSE = (
    ("What type of contract clause is this, and which words decide it?\n\n{doc}",
     "Can you tell me what kind of clause this is - and what in the wording gives it away?\n\n{doc}",
     "clause type + the deciding words?\n\n{doc}"),
    ("Rate the risk of this contract clause for {side} as low, medium or high, and name the term that drives it."
     "\n\n{doc}", "From {side}'s point of view, how risky is this clause - low, medium or high - and why?\n\n{doc}",
     "risk for {side} (low/med/high) of this clause?\n\n{doc}"),
    ("Tag every obligation in this contract clause: who owes it, to whom, and by when.\n\n{doc}",
     "In this clause, who has to do what for whom, and when? List each obligation.\n\n{doc}",
     "obligations in this clause (who / what / to whom / when)?\n\n{doc}"),
    ("Would you tag this clause as market-standard or unusual for a {deal}? Give the tag and the reason.\n\n{doc}",
     "Is this a standard clause for a {deal}, or an outlier? Tag it and tell me why.\n\n{doc}",
     "standard or unusual for a {deal}? clause:\n\n{doc}"),
)
CLINICAL = (
    ("Assign ICD-10 codes to the diagnoses in this discharge note, principal diagnosis first.\n\n{doc}",
     "Which ICD-10 codes go with this discharge summary? Principal one first please.\n\n{doc}",
     "ICD-10 codes for this note (principal first)?\n\n{doc}"),
    ("Extract every problem, medication and test from this clinical note and link each medication to the problem it "
     "treats.\n\n{doc}", "From this clinical note, can you pull out the problems, meds and tests, and say which med "
     "is for which problem?\n\n{doc}", "clinical note -> problems / meds / tests + med-problem links\n\n{doc}"),
    ("For {audit}, check whether this discharge note supports {code} as the principal diagnosis.\n\n{doc}",
     "{audit}: does this discharge note support coding {code} as the principal diagnosis?\n\n{doc}",
     "{audit} - is principal dx {code} supported by this discharge note?\n\n{doc}"),
    ("Which ICD-10 chapter does the principal diagnosis of this clinical note fall under, and which clue decides it?"
     "\n\n{doc}", "What ICD-10 chapter is the main diagnosis here in? What tells you?\n\n{doc}",
     "ICD-10 chapter of the principal dx + clue?\n\n{doc}"),
)
REVIEW = (
    ("Label each aspect this product review mentions as positive, negative or neutral.\n\n{doc}",
     "Which aspects does this review talk about, and is each one positive, negative or neutral?\n\n{doc}",
     "aspect sentiment for this review?\n\n{doc}"),
    ("How many stars (1-5) did the writer of this review most likely give, and which sentence gives it away?"
     "\n\n{doc}", "Guess the star rating of this review and point to the sentence that decides it.\n\n{doc}",
     "stars (1-5) for this review + deciding sentence?\n\n{doc}"),
    ("Is this product review {kind}? Answer, and point to the evidence.\n\n{doc}",
     "Would you say this review is {kind}? What in the text tells you?\n\n{doc}",
     "review {kind}? evidence?\n\n{doc}"),
    ("Turn this review into tags for the {team} team's dashboard: aspect, sentiment and severity.\n\n{doc}",
     "Can you tag this review for our {team} team - each aspect, its sentiment, and how severe it is?\n\n{doc}",
     "tags for {team} team (aspect/sentiment/severity), review:\n\n{doc}"),
)
PATENT = (
    ("Which CPC subclass would you file this patent abstract under, and why?\n\n{doc}",
     "What CPC class fits this patent abstract best? Say what points there.\n\n{doc}",
     "CPC subclass for this patent abstract? why?\n\n{doc}"),
    ("List the components of the device in this patent abstract and tag how each relates to the others.\n\n{doc}",
     "What are the parts of the device described in this patent abstract, and how do they fit together?\n\n{doc}",
     "patent abstract -> components + relations\n\n{doc}"),
    ("Is this patent abstract closer to prior art in {fa} or in {fb}? Label it and explain.\n\n{doc}",
     "Would you search {fa} or {fb} for prior art on this patent abstract? Why?\n\n{doc}",
     "prior art: {fa} or {fb}? patent abstract:\n\n{doc}"),
    ("Tag this patent abstract with its technical problem, its solution and its effect.\n\n{doc}",
     "For this patent abstract, what problem does it solve, how, and with what effect? Tag each.\n\n{doc}",
     "problem / solution / effect tags for this patent abstract:\n\n{doc}"),
)
SLOTS = {"clause": {"side": ("the customer", "the supplier", "a small business signing it", "the licensee"),
                    "deal": ("SaaS subscription", "software licence", "distribution deal", "construction "
                             "subcontract", "consulting engagement")},
         "clinical": {"audit": ("a coding audit", "the payer query", "the monthly coding QA", "a documentation "
                                "integrity check"), "code": tuple(d[1] for d in D.DIAGNOSES)},
         "review": {"kind": ("likely written by a verified buyer", "mostly about delivery rather than the product",
                             "useful for other shoppers", "sarcastic anywhere"),
                    "team": ("product", "logistics", "support", "quality")},
         "patent": {"fa": ("thermal management", "fluid handling", "signal processing", "materials"),
                    "fb": ("mechanical fastening", "control systems", "measurement", "energy conversion")}}
CAPS = ("clause", "clinical", "review", "patent")
_BANK = {"clause": CLAUSE, "clinical": CLINICAL, "review": REVIEW, "patent": PATENT}
_MARKS = {"clause": re.compile(r"\bclause\b", re.I), "clinical": re.compile(r"ICD-10|\bclinical\b|discharge", re.I),
          "review": re.compile(r"\breview\b", re.I), "patent": re.compile(r"\bpatent\b|\bCPC\b")}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None,
         doc: str | None = None) -> tuple[str, int, dict]:
    """An item: capability, template, a document (a new one of corpus_v26_docs, or `doc`) and the other slots."""
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(len(_BANK[cap]))
    slots = {k: rng.choice(v) for k, v in SLOTS[cap].items()}
    return cap, t, {"doc": doc if doc is not None else D.document(rng, cap)[0], **slots}


def text(s: tuple[str, int, dict[str, Any]], phrasing: int = 0) -> str:
    cap, t, slots = s
    return _BANK[cap][t][phrasing % 3].format(**slots)


def item(rng: random.Random, cap: str | None = None) -> tuple[str, str]:
    s = seed(rng, cap)
    return text(s, rng.randrange(3)), s[0]


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


def cap_of(t: str) -> str | None:
    """The capability whose marks the text carries (None: none or more than one)."""
    hits = [cap for cap, rx in _MARKS.items() if rx.search(t)]
    return hits[0] if len(hits) == 1 else None


EVERYDAY = tuple(x for x in C25.EVERYDAY + ("what's a good stretch after a long drive?", "How do I stop my glasses "
                                            "fogging up with a mask?", "any ideas for a rainy Sunday with two "
                                            "toddlers?", "What's a polite way to chase an unpaid loan to a friend?")
                 if cap_of(x) is None)


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg26"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


_LEADS = ("From today's labelling batch:", "Our annotators disagreed on this one:", "From the QA sample:",
          "Edge case from the guideline thread:", "Pulled from the queue:", "From the set we inherited:",
          "My lead flagged this:", "From the pilot round:")


def disguise(rng: random.Random, t: str) -> str:
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- the operator's scraped corpus: one per log, shared by the label, extraction and embedding campaigns ----
class Scrape:
    """Documents of each capability in the order they were scraped (text, gold); new() scrapes one more."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.docs: dict[str, list[D.Doc]] = {cap: [] for cap in CAPS}

    def new(self, cap: str | None = None) -> tuple[str, int]:
        cap = cap or self.rng.choice(CAPS)
        self.docs[cap].append(D.document(self.rng, cap))
        return cap, len(self.docs[cap]) - 1

    def get(self, ref: tuple[str, int]) -> D.Doc:
        return self.docs[ref[0]][ref[1]]

    def old(self, cap: str | None = None) -> tuple[str, int]:
        """A document scraped before (a new one while there are none)."""
        cap = cap or self.rng.choice(CAPS)
        return (cap, self.rng.randrange(len(self.docs[cap]))) if self.docs[cap] else self.new(cap)


def scrape(ctx: Ctx) -> Scrape:
    return vars(ctx).setdefault("_v26_scrape", Scrape(ctx.rng))


# ---- response texts ----
def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens`: a label ("label:<capability>"), entity lines ("ner:..."),
    relation lines ("rel:..."), a JSON record ("record:..."), each for a fresh document when the caller does not
    pass the text it knows; corpus_v26_more.answer otherwise."""
    kind, _, cap = style.partition(":")
    if kind in ("label", "ner", "rel", "record") and cap in CAPS:
        _, gold = D.document(rng, cap)
        if kind == "label":
            return M.gold_label(cap, gold, rng.choice(tuple(M.SCHEMES[cap])))
        return {"ner": M.entities, "rel": M.relations, "record": M.record}[kind](cap, gold)
    return M.answer(rng, style, out_tokens, model, extra)


def out_tokens(rng: random.Random, reply: str) -> int:
    return max(1, int(len(reply) / rng.uniform(3.6, 4.2)))


# ---- conversations: corpus_v17's, with the v26 texts ----
emit = partial(X.emit, answer_fn=answer)
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)
talk = partial(C17.talk, kit=KIT)
everyday_talk = partial(C17.everyday_talk, kit=KIT)
sitting = partial(C17.sitting, kit=KIT)


def converse(ctx: Ctx, acct: dict, t: float, api: str, model: str, turns: list[tuple], v: dict | None, *,
             system: str | None = None, user: str | None = None, temperature: float | None = None,
             max_tokens: int | None = None, gap: tuple[float, float] | None = None, **extra: Any) -> float:
    """One conversation whose user turns are all given: turns[j] = (text, reply style, reply output-token range,
    extra seconds before it is sent[, the reply's text when it is known]). Each turn resends the history; a later
    turn waits for reading and typing (reply_gap, voice v) plus its extra seconds, or `gap` seconds when given (a
    script). max_tokens None: the client's own setting, one per account. Returns the time of the last turn."""
    rng = ctx.rng
    if max_tokens is None:
        if "max_tokens" not in acct:
            acct["max_tokens"] = rng.choice((None, None, 1024, 2048, 4096))
        max_tokens = acct["max_tokens"]
    params = dict(extra)
    if temperature is not None and api != RESP:
        params["temperature"] = temperature
    msgs: list[dict] = []
    for j, turn in enumerate(turns):
        nxt, style, out_range = turn[:3]
        msgs = msgs + [{"role": "user", "content": nxt}]
        if len(turn) > 4:
            reply, out = turn[4], out_tokens(rng, turn[4])
        else:
            out = rng.randint(*out_range)
            reply = answer(rng, style, out, model)
        body = build(api, model, system, msgs, max_tokens or 1024, **params)
        if max_tokens is None and api != ANTH:
            body.pop("max_output_tokens" if api == RESP else "max_tokens")
        emit(ctx, t, acct, api, body, out, text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        if j + 1 < len(turns):
            t += rng.uniform(*gap) if gap else reply_gap(rng, out, len(turns[j + 1][0]), v) + turns[j + 1][3]
    return t


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v26 voice each) and their activity weights."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]


def draws(rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in CAPS}


def distinct_seeds(rng: random.Random, cap: str | None = None) -> Callable[[], tuple[str, int, dict]]:
    """Items (seeds) of `cap` (any when None) whose first phrasing this caller has not had yet."""
    draw = distinct(lambda: (text(s := seed(rng, cap or rng.choice(CAPS))), s))
    return lambda: draw()[1]
