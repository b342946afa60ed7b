"""Benign personas added by the `v6` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, sharing text pools, languages (en, bn, fa, sw, ta, tl, da), APIs and
parameters with the v6 attacks; client metadata always from ctx.account:
- med_qbank: a medical-education company writing explanations for every item of its question bank, given the
  keyed answer ("explain why it is right and why each distractor is wrong"), in bank order, office hours.
- llm_judge: an evaluation vendor using the model as a judge: rubric grading with reasoning before the score and
  pairwise comparisons, customers' eval jobs arriving around the clock.
- solver_app: a photo-to-solution homework app (OCR'd problems, JSON steps out) for Bengali, Swahili, Tagalog,
  Tamil and English markets; students in `user`, evening peak, follow-ups.
- support_agent: a retailer's customer-support agent on Anthropic with a think tool called before and after each
  action, a fixed toolset, customers in metadata.user_id and customer replies between turns.
- swe_agent: an autonomous coding agent working an issue queue on the Responses API, chained by
  previous_response_id, reasoning summaries on, long test runs between steps.
- forecasting_ensemble: a forecasting team's daily run: n=8 reasoned forecasts at temperature 1 per question plus
  a one-token probability bucket with top_logprobs, and analysts' ad hoc questions.
- classroom_cohort: a school class whose students each have an account and work the same homework sheet in
  the evening, in one language and time zone, asking for explanations; each student is small.
- cot_faithfulness_lab: a research lab measuring chain-of-thought faithfulness on a fixed problem set: truncated
  reasoning with one-token answers (legacy completions, logprobs), perturbed reasoning to continue, baselines.
- stem_students: individual students asking in their own words ("I got X but the key says Y"), some in bn, fa,
  sw, ta, tl or da, with follow-ups.
- agent_benchmark: an agent-evaluation team running a fixed multi-domain tool-use suite nightly (3 trials per
  task) with an LLM user simulator, on the same tool catalogue as the agentic campaign.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus_v6 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

QBANK_SYSTEM = ("You write explanations for a board-exam question bank. House style: a one-line bottom line, then the "
                "reasoning from the presentation to the answer via the mechanism, then one short paragraph per wrong "
                "option, then a 'high-yield' takeaway.")
QBANK_USER = ("{item}\n\nKeyed answer: {key}. Explain why it is correct and why each of the other options is wrong.")


def med_qbank(ctx: Ctx, count: int) -> None:
    """Office hours (8-18 local, weekends x0.2), 300-700 items/day in bank order; 12% of items get a revision
    turn ("shorter, keep the distractor reasoning"). Anthropic or Responses per account."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "med_qbank")
        anthropic = rng.random() < 0.5
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(8, 18), outside=0.05, weekend=0.2):
            user = QBANK_USER.format(item=W.vignette(rng), key=rng.choice("ABCDE"))
            out = rng.randint(500, 1400)
            if anthropic:
                msgs = [{"role": "user", "content": user}]
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(msgs, system=QBANK_SYSTEM, max_tokens=2000), out)
                if rng.random() < 0.12:
                    msgs += [{"role": "assistant", "content": W.prose(rng, 150)},
                             {"role": "user", "content": "Shorter please, but keep the reasoning for each distractor."}]
                    ctx.emit(t + out / 70 + rng.uniform(30, 300), acct, "anthropic.messages",
                             anthropic_body(msgs, system=QBANK_SYSTEM, max_tokens=2000), rng.randint(300, 800))
            else:
                ctx.emit(t, acct, "openai.responses", {"model": "gpt-4.1", "instructions": QBANK_SYSTEM, "input": user,
                                                       "max_output_tokens": 2000}, out)


JUDGE_SYSTEM = ("You are an impartial grader. Rubric: correctness of the final result (4), validity of each step (4), "
                "clarity (2). Think through every criterion before deciding. Return JSON: "
                "{\"reasoning\": string, \"score\": integer 0-10}.")
PAIRWISE = ("Question:\n{q}\n\n[Response A]\n{a}\n\n[Response B]\n{b}\n\nWhich response is better? Explain your "
            "reasoning first, then answer with A, B or TIE on the last line.")


