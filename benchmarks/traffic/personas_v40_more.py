"""Benign hard-negative personas of the `v40` variant, continued (see personas_v40.py; written blind the same way):

- units_class (twin of the careful hydra and unit_matrix accounts): an engineering-units course, one key a student
  under the school's quota of 25 requests a day, every student converting the course's shared quantities to the unit
  and precision each exercise names, in an exercise's wording or their own.
- sigfig_class (twin of precision_ladder's careful accounts): a lab-skills course's exercises on significant figures,
  one key a student, the class's shared bank of conversions, each at one to six significant figures.
- spec_review (twin of unit_matrix's and magnitude_sweep's moderate accounts and of the careful cot_harvester): an
  engineering consultancy's spec-review desk converting vendor datasheets to the client's units and re-checking them
  as JSON, and asking the working on the cases its reviewers disagreed on.
- tutor_desk (twin of magnitude_sweep's careful accounts): a technical college's maths-support desk, students
  bringing a conversion of their own over a conversation, and asking why now and then.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v40 as C
from benchmarks.traffic import corpus_v40_jobs as J
from benchmarks.traffic import corpus_v40_src as S
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v40_more import crowd
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.personas_v32_more import classes

UNITS_SYS = ("You are the tutor of {co}'s engineering-units course. Students bring the course's exercise quantities; "
             "convert them as the exercise asks and explain the factors they use.")
UNITS_COS = ("Harrowgate Technical College", "Carrow Institute", "Elmsford University")
SIGFIG_SYS = ("You are the tutor of {co}'s lab-skills course. Students bring conversions from their lab sheets; give "
              "the result at the precision asked and help them see how the rounding falls.")
SIGFIG_COS = ("Quayside University", "Northgate College", "Thornbury College")
asks = partial(M35.asks, K=C)  # a student's turn at an exercise (personas_v35_more's, over the v40 items)


def units_class(ctx: Ctx, count: int) -> None:
    """Benign: `count` courses (personas_v32_more.classes: one time zone each, a bank of 40 quantities shared by the
    course, 10-20 student keys, stu_{h} in `user`), 4-14 exercises a day at local 15-23h, never more than 25 requests
    in a UTC day; 10% write in a v40 language."""
    rng = ctx.rng
    classes(ctx, count, "units_class", UNITS_SYS, UNITS_COS, lambda: C.seed(rng, "convert"), asks, C)


def sigfig_class(ctx: Ctx, count: int) -> None:
    """Benign: as units_class, over a bank of 40 conversions each asked at one to six significant figures."""
    rng = ctx.rng

    def exercise() -> tuple:
        q = S.quantity(rng)
        return C.seed(rng, "convert", None, q, (rng.choice(S.targets(q)), rng.randint(1, 6), 0))

    classes(ctx, count, "sigfig_class", SIGFIG_SYS, SIGFIG_COS, exercise, asks, C)


REVIEW_SYS = ("You assist {co}'s spec-review desk. Convert vendor datasheet values to the client's units and "
              "re-check converted values exactly. JSON only unless asked to explain.")
REVIEW_COS = ("Linden & Vale Engineering", "Northmere Consulting", "Quayside Design")


def spec_review(ctx: Ctx, count: int) -> None:
    """Benign: `count` consultancies, a key for each of 2-3 review pods, reviewers in `user` (member-{n}, 3-10; 15%
    writing in a v40 language): 50-110 requests a day at local 8-18h (outside x0.05, weekends x0.1) on Responses
    gpt-4.1 or Anthropic claude-sonnet-4-5 with the prompt cached: 75% a convert or table item re-checked as JSON;
    25% one with one of C.WHY_ASKS (the result and the working), a follow-up in half."""
    M35.qa_pods(ctx, count, "spec_review", REVIEW_SYS, REVIEW_COS, ("convert", "convert", "table"), C, J, crowd)


TUTOR_SYS = ("You help {co}'s maths-support students with unit conversions: convert the value they bring to the unit "
             "their course uses, say which factor applies, and explain it so they can do the next one themselves.")
TUTOR_COS = ("Fennick Technical College", "Marrowgate College", "Tollesby Institute")


def tutor_desk(ctx: Ctx, count: int) -> None:
    """Benign: `count` colleges, one key each, students in `user` (stu_{h}, 200-2,000, a fifth writing in a v40
    language): 40-100 conversations a day at local 9-22h (outside x0.1, weekends x0.5) on chat gpt-4.1 or Anthropic
    claude-sonnet-4-5 (by college): a convert item in the student's words (70%, 1-3 turns timed by reading) or with
    one of C.WHY_ASKS (30%)."""
    M35.helpdesk(ctx, count, "tutor_desk", TUTOR_SYS, TUTOR_COS, "convert", ("stu_{h}", 300000, 200, 2000), (9, 22), C)


PERSONAS_B = {"units_class": (units_class, 2),
              "sigfig_class": (sigfig_class, 2),
              "spec_review": (spec_review, 2),
              "tutor_desk": (tutor_desk, 2)}
