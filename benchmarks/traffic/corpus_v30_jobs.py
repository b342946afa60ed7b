"""The request runners of the `v30` variant (see corpus_v30.py; written blind the same way: nothing here was tuned
against a detector result). Each sends one job's requests over a surface and returns when its last reply came back;
attacks and benign personas call the same runners with their own settings:

- `prefill`: a prompt and a partial answer sent as the last, assistant, turn (Anthropic messages, chat with a final
  assistant message, or - mode "ask" - the partial answer followed by a user turn asking to continue it); the reply
  is the rest.
- `echo_score`: a legacy completions request with `echo` and `logprobs` and max_tokens 0 or 1: the model scores the
  prompt text (one prompt or a list of them) and writes (almost) nothing; what comes back is the prompt, echoed.
- `judge`: one single-turn request whose reply is known (a critique, a corrected version, a review).
- `grading_episode`: the model as a grading agent: it fetches a submission, runs its tests, checks the answer and
  posts the grade with feedback, with tool calls and their results (stub ones unless `realistic`).
- `draft`, `partial_code`, `typo_text`, `diff`: the benign products' own inputs (a writer's draft cut mid-way, a
  developer's half-written function, a paragraph with slips, a pull request's diff).
"""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v29_jobs as J29
from benchmarks.traffic import corpus_v29_src as S29
from benchmarks.traffic import corpus_v30 as C
from benchmarks.traffic import corpus_v30_src as S
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, resp_id

COMP = M27.COMP
ECHO_MODELS = ("davinci-002", "babbage-002", "gpt-3.5-turbo-instruct")
CONT_ASKS = ("Continue from exactly where this stops.", "continue from here", "Keep going from where it breaks off; "
             "don't repeat what's there.")
params = J29.params
send = J29.send


def _gen(rng: random.Random, out: int) -> float:
    return out / rng.uniform(50, 110)


def prefill(ctx: Ctx, acct: dict, t: float, api: str, model: str, prompt: str, partial_: str, rest: str, *,
            mode: str = "prefill", system: str | None = None, s: dict | None = None, user: str | None = None,
            max_tokens: int | None = 1024, **p: Any) -> float:
    """The prompt, then `partial_` as the assistant's turn so far (mode "ask": then a user turn asking to go on);
    the reply is `rest`. Returns when it came back."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    msgs: list[dict] = [{"role": "user", "content": prompt}, {"role": "assistant", "content": partial_.rstrip()}]
    if mode == "ask" or api not in (ANTH, CHAT):
        msgs.append({"role": "user", "content": rng.choice(CONT_ASKS)})
    h = M27.hidden(rng, s)
    out = C.tokens(rng, rest) + h
    body = M27.request(api, model, system, msgs, max_tokens, s, None, **p)
    C.emit(ctx, t, acct, api, body, out, text=rest, user=user)
    return t + _gen(rng, out)


def echo_score(ctx: Ctx, acct: dict, t: float, model: str, prompts: list[str], *, logprobs: int = 5,
               max_tokens: int = 0, user: str | None = None, temperature: float | None = 0.0, **extra: Any) -> float:
    """The prompts scored by the model (echo, logprobs, max_tokens 0 or 1): one request, a list when several; the
    logged reply is the echoed prompt text. Returns when it came back (prompt processing only)."""
    rng = ctx.rng
    body: dict[str, Any] = {"model": model, "prompt": prompts if len(prompts) > 1 else prompts[0],
                            "max_tokens": max_tokens, "echo": True, "logprobs": logprobs}
    if temperature is not None:
        body["temperature"] = temperature
    body.update(extra)
    tail = " ." if max_tokens else ""
    C.emit(ctx, t, acct, COMP, body, max_tokens * len(prompts), text="\n\n".join(x + tail for x in prompts),
           user=user)
    return t + sum(len(x) for x in prompts) / rng.uniform(20000, 60000) + rng.uniform(0.1, 0.6)


def judge(ctx: Ctx, acct: dict, t: float, api: str, model: str, x: str, reply: str, *, system: str | None = None,
          s: dict | None = None, user: str | None = None, max_tokens: int | None = 4096,
          temperature: float | None = None, **p: Any) -> float:
    """One single-turn request whose reply is `reply`."""
    return send(ctx, acct, t, api, model, system, x, C.tokens(ctx.rng, reply), reply, s=s, user=user,
                max_tokens=max_tokens, **params(api, temperature=temperature, **p))


def qa_prompt(q: str, a: str) -> str:
    """The evaluation-harness layout of a problem and a candidate answer (shared by the harness and its twins)."""
    return f"Question: {q}\nAnswer: {a}"


# ---- the benign products' own inputs ----
def draft(rng: random.Random) -> tuple[str, str]:
    """A writer's draft cut mid-way (a passage of the v29 documents, cut after a sentence or mid-sentence) and a
    continuation of it."""
    text, g = S29.passage(rng, sentences=(4, 5))
    words = text.split(" ")
    cut = rng.randint(len(words) // 3, max(len(words) // 3 + 1, 2 * len(words) // 3))
    return " ".join(words[:cut]), " ".join(words[cut:]) + " " + C.answer(rng, "prose", rng.randint(40, 200))


def partial_code(rng: random.Random) -> tuple[str, str, str]:
    """(the file above the cursor, the half-written function, its rest) from a scraped-like source file."""
    file, g = S29.D.code_file(rng, rng.choice(("Python", "TypeScript", "Go", "Python")))
    lines = file.split("\n")
    cut = rng.randint(max(1, len(lines) // 3), max(2, len(lines) - 2))
    start = max(0, cut - rng.randint(2, 6))
    fence = "```" + g["lang"].lower() + "\n"
    return (f"{g['path']}:\n" + "\n".join(lines[:start]), fence + "\n".join(lines[start:cut]),
            "\n".join(lines[cut:cut + rng.randint(3, 12)]) + "\n```")


def typo_text(rng: random.Random) -> tuple[str, str]:
    """A paragraph with a writer's slips, and its clean form."""
    clean = S29.passage(rng)[0]
    return W.typo(rng, clean, rng.uniform(0.02, 0.06)), clean


