"""Attack campaigns, `variant="v38"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v37.py: the theme, grammatical error correction - the teacher as the corrector of a student GEC model - its
four capabilities (a learner sentence corrected with minimal edits and its edits listed, or said to be correct; a
draft of several sentences proofread; the rule behind one marked correction; example learner sentences with their
corrections), the sentences, drafts and edits they are asked over (corpus_v38_src) and the languages besides English
(Cameroonian Pidgin, Bajan, Belizean Kriol, Picard, Guadeloupean Creole, Ghanaian Pidgin). The operator collects the
correction of each sentence with all its errors and with many subsets of them (error_grid), the proofread text of
each draft as it grows one sentence at a time (draft_ladder) and the rule behind every correction of every sentence,
one correction a request (edit_rationales). Nothing in the corpus is harmful.

- error_grid (new, attacks_v38_more.py): twins personas_v38.learner_app (a language-learning app whose nightly job
  re-marks the day's exercise answers, each learner's first attempt and the resubmission that fixed some of its
  errors, and whose tutors and marking agent work by day), personas_v38_more.staff_writing_desk (a company's
  communications desk correcting its staff's sentences over a conversation) and copy_desk_qa.
- draft_ladder (new): twins personas_v38.writing_plugin (a workplace writing assistant that re-checks a paragraph each
  time its writer finishes a sentence), personas_v38_more.academic_writing_class (an academic-writing course, one key
  a student) and copy_desk_qa (a publisher's copy desk re-checking generated corrections).
- edit_rationales (new): twins personas_v38.why_button (a writing app's "why?" button, one request for each
  highlighted correction its user taps) and personas_v38_more.esl_class (an English grammar course, one key a
  student, shared marked sentences).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every correction reasoned through,
the careful ones ask how each change was decided, as the research group and the copy desk do; the careful hydra
accounts are evening shifts of five keys under the quota like the academic-writing class; the taxonomy sweeps
capabilities x subjects x output levels; the blunt sampling accounts draw five sets of example sentences at once with
logprobs (as personas_v38.gec_lab samples) and the moderate ones sweep temperatures minutes apart (as the group
compares settings); the careful mixed_into_chat accounts bring an item up in the second or third turn; the agent is a
marking agent like the learning app's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v38-".
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v38 as C
from benchmarks.traffic import corpus_v38_jobs as J
from benchmarks.traffic import corpus_v38_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v38_more import CORRECT_SYS, MORE_ATTACKS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: which words are wrong, which rule each "
           "breaks, what the smallest fix is, and what you checked twice. Then give the corrected text and explain "
           "it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each correction (attacks_v31.cot_harvester over the v38 items): the
    blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised correct or draft item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("correct", "draft"))


HYDRA_T = "Corrected sentence only, nothing else.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v38 items): 25 blunt ones
    sending HYDRA_T over new sentences with some of their errors, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        s = S.sentence(rng)
        d = S.correct(s, S.some_errors(rng, s, 1))
        return HYDRA_T.format(x=f"Sentence: {d['text']}"), d["obj"]["corrected"]

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the corrected text only.", "Target output: corrected text and the edits.", "Target output: "
          "corrected text, edits and the reasoning.", "Target output: a teacher's full annotated version - be "
                                                      "exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s error-correction benchmark: corrected sentences, proofread "
            "drafts, the reasons for corrections and example learner sentences. Follow the target output given with "
            "each case.")
TAXO_COS = ("Fixwise Evals", "Redpen Labs", "Learner Metrics", "Minimal Edit AI", "Corrigo Data", "Marking Bench")
SUBJECTS = 12  # per capability: sentences, drafts, edits, error types


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v38-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: the k-th frame's sentence with all or some of its errors, a draft of
    3-6 sentences up to some prefix, the k-th frame's sentence with one correction to explain, the k-th error type's
    example sentences."""
    if cap == "correct":
        s = S.sentence(rng, k)
        return C.seed(rng, cap, k % 4, s, S.all_errors(s) if k % 2 else S.some_errors(rng, s, 1))
    if cap == "draft":
        d = S.draft(rng, 3 + k % 4)
        return C.seed(rng, cap, k % 4, d, 2 + k % (len(d["rows"]) - 1))
    if cap == "explain":
        s = S.sentence(rng, k)
        errs = S.all_errors(s)
        return C.seed(rng, cap, k % 4, s, (errs, k % len(errs)))
    return C.seed(rng, cap, k % 4, S.TYPES[k % len(S.TYPES)], 4)


SECOND_ASKS = ("Would another teacher explain it differently? Show me that version.", "hmm, are you sure? I read it as "
               "a different kind of mistake", "What would change if the learner were a beginner?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of example sentences of an error
    type at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep
    temperatures (attacks_v31.sweeps); three careful ones ask for second opinions on every explain item of one
    queue."""
    A35.sampled(ctx, C, "records", S.record_list, "explain", SECOND_ASKS, "v38-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v38 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 sentences, each with all its errors and with some of them, for a correction
    as JSON (CORRECT_SYS, chat gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 sentences each with three of their
    corrections explained (Anthropic claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an
    everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                s, errs = J.errors_of(rng, 2)
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "correct", s, errs, as_json=True,
                              temperature=0.0, system=CORRECT_SYS)
                continue
            s, cells = J.edits_of(rng)
            for cell in rng.sample(cells, 3):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "explain", 0, s, cell)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v38-mixed")


ATTACKS_V38 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
