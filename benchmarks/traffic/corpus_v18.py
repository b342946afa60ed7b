"""Text pools and voices for the `v18` variant (attacks_v18*.py, personas_v18*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v18 attacks and the v18 benign personas, so that topic,
language or wording alone separates neither: organic synthesis planning (retrosynthetic disconnections, reagent
choice, protecting groups, yields and atom economy, named reactions on coursework targets), epidemiology
statistics (risks and odds from 2x2 tables, confidence intervals, screening-test arithmetic, standardisation,
sample sizes, attack rates, NNT) and compiler construction (FIRST/FOLLOW sets, LL(1) and LR tables, regex to DFA,
three-address code, liveness and register allocation, constant folding, type checking), each template in three
phrasings with the same values, each item's values replaceable one at a time (`perturb`); the usual asks in
Sundanese, Xhosa, Scottish Gaelic, Tongan, Aymara and Ilocano. A voice is corpus_v17's (reading and typing speed,
quoting habit) with a v18 language on top; conversations use corpus_v17.talk and .sitting with the v18 texts
(KIT). The agent, the packed worksheets, the step chains and the response texts are in corpus_v18_more.py.
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
from benchmarks.traffic.corpus_v18_more import answer

human_sessions = X.human_sessions
weekend = X.weekend
reply_gap = C17.reply_gap

# ---- languages ----
LANGS = ("en", "su", "xh", "gd", "to", "ay", "ilo")
LANG_NAMES = {"en": "English", "su": "Sundanese", "xh": "Xhosa", "gd": "Scottish Gaelic", "to": "Tongan",
              "ay": "Aymara", "ilo": "Ilocano"}
WRAP = {
    "su": ("Wilujeng enjing! Ieu patarosan abdi:\n{x}", "{x}\n\n(abdi tos sajam nyobian ieu)", "Ieu soalna:\n{x}"),
    "xh": ("Molo! Nanku umbuzo wam:\n{x}", "{x}\n\n(ndizame oku iyure yonke)", "Nansi ingxaki:\n{x}"),
    "gd": ("Madainn mhath! Seo mo cheist:\n{x}", "{x}\n\n(tha mi air uair a thìde a chur seachad air seo)",
           "Seo an duilgheadas:\n{x}"),
    "to": ("Mālō e lelei! Ko ʻeku fehuʻí eni:\n{x}", "{x}\n\n(kuo houa ʻe taha ʻeku feinga ki he meʻá ni)",
           "Ko e palopalemá eni:\n{x}"),
    "ay": ("Kamisaki! Akax jiskt'awijawa:\n{x}", "{x}\n\n(mä hora uka lurañatak ch'amachasta)",
           "Aka jan walt'awixa:\n{x}"),
    "ilo": ("Naimbag a bigatyo! Daytoy ti saludsodko:\n{x}", "{x}\n\n(maysa nga oras a padpadasek daytoy)",
            "Daytoy ti parikut:\n{x}"),
}
ASK_I18N = {
    "su": ("Punten jelaskeun kumaha carana meunang jawabanana.", "Tingalikeun unggal léngkahna."),
    "xh": ("Nceda undichazele ukuba impendulo ifunyanwa njani.", "Ndibonise inyathelo ngalinye."),
    "gd": ("Mìnich dhomh mar a gheibhear am freagairt, mas e do thoil e.", "Seall dhomh gach ceum."),
    "to": ("Kātaki ʻo fakamatalaʻi mai pe ʻoku maʻu fēfē ʻa e talí.", "Fakahā mai ʻa e sitepu kotoa pē."),
    "ay": ("Amtapxita, kunjams jaysawix jikxatasi uk qhanañchita.", "Sapa thakhi uñacht'ayita."),
    "ilo": ("Pangngaasim ta ilawlawagmo no kasano a nagun-od ti sungbat.", "Ipakitam ti tunggal addang."),
}
FOLLOW_I18N = {
    "su": ("Naha kitu?", "Léngkah pamungkas tiasa dicek deui?"),
    "xh": ("Kutheni?", "Ungaphinda ujonge inyathelo lokugqibela?"),
    "gd": ("Carson?", "An urrainn dhut sùil eile a thoirt air a' cheum mu dheireadh?"),
    "to": ("Ko e hā ʻoku pehē ai?", "ʻE lava ke ke toe vakai ki he sitepu fakaʻosí?"),
    "ay": ("Kunatsa?", "Qhipa thakhi wasitat uñakipasmati?"),
    "ilo": ("Apay?", "Mabalinmo kadi a kitaen manen ti maudi nga addang?"),
}
COVER_I18N = {
    "su": ("Wengi ieu abdi masak naon nya?", "Kumaha carana nyerat email ka atasan abdi?"),
    "xh": ("Ndipheke ntoni ngokuhlwanje?", "Ndiyibhala njani i-imeyile kumphathi wam?"),
    "gd": ("Dè a nì mi airson dinnear a-nochd?", "Ciamar a sgrìobhas mi post-d gu mo mhanaidsear?"),
    "to": ("Ko e hā te u teuteu ki he kai efiafí?", "ʻE fēfē haʻaku tohi ha ʻīmeili ki hoku pule?"),
    "ay": ("Jichha arumax kuns phayt'asiristxa?", "Kunjams mä email qillqt'asma jilïriru?"),
    "ilo": ("Ania ti lutuek ita a rabii?", "Kasano ti panagsurat iti email iti amok?"),
}
MIXED_TAIL = {"su": "peryogi énjing, pls", "xh": "ndiyifuna ngomso, pls",
              "gd": "feumaidh mi e a-màireach, pls", "to": "ʻoku ou fiemaʻu ʻapongipongi, pls", "ay": "qharürux munta, pls", "ilo": "kasapulak inton bigat, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v17's voice (English, with its reading and typing speed and quoting habit) in a v18 language."""
    v = C17.voice(rng, "en")
    v.update(lg18=lg, mixed18=lg != "en" and rng.random() < 0.3)
    return v


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg18"]
    if lg == "en" or v["mixed18"]:
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed18"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg18"] == "en" or v["mixed18"]:
        return W.follow_up(rng, v)
    return rng.choice(FOLLOW_I18N[v["lg18"]])


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if v["lg18"] != "en" and not v["mixed18"]:
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg18"]])}'
    return C17.quote_follow(rng, v, reply)


