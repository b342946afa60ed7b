"""Text pools, voices and conversations for the `v30` variant (attacks_v30*.py, personas_v30*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction*.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v30 attacks and the v30 benign personas, so that topic,
language or wording alone separates neither. The v30 theme is on-policy distillation: the teacher scores and
corrects the student's own outputs. The items here (four templates of each capability in three phrasings with the
same values) are new capabilities over corpus_v30_src's problems and student attempts: first-error localisation
(`check`: find the first wrong step and redo the working from it), continuation of a partial solution
(`continue`), grading against marks or a rubric with a corrected version (`grade`) and pairwise judgement of two
attempts (`compare`). The usual asks in Limburgish, Lombard, Walloon, Acehnese, Sorani Kurdish and Fula. A voice
is corpus_v21's with a v30 language on top. Conversations run over corpus_v29.converse with the reply texts known
(`turn`), so a reply's text follows what was asked; `cap_of` tells an item's capability from its text.
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
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v22 as C22
from benchmarks.traffic import corpus_v29 as C29
from benchmarks.traffic import corpus_v30_src as S
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.context import Ctx

human_sessions = X.human_sessions
distinct = C22.distinct
evenings = C22.evenings
converse = C29.converse
tokens = C29.tokens

# ---- languages ----
LANGS = ("en", "li", "lmo", "wa", "ace", "ckb", "ff")
LANG_NAMES = {"li": "Limburgish", "lmo": "Lombard", "wa": "Walloon", "ace": "Acehnese", "ckb": "Sorani Kurdish",
              "ff": "Fula"}
WRAP = {
    "li": ("Hoi! Mien vraog is dees:\n{x}", "{x}\n\n(iech bin hie al e oor mit bezig)", "'t Perbleem is dit:\n{x}"),
    "lmo": ("Ciao! La mia dumanda l'è questa chì:\n{x}", "{x}\n\n(hoo già pasaa un'ura sura)",
            "El prublema l'è quest chì:\n{x}"),
    "wa": ("Bondjoû! Vocî mi kesse:\n{x}", "{x}\n\n(dji so dzo ça dispoy ene eure)",
           "Li problinme, c' est çouci:\n{x}"),
    "ace": ("Assalamualaikum! Nyoe pertanyaan lon:\n{x}", "{x}\n\n(ka sajeum lon ceuba nyoe)",
            "Masalah jih lagee nyoe:\n{x}"),
    "ckb": ("سڵاو! پرسیارەکەم ئەمەیە:\n{x}", "{x}\n\n(کاتژمێرێکە خەریکی ئەمەم)", "کێشەکە ئەمەیە:\n{x}"),
    "ff": ("Jam na! Ɗum ko naamnal am:\n{x}", "{x}\n\n(mi waɗii waktu gooto e ɗum)", "Caɗeele ngal ko ɗum:\n{x}"),
}
ASK_I18N = {
    "li": ("Kins te oetlègke wie se drop kump?", "Kins te 't good naodinke en 't mich zègke?"),
    "lmo": ("Te me podet spiegà 'me se fa?", "Te podet pensàgh sura ben e dimm?"),
    "wa": ("Vos m' pôreus esplikî kimint fé?", "Vos pôreus bén tuzer et m' el dire?"),
    "ace": ("Jeuet neupeugah pakriban cara jih?", "Neupike beu get laju neupeugah bak lon?"),
    "ckb": ("دەتوانیت ڕوونی بکەیتەوە چۆن دەگەیتە ئەنجام؟", "دەتوانیت باش بیری لێ بکەیتەوە و پێم بڵێیت؟"),
    "ff": ("A waawi firtude no ɗum waɗirta?", "A waawi miijaade ɗum no feewi ndaw a wiya kam?"),
}
FOLLOW_I18N = {"li": ("Wieso?", "Bis te zeker van dae stap?"), "lmo": ("Perchè?", "Te seet sicur de quel pass lì?"),
               "wa": ("Poqwè?", "Estoz seur di ci pas la?"), "ace": ("Pakon?", "Yakin neuh ngon langkah nyan?"),
               "ckb": ("بۆچی؟", "دڵنیایت لەو هەنگاوە؟"), "ff": ("Ko waɗi?", "A hoolii ɗum tawo?")}
COVER_I18N = {
    "li": ("Wat zal iech vanaovend kooke?", "Wie sjrief iech 'ne mail aan miene baas?"),
    "lmo": ("Cusa fu de mangià stasera?", "Cume scrivi una mail al mè capo?"),
    "wa": ("Kéne magnî fé ç' vespreye?", "Kimint scrire on emile a m' tchef?"),
    "ace": ("Peue lon pasak keu bu malam nyoe?", "Pakriban lon tuleh email u ketua lon?"),
    "ckb": ("ئەمشەو چی لێبنێم بۆ نانی ئێوارە؟", "چۆن ئیمەیڵێک بۆ بەڕێوەبەرەکەم بنووسم؟"),
    "ff": ("Ko mi defata hirnaange oo?", "No mi winndira bataake to hooreejo am?"),
}
MIXED_TAIL = {"li": "iech mót 't mörge höbbe, pls", "lmo": "me serviss duman, pls", "wa": "dji l' a mezåjhe po dmwin, "
              "pls", "ace": "lon peureulee singoh, pls", "ckb": "بۆ سبەی پێویستمە، pls", "ff": "mi haaja ɗum jango, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v30 language."""
    v = C21.voice(rng, "en")
    v.update(lg30=lg, mixed30=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg30"] != "en" and not v["mixed30"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg30"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed30"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg30"]]) if native(v) else W.follow_up(rng, v)


