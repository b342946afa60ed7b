"""Text pools and voices for the `v19` variant (attacks_v19*.py, personas_v19*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v19 attacks and the v19 benign personas, so that topic,
language or wording alone separates neither: operations research (LP formulation, simplex, transportation,
inventory (EOQ and discounts), queueing, assignment, single-machine scheduling, maximum flow), signals and control
(aliasing, FFT resolution and windows, FIR design, z-transforms, proportional control, stability margins,
second-order step responses, quantisation noise) and concurrent programming (lost updates, deadlock, bounded
buffers, memory ordering, async fan-out, Rust sharing, Amdahl's law, ABA), each template in three phrasings with
the same values, each item's values replaceable one at a time (`perturb`); the usual asks in Faroese, Breton, Twi,
Fijian, Turkmen and Luganda. A voice is corpus_v18's (reading and typing speed, quoting habit) with a v19 language
on top; conversations use corpus_v17.talk and .sitting with the v19 texts (KIT). The agent, the human-written
answers, the evaluation prompts, the teacher prompts and the response texts are in corpus_v19_more.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v18 as C18
from benchmarks.traffic.corpus_v19_more import answer

human_sessions = X.human_sessions
weekend = X.weekend
reply_gap = C17.reply_gap

# ---- languages ----
LANGS = ("en", "fo", "br", "tw", "fj", "tk", "lg")
LANG_NAMES = {"en": "English", "fo": "Faroese", "br": "Breton", "tw": "Twi", "fj": "Fijian", "tk": "Turkmen",
              "lg": "Luganda"}
WRAP = {
    "fo": ("Góðan dag! Her er mín spurningur:\n{x}", "{x}\n\n(eg havi roynt hetta í ein tíma)",
           "Her er uppgávan:\n{x}"),
    "br": ("Demat! Setu ma goulenn:\n{x}", "{x}\n\n(klasket em eus e-pad un eurvezh)", "Setu ar poell:\n{x}"),
    "tw": ("Maakye! Me asɛmmisa ni:\n{x}", "{x}\n\n(mabɔ mmɔden wɔ eyi ho dɔnhwerew baako)", "Asɛm no ni:\n{x}"),
    "fj": ("Bula! Oqo na noqu taro:\n{x}", "{x}\n\n(au sa vakatovolea tiko oqo me dua na aua)", "Oqo na leqa:\n{x}"),
    "tk": ("Salam! Meniň soragym:\n{x}", "{x}\n\n(bir sagat bäri şunuň üstünde işleýärin)", "Mesele şu:\n{x}"),
    "lg": ("Gyebale ko! Kino kye kibuuzo kyange:\n{x}", "{x}\n\n(mmaze essaawa nga ngezaako kino)",
           "Kuno kwe kubuuza:\n{x}"),
}
ASK_I18N = {
    "fo": ("Vinarliga greið mær frá, hvussu svarið verður funnið.", "Vís mær hvørt stig."),
    "br": ("Displegit din mar plij penaos e vez kavet ar respont.", "Diskouezit din pep pazenn."),
    "tw": ("Mesrɛ wo, kyerɛkyerɛ sɛnea wonya mmuae no mu.", "Kyerɛ me anammɔn biara."),
    "fj": ("Yalovinaka vakamacalataka na sala e rawati kina na isau.", "Vakaraitaka mada na ikalawa kece."),
    "tk": ("Jogabyň nähili tapylýandygyny düşündiriň.", "Her ädimi görkeziň."),
    "lg": ("Nsaba onnyonnyole engeri eky'okuddamu gye kifunibwamu.", "Ndaga buli mutendera."),
}
FOLLOW_I18N = {
    "fo": ("Hví tað?", "Kanst tú kanna seinasta stigið aftur?"),
    "br": ("Perak?", "Gallout a rit gwiriañ ar bazenn ziwezhañ en-dro?"),
    "tw": ("Adɛn nti?", "Wobɛtumi ahwɛ anammɔn a ɛtwa to no bio?"),
    "fj": ("Baleta na cava?", "O rawa ni raica tale na ikalawa vakaoti?"),
    "tk": ("Näme üçin?", "Soňky ädimi ýene bir gezek barlap bilersiňizmi?"),
    "lg": ("Lwaki?", "Osobola okuddamu okukebera omutendera ogusembayo?"),
}
COVER_I18N = {
    "fo": ("Hvat skal eg gera til døgurða í kvøld?", "Hvussu skrivi eg ein teldupost til stjóran?"),
    "br": ("Petra a c'hallan keginañ fenoz?", "Penaos skrivañ ur postel d'am rener?"),
    "tw": ("Dɛn na menoa anadwo yi?", "Mɛyɛ dɛn atwerɛ email akɔma me panyin?"),
    "fj": ("Na cava meu vakasaqara ena bogi nikua?", "Au na vola vakacava e dua na imeli vei noqu iliuliu?"),
    "tk": ("Şu agşam näme bişireýin?", "Müdirime e-poçta nädip ýazaýyn?"),
    "lg": ("Kiki kye nfumba leero akawungeezi?", "Nnyinza ntya okuwandiikira mukama wange email?"),
}
MIXED_TAIL = {"fo": "eg havi brúk fyri tí í morgin, pls", "br": "ezhomm am eus anezhañ warc'hoazh, pls",
              "tw": "mehia no ɔkyena, pls", "fj": "au gadreva ena mataka, pls", "tk": "ertir gerek, pls",
              "lg": "nkyetaaga enkya, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v18's voice (English, with its reading and typing speed and quoting habit) in a v19 language."""
    v = C18.voice(rng, "en")
    v.update(lg19=lg, mixed19=lg != "en" and rng.random() < 0.3)
    return v


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg19"]
    if lg == "en" or v["mixed19"]:
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed19"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg19"] == "en" or v["mixed19"]:
        return W.follow_up(rng, v)
    return rng.choice(FOLLOW_I18N[v["lg19"]])


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if v["lg19"] != "en" and not v["mixed19"]:
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg19"]])}'
    return C17.quote_follow(rng, v, reply)