EVERYDAY = C17.EVERYDAY + ("Which houseplants survive a dark flat?", "how do I get red wine out of a rug?", "Ideas "
                           "for a cheap birthday picnic?", "is it worth learning to touch type at 40?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg18"] != "en" and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg18"]])
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- organic synthesis planning ----
SYNTH = (
    ("Propose a retrosynthesis of {tgt} from commercially available materials in at most {n} steps, naming each "
     "disconnection.",
     "How would you make {tgt} in {n} steps or fewer from cheap starting materials? Give the disconnections.",
     "retrosynth {tgt}, <= {n} steps?"),
    ("Which protecting group would you use for the {fg} of {tgt} during a {rxn}, and how is it removed?",
     "During a {rxn} on {tgt}, the {fg} needs protecting. Which group, and how do I take it off afterwards?",
     "PG for {fg} in {tgt} through {rxn}?"),
    ("Predict the major product of a {rxn} on {sub} and explain the regio- and stereochemistry.",
     "What comes out when {sub} undergoes a {rxn}? Justify the regiochemistry and the stereochemistry.",
     "{rxn} on {sub}: major product + why?"),
    ("A {n}-step route gives yields of {y1}%, {y2}% and {y3}% for its first three steps. What is the overall yield "
     "so far, and which step would you optimise first?",
     "Step yields {y1}%, {y2}%, {y3}% in a {n}-step synthesis: overall yield after three steps, and where to "
     "improve?",
     "yields {y1}/{y2}/{y3}% of {n} steps -> overall? fix which?"),
    ("Compare the atom economy of making {tgt} by a {rxn} route with a route through an acid chloride.",
     "Atom economy: {rxn} route to {tgt} vs the acid chloride route. Which is greener and by how much?",
     "AE {tgt}: {rxn} vs acid chloride?"),
    ("Suggest reagents and conditions to convert {sub} into {tgt}, with the mechanism of the key step.",
     "From {sub} to {tgt}: what reagents and conditions, and what is the mechanism of the key step?",
     "{sub} -> {tgt} reagents/conditions/mech?"),
    ("Why might a {rxn} on {sub} give a low yield at {temp} C, and what would you change?",
     "My {rxn} of {sub} at {temp} C gives a poor yield. What is likely going wrong and what should I change?",
     "{rxn} {sub} @ {temp}C low yield why?"),
    ("Plan the workup and purification after a {rxn} that makes {tgt} on a {g} g scale.",
     "How should I work up and purify {tgt} from a {rxn} run at {g} g scale?",
     "workup+purif {tgt}, {rxn}, {g} g?"),
)
SYNTH_SLOTS = {"tgt": ("paracetamol", "benzocaine", "ibuprofen", "aspirin", "lidocaine", "methyl cinnamate",
                       "ethyl 4-aminobenzoate", "triphenylmethanol", "2-phenylethanol", "acetanilide", "phenacetin",
                       "benzyl acetate", "isopentyl acetate", "dibenzalacetone", "chalcone", "benzoin", "benzil",
                       "trans-stilbene", "N-benzylaniline", "salicylamide", "methyl benzoate", "coumarin",
                       "2-methylbenzimidazole", "4-methoxychalcone", "tetraphenylcyclopentadienone"),
               "sub": ("benzaldehyde", "cyclohexanone", "4-nitrotoluene", "ethyl acetoacetate", "styrene",
                       "4-bromoanisole", "cinnamic acid", "phenylacetic acid", "anisole", "acetophenone",
                       "benzoic acid", "1-bromobutane", "cyclohexene", "furan", "4-hydroxybenzaldehyde", "toluene"),
               "rxn": ("Grignard addition", "Wittig reaction", "Fischer esterification", "aldol condensation",
                       "Suzuki coupling", "Friedel-Crafts acylation", "reductive amination", "Diels-Alder reaction"),
               "fg": ("amine", "alcohol", "ketone", "carboxylic acid", "phenol"), "n": (3, 4, 5, 6),
               "y1": (92, 85, 78, 66), "y2": (88, 74, 61, 55), "y3": (95, 81, 70, 48), "temp": (-78, 0, 25, 80, 110),
               "g": (0.5, 2, 10, 50)}

