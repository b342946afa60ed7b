"""Attack campaigns, `variant="fresh"`: written blind, by someone who had not seen the detector's lexicon,
features or scoring (nothing under gateway/extraction/ was read), so the detector cannot have been
tuned against them. Same attack types as attacks.py, with new reasoning-elicitation phrasings (English
ones that avoid the usual "step by step" wording, and six other languages), new template shapes (the
instruction in a system prompt, the Responses API `instructions`, a JSON schema with a `reasoning`
field, ReAct transcripts, fabricated tool histories), new slot positions, rates and sizes.

Scenario names match attacks.py so the tables of the datasets line up; campaign ids are new.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_fresh as F
from benchmarks.traffic.context import Ctx, anthropic_body, chat_body

# English reasoning-elicitation phrasings, none of them "think step by step".
FRESH_COT_EN = (
    "Grade this solution against the rubric and justify each point you award or deduct.",
    "Write your scratchpad first, then give the final answer after '####'.",
    "Explain your derivation the way you would write a proof: every claim followed by the reason it holds.",
    "Annotate your reasoning: after each line, add a short comment saying why it follows from the previous one.",
    "Before the answer, include a <thinking> section with everything you considered, dead ends included.",
    "Teach it as if I had to reproduce it in an exam without notes: every transition, no leaps.",
    "Show the work. All of it. Then the answer alone on the last line.",
    "Give a numbered derivation in which every line depends only on earlier lines, and cite which ones.",
    "Talk through your thought process out loud, including anything you double-check along the way.",
    "Write out the chain of inference that takes you from the givens to the answer.",
    "Produce a worked solution fit for an answer key, justifying each transformation.",
    "Document your working in full so that a grader can follow and verify every move.",
    "Reason it out in prose first, as long as it needs to be; the answer comes last.",
    "Do not give just the result: write down each deduction and the rule that licenses it.",
)
FRESH_COT_I18N: dict[str, tuple[str, ...]] = {
    "de": ("Erkläre deinen Lösungsweg lückenlos und begründe jede Umformung.",
           "Schreib zuerst alle deine Überlegungen auf und nenne erst ganz am Ende das Ergebnis."),
    "fr": ("Détaille tout ton raisonnement et justifie chaque transformation avant de conclure.",
           "Rédige la démonstration complète, sans sauter aucun passage."),
    "pt": ("Explique todo o raciocínio em detalhe, justificando cada passagem, e só depois dê a resposta.",
           "Mostre todo o desenvolvimento da solução, linha por linha."),
    "ja": ("答えだけでなく、途中式と考え方をすべて詳しく書いてください。",
           "解答に至るまでの思考過程を省略せずに説明してください。"),
    "ru": ("Подробно распиши ход решения и обоснуй каждый переход.",
           "Сначала изложи все свои рассуждения, а ответ дай в самом конце."),
    "ko": ("답만 쓰지 말고 풀이 과정과 생각한 과정을 모두 자세히 적어 주세요.",
           "각 풀이의 근거를 빠짐없이 설명한 뒤 최종 답을 쓰세요."),
}
FRESH_COT_ALL = FRESH_COT_EN + tuple(p for ps in FRESH_COT_I18N.values() for p in ps)

REASONING_SCHEMA = {
    "type": "json_schema",
    "json_schema": {"name": "solution", "strict": True, "schema": {
        "type": "object", "additionalProperties": False, "required": ["reasoning", "answer"],
        "properties": {"reasoning": {"type": "string", "description": "Complete working, every step."},
                       "answer": {"type": "string"}}}},
}


def _focus_problem(ctx: Ctx, focus: str, lang: str = "en") -> str:
    rng = ctx.rng
    if focus == "math":
        return F.math_problem(rng, lang)
    if focus == "code":
        return C.code_task(rng)
    return rng.choice(C.SCIENCE)


def _bursts(ctx: Ctx, per_day: float, burst: tuple[int, int], spread_s: float) -> list[float]:
    """A client with a worker pool: bursts of near-simultaneous requests, at a steady mean rate."""
    rng = ctx.rng
    mean = (burst[0] + burst[1]) / 2
    out: list[float] = []
    for t0 in ctx.steady_times(per_day=per_day / mean, jitter=0.5):
        out.extend(t0 + rng.uniform(0, spread_s) for _ in range(rng.randint(*burst)))
    return sorted(out)


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One heavy account on the Responses API: the elicitation sits in `instructions`, the problem alone in
    `input`; bursty worker-pool timing at ~1,600 requests/day; maths, code and science."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "fresh-harvester")
    instructions = [f"You are a meticulous senior tutor. {p} Use LaTeX for formulas." for p in FRESH_COT_EN[1:9]]
    grader = f"You are a strict examiner. {FRESH_COT_EN[0]}"
    for t in _bursts(ctx, per_day=1600, burst=(4, 12), spread_s=6.0):
        focus = rng.choices(("math", "code", "science"), (5, 3, 2))[0]
        if rng.random() < 0.25:  # rubric grading of a candidate answer
            task = (f"Problem: {_focus_problem(ctx, focus)}\n\nRubric:\n- correct setup (2 pts)\n- correct method "
                    f"(3 pts)\n- correct final result (1 pt)\n\nCandidate solution:\n{C.document(rng, 3)}")
            body = {"model": "gpt-4.1", "instructions": grader, "input": task, "temperature": 0.3,
                    "max_output_tokens": 3000}
        else:
            body = {"model": "gpt-4.1", "instructions": rng.choice(instructions),
                    "input": _focus_problem(ctx, focus), "temperature": 0.8, "max_output_tokens": 6000}
        ctx.emit(t, acct, "openai.responses", body, rng.randint(700, 3500))


def hydra(ctx: Ctx, variant: str) -> None:
    """64 accounts, each 10-28 requests/day, multilingual: every account sticks to one language and one API;
    the elicitation is in the system prompt, the user turn is a bare problem with a job tag at the end."""
    rng = ctx.rng
    accts = []
    for _ in range(64):
        acct = ctx.account("attack", "hydra", "fresh-hydra")
        acct["lang"] = rng.choice(F.LANGS)
        acct["api"] = rng.choice(("anthropic.messages", "openai.chat.completions"))
        acct["rate"] = rng.uniform(10, 28)
        accts.append(acct)
    for acct in accts:
        lang = acct["lang"]
        cots = FRESH_COT_EN if lang == "en" else FRESH_COT_I18N[lang]
        for t in ctx.steady_times(per_day=acct["rate"], jitter=0.9):
            system = f"{rng.choice(cots)}\n\nFinal answer format: \\boxed{{...}}"
            user = f"{F.math_problem(rng, lang)}\n\n[{rng.getrandbits(24):06x}]"
            if acct["api"] == "anthropic.messages":
                body = anthropic_body([{"role": "user", "content": user}], system=system, max_tokens=4000,
                                      temperature=0.7)
            else:
                body = chat_body([{"role": "system", "content": system}, {"role": "user", "content": user}],
                                 model="gpt-4o", temperature=0.7, max_tokens=4000)
            ctx.emit(t, acct, acct["api"], body, rng.randint(500, 2200))


def taxonomy(ctx: Ctx, variant: str) -> None:
    """Systematic coverage of a new taxonomy (24 fields x 8 facets x 5 difficulties), an exam-item generator
    whose output is forced into a JSON schema with a `reasoning` field; 12 accounts at 40-70/day."""
    rng = ctx.rng
    accts = [ctx.account("attack", "taxonomy", "fresh-taxonomy") for _ in range(12)]
    items = [(f, s, d) for d in range(1, 6) for f in F.FIELDS for s in F.FACETS]
    rng.shuffle(items)
    i = 0
    for acct in accts:
        for t in ctx.steady_times(per_day=rng.uniform(40, 70), jitter=0.6):
            field_, facet, diff = items[i % len(items)]
            i += 1
            prompt = (f"Difficulty {diff}/5. Subject area: {field_}. Write {facet}; wherever it poses a problem, "
                      f"solve it yourself. Put all your working in the reasoning field and only the conclusion in "
                      f"the answer field.")
            body = chat_body([{"role": "user", "content": prompt}], model="gpt-4o", temperature=0.9,
                             max_tokens=5000, response_format=REASONING_SCHEMA)
            ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(900, 3200))


def sampling(ctx: Ctx, variant: str) -> None:
    """Distribution harvesting over a shared pool of 40 prompts, three modes: legacy completions with n and
    integer logprobs, chat with top_logprobs and a varying seed, and back-to-back high-temperature resamples."""
    rng = ctx.rng
    accts = [ctx.account("attack", "sampling", "fresh-sampling") for _ in range(6)]
    pool = ([f"Problem: {C.math_problem(rng)}\nSolution:" for _ in range(20)]
            + [f"# Task: {C.code_task(rng)}\n# Solution with explanation:\n" for _ in range(20)])
    for acct in accts:
        mode = rng.choice(("completions", "logprobs", "resample"))
        per_day = rng.uniform(80, 220) / (3.5 if mode == "resample" else 1.0)  # requests, not prompts, per day
        for t in ctx.steady_times(per_day=per_day, jitter=0.8):
            prompt = rng.choice(pool)
            if mode == "completions":
                body = {"model": "gpt-3.5-turbo-instruct", "prompt": prompt, "n": rng.randint(3, 6), "logprobs": 5,
                        "temperature": 1.0, "max_tokens": 1200}
                ctx.emit(t, acct, "openai.completions", body, rng.randint(1000, 5000))
            elif mode == "logprobs":
                body = chat_body([{"role": "user", "content": prompt}], temperature=0.9, logprobs=True,
                                 top_logprobs=rng.choice((5, 10)), seed=rng.getrandbits(31), max_tokens=1500)
                ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(300, 1400))
            else:
                for k in range(rng.randint(2, 5)):
                    body = chat_body([{"role": "user", "content": prompt}], temperature=rng.choice((1.1, 1.3, 1.5)),
                                     top_p=0.98, max_tokens=1500)
                    ctx.emit(t + k * rng.uniform(0.5, 3.0), acct, "openai.chat.completions", body,
                             rng.randint(300, 1400))


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """Accounts that chat normally; ~25% of sessions harvest reasoning, phrased conversationally, sometimes
    after a pleasantry turn, half the time in the account's own language."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    greetings = ("hi again!", "hello :)", "ok new question", "thanks for earlier.", "")
    for _ in range(15):
        acct = ctx.account("attack", "mixed_into_chat", "fresh-mixed")
        lang = rng.choice(F.LANGS)
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(25, 50), session_len=(1, 4)):
            if rng.random() >= 0.25:
                _conversation(ctx, acct, session, coding_bias=0.15)
                continue
            for t in session:
                use_lang = lang if rng.random() < 0.5 else "en"
                cots = FRESH_COT_EN if use_lang == "en" else FRESH_COT_I18N[use_lang]
                focus = "math" if use_lang != "en" else rng.choice(("math", "code", "science"))
                text = f"{_focus_problem(ctx, focus, use_lang)}\n\n{rng.choice(cots)}"
                greeting = rng.choice(greetings)
                messages = [{"role": "user", "content": text}]
                if greeting:
                    messages = [{"role": "user", "content": greeting},
                                {"role": "assistant", "content": "Hello! How can I help you today?"}] + messages
                ctx.emit(t, acct, "openai.chat.completions", chat_body(messages, max_tokens=3500),
                         rng.randint(500, 2200))


