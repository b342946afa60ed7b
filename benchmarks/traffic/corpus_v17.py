"""Text pools, voices and conversations for the `v17` variant (attacks_v17*.py, personas_v17*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v17 attacks and the v17 benign personas, so that topic,
language or wording alone separates neither: circuit analysis (Ohm's and Kirchhoff's laws, dividers, RC and RL
transients, op-amp stages, Thevenin equivalents, filter corners, LED resistors, power dissipation, RMS values) and
financial accounting (journal entries, depreciation, inventory costing, ratios, bank reconciliations, accruals,
VAT, break-even, payroll, spreadsheet formulas), each template in three phrasings with the same numbers, and each
item's numbers replaceable one at a time (`perturb`: a minimal pair, what a homework platform's per-student
variants and a contrastive harvest both produce); everyday questions; the usual asks in Javanese, Oromo, Tatar,
Lingala, Tok Pisin and Kurmanji Kurdish. A voice is corpus_v14's (corpus_v12's grammar) with a v17 language and
a quoting habit on top.

New in v17 is conversation timing read off the conversation itself (`talk`): the next turn of a conversation comes
after the reply has been generated, read (time grows with its length) and the next message typed (time grows with
its length), as it does for a person; attack and benign accounts use the same function. The EDA agent, the
prefills and the response texts are in corpus_v17_more.py; `study_users` (below) is a study app's end-user
population. Pacing across a day: corpus_v14.human_sessions.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v15 as M15
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, build
from benchmarks.traffic.corpus_v17_more import answer

human_sessions = X.human_sessions
weekend = X.weekend

# ---- languages ----
LANGS = ("en", "jv", "om", "tt", "ln", "tpi", "ku")
LANG_NAMES = {"en": "English", "jv": "Javanese", "om": "Oromo", "tt": "Tatar", "ln": "Lingala", "tpi": "Tok Pisin",
              "ku": "Kurmanji Kurdish"}
WRAP = {
    "jv": ("Sugeng enjing! Iki pitakonku:\n{x}", "{x}\n\n(aku wis sejam nyoba iki)", "Iki soale:\n{x}"),
    "om": ("Akkam! Gaaffiin koo kana:\n{x}", "{x}\n\n(sa'aatii tokko kanarratti dhama'e)", "Rakkoon kun:\n{x}"),
    "tt": ("Isänmesez! Minem sorawım:\n{x}", "{x}\n\n(ber säğat inde monı çişäm)", "Mäsälä menä:\n{x}"),
    "ln": ("Mbote! Motuna na ngai ezali:\n{x}", "{x}\n\n(nameki yango ngonga moko)", "Mokakatano oyo:\n{x}"),
    "tpi": ("Gude! Askim bilong mi em:\n{x}", "{x}\n\n(mi traim dispela inap wanpela aua pinis)",
            "Dispela hevi:\n{x}"),
    "ku": ("Silav! Pirsa min ev e:\n{x}", "{x}\n\n(saetek e ez li ser vê dixebitim)", "Pirsgirêk ev e:\n{x}"),
}
ASK_I18N = {
    "jv": ("Tulung jelasna carane oleh jawabane.", "Tuduhna saben langkahe."),
    "om": ("Maaloo akkamitti deebiin argamu naaf ibsi.", "Tarkaanfii hunda natti agarsiisi."),
    "tt": ("Cavapnı niçek tabarga ikänen añlatıgız äle.", "Här adımnı kürsätegez."),
    "ln": ("Limbolelá ngai ndenge ya kozwa eyano.", "Lakisá ngai etape nyonso."),
    "tpi": ("Plis tokaut long wanem rot yu kisim ansa.", "Soim mi olgeta step."),
    "ku": ("Ji kerema xwe re rave bike ka bersiv çawa tê dîtin.", "Her gavê nîşanî min bide."),
}
FOLLOW_I18N = {
    "jv": ("Kenapa?", "Langkah pungkasan bisa dicek maneh?"),
    "om": ("Maaliif?", "Tarkaanfii dhumaa irra deebi'ee ilaaluu dandeessaa?"),
    "tt": ("Ni öçen?", "Soñğı adımnı tağın tikşerä alasızmı?"),
    "ln": ("Mpo na nini?", "Okoki kotala lisusu etape ya suka?"),
    "tpi": ("Bilong wanem?", "Yu ken lukim gen las step?"),
    "ku": ("Çima?", "Tu dikarî gava dawî dîsa kontrol bikî?"),
}
COVER_I18N = {
    "jv": ("Bengi iki aku masak apa ya?", "Piye carane nulis email menyang bosku?"),
    "om": ("Galgala har'aa maal bilcheessa?", "Akkamitti hoogganaa kootiif imeelii barreessa?"),
    "tt": ("Bügen kiç närsä peşerergä?", "Citäkçemä hatnı niçek yazarga?"),
    "ln": ("Lelo na mpokwa nakolamba nini?", "Ndenge nini nakokoma email na mokonzi na ngai?"),
    "tpi": ("Mi kukim wanem kaikai long nait?", "Olsem wanem mi raitim imel long bos bilong mi?"),
    "ku": ("Îşev ez ê çi çêkim?", "Ez çawa e-nameyekê ji gerînendeyê xwe re binivîsim?"),
}
MIXED_TAIL = {"jv": "butuh sesuk, pls", "om": "boru nan barbaada, pls", "tt": "irtägä kiräk, pls",
              "ln": "nazali na mposa lobi, pls", "tpi": "mi nidim long tumora, pls", "ku": "sibê lazim e, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v14's voice (corpus_v12's grammar, English), with a v17 language, a quoting habit and a reading and
    typing speed (characters a second) on top."""
    v = X.voice(rng, "en")
    v.update(lg17=lg, mixed17=lg != "en" and rng.random() < 0.3, quotes=rng.uniform(0.2, 0.7),
             read_cps=rng.uniform(18, 45), type_cps=rng.uniform(2.5, 7))
    return v


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg17"]
    if lg == "en" or v["mixed17"]:
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed17"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg17"] == "en" or v["mixed17"]:
        return W.follow_up(rng, v)
    return rng.choice(FOLLOW_I18N[v["lg17"]])


