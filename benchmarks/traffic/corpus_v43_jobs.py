"""The request runners of the `v43` variant (see corpus_v43.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v43 (a regex built from examples, a match table, a broken regex fixed, practice
  problems) sent in a phrasing or under a lead of the caller's own, the reply as text or - where the capability has
  one - as JSON.
- `run_all`: one shape asked about several times back to back, seconds apart (a run's class or length changed, or
  other kinds of rejected strings).
- `rule_episode`: the model as a validation agent: it reads a form field's accepted and rejected values, tests a
  pattern now and then, and saves the rule, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v43 as C
from benchmarks.traffic import corpus_v43_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"build": S.BUILD_SCHEMA, "test": S.TABLE_SCHEMA, "fix": S.FIX_SCHEMA}

# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the shape `inst` asked
# about once for each of `extras` (cells: ("class", run, class), ("count", run, n), ("kind", kind)), `gap` seconds
# apart - corpus_v35_jobs' runners over the v43 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="build")
run_all = partial(J35.run_all, K=C, run=item_run)


def classes_of(rng, n: int = 8) -> tuple[dict, list[tuple]]:
    """A new shape and n of the ten character classes for one of its runs, in a random order."""
    inst = S.new_item(rng)
    k = rng.randrange(len(S.runs_of(inst["shape"])))
    return inst, [("class", k, c) for c in rng.sample(tuple(S.CLASSES), n)]


def kinds_of(rng, n: int = 8) -> tuple[dict, list[tuple]]:
    """A new shape with two or more runs, its accepted strings kept, and the first n kinds of rejected string in
    corpus_v43_src.KINDS' order (a wrong character, a run too long, too short, a separator, the case, a prefix, a
    suffix, two runs swapped)."""
    return S.new_item(rng, rng.randint(2, 4)), [("kind", k) for k in S.KINDS[:n]]


def counts_of(rng, n: int = 8) -> tuple[dict, list[tuple]]:
    """A new shape and one of its runs at lengths 1 to n in turn."""
    inst = S.new_item(rng)
    k = rng.randrange(len(S.runs_of(inst["shape"])))
    return inst, [("count", k, c) for c in range(1, n + 1)]


def picked(rng, sweep: tuple[dict, list[tuple]], least: int, most: int) -> tuple[dict, list[tuple]]:
    """Some cells of a sweep (least-most of them), in the sweep's order."""
    inst, cells = sweep
    keep = sorted(rng.sample(range(len(cells)), rng.randint(least, min(most, len(cells)))))
    return inst, [cells[j] for j in keep]


# ---- the validation agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_field", "Return a form field's accepted and rejected sample values", {"field_id": "the field"}),
    ("test_pattern", "Test a regex against the field's samples", {"field_id": "the field", "pattern": "the regex"}),
    ("save_rule", "Save the field's validation regex", {"field_id": "the field", "pattern": "the regex"}))]
AGENT_TASKS = ("Write the validation rule for field {f}.", "Field {f} lets bad values through - fix its rule.",
               "New form field {f} (form {line}): add a validation rule.")
AGENT_COS = ("Formwell", "Intake Systems", "Ledgerline Forms", "Tallyform", "Brisk Onboarding")
AGENT_SYS = ("You are {co}'s validation agent. For each field: read its samples, write a Python regex that accepts "
             "the good values and refuses the bad ones, test it when unsure, and save it. Use the tools.")


def rule_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                 s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One rule saved by the model as the agent (read, a test now and then, save, then a note). Returns its end."""
    rng = ctx.rng
    sh, pos, neg = S.examples(S.new_item(rng), None)
    p, f = S.pattern(sh), f"FLD-{rng.randint(10000, 99999)}"
    calls = [("get_field", {"field_id": f}, {"accept": pos, "reject": neg}),
             ("test_pattern", {"field_id": f, "pattern": p}, {"accepted_ok": len(pos), "rejected_ok": len(neg)}),
             ("save_rule", {"field_id": f, "pattern": p}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.6 else calls
    task = rng.choice(AGENT_TASKS).format(f=f, line=rng.randint(1, 9))
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Rule saved for {f}: {p}", realistic, s=s or M27.surface(api, model), user=user, gap=gap)
