"""Benign personas added by the `v7` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, sharing text pools, languages (en, ur, mr, ms, bg, ca, hr), APIs,
parameters and the mid-window model release with the v7 attacks; client metadata always from ctx.account:
- release_day_eval: a model-evaluation team: nightly regression suites on the current models, then, 1-4 h after
  the new model ships, the whole reasoning suite (maths, coding, multilingual; chain-of-thought prompts, 1-5
  samples) against it in a few hours, and nightly on both afterwards.
- textbook_localiser: an educational publisher producing worked solutions for its exercise books in Urdu,
  Marathi, Malay, Bulgarian, Catalan and Croatian editions, exercise by exercise, office hours.
- exam_marking: an exam board's marking assistant during a marking window: each scanned answer graded against
  the mark scheme with reasoning per criterion, JSON out, long shifts.
- code_bootcamp: a coding school's hint service: each student's failing submission traced on the failing test
  ("where does it diverge?"), students in `user`, evening peak.
- regen_app: a writing app whose "regenerate" and confidence-highlighting features send n=2-3 with top_logprobs.
- trajectory_qa: an agent platform's QA team replaying logged agent trajectories: a critic grading every step,
  and counterfactual robustness tests that resend a trajectory with altered tool outputs.
- audited_agents: enterprise agents (insurance, healthcare admin, procurement) whose tools require a `reason`
  argument for the audit log, on the same tool catalogue as the agentic campaign.
- lang_students: individual students asking in their own words in en/ur/mr/ms/bg/ca/hr, with follow-ups; some
  try the new model after release.
- early_adopters: ordinary users who hammer the new model with puzzles and maths on release day ("can it
  finally do this?"), then go back to normal chat.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus_v7 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

EVAL_COT = "Solve the following problem. Think step by step, then give the final answer after 'ANSWER:'.\n\n{p}"
EVAL_CODE = "Write a solution to the task below. Reason about edge cases first, then give the code.\n\n{p}"


def _release(ctx: Ctx) -> float:
    return ctx.start + W.RELEASE_DAY * DAY


def _eval_request(ctx: Ctx, acct: dict, t: float, item: str, model: str, samples: int) -> None:
    rng = ctx.rng
    if model.startswith("claude"):
        body = anthropic_body([{"role": "user", "content": item}], max_tokens=8000, temperature=0.6 if samples > 1 else 0)
        body["model"] = model
        for _ in range(samples):
            ctx.emit(t, acct, "anthropic.messages", body, rng.randint(500, 4000))
            t += rng.uniform(0.2, 1.5)
        return
    ctx.emit(t, acct, "openai.chat.completions", chat_body(
        [{"role": "user", "content": item}], model=model, n=samples, temperature=0.6 if samples > 1 else 0,
        max_completion_tokens=8000), rng.randint(500, 4000) * samples)


def release_day_eval(ctx: Ctx, count: int) -> None:
    """A suite of 250-450 items (70% maths in all seven languages, 30% coding); nightly at local 2h on one current
    model (gpt-4.1 and claude-sonnet-4-5 on alternate nights), 8-16 parallel workers at 0.5-3 s spacing; at
    release + 1-4 h the full suite with 5 samples on each new model, then a second pass at 1 sample; afterwards
    nightly on an old and a new one."""
    rng = ctx.rng
    release = _release(ctx)
    for _ in range(count):
        acct = ctx.account("benign", "release_day_eval")
        suite = [EVAL_COT.format(p=W.maths(rng, rng.choice(W.LANGS) if rng.random() < 0.4 else "en"))
                 if rng.random() < 0.7 else EVAL_CODE.format(p=W.coding(rng)) for _ in range(rng.randint(250, 450))]
        runs: list[tuple[float, str, int]] = []
        for d in range(-1, int(ctx.days) + 1):
            night = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600
            runs.append((night, ("gpt-4.1", "claude-sonnet-4-5")[d % 2], 1))
            if night > release:
                runs.append((night + rng.uniform(600, 3600), (W.NEW_OPENAI, W.NEW_ANTHROPIC)[d % 2], 1))
        t_rel = release + rng.uniform(1, 4) * 3600
        runs += [(t_rel, W.NEW_OPENAI, 5), (t_rel + rng.uniform(0, 1800), W.NEW_ANTHROPIC, 5),
                 (t_rel + rng.uniform(3, 6) * 3600, W.NEW_OPENAI, 1)]
        for t0, model, samples in runs:
            lanes = [t0 + rng.uniform(0, 30) for _ in range(rng.randint(8, 16))]
            for j, item in enumerate(suite):
                lane = j % len(lanes)
                _eval_request(ctx, acct, lanes[lane], item, model, samples)
                lanes[lane] += rng.uniform(0.5, 3) * len(lanes) + (rng.uniform(5, 40) if samples > 1 else 0)


LOCALISER_SYS = ("You write the worked-solutions appendix of a secondary-school maths textbook, {edition} edition. "
                 "For each exercise write the full worked solution in {language}, every step on its own line with a "
                 "short reason, in the register of a teacher writing for 14-year-olds, then the answer in bold.")
EDITIONS = {"ur": ("Pakistan", "Urdu"), "mr": ("Maharashtra", "Marathi"), "ms": ("Malaysia", "Malay"),
            "bg": ("Bulgaria", "Bulgarian"), "ca": ("Catalonia", "Catalan"), "hr": ("Croatia", "Croatian")}


def textbook_localiser(ctx: Ctx, count: int) -> None:
    """Per account two editions; office hours (9-18 local, weekends x0.1), 400-900 exercises/day in book order;
    8% get an editor's revision turn. Anthropic or chat per account."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "textbook_localiser")
        langs = rng.sample(sorted(EDITIONS), 2)
        anthropic = rng.random() < 0.5
        for i, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(400, 900), hours=(9, 18), outside=0.03,
                                                 weekend=0.1)):
            lang = langs[(i // 50) % 2]
            edition, language = EDITIONS[lang]
            system = LOCALISER_SYS.format(edition=edition, language=language)
            user = f"Exercise {i // 40 + 1}.{i % 40 + 1}\n{W.maths(rng, lang)}"
            msgs = [{"role": "user", "content": user}]
            if rng.random() < 0.08:
                msgs += [{"role": "assistant", "content": W.prose(rng, 120)},
                         {"role": "user", "content": "Editor's note: too terse in the middle; expand the step where "
                                                     "the formula is applied and keep the rest."}]
            out = rng.randint(400, 1500)
            if anthropic:
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(msgs, system=system, max_tokens=2500), out)
            else:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(
                    [{"role": "system", "content": system}] + msgs, model="gpt-4.1", temperature=0.4), out)


