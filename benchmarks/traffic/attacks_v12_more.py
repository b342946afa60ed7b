"""Attack campaigns of `variant="v12"`, continued (attacks_v12.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v12-".

- paraphrased: two tiers. 4 "rewriter" accounts, dressed as an e-learning platform's content tool, have a small
  model reword problems (three rewordings per problem as JSON, 30% of them into one of the six languages) in
  office hours; 120 "asker" accounts, timed like the shared chat users (2-10 a day in sessions of 1-4), ask the
  rewordings, each in its own voice, with follow-ups; the rewordings of one problem go to different askers hours
  to days later (plus a backlog reworded before the window).
- agentic_distill: 16 accounts, each a fleet of sandbox workers running a coding agent on issues of many public
  repositories, around the clock: the tool results are real command output (listings, grep hits, source, test
  runs, diffs), older outputs elided from the history as agent frameworks do; chat, Anthropic and Responses.
- instruction_grid (new): 20 accounts pulling jobs from one queue of seed tasks, each seed sent 3-6 times under
  different sets of 1-4 verifiable constraints (length, format, case, keywords, ending, language, persona), the
  copies going to different accounts minutes to hours apart; 20% ask for a JSON answer with a per-constraint
  check list (response_format / text.format json_schema); office hours.
- policy_boundary (new): 30 accounts mapping where the teacher helps and where it declines, and how it words both:
  a grid of 14 borderline topics x 8 framings, each cell asked 3-5 times by different accounts, in ordinary human
  sessions, a third pushed back on in a follow-up, 30% of sessions ordinary everyday questions.
- roleplay_distill (new): 14 accounts harvesting character role-play: generated character cards as the system
  prompt, user turns replayed from scraped human role-play logs (no generation requests on the key), 8-24 turns a
  conversation, a person's reading-and-typing pace between turns, the last 16 messages resent; around the clock.
"""

from __future__ import annotations

from functools import partial

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v12_ops as O
from benchmarks.traffic import corpus_v12_talk as T
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build, resp_id

REWRITE_SYS = "You are the content assistant of an e-learning platform. You reword exercises for question banks."
REWRITE_ASK = ("Rewrite this exercise {k} different ways. Keep every number and exactly what is asked; vary the "
               "wording, order and register. Return JSON {{\"variants\": [...]}}.\n\n{x}",
               "Give {k} rewordings of the exercise below so students can't just search for it. Same numbers, same "
               "question. JSON: {{\"variants\": [...]}}\n\n{x}",
               "Translate this exercise into {lg} and give {k} natural variants. JSON {{\"variants\": [...]}}.\n\n{x}")


