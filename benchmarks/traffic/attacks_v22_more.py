"""Attack campaigns of `variant="v22"`, continued (attacks_v22.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v22-".

- paraphrased: 60 accounts; each problem's five versions (three English phrasings and the problem wrapped in two
  v22 languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts running a water-network modelling agent (hydraulic runs, pressures, pipe changes,
  leak scans, costs).
- planted_errors (new): process-supervision data without a reasoning ask. Every prompt is a problem and a worked
  attempt the operator's small model wrote with one wrong step planted in it (the slip carried through the later
  steps, as on paper), and asks the teacher to check it: the reply says where the attempt first goes wrong and
  gives the corrected working. Each problem goes, in the same words, to three accounts hours apart, each copy with
  the slip in another step, so the campaign collects first-error labels and corrections at several positions per
  problem - the data a process reward model is trained on - while every request looks like a student asking
  "where did I go wrong?".
- bought_aged_keys (new): accounts bought from their real owners. Each has an owner's genuine history (everyday
  questions, the odd technical one, in the owner's voice, hours and language) until a handover time inside the
  window; from then on the buyer harvests one capability through the same key, at the owner's hours, API, model
  and daily volume, so the account's age, schedule and volume are those of a real customer.
- schedule_replay (new): timing stolen from real users. Each account's request times, conversation lengths and
  reply lengths are those of one real chat customer of the provider (a shared benign account), shifted by whole
  days and a few hours and jittered, with the harvest's content in place of the customer's; it uses the donor's
  API, model and temperature too. The blunt accounts replay one donor all at once, hours apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v22 as C
from benchmarks.traffic import corpus_v22_more as D
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v22 response texts
BUYER_SYS = ("Reason through the problem completely before answering: list the data, derive every intermediate "
             "quantity with its formula and units, check the result independently, then give the final answer.")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each problem (the three capabilities in turn) has five versions (the three phrasings, and the first phrasing
    wrapped in two v22 languages); the five go to five different accounts, each at least 2-30 hours after the one
    before. Accounts 0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the version
    plus 'Show every step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice
    each (25% in the v22 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v22-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        for s in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                  (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((s[0], acct, len(s), careful, v, api, model, temp))
    n = [0]

    def versions() -> list[tuple[str, str]]:
        s = C.seed(rng, C.CAPS[n[0] % 3])
        n[0] += 1
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(s, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(s, 0)) for lg in lgs]
        return [(x, s[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, temp), texts, j in deal_items(rng, slots, versions, 5,
                                                                               (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nShow every step please.", style, (300, 1200))
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp,
                   v=v)


def water_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                  user: str | None = None) -> float:
    """One water-network agent episode (shared with personas_v22_more.water_utility_modellers)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=D.WATER_TOOLS), system=D.WATER_SYS, step=D.water_step,
                          emit=C.emit, last_out=(300, 1200), temperature=0.2, style="water_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two tasks over and over with stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-9 (careful): a utility's modelling office hours (local 7-19h,
    outside x0.1, weekends x0.3), 5-15 episodes a day, 3-12 steps, realistic results, three APIs; some name a few
    engineers in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v22-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                water_episode(ctx, acct, t, CHAT, "gpt-4.1", D.water_task(rng, D.WATER_TASKS[:2]), rng.randint(5, 8),
                              False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(7, 19), outside=0.1, weekend=0.3):
            water_episode(ctx, acct, t, api, model, D.water_task(rng), rng.randint(3, 12), True, rng.choice(team))


# ---- planted_errors ----
def attempt_talk(ctx: Ctx, acct: dict, t: float, api: str, model: str, opener: str, s: tuple, err: int | None,
                 turns: int, follow: Callable[[], str], *, v: dict | None = None, system: str | None = None,
                 user: str | None = None, temperature: float | None = None, out_range: tuple[int, int] = (400, 1400),
                 max_tokens: int = 2048) -> float:
    """A conversation about an attempt at item s: the check (D.check_reply: where it goes wrong, the corrected
    chain), then `turns` - 1 follow-ups timed by reading; returns the end time. (Shared with the study groups and
    the course autograder of personas_v22.)"""
    rng = ctx.rng
    msgs = [{"role": "user", "content": opener}]
    for j in range(turns):
        out = rng.randint(*out_range)
        reply = D.check_reply(rng, s, err, out, model) if j == 0 else D.answer(rng, s[0], out, model)
        params = {"temperature": temperature} if temperature is not None and api != RESP else {}
        C.emit(ctx, t, acct, api, build(api, model, system, msgs, max_tokens, **params), out, text=reply, user=user)
        if j == turns - 1:
            break
        nxt = follow()
        msgs = msgs + [{"role": "assistant", "content": reply}, {"role": "user", "content": nxt}]
        t += C.reply_gap(rng, out, len(nxt), v)
    return t


def _first_phrasing(rng) -> tuple[str, tuple]:
    s = C.seed(rng, rng.choice(C.CAPS))
    return C.text(s, 0), s


