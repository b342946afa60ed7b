"""Attack campaigns, `variant="v36"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v35.py: the theme, step-checked reasoning - the teacher as the prover, the planner and the estimator of a
student reasoning model - its four capabilities (the next tactic for a pasted Lean 4 goal state and why, a schedule
under pasted constraints or the finding that none exists, a quantity taken to another unit with its chain of
factors, practice exercises with answers), the proofs, puzzles and quantities they are asked over (corpus_v36_src)
and the languages besides English (Ido, Piedmontese, Taiwanese Hokkien, Cape Verdean Creole, Seychellois Creole,
Plautdietsch). The operator collects the tactic for every goal state met on the way through each proof
(proof_steps), the schedule of each puzzle with all its constraints and with each one left out in turn
(constraint_sweep) and each quantity in every other unit of its dimension (unit_chains). Nothing in the corpus is
harmful.

- proof_steps (new, attacks_v36_more.py): twins personas_v36.lean_copilot (a proof assistant's editor plug-in
  asking the next tactic at each step of the proof a user is writing), personas_v36_more.logic_class (an
  introduction-to-Lean course, one key a student) and grading_team (a course platform's grading team re-checking
  students' steps).
- constraint_sweep (new): twins personas_v36.rota_service (a shift-planning service whose nightly job plans every
  team's rota with and without the day's absence, and its planning agent by day), personas_v36_more.clinic_rota (a
  hospital's rota coordinators asking for schedules under their constraints) and grading_team.
- unit_chains (new): twins personas_v36.catalogue_localiser (a shop platform putting every product's measures into
  each market's units) and personas_v36_more.physics_class (a physics course, one key a student, shared exercises).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every tactic or schedule reasoned
through, the careful ones ask how it was found, as the reasoning group and the grading team do; the careful hydra
accounts are evening shifts of five keys under the quota like the logic class; the taxonomy sweeps capabilities x
subjects x output levels; the blunt sampling accounts draw five sets of exercises at once with logprobs (as
personas_v36.reasoning_lab samples) and the moderate ones sweep temperatures minutes apart (as the group compares
settings); the careful mixed_into_chat accounts bring an item up in the second or third turn; the agent is a
rota-planning agent like the rota service's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v36-".
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v36 as C
from benchmarks.traffic import corpus_v36_jobs as J
from benchmarks.traffic import corpus_v36_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v36_more import MORE_ATTACKS, PLAN_SYS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: what the goal or the constraints say, which "
           "moves are open, why the others fail, and what you checked twice. Then give the answer and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each tactic or schedule (attacks_v31.cot_harvester over the v36
    items): the blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful
    pair at a power user's pace asking one of C.WHY_ASKS after a disguised prove or plan item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("prove", "plan"))


HYDRA_T = "Next tactic? One line, then why it applies.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v36 items): 25 blunt ones
    sending HYDRA_T over new goal states, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        pf = S.proof(rng)
        state, tactic = rng.choice(pf["steps"])
        return HYDRA_T.format(x=f"Goal state:\n```lean\n{state}\n```"), S.tactic_reply(tactic)

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the answer only.", "Target output: answer and one-line reason.", "Target output: answer, "
          "steps and reasoning.", "Target output: a tutor's full worked solution - be exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s reasoning benchmark: next tactics, schedules, unit "
            "conversions and exercises. Follow the target output given with each case.")
TAXO_COS = ("Stepwise Evals", "Lemma Labs", "Tractable AI", "Proofline Data", "Unitary Metrics", "Slotbench")
SUBJECTS = 12  # per capability: proofs, puzzles, quantities


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v36-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: a step of the k-th proof, the k-th puzzle, the k-th quantity."""
    if cap == "prove":
        pf = S.proof(rng, k)
        return C.seed(rng, cap, k % 4, pf, k % len(pf["steps"]))
    if cap == "plan":
        return C.seed(rng, cap, k % 4, S.puzzle(rng, k), C.ALL)
    if cap == "convert":
        q = S.quantity(rng, k)
        return C.seed(rng, cap, k % 4, q, S.targets(q)[k % len(S.targets(q))])
    return C.seed(rng, cap, k % 4, tuple(S.UNITS)[k % len(S.UNITS)], 4)


SECOND_ASKS = ("Is there another schedule that works? Show me that one.", "hmm, are you sure? I think one of the "
               "constraints is broken", "What would change if the first constraint went?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of exercises on a unit
    dimension at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep
    temperatures (attacks_v31.sweeps); three careful ones ask for second opinions on every plan item of one queue."""
    A35.sampled(ctx, C, "drills", S.drill_list, "plan", SECOND_ASKS, "v36-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v36 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 puzzles, each with all its constraints and with one left out, for a schedule
    as JSON (PLAN_SYS, chat gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 quantities each taken to three units
    (Anthropic claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                pz, drops = J.drops_of(rng)
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "plan", pz, [C.ALL, rng.choice(drops[1:])],
                              as_json=True, temperature=0.0, system=PLAN_SYS)
                continue
            q = S.quantity(rng)
            for to in rng.sample(S.targets(q), 3):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "convert", 0, q, to)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v36-mixed")


ATTACKS_V36 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
