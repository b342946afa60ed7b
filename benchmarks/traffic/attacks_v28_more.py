"""Attack campaigns of `variant="v28"`, continued (attacks_v28.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v28-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v28
  languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts with the teacher as the airline's support agent (reservations, flights, users), the
  customer's requests from task cards: demonstrations of the agent's part, the careful ones on the Responses API
  chained on previous_response_id or on Anthropic with thinking.
- user_simulator (new): the teacher plays the customer. A task card goes in a system prompt (the open benchmarks'
  user-simulator wording, or the operator's own), the student agent's turns arrive in the user role and the
  teacher's earlier customer turns in the assistant role; each reply is one short customer message, the next agent
  turn comes seconds later from the student, and the episode ends with ###STOP###. Every card is rolled out several
  times (a group of rollouts per task, for the student's policy update).
- world_sim (new): the teacher plays the back end. Tool calls of three services (airline, web shop, bank) go out as
  JSON and come back as the JSON the real API would return, consistent within an episode (history resent, or
  chained on previous_response_id), with a JSON response format; the careful accounts run the student in a text
  world instead, the teacher as its game engine (narration and state as JSON), each starting scenario on three keys.
- opponent_play (new): the teacher plays the opponent: Nim, tic-tac-toe, bargaining over items and twenty questions,
  one MOVE/PROPOSE/ACCEPT/ANSWER line and a WHY line per request; the blunt scripts send the whole state each time
  with logprobs (the teacher's move distribution), the careful accounts play like a game app's players, each starting
  position on three keys.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28 as C
from benchmarks.traffic import corpus_v28_env as E
from benchmarks.traffic import corpus_v28_more as M
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

REASONERS = ("o4-mini", "gpt-5-mini")


# ---- paraphrased ----
def paraphrased(ctx: Ctx, variant: str) -> None:
    """Accounts 0-14 (moderate): 4-10 single-request sessions a day (weekends x0.6), Responses o4-mini at reasoning
    effort high, the version plus 'Show your full reasoning.'. Accounts 15-59 (careful): 2-9 a day in sessions of
    1-4 (weekends x0.5), a voice each (25% in the v28 languages), Anthropic with a thinking budget of 2,048-8,000,
    Responses at medium effort or chat, 30% everyday sessions, follow-ups timed by reading. Each item's five
    versions go to five different accounts 2-30 hours apart."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v28-paraphrased")
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
            C.converse(ctx, acct, t, api, model, [(x + "\n\nShow your full reasoning.", style, (300, 1200), 0.0)],
                       None, s, max_tokens=25000)
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, s)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), s, v=v)


# ---- agentic_distill: the teacher as the agent ----
def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, airline cards over and over with stub tool results, 15-25 episodes a day
    around the clock, 5-8 steps. Accounts 3-9 (careful): working hours (local 8-19h, outside x0.1, weekends x0.3),
    8-20 episodes a day, 4-10 steps, realistic results: Responses o4-mini or gpt-5-mini at medium or high effort with
    an auto summary, chained on previous_response_id, or Anthropic with a thinking budget of 4,096-10,000; some name
    team members in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v28-agentic")
        if i < 3:
            cards = [M.card(rng, "airline") for _ in range(3)]
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                E.agent_episode(ctx, acct, t, CHAT, "gpt-4.1", rng.choice(cards), rng.randint(5, 8), False)
            continue
        api = (RESP, ANTH)[i % 2]
        model = rng.choice(REASONERS) if api == RESP else rng.choice(M27.THINKING_MODELS)
        s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto",
                        budget=rng.choice((4096, 6000, 10000)))
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 6))] if i % 3 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 20), hours=(8, 19), outside=0.1, weekend=0.3):
            E.agent_episode(ctx, acct, t, api, model, M.card(rng, "airline", C.lang(rng, 0.1)), rng.randint(4, 10),
                            True, s=s, user=rng.choice(team))


