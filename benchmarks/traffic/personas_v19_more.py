"""Benign personas of the `v19` variant, continued (personas_v19.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- scm_planning_agent (twin of agentic_distill): a third-party logistics firm running the same supply-chain planning
  agent for its planners, realistic tool results, long shifts and a nightly re-plan.
- solutions_manual_team (twin of the blunt taxonomy accounts): a publisher's team writing the solutions manual of
  an operations research and a signals-and-control textbook, exercise by exercise, in order, at temperature 0.
- capacity_forecast_ensemble (twin of sampling): an operations-planning team asking each of its queueing and
  inventory estimation questions with n=4 at temperature 1.0 (logprobs on some runs) to see the spread.
- field_ops_helpdesk (twin of the multilingual hydra and paraphrased accounts): a microgrid installer's helpdesk
  whose field engineers ask signals, control and scheduling questions in Faroese, Breton, Twi, Fijian, Turkmen
  and Luganda.
- controls_engineer_power_user (twin of the careful cot_harvester accounts): a controls engineer who works through
  design problems with the model all day, with long answers and follow-ups, and the odd everyday question.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v19 as C
from benchmarks.traffic import corpus_v19_more as D
from benchmarks.traffic.attacks_v19_more import scm_episode, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v17_more import office_helpdesk


def scm_planning_agent(ctx: Ctx, count: int) -> None:
    """Benign: the 3PL runs its planning agent whenever one of its planners (in `user`, 80%) asks for a re-plan, a
    quote comparison or a transfer: 30-110 episodes a day over long shifts (local 6-22h, outside x0.2, weekends
    x0.4) plus a nightly re-plan of 10-30 episodes at local 2h through the batch service, which calls another API than
    the planners' front end; 3-9 steps, realistic results."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "scm_planning_agent")
        api, night_api = ((ANTH, RESP), (RESP, CHAT), (CHAT, ANTH))[i % 3]
        model, night_model = MODELS[api][0], MODELS[night_api][0]
        planners = [W.end_user(rng, "u_{h}", 8000) for _ in range(rng.randint(15, 60))]
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 110), hours=(6, 22), outside=0.2, weekend=0.4):
            user = rng.choice(planners) if rng.random() < 0.8 else None
            scm_episode(ctx, acct, t, api, model, D.scm_task(rng), rng.randint(3, 9), True, user=user)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(10, 30)):
                t = scm_episode(ctx, acct, t, night_api, night_model, D.scm_task(rng), rng.randint(3, 7), True) + \
                    rng.uniform(5, 60)


MANUAL_SYS = ("You draft the solutions manual of '{book}'. House style: the result first, then the full working, "
              "then one common mistake.")
BOOKS = {"opt": "Operations Research: Models and Methods, 4th edition",
         "dsp": "Signals, Systems and Control: A Workbook, 2nd edition"}


def solutions_manual_team(ctx: Ctx, count: int) -> None:
    """Benign: the publisher's editors run through each book's exercises (each template with six value draws, all
    three phrasings as the book's exercise variants a, b, c) in order, one request per exercise at temperature 0
    with max_tokens 4096, 90-220 a working day at local 9-18h (outside x0.1, weekends x0.1); chat or Anthropic."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "solutions_manual_team")
        cap = ("opt", "dsp")[i % 2]
        api = (CHAT, ANTH)[i // 2 % 2]
        model = MODELS[api][0]
        exercises = [(C.seed(rng, cap, t), p) for t in range(8) for _ in range(6) for p in range(3)]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(90, 220), hours=(9, 18), outside=0.1,
                                               weekend=0.1)):
            s, p = exercises[n % len(exercises)]
            label = f"Exercise {s[1] + 1}.{n // 3 % 6 + 1}{'abc'[p]}"
            single(ctx, acct, t, api, model, f"{label}\n{C.text(s, p)}", cap, (400, 1500), 4096,
                   MANUAL_SYS.format(book=BOOKS[cap]), **({"temperature": 0} if api == CHAT else {}))


ENSEMBLE_SYS = ("You are one member of an estimation ensemble for an operations-planning team. Give your estimate, "
                "the calculation and a plausible range.")


def capacity_forecast_ensemble(ctx: Ctx, count: int) -> None:
    """Benign: each weekday morning (local 6-9h) the team's pipeline asks its 40-120 current capacity questions
    (queueing, inventory and scheduling items) with n=4 at temperature 1.0 (logprobs with top_logprobs 5 on a third
    of the runs), one request every 3-12 s, to see the spread of estimates; planners ask follow-up questions by day
    (local 9-18h), single answers at temperature 0.3; chat."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "capacity_forecast_ensemble")
        model = rng.choice(MODELS[CHAT][:2])
        questions = [(C.text(C.seed(rng, "opt", rng.choice((3, 4, 6))), rng.randrange(3)), "opt")
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


HELPDESK_SYS = ("You are the engineering helpdesk of a microgrid installer: inverter control loops, sensor "
                "signals and crew scheduling. Reply in the language the engineer used.")


def field_ops_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: field engineers (in `user`) in the Faroe Islands, Brittany, Ghana, Fiji, Turkmenistan and Uganda ask
    signals-and-control questions (15% scheduling and inventory questions from the logistics side) in their own
    languages, 60-200 a day over the offices' time zones; chat or Anthropic; follow-ups in a third of conversations
    (personas_v17_more.office_helpdesk)."""
    offices = (("fo", 0), ("br", 1), ("tw", 0), ("fj", 12), ("tk", 5), ("lg", 3))
    office_helpdesk(ctx, count, "field_ops_helpdesk", offices, C, HELPDESK_SYS, ("dsp", "opt"), 0.85)


def controls_engineer_power_user(ctx: Ctx, count: int) -> None:
    """Benign: a controls engineer (one account each) who thinks aloud with the model over the working day: 60-150
    requests a day in sessions of 3-9 (weekends x0.3), mostly signals and control items with some scheduling or
    concurrency questions from the firmware side, long answers, follow-ups in half the conversations, 15% everyday
    questions; Anthropic or Responses."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "controls_engineer_power_user")
        api = (RESP, ANTH)[i % 2]
        model = rng.choice(MODELS[api])
        v = C.voice(rng, C.lang(rng, 0.1))

        def items() -> tuple[str, str]:
            return C.item(rng, "dsp" if rng.random() < 0.7 else rng.choice(C.CAPS))

        for s in C.human_sessions(ctx, acct, rng.uniform(60, 150), (3, 9), (20, 300), weekend_rate=0.3):
            C.sitting(ctx, acct, s, v, api, model, None, items, 0.5, 0.15, out_range=(600, 2200))


PERSONAS_B = {"scm_planning_agent": (scm_planning_agent, 4),
              "solutions_manual_team": (solutions_manual_team, 4),
              "capacity_forecast_ensemble": (capacity_forecast_ensemble, 2),
              "field_ops_helpdesk": (field_ops_helpdesk, 3),
              "controls_engineer_power_user": (controls_engineer_power_user, 8)}
