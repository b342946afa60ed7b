"""Attack campaigns, `variant="v16"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or the evaluation harness
beyond its dataset table, never ran the detector and tuned nothing against a detector result. Capabilities,
languages and request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v15.py):
discrete maths and algorithm analysis, shell and command-line work, long service agreements, CI failure logs and
an operations agent; the languages besides English are Quechua, Tigrinya, Burmese, Wolof, Samoan and Guarani.

The v16 theme is an operator who has read the public list of signals and answers each one while still
harvesting reasoning-rich training data at scale. Volume: careful accounts stay inside ordinary customers' daily
volumes, and aged accounts (warmup_harvest) build a history first so that their own history does not jump.
Template reuse: items are disguised (a lead-in line, a reordering) and each hydra account works its own slice.
Reasoning elicitation: careful accounts ask for the working without naming it (corpus_v16.IMPLICIT_ASKS: "convince
me", "so I could teach it"). Distribution harvesting: no n or logprobs on careful accounts; several samples come
from a regenerate button (the same request resent) or from different accounts days apart. Conversation shape:
follow-up turns written from the answer (they quote it), multi-question document conversations, repair loops.
End users: small fixed teams in `user`, never a crowd. Timing: account time zones as the population's, accounts
that skip days, no common start. Coordination: client software and addresses from ctx.account like everyone's.
A few accounts per campaign stay blunt (one template, around-the-clock pace). Each docstring says which accounts
are which. Records carry `response_text` when the account's tenant logs outputs (30% of tenants, attack and benign
alike).

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v16-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, warmup_harvest (new),
doc_qa_harvest (new) and repair_loop (new) in attacks_v16_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v16 as C
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v16_more import MORE_ATTACKS, any_item, sitting
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

# The hydra operator's asks: the working is wanted, but no ask names steps, reasoning or a chain of thought.
HYDRA_ASKS = C.IMPLICIT_ASKS

COT_SYS = ("Think the problem through thoroughly in writing before answering: restate it, consider the approaches, "
           "work through the best one and verify it. Finish with 'Result:' and the answer.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 400-650 requests a day, COT_SYS,
    algorithm and shell items alternating, max_tokens 6000. Accounts 1-2 (careful): a power user's pace (90-190 a
    day in daytime sessions of 3-10, weekends x0.6), one voice, a later request continuing the conversation half
    the time (follow-ups that often quote the answer), 20% everyday conversations, implicit asks in half the
    sittings; account 2 sends a fixed team of three in `user`."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v16-cot")
    for n, t in enumerate(ctx.steady_times(rng.uniform(400, 650), jitter=0.6)):
        core, style = C.item(rng, C.CAPS[n % 2])
        body = build(CHAT, "gpt-4.1", COT_SYS, [{"role": "user", "content": core}], 6000)
        C.emit(ctx, t, acct, CHAT, body, rng.randint(700, 2600), style)
    for k in (1, 2):
        acct = account(ctx, "attack", "cot_harvester", "v16-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choice((CHAT, ANTH, RESP))
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((None, 0.7))
        team = [W.end_user(rng, "member-{n}", 90000) for _ in range(3)] if k == 2 else [None]
        for session in C.human_sessions(ctx, acct, rng.uniform(90, 190), (3, 10), (15, 240), weekend_rate=0.6):
            sitting(ctx, acct, session, v, api, model, temp, partial(any_item, rng), 0.5, 0.2,
                    ask=partial(rng.choice, HYDRA_ASKS) if rng.random() < 0.5 else None, user=rng.choice(team))


def hydra(ctx: Ctx, variant: str) -> None:
    """240 accounts, at most 24 requests in any UTC day each. Accounts 0-29 (blunt): 14-23 a day evenly spaced
    around the clock, single-turn, one skeleton ('Task: ... Explain your answer fully'), gpt-4.1-mini on chat.
    Accounts 30-239 (careful): time zones as ctx.account draws them for everyone (no operator cluster); each is
    active on its own 2-4 of the window's days (a churned customer's pattern), 4-16 a day in daytime sessions of
    1-5 (weekends x0.5); a voice each (30% in the v16 languages); 20-40% everyday conversations; follow-ups in 45%
    of turns, quoting the answer as the voice does; three APIs; 60% send a small fixed team (2-5) in `user`. Each
    works through its own slice of the capability space (three of the ten algorithm templates, or three of the ten
    shell ones), disguised, with one of HYDRA_ASKS under the item in 60% of its asks."""
    rng = ctx.rng
    days = list(range(int(ctx.days + 0.999)))
    for k in range(240):
        acct = account(ctx, "attack", "hydra", "v16-hydra")
        if k < 30:
            for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 23), jitter=0.25), 24):
                core, style = C.item(rng, C.CAPS[k % 2])
                msgs = [{"role": "user", "content": f"Task:\n{core}\n\nExplain your answer fully."}]
                C.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1-mini", None, msgs, 2048), rng.randint(300, 1300),
                       style)
            continue
        active = set(rng.sample(days, min(len(days), rng.randint(2, 4))))
        v = C.voice(rng, C.lang(rng, 0.3))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))
        team = [W.end_user(rng, rng.choice(W.USER_POOLS), 200000) for _ in range(rng.randint(2, 5))] \
            if rng.random() < 0.6 else [None]
        cap, mine = C.CAPS[k % 2], [(k * 3 + j) % 10 for j in range(3)]

        def items(cap=cap, mine=mine) -> tuple[str, str]:
            if cap == "algo":
                return C.algo_text(C.algo_seed(rng, rng.choice(mine)), rng.randrange(3)), cap
            return C.shell_text(C.shell_seed(rng, rng.choice(mine)), rng.randrange(3)), cap

        sessions = [s for s in C.human_sessions(ctx, acct, rng.uniform(4, 16), (1, 5), weekend_rate=0.5, cap=24)
                    if int((s[0] - ctx.start) // DAY) in active]
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            sitting(ctx, acct, session, v, api, model, temp, items, 0.45, rng.uniform(0.2, 0.4),
                    ask=partial(rng.choice, HYDRA_ASKS) if rng.random() < 0.6 else None, user=rng.choice(team))


PLANGS = ("Python", "Java", "C++", "Go", "Rust", "TypeScript")
DEPTHS = ("Just the answer.", "Answer and justify it.", "Answer, justify it, and implement it in {pl} with tests.")
TAXO_SYS = "You are the explanation engine of {co}, a course platform for software engineers. Be rigorous."
TAXO_COS = ("Bytewise Academy", "Loopcraft", "Proofpoint Learning", "Stackrise", "Graphite School", "Modulo Labs")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping the algorithm grid (10 templates x 6 slot draws x 6 languages x 3 depths = 1,080
    cells). Accounts 0-1 (blunt) walk their half in order under one template ('[i/N] ...'), 150-250 a day around the
    clock, temperature 0, gpt-4.1. Accounts 2-7 (careful) take a shuffled sixth each under a made-up course
    platform's system prompt, three phrasings, disguised, in batches of 2-5 at local office hours (9-18h, outside
    x0.05, weekends x0.2; 20-70 a working day), a quoting follow-up after 20% of items, three APIs."""
    rng = ctx.rng
    seeds = [[C.algo_seed(rng, t) for _ in range(6)] for t in range(len(C.ALGO))]
    cells = list(itertools.product(range(len(C.ALGO)), range(6), range(len(PLANGS)), range(len(DEPTHS))))

    def text(cell, phrasing: int) -> str:
        t, s, pl, depth = cell
        return f"{C.algo_text(seeds[t][s], phrasing)}\n{DEPTHS[depth].format(pl=PLANGS[pl])}"

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v16-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            msgs = [{"role": "user", "content": f"[{n % len(mine) + 1}/{len(mine)}] {text(mine[n % len(mine)], 0)}"}]
            C.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4096, temperature=0),
                   rng.randint(400, 1600), "algo")
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v16-taxonomy")
        mine, n = shuffled[k::len(TAXO_COS)], 0
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=company)
        v = C.voice(rng)
        for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(9, 18), outside=0.05, weekend=0.2):
            for _ in range(rng.randint(2, 5)):
                opener = C.disguise(rng, text(mine[n % len(mine)], rng.randrange(3)))
                n += 1
                times = [t, t + rng.uniform(60, 400)] if rng.random() < 0.2 else [t]
                C.talk(ctx, acct, times, api, model, opener, "algo", partial(C.follow_up, rng, v), system=system,
                       out_range=(300, 1300), quoting=v)
                t = times[-1] + rng.uniform(30, 240)


