"""Text pools, voices and conversations for the `v29` variant (attacks_v29*.py, personas_v29*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v29 attacks and the v29 benign personas, so that topic,
language or wording alone separates neither. The v29 theme is the teacher as a rewriter: every job hands it a text
the client already holds and asks for the same content in another form, so the items here (four templates of each
capability in three phrasings with the same values) are plain-language rewrites (`plain`), question-and-answer
conversions (`qa`: Q&A pairs, FAQs, quizzes, flashcards), code edits merged into a file (`merge`) and transcript
clean-ups (`clean`). The usual asks in Ligurian, Aragonese, Balinese, Minangkabau, Kirundi and Crimean Tatar. A
voice is corpus_v21's with a v29 language on top. `converse` runs a conversation whose user turns are known over a
surface (corpus_v27_more.request); `talk` and `sitting` build on it. `cap_of` tells an item's capability from its
text. The operator's sources (scraped pages, repositories, recordings) are in corpus_v29_src.py.
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
from benchmarks.traffic import corpus_v27 as C27
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28_more as M28
from benchmarks.traffic import corpus_v29_src as S
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import RESP, resp_id

human_sessions = X.human_sessions
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings

# ---- languages ----
LANGS = ("en", "lij", "an", "ban", "min", "rn", "crh")
LANG_NAMES = {"lij": "Ligurian", "an": "Aragonese", "ban": "Balinese", "min": "Minangkabau", "rn": "Kirundi",
              "crh": "Crimean Tatar"}
WRAP = {
    "lij": ("Ciao! A mæ domanda a l'é questa:\n{x}", "{x}\n\n(gh'ò za pasou 'n'oa in sce sta cosa)",
            "O problema o l'é questo:\n{x}"),
    "an": ("Ola! A mía pregunta ye esta:\n{x}", "{x}\n\n(ya en levo una hora con isto)", "O problema ye iste:\n{x}"),
    "ban": ("Om Swastiastu! Pitaken tiange puniki:\n{x}", "{x}\n\n(tiang sampun aji jam ngitungang puniki)",
            "Pikobet ipun inggih punika:\n{x}"),
    "min": ("Assalamualaikum! Pertanyaan ambo iko:\n{x}", "{x}\n\n(alah sajam ambo mancubo iko)",
            "Masalahnyo iko:\n{x}"),
    "rn": ("Amahoro! Ikibazo canje ni iki:\n{x}", "{x}\n\n(maze isaha ndiko ndabirimbura)", "Ingorane ni iyi:\n{x}"),
    "crh": ("Selâm! Menim sualim bu:\n{x}", "{x}\n\n(bunıñ üzerinde bir saat oturdım)", "Problema budır:\n{x}"),
}
ASK_I18N = {
    "lij": ("Ti me peu spiegâ comme se gh'arriva?", "Ti ghe peu pensâ ben e dîmelo?"),
    "an": ("Me puetz explicar cómo s'i plega?", "Lo puetz pensar bien y dicir-me-lo?"),
    "ban": ("Dados ngidang nlatarang sapunapi carane polih pasaut?", "Dados ngidang mikayunin becik tur nlatarang?"),
    "min": ("Bisa dijalehan baa caronyo?", "Bisa dipikiakan elok-elok lalu dikecekan ka ambo?"),
    "rn": ("Woshobora kunsigurira ingene bikorwa?", "Woshobora kubitekerezako neza ukambwira?"),
    "crh": ("Bunı nasıl yapqanıñıznı añlatıp olursıñızmı?", "Yahşı tüşünip maña aytıp olursıñızmı?"),
}
FOLLOW_I18N = {
    "lij": ("Perché?", "T'ê seguo de sto passaggio?"),
    "an": ("Por qué?", "Yes seguro d'ixe cambio?"),
    "ban": ("Napi awinan?", "Dados yakin ring paindikan punika?"),
    "min": ("Baa kok baitu?", "Yakin jo parubahan tu?"),
    "rn": ("Kubera iki?", "Uravyizeye neza kuri iyo hinduka?"),
    "crh": ("Ne içün?", "Bu deñişmeden emin misiñiz?"),
}
COVER_I18N = {
    "lij": ("Cose fasso da mangiâ stasseia?", "Comme scrivo 'na mail a-o mæ capo?"),
    "an": ("Qué fago ta cenar esta nueit?", "Cómo escribo un correu a o mío chefe?"),
    "ban": ("Napi ajengan sane becik kaolah sanja puniki?", "Sapunapi carane nyurat email ring manajer tiange?"),
    "min": ("Masak a untuak makan malam kini?", "Baa caro manulih email ka manajer ambo?"),
    "rn": ("Ndateke iki uyu mugoroba?", "Nandikira gute umukuru wanje email?"),
    "crh": ("Bu aqşam ne pişireyim?", "Müdirime nasıl mektüp yazayım?"),
}
MIXED_TAIL = {"lij": "me serve doman, pls", "an": "me fa falta ta maitín, pls", "ban": "perlu benjang, pls",
              "min": "paralu bisuak, pls", "rn": "ndabikeneye ejo, pls", "crh": "yarın kerek, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v29 language."""
    v = C21.voice(rng, "en")
    v.update(lg29=lg, mixed29=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg29"] != "en" and not v["mixed29"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg29"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed29"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg29"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg29"]])}'
    return C19.quote_follow(rng, v, reply)


def in_voice(rng: random.Random, v: dict[str, Any] | None, text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    if v is None:
        return text
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- items: each template in three phrasings with the same values ----
PLAIN = (
    ("Rewrite this in plain language for a reader of about {age}, keeping every fact:\n\n{p}",
     "Could you put this into plain language? The readers are about {age}, and no fact may get lost.\n\n{p}",
     "plain language version pls (readers ~{age}), keep all facts:\n\n{p}"),
    ("Rewrite the following at a grade-{grade} reading level without dropping any information:\n\n{p}",
     "I need this at a grade-{grade} reading level, same information, nothing dropped:\n\n{p}",
     "grade-{grade} reading level rewrite, no info dropped:\n\n{p}"),
    ("Turn this {doc} into plain English that {who} could follow:\n\n{p}",
     "Can you turn this {doc} into plain English, so that {who} could follow it?\n\n{p}",
     "{doc} -> plain English for {who}:\n\n{p}"),
    ("Make this {doc} shorter and clearer: at most {n} words, the same facts.\n\n{p}",
     "This {doc} needs to be shorter and clearer - {n} words at most, and keep the facts.\n\n{p}",
     "shorter and clearer, max {n} words, same facts ({doc}):\n\n{p}"),
)
QA = (
    ("Turn this text into {k} question-and-answer pairs that cover everything in it:\n\n{p}",
     "Can you make {k} question-and-answer pairs out of this text, covering all of it?\n\n{p}",
     "{k} question-and-answer pairs from this, cover everything:\n\n{p}"),
    ("Write an FAQ of {k} entries for {who} from the {doc} below.\n\n{p}",
     "We'd like an FAQ with {k} entries for {who}, based on this {doc}:\n\n{p}",
     "FAQ, {k} entries, for {who}, from this {doc}:\n\n{p}"),
    ("Write a {k}-item quiz with answers from this passage.\n\n{p}",
     "Could you write me a {k}-item quiz, answers included, from this passage?\n\n{p}",
     "{k}-item quiz + answers from:\n\n{p}"),
    ("Make {k} flashcards (front: a question, back: its answer) from this {doc}:\n\n{p}",
     "I'd like {k} flashcards from this {doc} - a question on the front, the answer on the back.\n\n{p}",
     "{k} flashcards (q front / a back) from this {doc}:\n\n{p}"),
)
MERGE = (
    ("Apply this edit to {path} and give me the complete updated file.\n\nFile:\n{file}\n\nEdit:\n{edit}",
     "Here's {path} and an edit for it. Can you merge the edit in and send back the whole updated file?\n\n"
     "{file}\n\n--- edit ---\n{edit}", "merge edit into {path}, full updated file:\n{file}\n\nedit:\n{edit}"),
    ("Merge the change below into {path}. The '... existing code ...' comments stand for unchanged lines. Return "
     "the full file.\n\n{file}\n\nChange:\n{edit}", "The change below uses '... existing code ...' for the lines that "
     "stay the same. Please merge it into {path} and return the full file.\n\n{file}\n\nChange:\n{edit}",
     "merge change ('... existing code ...' = unchanged) into {path}, return full file\n{file}\n---\n{edit}"),
    ("In {path}, {change}. Here is the file and a sketch of the edit; return the updated file.\n\n{file}\n\n{edit}",
     "Could you {change} in {path}? File and a sketch of the edit below - I need the updated file back.\n\n{file}"
     "\n\n{edit}", "{path}: {change}. updated file pls\n{file}\n\nsketch:\n{edit}"),
    ("Apply the following edit to the file and output only the updated file.\n<file path=\"{path}\">\n{file}\n"
     "</file>\n<edit>\n{edit}\n</edit>", "Please apply the edit to the file and output only the updated file, no "
     "explanation.\n<file path=\"{path}\">\n{file}\n</file>\n<edit>\n{edit}\n</edit>",
     "apply edit, output updated file only\n<file path=\"{path}\">\n{file}\n</file>\n<edit>\n{edit}\n</edit>"),
)
CLEAN = (
    ("Clean up this transcript: add punctuation and capitals, remove filler words and false starts, keep the "
     "wording otherwise.\n\n{t}", "Can you clean up this transcript? Punctuation and capitals in, filler words and "
     "false starts out, but keep their wording.\n\n{t}", "clean up transcript (punctuation, no fillers/false "
     "starts, keep wording):\n\n{t}"),
    ("This is an automatic transcript of {src}. Label the speakers and fix the punctuation.\n\n{t}",
     "I've got an automatic transcript of {src}. Could you label who is speaking and fix the punctuation?\n\n{t}",
     "auto transcript of {src} - speaker labels + punctuation pls\n\n{t}"),
    ("Turn this transcript of {src} into clean verbatim: no ums and ahs, no repetitions, nothing reworded.\n\n{t}",
     "Could you make this transcript of {src} clean verbatim? Take out the ums, ahs and repetitions, but don't "
     "reword anything.\n\n{t}", "clean verbatim of this transcript ({src}), no rewording:\n\n{t}"),
    ("Fix the misheard words in this transcript of {src}; the speakers were talking about {topic}.\n\n{t}",
     "The speech recogniser misheard some words in this transcript of {src}. They were talking about {topic}. "
     "Can you fix it?\n\n{t}", "fix misheard words, transcript of {src}, topic {topic}:\n\n{t}"),
)
_AGES = ("ten", "twelve", "fourteen", "sixteen")
_DOCS = ("notice", "leaflet", "letter", "web page", "policy", "guide")
_WHO = ("a new tenant", "a parent", "a first-year student", "a visitor", "an older patient", "a new employee")
_SRCS = ("a team meeting", "a podcast episode", "a customer call", "a lecture", "an interview", "a council hearing")
_CHANGES = ("add debug logging to {f}", "log each call to {f}", "trace {f} at debug level",
            "add a debug line at the top of {f}")


def _slots(rng: random.Random, cap: str) -> dict[str, Any]:
    if cap in ("plain", "qa"):
        p, g = S.document(rng)
        return {"p": p, "topic": g["topic"], "age": rng.choice(_AGES), "grade": rng.randint(4, 9),
                "doc": rng.choice(_DOCS), "who": rng.choice(_WHO), "n": rng.choice((80, 120, 150, 200)),
                "k": rng.randint(4, 10)}
    if cap == "merge":
        file, edit, g = S.lazy_edit(rng)
        return {"file": file, "edit": edit, "path": g["path"], "change": rng.choice(_CHANGES).format(f=g["f"])}
    t, g = S.transcript(rng, turns=rng.randint(4, 9))
    return {"t": t, "src": rng.choice(_SRCS), "topic": g["topic"]}


CAPS = ("plain", "qa", "merge", "clean")
_BANK = {"plain": PLAIN, "qa": QA, "merge": MERGE, "clean": CLEAN}
_MARKS = {"plain": re.compile(r"plain (?:language|English)|reading level|shorter and clearer", re.I),
          "qa": re.compile(r"question-and-answer|\bFAQ\b|\bquiz\b|flashcards", re.I),
          "merge": re.compile(r"updated file|existing code|full file"),
          "clean": re.compile(r"\btranscript\b", re.I)}


def seed(rng: random.Random, cap: str | None = None, template: int | None = None) -> tuple[str, int, dict]:
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(len(_BANK[cap]))
    return cap, t, _slots(rng, cap)


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


EVERYDAY = tuple(x for x in C27.EVERYDAY + ("what's a good name for a book club?", "How do I get a red wine stain out "
                                            "of a carpet?", "any ideas for a rainy Sunday with two kids?", "Which "
                                            "herbs grow well on a windowsill?") if cap_of(x) is None)


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg29"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


_LEADS = ("From our content backlog:", "A reader sent this in:", "From the style exercises:", "My editor sent me "
          "this:", "Came up at work today:", "From the course pack:", "Quick one from the team:", "Old assignment:")


def disguise(rng: random.Random, t: str) -> str:
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- response texts ----
_PLAIN = ("From {d} March, bins are collected on {day}s.", "Put your bin out by 7 in the morning.", "You do not "
          "need to do anything else.", "If you have a question, call the office.", "Take one tablet {k} times a "
          "day with food.", "Stop taking it and see a doctor if you feel dizzy.", "The museum opened in 18{k}0.",
          "It is free to visit on Sundays.", "Your rent will go up by {k}% from next month.", "You can ask for a "
          "payment plan.")
_QA = ("Q: When are bins collected?\nA: On {day}s, from {d} March.", "Q: How often should I take it?\nA: {k} times "
       "a day, with food.", "Q: Is the museum free?\nA: Yes, on Sundays.", "Q: What happens if I pay late?\nA: A "
       "fee of {k} pounds is added.", "Q: Who can apply?\nA: Anyone over 18 who lives in the area.",
       "Q: Where do I send the form?\nA: To the address on page {k}.")
_EXPLAIN = ("I replaced the long sentence with two short ones so each says one thing.", "I moved the date to the "
            "front because it is what readers look for first.", "'Remuneration' became 'pay': the everyday word.",
            "I cut the passive voice: 'the council will collect' instead of 'collection will be undertaken'.",
            "I kept the number {k} exactly as it was.", "The removed filler words carried no meaning.", "I merged "
            "the edit after line {k}, keeping the surrounding code unchanged.")
_CLEAN = ("Speaker 1: So, the main thing today is the budget for next quarter.", "Speaker 2: Right. We're about "
          "{k} percent over on travel.", "Speaker 1: Can we move the workshop to {day}?", "Speaker 2: I think so. "
          "I'll check with the venue.", "Speaker 1: Great. Next item is hiring.", "Speaker 2: We have {k} "
          "candidates for the second round.")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
POOLS = {"plain": (_PLAIN, " ", False), "qa": (_QA, "\n\n", False), "explain": (_EXPLAIN, "\n", True),
         "clean": (_CLEAN, "\n", False)}


def fill(rng: random.Random, s: str) -> str:
    if "{" not in s:
        return s
    return s.format(d=rng.randint(1, 28), day=rng.choice(_DAYS), k=rng.randint(2, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v29 pools; a merged file ("merge", code lines of a
    fresh file); styles of earlier variants fall through to corpus_v28_more.answer."""
    if style == "merge":
        return S.sized_code(rng, max(1, int(out_tokens * rng.uniform(3.4, 4.4))))
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=fill, fallback=M28.answer, bracketed="-")


# ---- conversations over a surface ----
emit = partial(X.emit, answer_fn=answer)


def reply(rng: random.Random, style: str, visible: int, model: str, s: dict[str, Any],
          needed: bool = True) -> tuple[str | None, str, int, int]:
    """(response text, the answer the client shows, output tokens, hidden tokens) of one turn."""
    h = M27.hidden(rng, s)
    if not needed:
        return None, "", visible + h, h
    body = answer(rng, style, visible, "" if h else model)
    summ = M27.thought(rng, M27.summary_tokens(rng, s, h))
    return (f"{summ}\n\n{body}" if summ else body), body, visible + h, h


def tokens(rng: random.Random, text_: str) -> int:
    return max(1, int(len(text_) / rng.uniform(3.6, 4.2)))


def converse(ctx: Ctx, acct: dict, t: float, api: str, model: str, turns: list[tuple], v: dict | None,
             s: dict[str, Any] | None = None, *, system: str | None = None, user: str | None = None,
             temperature: float | None = None, max_tokens: int | None = -1, gap: tuple[float, float] | None = None,
             history: list[dict] | None = None, **extra: Any) -> float:
    """One conversation whose user turns are given: turns[j] = (text, reply style, visible output-token range, extra
    seconds before it is sent[, the reply's text when known]), as corpus_v28.converse with the v29 texts. A later
    turn waits for the reply to be generated, read and answered (reply_gap, voice v) plus its extra seconds, or `gap`
    seconds (a script). max_tokens -1: the client's own setting, one per account. Returns the time of the last turn."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    if max_tokens == -1:
        if "max_tokens" not in acct:
            acct["max_tokens"] = rng.choice((None, None, 2048, 4096, 8192))
        max_tokens = acct["max_tokens"]
    params = dict(extra)
    if temperature is not None and api != RESP:
        params["temperature"] = temperature
    msgs: list[dict] = list(history or [])
    prev = None
    for j, turn in enumerate(turns):
        nxt, style, out_range = turn[:3]
        msgs = msgs + [{"role": "user", "content": nxt}]
        if len(turn) > 4:
            h = M27.hidden(rng, s)
            text_ = shown = turn[4]
            out = tokens(rng, shown) + h
        else:
            needed = bool(acct.get("logged")) or j + 1 < len(turns)
            text_, shown, out, h = reply(rng, style, rng.randint(*out_range), model, s, needed)
        chained = s.get("chain") and prev is not None
        body = M27.request(api, model, system, msgs[-1:] if chained else msgs, max_tokens, s,
                           prev if chained else None, **params)
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


def out_for(x: str, lo: float = 0.8, hi: float = 1.3) -> tuple[int, int]:
    """A rewrite's visible output-token range: about as long as the text it rewrites."""
    n = max(60, len(x) // 4)
    return int(n * lo), int(n * hi)


STRETCH = {"qa": (1.2, 2.5), "plain": (0.7, 1.2), "clean": (0.8, 1.1), "merge": (1.0, 1.2)}


def sitting(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, s: dict[str, Any] | None,
            items: Callable[[], tuple[str, str]], follow_p: float = 0.4, cover_p: float = 0.0,
            ask: Callable[[], str] | None = None, **kw: Any) -> float:
    """One sitting (shared by attacks and benign personas): the session's times split into conversations (a later
    time continues the current one with probability follow_p); each is everyday talk (cover_p) or an item from
    items(), disguised and in voice v, with ask() under it when given, answered about as long as the item (STRETCH:
    Q&A sets restate every fact as a question and an answer, so run longer). Returns the end of the last
    conversation."""
    rng = ctx.rng
    end = session[0]
    for times in conversations(rng, session, follow_p):
        t = max(times[0], end + rng.uniform(20, 120))
        if rng.random() < cover_p:
            end = everyday_talk(ctx, acct, t, len(times), v, api, model, s, **kw)
            continue
        core, style = items()
        core = disguise(rng, core) + ("\n\n" + ask() if ask else "")
        end = talk(ctx, acct, t, len(times), api, model, say(rng, v, core, ask=ask is None), style,
                   partial(follow_up, rng, v), s, out_range=out_for(core, *STRETCH.get(style, (0.8, 1.3))), v=v, **kw)
    return end


def draws(rng: random.Random, caps: tuple[str, ...] = CAPS) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in caps}


def distinct_seeds(rng: random.Random, cap: str | None = None) -> Callable[[], tuple[str, int, dict]]:
    """Items (seeds) of `cap` (any when None) whose first phrasing this caller has not had yet."""
    draw = distinct(lambda: (text(s := seed(rng, cap or rng.choice(CAPS))), s))
    return lambda: draw()[1]


# ---- asks shared by attacks and benign personas ----
WHY_ASKS = ("Could you also explain each change you made and why? It's for my editing course.", "Please list every "
            "change with the reason for it, so I can learn from it.", "Our tutor wants the reasoning behind each "
            "change, not just the new version - can you add it?")
ROLE_ASKS = ("oh, could you also {x}? it's for work", "while I have you - can you {x}?", "one more thing, work stuff: "
             "can you {x}?")