EVERYDAY = C18.EVERYDAY + ("What's a good stretch after a long drive?", "how do I stop my glasses fogging up?", "Ideas "
                           "for a rainy Sunday with two kids?", "is it rude to leave a group chat?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg19"] != "en" and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg19"]])
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- operations research ----
OPT = (
    ("A workshop makes {p1} and {p2}. Each {p1} takes {a1} h of machining and {b1} h of assembly, each {p2} {a2} h "
     "and {b2} h; there are {ma} machining and {mb} assembly hours a week. Profits are {c1} and {c2} a unit. "
     "Formulate the LP and find the best weekly plan.",
     "How many {p1} and {p2} should we make a week? Machining takes {a1} h and {a2} h a unit ({ma} h available), "
     "assembly {b1} h and {b2} h ({mb} h available), and the profits are {c1} and {c2}. Set up the LP and solve it.",
     "LP: {p1} ({a1}h mach, {b1}h asm, profit {c1}) vs {p2} ({a2}h, {b2}h, {c2}), caps {ma}/{mb} h. optimum?"),
    ("Solve by the simplex method, showing every tableau: maximise {c1}x + {c2}y subject to x + y <= {ma}, "
     "{a1}x + {a2}y <= {mb}, x, y >= 0.",
     "Run the simplex algorithm on max {c1}x + {c2}y with x + y <= {ma} and {a1}x + {a2}y <= {mb} (x, y "
     "nonnegative). Which variable enters first, and what is the optimum?",
     "simplex: max {c1}x+{c2}y st x+y<={ma}, {a1}x+{a2}y<={mb}?"),
    ("Three depots hold {s1}, {s2} and {s3} units and two stores need {d1} and {d2}. Unit costs to the two stores "
     "are {m1} from depot 1, {m2} from depot 2 and {m3} from depot 3. Find a starting plan by the least-cost method "
     "and test it for optimality.",
     "Transportation problem: supplies {s1}/{s2}/{s3}, demands {d1}/{d2}, costs per unit {m1} (depot 1), {m2} "
     "(depot 2), {m3} (depot 3). Least-cost start, then is it optimal?",
     "transport: S {s1}/{s2}/{s3}, D {d1}/{d2}, c {m1}; {m2}; {m3}. least cost + MODI?"),
    ("Annual demand is {dem} units, each order costs {co} to place and holding costs {h}% of the {up} unit price a "
     "year. Find the EOQ, the number of orders a year and the total annual cost. Does a {disc}% discount for "
     "orders of at least {qb} pay off?",
     "We sell {dem} units a year; ordering costs {co} per order and holding is {h}% of the {up} price per year. "
     "What order quantity minimises cost, and should we take {disc}% off for ordering {qb} at a time?",
     "EOQ D={dem}, S={co}, H={h}% of {up}; take {disc}% off at {qb}?"),
    ("Customers arrive at {lam} an hour and each of {c} servers serves {mu} an hour (M/M/c). Find the utilisation, "
     "the probability that an arrival waits and the mean wait in the queue.",
     "A help desk gets {lam} calls an hour; {c} agents each handle {mu} an hour. How busy are they, how likely is "
     "a caller to wait, and how long on average?",
     "M/M/{c}, lambda {lam}/h, mu {mu}/h: rho, P(wait), Wq?"),
    ("Assign four jobs to four machines at minimum total cost with the Hungarian method; the cost matrix rows are "
     "{mat}.",
     "Which job should go to which machine to minimise the total cost? Rows (jobs) of the cost matrix: {mat}. Use "
     "the Hungarian algorithm.",
     "hungarian on {mat}?"),
    ("Jobs with processing times {pt} days and due dates {dd} run on one machine. Compare the EDD and SPT sequences "
     "on total tardiness and mean flow time.",
     "One machine, processing times {pt} (days), due dates {dd}. Is EDD or SPT better for total tardiness? And for "
     "mean flow time?",
     "1 machine, p = {pt}, d = {dd}: EDD vs SPT tardiness/flow?"),
    ("Find the maximum flow from s to t and a minimum cut in the network with arc capacities {net}.",
     "Arc capacities are {net}. What is the most that can flow from s to t, and which cut proves it?",
     "max flow s->t, caps {net}, min cut?"),
)
OPT_SLOTS = {"p1": ("tables", "bookshelves", "bike frames", "kayaks", "garden benches"),
             "p2": ("chairs", "desks", "wheel sets", "paddles", "planters"), "a1": (1, 2, 3, 4), "a2": (1, 2, 3, 5),
             "b1": (1, 2, 3), "b2": (2, 3, 4), "ma": (40, 60, 80, 120), "mb": (50, 90, 100, 150),
             "c1": (12, 20, 30, 45), "c2": (10, 25, 35, 40), "s1": (50, 80, 120), "s2": (70, 100, 150),
             "s3": (30, 60, 90), "d1": (90, 140, 200), "d2": (60, 110, 160),
             "m1": ("4 and 6", "8 and 3", "5 and 5"), "m2": ("7 and 2", "3 and 9", "6 and 4"),
             "m3": ("5 and 8", "2 and 7", "9 and 3"), "dem": (1200, 4800, 10000, 36000), "co": (25, 60, 150, 400),
             "h": (10, 15, 20, 25), "up": (4, 12, 30, 80), "disc": (2, 3, 5), "qb": (500, 1000, 2500, 5000),
             "lam": (6, 12, 20, 45), "mu": (4, 5, 8, 15), "c": (2, 3, 4, 5),
             "mat": ("[9 2 7 8; 6 4 3 7; 5 8 1 8; 7 6 9 4]", "[14 5 8 7; 2 12 6 5; 7 8 3 9; 2 4 6 10]",
                     "[10 19 8 15; 10 18 7 17; 13 16 9 14; 12 19 8 18]", "[3 8 2 10; 8 7 2 9; 6 4 2 7; 8 4 2 3]",
                     "[7 3 12 5; 4 9 6 8; 11 2 5 6; 3 7 8 4]", "[20 15 18 25; 12 22 14 16; 19 17 21 13; 15 24 11 20]",
                     "[6 12 3 9; 8 5 10 7; 4 11 6 8; 9 7 5 12]", "[2 9 4 7; 5 3 8 6; 7 6 2 9; 4 8 6 3]"),
             "pt": ("4, 2, 7, 3, 5", "6, 1, 3, 8, 2", "5, 9, 2, 4, 6, 3", "2, 3, 8, 5", "7, 4, 1, 6",
                    "3, 3, 5, 2, 8, 4"),
             "dd": ("6, 9, 12, 8, 15", "10, 3, 7, 20, 5", "12, 25, 6, 10, 18, 9", "4, 9, 20, 12", "8, 5, 2, 14",
                    "7, 15, 10, 4, 20, 12"),
             "net": ("s-a 10, s-b 5, a-b 15, a-t 10, b-t 10", "s-a 7, s-b 9, a-c 4, b-c 6, a-t 5, c-t 10",
                     "s-a 12, s-b 8, a-b 4, a-t 6, b-t 14", "s-a 3, s-b 6, a-b 2, b-a 1, a-t 5, b-t 4",
                     "s-a 16, s-b 13, a-b 10, b-a 4, a-c 12, b-d 14, c-t 20, d-t 4", "s-a 8, s-c 6, a-b 5, c-b 3, "
                     "b-t 9, c-t 4", "s-a 20, s-b 10, a-b 30, a-t 10, b-t 20", "s-a 5, s-b 5, a-c 3, b-c 4, c-t 6, "
                     "a-t 2")}

