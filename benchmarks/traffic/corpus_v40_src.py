"""The sources of the `v40` variant (engineering unit conversion and dimensional analysis; see corpus_v40.py; written
blind the same way: nothing here was tuned against a detector result): quantities of ten kinds (length, mass, speed,
pressure, energy, power, volumetric flow, torque, density, temperature), each kind with six units and their exact
factors to SI (temperature with its offsets), and compound units built from them - each with the text a careful
engineer writes: a quantity converted to another unit of its kind and rounded to a number of significant figures,
a conversion table of several quantities, a compound unit reduced to SI base units (and the named SI unit it
equals, with the factor), and example conversion problems with their answers. Arithmetic is exact (decimal, the
factors as defined); a result is written plainly when that shows its significant figures unambiguously and in
scientific notation otherwise. Nothing here is harmful.
"""

from __future__ import annotations

import math
import random
import re
from decimal import Decimal
from fractions import Fraction as F
from typing import Any

_LB = F("0.45359237")  # kg
_LBF = _LB * F("9.80665")  # N
_IN = F("0.0254")  # m
_FT = F("0.3048")
_BTU = F("1055.05585262")  # J (IT)
_GAL = F("0.003785411784")  # m^3 (US)

# ---- the kinds, their units and the exact factor of each to the kind's SI unit (the first) ----
KINDS: dict[str, tuple[tuple[str, F], ...]] = {
    "length": (("m", F(1)), ("mm", F(1, 1000)), ("km", F(1000)), ("in", _IN), ("ft", _FT), ("mi", F("1609.344"))),
    "mass": (("kg", F(1)), ("g", F(1, 1000)), ("t", F(1000)), ("lb", _LB), ("oz", _LB / 16),
             ("short ton", _LB * 2000)),
    "speed": (("m/s", F(1)), ("km/h", F(1000, 3600)), ("mph", F("1609.344") / 3600), ("ft/s", _FT),
              ("kn", F(1852, 3600)), ("in/s", _IN)),
    "pressure": (("Pa", F(1)), ("kPa", F(1000)), ("bar", F(100000)), ("psi", _LBF / _IN ** 2),
                 ("atm", F(101325)), ("mmHg", F("133.322387415"))),
    "energy": (("J", F(1)), ("kJ", F(1000)), ("kWh", F(3600000)), ("kcal", F(4184)), ("BTU", _BTU),
               ("ft·lbf", _FT * _LBF)),
    "power": (("W", F(1)), ("kW", F(1000)), ("hp", 550 * _FT * _LBF), ("BTU/h", _BTU / 3600),
              ("ft·lbf/s", _FT * _LBF), ("kcal/h", F(4184, 3600))),
    "flow": (("m^3/s", F(1)), ("L/s", F(1, 1000)), ("L/min", F(1, 60000)), ("gal/min", _GAL / 60),
             ("ft^3/min", _FT ** 3 / 60), ("m^3/h", F(1, 3600))),
    "torque": (("N·m", F(1)), ("kN·m", F(1000)), ("lbf·ft", _LBF * _FT), ("lbf·in", _LBF * _IN),
               ("kgf·m", F("9.80665")), ("N·mm", F(1, 1000))),
    "density": (("kg/m^3", F(1)), ("g/cm^3", F(1000)), ("lb/ft^3", _LB / _FT ** 3), ("lb/in^3", _LB / _IN ** 3),
                ("g/L", F(1)), ("lb/gal", _LB / _GAL)),
    "temperature": (("K", F(1)), ("°C", F(1)), ("°F", F(5, 9)), ("°R", F(5, 9)), ("°Ré", F(5, 4)),
                    ("mK", F(1, 1000))),
}
KIND_NAMES = {k: k if k != "flow" else "volumetric flow rate" for k in KINDS}
_OFFSET = {"°C": F("273.15"), "°F": F("459.67"), "°Ré": F("218.52")}  # SI value = (x + offset) * factor
UNITS = {u: (kind, f) for kind, us in KINDS.items() for u, f in us}


def convert(value: str, unit: str, to: str) -> F:
    """The exact value of `value unit` in `to`."""
    assert UNITS[unit][0] == UNITS[to][0], (unit, to)
    si = (F(value) + _OFFSET.get(unit, 0)) * UNITS[unit][1]
    return si / UNITS[to][1] - _OFFSET.get(to, 0)


