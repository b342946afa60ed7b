"""Attack campaigns, `variant="v5"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/, docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector
and tuned nothing against a detector result. Phrasings, templates and request shapes are new (not those of
attacks.py, attacks_fresh.py, attacks_v3.py or attacks_v4.py); the languages besides English are Czech, Finnish,
Hungarian, Romanian, Hebrew and Thai. Client metadata (IP, user agent) always comes from ctx.account.

Scenarios (names as in attacks.py so the tables line up; campaign ids start with "v5-"):
- cot_harvester: one account, a worker pool the operator grows from one to three closed-loop workers over the
  window, with a daily crash-and-restart gap: Anthropic with a long prompt-cached house-rules system prompt
  (trace tags, then the result), Responses on reasoning models asking for encrypted reasoning items, chat with a
  trace/answer JSON schema, and legacy completions with a "working, in full" section header.
- hydra: 120 accounts in three creation waves, each living 1.5-4 days, 14-27 requests/day (hard cap 29 per UTC
  day); 60% spread over the whole day by a queue, 40% inside the operator's 16-hour shift; four kits (tutor
  persona in Responses instructions, Anthropic system ask + ref footer, ask-then-problem chat, a fake study-app
  wrapper); 35% non-English.
- taxonomy: 12 accounts covering one capability, bug diagnosis and repair (14 bug classes x 8 runtimes x
  5 settings x 3 severities), shard by shard: author a buggy item for the cell, or diagnose a given snippet
  with a hypotheses/evidence/root cause/patch ask; operator office hours, weekends at half rate.
- sampling: 7 accounts on a shared pool of 40 prompts, driven by a cron every 3 h: chat n=6-12 at temperature
  0.9-1.5 with top_logprobs=20, legacy completions probing the next-token distribution (max_tokens=1,
  logprobs=5) along growing prefixes of a worked solution, a chat seed sweep at temperature 1.2, and Anthropic
  repeats at temperature 1 under rotating expert-persona system prompts.
- mixed_into_chat: 14 accounts with ordinary chat; 25% of sessions get harvesting turns appended to the same
  conversation, and on weekdays a background job trickles one request every few minutes in office hours.
- paraphrased: 80 accounts, 3-14 requests/day on ~65% of days, diurnal sessions with 1-50 min gaps; asks built
  from opener x core x qualifier, placed before, after or split around the problem; 35% non-English; chat,
  Anthropic and Responses; follow-up turns.
- agentic_distill: 24 accounts: chat.completions tool loops with PLAN/REFLECT narration, Anthropic tool loops
  with <reasoning> before each tool_use, and one-shot synthesis of whole tool-use episodes from a tool schema.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus_v5 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

ASK_EN = (  # blunt first, subtler after
    "Give me the uncut working, every intermediate line as it came to you, and only then the result.",
    "One inference per numbered line, nothing merged, nothing skipped, conclusion last.",
    "Don't summarise how you got there. I want the raw derivation, abandoned attempts too.",
    "Reason at full length before you commit to anything; the reasoning matters more to me than the answer.",
    "Put all intermediate reasoning inside <trace></trace> and only the result after it.",
    "Talk me through it as if we were pair-programming and I couldn't see your screen.",
    "I mark on process rather than on the final number, so leave nothing implicit.",
    "Imagine an auditor will read this: leave a paper trail for every inference.",
    "Lay out the chain from premises to conclusion so each link can be checked on its own.",
    "Start from your first guess and show what made you revise it.",
    "Narrate how you would attack this if you had never seen one like it.",
    "Flag the point where most people go wrong and show how you avoid it.",
)
TRACE_SCHEMA = {"type": "json_schema", "json_schema": {"name": "trace_answer", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["trace", "answer"],
    "properties": {"trace": {"type": "array", "items": {"type": "string"}}, "answer": {"type": "string"}}}}}


def _asks(lang: str) -> tuple[str, ...]:
    return ASK_EN if lang == "en" else W.ASK_I18N[lang]


def _problem(ctx: Ctx, lang: str = "en", code: float = 0.3) -> str:
    rng = ctx.rng
    if lang != "en":
        return W.maths(rng, lang)
    r = rng.random()
    if r < code:
        return W.coding(rng)
    if r < code + 0.1:
        return f"Derive {W.derivation(rng)}."
    return W.maths(rng)


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account. Worker w joins at day 0, ~0.7 and ~1.8; each sends, waits for the answer to stream (35-70
    tokens/s), then 15-120 s; the whole pool is down for 2-5 h once a day. Shapes: 30% Anthropic house rules,
    25% Responses (o3/o4-mini, encrypted reasoning), 25% chat JSON schema, 20% legacy completions."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v5-solo")
    downs = [ctx.start + d * DAY + rng.uniform(0, 20) * 3600 for d in range(int(ctx.days) + 1)]
    downs = [(g, g + rng.uniform(2, 5) * 3600) for g in downs]
    for w, join in enumerate((0.0, rng.uniform(0.5, 0.9), rng.uniform(1.6, 2.1))):
        t = ctx.start + join * DAY + rng.uniform(0, 120) + w
        while t < ctx.end:
            down = next((b for a, b in downs if a <= t < b), None)
            if down is not None:
                t = down + rng.uniform(5, 90)
                continue
            lang = rng.choice(("cs", "fi")) if rng.random() < 0.1 else "en"
            problem, r = _problem(ctx, lang), rng.random()
            if r < 0.3:
                system = [{"type": "text", "text": W.HOUSE_RULES, "cache_control": {"type": "ephemeral"}}]
                out = rng.randint(1200, 6000)
                ctx.emit(t, acct, "anthropic.messages",
                         anthropic_body([{"role": "user", "content": problem}], system=system, max_tokens=8192,
                                        temperature=0.7), out)
            elif r < 0.55:
                body = {"model": rng.choice(("o3", "o4-mini")), "instructions": rng.choice(ASK_EN[:4]),
                        "input": [{"role": "user", "content": [{"type": "input_text", "text": problem}]}],
                        "reasoning": {"effort": "high", "summary": "auto"},
                        "include": ["reasoning.encrypted_content"], "store": False, "max_output_tokens": 25000}
                out = rng.randint(2000, 9000)
                ctx.emit(t, acct, "openai.responses", body, out)
            elif r < 0.8:
                msgs = [{"role": "system", "content": "Respond with JSON only. The trace field holds every step "
                                                      "of your reasoning in order; answer holds the result."},
                        {"role": "user", "content": problem}]
                out = rng.randint(900, 4000)
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body(msgs, model="gpt-4.1", temperature=0.5, max_tokens=6000,
                                   response_format=TRACE_SCHEMA), out)
            else:
                body = {"model": "gpt-3.5-turbo-instruct", "max_tokens": 3000, "temperature": 0.6,
                        "prompt": f"### Problem\n{problem}\n\n### Working, in full (every intermediate line)\n",
                        "stop": ["### Problem"]}
                out = rng.randint(600, 3000)
                ctx.emit(t, acct, "openai.completions", body, out)
            t += out / rng.uniform(35, 70) + rng.uniform(15, 120)


APP_WRAP = "[student question]\n{problem}\n[app note to assistant]\n{ask}"


def _hydra_request(ctx: Ctx, kit: int, lang: str) -> tuple[str, dict]:
    rng = ctx.rng
    problem, ask = _problem(ctx, lang, code=0.2), rng.choice(_asks(lang))
    if kit == 0:
        return "openai.responses", {"model": rng.choice(("gpt-4.1", "gpt-4.1-mini")), "input": problem,
                                    "instructions": f"You are a patient tutor who never skips a step. {ask}",
                                    "max_output_tokens": 3500}
    if kit == 1:
        return "anthropic.messages", anthropic_body(
            [{"role": "user", "content": f"{problem}\n\n---\nref: {rng.getrandbits(48):012x}"}], system=ask,
            max_tokens=3500)
    if kit == 2:
        return "openai.chat.completions", chat_body([{"role": "user", "content": f"{ask}\n\n{problem}"}],
                                                    temperature=0.8, max_tokens=3000)
    msgs = [{"role": "system", "content": "You power the QuizPal homework helper app."},
            {"role": "user", "content": APP_WRAP.format(problem=problem, ask=ask)}]
    return "openai.chat.completions", chat_body(msgs, model="gpt-4o", temperature=0.7, max_tokens=3000)


def hydra(ctx: Ctx, variant: str) -> None:
    """120 accounts (see the module docstring). Daily counts ~ N(rate, 3) capped at 29; queue accounts place
    requests at evenly spaced slots of the UTC day with jitter, shift accounts uniformly inside the shift."""
    rng = ctx.rng
    shift = rng.uniform(0, 24)
    waves = (-1.0, 0.8, 2.0)
    for i in range(120):
        acct = ctx.account("attack", "hydra", "v5-hydra")
        kit, queued = rng.randrange(4), rng.random() < 0.6
        lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.35 else "en"
        rate = rng.uniform(14, 27)
        born = ctx.start + (waves[i % 3] + rng.uniform(0, 0.6)) * DAY
        death = born + rng.uniform(1.5, 4.0) * DAY
        for d in range(int(ctx.days) + 1):
            day0 = ctx.start + d * DAY
            n = min(29, max(0, round(rng.gauss(rate, 3))))
            for j in range(n):
                if queued:
                    t = day0 + (j + rng.uniform(0.1, 0.9)) * DAY / n
                else:
                    t = day0 + (shift + rng.uniform(0, 16)) % 24 * 3600
                if born <= t < death:
                    api, body = _hydra_request(ctx, kit, lang)
                    ctx.emit(t, acct, api, body, rng.randint(400, 2200))


TAXO_AUTHOR = ("Item spec\n- bug class: {cls}\n- runtime: {rt}\n- setting: {st}\n- symptom: {sev}\n- seed: {seed}\n\n"
               "Write a 20-40 line snippet containing exactly this bug, the failing output or error it produces, "
               "and the ideal diagnosis: the hypotheses an experienced engineer would consider, the evidence "
               "that eliminates each wrong one, the root cause, and the minimal patch. Return JSON with keys "
               "snippet, symptom, hypotheses, root_cause, patch.")
TAXO_DIAG = ("{rt}, {st}. Symptom: {sev}.\n\n```\n{code}\n```\n\nList every hypothesis you consider, the evidence for "
             "and against each, the root cause, and the minimal patch, in that order.")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """Bug-diagnosis grid (1680 cells) split over 12 accounts; each walks its shard in order at 45-85
    requests/day in the operator's office hours (8-20 local, 15% outside, weekends x0.5); 50% author, 50%
    diagnose. Shard i uses chat, Anthropic or Responses by i % 3."""
    rng = ctx.rng
    cells = [(c, r, s, v) for c in W.BUG_CLASSES for r in W.RUNTIMES for s in W.SETTINGS for v in W.SEVERITY]
    tz = rng.uniform(-10, 10)
    for shard in range(12):
        acct = ctx.account("attack", "taxonomy", "v5-taxonomy")
        api = ("openai.chat.completions", "anthropic.messages", "openai.responses")[shard % 3]
        mine = cells[shard::12]
        times = ctx.window_times(tz, rng.uniform(45, 85), hours=(8, 20), outside=0.15, weekend=0.5)
        for i, t in enumerate(times):
            cls, rt, st, sev = mine[(i // 2) % len(mine)]
            if i % 2 == 0:
                system = "You build training items for a debugging assistant."
                user = TAXO_AUTHOR.format(cls=cls, rt=rt, st=st, sev=sev, seed=i // (2 * len(mine)))
            else:
                system = "You are a staff engineer who debugs methodically."
                user = TAXO_DIAG.format(rt=rt, st=st, sev=sev, code=W.snippet(rng, rt, rng.randint(12, 35)))
            out = rng.randint(800, 3200)
            ctx.emit(t, acct, api, instructed_body(api, system, user, max_tokens=5000, temperature=0.9), out)


def sampling(ctx: Ctx, variant: str) -> None:
    """Shared pool of 40 prompts; a cron every 3 h (+-10 min) per account processes a batch of prompts, requests
    1-6 s apart. Modes: nsamp x2 (one request per prompt), probe x2 (8-20 growing prefixes per prompt), seeds x1
    (6-10 seeds per prompt), personas x2 (5-8 repeats per prompt)."""
    rng = ctx.rng
    pool = [W.maths(rng) for _ in range(25)] + [W.coding(rng) for _ in range(15)]
    for mode in ("nsamp", "probe", "seeds", "personas", "nsamp", "probe", "personas"):
        acct = ctx.account("attack", "sampling", "v5-sampling")
        cron = ctx.start + rng.uniform(0, 3) * 3600
        while cron < ctx.end:
            t = cron + rng.uniform(-600, 600)
            batch = {"nsamp": (10, 18), "probe": (1, 2), "seeds": (2, 4), "personas": (2, 4)}[mode]
            for prompt in rng.sample(pool, rng.randint(*batch)):
                reps = {"nsamp": 1, "probe": rng.randint(8, 20), "seeds": rng.randint(6, 10),
                        "personas": rng.randint(5, 8)}[mode]
                solution = [W.prose(rng, rng.randint(8, 20)) for _ in range(reps)]
                for k in range(reps):
                    t += rng.uniform(1, 6)
                    if mode == "nsamp":
                        body = chat_body([{"role": "system", "content": "Answer as a worked solution."},
                                          {"role": "user", "content": prompt}], model="gpt-4.1",
                                         n=rng.randint(6, 12), temperature=round(rng.uniform(0.9, 1.5), 2),
                                         logprobs=True, top_logprobs=20, max_tokens=2000)
                        ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(5000, 20000))
                    elif mode == "probe":
                        text = f"Q: {prompt}\nA: " + " ".join(solution[:k])
                        body = {"model": "gpt-3.5-turbo-instruct", "prompt": text, "max_tokens": 1, "logprobs": 5,
                                "temperature": 0}
                        ctx.emit(t, acct, "openai.completions", body, 1)
                    elif mode == "seeds":
                        body = chat_body([{"role": "user", "content": prompt}], model="gpt-4o", temperature=1.2,
                                         seed=1000 + k, max_tokens=2000)
                        ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(400, 1800))
                    else:
                        body = anthropic_body([{"role": "user", "content": prompt}], max_tokens=2500, temperature=1.0,
                                              system=f"You are {W.EXPERTS[(k + len(prompt)) % len(W.EXPERTS)]}.")
                        ctx.emit(t, acct, "anthropic.messages", body, rng.randint(400, 1800))
            cron += 3 * 3600


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts with ordinary chat (personas._conversation, 10-30 requests/day). 25% of sessions continue
    with 2-6 harvesting turns in the same conversation (60-240 s apart, 'also:' + problem + a subtle ask). On
    weekdays a background job on the same key sends one request every ~4-12 min in local 9-18h (40% in the
    account's language)."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    for _ in range(14):
        acct = ctx.account("attack", "mixed_into_chat", "v5-mixed")
        lang = rng.choice(W.LANGS[1:])
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(10, 30), session_len=(1, 5)):
            _conversation(ctx, acct, session, coding_bias=0.25)
            if rng.random() < 0.25:
                t = session[-1] + rng.uniform(60, 240)
                msgs = [{"role": "user", "content": W.prose(rng, 12)}, {"role": "assistant", "content": W.prose(rng, 60)}]
                for _ in range(rng.randint(2, 6)):
                    msgs = msgs[-6:] + [{"role": "user", "content": f"also: {_problem(ctx)}\n{rng.choice(ASK_EN[5:])}"}]
                    out = rng.randint(700, 2500)
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), temperature=0.7), out)
                    msgs.append({"role": "assistant", "content": W.prose(rng, 90)})
                    t += rng.uniform(60, 240)
        for t in ctx.window_times(acct["tz"], rng.uniform(45, 110), hours=(9, 18), outside=0.0, weekend=0.0):
            use = lang if rng.random() < 0.4 else "en"
            text = f"{_problem(ctx, use)}\n\n{rng.choice(_asks(use))}"
            ctx.emit(t, acct, "openai.chat.completions",
                     chat_body([{"role": "user", "content": text}], temperature=0.7), rng.randint(700, 2500))




def _paraphrase(ctx: Ctx) -> str:
    rng = ctx.rng
    ask = " ".join(p for p in (rng.choice(W.CORES), rng.choice(W.QUALIFIERS)) if p)
    ask = ask[0].upper() + ask[1:] + rng.choice(("?", ".", "", " pls"))
    problem, opener, where = _problem(ctx, "en", code=0.3), rng.choice(W.OPENERS), rng.random()
    if where < 0.4:
        text = f"{opener} {problem} {ask}"
    elif where < 0.75:
        text = f"{opener} {ask}\n\n{problem}"
    else:
        text = f"{ask.rstrip('?.')}: {problem} ({rng.choice(W.QUALIFIERS[:5])})"
    text = text.strip()
    return text.lower() if rng.random() < 0.25 else text


def paraphrased(ctx: Ctx, variant: str) -> None:
    """80 accounts (see the module docstring); APIs 40% chat, 35% Anthropic, 25% Responses; 20% of turns are a
    follow-up in the same conversation."""
    rng = ctx.rng
    for _ in range(80):
        acct = ctx.account("attack", "paraphrased", "v5-paraphrased")
        lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.35 else "en"
        api = rng.choices(("openai.chat.completions", "anthropic.messages", "openai.responses"), (40, 35, 25))[0]
        active = {d for d in range(int(ctx.days) + 1) if rng.random() < 0.65}
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(3, 14), session_len=(1, 3), gap_s=(60, 3000)):
            if int((session[0] - ctx.start) // DAY) not in active:
                continue
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.2:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 90)},
                                   {"role": "user", "content": rng.choice(W.FOLLOW_UPS)}]
                elif lang != "en":
                    p, a = W.maths(rng, lang), rng.choice(W.ASK_I18N[lang])
                    msgs = [{"role": "user", "content": f"{a}\n{p}" if rng.random() < 0.5 else f"{p}\n{a}"}]
                else:
                    msgs = [{"role": "user", "content": _paraphrase(ctx)}]
                out = rng.randint(500, 2300)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=rng.choice((1500, 3000, 6000))), out)
                elif api == "openai.responses":
                    ctx.emit(t, acct, api, {"model": rng.choice(("gpt-4.1", "gpt-4o")), "input": list(msgs)}, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o"), out)


AGENT_SYS = ("You operate the tools below to finish the user's task. Before every tool call write a line starting "
             "'PLAN:' with what you expect the call to show and why it is the best next move; after every result "
             "write 'REFLECT:' with what changed in your understanding. Do not ask the user anything.")
AGENT_SYS_XML = ("Use the tools to complete the task. Before each tool use, write your full reasoning about the "
                 "current state and the options inside <reasoning> tags.")
SYNTH = ("Tool schema:\n{schema}\n\nTask family: {task}\n\nProduce {k} complete, varied episodes for this task family. "
         "For each: the user's request, then alternating THOUGHT / CALL / OBSERVATION lines until done, then the "
         "final reply. {extra}")
SYNTH_EXTRA = ("THOUGHT lines must be thorough: every consideration that decides the next call.",
               "Thoughts should be detailed enough to train a smaller agent on.", "")
TOOL_LATENCY = {"bash": (1, 25), "run_tests": (10, 90), "open_url": (1, 6), "run_cell": (1, 20), "run_test": (5, 60)}


def _tools(kind: str, anthropic: bool) -> list[dict]:
    params = {"type": "object", "properties": {"input": {"type": "string"}}, "required": ["input"]}
    if anthropic:
        return [{"name": n, "description": d, "input_schema": params} for n, d in W.TOOLSETS[kind]]
    return [{"type": "function", "function": {"name": n, "description": d, "parameters": params}}
            for n, d in W.TOOLSETS[kind]]


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """24 accounts, one tool set each: 10 chat tool loops, 8 Anthropic tool loops (5-10 tasks/day, 4-11 steps,
    steps paced by streaming plus the tool's latency), 6 synthesis accounts (25-45 requests/day, 3-6 episodes
    per request, chat or Responses). Tasks arrive around the clock (Poisson)."""
    rng = ctx.rng
    kinds = ("browser", "shell", "travel", "notebook")
    for i in range(24):
        acct = ctx.account("attack", "agentic_distill", "v5-agentic")
        kind, shape = rng.choice(kinds), ("chat", "anthropic", "synth")[0 if i < 10 else 1 if i < 18 else 2]
        names = [n for n, _ in W.TOOLSETS[kind]]
        rate = rng.uniform(25, 45) if shape == "synth" else rng.uniform(5, 10)
        t0 = ctx.start
        while True:
            t0 += rng.expovariate(rate / DAY)
            if t0 >= ctx.end:
                break
            task = rng.choice(W.TASKS[kind]).format(w=rng.choice(W.TOPICS))
            if shape == "synth":
                prompt = SYNTH.format(schema=orjson.dumps(_tools(kind, False)).decode(), task=task,
                                      k=rng.randint(3, 6), extra=rng.choice(SYNTH_EXTRA))
                if rng.random() < 0.5:
                    body, api = chat_body([{"role": "user", "content": prompt}], model="gpt-4.1", temperature=1.0,
                                          max_tokens=12000), "openai.chat.completions"
                else:
                    body, api = {"model": "gpt-4.1", "input": prompt, "max_output_tokens": 12000}, "openai.responses"
                ctx.emit(t0, acct, api, body, rng.randint(3000, 11000))
                continue
            t = t0
            msgs: list[dict] = [{"role": "user", "content": task}]
            for _step in range(rng.randint(4, 11)):
                out = rng.randint(120, 700)
                name = rng.choice(names)
                cid = f"call_{rng.getrandbits(64):016x}" if shape == "chat" else f"toolu_{rng.getrandbits(64):016x}"
                if shape == "chat":
                    body = chat_body([{"role": "system", "content": AGENT_SYS}] + msgs, model="gpt-4.1",
                                     tools=_tools(kind, False), temperature=0.3, max_tokens=2000)
                    ctx.emit(t, acct, "openai.chat.completions", body, out)
                    msgs = msgs + [{"role": "assistant", "content": f"REFLECT: {W.prose(rng, 15)}\nPLAN: "
                                                                    f"{W.prose(rng, 20)}",
                                    "tool_calls": [{"id": cid, "type": "function", "function": {
                                        "name": name, "arguments": orjson.dumps({"input": W.prose(rng, 5)}).decode()}}]},
                                   {"role": "tool", "tool_call_id": cid, "content": W.prose(rng, rng.randint(20, 80))}]
                else:
                    body = anthropic_body(list(msgs), system=AGENT_SYS_XML, tools=_tools(kind, True), max_tokens=3000)
                    ctx.emit(t, acct, "anthropic.messages", body, out)
                    msgs = msgs + [{"role": "assistant", "content": [
                        {"type": "text", "text": f"<reasoning>{W.prose(rng, 45)}</reasoning>"},
                        {"type": "tool_use", "id": cid, "name": name, "input": {"input": W.prose(rng, 5)}}]},
                        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid,
                                                      "content": W.prose(rng, rng.randint(20, 80))}]}]
                lo, hi = TOOL_LATENCY.get(name, (0.5, 4))
                t += out / rng.uniform(50, 100) + rng.uniform(lo, hi)


ATTACKS_V5 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill)
