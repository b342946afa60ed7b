"""The documents of the `v26` variant (see corpus_v26.py; written blind the same way: nothing here was tuned against a
detector result): what an operator scrapes and has the teacher annotate, and what the benign twins hold of their own.
Four kinds, one per v26 capability, each drawn from parts so that a few thousand of them rarely repeat, each with
the gold annotation it was built from (so the labels, entities, relations and JSON records the teacher sends back
are consistent with the text):

- contract clauses (`clause`): ten clause types between two parties, with notice periods, caps, laws and carve-outs;
- discharge notes (`clinical`): an admission, findings, one or two diagnoses with their ICD-10-CM codes, treatment;
- product reviews (`review`): three to four sentences about aspects of a product, each positive or negative, stars;
- patent abstracts (`patent`): a device of one of twelve fields, its components, mechanism and effect, its CPC group.

And two kinds only benign accounts have: supplier invoices (the ETL team's) and community posts (the moderation
product's). Nothing here imports another v26 module.
"""

from __future__ import annotations

import random
from typing import Any

Doc = tuple[str, dict[str, Any]]  # (text, gold annotation)

# ---- contract clauses ----
PARTIES = (("the Supplier", "the Customer"), ("the Licensor", "the Licensee"), ("the Provider", "the Client"),
           ("the Seller", "the Buyer"), ("the Contractor", "the Company"), ("the Distributor", "the Manufacturer"))
CLAUSES = {
    "limitation_of_liability": (
        "{A}'s total liability arising out of or in connection with this Agreement shall not exceed {cap}, except for "
        "liability for {carve}.",
        "In no event shall either party be liable for indirect or consequential loss, and {A}'s aggregate liability "
        "shall be limited to {cap}."),
    "indemnification": (
        "{A} shall indemnify and hold harmless {B} against all losses arising from {cause}.",
        "{A} will defend {B} against any third-party action alleging {cause}, and pay any damages finally awarded."),
    "termination_for_convenience": (
        "Either party may terminate this Agreement for convenience on {n} days' written notice.",
        "{B} may end this Agreement at any time without cause by giving {A} not less than {n} days' notice in "
        "writing."),
    "governing_law": (
        "This Agreement is governed by the laws of {law}, and the courts of {law} have exclusive jurisdiction.",
        "Any dispute arising under this Agreement shall be governed by the laws of {law} and finally resolved by "
        "arbitration seated in {seat}."),
    "confidentiality": (
        "The receiving party shall keep the other party's Confidential Information secret and use it only to perform "
        "this Agreement, for {y} years after termination.",
        "{A} shall not disclose any Confidential Information of {B} to a third party except to advisers bound by "
        "duties of confidence no less strict than these, for {y} years."),
    "assignment": (
        "Neither party may assign or transfer this Agreement without the prior written consent of the other, not to "
        "be unreasonably withheld, save to {aff}.",
        "{A} may assign its rights under this Agreement to {aff} on written notice to {B}; any other assignment "
        "requires {B}'s consent."),
    "auto_renewal": (
        "This Agreement renews automatically for successive {m}-month terms unless either party gives notice of "
        "non-renewal at least {n} days before the end of the then-current term.",
        "At the end of the initial term this Agreement shall continue for further periods of {m} months until "
        "terminated by either party on {n} days' notice."),
    "non_solicitation": (
        "For the term and {m} months thereafter, {A} shall not solicit or hire any employee of {B} who {cond}.",
        "{A} agrees not to approach any employee of {B} who {cond} with an offer of employment for {m} months after "
        "this Agreement ends."),
    "force_majeure": (
        "Neither party shall be liable for any failure or delay caused by {events}, provided that it notifies the "
        "other party within {n} days.",
        "A party affected by {events} is excused from performance while the event continues, but if it lasts more "
        "than {n} days the other party may terminate this Agreement."),
    "payment_terms": (
        "{B} shall pay each undisputed invoice within {n} days of receipt; late amounts bear interest at {pct}% per "
        "month.",
        "Fees are invoiced {freq} in advance and are payable within {n} days; {A} may suspend the services if any "
        "amount is more than {n2} days overdue."),
}
CLAUSE_TYPES = tuple(CLAUSES)
CLAUSE_SLOTS = {"cap": ("GBP 250,000", "the fees paid in the twelve months before the event", "USD 1,000,000",
                        "twice the annual fees", "EUR 500,000", "USD 50,000"),
                "carve": ("death or personal injury caused by negligence", "fraud", "breach of confidentiality",
                          "wilful misconduct"),
                "cause": ("its breach of this Agreement", "any allegation that the Deliverables infringe a third "
                          "party's intellectual property rights", "the negligence of its personnel", "its breach of "
                          "data protection law"),
                "n": (10, 14, 30, 45, 60, 90), "y": (2, 3, 5, 7), "m": (6, 12, 24, 36), "pct": (1, 1.5, 2),
                "aff": ("an affiliate", "a successor to all or substantially all of its business", "a purchaser of "
                        "the relevant business unit"),
                "cond": ("worked on the services", "it met through this Agreement", "is at manager level or above"),
                "events": ("fire, flood, war, epidemic or government action", "events beyond its reasonable control, "
                           "including strikes and power failures", "natural disasters, pandemics and failures of "
                           "public networks"),
                "law": ("England and Wales", "the State of New York", "Delaware", "Ontario", "Singapore", "Ireland",
                        "New South Wales", "the Netherlands"),
                "seat": ("London", "Singapore", "Paris", "Stockholm", "New York"),
                "freq": ("monthly", "quarterly", "annually"), "n2": (30, 45, 60)}
