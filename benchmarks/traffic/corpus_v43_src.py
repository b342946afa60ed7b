"""The sources of the `v43` variant (regular expressions built from examples; see corpus_v43.py; written blind the
same way: nothing here was tuned against a detector result): string shapes (character-class runs with their lengths
between literal separators, as in invoice numbers, part codes, tags or version strings), strings that fit a shape and
strings that do not (each made by one of eight kinds of change to a fitting one), and the text a careful engineer
writes: a regex (Python `re` syntax, anchored) that matches the given strings and rejects the others, with an
explanation; a numbered match table of strings against a pasted regex; a broken regex fixed so that it matches and
rejects as given; and practice problems on a character class with their answers. Every answer is checked with `re`
against the strings pasted with it before it is written. Nothing here is harmful.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Any

# ---- character classes: the regex, the characters it holds, and its words ----
CLASSES: dict[str, tuple[str, str, str]] = {
    "digit": (r"\d", "0123456789", "digit"), "lower": ("[a-z]", "abcdefghijklmnopqrstuvwxyz", "lowercase letter"),
    "upper": ("[A-Z]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "uppercase letter"),
    "hex": ("[0-9a-f]", "0123456789abcdef", "lowercase hex digit"),
    "HEX": ("[0-9A-F]", "0123456789ABCDEF", "uppercase hex digit"),
    "letter": ("[A-Za-z]", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "letter"),
    "alnum": ("[A-Za-z0-9]", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "letter or digit"),
    "vowel": ("[aeiou]", "aeiou", "lowercase vowel"), "octal": ("[0-7]", "01234567", "octal digit"),
    "binary": ("[01]", "01", "binary digit"),
}
SEPS = ("-", "_", ".", ":", "/", "#", "@")
PREFIXES = ("INV", "ID", "v", "SKU", "PO", "TKT", "REF", "X")
STRAYS = "xZ9q!-_.:/#@Qk0"  # characters a changed string may gain
KINDS = ("char", "long", "short", "sep", "case", "prefix", "suffix", "swap")  # the kinds of change
LEVELS = {"easy": (1, 2), "medium": (2, 3), "hard": (3, 4)}  # class runs a practice problem's shape has
_NUM = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


# ---- shapes: ("c", class, least, most) runs and ("l", text) literals ----
def shape(rng: random.Random, runs: int | None = None, cls: str | None = None) -> tuple:
    """A new shape: 1-4 class runs (one of them of class `cls` when given), a separator between runs now and then
    and a literal prefix now and then."""
    runs = runs or rng.randint(1, 4)
    names = [rng.choice(tuple(CLASSES)) for _ in range(runs)]
    if cls:
        names[rng.randrange(runs)] = cls
    parts: list[tuple] = [("l", rng.choice(PREFIXES) + rng.choice(SEPS))] if rng.random() < 0.4 else []
    sep = rng.choice(SEPS) if rng.random() < 0.8 else ""
    for j, name in enumerate(names):
        if j and (sep or not parts or parts[-1][0] == "c" and parts[-1][1] == name):
            parts.append(("l", sep or rng.choice(SEPS)))
        lo = rng.randint(1, 5)
        parts.append(("c", name, lo, lo if rng.random() < 0.6 else lo + rng.randint(1, 3)))
    return tuple(parts)


def runs_of(sh: tuple) -> list[int]:
    """The indices of a shape's class runs."""
    return [j for j, p in enumerate(sh) if p[0] == "c"]


def recast(sh: tuple, cell: tuple | None) -> tuple:
    """A shape with one run's class (("class", run, name)) or length (("count", run, n)) changed; other cells (and
    None) leave it as it is."""
    if not cell or cell[0] not in ("class", "count"):
        return sh
    j = runs_of(sh)[cell[1]]
    _, name, lo, hi = sh[j]
    new = ("c", cell[2], lo, hi) if cell[0] == "class" else ("c", name, cell[2], cell[2])
    return sh[:j] + (new,) + sh[j + 1:]


def quant(lo: int, hi: int) -> str:
    return "" if lo == hi == 1 else f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}"


@lru_cache(maxsize=4096)
def pattern(sh: tuple) -> str:
    """The shape's regex, anchored at both ends."""
    return "^" + "".join(re.escape(p[1]) if p[0] == "l" else CLASSES[p[1]][0] + quant(p[2], p[3]) for p in sh) + "$"


def _count(n: int, word: str) -> str:
    return f"{_NUM[n]} {word}{'s' if n != 1 else ''}"


def words(p: tuple) -> str:
    """A part in words: 'the literal "INV-"', 'two to four digits'."""
    if p[0] == "l":
        return f'the literal "{p[1]}"'
    _, name, lo, hi = p
    w = CLASSES[name][2]
    return _count(lo, w) if lo == hi else f"{_NUM[lo]} to {_NUM[hi]} {w}s"


