"""Benign hard-negative personas of the `v36` variant, continued (see personas_v36.py; written blind the same way):

- logic_class (twin of the careful hydra and proof_steps accounts): an introduction-to-Lean course, one key a student
  under the school's quota of 25 requests a day, every student working through the course's shared proofs step by
  step, in an exercise's wording or their own.
- physics_class (twin of unit_chains' careful accounts): a physics course's unit exercises, one key a student, the
  class's shared bank of quantities.
- grading_team (twin of proof_steps' and constraint_sweep's moderate accounts and of the careful cot_harvester): a
  course platform's grading team re-checking students' tactics and schedules as JSON, and asking the reasoning on the
  cases graders disagreed on.
- clinic_rota (twin of constraint_sweep's careful accounts): a hospital group's rota coordinators asking, with their
  ward's jobs, slots and constraints pasted, for a schedule, and why it works, over a conversation.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v36 as C
from benchmarks.traffic import corpus_v36_jobs as J
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v36_more import crowd
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.personas_v32_more import classes

LOGIC_SYS = ("You are the tutor of {co}'s introduction to Lean. Students bring the course's proofs and goal states; "
             "suggest the next tactic and explain what it does.")
LOGIC_COS = ("Northgate College", "Carrow Institute", "Elmsford University")
PHYSICS_SYS = ("You are the tutor of {co}'s physics course. Students bring unit exercises; take the quantity into the "
               "unit asked for and explain each factor.")
PHYSICS_COS = ("St Brendan's Sixth Form", "Quayside University", "Thornbury College")
asks = partial(M35.asks, K=C)  # a student's turn at an exercise (personas_v35_more's, over the v36 items)


def logic_class(ctx: Ctx, count: int) -> None:
    """Benign: `count` courses (personas_v32_more.classes: one time zone each, a bank of 40 goal states shared by the
    course, 10-20 student keys, stu_{h} in `user`), 4-14 exercises a day at local 15-23h, never more than 25 requests
    in a UTC day; 10% write in a v36 language."""
    rng = ctx.rng
    classes(ctx, count, "logic_class", LOGIC_SYS, LOGIC_COS, lambda: C.seed(rng, "prove"), asks, C)


def physics_class(ctx: Ctx, count: int) -> None:
    """Benign: as logic_class, over a bank of 40 quantities each with the unit wanted (convert items)."""
    rng = ctx.rng
    classes(ctx, count, "physics_class", PHYSICS_SYS, PHYSICS_COS, lambda: C.seed(rng, "convert"), asks, C)


GRADE_SYS = ("You assist {co}'s grading team. Re-check students' tactics and schedules exactly. JSON only unless "
             "asked to explain.")
GRADE_COS = ("Markwise", "Gradeline", "Coursegrid")


def grading_team(ctx: Ctx, count: int) -> None:
    """Benign: `count` platforms, a key for each of 2-3 grading pods, graders in `user` (member-{n}, 3-10; 15% writing
    in a v36 language): 50-110 requests a day at local 8-18h (outside x0.05, weekends x0.1) on Responses gpt-4.1 or
    Anthropic claude-sonnet-4-5 with the prompt cached: 75% a student's prove or plan item re-checked as JSON; 25% one
    with one of C.WHY_ASKS (the answer and the reasoning), a follow-up in half."""
    M35.qa_pods(ctx, count, "grading_team", GRADE_SYS, GRADE_COS, ("prove", "prove", "plan"), C, J, crowd)


ROTA_SYS = ("You help {co}'s rota coordinators: find a schedule for the ward's jobs that meets every constraint, say "
            "so when none does, and explain it so the coordinator can adjust.")
ROTA_COS = ("St Anne's Hospital Group", "Riverside Health", "Northgate Clinics")


def clinic_rota(ctx: Ctx, count: int) -> None:
    """Benign: `count` hospital groups, one key each, coordinators in `user` (member-{n}, 40-400, a fifth writing in a
    v36 language): 40-100 conversations a day at local 7-20h (outside x0.1, weekends x0.5) on chat gpt-4.1 or
    Anthropic claude-sonnet-4-5 (by group): a plan item in the coordinator's words (70%, 1-3 turns timed by reading)
    or with one of C.WHY_ASKS (30%)."""
    M35.helpdesk(ctx, count, "clinic_rota", ROTA_SYS, ROTA_COS, "plan", ("member-{n}", 9000, 40, 400), (7, 20), C)


PERSONAS_B = {"logic_class": (logic_class, 2),
              "physics_class": (physics_class, 2),
              "grading_team": (grading_team, 2),
              "clinic_rota": (clinic_rota, 2)}