MARK_SYS = ("You assist examiners of the national maths exam. Grade the candidate's answer against the mark scheme. "
            "For each criterion, quote the relevant part of the answer, reason about whether it meets the criterion, "
            "and award marks. Return JSON {\"criteria\": [{\"id\", \"reasoning\", \"marks\"}], \"total\": int}.")


def exam_marking(ctx: Ctx, count: int) -> None:
    """A marking window covering the whole log: shifts 7-22 local (weekends x0.8), 500-1200 scripts/day; each
    script one request (the question, the scheme, the OCR'd answer); 5% re-marked at temperature 0 by a second
    request (moderation). Items in en/hr/bg/ca."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "exam_marking")
        lang = rng.choice(("en", "hr", "bg", "ca"))
        paper = [W.maths(rng, lang) for _ in range(12)]
        for t in ctx.window_times(acct["tz"], rng.uniform(500, 1200), hours=(7, 22), outside=0.02, weekend=0.8):
            q = rng.randrange(len(paper))
            scheme = "\n".join(f"M{j + 1}: {W.prose(rng, rng.randint(5, 12))}" for j in range(rng.randint(3, 6)))
            user = (f"Question {q + 1}: {paper[q]}\n\nMark scheme:\n{scheme}\n\nCandidate answer (OCR):\n"
                    f"{W.student_steps(rng, rng.randint(2, 8))}\nFinal: {W.answer(rng)}")
            for temp in (0.2, 0.0) if rng.random() < 0.05 else (0.2,):
                ctx.emit(t, acct, "openai.chat.completions", chat_body(
                    [{"role": "system", "content": MARK_SYS}, {"role": "user", "content": user}], model="gpt-4.1",
                    temperature=temp, response_format={"type": "json_object"}), rng.randint(300, 1100))
                t += rng.uniform(2, 20)


HINT_SYS = ("You are the hint assistant of a coding bootcamp. The student's code fails the test shown. Trace the "
            "code on that input, find where its behaviour diverges from what the task needs, and explain it as a "
            "hint without writing the fix.")


def code_bootcamp(ctx: Ctx, count: int) -> None:
    """Students from a pool of 4,000 in `user`; local 17-24h peak (25% outside, weekends x1.2), 300-800
    requests/day; 20% follow-ups ("still failing")."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "code_bootcamp")
        students = [f"stu_{rng.getrandbits(32):08x}" for _ in range(4000)]
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 800), hours=(17, 24), outside=0.25, weekend=1.2):
            lang = rng.choice(W.TRACE_LANGS)
            fam, shape = rng.choice(W.ALGO_FAMILIES), rng.choice(W.INPUT_SHAPES)
            user = (f"Task: {W.coding(rng, lang)}\n\nMy code:\n{W.snippet(rng, lang, fam)}\n\nFailing test: "
                    f"solve({W.test_input(rng, shape)}) expected {rng.randint(-5, 99)}, got {rng.randint(-5, 99)}")
            msgs = [{"role": "system", "content": HINT_SYS}, {"role": "user", "content": user}]
            student = rng.choice(students)
            out = rng.randint(250, 1000)
            ctx.emit(t, acct, "openai.chat.completions", chat_body(msgs, model="gpt-4.1-mini", temperature=0.3), out,
                     user=student)
            if rng.random() < 0.2:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 80)},
                               {"role": "user", "content": "still failing, I changed the loop bound. where now?"}]
                ctx.emit(t + rng.uniform(120, 900), acct, "openai.chat.completions",
                         chat_body(msgs, model="gpt-4.1-mini", temperature=0.3), rng.randint(200, 800), user=student)


