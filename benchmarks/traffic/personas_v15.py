"""Benign hard-negative personas of the `v15` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table; nothing here was tuned against a detector result. The shared benign population
(personas.BENIGN) is kept; these accounts do legitimately what a v15 campaign does, over the same text pools
(corpus_v15*), with the client metadata ctx.account gives every account:

- music_school_worksheets (twin of curriculum_ladder and taxonomy): an online music school's worksheet generator.
- conservatory_cohort (twin of hydra): the students of one harmony course working through the same assignment.
- debate_coach (twin of critique_revision): a debate-training platform's feedback-and-rewrite loop.
- lsat_prep_tutors (twin of cot_harvester): tutors at a test-prep company writing explanations for their bank.
- meeting_notes_saas (twin of summary_distill): a meeting-notes product giving every meeting several summaries.
The other five are in personas_v15_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v15 as M
from benchmarks.traffic import corpus_v15_more as N
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v15_more import PERSONAS_B

WORKSHEET_SYS = ("You write practice worksheets for an online music school. Return JSON with 'questions' (each with "
                 "'prompt', 'worked_answer' and 'grade') at exactly the requested grade.")


def music_school_worksheets(ctx: Ctx, count: int) -> None:
    """Benign: the school's app asks for a fresh worksheet whenever one of its students (in `user`) finishes the
    last one, at that student's grade and topic, and serves it to the student; covering the syllabus at every grade
    is the product, not a harvest (its mobile client leaves `user` out: 30%). 80-250 a day at local 7-21h (outside
    x0.1, weekends x0.8); chat with a json_object response format, or Anthropic; 10% 'harder please'
    regenerations."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "music_school_worksheets")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][1]
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(7, 21), outside=0.1, weekend=0.8):
            user = W.end_user(rng, "member-{n}", 30000) if rng.random() < 0.7 else None
            grade = rng.randint(1, 8)
            text = (f"Grade {grade} worksheet on {rng.choice(N.CONCEPTS[:9])}: {rng.randint(4, 8)} questions, "
                    f"{N.LEVEL_WORDS[min(9, grade)]}, with worked answers. Example of the style:\n"
                    f"{M.item(rng, 'music')[0]}")
            extra = {"response_format": {"type": "json_object"}, "temperature": 0.9} if api == CHAT else {}
            body = build(api, model, WORKSHEET_SYS, [{"role": "user", "content": text}], 4000, **extra)
            M.emit(ctx, t, acct, api, body, rng.randint(800, 2200), "ladder" if api == CHAT else "music", user=user)
            if rng.random() < 0.1:
                body = build(api, model, WORKSHEET_SYS, [{"role": "user", "content": text + "\nHarder please."}],
                             4000, **extra)
                M.emit(ctx, t + rng.uniform(20, 90), acct, api, body, rng.randint(800, 2200), "music", user=user)


HARMONY_SYS = "You are a study helper for HARM 201 (tonal harmony). Help students understand; don't just give answers."


