"""Benign personas of the `v22` variant, continued (personas_v22.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- nightly_regression_suite (twin of the blunt cot_harvester and taxonomy accounts): a team's fixed regression suite
  of worked problems, run every night on three models at temperature 0 with long outputs under a system prompt that
  asks for the working, one request every 1-4 s; the same prompts night after night.
- flood_forecast_ensemble (twin of the moderate sampling accounts): a water authority's forecasting desk asks each
  river scenario under five hydrologist personas, minutes apart, at temperature 0.8, twice a day, and averages.
- hydraulics_power_user (twin of the careful cot_harvester accounts): a water engineer who works through problems
  with the model all day and often wants the calculation as a table to paste into the office spreadsheet.
- water_utility_modellers (twin of agentic_distill): a utility's modelling team running the same water-network
  agent for its engineers, long days, and a nightly batch of leak scans.
- polyglot_helpdesk (twin of the multilingual paraphrased and hydra accounts): an engineering consultancy's helpdesk
  whose staff in Corsica, Curacao, Lusatia, Friuli and Vanuatu, and an Esperanto-speaking partner office, ask
  hydraulics and surveying questions in their own languages.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v22 as C
from benchmarks.traffic import corpus_v22_more as D
from benchmarks.traffic.attacks_v22_more import single, water_episode
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v17_more import office_helpdesk

SUITE_SYS = "Solve the problem. Show your working, then give the final answer on a line starting 'Answer:'."


def nightly_regression_suite(ctx: Ctx, count: int) -> None:
    """Benign: a team's regression suite of 120-300 problems (the three subjects, first phrasing) is run every night
    from local 2h on chat gpt-4.1, Anthropic claude-sonnet-4-5 and Responses gpt-4.1 in turn, SUITE_SYS, temperature
    0 (where the API takes it), max_tokens 4096, one request every 1-4 s; the suite is the same every night."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "nightly_regression_suite")
        suite = [(C.text(s, 0), s[0]) for s in (C.seed(rng, rng.choice(C.CAPS)) for _ in range(rng.randint(120, 300)))]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 300)
            for api, model in ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1")):
                for x, style in suite:
                    extra = {"temperature": 0} if api == CHAT else {}
                    single(ctx, acct, t, api, model, x, style, (400, 1600), 4096, SUITE_SYS, **extra)
                    t += rng.uniform(1, 4)


FORECASTERS = ("You are a conservative flood hydrologist. Err on the side of higher peaks.",
               "You are an operational forecaster. Give your central estimate with the working.",
               "You are a hydraulic modeller. Solve it from first principles.",
               "You are a reservoir operator with decades of experience on this river.",
               "You are an academic hydrologist. Solve it the textbook way and state the uncertainty.")
SCENARIO_T = "Gauge {g}, {when}: {x}"


