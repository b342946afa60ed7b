"""Attack campaigns of `variant="v36"`, continued (attacks_v36.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v36-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v36 items).
- agentic_distill: 10 accounts with the teacher as a rota-planning agent (fetch the requests, check a draft,
  publish the schedule).
- proof_steps (new): the tactic for every goal state met on the way through a Lean proof, each state sent alone, so
  the harvest is a whole proof trajectory, state by state. The blunt scripts run a proof's steps seconds apart; the
  moderate ones a step a request as JSON, a proof's steps hours apart; the careful accounts each take one of three
  steps of a proof, dealt over three accounts.
- constraint_sweep (new): a scheduling puzzle with all its constraints and with each one left out in turn - contrast
  data on what each constraint does, infeasible sets included. The blunt scripts send a puzzle's sweep back to back;
  the moderate ones a puzzle's versions in order with reasoning; the careful accounts each take one of four versions
  of a puzzle.
- unit_chains (new): each quantity in every other unit of its dimension with the chain of factors. The blunt scripts
  walk the quantity x unit grid; the moderate ones ask for JSON, a quantity's units in turn; the careful accounts each
  take one of three units of a quantity.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v36 as C
from benchmarks.traffic import corpus_v36_jobs as J
from benchmarks.traffic import corpus_v36_src as S
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v36 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v36 items
PROVE_SYS = ("You suggest Lean 4 tactics. Given a goal state, reply with JSON only: the one tactic that makes "
             "progress and the reason it applies.")
PLAN_SYS = ("You solve scheduling puzzles. Use only the jobs, slots and constraints given; reply with JSON only: "
            "whether a schedule exists and the schedule as 'slot: job' lines.")
CONVERT_SYS = "You convert quantities between units. Go through the base unit and show each factor."

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.plan_episode, cos=J.AGENT_COS)


# ---- proof_steps ----
def proof_steps(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, a new proof's steps back to back 1-3 s apart, 130-200 proofs a day.
    Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or Anthropic claude-sonnet-4-5 with PROVE_SYS cached,
    100-200 a day at local 8-20h: the next step of the open proof as JSON. Accounts 6-25 (careful): three steps of a
    proof dealt over three accounts (stu_{h} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "proof_steps", "v36-proof", (130, 200), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "prove", *J.steps_of(rng), template=rng.randrange(4)))
    for acct, api, model, s, times in moderate(ctx, "proof_steps", "v36-proof", JSON_SURFACES, (100, 200), (8, 20),
                                               0.2, cache=True):
        pf, todo = None, []
        for t in times:
            if not todo:
                pf, todo = J.steps_of(rng)
                todo.reverse()
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "prove", 0, pf, todo.pop()), as_json=True,
                       temperature=0.0, system=PROVE_SYS, s=s)

    def three() -> list:
        pf, t = S.proof(rng), rng.randrange(4)
        while len(pf["steps"]) < 3:
            pf = S.proof(rng)
        return [C.seed(rng, "prove", t, pf, j) for j in sorted(rng.sample(range(len(pf["steps"])), 3))]

    dealt(ctx, "proof_steps", "v36-proof", (14, 23), 0.6, "stu_{h}", three, 3)


# ---- constraint_sweep ----
def constraint_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under PLAN_SYS (JSON, temperature 0), a new puzzle with all its constraints
    and then each left out, back to back 2-6 s apart, 70-110 puzzles a day. Accounts 2-5 (moderate): Responses o4-mini at medium effort or
    Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a puzzle's versions in order, one a request, 60-120 a
    day at local 8-20h. Accounts 6-25 (careful): four versions of a puzzle dealt over four accounts (member-{n} on
    half the keys)."""
    rng = ctx.rng
    blunt(ctx, "constraint_sweep", "v36-plan", (70, 110), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1", "plan", *J.drops_of(rng), gap=(2, 6), template=rng.randrange(4), as_json=True,
        temperature=0.0, system=PLAN_SYS))
    for acct, api, model, s, times in moderate(ctx, "constraint_sweep", "v36-plan", ((RESP, "o4-mini"),
                                               (ANTH, "claude-sonnet-4-5")), (60, 120), (8, 20), 0.2,
                                               effort="medium", summary="auto", budget=4096):
        pz, todo = None, []
        for t in times:
            if not todo:
                pz, todo = J.drops_of(rng)
                todo.reverse()
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "plan", 1, pz, todo.pop()), temperature=None, s=s)

    def four() -> list:
        pz, t = S.puzzle(rng), rng.randrange(4)
        return [C.seed(rng, "plan", t, pz, d) for d in [C.ALL, *rng.sample(range(len(pz["cons"])), 3)]]

    dealt(ctx, "constraint_sweep", "v36-plan", (9, 19), 0.4, "member-{n}", four, 4)


# ---- unit_chains ----
def unit_chains(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under CONVERT_SYS at temperature 0.7 walking the quantity x unit grid
    in order (each cell a new value of the quantity), 400-600 a day. Accounts 2-5 (moderate): JSON on Responses
    gpt-4.1 or Anthropic claude-sonnet-4-5 with CONVERT_SYS cached, 100-200 a day at local 8-20h: the open quantity in
    its next unit. Accounts 6-25 (careful): three units of a quantity dealt over three accounts (end-user-{n} on half
    the keys)."""
    rng = ctx.rng
    cells = [(k, to) for k, (_, dim, unit, _) in enumerate(S.QUANTITIES) for to in S.UNITS[dim] if to != unit]
    for i in range(2):
        acct = account(ctx, "attack", "unit_chains", "v36-units")
        for n, t in enumerate(ctx.steady_times(rng.uniform(400, 600), jitter=0.6)):
            k, to = cells[(n + 24 * i) % len(cells)]
            J.item_run(ctx, acct, t, CHAT, "gpt-4.1-mini", C.seed(rng, "convert", n % 4, S.quantity(rng, k), to),
                       system=CONVERT_SYS)
    for acct, api, model, s, times in moderate(ctx, "unit_chains", "v36-units", JSON_SURFACES, (100, 200), (8, 20),
                                               0.2, cache=True):
        q, todo = None, []
        for t in times:
            if not todo:
                q = S.quantity(rng)
                todo = list(rng.sample(S.targets(q), 3))
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "convert", 2, q, todo.pop()), as_json=True,
                       temperature=0.0, system=CONVERT_SYS, s=s)

    def units() -> list:
        q, t = S.quantity(rng), rng.randrange(4)
        return [C.seed(rng, "convert", t, q, to) for to in rng.sample(S.targets(q), 3)]

    dealt(ctx, "unit_chains", "v36-units", (10, 22), 0.6, "end-user-{n}", units, 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, proof_steps, constraint_sweep,
                                                       unit_chains)
