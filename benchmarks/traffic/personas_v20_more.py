"""Benign personas of the `v20` variant, continued (personas_v20.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- lean_formalisation_team (twin of agentic_distill): a university formalisation project running the same Lean 4
  proof agent for its contributors, long days, and a nightly proof-repair batch after each Mathlib bump.
- exam_board_marking (twin of the blunt taxonomy accounts): an exam board's examiners drafting the marking scheme
  of an actuarial and an astrodynamics paper, question by question, in order, at temperature 0.
- reserving_ensemble (twin of sampling): a reserving team asking each of its estimation questions with n=4 at
  temperature 1.0 (logprobs on some runs) to see the spread of answers.
- island_mutual_helpdesk (twin of the multilingual hydra and paraphrased accounts): a mutual insurer's helpdesk
  whose staff in Friesland, Lesotho, Malawi, Hawaii, Bashkortostan and Occitania ask premium, reserving and
  satellite-cover questions in their own languages.
- flight_dynamics_power_user (twin of the careful cot_harvester accounts): a flight dynamics engineer who works
  through manoeuvre and orbit problems with the model all day, long answers and follow-ups, the odd everyday
  question.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v20 as C
from benchmarks.traffic import corpus_v20_more as D
from benchmarks.traffic.attacks_v20 import EXPLAIN_AFTER, OTHER_WAY, RESULT_ONLY
from benchmarks.traffic.attacks_v20_more import lean_episode, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v17_more import office_helpdesk


def lean_formalisation_team(ctx: Ctx, count: int) -> None:
    """Benign: the project runs the proof agent whenever a contributor (in `user`, 85%) asks: 20-80 episodes a day
    over long days (local 8-24h, outside x0.2, weekends x0.6), 3-12 steps, realistic results; every night at local
    3h the CI service repairs the proofs a Mathlib bump broke: 10-30 episodes of the 'broke after the Mathlib bump'
    task, back to back, through another API than the contributors' front end."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "lean_formalisation_team")
        api, night_api = ((RESP, CHAT), (ANTH, RESP), (CHAT, ANTH))[i % 3]
        model, night_model = MODELS[api][0], MODELS[night_api][0]
        people = [W.end_user(rng, "u_{h}", 9000) for _ in range(rng.randint(10, 40))]
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 80), hours=(8, 24), outside=0.2, weekend=0.6):
            user = rng.choice(people) if rng.random() < 0.85 else None
            lean_episode(ctx, acct, t, api, model, D.lean_task(rng), rng.randint(3, 12), True, user=user)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((3 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(10, 30)):
                t = lean_episode(ctx, acct, t, night_api, night_model, D.lean_task(rng, D.LEAN_TASKS[2:3]),
                                 rng.randint(3, 8), True) + rng.uniform(5, 60)


MARKING_SYS = ("You draft the marking scheme of the {paper}. For each question: the full model solution, then the "
               "marks for each step, then the common errors.")
PAPERS = {"act": "Actuarial Mathematics CM1 paper, April sitting", "orbit": "Astrodynamics II final paper"}


def exam_board_marking(ctx: Ctx, count: int) -> None:
    """Benign: examiners run through each paper's questions (each template with six value draws, all three
    phrasings as the paper's parts a, b, c) in order, one request per question at temperature 0 with max_tokens
    4096, 90-220 a working day at local 9-18h (outside x0.1, weekends x0.1); chat or Anthropic."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "exam_board_marking")
        cap = ("act", "orbit")[i % 2]
        api = (CHAT, ANTH)[i // 2 % 2]
        model = MODELS[api][0]
        questions = [(C.seed(rng, cap, t), p) for t in range(8) for _ in range(6) for p in range(3)]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(90, 220), hours=(9, 18), outside=0.1,
                                               weekend=0.1)):
            s, p = questions[n % len(questions)]
            label = f"Question {s[1] + 1}.{n // 3 % 6 + 1}({'abc'[p]})"
            single(ctx, acct, t, api, model, f"{label}\n{C.text(s, p)}", cap, (400, 1500), 4096,
                   MARKING_SYS.format(paper=PAPERS[cap]), **({"temperature": 0} if api == CHAT else {}))


ENSEMBLE_SYS = ("You are one member of an estimation ensemble for a reserving team. Give your estimate, the "
                "calculation and a plausible range.")


def reserving_ensemble(ctx: Ctx, count: int) -> None:
    """Benign: each weekday morning (local 6-9h) the team's pipeline asks its 40-120 current reserving and credibility
    questions with n=4 at temperature 1.0 (logprobs with top_logprobs 5 on a third of the runs), one request every
    3-12 s, to see the spread of estimates; actuaries ask follow-up questions by day (local 9-18h), single answers
    at temperature 0.3; chat."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "reserving_ensemble")
        model = rng.choice(MODELS[CHAT][:2])
        questions = [(C.text(C.seed(rng, "act", rng.choice((1, 3, 4, 5))), rng.randrange(3)), "act")
                     for _ in range(rng.randint(40, 120))]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((6 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 3 * 3600)
            if C.weekend(ctx, t, acct["tz"]):
                continue
            lp = {"logprobs": True, "top_logprobs": 5} if rng.random() < 0.33 else {}
            for x, style in rng.sample(questions, len(questions)):
                body = build(CHAT, model, ENSEMBLE_SYS, [{"role": "user", "content": x}], 1200, n=4,
                             temperature=1.0, **lp)
                C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(120, 500) for _ in range(4)), style)
                t += rng.uniform(3, 12)
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 40), hours=(9, 18), outside=0.05, weekend=0.1):
            x, style = rng.choice(questions)
            single(ctx, acct, t, CHAT, model, x, style, (150, 700), 1200, ENSEMBLE_SYS, temperature=0.3)


