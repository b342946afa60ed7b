"""Attack campaigns of `variant="v13"`, continued (attacks_v13.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v13-".

- paraphrased: 120 accounts with human daytime timing asking probability and statistics problems whose rewordings
  are spread over accounts (moderate: cheap word-swap copies, English, one model, no cover; careful: the three
  phrasings and reorderings, per-account voices and languages, cover conversations, follow-ups).
- agentic_distill: 12 accounts running a data-analysis agent with SQL tools (careless: five tasks over and over,
  stub tool results, around the clock; careful: realistic warehouse results, varied tasks, office hours and nights).
- reward_distill (new): 30 accounts harvesting grades of a student model's answers (careless: a 'reward model'
  system prompt, a JSON grade schema, around the clock; careful: "my classmate wrote this, how many marks?").
- vision_distill (new): 12 accounts harvesting image understanding (careless: numbered files from one bucket with a
  'describe in exhaustive detail' prompt; moderate and careful: hashed CDN names, ordinary questions, voices).
- soft_labels (new): 16 accounts harvesting label probabilities for a student classifier, max_tokens 1 with
  top_logprobs (careless: top 20 over 16 news topics around the clock; careful: shaped like a ticket router in
  office hours, but rotating label sets and resending some texts with the labels in another order).
"""

from __future__ import annotations

from functools import partial

import orjson

