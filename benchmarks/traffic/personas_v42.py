"""Benign hard-negative personas of the `v42` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v42 campaign sends -
formulas for tasks on pasted sheets, lookups, date formulas, practice problems to invent - over the same sources
(corpus_v42_src), through the same runners (corpus_v42_jobs), with the client metadata ctx.account gives every
account.

- pivot_addin (twin of pivot_sweep's blunt and moderate accounts): a spreadsheet add-in whose "explain this pivot"
  panel writes the formula behind each pivot cell its user selects (two to five, seconds apart), as JSON.
- report_sync (twin of the mixed_into_chat nightly jobs, of threshold_sweep's blunt and moderate accounts and of
  agentic_distill): a reporting service whose nightly job writes each report's banding formulas - a count or a sum
  at rising thresholds of units - as JSON, back to back; whose support staff and spreadsheet agent work by day, and
  whose users bring their own sheets to its chat.
- summary_cards (twin of function_sweep's blunt and moderate accounts): a dashboard tool writing a filter's summary
  cards (total, count, averages, largest, smallest) as formulas, seconds apart, as JSON.
- sheet_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual
  studies of how language models write spreadsheet formulas - asking how a value was got, sweeping temperatures over
  practice problems, drawing five sets of them at once with logprobs.
The other four are in personas_v42_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v42 as C
from benchmarks.traffic import corpus_v42_jobs as J
from benchmarks.traffic import corpus_v42_src as S
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v41 import _app, synced_service
from benchmarks.traffic.personas_v42_more import PERSONAS_B

ADDIN_SYS = ("You are {co}'s pivot explainer. Write the formula that gives the selected pivot cell from the sheet, "
             "and its value. JSON only.")
ADDIN_COS = ("Gridwise", "Pivotal for Sheets", "Cellmate Add-ins")


def pivot_addin(ctx: Ctx, count: int) -> None:
    """Benign: `count` add-ins, a key for each of 2-3 customer firms, their staff in `user` (member-{n}, 5-20): 50-110
    times a day, the 2-5 pivot cells its user selects, 2-20 s apart, as JSON (chat gpt-4.1-mini with response_format
    or Responses gpt-4.1 with text.format, by add-in)."""
    rng = ctx.rng
    _app(ctx, count, "pivot_addin", (ADDIN_SYS, ADDIN_COS), ("member-{n}", 9000, 5, 20), (50, 110, 0.2, 0.5),
         lambda: J.pivot_of(rng, rng.randint(2, 5)), (2, 20), J, "formula")


CARDS_SYS = ("You are {co}'s dashboard builder. Write the formula for the summary card over the sheet and the filter "
             "given, and its value. JSON only.")
CARDS_COS = ("Northlight Dashboards", "Tidewater BI", "Orbis Metrics")


def summary_cards(ctx: Ctx, count: int) -> None:
    """Benign: `count` tools, a key for each of 2-3 teams, the analysts in `user` (end-user-{n}, 1,000-10,000): 40-90
    filters a day, each the first 4-8 summary cards (corpus_v42_jobs.CARDS) of a sheet's filter, 3-30 s apart, as
    JSON (chat gpt-4.1-mini or Responses gpt-4.1, by tool)."""
    rng = ctx.rng
    _app(ctx, count, "summary_cards", (CARDS_SYS, CARDS_COS), ("end-user-{n}", 40000, 1000, 10000), (40, 90, 0.15, 0.4),
         lambda: J.functions_of(rng, rng.randint(4, 8)), (3, 30), J, "formula")


SYNC_SYS = ("You write {co}'s report bands: for each band, the formula over the sheet and its value. JSON only.")
SYNC_COS = ("Bandwidth Reports", "Nightly Ledger", "Reportly")
CHAT_SYS = ("You are {co}'s spreadsheet assistant. Users bring a sheet and a task, a lookup or two dates; write the "
            "formula they need, say what it returns and explain it simply. Users may write in their own language.")


def report_sync(ctx: Ctx, count: int) -> None:
    """Benign: `count` services, one key each. Every night at local 2h the day's 80-160 reports each have 3-6 bands
    (of a sheet's eight rising thresholds) written as JSON back to back (chat gpt-4.1-mini, temperature 0); by day
    (local 8-18h) support staff (member-{n}, 2-6) ask 20-50 formulas and date formulas of their own on Anthropic
    claude-sonnet-4-5 with the prompt cached, and the spreadsheet agent (personas_v34.desk_agent over
    corpus_v42_jobs.sheet_episode) writes 10-30 formulas for them. The service's help chat has a key of its own
    (personas_v35_more.helpdesk): users (end-user-{n}, 2,000-20,000, a fifth writing in a v42 language) bring a task
    of their own in 40-100 conversations a day at local 8-23h."""
    synced_service(ctx, count, "report_sync", SYNC_COS, (SYNC_SYS, CHAT_SYS), J.bands_of,
                   ("formula", "formula", "dates"), J.sheet_episode, "formula", C, J)


LAB_SYS = "You are helping a research group study how language models write spreadsheet formulas."


def sheet_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v42 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a formula or dates item
    with one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at
    medium effort, by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25%
    five sets of practice problems at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "sheet_lab", LAB_SYS, C, J.item_run, ("formula", "dates"), "records", S.problem_list)


BENIGN_V42 = {"pivot_addin": (pivot_addin, 2),
              "report_sync": (report_sync, 2),
              "summary_cards": (summary_cards, 2),
              "sheet_lab": (sheet_lab, 2),
              **PERSONAS_B}
