"""The rewriting jobs of the `v29` variant (see corpus_v29.py; written blind the same way: nothing here was tuned
against a detector result). Each runner sends the requests of one job over a surface and returns when its last
reply has come back; attacks and benign personas call the same runners with their own settings:

- `rephrase`: a text (a scraped page, an article) and one of corpus_v29_src.REPHRASE's instructions, or a client's
  own ask; the reply is about as long as the text (shorter for a fact list, longer for Q&A).
- `apply_edit`: a source file and an edit between '... existing code ...' comments (APPLY_USER), the merged file
  back; `prediction` sends the original file as a predicted output (chat), as editors' apply features do.
- `clean_up`: a recording's transcript segments in order, each after the one before came back plus `gap` seconds,
  the clean text of the previous segment resent as context on template 1.
- `agent_episode`: the model as a docs-migration agent: it fetches an old page, checks its readability, rewrites it
  and saves the draft, with tool calls and their results (stub ones unless `realistic`).
"""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v29 as C
from benchmarks.traffic import corpus_v29_src as S
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, resp_id

_SHAPE = {"wiki": (0.9, 1.2, "prose"), "qa": (1.1, 1.6, "qa"), "facts": (0.35, 0.6, "bullets"),
          "plain": (0.9, 1.3, "plain")}


def _gen(rng: random.Random, out: int) -> float:
    return out / rng.uniform(50, 110)


def params(api: str, *, temperature: float | None = None, seed: int | None = None, n: int | None = None,
           logprobs: int | None = None, prediction: str | None = None) -> dict[str, Any]:
    """Sampling parameters in the API's own names (chat-only ones dropped elsewhere)."""
    p: dict[str, Any] = {}
    if temperature is not None and api != RESP:
        p["temperature"] = temperature
    if api == CHAT:
        if seed is not None:
            p["seed"] = seed
        if n and n > 1:
            p["n"] = n
        if logprobs:
            p.update(logprobs=True, top_logprobs=logprobs)
        if prediction is not None:
            p["prediction"] = {"type": "content", "content": prediction}
    return p


