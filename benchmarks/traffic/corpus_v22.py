"""Text pools and voices for the `v22` variant (attacks_v22*.py, personas_v22*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v22 attacks and the v22 benign personas, so that topic,
language or wording alone separates neither: hydraulics and fluid mechanics (Darcy-Weisbach pipe flow, Manning
channels, pump sizing, venturi meters, water hammer, weirs), quantum computing (Hadamard and CNOT circuits, Grover
iterations, single-qubit rotations, teleportation corrections, gate-error budgets, phase estimation) and surveying
and geodesy (traverse closure, levelling, great-circle distance and bearing, area by coordinates, horizontal curves,
distance reduction to the grid), each template in three phrasings with the same values; the usual asks in Corsican,
Papiamento, Esperanto, Upper Sorbian, Friulian and Bislama. A voice is corpus_v21's (reading and typing speed,
quoting habit) with a v22 language on top; conversations use corpus_v17.talk and .sitting with the v22 texts (KIT).
`cap_of` tells an item's capability from its text (every phrasing carries a mark of its capability; the tests use
it). Worked attempts with a planted error, the water-network agent and the response texts are in corpus_v22_more.py.
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
from benchmarks.traffic import corpus_v18 as C18
from benchmarks.traffic import corpus_v19 as C19
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic.corpus_v22_more import answer

human_sessions = X.human_sessions
weekend = X.weekend
weekday = C21.weekday  # local weekday (Monday 0) of a time in a time zone
reply_gap = C17.reply_gap
distinct = C18.distinct

# ---- languages ----
LANGS = ("en", "co", "pap", "eo", "hsb", "fur", "bi")
LANG_NAMES = {"en": "English", "co": "Corsican", "pap": "Papiamento", "eo": "Esperanto", "hsb": "Upper Sorbian",
              "fur": "Friulian", "bi": "Bislama"}
WRAP = {
    "co": ("Bonghjornu! Eccu a mo dumanda:\n{x}", "{x}\n\n(ci aghju passatu un'ora)", "U prublema hè questu:\n{x}"),
    "pap": ("Bon dia! Esaki ta mi pregunta:\n{x}", "{x}\n\n(mi a pasa un ora kuné)", "E problema ta esaki:\n{x}"),
    "eo": ("Saluton! Jen mia demando:\n{x}", "{x}\n\n(mi pasigis horon pri tio)", "La problemo estas jena:\n{x}"),
    "hsb": ("Dobry dźeń! Tu je moje prašenje:\n{x}", "{x}\n\n(sym hodźinu na tym sedźał)", "Problem je tutón:\n{x}"),
    "fur": ("Mandi! Cheste e je la mê domande:\n{x}", "{x}\n\n(o ai passade une ore su chest)",
            "Il probleme al è chest:\n{x}"),
    "bi": ("Halo! Hemia kwestin blong mi:\n{x}", "{x}\n\n(mi traem wan aoa finis)", "Problem hemia:\n{x}"),
}
ASK_I18N = {
    "co": ("Mi pudete spiegà cumu si ghjunghje à a risposta?", "Mustratemi ogni passu."),
    "pap": ("Bo por splika mi kon bo ta yega na e kontesta?", "Mustra mi tur paso."),
    "eo": ("Bonvolu klarigi kiel oni atingas la respondon.", "Montru al mi ĉiun paŝon."),
    "hsb": ("Wujasńće mi prošu, kak so k wotmołwje dóńdźe.", "Pokazajće mi kóždy krok."),
    "fur": ("Mi spieghistu cemût che si rive ae rispueste?", "Mostrimi ducj i passaçs."),
    "bi": ("Yu save eksplenem long mi olsem wanem yu kasem ansa?", "Soem mi evri step."),
}
FOLLOW_I18N = {
    "co": ("Perchè?", "Pudete verificà torna l'ultimu passu?"),
    "pap": ("Pakiko?", "Bo por kontrolá e último paso atrobe?"),
    "eo": ("Kial?", "Ĉu vi povas kontroli la lastan paŝon denove?"),
    "hsb": ("Čehodla?", "Móžeće posledni krok hišće raz přepruwować?"),
    "fur": ("Parcè?", "Podaressistu controlâ di gnûf l'ultin passaç?"),
    "bi": ("From wanem?", "Yu save jekem las step bakegen?"),
}
COVER_I18N = {
    "co": ("Chì cucinà sta sera?", "Cumu scrivu un mail à u mo capu?"),
    "pap": ("Kiko mi ta kushiná awe nochi?", "Kon mi ta skirbi un email na mi hefe?"),
    "eo": ("Kion kuiri ĉi-vespere?", "Kiel mi skribu retleteron al mia estro?"),
    "hsb": ("Što dźensa wječor warić?", "Kak napisam e-mejl swojemu šefej?"),
    "fur": ("Ce cusino usgnot?", "Cemût scrivio une e-mail al gno sorestant?"),
    "bi": ("Wanem kakae mi kukum tunaet?", "Olsem wanem mi raetem imel i go long bos blong mi?"),
}
MIXED_TAIL = {"co": "mi ne serve dumane, pls", "pap": "mi mester e mañan, pls", "eo": "mi bezonas ĝin morgaŭ, pls",
              "hsb": "trjebam to jutře, pls", "fur": "mi covente doman, pls", "bi": "mi nidim tumora, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (English, with its reading and typing speed and quoting habit) in a v22 language."""
    v = C21.voice(rng, "en")
    v.update(lg22=lg, mixed22=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    """Whether the voice writes its own words in its v22 language (not English, not code-switched)."""
    return v["lg22"] != "en" and not v["mixed22"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg22"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed22"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg22"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg22"]])}'
    return C19.quote_follow(rng, v, reply)


