"""Attack campaigns of `variant="v21"`, continued (attacks_v21.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v21-".

- paraphrased: 60 accounts; each problem's five rewordings (three phrasings, two disguised) go to five different
  accounts hours apart.
- agentic_distill: 10 accounts running an RTL verification agent (lint, simulation, synthesis reports, waveforms).
- socratic_ladder (new): the worked solution is harvested one step per turn. Each conversation opens with an item
  and a request for the first step only (as a student who wants to try the rest would write), and every later
  turn asks for the next step ("ok, next?", or the value the student "got" echoed back), until the solution and
  the final answer are complete: 5-10 turns whose user messages are a few words each, replies short, no chain-of-
  thought ask anywhere, and the concatenated replies are the full worked solution in a teaching format.
- frontier_crawl (new): the teacher writes the prompts. Every explanation names related concepts, and the crawler
  asks about each named concept once, in a new conversation on another account hours later, breadth-first over the
  teacher's concept graph of the three capabilities: each prompt is a short, natural "what is X?" question, no two
  prompts are about the same concept, and the answers together are a textbook of thousands of explained concepts
  with worked examples.
- capability_rotation (new): no account is about one thing. The blunt accounts harvest one capability a UTC day and
  change it every day; the careful accounts change capability every session (each its own order, never in step
  with the others), with everyday sessions in between, so over a day each looks like a generalist.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v21 as C
from benchmarks.traffic import corpus_v21_more as D
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v21 response texts


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each problem (the three capabilities in turn) has five rewordings (the three phrasings and two disguised
    ones); the five go to five different accounts, each at least 2-30 hours after the one before. Accounts 0-14
    (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the rewording plus 'Show every
    step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice each (25% in the
    v21 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v21-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        for s in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                  (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((s[0], acct, len(s), careful, v, api, model, temp))
    n = [0]

    def rewordings() -> list[tuple[str, str]]:
        s = C.seed(rng, C.CAPS[n[0] % 3])
        n[0] += 1
        texts = [C.text(s, j) for j in range(3)] + [C.disguise(rng, C.text(s, rng.randrange(3))) for _ in range(2)]
        return [(x, s[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, temp), texts, j in deal_items(rng, slots, rewordings, 5,
                                                                               (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nShow every step please.", style, (300, 1200))
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp,
                   v=v)


def rtl_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                user: str | None = None) -> float:
    """One RTL-agent episode (shared with personas_v21_more.rtl_verification_team)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=D.RTL_TOOLS), system=D.RTL_SYS, step=D.rtl_step,
                          emit=C.emit, last_out=(300, 1200), temperature=0.2, style="rtl_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two tasks over and over with stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-9 (careful): an FPGA team's hours (local 8-22h, outside x0.15,
    weekends x0.5), 5-15 episodes a day, 3-12 steps, realistic results, three APIs; some name a few engineers in
    `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v21-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                rtl_episode(ctx, acct, t, CHAT, "gpt-4.1", D.rtl_task(rng, D.RTL_TASKS[:2]), rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(8, 22), outside=0.15, weekend=0.5):
            rtl_episode(ctx, acct, t, api, model, D.rtl_task(rng), rng.randint(3, 12), True, rng.choice(team))


# ---- socratic_ladder ----
LADDER_SYS = "You are a patient tutor. Give exactly one step of the solution per reply, then stop and wait."


def ladder_next(rng, v: dict | None, last: int, echo: float) -> Callable[[str, int], str]:
    """A student's next-step asks: the final-answer ask on turn `last`, else an echoed value (share `echo`) or a
    plain 'next?' in the voice's language."""
    def nxt(reply: str, j: int) -> str:
        if j == last:
            return rng.choice(D.FINAL_ASK) if not (v and C.native(v)) else rng.choice(C.NEXT_I18N[v["lg21"]])
        if v and C.native(v):
            return rng.choice(C.NEXT_I18N[v["lg21"]])
        val = D.echo_value(rng, reply) if rng.random() < echo else None
        text = rng.choice(D.ECHO).format(val=val) if val else rng.choice(D.NEXT)
        return W.typo(rng, text.lower() if v and v["lower"] else text, v["typo"] if v else 0)
    return nxt


def socratic_ladder(ctx: Ctx, variant: str) -> None:
    """14 accounts; every conversation takes one item's worked solution one step per turn, to the end. Accounts 0-1
    (blunt): chat gpt-4.1-mini under LADDER_SYS, the item and 'First step only.', then 'Next step.' every turn 4-12
    s after the reply (a script) and 'Final answer?' last; a conversation is steps_of(item) + 1 turns; 35-50
    conversations a day started around the clock. Accounts 2-13 (careful): no system prompt; the item (disguised, in
    a voice, 20% in the v21 languages) with one of D.ONE_STEP; each later turn a few words (D.NEXT, or a value of
    the last reply echoed back, D.ECHO, in 30%; NEXT_I18N in the v21 languages), timed by reading and typing;
    ladders of steps_of(item) + 1 turns, 8% abandoned half-way; 4-9 ladders a day in daytime sessions of 1-2
    (weekends x0.6), 10% everyday conversations instead; three APIs. One item bank for the campaign: no item twice."""
    rng = ctx.rng

    def draw() -> tuple[str, tuple]:
        s = C.seed(rng, rng.choice(C.CAPS))
        return C.text(s, 0), s

    bank = C.distinct(draw, tries=80)
    for _ in range(2):
        acct = account(ctx, "attack", "socratic_ladder", "v21-ladder")
        for t in ctx.steady_times(rng.uniform(35, 50), jitter=0.5):
            _, s = bank()
            turns = D.steps_of(s) + 1

            def nxt(reply: str, j: int, turns=turns) -> str:
                return "Final answer?" if j == turns - 1 else D.BLUNT_NEXT

            D.ladder(ctx, acct, t, CHAT, "gpt-4.1-mini", f"{C.text(s, 0)}\n\nFirst step only.", s[0], turns, nxt,
                     system=LADDER_SYS, gap=(4, 12), emit=C.emit)
    for _ in range(12):
        acct = account(ctx, "attack", "socratic_ladder", "v21-ladder")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(4, 9), (1, 2), (60, 600), weekend_rate=0.6):
            for t in sess:
                t = max(t, end + rng.uniform(30, 300))
                if rng.random() < 0.1:
                    end = C.everyday_talk(ctx, acct, t, 1 + (rng.random() < 0.4), v, api, model, temp)
                    continue
                _, s = bank()
                turns = D.steps_of(s) + 1
                if rng.random() < 0.08:
                    turns = max(2, turns // 2)
                opener = C.say(rng, v, f"{C.disguise(rng, C.text(s, rng.randrange(3)))}\n\n{rng.choice(D.ONE_STEP)}",
                               ask=False)
                end = D.ladder(ctx, acct, t, api, model, opener, s[0], turns,
                               ladder_next(rng, v, D.steps_of(s), 0.3), v=v, temperature=temp, emit=C.emit)


# ---- frontier_crawl ----
def crawl_turn(ctx: Ctx, acct: dict, t: float, api: str, model: str, opener: str, c: D.Concept, turns: int,
               follow: Callable[[], str], *, v: dict | None = None, system: str | None = None,
               user: str | None = None, out_range: tuple[int, int] = (400, 1400), max_tokens: int = 2048) -> float:
    """A concept conversation: the question, an explanation that names related concepts (D.crawl_reply), then
    `turns` - 1 follow-ups (follow(), answered in the capability's style); returns the end time. (Shared with
    personas_v21's explore app, whose follow-ups are chip clicks: follow() may return (text, concept).)"""
    rng = ctx.rng
    msgs = [{"role": "user", "content": opener}]
    for j in range(turns):
        out = rng.randint(*out_range)
        reply = D.crawl_reply(rng, c, out, model)
        body = build(api, model, system, msgs, max_tokens)
        C.emit(ctx, t, acct, api, body, out, text=reply, user=user)
        if j == turns - 1:
            break
        nxt = follow()
        if isinstance(nxt, tuple):
            nxt, c = nxt
        msgs = msgs + [{"role": "assistant", "content": reply}, {"role": "user", "content": nxt}]
        t += C.reply_gap(rng, out, len(nxt), v)
    return t


def frontier_crawl(ctx: Ctx, variant: str) -> None:
    """26 accounts sharing one breadth-first crawl of the concept graph (D.concept, D.children): a concept becomes
    askable once an explanation named it (its parent was asked), 20-90 s later for the blunt accounts' parents and
    1-20 hours later for the careful ones'; each slot takes the concept that has waited longest (a careful slot one
    whose parent another account asked), or else an unvisited root; no concept is asked twice. Accounts 0-1 (blunt):
    chat gpt-4.1-mini, D.BLUNT_CRAWL, single-turn, 120-180 a day around the clock. Accounts 2-25 (careful): 8-25
    conversations a day in daytime sessions of 1-4 (weekends x0.6), a voice each (20% in the v21 languages), the
    question in one of D.CRAWL_ASKS (some name the parent concept), a follow-up in 30%, 15% everyday conversations;
    three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(26):
        acct = account(ctx, "attack", "frontier_crawl", "v21-crawl")
        if k < 2:
            slots += [(t, acct, None, CHAT, "gpt-4.1-mini", None) for t in ctx.steady_times(rng.uniform(120, 180),
                                                                                             jitter=0.5)]
            continue
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        for s in C.human_sessions(ctx, acct, rng.uniform(8, 25), (1, 4), weekend_rate=0.6):
            slots += [(t, acct, v, api, model, temp) for t in s]
    roots = [r for cap in C.CAPS for r in D.roots(cap)]
    rng.shuffle(roots)
    seen: set[D.Concept] = set(roots)
    frontier: list[tuple[float, int, D.Concept, D.Concept | None, str]] = []
    n = 0
    for t, acct, v, api, model, temp in sorted(slots, key=lambda s: s[0]):
        if v is not None and rng.random() < 0.15:
            C.everyday_talk(ctx, acct, t, 1 + (rng.random() < 0.3), v, api, model, temp)
            continue
        held, pick = [], None
        while frontier and frontier[0][0] <= t:
            entry = heapq.heappop(frontier)
            if v is None or entry[4] != acct["principal"]:
                pick = entry
                break
            held.append(entry)
        for entry in held:
            heapq.heappush(frontier, entry)
        if pick is None and not roots and frontier:  # nothing askable yet and no root left: the oldest in line
            pick = heapq.heappop(frontier)
        if pick is None and not roots:
            continue
        c, parent = (pick[2], pick[3]) if pick else (roots.pop(), None)
        delay = (20, 90) if v is None else (3600, 20 * 3600)
        for k in D.children(c):
            if k not in seen:
                seen.add(k)
                n += 1
                heapq.heappush(frontier, (t + rng.uniform(*delay), n, k, c, acct["principal"]))
        if v is None:
            crawl_turn(ctx, acct, t, CHAT, model, D.BLUNT_CRAWL.format(c=D.concept(c)), c, 1, lambda: "",
                       out_range=(500, 1500))
            continue
        ask = rng.choice(D.CRAWL_ASKS if parent else [a for a in D.CRAWL_ASKS if "{p}" not in a])
        q = C.say(rng, v, ask.format(c=D.concept(c), p=D.concept(parent) if parent else ""), ask=False)
        crawl_turn(ctx, acct, t, api, model, q, c, 1 + (rng.random() < 0.3), partial(C.follow_up, rng, v), v=v)


# ---- capability_rotation ----
def capability_rotation(ctx: Ctx, variant: str) -> None:
    """30 accounts. Accounts 0-3 (blunt): chat gpt-4.1, single-turn 'Solve fully: ...', 150-250 a day around the
    clock, one capability per UTC day, (account + day) mod 3, so every account changes capability every day.
    Accounts 4-29 (careful): each session takes the next capability in the account's own shuffled order (its own
    starting point, so the campaign never moves in step), 15% of sessions everyday talk instead; sessions of 1-4
    conversations with follow-ups timed by reading; 15-45 a day in daytime sessions (weekends x0.6), a voice each
    (20% in the v21 languages), the implicit asks under a third of the items, three APIs; items never repeat within
    an account."""
    rng = ctx.rng
    for k in range(4):
        acct = account(ctx, "attack", "capability_rotation", "v21-rotation")
        draws = C.draws(rng)
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.5):
            cap = C.CAPS[(k + int((t - ctx.start) // DAY)) % 3]
            x, style = draws[cap]()
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Solve fully: {x}", style, (400, 1500), 2048)
    for _ in range(26):
        acct = account(ctx, "attack", "capability_rotation", "v21-rotation")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        order = rng.sample(C.CAPS, 3)
        draws = C.draws(rng)
        ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.33 else None
        turn = rng.randrange(3)
        for s in C.human_sessions(ctx, acct, rng.uniform(15, 45), (1, 4), weekend_rate=0.6):
            if rng.random() < 0.15:
                C.sitting(ctx, acct, s, v, api, model, temp, draws["crypto"], 0.4, 1.0)
                continue
            cap = order[turn % 3]
            turn += 1
            C.sitting(ctx, acct, s, v, api, model, temp, draws[cap], 0.4, 0.0, ask=ask)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, socratic_ladder, frontier_crawl,
                                                       capability_rotation)