# ---- epidemiology statistics ----
EPI = (
    ("In a cohort, {a} of {n1} exposed and {c} of {n0} unexposed people developed the disease. Compute the risk "
     "ratio and risk difference with 95% confidence intervals.",
     "{a}/{n1} cases among the exposed and {c}/{n0} among the unexposed: what are the RR and RD, with 95% CIs?",
     "cohort {a}/{n1} vs {c}/{n0}: RR, RD, CI?"),
    ("A case-control study finds {a} exposed among {n1} cases and {c} exposed among {n0} controls. Compute the odds "
     "ratio and its 95% CI, and say whether it approximates the risk ratio.",
     "Cases {n1} ({a} exposed), controls {n0} ({c} exposed). Odds ratio with a 95% CI? Does it estimate the RR "
     "here?",
     "case-control: {a}/{n1} vs {c}/{n0}, OR + CI?"),
    ("A screening test has sensitivity {se}% and specificity {sp}% in a population with prevalence {pv}%. Find the "
     "positive and negative predictive values.",
     "Sensitivity {se}%, specificity {sp}%, prevalence {pv}%: what are PPV and NPV?",
     "se {se} sp {sp} prev {pv}% -> PPV NPV?"),
    ("Directly standardise two towns' mortality rates using the age bands {bands} and a standard population, given "
     "crude rates of {r1} and {r2} per 100,000.",
     "Town A's crude death rate is {r1}, town B's {r2} per 100k, age bands {bands}. How do I compare them with "
     "direct standardisation?",
     "direct std, bands {bands}, crude {r1} vs {r2}/100k?"),
    ("How many participants per arm does a trial need to detect a drop in risk from {p0}% to {p1}% with {pw}% power "
     "at alpha 0.05?",
     "Sample size per arm: control risk {p0}%, expected {p1}%, power {pw}%, two-sided alpha 0.05?",
     "n/arm {p0}% -> {p1}%, power {pw}%?"),
    ("At a wedding of {n1} guests, {a} fell ill within {h} hours; {c} of them ate the {food}. Compute attack rates "
     "and say which food is implicated.",
     "Outbreak: {n1} guests, {a} sick within {h} h, {c} of the sick ate {food}. Attack rates? Is {food} the source?",
     "outbreak {a}/{n1} ill, {c} ate {food}, AR?"),
    ("A treatment reduces the event rate from {p0}% to {p1}% over {h} months. Compute the absolute and relative "
     "risk reductions and the number needed to treat.",
     "Events fall from {p0}% to {p1}% over {h} months with treatment: ARR, RRR and NNT?",
     "{p0}% -> {p1}% over {h} mo: ARR RRR NNT?"),
    ("Incidence is {r1} per 100,000 person-years and average disease duration {h} months. Estimate the prevalence "
     "and state the assumptions.",
     "With incidence {r1}/100k person-years and a mean duration of {h} months, what prevalence do you expect, and "
     "under what assumptions?",
     "inc {r1}/100k py, dur {h} mo -> prevalence?"),
)
EPI_SLOTS = {"a": (12, 30, 45, 88, 140), "c": (6, 15, 22, 40, 61), "n1": (120, 250, 400, 800),
             "n0": (150, 300, 500, 1000), "se": (78, 85, 92, 99), "sp": (80, 90, 95, 98), "pv": (0.5, 2, 5, 10),
             "bands": ("0-39/40-64/65+", "0-14/15-44/45-64/65+", "<50/50-69/70+"), "r1": (45, 120, 310, 870),
             "r2": (60, 150, 280, 940), "p0": (12, 20, 30, 45), "p1": (8, 14, 22, 35), "pw": (80, 90),
             "h": (6, 12, 24, 36), "food": ("chicken salad", "cream cake", "oysters", "rice", "ice cream")}

