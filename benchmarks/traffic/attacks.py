"""Attack campaigns. `variant="base"` is what the detector was tuned on; `variant="heldout"` changes
phrasings, slot positions, languages, APIs, sizes and rates, and is never tuned against."""

from __future__ import annotations

from benchmarks.traffic import corpus as C
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

BASE_COT = (
    "Think step by step and show all of your reasoning before giving the final answer.",
    "Explain every intermediate step, then give the final answer.",
    "Show your complete reasoning step by step.",
)
HELDOUT_COT = (  # phrasings the patterns were not written against
    "Lay out your entire thought process in detail; do not skip any steps.",
    "Before answering, write out the full derivation, line by line.",
    "Resuelve paso a paso y muestra todo tu razonamiento.",
    "请一步一步地思考，并写出完整的推理过程。",
    "Reason carefully and narrate each deduction you make.",
)


def _problem(ctx: Ctx, focus: str) -> str:
    rng = ctx.rng
    if focus == "math":
        return C.math_problem(rng)
    if focus == "code":
        return C.code_task(rng)
    return rng.choice(C.SCIENCE)


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One heavy account, templated chain-of-thought prompts at high volume, machine timing."""
    acct = ctx.account("attack", "cot_harvester", "harvester")
    rng = ctx.rng
    cot = BASE_COT if variant == "base" else HELDOUT_COT
    per_day = 3000 if variant == "base" else 1200
    for t in ctx.steady_times(per_day=per_day, jitter=0.2):
        focus = rng.choice(("math", "code"))
        prompt = f"Question: {_problem(ctx, focus)}\n\nProvide a rigorous solution. {rng.choice(cot)}"
        ctx.emit(t, acct, "openai.chat.completions", chat_body([{"role": "user", "content": prompt}],
                 model="gpt-4o", temperature=0.7, max_tokens=4096), rng.randint(600, 2500))


def hydra(ctx: Ctx, variant: str) -> None:
    """Many accounts, each under 30 requests/day, one template family, load-balanced round robin."""
    rng = ctx.rng
    n_accounts = 48 if variant == "base" else 90
    per_account_day = 25 if variant == "base" else 12
    accts = [ctx.account("attack", "hydra", "hydra") for _ in range(n_accounts)]
    if variant == "base":
        templates = (
            "You are an expert mathematician. Solve the following problem. {cot}\n\nProblem: {p}\n\n"
            "Format: put the final answer in \\boxed{{}}.",
            "You are a world-class mathematician. Solve the following problem carefully. {cot}\n\nProblem: {p}\n\n"
            "Format: put the final answer in \\boxed{{}}.",
        )
        cot = BASE_COT
    else:  # slot first, template after it, and the anthropic API
        templates = ("{p}\n\n{cot} Conclude with 'ANSWER:' followed by the result.",
                     "{p}\n\nInstructions: {cot} End with 'ANSWER:' and the result only.")
        cot = HELDOUT_COT
    times = ctx.steady_times(per_day=n_accounts * per_account_day, jitter=0.6)
    for i, t in enumerate(times):
        acct = accts[i % n_accounts] if rng.random() < 0.8 else rng.choice(accts)
        prompt = rng.choice(templates).format(p=_problem(ctx, "math"), cot=rng.choice(cot))
        if variant == "base":
            body = chat_body([{"role": "user", "content": prompt}], temperature=0.6, max_tokens=3000)
            ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(500, 2000))
        else:
            body = anthropic_body([{"role": "user", "content": prompt}], max_tokens=3000)
            ctx.emit(t, acct, "anthropic.messages", body, rng.randint(500, 2000))


def taxonomy(ctx: Ctx, variant: str) -> None:
    """Systematic coverage of a topic taxonomy: many fields, one expository template, spread over accounts."""
    rng = ctx.rng
    n_accounts = 10 if variant == "base" else 16
    accts = [ctx.account("attack", "taxonomy", "taxonomy") for _ in range(n_accounts)]
    items = [(f, s) for f in C.TAXONOMY for s in C.SUBTOPICS]
    if variant == "base":
        tpl = ("Write a detailed expert explanation of {s} in {f}. Think step by step and explain each intermediate "
               "step of any derivation. Item {i}.")
    else:
        tpl = ("Topic {i}: {f} / {s}. Produce a textbook-quality treatment. Before the conclusion, write out the "
               "full derivation, line by line.")
    i = 0
    for t in ctx.steady_times(per_day=n_accounts * 60, jitter=0.5):
        f, s = items[i % len(items)]
        i += 1
        body = chat_body([{"role": "user", "content": tpl.format(f=f, s=s, i=i)}], temperature=0.7, max_tokens=4000)
        ctx.emit(t, rng.choice(accts), "openai.chat.completions", body, rng.randint(800, 3000))


def sampling(ctx: Ctx, variant: str) -> None:
    """Distribution harvesting: n samples, logprobs, high temperature on repeated prompts."""
    rng = ctx.rng
    n_accounts = 5 if variant == "base" else 8
    accts = [ctx.account("attack", "sampling", "sampling") for _ in range(n_accounts)]
    pool = [C.code_task(rng) for _ in range(60)] + [C.math_problem(rng) for _ in range(60)]
    for acct in accts:
        for t in ctx.steady_times(per_day=rng.uniform(100, 300), jitter=0.7):
            prompt = rng.choice(pool)
            if variant == "base":
                body = chat_body([{"role": "user", "content": prompt}], n=8, temperature=1.0, logprobs=True,
                                 top_logprobs=20, max_tokens=1024)
            else:  # no n, no logprobs: the same prompt many times at high temperature
                body = chat_body([{"role": "user", "content": prompt}], temperature=1.2, max_tokens=1500)
            ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(300, 1500))


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """Accounts that look like chat users, with a share of templated chain-of-thought harvesting."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    n_accounts = 12 if variant == "base" else 20
    share = 0.3 if variant == "base" else 0.2
    cot = BASE_COT if variant == "base" else HELDOUT_COT
    for _ in range(n_accounts):
        acct = ctx.account("attack", "mixed_into_chat", "mixed")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(30, 60), session_len=(1, 4)):
            if rng.random() < share:
                for t in session:
                    prompt = f"Solve: {_problem(ctx, 'math')}\n{rng.choice(cot)} Be exhaustive."
                    ctx.emit(t, acct, "openai.chat.completions",
                             chat_body([{"role": "user", "content": prompt}], max_tokens=3000), rng.randint(500, 2000))
            else:
                _conversation(ctx, acct, session, coding_bias=0.1)


