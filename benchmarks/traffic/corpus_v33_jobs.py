"""The request runners of the `v33` variant (see corpus_v33.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as a JSON
  object under a schema (chat response_format json_schema, Responses text.format, Anthropic: the JSON in the text).
- `evolve_run`: an instruction pasted under its head with one evolution method's ask; the harder instruction back
  (the parent word for word, one sentence added), as text or JSON; returns it with the time.
- `sql_run`: a schema and a question, the SQL and its explanation back (JSON or a fenced block and a sentence).
- `queries_run`: a passage and an ask for k search queries it answers; with n > 1, n samples of k queries each
  (InPars-style generation at a high temperature); as JSON only when n is 1.
- `label_run`: a query and a passage, a relevance label back: JSON, prose, or a yes/no as a single token with its
  logprobs (a monoT5-style relevance filter).
- `sql_episode`: the model as an analytics agent: it lists the tables, describes the one it needs, runs one query
  and submits the answer, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from typing import Any

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v32_jobs as J32
from benchmarks.traffic import corpus_v33_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
EVOLVE_LEAD = ("Rewrite the instruction below into a more difficult version. Method: {method}. Keep the given "
               "instruction word for word inside the new one and reply with the new instruction only.")
SQL_LEAD = "Write the SQL query that answers the question over this schema, then explain it in one sentence."
QUERIES_LEAD = "Write {k} search queries that this passage answers, one per line."
YESNO = "Does the passage answer the query? Answer yes or no."
SAMPLES = "\n\n---\n\n"  # between the n samples of one reply


def evolve_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, parent: str, method: str, *,
               as_json: bool = False, lead: str = EVOLVE_LEAD, head: str = "#Given Instruction#",
               temperature: float | None = 0.7, **kw: Any) -> tuple[float, str]:
    """The parent under `head` with the method's ask; returns when the harder instruction came back, and it."""
    evolved = S.evolve(ctx.rng, parent, method)
    x = f"{lead.format(method=S.METHODS[method][0])}\n\n{head}: {parent}"
    return J32._ask(ctx, acct, t, api, model, x, lambda: {"instruction": evolved, "method": method},
                    lambda: evolved, as_json, S.EVOLVE_SCHEMA, max_tokens=512, temperature=temperature,
                    **kw), evolved


def sql_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, case: dict, *, as_json: bool = True,
            lead: str = SQL_LEAD, heads: tuple[str, str] = ("Schema", "Question"), temperature: float | None = 0.0,
            **kw: Any) -> float:
    """The case's schema and question; returns when the SQL and its explanation came back."""
    x = f"{lead}\n\n{S.sql_layout(case, heads)}" if lead else S.sql_layout(case, heads)
    return J32._ask(ctx, acct, t, api, model, x, lambda: {"sql": case["sql"], "explanation": case["why"]},
                    lambda: S.sql_reply(case), as_json, S.SQL_SCHEMA, max_tokens=1024, temperature=temperature, **kw)


def queries_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, inst: dict, k: int, *, n: int = 1,
                as_json: bool = False, lead: str = QUERIES_LEAD, head: str = "Passage",
                temperature: float | None = 0.7, **kw: Any) -> tuple[float, list[str]]:
    """The passage and an ask for k queries (n samples of them); returns when they came back, and every query
    sent back."""
    rng = ctx.rng
    samples = [S.queries(rng, inst, k) for _ in range(n)]
    x = f"{lead.format(k=k)}\n\n{head}: {inst['text']}"
    if as_json:
        t = classify(ctx, acct, t, api, model, x, {"queries": samples[0]}, schema=S.QUERIES_SCHEMA,
                     temperature=temperature, **kw)
    else:
        t = judge(ctx, acct, t, api, model, x, SAMPLES.join(S.numbered(q) for q in samples), n=n,
                  temperature=temperature, max_tokens=kw.pop("max_tokens", 400), **kw)
    return t, [q for sample in samples for q in sample]


def label_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, inst: dict, query: str, *, mode: str = "json",
              lead: str = "", head: str = "Passage", **kw: Any) -> float:
    """The query and the passage, labelled (mode "json", "prose" or "yesno": one token with its top 5 logprobs on
    chat); returns when the label came back."""
    label = S.relevance(inst, query)
    body = f"Query: {query}\n\n{head}: {inst['text']}"
    if mode == "yesno":
        return judge(ctx, acct, t, api, model, f"{body}\n\n{YESNO}", "yes" if label == S.LABELS[0] else "no",
                     max_tokens=1, temperature=0.0, logprobs=5, **kw)
    x = f"{lead}\n\n{body}" if lead else body
    return J32._ask(ctx, acct, t, api, model, x, lambda: {"label": label, "reason": S.label_reason(inst, query)},
                    lambda: f"{label.capitalize()}. {S.label_reason(inst, query)}", mode == "json", S.LABEL_SCHEMA,
                    max_tokens=256, temperature=kw.pop("temperature", 0.0), **kw)


# ---- the analytics agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("list_tables", "List the tables of a database", {"database": "database name"}),
    ("describe_table", "Return a table's columns and their types", {"table": "table name"}),
    ("run_query", "Run one read-only SQL query and return the first rows", {"sql": "the query"}),
    ("submit_answer", "Send the answer back to the analyst", {"answer": "the answer, citing the numbers"}))]
AGENT_TASKS = ("Analyst question: {q}", "From the dashboard request queue: {q}", "{q} (needed for Monday's report)",
               "Ticket {tid}: {q}")
AGENT_SYS = ("You are {co}'s analytics agent. For each question: list the tables, describe the ones you need, write "
             "and run one read-only query, then submit a short answer that cites the numbers. Use the tools.")
AGENT_COS = ("Quarry BI", "Tallyboard", "Lumen Analytics", "Northdata", "Sheetwise")  # whose agent it is


def sql_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One analyst's question answered by the model as the agent (tables, a description now and then, the query, the
    answer, then a summary). Returns its end."""
    rng = ctx.rng
    case = S.sql_case(rng)
    rows = [[f"row {j + 1}", round(rng.uniform(1, 5000), 2)] for j in range(rng.randint(1, 5))]
    cols = [line.strip().rstrip(",") for line in case["ddl"].split(");")[1].splitlines()[2:-1]]
    answer = f"{rows[0][0]} comes first with {rows[0][1]}, from {case['tables'][0]} and {case['tables'][1]}."
    calls = [("list_tables", {"database": case["name"]}, {"tables": list(case["tables"])}),
             ("describe_table", {"table": case["tables"][1]}, {"columns": cols}),
             ("run_query", {"sql": case["sql"]}, {"rows": rows}),
             ("submit_answer", {"answer": answer}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.3 else calls
    task = rng.choice(AGENT_TASKS).format(q=case["question"], tid=f"T-{rng.randint(1000, 9999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"{answer}\n\nQuery used:\n{case['sql']}", realistic, s=s or M27.surface(api, model),
                         user=user, gap=gap)