_RISK = {"limitation_of_liability": "high", "indemnification": "high", "non_solicitation": "medium",
         "auto_renewal": "medium", "payment_terms": "medium", "termination_for_convenience": "medium"}
_OBLIGOR = {("payment_terms", 0): "B", ("payment_terms", 1): "B"}  # who owes the duty, where it is not A


def clause(rng: random.Random, kind: str | None = None) -> Doc:
    kind = kind or rng.choice(CLAUSE_TYPES)
    a, b = rng.choice(PARTIES)
    if rng.random() < 0.5:
        a, b = b, a
    slots = {k: rng.choice(v) for k, v in CLAUSE_SLOTS.items()}
    j = rng.randrange(2)
    body = CLAUSES[kind][j].format(A=a, B=b, **slots)
    body = body[0].upper() + body[1:]
    text = f"{rng.randint(2, 24)}.{rng.randint(1, 9)} {body}"
    mutual = a not in body and b not in body
    owes = _OBLIGOR.get((kind, j), "A")
    obligor, beneficiary = (a, b) if owes == "A" else (b, a)
    gold = {"type": kind, "risk": _RISK.get(kind, "low"),
            "favours": "mutual" if mutual else "party_b" if owes == "A" else "party_a",
            "obligor": "both parties" if mutual else obligor, "beneficiary": "both parties" if mutual else beneficiary,
            "days": slots["n"] if "{n}" in CLAUSES[kind][j] else None,
            "amount": slots["cap"] if "{cap}" in CLAUSES[kind][j] else None,
            "law": slots["law"] if "{law}" in CLAUSES[kind][j] else None,
            "parties": [x for x in (a, b) if x in body] or ["either party"]}
    return text, gold


# ---- discharge notes ----
DIAGNOSES = (("type 2 diabetes mellitus with hyperglycaemia", "E11.65", "metformin", "HbA1c {v}%", (7, 14)),
             ("community-acquired pneumonia", "J18.9", "amoxicillin", "CRP {v} mg/L", (40, 300)),
             ("non-ST-elevation myocardial infarction", "I21.4", "aspirin and ticagrelor", "troponin {v} ng/L", (60, 4000)),
             ("chronic kidney disease stage 3a", "N18.31", "ramipril", "eGFR {v}", (45, 59)),
             ("acute exacerbation of COPD", "J44.1", "prednisolone", "SpO2 {v}% on air", (82, 92)),
             ("urinary tract infection", "N39.0", "nitrofurantoin", "urine nitrites positive, WCC {v}", (20, 200)),
             ("atrial fibrillation", "I48.91", "apixaban", "heart rate {v}, irregular", (110, 170)),
             ("essential hypertension", "I10", "amlodipine", "blood pressure {v}/96", (152, 196)),
             ("sepsis, organism unspecified", "A41.9", "piperacillin-tazobactam", "lactate {v} mmol/L", (2, 8)),
             ("cellulitis of the left lower leg", "L03.116", "flucloxacillin", "temperature 38.{v} C", (1, 9)),
             ("acute kidney injury", "N17.9", "intravenous fluids", "creatinine {v} umol/L", (150, 600)),
             ("iron deficiency anaemia", "D50.9", "ferrous sulfate", "haemoglobin {v} g/L", (70, 105)),
             ("hypothyroidism", "E03.9", "levothyroxine", "TSH {v} mU/L", (8, 60)),
             ("gastro-oesophageal reflux disease", "K21.9", "omeprazole", "pH study positive, {v}% acid exposure", (6, 20)),
             ("asthma exacerbation", "J45.901", "salbutamol", "peak flow {v}% of best", (30, 70)))
