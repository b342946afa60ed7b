"""Attack campaigns of `variant="v14"`, continued (attacks_v14.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v14-".

- paraphrased: 100 accounts asking geometry problems whose rewordings are spread over accounts (moderate: cheap
  word-swap copies, one model, no cover; careful: the three phrasings and reorderings, voices and languages,
  cover conversations, follow-ups), all at a human pace with a weekly shape.
- agentic_distill: 12 accounts running an email-and-calendar assistant agent (blunt: four tasks over and over,
  stub tool results, around the clock; careful: varied tasks, realistic results, office hours, three APIs).
- evol_instruct (new): a two-stage synthetic-data pipeline: 4 accounts ask the teacher for harder rewrites of
  geometry problems, 10 other accounts then ask the rewritten problems (the first stage's outputs) as students
  would, so the campaign's prompts are the teacher's own outputs.
- tool_call_distill (new): 10 accounts harvesting function-calling decisions over tool catalogues that a grammar
  makes up (blunt: a new random catalogue on every request, around the clock; careful: shaped like an integration
  platform with workspaces and end users, but its catalogues turn over every day).
- dialogue_synthesis (new): 8 accounts having the teacher write whole tutoring conversations (SFT data in
  dialogue form; blunt: a JSON messages array; careful: video scripts, help-centre sample chats, textbook boxes).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from types import ModuleType
from typing import Any

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v13 as V13
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build, resp_id


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each of 350 problems gets 5 rewordings released at random times over the window; a session takes one
    released rewording at random. Accounts 0-29 (moderate): word-swap copies of one phrasing, single-request
    sessions 4-10 a day (weekends x0.6), gpt-4o-mini on chat, 'explain step by step'. Accounts 30-99 (careful):
    phrasings, reorderings and translations, 2-9 a day in sessions of 1-4 (weekends x0.5), 30% everyday sessions,
    follow-ups, three APIs."""
    rng = ctx.rng
    pools: list[list[tuple[float, str, str]]] = [[], []]
    for _ in range(350):
        seed = X.geo_seed(rng)
        base = X.geo_text(seed, 0)
        pools[0] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), V13.near_copy(rng, base), "geo")
                     for _ in range(5)]
        texts = [X.geo_text(seed, j) for j in range(3)] + [W.reorder(rng, X.geo_text(seed, rng.randrange(3)))
                                                           for _ in range(2)]
        pools[1] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), text, "geo") for text in texts]
    ask_rewordings(ctx, pools, 100, 30, "v14-paraphrased", X, lambda: (X.geo_text(X.geo_seed(rng), rng.randrange(3)),
                                                                       "geo"), "\nExplain step by step.")