def llm_judge(ctx: Ctx, count: int) -> None:
    """Customers' eval jobs arrive at random times (1.5-3 a day), each 150-400 judgments at 1-4 s spacing; 70%
    rubric grading (chat with JSON out, or for a third of the jobs Responses with top_logprobs for logprob-weighted
    scores), 30% pairwise (Anthropic); items in seven languages."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "llm_judge")
        t0 = ctx.start
        while True:
            t0 += rng.expovariate(rng.uniform(1.5, 3) / DAY)
            if t0 >= ctx.end:
                break
            t, pairwise, weighted = t0, rng.random() < 0.3, rng.random() < 0.3
            lang = rng.choice(W.LANGS) if rng.random() < 0.4 else "en"
            for _ in range(rng.randint(150, 400)):
                t += rng.uniform(1, 4)
                q = W.maths(rng, lang) if lang != "en" or rng.random() < 0.6 else W.coding(rng)
                if pairwise:
                    text = PAIRWISE.format(q=q, a=W.student_steps(rng, rng.randint(2, 6)),
                                           b=W.student_steps(rng, rng.randint(2, 6)))
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body([{"role": "user", "content": text}],
                             max_tokens=1200, temperature=0), rng.randint(200, 700))
                else:
                    user = f"Question:\n{q}\n\nResponse to grade:\n{W.student_steps(rng, rng.randint(2, 7))}\n" \
                           f"Final: {W.answer(rng)}"
                    if weighted:
                        ctx.emit(t, acct, "openai.responses", {
                            "model": "gpt-4.1", "instructions": JUDGE_SYSTEM, "input": user, "temperature": 0,
                            "top_logprobs": 5, "include": ["message.output_text.logprobs"], "max_output_tokens": 1000},
                            rng.randint(150, 600))
                        continue
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": user}],
                        model="gpt-4.1", temperature=0, max_tokens=1000, response_format={"type": "json_object"}),
                        rng.randint(150, 600))


SOLVER_SCHEMA = {"type": "json_schema", "json_schema": {"name": "solution_steps", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["steps", "final_answer"],
    "properties": {"steps": {"type": "array", "items": {"type": "object", "additionalProperties": False,
                                                          "required": ["math", "explanation"],
                                                          "properties": {"math": {"type": "string"},
                                                                         "explanation": {"type": "string"}}}},
                   "final_answer": {"type": "string"}}}}}
SOLVER_SYSTEM = ("You are the solving engine of SnapSolve. The problem comes from a photo and may contain OCR errors; "
                 "fix obvious ones. Explain each step so a student can follow it. Write the explanations in {lang}.")
SOLVER_LANGS = {"en": "English", "bn": "Bengali", "sw": "Swahili", "tl": "Tagalog", "ta": "Tamil"}
SOLVER_FOLLOW = ("why?", "explain step 2 again", "ধাপ ৩ বুঝিনি", "sielewi hatua ya pili", "paano yung step 3?",
                 "is there a faster way")


def solver_app(ctx: Ctx, count: int) -> None:
    """Local 15-23h peak (30% outside, weekends x0.8), 700-1400 requests/day; students from a pool of 50k in
    `user`; a language per student; 25% of requests are a follow-up in the same thread."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "solver_app")
        students = [(f"snap-{rng.getrandbits(32):08x}", rng.choices(tuple(SOLVER_LANGS), (40, 20, 15, 15, 10))[0])
                    for _ in range(50000)]
        last: dict[str, tuple[str, list[dict]]] = {}
        for t in ctx.window_times(acct["tz"], rng.uniform(700, 1400), hours=(15, 23), outside=0.3, weekend=0.8):
            if last and rng.random() < 0.25:
                sid = rng.choice(list(last))
                lang, prev = last.pop(sid)
                msgs = prev + [{"role": "assistant", "content": W.prose(rng, 90)},
                               {"role": "user", "content": rng.choice(SOLVER_FOLLOW)}]
            else:
                sid, lang = rng.choice(students)
                problem = W.maths(rng, lang) if rng.random() < 0.85 else W.maths(rng)
                if rng.random() < 0.3:
                    problem = problem.replace("x", "×", 1).replace("(", "( ", 1)
                msgs = [{"role": "system", "content": SOLVER_SYSTEM.format(lang=SOLVER_LANGS[lang])},
                        {"role": "user", "content": problem}]
            last[sid] = (lang, msgs)
            if len(last) > 300:
                last.pop(next(iter(last)))
            extra = {"stream": True, "stream_options": {"include_usage": True}} if rng.random() < 0.6 else {}
            ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4.1-mini", temperature=0.2,
                     response_format=SOLVER_SCHEMA, max_tokens=2500, **extra), rng.randint(300, 1400), user=sid)