EVERYDAY = C21.EVERYDAY + ("what should I pack for three days of hiking?", "Can you suggest a name for a bakery?",
                           "how do I stop my glasses fogging up with a mask?", "Is it OK to freeze cooked rice?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg22"]])
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- hydraulics and fluid mechanics ----
HYDRO = (
    ("Water flows at {Q} L/s through a {D} mm pipe {Lp} m long with a roughness of {eps} mm. Find the velocity, the "
     "Reynolds number, the friction factor (Swamee-Jain) and the head loss.",
     "What head do I lose pushing {Q} L/s through {Lp} m of {D} mm pipe (roughness {eps} mm)? Velocity, Reynolds "
     "number and friction factor too.",
     "Darcy-Weisbach: Q={Q} L/s, D={D} mm, L={Lp} m, ks={eps} mm -> v, Re, f, hf?"),
    ("A rectangular channel {b} m wide runs at a depth of {y} m on a slope of {S} with Manning's n = {n}. Find the "
     "discharge, the Froude number and whether the flow is sub- or supercritical.",
     "How much flow does a {b} m wide rectangular channel carry at {y} m depth (slope {S}, n = {n})? Is it sub- or "
     "supercritical?",
     "Manning, rect channel b={b} m, y={y} m, S={S}, n={n} -> Q, Fr?"),
    ("A pump lifts {Q} L/s of water by {z} m through {Lp} m of {D} mm pipe with minor-loss coefficients adding up "
     "to {K}. With a pump efficiency of {eta}%, find the required pump head and the shaft power.",
     "What pump head and power do I need to lift {Q} L/s by {z} m through {Lp} m of {D} mm pipe (minor losses K = "
     "{K}, efficiency {eta}%)?",
     "pump sizing: Q={Q} L/s, lift {z} m, L={Lp} m, D={D} mm, K={K}, eta={eta}% -> head, kW?"),
    ("A venturi meter has an inlet of {D} mm and a throat of {d} mm; the differential pressure is {dp} kPa and the "
     "discharge coefficient is {cd}. Find the flow rate in L/s.",
     "With a {D} mm to {d} mm venturi showing a {dp} kPa difference (Cd = {cd}), how much water is flowing?",
     "venturi {D}/{d} mm, dp={dp} kPa, Cd={cd} -> Q?"),
    ("A valve at the end of a {Lp} m steel pipeline carrying water at {v} m/s closes in {tc} s. With a wave speed "
     "of {a} m/s, is the closure rapid, and what is the pressure rise (Joukowsky)?",
     "How big is the surge if a valve shuts in {tc} s at the end of a {Lp} m pipe with water moving at {v} m/s "
     "(wave speed {a} m/s)?",
     "water hammer: L={Lp} m, v={v} m/s, tc={tc} s, a={a} m/s -> rapid?, dP?"),
    ("A sharp-crested rectangular weir {b} m long has a head of {H} m over the crest. With Cd = {cd}, find the "
     "discharge, and the head needed to pass {Q} L/s.",
     "What flow goes over a {b} m rectangular weir with {H} m of head (Cd {cd})? And what head passes {Q} L/s?",
     "rect weir b={b} m, H={H} m, Cd={cd} -> Q; H for {Q} L/s?"),
)
HYDRO_SLOTS = {"Q": (8, 15, 25, 40, 60, 120, 250), "D": (100, 150, 200, 250, 300, 450), "Lp": (80, 150, 420, 900,
               1500, 3200), "eps": (0.0015, 0.045, 0.15, 0.26, 1.5), "b": (0.6, 1.2, 2, 3.5, 5), "y": (0.3, 0.45,
               0.8, 1.2, 1.9), "S": (0.0005, 0.001, 0.002, 0.005, 0.01), "n": (0.011, 0.013, 0.015, 0.025, 0.035),
               "z": (6, 12, 18, 35, 60), "K": (2.5, 4, 6.8, 11), "eta": (62, 70, 75, 82), "d": (50, 75, 100, 125),
               "dp": (4.5, 12, 25, 38, 60), "cd": (0.61, 0.62, 0.95, 0.98), "v": (0.8, 1.2, 1.8, 2.5, 3.2),
               "tc": (0.5, 1, 2.5, 6, 15), "a": (900, 1100, 1250, 1400), "H": (0.08, 0.15, 0.25, 0.4, 0.6)}

