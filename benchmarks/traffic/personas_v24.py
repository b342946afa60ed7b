"""Benign hard-negative personas of the `v24` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v24 campaign does in one or two
respects, over the same text pools (corpus_v24*), with the client metadata ctx.account gives every account:

- chatbot_eval_team (twin of pairwise_judgements): a product's QA annotators comparing two candidate replies of
  their own assistant (the current version and a candidate) to logged customer questions, "which reply is better
  for the customer", the annotator in `user`; a share of pairs is sent again with the replies swapped, minutes
  later, to check the judge's position bias; part of the verdicts come back as JSON for their dashboard.
- essay_grading_teachers (twin of rubric_scoring and of the careful hydra accounts): teachers, one key each under
  the school's per-key quota of 25 a day, marking class sets of one assignment against the department rubric at
  school hours and in the evening; a third of the schools mark through a grading tool that asks for JSON.
- writing_tutor_app (twin of critique_loops): a tutoring app whose students (in `user`) paste a draft, get
  feedback, revise it and paste the revision into the same conversation, minutes to an hour later.
- job_seeker_drafts (twin of the careful critique_loops, pairwise_judgements and mixed_into_chat accounts): people
  polishing a cover letter, an essay or an op-ed of their own: critique, revision, critique again, and "which of
  my two versions is better?", sometimes in the middle of an everyday conversation.
The other four are in personas_v24_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v24 as C
from benchmarks.traffic import corpus_v24_more as J
from benchmarks.traffic.attacks_v24_more import a_pair, loop_turns
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v24_more import PERSONAS_B

PRODUCTS = (("QueryPal", "sql"), ("DraftWell", "writing"), ("StatsBuddy", "biostat"))
EVAL_SYS = ("You help the {p} QA team compare two candidate replies of our assistant to a customer's message. Say "
            "which reply is better for the customer and why, briefly.")
EVAL_ASKS = ("Which reply is better for the customer, A or B? One paragraph of reasons.",
             "Compare the two replies: which would you ship, and why?", "A or B - which answers the customer better?")
VERDICT_SCHEMA = {"type": "json_schema", "json_schema": {"name": "pair_verdict", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["better", "reasons"],
    "properties": {"better": {"type": "string", "enum": ["A", "B", "tie"]}, "reasons": {"type": "string"}}}}}


def chatbot_eval_team(ctx: Ctx, count: int) -> None:
    """Benign: `count` product teams (a SQL assistant, a writing assistant, a statistics tutor, in turn), one key
    each, EVAL_SYS; 4-12 annotators (in `user`, member-{n} or u_{h}) compare 60-160 pairs a day at local office
    hours (9-18h, outside x0.05, weekends x0.1): a customer's message (an item of the product's subject in the
    customer's words) and the two versions' replies as 'Reply A' and 'Reply B' (two candidates of it), with one
    of EVAL_ASKS; 30% of pairs come back swapped 1-10 minutes later from another annotator; on chat a third of the
    requests ask for the verdict as JSON (VERDICT_SCHEMA); a follow-up in 15%; temperature 0."""
    rng = ctx.rng
    for i in range(count):
        name, cap = PRODUCTS[i % len(PRODUCTS)]
        acct = account(ctx, "benign", "chatbot_eval_team")
        api = (CHAT, ANTH, CHAT, RESP)[i % 4]
        model = MODELS[api][i % len(MODELS[api])]
        annotators = [W.end_user(rng, ("member-{n}", "u_{h}")[i % 2], 8000) for _ in range(rng.randint(4, 12))]
        system = EVAL_SYS.format(p=name)
        customers = [C.voice(rng, C.lang(rng, 0.05)) for _ in range(40)]
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 160), hours=(9, 18), outside=0.05, weekend=0.1):
            s = C.seed(rng, cap)
            q = C.say(rng, rng.choice(customers), C.text(s, rng.randrange(3)))
            a, b = a_pair(rng, s)
            for j, (x, y) in enumerate(((a, b), (b, a))):
                if j and rng.random() >= 0.3:
                    break
                extra = {"response_format": VERDICT_SCHEMA} if api == CHAT and rng.random() < 0.33 else {}
                block = C.pair_block(rng, q, x, y, ("Reply A", "Reply B"), header=False)
                turns = [(f"Customer message:\n{block}\n\n{rng.choice(EVAL_ASKS)}", "verdict", (150, 700), 0.0)]
                if rng.random() < 0.15 and not extra:
                    turns.append((rng.choice(("would a customer even notice the difference?", "Is either reply "
                                              "wrong, or just worse?")), "verdict", (80, 400), 0.0))
                C.converse(ctx, acct, t, api, model, turns, None, system=system, user=rng.choice(annotators),
                           temperature=0 if api != RESP else None, max_tokens=1024, **extra)
                t += rng.uniform(60, 600)


QUOTA = 25
API_MODELS = tuple((api, m) for api in (CHAT, ANTH, RESP) for m in MODELS[api])  # the seven pairs
SCHOOL_SYS = "You are {school}'s marking assistant. Grade against the rubric; be consistent and kind."
SCHOOLS = ("Hillcrest Academy", "St Brendan's", "Northfield High", "Riverside College", "Oakmere School")


def essay_grading_teachers(ctx: Ctx, count: int) -> None:
    """Benign: `count` teachers in schools of 4-8 (one time zone, one department rubric, one way of pasting it); a
    teacher teaches writing (60%), statistics or databases and marks one assignment at a time (a new one every 1-3
    days: class sets of 20-30 answers to the same task); 5-20 requests a day at school hours and in the evening
    (local 8-22h, outside x0.05, weekends x0.4), never more than the quota of 25 in a UTC day; a request is one of
    GRADE_ASKS (the teacher's habit), the rubric and one student's answer (70%) or 3-5; a third of the schools use
    a grading tool (SCHOOL_SYS, and on chat response_format json_schema: corpus_v24_more.score_schema); a follow-up
    in 25% (the follow-ups count against the quota too); each teacher on one of the seven API and model pairs in
    turn; room for 4,096 output tokens when marking several answers at once."""
    rng = ctx.rng
    left, g, n = count, 0, 0
    while left > 0:
        size = min(left, rng.randint(4, 8))
        left -= size
        tz, form, head, tool = rng.uniform(-8, 9), rng.randrange(4), rng.randrange(5), g % 3 == 0
        school = SCHOOLS[g % len(SCHOOLS)]
        g += 1
        for _ in range(size):
            acct = account(ctx, "benign", "essay_grading_teachers")
            acct["tz"] = tz
            cap = rng.choices(C.CAPS, (20, 60, 20))[0]
            api, model = API_MODELS[n % len(API_MODELS)]
            n += 1
            v = C.voice(rng, C.lang(rng, 0.05))
            ask = C.in_voice(rng, v, rng.choice(J.GRADE_ASKS))
            rubric = J.rubric_text(rng, cap, form, head)
            system = SCHOOL_SYS.format(school=school) if tool else None
            task, phr, until = C.seed(rng, cap), 0, 0.0
            times = ctx.window_times(tz, rng.uniform(5, 20), hours=(8, 22), outside=0.05, weekend=0.4)
            used: dict[int, int] = {}
            for t in times:
                day = int((t - ctx.start) // DAY)
                if used.get(day, 0) >= QUOTA - 3:  # the quota, with room for a follow-up near midnight
                    continue
                if t > until:  # the next assignment: a class set of answers to one task
                    task, phr, until = C.seed(rng, cap), rng.randrange(3), t + rng.uniform(1, 3) * 86400
                answers = [C.joined(task, C.candidate(rng, task)) for _ in range(1 if rng.random() < 0.7 else
                                                                                  rng.randint(3, 5))]
                body = C.graded_block(C.text(task, phr), rubric, answers)
                extra = {"response_format": J.score_schema(cap)} if tool and api == CHAT else {}
                turns = [(f"{ask}\n\n{body}", f"{'json' if extra else 'scores'}:{cap}",
                          (250, 1200) if len(answers) == 1 else (800, 2400), 0.0)]
                if rng.random() < 0.25:
                    turns.append((C.in_voice(rng, v, rng.choice(J.GRADE_FOLLOW)), turns[0][1], (150, 600), 0.0))
                used[day] = used.get(day, 0) + len(turns)
                C.converse(ctx, acct, t, api, model, turns, v, system=system,
                           max_tokens=None if len(answers) == 1 else 4096, **extra)


TUTOR_APPS = (("EssayCoach", "end-user-{n}"), ("Penwise", "u_{h}"), ("DraftBuddy", "member-{n}"))
TUTOR_SYS = ("You are {app}, a writing coach for students. Give specific, kind feedback on the student's draft: what "
             "works, the two or three most important fixes, and nothing rewritten for them.")


def writing_tutor_app(ctx: Ctx, count: int) -> None:
    """Benign: `count` tutoring apps, one key each, TUTOR_SYS; students (in `user`, 12% in the v24 languages) hold
    80-250 sessions a day at local 7-23h (outside x0.15, weekends x0.7): an assignment (writing 75%, statistics or
    SQL lab reports otherwise) and their draft under one of CRITIQUE_ASKS, then 0-3 revisions pasted into the same
    conversation under one of REVISION_ASKS, each after reading the feedback and 3-40 minutes of rewriting, and in
    25% a last 'what would you give it out of 10 now?'; temperature 0.5, max_tokens 4096."""
    rng = ctx.rng
    for i in range(count):
        name, pattern = TUTOR_APPS[i % len(TUTOR_APPS)]
        acct = account(ctx, "benign", "writing_tutor_app")
        api = (CHAT, ANTH, RESP)[i % 3]
        model = MODELS[api][i // 3 % len(MODELS[api])]
        students, weights = C.users(rng, rng.randint(300, 1500), pattern, share=0.12)
        system = TUTOR_SYS.format(app=name)
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(7, 23), outside=0.15, weekend=0.7):
            user, v = rng.choices(students, weights)[0]
            s = C.seed(rng, rng.choices(C.CAPS, (12, 75, 13))[0])
            q = C.text(s, rng.randrange(3))
            turns = loop_turns(
                rng, s, rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0],
                lambda d, q=q, v=v: C.say(rng, v, f"{q}\n\nMy draft:\n{d}\n\n{rng.choice(J.CRITIQUE_ASKS)}",
                                          ask=False),
                lambda d, v=v: f"{C.in_voice(rng, v, rng.choice(J.REVISION_ASKS))}\n\n{d}", (180, 2400),
                C.in_voice(rng, v, rng.choice(J.SCORE_ASKS)) if rng.random() < 0.25 else None, out=(250, 1000))
            C.converse(ctx, acct, t, api, model, turns, v, system=system, user=user, max_tokens=4096,
                       temperature=0.5 if api != RESP else None)


def job_seeker_drafts(ctx: Ctx, count: int) -> None:
    """Benign: one person each, 3-15 requests a day in daytime sessions of 1-3 (weekends x0.9), a voice (10% in the
    v24 languages), one API and model (the seven pairs in turn, from the last). A sitting is a critique loop on
    their own cover letter, essay or op-ed (40%: draft, critique, 1-2 revisions after 5-30 minutes of rewriting),
    their two versions side by side with one of PAIR_ASKS (20%, a follow-up in half), an everyday conversation that
    turns to their two versions in the second turn (10%), or an ordinary sitting about any task (30%)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "job_seeker_drafts")
        v = C.voice(rng, C.lang(rng, 0.1))
        api, model = API_MODELS[-1 - i % len(API_MODELS)]
        temp = rng.choice((None, None, 0.7, 1.0))
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(3, 15), (1, 3), (120, 1200), weekend_rate=0.9):
            t = max(sess[0], end + rng.uniform(60, 600))
            r = rng.random()
            s = C.seed(rng, "writing")
            q = C.text(s, rng.randrange(3))
            if r < 0.4:
                turns = loop_turns(
                    rng, s, rng.randint(2, 3),
                    lambda d, q=q, v=v: C.say(rng, v, f"{q}\n\nMy draft:\n{d}\n\n{rng.choice(J.CRITIQUE_ASKS)}",
                                              ask=False),
                    lambda d, v=v: f"{C.in_voice(rng, v, rng.choice(J.REVISION_ASKS))}\n\n{d}", (300, 1800))
            elif r < 0.7:
                a, b = a_pair(rng, s)
                pair = C.pair_block(rng, q, a, b, rng.choice((("Version A", "Version B"), ("Mine", "My friend's"))))
                turns = ([(C.cover(rng, v), "everyday", (60, 400), 0.0)] if r >= 0.6 else []) + \
                    [(f"{pair}\n\n{C.in_voice(rng, v, rng.choice(J.PAIR_ASKS))}", "verdict", (250, 1100), 0.0)]
                if rng.random() < 0.5:
                    turns.append((C.in_voice(rng, v, rng.choice(J.PAIR_FOLLOW)), "verdict", (150, 600), 0.0))
            else:
                C.sitting(ctx, acct, sess, v, api, model, temp, partial(C.any_item, rng), 0.5, 0.3)
                end = sess[-1]
                continue
            end = C.converse(ctx, acct, t, api, model, turns, v, temperature=temp)


BENIGN_V24 = {"chatbot_eval_team": (chatbot_eval_team, 3),
              "essay_grading_teachers": (essay_grading_teachers, 60),
              "writing_tutor_app": (writing_tutor_app, 3),
              "job_seeker_drafts": (job_seeker_drafts, 40),
              **PERSONAS_B}