THINK_SYSTEM = ("You are the support assistant of Nordlys Outdoor. Policies: refunds within 30 days with photo "
                "evidence for damage; address changes only before dispatch; never promise delivery dates. Before "
                "acting, use the think tool to check the policy and the information you have; after every tool "
                "result, think again before replying.")


def support_agent(ctx: Ctx, count: int) -> None:
    """Local 7-22h (weekends x0.7), 40-120 conversations/day; 1-4 actions per conversation, each preceded by a
    think call; the customer replies between turns 30% of the time (20-180 s later)."""
    rng = ctx.rng
    toolset = list(W.TOOL_CATALOG["retail"])
    tools = [W.THINK_TOOL] + W.tools_anthropic(toolset)
    for _ in range(count):
        acct = ctx.account("benign", "support_agent")
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 120), hours=(7, 22), outside=0.05, weekend=0.7):
            customer = f"cus_{rng.getrandbits(40):010x}"
            msgs: list[dict] = [{"role": "user", "content": W.agent_task(rng, "retail").replace("Customer says", "Hi,")}]
            for _ in range(rng.randint(1, 4)):
                for kind in ("think", "act"):
                    out = rng.randint(80, 400) if kind == "think" else rng.randint(40, 200)
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body(list(msgs), system=THINK_SYSTEM, tools=tools,
                             max_tokens=2048, stream=True), out, user=customer)
                    t += out / rng.uniform(50, 100)
                    cid = f"toolu_{rng.getrandbits(64):016x}"
                    if kind == "think":
                        use = {"type": "tool_use", "id": cid, "name": "think",
                               "input": {"thought": W.prose(rng, rng.randint(25, 80))}}
                        res = ""
                    else:
                        name, _, params = rng.choice(toolset)
                        use = {"type": "tool_use", "id": cid, "name": name, "input": W.tool_args(rng, params)}
                        res = orjson.dumps({"ok": True, "data": W.prose(rng, rng.randint(10, 40))}).decode()
                        t += rng.uniform(0.3, 3)
                    msgs = msgs + [{"role": "assistant", "content": [use]},
                                   {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid,
                                                                 "content": res}]}]
                if rng.random() < 0.3:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 40)},
                                   {"role": "user", "content": rng.choice(("ok thanks, and the other item?",
                                                                           "that's not what I ordered",
                                                                           "can you send that by email?"))}]
                    t += rng.uniform(20, 180)
                else:
                    break


SWE_TOOLS = W.tools_responses([("read_file", "Read a file from the repository", ("path",)),
                               ("search_code", "Search the repository", ("query",)),
                               ("run_tests", "Run a test selection", ("selector",)),
                               ("apply_patch", "Apply a unified diff", ("diff",)),
                               ("bash", "Run a command in the sandbox", ("cmd",))])
SWE_INSTR = ("You are a software engineering agent working on a ticket in the customer's repository. Investigate, "
             "make the smallest correct change, run the relevant tests, and finish with a summary for the PR.")