# ---- quantum computing ----
QUANTUM = (
    ("Apply a Hadamard to qubit 0 of |{b2}>, then a CNOT with qubit 0 as control and qubit 1 as target. Write the "
     "final state and the probability of measuring each basis state.",
     "What state do I get if I put |{b2}> through H on the first qubit and then a CNOT controlled by it? What are the "
     "outcome probabilities?",
     "2 qubits |{b2}> -> H(q0) -> CNOT(q0,q1): final state, probs?"),
    ("Grover's search runs over N = {N} items of which {M} are marked. How many iterations maximise the success "
     "probability, and what is that probability?",
     "How many Grover iterations should I run for {M} marked entries out of {N}, and what's the chance of success "
     "then?",
     "Grover N={N}, M={M}: optimal iterations, P(success)?"),
    ("A qubit starts in |0> and goes through Ry({th}) and then Rz({ph}). Find the state, its Bloch-sphere angles and "
     "the probability of measuring 1.",
     "If I rotate a qubit from |0> by Ry({th}) and then Rz({ph}), where does it sit on the Bloch sphere and how "
     "likely is outcome 1?",
     "qubit |0> -> Ry({th}) -> Rz({ph}): state, Bloch angles, P(1)?"),
    ("Alice and Bob share the Bell state |Phi+>. Alice teleports the qubit {a0}|0> + {a1}|1> and her measurement "
     "gives {m}. Which correction does Bob apply, and what state does he end up with?",
     "In teleportation over a shared Bell pair |Phi+>, Alice measures {m} when sending {a0}|0> + {a1}|1>. What does "
     "Bob have to do?",
     "teleport {a0}|0>+{a1}|1> via Bell pair, Alice gets {m}: Bob's correction, final state?"),
    ("A circuit on {nq} qubits has {ng} two-qubit gates with an error rate of {e2}% each and {n1} single-qubit "
     "gates at {e1}%. Estimate the circuit fidelity, and how many more two-qubit gates fit before it drops below "
     "{fmin}.",
     "Roughly what fidelity does a {nq}-qubit circuit with {ng} CNOTs at {e2}% error and {n1} single-qubit gates at "
     "{e1}% reach? How many more CNOTs before it falls under {fmin}?",
     "fidelity, {nq} qubits: {ng} 2-qubit gates @{e2}%, {n1} 1-qubit @{e1}% -> F, CNOT budget to F>{fmin}?"),
    ("Quantum phase estimation with {t} counting qubits is run on an eigenstate whose eigenphase is {phi}. What is "
     "the most likely bit string, and with what probability is it measured?",
     "If I run QPE with {t} ancilla qubits on a unitary with eigenphase {phi}, which outcome should I expect and "
     "how likely is it?",
     "QPE, t={t} qubits, phase={phi}: likely bits, probability?"),
)
QUANTUM_SLOTS = {"b2": ("00", "01", "10", "11"), "N": (16, 64, 256, 1024, 4096, 10**6), "M": (1, 2, 3, 5, 8),
                 "th": ("pi/3", "pi/4", "2pi/3", "pi/6", "0.9"), "ph": ("pi/2", "pi/4", "pi", "1.2"),
                 "a0": ("0.6", "0.8", "1/sqrt(2)", "sqrt(3)/2"), "a1": ("0.8i", "0.6", "1/sqrt(2)", "1/2"),
                 "m": ("00", "01", "10", "11"), "nq": (5, 12, 27, 53, 127), "ng": (40, 120, 300, 800),
                 "e2": (0.3, 0.5, 1, 1.5), "n1": (100, 250, 600, 1500), "e1": (0.02, 0.05, 0.1),
                 "fmin": (0.5, 0.67, 0.9), "t": (3, 4, 5, 6, 8), "phi": ("0.3125", "1/3", "0.7", "0.15625")}

