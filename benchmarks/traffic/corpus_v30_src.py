"""The problems and the students' own outputs of the `v30` variant (written blind: nothing here was tuned against a
detector result; see corpus_v30.py).

The v30 theme is on-policy distillation: the operator already has a student model and sends the teacher the
student's OWN outputs to score and correct. So the sources here are problems with their worked gold solution and
the attempts a student model writes at them:

- `problem`: a word problem (money, speed, rates, prices, chemistry, mechanics, interest, dilution) as steps whose
  values are computed from the ones before, or a small coding task (a spec with a number in it, the gold function).
- `attempt`: a student's sample at a problem: the same steps in the sample's own layout, with an arithmetic slip at
  one step that every later step carries (or a bug on one line of the function); a quarter of samples are right.
- `prefix`: the first lines of an attempt, cut at or just before the step where it goes wrong (a student prefix).
- `correction`, `continuation`: the gold working from a step on (what a teacher's correction holds).

Benign products draw on the same problems (a tutoring app's students, an autograder's homework, an evaluation
harness's items), so a problem's topic says nothing about who sends it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

Step = tuple[str, Callable[[list[float]], float]]


def num(x: float) -> str:
    return str(int(round(x))) if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


def _change(rng: random.Random) -> tuple[str, list[Step]]:
    p, q, a, b = rng.randint(35, 95), rng.randint(120, 380), rng.randint(2, 9), rng.randint(1, 5)
    m = 20 if a * p + b * q < 1900 else 50
    who = rng.choice(("Mia", "Tomas", "Aiko", "Dev", "Lena", "Kofi"))
    return (f"Pens cost {p} cents each and notebooks {q} cents each. {who} buys {a} pens and {b} notebooks and pays "
            f"with a {m}-dollar note. How much change is due, in cents?",
            [(f"The pens cost {a} x {p} = {{x}} cents.", lambda v: a * p),
             (f"The notebooks cost {b} x {q} = {{x}} cents.", lambda v: b * q),
             ("Together: {v0} + {v1} = {x} cents.", lambda v: v[0] + v[1]),
             (f"{m} dollars is {m * 100} cents, so the change is {m * 100} - {{v2}} = {{x}} cents.",
              lambda v: m * 100 - v[2])])


def _speed(rng: random.Random) -> tuple[str, list[Step]]:
    d1, v1, d2, v2 = rng.randint(10, 60), rng.choice((10, 12, 15, 20, 24)), rng.randint(10, 60), rng.choice((
        8, 16, 18, 25, 30))
    return (f"A cyclist rides {d1} km at {v1} km/h and then {d2} km at {v2} km/h. What is the average speed for the "
            f"whole ride, in km/h, to two decimals?",
            [(f"Time for the first part: {d1} / {v1} = {{x}} h.", lambda v: d1 / v1),
             (f"Time for the second part: {d2} / {v2} = {{x}} h.", lambda v: d2 / v2),
             ("Total time: {v0} + {v1} = {x} h.", lambda v: v[0] + v[1]),
             (f"Average speed = total distance / total time = {d1 + d2} / {{v2}} = {{x}} km/h.",
              lambda v: (d1 + d2) / v[2])])


def _pipes(rng: random.Random) -> tuple[str, list[Step]]:
    a, b = rng.randint(4, 120) / 2, rng.randint(6, 180) / 2
    return (f"Pipe A fills a tank in {num(a)} hours and pipe B fills it in {num(b)} hours. Running together, how many hours do "
            f"they take to fill it, to two decimals?",
            [(f"Pipe A fills 1/{num(a)} = {{x}} of the tank per hour.", lambda v: 1 / a),
             (f"Pipe B fills 1/{num(b)} = {{x}} of the tank per hour.", lambda v: 1 / b),
             ("Together: {v0} + {v1} = {x} of the tank per hour.", lambda v: v[0] + v[1]),
             ("Time = 1 / {v2} = {x} hours.", lambda v: 1 / v[2])])


def _discount(rng: random.Random) -> tuple[str, list[Step]]:
    p, d, e = round(rng.uniform(20, 400), 2), rng.choice((10, 15, 20, 25, 30)), rng.choice((5, 10, 12, 20))
    return (f"A jacket costs ${p:.2f}. It is reduced by {d}%, and then a further {e}% comes off the reduced price at the "
            f"till. What is the final price, in dollars?",
            [(f"{d}% of {p:.2f} is {{x}} dollars.", lambda v: p * d / 100),
             (f"After the first reduction: {p:.2f} - {{v0}} = {{x}} dollars.", lambda v: p - v[0]),
             (f"{e}% of {{v1}} is {{x}} dollars.", lambda v: v[1] * e / 100),
             ("Final price: {v1} - {v2} = {x} dollars.", lambda v: v[1] - v[2])])


def _water(rng: random.Random) -> tuple[str, list[Step]]:
    g = round(rng.uniform(0.5, 99.5), 2)
    return (f"How many grams of water form when {num(g)} g of hydrogen gas burns completely in oxygen? (H2: 2.02 g/mol, "
            f"H2O: 18.02 g/mol)",
            [(f"Moles of H2: {num(g)} / 2.02 = {{x}} mol.", lambda v: g / 2.02),
             ("2 H2 + O2 -> 2 H2O, so moles of H2O = moles of H2 = {x} mol.", lambda v: v[0]),
             ("Mass of water: {v1} x 18.02 = {x} g.", lambda v: v[1] * 18.02)])


def _force(rng: random.Random) -> tuple[str, list[Step]]:
    m, s, t = round(rng.uniform(1, 80), 1), rng.randint(3, 24), rng.randint(2, 8)
    return (f"A {num(m)} kg cart speeds up from rest to {s} m/s in {t} s. What net force acts on it, in newtons?",
            [(f"Acceleration: a = {s} / {t} = {{x}} m/s^2.", lambda v: s / t),
             (f"Net force: F = m a = {num(m)} x {{v0}} = {{x}} N.", lambda v: m * v[0])])


def _interest(rng: random.Random) -> tuple[str, list[Step]]:
    p, r, n = rng.randrange(500, 50001, 25), rng.choice((2, 3, 4, 5, 6)), rng.randint(2, 5)
    return (f"${p} is invested at {r}% a year, compounded annually. What is it worth after {n} years?",
            [(f"The yearly growth factor is 1 + {r}/100 = {{x}}.", lambda v: 1 + r / 100),
             (f"Over {n} years: {{v0}}^{n} = {{x}}.", lambda v: v[0] ** n),
             (f"Value: {p} x {{v1}} = {{x}} dollars.", lambda v: p * v[1])])


def _dilution(rng: random.Random) -> tuple[str, list[Step]]:
    c1, v2 = rng.choice((0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 10)), rng.randrange(50, 2001, 5)
    c2 = rng.choice((0.01, 0.02, 0.05, 0.1, 0.2, 0.25))
    return (f"How many mL of a {num(c1)} M stock solution are needed to make {v2} mL of a {num(c2)} M solution?",
            [(f"Moles needed: {num(c2)} x {v2}/1000 = {{x}} mol.", lambda v: c2 * v2 / 1000),
             (f"Volume of stock: {{v0}} / {num(c1)} = {{x}} L.", lambda v: v[0] / c1),
             ("In millilitres: {v1} x 1000 = {x} mL.", lambda v: v[1] * 1000)])


MATH = (_change, _speed, _pipes, _discount, _water, _force, _interest, _dilution)

# ---- coding tasks: a spec with a number in it, the gold function, and the bugs a student sample makes ----
_CODE = (
    ("Write a Python function `{f}(xs)` that returns the averages of every window of {k} consecutive values of xs.",
     ("moving_average", "window_means", "rolling_mean"),
     ["def {f}(xs):", "    out = []", "    for i in range(len(xs) - {k} + 1):", "        window = xs[i:i + {k}]",
      "        out.append(sum(window) / {k})", "    return out"],
     ((2, "    for i in range(len(xs) - {k}):"), (3, "        window = xs[i:i + {k} - 1]"),
      (4, "        out.append(sum(window) // {k})"))),
    ("Write a Python function `{f}(xs)` that returns how many runs of at least {k} equal adjacent values xs has.",
     ("count_runs", "long_runs", "runs_at_least"),
     ["def {f}(xs):", "    runs, n = 0, 1", "    for i in range(1, len(xs) + 1):",
      "        if i < len(xs) and xs[i] == xs[i - 1]:", "            n += 1", "        else:",
      "            runs += n >= {k}", "            n = 1", "    return runs"],
     ((2, "    for i in range(1, len(xs)):"), (6, "            runs += n > {k}"), (1, "    runs, n = 0, 0"))),
    ("Write a Python function `{f}(s)` that returns True when s reads the same backwards, ignoring case and every "
     "character that is not a letter, and False for strings with fewer than {k} letters.",
     ("is_palindrome", "reads_both_ways", "palindromic"),
     ["def {f}(s):", "    letters = [c.lower() for c in s if c.isalpha()]", "    if len(letters) < {k}:",
      "        return False", "    return letters == letters[::-1]"],
     ((1, "    letters = [c for c in s if c.isalpha()]"), (2, "    if len(letters) <= {k}:"),
      (4, "    return letters == sorted(letters)"))),
    ("Write a Python function `{f}(intervals)` that merges [start, end] intervals that overlap or are less than {k} "
     "apart, and returns them sorted.", ("merge_intervals", "coalesce", "merge_close"),
     ["def {f}(intervals):", "    out = []", "    for start, end in sorted(intervals):",
      "        if out and start - out[-1][1] < {k}:", "            out[-1][1] = max(out[-1][1], end)", "        else:",
      "            out.append([start, end])", "    return out"],
     ((2, "    for start, end in intervals:"), (4, "            out[-1][1] = end"),
      (3, "        if out and start - out[-1][1] <= {k}:"))),
    ("Write a Python function `{f}(xs)` that returns the {k}th largest distinct value of xs, or None if there are "
     "fewer than {k} distinct values.", ("kth_largest", "nth_biggest", "rank_value"),
     ["def {f}(xs):", "    vals = sorted(set(xs), reverse=True)", "    if len(vals) < {k}:", "        return None",
      "    return vals[{k} - 1]"],
     ((1, "    vals = sorted(xs, reverse=True)"), (4, "    return vals[{k}]"), (2, "    if len(vals) <= {k}:"))),
)
KINDS = ("math", "code")
# A problem's text wherever a request quotes it (every template above, whole).
PROBLEM_RX = re.compile(r"Pens cost \d+ cents each.*?in cents\?|A cyclist rides .*?two decimals\?|Pipe A fills .*?two "
                        r"decimals\?|A jacket costs \$.*?in dollars\?|How many grams of water .*?g/mol\)|A [\d.]+ kg cart "
                        r".*?in newtons\?|\$\d+ is invested .*?years\?|How many mL of a .*? solution\?|Write a Python "
                        r"function `.*?(?:values of xs|xs has|letters|returns them sorted|distinct values)\.")


def problem(rng: random.Random, kind: str | None = None) -> dict[str, Any]:
    """A problem: its text, its kind, and what attempts at it are made of (steps, or the gold function)."""
    kind = kind or rng.choices(KINDS, (3, 1))[0]
    if kind == "math":
        q, steps = rng.choice(MATH)(rng)
        return {"kind": "math", "q": q, "steps": steps, "gold": _lines(steps)}
    spec, names, lines, bugs = rng.choice(_CODE)
    k, f = rng.randint(2, 9), rng.choice(names)
    fmt = [ln.format(f=f, k=k) for ln in lines]
    return {"kind": "code", "q": spec.format(f=f, k=k), "gold": fmt,
            "bugs": [(i, ln.format(f=f, k=k)) for i, ln in bugs], "f": f}


def _lines(steps: list[Step], slip: int | None = None, delta: float = 0.0) -> list[str]:
    vals: list[float] = []
    out = []
    for i, (tpl, fn) in enumerate(steps):
        x = fn(vals)
        if i == slip:
            x = x + delta if x + delta > 0 else x + abs(delta)
        out.append(tpl.format(x=num(x), **{f"v{j}": num(y) for j, y in enumerate(vals)}))
        vals.append(x)
    return out


_LAYOUTS = ("Step {i}: {s}", "{i}. {s}", "{s}", "- {s}")
_FINAL = ("Answer: {a}", "So the answer is {a}.", "Final answer: {a}", "**{a}**")


def attempt(rng: random.Random, p: dict[str, Any], right: float = 0.25) -> tuple[str, dict[str, Any]]:
    """A student sample at `p`: its text and gold (its lines, the step or line it first goes wrong at - None when
    it is right - and the problem's gold lines)."""
    if p["kind"] == "code":
        lines = list(p["gold"])
        slip = None
        if rng.random() >= right:
            slip, bad = rng.choice(p["bugs"])
            lines[slip] = bad
        if rng.random() < 0.4:
            lines = [ln.replace("xs", "nums") for ln in lines]
        text = "```python\n" + "\n".join(lines) + "\n```"
        return text, {"lines": lines, "slip": slip, "gold": p["gold"], "kind": "code"}
    steps = p["steps"]
    slip = None if rng.random() < right else rng.randrange(len(steps))
    delta = rng.choice((-1, 1)) * rng.choice((1, 2, 10, 0.5)) if slip is not None else 0.0
    raw = _lines(steps, slip, delta)
    layout = rng.choice(_LAYOUTS)
    lines = [layout.format(i=i + 1, s=s) for i, s in enumerate(raw)]
    final = raw[-1].rstrip(".").split(" = ")[-1]
    lines.append(rng.choice(_FINAL).format(a=final))
    return "\n".join(lines), {"lines": lines, "slip": slip, "gold": p["gold"], "kind": "math"}


def prefix(rng: random.Random, g: dict[str, Any]) -> tuple[str, int]:
    """A student prefix of an attempt: its first lines (at least one), cut at the step it goes wrong at or one before
    (anywhere before the end when it is right), sometimes in the middle of a line. Returns the text and the cut
    (lines kept)."""
    lines = g["lines"]
    slip = g["slip"] if g["slip"] is not None else rng.randrange(1, max(2, len(lines) - 1))
    cut = max(1, slip - rng.randint(0, 1)) if g["kind"] == "math" else max(1, slip)
    text = "\n".join(lines[:cut])
    if rng.random() < 0.3 and cut < len(lines):
        nxt = lines[cut]
        text += "\n" + nxt[:max(3, len(nxt) // 2)]
    return ("```python\n" + text if g["kind"] == "code" else text), cut


def correction(g: dict[str, Any]) -> str:
    """What a teacher's correction of the attempt holds: the first wrong step or line and the gold from there on."""
    gold = g["gold"]
    if g["slip"] is None:
        return "Every step is correct.\n\n" + "\n".join(gold)
    k = g["slip"]
    where = f"line {k + 1}" if g["kind"] == "code" else f"step {k + 1}"
    head = f"The first error is in {where}: `{g['lines'][k].strip()}`. It should be: `{gold[k].strip()}`."
    body = "\n".join(gold) if g["kind"] == "code" else "\n".join(gold[k:])
    return f"{head}\n\nCorrected from there:\n{body}"


def continuation(g: dict[str, Any], cut: int) -> str:
    """The gold working from line `cut` on (the rest of the function for code)."""
    rest = g["gold"][cut:]
    return "\n".join(rest) + ("\n```" if g["kind"] == "code" else "")
