"""Text pools for the `v18` variant, continued (see corpus_v18.py; written blind the same way): a synthesis-planning
agent (reaction search, reagent stock, condition prediction, price and safety-sheet tools) for the agentic
campaign and the contract-research lab that runs the same agent for its chemists; worksheets (several numbered
items in one request) for packed_batch and the instructors' answer keys; step chains (a worked problem cut into
small questions, each fed the result of the one before) for decomposed_chain and the step-by-step tutor; and the
response texts of the v18 styles, sized from usage.output_tokens like v11-v17. Nothing here imports corpus_v18
(it imports this module), so the item pools are passed in."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v17_more as D17

# ---- the synthesis-planning agent ----
CHEM_SYS = ("You are a synthesis planning assistant for a medicinal chemistry group, with tools for reaction "
            "search, reagent stock, condition prediction, prices and safety data sheets. Check each step against the "
            "tools before proposing it and finish with a route summary.")
_P = {"smiles": ("string", "target or intermediate as SMILES"), "query": ("string", "reaction or reagent query"),
      "reagent": ("string", "reagent name or CAS number"), "scale": ("string", "scale, e.g. 5 g"),
      "site": ("string", "stockroom site")}
CHEM_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])}
              for n, d, ps in (
    ("search_reactions", "Search the reaction database for precedents", ("query", "smiles")),
    ("check_stock", "Is a reagent in the stockroom, and how much", ("reagent", "site")),
    ("predict_conditions", "Suggest conditions and an expected yield for a transformation", ("smiles", "scale")),
    ("price_quote", "Supplier price for a reagent at a scale", ("reagent", "scale")),
    ("read_sds", "Hazards and handling from a safety data sheet", ("reagent",)))]
CHEM_TASKS = ("Plan a route to {tgt} for {g} g of material and check every reagent is in stock.",
              "Our {rxn} step to {tgt} stalls at {y}% yield. Find precedents and propose better conditions.",
              "Find the cheapest three-step route to {tgt} at {g} g scale.",
              "Replace the {rxn} in our route to {tgt} with something that avoids cryogenic conditions.",
              "Check the route to {tgt} for reagents that need special handling and suggest safer swaps.",
              "We need an analogue of {tgt} with a {fg} handle. Plan it and price the reagents.")
_REAGENTS = ("NaBH4", "Pd(PPh3)4", "K2CO3", "DCC", "TBSCl", "MeMgBr", "AlCl3", "PPh3", "Boc2O", "EDC.HCl")


def chem_task(rng: random.Random, tasks: tuple[str, ...] = CHEM_TASKS) -> str:
    from benchmarks.traffic.corpus_v18 import SYNTH_SLOTS as S

    return rng.choice(tasks).format(tgt=rng.choice(S["tgt"]), g=rng.choice(S["g"]), rxn=rng.choice(S["rxn"]),
                                    y=rng.choice((18, 25, 32, 40)), fg=rng.choice(S["fg"]))


def chem_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a planning episode; stub results when not `realistic`."""
    name = "search_reactions" if k == 0 else rng.choice([t["name"] for t in CHEM_TOOLS])
    if not realistic:
        return name, {"query": "x"}, "ok"
    reagent = rng.choice(_REAGENTS)
    if name == "search_reactions":
        return name, {"query": rng.choice(("amide coupling", "ester hydrolysis", "aryl bromide Suzuki", "ketone "
                                           "reduction"))}, "; ".join(
            f"rxn {rng.randint(10000, 99999)}: {rng.randint(40, 96)}% ({rng.choice(('THF', 'DCM', 'EtOH', 'DMF'))})"
            for _ in range(rng.randint(2, 4)))
    if name == "check_stock":
        return name, {"reagent": reagent, "site": rng.choice(("B2", "main"))}, \
            f"{reagent}: {rng.choice((0, 5, 25, 100, 500))} g on shelf {rng.randint(1, 40)}"
    if name == "predict_conditions":
        return name, {"smiles": "c1ccccc1C(=O)O", "scale": f"{rng.choice((1, 5, 20))} g"}, \
            f"{rng.choice(('THF', 'toluene', 'MeCN'))}, {rng.choice((-78, 0, 25, 65, 110))} C, " \
            f"{rng.randint(1, 24)} h, expected {rng.randint(45, 95)}%"
    if name == "price_quote":
        return name, {"reagent": reagent, "scale": "100 g"}, f"{reagent}: {rng.randint(12, 900)} EUR / 100 g"
    return name, {"reagent": reagent}, f"{reagent}: {rng.choice(('flammable', 'corrosive', 'toxic if inhaled'))}; " \
                                       f"store {rng.choice(('under argon', 'below 25 C', 'dry'))}"


# ---- worksheets: several numbered items in one request ----
def worksheet(items: list[tuple[str, str]], header: str = "") -> str:
    """Items as one numbered paste (a problem set, a quiz, an exam paper)."""
    body = "\n\n".join(f"{j + 1}. {x}" for j, (x, _) in enumerate(items))
    return f"{header}\n\n{body}" if header else body


SHEET_HEADERS = ("Problem set {n} - {course}", "{course}: tutorial sheet {n}", "{course} revision quiz {n}",
                 "Week {n} exercises ({course})", "{course} - practice exam, section {n}")
COURSES = {"synth": ("CHEM 2410 Organic Synthesis", "Synthetic Methods II", "Med Chem 301"),
           "epi": ("EPI 502 Quantitative Epidemiology", "Biostatistics for Public Health", "MPH Core Methods"),
           "compiler": ("CS 4120 Compilers", "Programming Language Implementation", "COMP 3131 Translators")}


