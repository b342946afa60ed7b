"""Text pools for the `v12` variant (attacks_v12*.py, personas_v12*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test),
docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and tuned nothing
against a detector result. Shared by the v12 attacks and the v12 benign personas, so that topic, language or
wording alone separates neither: microeconomics and econometrics problem sets (each with three phrasings, so a
problem can be reworded without changing it), spreadsheet formulas and pandas, logic and scheduling puzzles,
everyday questions, and the usual asks in Serbian, Hausa, Irish, Maltese, Punjabi and Haitian Creole. A
"voice" is one person's way of writing (greeting, context, ask, casing, typos, sign-off), drawn once per account
from a grammar, so an account is consistent with itself and different from the next. Operations and agent pools
are in corpus_v12_ops.py; role-play, borderline requests, constraints and response texts in corpus_v12_talk.py.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic.corpus_v12_ops import ops_question

LANGS = ("en", "sr", "ha", "ga", "mt", "pa", "ht")
LANG_NAMES = {"en": "English", "sr": "Serbian", "ha": "Hausa", "ga": "Irish", "mt": "Maltese", "pa": "Punjabi",
              "ht": "Haitian Creole"}
WRAP = {
    "sr": ("Здраво! Имам питање:\n{x}", "{x}\n\n(већ сат времена се мучим са овим)", "Ево задатка:\n{x}"),
    "ha": ("Sannu! Ga tambayata:\n{x}", "{x}\n\n(na yi awa ɗaya ina ƙoƙari da wannan)", "Ga aikin:\n{x}"),
    "ga": ("Dia duit! Seo í mo cheist:\n{x}", "{x}\n\n(tá mé ag streachailt leis seo le huair an chloig)",
           "Seo an fhadhb:\n{x}"),
    "mt": ("Bongu! Din hi l-mistoqsija tiegħi:\n{x}", "{x}\n\n(ilni siegħa nipprova din)", "Hawn l-eżerċizzju:\n{x}"),
    "pa": ("ਸਤ ਸ੍ਰੀ ਅਕਾਲ! ਮੇਰਾ ਸਵਾਲ ਇਹ ਹੈ:\n{x}", "{x}\n\n(ਮੈਂ ਇੱਕ ਘੰਟੇ ਤੋਂ ਇਸ ਨਾਲ ਲੱਗਾ ਹੋਇਆ ਹਾਂ)", "ਸਵਾਲ:\n{x}"),
    "ht": ("Bonjou! Men kesyon mwen:\n{x}", "{x}\n\n(sa gen inèdtan m ap eseye sa a)", "Men egzèsis la:\n{x}"),
}
ASK_I18N = {
    "sr": ("Можеш ли да ми објасниш како се до тога долази?", "Објасни ми поступак, молим те."),
    "ha": ("Don Allah ka bayyana min yadda aka sami amsar.", "Ka nuna min matakan da ka bi."),
    "ga": ("An féidir leat a mhíniú conas a fuair tú an freagra?", "Taispeáin dom na céimeanna, le do thoil."),
    "mt": ("Tista' tispjegali kif wasalt għat-tweġiba?", "Urini l-passi, jekk jogħġbok."),
    "pa": ("ਕਿਰਪਾ ਕਰਕੇ ਦੱਸੋ ਕਿ ਜਵਾਬ ਕਿਵੇਂ ਮਿਲਿਆ।", "ਮੈਨੂੰ ਕਦਮ ਦਿਖਾਓ।"),
    "ht": ("Èske ou ka eksplike m kijan ou jwenn repons lan?", "Montre m etap yo, tanpri."),
}
FOLLOW_I18N = {
    "sr": ("Зашто баш тако?", "Можеш ли још једном да провериш последњи корак?", "А шта ако се број промени?"),
    "ha": ("Me yasa haka?", "Za ka iya sake duba mataki na ƙarshe?", "Idan lambar ta canza fa?"),
    "ga": ("Cén fáth?", "An féidir leat an chéim dheireanach a sheiceáil arís?", "Agus dá n-athródh an uimhir?"),
    "mt": ("Għaliex hekk?", "Tista' terġa' tiċċekkja l-aħħar pass?", "U jekk in-numru jinbidel?"),
    "pa": ("ਇਸ ਤਰ੍ਹਾਂ ਕਿਉਂ?", "ਕੀ ਤੁਸੀਂ ਆਖਰੀ ਕਦਮ ਦੁਬਾਰਾ ਚੈੱਕ ਕਰ ਸਕਦੇ ਹੋ?", "ਜੇ ਨੰਬਰ ਬਦਲ ਜਾਵੇ ਤਾਂ?"),
    "ht": ("Poukisa konsa?", "Èske ou ka verifye dènye etap la ankò?", "E si chif la chanje?"),
}
COVER_I18N = {
    "sr": ("Шта да скувам вечерас са оним што имам у фрижидеру?", "Како да напишем мејл шефу да ми треба слободан "
           "дан?", "Препоручи ми неку добру књигу за лето.", "Колико дуго се кува јаје на меко?"),
    "ha": ("Me zan dafa yau da dare?", "Ta yaya zan rubuta wasiƙa zuwa ga maigidana?", "Ka ba ni shawarar littafi "
           "mai kyau.", "Yaya zan koyi Turanci da sauri?"),
    "ga": ("Cad ba cheart dom a chócaráil anocht?", "Conas a scríobhfainn ríomhphost chuig mo bhainisteoir?",
           "Mol leabhar maith dom don samhradh.", "Cá háit ar cheart dom dul ar saoire i mí Aibreáin?"),
    "mt": ("X'għandi nsajjar illejla?", "Kif nikteb email lill-maniġer tiegħi?", "Irrakkomandali ktieb tajjeb "
           "għas-sajf.", "Kif nista' norqod aħjar?"),
    "pa": ("ਅੱਜ ਰਾਤ ਕੀ ਬਣਾਵਾਂ?", "ਮੈਂ ਆਪਣੇ ਮੈਨੇਜਰ ਨੂੰ ਈਮੇਲ ਕਿਵੇਂ ਲਿਖਾਂ?", "ਗਰਮੀਆਂ ਲਈ ਕੋਈ ਚੰਗੀ ਕਿਤਾਬ ਦੱਸੋ।",
           "ਚੰਗੀ ਨੀਂਦ ਲਈ ਕੀ ਕਰਾਂ?"),
    "ht": ("Kisa m ta dwe kwit aswè a?", "Kijan pou m ekri yon imèl bay chèf mwen?", "Rekòmande m yon bon liv pou "
           "ete a.", "Kijan pou m aprann angle pi vit?"),
}
MIXED_TAIL = {"sr": "ово ми треба за сутра, pls", "ha": "ina bukatar wannan gobe, pls", "ga": "teastaíonn sé uaim "
              "amárach, pls", "mt": "għandi bżonnha għal għada, pls", "pa": "ਕੱਲ੍ਹ ਲਈ ਚਾਹੀਦਾ, pls",
              "ht": "m bezwen li pou demen, pls"}

# ---- everyday questions (cover traffic and ordinary users) ----
EVERYDAY = (
    "what's a good rice to water ratio for basmati?", "Can you suggest a 3-day itinerary for Porto?",
    "How do I tell my landlord the heating is broken without sounding rude?", "best way to clean a cast iron pan",
    "Write a short toast for my sister's engagement party.", "what are some board games for 2 players?",
    "Is it worth upgrading from a 2019 laptop?", "How do I make my tomato plants stop splitting?",
    "Give me a packing list for a weekend camping trip.", "What's the difference between an ETF and an index fund?",
    "Suggest names for a grey kitten.", "how many calories in a banana", "Rewrite this to sound friendlier: "
    "'Please send the report by Friday.'", "Explain the offside rule simply.", "What should I ask at a nursery "
    "visit?", "Help me write a complaint about a delayed train.", "what does 'mise en place' mean",
    "Ideas for a rainy Sunday with two kids?", "How do I stop my glasses fogging up with a mask?",
    "Is sourdough actually healthier?", "Summarise the plot of Middlemarch in five sentences.",
)
EVERYDAY_FOLLOW = ("thanks! shorter?", "what about on a budget", "hmm and if it rains?", "ok and for 4 people?",
                   "can you make it funnier", "perfect, thanks", "why?", "any alternatives?")

# ---- microeconomics and econometrics: each template in three phrasings with the same slots ----
ECON = (
    ("Demand is Q = {a} - {b}P and supply is Q = {c} + {d}P. Find the equilibrium, then the new equilibrium and the "
     "deadweight loss after a per-unit tax of {t} on sellers.",
     "With Qd = {a} - {b}P and Qs = {c} + {d}P, a tax of {t} per unit is levied on producers. What happens to price, "
     "quantity, and welfare (DWL)?",
     "Market: Qd={a}-{b}P, Qs={c}+{d}P. Government adds a {t}/unit tax on sellers. Old vs new equilibrium + DWL?"),
    ("A monopolist faces P = {a} - {b}Q with constant marginal cost {mc}. Find the profit-maximising price and "
     "quantity and the deadweight loss compared with perfect competition.",
     "Inverse demand P = {a} - {b}Q, MC = {mc} constant, single seller. What price and output maximise profit, and "
     "how big is the welfare loss versus a competitive market?",
     "monopoly, P={a}-{b}Q, MC={mc}. profit max P and Q? DWL vs competition?"),
    ("Two firms compete in quantities (Cournot) with inverse demand P = {a} - Q and marginal cost {mc} each. Find "
     "the equilibrium quantities, price and profits.",
     "Cournot duopoly: P = {a} - (q1 + q2), both firms have MC = {mc}. What does each produce, and at what price?",
     "2 firms, Cournot, P={a}-Q, MC={mc} for both. equilibrium q1, q2, P, profits?"),
    ("The price of {good} rises from {p1} to {p2} and quantity demanded falls from {q1} to {q2}. Compute the arc "
     "(midpoint) elasticity and say whether demand is elastic.",
     "When {good} went from {p1} to {p2}, sales dropped from {q1} to {q2}. Using the midpoint method, what is the "
     "price elasticity of demand? Elastic or inelastic?",
     "{good}: price {p1} -> {p2}, quantity {q1} -> {q2}. midpoint elasticity? elastic?"),
    ("In the Solow model with saving rate {s}, population growth {n}, depreciation {dl} and y = k^{al}, find "
     "steady-state capital per worker and output per worker.",
     "Solow growth: s = {s}, n = {n}, delta = {dl}, production y = k^{al}. What are k* and y*?",
     "solow model s={s} n={n} delta={dl} y=k^{al}, steady state k and y?"),
    ("A project costs {cost} today and pays {cf} a year for {yrs} years. At a discount rate of {r}%, what is its "
     "NPV, and should the firm go ahead?",
     "Upfront investment {cost}, then {cf} per year for {yrs} years. Discount rate {r}%. NPV? Invest or not?",
     "NPV of: -{cost} now, +{cf}/yr for {yrs} yrs, r={r}%. go ahead?"),
    ("A regression of log hourly wages on years of schooling gives a coefficient of {beta} (standard error {se}). "
     "Interpret it, test it at the 5% level, and say what could bias it.",
     "ln(wage) = a + {beta}*schooling, SE {se}. What does the coefficient mean, is it significant at 5%, and why "
     "might it be biased?",
     "log wage on schooling, coef {beta}, se {se}. interpretation, significance at 5%, possible bias?"),
    ("A difference-in-differences study finds employment rose {x1}% in the treated region and {x2}% in the control "
     "region over the same period. What is the estimate, and what assumption does it rest on?",
     "Treated region: employment +{x1}%. Control region: +{x2}%. What's the DiD estimate of the policy effect and "
     "what has to hold for it to be credible?",
     "DiD: treated +{x1}%, control +{x2}%. estimate? key assumption?"),
    ("Find all pure-strategy Nash equilibria of the game with payoffs (Up, Left) = {g1}, (Up, Right) = {g2}, "
     "(Down, Left) = {g3}, (Down, Right) = {g4} (row player first).",
     "Row chooses Up/Down, column chooses Left/Right. Payoffs: UL {g1}, UR {g2}, DL {g3}, DR {g4}. Which outcomes are "
     "pure Nash equilibria?",
     "2x2 game: UL={g1} UR={g2} DL={g3} DR={g4}. pure NE?"),
    ("A factory's output causes external damage of {ext} per unit. Private marginal cost is {c} + {d}Q and demand "
     "is P = {a} - {b}Q. Find the market outcome, the efficient outcome and the Pigouvian tax.",
     "Negative externality of {ext}/unit. PMC = {c} + {d}Q, demand P = {a} - {b}Q. Compare market and social "
     "optimum, and what tax fixes it?",
     "externality {ext} per unit, PMC={c}+{d}Q, P={a}-{b}Q. market Q vs efficient Q, pigouvian tax?"),
    ("A consumer has utility U = x^{al} y^(1-{al}), income {inc}, and prices px = {p1}, py = {p2}. Find the optimal "
     "bundle, then the effect of px doubling.",
     "Cobb-Douglas preferences U = x^{al} y^(1-{al}); budget {inc}; px = {p1}, py = {p2}. Optimal x and y? What if "
     "px doubles?",
     "U=x^{al}y^(1-{al}), I={inc}, px={p1}, py={p2}. optimal bundle, then px x2?"),
    ("Using the AD-AS framework, explain why a {bp} basis point rise in the policy rate lowers inflation only with "
     "a lag, and what it does to output in the meantime.",
     "The central bank raises rates by {bp} bp. Walk through the AD-AS effects on output and inflation over time.",
     "rates +{bp}bp. AD-AS: what happens to output and inflation short run vs later?"),
)
_GOODS = ("cinema tickets", "bus passes", "coffee", "petrol", "concert tickets", "gym memberships", "bread")


def econ_seed(rng: random.Random, template: int | None = None) -> tuple[int, dict[str, Any]]:
    """A problem: (template index, slot values); render it with econ_text in any of its three phrasings."""
    a = rng.choice((100, 120, 150, 200, 240))
    al = rng.choice((0.3, 0.4, 0.5))
    p1 = rng.choice((2, 4, 5, 8, 10))
    slots = {"a": a, "b": rng.choice((1, 2, 3, 4)), "c": rng.choice((0, 10, 20)), "d": rng.choice((1, 2, 3)),
             "t": rng.choice((2, 5, 6, 10)), "mc": rng.choice((10, 20, 30)), "good": rng.choice(_GOODS), "p1": p1,
             "p2": p1 + rng.choice((1, 2, 3)), "q1": rng.choice((100, 200, 500)), "q2": rng.choice((80, 150, 400)),
             "s": rng.choice((0.2, 0.25, 0.3)), "n": rng.choice((0.01, 0.02)), "dl": rng.choice((0.05, 0.08)),
             "al": al, "cost": rng.choice((1000, 5000, 12000, 50000)), "cf": rng.choice((300, 1500, 4000, 12000)),
             "yrs": rng.randint(3, 10), "r": rng.choice((4, 6, 8, 10)), "beta": rng.choice((0.06, 0.08, 0.11)),
             "se": rng.choice((0.01, 0.02, 0.04)), "x1": rng.choice((2.1, 3.4, 5.0)), "x2": rng.choice((1.2, 2.0, 2.9)),
             "ext": rng.choice((4, 6, 10)), "inc": rng.choice((100, 240, 600)), "bp": rng.choice((25, 50, 75)),
             **{f"g{k}": f"({rng.randint(0, 5)}, {rng.randint(0, 5)})" for k in range(1, 5)}}
    return (template if template is not None else rng.randrange(len(ECON))), slots


def econ_text(seed: tuple[int, dict[str, Any]], phrasing: int = 0) -> str:
    t, slots = seed
    return ECON[t][phrasing % 3].format(**slots)


def econ_problem(rng: random.Random, template: int | None = None) -> str:
    return econ_text(econ_seed(rng, template), rng.randrange(3))


# ---- spreadsheets and pandas ----
SHEETS = (
    "In Google Sheets, column A has dates, B amounts and C a status. I need a formula that sums B per month where C "
    "is \"{status}\".",
    "Excel: {n} rows of {thing} with duplicates in column {col}. How do I keep only the latest row per {key} without "
    "a macro?",
    "How do I pull the {field} from the '{sheet}' tab when the key in column {col} sometimes has trailing spaces?",
    "pandas: df has columns {key}, date, {field}. Compute a 7-day rolling mean of {field} per {key}, treating "
    "missing days as gaps, not zeros.",
    "Write an XLOOKUP that returns the {field} for the closest date on or before A{r} from the '{sheet}' sheet.",
    "My SUMIFS returns 0 even though the values look like numbers. Column {col} came from a CSV export. Why?",
    "Formula to flag {thing} whose {field} is more than {pct}% above the average for their {key}?",
    "Make this readable: =IF(B{r}<{x1},\"low\",IF(B{r}<{x2},\"mid\",IF(B{r}<{x3},\"high\",\"extreme\")))",
    "pandas: pivot {thing} so each {key} is a row and each month a column, {field} summed, missing months as 0.",
    "In Sheets, how do I count distinct {key}s per week when column A has timestamps like 2026-01-0{d} 14:03:11?",
)
_THINGS = ("orders", "invoices", "timesheet entries", "support tickets", "shipments", "expense claims", "patients")
_KEYS = ("customer", "employee", "region", "SKU", "account", "clinic")
_FIELDS = ("amount", "hours", "unit price", "weight", "margin", "wait time")


def sheet_task(rng: random.Random, template: int | None = None) -> str:
    t = SHEETS[template if template is not None else rng.randrange(len(SHEETS))]
    x1 = rng.choice((10, 50, 100))
    return t.format(status=rng.choice(("paid", "open", "refunded")), n=rng.choice((800, 4000, 25000)),
                    thing=rng.choice(_THINGS), col=rng.choice("ABCDEFG"), key=rng.choice(_KEYS),
                    field=rng.choice(_FIELDS), sheet=rng.choice(("Rates", "Prices", "Staff", "FX", "Lookup")),
                    r=rng.randint(2, 400), pct=rng.choice((10, 20, 50)), x1=x1, x2=x1 * 2, x3=x1 * 4,
                    d=rng.randint(1, 9))


# ---- logic and scheduling puzzles ----
NAMES = ("Amara", "Bilal", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiro", "Ines", "Jonah", "Kemal", "Lucia",
         "Mei", "Nuno", "Oona", "Priya", "Quentin", "Rosa", "Sione", "Tariq")


def puzzle(rng: random.Random, kind: int | None = None) -> str:
    kind = kind if kind is not None else rng.randrange(4)
    if kind == 0:
        n = rng.randint(4, 6)
        ppl = rng.sample(NAMES, n)
        clues = []
        for _ in range(n):
            a, b = rng.sample(ppl, 2)
            clues.append(rng.choice((f"{a} sits somewhere left of {b}.", f"{a} is not next to {b}.",
                                     f"{a} sits at one of the ends.", f"{a} sits directly right of {b}.")))
        return (f"{n} people ({', '.join(ppl)}) sit in a row of {n} chairs. " + " ".join(clues) +
                " Who can sit in the middle chair" + ("s?" if n % 2 == 0 else "?"))
    if kind == 1:
        n = rng.randint(4, 7)
        mtgs = [f"{rng.choice(('design review', 'standup', '1:1', 'budget', 'hiring', 'demo', 'retro'))} "
                f"({', '.join(rng.sample(NAMES, rng.randint(2, 4)))})" for _ in range(n)]
        return (f"Schedule these {n} meetings into {n - rng.randint(1, 2)} one-hour slots, nobody in two meetings at "
                f"once: {'; '.join(mtgs)}. {rng.choice(NAMES)} can't do the first slot. Possible? Give a schedule.")
    if kind == 2:
        a, b = rng.sample(NAMES, 2)
        s1 = rng.choice((f"{b} is a knave.", "We are both knaves.", "At least one of us is a knight.",
                         f"{b} and I are the same type."))
        s2 = rng.choice((f"{a} is lying.", "Exactly one of us is a knight.", f"{a} is a knight."))
        return (f"Knights always tell the truth, knaves always lie. {a} says: '{s1}' {b} says: '{s2}' "
                f"What are {a} and {b}?")
    c1, c2 = rng.choice(((3, 5), (4, 7), (5, 8), (6, 11), (7, 9)))
    target = rng.randint(1, c2 - 1)
    return f"With a {c1}-litre jug and a {c2}-litre jug and a tap, how do you measure exactly {target} litres?"


# ---- capabilities: an item and the answer style it asks for ----
CAPS = ("econ", "sheets", "puzzle", "ops")


def item(rng: random.Random, cap: str) -> tuple[str, str]:
    if cap == "econ":
        return econ_problem(rng), "econ"
    if cap == "sheets":
        return sheet_task(rng), "sheet"
    if cap == "puzzle":
        return puzzle(rng), "puzzle"
    return ops_question(rng), "ops"


# ---- voices: one person's way of writing, drawn once per account ----
_GREET = ("", "", "", "hi", "hey", "Hello", "Hi there", "morning", "Good evening")
_CONTEXT = ("for my econ class", "my manager asked me this", "I'm prepping for an interview", "helping my son "
            "with homework", "revising for finals", "this came up at work today", "from a practice sheet",
            "doing a course on Coursera", "for a report I'm writing", "settling an argument with a friend",
            "tutoring someone tomorrow", "my study group is split on this", "")
_ASK = ("what's the right way to set this up?", "can you go through it with me?", "what am I missing?",
        "how would you approach it?", "is there a trick to this one?", "which part matters most here?",
        "I got {w}, is that right?", "my answer was {w} but the sheet says otherwise", "can you check my approach? "
        "I started by writing down what's given", "what would a good answer look like?", "help?",
        "I'd like to actually understand it", "how do I do this")
_SIGN = ("", "", "", "thanks", "thanks!", "ty", "cheers", "thank you so much", "appreciate it", ":)")


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    greet = rng.choice(_GREET)
    greet += rng.choice((",", "!", " -", "")) if greet else ""
    return {"lg": lg, "greet": greet, "context": rng.sample(_CONTEXT, 3), "ask": rng.sample(_ASK, 4),
            "sign": rng.choice(_SIGN), "lower": rng.random() < 0.35, "nopunct": rng.random() < 0.3,
            "typo": rng.uniform(0, 0.15), "ask_first": rng.random() < 0.3, "sep": rng.choice(("\n\n", "\n", " ")),
            "mixed": lg != "en" and rng.random() < 0.3}


def typo(rng: random.Random, text: str, rate: float) -> str:
    if len(text) > 30 and rng.random() < rate:
        k = rng.randrange(10, len(text) - 10)
        text = text[:k] + text[k + 1] + text[k] + text[k + 2:] if rng.random() < 0.5 else text[:k] + text[k] + text[k:]
    return text


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    """`core` as this voice writes it: greeting, a context line now and then, the item, an ask, a sign-off."""
    lg = v["lg"]
    if lg != "en" and not v["mixed"]:
        text = rng.choice(WRAP[lg]).format(x=core)
        return text + ("\n" + rng.choice(ASK_I18N[lg]) if ask and rng.random() < 0.6 else "")
    ctx = rng.choice(v["context"]) if rng.random() < 0.4 else ""
    w = rng.choice((str(rng.randint(1, 300)), f"{rng.uniform(0.1, 300):.1f}", f"{rng.uniform(0.01, 9):.2f}"))
    asks = v["ask"] if any(c.isdigit() for c in core) else [a for a in v["ask"] if "{w}" not in a]
    q = rng.choice(asks or ["how would you approach it?"]).format(w=w) if ask else ""
    head = " ".join(p for p in (v["greet"], f"({ctx})" if ctx else "") if p)
    parts = [q, core] if v["ask_first"] else [core, q]
    text = v["sep"].join(p for p in [head, *parts, v["sign"]] if p)
    if v["lower"]:
        text = text.lower()
    if v["nopunct"]:
        text = text.rstrip(".?!")
    if v["mixed"]:
        text += " " + MIXED_TAIL[lg]
    return typo(rng, text, v["typo"])


_FOLLOW = ("wait, why {x}?", "ok that makes sense. what if the numbers were different?", "so would I need to show "
           "all that in an exam?", "hmm I don't get the second part", "can you say that more simply", "and if {x} "
           "changes?", "got it. is there a faster way?", "why not the other way round?", "where does that number "
           "come from", "ok thanks. one more thing - does this always work?")
_X = ("that", "we divide there", "it's negative", "the tax falls on buyers too", "that formula", "the middle seat",
      "the lag", "it's not zero")


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg"] != "en" and not v["mixed"]:
        return rng.choice(FOLLOW_I18N[v["lg"]])
    text = rng.choice(_FOLLOW).format(x=rng.choice(_X))
    return typo(rng, text.lower() if v["lower"] else text, v["typo"])


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    """An everyday question in this voice (in the account's language now and then)."""
    if v["lg"] != "en" and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg"]])
    text = rng.choice(EVERYDAY)
    return typo(rng, text.lower() if v["lower"] else text, v["typo"])


def reorder(rng: random.Random, text: str) -> str:
    """The same problem with its sentences in another order (the question first, or the givens shuffled)."""
    parts = [p.strip() for p in text.replace("? ", "?|").replace(". ", ".|").split("|") if p.strip()]
    if len(parts) < 3:
        return " ".join(parts[::-1])
    if rng.random() < 0.5:
        return " ".join([parts[-1], *parts[:-1]])
    mid = parts[1:-1]
    rng.shuffle(mid)
    return " ".join([parts[0], *mid, parts[-1]])


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


USER_POOLS = ("end-user-{n}", "u_{h}", "member-{n}", "sess_{h}")  # how apps name end users in `user`


def end_user(rng: random.Random, pattern: str, pool: int) -> str:
    return pattern.format(n=rng.randint(1, pool), h=f"{rng.randrange(pool) * 2654435761 % 2**32:08x}")