QUOTE_FOLLOW = ('"{q}" - where does that come from?', 'Sorry, I lost you at "{q}". Again, slower?', 'is "{q}" '
                'still true if the values double?', '"{q}"?? my answer key says something else', 'Can you show '
                '"{q}" with the actual numbers?', 'ok after "{q}" I get stuck', 'why "{q}" and not the other way '
                'round?')


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    q = C16.quote(rng, reply)
    if v["lg17"] != "en" and not v["mixed17"]:
        return f'"{q}" - {rng.choice(FOLLOW_I18N[v["lg17"]])}'
    text = rng.choice(QUOTE_FOLLOW).format(q=q)
    return text.lower() if v["lower"] and rng.random() < 0.5 else text


EVERYDAY = C16.EVERYDAY + ("How long should I boil eggs for soft yolks?", "what's a polite way to decline a "
                           "meeting?", "Give me a packing list for three days of rain.", "is it bad to charge my "
                           "phone overnight?", "Name ideas for a bakery in a small town?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg17"] != "en" and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg17"]])
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- circuit analysis: (template phrasings, numeric slots it uses) ----
CIRCUIT = (
    ("A {v} V source feeds R1 = {r1} ohm in series with R2 = {r2} ohm. Find the current and the voltage across R2.",
     "Two resistors, {r1} ohm and {r2} ohm, in series across {v} V: what current flows and what does R2 drop?",
     "{v}V, {r1}R + {r2}R series. I? V(R2)?"),
    ("Design a voltage divider that gives {vo} V from a {v} V rail with a load of {rl} kohm. Pick standard values.",
     "I need {vo} V out of a {v} V supply feeding a {rl} kohm load. Which divider resistors would you choose?",
     "divider {v}V -> {vo}V, load {rl}k, E12 values?"),
    ("A {c} uF capacitor charges through {r1} ohm from {v} V. How long until it reaches {p}% of the supply?",
     "RC circuit: R = {r1} ohm, C = {c} uF, step of {v} V. Time to reach {p}% of full charge?",
     "RC {r1}R {c}uF {v}V -> t to {p}%?"),
    ("An inverting op-amp stage has Rin = {r1} ohm and Rf = {r2} ohm. What is the gain, and the output for a {vi} V "
     "input on +/-{v} V rails?",
     "Inverting amplifier, input resistor {r1} ohm, feedback {r2} ohm, rails +/-{v} V. Gain? Output for {vi} V in?",
     "inv opamp Rin {r1} Rf {r2}, vin {vi}V, rails {v}V -> vout?"),
    ("Find the Thevenin equivalent seen by the load in a bridge: {v} V source, top resistors {r1} ohm and {r2} ohm, "
     "bottom resistors {r2} ohm and {r1} ohm.",
     "For a Wheatstone-style bridge ({v} V; {r1}/{r2} on the left, {r2}/{r1} on the right), what Thevenin source and "
     "resistance does the middle load see?",
     "thevenin of bridge {v}V, {r1}/{r2} vs {r2}/{r1}?"),
    ("What is the -3 dB corner of an RC low-pass filter with R = {r1} ohm and C = {c} uF, and the attenuation at "
     "{f} Hz?",
     "Low-pass RC, {r1} ohm and {c} uF: cutoff frequency? How much is a {f} Hz tone attenuated?",
     "RC LPF {r1}R {c}uF: fc? dB at {f}Hz?"),
    ("Choose a series resistor for an LED with a {vf} V forward drop at {ma} mA from a {v} V supply, and its power "
     "rating.",
     "LED, Vf = {vf} V, want {ma} mA, supply {v} V. Which resistor and what wattage?",
     "LED resistor: {v}V supply, Vf {vf}, {ma}mA?"),
    ("A {r1} ohm resistor carries {ma} mA continuously. How much power does it dissipate and is a 1/4 W part enough?",
     "Is a quarter-watt resistor OK at {r1} ohm with {ma} mA through it? Work out the dissipation.",
     "{r1}R @ {ma}mA, 0.25W ok?"),
    ("An inductor of {l} mH in series with {r1} ohm is switched onto {v} V. Find the time constant and the current "
     "after {ms} ms.",
     "RL step: L = {l} mH, R = {r1} ohm, V = {v} V. Time constant, and the current at t = {ms} ms?",
     "RL {l}mH {r1}R {v}V, i({ms}ms)?"),
    ("A sine wave of {v} V peak drives {r1} ohm. What is the RMS voltage, the average power and the peak current?",
     "{v} V peak sinusoid across a {r1} ohm load: RMS value, mean power, peak current?",
     "{v}Vpk sine into {r1}R: Vrms, P, Ipk?"),
)
CIRCUIT_SLOTS = {"v": (3.3, 5, 9, 12, 15, 24, 48), "r1": (100, 220, 330, 470, 1000, 2200, 4700, 10000),
                 "r2": (150, 330, 680, 1000, 3300, 6800, 22000), "vo": (1.8, 2.5, 3.3, 5), "rl": (1, 4.7, 10, 47),
                 "c": (0.1, 1, 10, 47, 100, 470), "p": (50, 63, 90, 95, 99), "vi": (0.1, 0.25, 0.5, 1.2),
                 "f": (50, 200, 1000, 5000, 20000), "vf": (1.8, 2.0, 2.9, 3.2), "ma": (2, 5, 10, 20, 30),
                 "l": (1, 10, 47, 100, 220), "ms": (0.1, 1, 5, 20)}

