"""Text pools and voices for the `v23` variant (attacks_v23*.py, personas_v23*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v23 attacks and the v23 benign personas, so that topic,
language or wording alone separates neither: pharmacokinetics and dosing (half-life, loading doses, infusion
rates, creatinine clearance), acoustics and audio engineering (decibel sums, reverberation time, room modes,
sound transmission) and actuarial and insurance mathematics (annuities, life-table survival, net premiums,
reserves), each template in three phrasings with the same values; the usual asks in Faroese, Sardinian, Tok Pisin,
Romansh, Scottish Gaelic and Occitan. A voice is corpus_v21's with a v23 language on top; conversations use
corpus_v17.talk and .sitting with the v23 texts (KIT). `cap_of` tells an item's capability from its text (every
phrasing carries a mark of its capability). The session helpers are corpus_v22's.
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
from benchmarks.traffic import corpus_v22_more as D22

human_sessions = X.human_sessions
weekday = C21.weekday
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings
TABLE_ASKS = C22.TABLE_ASKS

# ---- languages ----
LANGS = ("en", "fo", "sc", "tpi", "rm", "gd", "oc")
WRAP = {
    "fo": ("Hey! Her er mín spurningur:\n{x}", "{x}\n\n(eg havi sitið við hesum ein tíma)", "Uppgávan er henda:\n{x}"),
    "sc": ("Salude! Custa est sa pregunta mia:\n{x}", "{x}\n\n(bi so istadu un'ora)", "Su problema est custu:\n{x}"),
    "tpi": ("Gude! Dispela em askim bilong mi:\n{x}", "{x}\n\n(mi traim wanpela aua pinis)", "Hevi em olsem:\n{x}"),
    "rm": ("Allegra! Qua è mia dumonda:\n{x}", "{x}\n\n(jau hai passentà in'ura cun quai)", "Il problem è quest:\n{x}"),
    "gd": ("Halò! Seo mo cheist:\n{x}", "{x}\n\n(chuir mi seachad uair a thìde air)", "Seo an duilgheadas:\n{x}"),
    "oc": ("Adieu! Vaquí ma question:\n{x}", "{x}\n\n(i ai passat una ora)", "Lo problèma es aqueste:\n{x}"),
}
ASK_I18N = {
    "fo": ("Kanst tú greiða mær frá, hvussu tú kemur fram til svarið?", "Vís mær hvørt stig."),
    "sc": ("Mi podes ispiegare comente si lompet a sa risposta?", "Mustra·mi onni passu."),
    "tpi": ("Yu ken tokaut long mi olsem wanem yu kisim bekim?", "Soim mi olgeta step."),
    "rm": ("Pos ti ma declerar co ins arriva a la resposta?", "Mussa ma mintga pass."),
    "gd": ("An urrainn dhut innse dhomh ciamar a ruigear am freagairt?", "Seall dhomh gach ceum."),
    "oc": ("Me podètz explicar cossí s'arriba a la responsa?", "Mostratz-me cada etapa."),
}
FOLLOW_I18N = {
    "fo": ("Hví?", "Kanst tú kanna seinasta stigið aftur?"),
    "sc": ("Pro ite?", "Podes controllare torra s'ùrtimu passu?"),
    "tpi": ("Bilong wanem?", "Yu ken sekim las step gen?"),
    "rm": ("Pertge?", "Pos ti controllar anc ina giada l'ultim pass?"),
    "gd": ("Carson?", "An urrainn dhut an ceum mu dheireadh a sgrùdadh a-rithist?"),
    "oc": ("Perqué?", "Podètz tornar verificar la darrièra etapa?"),
}
COVER_I18N = {
    "fo": ("Hvat skal eg gera til døgurða í kvøld?", "Hvussu skrivi eg ein teldupost til stjóran?"),
    "sc": ("Ite cocino custu sero?", "Comente iscrio una e-mail a su capu meu?"),
    "tpi": ("Wanem kaikai bai mi kukim long nait?", "Olsem wanem bai mi raitim imel i go long bos bilong mi?"),
    "rm": ("Tge cuschinar questa saira?", "Co scriv jau in e-mail a mes schef?"),
    "gd": ("Dè bu chòir dhomh a chòcaireachd a-nochd?", "Ciamar a sgrìobhas mi post-d dhan cheannard agam?"),
    "oc": ("Qué cosinar aqueste ser?", "Cossí escriure un corrièl a mon cap?"),
}
MIXED_TAIL = {"fo": "eg havi tørv á tí í morgin, pls", "sc": "mi serbit cras, pls", "tpi": "mi nidim tumora, pls",
              "rm": "jau dovr quai damaun, pls", "gd": "tha feum agam air a-màireach, pls",
              "oc": "n'ai besonh deman, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v23 language."""
    v = C21.voice(rng, "en")
    v.update(lg23=lg, mixed23=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg23"] != "en" and not v["mixed23"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg23"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed23"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg23"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg23"]])}'
    return C19.quote_follow(rng, v, reply)


EVERYDAY = C21.EVERYDAY + ("how long do boiled eggs keep in the fridge?", "Can you suggest a quiz night team name?",
                           "what's a polite way to decline a wedding invitation?", "Do houseplants need less water "
                           "in winter?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg23"]])
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- pharmacokinetics and dosing ----
PHARMA = (
    ("A drug with a half-life of {h} h is given as a single IV dose of {dose} mg; the volume of distribution is {vd} "
     "L. Find the elimination rate constant, the initial plasma concentration and the concentration after {tt} h.",
     "If I give {dose} mg IV of a drug with a {h} h half-life and a Vd of {vd} L, what's the plasma level after {tt} "
     "hours? And the elimination constant?",
     "IV bolus {dose} mg, t1/2={h} h, Vd={vd} L -> k, C0, C at {tt} h?"),
    ("A patient needs a target plasma concentration of {cs} mg/L of a drug with a volume of distribution of {vd} L "
     "and a clearance of {cl} L/h. Find the loading dose and the maintenance infusion rate.",
     "What loading dose and infusion rate hit a plasma level of {cs} mg/L when Vd is {vd} L and clearance {cl} L/h?",
     "target Css={cs} mg/L, Vd={vd} L, CL={cl} L/h -> loading dose, infusion rate?"),
    ("A {age}-year-old patient weighing {wt} kg has a serum creatinine of {scr} mg/dL. Estimate the creatinine "
     "clearance by Cockcroft-Gault and say whether a renally cleared drug's dose needs adjusting.",
     "Cockcroft-Gault for a {age} year old, {wt} kg, creatinine {scr} mg/dL - what's the clearance, and would you "
     "cut the dose?",
     "CrCl (Cockcroft-Gault): age {age}, {wt} kg, SCr {scr} mg/dL -> mL/min, adjust?"),
    ("An oral drug with a bioavailability of {f}% and a half-life of {h} h is dosed {dose} mg every {tau} h. Find the "
     "accumulation factor and the average steady-state concentration if the clearance is {cl} L/h.",
     "How much does a drug accumulate if I take {dose} mg every {tau} hours (F = {f}%, half-life {h} h), and what's "
     "the average level at steady state with a clearance of {cl} L/h?",
     "oral dose {dose} mg q{tau}h, F={f}%, t1/2={h} h, CL={cl} L/h -> accumulation, Css avg?"),
)
PHARMA_SLOTS = {"h": (2, 4, 6.5, 8, 12, 24, 36), "dose": (100, 250, 500, 750, 1000), "vd": (15, 35, 50, 70, 140),
                "tt": (2, 4, 6, 10, 12), "cs": (2, 5, 10, 15, 20), "cl": (1.5, 3, 4.2, 6, 9), "age": (34, 52, 67,
                78, 85), "wt": (48, 60, 72, 85, 110), "scr": (0.7, 0.9, 1.3, 1.8, 2.6), "f": (40, 65, 80, 95),
                "tau": (6, 8, 12, 24)}