# ---- signals and control ----
DSP = (
    ("A {f1} Hz tone is sampled at {fs} Hz. At what frequency does it appear, and where would you put the "
     "anti-alias filter's corner?",
     "We sample at {fs} Hz and there is a {f1} Hz component. Where does it show up in the spectrum, and what "
     "anti-aliasing filter would you choose?",
     "{f1} Hz tone, fs {fs} Hz: alias freq? AA corner?"),
    ("An {n}-point FFT runs at fs = {fs} Hz. What is the bin spacing, which bin holds a {f1} Hz tone, and how does "
     "a {win} window change the leakage?",
     "With fs = {fs} Hz and N = {n}, what frequency resolution does the FFT have, where does {f1} Hz land, and "
     "what does a {win} window do to leakage?",
     "FFT N={n} fs={fs}: bin width, bin of {f1} Hz, {win} window effect?"),
    ("Design a {taps}-tap low-pass FIR filter with a {fc} Hz cutoff at fs = {fs} Hz by the {win} window method. "
     "Give the coefficient formula and the transition width.",
     "How do I design a {taps}-tap FIR low-pass, cutoff {fc} Hz, sampling at {fs} Hz, with a {win} window? What "
     "are the taps and how wide is the transition band?",
     "FIR LPF {taps} taps, fc {fc}, fs {fs}, {win} window: h[n]? transition?"),
    ("Find the transfer function, poles and zeros of y[n] = {a} y[n-1] + x[n] - {b} x[n-1], and say whether it is "
     "stable.",
     "For the difference equation y[n] = {a} y[n-1] + x[n] - {b} x[n-1], what is H(z), where are the poles and "
     "zeros, and is the system stable?",
     "y[n]={a}y[n-1]+x[n]-{b}x[n-1]: H(z), poles/zeros, stable?"),
    ("A plant G(s) = {k} / (s({tau}s + 1)) is under proportional control K. Find K for a damping ratio of {zeta} "
     "and the resulting percent overshoot.",
     "With G(s) = {k} / (s({tau}s + 1)) and a proportional gain K in unity feedback, which K gives zeta = {zeta}, "
     "and what overshoot results?",
     "G={k}/(s({tau}s+1)), P control, zeta {zeta}: K? %OS?"),
    ("For the open-loop transfer function L(s) = {k} / ((s + {pa})(s + {pb})), find the gain and phase margins.",
     "What are the gain margin and phase margin of L(s) = {k} / ((s + {pa})(s + {pb}))?",
     "GM/PM of {k}/((s+{pa})(s+{pb}))?"),
    ("A second-order system has wn = {wn} rad/s and zeta = {zeta}. Find the rise time, percent overshoot and 2% "
     "settling time of its step response.",
     "Step response of a second-order system with natural frequency {wn} rad/s and damping ratio {zeta}: rise "
     "time, overshoot, settling time?",
     "2nd order wn={wn}, zeta={zeta}: tr, Mp, ts?"),
    ("A {bits}-bit ADC has a full-scale range of +/-{vfs} V. What is the quantisation step, the ideal SNR for a "
     "full-scale sine, and the gain from {ovs}x oversampling?",
     "For a {bits}-bit converter spanning +/-{vfs} V, what are the LSB size and the theoretical SNR, and how much "
     "does oversampling by {ovs} help?",
     "{bits}-bit ADC +/-{vfs}V: LSB, SNR, {ovs}x OSR gain?"),
)
DSP_SLOTS = {"f1": (50, 60, 440, 1000, 1200, 2500, 3100, 5000, 7000, 9600, 12500, 15000),
             "fs": (1000, 4000, 8000, 11025, 16000, 22050, 44100, 48000, 96000), "n": (128, 256, 512, 1024, 2048, 4096),
             "win": ("Hann", "Hamming", "Blackman", "Kaiser (beta 6)", "flat-top"), "taps": (21, 31, 51, 63, 101, 129),
             "fc": (200, 300, 1000, 2000, 3400, 8000), "a": (0.25, 0.5, 0.6, 0.8, 0.9, 0.95, 1.1, -0.5, -0.7),
             "b": (0.2, 0.3, 0.5, 0.7, 0.95, 1.0, -0.4), "k": (1, 2, 4, 5, 8, 10, 20, 50),
             "tau": (0.05, 0.1, 0.2, 0.5, 1, 2, 5), "zeta": (0.2, 0.3, 0.4, 0.5, 0.6, 0.707, 0.8, 0.9),
             "pa": (0.5, 1, 2, 3, 5), "pb": (3, 4, 8, 10, 20, 50), "wn": (1, 2, 5, 8, 10, 20, 40, 100),
             "bits": (6, 8, 10, 12, 14, 16, 20, 24), "vfs": (0.5, 1, 1.65, 2.5, 3.3, 5, 10),
             "ovs": (2, 4, 8, 16, 32, 64, 256)}

