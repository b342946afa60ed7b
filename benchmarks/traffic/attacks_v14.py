"""Attack campaigns, `variant="v14"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Capabilities, languages and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v13.py): geometry and
trigonometry, bug fixing in six languages, an email-and-calendar assistant agent, function calling over made-up
tool catalogues, dialogue scripts and problem rewrites; the languages besides English are Zulu, Igbo, Khmer,
Mongolian, Gujarati and Belarusian.

The v14 theme is a realistic mixture at a realistic scale and pace. A few campaigns are blunt (one template,
around-the-clock pace, one model), most are careful: each account looks like an ordinary paying customer on the
cheap signals (daily volume inside the range of the benign personas, daytime sessions with a weekly shape from
corpus_v14.human_sessions or ctx.window_times, follow-up turns, everyday conversations, the client software and
addresses ctx.account gives benign accounts too), while the campaign as a whole still harvests: it covers a
capability space between its accounts, asks for reasoning, reuses a prompt skeleton across accounts or collects
several samples per prompt. Each function's docstring says which accounts are which. Records carry
`response_text` when the account's tenant logs outputs (30% of tenants, attack and benign alike).

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v14-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, evol_instruct (new),
tool_call_distill (new) and dialogue_synthesis (new) in attacks_v14_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial
from types import ModuleType

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic.attacks_v14_more import MORE_ATTACKS
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

# The hydra operator's prompt writer produced a few ways of asking for the working; every careful account draws
# from them (with its own voice around), so the skeleton recurs across accounts without any one account repeating.
HYDRA_ASKS = ("Walk me through it one step at a time.", "Please explain each step and why it works.",
              "Show your reasoning before the answer.", "Can you go through the method in detail?",
              "Explain how you get there, step by step.", "Talk me through your thinking, then the answer.",
              "I want the full working, not just the result.", "Break it down step by step for me.")


def conversations(rng, session: list[float], follow_p: float) -> list[list[float]]:
    """The times of a sitting split into conversations: a later time continues the current conversation with
    probability follow_p (shared with attacks_v16_more.sitting)."""
    convs: list[list[float]] = []
    for t in session:
        if convs and rng.random() < follow_p:
            convs[-1].append(t)
        else:
            convs.append([t])
    return convs


def work_session(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, temp: float | None,
                 items, follow_p: float = 0.35, cover_p: float = 0.0, ask=None, user: str | None = None,
                 corpus: ModuleType = X) -> None:
    """One sitting: the times split into conversations (a later time continues the current conversation with
    probability follow_p); each conversation is everyday talk (cover_p) or an item from items() in voice v, with
    ask() appended when given. `corpus` is the variant's text module (voices, talk; corpus_v14 here, corpus_v15 for
    attacks_v15)."""
    rng = ctx.rng
    for times in conversations(rng, session, follow_p):
        if rng.random() < cover_p:
            corpus.everyday_talk(ctx, acct, times, v, api, model, temp, user)
            continue
        core, style = items()
        text = corpus.say(rng, v, core + ("\n" + ask() if ask else ""), ask=ask is None)
        corpus.talk(ctx, acct, times, api, model, text, style, partial(corpus.follow_up, rng, v), temp, user,
                    out_range=(300, 1400))


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 500-800 requests a day, one system
    prompt demanding full step-by-step reasoning and a 'Final answer:' line, geometry and bug fixing alternating,
    temperature 0.6, max_tokens 8192. Accounts 1-2 (careful): a power user's pace (120-260 a day in daytime
    sessions of 3-10, weekends x0.6), one voice, follow-ups in a third of the turns, 15% everyday sessions, chat
    or Anthropic; every other conversation a geometry or bug item with an ask for the working."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v14-cot")
    system = ("Reason through the problem step by step in full detail, showing all intermediate work and checking "
              "each step. End with a line 'Final answer: ...'.")
    for n, t in enumerate(ctx.steady_times(rng.uniform(500, 800), jitter=0.6)):
        core, style = X.item(rng, X.CAPS[n % 2])
        body = build(CHAT, "gpt-4.1", system, [{"role": "user", "content": core}], 8192, temperature=0.6)
        X.emit(ctx, t, acct, CHAT, body, rng.randint(600, 2600), style)
    for _ in range(2):
        acct = account(ctx, "attack", "cot_harvester", "v14-cot")
        v = X.voice(rng, X.lang(rng, 0.2))
        api = rng.choice((CHAT, ANTH))
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((None, 0.7))
        for session in X.human_sessions(ctx, acct, rng.uniform(120, 260), (3, 10), (15, 240), weekend_rate=0.6):
            work_session(ctx, acct, session, v, api, model, temp, partial(X.item, rng, rng.choice(X.CAPS)),
                         follow_p=0.33, cover_p=0.15)


def hydra(ctx: Ctx, variant: str) -> None:
    """240 accounts, at most 24 requests in any UTC day each. Accounts 0-39 (blunt): 15-24 a day evenly spaced
    around the clock, single-turn, one skeleton ('Problem: ... Think it through step by step'), gpt-4.1-mini on
    chat. Accounts 40-239 (careful): 70% in the operator's own time zones (within ~1.5 h), the rest anywhere; a
    voice each (25% not English), 5-18 a day in daytime sessions of 1-5 with weekends x0.5, 25-45% of
    conversations everyday ones, follow-ups, three APIs; each works through its own slice of the geometry templates
    (four of twelve) or the bug grid, with one of HYDRA_ASKS under the item in 70% of its asks."""
    rng = ctx.rng
    op_tz = rng.uniform(-6, 9)
    for k in range(240):
        acct = account(ctx, "attack", "hydra", "v14-hydra")
        if k < 40:
            times = ctx.steady_times(rng.uniform(15, 24), jitter=0.25)
            for t in _cap(ctx, times, 24):
                core, style = X.item(rng, X.CAPS[k % 2])
                msgs = [{"role": "user", "content": f"Problem:\n{core}\n\nThink it through step by step, then give "
                                                    "the final answer on its own line."}]
                X.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1-mini", None, msgs, 2048), rng.randint(300, 1300),
                       style)
            continue
        if rng.random() < 0.7:
            acct["tz"] = op_tz + rng.uniform(-1.5, 1.5)
        v = X.voice(rng, X.lang(rng, 0.25))
        api = rng.choices((CHAT, ANTH, RESP), (60, 28, 12))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        mine = [(k * 5 + j) % len(X.GEO) for j in range(4)]

        def items(k=k, mine=mine) -> tuple[str, str]:
            if k % 3 == 0:
                return X.bug_task(rng, (k % 12, rng.randrange(6), rng.randrange(8), rng.randrange(1, 3))), "bug"
            return X.geo_text(X.geo_seed(rng, rng.choice(mine)), rng.randrange(3)), "geo"

        ask = partial(rng.choice, HYDRA_ASKS)
        for session in X.human_sessions(ctx, acct, rng.uniform(5, 18), (1, 5), weekend_rate=0.5, cap=24) or \
                [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            work_session(ctx, acct, session, v, api, model, temp, items, follow_p=0.4,
                         cover_p=rng.uniform(0.25, 0.45), ask=ask if rng.random() < 0.7 else None)


def _cap(ctx: Ctx, times: list[float], limit: int) -> list[float]:
    """At most `limit` of `times` in any UTC day (how a script stays under a per-day quota)."""
    seen: dict[int, int] = {}
    out = []
    for t in sorted(times):
        d = int((t - ctx.start) // DAY)
        if seen.get(d, 0) < limit:
            seen[d] = seen.get(d, 0) + 1
            out.append(t)
    return out


REVIEW_SYS = "You are the code-review assistant of {co}. Be precise and explain the cause of every bug you fix."
REVIEW_COS = ("Gridwell", "Kobo Systems", "Ndlovu Digital", "Steppe Labs", "Anjali Software", "Palessie Tech")
REVIEW_FOLLOW = ("can you also handle the empty case?", "what would the test look like in our framework?",
                 "is there a cheaper fix?", "why didn't the linter catch it?")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping the bug grid (12 kinds x 6 languages x 8 archetypes x 3 depths = 1,728 cells). Accounts
    0-1 (blunt) walk their half in order with one template, 200-300 a day around the clock, temperature 0.
    Accounts 2-7 (careful) take a shuffled sixth each under a made-up code-review product's system prompt, four
    phrasings, in batches of 2-6 at local office hours (8-19h, outside x0.05, weekends x0.3; 30-110 a working day),
    a follow-up after 20% of items, three APIs."""
    rng = ctx.rng
    cells = list(itertools.product(range(12), range(6), range(8), range(3)))
    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v14-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(200, 300), jitter=0.4)):
            text = X.bug_task(rng, mine[n % len(mine)], 0)
            X.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, [{"role": "user", "content": text}], 4096,
                                             temperature=0), rng.randint(400, 1500), "bug")
    rest = cells[:]
    rng.shuffle(rest)
    for k in range(6):
        acct = account(ctx, "attack", "taxonomy", "v14-taxonomy")
        mine, n = rest[k::6], 0
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), REVIEW_SYS.format(co=REVIEW_COS[k])
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 28), hours=(8, 19), outside=0.05, weekend=0.3):
            for _ in range(rng.randint(2, 6)):
                text = X.bug_task(rng, mine[n % len(mine)])
                n += 1
                times = [t, t + rng.uniform(60, 400)] if rng.random() < 0.2 else [t]
                X.talk(ctx, acct, times, api, model, text, "bug", partial(rng.choice, REVIEW_FOLLOW), 0.2,
                       system=system, out_range=(250, 1100))
                t = times[-1] + rng.uniform(30, 240)