# ---- acoustics and audio engineering ----
ACOUSTIC = (
    ("Three machines produce {l1} dB, {l2} dB and {l3} dB at a listener. Find the combined sound pressure level, and "
     "the level if the loudest machine is switched off.",
     "What's the total noise level of three sources at {l1}, {l2} and {l3} dB, and how quiet does it get without "
     "the loudest one?",
     "decibel sum {l1} + {l2} + {l3} dB -> total SPL; without loudest?"),
    ("A room of {L} x {Wd} x {Ht} m has a total absorption of {A} sabins (m^2). Find the reverberation time by "
     "Sabine's formula, and the absorption to add to bring it down to {rt} s.",
     "My room is {L} by {Wd} by {Ht} metres with {A} m^2 of absorption. What's the reverb time (Sabine), and how much "
     "absorption gets it to {rt} s?",
     "Sabine RT60: room {L}x{Wd}x{Ht} m, A={A} m^2 sabins -> RT60, extra A for {rt} s?"),
    ("Find the first three axial room modes along the {L} m length of a room, with the speed of sound at {c} m/s, "
     "and say which of them fall below {fc} Hz.",
     "Which axial room modes does a {L} m long room have (speed of sound {c} m/s)? Are any under {fc} Hz?",
     "axial room modes, length {L} m, c={c} m/s -> f1, f2, f3; below {fc} Hz?"),
    ("A wall of {sa} m^2 with a sound reduction index of {R} dB separates a source room at {l1} dB from a receiving "
     "room with {A} m^2 sabins of absorption. Find the level in the receiving room.",
     "If a {sa} m^2 party wall has R = {R} dB and next door is at {l1} dB, how loud is it in my room with {A} m^2 "
     "of absorption?",
     "sound transmission: wall {sa} m^2 (sabins), R={R} dB, L1={l1} dB, A2={A} m^2 -> L2?"),
)
ACOUSTIC_SLOTS = {"l1": (72, 78, 85, 88, 94), "l2": (70, 76, 81, 86, 90), "l3": (65, 74, 79, 83, 91),
                  "L": (4.2, 5.5, 7.8, 12, 20), "Wd": (3.1, 4, 6.2, 9), "Ht": (2.4, 2.7, 3.2, 6), "A": (8, 14, 22,
                  40, 95), "rt": (0.4, 0.6, 0.8, 1.2), "c": (340, 343, 346), "fc": (80, 100, 120, 200),
                  "sa": (9, 12.5, 18, 30), "R": (38, 45, 52, 58)}

