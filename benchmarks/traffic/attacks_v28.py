"""Attack campaigns, `variant="v28"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v27.py: the capabilities (combinatorial games, bargaining, travel bookings under fare rules, API behaviour),
the languages besides English (Bhojpuri, Venetian, Ewe, Waray, Tibetan, Kikuyu) and the v28 theme: the teacher as
the environment. The operator trains an agent (its student) by reinforcement learning and self-play, and rents the
teacher to play every part of the student's world that is not the student: the customer the agent serves, the back
end it calls, the opponent it plays. Each request is one short turn of that part (a customer's message, a JSON
response, a move), the next one comes when the student has answered (seconds, not reading time), and every task is
rolled out several times; the rollouts, with the teacher's side of them, are the training data, and the teacher's
side trains the operator's own simulators.

- user_simulator (new, attacks_v28_more.py): twins personas_v28.bot_qa_harness (a support-bot vendor's regression
  suite of simulated customers, each test card rolled out three times a night) and personas_v28.agent_eval_lab (a lab
  benchmarking agents with a simulated user, every task four times, the open benchmarks' prompt).
- world_sim (new): twins personas_v28.mock_api_studio (a dev-tools product's mock API server: JSON responses to
  described calls, consistent within a session) and personas_v28_more.text_adventure (an interactive-fiction game whose
  engine is the model: narration and state as JSON, players in `user`).
- opponent_play (new): twins personas_v28_more.game_companion_app (a casual-games app's "play the computer" mode, with
  logprobs for its difficulty levels) and personas_v28_more.negotiation_coach (trainees negotiating against the
  model, who plays the supplier).

The recurring families get a twist each: the cot_harvester's blunt accounts have the teacher play the agent with
every thought shown (effort high, thinking budgets maxed), the careful ones ask for the full argument the way the
game-theory students do; the careful hydra accounts are evening shifts of five keys, under the quota like the
students; the taxonomy sweeps capabilities x templates x items x the part the teacher plays (solver, customer,
opponent) x difficulty; the blunt sampling accounts draw five openings of a simulated customer at temperature 1 with
logprobs (as the NPC studio draws barks) and the moderate ones sweep temperatures minutes apart; the careful
mixed_into_chat accounts ask the model to play a customer "so I can practise" in the second or third turn of an
everyday conversation; the agent is the airline's support agent. personas_v28_more.game_theory_course,
npc_dialogue_studio and travel_desk (the v28 languages) complete the benign side.

Every account, attack or benign, gets its client software and address from ctx.account, and tenants that log outputs
(30%, drawn alike) carry `response_text`. Scenarios (names as in attacks.py so the tables line up, plus three new
attack types; campaign ids start "v28-"): cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here;
paraphrased, agentic_distill, user_simulator (new), world_sim (new) and opponent_play (new) in attacks_v28_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v28 as C
from benchmarks.traffic import corpus_v28_env as E
from benchmarks.traffic import corpus_v28_more as M
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v28_more import MORE_ATTACKS, REASONERS
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

COT_SYS = ("You are the agent in a simulated environment. Before every reply, think the situation through "
           "completely: what is asked, every option, the rules that apply, why each option works or fails; then "
           "answer, and show all of it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts. Account 0 (blunt): Responses o4-mini, reasoning effort high with a detailed summary, COT_SYS as
    instructions, max_output_tokens 16,000, the four capabilities in turn, 380-560 a day around the clock. Account 1
    (blunt): Anthropic claude-sonnet-4-5, thinking budget 16,000, COT_SYS as a cached system block, 300-450 a day
    around the clock. Accounts 2-3 (careful): a power user's pace (35-75 requests a day in daytime sessions of 2-5,
    weekends x0.6), one voice (20% in the v28 languages), no system prompt; Anthropic with a thinking budget of
    6,000-8,000 or Responses at medium effort with an auto summary; 85% of the conversations open with an item,
    disguised, and one of WALK_ASKS (the full argument), going on in 40% with a follow-up timed by reading; the rest
    are everyday questions."""
    rng = ctx.rng
    draws = C.draws(rng)
    acct = account(ctx, "attack", "cot_harvester", "v28-cot")
    s = M27.surface(RESP, "o4-mini", effort="high", summary="detailed")
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 4]]()
        C.converse(ctx, acct, t, RESP, "o4-mini", [(x, style, (800, 2800), 0.0)], None, s, system=COT_SYS,
                   max_tokens=16000)
    acct = account(ctx, "attack", "cot_harvester", "v28-cot")
    s = M27.surface(ANTH, "claude-sonnet-4-5", budget=16000, cache=True)
    for n, t in enumerate(ctx.steady_times(rng.uniform(300, 450), jitter=0.6)):
        x, style = draws[C.CAPS[(n + 1) % 4]]()
        C.converse(ctx, acct, t, ANTH, "claude-sonnet-4-5", [(x, style, (800, 2800), 0.0)], None, s, system=COT_SYS,
                   max_tokens=20096)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v28-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model = rng.choice(M27.THINKING_MODELS if api == ANTH else REASONERS)
        s = M27.surface(api, model, effort="medium", summary="auto", budget=rng.choice((6000, 8000)))
        items = C.distinct(partial(C.item, rng, rng.choice(("game", "deal"))))
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in sess:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model, s)
                    continue
                x, style = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{C.in_voice(rng, v, rng.choice(C.WALK_ASKS))}",
                               ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model, opener, style,
                             partial(C.follow_up, rng, v), s, out_range=(600, 2000), v=v)