def in_voice(rng: random.Random, v: dict[str, Any] | None, text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    if v is None:
        return text
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- items: each template in three phrasings with the same values ----
CHECK = (
    ("Here is a problem and an attempt at it. Find the first incorrect step and redo the working from that step.\n\n"
     "Problem: {q}\n\nAttempt:\n{a}", "I tried this one - can you find the first incorrect step in my working and redo "
     "it from there?\n\nProblem: {q}\n\nMy working:\n{a}", "find the first incorrect step + redo from there\n\n"
     "problem: {q}\n\nworking:\n{a}"),
    ("Go through this working line by line and say where the first mistake is, then give the corrected working.\n\n"
     "{q}\n\n{a}", "Could you go through my working line by line? Tell me where the first mistake is and show it "
     "corrected.\n\n{q}\n\n{a}", "line by line, where's the first mistake? corrected working pls\n\n{q}\n\n{a}"),
    ("Is every step of this solution right? If not, point to the first wrong step and fix everything after it.\n\n"
     "{q}\n\n{a}", "Is each step here right? If one isn't, which is the first wrong step - and can you fix the rest "
     "after it?\n\n{q}\n\n{a}", "every step right? if not: first wrong step, fix the rest\n{q}\n\n{a}"),
    ("This function should do the following: {q}\n\nHere is the code:\n{a}\n\nWhich line holds the first error? "
     "Give the fixed function.", "My function is meant to do this: {q}\n\n{a}\n\nWhich line is the first error? "
     "Could you send the fixed function?", "spec: {q}\n{a}\nfirst error on which line? fixed function pls"),
)
CONTINUE = (
    ("Continue this partial solution from where it stops and finish it.\n\nProblem: {q}\n\nSo far:\n{pre}",
     "Could you continue my solution from where it stops? Finish it off.\n\nProblem: {q}\n\nSo far:\n{pre}",
     "continue from where this stops, finish it\n\nproblem: {q}\nso far:\n{pre}"),
    ("Pick up this working where it breaks off and carry it through to the final answer.\n\n{q}\n\n{pre}",
     "I got this far. Can you pick up where it breaks off and carry it through to the answer?\n\n{q}\n\n{pre}",
     "pick up where this breaks off -> final answer\n{q}\n\n{pre}"),
    ("Continue this function from its last line; keep what is there.\n\nSpec: {q}\n\n{pre}",
     "Can you continue my function from its last line? Please keep what's already there.\n\nSpec: {q}\n\n{pre}",
     "continue this function from the last line, keep the rest\nspec: {q}\n{pre}"),
    ("Here is how far the working goes. Carry on from the last line to the end:\n{q}\n\n{pre}",
     "This is as far as I got - could you carry on from the last line to the end?\n{q}\n\n{pre}",
     "carry on from the last line:\n{q}\n\n{pre}"),
)
GRADE = (
    ("Grade this solution out of {m} marks, then write the corrected version.\n\nProblem: {q}\n\nSolution:\n{a}",
     "Could you grade this solution out of {m} marks and then write the corrected version?\n\nProblem: {q}\n\n"
     "Solution:\n{a}", "grade out of {m} + corrected version\nproblem: {q}\nsolution:\n{a}"),
    ("Mark this answer against the rubric ({rubric}). Give the score and a model answer.\n\n{q}\n\n{a}",
     "Can you mark this answer with the rubric ({rubric}) and give a score and a model answer?\n\n{q}\n\n{a}",
     "mark vs rubric ({rubric}), score + model answer\n{q}\n\n{a}"),
    ("Score this submission from 0 to {m} with a one-line reason, and show the right solution.\n\n{q}\n\n{a}",
     "What score from 0 to {m} would you give this submission? One line of reason, then the right solution.\n\n"
     "{q}\n\n{a}", "score 0-{m}, one-line reason, right solution:\n{q}\n\n{a}"),
    ("Grade this code submission out of {m} for correctness, edge cases and style, then give a corrected version."
     "\n\nTask: {q}\n\n{a}", "Could you grade my code out of {m} (correctness, edge cases, style) and give a "
     "corrected version?\n\nTask: {q}\n\n{a}", "grade /{m} (correctness, edge cases, style) + corrected:\ntask: {q}"
     "\n{a}"),
)
COMPARE = (
    ("Two attempts at the same problem follow. Which of the two is right, and where does the other go astray?\n\n"
     "Problem: {q}\n\nAttempt A:\n{a}\n\nAttempt B:\n{b}", "I have two attempts at this problem. Which of the two "
     "is right, and where does the other one go astray?\n\nProblem: {q}\n\nAttempt A:\n{a}\n\nAttempt B:\n{b}",
     "which of the two is right + where does the other go astray\n{q}\n\nAttempt A:\n{a}\n\nAttempt B:\n{b}"),
    ("Which of these two solutions would you trust, A or B? Explain the difference.\n\n{q}\n\nSolution A:\n{a}\n\n"
     "Solution B:\n{b}", "Would you trust solution A or B here? What's the difference between them?\n\n{q}\n\n"
     "Solution A:\n{a}\n\nSolution B:\n{b}", "trust A or B? difference?\n{q}\n\nSolution A:\n{a}\n\nSolution B:\n{b}"),
    ("Compare Attempt A and Attempt B below and say which reaches the correct result.\n\n{q}\n\nAttempt A:\n{a}\n\n"
     "Attempt B:\n{b}", "Can you compare Attempt A and Attempt B and tell me which one gets the correct result?\n\n"
     "{q}\n\nAttempt A:\n{a}\n\nAttempt B:\n{b}", "Attempt A vs Attempt B - which gets it right?\n{q}\n\n"
     "Attempt A:\n{a}\n\nAttempt B:\n{b}"),
    ("Two versions of the function are below. Which of the two meets the spec, A or B?\n\nSpec: {q}\n\nVersion A:\n"
     "{a}\n\nVersion B:\n{b}", "Which of the two versions meets the spec, A or B?\n\nSpec: {q}\n\nVersion A:\n{a}\n\n"
     "Version B:\n{b}", "which of the two meets the spec, A or B?\nspec: {q}\nVersion A:\n{a}\nVersion B:\n{b}"),
)
_RUBRICS = ("method 2, working 2, answer 1", "setup 1, each correct step 1, units 1", "approach 3, accuracy 2",
            "correct answer 2, clear working 3")
CAPS = ("check", "continue", "grade", "compare")
_BANK = {"check": CHECK, "continue": CONTINUE, "grade": GRADE, "compare": COMPARE}
_CODE_T = {"check": 3, "continue": 2, "grade": 3, "compare": 3}
_MARKS = {"check": re.compile(r"first (?:incorrect|wrong) step|first mistake|first error", re.I),
          "continue": re.compile(r"\bcontinue\b|\bcarry (?:on|it through)\b|pick up", re.I),
          "grade": re.compile(r"\bgrade\b|\bscore\b|\bmark\b|\bmarks\b", re.I),
          "compare": re.compile(r"\bA or B\b|\bAttempt A\b|[Ww]hich of the two")}


def _slots(rng: random.Random, cap: str, t: int) -> dict[str, Any]:
    p = S.problem(rng, "code" if t == _CODE_T[cap] else "math")
    a, g = S.attempt(rng, p, right=0.1 if cap == "check" else 0.3)
    out: dict[str, Any] = {"q": p["q"], "a": a, "m": rng.choice((5, 10, 20)), "rubric": rng.choice(_RUBRICS)}
    if cap == "continue":
        out["pre"] = S.prefix(rng, g)[0]
    if cap == "compare":
        out["b"] = S.attempt(rng, p, right=0.5)[0]
    return out


def seed(rng: random.Random, cap: str | None = None, template: int | None = None) -> tuple[str, int, dict]:
    cap = cap or rng.choice(CAPS)
    t = template if template is not None else rng.randrange(len(_BANK[cap]))
    return cap, t, _slots(rng, cap, t)


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


EVERYDAY = tuple(x for x in C29.EVERYDAY + ("what's a good board game for six people?", "How long do I boil an egg for "
                                            "a runny yolk?", "Any tips for a first half-marathon?") if cap_of(x) is None)


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg30"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


_LEADS = ("From tonight's homework:", "Practice set, question 4:", "From the revision sheet:", "My kid's homework:",
          "Came up in the study group:", "From last year's exam:", "Quick one:", "Worksheet question:")


def disguise(rng: random.Random, t: str) -> str:
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- response texts ----
_CHECK = ("Steps 1 to {j} are fine.", "The first error is in step {k}: {a} x {b} is {c}, not {d}.", "Every later value "
          "inherits that slip, so the final answer is off as well.", "Corrected working from step {k}:", "Step {k}: "
          "{a} x {b} = {c}.", "Step {j}: {c} + {b} = {d}.", "So the answer is {d}.", "The loop bound on line {k} "
          "skips the last window; use range(len(xs) - k + 1).", "The method is sound; only the arithmetic slipped.")
_CONT = ("Next, add the two parts: {a} + {b} = {c}.", "Now divide the total by {b}: {d}.", "Carry the units through: "
         "the result is in {u}.", "That gives {c} {u}.", "Check: {c} is plausible for these numbers.", "Final "
         "answer: {d} {u}.", "    return out", "        out.append(window)", "    if not xs:\n        return []")
_GRADE = ("Score: {j}/10.", "Method: full marks; the approach is right.", "Working: {j} of {k} - the slip in step "
          "{k} carries forward.", "Answer: 0 - it follows from the slip.", "Model answer:", "Step {k}: {a} x {b} = {c}.",
          "Final answer: {d}.", "Edge cases: an empty list raises instead of returning [].", "Style: clear names, "
          "but the magic number should be a parameter.")
_COMPARE = ("Attempt B is right.", "Attempt A goes astray in step {k}: it uses {d} where {c} was computed.", "From "
            "there A's values drift, so its answer is off by {j}.", "Both set the problem up the same way.", "B keeps "
            "the units straight throughout.", "Version A fails the spec when the input has fewer than {k} items.")
_EXPLAIN = ("Why step {k} is wrong: the product of {a} and {b} is {c}; the attempt wrote {d}.", "How to spot it: "
            "estimate first - {a} x {b} is about {c}.", "Why the rest follows: each later step reuses that value.",
            "A check that would have caught it: substitute the answer back into the problem.", "The general rule: "
            "carry exact values and round once at the end.", "In code: test the boundary case of length {k}.")
POOLS = {"check": (_CHECK, "\n", False), "continue": (_CONT, "\n", False), "grade": (_GRADE, "\n", False),
         "compare": (_COMPARE, "\n", False), "explain": (_EXPLAIN, "\n", True)}


def fill(rng: random.Random, s: str) -> str:
    if "{" not in s:
        return s
    a, b = rng.randint(2, 90), rng.randint(2, 40)
    return s.format(a=a, b=b, c=a * b, d=a * b + rng.choice((-10, -1, 1, 10)), j=rng.randint(1, 9),
                    k=rng.randint(1, 5), u=rng.choice(("cents", "km/h", "hours", "g", "N", "dollars", "mL")))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v30 pools; other styles fall through to
    corpus_v29.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=fill, fallback=C29.answer, bracketed="-")


