"""The sources of the `v38` variant (grammatical error correction; see corpus_v38.py; written blind the same way:
nothing here was tuned against a detector result): learner sentences built from frames whose error sites can each be
written right or wrong (a verb that must agree, a tense the time marker fixes, an irregular past, a/an, a fixed
preposition, a misspelling, a plural), so a sentence can be given with all its errors, any subset of them or none;
drafts of several such sentences given a growing prefix at a time; and each error of a sentence explained alone -
each with the text a careful corrector produces: the corrected sentence and its edits, the corrected draft, and the
rule behind an edit. Every person and place is invented; nothing here is harmful.
"""

from __future__ import annotations

import random
import re
from typing import Any

# ---- error types and the rule each breaks ----
RULES = {"agreement": "the verb has to agree with its subject",
         "tense": "the time the sentence is about fixes the tense, and the other verbs follow it",
         "verb form": "the verb needs its past form here, and some past forms are irregular",
         "article": "'a' goes before a consonant sound and 'an' before a vowel sound",
         "preposition": "this word takes a fixed preposition here",
         "spelling": "the word is misspelt",
         "plural": "a number above one takes the plural noun"}
TYPES = tuple(RULES)

# ---- frames: [right|wrong|type] is an error site, {X} a value ----
FRAMES = (
    "{P} [has|have|agreement] lived in {C} [since|from|preposition] {Y} and [works|work|agreement] at [a|an|article] "
    "small bakery near the [station|staion|spelling].",
    "Yesterday {P} [went|go|tense] to the market and [bought|buyed|verb form] {N} [kilos|kilo|plural] of apples for "
    "[an|a|article] apple cake.",
    "The meeting [is|are|agreement] [on|in|preposition] {D} [at|in|preposition] {T}, so please bring your notes and "
    "[an|a|article] umbrella.",
    "My neighbours [don't|doesn't|agreement] know that {P} [is|are|agreement] interested [in|on|preposition] old [maps|map|plural] of "
    "{C}.",
    "It is [necessary|neccessary|spelling] to book [accommodation|accomodation|spelling] before the festival "
    "[begins|begin|agreement] [in|on|preposition] {M}.",
    "Last {D} the children [played|play|tense] in the park for [an|a|article] hour and then [ate|eated|verb form] {N} "
    "[sandwiches|sandwichs|plural].",
    "{P} [was|were|agreement] born in {C} and [moved|move|tense] to {C2} in {Y}, where the [weather|wheather|spelling] "
    "[is|are|agreement] milder.",
    "Our [government|goverment|spelling] [has|have|agreement] promised {N} new [schools|school|plural] by the "
    "[beginning|begining|spelling] of next year.",
    "The price [depends|depend|agreement] [on|of|preposition] the season, but a room usually [costs|cost|agreement] "
    "about {Q} [pounds|pound|plural] a night.",
    "When we [arrived|arrive|tense] [in|to|preposition] {C}, the [restaurant|restaurent|spelling] near the harbour "
    "[was|were|agreement] already closed.",
    "I will [definitely|definately|spelling] call you [on|in|preposition] {D}, when {P} [is|are|agreement] back from "
    "[a|an|article] trip to {C}.",
    "Please keep the {N} [boxes|boxs|plural] [separate|seperate|spelling] until {P} [has|have|agreement] [checked|check|verb form] them.",
    "{P} [has|have|agreement] taught at [a|an|article] university in {C} for {N} [years|year|plural] and "
    "[speaks|speak|agreement] three languages.",
    "Every morning {P} [takes|take|agreement] the bus [at|in|preposition] {T} and [reads|read|agreement] the news on "
    "[an|a|article] old phone.",
    "The garden club [met|meeted|verb form] [on|at|preposition] {D} and [planted|plant|tense] {N} "
    "[trees|tree|plural] along the river.",
    "The {N} [children|childs|plural] from {C} [won|winned|verb form] the prize, and their teacher [was|were|agreement] "
    "proud [of|for|preposition] them.",
)
_SITE = re.compile(r"\[([^|\]]+)\|([^|\]]+)\|([^\]]+)\]")


def sites(k: int) -> list[tuple[str, str, str]]:
    """The k-th frame's error sites, in order: (right, wrong, type)."""
    return [m.groups() for m in _SITE.finditer(FRAMES[k])]


