"""The request runners of the `v34` variant (see corpus_v34.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v34 (a summary, an expanded section, a rewrite, headlines) sent in a phrasing or
  under a lead of the caller's own, the reply as text or - for summaries and rewrites - as JSON.
- `ladder`: one article summarised at several lengths and styles back to back, seconds apart.
- `edit_episode`: the model as an editorial agent: it fetches an article, reads the house style guide now and then,
  and submits a summary, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from typing import Any

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v32_jobs as J32
from benchmarks.traffic import corpus_v34 as C
from benchmarks.traffic import corpus_v34_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"summary": ("style", "summary", S.SUMMARY_SCHEMA), "restyle": ("register", "text", S.RESTYLE_SCHEMA)}


def item_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, sd: tuple, *, phrasing: int = 0, lead: str = "",
             as_json: bool = False, temperature: float | None = 0.7, **kw: Any) -> float:
    """The item (its phrasing, or `lead` over its pasted part); returns when the reply came back."""
    cap, _, sl = sd
    x = f"{lead}\n\n{sl['body']}" if lead else C.text(sd, phrasing)
    key, field, schema = SCHEMAS.get(cap, (None, None, None))
    return J32._ask(ctx, acct, t, api, model, x, lambda: {key: sl["name"], field: sl["reply"]}, lambda: sl["reply"],
                    as_json and schema is not None, schema, max_tokens=4096 if cap == "expand" else 1024,
                    temperature=temperature, **kw)


def ladder(ctx: Ctx, acct: dict, t: float, api: str, model: str, art: dict, styles: tuple[str, ...], *,
           gap: tuple[float, float] = (1, 3), template: int = 0, **kw: Any) -> float:
    """The article summarised in each of `styles`, one request each, `gap` seconds after the last came back."""
    for st in styles:
        t = item_run(ctx, acct, t, api, model, C.seed(ctx.rng, "summary", template, art, st), **kw)
        t += ctx.rng.uniform(*gap)
    return t


def sections(ctx: Ctx, acct: dict, t: float, api: str, model: str, out: dict, *, gap: tuple[float, float] = (1, 3),
             template: int = 0, **kw: Any) -> float:
    """Every section of the outline expanded in order, one request each, `gap` seconds after the last came back."""
    for j in range(len(out["sections"])):
        t = item_run(ctx, acct, t, api, model, C.seed(ctx.rng, "expand", template, out, j), **kw)
        t += ctx.rng.uniform(*gap)
    return t


# ---- the editorial agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("fetch_article", "Fetch an article's text from the CMS", {"article_id": "the article's id"}),
    ("get_style_guide", "Return the house style rules for a section", {"section": "the section name"}),
    ("submit_summary", "Save the summary to the article", {"summary": "the summary text", "style": "length/style"}))]
AGENT_TASKS = ("Summarise article {aid} {style}.", "From the desk queue: article {aid}, summary {style}.",
               "Ticket {tid}: article {aid} needs a summary {style}.")
AGENT_COS = ("Harbour Gazette", "The Vale Courier", "Northbridge Post", "Kestrel Media", "Inkwell Digital")
AGENT_SYS = ("You are {co}'s editorial agent. For each task: fetch the article, check the style guide when unsure, "
             "write the summary at the length asked and submit it. Use the tools.")


def edit_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                 s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One article summarised by the model as the agent (fetch, a style-guide look now and then, submit, then a
    note). Returns its end."""
    rng = ctx.rng
    art, st = S.article(rng), rng.choice(S.STYLE_NAMES)
    aid = f"A-{rng.randint(10000, 99999)}"
    summary = S.summarise(art, st)
    calls = [("fetch_article", {"article_id": aid}, {"title": art["title"], "text": art["text"]}),
             ("get_style_guide", {"section": "local"}, {"rules": ["numbers under ten in words", "no exclamation "
                                                                  "marks"]}),
             ("submit_summary", {"summary": summary, "style": st}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.4 else calls
    task = rng.choice(AGENT_TASKS).format(aid=aid, style=S.STYLES[st], tid=f"T-{rng.randint(1000, 9999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Submitted the summary of {aid}:\n\n{summary}", realistic, s=s or M27.surface(api, model),
                         user=user, gap=gap)