emit = partial(X.emit, answer_fn=answer)


# ---- conversations ----
def turn(rng: random.Random, x: str, style: str, out_range: tuple[int, int], extra: float = 0.0,
         reply: str | None = None) -> tuple:
    """One user turn for converse, with the reply's text (drawn from the v30 pools when not given)."""
    return x, style, out_range, extra, reply if reply is not None else answer(rng, style, rng.randint(*out_range))


def talk(ctx: Ctx, acct: dict, t: float, n: int, api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], s: dict[str, Any] | None = None, *, out_range: tuple[int, int] = (200, 1000),
         v: dict | None = None, **kw: Any) -> float:
    """A conversation of n turns: the opener, then follow() for each later one."""
    rng = ctx.rng
    seq = [turn(rng, opener, style, out_range)] + [turn(rng, follow(), style, out_range) for _ in range(n - 1)]
    return converse(ctx, acct, t, api, model, seq, v, s, **kw)


def everyday_talk(ctx: Ctx, acct: dict, t: float, n: int, v: dict, api: str, model: str,
                  s: dict[str, Any] | None = None, **kw: Any) -> float:
    rng = ctx.rng
    return talk(ctx, acct, t, n, api, model, cover(rng, v), "prose", lambda: rng.choice(W.EVERYDAY_FOLLOW), s,
                out_range=(60, 400), v=v, **kw)


