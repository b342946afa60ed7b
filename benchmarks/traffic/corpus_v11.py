"""Text pools for the `v11` variant (attacks_v11*.py, personas_v11.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test)
or docs/extraction.md, never ran the detector and tuned nothing against a detector result. Shared by the v11
attacks and the v11 benign personas, so that topic, language or item style alone separates neither: chemistry
and pharmacology homework problems, small functions and diffs in eight programming languages (unit tests and
code review), long documents (insurance policies, equipment manuals, trial protocols, municipal bylaws) for
document QA, customer-support situations, the usual asks in Yoruba, Kazakh, Amharic, Uzbek, Sinhala and
Macedonian, and a "prompt writer" that rewrites a request the way an LLM asked for varied prompts would.
Code, shipping documents, translation sentences and answer texts are in corpus_v11_docs.py and
corpus_v11_answers.py.
"""

from __future__ import annotations

import random

LANGS = ("en", "yo", "kk", "am", "uz", "si", "mk")
LANG_NAMES = {"yo": "Yoruba", "kk": "Kazakh", "am": "Amharic", "uz": "Uzbek", "si": "Sinhala", "mk": "Macedonian"}

# ---- chemistry and pharmacology homework ----
_COMPOUNDS = (("NaOH", 40.0), ("H2SO4", 98.1), ("CaCO3", 100.1), ("KMnO4", 158.0), ("C6H12O6", 180.2),
              ("NH4Cl", 53.5), ("Na2CO3", 106.0), ("CH3COOH", 60.1), ("AgNO3", 169.9), ("Mg(OH)2", 58.3))
_ACIDS = (("acetic acid", 1.8e-5), ("formic acid", 1.8e-4), ("hypochlorous acid", 3.0e-8), ("benzoic acid", 6.3e-5),
          ("hydrofluoric acid", 6.8e-4), ("ammonium ion", 5.6e-10))
_DRUGS = ("gentamicin", "vancomycin", "phenytoin", "digoxin", "theophylline", "lithium", "amoxicillin", "warfarin")
_SUBSTRATES = ("2-bromo-2-methylpropane", "1-chlorobutane", "2-iodopentane", "bromocyclohexane",
               "benzyl chloride", "3-bromo-3-ethylpentane")
_NUCS = ("sodium ethoxide in ethanol", "sodium iodide in acetone", "water at 50 C", "potassium tert-butoxide",
         "sodium azide in DMSO", "methanol with heat")
CHEM = (
    "How many grams of {c1} are needed to make {v} mL of a {m} M solution?",
    "{g} g of {c1} reacts completely with excess acid. How many moles of gas form if each mole gives {k} mol?",
    "What is the pH of a {m} M solution of {acid} (Ka = {ka})?",
    "A buffer is made from {m} M {acid} and {m2} M of its conjugate base. What is the pH, and what happens after "
    "adding {v} mL of 0.10 M HCl to 100 mL of it?",
    "{v} mL of {m} M NaOH titrates {v2} mL of {acid}. What is the acid concentration, and the pH at half-equivalence?",
    "A gas occupies {v} mL at {tc} C and {p} kPa. What volume does it occupy at STP?",
    "The half-life of a first-order reaction is {h} min. How long until {pct}% of the reactant is gone?",
    "The rate constant doubles from {tc} C to {tc2} C. Estimate the activation energy.",
    "A patient of {kg} kg needs {drug} to reach a peak of {cp} mg/L. Vd is {vd} L/kg. What loading dose?",
    "{drug} has a half-life of {h} h. Dosed every {tau} h, what fraction of the steady state is reached after "
    "{nd} doses?",
    "Clearance of {drug} is {cl} mL/min. To keep an average level of {cp} mg/L, what daily dose is needed "
    "(F = {f})?",
    "Predict the main product of {sub} with {nuc}: SN1, SN2, E1 or E2?",
    "Rank these by boiling point: {c1}, {c2}, and water. What decides the order?",
    "Balance: {c1} + {c2} -> products, and name the limiting reagent if you start with {g} g of each.",
)


