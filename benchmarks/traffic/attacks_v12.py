"""Attack campaigns, `variant="v12"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Capabilities, languages and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v11.py):
microeconomics and econometrics, spreadsheet formulas and pandas, logic and scheduling puzzles, SRE
troubleshooting, fill-in-the-middle code, coding-agent trajectories from real sandboxes, instruction following
under verifiable constraints, borderline requests and character role-play; the languages besides English are
Serbian, Hausa, Irish, Maltese, Punjabi and Haitian Creole. The operator knows that gateways look for templates,
reasoning elicitation and volume, so the campaigns borrow the timing and the look of the shared benign population,
write every request in a per-account voice drawn from a grammar, rarely ask for reasoning in so many words, and
rotate capabilities. Client metadata (IP, user agent) always comes from ctx.account. Records carry `response_text`
when the account's tenant logs outputs (30% of tenants, attack and benign alike; corpus_v11_answers.account).

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v12-"):
- cot_harvester: one account timed like the shared reseller (diurnal sessions of 1-4 jobs, ~370 jobs a day, an end
  user from a 20k pool in `user`, named the reseller's way); each job is one item in an ordinary voice, the day's
  capability 70% of the time (the four capabilities rotate day by day), harvested in chunks: max_tokens 400-700
  per request, and while the answer is cut off the script asks for the rest (Anthropic: the partial answer as an
  assistant prefill; chat: the partial answer as an assistant turn and a "continue"; Responses: chained "go on"),
  so no single request carries a long answer; 2-9 requests per job (answers of 900-3,600 tokens).
- hydra: 160 accounts living the whole window, timed exactly like the shared chat users (3-14 a day in sessions of
  1-4, at most 24 a UTC day), 25% on Anthropic like them; each account writes in its own voice (30% non-English, a
  third of those mixing in English); 30-50% of its sessions are ordinary everyday conversations, the others open
  with an item of the capability the campaign assigned it for that day and continue with the voice's follow-ups.
- taxonomy: 12 accounts, each an "on-call assistant" integration of a made-up company, sweeping SRE
  troubleshooting (8 platforms x 10 symptoms x 5 constraints x 3 tasks) in batches; every batch first embeds its
  candidate questions in one openai.embeddings call to drop near-duplicates, then asks the survivors.
- sampling: 10 accounts: five harvest fill-in-the-middle code on openai.completions (prompt + suffix, n 3-6,
  logprobs 5); five run step-level tree expansion on chat (the problem and the chosen steps so far, n 3-4,
  stop at the next step, one depth after another).
- mixed_into_chat: 12 power users whose own key also runs a script at the owner's night and lunch hour, writing in
  the owner's voice, on the owner's model and temperature, as multi-turn conversations: 25-45% of the requests.
- paraphrased, agentic_distill, instruction_grid (new), policy_boundary (new), roleplay_distill (new): see
  attacks_v12_more.py.
"""

from __future__ import annotations

import math
from functools import partial

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v12_ops as O
from benchmarks.traffic import corpus_v12_talk as T
from benchmarks.traffic.attacks_v12_more import MORE_ATTACKS
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build, resp_id

CMPL, EMB = "openai.completions", "openai.embeddings"
CONTINUE = ("continue", "go on", "keep going", "continue from where you stopped", "and?", "carry on", "more")