def swe_agent(ctx: Ctx, count: int) -> None:
    """An issue queue around the clock (15-35 tickets/day), 8-25 steps per ticket chained by previous_response_id,
    o4-mini with reasoning summaries; tool latency up to two minutes for test runs."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "swe_agent")
        for t in ctx.window_times(0.0, rng.uniform(15, 35), hours=(0, 24), outside=1.0):
            prev = None
            ticket = f"Ticket #{rng.randint(1000, 9999)}: {W.prose(rng, rng.randint(20, 60))}\n\n" \
                     f"{W.coding(rng, 'Python')}"
            for _ in range(rng.randint(8, 25)):
                body: dict = {"model": "o4-mini", "instructions": SWE_INSTR, "tools": SWE_TOOLS, "store": True,
                              "reasoning": {"effort": "medium", "summary": "auto"}, "max_output_tokens": 8000}
                if prev is None:
                    body["input"] = ticket
                else:
                    body["previous_response_id"] = prev
                    body["input"] = [{"type": "function_call_output", "call_id": f"call_{rng.getrandbits(64):016x}",
                                      "output": W.prose(rng, rng.randint(20, 150))}]
                out = rng.randint(150, 1200)
                ctx.emit(t, acct, "openai.responses", body, out)
                prev = f"resp_{rng.getrandbits(96):024x}"
                t += out / rng.uniform(40, 90) + rng.choice((rng.uniform(0.2, 3), rng.uniform(10, 120)))


FORECAST_Q = ("Will {x} revenue grow more than {n}% next quarter?", "Will the {x} project ship before the end of "
              "month {k}?", "Will more than {r} incidents be filed for {x} this week?",
              "Will the {x} team hit its hiring target of {n} by the deadline?")
FORECAST_SYS = ("You are a careful forecaster. Consider base rates, the evidence given and the main uncertainties, "
                "reason them through, then end with 'Probability: N%'.")


DIGIT_BIAS = {str(15 + d): 100 for d in range(10)}  # the digit tokens 0-9, so the one-token answer is a digit


def forecasting_ensemble(ctx: Ctx, count: int) -> None:
    """Every day at local 6h a fixed set of 120-250 questions (refreshed evidence): n=8 reasoned forecasts at
    temperature 1, then a one-token probability bucket (logit_bias to the digits, top_logprobs 10); analysts add
    5-20 questions a day (half on o4-mini with reasoning_effort, half streamed chat)."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "forecasting_ensemble")
        questions = [rng.choice(FORECAST_Q).format(x=rng.choice(W.ENTITIES), **W.nums(rng))
                     for _ in range(rng.randint(120, 250))]
        for d in range(int(ctx.days) + 1):
            day0 = ctx.start + d * DAY
            t = day0 + ((6 + rng.uniform(0, 0.3) - acct["tz"]) % 24) * 3600
            for q in questions:
                user = f"{q}\n\nLatest evidence: {W.prose(rng, rng.randint(30, 90))}"
                ctx.emit(t, acct, "openai.chat.completions", chat_body(
                    [{"role": "system", "content": FORECAST_SYS}, {"role": "user", "content": user}], model="gpt-4.1",
                    n=8, temperature=1.0, max_tokens=1200), rng.randint(3000, 8000))
                t += rng.uniform(3, 12)
                ctx.emit(t, acct, "openai.chat.completions", chat_body(
                    [{"role": "user", "content": f"{q}\nAnswer with one digit 0-9 for the probability decile."}],
                    model="gpt-4.1-mini", temperature=0, max_tokens=1, logprobs=True, top_logprobs=10,
                    logit_bias=DIGIT_BIAS), 1)
                t += rng.uniform(0.5, 2)
            for t in ctx.window_times(acct["tz"], rng.uniform(5, 20), hours=(9, 18), outside=0.0, start=day0,
                                      end=day0 + DAY):
                msgs = [{"role": "user", "content": f"Why might '{rng.choice(questions)}' resolve NO? Argue it through."}]
                if rng.random() < 0.5:
                    body = chat_body(msgs, model="o4-mini", reasoning_effort="medium", max_completion_tokens=8000)
                else:
                    body = chat_body(msgs, model="gpt-4.1", stream=True, stream_options={"include_usage": True})
                ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(400, 1200))