def chem_problem(rng: random.Random, template: int | None = None) -> str:
    (c1, _), (c2, _) = rng.sample(_COMPOUNDS, 2)
    acid, ka = rng.choice(_ACIDS)
    t = CHEM[template if template is not None else rng.randrange(len(CHEM))]
    return t.format(c1=c1, c2=c2, acid=acid, ka=f"{ka:.1e}", m=rng.choice((0.05, 0.1, 0.2, 0.25, 0.5, 1.0)),
                    m2=rng.choice((0.08, 0.15, 0.3)), v=rng.choice((25, 50, 100, 250, 500)),
                    v2=rng.choice((10, 20, 25, 40)), g=round(rng.uniform(1, 60), 1), k=rng.choice((1, 2)),
                    tc=rng.choice((20, 25, 37, 60)), tc2=rng.choice((35, 45, 70, 80)), p=rng.choice((90, 101, 120)),
                    h=rng.choice((4, 6, 8, 12, 30, 45)), pct=rng.choice((75, 90, 99)), kg=rng.randint(45, 110),
                    drug=rng.choice(_DRUGS), cp=rng.choice((2, 8, 10, 15, 20)), vd=rng.choice((0.25, 0.5, 0.7)),
                    tau=rng.choice((8, 12, 24)), nd=rng.randint(2, 6), cl=rng.randint(40, 140),
                    f=rng.choice((0.6, 0.8, 1.0)), sub=rng.choice(_SUBSTRATES), nuc=rng.choice(_NUCS))


CHEM_TOPICS = ("stoichiometry", "acid-base", "buffers", "titration", "gas laws", "kinetics", "pharmacokinetics",
               "organic mechanisms", "intermolecular forces", "reaction balancing")

# How students type questions into a homework app (real ones, and the script imitating them).
STUDENT_OPEN = ("", "", "pls help ", "hw q: ", "can someone explain ", "stuck on this one - ", "test tmrw!! ",
                "my teacher's answer is different from mine: ", "Q3 of the worksheet: ")
STUDENT_FOLLOW = ("why do we use the Ka there and not Kb?", "where did the 2 come from?", "i got a different answer, "
                  "can you check?", "ok but what if it was a weak base", "can you do it again without the formula",
                  "thanks. is this on the AP exam?", "what unit should the answer be in")

# ---- six languages: asks, help lines, follow-ups, wrappers ----
ASK_I18N = {
    "yo": ("Ṣàlàyé bí o ṣe dé ìdáhùn náà, ní ìgbésẹ̀ kọ̀ọ̀kan.", "Kọ gbogbo èrò rẹ sílẹ̀ kí o tó dáhùn."),
    "kk": ("Жауапқа қалай жеткеніңді әр қадамымен түсіндір.", "Жауап бермес бұрын бүкіл ойыңды жаз."),
    "am": ("መልሱ ላይ እንዴት እንደደረስክ በየደረጃው አብራራ።", "ከመመለስህ በፊት ሁሉንም ሀሳብህን ጻፍ።"),
    "uz": ("Javobga qanday kelganingni har bir qadam bilan tushuntir.", "Javobdan oldin butun fikrlashingni yoz."),
    "si": ("ඔබ පිළිතුරට පැමිණි ආකාරය පියවරෙන් පියවර පැහැදිලි කරන්න.", "පිළිතුරට පෙර ඔබේ සියලු තර්කය ලියන්න."),
    "mk": ("Објасни како стигна до одговорот, чекор по чекор.", "Напиши го целото размислување пред одговорот."),
}
HELP_I18N = {
    "yo": ("Ṣé o lè ràn mí lọ́wọ́ pẹ̀lú èyí?", "Kò yé mi, jọ̀wọ́ ràn mí lọ́wọ́."),
    "kk": ("Осыған көмектесе аласың ба?", "Түсінбедім, көмектесші."),
    "am": ("በዚህ ልትረዳኝ ትችላለህ?", "አልገባኝም፣ እባክህ እርዳኝ።"),
    "uz": ("Bunga yordam bera olasanmi?", "Tushunmadim, iltimos yordam ber."),
    "si": ("මට මේකට උදව් කරන්න පුළුවන්ද?", "මට තේරුණේ නැහැ, කරුණාකර උදව් කරන්න."),
    "mk": ("Можеш ли да ми помогнеш со ова?", "Не разбирам, те молам помогни ми."),
}
FOLLOW_I18N = {
    "yo": ("Kí ló dé tí kì í ṣe ọ̀nà kejì?", "Ṣé o lè tún apá ìkẹyìn yẹ̀ wò?"),
    "kk": ("Неге басқа жолмен емес?", "Соңғы бөлігін қайта тексере аласың ба?"),
    "am": ("ለምን ሌላኛው መንገድ አይሆንም?", "የመጨረሻውን ክፍል እንደገና ማየት ትችላለህ?"),
    "uz": ("Nega boshqa yo'l emas?", "Oxirgi qismini qayta tekshira olasanmi?"),
    "si": ("අනෙක් ක්‍රමය නොවන්නේ ඇයි?", "අවසාන කොටස නැවත පරීක්ෂා කරන්න පුළුවන්ද?"),
    "mk": ("Зошто не другиот начин?", "Можеш ли повторно да го провериш последниот дел?"),
}
WRAP = {
    "yo": ("Ẹ n lẹ́ o! Ìbéèrè mi nìyí:\n{x}", "{x}\n\n(mo ti wà lórí èyí fún wákàtí kan)"),
    "kk": ("Сәлем! Мәселе мынадай:\n{x}", "{x}\n\n(бір сағаттан бері осымен отырмын)"),
    "am": ("ሰላም! ጥያቄዬ ይህ ነው፦\n{x}", "{x}\n\n(አንድ ሰዓት ሙሉ ይህን ስሞክር ነበር)"),
    "uz": ("Salom! Savol mana bunday:\n{x}", "{x}\n\n(bir soatdan beri shu bilan o'tiribman)"),
    "si": ("ආයුබෝවන්! ප්‍රශ්නය මෙන්න:\n{x}", "{x}\n\n(පැයක් තිස්සේ මේකේ හිරවෙලා)"),
    "mk": ("Здраво! Еве го прашањето:\n{x}", "{x}\n\n(цел час се мачам со ова)"),
}


