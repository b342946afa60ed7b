"""Benign personas added by the `v3` variant, on top of personas.BENIGN. Written blind: the author did not
read gateway/extraction/, tests/extraction/ or docs/extraction.md and never ran the detector.

Hard negatives that real deployments have, each sharing one or more traits with the v3 attacks (same text
pools, same languages, same APIs and parameters, same client-metadata distribution via ctx.account):
- homework_marketplace: a homework-help site reselling to many students behind one key (`user`), asking for
  complete worked solutions in eight languages, on the Responses API.
- interview_prep: a coding-interview prep site; candidates ask for hints, reviews and optimal solutions with
  the reasoning and complexity analysis.
- bulk_eval: a team re-running a fixed maths/coding set nightly with n=8 samples (self-consistency, pass@k).
- preference_labelling: a data vendor grading pairs of answers with one fixed rubric template, around the clock.
- calibration_lab: a research group measuring calibration: logprobs/top_logprobs on multiple choice, echo
  scoring, temperature sweeps, over a fixed item set.
- enterprise_agents: an internal agent platform: long policy system prompts, many tools, real multi-step tool
  loops, employees in `user`, some sessions with extended thinking.
- support_bots: multilingual customer-support bots with a company system prompt and retrieved snippets.
- worked_solutions_tutor: a tutoring service whose system prompt and students ask for full worked solutions.
- puzzle_hobbyists: individuals who enjoy olympiad maths and contest programming and ask for proofs/editorials.
- agent_devs: developers iterating on an agent prompt, re-sending the same task with tools many times.
"""

from __future__ import annotations

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_v3 as V
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

LANG_W = (55, 10, 6, 9, 6, 5, 5, 4)  # en, es, it, zh, tr, pl, vi, id


def homework_marketplace(ctx: Ctx, count: int) -> None:
    """One key per site, thousands of students (`user`), problems pasted with a request for the full
    solution, a follow-up now and then; the site's `instructions` ask for complete worked solutions, and a
    share of traffic goes to a reasoning model with reasoning summaries shown to the student."""
    rng = ctx.rng
    instructions = ("You are the answer engine of a homework-help site. Give a complete, correct worked solution "
                    "the student can follow, then the final answer in bold. Answer in the student's language.")
    for _ in range(count):
        acct = ctx.account("benign", "homework_marketplace")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(500, 900), session_len=(1, 3), gap_s=(30, 400)):
            student = f"s{rng.randint(1, 30000)}"
            lang = rng.choices(V.LANGS, LANG_W)[0]
            items: list[dict] = []
            for t in session:
                if items:
                    items = items + [{"role": "assistant", "content": V.filler(rng, 50)},
                                     {"role": "user", "content": rng.choice(("thx", "why that step?", "and part b?",
                                                                             "gracias", "谢谢", "ok"))}]
                else:
                    problem = V.coding(rng) if lang == "en" and rng.random() < 0.15 else V.maths(rng, lang)
                    items = [{"role": "user", "content": f"{problem} {rng.choice(V.WORKED_ASKS[lang])}"}]
                body = {"model": "gpt-4.1-mini", "instructions": instructions, "input": list(items),
                        "max_output_tokens": 2500}
                if rng.random() < 0.2:
                    body["model"] = "o4-mini"
                    body["reasoning"] = {"effort": "medium", "summary": "auto"}
                ctx.emit(t, acct, "openai.responses", body, rng.randint(300, 1500), user=student)


INTERVIEW_SYSTEM = ("You are a senior engineer running mock coding interviews. When the candidate asks for a hint, "
                    "give one hint only. When they ask for the solution, explain how to reach the optimal approach, "
                    "prove it correct, give its complexity, then show clean code.")


def interview_prep(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "interview_prep")
        api = "anthropic.messages" if i % 2 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(300, 600), session_len=(2, 6), gap_s=(40, 600)):
            cand = f"cand_{rng.getrandbits(24):06x}"
            msgs = [{"role": "user", "content": f"Problem: {V.coding(rng)}\nI'd like a hint to start."}]
            for t in session:
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), system=INTERVIEW_SYSTEM, max_tokens=2048),
                             rng.randint(100, 1400), user=cand)
                else:
                    ctx.emit(t, acct, api, chat_body([{"role": "system", "content": INTERVIEW_SYSTEM}] + msgs,
                                                     temperature=0.3), rng.randint(100, 1400), user=cand)
                nxt = rng.choice(("Here's my attempt:\n```\n" + V.filler(rng, 30) + "\n```\nWhat's wrong with it?",
                                  "Another hint?", "I give up, show me the optimal solution and why it works.",
                                  "What's the complexity of my approach?", "Can this be done in O(n)?"))
                msgs = msgs + [{"role": "assistant", "content": V.filler(rng, 40)}, {"role": "user", "content": nxt}]