def chunked_job(ctx: Ctx, acct: dict, t: float, api: str, model: str, text: str, style: str, user: str | None,
                total: int, chunk: int, system: str | None = None) -> float:
    """One answer fetched in pieces of `chunk` tokens until `total` is reached (shared with the benign
    personas_v12.notes_app, whose users press "continue"); returns the time after the last piece."""
    rng = ctx.rng
    full = T.answer(rng, style, total, model)
    prev = None
    n = max(1, math.ceil(total / chunk))
    for k in range(n):
        out = min(chunk, total - k * chunk)
        lo, hi = len(full) * k * chunk // total, len(full) * min(total, (k + 1) * chunk) // total
        done, piece = full[:lo], full[lo:hi]
        msgs: list[dict] = [{"role": "user", "content": text}]
        if k and api == ANTH:
            msgs.append({"role": "assistant", "content": done.rstrip()})
        elif k and api == CHAT:
            msgs += [{"role": "assistant", "content": done}, {"role": "user", "content": rng.choice(CONTINUE)}]
        elif k:
            msgs = [{"role": "user", "content": rng.choice(CONTINUE)}]
        T.emit(ctx, t, acct, api, build(api, model, system, msgs, chunk, prev), out, text=piece, user=user)
        prev = resp_id(rng) if api == RESP else None
        t += out / rng.uniform(50, 110) + rng.uniform(0.5, 4)
    return t


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """See the module docstring; total answer length 900-3,600 tokens, 40% Anthropic, 35% chat, 25% Responses."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v12-solo")
    voices = [W.voice(rng, W.lang(rng, 0.25)) for _ in range(60)]
    order = rng.sample(W.CAPS, 4)
    for session in ctx.diurnal_times(acct, per_day=rng.uniform(330, 410), session_len=(1, 4)):
        for t in session:
            day = int((t - ctx.start) // DAY)
            cap = order[day % 4] if rng.random() < 0.7 else rng.choice(W.CAPS)
            core, style = W.item(rng, cap)
            v = rng.choice(voices)
            api = rng.choices((ANTH, CHAT, RESP), (40, 35, 25))[0]
            model = {ANTH: "claude-sonnet-4-5", CHAT: rng.choice(("gpt-4.1", "gpt-4o")), RESP: "gpt-4.1"}[api]
            chunked_job(ctx, acct, t, api, model, W.say(rng, v, core), style, W.end_user(rng, "end-user-{n}", 20000),
                        rng.randint(900, 3600), rng.choice((400, 512, 600, 700)))


def hydra(ctx: Ctx, variant: str) -> None:
    """See the module docstring; the day's capability of account k is CAPS[(k + day) % 4]."""
    rng = ctx.rng
    for k in range(160):
        acct = account(ctx, "attack", "hydra", "v12-hydra")
        v = W.voice(rng, W.lang(rng, 0.3))
        api = ANTH if rng.random() < 0.25 else CHAT
        model = rng.choice(MODELS[api])
        temp = rng.choice((None, 0.7, 1.0))
        cover = rng.uniform(0.3, 0.5)
        per_day: dict[int, int] = {}
        sessions = ctx.diurnal_times(acct, per_day=rng.uniform(3, 14))
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            day = int((session[0] - ctx.start) // DAY)
            room = 24 - per_day.get(day, 0)
            session = session[:max(0, room)]
            per_day[day] = per_day.get(day, 0) + len(session)
            if not session:
                continue
            if rng.random() < cover:
                T.everyday_talk(ctx, acct, session, v, api, model, temp)
                continue
            core, style = W.item(rng, W.CAPS[(k + day) % 4])
            T.talk(ctx, acct, session, api, model, W.say(rng, v, core), style, partial(W.follow_up, rng, v), temp)


SRE_SYS = ("You are the on-call assistant at {co}. Engineers paste alerts and logs. Help them restore service "
           "safely: prefer reversible actions, say what each check would rule out, and flag anything that needs a "
           "change approval.")
COMPANIES = ("Lumenfield", "Quarry & Co", "Tessellate", "Brightline Freight", "Harbourview Health", "Oakridge Games",
             "Pinecone Pay", "Vantage Rail", "Mosaic Learning", "Northgate Energy", "Cobalt Retail", "Fjordlane")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """12 accounts; account k takes cells k, k + 12, ... of one shuffled grid; 5-12 batches per working day (local
    8-20h, nights x0.1, weekends x0.3) of 8-26 candidates, of which 70-90% survive the embedding check."""
    rng = ctx.rng
    cells = [(p, s, c, task) for p in O.PLATFORMS for s in O.SYMPTOMS for c in O.CONSTRAINTS for task in O.OPS_TASKS]
    rng.shuffle(cells)
    for k in range(12):
        acct = account(ctx, "attack", "taxonomy", "v12-taxonomy")
        mine = cells[k::12]
        system = SRE_SYS.format(co=COMPANIES[k])
        n = 0
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 12), hours=(8, 20), outside=0.1, weekend=0.3):
            batch = []
            for _ in range(rng.randint(8, 26)):
                p, s, c, task = mine[n % len(mine)]
                n += 1
                batch.append(O.ops_question(rng, p, s, c, task))
            T.emit(ctx, t, acct, EMB, {"model": "text-embedding-3-small", "input": batch}, 0, "tool")
            t += rng.uniform(1, 5)
            api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
            model = rng.choice(MODELS[api])
            drop = rng.uniform(0.1, 0.3)
            for q in batch:
                if rng.random() < drop:
                    continue
                out = rng.randint(300, 1400)
                T.emit(ctx, t, acct, api, build(api, model, system, [{"role": "user", "content": q}], 3000), out, "ops")
                t += out / rng.uniform(60, 120) + rng.uniform(3, 25)