PARAPHRASE_OPENERS = ("I'm stuck on this one.", "Could you help with a problem?", "Here's a question for you.",
                      "Homework help needed.", "Try this:", "Working on practice problems.", "", "Quick one:")
PARAPHRASE_ASKS_BASE = ("Please walk me through your reasoning.", "Think it through step-by-step.",
                        "Show the work for every step.", "Go step by step and explain each intermediate step.",
                        "I want the full reasoning, not just the answer.")
PARAPHRASE_ASKS_HELDOUT = ("Narrate each deduction as you go.", "Don't skip anything in the derivation.",
                           "Spell out the logic behind every move.", "Make your thinking visible at each stage.",
                           "Detail the derivation fully before the result.")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Paraphrased prompts across many accounts, human-like diurnal timing, each account its own client."""
    rng = ctx.rng
    n_accounts = 60 if variant == "base" else 80
    asks = PARAPHRASE_ASKS_BASE if variant == "base" else PARAPHRASE_ASKS_HELDOUT
    focus = ("math", "code", "science") if variant == "base" else ("code", "science")
    for _ in range(n_accounts):
        acct = ctx.account("attack", "paraphrased", "paraphrase")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(12, 25), session_len=(1, 5), gap_s=(60, 900)):
            for t in session:
                parts = [rng.choice(PARAPHRASE_OPENERS), _problem(ctx, rng.choice(focus)), rng.choice(asks)]
                if rng.random() < 0.5:
                    parts = [parts[0], parts[2], parts[1]]
                prompt = C.casual(rng, " ".join(p for p in parts if p))
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body([{"role": "user", "content": prompt}], temperature=rng.choice((0.7, 1.0)),
                                   max_tokens=rng.choice((2000, 4000))), rng.randint(400, 1800))


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Held-out only: harvesting agentic tool-use traces (tools present, single turn, reasoning requested)."""
    rng = ctx.rng
    accts = [ctx.account("attack", "agentic_distill", "agentic") for _ in range(25)]
    tasks = ("book a flight from {a} to {b}", "find the cheapest hotel in {a}", "compare prices of {a} and {b}",
             "plan a trip from {a} to {b}", "file an expense report for {a}")
    tools = [{"type": "function", "function": {"name": n, "parameters": {"type": "object"}}}
             for n in ("search", "book", "pay", "calendar")]
    for t in ctx.steady_times(per_day=25 * 20, jitter=0.8):
        task = rng.choice(tasks).format(a=rng.choice(C.WORDS), b=rng.choice(C.WORDS))
        prompt = f"Task: {task}. Plan the steps, reason carefully about each tool call, and explain why."
        ctx.emit(t, rng.choice(accts), "openai.chat.completions",
                 chat_body([{"role": "user", "content": prompt}], tools=tools, max_tokens=3000),
                 rng.randint(300, 1500))


ATTACKS_BASE = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased)
ATTACKS_HELDOUT = ATTACKS_BASE + (agentic_distill,)
_ = DAY
