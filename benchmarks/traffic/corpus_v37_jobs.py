"""The request runners of the `v37` variant (see corpus_v37.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v37 (a venue's description, a text from triples, a trend summary, example records)
  sent in a phrasing or under a lead of the caller's own, the reply as text or - where the capability has one - as
  JSON.
- `run_all`: one venue, entity or series asked about several times back to back, seconds apart (its attribute
  subsets, its growing triple sets, its windows).
- `listing_episode`: the model as a listings agent: it fetches a venue's listing, checks a draft description now and
  then, and publishes the description, with tool calls and their results (stub ones unless `realistic`), over
  corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v37 as C
from benchmarks.traffic import corpus_v37_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"describe": S.DESCRIBE_SCHEMA, "verbalise": S.VERBALISE_SCHEMA, "trend": S.TREND_SCHEMA}


# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the venue, entity or
# series `inst` asked about once for each of `extras` (attribute subsets, triple counts, windows, record counts),
# `gap` seconds apart - corpus_v35_jobs' runners over the v37 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="describe")
run_all = partial(J35.run_all, K=C, run=item_run)


def subsets_of(rng, n: int) -> tuple[dict, list[tuple[str, ...]]]:
    """A venue and a sweep over its attributes: all of them, then n - 1 different subsets (the name always in)."""
    v, keys = S.venue(rng), [S.SLOTS]
    while len(keys) < n:
        k = S.subset(rng)
        keys += [k] if k not in keys else []
    return v, keys


def ladder_of(rng, kind: str | None = None) -> tuple[dict, list[int]]:
    """An entity and its growing fact sets: its first triple, its first two, ... all of them."""
    e = S.entity(rng, kind)
    return e, list(range(1, len(e["rows"]) + 1))


def windows_of(rng, k: int | None = None) -> tuple[dict, list[tuple[int, int]]]:
    """A series and every window of it: the quarters-long ones, the half-years, the whole year."""
    return S.series(rng, k), list(S.WINDOWS)


# ---- the listings agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_listing", "Return a venue's listing as its attributes", {"venue_id": "the venue's id"}),
    ("check_description", "Check a draft description against the listing's attributes", {"text": "the draft"}),
    ("publish_description", "Publish the venue's description", {"venue_id": "the venue's id", "text": "the text"}))]
AGENT_TASKS = ("Write the description for listing {vid}.", "Listing {vid} was updated - refresh its description.",
               "New venue {vid} from the owner's form ({tid}). Describe it.")
AGENT_COS = ("Tablehop", "Eatwise Guides", "Localbite", "Harbour Eats", "Plateful Listings")
AGENT_SYS = ("You are {co}'s listings agent. For each venue: fetch the listing, write a description that says every "
             "attribute it gives and nothing else, check it and publish it. Use the tools.")


def listing_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                    s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One venue described by the model as the agent (fetch, a check now and then, publish, then a note). Returns
    its end."""
    rng = ctx.rng
    d = S.describe(S.venue(rng), S.subset(rng, 3))
    vid = f"V-{rng.randint(10000, 99999)}"
    calls = [("get_listing", {"venue_id": vid}, {"listing": d["mr"]}),
             ("check_description", {"text": d["text"]}, {"ok": True, "missing": []}),
             ("publish_description", {"venue_id": vid, "text": d["text"]}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.3 else calls
    task = rng.choice(AGENT_TASKS).format(vid=vid, tid=f"F-{rng.randint(1000, 9999)}")
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Published: {d['text']}", realistic, s=s or M27.surface(api, model), user=user, gap=gap)
