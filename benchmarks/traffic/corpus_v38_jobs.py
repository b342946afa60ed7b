"""The request runners of the `v38` variant (see corpus_v38.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v38 (a sentence corrected, a draft proofread, a correction's rule, example learner
  sentences) sent in a phrasing or under a lead of the caller's own, the reply as text or - where the capability has
  one - as JSON.
- `run_all`: one sentence or draft asked about several times back to back, seconds apart (its error subsets, its
  growing prefixes, its corrections one at a time).
- `marking_episode`: the model as a marking agent: it fetches a learner's submission, reads the course's note on an
  error type now and then, and posts the corrected sentence with feedback, with tool calls and their results (stub
  ones unless `realistic`), over corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v38 as C
from benchmarks.traffic import corpus_v38_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"correct": S.CORRECT_SCHEMA, "draft": S.DRAFT_SCHEMA, "explain": S.EXPLAIN_SCHEMA}


# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the sentence or draft
# `inst` asked about once for each of `extras` (error subsets, prefix lengths, (errors, site) pairs, sentence
# counts), `gap` seconds apart - corpus_v35_jobs' runners over the v38 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="explain")
run_all = partial(J35.run_all, K=C, run=item_run)


def errors_of(rng, n: int) -> tuple[dict, list[tuple[int, ...]]]:
    """A sentence and a sweep over its error sites: all of them wrong, then n - 1 different subsets (none wrong
    among them now and then)."""
    s = S.sentence(rng)
    errs = [S.all_errors(s)]
    for _ in range(200):
        if len(errs) >= n:
            break
        e = S.some_errors(rng, s, 0)
        errs += [e] if e not in errs else []
    return s, errs


def ladder_of(rng, n: int | None = None) -> tuple[dict, list[int]]:
    """A draft and its growing prefixes: its first sentence, its first two, ... all of them."""
    d = S.draft(rng, n)
    return d, list(range(1, len(d["rows"]) + 1))


def edits_of(rng, k: int | None = None) -> tuple[dict, list[tuple[tuple[int, ...], int]]]:
    """A sentence (of the k-th frame, or any) with every error site wrong, and each of its corrections in turn."""
    s = S.sentence(rng, k)
    errs = S.all_errors(s)
    return s, [(errs, j) for j in errs]


# ---- the marking agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_submission", "Return a learner's submitted sentence", {"submission_id": "the submission's id"}),
    ("lookup_rule", "Return the course's note on an error type", {"error_type": "the error type"}),
    ("post_feedback", "Send the learner the corrected sentence and the feedback", {"submission_id": "the "
                                                                                  "submission's id",
                                                                                  "corrected": "the sentence"}))]
AGENT_TASKS = ("Mark submission {sid}.", "Submission {sid} was resubmitted - mark it again.", "New exercise answer "
               "{sid} from class {cid}. Mark it.")
AGENT_COS = ("Lingofield", "Parlay Learning", "Quillmark Academy", "Wordwise Tutors", "Fluent Path")
AGENT_SYS = ("You are {co}'s marking agent. For each submission: fetch it, correct it with as few changes as possible, "
             "look up the note on an error type when the learner needs it, and post the corrected sentence with "
             "feedback. Use the tools.")


def marking_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                    s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One submission marked by the model as the agent (fetch, a rule looked up now and then, post, then a note).
    Returns its end."""
    rng = ctx.rng
    sn = S.sentence(rng)
    errs = S.some_errors(rng, sn, 1)
    d = S.correct(sn, errs)
    ty = S.edits(sn, errs)[0]["type"]
    sid = f"S-{rng.randint(10000, 99999)}"
    calls = [("get_submission", {"submission_id": sid}, {"text": d["text"]}),
             ("lookup_rule", {"error_type": ty}, {"note": S.RULES[ty]}),
             ("post_feedback", {"submission_id": sid, "corrected": d["obj"]["corrected"]}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.3 else calls
    task = rng.choice(AGENT_TASKS).format(sid=sid, cid=f"K-{rng.randint(100, 999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Posted: {d['obj']['corrected']} {S.edit_line(S.edits(sn, errs))}", realistic,
                         s=s or M27.surface(api, model), user=user, gap=gap)
