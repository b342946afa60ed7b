"""Attack campaigns, `variant="v42"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v41.py: the theme, spreadsheet formula writing - the teacher as the spreadsheet expert a student formula
model learns from - its four capabilities (a single formula for a task on a pasted sheet, with its result; numbered
lookup formulas with their values; the date formulas of a start and an end date; practice problems on a
single-criterion function with their answers), the sales sheets they are asked over (corpus_v42_src), and the
languages besides English (Meänkieli, Livvi-Karelian, Hunsrik, Palatine German, North Frisian, Saterland Frisian).
The operator collects each sheet's total for eight region x product pairs, each pair sent alone (pivot_sweep), one
count or sum at eight rising thresholds of units (threshold_sweep) and one condition's eight aggregates in a fixed
order (function_sweep). Nothing in the corpus is harmful.

- pivot_sweep (new, attacks_v42_more.py): twins personas_v42.pivot_addin (a spreadsheet add-in whose "explain this
  pivot" panel writes the formula behind the two to five pivot cells its user selects), personas_v42_more.sheets_class
  (a spreadsheet course's unit on conditional sums, one key a student) and audit_desk (an accounting firm's desk
  writing and re-checking client workbooks' formulas).
- threshold_sweep (new): twins personas_v42.report_sync (a reporting service whose nightly job writes each report's
  banding formulas - counts or sums at rising thresholds - as JSON; its support staff and spreadsheet agent work by
  day, its users ask in its chat), audit_desk and personas_v42_more.sheets_forum (a spreadsheet product's help forum
  desk, users bringing their own sheets).
- function_sweep (new): twins personas_v42.summary_cards (a dashboard tool writing a filter's summary cards - total,
  count, average, largest, smallest - as formulas) and personas_v42_more.stats_class (a business statistics course's
  exercises, one aggregate of a shared sheet's filter each, one key a student).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every formula reasoned through,
the careful ones ask how each value was got, as the spreadsheet lab and the audit desk do; the careful hydra accounts
are evening shifts of five keys under the quota like the spreadsheet course; the taxonomy sweeps capabilities x
subjects x output levels, its subjects the functions and columns; the blunt sampling accounts draw five sets of
practice problems at once with logprobs (as personas_v42.sheet_lab samples) and the moderate ones sweep temperatures
minutes apart (as the lab compares settings); the careful mixed_into_chat accounts bring an item up in the second or
third turn; the agent is a spreadsheet agent like the reporting service's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v42-".
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v42 as C
from benchmarks.traffic import corpus_v42_jobs as J
from benchmarks.traffic import corpus_v42_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v42_more import MORE_ATTACKS, SHEET_SYS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: which column is added or looked in, each "
           "criterion and its range, which rows match and why, the arithmetic, and what you checked twice. Then give "
           "the formula, its value and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each formula (attacks_v31.cot_harvester over the v42 items): the
    blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised formula or dates item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("formula", "dates"))


HYDRA_T = "The formula and its result only, nothing else.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v42 items): 25 blunt ones
    sending HYDRA_T over new sheets and tasks, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        sl = C.seed(rng, "formula", 0)[2]
        return HYDRA_T.format(x=sl["body"]), sl["reply"]

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the formula and its value only.", "Target output: the formula, its value and the matching "
          "rows.", "Target output: the formula, its value and the working.", "Target output: a spreadsheet expert's "
                                                                                "fully annotated answer - be exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s spreadsheet benchmark: formulas for tasks, lookups, date "
            "formulas and practice problems. Follow the target output given with each case.")
TAXO_COS = ("Cellbench", "Gridline Evals", "Formula Labs", "Sheetscore AI", "Ledger Data", "Pivot Bench")
SUBJECTS = 12  # per capability: a function x column (formula), a column (lookup), a month (dates), a function


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v42-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: the k-th of eight aggregates (J.CARDS) under a new condition; lookups
    of the k-th column (of five) mostly; a period starting in the k-th month; practice problems on the k-th
    single-criterion function."""
    if cap == "formula":
        rows = S.sheet(rng)
        fn, target = J.CARDS[k % len(J.CARDS)]
        return C.seed(rng, cap, k % 4, rows, (fn, target, (S.criterion(rng, rows),)))
    if cap == "lookup":
        rows = S.sheet(rng)
        want = S.COLS[1 + k % 5]
        return C.seed(rng, cap, k % 4, (rows, [(want, rep) for _, rep in S.lookups(rng, rows, 3 + k % 4)]))
    if cap == "dates":
        start = date(S.YEARS[k // 12 % 2], k % 12 + 1, rng.randint(1, 28))
        return C.seed(rng, cap, k % 4, (str(start), str(start + timedelta(rng.randint(1, 400)))))
    return C.seed(rng, cap, k % 4, (S.SINGLE[k % 3], (20, 50, 100)[k // 3 % 3]), 4)


SECOND_ASKS = ("Would another spreadsheet expert write a different formula? Show me that version.", "hmm, are you "
               "sure? I thought that row matched too", "What would change if the sheet had two more rows?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of practice problems on a
    function at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep
    temperatures (attacks_v31.sweeps); three careful ones ask for second opinions on every formula item of one
    queue."""
    A35.sampled(ctx, C, "records", S.problem_list, "formula", SECOND_ASKS, "v42-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v42 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 sheets, two pivot cells each, as JSON (SHEET_SYS, chat gpt-4.1-mini,
    temperature 0). 2-3 (blunt): 40-80 periods' date formulas each and a sheet's count at three rising thresholds
    (Anthropic claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "formula", *J.pivot_of(rng, 2), as_json=True,
                              temperature=0.0, system=SHEET_SYS)
                continue
            t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "dates", 0)) + rng.uniform(1, 4)
            rows, bands = J.thresholds_of(rng)
            for band in [bands[k] for k in sorted(rng.sample(range(8), 3))]:
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "formula", 0, rows, band)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v42-mixed")


ATTACKS_V42 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