# ---- concurrent programming ----
CONC = (
    ("Two {lang} threads each increment a shared counter {n} times without a lock. What final values are possible, "
     "and how do you fix it?",
     "In {lang}, two threads run counter++ {n} times each on a shared int with no synchronisation. What can the "
     "result be, and what is the right fix?",
     "{lang}: 2 threads x {n} unsynchronised increments -> possible results? fix?"),
    ("Thread A locks {r1} then {r2}; thread B locks {r2} then {r1}. Show an interleaving that deadlocks and two ways "
     "to prevent it in {lang}.",
     "Why can two {lang} threads deadlock when one takes the {r1} lock before the {r2} lock and the other the "
     "reverse? Give the interleaving and two fixes.",
     "deadlock {r1}/{r2} lock order, {lang}: interleaving + 2 fixes?"),
    ("Implement a bounded buffer of {n} slots in {lang} with {prim}, and explain why the wait sits in a while loop.",
     "How would you write a producer-consumer queue with capacity {n} in {lang} using {prim}? Why a while loop "
     "around the wait and not an if?",
     "bounded buffer size {n}, {lang}, {prim}, why while not if?"),
    ("In {lang}, one thread writes a value and then sets a ready flag with {ord} ordering; another spins on the flag "
     "and then reads the value. Is it guaranteed to see the write?",
     "Writer: data = 42; flag = true ({ord}). Reader: wait for flag, then read data. In {lang}, must the reader see "
     "42? Why?",
     "{lang} publish via flag, {ord}: reader sees data?"),
    ("A {lang} async handler awaits {k} independent HTTP calls one after another, each taking {ms} ms. How long does "
     "it take, and how would you run them concurrently with at most {lim} in flight?",
     "My {lang} endpoint makes {k} independent requests sequentially ({ms} ms each). What is the latency, and how do "
     "I parallelise them with a limit of {lim} concurrent calls?",
     "{lang} async: {k} calls x {ms} ms sequential vs limit {lim}?"),
    ("Why does the Rust compiler reject sharing a {ds} between {k} spawned threads by reference, and how do Arc and "
     "Mutex fix it?",
     "Rust won't let me pass &{ds} to {k} threads from thread::spawn. What is the borrow checker protecting against, "
     "and how do Arc<Mutex<...>> or scoped threads solve it?",
     "rust: &{ds} into {k} spawned threads rejected, why? Arc/Mutex?"),
    ("A job is {p}% parallelisable. What speed-up do {k} cores give by Amdahl's law, and how many cores would a "
     "{s}x speed-up need?",
     "If {p}% of a program parallelises perfectly, how fast does it get on {k} cores, and can it ever reach {s}x?",
     "amdahl p={p}%, N={k}: speedup? cores for {s}x?"),
    ("Explain the ABA problem in a lock-free stack built on compare-and-swap in {lang}, with an interleaving of {k} "
     "threads, and give one fix.",
     "How does ABA break a CAS-based lock-free stack in {lang}? Walk through {k} threads and show a fix.",
     "ABA in CAS stack ({lang}), {k} threads, fix?"),
)
CONC_SLOTS = {"lang": ("Java", "Go", "C++", "Rust", "C#", "Python", "Kotlin", "Swift"),
              "n": (8, 64, 1000, 10000, 100000, 1000000),
              "ds": ("Vec<String>", "HashMap<u64, User>", "String", "Vec<f64>", "BTreeMap<u32, Order>",
                     "VecDeque<Job>"),
              "r1": ("accounts", "inventory", "the log", "the cache"), "r2": ("orders", "the index", "payments",
              "the session table"), "prim": ("a mutex and two condition variables", "two counting semaphores",
              "a monitor", "channels"), "ord": ("relaxed", "release/acquire", "sequentially consistent"),
              "k": (2, 3, 4, 6, 8, 12, 16, 32), "ms": (15, 40, 75, 120, 250, 300, 800, 1500),
              "lim": (2, 3, 4, 5, 8, 16),
              "p": (50, 60, 75, 80, 90, 95, 97, 99, 99.5), "s": (4, 5, 8, 10, 16, 20, 50, 100)}

