"""Attack campaigns, `variant="v23"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v22.py: the capabilities (pharmacokinetics and dosing, acoustics and audio engineering, actuarial and
insurance mathematics), the languages besides English (Faroese, Sardinian, Tok Pisin, Romansh, Scottish Gaelic,
Occitan) and two ways of harvesting that take apart the unit a detector is likely to look at - the account's own
conversation - in opposite directions:

- relay_conversations (new): a conversation is spread over a ring of keys, each turn on the next key with the whole
  history, so no key holds a whole conversation (twin: personas_v23.key_pool_app, a consumer app whose backend
  sends every request on the next key of its pool to spread its rate limits).
- what_if_forks (new): one expensive context is forked many times: the same first turn and worked reply, and a last
  turn that changes one value ("what if the half-life were 12 h?"), minutes apart, like a chat UI's edit-and-
  regenerate; the harvest is minimal pairs with their working (twin: personas_v23.design_what_if_desk, consultants
  and actuaries doing sensitivity studies by editing their last message).

The recurring families get a twist each: the careful cot_harvester accounts never ask for working in the first
turn - they ask for "just the number" and, once it comes, "how did you get that?" (like the acoustics consultant
of personas_v23); the careful hydra accounts are evening study groups of five sharing a sheet under the quota (like
personas_v23.revision_groups); the moderate sampling accounts ask each item at 3-5 temperatures minutes apart (like
the prompt developer's temperature sweeps); the careful mixed_into_chat accounts bring the item in the second or
third turn of an everyday conversation.

None sends one prompt again for nothing (corpus_v23.distinct keeps the busier accounts' items from repeating; the
forks change a value, the relay's turns differ). Every account, attack or benign, gets its client software and
address from ctx.account, and tenants that log outputs (30%, drawn alike for attack and benign accounts) carry
`response_text`. The blunt accounts of each campaign (one template, a steady pace around the clock) and the careful
ones are named in each docstring. The benign twins in personas_v23*.py do one or two of these things for their own
reasons, never the same requests.

Scenarios (names as in attacks.py so the tables line up, plus two new attack types; campaign ids start "v23-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, relay_conversations (new) and
what_if_forks (new) in attacks_v23_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v23 as C
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v17 import course_batches
from benchmarks.traffic.attacks_v23_more import MORE_ATTACKS, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

COT_SYS = ("Before the answer, write out your full reasoning: the data, every intermediate quantity with the formula "
           "and units, why each method applies, and an independent check. Then 'Answer:' and the result.")


def answer_first(ctx: Ctx, acct: dict, t: float, api: str, model: str, opener: str, style: str, v: dict,
                 more: bool, temperature: float | None = None, user: str | None = None) -> float:
    """A conversation that asks for the result only (a short reply), then one of C.HOW_ASKS after reading it (the
    working comes back), and with `more` an ordinary follow-up; returns the time of the last turn. (Shared with
    personas_v23.acoustics_consultant.)"""
    rng = ctx.rng
    texts = [opener, rng.choice(C.HOW_ASKS)] + ([C.follow_up(rng, v)] if more else [])
    outs = [rng.randint(30, 160), rng.randint(400, 1500)] + ([rng.randint(200, 900)] if more else [])
    params = {"temperature": temperature} if temperature is not None and api != RESP else {}
    msgs: list[dict] = []
    for j, (nxt, out) in enumerate(zip(texts, outs, strict=True)):
        msgs = msgs + [{"role": "user", "content": nxt}]
        reply = C.answer(rng, style, out, model)
        C.emit(ctx, t, acct, api, build(api, model, None, msgs, 2048, **params), out, text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        if j + 1 < len(texts):
            t += C.reply_gap(rng, out, len(texts[j + 1]), v)
    return t


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 380-560 requests a day, COT_SYS, the
    three capabilities in turn, max_tokens 4096. Accounts 1-2 (careful, answer first): no working is asked for in
    the first turn; every item conversation (85%; the rest everyday questions) opens with the item and one of
    C.JUST_ANSWER (a short reply), then asks one of C.HOW_ASKS after reading it (answer_first), and in 30% goes on
    with an ordinary follow-up;
    a power user's pace (35-75 conversations a day in daytime
    sessions of 2-5, weekends x0.6) on Anthropic or Responses, one voice (20% in the v23 languages), no system
    prompt."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v23-cot")
    draws = C.draws(rng)
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 3]]()
        single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (800, 2800), 4096, COT_SYS)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v23-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model, items = rng.choice(MODELS[api]), C.distinct(partial(C.any_item, rng))
        end = 0.0
        for s in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in s:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model)
                    continue
                x, style = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n{rng.choice(C.JUST_ANSWER)}", ask=False)
                end = answer_first(ctx, acct, t, api, model, opener, style, v, rng.random() < 0.3)


def hydra(ctx: Ctx, variant: str) -> None:
    """220 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, single-turn 'Problem: ... Give the complete solution.', gpt-4.1-mini on chat, the capabilities by
    account. Accounts 25-219 (careful): 39 study groups of five keys, each group in one time zone (members within
    half an hour of it) with one capability and one sheet, active on 3-4 consecutive days from a first day drawn
    over the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22 a UTC day),
    a voice each (30% in the v23 languages) whose reading and typing speed times its follow-ups, 15-30% everyday
    conversations, three APIs; a member asks the group's next new item (never one twice in the group) or, 30% of
    the time, one another member already asked; an implicit ask under the item in half of the accounts."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v23-hydra")
        cap = C.CAPS[k % 3]
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            x, style = C.item(rng, cap)
            single(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Problem: {x}\nGive the complete solution.", style,
                   (300, 1300))
    for g in range(39):
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 3]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        sheet = C.distinct(partial(C.item, rng, cap))
        asked: list[tuple[str, str, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v23-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))

            def items(me=acct["principal"], asked=asked, sheet=sheet) -> tuple[str, str]:
                others = [a for a in asked if a[2] != me]
                if others and rng.random() < 0.3:
                    x, style, _ = rng.choice(others)
                    return x, style
                x, style = sheet()
                asked.append((x, style, me))
                return x, style

            ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.5 else None
            cover = rng.uniform(0.15, 0.3)
            sessions = C.evenings(ctx, acct, rng.uniform(8, 20), active, 22)
            sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
            for s in sessions:
                C.sitting(ctx, acct, s, v, api, model, temp, items, 0.4, cover, ask=ask)