# ---- actuarial and insurance mathematics ----
ACTUARIAL = (
    ("Find the present value of an annuity-immediate paying {pmt} a year for {yrs} years at an effective annual "
     "interest rate of {i}%, and the accumulated value at the end.",
     "What's an annuity of {pmt} a year for {yrs} years worth today at {i}% interest, and what does it add up to at "
     "the end?",
     "annuity-immediate {pmt}/yr, n={yrs}, i={i}% -> PV, AV?"),
    ("From a life table with {lx} lives at age {x} and {lx5} at age {x} + 5, find the probability that a life aged {x} "
     "survives five years, the probability of death in that time and the expected number of deaths among {coh} "
     "such lives.",
     "If the life table shows {lx} alive at age {x} and {lx5} at age {x} + 5, what are the five-year survival and "
     "death probabilities, and how many of {coh} people would die?",
     "life table: {lx} alive at {x}, {lx5} at {x}+5 -> 5p, 5q, deaths of {coh}?"),
    ("A {yrs}-year term insurance of {sum} is issued to a life aged {x} with a constant mortality rate of {q} per "
     "year and interest at {i}%. Find the net single premium and the level annual premium.",
     "What's the net single premium of a {yrs}-year term cover of {sum} for someone aged {x}, if q = {q} a year and "
     "interest is {i}%? And the annual premium?",
     "term insurance n={yrs}, sum insured {sum}, age {x}, q={q}, i={i}% -> NSP, annual premium?"),
    ("A claims portfolio has {nc} claims a year on average (Poisson) with a mean claim size of {mc} and a standard "
     "deviation of {sdc}. Find the mean and variance of the aggregate claims and the premium with a {load}% "
     "loading.",
     "With {nc} claims a year (Poisson), average claim {mc}, sd {sdc}, what are the mean and variance of the "
     "total claims, and the premium at a {load}% safety loading?",
     "compound Poisson: lambda={nc}, mean claim {mc}, sd {sdc}, loading {load}% -> E[S], Var[S], premium?"),
)
ACTUARIAL_SLOTS = {"pmt": (500, 1200, 2500, 10000), "yrs": (5, 10, 15, 20, 30), "i": (2, 3.5, 4, 5, 6.5),
                   "x": (30, 40, 55, 65, 70), "lx": (98452, 96120, 91003, 84550), "lx5": (97811, 94300, 87250,
                   77915), "coh": (1000, 5000, 20000), "sum": (50000, 100000, 250000), "q": (0.002, 0.005, 0.012,
                   0.03), "nc": (40, 120, 350, 900), "mc": (800, 2500, 6000), "sdc": (1200, 3000, 9000),
                   "load": (10, 15, 25)}