PEOPLE = ("Amara", "Tomasz", "Leila", "Kofi", "Ingrid", "Mateo", "Yuki", "Nadia", "Rhys", "Sunita", "Oskar", "Elif")
TOWNS = ("Brackwater", "Eastholm", "Kelby", "Marrowgate", "Stannick", "Wenford", "Tollesby", "Ashcombe", "Fennick",
         "Holloway Cross")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
TIMES = ("6:45", "7:10", "7:30", "8:15", "8:40", "9:00", "9:20")


def sentence(rng: random.Random, k: int | None = None) -> dict[str, Any]:
    """A sentence: a frame (the k-th, or any) and its values."""
    k = rng.randrange(len(FRAMES)) if k is None else k % len(FRAMES)
    c, c2 = rng.sample(TOWNS, 2)
    vals = {"P": rng.choice(PEOPLE), "C": c, "C2": c2, "Y": str(rng.randint(2004, 2023)), "N": rng.choice(NUMBERS),
            "D": rng.choice(DAYS), "T": rng.choice(TIMES), "M": rng.choice(MONTHS), "Q": str(rng.randrange(40, 130, 5))}
    return {"k": k, "vals": vals}


def render(s: dict[str, Any], errs: tuple[int, ...] = ()) -> str:
    """The sentence with the error sites `errs` (indices into sites(k)) written wrong, the others right."""
    j = iter(range(99))
    out = _SITE.sub(lambda m: m.group(2) if next(j) in errs else m.group(1), FRAMES[s["k"]])
    return out.format(**s["vals"])


def all_errors(s: dict[str, Any]) -> tuple[int, ...]:
    return tuple(range(len(sites(s["k"]))))


def some_errors(rng: random.Random, s: dict[str, Any], least: int = 1) -> tuple[int, ...]:
    """A subset of the sentence's error sites (at least `least`; `least` 0 lets it come back correct)."""
    n = len(sites(s["k"]))
    return tuple(sorted(rng.sample(range(n), rng.randint(least, n))))


def edits(s: dict[str, Any], errs: tuple[int, ...]) -> list[dict[str, str]]:
    return [{"from": w, "to": r, "type": ty} for j, (r, w, ty) in enumerate(sites(s["k"])) if j in errs]


def edit_line(ed: list[dict[str, str]]) -> str:
    if not ed:
        return "No changes needed: the sentence is correct."
    return "Changes: " + "; ".join(f"'{e['from']}' -> '{e['to']}' ({e['type']})" for e in ed) + "."


def correct(s: dict[str, Any], errs: tuple[int, ...]) -> dict[str, Any]:
    """The sentence with errors `errs`: its text, the reply (the corrected sentence, then its edits) and the JSON."""
    ed, fixed = edits(s, errs), render(s)
    return {"text": render(s, errs), "reply": f"{fixed}\n\n{edit_line(ed)}",
            "obj": {"corrected": fixed, "edits": ed}}


# ---- drafts: several learner sentences, corrected a growing prefix at a time ----
def draft(rng: random.Random, n: int | None = None) -> dict[str, Any]:
    """A draft of n (3-6) sentences of different frames, each with some errors (one in five correct as it is)."""
    n = n or rng.randint(3, 6)
    rows = []
    for k in rng.sample(range(len(FRAMES)), n):
        s = sentence(rng, k)
        rows.append((s, some_errors(rng, s, 0 if rng.random() < 0.2 else 1)))
    return {"rows": tuple(rows)}


def prefix(d: dict[str, Any], j: int) -> dict[str, Any]:
    """The draft's first j sentences: the text as pasted, the corrected text and the JSON reply."""
    rows = d["rows"][:j]
    fixed = " ".join(render(s) for s, _ in rows)
    n = sum(len(e) for _, e in rows)
    return {"text": " ".join(render(s, e) for s, e in rows), "reply": f"{fixed}\n\nCorrections made: {n}.",
            "obj": {"text": fixed, "sentences": j, "corrections": n}}


# ---- one edit explained ----
def explain(s: dict[str, Any], errs: tuple[int, ...], j: int) -> dict[str, Any]:
    """The rule behind the sentence's j-th error site (one of `errs`): the reply and the JSON."""
    r, w, ty = sites(s["k"])[j]
    text = f"'{w}' should be '{r}': {RULES[ty]} ({ty})."
    return {"reply": text, "obj": {"from": w, "to": r, "type": ty, "explanation": text}}


