"""Attack campaigns of `variant="v42"`, continued (attacks_v42.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v42-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v42 items).
- agentic_distill: 10 accounts with the teacher as a spreadsheet agent (read a range, look a function's syntax up,
  write the formula into a cell).
- pivot_sweep (new): one sheet's total amount for eight of its region x product pairs, each pair sent alone - a
  pivot table taken cell by cell, the sheet-and-criteria to formula pairs a student formula writer learns from. The
  blunt scripts send a sheet's eight cells back to back as JSON; the moderate ones a sheet's cells in turn, one a
  request; the careful accounts each take one of three cells of a sheet.
- threshold_sweep (new): one sheet and one count or sum of amounts over the rows with at least 5, 10, ... 40 units,
  each threshold sent alone - where the matching rows fall away one by one. The blunt scripts send a sweep back to
  back as JSON; the moderate ones its thresholds in order, one a request, with reasoning; the careful accounts each
  take one of four thresholds of a sweep.
- function_sweep (new): one sheet and one condition, through eight aggregates in a fixed order (total and count,
  averages, largest and smallest), each sent alone - every function of the family on the same rows. The blunt
  scripts run a sweep seconds apart; the moderate ones an aggregate a request as JSON; the careful accounts each
  take one of three aggregates.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import attacks_v41_more as V41
from benchmarks.traffic import corpus_v42 as C
from benchmarks.traffic import corpus_v42_jobs as J
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v42 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v42 items
SHEET_SYS = ("You write spreadsheet formulas for the task given over the pasted sheet, and compute their value "
             "exactly. Reply with JSON only: the formula and its result.")

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.sheet_episode, cos=J.AGENT_COS)


# v41's sweep runners (attacks_v41_more) over the v42 items: the moderate accounts' next cell a request, the careful
# campaigns' shares of a sweep, a blunt script's sweep back to back
_one_a_request = partial(V41._one_a_request, K=C, jobs=J, cap="formula")
_back_to_back = partial(V41._back_to_back, jobs=J, cap="formula")


def _shares(ctx: Ctx, sweep: Callable[[], tuple], takers: int) -> Callable[[], list]:
    return V41._shares(ctx, sweep, takers, C, "formula")


# ---- pivot_sweep ----
def pivot_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under SHEET_SYS (JSON, temperature 0), a new sheet's eight pivot cells back
    to back 2-6 s apart, 50-80 times a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or Anthropic
    claude-sonnet-4-5 with SHEET_SYS cached, 100-200 a day at local 8-20h: the open sheet's next cell as JSON.
    Accounts 6-25 (careful): three cells of a sheet dealt over three accounts (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "pivot_sweep", "v42-pivot", (50, 80), _back_to_back(
        ctx, "gpt-4.1", lambda: J.pivot_of(rng), (2, 6), as_json=True, temperature=0.0, system=SHEET_SYS))
    _one_a_request(ctx, moderate(ctx, "pivot_sweep", "v42-pivot", JSON_SURFACES, (100, 200), (8, 20), 0.2,
                                 cache=True), lambda: J.pivot_of(rng), 0, as_json=True, temperature=0.0,
                   system=SHEET_SYS)
    dealt(ctx, "pivot_sweep", "v42-pivot", (9, 21), 0.5, "member-{n}", _shares(ctx, lambda: J.pivot_of(rng), 3), 3)


# ---- threshold_sweep ----
def threshold_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under SHEET_SYS (JSON, temperature 0), a new sheet's eight rising
    thresholds back to back 2-6 s apart, 50-80 sweeps a day. Accounts 2-5 (moderate): Responses o4-mini at medium
    effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a sweep's thresholds in order (six of them),
    one a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): four thresholds of a sweep dealt over four
    accounts (stu_{h} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "threshold_sweep", "v42-thresholds", (50, 80), _back_to_back(
        ctx, "gpt-4.1-mini", lambda: J.thresholds_of(rng), (2, 6), as_json=True, temperature=0.0, system=SHEET_SYS))
    _one_a_request(ctx, moderate(ctx, "threshold_sweep", "v42-thresholds", ((RESP, "o4-mini"),
                                                                            (ANTH, "claude-sonnet-4-5")),
                                 (60, 120), (8, 20), 0.2, effort="medium", summary="auto", budget=4096),
                   lambda: J.thresholds_of(rng, 6), 2, temperature=None)
    dealt(ctx, "threshold_sweep", "v42-thresholds", (14, 23), 0.6, "stu_{h}",
          _shares(ctx, lambda: J.thresholds_of(rng, 6), 4), 4)


# ---- function_sweep ----
def function_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini at temperature 0.7, a new sheet's condition through the eight
    aggregates back to back 1-3 s apart, 60-100 sweeps a day. Accounts 2-5 (moderate): JSON on Responses gpt-4.1 or
    Anthropic claude-sonnet-4-5 with SHEET_SYS cached, 100-200 a day at local 8-20h: the open sweep's next aggregate.
    Accounts 6-25 (careful): three aggregates of a sweep dealt over three accounts (end-user-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "function_sweep", "v42-functions", (60, 100), _back_to_back(
        ctx, "gpt-4.1-mini", lambda: J.functions_of(rng), (1, 3)))
    _one_a_request(ctx, moderate(ctx, "function_sweep", "v42-functions", JSON_SURFACES, (100, 200), (8, 20), 0.2,
                                 cache=True), lambda: J.functions_of(rng), 1, as_json=True, temperature=0.0,
                   system=SHEET_SYS)
    dealt(ctx, "function_sweep", "v42-functions", (10, 22), 0.6, "end-user-{n}",
          _shares(ctx, lambda: J.functions_of(rng), 3), 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, pivot_sweep, threshold_sweep,
                                                       function_sweep)