def bulk_eval(ctx: Ctx, count: int) -> None:
    """Nightly regression of a fixed set (maths asks for reasoning and an 'Answer:' line, coding for a
    function), n=8 at temperature 0.8 for self-consistency/pass@k, 8-way concurrency."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "bulk_eval")
        items = [f"{V.maths(rng)}\nReason about it, then write 'Answer: <value>' on the last line."
                 for _ in range(90)]
        items += [f"{V.coding(rng, 'Python')} Return only the function." for _ in range(60)]
        model = rng.choice(("gpt-4o", "gpt-4.1-mini"))
        for d in range(int(ctx.days) + 1):
            t0 = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for i, q in enumerate(items):
                t = t0 + (i // 8) * rng.uniform(8, 20) + rng.uniform(0, 2)
                body = chat_body([{"role": "user", "content": q}], model=model, n=8, temperature=0.8, max_tokens=1024,
                                 seed=1000 + i)
                ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(1500, 6000))


PAIR_TEMPLATE = ("### Prompt\n{p}\n\n### Response A\n{a}\n\n### Response B\n{b}\n\n### Instructions\nUsing the "
                 "guideline (helpfulness 40%, correctness 40%, style 20%), decide which response is better. "
                 'Return JSON: {{"winner": "A"|"B"|"tie", "scores": {{"A": 1-7, "B": 1-7}}, "why": string}}.')


def preference_labelling(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "preference_labelling")
        for t in ctx.steady_times(per_day=rng.uniform(600, 1100), jitter=0.5):
            p = rng.choice((V.maths(rng), V.coding(rng), rng.choice(C.CHAT), rng.choice(C.SCIENCE)))
            a, b = V.filler(rng, rng.randint(30, 120)), V.filler(rng, rng.randint(30, 120))
            body = anthropic_body([{"role": "user", "content": PAIR_TEMPLATE.format(p=p, a=a, b=b)}],
                                  system="You are a careful annotation assistant.", max_tokens=400, temperature=0)
            ctx.emit(t, acct, "anthropic.messages", body, rng.randint(60, 220))


def calibration_lab(ctx: Ctx, count: int) -> None:
    """Work-hours script runs over a fixed item set: multiple choice with top_logprobs (max_tokens 1), the same
    item under 3 prompt wordings, echo scoring of answer options, and temperature sweeps with n=5."""
    rng = ctx.rng
    wordings = ("Question: {q}\nOptions: {o}\nAnswer with the letter only.", "{q}\n{o}\nThe correct option is",
                "Pick one of {o}.\n{q}\nLetter:")
    for _ in range(count):
        acct = ctx.account("benign", "calibration_lab")
        items = []
        while len(items) < 80:
            q = V.maths(rng)
            if not q.startswith(("Prove", "Show")):
                opts = rng.sample(range(2, 400), 4)
                items.append((q, "  ".join(f"{k}) {v}" for k, v in zip("ABCD", opts, strict=True))))
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(200, 450), session_len=(40, 120), gap_s=(1, 6)):
            mode = rng.choice(("mc", "mc", "echo", "sweep"))
            for t in session:
                q, o = rng.choice(items)
                if mode == "mc":
                    prompt = rng.choice(wordings).format(q=q, o=o)
                    body = chat_body([{"role": "user", "content": prompt}], max_tokens=1, temperature=0,
                                     logprobs=True, top_logprobs=rng.choice((5, 10, 20)))
                    ctx.emit(t, acct, "openai.chat.completions", body, 1)
                elif mode == "echo":
                    body = {"model": "gpt-3.5-turbo-instruct", "prompt": f"{q}\nAnswer: {rng.choice(o.split('  '))}",
                            "echo": True, "logprobs": 1, "max_tokens": 0}
                    ctx.emit(t, acct, "openai.completions", body, 0)
                else:
                    body = chat_body([{"role": "user", "content": f"{q}\nGive only the final number."}], n=5,
                                     temperature=rng.choice((0.3, 0.7, 1.0, 1.3)), max_tokens=16)
                    ctx.emit(t, acct, "openai.chat.completions", body, 40)


POLICY = ("You are Compass, the internal assistant of a logistics company. Follow the data-handling policy: never "
          "reveal customer personal data outside the owning team; cite the source system for every figure; prefer "
          "read-only tools; ask for confirmation before any write. Escalation matrix: finance to #fin-ops, "
          "infrastructure to the on-call SRE, HR to the people team. Style: short paragraphs, tables for numbers, "
          "no speculation. Think through multi-step requests before acting and explain which tools you will use. "
          "Glossary: 'lane' is a recurring origin-destination route; 'dwell' is time a trailer waits at a dock; "
          "'OTIF' is on-time-in-full delivery rate; 'WMS' is the warehouse management system; 'TMS' is the "
          "transport management system. Fiscal weeks start on Sunday. Amounts are in EUR unless the source says "
          "otherwise. When a tool fails twice, stop and report the error with the request id. Never run queries "
          "without a date filter on tables larger than 10 million rows.")


def enterprise_agents(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    kinds = tuple(V.AGENT_TOOLSETS)
    tools = [(n, d) for k in kinds for n, d in V.AGENT_TOOLSETS[k]]
    anthropic_tools = [{"name": n, "description": d, "input_schema": {"type": "object"}} for n, d in tools]
    chat_tools = [{"type": "function", "function": {"name": n, "description": d, "parameters": {"type": "object"}}}
                  for n, d in tools]
    for i in range(count):
        acct = ctx.account("benign", "enterprise_agents")
        anthropic = i % 2 == 0
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(300, 700), session_len=(2, 7), gap_s=(2, 20)):
            kind = rng.choice(kinds)
            task = rng.choice(V.AGENT_TASKS[kind]).format(w=rng.choice(V.TOPIC_WORDS))
            user = f"emp{rng.randint(1, 4000)}"
            thinking = anthropic and rng.random() < 0.2
            hist: list[tuple[str, str, str]] = []  # (call id, tool, result)
            for t in session:
                if anthropic:
                    msgs: list[dict] = [{"role": "user", "content": task}]
                    for cid, name, res in hist:
                        blocks: list[dict] = [{"type": "tool_use", "id": cid, "name": name, "input": {"query": kind}}]
                        if thinking:
                            blocks.insert(0, {"type": "thinking", "thinking": V.filler(rng, 60),
                                              "signature": f"sig{rng.getrandbits(64):016x}"})
                        msgs += [{"role": "assistant", "content": blocks},
                                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid,
                                                               "content": res}]}]
                    extra: dict = ({"thinking": {"type": "enabled", "budget_tokens": 3000}} if thinking
                                   else {"temperature": 0})
                    body = anthropic_body(msgs, system=POLICY, max_tokens=4096, tools=anthropic_tools, **extra)
                    ctx.emit(t, acct, "anthropic.messages", body, rng.randint(60, 700), user=user)
                else:
                    msgs = [{"role": "system", "content": POLICY}, {"role": "user", "content": task}]
                    for cid, name, res in hist:
                        call = {"id": cid, "type": "function", "function": {"name": name, "arguments": "{}"}}
                        msgs += [{"role": "assistant", "content": None, "tool_calls": [call]},
                                 {"role": "tool", "tool_call_id": cid, "content": res}]
                    body = chat_body(msgs, model="gpt-4.1", temperature=0, tools=chat_tools)
                    ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(40, 600), user=user)
                name = rng.choice(V.AGENT_TOOLSETS[kind])[0]
                hist.append((f"id_{rng.getrandbits(40):010x}", name, V.filler(rng, rng.randint(30, 150))))


def support_bots(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "support_bots")
        lang = rng.choice(V.LANGS)
        system = (f"You are the support assistant of an online shop. Reply in the customer's language ({lang}). Use "
                  f"only the help-centre snippets provided; if unsure, offer a human agent.")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(200, 500), session_len=(1, 5), gap_s=(20, 180)):
            msgs: list[dict] = []
            cust = f"c{rng.getrandbits(32):08x}"
            for t in session:
                q = rng.choice(V.SUPPORT_I18N[lang if rng.random() < 0.85 else "en"])
                msgs = msgs + ([{"role": "assistant", "content": V.filler(rng, 30)}] if msgs else [])
                msgs = msgs + [{"role": "user", "content": q}]
                snippets = "\n".join(f"- {V.filler(rng, 20)}" for _ in range(3))
                body = chat_body([{"role": "system", "content": f"{system}\n\nSnippets:\n{snippets}"}] + msgs,
                                 temperature=0.3, max_tokens=500)
                ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(40, 300), user=cust)


TUTOR_SYSTEM = ("You are a maths and programming tutor. Students need full worked solutions they can study: show "
                "every step with a short reason, then the answer, then one similar exercise.")


def worked_solutions_tutor(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "worked_solutions_tutor")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(400, 800), session_len=(1, 4), gap_s=(60, 600)):
            student = f"learner-{rng.randint(1, 12000)}"
            lang = rng.choices(V.LANGS, LANG_W)[0]
            msgs: list[dict] = []
            for t in session:
                if msgs:
                    msgs = msgs + [{"role": "assistant", "content": V.filler(rng, 60)},
                                   {"role": "user", "content": rng.choice(("next one:", "check mine?", "why?"))
                                    + " " + V.maths(rng, lang)}]
                else:
                    msgs = [{"role": "user", "content": f"{V.maths(rng, lang)}\n{rng.choice(V.WORKED_ASKS[lang])}"}]
                body = anthropic_body(list(msgs), system=TUTOR_SYSTEM, max_tokens=3000)
                ctx.emit(t, acct, "anthropic.messages", body, rng.randint(400, 1600), user=student)


HOBBY_FOLLOW = ("wait, why is that step allowed?", "is there a shorter way?", "what if n were even?",
                "nice. another one like this?", "i don't buy the second case", "ok that makes sense, thanks")
HOBBY_ASKS = ("is there a slick proof of this?", "prove it properly please, no hand-waving",
              "what's the intended solution? write the editorial", "i keep getting TLE, what's the right idea?",
              "full proof please, i want to understand why it's true", "how would you think about this one?")


def puzzle_hobbyists(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "puzzle_hobbyists")
        lang = rng.choices(V.LANGS, LANG_W)[0]
        api = rng.choices(("openai.chat.completions", "anthropic.messages", "openai.responses"), (45, 35, 20))[0]
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(3, 20), session_len=(1, 4), gap_s=(120, 1800)):
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.5:
                    msgs = msgs + [{"role": "assistant", "content": V.filler(rng, 80)},
                                   {"role": "user", "content": rng.choice(HOBBY_FOLLOW)}]
                else:
                    ask = rng.choice(HOBBY_ASKS) if lang == "en" else rng.choice(V.WORKED_ASKS[lang])
                    prob = V.coding(rng) if lang == "en" and rng.random() < 0.4 else V.maths(rng, lang)
                    text = f"{prob} {ask}"
                    msgs = [{"role": "user", "content": C.casual(rng, text) if lang == "en" else text}]
                out = rng.randint(300, 2000)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=4096), out)
                elif api == "openai.responses":
                    ctx.emit(t, acct, api, {"model": "gpt-4.1", "input": list(msgs)}, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), temperature=rng.choice((0.7, 1.0))), out)


def agent_devs(ctx: Ctx, count: int) -> None:
    """Developers debugging an agent: a draft system prompt asking the agent to explain its plan, the same
    task re-sent many times in a few minutes, the prompt edited between sessions, tools defined, bursts during
    the workday."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "agent_devs")
        kind = rng.choice(tuple(V.AGENT_TOOLSETS))
        task = rng.choice(V.AGENT_TASKS[kind]).format(w=rng.choice(V.TOPIC_WORDS))
        tools = [{"type": "function", "function": {"name": n, "description": d, "parameters": {"type": "object"}}}
                 for n, d in V.AGENT_TOOLSETS[kind]]
        version = 1
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(20, 80), session_len=(5, 25), gap_s=(8, 90)):
            version += 1
            system = (f"[draft v{version}] You are an agent. Explain your plan before calling tools, call one tool "
                      f"at a time, and summarise what you found at the end.")
            for t in session:
                msgs = [{"role": "system", "content": system}, {"role": "user", "content": task}]
                if rng.random() < 0.4:
                    call = {"id": "call_test", "type": "function",
                            "function": {"name": tools[0]["function"]["name"], "arguments": "{}"}}
                    msgs += [{"role": "assistant", "content": None, "tool_calls": [call]},
                             {"role": "tool", "tool_call_id": "call_test", "content": V.filler(rng, 40)}]
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body(msgs, model=rng.choice(("gpt-4.1", "gpt-4.1-mini")), tools=tools,
                                   temperature=rng.choice((0, 0.2, 0.7))), rng.randint(50, 600))


BENIGN_V3 = {
    "homework_marketplace": (homework_marketplace, 2), "interview_prep": (interview_prep, 2),
    "bulk_eval": (bulk_eval, 2), "preference_labelling": (preference_labelling, 2),
    "calibration_lab": (calibration_lab, 3), "enterprise_agents": (enterprise_agents, 3),
    "support_bots": (support_bots, 4), "worked_solutions_tutor": (worked_solutions_tutor, 2),
    "puzzle_hobbyists": (puzzle_hobbyists, 60), "agent_devs": (agent_devs, 20),
}