CHAPTERS = {"A": "infectious", "D": "blood", "E": "endocrine", "I": "circulatory", "J": "respiratory",
            "K": "digestive", "L": "skin", "N": "genitourinary"}
COMPLAINTS = ("shortness of breath", "fever and confusion", "central chest pain", "a painful swollen leg",
              "dizziness and falls", "thirst and frequent urination", "palpitations", "a productive cough",
              "tiredness and poor appetite")
ADMITS = ("admitted via the emergency department", "admitted from clinic", "referred by the GP and admitted",
          "admitted electively")
_FOLLOW_UP = ("1 week", "2 weeks", "4 weeks", "6 weeks")


def note(rng: random.Random) -> Doc:
    dx = rng.sample(DIAGNOSES, rng.choice((1, 2, 2)))
    age, sex = rng.randint(19, 94), rng.choice(("man", "woman"))
    test = dx[0][3].format(v=rng.randint(*dx[0][4]))
    lines = [f"{age}-year-old {sex} {rng.choice(ADMITS)} with {rng.choice(COMPLAINTS)} for {rng.randint(1, 14)} "
             f"days.", f"On examination and bloods: {test}.", f"Diagnosed with {dx[0][0]}" +
             (f"; background of {dx[1][0]}." if len(dx) > 1 else "."), f"Treated with {dx[0][2]}" +
             (f", and {dx[1][2]} continued." if len(dx) > 1 else "."),
             f"Discharged on day {rng.randint(1, 12)} with follow-up in {rng.choice(_FOLLOW_UP)}."]
    gold = {"codes": [(d[0], d[1]) for d in dx], "meds": [d[2] for d in dx], "tests": [test], "age": age,
            "sex": sex, "chapter": CHAPTERS[dx[0][1][0]],
            "acuity": "elective" if "electively" in lines[0] else rng.choice(("urgent", "emergency"))}
    return "\n".join(lines), gold


# ---- product reviews ----
PRODUCTS = (("wireless earbuds", ("sound", "battery")), ("blender", ("power", "noise")), ("hiking boots",
            ("comfort", "waterproofing")), ("office chair", ("comfort", "assembly")), ("e-reader", ("screen",
            "battery")), ("coffee grinder", ("grind consistency", "noise")), ("robot vacuum", ("suction", "app")),
            ("rain jacket", ("waterproofing", "fit")))
ASPECT_SENTENCES = {
    "sound": ("The bass is rich and vocals come through clearly.", "Sound gets tinny and harsh above half volume."),
    "battery": ("The battery easily lasts {h} hours.", "The battery is dead after barely {h} hours."),
    "power": ("It crushes ice in seconds.", "It struggles with anything frozen and smells hot after a minute."),
    "noise": ("Surprisingly quiet, I can use it while the baby sleeps.", "It is loud enough to wake the whole house."),
    "comfort": ("Comfortable from the first day, even after {h} hours.", "My back aches after {h} hours in it."),
    "waterproofing": ("Stayed completely dry through a {h}-hour downpour.", "Soaked through within {h} minutes of "
                      "light rain."),
    "assembly": ("Put it together in {h} minutes with the included tool.", "Two bolts were missing and assembly "
                 "took {h} minutes of swearing."),
    "screen": ("The screen is crisp and easy on the eyes at night.", "The screen has a yellow cast and ghosting."),
    "grind consistency": ("The grind is even from espresso to French press.", "The grind is uneven and full of "
                          "dust."),
    "suction": ("Picks up dog hair from the rug in one pass.", "Leaves crumbs behind and gets stuck on cables."),
    "app": ("The app maps every room without fuss.", "The app loses the map every few days."),
    "fit": ("True to size with room for a fleece.", "Runs a full size small; the sleeves are short."),
    "value": ("Worth every penny at {p}.", "Overpriced at {p} for what you get."),
    "delivery": ("Arrived in {d} days, well packed.", "Took {d} days to arrive and the box was crushed."),
    "customer service": ("Customer service replaced a faulty part without fuss.", "Customer service never answered "
                         "my two emails."),
}
ASPECTS = tuple(ASPECT_SENTENCES)
_TITLES = {1: ("Do not buy", "Very disappointed", "Broke quickly"), 2: ("Not great", "Expected more"),
           3: ("Mixed feelings", "Okay for the price"), 4: ("Pretty good", "Happy overall"),
           5: ("Love it", "Excellent", "Best purchase this year")}


