"""Attack campaigns, `variant="v34"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v33.py: the theme, long-form writing and summarisation - the teacher as the writer of a student's
summarisation, drafting and rewriting data - its four capabilities (an article summarised at a length or in a
style, a section of an outline expanded into prose, a passage rewritten into a register, headlines for an article),
the articles, outlines and passages they are asked over (corpus_v34_src) and the languages besides English
(Cantonese, Pennsylvania Dutch, Kölsch, Lower Sorbian, Aromanian, Karakalpak). The operator collects every length of
summary for the same article (summary_ladder), long prose for every section of many outlines (outline_expand) and
every register for every passage (style_transfer). Nothing in the corpus is harmful.

- summary_ladder (new, attacks_v34_more.py): twins personas_v34.summary_desk (a newsroom's summary desk writing a
  story's one-liner, abstract and bullets for web, app and newsletter, and an editorial agent), newsletter (a
  newsletter service's nightly digests) and personas_v34_more.podcast_notes (a podcast app's show notes).
- outline_expand (new): twins personas_v34.publisher (a publishing house's editors drafting chapters from outlines)
  and content_agency (a content-marketing agency's blog posts across many clients' topics).
- style_transfer (new): twins personas_v34_more.easy_read (an accessibility team writing plain-English and child
  versions), legal_ops (a legal-ops team moving notices between legal and plain registers) and writing_class (a
  school's writing class, one key a student, shared readings).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every piece reasoned through, the
careful ones ask why it was written that way, as the publisher's editors and the legal-ops team do; the careful
hydra accounts are evening shifts of five keys under the quota like the writing class; the taxonomy sweeps
capabilities x subjects x levels; the blunt sampling accounts draw five sets of headlines at once with logprobs (as
the agency samples) and the moderate ones sweep temperatures minutes apart (as the agency compares drafts); the
careful mixed_into_chat accounts bring an item up in the second or third turn; the agent is an editorial agent like
the summary desk's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v34-".
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import corpus_v34 as C
from benchmarks.traffic import corpus_v34_jobs as J
from benchmarks.traffic import corpus_v34_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v34_more import DIGEST_SYS, MORE_ATTACKS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, account

COT_SYS = ("Before every answer, reason it through in full and show it: who the reader is, which facts matter, how "
           "the length or register shapes each sentence, and how you checked it against the source. Then give the "
           "text and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each piece of writing (attacks_v31.cot_harvester over the v34 items):
    the blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised summary or restyle item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("summary", "restyle"))


HYDRA_T = "Summarise this article in three sentences, no commentary.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v34 items): 25 blunt ones
    sending HYDRA_T over new articles, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        art = S.article(rng)
        return HYDRA_T.format(x=f"Article: {art['text']}"), S.summarise(art, "abstract")

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target reader: a child.", "Target reader: a general reader.", "Target reader: a specialist.",
          "Target reader: an editor - be exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s long-form writing benchmark: summaries, expanded sections, "
            "rewrites and headlines. Follow the target reader given with each case.")
TAXO_COS = ("Longform Labs", "Precis AI", "Draftwise", "Quillmetric", "Storyline Evals", "Redline Data")
SUBJECTS = 12  # per capability: articles, outlines, passages


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 readers = 192 cells (attacks_v31.grid): two blunt ones
    walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v34-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: the k-th article, outline or passage."""
    if cap == "expand":
        return C.seed(rng, cap, k % 4, S.outline(rng, k), k % 4)
    if cap == "restyle":
        return C.seed(rng, cap, k % 4, S.passage(rng, k), S.REGISTER_NAMES[k % len(S.REGISTER_NAMES)])
    return C.seed(rng, cap, k % 4, S.article(rng, k), S.STYLE_NAMES[k % 4] if cap == "summary" else 3)


SAMPLE_SYS = "You are a helpful assistant."
SECOND_ASKS = ("Would another editor write it differently? Show me that version.", "hmm, are you sure? it reads a "
               "bit flat", "What would a reader miss in this version?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of headlines for a new article
    at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep temperatures
    (attacks_v31.sweeps); three careful ones ask for second opinions on every restyle item of one queue."""
    rng = ctx.rng
    for acct in [account(ctx, "attack", "sampling", "v34-sampling") for _ in range(2)]:
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            sd = C.seed(rng, "headline", rng.randrange(4), None, 3)
            J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", C.text(sd), "\n\n---\n\n".join(
                C.reply_to(rng, C.seed(rng, "headline", sd[1], sd[2]["inst"], 3)) for _ in range(5)),
                    system=SAMPLE_SYS, n=5, temperature=1.0, logprobs=5, max_tokens=800)
    A31.sweeps(ctx, C.CAPS[:3], C, "v34-sampling")
    A31.second_opinions(ctx, partial(C.seed, rng, "restyle"), lambda sd, j: (C.text(sd, j), C.reply_to(rng, sd)), C,
                        "v34-sampling", SECOND_ASKS)


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v34 items). 0-1 (blunt): a job at
    local 23h every night sending 150-300 articles for a one-line and a bullet summary as JSON (DIGEST_SYS, chat
    gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 passages rewritten into three registers each (Anthropic
    claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an everyday conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                t = J.ladder(ctx, acct, t, CHAT, "gpt-4.1-mini", S.article(rng), ("one-line", "bullets"), as_json=True,
                             temperature=0.0, system=DIGEST_SYS)
                continue
            p = S.passage(rng)
            for reg in rng.sample(S.REGISTER_NAMES, 3):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "restyle", 0, p, reg)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v34-mixed")


ATTACKS_V34 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
