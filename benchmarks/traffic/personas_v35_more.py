"""Benign hard-negative personas of the `v35` variant, continued (see personas_v35.py; written blind the same way):

- stats_class (twin of the careful hydra and table_qa accounts): a statistics course, one key a student under the
  school's quota of 25 requests a day, every student working through the course's shared tables - a cell, the
  largest, a total, a difference - in an exercise's wording or their own.
- journalism_class (twin of claim_verify's careful accounts): a journalism course's verification exercises, one key a
  student, the class's shared bank of claims and evidence.
- annotation_qa (twin of claim_verify's and cite_attribute's moderate accounts and of the careful cot_harvester): an
  annotation vendor's QA team re-checking annotators' verdicts and citations as JSON, and asking the reasoning on
  the cases annotators disagreed on.
- writing_centre (twin of cite_attribute's careful accounts): a university writing centre whose tutors check, with a
  student's draft and sources pasted, which source supports each sentence, and explain it to the student.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v35 as C
from benchmarks.traffic import corpus_v35_jobs as J
from benchmarks.traffic.attacks_v35_more import crowd
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v32_more import classes

STATS_SYS = ("You are the tutor of {co}'s statistics course. Students bring the course's tables and questions; help "
             "them read the table and explain the working.")
STATS_COS = ("Northgate College", "St Brendan's Sixth Form", "Elmsford Community College")
NEWS_SYS = ("You are the verification tutor of {co}'s journalism course. Students check claims against evidence; "
            "give the verdict and explain how to reach it.")
NEWS_COS = ("Harbour School of Journalism", "Quayside University", "Thornbury Media Academy")
STUDENT_ASKS = ("can you help me with this for homework? I don't get how to start", "how would you do this one? it's "
                "for class", "what's the right answer here and why?")


def stats_class(ctx: Ctx, count: int) -> None:
    """Benign: `count` courses (personas_v32_more.classes: one time zone each, a bank of 40 table questions shared by
    the course, 10-20 student keys, stu_{h} in `user`), 4-14 exercises a day at local 15-23h, never more than 25
    requests in a UTC day; 10% write in a v35 language."""
    rng = ctx.rng
    classes(ctx, count, "stats_class", STATS_SYS, STATS_COS, lambda: C.seed(rng, "table"), asks, C)


def journalism_class(ctx: Ctx, count: int) -> None:
    """Benign: as stats_class, over a bank of 40 claims with their evidence (verify items) and the course's tutor."""
    rng = ctx.rng
    classes(ctx, count, "journalism_class", NEWS_SYS, NEWS_COS, lambda: C.seed(rng, "verify"), asks, C)


def asks(rng, v: dict, sd: tuple, K: ModuleType = C):
    """A student's turn at an exercise: an item's wording, or the pasted part with their own ask (the items of corpus
    module K: v35's, or a later variant's)."""
    x = K.text(sd, rng.randrange(3)) if rng.random() < 0.6 else K.say(
        rng, v, f"{sd[2]['body']}\n\n{K.in_voice(rng, v, rng.choice(STUDENT_ASKS))}", ask=False)
    yield x, K.reply_to(rng, sd)


QA_SYS = ("You assist {co}'s annotation QA team. Re-check annotators' labels on claims and citations exactly. JSON "
          "only unless asked to explain.")
QA_COS = ("Labelwise", "Tessera Annotation", "Clearmark Data")


def annotation_qa(ctx: Ctx, count: int) -> None:
    """Benign: `count` vendors, a key for each of 2-3 QA pods, reviewers in `user` (member-{n}, 3-10; 15% writing in a
    v35 language): 50-110 requests a day at local 8-18h (outside x0.05, weekends x0.1) on Responses gpt-4.1 or Anthropic
    claude-sonnet-4-5 with the prompt cached: 75% an annotated verify or cite item re-checked as JSON; 25% one with
    one of C.WHY_ASKS (the verdict or citations and the reasoning), a follow-up in half."""
    qa_pods(ctx, count, "annotation_qa", QA_SYS, QA_COS, ("verify", "verify", "cite"))