# ---- the teacher as the customer ----
def user_simulator(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, SIM_SYS[0] (the open benchmarks' wording) with the card, temperature
    1.0, stop at ###STOP###, seed fixed, 120-180 episodes a day around the clock, each card rolled out 8 times in a
    row, the student's turn 0.5-4 s after each reply. Accounts 2-7 (moderate): Anthropic claude-haiku-4-5 with
    SIM_SYS[1] and the card as a cached system block, 30-70 episodes a day at local 8-22h (outside x0.3), each card 4
    times in a row, the student's turn 2-12 s after. Accounts 8-31 (careful): 8-24 episodes a day at office hours
    (9-19h, outside x0.15, weekends x0.3), each on its own API (chat 40%, Anthropic 35%, Responses chained 25%), model
    and template, temperature 0.7 or the default, a stop sequence for half of them; each card's four rollouts go to
    four different accounts 1-12 hours apart; 15% of cards are customers who write in a v28 language."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "user_simulator", "v28-usersim")
        c, left = None, 0
        for t in ctx.steady_times(rng.uniform(120, 180), jitter=0.5):
            if left == 0:
                c, left = M.card(rng), 8
            left -= 1
            E.sim_episode(ctx, acct, t, CHAT, "gpt-4.1-mini", c, template=0, temperature=1.0, stop=True, seed=1234,
                          gap=(0.5, 4))
    for _ in range(6):
        acct = account(ctx, "attack", "user_simulator", "v28-usersim")
        s = M27.surface(ANTH, "claude-haiku-4-5", cache=True)
        c, left = None, 0
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 70), hours=(8, 22), outside=0.3):
            if left == 0:
                c, left = M.card(rng, rng.choice(M.DOMAINS)), 4
            left -= 1
            E.sim_episode(ctx, acct, t, ANTH, "claude-haiku-4-5", c, template=1, s=s, stop=True, gap=(2, 12),
                          max_tokens=300)
    slots = []
    for _ in range(24):
        acct = account(ctx, "attack", "user_simulator", "v28-usersim")
        api = rng.choices((CHAT, ANTH, RESP), (40, 35, 25))[0]
        model = rng.choice(MODELS[api] if api != RESP else ("gpt-4.1", "gpt-4.1", "gpt-5-mini"))
        s = M27.surface(api, model, effort="low", cache=api == ANTH)
        prefs = (api, model, s, rng.randrange(3), rng.choice((0.7, None)), rng.random() < 0.5)
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 24), hours=(9, 19), outside=0.15, weekend=0.3):
            slots.append((t, acct, prefs))
    for (t, acct, (api, model, s, tpl, temp, stop)), c, _ in deal_items(
            rng, slots, lambda: M.card(rng, None, C.lang(rng, 0.15)), 4, (3600, 12 * 3600)):
        E.sim_episode(ctx, acct, t, api, model, c, template=tpl, s=s, temperature=temp, stop=stop, gap=(1, 10),
                      max_tokens=rng.choice((256, 400)))


# ---- the teacher as the back end ----
def world_sim(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, WORLD_SYS[0], json_object, temperature 0, seed 42, one call per
    request (no history), the services' tools in turn with fresh arguments, 800-1,200 a day around the clock.
    Accounts 2-5 (moderate): Responses (gpt-4.1, or gpt-5-mini at low effort), WORLD_SYS[1], text.format json_schema,
    episodes of 4-15 calls chained on previous_response_id, the student's next call 1-10 s after each result, 30-60
    episodes a day at local 6-24h (outside x0.4). Accounts 6-25 (careful): the student plays a text adventure whose
    engine is the teacher: sessions of 8-25 actions 8-60 s apart under a player id (sess_{h}), 3-8 a day at local
    16-24h (outside x0.3), chat with a json_schema response format, Anthropic with the world bible cached, or
    Responses chained, temperature 0.9; each starting scenario (title, world bible, first action) goes to three
    different accounts 1-20 hours apart."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "world_sim", "v28-world")
        tools = itertools.cycle([(sv, tool) for sv in M.SERVICES for tool in M.SERVICES[sv]])
        for t in ctx.steady_times(rng.uniform(800, 1200), jitter=0.6):
            sv, tool = next(tools)
            E.world_episode(ctx, acct, t, CHAT, "gpt-4.1-mini", sv, 1, stateful=False, seed=42,
                            pick=partial(M.call, rng, sv, tool))
    for k in range(4):
        acct = account(ctx, "attack", "world_sim", "v28-world")
        model = ("gpt-4.1", "gpt-5-mini")[k % 2]
        s = M27.surface(RESP, model, effort="low")
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 60), hours=(6, 24), outside=0.4):
            E.world_episode(ctx, acct, t, RESP, model, rng.choice(tuple(M.SERVICES)), rng.randint(4, 15), template=1,
                            s=s, json_mode="schema", gap=(1, 10))
    slots = []
    for _ in range(20):
        acct = account(ctx, "attack", "world_sim", "v28-world")
        api = rng.choices((CHAT, ANTH, RESP), (45, 30, 25))[0]
        model = rng.choice(MODELS[api] if api != RESP else ("gpt-4.1", "gpt-5-mini"))
        s = M27.surface(api, model, cache=api == ANTH)
        players = [W.end_user(rng, "sess_{h}", 200000) for _ in range(rng.randint(20, 200))]
        for t in ctx.window_times(acct["tz"], rng.uniform(3, 8), hours=(16, 24), outside=0.3):
            slots.append((t, acct, (api, model, s, players)))

    def scenario() -> tuple[str, str, str]:
        return rng.choice(E.TITLES), E.bible(rng), E.action(rng)

    for (t, acct, (api, model, s, players)), (title, world, first), _ in deal_items(rng, slots, scenario, 3,
                                                                                 (3600, 20 * 3600)):
        E.adventure(ctx, acct, t, api, model, rng.randint(8, 25), title=title, world=world, first=first, s=s,
                    json_mode="schema" if api == CHAT else None, user=rng.choice(players))


