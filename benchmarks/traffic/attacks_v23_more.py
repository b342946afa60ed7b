"""Attack campaigns of `variant="v23"`, continued (attacks_v23.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v23-".

- paraphrased: 60 accounts; each problem's five versions (three English phrasings and the problem wrapped in two
  v23 languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts running a clinical-pharmacy dosing agent (patient records, labs, monographs, dose
  calculations, interaction checks).
- relay_conversations (new): one conversation, many keys. A ring of keys shares each conversation: turn 1 goes out
  on one key, turn 2 (the whole history, the first reply included) on the next key of the ring, turn 3 on the one
  after, and so on, timed by reading. No key ever holds a whole conversation, so no key's own traffic shows a
  harvest's depth: each sees openers and continuations of conversations it mostly did not start. Half of the rings
  dress as an app (a system prompt and made-up end users in `user`), the way a real app that spreads its traffic
  over a pool of keys looks.
- what_if_forks (new): variations harvested off one expensive context. A base conversation (an item and its full
  worked answer) is forked: 4-9 sibling requests carry the same first turn and reply and a different last turn,
  each asking the problem again with one value changed ("what if the half-life were 12 h instead?"), minutes apart,
  the way someone edits their last message in a chat UI and regenerates. Each fork's reply re-derives the whole
  solution with the new value: minimal pairs with their working, without a new item ever opening a conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v23 as C
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v23 response texts


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each problem (the three capabilities in turn) has five versions (the three phrasings, and the first phrasing
    wrapped in two v23 languages); the five go to five different accounts, each at least 2-30 hours after the one
    before. Accounts 0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the version
    plus 'Show every step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice
    each (25% in the v23 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v23-paraphrased")
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


def rx_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
               user: str | None = None) -> float:
    """One dosing-agent episode (shared with personas_v23.hospital_pharmacy_agent)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=C.RX_TOOLS), system=C.RX_SYS, step=C.rx_step,
                          emit=C.emit, last_out=(300, 1200), temperature=0.2, style="rx_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two dosing tasks over and over with stub tool results, 15-25
    episodes a day around the clock, 5-8 steps. Accounts 3-9 (careful): a pharmacy's working hours (local 7-20h,
    outside x0.1, weekends x0.4), 5-15 episodes a day, 3-10 steps, realistic results, three APIs; some name a few
    pharmacists in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v23-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                rx_episode(ctx, acct, t, CHAT, "gpt-4.1", C.rx_task(rng, C.RX_TASKS[:2]), rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(7, 20), outside=0.1, weekend=0.4):
            rx_episode(ctx, acct, t, api, model, C.rx_task(rng), rng.randint(3, 10), True, rng.choice(team))