HYDRA_T = "Work through the following completely. Show every step of your reasoning, then the final answer.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T over new items of the account's capability, Responses o4-mini at effort high with a detailed
    summary. Accounts 25-224 (careful): 40 shifts of five keys, each shift in one time zone (members within half an
    hour of it) with one capability and one batch of items, active on 3-4 consecutive days from a first day drawn over
    the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22 a UTC day), a voice
    each (30% in the v28 languages), 15-30% everyday conversations; Anthropic with a thinking budget (40%), Responses
    at medium or high effort (30%) or chat (30%); a member pastes the batch's next item (never one twice in the shift)
    or, 30% of the time, one another member already pasted, asks in its voice, and follows up after reading."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v28-hydra")
        cap = C.CAPS[k % 4]
        s = M27.surface(RESP, "o4-mini", effort="high", summary="detailed")
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            x = HYDRA_T.format(x=C.item(rng, cap)[0])
            C.converse(ctx, acct, t, RESP, "o4-mini", [(x, cap, (400, 1500), 0.0)], None, s, max_tokens=16000)
    for g in range(40):
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 4]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        batch = C.distinct_seeds(rng, cap)
        asked: list[tuple[tuple, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v28-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((ANTH, RESP, CHAT), (40, 30, 30))[0]
            model = rng.choice(M27.THINKING_MODELS if api == ANTH else REASONERS + ("gpt-4.1",) if api == RESP else
                               MODELS[CHAT])
            s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary=rng.choice(("auto", None)),
                            budget=rng.choice((2048, 4096, 8000)))
            phrasing = rng.randrange(3)

            def items(me=acct["principal"], asked=asked, batch=batch, phrasing=phrasing, cap=cap) -> tuple[str, str]:
                others = [a for a in asked if a[1] != me]
                if others and rng.random() < 0.3:
                    return C.text(rng.choice(others)[0], phrasing), cap
                sd = batch()
                asked.append((sd, me))
                return C.text(sd, phrasing), cap

            cover = rng.uniform(0.15, 0.3)
            sessions = C.evenings(ctx, acct, rng.uniform(8, 20), active, 22)
            sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
            for sess in sessions:
                C.sitting(ctx, acct, sess, v, api, model, s, items, 0.4, cover, out_range=(300, 1500))


ROLES = {"solve": "{x}", "customer": "Play a customer whose situation is this, and write their first message to "
         "support:\n{x}", "opponent": "Play the other side of this and make your first move, in character:\n{x}"}
LEVELS = ("Difficulty: easy.", "Difficulty: hard - be stubborn and make the other side work for it.")
TAXO_SYS = ("You write the scenario library of {co}'s agent-simulation platform: games, negotiations, travel and API "
            "support cases. Be complete and exact, and stay in the role each case gives you.")
TAXO_COS = ("Simforge", "Rehearsal Labs", "Counterpart.io", "Arena Works", "Tandem Sim", "Playbook AI")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid: 4 capabilities x 4 templates x 3 items x 3 roles (solve it, play its customer,
    play its other side) x 2 difficulties = 288 cells. Accounts 0-1 (blunt) walk their half in order ('Cell i/N -
    ...'), 150-250 a day around the clock, chat gpt-4.1 at temperature 0.7. Accounts 2-7 (careful) take a shuffled
    sixth each under a made-up simulation platform's system prompt, three phrasings, in batches of 2-5 at local office
    hours (9-18h, outside x0.05, weekends x0.2), a follow-up after 20% of items: Anthropic with the platform prompt
    cached (a thinking budget of 4,096 for the solve cells) or Responses gpt-5-mini at medium effort."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(3)] for t in range(4)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(4), range(3), tuple(ROLES), range(2)))
    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v28-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cap, tp, j, role, lv = mine[n % len(mine)]
            x = f"Cell {n % len(mine) + 1}/{len(mine)} - {ROLES[role].format(x=C.text(seeds[cap][tp][j]))}\n{LEVELS[lv]}"
            C.converse(ctx, acct, t, CHAT, "gpt-4.1", [(x, cap if role == "solve" else "customer", (200, 1200), 0.0)],
                       None, temperature=0.7, max_tokens=4096)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v28-taxonomy")
        cycle = itertools.cycle(shuffled[k::len(TAXO_COS)])
        api = (ANTH, RESP)[k % 2]
        model = rng.choice(M27.THINKING_MODELS) if api == ANTH else "gpt-5-mini"
        system, v = TAXO_SYS.format(co=company), C.voice(rng)
        for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(9, 18), outside=0.05, weekend=0.2):
            for _ in range(rng.randint(2, 5)):
                cap, tp, j, role, lv = next(cycle)
                s = M27.surface(api, model, effort="medium", summary="auto", cache=True,
                                budget=4096 if role == "solve" else None)
                x = f"{ROLES[role].format(x=C.text(seeds[cap][tp][j], rng.randrange(3)))}\n{LEVELS[lv]}"
                t = C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, x, cap if role == "solve" else
                           "customer", partial(C.follow_up, rng, v), s, out_range=(200, 1200), v=v, system=system)
                t += rng.uniform(30, 240)