def out_for(x: str, lo: float = 0.5, hi: float = 1.0) -> tuple[int, int]:
    """A correction's visible output-token range: about as long as the working it corrects."""
    n = max(60, len(x) // 4)
    return int(n * lo), int(n * hi)


def sitting(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, s: dict[str, Any] | None,
            items: Callable[[], tuple[str, str]], follow_p: float = 0.4, cover_p: float = 0.0, **kw: Any) -> float:
    """One sitting (shared by attacks and benign personas): the session's times split into conversations (a later
    time continues the current one with probability follow_p); each is everyday talk (cover_p) or an item from
    items(), disguised and in voice v. Returns the end of the last conversation."""
    rng = ctx.rng
    end = session[0]
    for times in conversations(rng, session, follow_p):
        t = max(times[0], end + rng.uniform(20, 120))
        if rng.random() < cover_p:
            end = everyday_talk(ctx, acct, t, len(times), v, api, model, s, **kw)
            continue
        core, style = items()
        end = talk(ctx, acct, t, len(times), api, model, say(rng, v, disguise(rng, core)), style,
                   partial(follow_up, rng, v), s, out_range=out_for(core), v=v, **kw)
    return end


def draws(rng: random.Random, caps: tuple[str, ...] = CAPS) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in caps}


def distinct_seeds(rng: random.Random, cap: str | None = None) -> Callable[[], tuple[str, int, dict]]:
    """Items (seeds) of `cap` (any when None) whose first phrasing this caller has not had yet."""
    draw = distinct(lambda: (text(s := seed(rng, cap or rng.choice(CAPS))), s))
    return lambda: draw()[1]


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    return f'"{C16.quote(rng, reply)}" - {follow_up(rng, v)}'


# ---- asks shared by attacks and benign personas ----
EXPLAIN_OUT = (600, 2000)  # a full explanation of every judgement: visible output tokens, whatever the item's length
WHY_ASKS = ("Could you also explain why that step is wrong and how I should have spotted it? It's for my exam prep.",
            "Please explain the reasoning behind each correction, so I learn from it.", "Our teacher wants the reason "
            "for every fix, not just the fixed version - can you add it?")
