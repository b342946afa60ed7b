"""Benign hard-negative personas of the `v30` variant, continued (see personas_v30.py; written blind the same way):

- homework_grader (twin of critique_revision's careful accounts and of the careful hydra accounts): a class's
  autograder: one key per student under the course's quota of 25 requests a day, every student submitting their own
  attempt at the class's shared homework problems and getting it graded with the corrected version.
- review_bot (twin of critique_revision's blunt accounts): a code-review bot commenting on every pull request's
  diff, file after file seconds apart, then a suggested fix for some.
- style_checker (twin of critique_revision's blunt and moderate accounts): a grammar and style checker returning
  each paragraph revised, at a writing product's volume.
- tutor_check (twin of the careful critique_revision, prefix_continuation and cot_harvester accounts, and of
  agentic_distill): a tutoring app's "check my work" (the student's attempt, the first mistake and the corrected
  working), "finish my working" (the student's partial working as a prefilled assistant turn) and "why?"
  follow-ups; students in `user`, 20% of them writing in a v30 language; its grading agent marks whole homework
  sheets for the schools that use it.
- consistency_lab (twin of sampling and echo_scoring): a research group sampling its own model's answers (n=8 at
  temperature 0.8-1.1 with logprobs) and scoring every sampled answer with echo and logprobs, plus temperature
  sweeps.
"""

from __future__ import annotations

import itertools

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v30 as C
from benchmarks.traffic import corpus_v30_jobs as J
from benchmarks.traffic import corpus_v30_src as S
from benchmarks.traffic.attacks_v30_more import critique_ask
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

QUOTA = 25
GRADER_SYS = ("You are the homework assistant of {co}. Grade the student's attempt out of 10, point to the first "
              "mistake if there is one, and show the corrected working from there. Be encouraging.")