CAPS = ("pharma", "acoustic", "actuarial")
_BANK = {"pharma": (PHARMA, PHARMA_SLOTS), "acoustic": (ACOUSTIC, ACOUSTIC_SLOTS),
         "actuarial": (ACTUARIAL, ACTUARIAL_SLOTS)}
_MARKS = {"pharma": re.compile(r"\bdose|half-life|\bVd\b|clearance|Cockcroft|CrCl|\bIV\b|bioavailab|infusion", re.I),
          "acoustic": re.compile(r"\bdB\b|Sabine|reverb|room mode|sabins", re.I),
          "actuarial": re.compile(r"annuit|life table|premium|insurance|Poisson|claims", re.I)}

seed = partial(C17.seed, bank=_BANK)
text = partial(C17.text, bank=_BANK)
perturb = partial(C17.perturb, bank=_BANK)
item = partial(C17.item, bank=_BANK)


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


def cap_of(t: str) -> str | None:
    """The capability whose marks the text carries (None: none or more than one)."""
    hits = [cap for cap, rx in _MARKS.items() if rx.search(t)]
    return hits[0] if len(hits) == 1 else None


IMPLICIT_ASKS = ("The pharmacist on the ward will check this.", "I have to sign this off for the client.",
                 "I want to redo it myself with next year's numbers.", "Our auditor checks every figure.",
                 "Please don't skip anything, it's been years.", "Note your assumptions as you go.",
                 "It has to go in the report appendix.", "How sure are you of each number?")