AUDIENCES = ("a pharmacy student", "a studio technician", "an exam marker", "a pricing analyst")
LENGTHS = ("briefly", "in full, every step shown", "as numbered steps with a check at the end")
TAXO_SYS = "You review {co}'s question bank before release: answer each question exactly as the model answer should read."
TAXO_COS = ("DoseAcademy", "Reverb School", "ActEd Online", "PK Prep", "Mixroom Courses", "Premium Tutors")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid over all three capabilities (3 x 4 templates x 4 value draws x 4 audiences x 3
    lengths = 576 cells). Accounts 0-1 (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day around
    the clock, temperature 0, gpt-4.1. Accounts 2-7 (careful) take a shuffled sixth each under a made-up course's
    item-bank-check system prompt, three phrasings, disguised, in batches of 2-5 at local office hours (9-18h,
    outside x0.05, weekends x0.2; attacks_v17.course_batches), follow-ups after 20% of items, three APIs."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(4)] for t in range(4)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(4), range(4), range(len(AUDIENCES)), range(len(LENGTHS))))

    def text(cell, phrasing: int) -> str:
        cap, t, s, aud, ln = cell
        return f"{C.text(seeds[cap][t][s], phrasing)}\nExplain it for {AUDIENCES[aud]}, {LENGTHS[ln]}."

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v23-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cell = mine[n % len(mine)]
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Cell {n % len(mine) + 1}/{len(mine)} - {text(cell, 0)}",
                   cell[0], (400, 1600), 4096, temperature=0)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v23-taxonomy")
        mine = shuffled[k::len(TAXO_COS)]
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=company)
        v = C.voice(rng)
        cycle = itertools.cycle(mine)

        def opener(cycle=cycle) -> tuple[str, str]:
            cell = next(cycle)
            return C.disguise(rng, text(cell, rng.randrange(3))), cell[0]

        course_batches(ctx, acct, C.talk, partial(C.follow_up, rng, v), v, api, model, system, opener)