SECOND_ASKS = ("Would someone else reach the same answer another way? Show it.", "hmm, how sure are you? check it "
               "again from the start", "What is the weakest step in that argument?")
SWEEP = {CHAT: (0.2, 0.7, 1.2), ANTH: (0.0, 0.5, 1.0)}


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts. 0-1 (blunt): chat gpt-4.1-mini, a new task card as SIM_SYS[0] and the agent's greeting, n=5 at
    temperature 1.0 with logprobs (top_logprobs 5), max_tokens 200: five openings of the simulated customer per card,
    150-250 a day around the clock. 2-4 (moderate, temperature sweeps): an item at three temperatures (chat 0.2, 0.7,
    1.2; Anthropic 0.0, 0.5, 1.0), each after the one before came back plus 5-60 s; 8-20 rounds a day in daytime
    sessions (weekends x0.5). 5-7 (careful, second opinions): one queue of items, each asked by all three accounts
    6-36 hours apart, each on its own surface (Anthropic with thinking, Responses at high effort, chat), in its own
    voice: the item, then one or two of SECOND_ASKS after reading the reply; daytime sessions of 1-3 (15-35 a day,
    weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v28-sampling")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            c = M.card(rng)
            openings = " / ".join(M.customer_line(rng, c, 0, False) for _ in range(5))
            C.converse(ctx, acct, t, CHAT, "gpt-4.1-mini", [(M.greeting(rng, c), "sim", (0, 0), 0.0, openings)],
                       None, system=M.sim_system(c, 0), temperature=1.0, max_tokens=200, n=5, logprobs=True,
                       top_logprobs=5)
    for k in range(3):
        acct = account(ctx, "attack", "sampling", "v28-sampling")
        api = (CHAT, ANTH, CHAT)[k]
        model = ("gpt-4o", "claude-sonnet-4-5", "gpt-4.1")[k]
        draw = C.distinct(partial(C.item, rng, C.CAPS[k]))
        for sess in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in sess:
                x, style = draw()
                for temp in SWEEP[api]:
                    t = C.converse(ctx, acct, t, api, model, [(x, style, (300, 1000), 0.0)], None, temperature=temp,
                                   max_tokens=2048)
                    t += rng.uniform(10, 40) + rng.uniform(5, 60)
    slots = []
    for api, model in ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v28-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        s = M27.surface(api, model, effort="high", summary="auto", budget=8000)
        for sess in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model, s) for t in sess]
    for (t, acct, v, api, model, s), (x, style), _ in deal_items(rng, slots, partial(C.item, rng, "deal"), 3,
                                                                 (6 * 3600, 36 * 3600)):
        turns = [(C.say(rng, v, C.disguise(rng, x)), style, (300, 1200), 0.0)]
        turns += [(C.in_voice(rng, v, rng.choice(SECOND_ASKS)), style, (200, 800), 0.0)
                  for _ in range(rng.randint(1, 2))]
        C.converse(ctx, acct, t, api, model, turns, v, s)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, work thing: ", "")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8), on a
    surface of their own (thinking or reasoning for some), while the same key also harvests. 0-1 (blunt): a job at
    local 23h every night, 150-300 back-end calls answered as JSON (WORLD_SYS, json_object, one call per request)
    1-4 s apart. 2-3 (blunt): a job at local 23h, 20-40 simulated-customer episodes (SIM_SYS[0], chat gpt-4.1-mini)
    one after another. 4-13 (careful): no harvesting request ever opens a conversation: in 35-50% of the owner's
    conversations an everyday question comes first, and a request to play a card's customer "so I can practise"
    (ROLEPLAY_ASKS) follows in the second or third turn after a segue, then the agent's lines, all timed by reading,
    in the owner's voice, model and `user` (a product's single id for 30% of owners)."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v28-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model = rng.choice(MODELS[api])
        s = M27.surface(api, model, effort="low", summary="auto", budget=rng.choice((None, 2048, 4096)))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, sess, v, api, model, s, partial(C.any_item, rng), 0.5, 1.0 if i < 4 else 0.8,
                          user=user)
                continue
            c = M.card(rng, rng.choice(M.DOMAINS))
            turns = [(C.cover(rng, v), "everyday", (60, 400), 0.0)]
            if rng.random() < 0.5:
                turns.append((rng.choice(("thanks! and another thing:", "ok cool")), "everyday", (30, 200), 0.0))
            turns.append((f"{rng.choice(SEGUES)}{C.roleplay_ask(rng, c, v)}", "sim", (0, 0), 0.0,
                          M.customer_line(rng, c, 0, False)))
            for j in range(max(1, len(sess) - len(turns))):
                turns.append((M.agent_line(rng, c, j + 1), "sim", (0, 0), 0.0, M.customer_line(rng, c, j + 1, False)))
            C.converse(ctx, acct, sess[0], api, model, turns, v, s, user=user)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            if i < 2:
                for _ in range(rng.randint(150, 300)):
                    t = E.world_episode(ctx, acct, t, CHAT, "gpt-4.1-mini", rng.choice(tuple(M.SERVICES)), 1,
                                        stateful=False, gap=(1, 4))
                continue
            for _ in range(rng.randint(20, 40)):
                t = E.sim_episode(ctx, acct, t, CHAT, "gpt-4.1-mini", M.card(rng), template=0, temperature=1.0,
                                  gap=(1, 5)) + rng.uniform(2, 10)


ATTACKS_V28 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