def explain(sh: tuple) -> str:
    rx = [re.escape(p[1]) if p[0] == "l" else CLASSES[p[1]][0] + quant(p[2], p[3]) for p in sh]
    steps = "; ".join(f"`{r}` is {words(p)}" for r, p in zip(rx, sh, strict=True))
    return f"Read left to right: {steps}. The anchors ^ and $ make it match the whole string, nothing more."


# ---- strings: ones that fit and ones changed so that they do not ----
def fitting(rng: random.Random, sh: tuple) -> str:
    return "".join(_pieces(rng, sh))


def _pieces(rng: random.Random, sh: tuple) -> list[str]:
    return [p[1] if p[0] == "l" else "".join(rng.choice(CLASSES[p[1]][1]) for _ in range(rng.randint(*p[2:])))
            for p in sh]


def changed(rng: random.Random, sh: tuple, kind: str) -> str:
    """A fitting string with one change of `kind` (it may still fit; `rejects` draws again)."""
    ps = _pieces(rng, sh)
    runs = runs_of(sh)
    j = rng.choice(runs)
    alphabet = CLASSES[sh[j][1]][1]
    if kind == "char":
        k = rng.randrange(len(ps[j]))
        ps[j] = ps[j][:k] + rng.choice([c for c in STRAYS if c not in alphabet]) + ps[j][k + 1:]
    elif kind == "long":
        ps[j] = "".join(rng.choice(alphabet) for _ in range(sh[j][3] + rng.randint(1, 2)))
    elif kind == "short":
        ps[j] = ps[j][:max(0, sh[j][2] - 1)]
    elif kind == "sep" and len(runs) < len(sh):
        k = rng.choice([x for x in range(len(sh)) if x not in runs])
        ps[k] = rng.choice(["", *(s for s in SEPS if s not in sh[k][1])])
    elif kind == "case":
        ps = [x.swapcase() for x in ps]
    elif kind == "prefix":
        ps.insert(0, rng.choice(STRAYS))
    elif kind == "suffix":
        ps.append(rng.choice(STRAYS))
    elif len(runs) > 1:  # swap: two runs' contents change places
        a, b = rng.sample(runs, 2)
        ps[a], ps[b] = ps[b], ps[a]
    else:
        ps[j] = ps[j] + rng.choice(STRAYS)
    return "".join(ps)


def fits(sh: tuple, s: str) -> bool:
    return _compiled(sh).fullmatch(s) is not None


@lru_cache(maxsize=4096)
def _compiled(sh: tuple) -> re.Pattern:
    return re.compile(pattern(sh))


def accepts(rng: random.Random, sh: tuple, n: int) -> list[str]:
    """n distinct fitting strings (fewer when the shape has fewer)."""
    out: list[str] = []
    for _ in range(40 * n):
        s = fitting(rng, sh)
        if s not in out:
            out.append(s)
        if len(out) == n:
            break
    return out


def rejects(rng: random.Random, sh: tuple, n: int, kinds: tuple[str, ...] = KINDS) -> list[str]:
    """n distinct non-empty strings that do not fit, each a fitting one changed by one of `kinds`."""
    out: list[str] = []
    for k in range(60 * n):
        s = changed(rng, sh, kinds[k % len(kinds)] if len(kinds) > 1 else kinds[0])
        if s and not fits(sh, s) and s not in out:
            out.append(s)
        if len(out) == n:
            return out
    return out + rejects(rng, sh, n - len(out)) if kinds != KINDS else out  # topped up with any kind


def examples(inst: dict[str, Any], cell: tuple | None) -> tuple[tuple, list[str], list[str]]:
    """An item's shape and its strings: the shape recast by the cell, 3-5 fitting strings drawn from the item's own
    seed (so the same for every rejection kind), 3-5 that do not (of one kind when the cell is ("kind", kind))."""
    sh = recast(inst["shape"], cell)
    r = random.Random(f"{inst['seed']}:{cell}")
    pos = accepts(random.Random(inst["seed"] if cell and cell[0] == "kind" else f"{inst['seed']}:{cell}"), sh,
                  inst["n"])
    neg = rejects(r, sh, inst["n"], (cell[1],) if cell and cell[0] == "kind" else KINDS)
    return sh, pos, neg