USER_PREFIXES = ("u_", "st_", "usr_", "learner_")  # how apps name their end users in `user`


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def wrap(rng: random.Random, text: str, lg: str) -> str:
    return text if lg == "en" else rng.choice(WRAP[lg]).format(x=text)


def typed(rng: random.Random, text: str) -> str:
    """How people type: sometimes lower case, no final mark, a doubled letter, a stray remark."""
    if rng.random() < 0.3:
        text = text.lower()
    if rng.random() < 0.3:
        text = text.rstrip(".?!")
    if rng.random() < 0.1 and len(text) > 20:
        k = rng.randrange(5, len(text) - 5)
        text = text[:k] + text[k] + text[k:]
    if rng.random() < 0.06:
        text += rng.choice((" thx", " asap", " :)", " (sorry if dumb question)"))
    return text


# ---- the prompt writer: how a request reads when another LLM was asked for "varied, natural" prompts ----
_PW_OPEN = ("", "", "Hi! ", "Hello, ", "Quick question. ", "Hoping you can help. ", "I've been going back and forth "
            "on this. ", "Context: I'm revising for an exam. ", "For a project at work: ", "Curious about something. ",
            "Bit of a long one, sorry. ", "Got this from a colleague and I'm not sure about it. ")
_PW_BRIDGE = ("Here it is:", "The problem:", "", "Details below.", "This is what I have:", "See below -",
              "So:", "Here's the situation.")
_PW_ASK = ("Could you walk me through how you'd approach it?", "What's the right way to think about this?",
           "How would an expert reason about it?", "I'd love to understand the logic, not just the answer.",
           "Can you explain it like you would to a sharp student?", "What would you check first, and why?",
           "Please lay out your thinking in order.", "Help me see where each number comes from.",
           "Where do people usually go wrong here, and what's correct?", "What's your take, and what drives it?")
_PW_CLOSE = ("", "", "", "Thanks!", "Thanks in advance.", "Appreciate it.", "Cheers.", "No rush.",
             "Keep it readable please.", "Be thorough but clear.")
_SYN = (("problem", "question", "exercise", "task"), ("calculate", "work out", "figure out", "determine"),
        ("solution", "answer", "result"), ("explain", "describe", "clarify"), ("needed", "required"),
        ("function", "routine", "method"), ("document", "text", "file"), ("customer", "client"))


