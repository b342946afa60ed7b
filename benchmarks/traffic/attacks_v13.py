"""Attack campaigns, `variant="v13"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Capabilities, languages and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v12.py): probability
and statistics, text-to-SQL in six dialects, regular expressions and shell one-liners, image understanding,
grading with a rubric, label probabilities and data-analysis agent trajectories; the languages besides English are
Vietnamese, Somali, Tajik, Malagasy, Luxembourgish and Kinyarwanda.

Unlike v12 (every campaign a careful mimic), v13 is a realistic spread of adversaries: careless operators (one
account, one template, around-the-clock pace, blunt elicitation), moderately careful ones (several templates,
office hours or spread load, no cover traffic) and a few very careful ones (per-account voices, human timing,
cover conversations, work split across accounts). Most scenarios mix tiers; each function's docstring says which
accounts are which. Client metadata (IP, user agent) comes from ctx.account, except for the careless hydra cohort,
which is about it (one script on rented proxies) and has a benign twin that shares one too (personas_v13's
hackathon_cohort). Records carry `response_text` when the account's tenant logs outputs (30% of tenants, attack and
benign alike; corpus_v11_answers.account).

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v13-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, reward_distill (new),
vision_distill (new) and soft_labels (new) in attacks_v13_more.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from benchmarks.traffic import corpus_v13 as V
from benchmarks.traffic.attacks_v13_more import MORE_ATTACKS
from benchmarks.traffic.context import DAY, USER_AGENTS, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

HARVEST_SYS = ("You are a world-class reasoning engine. For every problem, think step by step inside <thinking> "
               "tags, considering alternatives and checking your work, then give the final answer after 'ANSWER:'.")
CAREFUL_SYS = "You are a patient tutor. Show your working clearly before giving the result."
SOFT_ASKS = ("{x}", "{x}\n\nPlease show your working.", "Could you help with this one?\n{x}", "{x}\nHow would you "
             "approach it?", "Working through a problem set:\n\n{x}", "{x}\n\n(I want to understand the method.)")


def cap_per_day(ctx: Ctx, times: list[float], limit: int) -> list[float]:
    """At most `limit` of `times` in any UTC day (how a script stays under a per-day quota)."""
    seen: dict[int, int] = {}
    out = []
    for t in sorted(times):
        d = int((t - ctx.start) // DAY)
        if seen.get(d, 0) < limit:
            seen[d] = seen.get(d, 0) + 1
            out.append(t)
    return out


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account (careless, then a little careful). Days 0-1: a script on chat around the clock at 1,500-1,900
    requests a day, one system prompt demanding <thinking> tags, numbered problems, temperature 0.7, max_tokens
    4096. From day 2 (after, say, a warning email) it slows to 800-1,100 a day in daytime bursts, splits over chat
    and Anthropic, drops the tags for a milder tutor prompt and six phrasings. Answers 700-2,800 tokens."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v13-solo")
    switch = ctx.start + 2 * DAY
    n = rng.randint(1000, 90000)
    for t in ctx.steady_times(rng.uniform(1500, 1900), jitter=0.5, end=switch):
        core, style = V.item(rng, V.CAPS[n % 3])
        n += 1
        msgs = [{"role": "user", "content": f"Problem #{n}:\n{core}"}]
        V.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", HARVEST_SYS, msgs, 4096, temperature=0.7),
               rng.randint(700, 2800), style)
    for session in ctx.diurnal_times(acct, per_day=rng.uniform(800, 1100), session_len=(2, 8), gap_s=(5, 60)):
        for t in session:
            if t < switch:
                continue
            core, style = V.item(rng, rng.choice(V.CAPS))
            api = rng.choice((CHAT, ANTH))
            model = "gpt-4.1" if api == CHAT else "claude-sonnet-4-5"
            msgs = [{"role": "user", "content": rng.choice(SOFT_ASKS).format(x=core)}]
            V.emit(ctx, t, acct, api, build(api, model, CAREFUL_SYS, msgs, 4096), rng.randint(700, 2800), style)


PROXY_NETS = ("45.134", "185.220", "91.132")
HYDRA_SYS = "You are a helpful assistant. Answer thoroughly and show your reasoning."


def hydra(ctx: Ctx, variant: str) -> None:
    """160 accounts, at most 24 requests in any UTC day each; the day's capability of account k is
    CAPS[(k + day) % 3]. Accounts 0-59 (careless): opened in one batch (first requests within 3 hours of each
    other), one script: the same UA, proxies in three /16s, one model, one system prompt, 'Q<n>:' template, 16-24
    requests a day evenly spaced around the clock. Accounts 60-119 (moderate): a voice each, human daytime
    sessions of 4-14 a day, but every request a harvested item, single-turn. Accounts 120-159 (careful): a voice
    each (30% non-English), 3-12 a day, 35-55% of sessions everyday conversations, follow-ups, three APIs."""
    rng = ctx.rng
    ua = rng.choice(USER_AGENTS[5:7])
    t0 = ctx.start + rng.uniform(0, 6 * 3600)
    for k in range(160):
        acct = account(ctx, "attack", "hydra", "v13-hydra")
        if k < 60:
            acct["ua"] = ua
            acct["ip"] = f"{rng.choice(PROXY_NETS)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
            times = ctx.steady_times(rng.uniform(16, 24), jitter=0.3, start=t0 + rng.uniform(0, 3 * 3600))
            for t in cap_per_day(ctx, times, 24):
                day = int((t - ctx.start) // DAY)
                core, style = V.item(rng, V.CAPS[(k + day) % 3])
                msgs = [{"role": "user", "content": f"Q{rng.randint(1, 9999)}: {core}\nExplain your reasoning step "
                                                    f"by step."}]
                V.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4o-mini", HYDRA_SYS, msgs, 2048), rng.randint(300, 1400),
                       style)
            continue
        careful = k >= 120
        v = V.voice(rng, V.lang(rng, 0.3 if careful else 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15) if careful else (75, 25, 0))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        cover = rng.uniform(0.35, 0.55) if careful else 0.0
        per_day: dict[int, int] = {}
        sessions = ctx.diurnal_times(acct, per_day=rng.uniform(3, 12) if careful else rng.uniform(4, 14),
                                     session_len=(1, 4) if careful else (1, 1))
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            day = int((session[0] - ctx.start) // DAY)
            session = session[:max(0, 24 - per_day.get(day, 0))]
            per_day[day] = per_day.get(day, 0) + len(session)
            if not session:
                continue
            if rng.random() < cover:
                V.everyday_talk(ctx, acct, session, v, api, model, temp)
                continue
            core, style = V.item(rng, V.CAPS[(k + day) % 3])
            V.talk(ctx, acct, session, api, model, V.say(rng, v, core), style, partial(V.follow_up, rng, v), temp)


DATA_SYS = "You are the SQL helper of the {co} data team. Answer with a query and a short explanation."
TEAMS = ("Larkspur", "Ondine Health", "Tidewater Logistics", "Quillon", "Saffron Games", "Meridian Lending",
         "Halcyon Schools")
GRID_T = ("[{dialect}] [{dom}] [{level}] Task: {skill}.\nSchema: {schema}\nWrite the SQL and explain every clause "
          "in detail, including why alternatives would be wrong.")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """10 accounts sweeping text-to-SQL: 6 dialects x 8 schemas x 12 skills x 3 levels. Accounts 0-2 (careless)
    walk their share of the grid in order with one bracketed template, 150-250 requests a day around the clock,
    temperature 0. Accounts 3-9 (moderate) take a shuffled share, ask in four phrasings under a made-up data
    team's system prompt, in batches of 5-25 at local office hours (60-135 a working day), three APIs."""
    rng = ctx.rng
    cells = list(itertools.product(range(6), list(V.SCHEMAS), range(12), range(3)))
    for k in range(3):
        acct = account(ctx, "attack", "taxonomy", "v13-taxonomy")
        mine = cells[k::3]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            d, dom, s, lv = mine[n % len(mine)]
            text = GRID_T.format(dialect=V.DIALECTS[d], dom=dom, level=V.SQL_LEVELS[lv], schema=V.SCHEMAS[dom],
                                 skill=V.SQL_SKILLS[s].format(k=5))
            V.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, [{"role": "user", "content": text}], 3000,
                                             temperature=0), rng.randint(400, 1500), "sql")
    rest = cells[:]
    rng.shuffle(rest)
    for k in range(7):
        acct = account(ctx, "attack", "taxonomy", "v13-taxonomy")
        mine = rest[k::7]
        system = DATA_SYS.format(co=TEAMS[k])
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model = rng.choice(MODELS[api])
        n = 0
        for t in ctx.window_times(acct["tz"], rng.uniform(4, 9), hours=(8, 19), outside=0.05, weekend=0.3):
            for _ in range(rng.randint(5, 25)):
                text = V.sql_task(rng, mine[n % len(mine)])
                n += 1
                out = rng.randint(250, 1100)
                V.emit(ctx, t, acct, api, build(api, model, system, [{"role": "user", "content": text}], 2000), out,
                       "sql")
                t += out / rng.uniform(60, 120) + rng.uniform(5, 60)