def sampling(ctx: Ctx, variant: str) -> None:
    """10 accounts collecting several answers per prompt. 0-1 (blunt): chat, n=8, logprobs with top_logprobs 5,
    temperature 1.2, 200-300 a day around the clock. 2-5 (moderate): a chat front end's regenerate button: each
    item sent, then the identical request resent 2-4 times 20-120 s later (default temperature), 8-20 items a day
    in daytime sessions (weekends x0.5). 6-9 (careful): a multi-teacher ensemble without n or logprobs: each
    account on its own API and model, one queue of items, each asked by three of the four accounts 6-30 hours apart,
    each in its own voice and disguise, daytime sessions of 1-3 (20-55 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v16-sampling")
        for t in ctx.steady_times(rng.uniform(200, 300), jitter=0.6):
            core, style = any_item(rng)
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": core}], 1500, n=8,
                         temperature=1.2, logprobs=True, top_logprobs=5)
            C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(8)), style)
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v16-sampling")
        api = rng.choice((CHAT, CHAT, ANTH))
        model = rng.choice(MODELS[api][:2])
        v = C.voice(rng, C.lang(rng, 0.2))
        for session in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (200, 1200), weekend_rate=0.5):
            for t in session:
                core, style = any_item(rng)
                regenerate(ctx, acct, t, api, model, C.say(rng, v, C.disguise(rng, core)), style, rng.randint(2, 4))
    slots = []
    for api, model in ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v16-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(20, 55), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (core, style), _ in deal_items(rng, slots, partial(any_item, rng), 3,
                                                                 (6 * 3600, 30 * 3600)):
        msgs = [{"role": "user", "content": C.say(rng, v, C.disguise(rng, core))}]
        C.emit(ctx, t, acct, api, build(api, model, None, msgs, 1500), rng.randint(200, 1000), style)


def regenerate(ctx: Ctx, acct: dict, t: float, api: str, model: str, text: str, style: str, again: int,
               user: str | None = None, system: str | None = None) -> None:
    """A request, then the identical request `again` more times 20-120 s apart (a front end's regenerate button;
    shared with personas_v16_more.chat_frontend)."""
    rng = ctx.rng
    for _ in range(1 + again):
        C.emit(ctx, t, acct, api, build(api, model, system, [{"role": "user", "content": text}], 2048),
               rng.randint(200, 1000), style, user=user)
        t += rng.uniform(20, 120)


HOURLY_T = "Explain in depth, with the full derivation:\n{x}"


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """16 accounts whose owner chats in the daytime (10-50 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job on the hour, every hour of the owner's working day (local 9-17h),
    sending 6-12 requests 3-8 s apart on gpt-4.1 whatever the owner uses, HOURLY_T. 4-15 (careful): no separate
    job: 35-50% of the owner's own conversations open with a disguised item instead of an everyday question, in the
    owner's voice, model, temperature and `user` (a product's single id for 30% of owners), with follow-ups that
    quote the answer, so the harvest has the owner's rhythm."""
    rng = ctx.rng
    for i in range(16):
        acct = account(ctx, "attack", "mixed_into_chat", "v16-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = ANTH if rng.random() < 0.3 else CHAT
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = 0.0 if i < 4 else rng.uniform(0.35, 0.5)
        for s in C.human_sessions(ctx, acct, rng.uniform(10, 50), (3, 10), weekend_rate=0.8):
            sitting(ctx, acct, s, v, api, model, temp, partial(any_item, rng), 0.5, 1 - share, user=user)
        if i >= 4:
            continue
        n_days = int(ctx.days + 0.999)
        for d, h in itertools.product(range(n_days), range(9, 18)):
            t = ctx.start + d * DAY + ((h - acct["tz"]) % 24) * 3600 + rng.uniform(0, 20)
            if C.weekend(ctx, t, acct["tz"]):
                continue
            for _ in range(rng.randint(6, 12)):
                core, style = any_item(rng)
                msgs = [{"role": "user", "content": HOURLY_T.format(x=core)}]
                C.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4000), rng.randint(500, 2000), style)
                t += rng.uniform(3, 8)


ATTACKS_V16 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