def send(ctx: Ctx, acct: dict, t: float, api: str, model: str, system: str | None, x: str, out: int, reply: str,
         *, s: dict | None = None, user: str | None = None, max_tokens: int | None = 4096, **p: Any) -> float:
    """One single-turn request; returns when its reply has come back."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    h = M27.hidden(rng, s)
    body = M27.request(api, model, system, [{"role": "user", "content": x}], max_tokens, s, None, **p)
    C.emit(ctx, t, acct, api, body, out + h, text=reply, user=user)
    return t + _gen(rng, out + h)


def rephrase(ctx: Ctx, acct: dict, t: float, api: str, model: str, text: str, style: str, *, ask: str | None = None,
             system: str | None = None, s: dict | None = None, user: str | None = None, max_tokens: int | None = 4096,
             temperature: float | None = None, seed: int | None = None, n: int | None = None,
             logprobs: int | None = None) -> float:
    """`text` rewritten in `style` (REPHRASE's instruction above it, or `ask` when given); n > 1 brings n
    rewrites."""
    rng = ctx.rng
    lo, hi, kind = _SHAPE[style]
    out = max(40, int(len(text) / 4 * rng.uniform(lo, hi)))
    x = f"{ask or S.REPHRASE[style]}\n\n{text}"
    k = n if api == CHAT and n else 1
    reply = "\n\n---\n\n".join(C.answer(rng, kind, out) for _ in range(k))
    return send(ctx, acct, t, api, model, system, x, out * k, reply, s=s, user=user, max_tokens=max_tokens,
                **params(api, temperature=temperature, seed=seed, n=n, logprobs=logprobs))


def apply_edit(ctx: Ctx, acct: dict, t: float, api: str, model: str, file: str, edit: str, gold: dict, *,
               template: int = 0, system: str | None = S.APPLY_SYS, prediction: bool = False,
               temperature: float | None = 0.0, seed: int | None = None, **kw: Any) -> float:
    """The edit merged into the file: the whole merged file back."""
    x = S.APPLY_USER[template].format(file=file, edit=edit, path=gold["path"])
    out = C.tokens(ctx.rng, gold["merged"])
    return send(ctx, acct, t, api, model, system, x, out, gold["merged"], max_tokens=kw.pop("max_tokens", 8192),
                **params(api, temperature=temperature, seed=seed, prediction=file if prediction else None), **kw)


def clean_up(ctx: Ctx, acct: dict, t: float, api: str, model: str, segments: list[tuple[str, dict]], *,
             template: int = 0, system: str | None = S.CLEAN_SYS, gap: tuple[float, float] = (1, 4),
             temperature: float | None = 0.0, **kw: Any) -> float:
    """A recording's segments cleaned in order; returns when the last came back."""
    rng = ctx.rng
    prev = ""
    n = len(segments)
    for i, (raw, g) in enumerate(segments):
        tpl = template if template != 1 or prev else 0
        x = S.CLEAN_USER[tpl].format(i=i + 1, n=n, t=raw, prev=prev)
        t = send(ctx, acct, t, api, model, system, x, C.tokens(rng, g["clean"]), g["clean"],
                 **params(api, temperature=temperature), **kw) + rng.uniform(*gap)
        prev = g["clean"]
    return t


# ---- the docs-migration agent ----
def _p(ty: str, d: str) -> tuple[str, str]:
    return ty, d


TOOLS = [
    {"name": "fetch_page", "description": "Fetch a page of the old site as text",
     "params": {"url": _p("string", "page URL")}, "required": ["url"]},
    {"name": "search_site", "description": "Search the old site", "params": {"query": _p("string", "words")},
     "required": ["query"]},
    {"name": "readability", "description": "Reading grade and average sentence length of a text",
     "params": {"text": _p("string", "text to score")}, "required": ["text"]},
    {"name": "save_draft", "description": "Save a rewritten page as a draft on the new site",
     "params": {"path": _p("string", "new path"), "body": _p("string", "page text"), "title": _p("string", "title")},
     "required": ["path", "body"]},
]
AGENT_SYS = ("You are {co}'s content-migration agent. Move pages from the old site to the new one: fetch each page, "
             "check its readability, rewrite it in plain, friendly language at grade 8 or below (keep every fact, "
             "drop menus and banners), then save it as a draft. Use the tools.")
AGENT_TASKS = ("Migrate {url} to the new site.", "Please move {url} over - plain language, same facts.",
               "Next page in the queue: {url}", "Rewrite and save a draft of {url}.")


def _call(rng: random.Random, k: int, steps: int, pg: tuple[str, dict]) -> tuple[str, dict[str, Any], Any]:
    """The agent's k-th tool call of an episode of `steps` requests: fetch the page first, save the draft last,
    readability checks and site searches between."""
    text, g = pg
    if k == 0:
        return "fetch_page", {"url": g["url"]}, {"url": g["url"], "text": text}
    if k == steps - 2:
        return "save_draft", {"path": f"/{g['topic']}/{rng.getrandbits(20):05x}", "body": g["body"]}, {"ok": True}
    if rng.random() < 0.3:
        return "search_site", {"query": g["topic"]}, {"results": [g["url"]]}
    return "readability", {"text": g["body"][:200]}, {"grade": round(rng.uniform(9, 16), 1),
                                                       "avg_sentence_words": rng.randint(18, 34)}


def agent_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, steps: int, realistic: bool, *,
                  s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One page migrated by the model as the agent: the task, tool calls and their results, the history resent or
    chained on previous_response_id, then its summary. Returns its end."""
    rng = ctx.rng
    s = s or M27.surface(api, model)
    pg = S.page(rng)
    tools = TL.api_tools(api, TOOLS)
    system = AGENT_SYS.format(co=co)
    msgs: list[dict] = [{"role": "user", "content": rng.choice(AGENT_TASKS).format(url=pg[1]["url"])}]
    prev = None
    for k in range(steps):
        last = k == steps - 1
        h = M27.hidden(rng, s) // (1 if last else 3)
        out = (rng.randint(60, 250) if last else rng.randint(30, 600 if k == steps - 2 else 120)) + h
        chained = s.get("chain") and prev is not None
        body = M27.request(api, model, system, msgs[-1:] if chained else msgs, 4096, s, prev if chained else None,
                           tools=tools)
        C.emit(ctx, t, acct, api, body, out, text=C.answer(rng, "plain", out - h) if last else "", user=user)
        t += _gen(rng, out)
        if last:
            break
        prev = resp_id(rng)
        name, args, res = _call(rng, k, steps, pg)
        msgs = _tool_step(rng, api, s, msgs, name, args, orjson.dumps(res).decode() if realistic else "ok")
        t += rng.uniform(*gap)
    return t


def _tool_step(rng: random.Random, api: str, s: dict, msgs: list[dict], name: str, args: dict, res: str) -> list[dict]:
    """The messages after the agent calls a tool and gets its result (only the result on a chained Responses client)."""
    cid = f"call_{rng.getrandbits(64):016x}"
    if api == RESP:
        out_item = {"type": "function_call_output", "call_id": cid, "output": res}
        return [{"role": "user", "content": [out_item]}] if s.get("chain") else msgs + [
            {"type": "function_call", "call_id": cid, "name": name, "arguments": orjson.dumps(args).decode()}, out_item]
    if api == ANTH:
        use = {"type": "tool_use", "id": f"toolu_{rng.getrandbits(64):016x}", "name": name, "input": args}
        return msgs + [{"role": "assistant", "content": [use]}, {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": use["id"], "content": res}]}]
    tc = {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
    return msgs + [{"role": "assistant", "content": None, "tool_calls": [tc]},
                   {"role": "tool", "tool_call_id": cid, "content": res}]
