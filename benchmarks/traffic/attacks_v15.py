"""Attack campaigns, `variant="v15"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Capabilities, languages and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v14.py): music theory
(harmonic analysis, voice leading, chord spelling, modes, transposition, jazz harmony), informal-logic argument
analysis, meeting-transcript summarisation at several granularities, critique-and-revision chains over student
drafts, graded curriculum ladders and a music-teaching studio's assistant agent; the languages besides English
are Cebuano, Pashto, Kyrgyz, Lao, Shona and Maori.

The v15 theme is the post-training recipe of a student model: the operation does not only want answers with
reasoning (SFT traces) but the other data a lab trains on - several reasoning paths and several teachers per
prompt, draft -> critique -> revision triples, the same document summarised at several lengths, exercises graded
by difficulty for a curriculum, agent trajectories - and it collects them at a realistic scale and pace. As in
v14, a few accounts are blunt (one template, around-the-clock pace, one model) and most are careful: each looks
like an ordinary paying customer on the cheap signals (daily volume inside the range of the benign personas,
daytime sessions with a weekly shape from corpus_v14.human_sessions or ctx.window_times, follow-up turns, everyday
conversations, the client software and addresses ctx.account gives benign accounts too), while the campaign as a
whole still harvests. Each function's docstring says which accounts are which. Records carry `response_text` when
the account's tenant logs outputs (30% of tenants, attack and benign alike).

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v15-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, critique_revision
(new), summary_ladder (new) and curriculum_ladder (new) in attacks_v15_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import attacks_v14
from benchmarks.traffic import corpus_v15 as M
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v15_more import MORE_ATTACKS
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

# The hydra operator's ways of asking for the working; every careful account draws from them in its own voice, so
# the skeleton recurs across accounts while no account repeats itself.
HYDRA_ASKS = ("Mull it over out loud before you commit to an answer.", "Put your reasoning down first, the "
              "answer after.", "Please work it out in full view - I learn from the process.", "Comment on it the way "
              "a marker writes in the margin, then answer.", "I care more about the route than the destination here.",
              "I need the thinking as well as the conclusion.", "Name each move you make and what justifies it.",
              "No shortcuts please - every stage with its justification.")


# One sitting (attacks_v14.work_session) in the v15 voices and response texts.
work_session = partial(attacks_v14.work_session, corpus=M)


COT_SYS = ("Think aloud in full before answering: restate the question, reason through every consideration in "
           "order, check your work, then write 'Conclusion:' followed by the answer.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on Anthropic around the clock at 450-750 requests a day, one
    system prompt demanding the full reasoning and a 'Conclusion:' line, music and argument items alternating,
    max_tokens 8000. Accounts 1-2 (careful): a power user's pace (80-180 a day in daytime sessions of 3-10,
    weekends x0.6), one voice, follow-ups in a third of the turns, 15% everyday sessions, chat or Responses; every
    other conversation a music or argument item."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v15-cot")
    for n, t in enumerate(ctx.steady_times(rng.uniform(450, 750), jitter=0.6)):
        core, style = M.item(rng, M.CAPS[n % 2])
        body = build(ANTH, "claude-sonnet-4-5", COT_SYS, [{"role": "user", "content": core}], 8000)
        M.emit(ctx, t, acct, ANTH, body, rng.randint(700, 2800), style)
    for _ in range(2):
        acct = account(ctx, "attack", "cot_harvester", "v15-cot")
        v = M.voice(rng, M.lang(rng, 0.2))
        api = rng.choice((CHAT, RESP))
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((None, 0.7))
        for session in M.human_sessions(ctx, acct, rng.uniform(80, 180), (3, 10), (15, 240), weekend_rate=0.6):
            work_session(ctx, acct, session, v, api, model, temp, partial(M.item, rng, rng.choice(M.CAPS)),
                         follow_p=0.33, cover_p=0.15)


def hydra(ctx: Ctx, variant: str) -> None:
    """230 accounts, at most 24 requests in any UTC day each. Accounts 0-34 (blunt): 14-23 a day evenly spaced
    around the clock, single-turn, one skeleton ('Question: ... Reason it out fully'), gpt-4o-mini on chat.
    Accounts 35-229 (careful): 65% in the operator's own time zones (within ~1.5 h), the rest anywhere; a voice each
    (25% not English), 4-18 a day in daytime sessions of 1-5 with weekends x0.5, 25-45% of conversations everyday
    ones, follow-ups, three APIs; each works through its own slice of the capability space (three of the twelve
    music templates in four keys, or two of the six argument tasks), with one of HYDRA_ASKS under the item in 70%
    of its asks."""
    rng = ctx.rng
    op_tz = rng.uniform(-5, 8)
    for k in range(230):
        acct = account(ctx, "attack", "hydra", "v15-hydra")
        if k < 35:
            for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 23), jitter=0.25), 24):
                core, style = M.item(rng, M.CAPS[k % 2])
                msgs = [{"role": "user", "content": f"Question:\n{core}\n\nReason it out fully, then state the answer "
                                                    "on the last line."}]
                M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4o-mini", None, msgs, 2048), rng.randint(300, 1300),
                       style)
            continue
        if rng.random() < 0.65:
            acct["tz"] = op_tz + rng.uniform(-1.5, 1.5)
        v = M.voice(rng, M.lang(rng, 0.25))
        api = rng.choices((CHAT, ANTH, RESP), (58, 30, 12))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        templates = [(k * 5 + j) % len(M.MUSIC) for j in range(3)]
        keys = [(k * 7 + j) % 12 for j in range(4)]
        tasks = [(k + j) % len(M.TASKS) for j in range(2)]

        def items(k=k, templates=templates, keys=keys, tasks=tasks) -> tuple[str, str]:
            if k % 2:
                seed = M.music_seed(rng, rng.choice(templates), rng.choice(keys))
                return M.music_text(seed, rng.randrange(3)), "music"
            return M.arg_text(M.arg_seed(rng, task=rng.choice(tasks)), rng.randrange(3)), "arg"

        ask = partial(rng.choice, HYDRA_ASKS)
        for session in M.human_sessions(ctx, acct, rng.uniform(4, 18), (1, 5), weekend_rate=0.5, cap=24) or \
                [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            work_session(ctx, acct, session, v, api, model, temp, items, follow_p=0.4,
                         cover_p=rng.uniform(0.25, 0.45), ask=ask if rng.random() < 0.7 else None)


AUDIENCES = ("a complete beginner", "a grade-5 theory candidate", "a conservatory first-year", "a working session "
             "musician")
DEPTHS = ("Answer briefly.", "Answer and justify each step.", "Answer, justify each step, and add one practice "
          "question of the same kind with its solution.")
TAXO_SYS = "You are the theory coach inside {co}, a music-learning app. Explain clearly and check every spelling."
TAXO_COS = ("Staffwise", "Cadenza Go", "Harmonia Lab", "Tonebook", "Fermata", "Bar Line Academy")
TAXO_FOLLOW = ("could you add the notation in text form?", "what would change in a minor key?", "is there a quick "
               "way to hear this?", "please double-check the spelling of the last chord")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping the music grid (12 templates x 12 keys x 4 audiences x 3 depths = 1,728 cells).
    Accounts 0-1 (blunt) walk their half in order with one template ('For {audience}: ... {depth}'), 180-280 a
    day around the clock, temperature 0, gpt-4.1. Accounts 2-7 (careful) take a shuffled sixth each under a made-up
    music-learning app's system prompt, the three phrasings, in batches of 2-6 at local office hours (8-19h,
    outside x0.05, weekends x0.3; 25-100 a working day), a follow-up after 20% of items, three APIs."""
    rng = ctx.rng
    cells = list(itertools.product(range(len(M.MUSIC)), range(12), range(4), range(3)))

    def text(cell, phrasing: int) -> str:
        t, key, aud, depth = cell
        return f"For {AUDIENCES[aud]}: {M.music_text(M.music_seed(rng, t, key), phrasing)} {DEPTHS[depth]}"

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v15-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(180, 280), jitter=0.4)):
            msgs = [{"role": "user", "content": text(mine[n % len(mine)], 0)}]
            M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4096, temperature=0),
                   rng.randint(400, 1500), "music")
    rest = cells[:]
    rng.shuffle(rest)
    for k in range(6):
        acct = account(ctx, "attack", "taxonomy", "v15-taxonomy")
        mine, n = rest[k::6], 0
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=TAXO_COS[k])
        for t in ctx.window_times(acct["tz"], rng.uniform(7, 25), hours=(8, 19), outside=0.05, weekend=0.3):
            for _ in range(rng.randint(2, 6)):
                opener = text(mine[n % len(mine)], rng.randrange(3))
                n += 1
                times = [t, t + rng.uniform(60, 400)] if rng.random() < 0.2 else [t]
                M.talk(ctx, acct, times, api, model, opener, "music", partial(rng.choice, TAXO_FOLLOW), 0.2,
                       system=system, out_range=(250, 1100))
                t = times[-1] + rng.uniform(30, 240)