REGEN_SYS = "You are a writing assistant. Rewrite or continue the user's text as asked."


def regen_app(ctx: Ctx, count: int) -> None:
    """Users in `user` (pool 20k); local 8-23h, 600-1200 requests/day; n=2-3 alternatives with top_logprobs 5
    (the UI highlights low-confidence words); 25% of requests are a regenerate of the previous one."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "regen_app")
        users = [f"w_{rng.getrandbits(36):09x}" for _ in range(20000)]
        last: tuple[list, str] | None = None
        for t in ctx.window_times(acct["tz"], rng.uniform(600, 1200), hours=(8, 23), outside=0.15, weekend=0.9):
            if last and rng.random() < 0.25:
                msgs, user = last
            else:
                text = W.prose(rng, rng.randint(30, 200))
                msgs = [{"role": "system", "content": REGEN_SYS}, {"role": "user", "content": rng.choice(
                    ("Make this more formal:\n", "Continue this:\n", "Shorten this:\n", "Fix the grammar:\n")) + text}]
                user = rng.choice(users)
            last = (msgs, user)
            ctx.emit(t, acct, "openai.chat.completions", chat_body(
                msgs, model="gpt-4o", n=rng.choice((2, 3)), temperature=1.0, logprobs=True, top_logprobs=5,
                seed=rng.randint(1, 2**31)), rng.randint(150, 900), user=user)


CRITIC_INSTR = ("You review logged agent runs. For every tool call in the trajectory, say whether it was justified "
                "by what the agent knew at that point, whether the arguments were right, and what it should have "
                "done instead. Then give the run a grade A-F.")


def trajectory_qa(ctx: Ctx, count: int) -> None:
    """The first QA job in the first 6 h, then 2-4 a day at random times, each 80-200 logged trajectories: 60%
    critic requests (Responses, the trajectory as an item list), 40% robustness tests resending the trajectory 2-3
    times with one tool output altered (o4-mini, then the new model after release)."""
    rng = ctx.rng
    domains = tuple(W.TOOL_CATALOG)
    release = _release(ctx)
    for _ in range(count):
        acct = ctx.account("benign", "trajectory_qa")
        t0 = ctx.start + rng.uniform(0, 6 * 3600)
        while t0 < ctx.end:
            t = t0
            t0 += rng.expovariate(rng.uniform(2, 4) / DAY)
            for _ in range(rng.randint(80, 200)):
                domain = rng.choice(domains)
                items: list[dict] = [{"role": "user", "content": W.agent_task(rng, domain)}]
                for _ in range(rng.randint(2, 7)):
                    name, _, params = rng.choice(W.TOOL_CATALOG[domain])
                    cid = f"call_{rng.getrandbits(64):016x}"
                    items += [{"type": "function_call", "call_id": cid, "name": name,
                               "arguments": orjson.dumps(W.tool_args(rng, params)).decode()},
                              {"type": "function_call_output", "call_id": cid,
                               "output": orjson.dumps({"data": W.prose(rng, rng.randint(10, 40))}).decode()}]
                model = W.NEW_OPENAI if t > release + 3 * 3600 else "o4-mini"
                if rng.random() < 0.6:
                    ctx.emit(t, acct, "openai.responses", {"model": "gpt-4.1", "instructions": CRITIC_INSTR,
                                                           "input": items, "max_output_tokens": 3000},
                             rng.randint(400, 1600))
                    t += rng.uniform(1, 5)
                    continue
                tools = W.tools_responses(list(W.TOOL_CATALOG[domain]))
                for _ in range(rng.randint(2, 3)):
                    altered = items[:-1] + [{**items[-1], "output": orjson.dumps(
                        {"error": rng.choice(("timeout", "404", "rate_limited", "malformed"))}).decode()}]
                    ctx.emit(t, acct, "openai.responses", {"model": model, "input": altered, "tools": tools,
                                                           "reasoning": {"effort": "low"}, "store": False},
                             rng.randint(150, 900))
                    t += rng.uniform(0.5, 3)


AUDIT_SYS = ("You are the {domain} assistant of a regulated company. Every tool call must carry a `rationale` for "
             "the audit log, one or two sentences. Confirm with the customer before irreversible actions.")


def audited_agents(ctx: Ctx, count: int) -> None:
    """One domain per account (logistics, insurance, healthcare_admin, procurement); local 8-20h, 60-200
    conversations/day, 2-6 tool calls each with customer turns between; chat with tools, full history."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "audited_agents")
        domain = ("logistics", "insurance", "healthcare_admin", "procurement")[i % 4]
        toolset = W.with_rationale(W.TOOL_CATALOG[domain])
        tools = W.tools_openai(toolset)
        system = AUDIT_SYS.format(domain=domain.replace("_", " "))
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200), hours=(8, 20), outside=0.05, weekend=0.5):
            msgs: list[dict] = [{"role": "system", "content": system},
                                {"role": "user", "content": W.agent_task(rng, domain)}]
            for _ in range(rng.randint(2, 6)):
                out = rng.randint(80, 400)
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4.1-mini", tools=tools,
                                                                        temperature=0.2), out)
                t += out / rng.uniform(60, 120) + rng.uniform(0.3, 2)
                name, _, params = rng.choice(toolset)
                args = W.tool_args(rng, params[:-1])
                args["rationale"] = W.prose(rng, rng.randint(8, 25))
                cid = f"call_{rng.getrandbits(64):016x}"
                msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [
                    {"id": cid, "type": "function",
                     "function": {"name": name, "arguments": orjson.dumps(args).decode()}}]},
                    {"role": "tool", "tool_call_id": cid, "content": orjson.dumps({"ok": True}).decode()}]
                if rng.random() < 0.4:
                    t += rng.uniform(20, 240)
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 25)},
                                   {"role": "user", "content": rng.choice(("yes go ahead", "ok", "no, wait",
                                                                            "can you do it tomorrow instead?"))}]