# ---- financial accounting ----
LEDGER = (
    ("Record the journal entries for buying equipment for {amt} on {days}-day credit and paying {pct}% of it a week "
     "later.",
     "What are the journal entries when a firm buys {amt} of equipment on credit ({days} days) and settles {pct}% "
     "after a week?",
     "JE: equipment {amt} on {days}d credit, pay {pct}% next week?"),
    ("A machine costs {amt} with a residual value of {res} and a life of {yrs} years. Compare straight-line and "
     "double-declining depreciation for the first two years.",
     "Cost {amt}, salvage {res}, useful life {yrs} years: depreciation in years 1 and 2 under straight-line vs "
     "double-declining balance?",
     "depr {amt}, resid {res}, {yrs}y: SL vs DDB yr1-2?"),
    ("Opening stock is {q} units at {u} each; purchases are {q2} units at {u2}; {s} units are sold. Find cost of "
     "goods sold under FIFO and weighted average.",
     "Inventory: {q} units @ {u}, then {q2} @ {u2}, sales of {s} units. COGS and closing stock, FIFO vs weighted "
     "average?",
     "FIFO vs AVCO: {q}@{u}, {q2}@{u2}, sold {s}?"),
    ("Current assets are {amt}, of which inventory is {res}; current liabilities are {cl}. Compute the current and "
     "quick ratios and say what they suggest.",
     "With current assets {amt} (inventory {res}) and current liabilities {cl}, what are the current ratio and acid "
     "test, and how do you read them?",
     "CA {amt}, inv {res}, CL {cl}: current & quick ratio?"),
    ("The bank statement shows {amt}; the cash book shows {cb}. There are unpresented cheques of {res} and a bank "
     "charge of {fee}. Prepare the bank reconciliation.",
     "Reconcile: bank {amt}, cash book {cb}, outstanding cheques {res}, bank fee {fee} not yet recorded.",
     "bank rec: stmt {amt}, book {cb}, o/s chq {res}, fee {fee}?"),
    ("Rent of {amt} a year is paid in advance on {mon} 1. What are the prepaid and expense amounts at a December 31 "
     "year end?",
     "We pay annual rent of {amt} upfront on 1 {mon}. How much is prepaid and how much is expense at 31 December?",
     "prepaid rent {amt} paid 1 {mon}, YE 31 Dec split?"),
    ("Sales of {amt} net of VAT at {pct}% and purchases of {cb} net: how much VAT is payable for the quarter, with "
     "the entries?",
     "Quarter's net sales {amt}, net purchases {cb}, VAT at {pct}%. What goes to the tax office and how is it "
     "booked?",
     "VAT {pct}%: sales {amt}, purchases {cb}, payable?"),
    ("Fixed costs are {amt} a month, the price is {u2} and the variable cost is {u}. Find the break-even volume and "
     "the margin of safety at {q2} units.",
     "Price {u2}, variable cost {u} a unit, fixed {amt} monthly: break-even units, and margin of safety if we sell "
     "{q2}?",
     "BEP: FC {amt}, P {u2}, VC {u}; MoS at {q2}?"),
    ("An employee earns {cb} gross a month; employee tax is {pct}% and the employer adds {fee} in contributions. "
     "Record the payroll entries.",
     "Payroll: gross {cb}, {pct}% withheld, employer on-cost {fee}. What are the journal entries?",
     "payroll JE gross {cb}, tax {pct}%, er cost {fee}?"),
    ("Write a spreadsheet formula that sums column {col} where column B is '{cat}' and the date in A falls in "
     "{mon}, and explain it.",
     "Which Excel/Sheets formula totals column {col} for rows with category '{cat}' in B and a {mon} date in A?",
     "sumifs col {col}, B='{cat}', A in {mon}?"),
)
LEDGER_SLOTS = {"amt": (4800, 12000, 25000, 60000, 150000, 420000), "days": (30, 45, 60, 90), "pct": (10, 20, 25,
                40, 50), "res": (500, 1500, 3000, 8000, 20000), "yrs": (3, 4, 5, 8, 10), "q": (100, 250, 400, 1200),
                "u": (4, 7.5, 12, 30), "q2": (300, 600, 900, 2000), "u2": (9, 15, 22, 48), "s": (350, 500, 800, 1500),
                "cl": (9000, 30000, 75000, 200000), "cb": (3800, 9200, 21000, 52000), "fee": (15, 40, 120, 600),
                "mon": ("March", "April", "July", "October"), "col": ("D", "E", "F", "H"),
                "cat": ("Travel", "Software", "Fuel", "Catering")}
