"""Benign personas. Several deliberately look like extraction on one signal (fixed templates, high
volume, logprobs, step-by-step maths, many end users behind one key, shared IDE system prompt)."""

from __future__ import annotations

from benchmarks.traffic import corpus as C
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

IDE_SYSTEM = ("You are an AI programming assistant integrated into the editor. Follow the user's requirements "
              "carefully. Keep answers short and use Markdown code blocks.")
AGENT_SYSTEM = "You are a helpful agent. Use the available tools to complete the user's task. Think before acting."
TOOLS = [{"type": "function", "function": {"name": n, "parameters": {"type": "object"}}}
         for n in ("search_web", "read_file", "run_sql")]


def _general_prompt(ctx: Ctx, coding_bias: float = 0.1) -> tuple[str, int]:
    rng = ctx.rng
    r = rng.random()
    if r < coding_bias:
        return C.code_task(rng), rng.randint(150, 700)
    if r < coding_bias + 0.08:
        p = C.math_problem(rng)
        if rng.random() < 0.3:
            p += rng.choice((" Can you show the steps?", " explain step by step pls", " how do I work this out?"))
        return p, rng.randint(100, 500)
    if r < coding_bias + 0.14:
        return rng.choice(C.SCIENCE), rng.randint(150, 500)
    if r < coding_bias + 0.3:
        return rng.choice(C.WRITING).format(t=rng.choice(C.TOPICS), doc=C.document(rng, 2)), rng.randint(100, 500)
    return rng.choice(C.CHAT), rng.randint(80, 400)


def _conversation(ctx: Ctx, acct: dict, times: list[float], coding_bias: float, api: str = "openai.chat.completions",
                  user: str | None = None) -> None:
    rng = ctx.rng
    messages: list[dict] = []
    for t in times:
        if messages and rng.random() < 0.65:
            messages = messages + [{"role": "assistant", "content": "..." + C.document(rng, 2)},
                                   {"role": "user", "content": C.casual(rng, rng.choice(C.FOLLOWUPS))}]
        else:
            prompt, _ = _general_prompt(ctx, coding_bias)
            messages = [{"role": "user", "content": C.casual(rng, prompt)}]
        out = rng.randint(80, 600)
        if api == "anthropic.messages":
            body = anthropic_body(list(messages), max_tokens=1024)
        else:
            body = chat_body(list(messages), temperature=rng.choice((None, 0.7, 1.0)))
            body = {k: v for k, v in body.items() if v is not None}
        ctx.emit(t, acct, api, body, out, user=user)


def chat_users(ctx: Ctx, count: int) -> None:
    for _ in range(count):
        acct = ctx.account("benign", "chat_user")
        api = "anthropic.messages" if ctx.rng.random() < 0.25 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=ctx.rng.uniform(1, 20)):
            _conversation(ctx, acct, session, coding_bias=0.1, api=api)


def power_users(ctx: Ctx, count: int) -> None:
    for _ in range(count):
        acct = ctx.account("benign", "power_user")
        for session in ctx.diurnal_times(acct, per_day=ctx.rng.uniform(80, 300), session_len=(3, 12)):
            _conversation(ctx, acct, session, coding_bias=0.35)


def rag_apps(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "rag_app")
        for t in ctx.steady_times(per_day=rng.uniform(800, 2500), jitter=0.9):
            q = rng.choice(C.CHAT)
            prompt = (f"Use the following context to answer the question. If the answer is not in the context, say "
                      f"so.\n\nContext:\n{C.document(rng, 6)}\n\nQuestion: {q}\nAnswer:")
            body = chat_body([{"role": "system", "content": "You answer questions from company documents."},
                              {"role": "user", "content": prompt}], temperature=0, max_tokens=400)
            ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(40, 300), user=f"u{rng.randint(1, 800)}")


def batch_summarisation(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "batch_summarisation")
        for d in range(int(ctx.days) + 1):
            start = ctx.start + d * DAY + rng.uniform(0, 4) * 3600
            for t in ctx.steady_times(per_day=DAY / 6, jitter=0.1, start=start, end=start + rng.uniform(400, 700) * 6):
                prompt = f"Summarize the following article in three bullet points:\n\n{C.document(rng, 8)}"
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body([{"role": "user", "content": prompt}], temperature=0.2, max_tokens=300),
                         rng.randint(60, 200))


def classifiers(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "classifier")
        for t in ctx.steady_times(per_day=rng.uniform(400, 1500), jitter=0.95):
            review = " ".join(rng.sample(C.REVIEWS_POS + C.REVIEWS_NEG, 2))
            body = chat_body([{"role": "user", "content": "Classify the sentiment of this review as positive or "
                               f"negative. Answer with one word.\n\nReview: {review}"}],
                             max_tokens=1, logprobs=True, top_logprobs=5, temperature=0)
            ctx.emit(t, acct, "openai.chat.completions", body, 1)


