"""The request runners of the `v36` variant (see corpus_v36.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v36 (the next tactic for a goal state, a schedule under constraints, a unit chain,
  practice exercises) sent in a phrasing or under a lead of the caller's own, the reply as text or - where the
  capability has one - as JSON.
- `run_all`: one proof, puzzle or quantity asked about several times back to back, seconds apart (its steps, its
  constraints left out one at a time, its target units).
- `plan_episode`: the model as a rota-planning agent: it fetches the week's requests, checks a draft schedule now and
  then, and publishes the schedule, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v36 as C
from benchmarks.traffic import corpus_v36_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"prove": S.PROVE_SCHEMA, "plan": S.PLAN_SCHEMA, "convert": S.CONVERT_SCHEMA}


# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the proof, puzzle or
# quantity `inst` asked about once for each of `extras` (steps, constraints left out, target units, exercise counts),
# `gap` seconds apart - corpus_v35_jobs' runners over the v36 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="prove")
run_all = partial(J35.run_all, K=C, run=item_run)


def steps_of(rng, k: int | None = None) -> tuple[dict, list[int]]:
    """A proof and its steps in a prover's order, first to last."""
    pf = S.proof(rng, k)
    return pf, list(range(len(pf["steps"])))


def drops_of(rng, k: int | None = None) -> tuple[dict, list[int]]:
    """A puzzle and its sweep: every constraint in, then each one left out in turn."""
    pz = S.puzzle(rng, k)
    return pz, [C.ALL, *range(len(pz["cons"]))]


# ---- the rota-planning agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_requests", "Return the week's jobs, slots and constraints for a resource", {"resource": "the resource"}),
    ("check_schedule", "Check a draft schedule against the constraints", {"schedule": "slot: job lines"}),
    ("publish_schedule", "Publish the schedule", {"resource": "the resource", "schedule": "slot: job lines"}))]
AGENT_TASKS = ("Plan next week for {res}.", "Rota request {tid}: {res} - please plan it.", "New constraints came in "
               "for {res} ({tid}). Re-plan.")
AGENT_COS = ("Rotaline", "Shiftwise", "Slotly", "Planwell Health", "Bookable Rooms")
AGENT_SYS = ("You are {co}'s rota-planning agent. For each request: fetch the jobs and constraints, find a schedule "
             "meeting every constraint (or report that none exists), check it and publish it. Use the tools.")


def plan_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                 s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One resource planned by the model as the agent (fetch, a check now and then, publish, then a note). Returns
    its end."""
    rng = ctx.rng
    pz = S.puzzle(rng)
    p = S.plan(pz, C.ALL)
    rows = "\n".join(p["obj"]["schedule"]) or "none"
    calls = [("get_requests", {"resource": pz["title"]}, {"requests": p["layout"]}),
             ("check_schedule", {"schedule": rows}, {"ok": p["feasible"]}),
             ("publish_schedule", {"resource": pz["title"], "schedule": rows}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.3 else calls
    task = rng.choice(AGENT_TASKS).format(res=pz["title"].lower(), tid=f"R-{rng.randint(1000, 9999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Published: {p['reply']}", realistic, s=s or M27.surface(api, model), user=user, gap=gap)