GRADER_COS = ("Brookfield Academy", "Northgate Online School", "Lakeside Tutors")
CLASS_MODELS = ((ANTH, "claude-haiku-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4.1"), (RESP, "o4-mini"),
                (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4o"), (RESP, "gpt-4.1"), (CHAT, "gpt-4.1-mini"))


def homework_grader(ctx: Ctx, count: int) -> None:
    """Benign: `count` classes (one time zone each, 40 homework problems shared by the class). Each class has 10-20
    student keys (one each, on one of the eight API and model pairs in turn, stu_{h} in `user`) and a teacher key.
    A student submits 4-14 attempts a day at local 15-23h (outside x0.05, weekends x0.7), each their own attempt at
    the next problem of their own order, under GRADER_SYS (cached on Anthropic; the student picks a thinking budget of
    4,096 or a reasoning effort per attempt) with the first GRADE wording or their own words, a "why?"
    follow-up in 40%, never more than 25 requests in a UTC day; 10% write in a v30 language."""
    rng = ctx.rng
    n = 0
    for c in range(count):
        tz = rng.uniform(-8, 9)
        co = GRADER_COS[c % len(GRADER_COS)]
        problems = [S.problem(rng) for _ in range(40)]
        for _ in range(rng.randint(10, 20)):
            acct = account(ctx, "benign", "homework_grader")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            api, model = CLASS_MODELS[n % len(CLASS_MODELS)]
            n += 1
            v = C.voice(rng, C.lang(rng, 0.1))
            me = W.end_user(rng, "stu_{h}", 300000)
            order = itertools.cycle(rng.sample(problems, len(problems)))
            used: dict[int, int] = {}
            end = 0.0
            for t in ctx.window_times(acct["tz"], rng.uniform(4, 14), hours=(15, 23), outside=0.05, weekend=0.7):
                t = max(t, end + rng.uniform(60, 600))
                p = next(order)
                a, g = S.attempt(rng, p, right=0.35)
                x = C.text(("grade", 0, {"q": p["q"], "a": a, "m": 10}), rng.randrange(3)) if rng.random() < 0.6 \
                    else C.say(rng, v, f"{p['q']}\n\n{a}\n\n{C.in_voice(rng, v, rng.choice(ASKS))}", ask=False)
                reply = f"Score: {10 if g['slip'] is None else rng.randint(3, 8)}/10\n\n{S.correction(g)}"
                s = M27.surface(api, model, effort=rng.choice(("low", "medium", "high")), summary="auto", budget=4096,
                                cache=True)
                turns = [C.turn(rng, x, "grade", (0, 0), reply=reply)]
                if rng.random() < 0.4:
                    turns.append(C.turn(rng, C.in_voice(rng, v, rng.choice(C.WHY_ASKS)), "explain", C.EXPLAIN_OUT))
                days = {int((t - ctx.start) // DAY), int((t + 3600 - ctx.start) // DAY)}
                if any(used.get(d, 0) + len(turns) > QUOTA for d in days):
                    continue
                for d in days:
                    used[d] = used.get(d, 0) + len(turns)
                end = C.converse(ctx, acct, t, api, model, turns, v, s, system=GRADER_SYS.format(co=co), user=me)


ASKS = ("pls grade this and show the corrected version", "did I get this right?", "Can you mark my homework answer?")
REVIEW_SYS = ("You are {co}'s code-review bot. Comment only on real problems in the diff: bugs, missing edge cases, "
              "unsafe logging. For each, quote the line and suggest the fix.")
REVIEW_COS = ("Kestrel Data", "Mossgrove Billing", "Harbour Maps")
FIX_ASK = "Suggest the corrected version of the changed function."


def review_bot(ctx: Ctx, count: int) -> None:
    """Benign: `count` code-review bots, one key each: 60-200 pull requests a day as the company's engineers push
    (local 8-20h, outside x0.15, weekends x0.1), each 1-6 changed files reviewed back to back 1-3 s apart under
    REVIEW_SYS (chat gpt-4.1 at temperature 0.2, or Anthropic claude-sonnet-4-5 with the prompt cached on every other
    key), the PR's author in `user` (member-{n}); for 25% of the files a second request asks for the fix."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "review_bot")
        api, model = ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))[i % 2]
        s = M27.surface(api, model, cache=True)
        system = REVIEW_SYS.format(co=REVIEW_COS[i % len(REVIEW_COS)])
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(15, 80))]
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200), hours=(8, 20), outside=0.15, weekend=0.1):
            user = rng.choice(team)
            for _ in range(rng.randint(1, 6)):
                d, g = J.diff(rng)
                t = J.judge(ctx, acct, t, api, model, d, C.answer(rng, "review", rng.randint(60, 400)), system=system,
                            s=s, user=user, temperature=0.2) + rng.uniform(1, 3)
                if rng.random() < 0.25:
                    t = J.judge(ctx, acct, t, api, model, f"{d}\n\n{FIX_ASK}", g["merged"][:1200], system=system,
                                s=s, user=user, temperature=0.2) + rng.uniform(1, 3)


STYLE_SYS = ("You are a grammar and style checker. Return the text with spelling, grammar and punctuation fixed and "
             "clumsy phrasing improved. Return only the revised text.")


def style_checker(ctx: Ctx, count: int) -> None:
    """Benign: `count` writing products, one key each, users in `user` (end-user-{n}, 2,000-20,000): 800-2,000
    paragraphs a day in the users' daytime (local 7-23h, outside x0.2, weekends x0.6), each with its slips under
    STYLE_SYS (Anthropic claude-haiku-4-5 with the prompt cached, or chat gpt-4.1-mini on every other key, at
    temperature 0), the revised text back; a user's paragraphs come in runs of 1-8, 2-10 s apart."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "style_checker")
        api, model = ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4.1-mini"))[i % 2]
        s = M27.surface(api, model, cache=True)
        users = [W.end_user(rng, "end-user-{n}", 40000) for _ in range(rng.randint(2000, 20000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(800, 2000) / 4.5, hours=(7, 23), outside=0.2, weekend=0.6):
            user = rng.choice(users)
            for _ in range(rng.randint(1, 8)):
                bad, good = J.typo_text(rng)
                t = J.judge(ctx, acct, t, api, model, bad, good, system=STYLE_SYS, s=s, user=user,
                            temperature=0.0, max_tokens=2048) + rng.uniform(2, 10)


FINISH_ASK = "I'm stuck here - can you show me how to finish?"


def tutor_check(ctx: Ctx, count: int) -> None:
    """Benign: `count` tutoring apps, one key each, students in `user` (stu_{h}, 1,000-10,000, 20% writing in a v30
    language): 200-600 actions a day in the students' afternoons and evenings (local 14-23h, outside x0.1, weekends
    x0.6): "check my work" (60%: the student's attempt under a student's ask or the first CHECK / GRADE wording, the
    correction back, a follow-up in 30%), "finish my working" (30%: the student's partial working as a prefilled
    assistant turn, on Anthropic; on chat with a "continue" turn) and a "why?" conversation with one of WHY_ASKS (10%);
    the app's shared problem bank (300 problems) is worked by many students. Its grading agent (tools, realistic
    results) marks 20-60 submissions a day for schools at local 7-18h, on all three APIs in turn, a student in
    `user`."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "tutor_check")
        api, model = ((ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"), (ANTH, "claude-haiku-4-5"))[i % 3]
        s = M27.surface(api, model)
        bank = [S.problem(rng) for _ in range(300)]
        students = [(W.end_user(rng, "stu_{h}", 300000), C.voice(rng, C.lang(rng, 0.2)))
                    for _ in range(rng.randint(1000, 10000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 600), hours=(14, 23), outside=0.1, weekend=0.6):
            user, v = rng.choice(students)
            p = rng.choice(bank)
            r = rng.random()
            if r < 0.6:
                critique_ask(ctx, acct, t, v, api, model, s, p, user, follow=0.3)
            elif r < 0.9:
                g = S.attempt(rng, p, right=0.0)[1]
                pre, cut = S.prefix(rng, g)
                J.prefill(ctx, acct, t, api, model, f"{FINISH_ASK}\n\n{p['q']}", pre, S.continuation(g, cut),
                          mode="prefill" if api == ANTH else "ask", user=user)
            else:
                x, style = C.item(rng, "check")
                opener = C.say(rng, v, f"{x}\n\n{C.in_voice(rng, v, rng.choice(C.WHY_ASKS))}", ask=False)
                C.talk(ctx, acct, t, 1 + (rng.random() < 0.6), api, model, opener, "explain",
                       lambda v=v: C.follow_up(rng, v), s, out_range=C.EXPLAIN_OUT, v=v, user=user)
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(7, 18), outside=0.05,
                                               weekend=0.2)):
            api_, model_ = ((RESP, "gpt-5-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[(k + i) % 3]
            s_ = M27.surface(api_, model_, effort="medium", summary="auto", budget=4096)
            J.grading_episode(ctx, acct, t, api_, model_, GRADER_COS[i % 3], rng.randint(4, 8), True, s=s_,
                              att=S.attempt(rng, rng.choice(bank)), user=rng.choice(students)[0])


def consistency_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` research groups, one key each, researchers in `user` (member-{n}): runs at local 9-19h
    (outside x0.3, weekends x0.3), 15-40 a day, each 10-40 problems: eight answers sampled at once (chat gpt-4.1-mini
    or gpt-4o, n=8, temperature 0.8-1.1, logprobs with top_logprobs 5), then the eight scored with echo and logprobs 5
    (max_tokens 1) on davinci-002 as one list ('Question: / Answer:'); a fifth of the problems also at temperatures 0.2, 0.7 and 1.2
    a few seconds apart."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "consistency_lab")
        model = ("gpt-4.1-mini", "gpt-4o")[i % 2]
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 12))]
        for t in ctx.window_times(acct["tz"], rng.uniform(15, 40), hours=(9, 19), outside=0.3, weekend=0.3):
            user = rng.choice(team)
            temp = round(rng.uniform(0.8, 1.1), 1)
            for _ in range(rng.randint(10, 40)):
                p = S.problem(rng)
                answers = [S.attempt(rng, p, right=0.6)[0] for _ in range(8)]
                t = J.judge(ctx, acct, t, CHAT, model, f"Question: {p['q']}\nAnswer step by step.",
                            "\n\n---\n\n".join(answers), user=user, temperature=temp, n=8, logprobs=5,
                            max_tokens=1024) + rng.uniform(0.5, 2)
                t = J.echo_score(ctx, acct, t, "davinci-002", [J.qa_prompt(p["q"], a) for a in answers],
                                 max_tokens=1, user=user) + rng.uniform(0.3, 1.5)
                if rng.random() < 0.2:
                    for tp in (0.2, 0.7, 1.2):
                        t = J.judge(ctx, acct, t, CHAT, model, f"Question: {p['q']}\nAnswer step by step.",
                                    answers[0], user=user, temperature=tp, max_tokens=1024) + rng.uniform(2, 8)


PERSONAS_B = {"homework_grader": (homework_grader, 3),
              "review_bot": (review_bot, 2),
              "style_checker": (style_checker, 2),
              "tutor_check": (tutor_check, 3),
              "consistency_lab": (consistency_lab, 2)}
