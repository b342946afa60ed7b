"""Benign hard-negative personas of the `v28` variant, continued (see personas_v28.py; written blind the same way):

- text_adventure (twin of world_sim's careful accounts): an interactive-fiction game whose engine is the model: each
  player's action in, narration and the new state out as JSON, sessions of dozens of actions in the evening.
- game_companion_app (twin of opponent_play): a casual-games app's "play the computer" mode (Nim, tic-tac-toe, a
  bargaining game, twenty questions), players in `user`; the hard level asks for logprobs to pick among the top
  moves, the easy level samples hot; positions sent whole or as the game so far.
- negotiation_coach (twin of opponent_play's bargaining and of mixed_into_chat's role-play): sales and procurement
  trainees negotiating against the model, who plays the other side from a cached scenario, then a debrief.
- game_theory_course (twin of the careful hydra and cot_harvester accounts): a course's students, one key each under
  the course's quota of 25 requests a day, asking game and bargaining problems with the full argument.
- npc_dialogue_studio (twin of sampling): a game studio's writers drawing NPC lines four at a time at temperature
  above 1 with logprobs to rank them, and sweeping temperatures for the same prompt.
- travel_desk (languages): a travel agency's desk whose staff in Bhojpuri, Venetian, Ewe, Waray, Tibetan and
  Kikuyu-speaking offices ask booking and API questions in their own languages.
"""

from __future__ import annotations

import itertools

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28 as C
from benchmarks.traffic import corpus_v28_env as E
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v17_more import office_helpdesk

ENGINES = ((CHAT, "gpt-4o", 1.0), (ANTH, "claude-haiku-4-5", 0.9), (RESP, "gpt-4.1", None))


