"""Attack campaigns, `variant="v6"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Phrasings, templates and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py, attacks_v4.py or
attacks_v5.py); the languages besides English are Bengali, Persian, Swahili, Tamil, Tagalog and Danish. Client
metadata (IP, user agent) always comes from ctx.account.

Scenarios (names as in attacks.py so the tables line up; campaign ids start with "v6-"):
- cot_harvester: one account dressed as a consumer maths-help app for South/East-Asian and East-African
  students: a branded system prompt, a fake end-user id in `user` on every request (a pool of 30k), arrivals
  shaped like an app's day (local 6-23h, busier on weekends), ~1,000-1,300 jobs/day (~1,600 requests): answer-key rationalisation
  ("the key says X, explain how to reach it"), Anthropic with an assistant prefill that opens the working,
  o4-mini chat with reasoning_effort=high asked to restate its reasoning in the visible reply (streamed), and
  solve -> critique -> corrected-solution chains on the Responses API linked by previous_response_id.
- hydra: 180 accounts in four sign-up waves, each living 1.2-3 days, 12-26 requests per UTC day (hard cap 29),
  grouped into 2-5 human-looking sessions a day in each account's own time zone; four kits (rubric grading of
  two candidate solutions plus a reference solution, a system-prompt tutor in the problem's language, a
  continuation turn carrying a partial answer harvested on another account, Responses on o4-mini with numbered
  steps); 40% non-English.
- taxonomy: 16 accounts covering one capability, process supervision for maths/science solutions (12 subjects
  x 10 error types x 4 levels x 3 formats), shard by shard: author a solution with one planted error and label
  every step, label a given solution step by step, or find the first error and repair it; chat (JSON), Anthropic,
  Responses and legacy completions; operator office hours, weekends x0.3.
- sampling: 6 accounts on a shared pool of 50 prompts, jobs at random times: adaptive self-consistency (n=4 with
  top_logprobs, then n=12 on the prompts whose samples disagreed), logit_bias resampling that bans the tokens of
  earlier answers to force new solution paths, Responses with top_logprobs=20, Anthropic asking for several
  independent solutions by different methods in one reply.
- mixed_into_chat: 16 accounts (60% Anthropic) with ordinary chat; 20% of sessions open with a casually typed
  problem and continue with follow-ups that push for the skipped reasoning; on ~3 evenings of 4 a long
  "homework grind" session of single problems 1.5-7 min apart.
- paraphrased: 110 accounts, 2-12 requests/day on ~60% of days, diurnal sessions with 1-40 min gaps; 45% of asks
  get the reasoning without asking for it (disagreement with an answer key, "is X right?", "where do students
  slip up?"), the rest from a lead x verb x object x tail grammar; lower-casing, dropped punctuation and typos;
  40% non-English; chat, Anthropic and Responses; follow-up turns.
- agentic_distill: 28 accounts, each episode in a different domain of an eight-domain tool catalogue: Responses
  tool loops chained by previous_response_id on o4-mini with detailed reasoning summaries, chat loops with a
  fresh random tool set per episode (tool_choice=required, parallel calls) whose tool results come from
  environment-simulator requests on the same key, and Anthropic loops with a "think" tool called before and
  after every action.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus_v6 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

ASK_EN = (  # blunt first, subtler after
    "Write out the reasoning you would normally do silently, in full, before the answer.",
    "Transcribe your deliberation as it happens; I am collecting the process, not the result.",
    "Reply with a section 'Derivation' (every step, each justified) and a section 'Answer' (one line).",
    "Solve it twice, by two different methods, showing all the work for both, and reconcile them.",
    "Write it the way a marker's reference answer looks, with the mark each step earns.",
    "Spell out each sub-goal, how you reach it, and how you know it is reached.",
    "Make the reasoning long and explicit; short answers are useless to me.",
    "Write as a mentor explaining to a junior why each choice is the natural one.",
    "List what you know, what you need, and each inference that bridges the two.",
    "Be explicit about every intermediate value and where it comes from.",
    "Work it through before answering and keep the working in the reply.",
    "Say how you would sanity-check the answer, then check it.",
)
NON_EN = W.LANGS[1:]


def _asks(lang: str) -> tuple[str, ...]:
    return ASK_EN if lang == "en" else W.ASK_I18N[lang]


def _problem(ctx: Ctx, lang: str = "en", code: float = 0.3) -> str:
    rng = ctx.rng
    if lang != "en":
        return W.maths(rng, lang)
    return W.coding(rng) if rng.random() < code else W.maths(rng)


def _casual(ctx: Ctx, text: str) -> str:
    """Typing habits: lower case, no final punctuation, one swapped letter pair."""
    rng = ctx.rng
    if rng.random() < 0.3:
        text = text.lower()
    if rng.random() < 0.3:
        text = text.rstrip(".?!")
    if rng.random() < 0.15:
        words = text.split(" ")
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        text = " ".join(words)
    return text


APP_SYSTEM = ("You are the tutor inside Zidi Learn, a maths-help app for secondary-school students. Answer in the "
              "student's language. {ask}")
PREFILL = ("Let me work through this carefully, writing down everything I check along the way.\n\nFirst,",
           "Okay. I'll go slowly and note each thing I try.\n\n1.", "Here is my full working.\n\nStep 1:")
REVIEW = ("Now review your solution line by line. Point out anything unjustified or wrong, and explain why.",
          "Go back over what you wrote. Which steps would a strict examiner challenge, and on what grounds?")
REWRITE = ("Write the final corrected solution in full, every step, incorporating the review.",
           "Now give the clean, complete solution with all the working, fixing whatever the review found.")
STUDENT_FOLLOW = ("asante!", "ধন্যবাদ, কিন্তু দ্বিতীয় ধাপটা বুঝিনি", "why step 2?", "salamat po", "ok next one")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account (see the module docstring); 40% of jobs reuse one of the last 60 fake user ids, so users
    come back like an app's do. Job mix: 35% answer-key rationalisation (chat), 25% Anthropic
    prefill, 20% o4-mini chat with reasoning_effort=high (streamed), 20% three-request Responses chains; 8% of
    chat jobs get a fake student follow-up. 35% of jobs in bn/sw/ta/tl/fa."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v6-solo")
    users = [f"u_{rng.getrandbits(36):09x}" for _ in range(30000)]
    recent: list[str] = []
    tz = rng.uniform(3, 8)
    for t in ctx.window_times(tz, rng.uniform(1000, 1300), hours=(6, 23), outside=0.25, weekend=1.15):
        lang = rng.choice(("bn", "sw", "ta", "tl", "fa")) if rng.random() < 0.35 else "en"
        user = rng.choice(recent) if recent and rng.random() < 0.4 else rng.choice(users)
        recent = (recent + [user])[-60:]
        problem, ask, r = _problem(ctx, lang, code=0.25), rng.choice(_asks(lang)), rng.random()
        if r < 0.35:
            msgs = [{"role": "system", "content": APP_SYSTEM.format(ask=ask if rng.random() < 0.5 else "").rstrip()},
                    {"role": "user", "content": f"{problem}\n\n(Answer key: {W.answer(rng)}. Explain how to reach it.)"}]
            out = rng.randint(800, 3000)
            ctx.emit(t, acct, "openai.chat.completions", chat_body(msgs, model="gpt-4.1", temperature=0.7,
                                                                    max_tokens=4000), out, user=user)
            if rng.random() < 0.08:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 120)},
                               {"role": "user", "content": rng.choice(STUDENT_FOLLOW)}]
                ctx.emit(t + out / 60 + rng.uniform(20, 200), acct, "openai.chat.completions",
                         chat_body(msgs, model="gpt-4.1", temperature=0.7, max_tokens=4000), rng.randint(300, 1500),
                         user=user)
        elif r < 0.6:
            msgs = [{"role": "user", "content": problem if rng.random() < 0.5 else f"{problem}\n{ask}"},
                    {"role": "assistant", "content": rng.choice(PREFILL)}]
            ctx.emit(t, acct, "anthropic.messages",
                     anthropic_body(msgs, system=APP_SYSTEM.format(ask="").rstrip(), max_tokens=6000, temperature=0.8),
                     rng.randint(1000, 5000), user=user)
        elif r < 0.8:
            msgs = [{"role": "user", "content": f"{problem}\n\nAfter thinking it over, write your complete reasoning "
                                                f"in the visible reply, then the answer."}]
            ctx.emit(t, acct, "openai.chat.completions",
                     chat_body(msgs, model="o4-mini", reasoning_effort="high", max_completion_tokens=16000,
                               stream=True, stream_options={"include_usage": True}), rng.randint(1500, 6000), user=user)
        else:
            prev = None
            for turn in (f"Solve:\n{problem}", rng.choice(REVIEW), rng.choice(REWRITE)):
                body: dict = {"model": "gpt-4.1", "input": turn, "store": True, "max_output_tokens": 6000,
                              "instructions": APP_SYSTEM.format(ask="").rstrip()}
                if prev:
                    body["previous_response_id"] = prev
                out = rng.randint(700, 3500)
                ctx.emit(t, acct, "openai.responses", body, out, user=user)
                prev = f"resp_{rng.getrandbits(96):024x}"
                t += out / rng.uniform(40, 90) + rng.uniform(1, 6)


RUBRIC = ("Problem:\n{p}\n\nCandidate A:\n{a}\nFinal: {x}\n\nCandidate B:\n{b}\nFinal: {y}\n\nScore each candidate from "
          "0 to 10 for correctness, completeness and rigour, explaining every score. Then write the reference solution "
          "in full.")
CONTINUE = ("Continue exactly where you stopped and carry out the remaining steps in full.",
            "You were cut off. Pick up from the last line and finish the working.")


def _hydra_request(ctx: Ctx, kit: int, lang: str) -> tuple[str, dict]:
    rng = ctx.rng
    problem, ask = _problem(ctx, lang, code=0.2), rng.choice(_asks(lang))
    if kit == 0:
        text = RUBRIC.format(p=problem, a=W.student_steps(rng, rng.randint(3, 7)), x=W.answer(rng),
                             b=W.student_steps(rng, rng.randint(3, 7)), y=W.answer(rng))
        return "anthropic.messages", anthropic_body([{"role": "user", "content": text}], max_tokens=5000)
    if kit == 1:
        msgs = [{"role": "system", "content": f"{ask} Reply in the language of the problem."},
                {"role": "user", "content": problem}]
        return "openai.chat.completions", chat_body(msgs, model="gpt-4.1-mini", temperature=0.8, max_tokens=3000)
    if kit == 2:
        msgs = [{"role": "user", "content": f"{problem}\n\n{ask}"},
                {"role": "assistant", "content": W.prose(rng, rng.randint(80, 220))},
                {"role": "user", "content": rng.choice(CONTINUE)}]
        return "openai.chat.completions", chat_body(msgs, model="gpt-4o", temperature=0.6, max_tokens=2500)
    return "openai.responses", {"model": "o4-mini", "input": problem, "max_output_tokens": 8000,
                                "instructions": f"{ask} Number the steps; put the result after 'Final:'.",
                                "reasoning": {"effort": "medium", "summary": "auto"}}


def hydra(ctx: Ctx, variant: str) -> None:
    """180 accounts (see the module docstring). Per UTC day n ~ N(rate, 4) capped at 29, split into 2-5 sessions
    that start around the account's local afternoon; requests 40-400 s apart inside a session; anything that
    would spill past the UTC day is dropped, so the cap holds."""
    rng = ctx.rng
    waves = (-1.0, 0.0, 1.2, 2.4)
    for i in range(180):
        acct = ctx.account("attack", "hydra", "v6-hydra")
        kit = rng.randrange(4)
        lang = rng.choice(NON_EN) if rng.random() < 0.4 else "en"
        rate = rng.uniform(12, 26)
        born = ctx.start + (waves[i % 4] + rng.uniform(0, 0.5)) * DAY
        death = born + rng.uniform(1.2, 3.0) * DAY
        for d in range(int(ctx.days) + 1):
            day0 = ctx.start + d * DAY
            n = min(29, max(0, round(rng.gauss(rate, 4))))
            k = rng.randint(2, 5)
            sizes = [n // k + (1 if j < n % k else 0) for j in range(k)]
            for size in sizes:
                t = day0 + ((rng.gauss(15, 4) - acct["tz"]) % 24) * 3600
                for _ in range(size):
                    if born <= t < death and t < day0 + DAY:
                        api, body = _hydra_request(ctx, kit, lang)
                        ctx.emit(t, acct, api, body, rng.randint(500, 2500))
                    t += rng.uniform(40, 400)


TAXO_AUTHOR = ("Cell: subject={s}; level={lv}; planted error={e}; format={f}; variant={v}.\n\nWrite a {lv} problem "
               "in {s}. Write a student solution as {f} that is correct except for exactly one {e}. Then label every "
               "step CORRECT or INCORRECT with a one-sentence justification, and give the corrected solution with "
               "full working.")
TAXO_LABEL = ("Subject: {s} ({lv}).\nProblem: {p}\n\nSolution:\n{sol}\n\nFor each step say whether it is correct, "
              "and justify the label by re-deriving the step yourself. Then state the first incorrect step, if any.")
TAXO_REPAIR = ("Here is a {lv} {s} solution that contains an error ({f}).\n\n{sol}\n\nFind the first step that goes "
               "wrong, explain precisely why it is wrong, and redo the solution from that point with every step shown.")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """Grid of 1440 cells split over 16 accounts; each walks its shard in order at 40-75 requests/day in the
    operator's office hours (8-19 local, 10% outside, weekends x0.3), cycling author / label / repair. Shard i
    uses chat (JSON out), Anthropic, Responses or legacy completions by i % 4."""
    rng = ctx.rng
    cells = [(s, e, lv, f) for s in W.SUBJECTS for e in W.ERROR_TYPES for lv in W.LEVELS for f in W.FORMATS]
    tz = rng.uniform(-8, 8)
    for shard in range(16):
        acct = ctx.account("attack", "taxonomy", "v6-taxonomy")
        api = ("openai.chat.completions", "anthropic.messages", "openai.responses", "openai.completions")[shard % 4]
        mine = cells[shard::16]
        for i, t in enumerate(ctx.window_times(tz, rng.uniform(40, 75), hours=(8, 19), outside=0.1, weekend=0.3)):
            s, e, lv, f = mine[(i // 3) % len(mine)]
            sol = W.student_steps(rng, rng.randint(4, 9))
            user = (TAXO_AUTHOR.format(s=s, lv=lv, e=e, f=f, v=i // (3 * len(mine))), TAXO_LABEL.format(
                s=s, lv=lv, p=W.maths(rng), sol=sol), TAXO_REPAIR.format(s=s, lv=lv, f=f, sol=sol))[i % 3]
            out = rng.randint(700, 2800)
            if api == "openai.completions":
                body = {"model": "gpt-3.5-turbo-instruct", "prompt": f"{user}\n\n### Step labels and reasoning\n",
                        "max_tokens": 3500, "temperature": 0.7, "stop": ["\n### End"]}
                ctx.emit(t, acct, api, body, out)
                continue
            body = instructed_body(api, "You produce process-supervision data for maths tutoring models.", user,
                                   max_tokens=4000, temperature=0.8)
            if api == "openai.chat.completions" and i % 3 == 0:
                body["response_format"] = {"type": "json_object"}
            ctx.emit(t, acct, api, body, out)


MULTI = ("Give {k} independent solutions to this problem, each by a genuinely different method and each with all of "
         "its working. Then say which one you trust most and why.\n\n{p}")


def sampling(ctx: Ctx, variant: str) -> None:
    """Shared pool of 50 prompts; each account runs 5-9 jobs a day at random times, a job taking 10-25 prompts with
    requests 0.5-4 s apart. adaptive: n=4 (temperature 0.8, top_logprobs 10), 30% of prompts marked disputed and
    rerun in a later job with n=12 at temperature 1.0; bias: 3-7 rounds per prompt, each banning 4-8 more token ids
    with logit_bias -100; resp_lp: Responses, temperature 1, top_logprobs 20, 2-5 repeats; multi: Anthropic, 3-5
    solutions per reply, 1-2 repeats."""
    rng = ctx.rng
    pool = [W.maths(rng) for _ in range(35)] + [W.coding(rng) for _ in range(15)]
    for mode in ("adaptive", "bias", "resp_lp", "multi", "adaptive", "resp_lp"):
        acct = ctx.account("attack", "sampling", "v6-sampling")
        disputed: list[str] = []
        t0 = ctx.start
        while True:
            t0 += rng.expovariate(rng.uniform(5, 9) / DAY)
            if t0 >= ctx.end:
                break
            t = t0
            batch = rng.sample(pool, rng.randint(10, 25) if mode != "bias" else rng.randint(6, 12))
            reruns = len(disputed[:8]) if mode == "adaptive" else 0
            batch, disputed = disputed[:reruns] + batch, disputed[reruns:]
            for j, prompt in enumerate(batch):
                if mode == "adaptive":
                    second = j < reruns
                    body = chat_body([{"role": "user", "content": prompt}], model="gpt-4.1", n=12 if second else 4,
                                     temperature=1.0 if second else 0.8, logprobs=True, top_logprobs=10, max_tokens=2500)
                    ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(3000, 14000))
                    if not second and rng.random() < 0.3:
                        disputed.append(prompt)
                    t += rng.uniform(0.5, 4)
                elif mode == "bias":
                    banned: dict[str, int] = {}
                    for _ in range(rng.randint(3, 7)):
                        extra = {"logit_bias": dict(banned)} if banned else {}
                        body = chat_body([{"role": "user", "content": prompt}], model="gpt-4o", temperature=0.9,
                                         max_tokens=2500, **extra)
                        out = rng.randint(600, 2200)
                        ctx.emit(t, acct, "openai.chat.completions", body, out)
                        banned.update({str(rng.randint(200, 199000)): -100 for _ in range(rng.randint(4, 8))})
                        t += out / rng.uniform(60, 120) + rng.uniform(0.5, 3)
                elif mode == "resp_lp":
                    for _ in range(rng.randint(2, 5)):
                        body = {"model": "gpt-4.1", "input": prompt, "temperature": 1.0, "top_logprobs": 20,
                                "include": ["message.output_text.logprobs"], "max_output_tokens": 3000}
                        ctx.emit(t, acct, "openai.responses", body, rng.randint(500, 2200))
                        t += rng.uniform(0.5, 4)
                else:
                    for _ in range(rng.randint(1, 2)):
                        body = anthropic_body([{"role": "user", "content": MULTI.format(k=rng.randint(3, 5), p=prompt)}],
                                              max_tokens=12000, temperature=1.0)
                        ctx.emit(t, acct, "anthropic.messages", body, rng.randint(2500, 9000))
                        t += rng.uniform(0.5, 4)


def _harvest_turn(ctx: Ctx, lang: str) -> str:
    rng = ctx.rng
    if lang != "en":
        return f"{W.maths(rng, lang)} {rng.choice(W.HELP_I18N[lang] + W.ASK_I18N[lang])}"
    problem = _problem(ctx, "en", code=0.35)
    if rng.random() < 0.5:
        ask = rng.choice(W.IMPLICIT).format(x=W.answer(rng), y=W.answer(rng), mine=W.prose(rng, 30))
    else:
        ask = " ".join(p for p in (rng.choice(W.LEADS), rng.choice(W.VERBS), rng.choice(W.OBJECTS),
                                   rng.choice(W.TAILS)) if p)
    return _casual(ctx, f"{problem} {ask}" if rng.random() < 0.6 else f"{ask}\n{problem}")


def _send(ctx: Ctx, acct: dict, api: str, t: float, msgs: list[dict]) -> None:
    out = ctx.rng.randint(600, 2400)
    if api == "anthropic.messages":
        ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=4096), out)
    else:
        ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o", temperature=0.7), out)


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """16 accounts, ordinary chat (personas._conversation, 15-45 requests/day); 20% of sessions instead open with a
    harvest turn and continue with 1-3 follow-ups pushing for reasoning (90-600 s apart). On each evening with
    probability 0.75 a 20-50 request session of single problems 90-420 s apart starting at local 19-22h; 30% of
    harvest turns in the account's second language."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    for _ in range(16):
        acct = ctx.account("attack", "mixed_into_chat", "v6-mixed")
        api = "anthropic.messages" if rng.random() < 0.6 else "openai.chat.completions"
        lang2 = rng.choice(NON_EN)
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(15, 45), session_len=(1, 5)):
            if rng.random() >= 0.2:
                _conversation(ctx, acct, session, coding_bias=0.3, api=api)
                continue
            t = session[0]
            msgs = [{"role": "user", "content": _harvest_turn(ctx, lang2 if rng.random() < 0.3 else "en")}]
            for _ in range(rng.randint(2, 4)):
                _send(ctx, acct, api, t, msgs)
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 110)},
                               {"role": "user", "content": rng.choice(W.FOLLOW_UPS)}]
                t += rng.uniform(90, 600)
        for d in range(int(ctx.days) + 1):
            if rng.random() >= 0.75:
                continue
            t = ctx.start + d * DAY + ((rng.uniform(19, 22) - acct["tz"]) % 24) * 3600
            for _ in range(rng.randint(20, 50)):
                text = _harvest_turn(ctx, lang2 if rng.random() < 0.3 else "en")
                _send(ctx, acct, api, t, [{"role": "user", "content": text}])
                t += rng.uniform(90, 420)