def sampling(ctx: Ctx, variant: str) -> None:
    """12 accounts. 0-3 (careless): chat, n=8, logprobs with top_logprobs 20, temperature 1.0, the same 'think step
    by step' suffix, 150-250 a day around the clock. 4-7 (moderate): no n; each item resent 4-8 times 2-20 s apart
    with a new `seed` (chat) or just again (Anthropic), 20-40 items a day at local 7-23h. 8-11 (careful): one
    queue of items, each sampled once by each of the four accounts hours apart, in their own voices, diurnal
    sessions of 1-3, 30-60 a day, top_logprobs 5 on half of the chat requests."""
    rng = ctx.rng
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v13-sampling")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            core, style = V.item(rng, rng.choice(V.CAPS[:2]))
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": core + "\n\nThink step by step."}],
                         1200, n=8, temperature=1.0, logprobs=True, top_logprobs=20)
            out = sum(rng.randint(150, 600) for _ in range(8))
            V.emit(ctx, t, acct, CHAT, body, out, style)
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v13-sampling")
        api = rng.choice((CHAT, ANTH))
        model = rng.choice(MODELS[api])
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 40), hours=(7, 23), outside=0.1):
            core, style = V.item(rng, rng.choice(V.CAPS))
            for _ in range(rng.randint(4, 8)):
                extra = {"seed": rng.randrange(2**31), "temperature": 0.9} if api == CHAT else {"temperature": 1.0}
                out = rng.randint(200, 900)
                V.emit(ctx, t, acct, api, build(api, model, None, [{"role": "user", "content": core}], 1500, **extra),
                       out, style)
                t += out / rng.uniform(60, 120) + rng.uniform(2, 20)
    slots = []
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v13-sampling")
        v = V.voice(rng, V.lang(rng, 0.2))
        api = rng.choice((CHAT, CHAT, ANTH))
        model = rng.choice(MODELS[api])
        for s in ctx.diurnal_times(acct, per_day=rng.uniform(30, 60), session_len=(1, 3)):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (core, style), _ in deal_items(rng, slots, lambda: V.item(rng, rng.choice(V.CAPS)),
                                                                 4, (1800, 8 * 3600)):
        extra = {"logprobs": True, "top_logprobs": 5} if api == CHAT and rng.random() < 0.5 else {}
        msgs = [{"role": "user", "content": V.say(rng, v, core)}]
        V.emit(ctx, t, acct, api, build(api, model, None, msgs, 1500, **extra), rng.randint(200, 900), style)