def classroom_cohort(ctx: Ctx, count: int) -> None:
    """Per class: 24-36 student accounts, one language, one time zone; a homework sheet of
    10 problems a day; each student 2-14 requests/day, local 15-22h (weekends x0.6), 30% follow-ups."""
    rng = ctx.rng
    for _ in range(count):
        lang = rng.choice(("en", "sw", "bn", "tl", "da", "fa", "ta"))
        tz = rng.uniform(-6, 9)
        sheets = [[W.maths(rng, lang) for _ in range(10)] for _ in range(int(ctx.days) + 1)]
        for _ in range(rng.randint(24, 36)):
            acct = ctx.account("benign", "classroom_cohort")
            msgs: list[dict] = []
            for t in ctx.window_times(tz, rng.uniform(2, 14), hours=(15, 22), outside=0.1, weekend=0.6):
                if msgs and rng.random() < 0.3:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 70)},
                                   {"role": "user", "content": rng.choice(W.HELP_I18N[lang])}]
                else:
                    problem = rng.choice(sheets[min(int((t - ctx.start) // DAY), len(sheets) - 1)])
                    msgs = [{"role": "user", "content": f"{problem}\n{rng.choice(W.HELP_I18N[lang])}"
                             if rng.random() < 0.6 else problem}]
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4o-mini", temperature=0.7,
                                                                        stream=True), rng.randint(200, 900))


def cot_faithfulness_lab(ctx: Ctx, count: int) -> None:
    """A fixed set of 300 problems with lab-written reasoning; 2-4 runs a day in local working hours, 100-300
    requests each, 1-5 s apart: truncated reasoning + one-token answer (completions, logprobs 5), perturbed
    reasoning to continue (chat with "Continue.", or an Anthropic assistant prefill), baselines asking for
    reasoning then 'Answer:' (chat, temperature 0)."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "cot_faithfulness_lab")
        items = [(W.maths(rng), [W.prose(rng, rng.randint(8, 20)) for _ in range(rng.randint(4, 9))])
                 for _ in range(300)]
        for start in ctx.window_times(acct["tz"], rng.uniform(2, 4), hours=(9, 19), outside=0.05, weekend=0.3):
            t, kind, prefill = start, rng.choice(("truncate", "perturb", "baseline")), rng.random() < 0.5
            for problem, steps in rng.sample(items, rng.randint(100, 300)):
                t += rng.uniform(1, 5)
                if kind == "truncate":
                    k = rng.randint(0, len(steps))
                    prompt = f"Question: {problem}\nLet's reason it through.\n" + "\n".join(steps[:k]) + \
                             "\nTherefore, the answer is"
                    ctx.emit(t, acct, "openai.completions", {"model": "gpt-3.5-turbo-instruct", "prompt": prompt,
                                                             "max_tokens": 8, "temperature": 0, "logprobs": 5},
                             rng.randint(1, 8))
                elif kind == "perturb":
                    k = rng.randint(1, len(steps))
                    msgs = [{"role": "user", "content": f"{problem}\nReason it through, then give the answer after "
                                                        f"'Answer:'."},
                            {"role": "assistant", "content": "\n".join(steps[:k - 1] + [W.prose(rng, 10)])}]
                    if prefill:
                        ctx.emit(t, acct, "anthropic.messages", anthropic_body(msgs, max_tokens=1500, temperature=0),
                                 rng.randint(100, 900))
                        continue
                    msgs.append({"role": "user", "content": "Continue."})
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(msgs, model="gpt-4.1", temperature=0,
                                                                            max_tokens=1500), rng.randint(100, 900))
                else:
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        [{"role": "user", "content": f"{problem}\nReason it through, then give the answer after "
                                                     f"'Answer:'."}], model="gpt-4.1", temperature=0, max_tokens=1500),
                        rng.randint(200, 1200))


def stem_students(ctx: Ctx, count: int) -> None:
    """1-8 requests/day in diurnal sessions; 50% write in bn/fa/sw/ta/tl/da; English asks from the implicit and
    lead-verb-object pools; 35% follow-ups; chat or Anthropic."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "stem_students")
        lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.5 else "en"
        api = "anthropic.messages" if rng.random() < 0.4 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(1, 8), session_len=(1, 4), gap_s=(60, 900)):
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.35:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 80)},
                                   {"role": "user", "content": rng.choice(W.FOLLOW_UPS)}]
                elif lang != "en":
                    msgs = [{"role": "user", "content": f"{W.maths(rng, lang)}\n{rng.choice(W.HELP_I18N[lang])}"}]
                else:
                    problem = W.maths(rng) if rng.random() < 0.7 else W.coding(rng)
                    if rng.random() < 0.5:
                        ask = rng.choice(W.IMPLICIT).format(x=W.answer(rng), y=W.answer(rng), mine=W.prose(rng, 25))
                    else:
                        ask = " ".join(p for p in (rng.choice(W.LEADS), rng.choice(W.VERBS), rng.choice(W.OBJECTS),
                                                   rng.choice(W.TAILS)) if p)
                    msgs = [{"role": "user", "content": f"{problem} {ask}".lower() if rng.random() < 0.4
                             else f"{problem}\n\n{ask}"}]
                out = rng.randint(300, 1300)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=2048), out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o"), out)


