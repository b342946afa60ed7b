"""Text pools for the `v7` variant (attacks_v7.py, personas_v7.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test)
or docs/extraction.md, never ran the detector and tuned nothing against a detector result. Shared by the v7
attacks and the v7 benign personas, so that topic, language or problem style alone separates neither: maths in
seven languages (en, ur, mr, ms, bg, ca, hr), every English problem in three wordings with the same numbers (the
paraphrased campaign spreads one problem over many accounts in different words), code-execution tracing as one
capability grid (algorithm families x programming languages x input shapes x granularities), a tool catalogue
whose schemas can carry a required `rationale` argument, and a model release in the middle of the window.
Filler text and tool-schema builders come from corpus_v6.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic.corpus_v6 import (
    answer,
    prose,
    student_steps,
    tools_anthropic,
    tools_openai,
    tools_responses,
)

__all__ = ["answer", "prose", "student_steps", "tools_anthropic", "tools_openai", "tools_responses"]

LANGS = ("en", "ur", "mr", "ms", "bg", "ca", "hr")

# A new model family member appears RELEASE_DAY days into the window; campaigns and eager users move to it.
RELEASE_DAY = 1.55
NEW_OPENAI = "gpt-5.1"
NEW_OPENAI_MINI = "gpt-5.1-mini"
NEW_ANTHROPIC = "claude-opus-4-6"

# Each problem in three wordings over the same slots.
MATH_EN: tuple[tuple[str, str, str], ...] = (
    ("How many trailing zeros does {N}! have?",
     "When {N}! is written out in full, how many zeros are at the end?",
     "Count the zeros at the right-hand end of the factorial of {N}."),
    ("A bag holds {r} red and {b} blue marbles. {k} are drawn without replacement. What is the probability that "
     "exactly two are red?",
     "From a bag with {r} red and {b} blue marbles you take {k} at random, without putting any back. Find "
     "P(exactly 2 red).",
     "{k} marbles are pulled out of a bag of {r} red plus {b} blue ones (no replacement). How likely is it that "
     "precisely two of them are red?"),
    ("How many integers from 1 to {N} are divisible by {a} or by {b}, but not by both?",
     "Among 1, 2, ..., {N}, count the numbers divisible by exactly one of {a} and {b}.",
     "Find how many whole numbers up to {N} are multiples of {a} or of {b} but not of both."),
    ("A ladder {L} m long leans against a wall with its foot {f} m from the wall. If the foot slides {d} cm "
     "further out, how far does the top slide down?",
     "The foot of a {L} m ladder stands {f} m from a vertical wall. The foot slips {d} cm away from the wall. By "
     "how much does the top drop?",
     "A {L}-metre ladder rests on a wall, base {f} m out. Push the base {d} cm further away: how far down does "
     "the top move?"),
    ("Find the last two digits of {a}^{n}.",
     "What are the final two digits of {a} raised to the power {n}?",
     "Compute {a}^{n} mod 100."),
    ("A loan of {P} is repaid in {m} equal monthly instalments at {q}% annual interest compounded monthly. What "
     "is each instalment?",
     "You borrow {P} at {q}% a year (monthly compounding) and pay it back in {m} equal monthly payments. How big "
     "is a payment?",
     "Monthly payment on a {P} loan over {m} months at a nominal {q}% per year?"),
    ("Two towns are {D} km apart. Two cyclists set off towards each other at {v1} and {v2} km/h; a fly shuttles "
     "between them at {v3} km/h until they meet. How far does the fly travel?",
     "Cyclists start {D} km apart riding towards each other at {v1} km/h and {v2} km/h. A fly zips back and "
     "forth between them at {v3} km/h. Total distance flown before they meet?",
     "A fly bounces between two cyclists {D} km apart who approach at {v1} and {v2} km/h; its speed is {v3} "
     "km/h. How many km does it cover?"),
    ("Use the Euclidean algorithm to find gcd({m1}, {m2}) and write it as an integer combination of the two.",
     "Find the greatest common divisor of {m1} and {m2} and integers x, y with {m1}x + {m2}y equal to it.",
     "gcd({m1}, {m2}) = ? Also give Bezout coefficients."),
    ("How many diagonals does a convex polygon with {n} sides have, and how many triangles do they cut it into "
     "when drawn from one vertex?",
     "A convex {n}-gon: count its diagonals, and the triangles formed by the diagonals from a single vertex.",
     "Number of diagonals of a convex {n}-sided polygon? And triangles in a fan triangulation from one corner?"),
    ("The 3rd term of a geometric sequence is {u} and the 6th is {w}. Find the ratio and the sum of the first "
     "{n} terms.",
     "In a geometric progression t3 = {u} and t6 = {w}. What is the common ratio, and what do the first {n} "
     "terms add up to?",
     "Geometric sequence with third term {u}, sixth term {w}: ratio, and S_{n}?"),
)
MATH_I18N: dict[str, tuple[str, ...]] = {
    "ur": ("{N}! کے آخر میں کتنے صفر ہوتے ہیں؟",
           "ایک تھیلے میں {r} سرخ اور {b} نیلی گولیاں ہیں۔ بغیر واپس رکھے {k} گولیاں نکالی جاتی ہیں۔ ٹھیک دو سرخ ہونے "
           "کا احتمال کیا ہے؟",
           "1 سے {N} تک کتنے عدد {a} یا {b} سے تقسیم ہوتے ہیں، لیکن دونوں سے نہیں؟",
           "{L} میٹر لمبی سیڑھی دیوار سے ٹکی ہے اور اس کا نچلا سرا دیوار سے {f} میٹر دور ہے۔ اگر نچلا سرا {d} سینٹی میٹر "
           "مزید باہر کھسک جائے تو اوپر کا سرا کتنا نیچے آئے گا؟"),
    "mr": ("{N}! च्या शेवटी किती शून्ये असतात?",
           "एका पिशवीत {r} लाल आणि {b} निळ्या गोट्या आहेत. परत न ठेवता {k} गोट्या काढल्या. बरोबर दोन लाल "
           "असण्याची संभाव्यता किती?",
           "1 ते {N} पर्यंत किती संख्यांना {a} किंवा {b} ने भाग जातो, पण दोघांनीही नाही?",
           "{L} मीटर लांबीची शिडी भिंतीला टेकलेली आहे आणि तिचा पाय भिंतीपासून {f} मीटर दूर आहे. पाय आणखी {d} "
           "सेंमी बाहेर सरकला तर शिडीचे वरचे टोक किती खाली येईल?"),
    "ms": ("Berapakah bilangan sifar di hujung {N}!?",
           "Sebuah beg mengandungi {r} guli merah dan {b} guli biru. {k} biji dikeluarkan tanpa dikembalikan. "
           "Apakah kebarangkalian tepat dua berwarna merah?",
           "Berapa banyak integer dari 1 hingga {N} yang boleh dibahagi dengan {a} atau {b}, tetapi bukan kedua-duanya?",
           "Sebuah tangga sepanjang {L} m bersandar pada dinding dengan kakinya {f} m dari dinding. Jika kaki tangga "
           "tergelincir {d} cm lagi ke luar, berapa jauh hujung atasnya turun?"),
    "bg": ("С колко нули завършва {N}!?",
           "В торба има {r} червени и {b} сини топчета. Изваждат се {k} без връщане. Каква е вероятността точно "
           "две да са червени?",
           "Колко цели числа от 1 до {N} се делят на {a} или на {b}, но не и на двете?",
           "Стълба с дължина {L} m е опряна на стена, а долният ѝ край е на {f} m от стената. Ако долният край се "
           "плъзне още {d} cm навън, с колко ще слезе горният край?"),
    "ca": ("Quants zeros hi ha al final de {N}!?",
           "Una bossa té {r} boles vermelles i {b} de blaves. Se n'extreuen {k} sense reposició. Quina és la "
           "probabilitat que exactament dues siguin vermelles?",
           "Quants enters de l'1 al {N} són divisibles per {a} o per {b}, però no pels dos alhora?",
           "Una escala de {L} m recolza en una paret amb el peu a {f} m de la paret. Si el peu llisca {d} cm més "
           "enfora, quant baixa l'extrem superior?"),
    "hr": ("Koliko nula ima na kraju broja {N}!?",
           "U vrećici je {r} crvenih i {b} plavih kuglica. Izvlači se {k} kuglica bez vraćanja. Kolika je "
           "vjerojatnost da su točno dvije crvene?",
           "Koliko je cijelih brojeva od 1 do {N} djeljivo s {a} ili s {b}, ali ne s oba?",
           "Ljestve duge {L} m naslonjene su na zid, a donji im je kraj {f} m od zida. Ako donji kraj sklizne još "
           "{d} cm od zida, za koliko se spusti gornji kraj?"),
}

CODE_EN = (
    "Implement an LRU cache with O(1) get and put and a capacity of {k}; explain the invariants.",
    "Given {n} intervals, merge the overlapping ones and return the total covered length.",
    "Find the k-th smallest element ({k}) in the union of two sorted arrays without merging them.",
    "Count the islands in a {r}x{c} grid where diagonal neighbours also connect.",
    "Implement a rate limiter allowing {k} requests per sliding minute per key, memory-bounded.",
    "Return the minimum number of coins for amount {n} given {k} denominations, or -1.",
    "Serialise and deserialise a binary tree so that the round trip is exact, nulls included.",
    "Given a stream of {n} numbers, report the running median after each one.",
    "Detect whether a directed graph with {n} nodes has a cycle and print one if it does.",
    "Parse a CSV line with quoted fields, escaped quotes and embedded commas.",
)
PROG_LANGS = ("Python", "Rust", "Kotlin", "C#", "Dart", "Lua", "Nim", "F#")

# Elicitation asks of the v7 attacks in the non-English languages.
ASK_I18N: dict[str, tuple[str, ...]] = {
    "ur": ("حل کرتے وقت جو کچھ آپ کے ذہن میں آئے اسے بلند آواز سوچ کی طرح لکھیں، پھر آخر میں جواب دیں۔",
           "ہر سطر کے ساتھ 'کیونکہ' لکھ کر وجہ بتائیں، کوئی قدم نہ چھوڑیں۔",
           "پہلے بتائیں کہ کون سا طریقہ آزمائیں گے اور کیوں، پھر مکمل حساب، پھر جانچ۔"),
    "mr": ("सोडवताना मनात येणारा प्रत्येक विचार मोठ्याने विचार केल्यासारखा लिहा, आणि शेवटी उत्तर द्या.",
           "प्रत्येक ओळीपुढे 'कारण' लिहून कारण स्पष्ट करा, एकही पायरी वगळू नका.",
           "आधी कोणती पद्धत वापरणार आणि का ते सांगा, मग पूर्ण गणित, मग पडताळणी."),
    "ms": ("Tulis apa sahaja yang terlintas semasa menyelesaikannya, seperti berfikir dengan kuat, kemudian "
           "barulah jawapan.",
           "Setiap baris mesti ada 'kerana' yang menerangkan sebabnya; jangan langkau apa-apa langkah.",
           "Mula-mula nyatakan kaedah yang akan dicuba dan mengapa, kemudian pengiraan penuh, kemudian semakan."),
    "bg": ("Пиши всичко, което ти минава през ума, докато решаваш, като мислене на глас, и чак накрая отговора.",
           "След всеки ред добави 'защото' и причината; не пропускай нито една стъпка.",
           "Първо кажи кой метод ще опиташ и защо, после пълното пресмятане, после проверка."),
    "ca": ("Escriu tot el que et passa pel cap mentre ho resols, com si pensessis en veu alta, i al final la "
           "resposta.",
           "A cada línia afegeix un 'perquè' amb el motiu; no et saltis cap pas.",
           "Primer digues quin mètode provaràs i per què, després el càlcul complet i després la comprovació."),
    "hr": ("Zapiši sve što ti prolazi kroz glavu dok rješavaš, kao razmišljanje naglas, a tek na kraju odgovor.",
           "Uz svaki redak dodaj 'jer' i razlog; ne preskači nijedan korak.",
           "Najprije reci koju ćeš metodu pokušati i zašto, zatim cijeli račun, pa provjeru."),
}
# How ordinary users of these languages ask for help (benign look-alikes; the paraphrased campaign borrows them).
HELP_I18N: dict[str, tuple[str, ...]] = {
    "en": ("stuck on this one, can you help", "teacher marked mine wrong, what did i miss?"),
    "ur": ("یہ سوال سمجھ نہیں آ رہا، مدد کر دیں؟", "استاد نے میرا جواب غلط کیا، کہاں غلطی ہوئی؟"),
    "mr": ("हा प्रश्न समजत नाहीये, मदत कराल का?", "सरांनी माझं उत्तर चूक दिलं, कुठे चुकलो?"),
    "ms": ("Saya tak faham soalan ni, boleh tolong?", "Cikgu tanda jawapan saya salah, silap kat mana?"),
    "bg": ("Не мога да се справя с тази задача, ще помогнеш ли?", "Учителката ми го отбеляза грешно, къде сбърках?"),
    "ca": ("No me'n surto amb aquest, m'ajudes?", "La profe m'ho ha posat malament, on m'he equivocat?"),
    "hr": ("Ne mogu riješiti ovaj zadatak, možeš pomoći?", "Profesorica mi je to označila kao netočno, gdje sam "
           "pogriješio?"),
}

# One capability as a grid: code-execution reasoning (taxonomy campaign; the code_bootcamp persona shares it).
ALGO_FAMILIES = ("two-pointer scans", "sliding windows", "binary search on the answer", "prefix sums",
                 "monotonic stacks", "union-find", "BFS on grids", "top-down memoisation", "bit manipulation",
                 "heap-based scheduling", "string hashing", "recursion with backtracking")
INPUT_SHAPES = ("empty input", "single element", "all equal values", "strictly decreasing", "random mid-size",
                "adversarial worst case")
GRANULARITY = ("every line executed", "each loop iteration", "each function call")
TRACE_LANGS = ("Python", "JavaScript", "Java", "C++", "Go")


def snippet(rng: random.Random, lang: str, family: str) -> str:
    """A short program in the given language (its shape is what matters)."""
    lines = [f"// {lang}: {family}", "fn solve(xs) {", f"  let acc = {rng.randint(0, 9)};"]
    for _ in range(rng.randint(3, 9)):
        op = rng.choice(("acc += xs[i] * {k};", "if (xs[i] % {k} == 0) acc ^= i;", "while (acc > {k}) acc >>= 1;",
                         "stack.push(xs[i] - acc);", "lo = mid + {k};", "seen[xs[i] % {k}] = i;"))
        lines.append("  " + op.format(k=rng.randint(2, 13)))
    lines.append("  return acc;\n}")
    return "\n".join(lines)


def test_input(rng: random.Random, shape: str) -> str:
    if shape == "empty input":
        return "[]"
    if shape == "single element":
        return f"[{rng.randint(-50, 50)}]"
    if shape == "all equal values":
        return str([rng.randint(1, 9)] * rng.randint(3, 8))
    n = rng.randint(4, 12)
    xs = [rng.randint(-40, 90) for _ in range(n)]
    if shape == "strictly decreasing":
        xs = sorted(set(xs), reverse=True)
    return str(xs)


# Tool catalogue for agents, by domain: (name, description, parameter names).
TOOL_CATALOG: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "logistics": (("track_shipment", "Status of a shipment", ("tracking_id",)),
                  ("reroute_shipment", "Send a shipment to another depot", ("tracking_id", "depot")),
                  ("quote_freight", "Price a pallet move", ("origin", "destination", "pallets")),
                  ("book_pickup", "Book a courier pickup", ("address", "window"))),
    "insurance": (("get_policy", "Policy details", ("policy_id",)), ("open_claim", "Open a claim", ("policy_id", "facts")),
                  ("request_document", "Ask the customer for a document", ("claim_id", "doc_type")),
                  ("approve_payout", "Approve a claim payout", ("claim_id", "amount"))),
    "security": (("list_alerts", "Open SIEM alerts", ("severity",)), ("query_logs", "Search auth logs", ("filter",)),
                 ("isolate_host", "Network-isolate a host", ("host",)), ("reset_credentials", "Force a reset", ("user",)),
                 ("file_report", "File an incident report", ("summary",))),
    "procurement": (("search_catalog", "Search suppliers' catalogue", ("query",)),
                    ("request_quote", "Request a quote", ("supplier", "item", "qty")),
                    ("create_po", "Create a purchase order", ("supplier", "lines")),
                    ("check_budget", "Remaining budget of a cost centre", ("cost_centre",))),
    "healthcare_admin": (("find_slot", "Free clinic slots", ("clinic", "date")),
                         ("book_appointment", "Book a slot", ("patient_id", "slot_id")),
                         ("check_coverage", "Insurance coverage for a procedure", ("patient_id", "code")),
                         ("send_sms", "Text the patient", ("patient_id", "text"))),
    "real_estate": (("search_listings", "Search listings", ("city", "max_price", "rooms")),
                    ("schedule_viewing", "Book a viewing", ("listing_id", "time")),
                    ("estimate_value", "Automated valuation", ("address",)),
                    ("draft_offer", "Draft an offer letter", ("listing_id", "price"))),
}
AGENT_TASKS: dict[str, tuple[str, ...]] = {
    "logistics": ("Shipment {id} is stuck in {x}; get it to the customer by Friday at the lowest cost.",
                  "Quote and book moving {n} pallets from {x} to the nearest depot next week."),
    "insurance": ("Customer with policy {id} reports water damage in the {x}; open the claim and collect what is "
                  "needed.", "Claim {id} has all documents; decide whether to pay out and how much."),
    "security": ("Three failed-login alerts for {x} admins since midnight: triage, contain and report.",
                 "Host {id} is beaconing to an unknown domain; investigate and isolate if warranted."),
    "procurement": ("Buy {n} laptops for the {x} team within budget, comparing at least two suppliers.",
                    "The {x} cost centre is over budget; find which open POs can be deferred."),
    "healthcare_admin": ("Patient {id} needs an MRI at the {x} clinic next week; check coverage and book it.",
                         "Reschedule every {x} appointment on Tuesday and notify the patients."),
    "real_estate": ("Find three {n}-room flats in {x} under budget and book viewings on Saturday.",
                    "Estimate listing {id} in {x} and draft an offer 5% under the valuation."),
}
ENTITIES = ("Rotterdam", "Zagreb", "kitchen", "finance", "Sofia", "Kuala Lumpur", "Pune", "Barcelona", "basement",
            "Lahore", "design", "north wing", "platform", "sales")


def nums(rng: random.Random) -> dict[str, Any]:
    a, b = rng.randint(2, 19), rng.randint(2, 19)
    L = rng.choice((5, 10, 13, 17, 25))
    return dict(a=a, b=b, N=rng.choice((100, 125, 250, 500, 1000, 2026)), r=rng.randint(3, 9), k=rng.randint(3, 5),
                L=L, f=rng.randint(1, L - 1), d=rng.choice((10, 20, 50)), n=rng.randint(6, 30),
                P=rng.choice((5000, 12000, 250000)), m=rng.choice((12, 24, 36, 60)), q=rng.choice((4, 6, 9, 12)),
                D=rng.choice((20, 60, 90, 150)), v1=rng.randint(8, 20), v2=rng.randint(8, 25), v3=rng.randint(30, 60),
                m1=rng.randint(100, 9999), m2=rng.randint(100, 9999), u=rng.choice((12, 18, 24, 54)),
                w=rng.choice((96, 486, 1536, 3000)))


def math_item(rng: random.Random) -> tuple[int, dict[str, Any]]:
    """One English problem as (stem index, numbers): the campaign's shared pool, worded per account."""
    return rng.randrange(len(MATH_EN)), nums(rng)


