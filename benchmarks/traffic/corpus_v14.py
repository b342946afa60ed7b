"""Text pools and pacing helpers for the `v14` variant (attacks_v14*.py, personas_v14*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test),
docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and tuned nothing
against a detector result. Shared by the v14 attacks and the v14 benign personas, so that topic, language or
wording alone separates neither: geometry and trigonometry problems (each in three phrasings with the same
numbers), a bug-fixing grid (bug kinds x programming languages x function archetypes x depth), everyday
questions, and the usual asks in Zulu, Igbo, Khmer, Mongolian, Gujarati and Belarusian. Voices come from
corpus_v12's grammar with a v14 language on top. Tool catalogues, the assistant agent, dialogue scripts and
problem rewrites are in corpus_v14_tools.py. Response texts are sized from usage.output_tokens like v11-v13.

`human_sessions` is the v14 pace: ctx.diurnal_times (sessions in the account's daytime) thinned on Saturdays and
Sundays, which attack and benign accounts alike use.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v13 as V13
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, REASONING_MODELS, RESP, build
from benchmarks.traffic.corpus_v12_talk import emit as emit_v12

LANGS = ("en", "zu", "ig", "km", "mn", "gu", "be")
WRAP = {
    "zu": ("Sawubona! Nanku umbuzo wami:\n{x}", "{x}\n\n(sekuyihora ngizama lokhu)", "Nasi isivivinyo:\n{x}"),
    "ig": ("Ndewo! Ajụjụ m bụ:\n{x}", "{x}\n\n(anọwo m na nke a otu awa)", "Nke a bụ ajụjụ:\n{x}"),
    "km": ("សួស្តី! នេះជាសំណួររបស់ខ្ញុំ៖\n{x}", "{x}\n\n(ខ្ញុំព្យាយាមលំហាត់នេះមួយម៉ោងហើយ)", "នេះជាលំហាត់៖\n{x}"),
    "mn": ("Сайн байна уу! Миний асуулт:\n{x}", "{x}\n\n(үүн дээр нэг цаг суулаа)", "Энэ бол даалгавар:\n{x}"),
    "gu": ("નમસ્તે! મારો પ્રશ્ન:\n{x}", "{x}\n\n(હું એક કલાકથી આમાં અટવાયો છું)", "આ રહ્યો દાખલો:\n{x}"),
    "be": ("Вітаю! Маё пытанне:\n{x}", "{x}\n\n(сяджу над гэтым ужо гадзіну)", "Вось задача:\n{x}"),
}
ASK_I18N = {
    "zu": ("Ngicela ungichazele ukuthi impendulo itholakala kanjani.", "Ngibonise izinyathelo."),
    "ig": ("Biko kọwaara m otú e si nweta azịza ya.", "Gosi m usoro ya."),
    "km": ("សូមពន្យល់ពីរបៀបរកចម្លើយ។", "សូមបង្ហាញជំហាននីមួយៗ។"),
    "mn": ("Хариуг хэрхэн олохыг тайлбарлаж өгнө үү.", "Алхам алхмаар харуулна уу."),
    "gu": ("કૃપા કરીને જવાબ કેવી રીતે મળે તે સમજાવો.", "પગલાં બતાવો."),
    "be": ("Растлумачце, калі ласка, як атрымаць адказ.", "Пакажыце крокі."),
}
FOLLOW_I18N = {
    "zu": ("Kungani kunjalo?", "Ungahlola futhi isinyathelo sokugcina?"),
    "ig": ("Gịnị mere o ji dị otú ahụ?", "Ị nwere ike ịlele nzọụkwụ ikpeazụ ọzọ?"),
    "km": ("ហេតុអ្វី?", "តើអាចពិនិត្យជំហានចុងក្រោយម្តងទៀតបានទេ?"),
    "mn": ("Яагаад тэр вэ?", "Сүүлийн алхмыг дахин шалгаж болох уу?"),
    "gu": ("આવું કેમ?", "છેલ્લું પગલું ફરી તપાસશો?"),
    "be": ("Чаму так?", "Можаце яшчэ раз праверыць апошні крок?"),
}
MIXED_TAIL = {"zu": "ngiyakudinga kusasa, pls", "ig": "achọrọ m ya echi, pls", "km": "ខ្ញុំត្រូវការវាថ្ងៃស្អែក, pls",
              "mn": "маргааш хэрэгтэй, pls", "gu": "કાલે જોઈએ છે, pls", "be": "трэба на заўтра, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    v = W.voice(rng, "en")
    v.update(lg14=lg, mixed14=lg != "en" and rng.random() < 0.3)
    return v


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg14"]
    if lg != "en" and not v["mixed14"]:
        text = rng.choice(WRAP[lg]).format(x=core)
        return text + ("\n" + rng.choice(ASK_I18N[lg]) if ask and rng.random() < 0.6 else "")
    if "\n" in core:  # pasted code keeps its case and characters whatever the writer does to their own words
        text = W.say(rng, v, "⟦0⟧", ask)
        text = text.replace("⟦0⟧", core) if "⟦0⟧" in text else W.say(rng, v, core, ask)
    else:
        text = W.say(rng, v, core, ask)
    return text + " " + MIXED_TAIL[lg] if v["mixed14"] else text


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg14"] != "en" and not v["mixed14"]:
        return rng.choice(FOLLOW_I18N[v["lg14"]])
    return W.follow_up(rng, v)


# ---- geometry and trigonometry: each template in three phrasings with the same slots ----
GEO = (
    ("A ladder {l} m long leans against a wall with its foot {f} m from the wall. How high up the wall does it reach, "
     "and what angle does it make with the ground?",
     "The foot of a {l} m ladder is {f} m from a vertical wall. Find the height it reaches and its angle of elevation.",
     "ladder {l}m, base {f}m from wall. height? angle with ground?"),
    ("From a point {d} m from the base of a tower, the angle of elevation to the top is {a} degrees. How tall is the "
     "tower?",
     "Standing {d} m away from a tower, you look up at {a} degrees to see its top. What is its height?",
     "angle of elevation {a} deg at {d} m. tower height?"),
    ("A triangle has sides {p} cm and {q} cm with an included angle of {a} degrees. Find the third side and the "
     "area.",
     "Two sides of a triangle measure {p} and {q} cm and the angle between them is {a} degrees. What are the "
     "remaining side and the area?",
     "sides {p}, {q}, angle {a} between. third side + area?"),
    ("A circle has radius {r} cm. Find the length of the arc and the area of the sector cut off by a central angle "
     "of {a} degrees.",
     "Central angle {a} degrees in a circle of radius {r} cm: how long is the arc, and how big is the sector?",
     "r={r}, angle {a} deg. arc length, sector area?"),
    ("A chord of length {c} cm is drawn in a circle of radius {r} cm. How far is the chord from the centre, and "
     "what angle does it subtend at the centre?",
     "In a circle of radius {r} cm there is a {c} cm chord. Find its distance from the centre and the central angle "
     "it subtends.",
     "chord {c} in circle radius {r}. distance to centre? angle?"),
    ("A ship sails {p} km on a bearing of {b} degrees, then {q} km on a bearing of {b2} degrees. How far is it from "
     "its starting point, and on what bearing should it return?",
     "Leg one: {p} km at bearing {b} degrees. Leg two: {q} km at bearing {b2} degrees. Distance back to port, and "
     "the return bearing?",
     "{p}km @ {b}deg then {q}km @ {b2}deg. distance from start + bearing home?"),
    ("Find all solutions of {k}sin(x) + {m} = 0 with x between 0 and 360 degrees.",
     "Solve {k}sin x + {m} = 0 for 0 <= x < 360 degrees, giving every solution.",
     "{k} sin x + {m} = 0, 0-360 deg, all x?"),
    ("A cone has base radius {r} cm and slant height {sl} cm. Find its vertical height, volume and curved surface "
     "area.",
     "Slant height {sl} cm, base radius {r} cm: what are the height, volume and curved surface area of the cone?",
     "cone r={r}, slant {sl}. h, V, curved SA?"),
    ("The points A({x1}, {y1}), B({x2}, {y2}) and C({x3}, {y3}) form a triangle. Find its area and the length of "
     "the altitude from C.",
     "Triangle with vertices at ({x1},{y1}), ({x2},{y2}), ({x3},{y3}): compute the area and the height from the "
     "third vertex.",
     "A({x1},{y1}) B({x2},{y2}) C({x3},{y3}): area, altitude from C?"),
    ("A regular polygon has {n} sides of length {s} cm. Find each interior angle, the apothem and the area.",
     "Each side of a regular {n}-gon is {s} cm. What are the interior angle, the apothem and the area?",
     "regular {n}-gon side {s}. interior angle, apothem, area?"),
    ("Prove that the angle in a semicircle is a right angle, then use it to find the hypotenuse when the other two "
     "sides are {p} cm and {q} cm.",
     "Show why any angle inscribed in a semicircle is 90 degrees, and apply it: legs {p} and {q} cm, diameter?",
     "prove angle in semicircle = 90, then legs {p},{q} -> diameter?"),
    ("Two observers {d} m apart on level ground see a balloon between them at elevations {a} and {a2} degrees. How "
     "high is the balloon?",
     "A balloon is between two people standing {d} m apart; their angles of elevation are {a} and {a2} degrees. "
     "Find its height.",
     "2 observers {d}m apart, elevations {a} and {a2} deg, balloon between. height?"),
)


def geo_seed(rng: random.Random, template: int | None = None) -> tuple[int, dict[str, Any]]:
    """A problem: (template index, slot values); render it with geo_text in any of its three phrasings."""
    r = rng.choice((3, 4, 5, 6, 7.5, 10, 12))
    slots = {"l": rng.choice((5, 6, 8, 10, 13)), "f": rng.choice((1.5, 2, 2.5, 3, 4)),
             "d": rng.choice((25, 40, 60, 85, 120)), "sl": round(r * rng.uniform(1.2, 2.5), 1),
             "a": rng.choice((25, 30, 35, 40, 50, 60, 72)), "a2": rng.choice((20, 28, 45, 55)),
             "p": rng.randint(4, 19), "q": rng.randint(4, 19), "r": r, "c": round(r * rng.uniform(0.6, 1.8), 1),
             "b": rng.choice((35, 60, 110, 145)), "b2": rng.choice((200, 250, 310, 20)), "k": rng.choice((2, 3, 4)),
             "m": rng.choice((-1, 1, -2, 2)), "x1": rng.randint(-5, 5), "y1": rng.randint(-5, 5),
             "x2": rng.randint(-5, 9), "y2": rng.randint(-5, 9), "x3": rng.randint(-5, 9), "y3": rng.randint(-5, 9),
             "n": rng.choice((5, 6, 8, 9, 10, 12)), "s": rng.choice((2, 3, 4.5, 6, 10))}
    return (template if template is not None else rng.randrange(len(GEO))), slots


def geo_text(seed: tuple[int, dict[str, Any]], phrasing: int = 0) -> str:
    t, slots = seed
    return GEO[t][phrasing % 3].format(**slots)


# ---- bug fixing: kinds x languages x archetypes x depth ----
PLANGS = ("Python", "JavaScript", "Java", "Go", "C++", "PHP")
ARCHETYPES = ("binary_search", "moving_average", "parse_date_range", "dedupe_by_key", "paginate", "retry_request",
              "word_frequencies", "merge_sorted")
BUG_KINDS = ("an off-by-one error at the end of the range", "integer division where a float is expected",
             "a mutable default shared between calls", "a race on a shared counter", "a time-zone-naive comparison",
             "an unhandled empty input", "a wrong comparison operator (< instead of <=)", "an unclosed resource",
             "string vs number comparison", "recursion without a base case for one input", "an exception swallowed "
             "and None returned", "a loop variable captured by a closure")
DEPTH = ("just fix it", "fix it and explain the root cause", "fix it, explain the root cause step by step and add a "
         "test that would have caught it")
_SNIP = {
    "Python": "def {f}(items, k=10):\n    out = []\n    for i in range(len(items) - 1):\n        out.append(items[i])\n"
              "    return out[:k]",
    "JavaScript": "function {f}(items, k = 10) {{\n  const out = [];\n  for (let i = 0; i < items.length - 1; i++) "
                  "out.push(items[i]);\n  return out.slice(0, k);\n}}",
    "Java": "static List<Integer> {f}(List<Integer> items, int k) {{\n    List<Integer> out = new ArrayList<>();\n"
            "    for (int i = 0; i < items.size() - 1; i++) out.add(items.get(i));\n    return out.subList(0, k);\n}}",
    "Go": "func {f}(items []int, k int) []int {{\n\tout := []int{{}}\n\tfor i := 0; i < len(items)-1; i++ {{\n\t\tout "
          "= append(out, items[i])\n\t}}\n\treturn out[:k]\n}}",
    "C++": "std::vector<int> {f}(const std::vector<int>& items, size_t k) {{\n  std::vector<int> out;\n  for (size_t i "
           "= 0; i + 1 < items.size(); ++i) out.push_back(items[i]);\n  out.resize(k);\n  return out;\n}}",
    "PHP": "function {f}(array $items, int $k = 10): array {{\n    $out = [];\n    for ($i = 0; $i < count($items) - 1; "
           "$i++) {{ $out[] = $items[$i]; }}\n    return array_slice($out, 0, $k);\n}}",
}
BUG_ASK = ("This {lang} function `{f}` has {bug}. {depth}.\n\n```\n{code}\n```",
           "Our `{f}` in {lang} misbehaves - I think it's {bug}. Can you {depth_l}?\n```\n{code}\n```",
           "```\n{code}\n```\n{lang}. Something's off with {f} ({bug}?). {depth}, please.",
           "code review: {lang}, function {f}. suspected {bug}.\n{code}\n{depth}")


def bug_task(rng: random.Random, cell: tuple[int, int, int, int] | None = None, template: int | None = None) -> str:
    b, lg, a, dp = cell if cell is not None else (rng.randrange(12), rng.randrange(6), rng.randrange(8),
                                                  rng.randrange(3))
    f = ARCHETYPES[a]
    t = BUG_ASK[template if template is not None else rng.randrange(len(BUG_ASK))]
    return t.format(lang=PLANGS[lg], f=f, bug=BUG_KINDS[b], depth=DEPTH[dp].capitalize(), depth_l=DEPTH[dp],
                    code=_SNIP[PLANGS[lg]].format(f=f))


CAPS = ("geo", "bug")


def item(rng: random.Random, cap: str) -> tuple[str, str]:
    if cap == "geo":
        return geo_text(geo_seed(rng), rng.randrange(3)), "geo"
    return bug_task(rng), "bug"


EVERYDAY = V13.EVERYDAY + ("what should I bring to a potluck?", "Can you help me write a polite no to a wedding "
                           "invite?", "how do I descale a kettle", "Suggest a weekly chore chart for three kids.",
                           "Is it ok to freeze cooked rice?", "What's a nice 5k training plan for a beginner?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- pace ----
def weekend(ctx: Ctx, t: float, tz: float) -> bool:
    """Whether local time t (UTC offset tz hours) falls on a Saturday or Sunday (2026-01-01 is a Thursday)."""
    return (3 + int(((t - ctx.start) / 3600 + tz) // 24)) % 7 >= 5


def human_sessions(ctx: Ctx, acct: dict[str, Any], per_day: float, session_len: tuple[int, int] = (1, 4),
                   gap_s: tuple[float, float] = (20, 400), weekend_rate: float = 0.5,
                   cap: int | None = None) -> list[list[float]]:
    """Daytime sessions with a weekly shape; at most `cap` requests in any UTC day (a quota kept by the client)."""
    rng = ctx.rng
    out, per_day_n = [], {}
    for s in ctx.diurnal_times(acct, per_day, session_len, gap_s):
        if weekend(ctx, s[0], acct["tz"]) and rng.random() > weekend_rate:
            continue
        if cap is not None:
            d = int((s[0] - ctx.start) // DAY)
            s = s[:max(0, cap - per_day_n.get(d, 0))]
            per_day_n[d] = per_day_n.get(d, 0) + len(s)
        if s:
            out.append(s)
    return sorted(out)


# ---- response texts ----
_GEO = ("Draw the right triangle formed by the {x}.", "By Pythagoras, h = sqrt({k}^2 - {g}^2) = {y}.", "tan(theta) = "
        "opposite / adjacent, so theta = {y} degrees.", "Use the cosine rule: c^2 = a^2 + b^2 - 2ab cos C = {y}.",
        "Area = 1/2 ab sin C = {y} cm^2.", "The arc length is (theta/360) x 2 pi r = {y} cm.", "The perpendicular "
        "from the centre bisects the chord.", "sin x = {y}, so x = {k}0 degrees or 180 - {k}0 degrees.", "Resolve "
        "each leg into north and east components.", "The shoelace formula gives |sum| / 2 = {y}.", "Each interior "
        "angle is (n - 2) x 180 / n = {y} degrees.", "Check: the answer is smaller than the hypotenuse, as it must be.")
_BUG = ("The loop stops at len - 1, so the last element is never visited.", "Change the bound to `i < len(items)`.",
        "Root cause: the slice assumes at least k elements.", "Guard the empty case first and return early.",
        "In Go, `out[:k]` panics when k > len(out); use min(k, len(out)).", "Add a regression test with a "
        "{k}-element input.", "Integer division truncates here; cast one operand first.", "The default list is "
        "created once at definition time and shared between calls.", "Compare aware datetimes, both in UTC.",
        "```\nfor i in range(len(items)):\n    out.append(items[i])\n```")
_EVOLVED = ("{x} Additionally, the answer must be given to {k} significant figures and justified with a diagram.",
            "{x} Now suppose one of the given lengths is increased by {k}0%; how does the answer change?")
_DIALOGUE = ('{{"role": "user", "content": "I don\'t get how to start this one."}}', '{{"role": "assistant", '
             '"content": "Let\'s begin with what we know: the {x}."}}', '{{"role": "user", "content": "ok so then I '
             'use the formula?"}}', '{{"role": "assistant", "content": "Yes - and check the units: {y}."}}')
POOLS = {"geo": (_GEO, "\n", True), "bug": (_BUG, "\n", False), "dialogue": (_DIALOGUE, ",\n", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(x=rng.choice(("ladder and the wall", "radius and the chord", "two legs of the journey",
                                  "tower and its shadow")), y=round(rng.uniform(0.1, 400), 2), k=rng.randint(2, 9),
                    g=rng.randint(1, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None, *,
           pools: dict[str, tuple[tuple[str, ...], str, bool]] = POOLS, fill: Callable[[random.Random, str], str] = _fill,
           fallback: Callable[..., str] = V13.answer, bracketed: str = "dialogue") -> str:
    """A response text of `style` sized from `out_tokens`; v11-v13 styles fall through to corpus_v13. The keyword
    arguments give a later variant's texts (corpus_v15_more.answer): its pools ({style: (sentences, joiner,
    numbered)}), how it fills a sentence's slots, where other styles fall through to, and the style whose text is
    a JSON array."""
    if style not in pools:
        return fallback(rng, style, out_tokens, model, extra)
    chars = max(1, out_tokens * rng.uniform(3.4, 4.4))
    if model in REASONING_MODELS:
        chars *= rng.uniform(0.3, 0.7)
    pool, joiner, numbered = pools[style]
    out: list[str] = []
    n = 0
    while n < chars:
        s = fill(rng, rng.choice(pool))
        out.append(f"{len(out) + 1}. {s}" if numbered else s)
        n += len(out[-1]) + len(joiner)
    text = joiner.join(out)
    return f"[{text}]" if style == bracketed else text


def emit(ctx: Ctx, ts: float, acct: dict[str, Any], api: str, body: dict[str, Any], out: int, style: str = "prose",
         user: str | None = None, text: str | None = None, ip: str | None = None,
         answer_fn: Callable[..., str] = answer) -> str | None:
    """A record, with a response_text (answer_fn: a later variant's texts) when the account's tenant logs outputs."""
    if text is None and acct.get("logged"):
        text = answer_fn(ctx.rng, style, out, str(body.get("model", "")))
    return emit_v12(ctx, ts, acct, api, body, out, style, user=user, text=text, ip=ip)


def talk(ctx: Ctx, acct: dict, times: list[float], api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], temperature: float | None = None, user: str | None = None,
         system: str | None = None, out_range: tuple[int, int] = (150, 900), ip: str | None = None,
         styles: list[str] | None = None, answer_fn: Callable[..., str] = answer, **extra: Any) -> list[dict]:
    """One conversation at `times`: `opener`, then follow() for each later turn, the history resent (turn j answered
    in styles[j] when given, with answer_fn's texts: a later variant's); returns the messages (replies included)."""
    rng = ctx.rng
    if "max_tokens" not in acct:  # the client's setting, one per account (None: the API's default)
        acct["max_tokens"] = rng.choice((None, None, 1024, 2048, 4096))
    msgs: list[dict] = []
    for j, t in enumerate(times):
        msgs = msgs + [{"role": "user", "content": opener if j == 0 else follow()}]
        style = styles[j] if styles else style
        out = rng.randint(*out_range) if style != "everyday" else rng.randint(60, 400)
        reply = answer_fn(rng, style, out, model)
        params = dict(extra) if api == CHAT else {}
        if temperature is not None and api != RESP:
            params["temperature"] = temperature
        body = build(api, model, system, msgs, acct["max_tokens"] or 1024, **params)
        if acct["max_tokens"] is None and api != ANTH:
            body.pop("max_output_tokens" if api == RESP else "max_tokens")
        emit(ctx, t, acct, api, body, out, text=reply, user=user, ip=ip)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        style = style if style == "everyday" or rng.random() < 0.7 else "prose"
    return msgs


def everyday_talk(ctx: Ctx, acct: dict, times: list[float], v: dict, api: str, model: str,
                  temperature: float | None = None, user: str | None = None) -> None:
    rng = ctx.rng
    talk(ctx, acct, times, api, model, cover(rng, v), "everyday", lambda: rng.choice(W.EVERYDAY_FOLLOW), temperature,
         user)
