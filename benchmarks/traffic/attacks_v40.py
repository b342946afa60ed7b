"""Attack campaigns, `variant="v40"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v39.py: the theme, engineering unit conversion and dimensional analysis - the teacher as the engineer a
student unit-converter model learns from - its four capabilities (a quantity converted to another unit of its kind
and rounded to a number of significant figures; several quantities as a numbered conversion table; a compound unit
reduced to SI base units with its dimension and its factor to the named SI unit; practice problems of a quantity kind
with their answers), the quantities, units and compound units they are asked over and their exact factors
(corpus_v40_src), and the languages besides English (Bahamian Creole, Gullah, Solomon Islands Pijin, Saint Lucian
Creole, Jèrriais, Konkani). The operator collects each quantity written in every other unit of its kind
(unit_matrix), each unit pair over a value scaled through eight powers of ten (magnitude_sweep) and each conversion
rounded to one, two, ... six significant figures (precision_ladder). Nothing in the corpus is harmful.

- unit_matrix (new, attacks_v40_more.py): twins personas_v40.unit_widget (an engineering calculator app whose "show
  in" panel converts the typed quantity into the two to four units its user ticks), personas_v40_more.units_class (an
  engineering-units course, one key a student) and spec_review (a consultancy's spec-review desk converting vendor
  datasheets to the client's units and re-checking them).
- magnitude_sweep (new): twins personas_v40.plant_historian (a process plant whose nightly job converts each sensor
  tag's readings, logged from start-up to full load across orders of magnitude, to the plant's units; its engineers
  and data-normalisation agent work by day, its operators ask in its chat), spec_review and
  personas_v40_more.tutor_desk (a technical college's maths-support desk, students bringing their own conversions).
- precision_ladder (new): twins personas_v40.precision_preview (a spec-sheet editor whose value field previews the
  converted value again each time its user steps the precision control) and personas_v40_more.sigfig_class (a
  lab-skills course's exercises on significant figures, one key a student, shared quantities).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every conversion reasoned through,
the careful ones ask how each number was got, as the metrology group and the spec-review desk do; the careful hydra
accounts are evening shifts of five keys under the quota like the units course; the taxonomy sweeps capabilities x
subjects x output levels, its subjects the ten quantity kinds and the compound units' skeletons; the blunt sampling
accounts draw five sets of practice problems at once with logprobs (as personas_v40.metrology_lab samples) and the
moderate ones sweep temperatures minutes apart (as the group compares settings); the careful mixed_into_chat accounts
bring an item up in the second or third turn; the agent is a data-normalisation agent like the plant's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v40-".
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v40 as C
from benchmarks.traffic import corpus_v40_jobs as J
from benchmarks.traffic import corpus_v40_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v40_more import CONVERT_SYS, MORE_ATTACKS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: what kind of quantity it is, the exact factor "
           "of each unit to SI, any offset, every multiplication and division, how the rounding falls and what you "
           "checked twice. Then give the result and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each conversion (attacks_v31.cot_harvester over the v40 items): the
    blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised convert or dims item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("convert", "dims"))


HYDRA_T = "Converted value only, nothing else.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v40 items): 25 blunt ones
    sending HYDRA_T over new quantities, a target unit and a precision each, 40 careful shifts of five keys in local
    evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        sl = C.seed(rng, "convert", 0)[2]
        return HYDRA_T.format(x=sl["body"]), sl["reply"]

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the result only.", "Target output: the result and the factor used.", "Target output: the "
          "result, the factors and the working.", "Target output: an engineer's fully annotated calculation - be "
                                                  "exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s unit-conversion benchmark: conversions, conversion tables, "
            "dimensional analyses and practice problems. Follow the target output given with each case.")
TAXO_COS = ("Unitcheck Evals", "Dimensional Labs", "SI Metrics", "Convertbench AI", "Factor Data", "Gauge Bench")
SUBJECTS = 12  # per capability: a quantity kind or a compound unit's skeleton each


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v40-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: a quantity of the k-th kind to 2-6 significant figures, a table of
    3-6 rows, the k-th skeleton's compound unit, the k-th kind's practice problems."""
    kind, sig = tuple(S.KINDS)[k % len(S.KINDS)], 2 + k % 5
    if cap == "convert":
        q = S.quantity(rng, kind)
        return C.seed(rng, cap, k % 4, q, (rng.choice(S.targets(q)), sig, 0))
    if cap == "table":
        rows = [(q, rng.choice(S.targets(q))) for q in (S.quantity(rng) for _ in range(3 + k % 4))]
        return C.seed(rng, cap, k % 4, rows, sig)
    if cap == "dims":
        return C.seed(rng, cap, k % 4, S.compound(rng, k))
    return C.seed(rng, cap, k % 4, (kind, sig), 4)


SECOND_ASKS = ("Would another engineer round it differently? Show me that version.", "hmm, are you sure? I thought "
               "the factor was the other way round", "What would change if I wanted one more significant figure?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of practice problems of a
    quantity kind at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep
    temperatures (attacks_v31.sweeps); three careful ones ask for second opinions on every convert item of one
    queue."""
    A35.sampled(ctx, C, "records", S.problem_list, "convert", SECOND_ASKS, "v40-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v40 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 quantities, each in two of its kind's other units, as JSON (CONVERT_SYS, chat
    gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 conversions each at three precisions (Anthropic
    claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "convert", *J.units_of(rng, 2), as_json=True,
                              temperature=0.0, system=CONVERT_SYS)
                continue
            q, rungs = J.ladder_of(rng)
            for rung in sorted(rng.sample(rungs, 3), key=lambda x: x[1]):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "convert", 0, q, rung)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v40-mixed")


ATTACKS_V40 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