# ---- surveying and geodesy ----
SURVEY = (
    ("A closed traverse of {nl} legs has a total length of {per} m; the sums of latitudes and departures are {dl} m "
     "and {dd} m. Find the linear misclosure, the precision ratio and the Bowditch correction for a leg {leg} m "
     "long.",
     "My closed traverse ({nl} legs, {per} m in all) misses by {dl} m in latitude and {dd} m in departure. What's the "
     "misclosure and precision, and how much does Bowditch move a {leg} m leg?",
     "traverse {nl} legs, {per} m, sum lat={dl}, sum dep={dd} -> misclosure, 1:x, Bowditch {leg} m?"),
    ("A levelling run starts on a benchmark of RL {rl} m; the backsight and foresight pairs are {bs1}/{fs1}, "
     "{bs2}/{fs2} and {bs3}/{fs3} m. Find the reduced levels by rise and fall and do the arithmetic check.",
     "From a benchmark at RL {rl} m I read BS {bs1}, FS {fs1}, BS {bs2}, FS {fs2}, BS {bs3}, FS {fs3} m. What are the "
     "reduced levels?",
     "levelling from benchmark RL {rl}: BS/FS {bs1}/{fs1}, {bs2}/{fs2}, {bs3}/{fs3} -> RLs?"),
    ("Find the great-circle distance and the initial bearing from ({la1}, {lo1}) to ({la2}, {lo2}) in degrees "
     "latitude and longitude, on a sphere of radius 6371 km.",
     "How far apart are ({la1}, {lo1}) and ({la2}, {lo2}) along a great circle, and what bearing do I set off on?",
     "great-circle distance + initial bearing ({la1},{lo1}) -> ({la2},{lo2})?"),
    ("A parcel has its corners at (E, N) = {pts} in metres. Find its area by the coordinate (shoelace) method and "
     "its perimeter.",
     "What's the area in hectares of the parcel whose corners are at easting/northing {pts}?",
     "parcel area by coordinates, corners {pts} (E,N m): ha, perimeter?"),
    ("A circular curve of radius {R} m joins two straights with a deflection angle of {dA} degrees; the intersection "
     "point is at chainage {ch} m. Find the tangent length, the curve length and the chainages of the tangent "
     "points.",
     "For a {R} m radius curve with a {dA} degree deflection and the IP at chainage {ch} m, where do the tangent "
     "points fall?",
     "circular curve R={R} m, deflection {dA} deg, IP chainage {ch} -> T, L, TP chainages?"),
    ("An EDM measures a slope distance of {sd} m at a vertical angle of {va} degrees, {hm} m above the ellipsoid, "
     "where the grid scale factor is {kf}. Reduce it to the horizontal, the ellipsoidal and the grid distance.",
     "How do I get from a {sd} m slope distance (vertical angle {va} degrees) to grid distance, if the line is "
     "{hm} m above the ellipsoid and the scale factor is {kf}?",
     "EDM {sd} m slope, VA {va} deg, h={hm} m above ellipsoid, k={kf} -> horiz, ellipsoidal, grid?"),
)
SURVEY_SLOTS = {"nl": (4, 5, 6, 7, 9), "per": (612.4, 1035.8, 1840.2, 2755.6), "dl": (0.112, -0.084, 0.216, -0.05),
                "dd": (-0.061, 0.093, 0.148, -0.127), "leg": (96.3, 148.7, 212.5, 305.1), "rl": (25.0, 48.615,
                100.0, 212.34), "bs1": (1.425, 2.106, 0.865), "fs1": (0.972, 1.388, 2.41), "bs2": (1.733, 0.654,
                2.218), "fs2": (1.105, 2.37, 0.489), "bs3": (2.012, 1.288, 0.743), "fs3": (0.536, 1.907, 1.63),
                "la1": (51.5, -33.9, 40.7, 35.7, 64.1), "lo1": (-0.13, 151.2, -74.0, 139.7, -21.9),
                "la2": (48.9, 1.35, -23.5, 55.8, 19.4), "lo2": (2.35, 103.8, -46.6, 37.6, -99.1),
                "pts": ("(100, 100), (260, 120), (240, 300), (90, 250)", "(0, 0), (150, 0), (180, 95), (20, 130)",
                        "(500, 200), (710, 240), (650, 420), (480, 390), (440, 300)"),
                "R": (150, 300, 450, 800, 1200), "dA": (18, 24.5, 36, 52, 75), "ch": (1250.4, 2480.0, 3315.7),
                "sd": (412.386, 1284.551, 2935.07), "va": (2.5, 4.25, 8.1, -3.4), "hm": (45, 320, 1250),
                "kf": (0.9996, 0.99982, 1.00031)}

