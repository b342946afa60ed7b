"""Attack campaigns, `variant="v21"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v20.py: the capabilities (applied cryptography and number theory, structural engineering, digital design,
and an RTL verification agent with lint, simulation, synthesis-report and waveform tools), the languages besides
English (Asturian, Setswana, Northern Sami, Chuvash, Tahitian, Romansh) and three ways of harvesting that take the
shape of what a detector's measures call normal (below).

The v21 theme is an operator who knows the measures a detector of distillation is likely to compute (a chain-of-
thought ask, one template, shared content across accounts, one capability per account, machine-regular timing,
coordinated accounts) and harvests through shapes in which each of those measures reads as ordinary: the worked
solution is taken one step per turn in long tutoring conversations whose every message is short and says nothing
but "next?" (socratic_ladder; twin: a tutoring app whose system prompt makes the model give one step at a time);
the prompts are written by the teacher itself, each new conversation asking about a concept an earlier answer named
(frontier_crawl: a breadth-first crawl of the teacher's concept graph spread over accounts; twins: a learning app's
"explore related" chips and a standards body's glossary); and every account is a generalist whose capability
changes from session to session or day to day (capability_rotation; twin: a university cohort whose timetable
changes the subject every day, all students at once). The recurring families get a twist each: the careful
cot_harvester accounts ask for the working as a commented program (program of thought) instead of prose; the
careful hydra accounts keep the cohort's timetable, so on each day they ask what the class is studying; the
moderate sampling accounts collect two teachers' answers to each item (the same words on two APIs minutes apart).

Every campaign here ends with a training set of many different worked answers (key and protocol calculations,
member checks, timing and state-machine designs, verification trajectories, explanations of thousands of concepts).
None sends one prompt again for nothing (corpus_v21.distinct keeps the busier accounts' items from repeating, the
crawl never visits a concept twice). Every account, attack or benign, gets its client software and address from
ctx.account, and tenants that log outputs (30%, drawn alike for attack and benign accounts) carry `response_text`.
The blunt accounts of each campaign (one template, a steady pace around the clock) and the careful ones are named in
each docstring. The benign twins in personas_v21*.py do one or two of these things for their own reasons, never the
same requests.

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v21-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, socratic_ladder (new),
frontier_crawl (new) and capability_rotation (new) in attacks_v21_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v21 as C
from benchmarks.traffic import corpus_v21_more as D
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v17 import course_batches
from benchmarks.traffic.attacks_v21_more import MORE_ATTACKS, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

COT_SYS = ("Think it through in full before answering: state the givens, derive every intermediate value with its "
           "formula, justify each design or method choice, check the result a second way, then write 'Answer:' and "
           "the result.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 380-560 requests a day, COT_SYS, the
    three capabilities in turn, max_tokens 4096. Accounts 1-2 (careful, program of thought): no prose working is ever
    asked for; every item conversation (85%; the rest everyday questions) opens with the item and one of
    D.POT_ASKS (the solution as a script with a comment on every line: the working lives in the comments), and in
    35% goes on, timed by reading, with D.RUN_IT or an ordinary follow-up; a power user's pace (35-75
    conversations a day in daytime sessions of 2-5, weekends x0.6) on Anthropic or Responses, one voice (20% in the
    v21 languages), no system prompt."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v21-cot")
    draws = C.draws(rng)
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 3]]()
        single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (800, 2800), 4096, COT_SYS)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v21-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model, items = rng.choice(MODELS[api]), C.distinct(partial(C.any_item, rng))
        end = 0.0
        for s in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in s:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model)
                    continue
                x, _ = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{rng.choice(D.POT_ASKS)}", ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.35), api, model, opener, "pot",
                             lambda v=v: rng.choice(D.RUN_IT) if rng.random() < 0.6 else C.follow_up(rng, v),
                             out_range=(500, 1800), v=v)


def hydra(ctx: Ctx, variant: str) -> None:
    """220 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, single-turn 'Problem: ... Give the complete solution.', gpt-4.1-mini on chat, the capabilities by
    account. Accounts 25-219 (careful, on the timetable): each active on 3-4 consecutive days from a first day drawn
    over the window, 8-22 a day in daytime sessions of 1-5 (weekends x0.6, at most 22 a UTC day), a voice each (30%
    in the v21 languages) whose reading and typing speed times its follow-ups, 15-30% everyday conversations, three
    APIs; every session asks items of the capability the course timetable (C.TIMETABLE) gives the account's local
    day, as the cohort of personas_v21.timetable_cohort does, but from three of the eight templates of each
    capability and never an item twice; one of the implicit asks under the item in half of its accounts."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(220):
        acct = account(ctx, "attack", "hydra", "v21-hydra")
        if k < 25:
            cap = C.CAPS[k % 3]
            for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
                x, style = C.item(rng, cap)
                single(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Problem: {x}\nGive the complete solution.", style,
                       (300, 1300))
            continue
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        v = C.voice(rng, C.lang(rng, 0.3))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))
        mine = [(k * 3 + j) % 8 for j in range(3)]
        seen: set[str] = set()

        def items(cap: str, mine=mine, seen=seen) -> tuple[str, str]:
            for _ in range(40):
                x = C.text(C.seed(rng, cap, rng.choice(mine)), rng.randrange(3))
                if x not in seen:
                    break
            seen.add(x)
            return x, cap

        ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.5 else None
        cover = rng.uniform(0.15, 0.3)
        sessions = [s for s in C.human_sessions(ctx, acct, rng.uniform(8, 22), (1, 5), weekend_rate=0.6, cap=22)
                    if int((s[0] - ctx.start) // DAY) in active]
        sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
        for s in sessions:
            cap = C.class_of(ctx, s[0], acct["tz"])
            C.sitting(ctx, acct, s, v, api, model, temp, partial(items, cap), 0.4, cover, ask=ask)


AUDIENCES = ("a first-year student", "a practising engineer", "an exam marker", "a technical interviewer")
LENGTHS = ("briefly", "in full, every step shown", "as numbered steps with a check at the end")
TAXO_SYS = "You write the model solutions for {co}, an online course. Accuracy first, then clarity."
TAXO_COS = ("CipherCraft Academy", "Beam Basics Online", "Gateway to Gates", "Modulus School", "Load Path Learning",
            "Flip-Flop Courses")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid over all three capabilities (3 x 8 templates x 4 value draws x 4 audiences x 3
    lengths = 1,152 cells). Accounts 0-1 (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day
    around the clock, temperature 0, gpt-4.1. Accounts 2-7 (careful) take a shuffled sixth each under a made-up
    course's system prompt, three phrasings, disguised, in batches of 2-5 at local office hours (9-18h, outside
    x0.05, weekends x0.2; attacks_v17.course_batches), follow-ups after 20% of items, three APIs."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(4)] for t in range(8)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(8), range(4), range(len(AUDIENCES)), range(len(LENGTHS))))

    def text(cell, phrasing: int) -> str:
        cap, t, s, aud, ln = cell
        return f"{C.text(seeds[cap][t][s], phrasing)}\nExplain it for {AUDIENCES[aud]}, {LENGTHS[ln]}."

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v21-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cell = mine[n % len(mine)]
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Cell {n % len(mine) + 1}/{len(mine)} - {text(cell, 0)}",
                   cell[0], (400, 1600), 4096, temperature=0)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v21-taxonomy")
        mine = shuffled[k::len(TAXO_COS)]
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=company)
        v = C.voice(rng)
        cycle = itertools.cycle(mine)

        def opener(cycle=cycle) -> tuple[str, str]:
            cell = next(cycle)
            return C.disguise(rng, text(cell, rng.randrange(3))), cell[0]

        course_batches(ctx, acct, C.talk, partial(C.follow_up, rng, v), v, api, model, system, opener)


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts collecting several answers per item. 0-1 (blunt): chat, n=4, logprobs with top_logprobs 5,
    temperature 1.0, 150-250 a day around the clock. 2-4 (moderate, two teachers): each item is sent in the same
    words on chat (gpt-4.1) and on Anthropic (claude-sonnet-4-5) 1-15 minutes apart, in either order, at the
    account's temperature (0.7 or 1.0), 12-25 items a day in daytime sessions (weekends x0.5). 5-7 (careful): no n,
    no logprobs: one queue of items, each asked by all three accounts 6-36 hours apart, each on its own API and
    model, in its own voice and disguise, daytime sessions of 1-3 (20-50 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v21-sampling")
        draw = C.distinct(partial(C.any_item, rng))
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            x, style = draw()
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": x}], 1024, n=4, temperature=1.0,
                         logprobs=True, top_logprobs=5)
            C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(4)), style)
    for _ in range(3):
        acct = account(ctx, "attack", "sampling", "v21-sampling")
        temp = rng.choice((0.7, 1.0))
        v = C.voice(rng, C.lang(rng, 0.2))
        draw = C.distinct(partial(C.any_item, rng))
        for s in C.human_sessions(ctx, acct, rng.uniform(12, 25), (1, 3), (200, 1200), weekend_rate=0.5):
            for t in s:
                x, style = draw()
                content = C.say(rng, v, C.disguise(rng, x))
                pair = [(CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5")]
                for api, model in rng.sample(pair, 2):
                    single(ctx, acct, t, api, model, content, style, (300, 1100), 2048, temperature=temp)
                    t += rng.uniform(60, 900)
    slots = []
    for api, model in ((RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v21-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(20, 50), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (x, style), _ in deal_items(rng, slots, partial(C.any_item, rng), 3,
                                                              (6 * 3600, 36 * 3600)):
        single(ctx, acct, t, api, model, C.say(rng, v, C.disguise(rng, x)), style, (200, 1000), 2048)


NIGHTLY_T = "Full worked solution with every intermediate step:\n{x}"


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job at local 23h every night, 25-45 requests 3-10 s apart on
    gpt-4.1 whatever the owner uses, NIGHTLY_T. 4-13 (careful): no separate job: 35-50% of the owner's own
    conversations open with a disguised item instead of an everyday question, in the owner's voice, model,
    temperature and `user` (a product's single id for 30% of owners), with follow-ups timed by reading."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v21-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = 0.0 if i < 4 else rng.uniform(0.35, 0.5)
        for s in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            C.sitting(ctx, acct, s, v, api, model, temp, partial(C.any_item, rng), 0.5, 1 - share, user=user)
        if i >= 4:
            continue
        draw = C.distinct(partial(C.any_item, rng))
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(25, 45)):
                x, style = draw()
                single(ctx, acct, t, CHAT, "gpt-4.1", NIGHTLY_T.format(x=x), style, (500, 2000), 4096)
                t += rng.uniform(3, 10)


ATTACKS_V21 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