STEP_ASK = "Here is a problem and the steps of a solution so far. Write only the next step, as 'Step {k}: ...'."


def fim_request(ctx: Ctx, n: int, temperature: float, max_tokens: int) -> tuple[dict, int, str]:
    """One fill-in-the-middle request over a random file (shared with personas_v12.ide_completion)."""
    rng = ctx.rng
    pre, suf, lang = O.fim_pair(rng)
    body = {"model": "gpt-3.5-turbo-instruct", "prompt": pre, "suffix": suf, "max_tokens": max_tokens,
            "temperature": temperature, "n": n, "logprobs": 5, "stop": ["\n\n\n"]}
    return body, sum(rng.randint(8, max_tokens) for _ in range(n)), lang


def sampling(ctx: Ctx, variant: str) -> None:
    """10 accounts around the clock: FIM 150-300 a day (n 3-6, temperature 0.6-1.0, max_tokens 48-256); tree
    expansion 25-50 problems a day, 4-7 depths, n 3-4, temperature 0.9, stop at the next step."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "sampling", "v12-sampling")
        if i < 5:
            for t in ctx.steady_times(rng.uniform(150, 300), jitter=0.95):
                body, out, lang = fim_request(ctx, rng.randint(3, 6), round(rng.uniform(0.6, 1.0), 1),
                                              rng.choice((48, 64, 128, 256)))
                T.emit(ctx, t, acct, CMPL, body, out, "fim", extra=lang)
            continue
        for t in ctx.steady_times(rng.uniform(25, 50), jitter=0.95):
            core, style = W.item(rng, rng.choice(W.CAPS[:3]))
            steps: list[str] = []
            for depth in range(rng.randint(4, 7)):
                n = rng.choice((3, 4))
                so_far = "\n".join(steps) or "(none yet)"
                ask = f"{STEP_ASK.format(k=depth + 1)}\n\nProblem: {core}\n\nSteps so far:\n{so_far}"
                msgs = [{"role": "user", "content": ask}]
                body = build(CHAT, "gpt-4.1", None, msgs, 160, n=n, temperature=0.9, stop=[f"\nStep {depth + 2}"])
                per = [rng.randint(30, 160) for _ in range(n)]
                line = T.answer(rng, style, per[0], "gpt-4.1").split("\n")[0]
                step = f"Step {depth + 1}: " + (line.split(" ", 1)[-1] if line[:1].isdigit() else line)
                T.emit(ctx, t, acct, CHAT, body, sum(per), text=step)
                steps.append(step)
                t += max(per) / rng.uniform(60, 120) + rng.uniform(0.5, 3)


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """12 accounts; ordinary sessions at 40-110 requests a day (sessions of 3-12, 20-400 s apart); the script adds
    25-45% more at local 1-6h and 12-13h, conversations of 2-4 requests 30-150 s apart."""
    rng = ctx.rng
    for _ in range(12):
        acct = account(ctx, "attack", "mixed_into_chat", "v12-mixed")
        v = W.voice(rng, W.lang(rng, 0.2))
        api = ANTH if rng.random() < 0.3 else CHAT
        model = rng.choice(MODELS[api])
        temp = rng.choice((None, 0.7, 1.0))
        own = ctx.diurnal_times(acct, per_day=rng.uniform(40, 110), session_len=(3, 12))
        for session in own:
            if rng.random() < 0.5:
                T.everyday_talk(ctx, acct, session, v, api, model, temp)
            else:
                core, style = (C.code_task(rng), "code") if rng.random() < 0.5 else W.item(rng, rng.choice(W.CAPS))
                T.talk(ctx, acct, session, api, model, W.say(rng, v, core, ask=False), style,
                       partial(W.follow_up, rng, v), temp)
        share = rng.uniform(0.25, 0.45)
        jobs = sum(len(s) for s in own) * share / (1 - share) / 3
        for t in ctx.window_times(acct["tz"], jobs / ctx.days, hours=(1, 6), outside=0.0) + \
                ctx.window_times(acct["tz"], jobs / ctx.days * 0.2, hours=(12, 13), outside=0.0):
            core, style = W.item(rng, rng.choice(W.CAPS))
            times = [t + j * rng.uniform(30, 150) for j in range(rng.randint(2, 4))]
            T.talk(ctx, acct, times, api, model, W.say(rng, v, core), style, partial(W.follow_up, rng, v), temp)


ATTACKS_V12 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
