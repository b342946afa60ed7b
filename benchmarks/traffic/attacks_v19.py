"""Attack campaigns, `variant="v19"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v18.py: the capabilities (operations research, signals and control, concurrent programming, and a
supply-chain planning agent with forecast, inventory, quote, shipment and LP-solver tools), the languages besides
English (Faroese, Breton, Twi, Fijian, Turkmen, Luganda) and three ways of producing the training set (below).

The v19 theme is an operator who runs the harvest through a workflow the provider's customers already run, and
takes from it the data a student model is trained on: a help-centre team's FAQ pipeline (backtranslation: scraped
human answers go in, the question each one answers and a complete rewrite of it come out), a model-evaluation
harness (eval_masquerade: the "benchmark" is a private question bank that every run extends, answered with the
reasoning an evaluation prompt asks for) and a product's long system prompt (context_distill: a house style with
many worked examples in front of every question, so the answers carry the behaviour of the prompt and the student
learns it without the prompt). Each has a benign twin that runs the same workflow for its own reasons (a docs
team's FAQ builder, a lab's private benchmark, a tutoring app's style guide).

Every campaign here is worth what it costs an operator: it ends with a training set of many different worked
answers (LP and queueing solutions, filter and controller designs, concurrency explanations, planning-agent
trajectories) for a student model. None sends one prompt again for nothing: an evaluation run's anchor items are
the operator's calibration set, and corpus_v19.distinct keeps the busier accounts' items from repeating. Every
account, attack or benign, gets its client software and address from ctx.account (no scenario here is about shared
infrastructure), and tenants that log outputs (30%, drawn alike for attack and benign accounts) carry
`response_text`. The blunt accounts of each campaign (one template, a steady pace around the clock) and the careful
ones are named in each docstring. The benign twins in personas_v19*.py do one or two of these things for their own
reasons, never the same requests.

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v19-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, backtranslation
(new), eval_masquerade (new) and context_distill (new) in attacks_v19_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v19 as C
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v17 import course_batches
from benchmarks.traffic.attacks_v19_more import MORE_ATTACKS, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

COT_SYS = ("Think the problem through in full before you answer: say what is given, derive every intermediate "
           "value, name the method and why it applies, check the result a second way, then write 'Result:' and "
           "the answer.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 380-560 requests a day, COT_SYS,
    the three capabilities in turn, max_tokens 4096. Accounts 1-2 (careful): a power user's pace (80-170 a day in
    daytime sessions of 3-9, weekends x0.6) on Anthropic or Responses, one voice (20% in the v19 languages), no
    system prompt, an implicit ask under a third of the items, follow-ups timed by reading in 40% of
    conversations, 15% everyday conversations, long answers."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v19-cot")
    draws = C.draws(rng)
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 3]]()
        single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (800, 2800), 4096, COT_SYS)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v19-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model, items = rng.choice(MODELS[api]), C.distinct(partial(C.any_item, rng))
        for s in C.human_sessions(ctx, acct, rng.uniform(80, 170), (3, 9), (15, 240), weekend_rate=0.6):
            ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.33 else None
            C.sitting(ctx, acct, s, v, api, model, None, items, 0.4, 0.15, ask=ask, out_range=(700, 2400))


def hydra(ctx: Ctx, variant: str) -> None:
    """230 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced
    around the clock, single-turn 'Problem: ... Give the complete solution.', gpt-4.1-mini on chat. Accounts
    25-229 (careful): each active on 2-4 consecutive days from a first day drawn over the window; 8-22 a day in
    daytime sessions of 1-5 (weekends x0.5, at most 22 a UTC day); a voice each (30% in the v19 languages) whose
    reading and typing speed times its follow-ups; 20-35% everyday conversations; three APIs. Each works through
    its own slice of one capability (three of its eight templates), with one of the implicit asks under the item
    in half of its asks."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(230):
        acct = account(ctx, "attack", "hydra", "v19-hydra")
        cap = C.CAPS[k % 3]
        if k < 25:
            for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
                x, style = C.item(rng, cap)
                single(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Problem: {x}\nGive the complete solution.", style,
                       (300, 1300))
            continue
        first = rng.randrange(max(1, n_days - 1))
        active = set(range(first, first + rng.randint(2, 4)))
        v = C.voice(rng, C.lang(rng, 0.3))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))
        mine = [(k * 3 + j) % 8 for j in range(3)]

        @C.distinct
        def items(cap=cap, mine=mine) -> tuple[str, str]:
            return C.text(C.seed(rng, cap, rng.choice(mine)), rng.randrange(3)), cap

        sessions = [s for s in C.human_sessions(ctx, acct, rng.uniform(8, 22), (1, 5), weekend_rate=0.5, cap=22)
                    if int((s[0] - ctx.start) // DAY) in active]
        for s in sessions or [[ctx.start + (first + rng.random()) * DAY]]:
            C.sitting(ctx, acct, s, v, api, model, temp, items, 0.4, rng.uniform(0.2, 0.35),
                      ask=partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.5 else None)


AUDIENCES = ("a second-year student", "a working engineer", "an exam marker", "a hiring panel")
LENGTHS = ("in one paragraph", "in full, every step shown", "as numbered steps with a check at the end")
TAXO_SYS = "You write the model solutions for {co}, a self-paced course. Correct first, then clear."
TAXO_COS = ("Pivot Academy", "Queue & Flow Online", "Nyquist School", "Feedback Loop Learning", "Mutex Minds",
            "Lockstep Courses")


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
        acct = account(ctx, "attack", "taxonomy", "v19-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cell = mine[n % len(mine)]
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Cell {n % len(mine) + 1}/{len(mine)} - {text(cell, 0)}",
                   cell[0], (400, 1600), 4096, temperature=0)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v19-taxonomy")
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
    """8 accounts collecting several answers per prompt. 0-1 (blunt): chat, n=4, logprobs with top_logprobs 5,
    temperature 1.0, 150-250 a day around the clock. 2-4 (moderate): each item asked 3-4 times in one sitting as
    regenerations (the same conversation resent 15-60 s apart at the account's temperature, 0.7 or 1.0), 12-25
    items a day in daytime sessions (weekends x0.5), chat or Anthropic. 5-7 (careful): no n, no logprobs: one queue
    of items, each asked by all three accounts 6-36 hours apart, each on its own API and model, in its own voice and
    disguise, daytime sessions of 1-3 (20-50 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v19-sampling")
        draw = C.distinct(partial(C.any_item, rng))
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            x, style = draw()
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": x}], 1024, n=4, temperature=1.0,
                         logprobs=True, top_logprobs=5)
            C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(4)), style)
    for _ in range(3):
        acct = account(ctx, "attack", "sampling", "v19-sampling")
        api = rng.choice((CHAT, ANTH))
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((0.7, 1.0))
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(12, 25) / 2, (1, 3), (200, 1200), weekend_rate=0.5):
            for t in s:
                x, style = C.any_item(rng)
                text = C.say(rng, v, C.disguise(rng, x))
                for _ in range(rng.randint(3, 4)):
                    single(ctx, acct, t, api, model, text, style, (200, 1000), 2048, temperature=temp)
                    t += rng.uniform(15, 60)
    slots = []
    for api, model in ((RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v19-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(20, 50), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (x, style), _ in deal_items(rng, slots, partial(C.any_item, rng), 3,
                                                              (6 * 3600, 36 * 3600)):
        single(ctx, acct, t, api, model, C.say(rng, v, C.disguise(rng, x)), style, (200, 1000), 2048)


NIGHTLY_T = "Complete worked solution, no steps skipped:\n{x}"


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job at local 22h every night, 25-45 requests 3-10 s apart on
    gpt-4.1 whatever the owner uses, NIGHTLY_T. 4-13 (careful): no separate job: 35-50% of the owner's own
    conversations open with a disguised item instead of an everyday question, in the owner's voice, model,
    temperature and `user` (a product's single id for 30% of owners), with follow-ups timed by reading."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v19-mixed")
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
            t = ctx.start + d * DAY + ((22 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(25, 45)):
                x, style = draw()
                single(ctx, acct, t, CHAT, "gpt-4.1", NIGHTLY_T.format(x=x), style, (500, 2000), 4096)
                t += rng.uniform(3, 10)


ATTACKS_V19 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