def ask_rewordings(ctx: Ctx, pools: list[list[tuple[float, str, str]]], accounts: int, moderate: int, campaign: str,
                   corpus: ModuleType, new_item: Callable[[], tuple[str, str]], blunt_ask: str) -> None:
    """The paraphrased campaign's accounts (shared with attacks_v15_more.paraphrased): accounts 0 to moderate - 1
    take pools[0], the rest (careful) pools[1]; a pool entry (release time, text, style) is available from its
    release time, and each session takes an available one at random (new_item() when none is). Moderate accounts:
    single-request sessions, gpt-4o-mini on chat, blunt_ask under the text; careful ones: a voice and language each
    from `corpus` (the variant's text module), 30% everyday sessions, follow-ups, three APIs."""
    rng = ctx.rng
    jobs: list[list[tuple]] = [[], []]
    for k in range(accounts):
        acct = account(ctx, "attack", "paraphrased", campaign)
        careful = k >= moderate
        v = corpus.voice(rng, corpus.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        sessions = corpus.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                         (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6)
        for s in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            jobs[careful].append((s[0], s, acct, v, api, model, temp))
    for careful in (0, 1):
        pool, ready, p = sorted(pools[careful]), [], 0
        for t0, session, acct, v, api, model, temp in sorted(jobs[careful], key=lambda j: j[0]):
            while p < len(pool) and pool[p][0] <= t0:
                ready.append(pool[p][1:])
                p += 1
            if careful and rng.random() < 0.3:
                corpus.everyday_talk(ctx, acct, session, v, api, model, temp)
                continue
            if ready:
                j = rng.randrange(len(ready))
                ready[j], ready[-1] = ready[-1], ready[j]
                text, style = ready.pop()
            else:
                text, style = new_item()
            if not careful:
                msgs = [{"role": "user", "content": text + blunt_ask}]
                corpus.emit(ctx, t0, acct, CHAT, build(CHAT, model, None, msgs, 2048), rng.randint(300, 1200), style)
                continue
            corpus.talk(ctx, acct, session, api, model, corpus.say(rng, v, text), style,
                        partial(corpus.follow_up, rng, v), temp)


def assist_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                   user: str | None = None, *, tools: Callable[[str], list[dict]] = TL.assist_tools,
                   system: str = TL.ASSIST_SYS, step: Callable[..., tuple[str, dict, str]] = TL.assist_step,
                   emit: Callable[..., Any] = X.emit, last_out: tuple[int, int] = (80, 400), temperature: float = 0.2,
                   style: str = "prose") -> float:
    """One assistant-agent episode (shared with personas_v14_more.exec_assistant); returns its end time. The
    keyword arguments make it another agent (attacks_v15_more.studio_episode): tools(api), its system prompt,
    step(rng, k, realistic) -> (tool, arguments, result), the variant's emit, the final reply's output tokens,
    temperature on chat and response style."""
    rng = ctx.rng
    specs = tools(api)
    msgs: list[dict] = [{"role": "user", "content": task}]
    prev = None
    for k in range(steps):
        last = k == steps - 1
        out = rng.randint(*last_out) if last else rng.randint(25, 140)
        if api == RESP:
            body = build(RESP, model, system, msgs[-1:] if k else msgs, 2048, prev, tools=specs)
        else:
            body = build(api, model, system, msgs, 2048, tools=specs,
                         **({"temperature": temperature} if api == CHAT else {}))
        emit(ctx, t, acct, api, body, out, style if last else "tool", user=user)
        t += out / rng.uniform(60, 120)
        if last:
            break
        name, args, result = step(rng, k, realistic)
        cid = f"call_{rng.getrandbits(64):016x}"
        if api == RESP:
            prev = resp_id(rng)
            msgs = [{"role": "user", "content": [{"type": "function_call_output", "call_id": cid, "output": result}]}]
        elif api == ANTH:
            use = {"type": "tool_use", "id": f"toolu_{rng.getrandbits(64):016x}", "name": name, "input": args}
            msgs = msgs + [{"role": "assistant", "content": [use]},
                           {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use["id"],
                                                         "content": result}]}]
        else:
            call = {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
            msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [call]},
                           {"role": "tool", "tool_call_id": cid, "content": result}]
        t += rng.uniform(0.2, 2.5)
    return t


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat, the first four tasks over and over, stub tool results, 15-25 episodes a day
    around the clock, 5-8 steps. Accounts 3-11 (careful): chat, Anthropic and Responses, any task, realistic
    results, 6-20 episodes per working day at local 8-19h (outside x0.05, weekends x0.2), 3-10 steps."""
    rng = ctx.rng
    for i in range(12):
        acct = account(ctx, "attack", "agentic_distill", "v14-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                assist_episode(ctx, acct, t, CHAT, "gpt-4.1", TL.assist_task(rng, TL.ASSIST_TASKS[:4]),
                               rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(8, 19), outside=0.05, weekend=0.2):
            assist_episode(ctx, acct, t, api, model, TL.assist_task(rng), rng.randint(3, 10), True)


def evol_instruct(ctx: Ctx, variant: str) -> None:
    """Stage 1, accounts 0-3: account 0 (blunt) sends the 'Prompt Rewriter' template around the clock, 250-400 a
    day, temperature 1.0; accounts 1-3 (careful) ask for a harder version as a teacher would, three phrasings, at
    local 8-20h (weekends x0.3), 60-150 a day, three APIs. Each rewrite (the teacher's output, logged as
    response_text where the tenant logs outputs) joins a pool 1-12 hours later. Stage 2, accounts 4-13 (careful):
    a voice each, 6-20 a day in daytime sessions (weekends x0.5, at most 24 a day), 25% everyday conversations,
    follow-ups; each item is a rewrite from the pool."""
    rng = ctx.rng
    pool: list[tuple[float, str]] = []
    for i in range(4):
        acct = account(ctx, "attack", "evol_instruct", "v14-evol")
        if i == 0:
            times = ctx.steady_times(rng.uniform(250, 400), jitter=0.6)
            api, model = CHAT, "gpt-4.1"
        else:
            times = ctx.window_times(acct["tz"], rng.uniform(60, 150), hours=(8, 20), outside=0.05, weekend=0.3)
            api = (CHAT, ANTH, RESP)[i - 1]
            model = rng.choice(MODELS[api][:2])
        for t in times:
            seed = X.geo_seed(rng)
            given, op = X.geo_text(seed, rng.randrange(3)), rng.choice(TL.EVOL_OPS)
            new = TL.evolve(rng, seed)
            if i == 0:
                text, extra = TL.EVOL_BLUNT.format(op=op, w=rng.choice((60, 80, 100)), x=given), {"temperature": 1.0}
            else:
                text, extra = rng.choice(TL.EVOL_SOFT).format(op=op, x=given), {}
            body = build(api, model, None, [{"role": "user", "content": text}], 600, **extra)
            X.emit(ctx, t, acct, api, body, max(20, len(new) // 4), text=new)
            pool.append((t + rng.uniform(3600, 12 * 3600), new))
    pool.sort()
    slots = []
    for _ in range(10):
        acct = account(ctx, "attack", "evol_instruct", "v14-evol")
        v = X.voice(rng, X.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (60, 30, 10))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7))
        for s in X.human_sessions(ctx, acct, rng.uniform(6, 20), (1, 4), weekend_rate=0.5, cap=24):
            slots.append((s[0], s, acct, v, api, model, temp))
    p, ready = 0, []
    for t0, s, acct, v, api, model, temp in sorted(slots, key=lambda x: x[0]):
        while p < len(pool) and pool[p][0] <= t0:
            ready.append(pool[p][1])
            p += 1
        if not ready or rng.random() < 0.25:
            X.everyday_talk(ctx, acct, s, v, api, model, temp)
            continue
        text = ready.pop(rng.randrange(len(ready)))
        X.talk(ctx, acct, s, api, model, X.say(rng, v, text), "geo", partial(X.follow_up, rng, v), temp,
               out_range=(400, 1500))


def tool_call_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1, a new random catalogue of 4-9 tools on every request, one request, 300-500
    a day around the clock, temperature 0. Accounts 2-9 (careful): an 'integration platform': 8-15 workspaces, each
    with its own catalogue and end users in `user`; a third of the workspaces replaced by new ones every day (the
    catalogue space keeps growing); local 7-21h (outside x0.1, weekends x0.5), 80-250 a day; 25% of requests carry
    the tool result back for the final reply; chat, Anthropic or Responses."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "tool_call_distill", "v14-tools")
        for t in ctx.steady_times(rng.uniform(300, 500), jitter=0.6):
            tools = TL.catalog(rng, rng.randint(4, 9))
            msgs = [{"role": "user", "content": TL.tool_request(rng, tools)}]
            body = build(CHAT, "gpt-4.1", None, msgs, 512, tools=TL.api_tools(CHAT, tools), temperature=0)
            X.emit(ctx, t, acct, CHAT, body, rng.randint(20, 120), "tool")
    for _ in range(8):
        acct = account(ctx, "attack", "tool_call_distill", "v14-tools")
        api = rng.choices((CHAT, ANTH, RESP), (55, 25, 20))[0]
        model = rng.choice(MODELS[api][:2])
        spaces = [TL.catalog(rng, rng.randint(3, 8)) for _ in range(rng.randint(8, 15))]
        day = 0
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(7, 21), outside=0.1, weekend=0.5):
            d = int((t - ctx.start) // DAY)
            while day < d:
                day += 1
                for j in rng.sample(range(len(spaces)), len(spaces) // 3):
                    spaces[j] = TL.catalog(rng, rng.randint(3, 8))
            w = rng.randrange(len(spaces))
            tool_turn(ctx, acct, t, api, model, spaces[w], W.end_user(rng, "u_{h}", 900 + w), rng.random() < 0.25)


def tool_turn(ctx: Ctx, acct: dict, t: float, api: str, model: str, tools: list[dict], user: str | None,
              with_result: bool, system: str | None = None) -> None:
    """One function-calling request (and, with_result, the follow-up carrying the tool's result); shared with
    personas_v14_more.automation_platform."""
    rng = ctx.rng
    msgs: list[dict] = [{"role": "user", "content": TL.tool_request(rng, tools)}]
    extra = {"temperature": 0} if api == CHAT else {}
    X.emit(ctx, t, acct, api, build(api, model, system, msgs, 512, tools=TL.api_tools(api, tools), **extra),
           rng.randint(20, 120), "tool", user=user)
    if not with_result:
        return
    name, cid, result = rng.choice(tools)["name"], f"call_{rng.getrandbits(64):016x}", '{"ok": true, "items": 3}'
    if api == ANTH:
        use = {"type": "tool_use", "id": f"toolu_{rng.getrandbits(64):016x}", "name": name, "input": {}}
        msgs = msgs + [{"role": "assistant", "content": [use]}, {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": use["id"], "content": result}]}]
        body = build(api, model, system, msgs, 512, tools=TL.api_tools(api, tools))
    elif api == RESP:
        body = build(api, model, system, [{"role": "user", "content": [
            {"type": "function_call_output", "call_id": cid, "output": result}]}], 512, resp_id(rng),
            tools=TL.api_tools(api, tools))
    else:
        call = {"id": cid, "type": "function", "function": {"name": name, "arguments": "{}"}}
        msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [call]},
                       {"role": "tool", "tool_call_id": cid, "content": result}]
        body = build(api, model, system, msgs, 512, tools=TL.api_tools(api, tools), **extra)
    X.emit(ctx, t + rng.uniform(0.5, 4), acct, api, body, rng.randint(30, 160), "prose", user=user)


SCRIPT_FOLLOW = ("make Sam's mistake more realistic", "shorter please, it's for a 2-minute video", "can the tutor "
                 "ask a question back at step 2?", "good - same again but with the bug in Go")


def dialogue_synthesis(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1, SCRIPT_BLUNT with a json_object response format, 150-250 a day around
    the clock, temperature 1.0, max_tokens 4096. Accounts 2-7 (careful): the softer framings, 25-70 a day at local
    9-22h (outside x0.1, weekends x0.6), a rewrite request after 20% of scripts, three APIs; a fifth of their
    requests are language-practice dialogues like the language apps send."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "dialogue_synthesis", "v14-dialogue")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.5):
            core, _ = X.item(rng, rng.choice(X.CAPS))
            text = TL.SCRIPT_BLUNT.format(n=rng.choice((6, 8, 10)), x=core)
            body = build(CHAT, "gpt-4.1", None, [{"role": "user", "content": text}], 4096, temperature=1.0,
                         response_format={"type": "json_object"})
            X.emit(ctx, t, acct, CHAT, body, rng.randint(800, 2500), "dialogue")
    for _ in range(6):
        acct = account(ctx, "attack", "dialogue_synthesis", "v14-dialogue")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model = rng.choice(MODELS[api][:2])
        for t in ctx.window_times(acct["tz"], rng.uniform(25, 70), hours=(9, 22), outside=0.1, weekend=0.6):
            if rng.random() < 0.2:
                text, style = TL.practice_dialogue(rng, rng.choice(("Zulu", "Igbo", "Khmer", "Spanish"))), "json"
            else:
                text = rng.choice(TL.SCRIPT_SOFT).format(n=rng.choice((4, 6, 8)), x=X.item(rng, rng.choice(X.CAPS))[0])
                style = "dialogue"
            times = [t, t + rng.uniform(90, 600)] if rng.random() < 0.2 else [t]
            X.talk(ctx, acct, times, api, model, text, style, partial(rng.choice, SCRIPT_FOLLOW), 0.9,
                   out_range=(500, 1800))


MORE_ATTACKS = (paraphrased, agentic_distill, evol_instruct, tool_call_distill, dialogue_synthesis)