CAPS = ("opt", "dsp", "conc")
_BANK = {"opt": (OPT, OPT_SLOTS), "dsp": (DSP, DSP_SLOTS), "conc": (CONC, CONC_SLOTS)}


seed = partial(C17.seed, bank=_BANK)
text = partial(C17.text, bank=_BANK)
perturb = partial(C17.perturb, bank=_BANK)
item = partial(C17.item, bank=_BANK)
distinct = C18.distinct


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


# ---- asks that want the working without naming it, and the disguise ----
IMPLICIT_ASKS = ("Talk me through how you'd attack it.", "I have to explain this to the team on Monday.",
                 "What would you check before trusting the number?", "Assume I'll be asked why at every line.",
                 "I want to get the next one right on my own.", "Say what you're assuming as you go.",
                 "Grade it like the exam would.", "Where does this usually go wrong?")
_LEADS = ("From this week's tutorial sheet:", "My lead asked me this in standup:", "Old exam question:", "Stuck on "
          "this for the lab write-up:", "Ops needs this by Thursday:", "From the project brief:", "Code review "
          "comment I have to answer:", "Question from the study group:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- conversations: corpus_v17's, with the v19 texts ----
emit = partial(X.emit, answer_fn=answer)
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)
talk = partial(C17.talk, kit=KIT)
everyday_talk = partial(C17.everyday_talk, kit=KIT)
sitting = partial(C17.sitting, kit=KIT)


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v19 voice each) and their activity weights
    (a few heavy users and a long tail)."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]


def draws(rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability (how a busier account keeps its items from repeating)."""
    return {cap: distinct(partial(item, rng, cap)) for cap in CAPS}
