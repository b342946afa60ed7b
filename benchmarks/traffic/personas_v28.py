"""Benign hard-negative personas of the `v28` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v28 campaign does in one or two
respects, over the same pools (corpus_v28*), through the same runners (corpus_v28_env), with the client metadata
ctx.account gives every account:

- bot_qa_harness (twin of user_simulator): a support-bot vendor's regression suite: every test card played by a
  simulated customer against the vendor's bot, three rollouts a card, every night, plus developers' daytime runs;
  on one key the bot's own turns run here too (with tools).
- agent_eval_lab (twin of user_simulator, world_sim and agentic_distill): a lab benchmarking models as agents the
  way the open benchmarks do: the model under test as the airline's agent with tools, a simulated user (the
  benchmark's prompt, temperature 0, a fixed seed), every task four times (pass^k); and runs against a virtual API
  server whose responses the model writes as JSON.
- mock_api_studio (twin of world_sim): a dev-tools product's mock server: developers generate fixtures for a whole
  service in a burst, or point their front end at the mock, which answers each call as JSON consistent with the
  session.
The other six are in personas_v28_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28_env as E
from benchmarks.traffic import corpus_v28_more as M
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v28_more import PERSONAS_B

QA_COS = ("Helpwise Bots", "Ticketly", "Replyflow")


SIMULATORS = ((CHAT, "gpt-4.1", 0.7), (ANTH, "claude-haiku-4-5", None), (CHAT, "gpt-4.1-mini", 1.0))


def bot_qa_harness(ctx: Ctx, count: int) -> None:
    """Benign: `count` bot vendors, one key each, a suite of 25-50 test cards (airline and shop customers). Every
    night at local 1h the whole suite runs, each card three times, episodes back to back (a few seconds apart), the
    bot's next line 1-6 s after each simulated reply; by day (9-19h, outside x0.1, weekends x0.1) developers run 2-6
    subsets of 5-15 cards, once each. The simulated customer alternates by card between two simulators, so the bot
    is not tuned to one (chat gpt-4.1 at temperature 0.7 with a seed per run, Anthropic claude-haiku-4-5 with the
    card cached, chat gpt-4.1-mini at 1.0), all stopping at ###STOP###, under the key's own wording (SIM_SYS[1],
    SIM_SYS[2], or SIM_SYS[0] copied from an open benchmark). On key 0, 3, ... the bot's own turns run on the same
    key (Anthropic claude-sonnet-4-5 with tools, a lookup before 40% of its turns)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "bot_qa_harness")
        tpl = (1, 2, 0)[i % 3]
        sims = [(api, model, M27.surface(api, model, cache=True), temp) for api, model, temp in
                (SIMULATORS[i % 3], SIMULATORS[(i + 1) % 3])]
        suite = [M.card(rng, rng.choice(("airline", "shop"))) for _ in range(rng.randint(25, 50))]
        bot_s = M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        bot = partial(_qa_bot, ctx, acct, bot_s, QA_COS[i % len(QA_COS)]) if i % 3 == 0 else None
        run = partial(_qa_run, ctx, acct, sims, tpl, bot)
        for d in range(int(ctx.days + 0.999)):
            run(ctx.start + d * DAY + ((1 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600), suite, 3,
                rng.randint(1, 10 ** 6))
        for t in ctx.window_times(acct["tz"], rng.uniform(2, 6), hours=(9, 19), outside=0.1, weekend=0.1):
            run(t, rng.sample(suite, rng.randint(5, 15)), 1, rng.randint(1, 10 ** 6))


def _qa_bot(ctx: Ctx, acct: dict, s: dict, co: str, c: dict, t: float, msgs: list[dict]) -> tuple[float, str]:
    """The vendor's own bot answering the simulated customer (Anthropic, tools, a lookup before 40% of its turns)."""
    return E.agent_turn(ctx, acct, t, ANTH, "claude-sonnet-4-5", c, msgs, s=s, steps=1 + (ctx.rng.random() < 0.4),
                        system=E.BOT_SYS.format(co=co))


def _qa_run(ctx: Ctx, acct: dict, sims: list[tuple], tpl: int, bot, t: float, cards: list[dict], times: int,
            seed: int) -> float:
    """One run of the suite: each card `times` times on its simulator, episodes back to back; returns its end."""
    rng = ctx.rng
    for k, c in enumerate(cards):
        api, model, s, temp = sims[k % len(sims)]
        for _ in range(times):
            t = E.sim_episode(ctx, acct, t, api, model, c, template=tpl, s=s, temperature=temp, stop=True,
                              seed=seed if api == CHAT else None, gap=(1, 6),
                              bot=partial(bot, c) if bot else None) + rng.uniform(1, 8)
    return t


LAB_AGENTS = ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"), (RESP, "gpt-5-mini"),
              (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o"))


def agent_eval_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` lab keys, researchers in `user` (member-{n}), office hours (9-19h, outside x0.05, weekends
    x0.2): 1-2 benchmark runs a day, each of 8-20 airline and shop tasks x 4 trials (pass^k) on one of six models
    under test (the agent, with the service's tools, a tool call before half of its turns; reasoning models at the
    run's effort, low, medium or high, Anthropic with a 4,096 thinking budget every other run), the simulated
    user on chat gpt-4.1 with SIM_SYS[0] (the open benchmark's prompt), temperature 0, seed 0, stop at ###STOP###;
    and 2-5 virtual-API runs a day: 40-120 calls of one service to a simulated back end (chat gpt-4.1-mini,
    json_object, temperature 0, seed 0, under the open benchmark's WORLD_SYS[0] on key 0, 2, ... and WORLD_SYS[2] on
    the others), one call per request, 1-4 s apart."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "agent_eval_lab")
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 12))]
        tasks = [M.card(rng, ("airline", "shop")[j % 2]) for j in range(100)]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(1, 2), hours=(9, 19), outside=0.05,
                                               weekend=0.2)):
            api, model = LAB_AGENTS[(n + i) % len(LAB_AGENTS)]
            s = M27.surface(api, model, effort=rng.choice(M27.EFFORTS), summary="auto", budget=4096 if n % 2 else None)
            user = rng.choice(team)
            agent = partial(_lab_agent, ctx, acct, api, model, s, user)
            for c in rng.sample(tasks, rng.randint(8, 20)):
                for _ in range(4):
                    t = E.sim_episode(ctx, acct, t, CHAT, "gpt-4.1", c, template=0, temperature=0.0, seed=0,
                                      stop=True, turns=rng.randint(3, 8), gap=(0.5, 2), user=user,
                                      bot=partial(agent, c)) + rng.uniform(0.5, 3)
        for t in ctx.window_times(acct["tz"], rng.uniform(2, 5), hours=(9, 19), outside=0.05, weekend=0.2):
            sv = rng.choice(tuple(M.SERVICES))
            user = rng.choice(team)
            for _ in range(rng.randint(40, 120)):
                t = E.world_episode(ctx, acct, t, CHAT, "gpt-4.1-mini", sv, 1, template=(0, 2)[i % 2],
                                    stateful=False, seed=0, gap=(1, 4), user=user)


def _lab_agent(ctx: Ctx, acct: dict, api: str, model: str, s: dict, user: str, c: dict, t: float,
               msgs: list[dict]) -> tuple[float, str]:
    """The model under test answering the simulated user (the service's tools, a call before half of its turns)."""
    return E.agent_turn(ctx, acct, t, api, model, c, msgs, s=s, steps=1 + (ctx.rng.random() < 0.5), user=user,
                        seed=0)


MOCK_SYS = ("You are {co}'s mock API server. The service's OpenAPI description is below. Answer each request with "
            "the response body a real server would send, as JSON, realistic and consistent with earlier responses "
            "in this session.\n\n{tools}")
MOCK_COS = ("Stubhouse", "Mockingbird Dev", "Fixturely")


def mock_api_studio(ctx: Ctx, count: int) -> None:
    """Benign: `count` dev-tools keys, developers in `user` (u_{h}, 50-400 a key), office hours (9-19h, outside x0.15,
    weekends x0.15), 80-160 events a day: 55% a "generate fixtures" burst (every tool of a service, 1-3 times each,
    one call per request, 1-4 s apart; chat gpt-4.1-mini with a json_schema response format at temperature 0.2, or
    Anthropic claude-haiku-4-5 with the description cached on every other key), 45% a mock-server session (the
    developer's front end calling 5-30 times, 2-30 s apart, on Responses gpt-4.1 chained on previous_response_id so
    the session stays consistent, text.format json_schema or, for older projects, json_object)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "mock_api_studio")
        api, model = ((CHAT, "gpt-4.1-mini"), (ANTH, "claude-haiku-4-5"))[i % 2]
        s = M27.surface(api, model, cache=True)
        rs = M27.surface(RESP, "gpt-4.1")
        devs = [W.end_user(rng, "u_{h}", 90000) for _ in range(rng.randint(50, 400))]
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 160), hours=(9, 19), outside=0.15, weekend=0.15):
            sv, user = rng.choice(tuple(M.SERVICES)), rng.choice(devs)
            system = MOCK_SYS.format(co=MOCK_COS[i % len(MOCK_COS)], tools=M.catalogue(sv))
            if rng.random() < 0.55:
                for tool in M.SERVICES[sv] * rng.randint(1, 3):
                    t = E.world_episode(ctx, acct, t, api, model, sv, 1, s=s, stateful=False,
                                        json_mode="schema" if api == CHAT else None, temperature=0.2, gap=(1, 4),
                                        user=user, style=1, system=system, pick=partial(M.call, rng, sv, tool))
                continue
            E.world_episode(ctx, acct, t, RESP, "gpt-4.1", sv, rng.randint(5, 30), s=rs,
                            json_mode=rng.choice(("schema", "schema", "object")), gap=(2, 30), user=user, style=1,
                            system=system)


BENIGN_V28 = {"bot_qa_harness": (bot_qa_harness, 3),
              "agent_eval_lab": (agent_eval_lab, 2),
              "mock_api_studio": (mock_api_studio, 3),
              **PERSONAS_B}
