"""Benign hard-negative personas of the `v37` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v37 campaign sends -
venues' attributes to describe, triples to turn into text, monthly series to summarise, example records to write -
over the same sources (corpus_v37_src), through the same runners (corpus_v37_jobs), with the client metadata
ctx.account gives every account.

- knowledge_panel (twin of triple_ladder's blunt and moderate accounts): an encyclopedia's panel writer that
  regenerates an entity's blurb each time an editor adds a fact in the import form, so an entity's growing fact set
  comes seconds apart, as JSON.
- listing_site (twin of the mixed_into_chat nightly jobs, of slot_subsets' blunt and moderate accounts and of
  agentic_distill): a restaurant-listings site whose nightly job re-describes every venue whose listing changed, with
  its old and its new attributes, as JSON, and whose editors and listings agent work by day.
- dashboard_narratives (twin of window_sweep's blunt and moderate accounts): a dashboard product writing a chart's
  trend narrative each time its user moves the date range, one request a range, as JSON.
- nlg_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual
  studies of faithful data-to-text - asking why a description or a text says what it says, sweeping temperatures
  over example records, drawing five sets of them at once with logprobs.
The other four are in personas_v37_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v37 as C
from benchmarks.traffic import corpus_v37_jobs as J
from benchmarks.traffic import corpus_v37_src as S
from benchmarks.traffic.attacks_v37_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v37_more import PERSONAS_B

PANEL_SYS = ("You write {co}'s knowledge-panel blurbs. Given an entity's triples, write one sentence a triple, the "
             "subject named first, JSON only.")
PANEL_COS = ("Wikinook", "Factfold", "Panelist Encyclopedia")


def knowledge_panel(ctx: Ctx, count: int) -> None:
    """Benign: `count` encyclopedias, a key for each of 2-3 language editions, editors in `user` (member-{n}, 5-20):
    50-100 entities a day at local 6-23h (outside x0.2, weekends x0.6), each entity's facts entered one by one in the
    import form (three to all six of them) and the blurb regenerated after each, 3-30 s apart, as JSON (chat
    gpt-4.1-mini with response_format or Responses gpt-4.1 with text.format, by encyclopedia)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "knowledge_panel", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                PANEL_SYS, PANEL_COS)
            team = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(50, 100), hours=(6, 23), outside=0.2, weekend=0.6):
                e, ks = J.ladder_of(rng)
                J.run_all(ctx, acct, t, api, model, "verbalise", e, ks[:rng.randint(3, len(ks))], gap=(3, 30),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(team))


LISTING_SYS = "You write {co}'s venue descriptions. Say every attribute the listing gives and nothing else. JSON only."
LISTING_COS = ("Tablehop", "Eatwise Guides", "Localbite")


def updated(rng) -> tuple[dict, list[tuple[str, ...]]]:
    """A venue whose owner filled in one more field: its attributes before and after."""
    v, old = S.venue(rng), S.subset(rng, 2)
    if len(old) == len(S.SLOTS):
        return v, [old[:-1], old]
    new = rng.choice([k for k in S.SLOTS if k not in old])
    return v, [old, tuple(k for k in S.SLOTS if k in old or k == new)]


def listing_site(ctx: Ctx, count: int) -> None:
    """Benign: `count` sites, one key each. Every night at local 4h the day's 150-300 changed listings are each
    described with their old and their new attributes, as JSON back to back (chat gpt-4.1-mini, temperature 0); by day
    (local 8-18h) editors (member-{n}, 2-6) ask 20-50 descriptions of their own on Anthropic claude-sonnet-4-5 with the
    prompt cached, and the listings agent (personas_v34.desk_agent over corpus_v37_jobs.listing_episode) describes
    10-30 venues for them."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "listing_site")
        co = LISTING_COS[i % len(LISTING_COS)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((4 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(150, 300)):
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "describe", *updated(rng), gap=(0.5, 2),
                              as_json=True, temperature=0.0, system=LISTING_SYS.format(co=co))
        editors, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, "describe"), phrasing=rng.randrange(3),
                       system=LISTING_SYS.format(co=co), s=s, user=rng.choice(editors))
        desk_agent(ctx, acct, J.listing_episode, co, editors)


DASH_SYS = ("You are {co}'s chart narrator. For the series and date range given, state the change, the peak and the "
            "low in two sentences, using the values given, JSON only.")
DASH_COS = ("Metricly", "Chartwell BI", "Panelboard")


def dashboard_narratives(ctx: Ctx, count: int) -> None:
    """Benign: `count` products, a key for each of 2-3 regions, the viewing users in `user` (end-user-{n},
    1,000-10,000): 100-220 chart views a day at local 7-22h (outside x0.15, weekends x0.3), each view's series narrated
    over the 1-3 date ranges its user moves through, one request a range 1-3 s apart, as JSON (chat gpt-4.1-mini or
    Responses gpt-4.1, by product)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "dashboard_narratives", i, ((CHAT, "gpt-4.1-mini"),
                                                                                 (RESP, "gpt-4.1")), DASH_SYS, DASH_COS)
            viewers = user_ids(rng, "end-user-{n}", 40000, 1000, 10000)
            for t in ctx.window_times(acct["tz"], rng.uniform(100, 220), hours=(7, 22), outside=0.15, weekend=0.3):
                J.run_all(ctx, acct, t, api, model, "trend", S.series(rng), rng.sample(S.WINDOWS, rng.randint(1, 3)),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(viewers))


LAB_SYS = "You are helping a research group study how faithfully language models turn data into text."


def nlg_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v37 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a describe or verbalise item
    with one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at medium
    effort, by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25% five sets of
    example records at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "nlg_lab", LAB_SYS, C, J.item_run, ("describe", "verbalise"), "records", S.record_list)


BENIGN_V37 = {"knowledge_panel": (knowledge_panel, 2),
              "listing_site": (listing_site, 2),
              "dashboard_narratives": (dashboard_narratives, 2),
              "nlg_lab": (nlg_lab, 2),
              **PERSONAS_B}
