"""The request runners of the `v40` variant (see corpus_v40.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v40 (a quantity converted, a conversion table, a compound unit reduced to SI base
  units, practice problems) sent in a phrasing or under a lead of the caller's own, the reply as text or - where the
  capability has one - as JSON.
- `run_all`: one quantity asked about several times back to back, seconds apart (in its kind's other units, at
  growing significant figures, scaled by powers of ten).
- `normalise_episode`: the model as a data-normalisation agent: it reads a sensor tag, looks the unit up now and then,
  and saves the value converted to the plant's unit, with tool calls and their results (stub ones unless
  `realistic`), over corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v40 as C
from benchmarks.traffic import corpus_v40_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"convert": S.CONVERT_SCHEMA, "table": S.TABLE_SCHEMA, "dims": S.DIMS_SCHEMA}
LINEAR = tuple(k for k in S.KINDS if k != "temperature")  # the kinds a value scales in (no offset)


# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the quantity `inst`
# asked about once for each of `extras` ((unit, significant figures, power of ten) triples), `gap` seconds apart -
# corpus_v35_jobs' runners over the v40 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="convert")
run_all = partial(J35.run_all, K=C, run=item_run)


def units_of(rng, n: int = 5, sig: int | None = None) -> tuple[dict, list[tuple[str, int, int]]]:
    """A new quantity and n of its kind's other five units in a random order, at one precision."""
    q, sig = S.quantity(rng), sig or C.sig_of(rng)
    return q, [(to, sig, 0) for to in rng.sample(S.targets(q), n)]


def magnitudes_of(rng, n: int, sig: int | None = None) -> tuple[dict, list[tuple[str, int, int]]]:
    """A new quantity of a kind without an offset, one target unit, and its value scaled by n consecutive powers of
    ten (from 10^-3 up), in order."""
    q = S.quantity(rng, rng.choice(LINEAR))
    q = {**q, "value": rng.choice(S.MANTISSAS)}
    to, sig, lo = rng.choice(S.targets(q)), sig or C.sig_of(rng), rng.randint(-3, 0)
    return q, [(to, sig, k) for k in range(lo, lo + n)]


def readings_of(rng) -> tuple[dict, list[tuple[str, int, int]]]:
    """A sensor tag's readings in a shift: one unit converted to the plant's at 4 significant figures, 3-6 values of
    one mantissa's digits as the process ramps up across orders of magnitude (start-up to full load: some of eight
    consecutive powers of ten, rising), in the order logged."""
    q, cells = magnitudes_of(rng, 8, 4)
    return q, sorted(rng.sample(cells, rng.randint(3, 6)), key=lambda x: x[2])


def ladder_of(rng, top: int = 6) -> tuple[dict, list[tuple[str, int, int]]]:
    """A new quantity, one target unit, and the conversion at 1, 2, ... `top` significant figures."""
    q = S.quantity(rng)
    to = rng.choice(S.targets(q))
    return q, [(to, sig, 0) for sig in range(1, top + 1)]


# ---- the data-normalisation agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_reading", "Return a sensor tag's latest reading and its unit", {"tag": "the tag"}),
    ("lookup_unit", "Return a unit's kind and its factor to SI", {"unit": "the unit symbol"}),
    ("save_value", "Store the normalised value on the tag", {"tag": "the tag", "value": "the value", "unit": "unit"}))]
AGENT_TASKS = ("Normalise tag {tag} to {to}.", "Tag {tag} was recalibrated - convert its reading to {to} again.",
               "New instrument {tag} on line {line}: store its reading in {to}.")
AGENT_COS = ("Brackwater Water Treatment", "Kelby Process Plant", "Marrow Valley Energy", "Eastholm Paper Mill",
             "Tollesby Chemicals")
AGENT_SYS = ("You are {co}'s data-normalisation agent. For each tag: read it, look its unit up when you are not sure "
             "of the factor, convert the value to the plant's unit to 4 significant figures and save it. Use the "
             "tools.")


def normalise_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                      s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One tag normalised by the model as the agent (read, a unit lookup now and then, save, then a note). Returns
    its end."""
    rng = ctx.rng
    q = S.quantity(rng)
    to = rng.choice(S.targets(q))
    tag = f"{rng.choice(('FT', 'PT', 'TT', 'WT', 'JT'))}-{rng.randint(100, 999)}"
    v = S.written(S.convert(q["value"], q["unit"], to), 4)
    calls = [("get_reading", {"tag": tag}, {"value": q["value"], "unit": q["unit"]}),
             ("lookup_unit", {"unit": q["unit"]}, {"kind": q["kind"], "si_unit": S.KINDS[q["kind"]][0][0],
                                                   "factor_to_si": S.written(S.UNITS[q["unit"]][1], 10)}),
             ("save_value", {"tag": tag, "value": v, "unit": to}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.6 else calls
    task = rng.choice(AGENT_TASKS).format(tag=tag, to=to, line=rng.randint(1, 9))
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Saved: {S.line(q, to, 4)}", realistic, s=s or M27.surface(api, model), user=user, gap=gap)