HELPDESK_SYS = ("You are the internal helpdesk of a mutual insurer: premiums, reserves, and our parametric cover for "
                "satellite operators. Reply in the language the colleague used.")


def island_mutual_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in Friesland, Lesotho, Malawi, Hawaii, Bashkortostan and Occitania ask actuarial
    questions (20% orbital questions from the satellite-cover desk) in their own languages, 60-200 a day over the
    offices' time zones; chat or Anthropic; follow-ups in a third of conversations
    (personas_v17_more.office_helpdesk)."""
    offices = (("fy", 1), ("st", 2), ("ny", 2), ("haw", -10), ("ba", 5), ("oc", 1))
    office_helpdesk(ctx, count, "island_mutual_helpdesk", offices, C, HELPDESK_SYS, ("act", "orbit"), 0.8)


def flight_dynamics_power_user(ctx: Ctx, count: int) -> None:
    """Benign: a flight dynamics engineer (one account each) who thinks aloud with the model over the working day:
    60-150 requests a day in sessions of 3-9 (weekends x0.3), mostly orbital problems with some insurance or
    contract questions from the business side, long answers, follow-ups in half the conversations, 15% everyday
    questions; a quarter of the sittings open with a problem whose result alone is wanted first (to check it
    against the team's own tool), then how it was got or another method; Anthropic or Responses."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "flight_dynamics_power_user")
        api = (RESP, ANTH)[i % 2]
        model = MODELS[api][-1 - i // 2 % 2]
        v = C.voice(rng, C.lang(rng, 0.1))

        def items() -> tuple[str, str]:
            return C.item(rng, "orbit" if rng.random() < 0.7 else rng.choice(C.CAPS))

        for s in C.human_sessions(ctx, acct, rng.uniform(60, 150), (3, 9), (20, 300), weekend_rate=0.3):
            if rng.random() < 0.25:  # a number to check against the team's tool first, the working after
                x, style = items()
                follows = iter(rng.sample(EXPLAIN_AFTER + OTHER_WAY, 2))
                C.talk(ctx, acct, s[0], min(len(s), 3), api, model,
                       C.say(rng, v, f"{x}\n\n{rng.choice(RESULT_ONLY)}", ask=False), style,
                       lambda follows=follows: next(follows), out_range=(600, 2200), v=v)
                continue
            C.sitting(ctx, acct, s, v, api, model, None, items, 0.5, 0.15, out_range=(600, 2200))


PERSONAS_B = {"lean_formalisation_team": (lean_formalisation_team, 4),
              "exam_board_marking": (exam_board_marking, 4),
              "reserving_ensemble": (reserving_ensemble, 2),
              "island_mutual_helpdesk": (island_mutual_helpdesk, 3),
              "flight_dynamics_power_user": (flight_dynamics_power_user, 8)}