def review(rng: random.Random) -> Doc:
    product, specific = rng.choice(PRODUCTS)
    aspects = list(specific) + rng.sample(("value", "delivery", "customer service"), rng.randint(1, 2))
    rng.shuffle(aspects)
    mood = rng.random()
    pols = [("positive" if rng.random() < mood else "negative") for _ in aspects]
    sentences = [ASPECT_SENTENCES[a][p == "negative"].format(h=rng.randint(2, 30), p=f"${rng.randint(19, 399)}",
                                                              d=rng.randint(2, 21)) for a, p in zip(aspects, pols, strict=True)]
    share = pols.count("positive") / len(pols)
    stars = max(1, min(5, round(1 + 4 * share + rng.choice((-0.4, 0, 0.4)))))
    overall = "positive" if share == 1 else "negative" if share == 0 else "mixed"
    text = f"{rng.choice(_TITLES[stars])} - {product}\n" + " ".join(sentences)
    return text, {"product": product, "aspects": list(zip(aspects, pols, sentences, strict=True)), "stars": stars,
                  "overall": overall, "main": aspects[0]}


# ---- patent abstracts ----
FIELDS = (("battery module", "H01M 10/613", ("a stack of pouch cells", "a cooling plate", "a manifold"),
           "coolant flows through channels whose cross-section narrows by {k}% towards the outlet",
           "reduces the temperature spread between cells"),
          ("wind turbine rotor blade", "F03D 1/0675", ("a spar cap", "a trailing-edge insert", "a root bushing"),
           "the insert is bonded along {k}% of the span", "lowers the blade mass without reducing stiffness"),
          ("infusion device", "A61M 5/142", ("a reservoir", "a piezoelectric micro-pump", "an occlusion sensor"),
           "the pump delivers pulses of {k} nanolitres", "allows fine dosing of small volumes"),
          ("neural network training method", "G06N 3/08", ("a teacher network", "a student network", "a replay "
           "buffer"), "the student is updated on {k} samples drawn from the buffer per step",
           "cuts the memory needed for training"),
          ("video encoder", "H04N 19/124", ("a rate controller", "a quantiser", "a motion estimator"),
           "the quantisation step is adapted per block from {k} neighbouring blocks", "lowers the bitrate at equal "
           "quality"),
          ("cement composition", "C04B 28/04", ("Portland clinker", "calcined clay", "a limestone filler"),
           "the clay makes up {k}% of the binder by mass", "reduces the carbon dioxide emitted per tonne"),
          ("heat pump", "F25B 30/02", ("a compressor", "a plate heat exchanger", "an expansion valve"),
           "the valve opening is set from {k} temperature readings", "raises the seasonal efficiency"),
          ("precision seeding system", "A01B 79/005", ("a soil sensor", "a seed meter", "a positioning receiver"),
           "the seeding rate changes every {k} metres", "matches plant density to soil conditions"),
          ("vehicle charging connector", "B60L 53/16", ("a housing", "liquid-cooled contacts", "a latch"),
           "coolant passes within {k} mm of each contact", "allows higher charging currents"),
          ("wall insulation panel", "E04B 1/76", ("a wood-fibre board", "a vapour barrier", "a fixing rail"),
           "the rail leaves a {k} mm ventilated gap", "prevents condensation inside the wall"),
          ("coffee machine brew unit", "A47J 31/44", ("a brew chamber", "a piston", "a pressure valve"),
           "the piston pre-wets the grounds for {k} seconds", "gives a more even extraction"),
          ("blood analyser cartridge", "G01N 33/49", ("a sample inlet", "a microfluidic channel", "an optical "
           "window"), "the sample is diluted {k}-fold on the cartridge", "gives results from a finger-prick sample"))
SECTIONS = tuple("ABCDEFGH")
_OPENERS = ("A {dev} is disclosed comprising {parts}.", "Disclosed is a {dev} that includes {parts}.",
            "The present disclosure provides a {dev} having {parts}.")