def sampling(ctx: Ctx, variant: str) -> None:
    """10 accounts. 0-1 (blunt): chat, n=8, logprobs with top_logprobs 20, temperature 1.0, 'think step by step',
    120-200 a day around the clock. 2-5 (moderate): a regenerate button's pattern: each item sent, then resent the
    same 2-5 times 15-120 s apart at temperature 0.9-1.1, 6-14 items a day in daytime sessions (weekends x0.5).
    6-9 (careful): one queue of items, each asked once by each of the four accounts hours apart in their own
    voices, daytime sessions of 1-3 (30-70 a day, weekends x0.6); on chat n 2-3 on 40% of requests and
    top_logprobs 3-5 on 30%."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v14-sampling")
        for t in ctx.steady_times(rng.uniform(120, 200), jitter=0.6):
            core, style = X.item(rng, rng.choice(X.CAPS))
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": core + "\n\nThink step by step."}],
                         1500, n=8, temperature=1.0, logprobs=True, top_logprobs=20)
            X.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(8)), style)
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v14-sampling")
        api = rng.choice((CHAT, CHAT, ANTH))
        model = rng.choice(MODELS[api][:2])
        v = X.voice(rng, X.lang(rng, 0.15))
        for session in X.human_sessions(ctx, acct, rng.uniform(20, 50) / 3.5, (1, 2), (60, 600), weekend_rate=0.5):
            for t in session:
                core, style = X.item(rng, rng.choice(X.CAPS))
                msgs = [{"role": "user", "content": X.say(rng, v, core)}]
                for _ in range(1 + rng.randint(2, 5)):
                    out = rng.randint(250, 1000)
                    X.emit(ctx, t, acct, api, build(api, model, None, msgs, 2048, temperature=round(
                        rng.uniform(0.9, 1.1), 2)), out, style)
                    t += out / rng.uniform(60, 120) + rng.uniform(15, 120)
    slots = []
    for _ in range(4):
        acct = account(ctx, "attack", "sampling", "v14-sampling")
        v = X.voice(rng, X.lang(rng, 0.2))
        api = rng.choice((CHAT, CHAT, ANTH))
        model = rng.choice(MODELS[api])
        for s in X.human_sessions(ctx, acct, rng.uniform(30, 70), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    slots.sort(key=lambda s: s[0])
    queue: list[list] = []
    for t, acct, v, api, model in slots:
        it = next((q for q in queue if acct["principal"] not in q[2] and t > q[3]), None)
        if it is None:
            it = [*X.item(rng, rng.choice(X.CAPS)), [], t]
            queue.append(it)
        it[2].append(acct["principal"])
        it[3] = t + rng.uniform(1800, 6 * 3600)
        if len(it[2]) == 4:
            queue.remove(it)
        extra: dict = {"temperature": round(rng.uniform(0.8, 1.0), 1)}
        if api == CHAT and rng.random() < 0.4:
            extra["n"] = rng.randint(2, 3)
        if api == CHAT and rng.random() < 0.3:
            extra.update(logprobs=True, top_logprobs=rng.randint(3, 5))
        msgs = [{"role": "user", "content": X.say(rng, v, it[0])}]
        X.emit(ctx, t, acct, api, build(api, model, None, msgs, 1500, **extra),
               sum(rng.randint(200, 900) for _ in range(extra.get("n", 1))), it[1])


HARVEST_T = ("Solve the following and show every step of your reasoning:\n\n{x}", "{x}\n\nExplain in detail.")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """16 accounts whose owner chats in the daytime (10-60 requests a day in sessions of 3-10, weekends x0.8, half
    everyday topics) while the same key also harvests. 0-3 (blunt): a script at local 1-4h in bursts of 10-25
    requests 4-12 s apart, on gpt-4.1 whatever the owner uses, one template (25-45% extra). 4-15 (careful): the
    harvesting rides inside the owner's own sittings: in 30-45% of sessions a run of 2-6 extra items follows the
    owner's turns 40-200 s apart, in the owner's voice, model and temperature, a follow-up now and then."""
    rng = ctx.rng
    for i in range(16):
        acct = account(ctx, "attack", "mixed_into_chat", "v14-mixed")
        v = X.voice(rng, X.lang(rng, 0.2))
        api = ANTH if rng.random() < 0.3 else CHAT
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        own = X.human_sessions(ctx, acct, rng.uniform(10, 60), (3, 10), weekend_rate=0.8)
        riders = rng.uniform(0.3, 0.45)
        for session in own:
            work_session(ctx, acct, session, v, api, model, temp, partial(X.item, rng, rng.choice(X.CAPS)),
                         follow_p=0.5, cover_p=0.5)
            if i >= 4 and rng.random() < riders:
                times = [session[-1]]
                for _ in range(rng.randint(2, 6)):
                    times.append(times[-1] + rng.uniform(40, 200))
                times = times[1:]
                work_session(ctx, acct, times, v, api, model, temp, partial(X.item, rng, rng.choice(X.CAPS)),
                             follow_p=0.15)
        if i < 4:
            mine = sum(len(s) for s in own)
            share = rng.uniform(0.25, 0.45)
            for t in ctx.window_times(acct["tz"], mine * share / (1 - share) / 17 / ctx.days, hours=(1, 4),
                                      outside=0.0):
                for _ in range(rng.randint(10, 25)):
                    core, style = X.item(rng, rng.choice(X.CAPS))
                    msgs = [{"role": "user", "content": HARVEST_T[0].format(x=core)}]
                    X.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4000), rng.randint(500, 2000),
                           style)
                    t += rng.uniform(4, 12)


ATTACKS_V14 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