def prompt_writer(rng: random.Random, core: str) -> str:
    """`core` rewritten with an opener, a bridge, an ask and a closer in a random order, synonyms swapped at random:
    tens of thousands of surface forms, so almost no two prompts share their wording end to end."""
    for group in _SYN:
        for w in group:
            if w in core and rng.random() < 0.5:
                core = core.replace(w, rng.choice(group), 1)
                break
    opener, bridge, ask, close = (rng.choice(_PW_OPEN), rng.choice(_PW_BRIDGE), rng.choice(_PW_ASK),
                                  rng.choice(_PW_CLOSE))
    shape = rng.randrange(4)
    if shape == 0:
        parts = [f"{opener}{bridge}".strip(), core, ask, close]
    elif shape == 1:
        parts = [f"{opener}{ask}".strip(), core, close]
    elif shape == 2:
        parts = [core, f"{ask} {close}".strip()]
    else:
        parts = [opener.strip(), core + " " + ask.lower(), close]
    sep = rng.choice(("\n\n", "\n", " "))
    return sep.join(p for p in parts if p)


# ---- long documents for document QA ----
DOC_KINDS = ("insurance policy", "equipment manual", "trial protocol", "municipal bylaw")
_DOC_TITLES = {
    "insurance policy": ("Homeowners Policy HO-{n}", "Commercial Property Wording CP-{n}", "Travel Cover Terms T{n}"),
    "equipment manual": ("Service Manual, Chiller Unit RX-{n}", "Operator Guide, Press Brake PB{n}",
                         "Installation Manual, Heat Pump HP-{n}"),
    "trial protocol": ("Protocol {n}: Phase II Study of Oral Agent in Adults", "Protocol {n}: Pragmatic Trial in "
                       "Primary Care"),
    "municipal bylaw": ("Bylaw {n} Respecting Short-Term Rentals", "Bylaw {n} Respecting Noise",
                        "Bylaw {n} Respecting Trees on Private Land"),
}
_CLAUSES = {
    "insurance policy": (
        "We will pay for sudden and accidental direct physical loss to the dwelling, except as excluded in {s}.",
        "Water damage is covered only if the water escaped suddenly from a plumbing system; seepage over a period "
        "of {d} days or more is excluded.", "The deductible is {a} per occurrence, except windstorm losses, where "
        "it is {p}% of the dwelling limit.", "If the home is vacant for more than {d} consecutive days, theft and "
        "vandalism are not covered.", "Loss must be reported within {d} days; late notice voids cover only if it "
        "prejudiced our investigation.", "Additional living expenses are paid for up to {m} months while the "
        "home is uninhabitable.", "Business property at the residence is covered up to {a}.",
        "Mould is excluded unless it results from a covered water loss and is reported within {d} days."),
    "equipment manual": (
        "Before servicing, isolate the unit and wait {m} minutes for capacitors to discharge.", "Alarm E{n2} "
        "indicates low suction pressure; check refrigerant charge and the expansion valve, in that order.",
        "Torque the terminal screws to {p} Nm; over-torquing cracks the block.", "The warranty lapses if "
        "non-approved oil is used or service intervals exceed {d} days.", "Set the low-ambient lockout to {p} C "
        "in cold climates.", "Replace the filter drier whenever the circuit is opened.", "If the compressor "
        "short-cycles, verify the anti-recycle timer is set to at least {m} minutes.",
        "Do not operate below {p}% load for more than {m} minutes."),
    "trial protocol": (
        "Participants aged {m} to 75 with a confirmed diagnosis are eligible, except as listed in {s}.",
        "Exclusion: eGFR below {p} mL/min, pregnancy, or any investigational drug within {d} days.",
        "The primary endpoint is change from baseline at week {m}, analysed by intention to treat.",
        "Dose is reduced by {p}% after a grade 2 adverse event and stopped after grade 3.",
        "Serious adverse events are reported to the sponsor within {d} hours.", "Missing data are handled by "
        "multiple imputation under missing-at-random; a tipping-point analysis tests the assumption.",
        "Randomisation is 1:1 in blocks of {n2}, stratified by site and baseline severity.",
        "An interim analysis for futility occurs when {p}% of participants reach week {m}."),
    "municipal bylaw": (
        "No person shall operate a short-term rental without a licence issued under {s}.", "A licence holder "
        "must reside at the property for at least {d} days of each year.", "Quiet hours are 23:00 to 07:00; "
        "construction noise is permitted from 08:00 to 18:00 on weekdays.", "A tree with a trunk diameter over "
        "{p} cm may be removed only with a permit.", "The fine for a first offence is {a}; each day of a "
        "continuing offence is a separate offence.", "An appeal must be filed within {d} days of the decision.",
        "Exemptions apply to emergency work and to events holding a permit under {s}.",
        "Licences expire {m} months after issue and are not transferable."),
}
DOC_Q = {
    "insurance policy": ("My basement flooded after a pipe burst while I was away for {d} days. Am I covered?",
                         "Which deductible applies to a fallen tree after a storm?", "Is my home office laptop "
                         "covered if it is stolen?", "We found mould {d} days after a leak. Can we claim?"),
    "equipment manual": ("The unit shows E{n2} and the compressor keeps cycling. What should I check, in order?",
                         "Can I use a generic oil without losing the warranty?", "What torque do the terminals need "
                         "and why does it matter?"),
    "trial protocol": ("Is a {m}-year-old with eGFR {p} eligible?", "A participant had a grade 2 rash; what "
                       "happens to the dose?", "How are dropouts handled in the primary analysis?"),
    "municipal bylaw": ("Can I rent my flat on weekends if I live there only {d} days a year?", "My neighbour "
                        "runs a saw at 07:30 on Saturday. Is that allowed?", "Do I need a permit to remove an "
                        "oak with a {p} cm trunk?"),
}