from benchmarks.traffic import corpus_v13 as V
from benchmarks.traffic import corpus_v13_media as M
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build, resp_id
from benchmarks.traffic.corpus_v12 import reorder


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each of 400 problems gets 5 rewordings, released at random times over the window; a session takes one
    released rewording at random. Accounts 0-39 (moderate): word-swap copies of one phrasing, 4-10 single-request
    sessions a day, gpt-4o-mini on chat, "explain step by step". Accounts 40-119 (careful): phrasings, reorderings
    and translations, 2-8 a day in sessions of 1-4, 30% everyday sessions, three APIs."""
    rng = ctx.rng
    pools: list[list[tuple[float, str]]] = [[], []]
    for _ in range(400):
        seed = V.prob_seed(rng)
        base = V.prob_text(seed, 0)
        pools[0] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), V.near_copy(rng, base)) for _ in range(5)]
        variants = [V.prob_text(seed, j) for j in range(3)] + [V.prob_text(seed, rng.randrange(3)) for _ in range(2)]
        pools[1] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), text if j < 3 else reorder(rng, text))
                     for j, text in enumerate(variants)]
    jobs: list[list[tuple]] = [[], []]
    for k in range(120):
        acct = account(ctx, "attack", "paraphrased", "v13-paraphrased")
        careful = k >= 40
        v = V.voice(rng, V.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        sessions = ctx.diurnal_times(acct, per_day=rng.uniform(2, 8) if careful else rng.uniform(4, 10),
                                     session_len=(1, 4) if careful else (1, 1))
        for s in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            jobs[careful].append((s[0], s, acct, v, api, model, temp))
    for careful in (0, 1):
        pool = sorted(pools[careful])
        ready: list[str] = []
        p = 0
        for t0, session, acct, v, api, model, temp in sorted(jobs[careful], key=lambda j: j[0]):
            while p < len(pool) and pool[p][0] <= t0:
                ready.append(pool[p][1])
                p += 1
            if careful and rng.random() < 0.3:
                V.everyday_talk(ctx, acct, session, v, api, model, temp)
                continue
            if ready:
                k = rng.randrange(len(ready))
                ready[k], ready[-1] = ready[-1], ready[k]
                text = ready.pop()
            else:
                text = V.prob_text(V.prob_seed(rng), rng.randrange(3))
            if not careful:
                msgs = [{"role": "user", "content": text + "\nExplain step by step."}]
                V.emit(ctx, t0, acct, CHAT, build(CHAT, model, None, msgs, 2048), rng.randint(300, 1200), "prob")
                continue
            V.talk(ctx, acct, session, api, model, V.say(rng, v, text), "prob", partial(V.follow_up, rng, v), temp)


def analysis_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, dom: str, steps: int,
                     realistic: bool, user: str | None = None) -> float:
    """One data-analysis agent episode (shared with personas_v13_more.analytics_agent); returns its end time."""
    rng = ctx.rng
    tools = M.agent_tools(api)
    msgs: list[dict] = [{"role": "user", "content": task}]
    prev = None
    for k in range(steps):
        last = k == steps - 1
        out = rng.randint(150, 600) if last else rng.randint(30, 160)
        if api == RESP:
            body = build(RESP, model, M.AGENT_SYS, msgs[-1:] if k else msgs, 4096, prev, tools=tools)
        else:
            body = build(api, model, M.AGENT_SYS, msgs, 4096, tools=tools, **({"temperature": 0} if api == CHAT else {}))
        V.emit(ctx, t, acct, api, body, out, "sql" if last else "tool", user=user)
        t += out / rng.uniform(60, 120)
        if last:
            break
        name, args, result = M.agent_step(rng, dom, k, realistic)
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
        t += rng.uniform(0.3, 4) if name == "run_sql" else rng.uniform(0.1, 1)
    return t


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-3 (careless): chat, the same five tasks on the shop schema, stub tool results, 12-20 episodes a
    day around the clock, 5-8 steps. Accounts 4-11 (careful): chat, Anthropic and Responses, any task and schema,
    realistic results, 5-12 episodes per working day at local 9-19h plus 2-5 at night, 4-12 steps."""
    rng = ctx.rng
    for i in range(12):
        acct = account(ctx, "attack", "agentic_distill", "v13-agentic")
        if i < 4:
            for t in ctx.steady_times(rng.uniform(12, 20), jitter=0.5):
                task = rng.choice(M.AGENT_TASKS[:5]).format(dom="shop")
                analysis_episode(ctx, acct, t, CHAT, "gpt-4.1", task, "shop", rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        times = ctx.window_times(acct["tz"], rng.uniform(5, 12), hours=(9, 19), outside=0.0, weekend=0.2) + \
            ctx.window_times(acct["tz"], rng.uniform(2, 5), hours=(0, 5), outside=0.0)
        for t in times:
            dom = rng.choice(list(V.SCHEMAS))
            analysis_episode(ctx, acct, t, api, model, rng.choice(M.AGENT_TASKS).format(dom=dom), dom,
                             rng.randint(4, 12), True)


REWARD_SYS = ("You are a reward model. Score the response from 1 to 10 against the rubric and explain your score in "
              "detail, criterion by criterion.")
CLASSMATE = ("my classmate wrote this answer to '{q}':\n\n\"{a}\"\n\nhow many marks out of 10 would you give it, and "
             "what's missing?", "Is this answer right? Question: {q}\nAnswer given: {a}\nBe honest, out of 10.",
             "{q}\n\nA friend says: {a}\nWho's right? Rate the answer 1-10.")
REWARD_FOLLOW = ("what would make it a 10?", "ok, and if they'd shown the units?", "so what's the correct answer?",
                 "thanks")


def reward_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-9 (careless): chat, one system prompt, "Question / Response / Rubric", json_schema grade, 60-120
    a day around the clock. Accounts 10-29 (careful): a voice each (20% non-English), 8-24 a day in sessions of
    1-3, the grade asked as a student would, a follow-up in 40% of sessions, three APIs."""
    rng = ctx.rng
    for i in range(30):
        acct = account(ctx, "attack", "reward_distill", "v13-reward")
        if i < 10:
            for t in ctx.steady_times(rng.uniform(60, 120), jitter=0.6):
                q, _ = V.item(rng, rng.choice(V.CAPS))
                text = f"Question: {q}\n\nResponse: {M.candidate(rng)}\n\nRubric: {M.RUBRIC}"
                body = build(CHAT, "gpt-4.1", REWARD_SYS, [{"role": "user", "content": text}], 800, temperature=0,
                             response_format={"type": "json_schema", "json_schema": M.GRADE_SCHEMA})
                V.emit(ctx, t, acct, CHAT, body, rng.randint(120, 450), text=M.grade_text(rng))
            continue
        v = V.voice(rng, V.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7))
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(8, 24), session_len=(1, 3)):
            for t in session:
                q, _ = V.item(rng, rng.choice(V.CAPS[:2]))
                opener = V.say(rng, v, rng.choice(CLASSMATE).format(q=q, a=M.candidate(rng)), ask=False)
                times = [t, t + rng.uniform(40, 240)] if rng.random() < 0.4 else [t]
                V.talk(ctx, acct, times, api, model, opener, "judge", partial(rng.choice, REWARD_FOLLOW), temp,
                       out_range=(100, 500))


def vision_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-3 (careless): chat gpt-4o, detail high, numbered files img_000001.png ... from one bucket, the
    'describe in exhaustive detail' prompt, 150-250 a day around the clock. Accounts 4-7 (moderate): a made-up
    app's CDN with hashed names, the ordinary question for the image kind, local 8-22h, 60-120 a day. Accounts
    8-11 (careful): as moderate, in a voice, 30-70 a day in diurnal sessions, a follow-up now and then, 20% of
    sessions everyday conversations."""
    rng = ctx.rng
    bucket = f"ds-{rng.getrandbits(24):06x}-raw"
    seq = rng.randint(1, 50000)
    for i in range(12):
        acct = account(ctx, "attack", "vision_distill", "v13-vision")
        if i < 4:
            for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.5):
                seq += 1
                msg = M.image_message(CHAT, M.DESCRIBE_ALL, M.image_url(rng, seq=seq, bucket=bucket), "high")
                V.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4o", None, [msg], 2500), rng.randint(600, 1500), "vision")
            continue
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model = {CHAT: "gpt-4o", ANTH: rng.choice(MODELS[ANTH]), RESP: "gpt-4.1"}[api]
        co = rng.choice(M._COS)
        v = V.voice(rng, V.lang(rng, 0.15))
        if i < 8:
            times = [[t] for t in ctx.window_times(acct["tz"], rng.uniform(60, 120), hours=(8, 22), outside=0.05)]
        else:
            times = ctx.diurnal_times(acct, per_day=rng.uniform(30, 70), session_len=(1, 3))
        for session in times:
            if i >= 8 and rng.random() < 0.2:
                V.everyday_talk(ctx, acct, session, v, api, model)
                continue
            kind = rng.choice(M.IMAGE_KINDS)
            ask = rng.choice(M.VISION_ASK[kind])
            ask = V.say(rng, v, ask, ask=False) if i >= 8 else ask
            msgs = [M.image_message(api, ask, M.image_url(rng, co), rng.choice((None, "auto", "high")))]
            for t in session:
                out = rng.randint(200, 900)
                reply = V.answer(rng, "vision", out, model)
                V.emit(ctx, t, acct, api, build(api, model, None, msgs, 1500), out, text=reply)
                msgs = msgs + [{"role": "assistant", "content": reply},
                               {"role": "user", "content": V.follow_up(rng, v)}]


