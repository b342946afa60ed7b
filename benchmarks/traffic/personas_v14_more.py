"""Benign personas of the `v14` variant, continued (personas_v14.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- automation_platform (twin of tool_call_distill): a no-code automation product: many customer workspaces, each
  with its own stable tool catalogue, end users in `user`, a tool result carried back for a final reply now and
  then, at volume in business hours.
- sdk_schema_ci (twin of the blunt tool_call_distill accounts): an SDK vendor's regression suite running hundreds
  of synthetic tool catalogues through the API every night and on every merge, temperature 0.
- language_dialogues (twin of dialogue_synthesis): a language-learning app generating graded practice dialogues as
  JSON in many languages, plus tutor-training dialogues over geometry problems.
- exec_assistant (twin of agentic_distill): an enterprise assistant product running the same email-and-calendar
  agent for its customers' employees (in `user`), with realistic tool results, in office hours.
- ci_failure_explainer (twin of taxonomy): a CI product explaining failing builds in six languages with a root
  cause and a fix, around the clock with a weekday peak.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic.attacks_v14_more import assist_episode, tool_turn
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

AUTOMATION_SYS = "You are the automation assistant of a workspace. Call a tool when the user's request needs one."


def automation_platform(ctx: Ctx, count: int) -> None:
    """40-120 workspaces per account (a catalogue of 3-8 tools each, fixed for the window), 400-1,200 requests a
    day at local 7-21h (outside x0.15, weekends x0.4), busy workspaces more often; 30% with the tool result."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "automation_platform")
        api = (CHAT, RESP, ANTH)[i % 3]
        model = MODELS[api][1]
        spaces = [TL.catalog(rng, rng.randint(3, 8), tuple(rng.sample(list(TL.NOUNS), 2)))
                  for _ in range(rng.randint(40, 120))]
        weights = [rng.paretovariate(1.2) for _ in spaces]
        for t in ctx.window_times(acct["tz"], rng.uniform(400, 1200), hours=(7, 21), outside=0.15, weekend=0.4):
            w = rng.choices(range(len(spaces)), weights)[0]
            tool_turn(ctx, acct, t, api, model, spaces[w], W.end_user(rng, "u_{h}", 500 + w), rng.random() < 0.3,
                      system=AUTOMATION_SYS)


def sdk_schema_ci(ctx: Ctx, count: int) -> None:
    """A fixed suite of 150-300 catalogues and requests, run in full at local 2h every night and for 1-3 merges per
    working day (local 10-18h), 3-8 requests a second per run, temperature 0, chat only."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "sdk_schema_ci")
        suite = []
        for _ in range(rng.randint(150, 300)):
            tools = TL.catalog(rng, rng.randint(2, 9))
            suite.append((tools, TL.tool_request(rng, tools)))
        nightly = [ctx.start + d * DAY + (2 - acct["tz"]) % 24 * 3600 + rng.uniform(0, 300)
                   for d in range(int(ctx.days) + 1)]
        runs = nightly + ctx.window_times(acct["tz"], rng.uniform(1, 3), hours=(10, 18), outside=0.0, weekend=0.0)
        for t in runs:
            for tools, text in suite:
                body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": text}], 256,
                             tools=TL.api_tools(CHAT, tools), temperature=0)
                X.emit(ctx, t, acct, CHAT, body, rng.randint(15, 90), "tool")
                t += rng.uniform(0.12, 0.35)


DIALOGUE_LANGS = ("Zulu", "Igbo", "Khmer", "Mongolian", "Gujarati", "Belarusian", "Spanish", "Japanese", "German")


def language_dialogues(ctx: Ctx, count: int) -> None:
    """150-400 requests a day at local 6-23h (outside x0.1, weekends x1.2): graded practice dialogues (JSON lines
    with glosses) for learners in `user`; 15% tutor-training dialogues over geometry problems; temperature 0.9."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "language_dialogues")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(6, 23), outside=0.1, weekend=1.2):
            user = W.end_user(rng, "member-{n}", 50000)
            if rng.random() < 0.15:
                text = rng.choice(TL.SCRIPT_SOFT).format(n=6, x=X.item(rng, "geo")[0])
                out, style, extra = rng.randint(500, 1500), "dialogue", {}
            else:
                text = TL.practice_dialogue(rng, rng.choice(DIALOGUE_LANGS))
                out, style = rng.randint(300, 900), "json"
                extra = {"response_format": {"type": "json_object"}} if api == CHAT else {}
            if api == CHAT:
                extra["temperature"] = 0.9
            X.emit(ctx, t, acct, api, build(api, model, None, [{"role": "user", "content": text}], 4096, **extra), out,
                   style, user=user)


def exec_assistant(ctx: Ctx, count: int) -> None:
    """30-120 agent episodes per working day at local 8-19h (outside x0.05, weekends x0.1), 3-10 steps, realistic
    results, employees in `user`."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "exec_assistant")
        api = (RESP, ANTH, CHAT)[i % 3]
        model = MODELS[api][i % 2]
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 120), hours=(8, 19), outside=0.05, weekend=0.1):
            assist_episode(ctx, acct, t, api, model, TL.assist_task(rng), rng.randint(3, 10), True,
                           user=W.end_user(rng, "u_{h}", 6000))


CI_SYS = ("You explain why a CI build failed. Identify the root cause in the code shown, propose a minimal fix, and "
          "explain it step by step so a junior developer can follow.")


def ci_failure_explainer(ctx: Ctx, count: int) -> None:
    """150-400 failing builds a day across customers in six languages; CI runs at every hour (outside office hours
    x0.4) with a weekday peak (weekends x0.3); one system prompt, temperature 0, the bug and snippet from the
    failing job; max_tokens 4096 (the vendor's default for long stack traces)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "ci_failure_explainer")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(8, 20), outside=0.4, weekend=0.3):
            text = X.bug_task(rng, (rng.randrange(12), rng.randrange(6), rng.randrange(8), 1), rng.choice((0, 3)))
            body = build(api, model, CI_SYS, [{"role": "user", "content": text}], 4096,
                         **({"temperature": 0} if api == CHAT else {}))
            X.emit(ctx, t, acct, api, body, rng.randint(250, 900), "bug", user=W.end_user(rng, "sess_{h}", 2500))


PERSONAS_B = {"automation_platform": (automation_platform, 2), "sdk_schema_ci": (sdk_schema_ci, 2),
              "language_dialogues": (language_dialogues, 2), "exec_assistant": (exec_assistant, 3),
              "ci_failure_explainer": (ci_failure_explainer, 2)}