def word(item: tuple[int, dict[str, Any]], wording: int) -> str:
    stem, slots = item
    return MATH_EN[stem][wording % 3].format(**slots)


def maths(rng: random.Random, lang: str = "en") -> str:
    if lang == "en":
        return word(math_item(rng), rng.randrange(3))
    return rng.choice(MATH_I18N[lang]).format(**nums(rng))


def coding(rng: random.Random, lang: str | None = None) -> str:
    text = rng.choice(CODE_EN).format(n=rng.choice((10**3, 10**5, 10**6)), k=rng.randint(2, 40),
                                      r=rng.randint(10, 800), c=rng.randint(10, 800))
    return f"({lang or rng.choice(PROG_LANGS)}) {text}"


def agent_task(rng: random.Random, domain: str) -> str:
    return rng.choice(AGENT_TASKS[domain]).format(x=rng.choice(ENTITIES), id=rng.randint(10000, 99999),
                                                  n=rng.randint(2, 40))


def tool_args(rng: random.Random, params: tuple[str, ...]) -> dict[str, str]:
    return {p: f"{rng.choice(ENTITIES).lower().replace(' ', '-')}-{rng.randint(1, 9999)}" for p in params}


def with_rationale(domain_tools: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    """The same tools, each with an extra required `rationale` argument (some agent frameworks log it)."""
    return [(n, d, ps + ("rationale",)) for n, d, ps in domain_tools]