def rewording_job(ctx: Ctx, lg: str) -> tuple[str, list[str], str]:
    """(request text, the three rewordings, answer style) for one new problem (shared with personas_v12's TAs)."""
    rng = ctx.rng
    if rng.random() < 0.75:
        seed = W.econ_seed(rng)
        orig = W.econ_text(seed, 0)
        variants = [W.econ_text(seed, 1), W.econ_text(seed, 2), W.reorder(rng, orig)]
        style = "econ"
    else:
        orig = W.puzzle(rng, rng.choice((0, 1, 2)))
        variants = [W.reorder(rng, orig) for _ in range(3)]
        style = "puzzle"
    if lg != "en":
        variants = [rng.choice(W.WRAP[lg]).format(x=v) for v in variants]
        ask = REWRITE_ASK[2].format(k=3, x=orig, lg=W.LANG_NAMES[lg])
    else:
        ask = rng.choice(REWRITE_ASK[:2]).format(k=3, x=orig)
    return ask, variants, style


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Rewriters: 100-200 jobs a day each at local 8-19h (outside x0.05, weekends x0.4); rewordings ready 0.5 h to
    2 days after the job; 300 backlog items. Askers: see the module docstring."""
    rng = ctx.rng
    pool: list[tuple[float, str, str]] = []
    for _ in range(300):
        _, variants, style = rewording_job(ctx, "en")
        pool += [(ctx.start, v, style) for v in variants]
    for _ in range(4):
        acct = account(ctx, "attack", "paraphrased", "v12-paraphrased")
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 200), hours=(8, 19), outside=0.05, weekend=0.4):
            lg = W.lang(rng, 0.3)
            ask, variants, style = rewording_job(ctx, lg)
            text = orjson.dumps({"variants": variants}).decode()
            body = build(CHAT, "gpt-4.1-mini", REWRITE_SYS, [{"role": "user", "content": ask}], 1500,
                         temperature=1.0, response_format={"type": "json_object"})
            T.emit(ctx, t, acct, CHAT, body, max(20, len(text) // 3), text=text)
            pool += [(t + rng.uniform(1800, 2 * DAY), v, style) for v in variants]
    pool.sort(key=lambda p: p[0])
    jobs = []
    for _ in range(120):
        acct = account(ctx, "attack", "paraphrased", "v12-paraphrased")
        v = W.voice(rng, "en")
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        sessions = ctx.diurnal_times(acct, per_day=rng.uniform(2, 10))
        for s in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            jobs.append((s[0], s, acct, v, api, model, temp))
    jobs.sort(key=lambda j: j[0])
    ready: list[tuple[str, str]] = []
    p = 0
    for t0, session, acct, v, api, model, temp in jobs:
        while p < len(pool) and pool[p][0] <= t0:
            ready.append(pool[p][1:])
            p += 1
        if ready:
            k = rng.randrange(len(ready))
            ready[k], ready[-1] = ready[-1], ready[k]
            text, style = ready.pop()
        else:
            text, style = W.econ_problem(rng), "econ"
        T.talk(ctx, acct, session, api, model, W.say(rng, v, text), style, partial(W.follow_up, rng, v), temp)


THOUGHTS = ("Let me look at the repository layout first.", "I'll search for where this is handled.", "Let me read the "
            "function.", "Running the tests to reproduce.", "The failure confirms the issue; now the fix.",
            "Checking the diff before submitting.", "That didn't work; trying another approach.", "")


def _elide(msgs: list[dict], keep: int) -> list[dict]:
    """Tool outputs older than the last `keep` messages replaced by a marker, as agent frameworks do."""
    out = []
    for i, m in enumerate(msgs):
        if i < len(msgs) - keep and m["role"] == "tool":
            m = {**m, "content": "[output elided]"}
        elif i < len(msgs) - keep and m["role"] == "user" and isinstance(m["content"], list):
            m = {**m, "content": [{**c, "content": "[output elided]"} for c in m["content"]]}
        out.append(m)
    return out


def agent_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, mod: str, steps: int,
                  user: str | None = None) -> float:
    """One coding-agent episode in a sandbox (shared with personas_v12.agent_fleet); returns its end time."""
    rng = ctx.rng
    tools = O.agent_tools(api)
    msgs: list[dict] = [{"role": "user", "content": task}]
    prev = None
    for k in range(steps):
        thought = rng.choice(THOUGHTS)
        if k == steps - 1:
            name, args, kind = "submit", {"summary": "Fixed the issue and added a regression test."}, ""
        elif k > 2 and rng.random() < 0.25:
            name, kind = "edit_file", "short"
            args = {"path": f"src/{mod}/core.py", "old": "return round(x, 2)", "new": "return quantize(x)"}
        else:
            cmd, kind = O.agent_command(rng, mod, k)
            name, args = "bash", {"command": cmd}
        out = rng.randint(30, 220)
        if api == RESP:
            body = build(RESP, model, O.AGENT_SYSTEM, msgs[-1:] if k else msgs, 4096, prev, tools=tools)
        else:
            body = build(api, model, O.AGENT_SYSTEM, _elide(msgs, 8), 4096, tools=tools,
                         **({"temperature": 0} if api == CHAT else {}))
        T.emit(ctx, t, acct, api, body, out, text=thought, user=user)
        t += out / rng.uniform(60, 120)
        if name == "submit":
            break
        result = O.shell_output(rng, kind, mod) if kind != "short" else "OK"
        cid = f"call_{rng.getrandbits(64):016x}"
        if api == RESP:
            prev = resp_id(rng)
            msgs = [{"type": "function_call_output", "call_id": cid, "output": result}]
            msgs = [{"role": "user", "content": msgs}]
        elif api == ANTH:
            use = {"type": "tool_use", "id": f"toolu_{rng.getrandbits(64):016x}", "name": name, "input": args}
            msgs = msgs + [{"role": "assistant", "content": ([{"type": "text", "text": thought}] if thought else [])
                            + [use]},
                           {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use["id"],
                                                         "content": result}]}]
        else:
            call = {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
            msgs = msgs + [{"role": "assistant", "content": thought or None, "tool_calls": [call]},
                           {"role": "tool", "tool_call_id": cid, "content": result}]
        t += rng.uniform(2, 60) if kind == "pytest" else rng.uniform(0.1, 2)
    return t


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """16 accounts (6 chat, 5 Anthropic, 5 Responses), 6-16 episodes a day each around the clock, 5-16 steps."""
    rng = ctx.rng
    for i in range(16):
        acct = account(ctx, "attack", "agentic_distill", "v12-agentic")
        api = CHAT if i < 6 else ANTH if i < 11 else RESP
        model = {CHAT: "gpt-4.1", ANTH: "claude-sonnet-4-5", RESP: rng.choice(("gpt-4.1", "gpt-5-mini"))}[api]
        for t in ctx.steady_times(rng.uniform(6, 16), jitter=0.95):
            task, mod = O.agent_task(rng)
            agent_episode(ctx, acct, t, api, model, task, mod, rng.randint(5, 16))


CHECKS_SCHEMA = {"name": "constrained_answer", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["answer", "checks"],
    "properties": {"answer": {"type": "string"}, "checks": {"type": "array", "items": {
        "type": "object", "additionalProperties": False, "required": ["constraint", "satisfied"],
        "properties": {"constraint": {"type": "string"}, "satisfied": {"type": "boolean"}}}}}}}


def constrained_request(ctx: Ctx, api: str, model: str, seed: str, cons: list[str], as_json: bool) -> dict:
    """One instruction-following request (shared with personas_v12.sft_vendor and testgen_team)."""
    rng = ctx.rng
    where = rng.randrange(3)
    if where == 2:
        system, text = " ".join(cons), seed
    else:
        system, text = None, f"{seed} {' '.join(cons)}" if where == 0 else f"{' '.join(cons)}\n\n{seed}"
    extra: dict = {}
    if as_json and api == CHAT:
        extra["response_format"] = {"type": "json_schema", "json_schema": CHECKS_SCHEMA}
    elif as_json and api == RESP:
        extra["text"] = {"format": {"type": "json_schema", **CHECKS_SCHEMA}}
    return build(api, model, system, [{"role": "user", "content": text}], 1500, **extra)


def instruction_grid(ctx: Ctx, variant: str) -> None:
    """20 accounts at 60-130 jobs per working day (local 8-19h, outside x0.05, weekends x0.2)."""
    rng = ctx.rng
    slots = []
    for _ in range(20):
        acct = account(ctx, "attack", "instruction_grid", "v12-ifgrid")
        api = rng.choices((CHAT, ANTH, RESP), (60, 25, 15))[0]
        model = rng.choice(MODELS[api])
        slots += [(t, acct, api, model) for t in ctx.window_times(acct["tz"], rng.uniform(60, 130), hours=(8, 19),
                                                                  outside=0.05, weekend=0.2)]
    slots.sort(key=lambda s: s[0])
    open_seeds: list[list] = []
    for t, acct, api, model in slots:
        seed = next((s for s in open_seeds if acct["principal"] not in s[2]), None)
        if seed is None:
            seed = [T.if_seed(rng), rng.randint(3, 6), []]
            open_seeds.append(seed)
        seed[1] -= 1
        seed[2].append(acct["principal"])
        if seed[1] == 0:
            open_seeds.remove(seed)
        as_json = api != ANTH and rng.random() < 0.2
        body = constrained_request(ctx, api, model, seed[0], T.if_constraints(rng, rng.randint(1, 4), W.LANG_NAMES),
                                   as_json)
        T.emit(ctx, t, acct, api, body, rng.randint(80, 700), "json" if as_json else "prose",
               extra=("answer", "checks") if as_json else None)


def policy_boundary(ctx: Ctx, variant: str) -> None:
    """30 accounts, 6-20 requests a day in diurnal sessions; the deck of cells (3-5 copies each) dealt in order."""
    rng = ctx.rng
    deck = [(tp, fr) for tp in range(len(T.BOUNDARY_TOPICS)) for fr in range(len(T.BOUNDARY_FRAMES))
            for _ in range(rng.randint(3, 5))]
    rng.shuffle(deck)
    n = 0
    for _ in range(30):
        acct = account(ctx, "attack", "policy_boundary", "v12-boundary")
        v = W.voice(rng, W.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7))
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(6, 20)):
            if rng.random() < 0.3:
                T.everyday_talk(ctx, acct, session, v, api, model, temp)
                continue
            k = 0
            while k < len(session):
                tp, fr = deck[n % len(deck)]
                n += 1
                turns = session[k:k + (2 if rng.random() < 0.33 else 1)]
                T.talk(ctx, acct, turns, api, model, W.say(rng, v, T.boundary_request(rng, tp, fr), ask=False),
                     "boundary", partial(rng.choice, T.BOUNDARY_FOLLOW), temp)
                k += len(turns)


def rp_conversation(ctx: Ctx, acct: dict, t: float, api: str, model: str, card: str, turns: int,
                    gap: tuple[float, float], temperature: float, user: str | None = None, lower: bool = False,
                    window: int = 16) -> None:
    """One role-play conversation (shared with personas_v12.companion_app)."""
    rng = ctx.rng
    msgs: list[dict] = []
    for k in range(turns):
        msgs = msgs + [{"role": "user", "content": T.rp_line(rng, lower, first=k == 0)}]
        sent = msgs[-window:]
        sent = sent if sent[0]["role"] == "user" else sent[1:]
        out = rng.randint(120, 420)
        reply = T.answer(rng, "roleplay", out, model)
        T.emit(ctx, t, acct, api, build(api, model, card, sent, 600, temperature=temperature), out, text=reply,
               user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        t += out / rng.uniform(40, 90) + rng.uniform(*gap)


def roleplay_distill(ctx: Ctx, variant: str) -> None:
    """14 accounts, 3-8 conversations a day each around the clock, 8-24 turns, 20-90 s between turns."""
    rng = ctx.rng
    for _ in range(14):
        acct = account(ctx, "attack", "roleplay_distill", "v12-roleplay")
        api = ANTH if rng.random() < 0.6 else CHAT
        model = rng.choice(MODELS[api])
        for t in ctx.steady_times(rng.uniform(3, 8), jitter=0.95):
            rp_conversation(ctx, acct, t, api, model, T.character_card(rng), rng.randint(8, 24), (20, 90),
                            round(rng.uniform(0.9, 1.0), 2), lower=rng.random() < 0.5)


MORE_ATTACKS = (paraphrased, agentic_distill, instruction_grid, policy_boundary, roleplay_distill)
