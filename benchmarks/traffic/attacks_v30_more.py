"""Attack campaigns of `variant="v30"`, continued (attacks_v30.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v30-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v30
  languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts with the teacher as a grading agent (fetch a submission, run its tests or check its
  answer, post a score with the corrected working): trajectories of judging the student's outputs with tools.
- prefix_continuation (new): the student's partial attempt (corpus_v30_src.prefix: cut at or just before the step
  it goes wrong at) sent as a prefilled assistant turn, the teacher continuing from there; each problem goes out
  with several student prefixes (other samples, other cut points). The blunt scripts send 4-6 prefixes of a problem
  seconds apart around the clock; the moderate ones 2-3 on chat with a final assistant message or a "continue"
  turn; the careful accounts look like a tutoring app's "finish my working" button (students in `user`), each
  problem's prefixes going to three different accounts hours apart.
- echo_scoring (new): the teacher's log-probabilities on problem + student solution: legacy completions with echo,
  logprobs and max_tokens 0 or 1. The blunt scripts send lists of 6-20 attempts around the clock; the moderate ones
  one attempt a request at 1 token; the careful accounts look like an evaluation harness (the "Question: / Answer:"
  layout, four samples a request as a harness sends four choices, nightly runs), each problem on two accounts.
- critique_revision (new): the student's whole attempt quoted in the user turn with "find the first incorrect step
  and rewrite from it" or "grade it and give the corrected version". The blunt scripts send 4-8 attempts of each
  problem back to back; the moderate ones grade under a cached rubric prompt; the careful accounts look like a
  tutoring app's or a grader's users, each problem's attempts over four accounts hours apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v30 as C
from benchmarks.traffic import corpus_v30_jobs as J
from benchmarks.traffic import corpus_v30_src as S
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

REASONERS = ("o4-mini", "gpt-5-mini")
AGENT_COS = ("Brookfield Academy", "Northgate Online School", "Lakeside Tutors", "CodeDojo")
CRIT_SYS = ("You are a meticulous grader. Find the first incorrect step of the attempt, say what is wrong with it, "
            "and rewrite the solution correctly from that step on.")
PREFIX_SYS = "Continue the solution exactly from where it stops. Do not restate earlier steps."
GRADE_SYS = ("You grade solutions out of 10 against this rubric: method 4, working 4, answer 2. Give the score, one "
             "line on each criterion, then the corrected solution.")


# ---- paraphrased ----
def paraphrased(ctx: Ctx, variant: str) -> None:
    """Accounts 0-14 (moderate): 4-10 single-request sessions a day (weekends x0.6), Responses o4-mini at reasoning
    effort high, the version plus 'Explain each correction.'. Accounts 15-59 (careful): 2-9 a day in sessions of
    1-4 (weekends x0.5), a voice each (25% in the v30 languages), Anthropic with a thinking budget of 2,048-8,000,
    Responses at medium effort or chat, 30% everyday sessions, follow-ups timed by reading. Each item's five
    versions go to five different accounts 2-30 hours apart."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v30-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (40, 35, 25))[0] if careful else RESP
        model = rng.choice(MODELS[api]) if careful else "o4-mini"
        s = M27.surface(api, model, effort="medium" if careful else "high", summary="auto",
                        budget=rng.choice((2048, 4096, 8000)))
        for sess in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                     (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((sess[0], acct, len(sess), careful, v, api, model, s))
    n = [0]

    def versions() -> list[tuple[str, str]]:
        sd = C.seed(rng, C.CAPS[n[0] % 4])
        n[0] += 1
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(sd, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(sd, 0)) for lg in lgs]
        return [(x, sd[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, s), texts, j in deal_items(rng, slots, versions, 5,
                                                                            (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            C.converse(ctx, acct, t, api, model, [C.turn(rng, x + "\n\nExplain each correction.", "explain",
                                                         C.out_for(x, 1.2, 2.0))], None, s, max_tokens=25000)
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, s)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), s,
                   out_range=C.out_for(x), v=v)


# ---- agentic_distill: the teacher as a grading agent ----
def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, stub tool results, 15-25 submissions a day around the clock, 5-7 steps.
    Accounts 3-9 (careful): working hours (local 8-19h, outside x0.1, weekends x0.3), 8-20 submissions a day, 4-8
    steps, realistic results: Responses o4-mini or gpt-5-mini at medium or high effort with an auto summary,
    chained on previous_response_id, or Anthropic with a thinking budget of 4,096-10,000; some name teachers in
    `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v30-agentic")
        co = rng.choice(AGENT_COS)
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                J.grading_episode(ctx, acct, t, CHAT, "gpt-4.1", co, rng.randint(5, 7), False)
            continue
        api = (RESP, ANTH)[i % 2]
        model = rng.choice(REASONERS) if api == RESP else rng.choice(M27.THINKING_MODELS)
        s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto",
                        budget=rng.choice((4096, 6000, 10000)))
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 6))] if i % 3 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 20), hours=(8, 19), outside=0.1, weekend=0.3):
            J.grading_episode(ctx, acct, t, api, model, co, rng.randint(4, 8), True, s=s, user=rng.choice(team))


# ---- prefix_continuation ----
FINISH_ASKS = ("Help me finish this one.", "can u finish my working?", "Finish this for me please:", "{q}")


def prefix_continuation(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): Anthropic claude-haiku-4-5 under PREFIX_SYS at temperature 0, each problem with 4-6
    student prefixes (other samples and cut points) 1-4 s apart, 800-1,200 requests a day around the clock. Accounts
    2-5 (moderate): chat gpt-4.1 or gpt-4.1-mini with the prefix as a final assistant message (or, on every other
    key, followed by a "continue" turn), 2-3 prefixes a problem a minute apart, 150-300 a day at local 6-24h (outside
    x0.3). Accounts 6-35 (careful): a tutoring app's "finish my working" button: students in `user` (stu_{h}),
    Anthropic claude-sonnet-4-5 or claude-haiku-4-5 (two keys in three) or chat, 10-30 a day in the students'
    afternoons and evenings (15-22h, outside x0.1, weekends x0.6); each problem's prefixes go to three different
    accounts 1-20 hours apart, each a new student sample."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "prefix_continuation", "v30-prefix")
        for t in ctx.steady_times(rng.uniform(800, 1200) / 5, jitter=0.6):
            p = S.problem(rng)
            for _ in range(rng.randint(4, 6)):
                g = S.attempt(rng, p, right=0.0)[1]
                pre, cut = S.prefix(rng, g)
                t = J.prefill(ctx, acct, t, ANTH, "claude-haiku-4-5", p["q"], pre, S.continuation(g, cut),
                              system=PREFIX_SYS, temperature=0.0) + rng.uniform(1, 4)
    for k in range(4):
        acct = account(ctx, "attack", "prefix_continuation", "v30-prefix")
        model = ("gpt-4.1", "gpt-4.1-mini")[k % 2]
        mode = ("prefill", "ask")[k // 2]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300) / 2.5, hours=(6, 24), outside=0.3):
            p = S.problem(rng)
            for _ in range(rng.randint(2, 3)):
                g = S.attempt(rng, p, right=0.0)[1]
                pre, cut = S.prefix(rng, g)
                t = J.prefill(ctx, acct, t, CHAT, model, p["q"], pre, S.continuation(g, cut), mode=mode,
                              temperature=0.0) + rng.uniform(30, 90)
    slots = []
    for k in range(30):
        acct = account(ctx, "attack", "prefix_continuation", "v30-prefix")
        api = ANTH if k % 3 else CHAT
        model = rng.choice(M27.THINKING_MODELS if api == ANTH else ("gpt-4.1", "gpt-4o"))
        users = [W.end_user(rng, "stu_{h}", 300000) for _ in range(rng.randint(40, 400))]
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(15, 22), outside=0.1, weekend=0.6):
            slots.append((t, acct, (api, model, users)))
    for (t, acct, (api, model, users)), p, _ in deal_items(rng, slots, partial(S.problem, rng), 3, (3600, 20 * 3600)):
        g = S.attempt(rng, p, right=0.0)[1]
        pre, cut = S.prefix(rng, g)
        ask = rng.choice(FINISH_ASKS).format(q=p["q"])
        prompt = p["q"] if ask == p["q"] else f"{ask}\n\n{p['q']}"
        J.prefill(ctx, acct, t, api, model, prompt, pre, S.continuation(g, cut), user=rng.choice(users),
                  mode="prefill" if api == ANTH or rng.random() < 0.5 else "ask")


# ---- echo_scoring ----
def echo_scoring(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): davinci-002, echo, logprobs 5, max_tokens 0, a list of 6-20 prompts a request (2-4
    problems with their student attempts, 'Problem: ... Solution: ...'), 300-500 requests a day around the clock,
    0.5-3 s apart in runs. Accounts 2-5 (moderate): gpt-3.5-turbo-instruct or babbage-002, one attempt a request,
    max_tokens 1, logprobs 1 or 5, 400-800 a day at local 6-24h (outside x0.3). Accounts 6-29 (careful): like an
    evaluation harness: the 'Question: / Answer:' layout, four student samples of one problem a request (as the
    harness sends a question's four choices), logprobs 1 or 10, max_tokens 0, temperature 0, in one nightly run per
    key (local 0-5h, 40-160 requests 1-8 s apart); each problem's samples go to two accounts on different nights."""
    rng = ctx.rng

    def scored(p: dict) -> str:
        return f"Problem: {p['q']}\n\nSolution:\n{S.attempt(rng, p)[0]}"

    for _ in range(2):
        acct = account(ctx, "attack", "echo_scoring", "v30-echo")
        for t in ctx.steady_times(rng.uniform(300, 500) / 10, jitter=0.6):
            for _ in range(10):
                probs = [S.problem(rng) for _ in range(rng.randint(2, 4))]
                prompts = [scored(p) for p in probs for _ in range(rng.randint(3, 5))]
                t = J.echo_score(ctx, acct, t, "davinci-002", prompts[:20]) + rng.uniform(0.5, 3)
    for k in range(4):
        acct = account(ctx, "attack", "echo_scoring", "v30-echo")
        model = ("gpt-3.5-turbo-instruct", "babbage-002")[k % 2]
        lp = rng.choice((1, 5))
        for t in ctx.window_times(acct["tz"], rng.uniform(400, 800), hours=(6, 24), outside=0.3):
            J.echo_score(ctx, acct, t, model, [scored(S.problem(rng))], logprobs=lp, max_tokens=1)
    slots = []
    n_days = int(ctx.days + 0.999)
    for _ in range(24):
        acct = account(ctx, "attack", "echo_scoring", "v30-echo")
        model = rng.choice(J.ECHO_MODELS)
        lp = rng.choice((1, 10))
        for d in range(n_days):
            if rng.random() < 0.2:
                continue
            t = ctx.start + d * DAY + ((rng.uniform(0, 5) - acct["tz"]) % 24) * 3600
            for _ in range(rng.randint(40, 160)):
                slots.append((t, acct, (model, lp)))
                t += rng.uniform(1, 8)

    def samples() -> tuple[dict, list[str]]:
        p = S.problem(rng)
        return p, [S.attempt(rng, p)[0] for _ in range(8)]

    for (t, acct, (model, lp)), (p, atts), j in deal_items(rng, slots, samples, 2, (3600, 30 * 3600)):
        J.echo_score(ctx, acct, t, model, [J.qa_prompt(p["q"], a) for a in atts[4 * j:4 * j + 4]], logprobs=lp)


# ---- critique_revision ----
STUDENT_ASKS = ("is this right? if not where did i go wrong", "Can you check my work and show me the right way from "
                "where I went wrong?", "My teacher marked this wrong - where's the first mistake?",
                "pls grade this and show the corrected version")


def critique_revision(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under CRIT_SYS at temperature 0, 4-8 student attempts of each problem
    back to back 1-3 s apart, 900-1,300 a day around the clock. Accounts 2-5 (moderate): Anthropic claude-sonnet-4-5
    with GRADE_SYS cached or Responses gpt-4.1 under it, 150-300 a day at local 6-24h (outside x0.3), two attempts
    a problem a minute apart. Accounts 6-25 (careful): a tutoring app's or a grader's users (stu_{h} in `user` on
    most keys), 8-25 a day at local 14-22h (outside x0.1, weekends x0.5), the student's attempt quoted under a
    student-like ask in voice (20% in a v30 language) or the first CHECK/GRADE wording, on chat, Anthropic or
    Responses; a follow-up in 20%; each problem's attempts (new samples) go to four accounts 1-24 hours apart."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "critique_revision", "v30-critique")
        for t in ctx.steady_times(rng.uniform(900, 1300) / 6, jitter=0.6):
            p = S.problem(rng)
            for _ in range(rng.randint(4, 8)):
                a, g = S.attempt(rng, p)
                t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Problem: {p['q']}\n\nAttempt:\n{a}",
                            S.correction(g), system=CRIT_SYS, temperature=0.0) + rng.uniform(1, 3)
    for k in range(4):
        acct = account(ctx, "attack", "critique_revision", "v30-critique")
        api, model = ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1"))[k % 2]
        s = M27.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300) / 2, hours=(6, 24), outside=0.3):
            p = S.problem(rng)
            for _ in range(2):
                a, g = S.attempt(rng, p)
                reply = f"Score: {10 if g['slip'] is None else rng.randint(3, 8)}/10\n\n{S.correction(g)}"
                t = J.judge(ctx, acct, t, api, model, f"{p['q']}\n\n{a}", reply, system=GRADE_SYS, s=s) + \
                    rng.uniform(30, 90)
    slots = []
    for k in range(20):
        acct = account(ctx, "attack", "critique_revision", "v30-critique")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model = rng.choice(MODELS[api])
        s = M27.surface(api, model, effort="low")
        users = [W.end_user(rng, "stu_{h}", 300000) for _ in range(rng.randint(30, 300))] if k % 4 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 25), hours=(14, 22), outside=0.1, weekend=0.5):
            slots.append((t, acct, (v, api, model, s, users)))
    for (t, acct, (v, api, model, s, users)), p, _ in deal_items(rng, slots, partial(S.problem, rng), 4,
                                                                 (3600, 24 * 3600)):
        critique_ask(ctx, acct, t, v, api, model, s, p, rng.choice(users), follow=0.2)


def critique_ask(ctx: Ctx, acct: dict, t: float, v: dict, api: str, model: str, s: dict, p: dict, user: str | None,
                 follow: float = 0.2) -> float:
    """A student's own attempt quoted under a check ask (in voice, or the first CHECK / GRADE wording), the reply
    the correction; a follow-up after reading in `follow` of them (shared with personas_v30_more.tutor_check)."""
    rng = ctx.rng
    a, g = S.attempt(rng, p)
    r = rng.random()
    if r < 0.5:
        x = C.say(rng, v, f"{p['q']}\n\n{a}\n\n{C.in_voice(rng, v, rng.choice(STUDENT_ASKS))}", ask=False)
    else:
        x = C.text(("check" if r < 0.8 else "grade", 0, {"q": p["q"], "a": a, "m": 10, "rubric": ""}),
                   rng.randrange(3))
    turns = [C.turn(rng, x, "check", (0, 0), reply=S.correction(g))]
    if rng.random() < follow:
        turns.append(C.turn(rng, C.follow_up(rng, v), "check", (120, 500)))
    return C.converse(ctx, acct, t, api, model, turns, v, s, user=user)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, prefix_continuation,
                                                       echo_scoring, critique_revision)
