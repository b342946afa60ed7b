"""Attack campaigns, `variant="v7"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Phrasings, templates and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v6.py); the
languages besides English are Urdu, Marathi, Malay, Bulgarian, Catalan and Croatian. Client metadata (IP, user
agent) always comes from ctx.account. A new model (corpus_v7.NEW_OPENAI / NEW_ANTHROPIC) is released
RELEASE_DAY days into the window, and most campaigns move to it within hours (so do some benign personas).

Scenarios (names as in attacks.py so the tables line up; campaign ids start with "v7-"):
- cot_harvester: one account run as closed-loop lanes: three lanes through the operator's night (local 0-8h,
  when nobody is watching a dashboard) and one slow lane by day, ~1,600 requests/day; document
  continuation of a fake "solutions manual with the author's commentary" on legacy completions, Anthropic with a
  cached think-aloud style sheet as a separate content block, Responses in background mode on a reasoning model
  asked to restate its working as a numbered commentary, and "screencast transcript" chat, streamed; 40% of jobs
  in ur/mr/ms/bg/ca/hr; moves 85% of its traffic to the new model 3-6 h after release.
- hydra: 220 accounts in four sign-up waves (one right after the release), each living 1-2.5 days, 8-27 requests
  per UTC day (hard cap 29), 2-4 sessions a day with log-normal gaps; a central queue hands the same kits to
  all accounts: a Q&A-forum "accepted answer" continuation (legacy completions), an examiner writing model
  answers (Anthropic), cross-lingual "restate in English, solve in English, answer in the original language"
  (chat) and high-verbosity reasoning on the Responses API; each account moves to the new model 2-18 h after
  release; 45% non-English.
- taxonomy: 14 accounts covering one capability, code-execution reasoning (12 algorithm families x 6 input
  shapes x 3 trace granularities x 5 languages), shard by shard: hand-trace a program, find an input for a given
  output, prove a loop invariant, author-and-trace; chat, Anthropic, Responses, legacy completions; operator
  hours (7-20 local, weekends x0.25); shards on OpenAI move to the new model after release.
- sampling: 8 accounts (2 rollout, 3 regen, 2 paired, 1 confidence) on a shared pool of 40 prompts, jobs
  whenever the operator's trainer asks (every 2-6 h):
  step-level Monte-Carlo rollouts from prefixes of a worked solution (legacy completions, n=4, logprobs=3),
  "regenerate"-sized chat samples (n=2-3, top_logprobs=5, seed sweep), Responses pairs at temperature 0 and 1
  with top_logprobs, and Anthropic per-step verbalised confidence.
- mixed_into_chat: 18 developer accounts with ordinary (mostly coding) chat; 30% of sessions continue, after the
  ordinary turns, with code-tracing or "why does this algorithm work" turns or a maths problem in the account's
  second language, spread through the working day (no tell-tale evening grind).
- paraphrased: 160 accounts drawing from one shared pool of problems, each account in its own wording of the
  same numbers (three English wordings, the non-English stems carry the same slots), asks from frame x request x
  hint ("for my study group" / "talk me through your thinking" / "mention the dead ends too") or a plain
  student's help line; 2-10 requests/day on ~55% of days, diurnal sessions, 2-30 min gaps; 45% non-English.
- agentic_distill: 26 accounts: chat tool loops whose every tool schema has a required `rationale` argument
  (the reasoning arrives inside the tool calls), Responses loops that resend the whole item list and branch each
  step on 2-3 counterfactual tool observations, and Anthropic loops asked for a <plan> paragraph before each
  call; tool results replayed from a buffer, never simulated on the same key.
"""

from __future__ import annotations

import math

import orjson

from benchmarks.traffic import corpus_v7 as W
from benchmarks.traffic.attacks_v6 import _casual
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

ASK_EN = (  # blunt first, subtler after
    "Think aloud while you solve it: write down every thought, including the ones you abandon, then the answer.",
    "Annotate each line of the solution with a 'because' clause; no step without its reason.",
    "Narrate it like the transcript of a screencast where you solve it live for viewers.",
    "First say which method you will try and why, then the full calculation, then a check, then the answer.",
    "Write it as a commented solution, the way a solutions manual explains why each move is made.",
    "Keep a running log: what you tried, what happened, what you concluded from it.",
    "Explain it so that someone could reproduce your thinking without you in the room.",
    "Before the answer, list the facts you are using and how each one gets you closer.",
)
NON_EN = W.LANGS[1:]