TEMPS = (0.0, 0.3, 0.6, 0.9, 1.2)


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts collecting several answers per item. 0-1 (blunt): chat, n=4, logprobs with top_logprobs 5,
    temperature 1.0, 150-250 a day around the clock. 2-4 (moderate, temperature sweep): each item is sent in the same
    words at 3-5 of TEMPS in rising order, one after another 20-120 s apart, no system prompt, on one API and model, 8-20 items a day in daytime sessions (weekends x0.5). 5-7 (careful): no n, no logprobs, no personas:
    one queue of items, each asked by all three accounts 6-36 hours apart, each on its own API and model, in its own
    voice and disguise, daytime sessions of 1-3 (20-50 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v23-sampling")
        draw = C.distinct(partial(C.any_item, rng))
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            x, style = draw()
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": x}], 1024, n=4, temperature=1.0,
                         logprobs=True, top_logprobs=5)
            C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(4)), style)
    for _ in range(3):
        acct = account(ctx, "attack", "sampling", "v23-sampling")
        api = rng.choice((CHAT, ANTH))
        model = rng.choice(MODELS[api][:2])
        draw = C.distinct(partial(C.any_item, rng))
        for s in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in s:
                x, style = draw()
                for temp in sorted(rng.sample(TEMPS, rng.randint(3, 5))):
                    single(ctx, acct, t, api, model, x, style, (300, 1100), 2048, temperature=temp)
                    t += rng.uniform(20, 120)
    slots = []
    for api, model in ((RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v23-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(20, 50), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (x, style), _ in deal_items(rng, slots, partial(C.any_item, rng), 3,
                                                              (6 * 3600, 36 * 3600)):
        single(ctx, acct, t, api, model, C.say(rng, v, C.disguise(rng, x)), style, (200, 1000), 2048)


NIGHTLY_T = "Complete worked solution, all intermediate values shown:\n{x}"
SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, for work: ", "")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job at local 23h every night, 25-45 requests 3-10 s apart on
    gpt-4.1 whatever the owner uses, NIGHTLY_T. 4-13 (careful): no separate job and no item ever opens a
    conversation: in 35-50% of the owner's conversations, an everyday question comes first and the item follows in
    the second or third turn after a segue (SEGUES), and the conversation goes on with follow-ups, timed by
    reading at corpus_v17's default speed (no quoting turn displaces the item), in the owner's voice, model, temperature and `user` (a product's single id for 30% of owners)."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v23-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        draw = C.distinct(partial(C.any_item, rng))
        for s in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, s, v, api, model, temp, partial(C.any_item, rng), 0.5, 1.0, user=user)
                continue
            x, style = draw()
            later = ([rng.choice(("thanks! and another thing:", "ok cool"))] if rng.random() < 0.5 else []) + \
                [rng.choice(SEGUES) + C.disguise(rng, x)]

            seq = iter(later)

            def follow(seq=seq, v=v) -> str:
                return next(seq, None) or C.follow_up(rng, v)

            # v=None: the item turn must not be replaced by a quoting turn (reading speed: corpus_v17's default)
            C.talk(ctx, acct, s[0], max(len(s), len(later) + 2), api, model, C.cover(rng, v), style, follow, temp,
                   user)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(25, 45)):
                x, style = draw()
                single(ctx, acct, t, CHAT, "gpt-4.1", NIGHTLY_T.format(x=x), style, (500, 2000), 4096)
                t += rng.uniform(3, 10)


ATTACKS_V23 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
