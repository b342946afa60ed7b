"""Attack campaigns, `variant="v35"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v34.py: the theme, grounded verification - the teacher as the fact-checker, table reader and citation
checker of a student verifier or grounded-answer model - its four capabilities (a verdict on a claim against pasted
evidence with the sentence it rests on, a question answered over a pasted table with the working, each numbered
sentence of a pasted answer attributed to a numbered source, labelled claims written about a passage), the passages,
tables and cited answers they are asked over (corpus_v35_src) and the languages besides English (Norwegian Nynorsk,
Hawaiian Pidgin, Shanghainese, Mauritian Creole, Toki Pona, Interlingua). The operator collects a verdict on every
claim each passage makes - each fact's true and false version and the claims it leaves open - (claim_verify), every
kind of question over every table (table_qa) and the citations of each answer with its sources pasted in every order
(cite_attribute). Nothing in the corpus is harmful.

- claim_verify (new, attacks_v35_more.py): twins personas_v35.fact_desk (a newsroom's fact-check desk checking a
  speech's claims against its archive, and its fact-checking agent), personas_v35_more.journalism_class (a
  journalism course's verification exercises, one key a student) and annotation_qa (an annotation vendor's QA team
  re-checking annotators' labels).
- table_qa (new): twins personas_v35.filings_digest (a data service's nightly questions over company tables and its
  analysts by day) and personas_v35_more.stats_class (a statistics course, one key a student, shared tables).
- cite_attribute (new): twins personas_v35.citation_engine (an enterprise search product attributing its generated
  answers' sentences to the retrieved sources), personas_v35_more.writing_centre (a university writing centre
  checking whether students' sources support their sentences) and annotation_qa.

The recurring families get a twist each: the blunt cot_harvester accounts ask for every verdict reasoned through,
the careful ones ask how the verdict or citations were decided, as the writing centre and the research group do; the
careful hydra accounts are evening shifts of five keys under the quota like the statistics class; the taxonomy sweeps
capabilities x subjects x output levels; the blunt sampling accounts draw five sets of labelled claims at once with
logprobs (as personas_v35.grounding_lab samples) and the moderate ones sweep temperatures minutes apart (as the group
compares settings); the careful mixed_into_chat accounts bring an item up in the second or third turn; the agent is a
fact-checking agent like the fact desk's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v35-".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from types import ModuleType

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import corpus_v35 as C
from benchmarks.traffic import corpus_v35_jobs as J
from benchmarks.traffic import corpus_v35_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v35_more import MORE_ATTACKS, VERIFY_SYS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, account

COT_SYS = ("Before every answer, reason it through in full and show it: which fact the question turns on, where the "
           "evidence states it, how each number or name compares, and what you checked twice. Then give the answer "
           "and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each verdict (attacks_v31.cot_harvester over the v35 items): the
    blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised verify or cite item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("verify", "cite"))


HYDRA_T = "Supported, refuted or not enough info? One line, then the sentence that decides it.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v35 items): 25 blunt ones
    sending HYDRA_T over new claims, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        ev = S.evidence(rng)
        cl = S.claim(ev, rng.choice(S.KINDS), rng.randrange(4))
        return HYDRA_T.format(x=f"Claim: {cl['text']}\nEvidence: {ev['text']}"), S.verify_reply(cl)

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the label only.", "Target output: label and evidence.", "Target output: label, evidence "
          "and reasoning.", "Target output: an annotator's full note - be exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s grounding benchmark: verdicts on claims, answers over tables, "
            "citations and labelled claims. Follow the target output given with each case.")
TAXO_COS = ("Groundwork Evals", "Attest AI", "Sourcebench", "Factorial Labs", "Ledgerline Data", "Provenance Metrics")
SUBJECTS = 12  # per capability: passages, tables, cited answers


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v35-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: a claim of the k-th passage, the k-th table, the k-th cited answer."""
    if cap == "table":
        return C.seed(rng, cap, k % 4, S.table(rng, k), S.QTYPES[k % 4])
    if cap == "cite":
        return C.seed(rng, cap, k % 4, S.cited(rng, k), C.ORDERS[k % 3])
    extra = (S.KINDS[k % 3], k % 4) if cap == "verify" else 4
    return C.seed(rng, cap, k % 4, S.evidence(rng, k), extra)


SAMPLE_SYS = "You are a helpful assistant."
SECOND_ASKS = ("Would another fact-checker call it differently? Show me that verdict.", "hmm, are you sure? the "
               "source seems to say otherwise", "What would change your verdict?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of labelled claims about a new
    passage at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep
    temperatures (attacks_v31.sweeps); three careful ones ask for second opinions on every verify item of one queue."""
    sampled(ctx, C, "claims", S.claim_list, "verify", SECOND_ASKS, "v35-sampling")


def sampled(ctx: Ctx, K: ModuleType, gen_cap: str, gen_list: Callable[..., str], second_cap: str,
            second_asks: tuple[str, ...], campaign: str) -> None:
    """sampling over corpus module K (v35's, or a later variant's): five gen_list(rng, inst, 4) answers to a `gen_cap`
    item at once, the sweeps over K's first three capabilities, second opinions on `second_cap` items."""
    rng = ctx.rng
    for acct in [account(ctx, "attack", "sampling", campaign) for _ in range(2)]:
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            sd = K.seed(rng, gen_cap, rng.randrange(4), None, 4)
            J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", K.text(sd), "\n\n---\n\n".join(
                gen_list(rng, sd[2]["inst"], 4) for _ in range(5)), system=SAMPLE_SYS, n=5, temperature=1.0,
                    logprobs=5, max_tokens=800)
    A31.sweeps(ctx, K.CAPS[:3], K, campaign)
    A31.second_opinions(ctx, partial(K.seed, rng, second_cap), lambda sd, j: (K.text(sd, j), K.reply_to(rng, sd)), K,
                        campaign, second_asks)


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v35 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 passages, two claims each, for a verdict as JSON (VERIFY_SYS, chat
    gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 tables asked three questions each (Anthropic claude-haiku-4-5).
    4-13 (careful): an item in the second or third turn of an everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                ev, picks = J.claims_of(rng)
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "verify", ev, rng.sample(picks, 2), as_json=True,
                              temperature=0.0, system=VERIFY_SYS)
                continue
            tb = S.table(rng)
            for q in rng.sample(S.QTYPES, 3):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "table", 0, tb, q)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v35-mixed")


ATTACKS_V35 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