# ---- compiler construction ----
COMPILER = (
    ("Compute the FIRST and FOLLOW sets of the grammar {gram} and say whether it is LL(1).",
     "For the grammar {gram}, what are FIRST and FOLLOW of each nonterminal? Is it LL(1)?",
     "FIRST/FOLLOW {gram}, LL(1)?"),
    ("Build the {lr} parsing table for {gram} and report any conflicts.",
     "Construct the {lr} table for the grammar {gram}. Are there shift-reduce or reduce-reduce conflicts?",
     "{lr} table {gram}, conflicts?"),
    ("Convert the regular expression {re} into an NFA by Thompson's construction, then into a minimal DFA.",
     "Thompson NFA then minimal DFA for {re}: show the states and transitions.",
     "regex {re} -> NFA -> min DFA?"),
    ("Translate `{stmt}` into three-address code and then into {arch} assembly.",
     "What three-address code does `{stmt}` become, and what {arch} instructions would you emit?",
     "TAC + {arch} for `{stmt}`?"),
    ("Compute liveness for the block `{stmt}` and allocate registers with {k} registers by graph colouring.",
     "Do liveness analysis on `{stmt}` and colour the interference graph with {k} registers. What spills?",
     "liveness + regalloc k={k}: `{stmt}`?"),
    ("Which optimisations (constant folding, CSE, dead code, strength reduction) apply to `{stmt}`? Show the "
     "optimised code.",
     "Optimise `{stmt}`: which of constant folding, CSE, dead-code elimination and strength reduction apply?",
     "opt `{stmt}`: fold/CSE/DCE/SR?"),
    ("Write the type-checking rules for {feat} and check the expression `{stmt}` with them.",
     "How would a type checker handle {feat}? Give the rules and run them on `{stmt}`.",
     "typing rules {feat}, check `{stmt}`?"),
    ("Eliminate left recursion and left-factor the grammar {gram}, then write a recursive-descent parser for it.",
     "Remove the left recursion from {gram}, left-factor it, and sketch the recursive-descent parser.",
     "left-rec + factor {gram}, RD parser?"),
)
_GRAMMARS = ("E -> E + T | T; T -> T * F | F; F -> ( E ) | {t}", "S -> a S b | a b | {t}",
             "S -> A a | b; A -> A c | S d | {t}", "L -> L , {t} | {t}", "S -> i E t S | i E t S e S | {t}",
             "S -> ( L ) | {t}; L -> L , S | S", "A -> A x | A y | {t}", "B -> B and B | not B | {t}")