def conservatory_cohort(ctx: Ctx, count: int) -> None:
    """Benign: students of one harmony course (each with their own key, from their own homes) all working through
    the same 30-item assignment, 3-15 requests a day in daytime sessions (weekends x0.7, at most 24 a day), on the
    student's own choice of API and model, half with the course's study-helper system prompt, international
    students writing in the v15 languages (15%), follow-ups; on deadline day (Friday) an evening crunch. Many
    accounts, the same items, modest volumes: what a hydra looks like, for an ordinary reason."""
    rng = ctx.rng
    tz = rng.uniform(-6, 9)
    pset = [(M.music_text(M.music_seed(rng, j % len(M.MUSIC)), rng.randrange(3)), "music") for j in range(30)]
    deadline = ctx.start + DAY + (22 - tz) * 3600
    for _ in range(count):
        acct = account(ctx, "benign", "conservatory_cohort")
        acct["tz"] = tz + rng.uniform(-0.7, 0.7)
        v = M.voice(rng, M.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (60, 25, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        system = HARMONY_SYS if rng.random() < 0.5 else None
        sessions = M.human_sessions(ctx, acct, rng.uniform(3, 15), (1, 5), weekend_rate=0.7, cap=24)
        sessions.append([deadline - rng.uniform(0.5, 5) * 3600 + j * rng.uniform(60, 400)
                         for j in range(rng.randint(2, 8))])
        for s in sessions:
            core, style = rng.choice(pset)
            M.talk(ctx, acct, s, api, model, M.say(rng, v, core), style, partial(M.follow_up, rng, v), temp,
                   system=system)


COACH_SYS = ("You are the feedback coach of a debate-training platform. Critique the student's text against the "
             "rubric (claim, reasoning, evidence, rebuttal), then help them improve it.")
COACH_FOLLOW = ("Show me what a stronger version would look like.", "I rewrote it - better now?", "Which part of "
                "the rubric am I weakest on?", "Can you tighten my rebuttal?")


def debate_coach(ctx: Ctx, count: int) -> None:
    """Benign: the platform sends each student's (in `user`) paragraph or practice answer for a rubric critique,
    then the student's own follow-ups (a stronger version, a re-check of their rewrite): draft -> critique ->
    revision chains, because that is how the product teaches. 60-200 a day at local 14-22h (after school;
    weekends x1.1); chat or Anthropic; 2-4 turns."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "debate_coach")
        api = (ANTH, CHAT)[i % 2]
        model = MODELS[api][0]
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200) / 2.5, hours=(14, 22), outside=0.1,
                                  weekend=1.1):
            text, style = N.draft(rng)
            times = [t]
            for _ in range(rng.randint(1, 3)):
                times.append(times[-1] + rng.uniform(90, 900))
            M.talk(ctx, acct, times, api, model, text, style, partial(rng.choice, COACH_FOLLOW), 0.5,
                   user=W.end_user(rng, "u_{h}", 12000), system=COACH_SYS, out_range=(250, 900))


TUTOR_SYS = ("You help LSAT tutors write answer explanations. Explain why the right answer is right and why each "
             "tempting wrong answer is wrong, in the company's friendly house style.")


def lsat_prep_tutors(ctx: Ctx, count: int) -> None:
    """Benign: tutors of a test-prep company writing the explanations for its own question bank (argument analysis:
    every argument x every task), each tutor a slice, at office hours (local 9-18h, weekends x0.2), 40-140 a day,
    with a revision request on 15%; Responses (a reasoning model) for two tutors in three, chat for the third.
    Reasoning at scale over a grid, for the company's own study guide."""
    rng = ctx.rng
    grid = list(itertools.product(range(len(M.ARGS)), range(len(M.TASKS))))
    tz = rng.uniform(-8, 3)
    for k in range(count):
        acct = account(ctx, "benign", "lsat_prep_tutors")
        acct["tz"] = tz + rng.uniform(-1, 1)
        api = CHAT if k % 3 == 2 else RESP
        model = rng.choice(("o4-mini", "gpt-5-mini")) if api == RESP else "gpt-4.1"
        mine = grid[k % 4::4]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(40, 140), hours=(9, 18), outside=0.03,
                                               weekend=0.2)):
            a, task = mine[n % len(mine)]
            core = M.arg_text(M.arg_seed(rng, a, task), 0)
            times = [t, t + rng.uniform(120, 700)] if rng.random() < 0.15 else [t]
            M.talk(ctx, acct, times, api, model, f"Bank item {a + 1}.{task + 1}\n{core}", "arg", partial(
                rng.choice, ("Shorter, please.", "Add the trap answer most students pick.", "Less jargon.")),
                temperature=0.3, system=TUTOR_SYS, out_range=(400, 1300))


NOTES_SYS = "You are the meeting assistant of a notes app. Be faithful to the transcript; never invent decisions."


def meeting_notes_saas(ctx: Ctx, count: int) -> None:
    """Benign: every recorded meeting of a customer (organiser in `user`) gets three outputs within minutes of its
    end - a TL;DR, the action items and formal minutes - so the same transcript is summarised at several lengths, by
    design. 120-350 meetings a day at local 8-19h (outside x0.1, weekends x0.1), max_tokens 4096, three APIs."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "meeting_notes_saas")
        api = (RESP, ANTH, CHAT)[i % 3]
        model = MODELS[api][1]
        for t in ctx.window_times(acct["tz"], rng.uniform(120, 350), hours=(8, 19), outside=0.1, weekend=0.1):
            doc, user = N.transcript(rng), W.end_user(rng, "end-user-{n}", 20000)
            for fmt in (N.FORMATS[0], N.FORMATS[2], N.FORMATS[3]):
                msgs = [{"role": "user", "content": f"Produce {fmt} for this meeting.\n\n{doc}"}]
                M.emit(ctx, t, acct, api, build(api, model, NOTES_SYS, msgs, 4096), rng.randint(80, 900), "summary",
                       user=user)
                t += rng.uniform(2, 20)


BENIGN_V15 = {"music_school_worksheets": (music_school_worksheets, 2), "conservatory_cohort": (conservatory_cohort, 40),
              "debate_coach": (debate_coach, 2), "lsat_prep_tutors": (lsat_prep_tutors, 6),
              "meeting_notes_saas": (meeting_notes_saas, 2), **PERSONAS_B}
