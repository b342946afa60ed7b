"""The sources of the `v35` variant (grounded verification; see corpus_v35.py; written blind the same way: nothing
here was tuned against a detector result): evidence passages whose facts make supported, refuted and unsettled claims,
small tables asked lookup, ranking, total and difference questions, and short answers whose sentences are attributed
to numbered sources - each with the reply a careful fact-checker gives. Nothing here is harmful.
"""

from __future__ import annotations

import random
import re
from typing import Any

# ---- evidence passages: a title, four facts (the sentence, the claim it makes, the values its {v} takes; the first
# value drawn is the true one) and two claims the passage does not settle ----
_TOWNS = ("Carrow", "Elmsford", "Quayside", "Thornbury", "Redmarsh", "Holloway Cross", "Saltcote")
PASSAGES = (
    ("The harbour tunnel", (
        ("The road tunnel under {town}'s harbour took {v} years to build.", "Building the harbour tunnel in {town} "
         "took {v} years.", ("four", "six", "nine")),
        ("It carries about {v} thousand cars a day.", "About {v} thousand cars use {town}'s harbour tunnel each "
         "day.", ("twelve", "twenty", "thirty")),
        ("The tunnel opened in {v}.", "{town}'s harbour tunnel opened in {v}.", ("1994", "2003", "2011")),
        ("Cyclists take the ferry instead, which runs every {v} minutes.", "The ferry cyclists take instead of "
         "{town}'s tunnel runs every {v} minutes.", ("ten", "fifteen", "twenty"))),
     ("The tunnel in {town} cost more than the new library.", "{town}'s harbour tunnel was designed by a Dutch firm.")),
    ("The town orchestra", (
        ("{town}'s orchestra was founded in {v} by a group of teachers.", "The orchestra in {town} dates from {v}.",
         ("1921", "1948", "1967")),
        ("It has {v} regular players.", "{town}'s orchestra has {v} regular players.", ("forty", "fifty-five",
                                                                                        "seventy")),
        ("Its summer concert is held in the {v}.", "The {town} orchestra plays its summer concert in the {v}.",
         ("park", "cathedral", "market square")),
        ("Tickets for students cost {v} pounds.", "Student tickets for {town}'s orchestra cost {v} pounds.",
         ("three", "five", "eight"))),
     ("{town}'s orchestra has toured Japan.", "The orchestra's conductor also composes film music.")),
    ("The river clean-up", (
        ("Volunteers pulled {v} shopping trolleys out of the river in {town}.", "{v} shopping trolleys were taken "
         "out of {town}'s river.", ("eleven", "nineteen", "thirty-two")),
        ("The clean-up took place over {v} weekends.", "The river clean-up in {town} lasted {v} weekends.",
         ("two", "three", "five")),
        ("It was organised by the {v} club.", "The {v} club organised {town}'s river clean-up.", ("rowing",
                                                                                                 "angling", "canoe")),
        ("Otters were seen near the weir {v} after the clean-up.", "Otters appeared near {town}'s weir {v} after the "
         "clean-up.", ("a month", "a week", "a year"))),
     ("The council will pay for a clean-up every year.", "Most of the rubbish in {town}'s river came from one "
      "car park.")),
    ("The old lighthouse", (
        ("The lighthouse at {town} was built in {v}.", "{town}'s lighthouse dates from {v}.", ("1812", "1856",
                                                                                              "1890")),
        ("Its light could be seen {v} miles out to sea.", "The {town} lighthouse was visible {v} miles out.",
         ("eighteen", "twenty-two", "twenty-five")),
        ("It was switched off in {v} when a new beacon was fitted.", "The {town} lighthouse was switched off in {v}.",
         ("1978", "1985", "1999")),
        ("It now houses a {v}.", "The old lighthouse in {town} is now a {v}.", ("museum", "cafe", "bird "
                                                                                 "observatory"))),
     ("The lighthouse keeper's family lived there for a century.", "{town}'s lighthouse is the tallest on the "
      "coast.")),
    ("The school garden", (
        ("Pupils at {town} Primary grow vegetables in {v} raised beds.", "{town} Primary's garden has {v} raised "
         "beds.", ("six", "ten", "fourteen")),
        ("The garden was started by a parent in {v}.", "A parent started {town} Primary's garden in {v}.",
         ("2015", "2018", "2021")),
        ("Produce goes to the school {v}.", "{town} Primary sends its produce to the school {v}.", ("kitchen",
                                                                                                   "fair", "shop")),
        ("Each class looks after the beds for {v} weeks at a time.", "Classes at {town} Primary tend the garden {v} "
         "weeks at a time.", ("two", "three", "four"))),
     ("{town} Primary's garden has won a national prize.", "The school plans to keep chickens.")),
    ("The night bus", (
        ("A night bus now links {town} with the city every {v} minutes.", "{town}'s night bus runs every {v} "
         "minutes.", ("thirty", "forty", "sixty")),
        ("The service runs on {v} nights a week.", "The night bus from {town} runs {v} nights a week.", ("two",
                                                                                                         "five",
                                                                                                         "seven")),
        ("A single fare costs {v} pounds.", "A single night-bus fare from {town} is {v} pounds.", ("two", "three",
                                                                                                  "four")),
        ("The last bus leaves the city at {v}.", "The last night bus back to {town} leaves at {v}.", ("2am", "3am",
                                                                                                    "4am"))),
     ("The night bus was the idea of a student union.", "Drivers on {town}'s night bus get extra pay.")),
    ("The repair of the town clock", (
        ("The clock on {town}'s town hall stopped {v} years ago.", "{town}'s town-hall clock stopped {v} years ago.",
         ("three", "seven", "twelve")),
        ("A local firm took {v} months to repair it.", "Repairing {town}'s town-hall clock took {v} months.",
         ("two", "five", "eight")),
        ("The repair was paid for by {v}.", "{v} paid for the repair of {town}'s town-hall clock.",
         ("a lottery grant", "the parish council", "public donations")),
        ("It now chimes every {v}.", "The town-hall clock in {town} now chimes every {v}.", ("hour", "half hour",
                                                                                            "quarter hour"))),
     ("The clock's bell was cast in Belgium.", "Some residents complained about the chimes at night.")),
    ("The wetland reserve", (
        ("The wetland reserve outside {town} covers {v} hectares.", "{town}'s wetland reserve is {v} hectares.",
         ("forty", "ninety", "a hundred and twenty")),
        ("It was a gravel pit until {v}.", "The reserve near {town} was a gravel pit until {v}.", ("1987", "1996",
                                                                                                  "2004")),
        ("Wardens counted {v} kinds of bird there last spring.", "{v} bird species were counted at {town}'s reserve "
         "last spring.", ("eighty", "ninety-five", "a hundred and ten")),
        ("Entry is free, but parking costs {v} pounds.", "Parking at {town}'s wetland reserve costs {v} pounds.",
         ("two", "three", "five"))),
     ("Beavers will be brought to the reserve next year.", "The reserve near {town} floods most winters.")),
)
KINDS = ("supported", "refuted", "nei")
VERDICTS = {"supported": "SUPPORTED", "refuted": "REFUTED", "nei": "NOT ENOUGH INFO"}


