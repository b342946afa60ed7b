"""The sources of the `v42` variant (spreadsheet formula writing; see corpus_v42.py; written blind the same way:
nothing here was tuned against a detector result): small sales sheets (columns A-F: Rep, Region, Product, Date,
Units, Amount; a header in row 1, six to ten rows of data under it) and the text a careful spreadsheet writer gives:
one conditional aggregate (SUMIFS, COUNTIFS, AVERAGEIFS, MAXIFS, MINIFS) written as a formula over the pasted sheet
with its computed result, several lookups (XLOOKUP, "#N/A" for a key the sheet lacks) numbered as asked, the date
formulas of a pasted start and end date (days between, NETWORKDAYS, DATEDIF in whole months, EOMONTH) and practice
problems on a single-criterion function (SUMIF, COUNTIF, AVERAGEIF) with their answers. The arithmetic is exact
(integers, an average rounded half up to two places, as a sheet shows it). Nothing here is harmful.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

COLS = ("Rep", "Region", "Product", "Date", "Units", "Amount")  # columns A-F
LETTER = dict(zip(COLS, "ABCDEF", strict=True))
REPS = ("Ana", "Bilal", "Chen", "Dara", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Marek",
        "Nia", "Omar", "Pia", "Rui", "Sven", "Tariq", "Uma")
REGIONS = ("North", "South", "East", "West")
PRODUCTS = ("Widget", "Gadget", "Bracket", "Valve")
TEXT_COLS = ("Rep", "Region", "Product")
NUM_COLS = ("Units", "Amount")
FUNCS = {"sum": "SUMIFS", "count": "COUNTIFS", "average": "AVERAGEIFS", "max": "MAXIFS", "min": "MINIFS"}
OPS = (">", "<", ">=", "<=")
YEARS = (2026, 2027)


# ---- sheets and tasks ----
def sheet(rng: random.Random, n: int | None = None) -> list[list[Any]]:
    """A new sheet's data rows (n: 6-10): a distinct rep each, a region, a product, a date, units and an amount."""
    reps = rng.sample(REPS, n or rng.randint(6, 10))
    return [[rep, rng.choice(REGIONS), rng.choice(PRODUCTS), (date(rng.choice(YEARS), 1, 1) +
             timedelta(rng.randrange(365))).isoformat(), rng.randint(1, 40), 5 * rng.randint(4, 400)] for rep in reps]


def col(rows: list[list[Any]], name: str) -> list[Any]:
    return [r[COLS.index(name)] for r in rows]


def rng_of(rows: list[list[Any]], name: str) -> str:
    """A column's data range: 'F2:F9'."""
    c = LETTER[name]
    return f"{c}2:{c}{len(rows) + 1}"


def holds(v: Any, op: str, x: Any) -> bool:
    return {"=": v == x, ">": v > x, "<": v < x, ">=": v >= x, "<=": v <= x}[op]


def criterion(rng: random.Random, rows: list[list[Any]]) -> tuple[str, str, Any]:
    """A criterion: a text column equal to a value the sheet has (mostly), or a number column against a threshold."""
    if rng.random() < 0.6:
        name = rng.choice(("Region", "Product"))
        return name, "=", rng.choice(col(rows, name)) if rng.random() < 0.9 else rng.choice(
            REGIONS if name == "Region" else PRODUCTS)
    name = rng.choice(NUM_COLS)
    return name, rng.choice(OPS), rng.choice(col(rows, name))


def task(rng: random.Random, rows: list[list[Any]]) -> tuple[str, str | None, tuple]:
    """A conditional aggregate: (function, the column aggregated - None for a count, one or two criteria)."""
    fn = rng.choice(tuple(FUNCS))
    crit = [criterion(rng, rows) for _ in range(rng.choice((1, 1, 2)))]
    if len(crit) == 2 and crit[0][0] == crit[1][0]:
        crit = crit[:1]
    return fn, None if fn == "count" else rng.choice(NUM_COLS), tuple(crit)


def task_text(tk: tuple) -> str:
    """'sum of Amount where Region = North and Units > 10'; 'count of rows where ...'."""
    fn, target, crit = tk
    where = " and ".join(f"{c} {op} {x}" for c, op, x in crit)
    return f"{fn} of {target or 'rows'} where {where}"


