"""Attack campaigns, `variant="v43"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v41.py: the theme, regular expressions built from examples - the teacher as the regex engineer a student
pattern-writing model learns from - its four capabilities (a regex matching pasted strings and rejecting others, with
an explanation; a numbered match table of strings against a pasted regex; a broken regex fixed against pasted strings;
practice problems on a character class with their answers), the string shapes they are asked over (corpus_v43_src),
and the languages besides English (Sango, Kituba, Guinea-Bissau Creole, Palenquero, Ndyuka, Saramaccan). The operator
collects one shape with one run's character class swept over eight classes (class_sweep), one shape's accepted strings
with each of eight kinds of rejected string in turn (reject_sweep) and one run's length stepped from one to eight
(count_sweep). Nothing in the corpus is harmful.

- class_sweep (new, attacks_v43_more.py): twins personas_v43.form_builder (a form builder whose validation wizard asks
  a regex for a field under each character class its user toggles, two to five), personas_v43_more.regex_class (a
  programming course's regex unit, one key a student) and qa_desk (a data-quality desk writing and re-checking
  validation rules).
- reject_sweep (new): twins personas_v43.rule_sync (a data-validation service whose nightly job re-derives each
  column's rule against the kinds of bad value the day's imports held; its staff and validation agent work by day,
  its users ask in its chat), qa_desk and personas_v43_more.regex_forum (a regex tool's help forum).
- count_sweep (new): twins personas_v43.schema_tool (a database schema tool writing a column's pattern at each width
  its user tries) and personas_v43_more.width_class (a data-entry course's exercises on field widths, one key a
  student, shared shapes).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every pattern reasoned through,
the careful ones ask how each pattern was built, as the regex lab and the QA desk do; the careful hydra accounts are
evening shifts of five keys under the quota like the regex course; the taxonomy sweeps capabilities x subjects x output
levels, its subjects the character classes; the blunt sampling accounts draw five sets of practice problems at once
with logprobs (as personas_v43.regex_lab samples) and the moderate ones sweep temperatures minutes apart (as the lab
compares settings); the careful mixed_into_chat accounts bring an item up in the second or third turn; the agent is a
validation agent like the validation service's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v43-".
"""

from __future__ import annotations

import random
from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v43 as C
from benchmarks.traffic import corpus_v43_jobs as J
from benchmarks.traffic import corpus_v43_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v43_more import MORE_ATTACKS, REGEX_SYS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: the parts the matching strings share, each "
           "run's characters and length, why each rejected string fails, every escape and anchor and what you checked "
           "twice. Then give the pattern and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each pattern (attacks_v31.cot_harvester over the v43 items): the
    blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised build or fix item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("build", "fix"))


HYDRA_T = "The regex only, nothing else.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v43 items): 25 blunt ones
    sending HYDRA_T over new shapes and strings, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        sl = C.seed(rng, "build", 0)[2]
        return HYDRA_T.format(x=sl["body"]), sl["reply"]

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the pattern only.", "Target output: the pattern and one line on it.", "Target output: the "
          "pattern and its explanation, part by part.", "Target output: a regex engineer's fully annotated "
                                                        "derivation - be exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s regex benchmark: patterns from examples, match tables, fixed "
            "patterns and practice problems. Follow the target output given with each case.")
TAXO_COS = ("Regexbench", "Pattern Evals", "Anchor Labs", "Glob AI", "Matchline Data", "Quantifier Bench")
SUBJECTS = 10  # per capability: a character class each (the k-th of corpus_v43_src.CLASSES)


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 10 subjects x 4 output levels = 160 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v43-taxonomy")


def subject(rng: random.Random, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: a shape with a run of the k-th class (its strings to build or fix a
    regex from, or its regex to test strings against), or practice problems on the class."""
    cls = tuple(S.CLASSES)[k % len(S.CLASSES)]
    if cap == "records":
        return C.seed(rng, cap, k % 4, (cls, tuple(S.LEVELS)[k % 3]), 4)
    inst = S.new_item(rng, None, cls)
    if cap == "test":
        sh = inst["shape"]
        strings = S.accepts(rng, sh, 3) + S.rejects(rng, sh, 3)
        return C.seed(rng, cap, k % 4, (S.pattern(sh), rng.sample(strings, len(strings))))
    return C.seed(rng, cap, k % 4, inst)


SECOND_ASKS = ("Would another engineer write a different pattern? Show me that version.", "hmm, are you sure? I "
               "thought the last rejected one should match", "What would change if the ids could be lower case too?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of practice problems on a class
    at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep temperatures
    (attacks_v31.sweeps); three careful ones ask for second opinions on every build item of one queue."""
    A35.sampled(ctx, C, "records", S.problem_list, "build", SECOND_ASKS, "v43-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v43 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 shapes, each under two character classes, as JSON (REGEX_SYS, chat
    gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 broken regexes fixed each and a shape's accepted strings with
    three kinds of rejected string (Anthropic claude-haiku-4-5). 4-13 (careful): an item in the second or third turn
    of an everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "build", *J.classes_of(rng, 2), as_json=True,
                              temperature=0.0, system=REGEX_SYS)
                continue
            t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "fix", 0)) + rng.uniform(1, 4)
            inst, kinds = J.picked(rng, J.kinds_of(rng), 3, 3)
            for kind in kinds:
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "build", 0, inst, kind)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v43-mixed")


ATTACKS_V43 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