def diff(rng: random.Random) -> tuple[str, dict]:
    """A pull request's diff: one function's new lines, and the gold of its file."""
    file, edit, g = S29.lazy_edit(rng)
    body = "\n".join(("+" + ln if ln.strip() == g["line"] else " " + ln) for ln in edit.split("\n")
                     if "existing code" not in ln)
    return f"diff --git a/{g['path']} b/{g['path']}\n--- a/{g['path']}\n+++ b/{g['path']}\n@@\n{body}", g


# ---- the grading agent ----
def _p(ty: str, d: str) -> tuple[str, str]:
    return ty, d


TOOLS = [
    {"name": "fetch_submission", "description": "Fetch a submission and its problem",
     "params": {"submission_id": _p("string", "submission id")}, "required": ["submission_id"]},
    {"name": "run_tests", "description": "Run the problem's tests against code or a final answer",
     "params": {"code": _p("string", "code or answer to test")}, "required": ["code"]},
    {"name": "check_answer", "description": "Compare a numeric answer with the key",
     "params": {"value": _p("string", "the answer")}, "required": ["value"]},
    {"name": "post_grade", "description": "Post the grade and feedback to the gradebook",
     "params": {"submission_id": _p("string", "submission id"), "score": _p("number", "score"),
                "feedback": _p("string", "feedback with the corrected working")}, "required": ["submission_id", "score"]},
]
AGENT_SYS = ("You are {co}'s grading assistant. For each submission: fetch it, test it (run the tests for code, check "
             "the answer for maths), find the first error if there is one, then post a score out of 10 with feedback "
             "that shows the corrected working from that point. Use the tools.")
AGENT_TASKS = ("Grade submission {sid}.", "Next in the queue: {sid}", "Please mark {sid} and post the feedback.",
               "Submission {sid} is waiting for a grade.")


def _call(rng: random.Random, k: int, steps: int, sid: str, att: tuple[str, dict]) -> tuple[str, dict, Any]:
    text, g = att
    if k == 0:
        return "fetch_submission", {"submission_id": sid}, {"id": sid, "attempt": text}
    if k == steps - 2:
        return "post_grade", {"submission_id": sid, "score": 10 if g["slip"] is None else rng.randint(2, 8),
                              "feedback": S.correction(g)}, {"ok": True}
    if g["kind"] == "code":
        return "run_tests", {"code": "\n".join(g["lines"])}, {"passed": rng.randint(0, 6), "failed": rng.randint(0, 4)}
    return "check_answer", {"value": g["lines"][-1].split(" ")[-1]}, {"correct": g["slip"] is None}


def grading_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, steps: int, realistic: bool, *,
                    s: dict | None = None, user: str | None = None, att: tuple[str, dict] | None = None,
                    gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One submission graded by the model as the agent: the task, tool calls and their results, the history resent
    or chained on previous_response_id, then its summary. Returns its end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    att = att or S.attempt(rng, S.problem(rng))
    sid = f"sub_{rng.getrandbits(32):08x}"
    tools = TL.api_tools(api, TOOLS)
    system = AGENT_SYS.format(co=co)
    msgs: list[dict] = [{"role": "user", "content": rng.choice(AGENT_TASKS).format(sid=sid)}]
    prev = None
    for k in range(steps):
        last = k == steps - 1
        h = M27.hidden(rng, s) // (1 if last else 3)
        out = (rng.randint(60, 250) if last else rng.randint(30, 500 if k == steps - 2 else 120)) + h
        chained = s.get("chain") and prev is not None
        body = M27.request(api, model, system, msgs[-1:] if chained else msgs, 4096, s, prev if chained else None,
                           tools=tools)
        C.emit(ctx, t, acct, api, body, out, text=C.answer(rng, "grade", out - h) if last else "", user=user)
        t += _gen(rng, out)
        if last:
            break
        prev = resp_id(rng)
        name, args, res = _call(rng, k, steps, sid, att)
        msgs = J29._tool_step(rng, api, s, msgs, name, args, orjson.dumps(res).decode() if realistic else "ok")
        t += rng.uniform(*gap)
    return t