def sheet_header(rng: random.Random, cap: str) -> str:
    return rng.choice(SHEET_HEADERS).format(n=rng.randint(1, 12), course=rng.choice(COURSES[cap]))


# ---- step chains: a worked problem cut into small questions ----
STEPS = {
    "synth": ("For {tgt}, which bond would you disconnect first, aiming for {n} steps or fewer?", "If the first "
              "disconnection of {tgt} gives {prev}, what are the synthons and their reagent equivalents?", "Given "
              "{prev}, which conditions would form that bond in a {rxn}-type step at {temp} C?", "With {prev}, does "
              "the {fg} need protecting first?", "Given {prev}, what yield is realistic at {g} g and how would you "
              "purify it?"),
    "epi": ("What are the risks in each group if {a} of {n1} exposed and {c} of {n0} unexposed got ill?", "Given "
            "{prev}, what is the ratio of the two, with {a} and {c} cases?", "With {prev}, what is the standard "
            "error of its log for groups of {n1} and {n0}?", "Given {prev}, what is the 95% interval?", "If {prev}, "
            "how would you phrase that for a health board planning {h} months ahead?"),
    "compiler": ("What is FIRST of each nonterminal in {gram}?", "Given {prev}, what are the FOLLOW sets for "
                 "{gram}?", "With {prev}, fill in the LL(1) table rows of {gram}.", "Given {prev}, is there any cell "
                 "with two entries?", "If {prev}, how would you rewrite {gram} to fix it?"),
}
PREV = {"synth": ("bond {k} (the C-N bond) is cut first", "an acyl chloride and an amine at {k}.{j} equiv",
                  "coupling at {k}{j} C", "a TBS group on position {k}", "about {k}{j}% after recrystallisation"),
        "epi": ("risks of 0.{k}{j} and 0.0{j}", "a risk ratio of {k}.{j}", "an SE of 0.{j}{k} on the log scale",
                "an interval of 1.{j} to {k}.{j}", "the exposure multiplies the risk by {k}.{j}"),
        "compiler": ("FIRST(E) = {{(, id}} and {k} more sets", "FOLLOW(T) = {{+, ), $}} plus {k} others",
                     "{k} rows filled, {j} empty cells", "a conflict in row {k} on 'e'", "{k} conflicts in the "
                     "table")}


def chain(rng: random.Random, s: tuple[str, int, dict[str, Any]]) -> list[str]:
    """The small questions of one step chain for item seed s; step k carries the result of step k-1."""
    cap, _, slots = s
    return [q.format(prev=_fill(rng, PREV[cap][k - 1]) if k else "", **slots) for k, q in enumerate(STEPS[cap])]


# ---- routing: a cheap model first, a stronger one when the answer does not check out ----
LADDERS = {"openai.chat.completions": ("gpt-4.1-mini", "gpt-4.1", "gpt-4o"),
           "anthropic.messages": ("claude-haiku-4-5", "claude-sonnet-4-5", "claude-sonnet-4-5"),
           "openai.responses": ("gpt-5-mini", "gpt-4.1", "o4-mini")}

# ---- response texts ----
_SYNTH = ("Disconnect the amide C-N bond: an acid chloride and an amine.", "Protect the phenol as its TBS ether; "
          "TBAF removes it.", "The Grignard adds to the carbonyl carbon; workup with NH4Cl.", "Overall yield = "
          "0.{k}{j} x 0.8{j} = {k}{j}%.", "Atom economy = product mass / reactant mass = {k}{j}%.", "Run it at 0 C "
          "to suppress the side reaction.", "Recrystallise from ethanol/water.", "The E-alkene dominates with a "
          "stabilised ylide.", "Markovnikov addition puts the OH on the more substituted carbon.")
_EPI = ("Risk in the exposed = a / n1 = 0.{k}{j}.", "RR = {k}.{j}; the interval excludes 1.", "SE(ln RR) = "
        "sqrt(1/a - 1/n1 + 1/c - 1/n0).", "OR approximates RR when the outcome is rare.", "PPV = se x p / (se x p + "
        "(1 - sp)(1 - p)) = {k}{j}%.", "Standardising removes the effect of the different age structures.",
        "n per arm = (z_a + z_b)^2 [p0(1-p0) + p1(1-p1)] / (p0 - p1)^2 = {k}{j}0.", "Attack rate = ill / exposed "
        "= {k}{j}%.", "NNT = 1 / ARR = {k}{j}.", "Prevalence ~ incidence x duration.")
_COMPILER = ("FIRST(F) = {{(, id}}; FIRST(T) = FIRST(F).", "FOLLOW(E) = {{), $}}.", "The table has a conflict in row "
             "{k}, so the grammar is not LL(1).", "t{k} = a * b; t{j} = t{k} + t{k}", "Liveness flows backwards: "
             "in = use U (out - def).", "With {k} registers the interference graph needs one spill.", "Constant "
             "folding replaces 4 * 2 by 8.", "Strength reduction turns i * 4 into a running sum.", "Thompson's "
             "construction gives {k}{j} NFA states; minimisation leaves {k}.")
_CHEM_AGENT = ("The database has {k} precedents for this coupling at {k}{j}% yield.", "Everything is in stock except "
               "the boronic acid; the quote is {k}{j}0 EUR.", "I'd swap the cryogenic step for a room-temperature "
               "reduction.", "Route summary: {k} steps, about {k}{j}% overall.")
POOLS = {"synth": (_SYNTH, "\n", True), "epi": (_EPI, "\n", True), "compiler": (_COMPILER, "\n", True),
         "chem_agent": (_CHEM_AGENT, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v18 pools); styles of earlier
    variants fall through to corpus_v17_more.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=D17.answer,
                    bracketed="-")