_STMTS = ("x = a * {k} + a * {k} - 0", "y = (i * {k}) + base; z = y + {k2}", "t = x + {k}; u = t * 2; t = {k3}",
          "for i in 0..n: s = s + a[i] * {k}", "if a < {k} then c = a else c = b", "p = q * {k}; r = p * {k}; p = 0")
COMPILER_SLOTS = {"gram": tuple(g.format(t=t) for g in _GRAMMARS for t in ("id", "num", "c", "z")),
                  "lr": ("SLR(1)", "LALR(1)", "canonical LR(1)"),
                  "re": tuple(f"({p}|{q})*{s}" for p, q in (("a", "b"), ("0", "1"), ("ab", "ba"), ("x", "yz"))
                              for s in ("abb", "a", "011", "x", "bb", "10")) + ("a(b|c)*d", "(a*b)*a"),
                  "stmt": tuple(st.format(k=k, k2=2 * k, k3=k + 3) for st in _STMTS for k in (2, 3, 4, 5, 8, 16)),
                  "arch": ("x86-64", "RISC-V", "ARM64", "a stack machine"), "k": (2, 3, 4),
                  "feat": ("let-polymorphism", "subtyping with records", "function types and application",
                           "arrays with bounds", "generic lists")}

CAPS = ("synth", "epi", "compiler")
_BANK = {"synth": (SYNTH, SYNTH_SLOTS), "epi": (EPI, EPI_SLOTS), "compiler": (COMPILER, COMPILER_SLOTS)}


seed = partial(C17.seed, bank=_BANK)
text = partial(C17.text, bank=_BANK)
perturb = partial(C17.perturb, bank=_BANK)
item = partial(C17.item, bank=_BANK)


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


def distinct(draw: Callable[[], tuple[str, Any]], tries: int = 40) -> Callable[[], tuple[str, Any]]:
    """draw(), redrawn while its text is one this caller already had (how a harvester keeps its set distinct)."""
    seen: set[str] = set()

    def nxt() -> tuple[str, Any]:
        x = draw()
        for _ in range(tries):
            if x[0] not in seen:
                break
            x = draw()
        seen.add(x[0])
        return x

    return nxt


# ---- asks that want the working without naming it, and the disguise ----
IMPLICIT_ASKS = ("Walk me through how you'd decide.", "I have to present this to my supervisor tomorrow.",
                 "What would a reviewer expect to see justified?", "Say what you'd check before trusting it.",
                 "I want to be able to do the next one myself.", "Spell out the assumptions as you go.",
                 "Mark it the way an examiner would.", "Where do people usually go wrong here?")
_LEADS = ("From this week's problem sheet:", "My PI asked me this in group meeting:", "Past exam question:",
          "Stuck on this for the lab report:", "The health board wants this by Friday:", "From the course "
          "project spec:", "Reviewer 2 asked:", "Question from the reading group:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- conversations: corpus_v17's, with the v18 texts ----
emit = partial(X.emit, answer_fn=answer)
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)
talk = partial(C17.talk, kit=KIT)
everyday_talk = partial(C17.everyday_talk, kit=KIT)
sitting = partial(C17.sitting, kit=KIT)


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v18 voice each) and their activity weights
    (a few heavy users and a long tail)."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]