def rounded(x: F, sig: int) -> Decimal:
    """x rounded half up (away from zero) to `sig` significant figures, exactly."""
    if x == 0:
        return Decimal(0)
    a = abs(x)
    e = math.floor(math.log10(a.numerator) - math.log10(a.denominator))
    e += (F(10) ** (e + 1) <= a) - (F(10) ** e > a)
    n = math.floor(a / F(10) ** (e - sig + 1) + F(1, 2))
    k = e - sig + 1
    if n == 10 ** sig:
        n, k = n // 10, k + 1
    return Decimal((0 if x > 0 else 1, tuple(map(int, str(n))), k))


def written(x: F, sig: int) -> str:
    """x to `sig` significant figures: plainly ('311', '3.10', '0.00420', '-40.0') when its integer part has no more
    digits than `sig` and it is 0.001 or more, else as 'a.bc × 10^k'."""
    r = rounded(x, sig)
    if r == 0:
        return "0" if sig == 1 else "0." + "0" * (sig - 1)
    e = r.adjusted()
    if -3 <= e < sig:
        return f"{r:.{max(0, sig - 1 - e)}f}"
    return f"{r.scaleb(-e):.{sig - 1}f} × 10^{e}"


# ---- quantities ----
MANTISSAS = ("1.5", "2.25", "3.7", "4.8", "6.35", "7.2", "9.81", "12.5", "18", "24.6", "45.2", "75", "101.3",
              "150", "220", "350", "480", "725", "1200", "2500")
_TEMPS = {"K": (50, 1500), "°C": (-60, 900), "°F": (-80, 1600), "°R": (90, 2700), "°Ré": (-50, 700),
          "mK": (5, 900)}  # the range a temperature in each unit is drawn from


def quantity(rng: random.Random, kind: str | None = None, unit: str | None = None) -> dict[str, str]:
    """A new quantity: a kind, one of its units and a value written as a plain decimal (a temperature to a tenth of
    a degree within its unit's range, any other a mantissa times 10^-2 ... 10^3)."""
    kind = kind or (UNITS[unit][0] if unit else rng.choice(tuple(KINDS)))
    unit = unit or rng.choice([u for u, _ in KINDS[kind]])
    if kind == "temperature":
        lo, hi = _TEMPS[unit]
        return {"kind": kind, "value": str(Decimal(rng.randint(lo * 10, hi * 10)) / 10), "unit": unit}
    return {"kind": kind, "value": scaled(rng.choice(MANTISSAS), rng.randint(-2, 3)), "unit": unit}


def scaled(mantissa: str, k: int) -> str:
    """mantissa × 10^k as a plain decimal ('3.7', 2 -> '370'; '3.7', -3 -> '0.0037')."""
    v = Decimal(mantissa).scaleb(k)
    return f"{v:f}" if v != v.to_integral() else str(int(v))


def targets(q: dict[str, str]) -> list[str]:
    """The other units of the quantity's kind."""
    return [u for u, _ in KINDS[q["kind"]] if u != q["unit"]]


def line(q: dict[str, str], to: str, sig: int) -> str:
    """'45.2 psi = 3.12 × 10^2 kPa': the quantity and its value in `to` to `sig` significant figures."""
    return f"{q['value']} {q['unit']} = {written(convert(q['value'], q['unit'], to), sig)} {to}"


# ---- compound units and their SI base units ----
_P, _E, _W = (1, -1, -2, 0), (1, 2, -2, 0), (1, 2, -3, 0)
# the atoms of compound units: their (kg, m, s, K) exponents and factor to the coherent SI unit
ATOMS: dict[str, tuple[tuple[int, int, int, int], F]] = {
    "N": ((1, 1, -2, 0), F(1)), "kN": ((1, 1, -2, 0), F(1000)), "lbf": ((1, 1, -2, 0), _LBF), "Pa": (_P, F(1)),
    "kPa": (_P, F(1000)), "bar": (_P, F(100000)), "psi": (_P, _LBF / _IN ** 2), "J": (_E, F(1)),
    "kWh": (_E, F(3600000)), "BTU": (_E, _BTU), "W": (_W, F(1)), "kW": (_W, F(1000)), "hp": (_W, 550 * _FT * _LBF),
    "m": ((0, 1, 0, 0), F(1)), "mm": ((0, 1, 0, 0), F(1, 1000)), "ft": ((0, 1, 0, 0), _FT),
    "in": ((0, 1, 0, 0), _IN), "L": ((0, 3, 0, 0), F(1, 1000)), "s": ((0, 0, 1, 0), F(1)),
    "min": ((0, 0, 1, 0), F(60)), "h": ((0, 0, 1, 0), F(3600)), "kg": ((1, 0, 0, 0), F(1)),
    "lb": ((1, 0, 0, 0), _LB), "g": ((1, 0, 0, 0), F(1, 1000)), "K": ((0, 0, 0, 1), F(1)),
}
BASE = ("kg", "m", "s", "K")
NAMED = {(1, 1, -2, 0): "N", _P: "Pa", _E: "J", _W: "W", (0, 0, -1, 0): "Hz"}
_SYM = ("M", "L", "T", "Θ")