def abstract(rng: random.Random) -> Doc:
    dev, cpc, parts, mech, effect = rng.choice(FIELDS)
    ps = rng.sample(parts, len(parts))
    listed = f"{ps[0]}, {ps[1]} and {ps[2]}"
    k = rng.choice((5, 8, 12, 15, 20, 25, 40, 60))
    tail = rng.choice(("Methods of manufacture are also described.", f"A method of operating the {dev} is also "
                       "provided.", ""))
    text = (f"{rng.choice(_OPENERS).format(dev=dev, parts=listed)} In one embodiment {mech.format(k=k)}, which "
            f"{effect}. {tail}").strip()
    return text, {"title": dev, "cpc": cpc, "section": cpc[0], "subclass": cpc.split()[0],
                  "components": list(ps), "effect": effect, "software": "yes" if cpc.startswith(("G06", "H04"))
                  else "no"}


KINDS = {"clause": clause, "clinical": note, "review": review, "patent": abstract}


def document(rng: random.Random, cap: str) -> Doc:
    return KINDS[cap](rng)


# ---- what only benign accounts hold: supplier invoices and community posts ----
_SUPPLIERS = ("Harbour Print Ltd", "Kessler Industrietechnik GmbH", "Blue Mesa Catering", "Northfield Office Supply",
              "Okonkwo Logistics", "Lindqvist Electrical AB", "Casa Verde Produce", "Tanaka Precision Parts")
_ITEMS = ("A4 paper, 80 gsm (box of 5 reams)", "toner cartridge, black", "catering, lunch for 20", "pallet "
          "delivery, zone 2", "cable ties 300 mm (pack of 100)", "M8 hex bolts (box of 200)", "fresh produce box",
          "machining, part no. 4471-B", "hourly labour, electrician")
_CURRENCY = ("EUR", "GBP", "USD", "SEK")


def invoice(rng: random.Random) -> Doc:
    supplier = rng.choice(_SUPPLIERS)
    no = f"{rng.choice(('INV', 'F', 'RE', ''))}{rng.randint(10000, 999999)}"
    date = f"2026-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    cur, vat = rng.choice(_CURRENCY), rng.choice((0, 7, 19, 20, 25))
    lines = [(rng.choice(_ITEMS), rng.randint(1, 40), round(rng.uniform(2, 400), 2)) for _ in range(rng.randint(1, 5))]
    net = round(sum(q * p for _, q, p in lines), 2)
    total = round(net * (1 + vat / 100), 2)
    text = "\n".join([f"INVOICE {no}", supplier, f"Date: {date}", f"Bill to: {rng.choice(_SUPPLIERS)}", ""] +
                     [f"{q} x {d} @ {p:.2f}" for d, q, p in lines] +
                     ["", f"Net: {net:.2f} {cur}", f"VAT {vat}%: {total - net:.2f}", f"Total due: {total:.2f} {cur}",
                      f"Payment within {rng.choice((14, 30, 45))} days"])
    return text, {"supplier": supplier, "invoice_number": no, "date": date, "currency": cur, "net": net,
                  "vat_rate": vat, "total": total,
                  "lines": [{"description": d, "quantity": q, "unit_price": p} for d, q, p in lines]}


MODERATION_LABELS = ("ok", "spam", "harassment", "hate", "sexual", "violence", "self_harm")
_POSTS = {"ok": ("Anyone know a good place for dumplings near the station?", "Finally finished my first quilt!",
                 "The match last night was unreal, what a comeback.", "Does this recipe work with oat milk?"),
          "spam": ("Earn $500 a day from home!!! DM me now", "Cheap followers and likes, link in bio",
                   "Limited offer: designer watches 90% off, click fast"),
          "harassment": ("Nobody wants you here, just leave.", "You are the dumbest person on this forum.",
                         "Keep posting and I'll make sure everyone sees your address."),
          "hate": ("People like them should not be allowed in our town.",),
          "sexual": ("Looking for someone to send explicit pics, message me.",),
          "violence": ("If he shows up again I'll break his legs.",),
          "self_harm": ("I don't see the point of anything anymore, I want it all to stop.",)}


def post(rng: random.Random) -> Doc:
    """A community post with the label a moderator gave it (reviews and everyday posts mostly fine)."""
    if rng.random() < 0.45:
        text, _ = review(rng)
        return text, {"label": "ok"}
    label = rng.choices(MODERATION_LABELS, (60, 12, 10, 4, 4, 5, 5))[0]
    return rng.choice(_POSTS[label]), {"label": label}