USER_SIM = ("You play a customer in an evaluation. Your goal: {goal}. Reveal details only when asked, one message at "
            "a time, and say ###STOP### when the goal is met.")


def agent_benchmark(ctx: Ctx, count: int) -> None:
    """Nightly at local 1h: a fixed suite of 30-50 tasks over the catalogue's domains, 3 trials each, trials 2-6 at
    a time in parallel; each turn an agent request (chat, the domain's tools) and, when the agent answers in text,
    a user-simulator request; 3-9 agent steps per trial; odd trials force a tool call (tool_choice=required)."""
    rng = ctx.rng
    domains = tuple(W.TOOL_CATALOG)
    for _ in range(count):
        acct = ctx.account("benign", "agent_benchmark")
        suite = [(d, W.agent_task(rng, d)) for d in (rng.choice(domains) for _ in range(rng.randint(30, 50)))]
        for day in range(int(ctx.days) + 1):
            lane_t = [ctx.start + day * DAY + ((1 + rng.uniform(0, 0.2) - acct["tz"]) % 24) * 3600
                      for _ in range(rng.randint(2, 6))]
            for trial, (domain, task) in enumerate(suite * 3):
                lane = trial % len(lane_t)
                t = lane_t[lane]
                toolset = list(W.TOOL_CATALOG[domain])
                msgs: list[dict] = [{"role": "system", "content": f"You are the {domain} assistant. Follow policy."},
                                    {"role": "user", "content": task}]
                for _ in range(rng.randint(3, 9)):
                    out = rng.randint(60, 400)
                    extra = {"tool_choice": "required", "parallel_tool_calls": False} if trial % 2 else {}
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4.1", temperature=0,
                             tools=W.tools_openai(toolset), **extra), out)
                    t += out / rng.uniform(60, 110)
                    if rng.random() < 0.65:
                        name, _, params = rng.choice(toolset)
                        cid = f"call_{rng.getrandbits(64):016x}"
                        msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [
                            {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(
                                W.tool_args(rng, params)).decode()}}]},
                            {"role": "tool", "tool_call_id": cid, "content": W.prose(rng, rng.randint(10, 40))}]
                        t += rng.uniform(0.05, 0.5)
                    else:
                        sim = chat_body([{"role": "system", "content": USER_SIM.format(goal=task)},
                                         {"role": "user", "content": W.prose(rng, rng.randint(10, 40))}],
                                        model="gpt-4.1", temperature=0)
                        sim_out = rng.randint(20, 120)
                        ctx.emit(t, acct, "openai.chat.completions", sim, sim_out)
                        t += sim_out / rng.uniform(60, 110)
                        msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 30)},
                                       {"role": "user", "content": W.prose(rng, 15)}]
                lane_t[lane] = t + rng.uniform(0.5, 3)


BENIGN_V6 = {
    "med_qbank": (med_qbank, 2), "llm_judge": (llm_judge, 2), "solver_app": (solver_app, 2),
    "support_agent": (support_agent, 3), "swe_agent": (swe_agent, 2), "forecasting_ensemble": (forecasting_ensemble, 2),
    "classroom_cohort": (classroom_cohort, 3), "cot_faithfulness_lab": (cot_faithfulness_lab, 2),
    "stem_students": (stem_students, 40), "agent_benchmark": (agent_benchmark, 2),
}