_PRESS, _FORCE, _ENERGY = ("Pa", "kPa", "bar", "psi"), ("N", "kN", "lbf"), ("J", "kWh", "BTU")
_POWER, _LEN, _TIME, _MASS = ("W", "kW", "hp"), ("m", "mm", "ft", "in"), ("s", "min", "h"), ("kg", "lb", "g")
# the compound units engineers meet, as slots (atoms of one dimension, power): power as pressure times flow, force
# times speed or energy per time; pressure as force per area; energy; specific heat; conductivity; heat-transfer
# coefficient; dynamic and kinematic viscosity; specific energy; force; energy density; heat flux; mass and volume
# flow; acceleration; pressure gradient
SKELETONS = (((_PRESS, 1), (("L",), 1), (_TIME, -1)), ((_PRESS, 1), (_LEN, 3), (_TIME, -1)),
             ((_FORCE, 1), (_LEN, 1), (_TIME, -1)), ((_ENERGY, 1), (_TIME, -1)), ((_FORCE, 1), (_LEN, -2)),
             ((_POWER, 1), (_TIME, 1)), ((_FORCE, 1), (_LEN, 1)), ((_ENERGY, 1), (_MASS, -1), (("K",), -1)),
             ((_POWER, 1), (_LEN, -1), (("K",), -1)), ((_POWER, 1), (_LEN, -2), (("K",), -1)),
             ((_PRESS, 1), (_TIME, 1)), ((_MASS, 1), (_LEN, -1), (_TIME, -1)), ((_ENERGY, 1), (_MASS, -1)),
             ((_MASS, 1), (_LEN, 1), (_TIME, -2)), ((_LEN, 2), (_TIME, -1)), ((_ENERGY, 1), (_LEN, -3)),
             ((_POWER, 1), (_LEN, -2)), ((_MASS, 1), (_TIME, -1)), ((("L",), 1), (_TIME, -1)),
             ((_FORCE, 1), (_MASS, -1)), ((_PRESS, 1), (_LEN, -1)))


def compound(rng: random.Random, k: int | None = None) -> list[tuple[str, int]]:
    """A new compound unit: the k-th skeleton (any, unless given) with an atom drawn for each slot."""
    slots = SKELETONS[k % len(SKELETONS)] if k is not None else rng.choice(SKELETONS)
    return [(rng.choice(atoms), p) for atoms, p in slots]


def expression(c: list[tuple[str, int]]) -> str:
    """'psi·ft^3/min', 'W/(m^2·K)': as engineers write them (the first atom is always up)."""
    up = [a if p == 1 else f"{a}^{p}" for a, p in c if p > 0]
    down = [a if p == -1 else f"{a}^{-p}" for a, p in c if p < 0]
    if not down:
        return "·".join(up)
    return "·".join(up) + "/" + (down[0] if len(down) == 1 else f"({'·'.join(down)})")


def dimension(c: list[tuple[str, int]]) -> tuple[int, ...]:
    return tuple(sum(ATOMS[a][0][j] * p for a, p in c) for j in range(4))


def factor(c: list[tuple[str, int]]) -> F:
    """How many of the coherent SI unit one of the compound unit is, exactly."""
    return math.prod((ATOMS[a][1] ** p for a, p in c), start=F(1))


def powers(dim: tuple[int, ...], names: tuple[str, ...] = BASE, sep: str = "·") -> str:
    """A dimension written over `names`: 'kg·m^2·s^-3' (the SI base units), or 'M L^2 T^-3' (names _SYM, sep ' ')."""
    return sep.join(b if e == 1 else f"{b}^{e}" for b, e in zip(names, dim, strict=True) if e)


def reduce(c: list[tuple[str, int]]) -> dict[str, str]:
    """A compound unit's dimension, its SI base units, the named SI unit of that dimension (or its base units), and
    how many of those one of it is (4 significant figures)."""
    dim = dimension(c)
    return {"expression": expression(c), "dimension": powers(dim, _SYM, " "), "base_units": powers(dim),
            "si_unit": NAMED.get(dim, powers(dim)), "factor": written(factor(c), 4)}


