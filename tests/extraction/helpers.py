"""Crafted requests for the extraction tests."""

from __future__ import annotations

from gateway.extraction.features import FeatureEvent, FeatureExtractor

FX = FeatureExtractor()


def chat(text: str, system: str | None = None, history: int = 0, **params) -> dict:
    messages = [{"role": "system", "content": system}] if system else []
    for i in range(history):
        messages += [{"role": "user", "content": f"earlier question {i}"}, {"role": "assistant", "content": "answer"}]
    messages.append({"role": "user", "content": text})
    return {"model": "gpt-4o-mini", "messages": messages, **params}


def event(principal: str, ts: float, body: dict, api: str = "openai.chat.completions", ip: str = "10.0.0.1",
          ua: str = "OpenAI/Python 1.51.0", tenant: str | None = None, key_id: str | None = None,
          output_tokens: int = 0) -> FeatureEvent:
    ev = FX.extract(api, body, principal, ts, tenant=tenant, key_id=key_id, client_ip=ip, user_agent=ua)
    ev.output_tokens = output_tokens
    return ev


HYDRA_TEMPLATE = ("You are an expert mathematician. Solve the following problem. Think step by step and show all "
                  "of your reasoning before giving the final answer.\n\nProblem: {p}\n\nFormat: put the final answer "
                  "in \\boxed{{}}.")
PROBLEMS = (
    "A train travels {a} km in {b} hours. How far does it go in {c} hours?",
    "Solve for x: {a}x + {b} = {c}.",
    "What is the remainder when {a}{b}{c} is divided by {b}?",
    "A rectangle has a perimeter of {a} cm and one side of {b} cm. What is its area?",
    "How many ways can {a} people sit around a round table?",
)


def problem(i: int) -> str:
    return PROBLEMS[i % len(PROBLEMS)].format(a=i % 97 + 3, b=i % 13 + 2, c=i % 7 + 5)


TOOLS = [{"type": "function", "function": {"name": "run_shell", "parameters": {"type": "object", "properties": {}}}}]
ANTHROPIC_TOOLS = [{"name": "run_shell", "input_schema": {"type": "object", "properties": {}}}]


def chat_tool_loop(task: str, steps: int, narration: str | None = None, *,
                   system: str = "You are an operations agent.", model: str = "gpt-4o") -> dict:
    """A chat-completions agent loop: the task, then `steps` tool calls (with `narration` beside each) and results."""
    messages: list[dict] = [{"role": "system", "content": system}, {"role": "user", "content": task}]
    for k in range(steps):
        messages += [{"role": "assistant", "content": narration, "tool_calls": [
                         {"id": f"call_{k}", "type": "function", "function": {"name": "run_shell", "arguments": "{}"}}]},
                     {"role": "tool", "tool_call_id": f"call_{k}", "content": f"output of step {k}"}]
    return {"model": model, "messages": messages, "tools": TOOLS}