def eval_runs(ctx: Ctx, count: int) -> None:
    """Benchmark runs: MMLU-style letters, GSM8K-style chain-of-thought, HumanEval-style pass@k sampling."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "eval_run")
        for d in range(int(ctx.days)):
            start = ctx.start + d * DAY + rng.uniform(8, 18) * 3600
            kind = rng.choice(("mmlu", "gsm8k", "humaneval"))
            n_items = {"mmlu": 600, "gsm8k": 400, "humaneval": 164}[kind]
            for i, t in enumerate(ctx.steady_times(per_day=DAY / 2, jitter=0.5, start=start,
                                                   end=start + n_items * 2)):
                if kind == "mmlu":
                    q = f"The following is a multiple choice question.\n\n{C.math_problem(rng)}\nA. 1\nB. 2\nC. 3\nD. 4\nAnswer:"
                    body = chat_body([{"role": "user", "content": q}], temperature=0, max_tokens=1)
                    out = 1
                elif kind == "gsm8k":
                    q = f"Q: {C.math_problem(rng)}\nA: Let's think step by step."
                    body = chat_body([{"role": "user", "content": q}], temperature=0, max_tokens=512)
                    out = rng.randint(100, 400)
                else:
                    q = f"Complete the following function.\n\ndef f_{i}(x):\n    \"\"\"{rng.choice(C.CODE_TASKS)}\"\"\"\n"
                    body = {"model": "gpt-4o-mini", "prompt": q, "n": 5, "temperature": 0.8, "max_tokens": 512}
                    ctx.emit(t, acct, "openai.completions", body, rng.randint(200, 1500))
                    continue
                ctx.emit(t, acct, "openai.chat.completions", body, out)


def ide_assistants(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "ide_assistant")
        acct["ua"] = "CodeEditor/1.94 copilot-chat/0.21"  # the same IDE for all: a shared-metadata trap
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(20, 150), session_len=(2, 10), gap_s=(10, 200)):
            messages = [{"role": "system", "content": IDE_SYSTEM}]
            for t in session:
                ask = rng.choice(("Fix this bug:", "Explain this code:", "Add tests for:", "Refactor:", "Why does this fail?"))
                code = f"```python\ndef {rng.choice(C.WORDS)}_{rng.randint(1, 99)}(x):\n    return x.{rng.choice(C.WORDS)}()\n```"
                messages = messages + [{"role": "user", "content": f"{ask}\n{code}"}]
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(messages), temperature=0.1),
                         rng.randint(50, 400))
                messages = messages + [{"role": "assistant", "content": "Here is the fix..."}]


def tool_agents(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "tool_agent")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(50, 300), session_len=(3, 8), gap_s=(2, 15)):
            task = rng.choice(("Find last quarter's revenue by region", "Summarise open support tickets",
                               "Check which deploys failed yesterday", "Draft a reply to the latest customer email"))
            messages = [{"role": "system", "content": AGENT_SYSTEM}, {"role": "user", "content": task}]
            for t in session:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(messages), tools=TOOLS, temperature=0),
                         rng.randint(20, 200))
                messages = messages + [{"role": "assistant", "content": None},
                                       {"role": "tool", "content": C.document(rng, 2)}]


def tutoring_app(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    system = ("You are a patient maths tutor for school students. Explain every step of the solution clearly, "
              "think step by step, and check the student's understanding.")
    for _ in range(count):
        acct = ctx.account("benign", "tutoring_app")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(600, 1500), session_len=(1, 5), gap_s=(30, 300)):
            student = f"student-{rng.randint(1, 5000)}"
            messages = [{"role": "system", "content": system}]
            for t in session:
                if len(messages) > 1:
                    text = C.casual(rng, rng.choice(("i dont get step 2", "why do we divide there?", "ok what next",
                                                     "can you check my answer: 42", "is there an easier way")))
                    messages = messages + [{"role": "assistant", "content": "Let's look at it..."}]
                else:
                    text = C.casual(rng, rng.choice(("help with homework: ", "", "how do i solve ")) + C.math_problem(rng))
                messages = messages + [{"role": "user", "content": text}]
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(messages), temperature=0.5),
                         rng.randint(150, 700), user=student)


def reseller(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "reseller")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(1500, 3000), session_len=(1, 4)):
            _conversation(ctx, acct, session, coding_bias=0.2, user=f"end-user-{rng.randint(1, 20000)}")


BENIGN = {
    "chat_user": (chat_users, 600), "power_user": (power_users, 30), "rag_app": (rag_apps, 5),
    "batch_summarisation": (batch_summarisation, 4), "classifier": (classifiers, 4), "eval_run": (eval_runs, 3),
    "ide_assistant": (ide_assistants, 60), "tool_agent": (tool_agents, 15), "tutoring_app": (tutoring_app, 2),
    "reseller": (reseller, 2),
}
