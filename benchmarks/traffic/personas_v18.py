"""Benign hard-negative personas of the `v18` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v18 campaign does in one or two
respects, over the same text pools (corpus_v18*), with the client metadata ctx.account gives every account. Each
has a legitimate reason for what it does:

- course_worksheet_keys (twin of packed_batch): instructors and TAs pasting their own course's worksheets (several
  numbered problems) to draft an answer key, reusing a sheet for another section with a few numbers changed.
- routed_assistant_app (twin of verifier_escalation): a research-support product whose router answers with a
  small model and resends the same question to a larger model when the small one's self-check fails.
- stepwise_tutor_app (twin of decomposed_chain): a tutor that walks each student through a problem one step at a
  time, each request carrying the student's result from the step before.
- mph_cohort (twin of hydra): the students of a public-health methods course, each on their own key, on the same
  weekly problem set, under the school's per-key daily quota.
The other five are in personas_v18_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v18 as C
from benchmarks.traffic import corpus_v18_more as D
from benchmarks.traffic.attacks_v18_more import single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v18_more import PERSONAS_B

KEY_ASKS = ("Draft an answer key for this sheet; students will see it after the deadline.", "Can you write model "
            "answers for these? I'll check them before the tutorial.", "Solutions for my TAs please, concise but "
            "complete.", "Worked answers for the sheet below. Flag anything ambiguous in the questions.")
KEY_FOLLOW = ("Shorter versions of 2 and 3 for the students?", "Question 4 has a typo in my version, redo it "
              "with the corrected numbers?", "Can you add a marking scheme?", "Is question 1 too hard for week 3?")


def course_worksheet_keys(ctx: Ctx, count: int) -> None:
    """Benign: an instructor or TA (one account each) with 2-4 courses, each with a pool of 6-10 worksheets of 5-10
    problems: in office hours (local 9-18h, outside x0.1, weekends x0.3) 3-12 pastes a day of a sheet with one of
    KEY_ASKS, the sheet reused for another section with one number changed in a few problems; a follow-up in 40%;
    a few ordinary one-problem questions in between; three APIs."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "course_worksheet_keys")
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model = rng.choice(MODELS[api][:2])
        v = C.voice(rng, C.lang(rng, 0.1))
        sheets = []
        for cap in rng.sample(C.CAPS, rng.randint(1, 3)):
            header = D.sheet_header(rng, cap)
            sheets += [(header, cap, [C.seed(rng, cap) for _ in range(rng.randint(5, 10))])
                       for _ in range(rng.randint(6, 10))]
        for t in ctx.window_times(acct["tz"], rng.uniform(3, 12), hours=(9, 18), outside=0.1, weekend=0.3):
            if rng.random() < 0.25:
                C.sitting(ctx, acct, [t], v, api, model, None, partial(C.any_item, rng), 0.0, 0.2)
                continue
            j = rng.randrange(len(sheets))
            header, cap, seeds = sheets[j]
            if rng.random() < 0.3:
                seeds = [C.perturb(rng, s) if rng.random() < 0.4 else s for s in seeds]
                sheets[j] = (header, cap, seeds)
            sheet = D.worksheet([(C.text(s), cap) for s in seeds], header)
            C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model, f"{rng.choice(KEY_ASKS)}\n\n{sheet}", cap,
                   partial(rng.choice, KEY_FOLLOW), out_range=(2000, 6000), v=v)


ROUTER_SYS = ("You are {app}, a research assistant for public-health analysts, chemists and software engineers. "
              "Answer precisely; end with a confidence line.")


def routed_assistant_app(ctx: Ctx, count: int) -> None:
    """Benign: a product (its users in `user`) routing every question to a small model; when the answer's
    confidence line or the product's own checks fail (15-25%), the same question goes to the larger model 2-15 s
    later (same text, same user); 200-500 questions a day over the users' working hours (local 8-20h, outside x0.25,
    weekends x0.4); 20% everyday or product questions; chat or Anthropic, one ladder per product."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "routed_assistant_app")
        api = (CHAT, ANTH)[i % 2]
        small, large = D.LADDERS[api][:2]
        system = ROUTER_SYS.format(app=("Evidently", "Labmate", "Stackwise")[i % 3])
        people, weights = C.users(rng, rng.randint(300, 1500))
        escalate = rng.uniform(0.15, 0.25)
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 500), hours=(8, 20), outside=0.25, weekend=0.4):
            user, v = rng.choices(people, weights)[0]
            x, style = (C.cover(rng, v), "everyday") if rng.random() < 0.2 else C.any_item(rng)
            text = C.say(rng, v, x) if style != "everyday" else x
            single(ctx, acct, t, api, small, text, style, (150, 900), 2048, system, user)
            if style != "everyday" and rng.random() < escalate:
                single(ctx, acct, t + rng.uniform(2, 15), api, large, text, style, (300, 1500), 4096, system, user)


TUTOR_SYS = ("You are a patient tutor. The student works one step at a time: check their latest step and result, "
             "then give only the next step as a question. Never give the whole solution at once.")


def stepwise_tutor_app(ctx: Ctx, count: int) -> None:
    """Benign: a tutoring app (students in `user`) that walks each student through a problem in steps: the opener is
    the problem, each later turn the student's answer to the step before (the step chains of corpus_v18_more,
    carrying the previous result), 2-5 turns a few minutes apart; 150-400 sessions a day with an evening peak
    (local 16-23h, outside x0.2, weekends x1.0); chat or Responses."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "stepwise_tutor_app")
        api = (CHAT, RESP)[i % 2]
        model = MODELS[api][1]
        students, weights = C.users(rng, rng.randint(1500, 4000))
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(16, 23), outside=0.2, weekend=1.0):
            user, v = rng.choices(students, weights)[0]
            s = C.seed(rng, rng.choice(C.CAPS))
            steps = iter(D.chain(rng, s)[1:])
            C.talk(ctx, acct, t, rng.randint(2, 5), api, model, C.say(rng, v, C.text(s, rng.randrange(3))), s[0],
                   lambda steps=steps: f"So: {next(steps)}", user=user, system=TUTOR_SYS, out_range=(60, 300),
                   v=v)


def mph_cohort(ctx: Ctx, count: int) -> None:
    """Benign: an MPH methods course's students (their own keys, from their own homes) on this week's 16-item
    epidemiology problem set: the computer lab runs at local 10-12h on weekdays, so the cohort's sessions start
    together; evening sessions at home; 3-18 requests a day, at most 25 (the school's per-key quota); 20% write in
    the v18 languages (an international cohort); each on their own API and model."""
    rng = ctx.rng
    tz = rng.uniform(-8, 10)
    sheet = [C.item(rng, "epi") for _ in range(16)]
    for _ in range(count):
        acct = account(ctx, "benign", "mph_cohort")
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        sessions = C.human_sessions(ctx, acct, rng.uniform(2, 10), (1, 4), weekend_rate=0.6, cap=14)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((10 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900)
            if not C.weekend(ctx, t, acct["tz"]):
                sessions.append([t + j * rng.uniform(300, 1500) for j in range(rng.randint(2, 8))])
        for s in sessions:
            C.sitting(ctx, acct, s, v, api, model, temp, partial(rng.choice, sheet), 0.5, 0.1,
                      ask=partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.2 else None)


BENIGN_V18 = {"course_worksheet_keys": (course_worksheet_keys, 20), "routed_assistant_app": (routed_assistant_app, 6),
              "stepwise_tutor_app": (stepwise_tutor_app, 3), "mph_cohort": (mph_cohort, 60), **PERSONAS_B}