# ---- the replies ----
def convert_reply(q: dict[str, str], to: str, sig: int) -> dict[str, Any]:
    v = written(convert(q["value"], q["unit"], to), sig)
    return {"reply": f"{q['value']} {q['unit']} = {v} {to}", "obj": {"value": v, "unit": to, "sig_figs": sig}}


def table_reply(rows: list[tuple[dict[str, str], str]], sig: int) -> dict[str, Any]:
    out = [f"{j}. {line(q, to, sig)}" for j, (q, to) in enumerate(rows, 1)]
    return {"reply": "\n".join(out), "obj": {"sig_figs": sig, "rows": [x.split(". ", 1)[1] for x in out]}}


def dims_reply(c: list[tuple[str, int]]) -> dict[str, Any]:
    d = reduce(c)
    return {"reply": f"Dimension: {d['dimension']}\nSI base units: {d['base_units']}\n1 {d['expression']} = "
                     f"{d['factor']} {d['si_unit']}", "obj": d}


def problem_list(rng: random.Random, inst: tuple[str, int], n: int) -> str:
    """n invented conversion problems of a kind, each with its answer to `sig` significant figures."""
    kind, sig = inst
    out = []
    for j in range(n):
        q = quantity(rng, kind)
        to = rng.choice(targets(q))
        out.append(f"{j + 1}. Convert {q['value']} {q['unit']} to {to}.\nAnswer: {line(q, to, sig)}")
    return "\n\n".join(out)


# ---- the pasted layouts found again ----
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_QTY = re.compile(rf"^Quantity: (-?[0-9.]+) ({_UNIT})$", re.M)
_TO = re.compile(rf"^Convert to: ({_UNIT})$", re.M)
_SIG = re.compile(r"^Significant figures: ([1-9])$", re.M)
_ROW = re.compile(rf"^\d+\. (-?[0-9.]+) ({_UNIT}) -> ({_UNIT})$", re.M)
_EXPR = re.compile(r"^Unit: (\S+)$", re.M)
_ATOM = re.compile(r"([A-Za-z]+)(?:\^(-?\d+))?")


def read_expression(x: str) -> list[tuple[str, int]] | None:
    """A compound unit written by `expression`, read back (None: not one)."""
    up, _, down = x.partition("/")
    out = []
    for part, sign in ((up, 1), (down.strip("()"), -1)):
        for a in filter(None, part.split("·")):
            m = _ATOM.fullmatch(a.strip("()"))
            if not m or m.group(1) not in ATOMS:
                return None
            out.append((m.group(1), sign * int(m.group(2) or 1)))
    return out or None


def blocks(text: str) -> dict[str, Any]:
    """What a text pastes: a quantity and the unit to convert it to, a table's rows, a compound unit, the
    significant figures asked for - only those it has."""
    out: dict[str, Any] = {}
    if m := _QTY.search(text):
        out["quantity"] = {"kind": UNITS[m.group(2)][0], "value": m.group(1), "unit": m.group(2)}
    if m := _TO.search(text):
        out["to"] = m.group(1)
    if rows := _ROW.findall(text):
        out["rows"] = [({"kind": UNITS[u][0], "value": v, "unit": u}, to) for v, u, to in rows]
    if (m := _EXPR.search(text)) and (c := read_expression(m.group(1))):
        out["compound"] = c
    if m := _SIG.search(text):
        out["sig"] = int(m.group(1))
    return out


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
_str = {"type": "string"}
CONVERT_SCHEMA = {"name": "unit_conversion", "strict": True, "schema": {
    **_obj, "required": ["value", "unit", "sig_figs"],
    "properties": {"value": _str, "unit": {"type": "string", "enum": list(UNITS)}, "sig_figs": {"type": "integer"}}}}
TABLE_SCHEMA = {"name": "conversion_table", "strict": True, "schema": {
    **_obj, "required": ["sig_figs", "rows"],
    "properties": {"sig_figs": {"type": "integer"}, "rows": {"type": "array", "items": _str}}}}
DIMS_SCHEMA = {"name": "dimensional_analysis", "strict": True, "schema": {
    **_obj, "required": ["expression", "dimension", "base_units", "si_unit", "factor"],
    "properties": {k: _str for k in ("expression", "dimension", "base_units", "si_unit", "factor")}}}
