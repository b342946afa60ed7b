"""The request runners and the benign products' own inputs of the `v32` variant (see corpus_v32.py; written blind the
same way: nothing here was tuned against a detector result). Attacks and benign personas call the same runners with
their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as a JSON
  object under a schema (chat response_format json_schema, Responses text.format, Anthropic: the JSON in the text).
- `pair_run`: a question and two replies laid out with their labels, the verdict back (JSON or prose); with `swap`
  the same pair again a few seconds later with the replies the other way round (position-bias debiasing), its
  verdict naming the same reply.
- `rank_run`, `score_run`, `reject_run`: a best-of-n ranking with per-criterion scores, one reply scored on a rubric,
  and a subtly worse version of a good answer (one sentence changed), each as JSON or prose.
- `judge_episode`: the model as an evaluation agent: it fetches a pair, looks up the reference answer, checks a
  doubtful claim and submits a judgement, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
- `learner_sentence`: a language-learning app's sentence, its version with one common learner mistake (one word or
  phrase changed) and the rule it breaks.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial
from typing import Any

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
PAIR_HEADS = ("Question", "Reply", False)  # (question head, candidate head, numbered labels)


def _ask(ctx: Ctx, acct: dict, t: float, api: str, model: str, x: str, obj: Callable[[], dict[str, Any]],
         prose: Callable[[], str], as_json: bool, schema: dict, max_tokens: int | None = 1024, **kw: Any) -> float:
    """x answered with obj() as JSON under `schema`, or with prose(); returns when the reply came back."""
    if as_json:
        return classify(ctx, acct, t, api, model, x, obj(), schema=schema, max_tokens=max_tokens, **kw)
    return judge(ctx, acct, t, api, model, x, prose(), max_tokens=max_tokens, **kw)


def _prompt(lead: str, q: str, texts: list[str], labels: list[str], qhead: str) -> str:
    return f"{lead}\n\n{S.layout(q, texts, labels, qhead)}" if lead else S.layout(q, texts, labels, qhead)


def pair_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, inst: dict, a: dict, b: dict, *,
             swap: bool = False, as_json: bool = True, lead: str = "", heads: tuple[str, str, bool] = PAIR_HEADS,
             gap: tuple[float, float] = (1, 3), temperature: float | None = 0.0, **kw: Any) -> float:
    """The pair judged (a first), and with `swap` judged again `gap` seconds after the first verdict came back with b
    first; returns when the last verdict came back."""
    rng = ctx.rng
    qhead, chead, numbered = heads
    labels = S.names(chead, 2, numbered)
    for x, y in ((a, b), (b, a)) if swap else ((a, b),):
        prompt = _prompt(lead, S.question(inst), [x["text"], y["text"]], labels, qhead)
        v = S.verdict(x, y, (labels[0], labels[1]))
        t = _ask(ctx, acct, t, api, model, prompt, lambda v=v: v, partial(S.prose_verdict, x, y, labels, v), as_json,
                 S.PAIR_SCHEMA, max_tokens=512, temperature=temperature, **kw) + rng.uniform(*gap)
    return t


def rank_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, inst: dict, cands: list[dict], *,
             as_json: bool = True, lead: str = "", heads: tuple[str, str, bool] = ("Question", "Candidate", False),
             criteria: tuple[str, ...] = S.CRITERIA, temperature: float | None = 0.0, **kw: Any) -> float:
    """The candidates ranked best first, each with its scores on `criteria`; returns when the reply came back."""
    qhead, chead, numbered = heads
    labels = S.names(chead, len(cands), numbered)
    prompt = _prompt(lead, S.question(inst), [c["text"] for c in cands], labels, qhead)
    return _ask(ctx, acct, t, api, model, prompt, partial(S.ranking, cands, labels, criteria),
                partial(S.prose_ranking, cands, labels), as_json, S.RANK_SCHEMA, max_tokens=2048,
                temperature=temperature, **kw)


def score_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, inst: dict, c: dict, *, as_json: bool = True,
              lead: str = "", heads: tuple[str, str] = ("Question", "Reply"), criteria: tuple[str, ...] = S.CRITERIA,
              temperature: float | None = 0.0, **kw: Any) -> float:
    """One reply scored on `criteria` out of 10 with an overall score; returns when the reply came back."""
    prompt = _prompt(lead, S.question(inst), [c["text"]], [heads[1]], heads[0])
    return _ask(ctx, acct, t, api, model, prompt, partial(S.scoring, c, criteria), partial(S.prose_scoring, c),
                as_json, S.SCORE_SCHEMA, temperature=temperature, **kw)


REJECT_LEAD = ("Write a subtly worse version of the answer below: change one sentence so it contains one plausible "
               "error, keep every other sentence word for word.")


def reject_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, inst: dict, *, as_json: bool = False,
               lead: str = REJECT_LEAD, heads: tuple[str, str] = ("Question", "Answer"), note: float = 0.5,
               temperature: float | None = 0.7, **kw: Any) -> float:
    """The good answer sent to be made subtly worse: the rejected version back (with what changed in `note` of the
    prose replies; always in the JSON); returns when the reply came back."""
    rng = ctx.rng
    good = S.candidate(rng, inst, "good")
    worse, at, what = S.rejected(rng, inst)
    prose = f"{worse}\n\n{S.changed(at, what)}" if rng.random() < note else worse
    prompt = _prompt(lead, S.question(inst), [good["text"]], [heads[1]], heads[0])
    return _ask(ctx, acct, t, api, model, prompt, lambda: {"rejected": worse, "changed": S.changed(at, what)},
                lambda: prose, as_json, S.REJECT_SCHEMA, temperature=temperature, **kw)


# ---- the evaluation agent ----
# the agent's tools: name, what it does, its string parameters (the first one required)
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("fetch_pair", "Fetch a comparison item: the question and the two responses", {"pair_id": "pair id"}),
    ("lookup_reference", "Return the reference answer for a question, if there is one", {"question": "the question"}),
    ("check_claim", "Check a factual claim against the knowledge base", {"claim": "the claim"}),
    ("submit_judgement", "Record the verdict on a pair", {"pair_id": "pair id", "winner": "A or B",
                                                          "rationale": "why, citing the responses"}))]
AGENT_TASKS = ("Judge pair {pid}.", "Next in the queue: {pid}", "The customer disputed the verdict on {pid} - please "
               "re-judge it.", "Pair {pid} was marked unclear by {k} raters.")
AGENT_SYS = ("You are {co}'s evaluation agent. For each comparison item: fetch it, look up the reference answer, "
             "check any doubtful claim, then submit a judgement (the better response and a rationale that cites "
             "both). Use the tools.")
AGENT_COS = ("Verdict Labs", "Pairwise.io", "Benchmarkly", "Tally Evals", "Crossjudge")  # whose agent it is


def judge_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                  s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One pair judged by the model as the agent (fetch, reference, a claim check now and then, the judgement, then a
    summary). Returns its end."""
    rng = ctx.rng
    inst = S.instance(rng)
    a, b = S.pair(rng, inst)
    pid = f"pr_{rng.getrandbits(32):08x}"
    v = S.verdict(a, b, ("Response A", "Response B"))
    loser = (a, b)[v["winner"] == "A"]
    calls = [("fetch_pair", {"pair_id": pid}, {"question": S.question(inst), "response_a": a["text"],
                                               "response_b": b["text"]}),
             ("lookup_reference", {"question": S.question(inst)}, {"reference": " ".join(S.good_lines(inst))}),
             ("check_claim", {"claim": S.sentences(loser["text"])[-1]}, {"supported": loser["kind"] != "slip"}),
             ("submit_judgement", {"pair_id": pid, "winner": v["winner"], "rationale": v["rationale"]}, {"ok": True})]
    calls = calls[:2] + calls[3:] if rng.random() < 0.3 else calls
    task = rng.choice(AGENT_TASKS).format(pid=pid, k=rng.randint(2, 6))
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Winner: {v['winner']} ({v['margin']} margin). {v['rationale']}", realistic,
                         s=s or M27.surface(api, model), user=user, gap=gap)