def broken(rng: random.Random, sh: tuple, pos: list[str], neg: list[str]) -> tuple[str, str]:
    """A regex a person got nearly right - a run's length or class off, a separator left unescaped, an anchor
    missing - that gets at least one of the strings wrong, and what is wrong with it."""
    for _ in range(50):
        runs = runs_of(sh)
        j = rng.choice(runs)
        _, name, lo, hi = sh[j]
        how = rng.choice(("length", "class", "anchor", "dot"))
        if how == "length":
            bad, why = pattern(sh[:j] + (("c", name, lo + 1, hi + 1),) + sh[j + 1:]), f"run {runs.index(j) + 1} " \
                f"should be {words(sh[j])}"
        elif how == "class":
            other = rng.choice([c for c in CLASSES if c != name])
            bad, why = pattern(sh[:j] + (("c", other, lo, hi),) + sh[j + 1:]), f"run {runs.index(j) + 1} should " \
                f"be {CLASSES[name][2]}s, not {CLASSES[other][2]}s"
        elif how == "anchor":
            bad, why = pattern(sh)[1:-1], "it was not anchored, so it also matched strings with more around them"
        else:
            bad = "^" + "".join("".join("." if c in SEPS else re.escape(c) for c in p[1]) if p[0] == "l" else
                                CLASSES[p[1]][0] + quant(p[2], p[3]) for p in sh) + "$"
            why = "a separator was written as `.`, which matches any character"
        if any((re.search(bad, s) is not None) != (s in pos) for s in pos + neg):
            return bad, why
    return "^$", "it matched only the empty string"  # (a last resort: every string given to match has characters)


# ---- the replies ----
def build_reply(sh: tuple, pos: list[str], neg: list[str]) -> dict[str, Any]:
    p = pattern(sh)
    assert all(re.fullmatch(p, s) for s in pos) and not any(re.fullmatch(p, s) for s in neg), (p, pos, neg)
    return {"reply": f"Regex: {p}\n\n{explain(sh)}", "obj": {"pattern": p, "explanation": explain(sh)}}


def table_reply(p: str, strings: list[str]) -> dict[str, Any]:
    rows = [(s, re.search(p, s) is not None) for s in strings]
    return {"reply": "\n".join(f"{j}. {s}: {'match' if m else 'no match'}" for j, (s, m) in enumerate(rows, 1)),
            "obj": {"rows": [{"text": s, "matches": m} for s, m in rows]}}


def fix_reply(sh: tuple, why: str) -> dict[str, Any]:
    p = pattern(sh)
    return {"reply": f"Fixed: {p}\n\nWhat was wrong: {why}. {explain(sh)}", "obj": {"pattern": p, "explanation":
                                                                                   f"{why}. {explain(sh)}"}}


def problem_list(rng: random.Random, inst: tuple[str, str], n: int) -> str:
    """n invented problems on a character class at a level: strings to match and to reject, each with its answer."""
    cls, level = inst
    out = []
    for j in range(n):
        sh = shape(rng, rng.randint(*LEVELS[level]), cls)
        pos, neg = accepts(rng, sh, 3), rejects(rng, sh, 3)
        out.append(f"{j + 1}. Match: {', '.join(pos)} | Reject: {', '.join(neg)}\nAnswer: {pattern(sh)}")
    return "\n\n".join(out)


def new_item(rng: random.Random, runs: int | None = None, cls: str | None = None) -> dict[str, Any]:
    """A new item's source: a shape (a run of class `cls` when given), a seed for its strings and how many of each
    (3-5)."""
    return {"shape": shape(rng, runs, cls), "seed": rng.randrange(10 ** 9), "n": rng.randint(3, 5)}


# ---- the pasted layouts found again ----
_MATCH = re.compile(r"^Match: (\S+)$", re.M)
_REJECT = re.compile(r"^Reject: (\S+)$", re.M)
_PATTERN = re.compile(r"^Pattern: (\S+)$", re.M)
_BROKEN = re.compile(r"^Broken regex: (\S+)$", re.M)
_ROW = re.compile(r"^\d+\. (\S+)$", re.M)
_CLASS = re.compile(rf"^Class: ({'|'.join(CLASSES)})$", re.M)
_LEVEL = re.compile(rf"^Level: ({'|'.join(LEVELS)})$", re.M)


def blocks(text: str) -> dict[str, Any]:
    """What a text pastes: strings to match and to reject, a regex to test and the numbered strings to test it on, a
    broken regex, a character class and a level - only those it has."""
    out: dict[str, Any] = {}
    if (m := _MATCH.findall(text)) and (r := _REJECT.findall(text)):
        out["match"], out["reject"] = m, r
    if m := _PATTERN.search(text):
        out["pattern"] = m.group(1)
        if rows := _ROW.findall(text):
            out["rows"] = rows
    if m := _BROKEN.search(text):
        out["broken"] = m.group(1)
    if m := _CLASS.search(text):
        out["class"] = m.group(1)
    if m := _LEVEL.search(text):
        out["level"] = m.group(1)
    return out


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
_str = {"type": "string"}
_RX = {**_obj, "required": ["pattern", "explanation"], "properties": {"pattern": _str, "explanation": _str}}
BUILD_SCHEMA = {"name": "regex_from_examples", "strict": True, "schema": _RX}
FIX_SCHEMA = {"name": "regex_fixed", "strict": True, "schema": _RX}
TABLE_SCHEMA = {"name": "match_table", "strict": True, "schema": {
    **_obj, "required": ["rows"], "properties": {"rows": {"type": "array", "items": {
        **_obj, "required": ["text", "matches"], "properties": {"text": _str, "matches": {"type": "boolean"}}}}}}}