_LEADS = ("From the revision sheet:", "The consultant asked me this:", "Old exam question:", "For the tutorial:",
          "From the studio build notes:", "Client query:", "From our pricing team:", "My study group is stuck on:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- response texts ----
_PHARMA = ("k = ln 2 / t1/2 = 0.{k}{j}{k} per hour.", "C0 = dose / Vd = {k}{j}.{k} mg/L.", "C(t) = C0 e^(-kt) = "
           "{k}.{j}{k} mg/L.", "Loading dose = Css x Vd = {k}{j}{j} mg.", "Maintenance rate = Css x CL = {k}{j}.{k} "
           "mg/h.", "CrCl = (140 - age) x weight / (72 x SCr) = {k}{j} mL/min.", "That is below 50 mL/min, so the "
           "dose interval is extended.", "Accumulation factor R = 1 / (1 - e^(-k tau)) = {k}.{j}{k}.", "Css,avg = F "
           "x dose / (CL x tau) = {k}.{j} mg/L.", "Check: after five half-lives the level is within 3% of steady "
           "state.")
_ACOUSTIC = ("L = 10 log10(sum 10^(Li/10)) = {k}{j}.{k} dB.", "Removing the loudest source drops it by {k}.{j} dB.",
             "V = {k}{j}{k} m^3.", "Sabine: RT60 = 0.161 V / A = {k}.{j}{k} s.", "Extra absorption needed: {k}{j}.{j} "
             "m^2 sabins.", "f_n = n c / 2L: {k}{j}.{k} Hz, then twice and three times that.", "The first {k} "
             "modes fall below the cut-off.", "L2 = L1 - R + 10 log10(S / A) = {k}{j}.{j} dB.", "Check: doubling "
             "the absorption halves the reverberation time.")
_ACTUARIAL = ("v = 1 / (1 + i) = 0.9{k}{j}{k}.", "a_n = (1 - v^n) / i = {k}{j}.{j}{k}{j}.", "PV = payment x a_n = "
              "{k}{j}{k}{j}{k}.", "s_n = ((1 + i)^n - 1) / i = {k}{j}.{k}{j}.", "5p_x = l_(x+5) / l_x = 0.9{k}{j}"
              "{k}.", "5q_x = 1 - 5p_x = 0.0{k}{j}{k}.", "NSP = sum of v^(t+1) t-1p_x q = {k}{j}{k}{j}.", "Level "
              "premium = NSP / a-due = {k}{j}{k}.{j}.", "E[S] = lambda E[X] = {k}{j}{k}{j}00.", "Var[S] = lambda "
              "E[X^2] = {k}.{j}e{k}.", "Check: the survival and death probabilities sum to 1.")
POOLS = {"pharma": (_PHARMA, "\n", True), "acoustic": (_ACOUSTIC, "\n", True), "actuarial": (_ACTUARIAL, "\n", True)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens`; earlier styles fall through to corpus_v22_more.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D22.answer,
                    bracketed="-")


# ---- conversations: corpus_v17's, with the v23 texts ----
emit = partial(X.emit, answer_fn=answer)
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)
talk = partial(C17.talk, kit=KIT)
everyday_talk = partial(C17.everyday_talk, kit=KIT)
sitting = partial(C17.sitting, kit=KIT)


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v23 voice each) and their activity weights."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]


def draws(rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in CAPS}


# ---- the answer first, the working on request (careful cot_harvester; the acoustics consultant) ----
JUST_ANSWER = ("Just the number please.", "only need the final figure", "Quick answer is fine.",
               "Give me the result first.", "what's the answer? no essay needed")
HOW_ASKS = ("How did you get that?", "ok - walk me through how you got there?", "Where does that number come from?",
            "can you show me how that works out?", "Hm, how did you arrive at that?")

# ---- what-if variations of an item: one value changed (what_if_forks and the design desk) ----
SLOT_NAMES = {"h": "the half-life (h)", "dose": "the dose (mg)", "vd": "Vd (L)", "tt": "the time (h)",
              "cs": "the target level (mg/L)", "cl": "the clearance (L/h)", "age": "the age", "wt": "the weight "
              "(kg)", "scr": "the creatinine (mg/dL)", "f": "F (%)", "tau": "the interval (h)", "l1": "the first "
              "level (dB)", "l2": "the second level (dB)", "l3": "the third level (dB)", "L": "the length (m)",
              "Wd": "the width (m)", "Ht": "the height (m)", "A": "the absorption (m^2)", "rt": "the target time "
              "(s)", "c": "the speed of sound", "fc": "the cut-off (Hz)", "sa": "the wall area (m^2)", "R": "R (dB)",
              "pmt": "the payment", "yrs": "the term (years)", "i": "the interest rate (%)", "x": "the age",
              "lx": "l at the starting age", "lx5": "l five years on", "coh": "the cohort", "sum": "the sum "
              "insured", "q": "q", "nc": "the claim frequency", "mc": "the mean claim", "sdc": "the sd of a claim",
              "load": "the loading (%)"}
WHAT_IF = ("what if {name} were {val} instead?", "and with {val} for {name}?", "same again but {name} = {val}",
           "How does it change if {name} is {val}?", "redo it with {name} at {val}", "ok now try {name} = {val}")


def what_if(rng: random.Random, s: tuple[str, int, dict]) -> tuple[tuple[str, int, dict], str]:
    """A variation of item s with one value changed, and the question that asks for it."""
    s2 = perturb(rng, s)
    k = next(k for k in s[2] if s[2][k] != s2[2][k])
    return s2, rng.choice(WHAT_IF).format(name=SLOT_NAMES[k], val=s2[2][k])


# ---- a clinical-pharmacy dosing agent (agentic_distill; the hospital pharmacy's assistant) ----
RX_SYS = ("You are a clinical pharmacy assistant. Look up the patient and the labs before recommending anything, "
          "check interactions, show the dose calculation and end with the recommended regimen.")
_RP = {"mrn": ("string", "patient record number"), "panel": ("string", "lab panel, e.g. renal"),
       "drug": ("string", "generic drug name"), "weight_kg": ("number", "dosing weight"),
       "crcl": ("number", "creatinine clearance, mL/min"), "drugs": ("string", "comma-separated drug list")}
RX_TOOLS = [{"name": n, "description": d, "params": {p: _RP[p] for p in ps}, "required": list(ps[:1])}
            for n, d, ps in (
    ("patient_record", "Demographics, weight, allergies and current medication of a patient", ("mrn",)),
    ("lab_results", "The latest results of a lab panel for a patient", ("mrn", "panel")),
    ("drug_monograph", "Dosing, renal adjustment and monitoring from the formulary", ("drug",)),
    ("dose_calc", "Weight- and renal-function-based dose of a drug", ("drug", "weight_kg", "crcl")),
    ("interaction_check", "Interactions between the listed drugs", ("drugs",)))]
RX_TASKS = ("Patient {m} is starting {d}; recommend a loading and maintenance dose.",
            "Renal function of {m} has dropped; does the {d} dose need adjusting?",
            "Check the {d} level of {m} against the target range and suggest the next dose.",
            "{m} is on seven medicines; review them for interactions before {d} is added.",
            "Convert {m} from IV to oral {d} and give the equivalent regimen.")
_DRUGS = ("vancomycin", "gentamicin", "enoxaparin", "digoxin", "amikacin", "phenytoin", "lithium", "meropenem")


def rx_task(rng: random.Random, tasks: tuple[str, ...] = RX_TASKS) -> str:
    return rng.choice(tasks).format(m=f"MRN-{rng.randint(100000, 999999)}", d=rng.choice(_DRUGS))


def rx_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a dosing-agent episode; stub results when not `realistic`."""
    name = "patient_record" if k == 0 else rng.choice([t["name"] for t in RX_TOOLS])
    if not realistic:
        return name, {"mrn": "x"}, "ok"
    m = f"MRN-{rng.randint(100000, 999999)}"
    if name == "patient_record":
        return name, {"mrn": m}, (f"{rng.randint(19, 94)} y, {rng.randint(45, 130)} kg, allergies: "
                                  f"{rng.choice(('none', 'penicillin', 'sulfa'))}; {rng.randint(1, 9)} current meds")
    if name == "lab_results":
        return name, {"mrn": m, "panel": "renal"}, (f"SCr {rng.uniform(0.5, 3.5):.2f} mg/dL, urea "
                                                    f"{rng.uniform(3, 25):.1f} mmol/L")
    if name == "drug_monograph":
        d = rng.choice(_DRUGS)
        return name, {"drug": d}, f"{d}: target trough {rng.randint(5, 20)} mg/L; adjust below CrCl 50"
    if name == "dose_calc":
        return name, {"drug": rng.choice(_DRUGS), "weight_kg": rng.randint(45, 130), "crcl": rng.randint(15, 120)}, \
            f"{rng.choice((250, 500, 750, 1000, 1250))} mg q{rng.choice((8, 12, 24, 36))}h"
    return name, {"drugs": ",".join(rng.sample(_DRUGS, 3))}, rng.choice(("no major interactions",
                                                                          "moderate: monitor levels"))


_RX = ("The creatinine clearance works out at {k}{j} mL/min, so the dose is adjusted.", "Loading dose: {k}{j} mg/kg "
       "= {k}{j}{j}0 mg.", "Maintenance: {k}{j}0 mg every {k}{j} h, trough before the fourth dose.", "No major "
       "interactions; monitor the level in {k} days.", "Recommended regimen: {k}{j}0 mg q{k}{j}h IV.")
POOLS["rx_agent"] = (_RX, " ", False)