CAPS = ("circuit", "ledger")
_BANK = {"circuit": (CIRCUIT, CIRCUIT_SLOTS), "ledger": (LEDGER, LEDGER_SLOTS)}


Bank = dict[str, tuple[tuple[tuple[str, ...], ...], dict[str, tuple]]]  # capability -> (templates, slot values)


def seed(rng: random.Random, cap: str, template: int | None = None, bank: Bank = _BANK) -> tuple[str, int, dict]:
    """An item: capability, template and a value for every slot (`bank`: a later variant's templates)."""
    templates, slots = bank[cap]
    t = template if template is not None else rng.randrange(len(templates))
    return cap, t, {k: rng.choice(v) for k, v in slots.items()}


def text(s: tuple[str, int, dict[str, Any]], phrasing: int = 0, bank: Bank = _BANK) -> str:
    cap, t, slots = s
    return bank[cap][0][t][phrasing % 3].format(**slots)


def perturb(rng: random.Random, s: tuple[str, int, dict[str, Any]], bank: Bank = _BANK) -> tuple[str, int, dict]:
    """The same item with one of the numbers it uses replaced (a minimal pair)."""
    cap, t, slots = s
    templates, choices = bank[cap]
    used = [k for k in choices if "{" + k + "}" in templates[t][0] and len(choices[k]) > 1]
    k = rng.choice(used)
    return cap, t, {**slots, k: rng.choice([c for c in choices[k] if c != slots[k]])}