STUDENT_FOLLOW = ("wait why", "ok i get it now, what about the next one", "can you check my version?",
                  "a zašto baš tako?", "i per què funciona?", "samajla nahi, parat sanga", "kenapa macam tu?")


def lang_students(ctx: Ctx, count: int) -> None:
    """1-8 requests/day in diurnal sessions; 55% write in ur/mr/ms/bg/ca/hr; 30% of turns are follow-ups; 30% of
    students try the new model after release and stay on it."""
    rng = ctx.rng
    release = _release(ctx)
    for _ in range(count):
        acct = ctx.account("benign", "lang_students")
        lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.55 else "en"
        api = "anthropic.messages" if rng.random() < 0.3 else "openai.chat.completions"
        eager = rng.random() < 0.3
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(1, 8), session_len=(1, 4), gap_s=(60, 900)):
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.3:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 70)},
                                   {"role": "user", "content": rng.choice(STUDENT_FOLLOW)}]
                else:
                    problem = W.maths(rng, lang) if lang != "en" or rng.random() < 0.8 else W.coding(rng)
                    msgs = [{"role": "user", "content": f"{problem}\n{rng.choice(W.HELP_I18N[lang])}"
                             if rng.random() < 0.7 else problem}]
                new, out = eager and t > release, rng.randint(200, 1200)
                if api == "anthropic.messages":
                    body = anthropic_body(list(msgs), max_tokens=2048)
                    if new:
                        body["model"] = W.NEW_ANTHROPIC
                    ctx.emit(t, acct, api, body, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model=W.NEW_OPENAI if new else "gpt-4o-mini"), out)