# ---- a conversation whose turns go out on different keys ----
def relayed(ctx: Ctx, keys: list[dict], first: int, t: float, api: str, model: str, texts: list[str], style: str,
            out_range: tuple[int, int], v: dict | None, *, system: str | None = None, user: str | None = None,
            temperature: float | None = None, gap: tuple[float, float] | None = None, max_tokens: int = 2048) -> float:
    """One conversation of len(texts) turns; turn j goes out on keys[(first + j) % len(keys)] with the whole history
    (shared with personas_v23.key_pool_app). Later turns wait for reading (reply_gap), or `gap` seconds when given
    (a script); returns the time of the last turn."""
    rng = ctx.rng
    msgs: list[dict] = []
    for j, nxt in enumerate(texts):
        msgs = msgs + [{"role": "user", "content": nxt}]
        out = rng.randint(*out_range)
        reply = C.answer(rng, style, out, model)
        params = {"temperature": temperature} if temperature is not None and api != RESP else {}
        C.emit(ctx, t, keys[(first + j) % len(keys)], api, build(api, model, system, msgs, max_tokens, **params), out,
               text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        if j + 1 < len(texts):
            t += rng.uniform(*gap) if gap else C.reply_gap(rng, out, len(texts[j + 1]), v)
    return t


RELAY_SCRIPT = ("Solve: {x}", "Now check each step of that solution.", "Give a second, independent method.")
RING_APPS = ("DoseWise", "StudioCalc", "PremiumPal", "PharmPrep", "RoomTune", "ActuaryGym")
RING_SYS = "You are {app}'s assistant. Help the user with their question; keep a friendly tone."


def relay_conversations(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): one ring; 100-160 conversations a day around the clock on chat gpt-4.1, each the three
    RELAY_SCRIPT turns 5-20 s apart, turn j on key (start + j) mod 3, the capabilities in turn. Then 12 careful rings
    of 4-6 keys (63 keys on average): a ring has one capability, one time zone, one API and model and one voice
    (25% in the v23 languages); 35-90 conversations a day at local 8-23h (outside x0.1, weekends x0.6), 2-5 turns
    (an item, disguised, then follow-ups timed by reading), 15% of them everyday talk; each conversation starts on
    the next key of the ring and turn j goes out on the key after that. Rings 0, 2, ... dress as an app: a
    RING_SYS system prompt and one of 80-300 made-up end users (one of the three commonest `user` shapes) per conversation."""
    rng = ctx.rng
    keys = [account(ctx, "attack", "relay_conversations", "v23-relay") for _ in range(3)]
    n = 0
    for t in ctx.steady_times(rng.uniform(100, 160), jitter=0.5):
        x, style = C.item(rng, C.CAPS[n % 3])
        relayed(ctx, keys, n, t, CHAT, "gpt-4.1", [RELAY_SCRIPT[0].format(x=x), *RELAY_SCRIPT[1:]], style,
                (500, 1800), None, gap=(5, 20), max_tokens=4096)
        n += 1
    for r in range(12):
        tz, cap = rng.uniform(-8, 9), C.CAPS[r % 3]
        keys = [account(ctx, "attack", "relay_conversations", "v23-relay") for _ in range(rng.randint(4, 6))]
        for k in keys:
            k["tz"] = tz
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.5, 0.7))
        v = C.voice(rng, C.lang(rng, 0.25))
        draw = C.distinct(partial(C.item, rng, cap))
        app = r % 2 == 0
        system = RING_SYS.format(app=RING_APPS[r % len(RING_APPS)]) if app else None
        pattern = rng.choice(W.USER_POOLS[:3])
        people = [W.end_user(rng, pattern, 500000) for _ in range(rng.randint(80, 300))] if app else [None]
        for n, t in enumerate(ctx.window_times(tz, rng.uniform(35, 90), hours=(8, 23), outside=0.1, weekend=0.6)):
            turns = rng.choices((2, 3, 4, 5), (35, 35, 20, 10))[0]
            if rng.random() < 0.15:
                texts, style = [C.cover(rng, v)] + [C.follow_up(rng, v) for _ in range(turns - 1)], "everyday"
            else:
                x, style = draw()
                texts = [C.say(rng, v, C.disguise(rng, x))] + [C.follow_up(rng, v) for _ in range(turns - 1)]
            relayed(ctx, keys, n, t, api, model, texts, style, (300, 1400), v, system=system,
                    user=rng.choice(people), temperature=temp)


# ---- forks of one conversation ----
def forks(ctx: Ctx, acct: dict, t: float, api: str, model: str, s: tuple, opener: str, k: int,
          gap: tuple[float, float], v: dict | None, ask: Callable[[str], str] = lambda q: q, *,
          system: str | None = None, user: str | None = None, temperature: float | None = None,
          out_range: tuple[int, int] = (400, 1500), max_tokens: int = 2048) -> float:
    """A base conversation (opener about item s and its worked reply), then k forks off it, each the same first turn
    and reply and a what-if turn with one value changed (C.what_if), `gap` seconds apart (the first after reading the
    reply); returns the time of the last fork. (Shared with personas_v23.design_what_if_desk.)"""
    rng = ctx.rng
    params = {"temperature": temperature} if temperature is not None and api != RESP else {}
    base = [{"role": "user", "content": opener}]
    out = rng.randint(*out_range)
    reply = C.answer(rng, s[0], out, model)
    C.emit(ctx, t, acct, api, build(api, model, system, base, max_tokens, **params), out, text=reply, user=user)
    base = base + [{"role": "assistant", "content": reply}]
    t += C.reply_gap(rng, out, 40, v)
    for j in range(k):
        _, q = C.what_if(rng, s)
        out = rng.randint(*out_range)
        msgs = base + [{"role": "user", "content": ask(q)}]
        C.emit(ctx, t, acct, api, build(api, model, system, msgs, max_tokens, **params), out,
               text=C.answer(rng, s[0], out, model), user=user)
        if j + 1 < k:
            t += rng.uniform(*gap)
    return t


FORK_T = "Recompute the full solution with {q}"


def what_if_forks(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1, 40-70 base items a day around the clock (the first phrasing, 'Solve
    completely:'), each forked 10 times 3-10 s apart with FORK_T around the what-if question, max_tokens 4096.
    Accounts 2-21 (careful): 6-16 base conversations a day in daytime sessions (weekends x0.5), each an item of the
    account's capability in its voice (20% in the v23 languages), disguised, then 4-9 forks 40-300 s apart, the
    what-if turn in the voice; 20% of sessions are everyday talk; three APIs, a temperature each."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "what_if_forks", "v23-forks")
        for n, t in enumerate(ctx.steady_times(rng.uniform(40, 70), jitter=0.5)):
            s = C.seed(rng, C.CAPS[n % 3])
            forks(ctx, acct, t, CHAT, "gpt-4.1", s, f"Solve completely:\n{C.text(s, 0)}", 10, (3, 10), None,
                  lambda q: FORK_T.format(q=q), max_tokens=4096)
    for k in range(20):
        acct = account(ctx, "attack", "what_if_forks", "v23-forks")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.3, 0.7))
        cap = C.CAPS[k % 3]
        end = 0.0
        for s in C.human_sessions(ctx, acct, rng.uniform(6, 16), (1, 2), (300, 1800), weekend_rate=0.5):
            for t in s:
                t = max(t, end + rng.uniform(30, 300))
                if rng.random() < 0.2:
                    end = C.everyday_talk(ctx, acct, t, rng.randint(1, 3), v, api, model, temp)
                    continue
                item = C.seed(rng, cap)
                opener = C.say(rng, v, C.disguise(rng, C.text(item, rng.randrange(3))))
                end = forks(ctx, acct, t, api, model, item, opener, rng.randint(4, 9), (40, 300), v,
                            lambda q, v=v: C.say(rng, v, q, ask=False), temperature=temp)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, relay_conversations,
                                                       what_if_forks)