def item(rng: random.Random, cap: str | None = None, bank: Bank = _BANK) -> tuple[str, str]:
    cap = cap or rng.choice(tuple(bank))
    return text(seed(rng, cap, bank=bank), rng.randrange(3), bank), cap


# ---- asks that want the working without naming it, and the disguise ----
IMPLICIT_ASKS = ("How would a careful engineer get there?", "Lay it out so my study group can follow it.",
                 "I need to defend this number in a meeting.", "What would an examiner expect to see written down?",
                 "Make sure I can redo it with other numbers.", "Say what you assume at each point.",
                 "Explain it like you're marking my work.", "How do I convince myself it's right?")
_LEADS = ("Homework from this week:", "My supervisor left this on my desk:", "From the practice paper:", "Quick "
          "one from the workshop:", "This is holding up a purchase order:", "Found this in last year's notes:",
          "Our lab sheet asks:", "Client question, need it today:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- records and conversations ----
emit = partial(X.emit, answer_fn=answer)  # corpus_v14.emit with the v17 response texts


# The language- and capability-bound pieces of a conversation; a later variant passes its own (corpus_v18.KIT) to
# talk, everyday_talk and sitting, which are otherwise shared.
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)


def reply_gap(rng: random.Random, out_tokens: int, next_chars: int, v: dict[str, Any] | None) -> float:
    """Seconds between two turns of a conversation: generating the reply, reading it, typing the next message."""
    read, typing = (v["read_cps"], v["type_cps"]) if v else (30.0, 5.0)
    return out_tokens / rng.uniform(50, 110) + out_tokens * 4 / read * rng.uniform(0.3, 1.0) + \
        next_chars / typing * rng.uniform(0.6, 1.4) + rng.uniform(3, 40)


