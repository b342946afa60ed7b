"""Benign hard-negative personas of the `v36` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v36 campaign sends -
goal states for the next tactic, scheduling puzzles under constraints, quantities to take into other units,
exercises to write - over the same sources (corpus_v36_src), through the same runners (corpus_v36_jobs), with the
client metadata ctx.account gives every account.

- lean_copilot (twin of proof_steps' blunt and moderate accounts): a proof assistant's editor plug-in asking, as a
  user steps through the proof they are writing, the next tactic at every goal state a few seconds apart, as JSON.
- rota_service (twin of the mixed_into_chat nightly jobs, of constraint_sweep's blunt and moderate accounts and of
  agentic_distill): a shift-planning service whose nightly job plans every team's rota with all its constraints and
  again without the one the day's absence lifts, as JSON, and whose planners and planning agent work by day.
- catalogue_localiser (twin of unit_chains' blunt and moderate accounts): a shop platform putting each new product's
  measures into the units of the markets it sells in, one request a unit, as JSON.
- reasoning_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual
  studies of step-by-step reasoning - asking why a tactic or a schedule is right, sweeping temperatures over exercise
  writing, drawing five sets of exercises at once with logprobs.
The other four are in personas_v36_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v36 as C
from benchmarks.traffic import corpus_v36_jobs as J
from benchmarks.traffic import corpus_v36_src as S
from benchmarks.traffic.attacks_v36_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v36_more import PERSONAS_B

COPILOT_SYS = ("You are {co}'s Lean 4 assistant inside the editor. Given the goal state at the cursor, suggest the "
               "one next tactic and why, JSON only.")
COPILOT_COS = ("Leanside", "Tactica", "Proofpad")


def lean_copilot(ctx: Ctx, count: int) -> None:
    """Benign: `count` plug-in vendors, a key for each of 2-3 deployments (a formalisation project each), its
    contributors in `user` (member-{n}, 5-20): 50-100 proofs a day at local 6-23h (outside x0.2, weekends x0.6), each
    proof's goal states asked as the contributor steps through it, 2-20 s apart, as JSON (chat gpt-4.1-mini with
    response_format or Responses gpt-4.1 with text.format, by vendor)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "lean_copilot", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                COPILOT_SYS, COPILOT_COS)
            team = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(50, 100), hours=(6, 23), outside=0.2, weekend=0.6):
                J.run_all(ctx, acct, t, api, model, "prove", *J.steps_of(rng), gap=(2, 20), template=rng.randrange(4),
                          as_json=True, temperature=0.0, system=system, s=s, user=rng.choice(team))


ROTA_SYS = "You plan {co}'s team rotas. Use only the jobs, slots and constraints given. JSON only."
ROTA_COS = ("Rotaline", "Shiftwise", "Planwell Health")


def rota_service(ctx: Ctx, count: int) -> None:
    """Benign: `count` services, one key each. Every night at local 4h the 150-300 teams' rotas are each planned with
    all their constraints and again without the one an absence lifts, as JSON back to back (chat gpt-4.1-mini,
    temperature 0); by day (local 8-18h) planners (member-{n}, 2-6) ask 20-50 puzzles of their own on Anthropic
    claude-sonnet-4-5 with the prompt cached, and the planning agent (personas_v34.desk_agent over
    corpus_v36_jobs.plan_episode) plans 10-30 requests for them."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "rota_service")
        co = ROTA_COS[i % len(ROTA_COS)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((4 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(150, 300)):
                pz, drops = J.drops_of(rng)
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "plan", pz, [C.ALL, rng.choice(drops[1:])],
                              gap=(0.5, 2), as_json=True, temperature=0.0, system=ROTA_SYS.format(co=co))
        planners, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, "plan"), phrasing=rng.randrange(3),
                       system=ROTA_SYS.format(co=co), s=s, user=rng.choice(planners))
        desk_agent(ctx, acct, J.plan_episode, co, planners)


LOCAL_SYS = ("You are {co}'s catalogue assistant. Give the product's measure in the unit asked for, through the base "
             "unit, JSON only.")
LOCAL_COS = ("Shopfront Global", "Parcelio", "Marketmesh")


def catalogue_localiser(ctx: Ctx, count: int) -> None:
    """Benign: `count` platforms, a key for each of 2-3 regions, the listing sellers in `user` (end-user-{n},
    1,000-10,000): 100-220 products a day at local 7-22h (outside x0.15, weekends x0.3), each product's measure put
    into the 1-3 units of the markets it sells in, one request a unit 1-3 s apart, as JSON (chat gpt-4.1-mini or
    Responses gpt-4.1, by platform)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "catalogue_localiser", i, ((CHAT, "gpt-4.1-mini"),
                                                                                (RESP, "gpt-4.1")), LOCAL_SYS,
                                                LOCAL_COS)
            sellers = user_ids(rng, "end-user-{n}", 40000, 1000, 10000)
            for t in ctx.window_times(acct["tz"], rng.uniform(100, 220), hours=(7, 22), outside=0.15, weekend=0.3):
                q = S.quantity(rng)
                J.run_all(ctx, acct, t, api, model, "convert", q, rng.sample(S.targets(q), rng.randint(1, 3)),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(sellers))


LAB_SYS = "You are helping a research group study how language models reason step by step."


def reasoning_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v36 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a prove or plan item with
    one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at medium
    effort, by group); 30% a drills item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25% five sets of
    exercises at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "reasoning_lab", LAB_SYS, C, J.item_run, ("prove", "plan"), "drills", S.drill_list)


BENIGN_V36 = {"lean_copilot": (lean_copilot, 2),
              "rota_service": (rota_service, 2),
              "catalogue_localiser": (catalogue_localiser, 2),
              "reasoning_lab": (reasoning_lab, 2),
              **PERSONAS_B}