def planted_errors(ctx: Ctx, variant: str) -> None:
    """22 accounts. Accounts 0-1 (blunt): chat gpt-4.1, D.BLUNT_CHECK (the item's first phrasing and an attempt with
    a slip in step 2 or later), temperature 0, max_tokens 4096, 150-250 a day around the clock, every item once.
    Accounts 2-21 (careful): 8-25 requests a day in daytime sessions of 1-3 (weekends x0.6), a voice each (25% in
    the v22 languages), three APIs; 15% of sessions everyday talk; every other session is a problem with an attempt
    (a lead from D.ATTEMPT_LEADS, the step lines, one of D.CHECK_ASKS) in the voice, with a D.CHECK_FOLLOW in 35%;
    each problem goes to three different accounts 2-30 hours apart in the same words, with the slip in a different
    step each time."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "planted_errors", "v22-planted")
        bank = C.distinct(partial(_first_phrasing, rng), tries=60)
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.5):
            x, s = bank()
            err = rng.randint(2, D.steps_of(s))
            lines = D.attempt(s, err, rng.randrange(4))
            body = build(CHAT, "gpt-4.1", None, [{"role": "user", "content": D.BLUNT_CHECK.format(
                x=x, w="\n".join(lines))}], 4096, temperature=0)
            out = rng.randint(600, 1800)
            C.emit(ctx, t, acct, CHAT, body, out, text=D.check_reply(rng, s, err, out, "gpt-4.1"))
    slots = []
    for _ in range(20):
        acct = account(ctx, "attack", "planted_errors", "v22-planted")
        v = C.voice(rng, C.lang(rng, 0.25))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        end = [0.0]
        for s in C.human_sessions(ctx, acct, rng.uniform(8, 25), (1, 3), (60, 600), weekend_rate=0.6):
            if rng.random() < 0.15:
                C.everyday_talk(ctx, acct, s[0], len(s), v, api, model, temp)
                continue
            slots.append((s[0], acct, len(s), v, api, model, temp, end))

    def new_item() -> tuple:
        s = C.seed(rng, rng.choice(C.CAPS))
        n = D.steps_of(s)
        return s, C.text(s, rng.randrange(3)), rng.sample(range(2, n + 1), 3)

    for (t, acct, turns, v, api, model, temp, end), (s, x, errs), j in deal_items(rng, slots, new_item, 3,
                                                                                   (2 * 3600, 30 * 3600)):
        t = max(t, end[0] + rng.uniform(30, 200))
        lines = D.attempt(s, errs[j], rng.randrange(4))
        opener = C.say(rng, v, D.with_attempt(x, lines, rng.choice(D.ATTEMPT_LEADS), rng.choice(D.CHECK_ASKS)),
                       ask=False)
        turns = 1 + (rng.random() < 0.35) if turns > 1 else 1
        end[0] = attempt_talk(ctx, acct, t, api, model, opener, s, errs[j], turns,
                              lambda v=v: rng.choice(D.CHECK_FOLLOW) if rng.random() < 0.7 else C.follow_up(rng, v),
                              v=v, temperature=temp)


# ---- bought_aged_keys ----
def owner_history(ctx: Ctx, acct: dict, v: dict, api: str, model: str, temp: float | None, rate: float,
                  until: float, scenario_items: Callable[[], tuple[str, str]]) -> None:
    """A real owner's use of a key until `until`: daytime sessions of 1-4 (weekends x0.6), 75% everyday talk, the
    rest the owner's own technical questions (shared with personas_v22.key_handover_team)."""
    for s in C.human_sessions(ctx, acct, rate, (1, 4), weekend_rate=0.6):
        if s[0] < until:
            C.sitting(ctx, acct, s, v, api, model, temp, scenario_items, 0.4, 0.75)


def bought_aged_keys(ctx: Ctx, variant: str) -> None:
    """30 accounts, each with its real owner's traffic (owner_history: 6-30 a day, a voice each, 30% in the v22
    languages) until a handover 0.7-2.5 days into the window. Accounts 0-2 (blunt): from the handover, 150-300 a
    day around the clock on chat gpt-4.1 under BUYER_SYS, the capabilities in turn. Accounts 3-29 (careful): the
    buyer keeps the owner's time zone, API, model and temperature and 0.9-1.4 times the owner's rate, in daytime
    sessions; items of one capability per account (corpus_v22.draws: never twice), an implicit ask under them in
    half of the accounts, 12% everyday talk, follow-ups in 35%, in the buyer's own voice (15% in the v22
    languages)."""
    rng = ctx.rng
    for k in range(30):
        acct = account(ctx, "attack", "bought_aged_keys", "v22-bought")
        owner = C.voice(rng, C.lang(rng, 0.3))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        hand = ctx.start + rng.uniform(0.7, 2.5) * DAY
        rate = rng.uniform(6, 30)
        owner_history(ctx, acct, owner, api, model, temp, rate, hand, partial(C.any_item, rng))
        draws = C.draws(rng)
        if k < 3:
            start = hand + rng.uniform(0, 900)
            for n, t in enumerate(ctx.steady_times(rng.uniform(150, 300), jitter=0.5, start=start)):
                x, style = draws[C.CAPS[n % 3]]()
                single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (600, 2200), 4096, BUYER_SYS)
            continue
        buyer = C.voice(rng, C.lang(rng, 0.15))
        ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.5 else None
        for s in C.human_sessions(ctx, acct, rate * rng.uniform(0.9, 1.4), (1, 4), weekend_rate=0.6):
            if s[0] >= hand:
                C.sitting(ctx, acct, s, buyer, api, model, temp, draws[C.CAPS[k % 3]], 0.35, 0.12, ask=ask)