PARA_OPENERS = ("", "", "So,", "Okay here goes.", "Need a hand with this.", "For my notes:", "Problem of the day.",
                "Practising for an interview.", "Random one.", "Hey,")
PARA_VERBS = ("write out", "lay out", "document", "include", "give me", "spell out", "put down")
PARA_OBJECTS = ("your working", "the whole chain of logic", "each inference you make", "your scratch work",
                "the justification for each line", "how you got from the question to the result",
                "every assumption and what follows from it")
PARA_TAILS = ("before the answer", "in full", "- no shortcuts", "so I can check it", "as a numbered list",
              "and only then the result", "")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """70 accounts, 8-22 requests/day each in diurnal sessions; every request is assembled from an opener, a
    problem and an ask made of verb x object x tail (~340 asks), in random order, casually typed; a fifth of
    the accounts write in another language; a third use the Anthropic API."""
    rng = ctx.rng
    for _ in range(70):
        acct = ctx.account("attack", "paraphrased", "fresh-paraphrase")
        lang = rng.choice(F.LANGS[1:]) if rng.random() < 0.2 else "en"
        api = "anthropic.messages" if rng.random() < 0.33 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(8, 22), session_len=(1, 4), gap_s=(90, 1200)):
            for t in session:
                if lang == "en":
                    ask = f"{rng.choice(PARA_VERBS)} {rng.choice(PARA_OBJECTS)} {rng.choice(PARA_TAILS)}".strip()
                    ask = ask[0].upper() + ask[1:] + "."
                    problem = _focus_problem(ctx, rng.choice(("math", "code", "science")))
                else:
                    ask = rng.choice(FRESH_COT_I18N[lang])
                    problem = F.math_problem(rng, lang)
                parts = [rng.choice(PARA_OPENERS), problem, ask]
                if rng.random() < 0.4:
                    parts = [parts[0], parts[2], parts[1]]
                prompt = C.casual(rng, " ".join(p for p in parts if p)) if lang == "en" else "\n".join(parts[1:])
                msgs = [{"role": "user", "content": prompt}]
                out = rng.randint(400, 1800)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(msgs, max_tokens=rng.choice((2048, 4096))), out)
                else:
                    ctx.emit(t, acct, api, chat_body(msgs, temperature=rng.choice((0.6, 0.8, 1.0)),
                                                     max_tokens=rng.choice((2048, 4096))), out)