def qa_pods(ctx: Ctx, count: int, scenario: str, system: str, cos: tuple[str, ...], caps: tuple[str, ...],
            K: ModuleType = C, jobs: ModuleType = J, team_of: Callable[..., list] = crowd) -> None:
    """`count` QA teams of `scenario` (annotation_qa's shape: see it), each item drawn from `caps` of the corpus
    module `K` and run by `jobs` (v35's, or a later variant's with its `team_of` voices)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, sys_prompt = keyed(ctx, scenario, i, ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5")),
                                                    system, cos)
            team = team_of(rng, "member-{n}", 9000, 3, 10, 0.15)
            for t in ctx.window_times(acct["tz"], rng.uniform(50, 110), hours=(8, 18), outside=0.05, weekend=0.1):
                user, v = rng.choice(team)
                sd = K.seed(rng, rng.choice(caps))
                if rng.random() < 0.25:
                    K.why_talk(ctx, acct, t, rng.randint(1, 2), api, model, K.text(sd, rng.randrange(3)),
                               K.reply_to(rng, sd), v, s, system=sys_prompt, user=user)
                else:
                    jobs.item_run(ctx, acct, t, api, model, sd, phrasing=rng.randrange(3), as_json=True,
                                  temperature=0.0, system=sys_prompt, s=s, user=user)


CENTRE_SYS = ("You help {co}'s writing-centre tutors check students' citations: say which source supports each "
              "sentence, flag sentences none supports, and explain it so the student learns.")
CENTRE_COS = ("Quayside University", "Carrow Institute", "Redmarsh College")


def writing_centre(ctx: Ctx, count: int) -> None:
    """Benign: `count` centres, one key each, students in `user` (stu_{h}, 400-3,000, a fifth writing in a v35
    language): 40-100 conversations a day at local 10-21h (outside x0.1, weekends x0.5) on chat gpt-4.1 or Anthropic
    claude-sonnet-4-5 (by centre): a cite item in the student's words (70%, 1-3 turns timed by reading) or with one of
    C.WHY_ASKS (30%)."""
    helpdesk(ctx, count, "writing_centre", CENTRE_SYS, CENTRE_COS, "cite", ("stu_{h}", 300000, 400, 3000), (10, 21))


def helpdesk(ctx: Ctx, count: int, scenario: str, system: str, cos: tuple[str, ...], cap: str, users: tuple,
             hours: tuple[int, int], K: ModuleType = C) -> None:
    """writing_centre over corpus module K (v35's, or a later variant's): a key a desk, its people in `user` (the
    pattern, pool and how many of `users`, a fifth in a language of K), 40-100 conversations a day at local `hours`
    over `cap` items, as writing_centre says."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, prompt = keyed(ctx, scenario, i, ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5")), system,
                                            cos)
        people = M31.crowd(rng, *users, 0.2, corpus=K)
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 100), hours=hours, outside=0.1, weekend=0.5):
            (user, v), sd = rng.choice(people), K.seed(rng, cap)
            x = K.text(sd, rng.randrange(3))
            if rng.random() < 0.3:
                K.why_talk(ctx, acct, t, rng.randint(1, 2), api, model, x, K.reply_to(rng, sd), v, s, system=prompt,
                           user=user)
            else:
                K.talk(ctx, acct, t, rng.choice((1, 1, 2, 3)), api, model, K.say(rng, v, x, ask=False),
                       K.reply_to(rng, sd), v, s, system=prompt, user=user)


PERSONAS_B = {"stats_class": (stats_class, 2),
              "journalism_class": (journalism_class, 2),
              "annotation_qa": (annotation_qa, 2),
              "writing_centre": (writing_centre, 2)}