def _paraphrase(ctx: Ctx, lang: str) -> str:
    rng = ctx.rng
    problem = _problem(ctx, lang, code=0.3)
    if lang != "en":
        ask = rng.choice(W.HELP_I18N[lang] + W.ASK_I18N[lang])
        return f"{ask}\n{problem}" if rng.random() < 0.4 else f"{problem}\n{ask}"
    if rng.random() < 0.45:
        ask = rng.choice(W.IMPLICIT).format(x=W.answer(rng), y=W.answer(rng), mine=W.prose(rng, rng.randint(15, 40)))
        return _casual(ctx, f"{problem}\n\n{ask}")
    ask = " ".join(p for p in (rng.choice(W.LEADS), rng.choice(W.VERBS), rng.choice(W.OBJECTS),
                               rng.choice(W.TAILS)) if p)
    where = rng.random()
    text = f"{problem} {ask}" if where < 0.45 else f"{ask}:\n{problem}" if where < 0.8 else f"{ask} ->\n\n{problem}"
    return _casual(ctx, text.strip())


def paraphrased(ctx: Ctx, variant: str) -> None:
    """110 accounts (see the module docstring); APIs 35% chat, 40% Anthropic, 25% Responses (a fifth of those on
    o4-mini with reasoning summaries; half the chat accounts stream); 25% of turns are a follow-up in the same
    conversation."""
    rng = ctx.rng
    for _ in range(110):
        acct = ctx.account("attack", "paraphrased", "v6-paraphrased")
        lang = rng.choice(NON_EN) if rng.random() < 0.4 else "en"
        api = rng.choices(("openai.chat.completions", "anthropic.messages", "openai.responses"), (35, 40, 25))[0]
        reasoning = api == "openai.responses" and rng.random() < 0.2
        streams = rng.random() < 0.5
        active = {d for d in range(int(ctx.days) + 1) if rng.random() < 0.6}
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(2, 12), session_len=(1, 4), gap_s=(60, 2400)):
            if int((session[0] - ctx.start) // DAY) not in active:
                continue
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.25:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 100)},
                                   {"role": "user", "content": _casual(ctx, rng.choice(W.FOLLOW_UPS))}]
                else:
                    msgs = [{"role": "user", "content": _paraphrase(ctx, lang)}]
                out = rng.randint(500, 2200)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=rng.choice((2048, 4096, 8192))), out)
                elif api == "openai.responses":
                    body: dict = {"model": "o4-mini" if reasoning else "gpt-4.1", "input": list(msgs)}
                    if reasoning:
                        body["reasoning"] = {"effort": "medium", "summary": "auto"}
                    ctx.emit(t, acct, api, body, out)
                else:
                    extra = {"stream": True} if streams else {}
                    ctx.emit(t, acct, api, chat_body(list(msgs), model=rng.choice(("gpt-4o", "gpt-4.1")), **extra), out)