# ---- a language-learning app's sentences ----
_LEARNER = (("{n} has lived in this town {w} 2019.", "since", "for", "'since' goes with a starting point and 'for' "
             "with a length of time"),
            ("{n} is looking forward to {w} you on Friday.", "seeing", "see", "'look forward to' is followed by the "
             "-ing form"),
            ("{n} {w} to the cinema last night.", "went", "goes", "a finished time in the past takes the past simple"),
            ("There are {w} people in {n}'s class this year.", "fewer", "less", "'fewer' goes with things you can "
             "count"),
            ("{n} is very good {w} maths.", "at", "in", "we say 'good at' a subject or skill"),
            ("{n} doesn't {w} coffee in the evening.", "drink", "drinks", "after 'doesn't' the verb takes no -s"),
            ("Could you give {n} some {w} about the course?", "advice", "advices", "'advice' is uncountable, so it "
             "has no plural"),
            ("{n} arrived {w} the airport at six.", "at", "in", "we arrive 'at' a building or a point"),
            ("{n} is the {w} person in the family.", "tallest", "most tall", "one-syllable adjectives take -est"),
            ("{n} has already {w} the homework.", "done", "did", "'has' takes the past participle"),
            ("{n} listens {w} the radio every morning.", "to", "at", "we 'listen to' something"),
            ("{n} has {w} brothers and one sister.", "two", "two of", "a number goes straight before its noun"),
            ("{n} is interested {w} photography.", "in", "on", "we are 'interested in' something"),
            ("{n} would rather {w} at home tonight.", "stay", "to stay", "'would rather' takes the bare infinitive"))
LEARNER_SCHEMA = {"name": "learner_mistake", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["wrong", "rule"],
    "properties": {"wrong": {"type": "string"}, "rule": {"type": "string"}}}}


def learner_sentence(rng: random.Random) -> tuple[str, str, str]:
    """(a correct sentence, the same sentence with one common learner mistake, the rule the mistake breaks)."""
    tpl, right, wrong, rule = rng.choice(_LEARNER)
    name = rng.choice(S.NAMES)
    return tpl.format(n=name, w=right), tpl.format(n=name, w=wrong), rule