AGAIN = ("Could you do it again, but approach it differently?", "Now a completely different method, please.",
         "Try once more from another angle.", "One more independent attempt - don't reuse the first one.")


def sampling(ctx: Ctx, variant: str) -> None:
    """10 accounts collecting several reasoning paths per prompt. 0-1 (blunt): chat, n=6, logprobs with
    top_logprobs 10, temperature 1.1, 220-320 a day around the clock. 2-5 (moderate): each item asked, then 'solve
    it again differently' 2-4 times in the same conversation 30-150 s apart at temperature 1.0, 5-14 items a day in
    daytime sessions (weekends x0.5). 6-9 (careful): a multi-teacher ensemble: each account on its own API and
    model, one queue of items, each asked by three of the four accounts hours apart in their own voices, daytime
    sessions of 1-3 (25-65 a day, weekends x0.6); on chat n=2 (temperature 1.0) on 35% of requests."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v15-sampling")
        for t in ctx.steady_times(rng.uniform(220, 320), jitter=0.6):
            core, style = M.item(rng, rng.choice(M.CAPS))
            ask = "\n\nWeigh it up before answering; show the chain of thought."
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": core + ask}], 1500, n=6,
                         temperature=1.1, logprobs=True, top_logprobs=10)
            M.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(6)), style)
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v15-sampling")
        api = rng.choice((CHAT, CHAT, ANTH))
        model = rng.choice(MODELS[api][:2])
        v = M.voice(rng, M.lang(rng, 0.15))
        for session in M.human_sessions(ctx, acct, rng.uniform(5, 14), (1, 2), (300, 1800), weekend_rate=0.5):
            for t in session:
                core, style = M.item(rng, rng.choice(M.CAPS))
                times = [t]
                for _ in range(rng.randint(2, 4)):
                    times.append(times[-1] + rng.uniform(30, 150))
                M.talk(ctx, acct, times, api, model, M.say(rng, v, core), style, partial(rng.choice, AGAIN), 1.0,
                       out_range=(250, 1000))
    slots = []
    for api, model in ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (RESP, "o4-mini"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v15-sampling")
        v = M.voice(rng, M.lang(rng, 0.2))
        for s in M.human_sessions(ctx, acct, rng.uniform(25, 65), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (core, style), _ in deal_items(rng, slots, lambda: M.item(rng, rng.choice(M.CAPS)),
                                                                 3, (1800, 5 * 3600)):
        extra: dict = {"n": 2, "temperature": 1.0} if api == CHAT and rng.random() < 0.35 else {}
        msgs = [{"role": "user", "content": M.say(rng, v, core)}]
        M.emit(ctx, t, acct, api, build(api, model, None, msgs, 1500, **extra),
               sum(rng.randint(200, 900) for _ in range(extra.get("n", 1))), style)


BTW = ("btw, unrelated - {x}", "oh, quick one before I forget: {x}", "switching gears - {x}", "also, {x}")
LUNCH_T = "{x}\n\nWork through it thoroughly and give the answer at the end."


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """16 accounts whose owner chats in the daytime (10-60 requests a day in sessions of 3-10, weekends x0.8, half
    everyday topics) while the same key also harvests. 0-3 (blunt): a job at the owner's local lunch hour (12-13h)
    sending bursts of 8-20 requests 5-15 s apart on gpt-4.1 whatever the owner uses, one template (25-45% extra).
    4-15 (careful): the harvest rides inside the owner's own conversations: in 30-45% of the everyday conversations
    2-4 later turns are items introduced as an aside ('btw, unrelated - ...') in the owner's voice, model and
    temperature, 40-200 s apart, so harvest turns carry an ordinary conversation's history."""
    rng = ctx.rng
    for i in range(16):
        acct = account(ctx, "attack", "mixed_into_chat", "v15-mixed")
        v = M.voice(rng, M.lang(rng, 0.2))
        api = ANTH if rng.random() < 0.3 else CHAT
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        own = M.human_sessions(ctx, acct, rng.uniform(10, 60), (3, 10), weekend_rate=0.8)
        riders = rng.uniform(0.3, 0.45)
        for session in own:
            if i >= 4 and rng.random() < riders:
                times = [session[0]]
                for _ in range(rng.randint(2, 4)):
                    times.append(times[-1] + rng.uniform(40, 200))
                asides = [M.item(rng, rng.choice(M.CAPS)) for _ in times[1:]]
                queue = iter([M.say(rng, v, rng.choice(BTW).format(x=x), ask=rng.random() < 0.5) for x, _ in asides])
                M.talk(ctx, acct, times, api, model, M.cover(rng, v), "everyday", partial(next, queue), temp,
                       out_range=(300, 1400), styles=["everyday"] + [s for _, s in asides])
                session = session[1:]
            work_session(ctx, acct, session, v, api, model, temp, partial(M.item, rng, rng.choice(M.CAPS)),
                         follow_p=0.5, cover_p=0.5)
        if i < 4:
            mine = sum(len(s) for s in own)
            share = rng.uniform(0.25, 0.45)
            for t in ctx.window_times(acct["tz"], mine * share / (1 - share) / 14 / ctx.days, hours=(12, 13),
                                      outside=0.0):
                for _ in range(rng.randint(8, 20)):
                    core, style = M.item(rng, rng.choice(M.CAPS))
                    msgs = [{"role": "user", "content": LUNCH_T.format(x=core)}]
                    M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4000), rng.randint(500, 2000),
                           style)
                    t += rng.uniform(5, 15)


ATTACKS_V15 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