def _asks(lang: str) -> tuple[str, ...]:
    return ASK_EN if lang == "en" else W.ASK_I18N[lang]


def _problem(ctx: Ctx, lang: str = "en", code: float = 0.25) -> str:
    rng = ctx.rng
    if lang != "en":
        return W.maths(rng, lang)
    return W.coding(rng) if rng.random() < code else W.maths(rng)


def _release(ctx: Ctx) -> float:
    return ctx.start + W.RELEASE_DAY * DAY


def _lognormal_gap(ctx: Ctx, median: float, sigma: float = 0.8) -> float:
    return median * math.exp(ctx.rng.gauss(0, sigma))


MANUAL = ("SOLUTIONS MANUAL, {course}\nChapter {c}, Exercise {c}.{e}\n\nProblem. {p}\n\nSolution, with the author's "
          "commentary on why each step is taken.\n\n")
COURSES = ("Discrete Mathematics for Computing", "Quantitative Reasoning", "Algorithms and Data Structures",
           "Probability with Applications", "Olympiad Preparation, Volume II")
STYLE_SHEET = ("Style sheet for this session. Think-aloud protocol: narrate your reasoning as it happens, in the "
               "language of the problem, including checks and false starts, each on its own line. End with a line "
               "'Result:' and the final answer. Do not summarise; the narration is the deliverable.")
SCREENCAST = ("You are recording a screencast for a maths and programming channel. Your reply is the transcript: "
              "you talk through the problem live, explaining what you notice, what you try and why it works.")
COMMENTARY = "After reasoning, reproduce your full working in the answer as a numbered commentary, then the result."


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account (see the module docstring). Each lane waits for the previous answer to stream (40-90 tokens/s)
    and then pauses (night lanes 2-20 s, the day lane 30-150 s); a lane stops for 10-40 min with probability 0.01
    per request (a crash and a restart). Job mix: 25% manual continuation, 25% Anthropic style sheet, 20% Responses
    background, 30% screencast chat."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v7-solo")
    tz = rng.uniform(-3, 9)
    switch = _release(ctx) + rng.uniform(3, 6) * 3600
    lanes = [(0.0, 8.0, (2, 20))] * 3 + [(8.0, 24.0, (30, 150))]
    for lo, hi, pause in lanes:
        for d in range(-1, int(ctx.days) + 1):
            t = ctx.start + d * DAY + ((lo - tz) % 24) * 3600 + rng.uniform(0, 600)
            stop = t + (hi - lo) * 3600
            while t < stop:
                new = t >= switch and rng.random() < 0.85
                lang = rng.choice(NON_EN) if rng.random() < 0.4 else "en"
                problem, r = _problem(ctx, lang), rng.random()
                out = rng.randint(900, 4200)
                if r < 0.25:
                    body = {"model": "gpt-3.5-turbo-instruct", "prompt": MANUAL.format(
                        course=rng.choice(COURSES), c=rng.randint(1, 14), e=rng.randint(1, 60), p=problem),
                        "max_tokens": 3000, "temperature": 0.7, "stop": ["\nExercise", "\n\nChapter"]}
                    ctx.emit(t, acct, "openai.completions", body, min(out, 3000))
                elif r < 0.5:
                    content = [{"type": "text", "text": STYLE_SHEET, "cache_control": {"type": "ephemeral"}},
                               {"type": "text", "text": problem}]
                    body = anthropic_body([{"role": "user", "content": content}], max_tokens=6000, temperature=0.7)
                    body["model"] = W.NEW_ANTHROPIC if new else "claude-sonnet-4-5"
                    ctx.emit(t, acct, "anthropic.messages", body, out)
                elif r < 0.7:
                    body = {"model": W.NEW_OPENAI if new else "o3", "input": problem, "instructions": COMMENTARY,
                            "background": True, "reasoning": {"effort": "high", "summary": "concise"},
                            "max_output_tokens": 20000}
                    ctx.emit(t, acct, "openai.responses", body, out)
                else:
                    msgs = [{"role": "system", "content": SCREENCAST},
                            {"role": "user", "content": problem if rng.random() < 0.5 else
                             f"{problem}\n\n{rng.choice(_asks(lang))}"}]
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        msgs, model=W.NEW_OPENAI if new else "gpt-4.1", temperature=0.8, max_tokens=5000, stream=True,
                        stream_options={"include_usage": True}), out)
                t += out / rng.uniform(40, 90) + rng.uniform(*pause)
                if rng.random() < 0.01:
                    t += rng.uniform(600, 2400)