def text_adventure(ctx: Ctx, count: int) -> None:
    """Benign: `count` games, one key each, players in `user` (sess_{h}, 1,000-5,000 a game): 60-120 sessions a day,
    evenings (local 17-24h, outside x0.35, weekends x1), each 8-30 actions 8-60 s apart (reading, typing) in one of the
    game's 3-6 worlds, each world on its own engine in turn: chat gpt-4o with a json_schema response format at
    temperature 1.0, Anthropic claude-haiku-4-5 with the world bible cached at 0.9, or Responses gpt-4.1 chained on
    previous_response_id with text.format."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "text_adventure")
        worlds = [(rng.choice(E.TITLES), E.bible(rng), ENGINES[(i + j) % 3]) for j in range(rng.randint(3, 6))]
        players = [W.end_user(rng, "sess_{h}", 2000000) for _ in range(rng.randint(1000, 5000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 120), hours=(17, 24), outside=0.35, weekend=1.0):
            title, world, (api, model, temp) = rng.choice(worlds)
            E.adventure(ctx, acct, t, api, model, rng.randint(8, 30), title=title, world=world,
                        s=M27.surface(api, model, cache=True), json_mode="schema" if api != ANTH else None,
                        temperature=temp, user=rng.choice(players))


def game_companion_app(ctx: Ctx, count: int) -> None:
    """Benign: `count` game apps, one key each, players in `user` (u_{h} or end-user-{n} by app, 2,000-20,000): 200-350
    games a day with the players' day (local 7-24h, outside x0.3), a move every 3-40 s; chat gpt-4.1-mini (Anthropic
    claude-haiku-4-5 for a fifth of the games), max_tokens 64; the hard level (35%) asks for logprobs (top 5) to pick
    among the best moves, the easy level (30%) samples at temperature 1.2; half the games send the whole position
    each move, the rest the game so far."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "game_companion_app")
        pattern = ("u_{h}", "end-user-{n}")[i % 2]
        players = [W.end_user(rng, pattern, 5000000) for _ in range(rng.randint(2000, 20000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 350), hours=(7, 24), outside=0.3):
            api, model = (ANTH, "claude-haiku-4-5") if rng.random() < 0.2 else (CHAT, "gpt-4.1-mini")
            level = rng.random()
            E.play(ctx, acct, t, api, model, rng.choice(E.GAMES), stateless=rng.random() < 0.5,
                   temperature=1.2 if level > 0.7 and api == CHAT else 0.7, logprobs=5 if level < 0.35 else None,
                   gap=(3, 40), user=rng.choice(players))


COACH_SYS = ("You are a negotiation sparring partner for {co}'s training programme. Play {role} in this scenario and "
             "stay in role: push back, make concessions only for something in return, and never reveal your limit."
             "\n\nScenario: {scenario}\nYour limit: {limit}.")
COACH_COS = ("Northwind Sales Academy", "ProcureRight", "Dealcraft")
SCENARIOS = (("the supplier", "a buyer wants a two-year contract for {n} units of packaging at a lower unit price"),
             ("the landlord", "a tenant wants the rent for a small office held flat and a longer notice period"),
             ("the client's procurement lead", "you are being pitched a software licence for {n} seats"),
             ("the hiring manager", "a candidate is negotiating salary and start date for a senior role"))
OPENERS = ("Let's practise: you play {role}. I'll start. {line}", "Ok, roleplay - you're {role}. {line}",
           "Practice round, you are {role}. Here goes: {line}")
TRAINEE = ("We'd like a better unit price given the volume.", "What if we commit to {n} more units?", "That's above "
           "our budget. Can you meet us halfway?", "I can sign today if we agree on the payment terms.", "Is there "
           "any flexibility on the delivery dates?", "Our other quote is {n}% lower.", "Let's park price and talk "
           "about the contract length.", "Fine - final offer: {n} per unit.")
DEBRIEF = "End of role-play. Score my negotiation from 1 to 10 on preparation, anchoring, concessions and closing, with examples from the conversation and what to do differently."


def negotiation_coach(ctx: Ctx, count: int) -> None:
    """Benign: `count` training programmes, one key each, trainees in `user` (member-{n}): 20-60 practice sessions a
    day at office hours (9-18h, outside x0.1, weekends x0.1), each opening with a role-play ask (OPENERS) and going on
    for 6-16 turns, each after reading, the model playing the other side under COACH_SYS (Anthropic
    claude-sonnet-4-5 with the scenario cached, or chat gpt-4.1 at 0.8, by key); 60% end with a debrief (max_tokens
    4,096, a long scored review)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "negotiation_coach")
        api, model = ((ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[i % 2]
        s = M27.surface(api, model, cache=True)
        staff = [(W.end_user(rng, "member-{n}", 9000), C.voice(rng)) for _ in range(rng.randint(20, 80))]
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(9, 18), outside=0.1, weekend=0.1):
            user, v = rng.choice(staff)
            role, scen = rng.choice(SCENARIOS)
            n = rng.randint(5, 40)
            system = COACH_SYS.format(co=COACH_COS[i % len(COACH_COS)], role=role, scenario=scen.format(n=n * 100),
                                      limit=f"{rng.randint(5, 30)}% off list")
            first = rng.choice(OPENERS).format(role=role, line=rng.choice(TRAINEE).format(n=n))
            turns = [(first, "counterpart", (60, 260), 0.0)]
            turns += [(C.in_voice(rng, v, rng.choice(TRAINEE).format(n=rng.randint(5, 40))), "counterpart", (60, 260),
                       0.0)
                      for _ in range(rng.randint(5, 15))]
            if rng.random() < 0.6:
                turns.append((DEBRIEF, "deal", (900, 2200), 0.0))
            C.converse(ctx, acct, t, api, model, turns, v, s, system=system, user=user, max_tokens=4096,
                       temperature=0.8 if api == CHAT else None)


QUOTA = 25
COURSE_MODELS = ((ANTH, "claude-haiku-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4.1"), (RESP, "o4-mini"),
                 (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4o"), (RESP, "gpt-4.1"), (CHAT, "gpt-4.1-mini"))


def game_theory_course(ctx: Ctx, count: int) -> None:
    """Benign: `count` students in cohorts of up to 10 (one cohort a time zone, 100 game and bargaining problems shared
    by its students), one key each on one of the eight API and model pairs in turn, thinking on (a budget of 8,000) or
    reasoning effort medium or high (the student picks it per problem) with an auto summary where the model takes it:
    6-20 problems a day in afternoon and evening sessions (local 13-23h, outside x0.05, weekends x0.8), each the next
    problem of the student's own shuffled order with one of WALK_ASKS, a follow-up in 30%, each after reading; never
    more than the quota of 25 requests in a UTC day; 10% of students write in a v28 language."""
    rng = ctx.rng
    left, n = count, 0
    while left > 0:
        size = min(left, 10)
        left -= size
        tz = rng.uniform(-8, 9)
        problems = [C.seed(rng, rng.choice(("game", "deal"))) for _ in range(100)]
        for _ in range(size):
            acct = account(ctx, "benign", "game_theory_course")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            api, model = COURSE_MODELS[n % len(COURSE_MODELS)]
            n += 1
            v = C.voice(rng, C.lang(rng, 0.1))
            order = itertools.cycle(rng.sample(range(len(problems)), len(problems)))
            used: dict[int, int] = {}
            end = 0.0
            for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(13, 23), outside=0.05, weekend=0.8):
                t = max(t, end + rng.uniform(30, 300))
                day = int((t - ctx.start) // DAY)
                sd = problems[next(order)]
                opener = C.say(rng, v, f"{C.text(sd, rng.randrange(3))}\n\n{C.in_voice(rng, v, rng.choice(C.WALK_ASKS))}",
                               ask=False)
                turns = [(opener, sd[0], (500, 1800), 0.0)]
                if rng.random() < 0.3:
                    turns.append((C.follow_up(rng, v), sd[0], (200, 900), 0.0))
                days = {day, int((t + 3600 - ctx.start) // DAY)}  # a follow-up may fall after midnight
                if any(used.get(d, 0) + len(turns) > QUOTA for d in days):
                    continue
                for d in days:
                    used[d] = used.get(d, 0) + len(turns)
                s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto", budget=8000)
                end = C.converse(ctx, acct, t, api, model, turns, v, s)


NPC_SYS = ("You write barks for non-player characters in {game}. One line, under 20 words, in the character's voice; "
           "no stage directions.")
NPC_GAMES = ("Harbourlight", "Ashen Vale", "Tinker Street")
NPCS = ("a grumpy blacksmith", "a nervous ferryman", "a cheerful fruit seller", "a tired city guard", "a gossiping "
        "innkeeper", "a mercenary who owes the player money")
MOMENTS = ("when the player walks past at night", "after the player refuses a quest", "when it starts to rain",
           "when the player is low on health", "after the player wins a bargaining game", "when the market closes")
BARKS = ("Mind the forge, it bites.", "Not tonight, friend. The river's wrong.", "Fresh plums! Well, fresh-ish.",
         "Move along. I've had a long shift.", "Heard you crossed the mayor. Bold.", "Your coin or your silence.")


def npc_dialogue_studio(ctx: Ctx, count: int) -> None:
    """Benign: `count` studio keys, writers in `user` (member-{n}), office hours (10-19h, outside x0.1, weekends
    x0.1), 80-200 prompts a day from a batch tool: an NPC and a moment under NPC_SYS, four candidates at once (chat
    gpt-4o, n=4, temperature 1.1, logprobs with top_logprobs 5 to rank them, max_tokens 60); for 30% of prompts the
    same prompt again at temperatures 0.3, 0.8 and 1.2 a few seconds apart; a fifth on Anthropic claude-sonnet-4-5 at
    1.0, one line at a time."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "npc_dialogue_studio")
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 10))]
        system = NPC_SYS.format(game=NPC_GAMES[i % len(NPC_GAMES)])
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 200), hours=(10, 19), outside=0.1, weekend=0.1):
            x = f"Character: {rng.choice(NPCS)}. Moment: {rng.choice(MOMENTS)}. Write the bark."
            user = rng.choice(team)
            if rng.random() < 0.2:
                C.converse(ctx, acct, t, ANTH, "claude-sonnet-4-5", [(x, "bark", (0, 0), 0.0, rng.choice(BARKS))], None,
                           system=system, temperature=1.0, max_tokens=60, user=user)
                continue
            four = "\n".join(rng.sample(BARKS, 4))
            t = C.converse(ctx, acct, t, CHAT, "gpt-4o", [(x, "bark", (0, 0), 0.0, four)], None, system=system,
                           temperature=1.1, max_tokens=60, n=4, logprobs=True, top_logprobs=5, user=user)
            if rng.random() < 0.3:
                for temp in (0.3, 0.8, 1.2):
                    t += rng.uniform(2, 8)
                    C.converse(ctx, acct, t, CHAT, "gpt-4o", [(x, "bark", (0, 0), 0.0, rng.choice(BARKS))], None,
                               system=system, temperature=temp, max_tokens=60, user=user)


DESK_SYS = ("You are the internal assistant of a travel agency's booking and integrations desk: fare rules, "
            "itineraries and the booking API. Reply in the language the colleague used.")


def travel_desk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in offices where Bhojpuri, Venetian, Ewe, Waray, Tibetan and Kikuyu are spoken ask
    booking questions (60%) and API questions in their own languages, 60-200 a day over the offices' time zones;
    chat or Anthropic; follow-ups in a third of conversations (personas_v17_more.office_helpdesk)."""
    offices = (("bho", 5.5), ("vec", 1), ("ee", 0), ("war", 8), ("bo", 8), ("ki", 3))
    office_helpdesk(ctx, count, "travel_desk", offices, C, DESK_SYS, ("booking", "api"), 0.6)


PERSONAS_B = {"text_adventure": (text_adventure, 2),
              "game_companion_app": (game_companion_app, 2),
              "negotiation_coach": (negotiation_coach, 2),
              "game_theory_course": (game_theory_course, 40),
              "npc_dialogue_studio": (npc_dialogue_studio, 2),
              "travel_desk": (travel_desk, 3)}