def talk(ctx: Ctx, acct: dict, t: float, turns: int, api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], temperature: float | None = None, user: str | None = None,
         system: str | None = None, out_range: tuple[int, int] = (200, 1000), *, v: dict[str, Any] | None = None,
         prefill: str | None = None, kit: SimpleNamespace = KIT, **extra: Any) -> float:
    """One conversation of `turns` turns from time t: the opener, then follow() (or, with the voice's probability,
    a turn quoting a sentence of the reply before it); the history is resent each turn and each next turn waits for
    reply_gap. `prefill` (Anthropic only) ends the messages with a partial assistant turn; `kit` gives the texts (a
    later variant's). Returns the end time."""
    rng = ctx.rng
    if "max_tokens" not in acct:  # the client's setting, one per account (None: the API's default)
        acct["max_tokens"] = rng.choice((None, None, 1024, 2048, 4096))
    msgs: list[dict] = []
    nxt = opener
    for j in range(turns):
        msgs = msgs + [{"role": "user", "content": nxt}]
        out = rng.randint(*out_range) if style != "everyday" else rng.randint(60, 400)
        reply = kit.answer(rng, style, out, model)
        params = dict(extra) if api == CHAT else {}
        if temperature is not None and api != RESP:
            params["temperature"] = temperature
        sent = msgs + ([{"role": "assistant", "content": prefill}] if prefill and api == ANTH else [])
        body = build(api, model, system, sent, acct["max_tokens"] or 1024, **params)
        if acct["max_tokens"] is None and api != ANTH:
            body.pop("max_output_tokens" if api == RESP else "max_tokens")
        kit.emit(ctx, t, acct, api, body, out, text=(prefill + reply) if prefill and api == ANTH else reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        if j == turns - 1:
            break
        quoting = v is not None and rng.random() < v["quotes"]
        nxt = kit.quote_follow(rng, v, reply) if quoting else follow()
        t += reply_gap(rng, out, len(nxt), v)
        style = style if style == "everyday" or rng.random() < 0.75 else "prose"
    return t


def everyday_talk(ctx: Ctx, acct: dict, t: float, turns: int, v: dict, api: str, model: str,
                  temperature: float | None = None, user: str | None = None, kit: SimpleNamespace = KIT) -> float:
    rng = ctx.rng
    return talk(ctx, acct, t, turns, api, model, kit.cover(rng, v), "everyday",
                lambda: rng.choice(M15.EVERYDAY_FOLLOW), temperature, user, v=v if rng.random() < 0.3 else None,
                kit=kit)


def sitting(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, temp: float | None,
            items: Callable[[], tuple[str, str]], follow_p: float = 0.4, cover_p: float = 0.0,
            ask: Callable[[], str] | None = None, user: str | None = None, system: str | None = None,
            prefill: str | None = None, out_range: tuple[int, int] = (300, 1400), kit: SimpleNamespace = KIT) -> None:
    """One sitting (shared by attacks and benign personas): the session's times split into conversations (a later
    time continues the current one with probability follow_p); each starts at its first time and is everyday talk
    (cover_p) or an item from items(), disguised and written in voice v, with ask() under it when given; later
    turns are timed by reply_gap."""
    rng = ctx.rng
    for times in conversations(rng, session, follow_p):
        if rng.random() < cover_p:
            everyday_talk(ctx, acct, times[0], len(times), v, api, model, temp, user, kit=kit)
            continue
        core, style = items()
        core = kit.disguise(rng, core) + ("\n\n" + ask() if ask else "")
        talk(ctx, acct, times[0], len(times), api, model, kit.say(rng, v, core, ask=ask is None), style,
             partial(kit.follow_up, rng, v), temp, user, system, out_range, v=v, prefill=prefill, kit=kit)


def study_users(rng: random.Random, n: int, pattern: str | None = None) -> tuple[list[tuple[str, dict]], list[float]]:
    """n end users of a study app (ids in one of the usual `user` shapes, a voice each) and their activity weights
    (a few heavy users and a long tail)."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    users = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, 0.1))) for _ in range(n)]
    return users, [rng.paretovariate(1.1) for _ in users]