def formula(rows: list[list[Any]], tk: tuple) -> str:
    """'=SUMIFS(F2:F9,B2:B9,"North",E2:E9,">10")'."""
    fn, target, crit = tk
    args = [rng_of(rows, target)] if target else []
    for c, op, x in crit:
        args += [rng_of(rows, c), f'"{x}"' if op == "=" else f'"{op}{x}"']
    return f"={FUNCS[fn]}({','.join(args)})"


def shown(num: int, den: int = 1) -> str:
    """A number as a sheet shows it: a whole number plainly, a fraction rounded half up to two places."""
    if num % den == 0:
        return str(num // den)
    return str((Decimal(num) / Decimal(den)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def result(rows: list[list[Any]], tk: tuple) -> str:
    """The formula's value: 0 for a sum, count, max or min over no rows, '#DIV/0!' for an average over none."""
    fn, target, crit = tk
    hit = [r for r in rows if all(holds(r[COLS.index(c)], op, x) for c, op, x in crit)]
    vals = [r[COLS.index(target)] for r in hit] if target else hit
    if fn == "count":
        return str(len(hit))
    if fn == "average":
        return shown(sum(vals), len(vals)) if vals else "#DIV/0!"
    return str({"sum": sum, "max": max, "min": min}[fn](vals) if vals else 0)


# ---- the replies ----
def formula_reply(rows: list[list[Any]], tk: tuple) -> dict[str, Any]:
    f, v = formula(rows, tk), result(rows, tk)
    return {"reply": f"{f}\nResult: {v}", "obj": {"formula": f, "result": v}}


def lookups(rng: random.Random, rows: list[list[Any]], k: int | None = None) -> list[tuple[str, str]]:
    """k (3-6) lookups: (the column wanted, a rep - one the sheet lacks now and then)."""
    reps = col(rows, "Rep")
    return [(rng.choice(COLS[1:]), rng.choice(reps) if rng.random() < 0.9 else rng.choice(REPS))
            for _ in range(k or rng.randint(3, 6))]


def lookup_line(rows: list[list[Any]], want: str, rep: str) -> str:
    """'=XLOOKUP("Ana",A2:A9,F2:F9) -> 340' ('#N/A' for a rep the sheet lacks)."""
    got = [r[COLS.index(want)] for r in rows if r[0] == rep]
    return f'=XLOOKUP("{rep}",{rng_of(rows, "Rep")},{rng_of(rows, want)}) -> {got[0] if got else "#N/A"}'


def lookup_reply(rows: list[list[Any]], asks: list[tuple[str, str]]) -> dict[str, Any]:
    out = [f"{j}. {lookup_line(rows, w, rep)}" for j, (w, rep) in enumerate(asks, 1)]
    return {"reply": "\n".join(out), "obj": {"rows": [x.split(". ", 1)[1] for x in out]}}


def span(rng: random.Random) -> tuple[str, str]:
    """A start and an end date, 1 to 400 days apart."""
    a = date(rng.choice(YEARS), 1, 1) + timedelta(rng.randrange(365))
    return a.isoformat(), (a + timedelta(rng.randint(1, 400))).isoformat()


def workdays(a: date, b: date) -> int:
    """NETWORKDAYS: Monday-Friday days from a to b, both counted (no holidays)."""
    full, rest = divmod((b - a).days + 1, 7)
    return 5 * full + sum((a.weekday() + j) % 7 < 5 for j in range(rest))


def months(a: date, b: date) -> int:
    """DATEDIF(a, b, "m"): whole months from a to b."""
    return (b.year - a.year) * 12 + b.month - a.month - (b.day < a.day)


def month_end(a: date) -> date:
    return date(a.year + a.month // 12, a.month % 12 + 1, 1) - timedelta(1)


def dates_reply(sp: tuple[str, str]) -> dict[str, Any]:
    a, b = map(date.fromisoformat, sp)
    obj = {"days": (b - a).days, "workdays": workdays(a, b), "months": months(a, b), "month_end": str(month_end(a))}
    return {"reply": f"Days: =B2-A2 -> {obj['days']}\nWorkdays: =NETWORKDAYS(A2,B2) -> {obj['workdays']}\n"
                     f"Whole months: =DATEDIF(A2,B2,\"m\") -> {obj['months']}\nMonth end: =EOMONTH(A2,0) -> "
                     f"{obj['month_end']}", "obj": obj}


SINGLE = ("SUMIF", "COUNTIF", "AVERAGEIF")


def problem_list(rng: random.Random, inst: tuple[str, int], n: int) -> str:
    """n invented problems on a single-criterion function over 5-8 values up to `top`, each with its answer."""
    fn, top = inst
    out = []
    for j in range(n):
        vals = [rng.randint(1, top) for _ in range(rng.randint(5, 8))]
        op, x = rng.choice(OPS + ("=",)), rng.choice(vals) if rng.random() < 0.5 else rng.randint(1, top)
        hit = [v for v in vals if holds(v, op, x)]
        ans = {"SUMIF": str(sum(hit)), "COUNTIF": str(len(hit)),
               "AVERAGEIF": shown(sum(hit), len(hit)) if hit else "#DIV/0!"}[fn]
        out.append(f"{j + 1}. A2:A{len(vals) + 1} holds {', '.join(map(str, vals))}. What does "
                   f"={fn}(A2:A{len(vals) + 1},\"{op}{x}\") return?\nAnswer: {ans}")
    return "\n\n".join(out)


# ---- the pasted layouts ----
def paste(rows: list[list[Any]]) -> str:
    """The sheet as pasted: 'Columns A-F', then 'Row 1: Rep | Region | ...' and a line a data row."""
    return "Columns A-F\n" + "\n".join(f"Row {j}: {' | '.join(map(str, r))}" for j, r in enumerate([COLS, *rows], 1))


_ROW = re.compile(r"^Row (\d+): (.+)$", re.M)
_TASK = re.compile(r"^Task: (sum|count|average|max|min) of (Units|Amount|rows) where (.+)$", re.M)
_CRIT = re.compile(r"^(Rep|Region|Product|Units|Amount) (=|>=|<=|>|<) (\w+)$")
_LOOK = re.compile(r"^(\d+)\. (Region|Product|Date|Units|Amount) for (\w+)$", re.M)
_START = re.compile(r"^Start \(A2\): (\d{4}-\d\d-\d\d)$", re.M)
_END = re.compile(r"^End \(B2\): (\d{4}-\d\d-\d\d)$", re.M)
_FUNC = re.compile(rf"^Function: ({'|'.join(SINGLE)})$", re.M)
_TOP = re.compile(r"^Values up to: (\d+)$", re.M)


def _cell(name: str, v: str) -> Any:
    return int(v) if name in NUM_COLS else v


def blocks(text: str) -> dict[str, Any]:
    """What a text pastes: a sheet's data rows, a task, lookups, a start and an end date, a function and the largest
    value of its problems - only those it has."""
    out: dict[str, Any] = {}
    rows = _ROW.findall(text)
    if rows and rows[0] == ("1", " | ".join(COLS)):
        data = [r.split(" | ") for _, r in rows[1:]]
        if all(len(r) == 6 for r in data):
            out["sheet"] = [[_cell(n, v) for n, v in zip(COLS, r, strict=True)] for r in data]
    if m := _TASK.search(text):
        crit = [_CRIT.match(x) for x in m.group(3).split(" and ")]
        if all(crit):
            out["task"] = (m.group(1), None if m.group(2) == "rows" else m.group(2),
                           tuple((c.group(1), c.group(2), _cell(c.group(1), c.group(3))) for c in crit))
    if looks := _LOOK.findall(text):
        out["lookups"] = [(w, rep) for _, w, rep in looks]
    for key, rx in (("start", _START), ("end", _END)):
        if m := rx.search(text):
            out[key] = m.group(1)
    if m := _FUNC.search(text):
        out["function"] = m.group(1)
    if m := _TOP.search(text):
        out["top"] = int(m.group(1))
    return out


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
_str = {"type": "string"}
_int = {"type": "integer"}
FORMULA_SCHEMA = {"name": "sheet_formula", "strict": True, "schema": {
    **_obj, "required": ["formula", "result"], "properties": {"formula": _str, "result": _str}}}
LOOKUP_SCHEMA = {"name": "lookup_formulas", "strict": True, "schema": {
    **_obj, "required": ["rows"], "properties": {"rows": {"type": "array", "items": _str}}}}
DATES_SCHEMA = {"name": "date_formulas", "strict": True, "schema": {
    **_obj, "required": ["days", "workdays", "months", "month_end"],
    "properties": {"days": _int, "workdays": _int, "months": _int, "month_end": _str}}}