# ---- schedule_replay ----
DONORS = ("chat_user", "power_user")


def donor_logs(ctx: Ctx) -> list[list[dict]]:
    """The records of every shared chat and power user so far, per account in order of creation."""
    per: dict[str, list[dict]] = {p: [] for p, lab in ctx.labels.items() if lab["scenario"] in DONORS}
    for _, _, rec in sorted(ctx.records, key=lambda r: (r[0], r[1])):
        if rec["principal"] in per:
            per[rec["principal"]].append(rec)
    return [recs for recs in per.values() if len(recs) >= 3]


def _turn(rec: dict) -> int:
    req = rec["request"]
    msgs = req.get("messages") or req.get("input")
    if isinstance(msgs, str):
        return 1 + bool(req.get("previous_response_id"))
    return sum(m.get("role") == "user" for m in msgs)


def schedule_replay(ctx: Ctx, variant: str) -> None:
    """40 accounts whose timing is a real customer's. Accounts 0-3 (blunt): all four replay the busiest donor's
    request times exactly, a day and 0, 1, 2 or 3 hours later (wrapped into the window), single-turn 'Solve and show
    all working:' items on chat gpt-4.1-mini. Accounts 4-39 (careful): each replays its own donor (a shared chat or
    power user): every donor conversation becomes one of the account's, at the donor's time shifted by whole days
    and -2..+2 hours (wrapped into the window) plus 1-60 s of jitter a request, with the donor's turn count, API,
    model and temperature, and reply lengths within 15% of the donor's; 80% of the conversations open with an item
    of the account's capability (a voice each, 20% in the v22 languages), 20% with everyday talk; later turns are
    follow-ups in the voice."""
    rng = ctx.rng
    donors = donor_logs(ctx)
    span = max(1, int(ctx.days)) * DAY
    busiest = max(donors, key=len)

    def wrap(t: float) -> float:
        return ctx.start + (t - ctx.start) % span

    for b in range(4):
        acct = account(ctx, "attack", "schedule_replay", "v22-replay")
        draw = C.distinct(partial(C.any_item, rng))
        for rec in busiest:
            x, style = draw()
            single(ctx, acct, wrap(rec["ts"] + DAY + b * 3600), CHAT, "gpt-4.1-mini",
                   f"Solve and show all working:\n{x}", style,
                   (rec["usage"]["output_tokens"], rec["usage"]["output_tokens"]))
    order = rng.sample(range(len(donors)), len(donors))
    for k in range(36):
        acct = account(ctx, "attack", "schedule_replay", "v22-replay")
        recs = donors[order[k % len(donors)]]
        v = C.voice(rng, C.lang(rng, 0.2))
        draw = C.distinct(partial(C.item, rng, C.CAPS[k % 3]))
        shift = rng.randrange(max(1, int(ctx.days))) * DAY + rng.choice((-2, -1, 1, 2)) * 3600
        delta, msgs, style = 0.0, [], "everyday"
        for rec in recs:
            api, req = rec["api"], rec["request"]
            model, temp = req["model"], req.get("temperature")
            if _turn(rec) <= 1 or not msgs:
                delta = wrap(rec["ts"] + shift) - rec["ts"]
                if rng.random() < 0.2:
                    nxt, style = C.cover(rng, v), "everyday"
                else:
                    x, style = draw()
                    nxt = C.say(rng, v, C.disguise(rng, x))
                msgs = []
            else:
                nxt = C.follow_up(rng, v) if rng.random() > v["quotes"] else C.quote_follow(rng, v, msgs[-1]["content"])
            msgs = msgs + [{"role": "user", "content": nxt}]
            out = max(20, int(rec["usage"]["output_tokens"] * rng.uniform(0.85, 1.15)))
            reply = C.answer(rng, style, out, model)
            params = {"temperature": temp} if temp is not None and api != RESP else {}
            body = build(api, model, None, msgs, req.get("max_tokens") or req.get("max_output_tokens") or 1024,
                         **params)
            if not (req.get("max_tokens") or req.get("max_output_tokens")) and api != ANTH:
                body.pop("max_output_tokens" if api == RESP else "max_tokens")
            C.emit(ctx, rec["ts"] + delta + rng.uniform(1, 60), acct, api, body, out, text=reply)
            msgs = msgs + [{"role": "assistant", "content": reply}]


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, planted_errors, bought_aged_keys,
                                                       schedule_replay)
