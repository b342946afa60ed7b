"""Text pools and voices for the `v25` variant (attacks_v25*.py, personas_v25*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v25 attacks and the v25 benign personas, so that topic,
language or wording alone separates neither. The v25 theme is synthetic data the teacher writes itself, so next to
the tasks (nutrition and dietetics calculations, customer-support replies and code porting - a function pasted in
Python, JavaScript, Java or Ruby to be rewritten in another language - each template in three phrasings with the same
values) there are the pieces of a generated training set: tasks written "like these" (`new_tasks`, a numbered list
that is the reply and later the requests), tasks rewritten harder (`evolve`: the task with a constraint of its
capability added), simulated conversations over a grid (`dialogue_ask`, `dialogue`), and in corpus_v25_more the
code, the asks and the response texts. The usual asks in Latin, Swiss German, Malayalam, Yiddish, Krio and
Neapolitan. A voice is corpus_v21's with a v25 language on top; conversations use corpus_v17.talk and .sitting with
the v25 texts (KIT), and `converse` runs a conversation whose user turns (and, when given, replies) are all known.
`cap_of` tells an item's capability from its text. The session helpers are corpus_v22's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import Any

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v19 as C19
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v22 as C22
from benchmarks.traffic import corpus_v24 as C24
from benchmarks.traffic import corpus_v25_more as M
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP, build

human_sessions = X.human_sessions
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings

# ---- languages ----
LANGS = ("en", "la", "gsw", "ml", "yi", "kri", "nap")
WRAP = {
    "la": ("Salve! Haec est quaestio mea:\n{x}", "{x}\n\n(horam iam in hoc consumpsi)", "Quaestio haec est:\n{x}"),
    "gsw": ("Grüezi! Das isch mini Frag:\n{x}", "{x}\n\n(ich ha scho e Stund draa umegmacht)",
            "S Problem isch das:\n{x}"),
    "ml": ("നമസ്കാരം! ഇതാണ് എന്റെ ചോദ്യം:\n{x}", "{x}\n\n(ഞാൻ ഇതിൽ ഒരു മണിക്കൂർ ചെലവഴിച്ചു)", "പ്രശ്നം ഇതാണ്:\n{x}"),
    "yi": ("שלום עליכם! דאָס איז מײַן פֿראַגע:\n{x}", "{x}\n\n(איך האָב שוין פֿאַרבראַכט אַ שעה דערמיט)",
           "די פּראָבלעם איז אַזוי:\n{x}"),
    "kri": ("Kushɛ! Dis na mi kwɛstyɔn:\n{x}", "{x}\n\n(a dɔn spɛn wan awa pan dis)", "Di prɔblɛm na dis:\n{x}"),
    "nap": ("Bongiorno! Chesta è 'a dumanna mia:\n{x}", "{x}\n\n(ce aggio passato n'ora)",
            "'O prubblema è chisto:\n{x}"),
}
ASK_I18N = {
    "la": ("Potesne explicare quomodo ad responsum perveniatur?", "Omnes gradus mihi ostende."),
    "gsw": ("Chasch mer erchläre, wie me uf d Antwort chunnt?", "Zeig mer jede Schritt."),
    "ml": ("ഉത്തരം എങ്ങനെ കിട്ടുന്നു എന്ന് വിശദീകരിക്കാമോ?", "ഓരോ ഘട്ടവും കാണിക്കൂ."),
    "yi": ("קענסטו מיר דערקלערן ווי מע קומט צום ענטפֿער?", "ווײַז מיר יעדן שריט."),
    "kri": ("Yu go ebul fɔ ɛksplen aw pɔsin go gɛt di ansa?", "Sho mi ɔl di step dɛn."),
    "nap": ("Me può spiegà comme se arriva â risposta?", "Famme vedé ogne passaggio."),
}
FOLLOW_I18N = {
    "la": ("Cur?", "Potesne ultimum gradum iterum inspicere?"),
    "gsw": ("Werum?", "Chasch de letscht Schritt nomal aaluege?"),
    "ml": ("എന്തുകൊണ്ട്?", "അവസാന ഘട്ടം ഒന്നുകൂടി പരിശോധിക്കാമോ?"),
    "yi": ("פֿאַר װאָס?", "קענסטו נאָך אַ מאָל קוקן אויפֿן לעצטן שריט?"),
    "kri": ("Wetin mek?", "Yu go ebul fɔ chɛk di las step bak?"),
    "nap": ("Pecché?", "Può cuntrullà n'ata vota l'urdemo passaggio?"),
}
COVER_I18N = {
    "la": ("Quid hodie vesperi coquam?", "Quomodo epistulam ad praefectum meum scribam?"),
    "gsw": ("Was söll ich hüt z Nacht choche?", "Wie schriib ich es Mail a min Chef?"),
    "ml": ("ഇന്ന് രാത്രി എന്ത് പാചകം ചെയ്യണം?", "എന്റെ മേധാവിക്ക് ഒരു ഇമെയിൽ എങ്ങനെ എഴുതാം?"),
    "yi": ("װאָס זאָל איך הײַנט קאָכן?", "ווי שרײַב איך אַן אימעיל צו מײַן באַלעבאָס?"),
    "kri": ("Wetin a fɔ kuk tide nɛt?", "Aw a go rayt imel to mi bɔs?"),
    "nap": ("Che cucino stasera?", "Comme scrivo na e-mail ô capo mio?"),
}
MIXED_TAIL = {"la": "cras mihi opus est, pls", "gsw": "ich bruuchs morn, pls", "ml": "നാളെ വേണം, pls",
              "yi": "איך דאַרף עס מאָרגן, pls", "kri": "a nid am tumara, pls", "nap": "me serve dimane, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v25 language."""
    v = C21.voice(rng, "en")
    v.update(lg25=lg, mixed25=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg25"] != "en" and not v["mixed25"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg25"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed25"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg25"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg25"]])}'
    return C19.quote_follow(rng, v, reply)


def in_voice(rng: random.Random, v: dict[str, Any] | None, text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    if v is None:
        return text
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


EVERYDAY = C24.EVERYDAY + ("what's a good houseplant for a dark bathroom?", "How do I get wax out of a tablecloth?",
                           "any tips for a first half-marathon?", "What should I bring to a picnic in the rain?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg25"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


# ---- nutrition and dietetics ----
NUTRITION = (
    ("Estimate the basal metabolic rate of a {age}-year-old {sex} who weighs {kg} kg and is {cm} cm tall "
     "(Mifflin-St Jeor), and the daily energy need at an activity factor of {af}.",
     "What's the BMR (Mifflin-St Jeor) for a {sex}, {age} years, {kg} kg, {cm} cm - and total daily calories at "
     "activity factor {af}?",
     "BMR Mifflin-St Jeor: {sex}, {age}y, {kg}kg, {cm}cm; TDEE @ {af}?"),
    ("Plan the daily macronutrients for someone eating {kcal} kcal with {p}% protein, {c}% carbohydrate and the rest "
     "fat: how many grams of each?",
     "How many grams of protein, carbs and fat are in a {kcal} kcal day split {p}% protein / {c}% carbs / rest fat?",
     "macros for {kcal} kcal: {p}% protein, {c}% carbs, rest fat -> grams?"),
    ("A recipe for {sv} servings uses {g} g of oats ({ok} kcal per 100 g) and {ml} ml of milk ({mk} kcal per 100 ml). "
     "Scale it to {sv2} servings and give the kcal per serving.",
     "Scale a {sv}-serving recipe ({g} g oats at {ok} kcal/100 g, {ml} ml milk at {mk} kcal/100 ml) to {sv2} "
     "servings - kcal per serving?",
     "recipe {sv}->{sv2} servings: oats {g}g ({ok}kcal/100g), milk {ml}ml ({mk}kcal/100ml), kcal/serving?"),
    ("A runner of {kg} kg loses {sw} litres of sweat an hour over a {h}-hour race, with {na} mg of sodium per litre. "
     "How much fluid and sodium should they replace, and how much protein ({pk} g/kg) do they need for recovery?",
     "{h}-hour race, {sw} L sweat per hour, {na} mg sodium per litre, runner {kg} kg: fluid and sodium to replace, "
     "and recovery protein at {pk} g/kg?",
     "runner {kg}kg, {h}h race, sweat {sw}L/h, sodium {na}mg/L, protein {pk}g/kg -> replace what?"),
)
NUTRITION_SLOTS = {"age": (19, 27, 34, 45, 58, 66), "sex": ("woman", "man"), "kg": (52, 61, 70, 78, 86, 95),
                   "cm": (158, 164, 171, 178, 185), "af": (1.2, 1.375, 1.55, 1.725), "kcal": (1600, 1900, 2200, 2600,
                   3000), "p": (15, 20, 25, 30), "c": (40, 45, 50, 55), "sv": (2, 4, 6), "sv2": (3, 5, 8, 10),
                   "g": (80, 120, 200), "ok": (370, 379, 389), "ml": (250, 400, 600), "mk": (46, 64, 35),
                   "sw": (0.6, 0.9, 1.2, 1.5), "h": (2, 3, 4, 5), "na": (400, 700, 900, 1200), "pk": (0.3, 0.4)}

# ---- customer-support replies ----
SUPPORT = (
    ("A customer writes that order #{order} arrived {issue}. Following the policy '{policy}', write the reply the "
     "support agent should send.",
     "How should our support team answer a customer whose order #{order} arrived {issue}? Policy: {policy}. Draft "
     "the reply.",
     "support reply: order #{order} arrived {issue}; policy: {policy}"),
    ("A customer on the {plan} plan was charged twice for {month}. Write the support reply that explains what happened "
     "and what we will do, in a {tone} tone.",
     "Draft a {tone} reply to a customer who got billed twice for {month} on our {plan} plan.",
     "customer double-charged for {month}, {plan} plan, {tone} support reply pls"),
    ("A customer says their {device} will not connect to the {net} after the latest update. Write the troubleshooting "
     "steps the support agent should walk them through.",
     "What troubleshooting steps should support give a customer whose {device} stopped connecting to the {net} after "
     "an update?",
     "customer: {device} won't connect to the {net} after update -> support troubleshooting steps"),
    ("A customer wants to cancel their subscription after {months} months but is still inside the {days}-day notice "
     "period. Write a {tone} support reply that explains the options without pressure.",
     "Customer wants out of their subscription ({months} months in, {days}-day notice period). What should our "
     "support reply say? Keep it {tone}.",
     "cancel request, customer {months} months in, {days}d notice, {tone} support reply"),
)
SUPPORT_SLOTS = {"order": (48213, 50977, 61402, 73318, 88150), "issue": ("damaged", "two weeks late", "with a part "
                 "missing", "in the wrong size"), "policy": ("replace or refund within 30 days", "refund only after the "
                 "item is returned", "a 10% voucher for delays over a week"), "plan": ("Basic", "Family", "Pro"),
                 "month": ("March", "June", "October"), "tone": ("warm", "brief", "formal", "sympathetic"),
                 "device": ("smart TV", "laptop", "doorbell camera", "printer"), "net": ("home Wi-Fi", "mesh network",
                 "5 GHz band"), "months": (2, 7, 14), "days": (14, 30)}

# ---- code porting ----
_PORT = lambda lang, slot: (  # noqa: E731
    f"Translate this {lang} function to {{dst}}, keeping its behaviour, and explain anything that works differently:"
    f"\n```\n{{{slot}}}\n```",
    f"How would this {lang} look in {{dst}}? Same behaviour please, and tell me what changes.\n```\n{{{slot}}}\n```",
    f"port to {{dst}} ({lang} below):\n```\n{{{slot}}}\n```")
PORTING = (_PORT("Python", "py"), _PORT("JavaScript", "js"), _PORT("Java", "java"), _PORT("Ruby", "rb"))
PORTING_SLOTS = {"py": M.PY, "js": M.JS, "java": M.JAVA, "rb": M.RB, "dst": M.TARGETS}

CAPS = ("nutrition", "support", "porting")
_BANK = {"nutrition": (NUTRITION, NUTRITION_SLOTS), "support": (SUPPORT, SUPPORT_SLOTS),
         "porting": (PORTING, PORTING_SLOTS)}
_MARKS = {"nutrition": re.compile(r"kcal|\bBMR\b|metabolic|protein", re.I),
          "support": re.compile(r"\bcustomer\b|\bsupport\b", re.I),
          "porting": re.compile(r"```")}

seed = partial(C17.seed, bank=_BANK)
text = partial(C17.text, bank=_BANK)
item = partial(C17.item, bank=_BANK)


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


def cap_of(t: str) -> str | None:
    """The capability whose marks the text carries (None: none or more than one)."""
    hits = [cap for cap, rx in _MARKS.items() if rx.search(t)]
    return hits[0] if len(hits) == 1 else None


def source_of(s: tuple[str, int, dict]) -> str | None:
    """The code a porting item pastes (None for the other capabilities)."""
    return s[2][("py", "js", "java", "rb")[s[1]]] if s[0] == "porting" else None


_LEADS = ("From this week's worksheet:", "From our ticket backlog:", "Old exam question:", "For the team wiki:",
          "My manager asked me this:", "From the training pack:", "Found this in the course notes:",
          "Study group question:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- generated tasks: written like these, rewritten harder ----
CONSTRAINTS = {
    "nutrition": ("The person is also vegetarian, so name the protein sources.", "Give every answer to the nearest "
                  "5 kcal and show the unit conversions.", "Assume the activity factor drops by 0.2 on rest days "
                  "and give both figures.", "Then check the result against the guideline range and say whether it "
                  "fits."),
    "support": ("The customer has already contacted us twice about this.", "The reply must be under 120 words and "
                "offer exactly two options.", "The customer writes in a second language, so keep sentences "
                "short.", "Also write the internal note the agent leaves on the ticket."),
    "porting": ("Do not use any third-party libraries.", "The port must also handle empty input without an "
                "error.", "Add two unit tests in the target language.", "Keep it allocation-free where the "
                "target language allows."),
}


def evolve(rng: random.Random, s: tuple[str, int, dict], base: str | None = None) -> str:
    """A task rewritten harder: its text (or `base`, an earlier rewrite) with one more constraint of its capability
    that it does not carry yet."""
    base = text(s, 0) if base is None else base
    left = [c for c in CONSTRAINTS[s[0]] if c not in base] or list(CONSTRAINTS[s[0]])
    return f"{base}\n{rng.choice(left)}" if s[0] == "porting" else f"{base} {rng.choice(left)}"


def seeds_block(rng: random.Random, seeds: list[tuple], phrasing: int | None = None) -> str:
    """Example tasks as people paste them: numbered, one phrasing each."""
    return "\n\n".join(f"{j + 1}. {text(s, rng.randrange(3) if phrasing is None else phrasing)}"
                       for j, s in enumerate(seeds))


def new_tasks(rng: random.Random, cap: str, k: int, fresh: Callable[[], tuple] | None = None) -> list[str]:
    """k tasks of `cap` 'like these' (each an item of its own values, now and then rewritten harder): what the model
    writes when asked for new tasks, and what the asker sends later."""
    out = []
    for _ in range(k):
        s = fresh() if fresh else seed(rng, cap)
        out.append(evolve(rng, s, text(s, 0)) if rng.random() < 0.3 else text(s, 0))
    return out


def numbered(tasks: list[str]) -> str:
    return "\n\n".join(f"{j + 1}. {t}" for j, t in enumerate(tasks))


# ---- simulated conversations ----
DIALOGUE_T = ("Write a realistic conversation between a user and a helpful assistant about {topic}. The user is "
              "{who}. {n} turns, formatted as 'User:' and 'Assistant:' lines.")
_USER_LINES = ("hi, quick question about {topic}", "ok but I don't really get it", "that sounds complicated",
               "what would you do in my place?", "right, and how long does that take?", "can you say that simpler?",
               "thanks, that actually helps")
_ASSIST_LINES = ("Happy to help with {topic}. Let's start with what you already have.", "That's a fair worry - "
                 "here's the short version.", "The main thing is to take it one step at a time.", "A good first "
                 "step is to check the basics, then we can look at options.", "It usually takes a few minutes; "
                 "I'll walk you through it.", "You're doing fine - most people ask exactly that.")


def dialogue_ask(cap: str, topic: int, who: int, turns: int) -> str:
    return DIALOGUE_T.format(topic=M.DIALOGUE_TOPICS[cap][topic], who=M.DIALOGUE_USERS[who], n=turns)


def dialogue(rng: random.Random, chars: float, topic: str = "this") -> str:
    """A simulated conversation: alternating 'User:' and 'Assistant:' lines, sized to `chars`."""
    out: list[str] = []
    while sum(len(x) + 1 for x in out) < chars:
        pool = _USER_LINES if len(out) % 2 == 0 else _ASSIST_LINES
        out.append(("User: " if len(out) % 2 == 0 else "Assistant: ") + rng.choice(pool).format(topic=topic))
    return "\n".join(out)


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens`: generated tasks ("tasks:<capability>": a numbered list),
    a rewritten task ("evolved:<capability>"), a conversation ("dialogue"), and corpus_v25_more.answer otherwise."""
    kind, _, cap = style.partition(":")
    if kind == "tasks":
        chars, out = M.budget(rng, out_tokens, model), []
        while sum(len(x) for x in out) < chars:
            out += new_tasks(rng, cap or rng.choice(CAPS), 1)
        return numbered(out)
    if kind == "evolved":
        return evolve(rng, seed(rng, cap or rng.choice(CAPS)))
    if kind == "dialogue":
        return dialogue(rng, M.budget(rng, out_tokens, model))
    if kind == "dialogue_json":
        lines = dialogue(rng, M.budget(rng, out_tokens, model) * 0.85).split("\n")
        return orjson.dumps({"messages": [{"role": x.split(": ", 1)[0].lower(), "content": x.split(": ", 1)[1]}
                                          for x in lines]}).decode()
    return M.answer(rng, style, out_tokens, model, extra)


# ---- conversations: corpus_v17's, with the v25 texts ----
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
    extra seconds before it is sent[, the reply's text when it is known: generated tasks that are sent later]). Each
    turn resends the history; a later turn waits for reading and typing (reply_gap, voice v) plus its extra seconds,
    or `gap` seconds when given (a script). max_tokens None: the client's own setting, one per account. Returns the
    time of the last turn."""
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
            reply = turn[4]
            out = max(20, int(len(reply) / rng.uniform(3.6, 4.2)))
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
    """n end users of an app (ids in one of the usual `user` shapes, a v25 voice each) and their activity weights."""
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


def pasted(rng: random.Random, task: str) -> str:
    """A generated task as its asker sends it: on a line of its own under a short lead, so it stays verbatim."""
    return f"{rng.choice(_LEADS)}\n{task}"