def soft_labels(ctx: Ctx, variant: str) -> None:
    """Accounts 0-5 (careless): news headlines over 16 topics, one prompt, max_tokens 1, top_logprobs 20,
    temperature 0, 150-300 a day around the clock. Accounts 6-15 (careful): ticket or topic label sets (rotated
    per request), three prompt shapes, top_logprobs 5-10, local 7-20h (outside x0.3), 60-140 a day; 15% of texts
    resent a few seconds later with the label list reversed."""
    rng = ctx.rng
    for i in range(16):
        acct = account(ctx, "attack", "soft_labels", "v13-softlabels")
        careful = i >= 6
        model = rng.choice(("gpt-4.1-mini", "gpt-4.1")) if careful else "gpt-4.1-mini"
        times = ctx.window_times(acct["tz"], rng.uniform(60, 140), hours=(7, 20), outside=0.3) if careful else \
            ctx.steady_times(rng.uniform(150, 300), jitter=0.8)
        top = rng.choice((5, 10)) if careful else 20
        for t in times:
            kind = rng.choice(("ticket", "topic")) if careful else "topic"
            text = M.label_text(rng, kind)
            shape = rng.randrange(3) if careful else 0
            for again in range(2 if careful and rng.random() < 0.15 else 1):
                prompt = M.label_prompt(kind, text, shape)
                if again:
                    labels = M.TICKET_LABELS if kind == "ticket" else M.TOPIC_LABELS
                    prompt = prompt.replace(", ".join(labels), ", ".join(labels[::-1])).replace(
                        " | ".join(labels), " | ".join(labels[::-1])).replace("/".join(labels), "/".join(labels[::-1]))
                body = build(CHAT, model, None, [{"role": "user", "content": prompt}], 1, temperature=0, logprobs=True,
                             top_logprobs=top)
                V.emit(ctx, t + again * rng.uniform(1, 6), acct, CHAT, body, 1, "label")


MORE_ATTACKS = (paraphrased, agentic_distill, reward_distill, vision_distill, soft_labels)