def _fill(x: str, town: str, v: str = "") -> str:
    y = x.format(town=town, v=v)
    return y[0].upper() + y[1:]


def evidence(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A passage (the k-th, or any) with its town and its facts' true values drawn once."""
    k = rng.randrange(len(PASSAGES)) if k is None else k % len(PASSAGES)
    title, facts, _ = PASSAGES[k]
    town, vals = rng.choice(_TOWNS), tuple(rng.choice(f[2]) for f in facts)
    lines = tuple(_fill(f[0], town, v) for f, v in zip(facts, vals, strict=True))
    return {"k": k, "title": title, "town": town, "vals": vals, "lines": lines, "text": " ".join(lines)}


def claim(ev: dict[str, Any], kind: str, j: int) -> dict[str, str]:
    """The claim of kind `kind` about fact j of the passage (a wrong value for a refuted one, one of the two claims
    it does not settle when `nei`), its verdict and the evidence sentence it rests on."""
    _, facts, open_ = PASSAGES[ev["k"]]
    if kind == "nei":
        return {"text": _fill(open_[j % 2], ev["town"]), "verdict": VERDICTS[kind], "line": "", "kind": kind}
    sent, said, pool = facts[j % 4]
    true = ev["vals"][j % 4]
    v = true if kind == "supported" else pool[(pool.index(true) + 1) % len(pool)]
    return {"text": _fill(said, ev["town"], v), "verdict": VERDICTS[kind], "line": ev["lines"][j % 4], "kind": kind,
            "true": true, "said": v}


def verify_reply(cl: dict[str, str]) -> str:
    if cl["kind"] == "supported":
        return f'SUPPORTED. Evidence: "{cl["line"]}" The passage states this directly.'
    if cl["kind"] == "refuted":
        return (f'REFUTED. Evidence: "{cl["line"]}" The passage gives {cl["true"]}, not {cl["said"]}.')
    return "NOT ENOUGH INFO. The passage does not mention this, so it can neither support nor refute it."


def claim_list(rng: random.Random, ev: dict[str, Any], n: int) -> str:
    """n claims about the passage, each labelled, mixing the three kinds."""
    picks = [(KINDS[i % 3], rng.randrange(4)) for i in rng.sample(range(6), n)]
    return "\n".join(f"{i + 1}. {claim(ev, kd, j)['text']} - {VERDICTS[kd]}" for i, (kd, j) in enumerate(picks))


def locate_claim(text: str) -> tuple[int, int, str] | None:
    """The passage, fact and value a claim's wording is made of (None for an unsettled or unknown claim)."""
    for k, (_, facts, _) in enumerate(PASSAGES):
        for j, (_, said, _) in enumerate(facts):
            rx = re.escape(_fill(said, "\x00", "\x01")).replace("\x00", r"[\w ]+").replace("\x01", "(.+)")
            if m := re.fullmatch(rx, text):
                return k, j, m.group(1)
    return None


# ---- tables (a title, the row head, four rows, three columns, the unit) and four kinds of question ----
TABLES = (("Library visits by branch", "Branch", ("Central", "Northside", "Riverside", "Hillcrest"), "visits"),
          ("Rainfall by town in millimetres", "Town", _TOWNS[:4], "millimetres of rain"),
          ("Ticket sales by show", "Show", ("Hamlet", "The Tempest", "Cats", "Oliver"), "tickets"),
          ("Bus passengers by route", "Route", ("Route 1", "Route 4", "Route 7", "Route 12"), "passengers"),
          ("Books lent by genre", "Genre", ("Crime", "History", "Poetry", "Travel"), "books"),
          ("Volunteers by project", "Project", ("Food bank", "Park team", "Reading club", "Repair cafe"),
           "volunteers"),
          ("Recycling collected by district in tonnes", "District", ("North", "South", "East", "West"), "tonnes"),
          ("Pool visits by session", "Session", ("Early", "Lunch", "Evening", "Family"), "visits"),
          ("Bakery sales by item", "Item", ("Loaves", "Rolls", "Pies", "Tarts"), "items sold"),
          ("Clinic appointments by team", "Team", ("Red", "Blue", "Green", "Yellow"), "appointments"),
          ("Allotment harvest by crop in kilograms", "Crop", ("Beans", "Potatoes", "Onions", "Kale"), "kilograms"),
          ("Museum visitors by gallery", "Gallery", ("Maps", "Ships", "Coins", "Toys"), "visitors"))
_COLS = (("January", "February", "March"), ("Monday", "Tuesday", "Wednesday"), ("Week 1", "Week 2", "Week 3"),
         ("Friday", "Saturday", "Sunday"))
QTYPES = ("lookup", "max", "total", "diff")


def table(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A table (the k-th, or any): its columns, and in each column four different whole numbers."""
    k = rng.randrange(len(TABLES)) if k is None else k % len(TABLES)
    title, head, rows, unit = TABLES[k]
    cols = _COLS[k % len(_COLS)]
    cells = {c: dict(zip(rows, rng.sample(range(12, 480), len(rows)), strict=True)) for c in cols}
    lines = [f"| {head} | {' | '.join(cols)} |", "|" + "---|" * (len(cols) + 1)]
    lines += [f"| {r} | {' | '.join(str(cells[c][r]) for c in cols)} |" for r in rows]
    return {"k": k, "title": title, "head": head, "rows": rows, "cols": cols, "unit": unit, "cells": cells,
            "text": f"Table: {title}\n" + "\n".join(lines)}


def question(rng: random.Random, tb: dict[str, Any], q: str) -> dict[str, str]:
    """A question of kind q over the table (its row and column drawn), the answer and the working."""
    col, (r1, r2) = rng.choice(tb["cols"]), rng.sample(tb["rows"], 2)
    vals, unit = tb["cells"][col], tb["unit"]
    at = f"{'on' if col.endswith('day') else 'in'} {col}"
    if q == "lookup":
        return {"q": f"How many {unit} did {r1} have {at}?", "answer": str(vals[r1]),
                "working": f"The {r1} row, {col} column reads {vals[r1]}."}
    if q == "max":
        top = max(vals, key=vals.get)
        return {"q": f"Which {tb['head'].lower()} had the most {unit} {at}?", "answer": top,
                "working": f"{col}: " + ", ".join(f"{r} {vals[r]}" for r in tb["rows"]) + f"; the largest is {top}."}
    if q == "total":
        return {"q": f"What was the total number of {unit} {at}?", "answer": str(sum(vals.values())),
                "working": " + ".join(str(vals[r]) for r in tb["rows"]) + f" = {sum(vals.values())}."}
    hi, lo = sorted((r1, r2), key=vals.get, reverse=True)
    return {"q": f"How many more {unit} did {hi} have than {lo} {at}?", "answer": str(vals[hi] - vals[lo]),
            "working": f"{vals[hi]} - {vals[lo]} = {vals[hi] - vals[lo]}."}


# ---- attribution: an answer's sentences over numbered sources (two snippets of the passage, one of another) ----
def cited(rng: random.Random, k: int | None = None, unsupported: bool | None = None) -> dict[str, Any]:
    """An answer of three or four sentences about a passage (one the sources do not settle in some) and its three
    sources, in their first order."""
    ev = evidence(rng, k)
    other = evidence(rng, (ev["k"] + 1 + rng.randrange(len(PASSAGES) - 1)) % len(PASSAGES))
    sources = [" ".join(ev["lines"][:2]), " ".join(ev["lines"][2:]), " ".join(other["lines"][:2])]
    facts = rng.sample(range(4), 3)
    sents = [(claim(ev, "supported", j)["text"], j // 2) for j in facts]
    if unsupported if unsupported is not None else rng.random() < 0.4:
        sents.insert(rng.randrange(4), (claim(ev, "nei", rng.randrange(2))["text"], None))
    return {"k": ev["k"], "ev": ev, "sources": sources, "sents": sents}


def cite_layout(ct: dict[str, Any], order: tuple[int, ...], heads: tuple[str, str]) -> str:
    ans = "\n".join(f"({i + 1}) {s}" for i, (s, _) in enumerate(ct["sents"]))
    src = "\n".join(f"[{n + 1}] {ct['sources'][o]}" for n, o in enumerate(order))
    return f"{heads[0]}:\n{ans}\n\n{heads[1]}:\n{src}"


def citations(ct: dict[str, Any], order: tuple[int, ...]) -> list[str]:
    """Each sentence's supporting source as numbered in `order` ("[n]"), or "none"."""
    return [f"[{order.index(s) + 1}]" if s is not None else "none" for _, s in ct["sents"]]


def cite_reply(ct: dict[str, Any], order: tuple[int, ...]) -> str:
    return "\n".join(f"({i + 1}) {c}" + ("" if c != "none" else " - no source supports this sentence")
                     for i, c in enumerate(citations(ct, order)))


# ---- the pasted layouts found again ----
CLAIM_HEADS, EVIDENCE_HEADS = ("Claim", "Statement"), ("Evidence", "Source", "Reference")
ANSWER_HEADS, SOURCE_HEADS = ("Answer", "Draft", "Response"), ("Sources", "References", "Documents")
_RX = {"claim": re.compile(rf"^(?:{'|'.join(CLAIM_HEADS)}): (.+)$", re.M),
       "evidence": re.compile(rf"^(?:{'|'.join(EVIDENCE_HEADS)}): (.+)$", re.M),
       "table": re.compile(r"^Table: (.+)$", re.M), "question": re.compile(r"^Question: (.+)$", re.M),
       "answer": re.compile(rf"^(?:{'|'.join(ANSWER_HEADS)}):\n((?:\(\d\) .+\n?)+)", re.M),
       "sources": re.compile(rf"^(?:{'|'.join(SOURCE_HEADS)}):\n((?:\[\d\] .+\n?)+)", re.M)}


def blocks(text: str) -> dict[str, str]:
    """What a text pastes: a claim, evidence, a table's title, a question, an answer's numbered sentences, numbered
    sources - only those it has."""
    return {k: m.group(1).rstrip("\n") for k, rx in _RX.items() if (m := rx.search(text))}


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
VERIFY_SCHEMA = {"name": "verdict", "strict": True, "schema": {
    **_obj, "required": ["verdict", "evidence"],
    "properties": {"verdict": {"type": "string", "enum": list(VERDICTS.values())}, "evidence": {"type": "string"}}}}
TABLE_SCHEMA = {"name": "table_answer", "strict": True, "schema": {
    **_obj, "required": ["answer", "working"],
    "properties": {"answer": {"type": "string"}, "working": {"type": "string"}}}}
CITE_SCHEMA = {"name": "citations", "strict": True, "schema": {
    **_obj, "required": ["citations"],
    "properties": {"citations": {"type": "array", "items": {"type": "string"}}}}}