FORUM = ("Question (score {s}, {v} views)\nTags: {tags}\n\n{p}\n\n{ask}\n\n---\nAccepted answer ({a} upvotes), "
         "with every step explained:\n\n")
EXAMINER = ("You are a senior examiner writing the model answers that markers use. A model answer shows every line "
            "of working a full-marks candidate would write, with a short justification for each.")
XLING = ("{p}\n\nFirst restate the problem in English. Then solve it in English, {ask_lower} Finally give the answer "
         "again in the language the problem was written in.")


def _hydra_request(ctx: Ctx, kit: int, lang: str, new: bool) -> tuple[str, dict]:
    rng = ctx.rng
    problem, ask = _problem(ctx, lang, code=0.2), rng.choice(_asks(lang))
    if kit == 0:
        prompt = FORUM.format(s=rng.randint(3, 180), v=rng.randint(80, 40000), tags=rng.choice(
            ("math, probability", "number-theory", "algorithms, python", "combinatorics", "homework")),
            p=problem, ask=rng.choice(("How do I approach this?", "Where do I even start?", "I'm stuck.")),
            a=rng.randint(5, 300))
        return "openai.completions", {"model": "gpt-3.5-turbo-instruct", "prompt": prompt, "max_tokens": 2000,
                                      "temperature": 0.6, "stop": ["\n---"]}
    if kit == 1:
        body = anthropic_body([{"role": "user", "content": f"{problem}\n\n{ask}" if rng.random() < 0.5 else problem}],
                              system=EXAMINER, max_tokens=4000)
        body["model"] = W.NEW_ANTHROPIC if new else "claude-sonnet-4-5"
        return "anthropic.messages", body
    if kit == 2:
        text = XLING.format(p=problem, ask_lower=ASK_EN[rng.randrange(len(ASK_EN))].lower()) if lang != "en" else \
            f"{ask}\n\n{problem}"
        return "openai.chat.completions", chat_body([{"role": "user", "content": text}],
                                                    model=W.NEW_OPENAI if new else "gpt-4o", temperature=0.7)
    return "openai.responses", {"model": W.NEW_OPENAI_MINI if new else "o4-mini", "input": problem,
                                "instructions": ask, "reasoning": {"effort": "high"}, "text": {"verbosity": "high"},
                                "max_output_tokens": 12000}


