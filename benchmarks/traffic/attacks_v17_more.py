"""Attack campaigns of `variant="v17"`, continued (attacks_v17.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v17-".

- paraphrased: 60 accounts asking circuit and accounting items whose rewordings are spread over accounts.
- agentic_distill: 10 accounts running a circuit-design agent (simulator, parts search, datasheets).
- account_churn (new): a relay of short-lived accounts: each harvests for about a day and is never used again,
  a fresh one taking over its lane, so no account has a history at all.
- fake_reseller (new): keys dressed as a study app fronting thousands of end users; the "end users" are the
  operator's generator, each asking one to three distinct items.
- minimal_pairs (new): contrastive harvesting: each base problem and several copies with one number changed,
  each fully worked, so the student model learns how the working moves with the inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v17 as C
from benchmarks.traffic import corpus_v17_more as D
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build


def any_item(rng) -> tuple[str, str]:
    return C.item(rng)


def single(ctx: Ctx, acct: dict, t: float, api: str, model: str, content: str, style: str, out: tuple[int, int],
           max_tokens: int = 2048, system: str | None = None, user: str | None = None, *,
           emit_fn: Callable[..., object] = C.emit, **extra) -> None:
    """One single-turn request (emit_fn: a later variant's emit, with its response texts)."""
    body = build(api, model, system, [{"role": "user", "content": content}], max_tokens, **extra)
    emit_fn(ctx, t, acct, api, body, ctx.rng.randint(*out), style, user=user)


def paraphrased(ctx: Ctx, variant: str) -> None:
    """240 problems (half circuit, half accounting) get 5 rewordings each (the three phrasings and two disguised
    ones) released at random times over the window; each session takes one released rewording at random. Accounts
    0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the rewording plus 'Show
    the full working.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice each (25% in
    the v17 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    pool: list[tuple[float, str, str]] = []
    for k in range(240):
        s = C.seed(rng, C.CAPS[k % 2])
        texts = [C.text(s, j) for j in range(3)] + [C.disguise(rng, C.text(s, rng.randrange(3))) for _ in range(2)]
        pool += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), x, s[0]) for x in texts]
    pool.sort()
    jobs = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v17-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        for s in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                  (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            jobs.append((s[0], len(s), careful, acct, v, api, model, temp))
    ready: list[tuple[str, str]] = []
    p = 0
    for t, n, careful, acct, v, api, model, temp in sorted(jobs, key=lambda j: j[0]):
        while p < len(pool) and pool[p][0] <= t:
            ready.append(pool[p][1:])
            p += 1
        if careful and rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, n, v, api, model, temp)
            continue
        if ready:
            j = rng.randrange(len(ready))
            ready[j], ready[-1] = ready[-1], ready[j]
            x, style = ready.pop()
        else:
            x, style = any_item(rng)
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nShow the full working.", style, (300, 1200))
            continue
        C.talk(ctx, acct, t, n, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp, v=v)


def eda_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                user: str | None = None) -> float:
    """One circuit-design agent episode (shared with personas_v17_more.eda_copilot)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=D.EDA_TOOLS), system=D.EDA_SYS, step=D.eda_step,
                          emit=C.emit, last_out=(150, 600), temperature=0.2, style="eda")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two tasks over and over with stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-9 (careful): engineering hours (local 8-19h, outside x0.15,
    weekends x0.3), 5-15 episodes a day, 3-9 steps, realistic results, three APIs; some name a few engineers in
    `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v17-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                eda_episode(ctx, acct, t, CHAT, "gpt-4.1", D.eda_task(rng, D.EDA_TASKS[:2]), rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(8, 19), outside=0.15, weekend=0.3):
            eda_episode(ctx, acct, t, api, model, D.eda_task(rng), rng.randint(3, 9), True, rng.choice(team))


CHURN_BLUNT = "Solve completely, showing all working, then state the final answer on its own line.\n\n{x}"


def account_churn(ctx: Ctx, variant: str) -> None:
    """16 lanes, each a relay of accounts: an account is used for one stretch of 14-30 hours from its first
    request and never again, and the next account of the lane starts 0.5-6 hours after the last one ends (a
    chain of free-tier or prepaid keys). Lanes 0-3 (blunt): single-turn CHURN_BLUNT on chat gpt-4.1-mini,
    evenly spaced, 60-140 requests per account. Lanes 4-15 (careful): each account is a voice (25% in the v17
    languages) on its own API and model, sessions of 1-5 during its stretch (20-50 a day, following the account's
    time zone), follow-ups timed by reading, 15% everyday conversations, implicit asks in half the sittings."""
    rng = ctx.rng
    for lane in range(16):
        t = ctx.start + rng.uniform(0, 12 * 3600)
        while t < ctx.end - 3 * 3600:
            acct = account(ctx, "attack", "account_churn", "v17-churn")
            life = rng.uniform(14, 30) * 3600
            if lane < 4:
                n = rng.randint(60, 140)
                for j in range(n):
                    x, style = any_item(rng)
                    single(ctx, acct, t + life * j / n + rng.uniform(0, 60), CHAT, "gpt-4.1-mini",
                           CHURN_BLUNT.format(x=x), style, (300, 1300), 3000)
            else:
                v = C.voice(rng, C.lang(rng, 0.25))
                api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
                model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
                ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.5 else None
                sessions = [s for s in C.human_sessions(ctx, acct, rng.uniform(20, 50), (1, 5), weekend_rate=0.8)
                            if t <= s[0] < t + life]
                for s in sessions or [[t + rng.uniform(0, 3600)]]:
                    C.sitting(ctx, acct, s, v, api, model, temp, partial(any_item, rng), 0.4, 0.15, ask=ask)
            t += life + rng.uniform(0.5, 6) * 3600


APP_SYS = ("You are {app}, a study helper for engineering and business students. Explain clearly and check the "
           "student's understanding.")
FAKE_APPS = ("StudyNest", "CramCircuit", "LedgerBuddy", "QuizHive")


def fake_reseller(ctx: Ctx, variant: str) -> None:
    """4 keys dressed as a study app (a made-up app name in the system prompt, end users in `user`). The "end
    users" are the operator's generator. Account 0 (blunt): 450-700 a day around the clock, a fresh end-user id
    for every request, one item each, single-turn. Accounts 1-3 (careful): 200-450 a day shaped like an app's
    evening peak (local 15-24h, outside x0.2, weekends x1.1); end users drawn from a pool of 3,000-6,000 with
    heavy-tailed activity (corpus_v17.study_users, as a real app's), each conversation an item in the user's voice (10% in the
    v17 languages), follow-ups timed by reading in 30%, 10% everyday questions, implicit asks in 40%; chat or
    Anthropic."""
    rng = ctx.rng
    for i, app in enumerate(FAKE_APPS):
        acct = account(ctx, "attack", "fake_reseller", "v17-reseller")
        system = APP_SYS.format(app=app)
        if i == 0:
            pattern = rng.choice(("end-user-{n}", "u_{h}", "sess_{h}"))
            for n, t in enumerate(ctx.steady_times(rng.uniform(450, 700), jitter=0.5)):
                x, style = any_item(rng)
                single(ctx, acct, t, CHAT, "gpt-4.1-mini", x, style, (300, 1200), 2048, system,
                       pattern.format(n=n + 1, h=f"{rng.getrandbits(32):08x}"))
            continue
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][i % 2]
        users, weights = C.study_users(rng, rng.randint(3000, 6000))
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 450), hours=(15, 24), outside=0.2, weekend=1.1):
            user, v = rng.choices(users, weights)[0]
            n = 1 + (rng.random() < 0.3) * rng.randint(1, 3)
            if rng.random() < 0.1:
                C.everyday_talk(ctx, acct, t, n, v, api, model, user=user)
                continue
            ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.4 else None
            C.sitting(ctx, acct, [t] * n, v, api, model, None, partial(any_item, rng), 1.0, 0.0, ask=ask, user=user,
                      system=system)


PAIR_BLUNT = "Variant {k} of problem {p}. Solve it fully and say what changed compared with the previous variant.\n{x}"


def minimal_pairs(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): a base problem, then 3-6 copies each with one number changed (corpus_v17.perturb),
    sent 5-40 s apart under PAIR_BLUNT on chat gpt-4.1, temperature 0; 150-250 requests a day around the clock.
    Accounts 2-11 (careful): a shared queue of base problems; each base and three of its perturbed copies go to
    four different accounts at least 3-20 hours apart, each in its own voice, phrasing and disguise (so no account
    sees two members of a set); daytime sessions of 1-3 (15-40 a day, weekends x0.6), follow-ups timed by
    reading, three APIs."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "minimal_pairs", "v17-pairs")
        p = rng.randint(1, 5000)
        for t in ctx.steady_times(rng.uniform(150, 250) / 4.5, jitter=0.4):
            s = C.seed(rng, rng.choice(C.CAPS))
            p += 1
            for k in range(1 + rng.randint(3, 6)):
                single(ctx, acct, t, CHAT, "gpt-4.1", PAIR_BLUNT.format(k=k, p=p, x=C.text(s)), s[0], (300, 1100),
                       3000, temperature=0)
                s, t = C.perturb(rng, s), t + rng.uniform(5, 40)
    slots = []
    for _ in range(10):
        acct = account(ctx, "attack", "minimal_pairs", "v17-pairs")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((None, 0.7))
        for s in C.human_sessions(ctx, acct, rng.uniform(15, 40), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model, temp) for t in s]

    def new_set() -> list:
        base = C.seed(rng, rng.choice(C.CAPS))
        return [base] + [C.perturb(rng, base) for _ in range(3)]

    for (t, acct, v, api, model, temp), members, j in deal_items(rng, slots, new_set, 4, (3 * 3600, 20 * 3600)):
        s = members[j]
        x = C.say(rng, v, C.disguise(rng, C.text(s, rng.randrange(3))))
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, x, s[0], partial(C.follow_up, rng, v), temp, v=v)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, account_churn, fake_reseller,
                                                       minimal_pairs)
