"""Text pools, voices and conversations for the `v27` variant (attacks_v27*.py, personas_v27*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v27 attacks and the v27 benign personas, so that topic,
language or wording alone separates neither. The v27 theme is the teacher through its newer surfaces: the Responses
API with reasoning effort and summaries, chained on previous_response_id; Anthropic Messages with extended thinking
and cached system prompts; legacy completions with a suffix (fill-in-the-middle); and image inputs. So the items
here (four templates of each capability in three phrasings with the same values) are olympiad mathematics
(`olympiad`, for reasoning), buggy functions (`debug`, the code of corpus_v27_docs), return-policy cases (`policy`,
the support bot's world) and questions about an attached photo (`photo`). `scrape(ctx)` is the operator's scrape,
one per generated log: source files cut into infill holes and an image set, which the infill and caption campaigns
share. The usual asks in Assamese, Maithili, Xitsonga, Bambara, Sakha (Yakut) and Manx. A voice is corpus_v21's
with a v27 language on top. `converse` runs a conversation whose user turns are known over a surface
(corpus_v27_more.request): hidden reasoning counts in the output tokens, a summary of it comes back in the text, a
Responses chain sends only the newest turn, and the first turn may carry an image; `talk` and `sitting` build on it.
`cap_of` tells an item's capability from its text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v19 as C19
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v22 as C22
from benchmarks.traffic import corpus_v26 as C26
from benchmarks.traffic import corpus_v27_docs as D
from benchmarks.traffic import corpus_v27_more as M
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import RESP, resp_id

human_sessions = X.human_sessions
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings
answer = M.answer

# ---- languages ----
LANGS = ("en", "as", "mai", "ts", "bm", "sah", "gv")
WRAP = {
    "as": ("নমস্কাৰ! এইটো মোৰ প্ৰশ্ন:\n{x}", "{x}\n\n(মই ইয়াত এঘণ্টা সময় দিলোঁ)", "সমস্যাটো হ'ল:\n{x}"),
    "mai": ("प्रणाम! ई हमर प्रश्न अछि:\n{x}", "{x}\n\n(हम एहि पर एक घंटा लगा चुकल छी)", "समस्या ई अछि:\n{x}"),
    "ts": ("Avuxeni! Xivutiso xa mina hi lexi:\n{x}", "{x}\n\n(ndzi tirhile eka leswi awara hinkwayo)",
           "Xiphiqo hi lexi:\n{x}"),
    "bm": ("I ni ce! Nin ye n ka ɲininkali ye:\n{x}", "{x}\n\n(n ye lɛrɛ kelen kɛ nin kan)", "Gɛlɛya ye nin ye:\n{x}"),
    "sah": ("Дорообо! Бу мин ыйытыым:\n{x}", "{x}\n\n(мин бу кыһалҕаҕа биир чаас бэристим)", "Кыһалҕа маннык:\n{x}"),
    "gv": ("Moghrey mie! Shoh my feysht:\n{x}", "{x}\n\n(ta mee er ve oor slane er shoh)", "Shoh yn doilleeid:\n{x}"),
}
ASK_I18N = {
    "as": ("উত্তৰটো কেনেকৈ পোৱা যায় বুজাই দিব পাৰিবনে?", "সম্পূৰ্ণকৈ ভাবি চাই ক'ব পাৰিবনে?"),
    "mai": ("उत्तर कोना भेटैत अछि, बुझा सकैत छी?", "पूरा सोचि क' बता सकैत छी?"),
    "ts": ("Xana u nga ndzi hlamusela ndlela yo kuma nhlamulo?", "Xana u nga anakanya hi vuenti u ndzi byela?"),
    "bm": ("I bɛ se ka a ɲɛfɔ n ye jaabi sɔrɔcogo la wa?", "I bɛ se ka miiri a bɛɛ la ka a fɔ n ye wa?"),
    "sah": ("Хоруйу хайдах булары быһаарыаххын сөп дуо?", "Толору толкуйдаан этиэххин сөп дуо?"),
    "gv": ("Oddys oo mynphoyntey dou kys ta'n ansoor er ny gheddyn?", "Oddys oo smooinaghtyn er dy slane as insh dou?"),
}
FOLLOW_I18N = {
    "as": ("কিয়?", "সেই পদক্ষেপটোৰ বিষয়ে আপুনি নিশ্চিতনে?"),
    "mai": ("किएक?", "अहाँ ओहि चरण पर निश्चित छी?"),
    "ts": ("Hikokwalaho ka yini?", "Xana u tiyisile hi goza rero?"),
    "bm": ("Mun na?", "I dalen bɛ o taabolo la wa?"),
    "sah": ("Тоҕо?", "Ол хардыыга эрэллээххин дуо?"),
    "gv": ("Cre'n fa?", "Vel oo shickyr mychione yn cheim shen?"),
}
COVER_I18N = {
    "as": ("আজি নিশা কি ৰান্ধিম?", "মোৰ মেনেজাৰক কেনেকৈ ইমেইল লিখিম?"),
    "mai": ("आइ राति की बनाबी?", "अपन मैनेजर केँ ईमेल कोना लिखू?"),
    "ts": ("Ndzi ta sweka yini namuntlha nimadyambu?", "Ndzi n'wi tsalela njhani imeyili murhangeri wa mina?"),
    "bm": ("N bɛ mun tobi su in na?", "N bɛ imɛli sɛbɛn n ka kuntigi ma cogo di?"),
    "sah": ("Бүгүн киэһэ тугу астыырбын?", "Салайааччыбар хайдах электроннай сурук суруйабын?"),
    "gv": ("Cre nee'm aarlaghey noght?", "Kys nee'm post-l y scrieu da my vainshtyr?"),
}
MIXED_TAIL = {"as": "কাইলৈ লাগিব, pls", "mai": "काल्हि चाही, pls", "ts": "ndzi yi lava mundzuku, pls",
              "bm": "n mago bɛ a la sini, pls", "sah": "сарсын наада, pls", "gv": "ta feme aym er mairagh, pls"}
LANG_NAMES = {"as": "Assamese", "mai": "Maithili", "ts": "Xitsonga", "bm": "Bambara", "sah": "Sakha", "gv": "Manx"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v27 language."""
    v = C21.voice(rng, "en")
    v.update(lg27=lg, mixed27=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg27"] != "en" and not v["mixed27"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg27"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed27"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg27"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg27"]])}'
    return C19.quote_follow(rng, v, reply)


def in_voice(rng: random.Random, v: dict[str, Any] | None, text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    if v is None:
        return text
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- items: each template in three phrasings with the same values ----
OLYMPIAD = (
    ("Prove that for every positive integer n, the number {a}^n - 1 is divisible by {am1}.",
     "Can you show me why {a}^n - 1 is always a multiple of {am1} for any positive integer n? I need a proof.",
     "proof needed: {am1} divides {a}^n - 1 for all positive integers n"),
    ("Find all pairs of integers (x, y) with x^2 - y^2 = {N}.",
     "Which integer pairs (x, y) satisfy x^2 - y^2 = {N}? I want all of them, with a reason none are missed.",
     "all integer solutions of x^2 - y^2 = {N}?"),
    ("A triangle has sides {p}, {q} and {r}. Find the length of the median to the side of length {r}, and prove the "
     "formula you use.", "In a triangle with sides {p}, {q}, {r}, how long is the median to side {r}? Please prove "
     "the formula too.", "median to side {r} of a {p}-{q}-{r} triangle + proof of the formula"),
    ("In how many ways can you choose {k} of the integers 1 to {n} so that no two are consecutive? Olympiad-style "
     "answer with proof.", "How many {k}-element subsets of the integers 1..{n} contain no two consecutive numbers? "
     "Prove the count.", "count {k}-subsets of the integers 1..{n}, no two consecutive (olympiad, with proof)"),
)
DEBUG = (
    ("This {lang} function should {goal}, but {symptom}. Find the bug.\n\n```\n{code}\n```",
     "Why does this {lang} function misbehave? It should {goal}, but {symptom}.\n\n```\n{code}\n```",
     "bug: {symptom} (function below, should {goal})\n\n```\n{code}\n```"),
    ("Write unit tests for this {lang} function that would catch the bug where {symptom}.\n\n```\n{code}\n```",
     "What tests would have caught this? The function {symptom}.\n\n```\n{code}\n```",
     "tests for this function ({lang}) - {symptom}\n\n```\n{code}\n```"),
    ("Explain what this {lang} function does line by line, then fix it: {symptom}.\n\n```\n{code}\n```",
     "Walk me through this {lang} function line by line and fix it - {symptom}.\n\n```\n{code}\n```",
     "line by line + fix, function {symptom}:\n\n```\n{code}\n```"),
    ("Review this {lang} function for correctness and performance; the reported symptom is that {symptom}."
     "\n\n```\n{code}\n```", "Can you review this {lang} function? Users report that {symptom}.\n\n```\n{code}\n```",
     "review this function pls ({symptom})\n\n```\n{code}\n```"),
)
POLICY = (
    ("A customer bought a {item} {d} days ago and it {issue}. Under a {n}-day return policy where {rule}, what are "
     "they entitled to?", "Under our {n}-day return policy ({rule}), what do we owe a customer whose {item}, bought "
     "{d} days ago, {issue}?", "{n}-day return policy, {rule}. {item} bought {d} days ago {issue} - entitled to what?"),
    ("Our policy says {rule}. A customer wants a refund on a {item} that {issue}. Do we owe it?",
     "Given a policy where {rule}, do we have to refund a {item} that {issue}?",
     "policy: {rule}. refund owed for a {item} that {issue}?"),
    ("Write the reply to a customer whose {item} {issue}, under a policy where {rule}.",
     "How should we answer a customer whose {item} {issue}? Our policy: {rule}.",
     "draft reply - {item} {issue}; policy: {rule}"),
    ("Two agents disagree: one offered store credit, the other a refund, for a {item} that {issue}. Which is right "
     "under a policy where {rule}?", "Store credit or refund for a {item} that {issue}, if our policy says {rule}? "
     "Two of our agents disagree.", "credit vs refund, {item} {issue}, policy: {rule}"),
)
PHOTO = (
    ("What is happening in this photo? Be specific about {focus}.", "Can you tell me what's going on in this photo, "
     "especially {focus}?", "what's happening in the photo? ({focus})"),
    ("Write alt text for this image for {site}.", "I need alt text for this image - it's going on {site}.",
     "alt text for this image ({site})"),
    ("Is there anything in this picture that would make it unsuitable for {use}?", "Would this picture work for {use}, "
     "or is something in it a problem?", "ok to use this picture for {use}?"),
    ("Describe this photo for {audience}.", "How would you describe this photo to {audience}?",
     "describe the photo for {audience}"),
)
_TRIANGLES = ((5, 6, 7), (7, 8, 9), (6, 8, 10), (9, 10, 13), (4, 7, 9), (11, 12, 13), (8, 15, 17), (5, 12, 13))
_BUGS = {"total": (">", ">=", "add up the field over items above the limit", "items exactly at the limit are counted"),
         "window": ("+ 1", "", "return the moving average of every full window", "the last window is missing"),
         "search": ("lo = mid + 1", "lo = mid", "return the first index whose value is at least the target",
                    "it never returns for some inputs"),
         "retry": ("delay *= 2", "delay *= 1", "retry with exponential backoff", "the wait between retries never "
                   "grows")}
SLOTS = {"olympiad": {"a": (3, 5, 7, 9, 11, 13), "N": (15, 21, 45, 63, 77, 105, 120, 144), "k": (3, 4, 5),
                      "n": (10, 12, 15, 20)},
         "policy": {"item": D.TICKET_ITEMS, "d": (3, 9, 16, 25, 33, 41), "n": (14, 30), "issue": (
             "arrived damaged", "stopped working", "is the wrong size", "was never delivered", "was a sale item the "
             "customer no longer wants"), "rule": ("shipping is refunded only for damaged items", "sale items can be "
                                                   "returned within 14 days", "personalised items cannot be returned",
                                                   "store credit needs the customer's consent", "electronics carry a "
                                                   "24-month warranty")},
         "photo": {"focus": ("the people", "the light", "the background", "any text"),
                   "site": ("a news site", "a travel blog", "our museum website", "a school newsletter"),
                   "use": ("a children's book", "an ad for a bank", "a hiking brochure", "a hospital poster"),
                   "audience": ("someone who is blind", "a five-year-old", "an art critic", "an insurance assessor")}}
CAPS = ("olympiad", "debug", "policy", "photo")
_BANK = {"olympiad": OLYMPIAD, "debug": DEBUG, "policy": POLICY, "photo": PHOTO}
_MARKS = {"olympiad": re.compile(r"\bintegers?\b|\bprove\b|\bproof\b|\btriangle\b", re.I),
          "debug": re.compile(r"\bfunction\b"), "policy": re.compile(r"\bpolicy\b", re.I),
          "photo": re.compile(r"\bphoto\b|\bimage\b|\bpicture\b", re.I)}


def buggy(rng: random.Random) -> dict[str, str]:
    """A function of corpus_v27_docs with a planted bug, its goal and the symptom."""
    arch, lg = rng.choice(D.ARCHETYPES), rng.choice(D.PROG)
    good, bad, goal, symptom = _BUGS[arch]
    _, code = D.function(rng, arch, lg, rng.choice(D.NOUNS))
    if arch == "window":
        good, bad = {"Python": ("- k + 1", "- k"), "TypeScript": ("<= values.length", "< values.length"),
                     "Go": ("<= len(values)", "< len(values)"), "Rust": (".windows(k)", ".windows(k + 1)")}[lg]
    if arch == "total" and lg != "Python":
        good, bad = "> limit", ">= limit"
    if arch == "search" and lg == "TypeScript":
        good, bad = "lo = mid + 1;", "lo = mid;"
    return {"lang": lg, "code": code.replace(good, bad, 1).rstrip("\n"), "goal": goal, "symptom": symptom}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None) -> tuple[str, int, dict]:
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(len(_BANK[cap]))
    if cap == "debug":
        return cap, t, buggy(rng)
    slots = {k: rng.choice(v) for k, v in SLOTS[cap].items()}
    if cap == "olympiad":
        slots["am1"] = slots["a"] - 1
        slots["p"], slots["q"], slots["r"] = rng.choice(_TRIANGLES)
    return cap, t, slots


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


EVERYDAY = tuple(x for x in C26.EVERYDAY + ("how do I keep basil alive on a windowsill?", "What's a good way to "
                                            "learn to touch-type?", "any tips for a first camping trip with kids?",
                                            "How long do I rest a steak after cooking it?") if cap_of(x) is None)


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg27"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


_LEADS = ("From this week's practice set:", "A customer asked this today:", "From our backlog:", "My coach sent me "
          "this:", "Came up in code review:", "From the training pack:", "Quick one from work:", "Old exam question:")


def disguise(rng: random.Random, t: str) -> str:
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- the operator's scrape: source files cut into holes, and an image set; one per log ----
class Scrape:
    """Files (text, gold) and images (url, scene, base64 stub) in the order they were scraped."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.files: list[D.Doc] = []
        self.images: list[tuple[str, dict, tuple[str, str]]] = []
        self.bucket = f"{rng.choice(('pics', 'imgset', 'media-dump', 'corpus'))}-{rng.getrandbits(24):06x}"

    def new_file(self) -> int:
        self.files.append(D.code_file(self.rng))
        return len(self.files) - 1

    def new_image(self) -> int:
        n = len(self.images)
        self.images.append((D.bucket_url(self.bucket, n + 1), D.scene(self.rng), D.b64_stub(self.rng)))
        return n

    def image(self, j: int) -> tuple[str, dict, tuple[str, str]]:
        while j >= len(self.images):
            self.new_image()
        return self.images[j]

    def old_image(self) -> int:
        return self.rng.randrange(len(self.images)) if self.images else self.new_image()


def scrape(ctx: Ctx) -> Scrape:
    return vars(ctx).setdefault("_v27_scrape", Scrape(ctx.rng))


# ---- conversations over a surface ----
emit = partial(X.emit, answer_fn=answer)


def reply(rng: random.Random, style: str, visible: int, model: str, s: dict[str, Any],
          needed: bool = True) -> tuple[str | None, str, int, int]:
    """(response text, the answer the client shows, output tokens, hidden tokens) of one turn: the visible answer,
    plus hidden reasoning that counts in the output tokens and comes back in part as a summary at the top. The texts
    are written only when `needed` (logged, or resent in a later turn)."""
    h = M.hidden(rng, s)
    if not needed:
        return None, "", visible + h, h
    body = answer(rng, style, visible, "" if h else model)
    summ = M.thought(rng, M.summary_tokens(rng, s, h))
    return (f"{summ}\n\n{body}" if summ else body), body, visible + h, h


def converse(ctx: Ctx, acct: dict, t: float, api: str, model: str, turns: list[tuple], v: dict | None,
             s: dict[str, Any] | None = None, *, system: str | None = None, user: str | None = None,
             temperature: float | None = None, max_tokens: int | None = -1, gap: tuple[float, float] | None = None,
             image: dict[str, Any] | None = None, image_turn: int = 0, **extra: Any) -> float:
    """One conversation whose user turns are given: turns[j] = (text, reply style, visible output-token range, extra
    seconds before it is sent[, the reply's text when known]). `s` is the client's surface (corpus_v27_more.surface);
    a chained Responses client sends only the newest turn with previous_response_id, the others resend the history
    (visible replies only). `image`, an image content part, goes with turn `image_turn`. A later turn waits for the
    reply to be generated (hidden tokens too), read and answered (reply_gap, voice v) plus its extra seconds, or `gap`
    seconds (a script). max_tokens -1: the client's own setting, one per account. Returns the time of the last turn."""
    rng = ctx.rng
    s = s or M.surface(api, model)
    if max_tokens == -1:
        if "max_tokens" not in acct:
            acct["max_tokens"] = rng.choice((None, None, 2048, 4096, 8192))
        max_tokens = acct["max_tokens"]
    params = dict(extra)
    if temperature is not None and api != RESP:
        params["temperature"] = temperature
    msgs: list[dict] = []
    prev = None
    for j, turn in enumerate(turns):
        nxt, style, out_range = turn[:3]
        msg = M.with_image(api, nxt, image) if image and j == image_turn else {"role": "user", "content": nxt}
        msgs = msgs + [msg]
        if len(turn) > 4:
            h = M.hidden(rng, s)
            text_ = shown = turn[4]
            out = max(1, int(len(shown) / rng.uniform(3.6, 4.2))) + h
        else:
            needed = bool(acct.get("logged")) or j + 1 < len(turns)
            text_, shown, out, h = reply(rng, style, rng.randint(*out_range), model, s, needed)
        chained = s.get("chain") and prev is not None
        body = M.request(api, model, system, msgs[-1:] if chained else msgs, max_tokens, s, prev if chained else None,
                         **params)
        emit(ctx, t, acct, api, body, out, text=text_, user=user)
        msgs = msgs + [{"role": "assistant", "content": shown}]
        prev = resp_id(rng)
        if j + 1 < len(turns):
            t += h / rng.uniform(60, 150)
            t += rng.uniform(*gap) if gap else reply_gap(rng, out - h, len(turns[j + 1][0]), v) + turns[j + 1][3]
    return t


def talk(ctx: Ctx, acct: dict, t: float, turns: int, api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], s: dict[str, Any] | None = None, *, out_range: tuple[int, int] = (200, 1000),
         **kw: Any) -> float:
    """A conversation of `turns` turns: the opener, then follow() for each later one."""
    seq = [(opener, style, out_range, 0.0)] + [(follow(), style, out_range, 0.0) for _ in range(turns - 1)]
    return converse(ctx, acct, t, api, model, seq, kw.pop("v", None), s, **kw)


def everyday_talk(ctx: Ctx, acct: dict, t: float, turns: int, v: dict, api: str, model: str,
                  s: dict[str, Any] | None = None, **kw: Any) -> float:
    rng = ctx.rng
    return talk(ctx, acct, t, turns, api, model, cover(rng, v), "everyday", lambda: rng.choice(W.EVERYDAY_FOLLOW), s,
                out_range=(60, 400), v=v, **kw)


def sitting(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, s: dict[str, Any] | None,
            items: Callable[[], tuple[str, str]], follow_p: float = 0.4, cover_p: float = 0.0,
            ask: Callable[[], str] | None = None, photo: Callable[[], dict] | None = None,
            out_range: tuple[int, int] = (300, 1400), **kw: Any) -> float:
    """One sitting (shared by attacks and benign personas): the session's times split into conversations (a later
    time continues the current one with probability follow_p); each is everyday talk (cover_p) or an item from
    items(), disguised and in voice v, with ask() under it when given, and a photo() image part for a photo item.
    Returns the end of the last conversation."""
    rng = ctx.rng
    end = session[0]
    for times in conversations(rng, session, follow_p):
        t = max(times[0], end + rng.uniform(20, 120))
        if rng.random() < cover_p:
            end = everyday_talk(ctx, acct, t, len(times), v, api, model, s, **kw)
            continue
        core, style = items()
        core = disguise(rng, core) + ("\n\n" + ask() if ask else "")
        image = photo() if photo and style == "photo" else None
        end = talk(ctx, acct, t, len(times), api, model, say(rng, v, core, ask=ask is None), style,
                   partial(follow_up, rng, v), s, out_range=out_range, v=v, image=image, **kw)
    return end


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v27 voice each) and their activity weights."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]


def draws(rng: random.Random, caps: tuple[str, ...] = CAPS) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in caps}


def distinct_seeds(rng: random.Random, cap: str | None = None) -> Callable[[], tuple[str, int, dict]]:
    """Items (seeds) of `cap` (any when None) whose first phrasing this caller has not had yet."""
    draw = distinct(lambda: (text(s := seed(rng, cap or rng.choice(CAPS))), s))
    return lambda: draw()[1]