REACT_SYSTEM = ("Answer the user's request by interleaving the following lines until you are done:\n"
                "Thought: what you know so far, what is missing, and why the next action is the right one\n"
                "Action: one tool call\nObservation: the tool result\n"
                "Finish with 'Final Answer:'. Every Action must be preceded by a Thought of at least three sentences.")
AGENT_TASKS = ("reconcile the {a} ledger against the bank export", "find which {a} deploys broke the {b} service",
               "book the cheapest refundable flight from {a} to {b}", "migrate the {a} table to the new {b} schema",
               "triage the open {a} tickets and assign owners", "find and fix the flaky {a} test in the {b} module")
AGENT_TOOLS = ("search_docs", "run_shell", "read_file", "write_file", "http_get", "query_db")


def _openai_tools() -> list[dict]:
    return [{"type": "function", "function": {"name": n, "description": f"{n.replace('_', ' ')}",
             "parameters": {"type": "object", "properties": {"arg": {"type": "string"}}}}} for n in AGENT_TOOLS]


def _anthropic_tools() -> list[dict]:
    return [{"name": n, "description": n.replace("_", " "),
             "input_schema": {"type": "object", "properties": {"arg": {"type": "string"}}}} for n in AGENT_TOOLS]


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """30 accounts harvesting agentic trajectories: a ReAct system prompt demanding long Thoughts, tools
    declared, and a fabricated history of 0-4 earlier tool calls with invented results, so each request asks
    for the next reasoned step of a trajectory that was never really executed. ~20 requests/day/account;
    half the accounts use the Anthropic tool format."""
    rng = ctx.rng
    for _ in range(30):
        acct = ctx.account("attack", "agentic_distill", "fresh-agentic")
        anthropic = rng.random() < 0.5
        for t in ctx.steady_times(per_day=rng.uniform(14, 26), jitter=0.9):
            task = rng.choice(AGENT_TASKS).format(a=rng.choice(C.WORDS), b=rng.choice(C.WORDS))
            steps = rng.randint(0, 4)
            out = rng.randint(300, 1600)
            if anthropic:
                msgs: list[dict] = [{"role": "user", "content": task}]
                for k in range(steps):
                    tid = f"toolu_{rng.getrandbits(48):012x}"
                    msgs.append({"role": "assistant", "content": [
                        {"type": "text", "text": f"Thought: step {k + 1} needs more information."},
                        {"type": "tool_use", "id": tid, "name": rng.choice(AGENT_TOOLS), "input": {"arg": task}}]})
                    msgs.append({"role": "user", "content": [
                        {"type": "tool_result", "tool_use_id": tid, "content": C.document(rng, 2)}]})
                body = anthropic_body(msgs, system=REACT_SYSTEM, max_tokens=4096, tools=_anthropic_tools())
                ctx.emit(t, acct, "anthropic.messages", body, out)
            else:
                msgs = [{"role": "system", "content": REACT_SYSTEM}, {"role": "user", "content": task}]
                for _k in range(steps):
                    cid = f"call_{rng.getrandbits(48):012x}"
                    args = orjson.dumps({"arg": task}).decode()
                    msgs.append({"role": "assistant", "content": None, "tool_calls": [
                        {"id": cid, "type": "function", "function": {"name": rng.choice(AGENT_TOOLS),
                                                                     "arguments": args}}]})
                    msgs.append({"role": "tool", "tool_call_id": cid, "content": C.document(rng, 2)})
                body = chat_body(msgs, model="gpt-4o", tools=_openai_tools(), temperature=0.4, max_tokens=4096)
                ctx.emit(t, acct, "openai.chat.completions", body, out)


ATTACKS_FRESH = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill)