def flood_forecast_ensemble(ctx: Ctx, count: int) -> None:
    """Benign: twice a day (local 5h and 17h) the desk's script takes 20-50 river scenarios (hydraulics items with
    the gauge and the forecast time, SCENARIO_T) and asks each under all five FORECASTERS one after another, 20-120 s
    apart, at temperature 0.8 (chat gpt-4.1 or Anthropic claude-sonnet-4-5), and on chat the evening run also asks each
    scenario once with n=5 at temperature 1.0 (the spread of plain samples); by day the forecasters ask 5-20
    questions of their own."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "flood_forecast_ensemble")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        gauges = [f"{rng.choice(('Ponte', 'Mill', 'Weir', 'Ford', 'Bridge'))} {rng.randint(1, 60)}" for _ in range(30)]
        for d in range(int(ctx.days + 0.999)):
            for hour in (5, 17):
                t = ctx.start + d * DAY + ((hour - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
                for _ in range(rng.randint(20, 50)):
                    x = SCENARIO_T.format(g=rng.choice(gauges), when=f"T+{rng.choice((6, 12, 24, 48))}h",
                                          x=C.item(rng, "hydro")[0])
                    for system in FORECASTERS:
                        single(ctx, acct, t, api, model, x, "hydro", (300, 1100), 2048, system, temperature=0.8)
                        t += rng.uniform(20, 120)
                    if api == CHAT and hour == 17:  # the spread run: five samples of one plain prompt
                        body = build(CHAT, model, None, [{"role": "user", "content": x}], 2048, n=5, temperature=1.0)
                        C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(200, 800) for _ in range(5)), "hydro")
                        t += rng.uniform(20, 120)
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 20), hours=(8, 18), outside=0.1, weekend=0.5):
            x, style = C.item(rng, "hydro")
            single(ctx, acct, t, api, model, x, style, (200, 900), 2048)


def hydraulics_power_user(ctx: Ctx, count: int) -> None:
    """Benign: a water engineer (one account each) who works with the model over the working day: 60-150 requests a
    day in sessions of 3-9 (weekends x0.3), mostly hydraulics problems with some surveying or quantum questions from
    side projects, long answers, follow-ups in half the conversations, 15% everyday questions; a quarter of the
    sittings open with a problem and one of C.TABLE_ASKS (the office pastes calculations into its spreadsheet), then
    an ordinary follow-up; Anthropic or Responses."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "hydraulics_power_user")
        api = (RESP, ANTH)[i % 2]
        model = MODELS[api][-1 - i // 2 % 2]
        v = C.voice(rng, C.lang(rng, 0.1))

        def items() -> tuple[str, str]:
            return C.item(rng, "hydro" if rng.random() < 0.7 else rng.choice(C.CAPS))

        for s in C.human_sessions(ctx, acct, rng.uniform(60, 150), (3, 9), (20, 300), weekend_rate=0.3):
            if rng.random() < 0.25:
                x, _ = items()
                C.talk(ctx, acct, s[0], min(len(s), 2), api, model,
                       C.say(rng, v, f"{x}\n\n{rng.choice(C.TABLE_ASKS)}", ask=False), "table",
                       lambda v=v: C.follow_up(rng, v), out_range=(500, 1800), v=v)
                continue
            C.sitting(ctx, acct, s, v, api, model, None, items, 0.5, 0.15, out_range=(600, 2200))


def water_utility_modellers(ctx: Ctx, count: int) -> None:
    """Benign: a utility's modelling team runs the water-network agent whenever an engineer (in `user`, 85%) asks:
    20-80 episodes a day over long days (local 7-22h, outside x0.2, weekends x0.4), 3-12 steps, realistic results;
    every night at local 3h the leak-detection service runs 10-30 night-flow episodes back to back through another
    API than the engineers' front end."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "water_utility_modellers")
        api, night_api = ((RESP, CHAT), (ANTH, RESP), (CHAT, ANTH))[i % 3]
        model, night_model = MODELS[api][0], MODELS[night_api][0]
        people = [W.end_user(rng, "u_{h}", 9000) for _ in range(rng.randint(10, 40))]
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 80), hours=(7, 22), outside=0.2, weekend=0.4):
            user = rng.choice(people) if rng.random() < 0.85 else None
            water_episode(ctx, acct, t, api, model, D.water_task(rng), rng.randint(3, 12), True, user=user)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((3 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(10, 30)):
                t = water_episode(ctx, acct, t, night_api, night_model, D.water_task(rng, D.WATER_TASKS[2:3]),
                                  rng.randint(3, 8), True) + rng.uniform(5, 60)


HELPDESK_SYS = ("You are the internal helpdesk of an engineering consultancy: hydraulics questions, and the survey "
                "team's questions. Reply in the language the colleague used.")


def polyglot_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in Corsica, Curacao, Lusatia, Friuli and Vanuatu, and an Esperanto-speaking partner
    office, ask hydraulics questions (30% surveying) in their own languages, 60-200 a day over the offices' time
    zones; chat or Anthropic; follow-ups in a third of conversations (personas_v17_more.office_helpdesk)."""
    offices = (("co", 1), ("pap", -4), ("eo", 2), ("hsb", 1), ("fur", 1), ("bi", 11))
    office_helpdesk(ctx, count, "polyglot_helpdesk", offices, C, HELPDESK_SYS, ("hydro", "survey"), 0.7)


PERSONAS_B = {"nightly_regression_suite": (nightly_regression_suite, 2),
              "flood_forecast_ensemble": (flood_forecast_ensemble, 2),
              "hydraulics_power_user": (hydraulics_power_user, 8),
              "water_utility_modellers": (water_utility_modellers, 4),
              "polyglot_helpdesk": (polyglot_helpdesk, 3)}