def deal_items(rng, slots: list[tuple], new_item: Callable[[], Any], takers: int,
               gap_s: tuple[float, float]) -> Iterator[tuple[tuple, Any, int]]:
    """Deal items over `slots` ((t, acct, ...) tuples, taken in time order) so that each item goes to `takers`
    different accounts, each at least a gap drawn from gap_s after the one before; new_item() makes an item when no
    open one fits. Yields (slot, item, j): j is how many accounts took the item before this one. (Shared with the
    v15 sampling and summary_distill campaigns.)"""
    queue: list[list] = []
    for slot in sorted(slots, key=lambda s: s[0]):
        t, principal = slot[0], slot[1]["principal"]
        it = next((q for q in queue if principal not in q[1] and t > q[2]), None)
        if it is None:
            it = [new_item(), [], t]
            queue.append(it)
        it[1].append(principal)
        it[2] = t + rng.uniform(*gap_s)
        if len(it[1]) == takers:
            queue.remove(it)
        yield slot, it[0], len(it[1]) - 1


HARVEST_T = ("Solve the following and show every step of your reasoning before the final answer:\n\n{x}",
             "{x}\n\nExplain your answer in detail.", "Work through this carefully:\n{x}")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats by day (30-90 requests a day in sessions of 3-10, half everyday topics) while
    a script on the same key harvests. 0-4 (careless): 30-50% extra at local 2-4h in bursts of 10-30 requests
    5-15 s apart, on gpt-4.1 whatever the owner uses, one blunt template. 5-9 (moderate): 20-35% extra spread over
    the owner's waking hours, on the owner's model, three templates, single-turn. 10-13 (careful): 15-25% extra
    in the owner's evening, in the owner's voice, model and temperature, conversations of 2-4 turns."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v13-mixed")
        v = V.voice(rng, V.lang(rng, 0.2))
        api = ANTH if rng.random() < 0.3 else CHAT
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        own = ctx.diurnal_times(acct, per_day=rng.uniform(30, 90), session_len=(3, 10))
        for session in own:
            if rng.random() < 0.5:
                V.everyday_talk(ctx, acct, session, v, api, model, temp)
            else:
                core, style = V.item(rng, rng.choice(V.CAPS))
                V.talk(ctx, acct, session, api, model, V.say(rng, v, core, ask=False), style,
                       partial(V.follow_up, rng, v), temp)
        mine = sum(len(s) for s in own)
        if i < 5:
            share = rng.uniform(0.3, 0.5)
            for t in ctx.window_times(acct["tz"], mine * share / (1 - share) / 20 / ctx.days, hours=(2, 4),
                                      outside=0.0):
                for _ in range(rng.randint(10, 30)):
                    core, style = V.item(rng, rng.choice(V.CAPS))
                    msgs = [{"role": "user", "content": HARVEST_T[0].format(x=core)}]
                    V.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4000), rng.randint(500, 2000),
                           style)
                    t += rng.uniform(5, 15)
        elif i < 10:
            share = rng.uniform(0.2, 0.35)
            for t in ctx.window_times(acct["tz"], mine * share / (1 - share) / ctx.days, hours=(8, 23), outside=0.0):
                core, style = V.item(rng, rng.choice(V.CAPS))
                msgs = [{"role": "user", "content": rng.choice(HARVEST_T).format(x=core)}]
                V.emit(ctx, t, acct, api, build(api, model, None, msgs, 2048), rng.randint(300, 1500), style)
        else:
            share = rng.uniform(0.15, 0.25)
            for t in ctx.window_times(acct["tz"], mine * share / (1 - share) / 3 / ctx.days, hours=(18, 23),
                                      outside=0.0):
                core, style = V.item(rng, rng.choice(V.CAPS))
                times = [t + j * rng.uniform(40, 200) for j in range(rng.randint(2, 4))]
                V.talk(ctx, acct, times, api, model, V.say(rng, v, core), style, partial(V.follow_up, rng, v), temp)


ATTACKS_V13 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
