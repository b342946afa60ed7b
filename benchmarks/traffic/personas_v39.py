"""Benign hard-negative personas of the `v39` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v39 campaign sends -
BibTeX entries to format in a style, reference lists to compile, in-text citations to write, example references to
invent - over the same sources (corpus_v39_src), through the same runners (corpus_v39_jobs), with the client metadata
ctx.account gives every account.

- cite_plugin (twin of style_matrix's blunt and moderate accounts): a reference manager's word-processor plugin whose
  "preview in style" menu formats the entry under the cursor in each style its user hovers over (two to four, seconds
  apart) before the user picks one for the journal they are writing for, as JSON.
- catalogue_cleanup (twin of the mixed_into_chat nightly jobs, of field_dropout's blunt and moderate accounts and of
  agentic_distill): a university library whose nightly job formats each record harvested that day twice - as it
  came, lacking some fields, and again once the DOI lookup filled them - as JSON, whose librarians and cataloguing
  agent work by day, and whose students bring their own entries to its referencing chat.
- cite_preview (twin of author_ladder's blunt and moderate accounts): a collaborative manuscript editor whose citation
  panel previews an entry's in-text citations again each time its user adds an author to the entry (from the first
  to all of them, seconds apart), as JSON.
- biblio_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual
  studies of how language models format references - asking how a reference was built, sweeping temperatures over
  example references, drawing five sets of them at once with logprobs.
The other four are in personas_v39_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v39 as C
from benchmarks.traffic import corpus_v39_jobs as J
from benchmarks.traffic import corpus_v39_src as S
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v39_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v39_more import PERSONAS_B

PLUGIN_SYS = ("You are {co}'s citation plugin. Format the entry as a reference in the style given, using only its "
              "fields. JSON only.")
PLUGIN_COS = ("Citekeeper", "Refshelf for Word", "Footnote Pro")


def cite_plugin(ctx: Ctx, count: int) -> None:
    """Benign: `count` products, a key for each of 2-3 customer universities, their researchers in `user`
    (member-{n}, 5-20): 60-120 previews a day at local 7-23h (outside x0.2, weekends x0.5), each an entry formatted in
    the 2-4 styles its user hovers over, 2-20 s apart, as JSON (chat gpt-4.1-mini with response_format or Responses
    gpt-4.1 with text.format, by product)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "cite_plugin", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                PLUGIN_SYS, PLUGIN_COS)
            team = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(60, 120), hours=(7, 23), outside=0.2, weekend=0.5):
                J.run_all(ctx, acct, t, api, model, "format", *J.styles_of(rng, rng.randint(2, 4)), gap=(2, 20),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(team))


LIB_SYS = ("You format {co}'s catalogue records as references in the style asked for, using only the fields given. "
           "JSON only.")
LIB_COS = ("Harrowgate University Library", "Northmere Libraries", "Fennick Research Library")
CHAT_SYS = ("You are {co}'s referencing assistant. Students bring an entry or a half-finished reference; format it in "
            "the style they need, say what is missing and explain it simply. Students may write in their own "
            "language.")


def catalogue_cleanup(ctx: Ctx, count: int) -> None:
    """Benign: `count` libraries, one key each. Every night at local 3h the day's 150-300 harvested records are each
    formatted as they came and again after the DOI lookup, as JSON back to back (chat gpt-4.1-mini, temperature 0);
    by day (local 8-18h) librarians (member-{n}, 2-6) ask 20-50 formatted references of their own on Anthropic
    claude-sonnet-4-5 with the prompt cached, and the cataloguing agent (personas_v34.desk_agent over
    corpus_v39_jobs.catalogue_episode) formats 10-30 records for them. The library's referencing chat has a key of
    its own (personas_v35_more.helpdesk): students (end-user-{n}, 2,000-20,000, a fifth writing in a v39 language)
    bring an entry of their own in 40-100 conversations a day at local 8-23h."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "catalogue_cleanup")
        co = LIB_COS[i % len(LIB_COS)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((3 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(150, 300)):
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "format", *J.enriched(rng), gap=(0.5, 2),
                              as_json=True, temperature=0.0, system=LIB_SYS.format(co=co))
        staff, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, "format"), phrasing=rng.randrange(3),
                       system=LIB_SYS.format(co=co), s=s, user=rng.choice(staff))
        desk_agent(ctx, acct, J.catalogue_episode, co, staff)
        M35.helpdesk(ctx, 1, "catalogue_cleanup", CHAT_SYS, (co,), "format", ("end-user-{n}", 40000, 2000, 20000),
                     (8, 23), C)


PREVIEW_SYS = ("You are {co}'s citation panel. Give the in-text citations of the entry in the style given, "
               "parenthetical and narrative. JSON only.")
PREVIEW_COS = ("Coauthor", "Draftboard Science", "Manuscripta")


def cite_preview(ctx: Ctx, count: int) -> None:
    """Benign: `count` editors, a key for each of 2-3 regions, the writing users in `user` (end-user-{n},
    1,000-10,000): 40-90 entries a day at local 7-23h (outside x0.15, weekends x0.4), each typed in author by author
    with the panel's preview requested after each (from the first author to all 2-8), 5-40 s apart, as JSON (chat
    gpt-4.1-mini or Responses gpt-4.1, by editor)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "cite_preview", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                PREVIEW_SYS, PREVIEW_COS)
            writers = user_ids(rng, "end-user-{n}", 40000, 1000, 10000)
            for t in ctx.window_times(acct["tz"], rng.uniform(40, 90), hours=(7, 23), outside=0.15, weekend=0.4):
                e, rungs = J.authors_of(rng, rng.randint(2, 8))
                J.run_all(ctx, acct, t, api, model, "intext", e, rungs, gap=(5, 40), template=rng.randrange(4),
                          as_json=True, temperature=0.0, system=system, s=s, user=rng.choice(writers))


LAB_SYS = "You are helping a research group study how language models format bibliographic references."


def biblio_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v39 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a format or reflist item
    with one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at medium
    effort, by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25% five sets
    of example references at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "biblio_lab", LAB_SYS, C, J.item_run, ("format", "reflist"), "records", S.record_list)


BENIGN_V39 = {"cite_plugin": (cite_plugin, 2),
              "catalogue_cleanup": (catalogue_cleanup, 2),
              "cite_preview": (cite_preview, 2),
              "biblio_lab": (biblio_lab, 2),
              **PERSONAS_B}
