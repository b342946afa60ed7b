"""Attack campaigns, `variant="v37"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v36.py: the theme, data-to-text - the teacher as the verbaliser of a student data-to-text model - its four
capabilities (a venue's description from a pasted meaning representation, every attribute said and nothing else; a
text from pasted triples, one sentence a triple; a trend summary of a pasted monthly series; example records with
their texts), the venues, entities and series they are asked over (corpus_v37_src) and the languages besides English
(Swabian, Réunion Creole, Chavacano, Guyanese Creole, Kapampangan, Emilian). The operator collects the description of
each venue with all its attributes and in many subsets of them (slot_subsets), the text of each entity's fact set
grown one triple at a time (triple_ladder) and the summary of every window of each series (window_sweep). Nothing in
the corpus is harmful.

- slot_subsets (new, attacks_v37_more.py): twins personas_v37.listing_site (a restaurant-listings site whose nightly
  job re-describes every venue whose listing changed, with its old and its new attributes, and whose editors and
  listings agent work by day), personas_v37_more.hospitality_desk (a hospitality group's marketing staff asking for
  their venues' descriptions over a conversation) and content_qa.
- triple_ladder (new): twins personas_v37.knowledge_panel (an encyclopedia's panel writer regenerating an entity's
  blurb each time its editors add a fact), personas_v37_more.semantic_web_class (a linked-data course, one key a
  student) and content_qa (a travel platform's content team re-checking generated descriptions and blurbs).
- window_sweep (new): twins personas_v37.dashboard_narratives (a dashboard product writing each chart's trend
  narrative as its users move the date range) and personas_v37_more.dataviz_class (a data-visualisation course, one
  key a student, shared series).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every description or text reasoned
through, the careful ones ask how it was written from the data, as the research group and the content team do; the
careful hydra accounts are evening shifts of five keys under the quota like the linked-data class; the taxonomy
sweeps capabilities x subjects x output levels; the blunt sampling accounts draw five sets of example records at once
with logprobs (as personas_v37.nlg_lab samples) and the moderate ones sweep temperatures minutes apart (as the group
compares settings); the careful mixed_into_chat accounts bring an item up in the second or third turn; the agent is a
listings agent like the listing site's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v37-".
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v37 as C
from benchmarks.traffic import corpus_v37_jobs as J
from benchmarks.traffic import corpus_v37_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v37_more import DESCRIBE_SYS, MORE_ATTACKS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: which fields the data gives, what each one "
           "must become in the text, what must be left out, and what you checked twice. Then give the text and "
           "explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each description or text (attacks_v31.cot_harvester over the v37
    items): the blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful
    pair at a power user's pace asking one of C.WHY_ASKS after a disguised describe or verbalise item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("describe", "verbalise"))


HYDRA_T = "One sentence a triple, nothing else.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v37 items): 25 blunt ones
    sending HYDRA_T over new entities' first two to six triples, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        v = S.verbalise(S.entity(rng), rng.randint(2, 6))
        return HYDRA_T.format(x=f"Triples:\n{v['layout']}"), v["text"]

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the text only.", "Target output: text and the fields it uses.", "Target output: text, "
          "fields and the reasoning.", "Target output: a writer's full annotated version - be exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s data-to-text benchmark: descriptions, verbalised triples, "
            "trend summaries and example records. Follow the target output given with each case.")
TAXO_COS = ("Verbal Evals", "Tabletalk Labs", "Recordline AI", "Faithful Metrics", "Datavoice", "Slotwise Data")
SUBJECTS = 12  # per capability: venues, entities, series, domains


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v37-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: a venue with all or some of its attributes, an entity of the k-th
    kind with some of its triples, the k-th series in a window, the k-th domain's records."""
    if cap == "describe":
        return C.seed(rng, cap, k % 4, S.venue(rng), S.SLOTS if k % 2 else S.subset(rng, 3))
    if cap == "verbalise":
        return C.seed(rng, cap, k % 4, S.entity(rng, tuple(S.KINDS)[k % len(S.KINDS)]), 2 + k % 5)
    if cap == "trend":
        return C.seed(rng, cap, k % 4, S.series(rng, k), S.WINDOWS[k % len(S.WINDOWS)])
    return C.seed(rng, cap, k % 4, S.DOMAINS[k % len(S.DOMAINS)], 4)


SECOND_ASKS = ("Would another analyst sum it up differently? Show me that version.", "hmm, are you sure? I read the "
               "peak as a different month", "What would change if the last month were left out?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of example records of a domain
    at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep temperatures
    (attacks_v31.sweeps); three careful ones ask for second opinions on every trend item of one queue."""
    A35.sampled(ctx, C, "records", S.record_list, "trend", SECOND_ASKS, "v37-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v37 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 venues, each with all its attributes and in one subset, for a description
    as JSON (DESCRIBE_SYS, chat gpt-4.1-mini, temperature 0). 2-3 (blunt): 40-80 series each summarised over three
    windows (Anthropic claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an everyday
    conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                v, keys = J.subsets_of(rng, 2)
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "describe", v, keys, as_json=True,
                              temperature=0.0, system=DESCRIBE_SYS)
                continue
            sr = S.series(rng)
            for w in rng.sample(S.WINDOWS, 3):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "trend", 0, sr, w)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v37-mixed")


ATTACKS_V37 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