def _fill(rng: random.Random, text: str) -> str:
    return text.format(s=f"section {rng.randint(2, 14)}.{rng.randint(1, 9)}", d=rng.choice((7, 14, 30, 60, 90)),
                       a=f"${rng.choice((250, 500, 1000, 2500))}", p=rng.choice((2, 5, 10, 25, 30, 40, 60)),
                       m=rng.choice((6, 12, 18, 24)), n2=rng.randint(2, 9))


def document(rng: random.Random, kind: str, sections: int = 12) -> str:
    """A long document: a title and numbered sections of 4-9 clauses each (5-15k characters)."""
    title = rng.choice(_DOC_TITLES[kind]).format(n=rng.randint(100, 9999))
    out = [title.upper(), ""]
    for s in range(1, sections + 1):
        out.append(f"{s}. {rng.choice(('GENERAL', 'DEFINITIONS', 'CONDITIONS', 'EXCLUSIONS', 'PROCEDURE', 'LIMITS'))}")
        for c in range(1, rng.randint(4, 9) + 1):
            out.append(f"{s}.{c} {_fill(rng, rng.choice(_CLAUSES[kind]))}")
        out.append("")
    return "\n".join(out)


def doc_question(rng: random.Random, kind: str) -> str:
    return _fill(rng, rng.choice(DOC_Q[kind]))


# ---- customer support ----
COMPANIES = (("Skyline Air", "airline", ("my flight was cancelled and the app rebooked me two days later",
                                         "I was charged twice for seat selection", "my bag arrived damaged")),
             ("Brightwave Mobile", "telecom", ("roaming charges on a trip where I had a travel pass",
                                               "the eSIM won't activate on my new phone", "I want to leave but "
                                               "the contract says 24 months")),
             ("Northfield Bank", "bank", ("a card payment I don't recognise", "my transfer has been pending for "
                                          "three days", "I was locked out after a password reset")),
             ("Parcelo", "e-commerce", ("the order shows delivered but nothing arrived", "the refund hasn't come "
                                        "through after 14 days", "wrong size sent twice")))
CUSTOMER_MOODS = ("polite but confused", "angry and in a hurry", "elderly, not good with apps", "a lawyer who quotes "
                  "the terms", "sarcastic", "second-language English speaker", "calm, wants compensation")
CUSTOMER_LINES = ("hi, {i}", "yes I already tried that", "order number is {o}", "that's not acceptable",
                  "ok, and how long will that take?", "can I speak to a person", "fine. what do you need from me?",
                  "I've been a customer for 9 years", "this is the third time I'm writing")


def support_system(company: str, sector: str) -> str:
    return (f"You are the virtual assistant of {company}. Be warm and concise. Follow {sector} policy: verify the "
            f"customer before account actions, never promise compensation above policy, offer a human hand-off when "
            f"asked.")


def customer_line(rng: random.Random, issue: str) -> str:
    return rng.choice(CUSTOMER_LINES).format(i=issue, o=f"{rng.choice('ABKPZ')}{rng.randint(100000, 999999)}")


FILLER_Q = ("what's a polite way to decline a meeting?", "convert 72 F to C", "synonyms for 'important'",
            "how long to boil an egg", "what does 'per se' mean", "give me a name for a cat", "is it 'affect' or "
            "'effect' here: the rain will ___ the game", "what's 15% of 84")