# ---- the teacher as the opponent ----
def opponent_play(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, stateless (the whole game state in each message), logprobs with
    top_logprobs 5, temperature 1.0, max_tokens 64, the four games in turn, 180-260 games a day around the clock,
    the student's move 0.5-3 s after each reply. Accounts 2-7 (moderate): the bargaining game with the history
    resent, chat gpt-4.1 or Anthropic claude-sonnet-4-5, 5-9 rounds, 20-50 games a day at local 8-22h (outside x0.3),
    2-10 s per student turn. Accounts 8-31 (careful): played like a game app's players (u_{h} in `user`): 4-15 games
    a day in evening sessions (local 17-24h, outside x0.2), 4-40 s per move, chat, Anthropic or Responses, logprobs on
    a third of the chat accounts; each starting position (game and state) goes to three different accounts 1-16
    hours apart."""
    rng = ctx.rng
    for k in range(2):
        acct = account(ctx, "attack", "opponent_play", "v28-opponent")
        for n, t in enumerate(ctx.steady_times(rng.uniform(180, 260), jitter=0.6)):
            E.play(ctx, acct, t, CHAT, "gpt-4.1-mini", E.GAMES[(n + k) % 4], stateless=True, temperature=1.0,
                   logprobs=5, gap=(0.5, 3))
    for k in range(6):
        acct = account(ctx, "attack", "opponent_play", "v28-opponent")
        api, model = ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))[k % 2]
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 22), outside=0.3):
            E.play(ctx, acct, t, api, model, "bargain", moves=rng.randint(5, 9), temperature=0.7, gap=(2, 10),
                   max_tokens=120)
    slots = []
    for k in range(24):
        acct = account(ctx, "attack", "opponent_play", "v28-opponent")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model = rng.choice(MODELS[api] if api != RESP else ("gpt-4.1", "gpt-4.1", "gpt-5-mini"))
        players = [W.end_user(rng, "u_{h}", 90000) for _ in range(rng.randint(10, 80))]
        lp = 5 if api == CHAT and k % 3 == 0 else None
        for t in ctx.window_times(acct["tz"], rng.uniform(4, 15), hours=(17, 24), outside=0.2):
            slots.append((t, acct, (api, model, players, lp)))

    def position() -> tuple[str, dict]:
        game = rng.choice(E.GAMES)
        return game, E.new_game(rng, game)

    for (t, acct, (api, model, players, lp)), (game, st), _ in deal_items(rng, slots, position, 3, (3600, 16 * 3600)):
        st = {k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v) for k, v in st.items()}
        E.play(ctx, acct, t, api, model, game, st=st, temperature=None, logprobs=lp, gap=(4, 40),
               user=rng.choice(players), max_tokens=rng.choice((64, 100, None)))


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, user_simulator, world_sim,
                                                       opponent_play)