def hydra(ctx: Ctx, variant: str) -> None:
    """220 accounts (see the module docstring). Per UTC day n ~ U(rate +- 4) capped at 29, split into 2-4
    sessions that start at local 8-24h; gaps inside a session log-normal around 150 s; anything past the UTC day
    or outside the account's life is dropped, so the cap holds."""
    rng = ctx.rng
    waves = (-0.5, 0.3, W.RELEASE_DAY + 0.1, 2.4)
    release = _release(ctx)
    for i in range(220):
        acct = ctx.account("attack", "hydra", "v7-hydra")
        kit = rng.randrange(4)
        lang = rng.choice(NON_EN) if rng.random() < 0.45 else "en"
        rate = rng.uniform(12, 23)
        born = ctx.start + (waves[i % 4] + rng.uniform(0, 0.6)) * DAY
        death = born + rng.uniform(1.0, 2.5) * DAY
        switch = release + rng.uniform(2, 18) * 3600
        for d in range(int(ctx.days) + 1):
            day0 = ctx.start + d * DAY
            n = min(29, max(0, round(rng.uniform(rate - 4, rate + 4))))
            k = rng.randint(2, 4)
            sizes = [n // k + (1 if j < n % k else 0) for j in range(k)]
            for size in sizes:
                t = day0 + ((rng.uniform(8, 24) - acct["tz"]) % 24) * 3600
                for _ in range(size):
                    if born <= t < death and t < day0 + DAY:
                        api, body = _hydra_request(ctx, kit, lang, t >= switch)
                        ctx.emit(t, acct, api, body, rng.randint(600, 3000))
                    t += min(_lognormal_gap(ctx, 150), 1800)


TRACE = ("Language: {lang}. Topic: {fam}. Input shape: {shape}.\n\n{code}\n\nRun solve({inp}) by hand. Report the "
         "state after {gran}, say why each value changes, and give the return value.")
INVERSE = ("Language: {lang}. Topic: {fam}.\n\n{code}\n\nFind an input of the shape '{shape}' for which solve returns "
           "{y}. Explain how you worked backwards from the output, then verify by tracing {gran}.")
INVARIANT = ("Language: {lang}. Topic: {fam}.\n\n{code}\n\nState the loop invariant, prove it is maintained, argue "
             "that the loop terminates, and give the time complexity. Illustrate on input {inp}, tracing {gran}.")
AUTHOR = ("Write a short {lang} function that uses {fam} and behaves in a non-obvious way on {shape}. Then trace it "
          "on such an input, reporting the state after {gran}, and explain the surprising behaviour.")
TRACE_SYSTEM = "You produce worked code-reasoning exercises for a programming course."


def taxonomy(ctx: Ctx, variant: str) -> None:
    """1080 cells over 14 shards; each walks its shard in order at 45-80 requests/day in office hours, cycling
    trace / inverse / invariant / author. Shard i uses chat, Anthropic, Responses or completions by i % 4; OpenAI
    shards move to the new model 4-20 h after release."""
    rng = ctx.rng
    cells = [(f, s, g, lang) for f in W.ALGO_FAMILIES for s in W.INPUT_SHAPES for g in W.GRANULARITY
             for lang in W.TRACE_LANGS]
    tz = rng.uniform(-8, 10)
    release = _release(ctx)
    for shard in range(14):
        acct = ctx.account("attack", "taxonomy", "v7-taxonomy")
        api = ("openai.chat.completions", "anthropic.messages", "openai.responses", "openai.completions")[shard % 4]
        switch = release + rng.uniform(4, 20) * 3600
        mine = cells[shard::14]
        for i, t in enumerate(ctx.window_times(tz, rng.uniform(45, 80), hours=(7, 20), outside=0.08, weekend=0.25)):
            fam, shape, gran, lang = mine[(i // 4) % len(mine)]
            code, inp = W.snippet(rng, lang, fam), W.test_input(rng, shape)
            user = (TRACE, INVERSE, INVARIANT, AUTHOR)[i % 4].format(
                lang=lang, fam=fam, shape=shape, gran=gran, code=code, inp=inp, y=rng.randint(-20, 200))
            out = rng.randint(800, 3200)
            if api == "openai.completions":
                body = {"model": "gpt-3.5-turbo-instruct", "prompt": f"{TRACE_SYSTEM}\n\n{user}\n\nWorked answer:\n",
                        "max_tokens": 3500, "temperature": 0.5}
                ctx.emit(t, acct, api, body, out)
                continue
            model = W.NEW_OPENAI if t >= switch else "gpt-4.1"
            body = instructed_body(api, TRACE_SYSTEM, user, max_tokens=4000, temperature=0.6, model=model)
            if api == "anthropic.messages" and t >= switch:
                body["model"] = W.NEW_ANTHROPIC
            ctx.emit(t, acct, api, body, out)


CONFIDENCE = ("Solve the problem. After every step, on its own line, write 'confidence: N' where N from 0 to 100 is "
              "how sure you are that this step is correct.\n\n{p}")


def sampling(ctx: Ctx, variant: str) -> None:
    """Shared pool of 40 prompts with a lab-written worked solution each; jobs every 2-6 h (exponential), each
    taking 10-30 prompts (rollout jobs 6-14). rollout: for prefixes cut after step 1..k of the worked solution,
    legacy completions n=4, temperature 1, max_tokens 350, logprobs 3; regen: chat n=2-3, temperature 1.1, top_logprobs 5, 2-4 seeds
    per prompt; paired: Responses at temperature 0 then 1, top_logprobs 8; confidence: Anthropic, 2-3 repeats."""
    rng = ctx.rng
    pool = [(W.maths(rng), W.student_steps(rng, rng.randint(4, 8))) for _ in range(30)] + \
        [(W.coding(rng), W.student_steps(rng, rng.randint(4, 8))) for _ in range(10)]
    release = _release(ctx)
    for mode in ("rollout", "rollout", "regen", "regen", "regen", "paired", "paired", "confidence"):
        acct = ctx.account("attack", "sampling", "v7-sampling")
        t0 = ctx.start
        while True:
            t0 += rng.expovariate(1 / (rng.uniform(2, 6) * 3600))
            if t0 >= ctx.end:
                break
            t = t0
            for prompt, worked in rng.sample(pool, rng.randint(6, 14) if mode == "rollout" else rng.randint(10, 30)):
                if mode == "rollout":
                    steps = worked.split("\n")
                    for j in range(1, len(steps)):
                        body = {"model": "gpt-3.5-turbo-instruct", "prompt": f"Problem: {prompt}\n\nSolution:\n"
                                + "\n".join(steps[:j]) + "\n", "n": 4, "temperature": 1.0, "max_tokens": 350,
                                "logprobs": 3}
                        ctx.emit(t, acct, "openai.completions", body, rng.randint(400, 1400))
                        t += rng.uniform(0.8, 5)
                elif mode == "regen":
                    model = W.NEW_OPENAI if t >= release + 6 * 3600 else "gpt-4.1"
                    for _ in range(rng.randint(2, 4)):
                        body = chat_body([{"role": "user", "content": prompt}], model=model, n=rng.choice((2, 3)),
                                         temperature=1.1, seed=rng.randint(1, 2**31), logprobs=True, top_logprobs=5)
                        ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(1200, 5000))
                        t += rng.uniform(2, 12)
                elif mode == "paired":
                    for temp in (0.0, 1.0):
                        body = {"model": "gpt-4.1", "input": prompt, "temperature": temp, "top_logprobs": 8,
                                "include": ["message.output_text.logprobs"], "max_output_tokens": 3000}
                        ctx.emit(t, acct, "openai.responses", body, rng.randint(500, 2200))
                        t += rng.uniform(1, 6)
                else:
                    for _ in range(rng.randint(2, 3)):
                        body = anthropic_body([{"role": "user", "content": CONFIDENCE.format(p=prompt)}],
                                              max_tokens=5000, temperature=1.0)
                        ctx.emit(t, acct, "anthropic.messages", body, rng.randint(900, 3500))
                        t += rng.uniform(3, 15)


DEV_ASKS = ("Can you trace what this returns for {inp}? I want to see each iteration, I don't trust my reading.",
            "Why does this work at all? Walk me through the invariant, it looks wrong to me.",
            "Quick sanity check before code review: what's the output for {inp}, and how do you get it?",
            "I'm porting this to {lang}. Explain line by line what it does so I don't break it.")


def _dev_harvest(ctx: Ctx, lang2: str) -> str:
    rng = ctx.rng
    r = rng.random()
    if r < 0.2:
        return f"{W.maths(rng, lang2)} {rng.choice(W.ASK_I18N[lang2] + W.HELP_I18N[lang2])}"
    if r < 0.4:
        return _casual(ctx, f"{W.coding(rng)} {rng.choice(ASK_EN)}")
    code = W.snippet(rng, rng.choice(W.TRACE_LANGS), rng.choice(W.ALGO_FAMILIES))
    ask = rng.choice(DEV_ASKS).format(inp=W.test_input(rng, rng.choice(W.INPUT_SHAPES)), lang=rng.choice(W.PROG_LANGS))
    return f"{_casual(ctx, ask)}\n\n{code}"


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """18 accounts (personas._conversation with coding_bias 0.7, 20-50 requests/day, 1/3 on Anthropic); 30% of
    sessions add 2-6 harvest turns after the ordinary ones, 2-9 min apart, in working hours like the rest."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    release = _release(ctx)
    for _ in range(18):
        acct = ctx.account("attack", "mixed_into_chat", "v7-mixed")
        api = "anthropic.messages" if rng.random() < 0.33 else "openai.chat.completions"
        lang2 = rng.choice(NON_EN)
        eager = rng.random() < 0.6
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(20, 50), session_len=(2, 6), gap_s=(30, 500)):
            _conversation(ctx, acct, session, coding_bias=0.7, api=api)
            if rng.random() >= 0.3:
                continue
            t = session[-1] + rng.uniform(120, 540)
            for _ in range(rng.randint(2, 6)):
                msgs = [{"role": "user", "content": _dev_harvest(ctx, lang2)}]
                out = rng.randint(600, 2600)
                new = eager and t >= release
                if api == "anthropic.messages":
                    body = anthropic_body(msgs, max_tokens=4096)
                    if new:
                        body["model"] = W.NEW_ANTHROPIC
                    ctx.emit(t, acct, api, body, out)
                else:
                    ctx.emit(t, acct, api, chat_body(msgs, model=W.NEW_OPENAI if new else "gpt-4o"), out)
                t += rng.uniform(120, 540)


FRAMES = ("for my study group", "i'm making flashcards", "i want to actually get this, not just the answer",
          "prepping for a quiz", "helping my little brother with this", "")
REQUESTS = ("talk me through your thinking", "show me how you'd attack it", "lay out the logic",
            "go through it the way you'd explain it on a whiteboard", "tell me what you'd notice first and why")
HINTS = ("one idea per line", "mention the dead ends too", "include how you'd check it", "no shortcuts", "",
         "and say why each step is allowed")


def _paraphrase(ctx: Ctx, item: tuple[int, dict], lang: str, wording: int) -> str:
    rng = ctx.rng
    if lang != "en":
        stem, slots = item
        problem = W.MATH_I18N[lang][stem % len(W.MATH_I18N[lang])].format(**slots)
        ask = rng.choice(W.HELP_I18N[lang] + W.ASK_I18N[lang])
        return f"{ask}\n{problem}" if rng.random() < 0.4 else f"{problem}\n{ask}"
    problem = W.word(item, wording)
    if rng.random() < 0.3:
        return _casual(ctx, f"{problem} {rng.choice(W.HELP_I18N['en'])}")
    ask = ", ".join(p for p in (rng.choice(FRAMES), rng.choice(REQUESTS), rng.choice(HINTS)) if p)
    where = rng.random()
    return _casual(ctx, f"{problem}\n{ask}" if where < 0.5 else f"{ask}:\n{problem}" if where < 0.85 else
                   f"{ask} -- {problem}")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """160 accounts on one shared pool of 300 problems (stem, numbers); account k words them with wording k % 3;
    non-English accounts use the stems 0-3 their language has. APIs 40% chat, 35% Anthropic, 25% Responses; half
    the accounts move to the new model 0-30 h after release; 20% of turns are follow-ups."""
    rng = ctx.rng
    pool = [W.math_item(rng) for _ in range(300)]
    follow = ("wait why that step", "ok and how would you check it", "can you do it another way",
              "hmm i got something different, redo it slowly")
    release = _release(ctx)
    for k in range(160):
        acct = ctx.account("attack", "paraphrased", "v7-paraphrased")
        lang = rng.choice(NON_EN) if rng.random() < 0.45 else "en"
        api = rng.choices(("openai.chat.completions", "anthropic.messages", "openai.responses"), (40, 35, 25))[0]
        switch = release + rng.uniform(0, 30) * 3600 if rng.random() < 0.5 else math.inf
        active = {d for d in range(int(ctx.days) + 1) if rng.random() < 0.55}
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(2, 10), session_len=(1, 3), gap_s=(120, 1800)):
            if int((session[0] - ctx.start) // DAY) not in active:
                continue
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.2:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 90)},
                                   {"role": "user", "content": rng.choice(follow)}]
                else:
                    msgs = [{"role": "user", "content": _paraphrase(ctx, rng.choice(pool), lang, k % 3)}]
                out, new = rng.randint(500, 2400), t >= switch
                if api == "anthropic.messages":
                    body = anthropic_body(list(msgs), max_tokens=rng.choice((2048, 4096)))
                    if new:
                        body["model"] = W.NEW_ANTHROPIC
                    ctx.emit(t, acct, api, body, out)
                elif api == "openai.responses":
                    ctx.emit(t, acct, api, {"model": W.NEW_OPENAI if new else "gpt-4.1", "input": list(msgs)}, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model=W.NEW_OPENAI if new else "gpt-4o"), out)


RATIONALE_SYS = ("You are an operations agent. Every tool has a required `rationale` argument: fill it with your "
                 "complete reasoning for making that call (what you know, what you are unsure about, why this call "
                 "and these arguments). Work until the task is done.")
BRANCH_INSTR = "You are an autonomous agent. Use the tools to complete the task; do not ask the user questions."
PLAN_SYS = ("You are an agent with tools. Before every tool call, write a <plan> paragraph: the goal, what the last "
            "result changed, the options you considered and why you pick this call. Then make the call.")


def _observation(ctx: Ctx) -> str:
    rng = ctx.rng
    return orjson.dumps({"status": rng.choice(("ok", "ok", "ok", "error", "partial")),
                         "data": W.prose(rng, rng.randint(10, 50))}).decode()


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """26 accounts: 10 rationale-argument chat loops (6-14 episodes/day in a 16-hour operator window, 5-12 steps,
    one call per step), 8 Responses branching loops (5-10 episodes/day around the clock, 3-8 steps, 2-3 branch
    requests per step that differ only in the last observation), 8 Anthropic <plan> loops (6-12 episodes/day,
    3-8 calls). Each episode draws its domain from the catalogue; models move to the new ones after release."""
    rng = ctx.rng
    domains = tuple(W.TOOL_CATALOG)
    op_tz = rng.uniform(-5, 9)
    release = _release(ctx)
    for i in range(26):
        acct = ctx.account("attack", "agentic_distill", "v7-agentic")
        shape = "rationale" if i < 10 else "branch" if i < 18 else "plan"
        switch = release + rng.uniform(2, 12) * 3600
        if shape == "branch":
            starts = ctx.window_times(0.0, rng.uniform(5, 10), hours=(0, 24), outside=1.0)
        else:
            starts = ctx.window_times(op_tz, rng.uniform(6, 14), hours=(6, 22), outside=0.1)
        for t in starts:
            domain = rng.choice(domains)
            task, new = W.agent_task(rng, domain), t >= switch
            if shape == "rationale":
                toolset = W.with_rationale(W.TOOL_CATALOG[domain])
                tools = W.tools_openai(toolset)
                msgs: list[dict] = [{"role": "system", "content": RATIONALE_SYS}, {"role": "user", "content": task}]
                for _ in range(rng.randint(5, 12)):
                    out = rng.randint(150, 800)
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        list(msgs), model=W.NEW_OPENAI if new else "gpt-4.1", tools=tools, tool_choice="auto",
                        parallel_tool_calls=False, temperature=0.3), out)
                    t += out / rng.uniform(50, 100) + rng.uniform(0.5, 4)
                    name, _, params = rng.choice(toolset)
                    args = W.tool_args(rng, params[:-1])
                    args["rationale"] = W.prose(rng, rng.randint(40, 120))
                    cid = f"call_{rng.getrandbits(64):016x}"
                    msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [
                        {"id": cid, "type": "function",
                         "function": {"name": name, "arguments": orjson.dumps(args).decode()}}]},
                        {"role": "tool", "tool_call_id": cid, "content": _observation(ctx)}]
            elif shape == "branch":
                tools = W.tools_responses(list(W.TOOL_CATALOG[domain]))
                items: list[dict] = [{"role": "user", "content": task}]
                for _ in range(rng.randint(3, 8)):
                    name, _, params = rng.choice(W.TOOL_CATALOG[domain])
                    cid = f"call_{rng.getrandbits(64):016x}"
                    call = {"type": "function_call", "call_id": cid, "name": name,
                            "arguments": orjson.dumps(W.tool_args(rng, params)).decode()}
                    branches = [items + [call, {"type": "function_call_output", "call_id": cid,
                                                "output": _observation(ctx)}] for _ in range(rng.randint(2, 3))]
                    for b in branches:
                        out = rng.randint(200, 1500)
                        ctx.emit(t, acct, "openai.responses", {
                            "model": W.NEW_OPENAI if new else "o4-mini", "instructions": BRANCH_INSTR, "input": b,
                            "tools": tools, "reasoning": {"effort": "medium", "summary": "auto"}, "store": False,
                            "max_output_tokens": 8000}, out)
                        t += rng.uniform(0.2, 2)
                    items = rng.choice(branches)
                    t += rng.uniform(1, 8)
            else:
                tools = W.tools_anthropic(list(W.TOOL_CATALOG[domain]))
                msgs = [{"role": "user", "content": task}]
                for _ in range(rng.randint(3, 8)):
                    body = anthropic_body(list(msgs), system=PLAN_SYS, tools=tools, max_tokens=4096)
                    if new:
                        body["model"] = W.NEW_ANTHROPIC
                    out = rng.randint(200, 900)
                    ctx.emit(t, acct, "anthropic.messages", body, out)
                    t += out / rng.uniform(50, 100) + rng.uniform(0.5, 5)
                    name, _, params = rng.choice(W.TOOL_CATALOG[domain])
                    cid = f"toolu_{rng.getrandbits(64):016x}"
                    msgs = msgs + [{"role": "assistant", "content": [
                        {"type": "text", "text": f"<plan>{W.prose(rng, rng.randint(40, 110))}</plan>"},
                        {"type": "tool_use", "id": cid, "name": name, "input": W.tool_args(rng, params)}]},
                        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid,
                                                      "content": _observation(ctx)}]}]


ATTACKS_V7 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill)