HYPE = ("ok new model, let's see if it can finally do this one:", "testing the new release on my favourite puzzle",
        "everyone says it's way better at maths. prove it:", "benchmark of one: solve this and show me how")


def early_adopters(ctx: Ctx, count: int) -> None:
    """Ordinary chat users (personas._conversation, 2-15 requests/day); in the 12 h after release, 15-60 requests
    to the new model: puzzles, maths and coding, often asking to see the reasoning, 20 s-5 min apart."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    release = _release(ctx)
    for _ in range(count):
        acct = ctx.account("benign", "early_adopters")
        api = "anthropic.messages" if rng.random() < 0.35 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(2, 15)):
            _conversation(ctx, acct, session, coding_bias=0.3, api=api)
        t = release + rng.uniform(0.5, 12) * 3600
        lang = rng.choice(W.LANGS) if rng.random() < 0.3 else "en"
        for _ in range(rng.randint(15, 60)):
            problem = W.maths(rng, lang) if rng.random() < 0.6 else W.coding(rng)
            text = f"{rng.choice(HYPE)}\n{problem}" if rng.random() < 0.5 else problem
            if rng.random() < 0.4:
                text += "\nshow your reasoning"
            msgs = [{"role": "user", "content": text}]
            if api == "anthropic.messages":
                body = anthropic_body(msgs, max_tokens=4096)
                body["model"] = W.NEW_ANTHROPIC
                ctx.emit(t, acct, api, body, rng.randint(400, 3000))
            else:
                ctx.emit(t, acct, api, chat_body(msgs, model=W.NEW_OPENAI), rng.randint(400, 3000))
            t += rng.uniform(20, 300)


BENIGN_V7 = {
    "release_day_eval": (release_day_eval, 2), "textbook_localiser": (textbook_localiser, 2),
    "exam_marking": (exam_marking, 2), "code_bootcamp": (code_bootcamp, 2), "regen_app": (regen_app, 2),
    "trajectory_qa": (trajectory_qa, 2), "audited_agents": (audited_agents, 4), "lang_students": (lang_students, 45),
    "early_adopters": (early_adopters, 30),
}