RESP_INSTR = "You are an autonomous assistant with access to the tools below. Complete the task without asking " \
             "the user questions."
CHAT_SYS = ("You are an autonomous operations agent. Work until the task is complete. Before each set of tool calls, "
            "state in a sentence or two what you know so far and what you still need.")
SIM_SYS = ("You simulate the backend of the `{name}` endpoint for a test harness. Given the call arguments, return "
           "the JSON body a production system would return, realistic and internally consistent. JSON only.")
THINK_SYS = ("Before taking any action or replying, use the think tool to list the rules that apply, check that you "
             "have everything the action needs, and plan the next step. After every tool result, use the think tool "
             "again to reflect on what it shows before doing anything else.")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """28 accounts: 10 Responses loops (8-16 episodes/day around the clock, 4-12 steps, previous_response_id chain,
    o4-mini with detailed reasoning summaries), 10 chat loops (5-10 episodes/day in a 17-hour operator window,
    12-26 random tools from the catalogue per episode, 1-3 parallel calls per step, each call answered by a
    simulator request 60% of the time), 8 Anthropic think-tool loops (5-10 episodes/day, 3-7 actions, a think
    call before and after each). Each episode draws its domain from the whole catalogue."""
    rng = ctx.rng
    domains = tuple(W.TOOL_CATALOG)
    flat = [tool for d in domains for tool in W.TOOL_CATALOG[d]]
    op_tz = rng.uniform(-6, 9)
    for i in range(28):
        acct = ctx.account("attack", "agentic_distill", "v6-agentic")
        shape = "responses" if i < 10 else "chat" if i < 20 else "think"
        if shape == "responses":
            starts = ctx.window_times(0.0, rng.uniform(8, 16), hours=(0, 24), outside=1.0)
        else:
            starts = ctx.window_times(op_tz, rng.uniform(5, 10), hours=(6, 23), outside=0.1)
        for t in starts:
            domain = rng.choice(domains)
            task = W.agent_task(rng, domain)
            if shape == "responses":
                toolset = list(W.TOOL_CATALOG[domain])
                prev = None
                for _ in range(rng.randint(4, 12)):
                    body: dict = {"model": "o4-mini", "instructions": RESP_INSTR, "tools": W.tools_responses(toolset),
                                  "reasoning": {"effort": "medium", "summary": "detailed"}, "store": True,
                                  "max_output_tokens": 6000}
                    if prev is None:
                        body["input"] = task
                    else:
                        body["previous_response_id"] = prev
                        body["input"] = [{"type": "function_call_output", "call_id": f"call_{rng.getrandbits(64):016x}",
                                          "output": orjson.dumps({"result": W.prose(rng, rng.randint(15, 60))}).decode()}]
                    out = rng.randint(200, 1200)
                    ctx.emit(t, acct, "openai.responses", body, out)
                    prev = f"resp_{rng.getrandbits(96):024x}"
                    t += out / rng.uniform(40, 90) + rng.uniform(0.3, 4)
            elif shape == "chat":
                toolset = rng.sample(flat, rng.randint(12, 26))
                tools = W.tools_openai(toolset)
                msgs: list[dict] = [{"role": "system", "content": CHAT_SYS}, {"role": "user", "content": task}]
                steps = rng.randint(4, 10)
                for step in range(steps):
                    out = rng.randint(100, 700)
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        list(msgs), model="gpt-4.1", tools=tools, tool_choice="required" if step < steps - 1 else "auto",
                        parallel_tool_calls=True, temperature=0.4), out)
                    t += out / rng.uniform(60, 110)
                    calls = []
                    for name, _, params in rng.sample(toolset, rng.randint(1, 3)):
                        calls.append((f"call_{rng.getrandbits(64):016x}", name, W.tool_args(rng, params)))
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(15, 40)), "tool_calls": [
                        {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(a).decode()}}
                        for cid, name, a in calls]}]
                    for cid, name, a in calls:
                        result = orjson.dumps({"status": "ok", "data": W.prose(rng, rng.randint(10, 50))}).decode()
                        if rng.random() < 0.6:
                            sim = chat_body([{"role": "system", "content": SIM_SYS.format(name=name)},
                                             {"role": "user", "content": orjson.dumps(a).decode()}], model="gpt-4.1-mini",
                                            temperature=0.7, response_format={"type": "json_object"}, max_tokens=800)
                            sim_out = rng.randint(60, 400)
                            ctx.emit(t + rng.uniform(0.05, 0.4), acct, "openai.chat.completions", sim, sim_out)
                            t += sim_out / rng.uniform(80, 150)
                        msgs.append({"role": "tool", "tool_call_id": cid, "content": result})
                    t += rng.uniform(0.2, 2)
            else:
                toolset = list(W.TOOL_CATALOG[domain])
                tools = [W.THINK_TOOL] + W.tools_anthropic(toolset)
                msgs = [{"role": "user", "content": task}]
                for _ in range(rng.randint(3, 7)):
                    for kind in ("think", "act"):
                        out = rng.randint(150, 900) if kind == "think" else rng.randint(60, 300)
                        ctx.emit(t, acct, "anthropic.messages",
                                 anthropic_body(list(msgs), system=THINK_SYS, tools=tools, max_tokens=4096), out)
                        t += out / rng.uniform(50, 100)
                        cid = f"toolu_{rng.getrandbits(64):016x}"
                        if kind == "think":
                            use = {"type": "tool_use", "id": cid, "name": "think",
                                   "input": {"thought": W.prose(rng, rng.randint(50, 140))}}
                            res = ""
                        else:
                            name, _, params = rng.choice(toolset)
                            use = {"type": "tool_use", "id": cid, "name": name, "input": W.tool_args(rng, params)}
                            res = orjson.dumps({"ok": True, "data": W.prose(rng, rng.randint(15, 60))}).decode()
                            t += rng.uniform(0.5, 5)
                        msgs = msgs + [{"role": "assistant", "content": [use]},
                                       {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid,
                                                                     "content": res}]}]


ATTACKS_V6 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill)