# ---- example learner sentences, each with its correction ----
def record_list(rng: random.Random, ty: str, n: int) -> str:
    """n learner sentences with one error of type `ty` each, and their corrections."""
    ks = [k for k in range(len(FRAMES)) if any(x[2] == ty for x in sites(k))]
    out = []
    for j in range(n):
        s = sentence(rng, rng.choice(ks))
        e = rng.choice([i for i, x in enumerate(sites(s["k"])) if x[2] == ty])
        out.append(f"{j + 1}. {render(s, (e,))}\n   => {render(s)}")
    return "\n".join(out)


# ---- the pasted layouts found again ----
SENTENCE_HEADS = ("Sentence", "Learner sentence", "Original", "Input")
DRAFT_HEADS = ("Draft", "Paragraph", "Essay extract", "Learner text")
_RX = {"sentence": re.compile(rf"^(?:{'|'.join(SENTENCE_HEADS)}): ([^\n]+\.)$", re.M),
       "draft": re.compile(rf"^(?:{'|'.join(DRAFT_HEADS)}): ([^\n]+\.)$", re.M),
       "edit": re.compile(r"^Correction: ('[^\n]+' -> '[^\n]+')$", re.M)}


def blocks(text: str) -> dict[str, str]:
    """What a text pastes: a sentence, a draft, an edit to explain - only those it has."""
    return {k: m.group(1) for k, rx in _RX.items() if (m := rx.search(text))}


def _frame_rx(k: int) -> re.Pattern:
    """The k-th frame as a pattern: each error site a group (its right or its wrong word), each value any text."""
    parts, last, src = [], 0, FRAMES[k]
    for m in _SITE.finditer(src):
        parts += [_values(src[last:m.start()]), f"({re.escape(m.group(1))}|{re.escape(m.group(2))})"]
        last = m.end()
    return re.compile("^" + "".join(parts) + _values(src[last:]) + "$")


def _values(chunk: str) -> str:
    return "".join("[^.]+?" if i % 2 else re.escape(x) for i, x in enumerate(re.split(r"\{(\w+)\}", chunk)))


_FRAME_RX = tuple(_frame_rx(k) for k in range(len(FRAMES)))


def locate(text: str) -> dict[str, Any] | None:
    """A pasted sentence read back: its frame, which of its error sites are written wrong, and the sentence
    corrected (None: no frame)."""
    for k, rx in enumerate(_FRAME_RX):
        if m := rx.match(text):
            ss = sites(k)
            wrong = tuple(j for j, (r, w, _) in enumerate(ss) if m.group(j + 1) == w)
            cuts = [0] + [x for j in range(len(ss)) for x in (m.start(j + 1), m.end(j + 1))] + [len(text)]
            fixed = "".join(text[cuts[2 * j]:cuts[2 * j + 1]] + ss[j][0] for j in range(len(ss))) + text[cuts[-2]:]
            return {"k": k, "errs": wrong, "fixed": fixed}
    return None


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
_edit = {**_obj, "required": ["from", "to", "type"], "properties": {
    "from": {"type": "string"}, "to": {"type": "string"}, "type": {"type": "string", "enum": list(TYPES)}}}
CORRECT_SCHEMA = {"name": "correction", "strict": True, "schema": {
    **_obj, "required": ["corrected", "edits"],
    "properties": {"corrected": {"type": "string"}, "edits": {"type": "array", "items": _edit}}}}
DRAFT_SCHEMA = {"name": "corrected_draft", "strict": True, "schema": {
    **_obj, "required": ["text", "sentences", "corrections"],
    "properties": {"text": {"type": "string"}, "sentences": {"type": "integer"}, "corrections": {"type": "integer"}}}}
EXPLAIN_SCHEMA = {"name": "edit_rationale", "strict": True, "schema": {
    **_obj, "required": ["from", "to", "type", "explanation"],
    "properties": {"from": {"type": "string"}, "to": {"type": "string"},
                   "type": {"type": "string", "enum": list(TYPES)}, "explanation": {"type": "string"}}}}