CAPS = ("hydro", "quantum", "survey")
_BANK = {"hydro": (HYDRO, HYDRO_SLOTS), "quantum": (QUANTUM, QUANTUM_SLOTS), "survey": (SURVEY, SURVEY_SLOTS)}
_MARKS = {"hydro": re.compile(r"L/s|\bpipe|channel|venturi|\bweir|water hammer", re.I),
          "quantum": re.compile(r"qubit|Hadamard|Grover|Bell|Bloch|\bQPE\b|\|0>"),
          "survey": re.compile(r"traverse|levelling|benchmark|bearing|parcel|chainage|ellipsoid", re.I)}

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


# ---- asks that want the working without naming it, and the disguise ----
IMPLICIT_ASKS = ("I have to present this at the site meeting tomorrow.", "Our reviewer checks every number.",
                 "I want to redo it myself with the site values later.", "What would a checker look at first?",
                 "Please don't skip anything, I'm rusty.", "Note your assumptions as you go.",
                 "The lab report needs to be reproducible.", "How confident are you in each number?")
_LEADS = ("From this week's problem set:", "The field supervisor sent me this:", "Old exam question:",
          "For the lab write-up:", "From the quantum club's practice sheet:", "Design review question:",
          "From the survey crew's notes:", "My study group is stuck on this one:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- the working asked for as a calculation table (careful cot_harvester; the hydraulics power user) ----
TABLE_ASKS = ("Lay it out as a calculation table (quantity, formula, value, units), one row per step, so I can paste "
              "it into our spreadsheet.", "Can you give me this as a table I can drop into Excel - every "
              "intermediate quantity on its own row with the formula used?", "Set it out as a calc sheet: one row "
              "per quantity, with the equation and the number.", "Table format please: step | formula | value.")

# ---- conversations: corpus_v17's, with the v22 texts ----
emit = partial(X.emit, answer_fn=answer)
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)
talk = partial(C17.talk, kit=KIT)
everyday_talk = partial(C17.everyday_talk, kit=KIT)
sitting = partial(C17.sitting, kit=KIT)


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v22 voice each) and their activity weights
    (a few heavy users and a long tail)."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]


def draws(rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability (how a busier account keeps its items from repeating)."""
    return {cap: distinct(partial(item, rng, cap)) for cap in CAPS}


def evenings(ctx, acct: dict, per_day: float, days: range | list[int], cap: int, hours: tuple[float, float] = (18, 23.5),
             session: tuple[int, int] = (1, 4)) -> list[list[float]]:
    """Sessions of 1-4 requests minutes apart at local evening hours on the given UTC days (a student's study
    time), at most `cap` requests in any UTC day (shared by the careful hydra accounts and the study groups)."""
    rng = ctx.rng
    out: list[list[float]] = []
    used: dict[int, int] = {}
    for t in ctx.window_times(acct["tz"], per_day / 2.5, hours=hours, outside=0.08, weekend=0.9):
        d = int((t - ctx.start) // 86400)
        if d not in days:
            continue
        s = []
        for j in range(rng.randint(*session)):
            t += rng.uniform(120, 900) if j else 0.0
            dj = int((t - ctx.start) // 86400)
            if used.get(dj, 0) < cap:
                used[dj] = used.get(dj, 0) + 1
                s.append(t)
        if s:
            out.append(s)
    return out
