"""The request runners of the `v35` variant (see corpus_v35.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v35 (a verdict on a claim, a table question, citations, labelled claims) sent in a
  phrasing or under a lead of the caller's own, the reply as text or - where the capability has one - as JSON.
- `run_all`: one passage, table or cited answer asked about several times back to back, seconds apart (its claims,
  its questions, its sources' orders).
- `check_episode`: the model as a fact-checking agent: it searches for sources, reads one now and then, and submits
  a verdict on the claim, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v32_jobs as J32
from benchmarks.traffic import corpus_v35 as C
from benchmarks.traffic import corpus_v35_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"verify": S.VERIFY_SCHEMA, "table": S.TABLE_SCHEMA, "cite": S.CITE_SCHEMA}


def item_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, sd: tuple, *, phrasing: int = 0, lead: str = "",
             as_json: bool = False, temperature: float | None = 0.7, K: ModuleType = C, schemas: dict = SCHEMAS,
             short: str = "verify", **kw: Any) -> float:
    """The item (its phrasing in corpus module K - v35's, or a later variant's - or `lead` over its pasted part), its
    reply as JSON under `schemas`' schema for its capability when `as_json`, 512 tokens at most for the `short`
    capability and 1,024 for the others; returns when the reply came back."""
    cap, _, sl = sd
    x = f"{lead}\n\n{sl['body']}" if lead else K.text(sd, phrasing)
    schema = schemas.get(cap)
    return J32._ask(ctx, acct, t, api, model, x, lambda: sl["obj"], lambda: sl["reply"], as_json and schema is not None,
                    schema, max_tokens=512 if cap == short else 1024, temperature=temperature, **kw)


def run_all(ctx: Ctx, acct: dict, t: float, api: str, model: str, cap: str, inst: Any, extras: list, *,
            gap: tuple[float, float] = (1, 3), template: int = 0, K: ModuleType = C,
            run: Callable[..., float] = item_run, **kw: Any) -> float:
    """The passage, table or cited answer `inst` (or a later variant's item of corpus module K) asked about once for
    each of `extras` (claims' (kind, fact), question kinds, source orders, claim counts), one request each over `run`,
    `gap` seconds after the last came back."""
    for extra in extras:
        t = run(ctx, acct, t, api, model, K.seed(ctx.rng, cap, template, inst, extra), **kw)
        t += ctx.rng.uniform(*gap)
    return t


def claims_of(rng, k: int | None = None) -> tuple[dict, list[tuple[str, int]]]:
    """A passage and its claims in a fact-checker's order: each fact's supported and refuted claim, the two open ones."""
    ev = S.evidence(rng, k)
    return ev, [(kind, j) for j in rng.sample(range(4), 4) for kind in S.KINDS[:2]] + [("nei", 0), ("nei", 1)]


# ---- the fact-checking agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("search_sources", "Search the archive for sources about a claim", {"query": "search words"}),
    ("read_source", "Return a source's text", {"source_id": "the source's id"}),
    ("submit_verdict", "Record the verdict on a claim", {"claim_id": "the claim's id", "verdict": "the label",
                                                          "evidence": "the sentence quoted"}))]
AGENT_TASKS = ("Check claim {cid}: \"{claim}\"", "From the fact-check queue: {cid} - {claim}", "Ticket {tid}: "
               "reader says \"{claim}\" ({cid}). Check it.")
AGENT_COS = ("Factline", "The Carrow Courier", "CheckPoint Media", "Verity Desk", "Open Ledger News")
AGENT_SYS = ("You are {co}'s fact-checking agent. For each claim: search the archive, read the best source, decide "
             "supported, refuted or not enough info, and submit the verdict with the sentence it rests on. Use the "
             "tools.")


def check_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                  s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One claim checked by the model as the agent (search, a source read now and then, submit, then a note).
    Returns its end."""
    rng = ctx.rng
    ev = S.evidence(rng)
    cl = S.claim(ev, rng.choice(S.KINDS), rng.randrange(4))
    cid, sid = f"C-{rng.randint(10000, 99999)}", f"src-{rng.randint(100, 999)}"
    calls = [("search_sources", {"query": f"{ev['title']} {ev['town']}"}, {"results": [{"id": sid,
                                                                                        "title": ev["title"]}]}),
             ("read_source", {"source_id": sid}, {"text": ev["text"]}),
             ("submit_verdict", {"claim_id": cid, "verdict": cl["verdict"], "evidence": cl["line"]}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.3 else calls
    task = rng.choice(AGENT_TASKS).format(cid=cid, claim=cl["text"], tid=f"T-{rng.randint(1000, 9999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Submitted {cid}: {S.verify_reply(cl)}", realistic, s=s or M27.surface(api, model),
                         user=user, gap=gap)
