"""Attack campaigns, `variant="v33"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v32.py: the theme, synthetic-instruction and retrieval data - the teacher as the generator of a student's
instruction set and of a retriever's training data - its four capabilities (an instruction rewritten harder by one
evolution method, the SQL for a question over a pasted schema, search queries a pasted passage answers, a relevance
label for a query against a passage), the instructions, databases and passages they are asked over
(corpus_v33_src) and the languages besides English (Scots, Nigerian Pidgin, Jamaican Patois, Mirandese, Ladin,
Tuvan). The operator grows its student's instruction-tuning set Evol-Instruct style (each evolved instruction
pasted back to be evolved again, then asked by itself for the answer), its text-to-SQL set from templated questions
over many schemas, and its retriever's training pairs InPars/Promptagator style (passages in, queries out, then
relevance labels to filter them). Nothing in the corpus is harmful.

- evol_instruct (new, attacks_v33_more.py): twins personas_v33.exam_college (a teacher-training college writing
  harder versions of past-paper questions, then their model answers) and personas_v33.prompt_lab (a prompt
  consultancy iterating its clients' prompts).
- text_to_sql (new): twins personas_v33.bi_tool (a BI tool turning analysts' questions into SQL at volume, with an
  analytics agent), personas_v33_more.sql_course (a database course's tutor, one key a student, a shared exercise
  bank) and hackathon (a weekend hackathon's team keys).
- query_gen (new): twins personas_v33.search_augment (a search team growing its query logs and filtering them with
  a relevance model), personas_v33_more.catalogue_search (an e-commerce catalogue team), docs_related (a
  documentation site's "related questions") and rag_eval (a RAG team labelling what its retriever found).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every item reasoned through
(effort high, thinking budgets maxed), the careful ones ask how the result was reached, as the college and the prompt
consultancy do; the careful hydra accounts are evening shifts of five keys under the quota like the SQL course, and
the hackathon's keys open in waves like the shifts; the taxonomy sweeps capabilities x subjects x levels; the blunt
sampling accounts draw five sets of queries at once with logprobs (as the search team samples) and the moderate ones
sweep temperatures minutes apart (as the prompt consultancy compares its prompts); the careful mixed_into_chat
accounts bring an item up in the second or third turn of an everyday conversation; the agent is an analytics agent
like the BI tool's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging (a tenant logs outputs, `response_text`, with the same 30% chance whoever it is). The scenario names are
attacks.py's, so the evaluation tables line up, plus three new attack types, all with campaign ids starting "v33-":
this module has cot_harvester, hydra, taxonomy, sampling and mixed_into_chat; attacks_v33_more.py has paraphrased,
agentic_distill and the new evol_instruct, text_to_sql and query_gen.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import corpus_v33 as C
from benchmarks.traffic import corpus_v33_jobs as J
from benchmarks.traffic import corpus_v33_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v33_more import MORE_ATTACKS, QGEN_SYS, SQL_SYS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, account

COT_SYS = ("Before every answer, reason it through in full and show it: what the task needs, which tables, sentences "
           "or constraints matter, every step of the work and how you checked it. Then give the result and explain "
           "it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each generated item (attacks_v31.cot_harvester over the v33 items).
    The blunt pair run around the clock over the four capabilities in turn, every answer with its reasoning shown:
    one on Responses o4-mini (reasoning effort high, a detailed summary, COT_SYS as instructions, max_output_tokens
    16,000), 300-450 a day; one on Anthropic claude-sonnet-4-5 (a thinking budget of 16,000, COT_SYS as a cached
    system block), 250-380 a day (attacks_v32.BLUNT_COT). The careful pair keep a power user's pace - 35-75 requests a
    day in daytime sessions of 2-5, weekends x0.6 - in one voice (20% in the v33 languages) with no system prompt, on
    Anthropic with a thinking budget of 6,000-8,000 or on Responses at medium effort with an auto summary: 85% of
    their conversations open with a disguised evolve or sql item (one kind an account) and one of C.WHY_ASKS
    (C.why_talk: the result and the reasoning behind it, 600-2,000 tokens), going on in 70% with a follow-up timed by
    reading; the rest are everyday questions."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("evolve", "sql"))


HYDRA_T = "Write the SQL only, no explanation.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v33 items). Accounts 0-24
    (blunt): 14-24 a day evenly spaced around the clock, HYDRA_T over new questions (Schema / Question), the SQL back
    in a fenced block, Responses o4-mini at effort high with a detailed summary. Accounts 25-224 (careful): 40 shifts
    of five keys (attacks_v31.shift): each shift in one time zone (members within half an hour of it) with one
    capability and one batch of items, active on 3-4 consecutive days from a first day drawn over the window; each
    member 8-20 a day in local evening sessions of 1-4 (at most 22 a UTC day), a voice each (30% in the v33
    languages), 15-30% everyday conversations; Anthropic with a thinking budget (40%), Responses at medium or high
    effort (30%) or chat (30%); a member pastes the batch's next item or, 30% of the time, one another member already
    pasted, asks in its voice, and follows up after reading."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        case = S.sql_case(rng)
        return HYDRA_T.format(x=S.sql_layout(case)), f"```sql\n{case['sql']}\n```"

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target level: introductory.", "Target level: intermediate.", "Target level: advanced.",
          "Target level: expert - be exhaustive.")
TAXO_SYS = ("You write the reference items of {co}'s synthetic-data benchmark: evolved instructions, text-to-SQL "
            "answers, generated search queries and relevance labels. Follow the level given with each case.")
TAXO_COS = ("Evolvable", "Seedset Labs", "Querysmith", "Tabula Data", "Gradient Garden", "Instructa")
SUBJECTS = 16  # per capability: seed instructions, databases x question types, passages


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid: 4 capabilities x 16 subjects x 4 levels = 256 cells (attacks_v31.grid). Accounts
    0-1 (blunt) walk their half in order ('Cell i/N [capability / subject / level]'), 150-250 a day around the clock,
    chat gpt-4.1 at temperature 0.7. Accounts 2-7 (careful) take a shuffled sixth each under a made-up synthetic-data
    benchmark's system prompt, three phrasings, in batches of 2-5 at local office hours (9-18h, outside x0.05,
    weekends x0.2), a follow-up after 20% of items: Anthropic with the prompt cached (a thinking budget of 4,096 on the
    expert cells) or Responses gpt-5-mini at medium effort."""
    leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v33-taxonomy")


def leveled_grid(ctx: Ctx, corpus, subject, subjects: int, levels: tuple[str, ...], taxo_sys: str,
                 taxo_cos: tuple[str, ...], name: str) -> None:
    """attacks_v31.grid over capabilities x `subjects` subjects (`subject(rng, cap, k)`: the k-th item of a capability)
    x levels (one line each, 'Target ...: x.'): blunt cells headed 'Cell i/N [capability / subject / level]', careful
    ones opening on their level line; the last level's cells are worked on with thinking."""
    rng = ctx.rng
    seeds = {(cap, k): subject(rng, cap, k) for cap in corpus.CAPS for k in range(subjects)}

    def walked(i: int, n: int, cell: tuple[str, int, int]) -> tuple[str, str]:
        cap, sub, w = cell
        head = f"Cell {i}/{n} [{cap} / subject {sub + 1} / {levels[w].split(': ')[1]}]"
        return f"{head}\n\n{corpus.text(seeds[(cap, sub)])}", corpus.reply_to(rng, seeds[(cap, sub)])

    def case(rng, cell: tuple[str, int, int], phrasing: int) -> tuple[str, str, bool]:
        cap, sub, w = cell
        item = seeds[(cap, sub)]
        return f"{levels[w]}\n\n{corpus.text(item, phrasing)}", corpus.reply_to(rng, item), w == len(levels) - 1

    A31.grid(ctx, list(itertools.product(corpus.CAPS, range(subjects), range(len(levels)))), walked, case, taxo_sys,
             taxo_cos, corpus, name)


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: the k-th seed instruction with the k-th method, the k-th database
    with a question type, the k-th passage."""
    if cap == "evolve":
        return C.seed(rng, cap, k % 4, S.instruction(rng, k=k), S.METHOD_NAMES[k % len(S.METHOD_NAMES)])
    if cap == "sql":
        return C.seed(rng, cap, k % 4, S.sql_case(rng, k % len(S.DOMAINS), k % len(S.QUESTIONS)))
    return C.seed(rng, cap, k % 4, S.passage(rng, k))


SAMPLE_SYS = "You are a helpful assistant."
SECOND_ASKS = ("Would another analyst write it differently? Show me that version.", "hmm, are you sure? I'd have "
               "used a subquery", "What would make this query give a wrong answer on real data?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts, on the teacher's output distribution. The two blunt ones take five sets of three queries for a new
    passage at once (chat gpt-4.1-mini under SAMPLE_SYS, n=5, temperature 1.0, logprobs with top_logprobs 5),
    150-250 a day around the clock. Three moderate ones sweep temperatures (attacks_v31.sweeps): an item (evolve, sql
    or queries, one kind an account) at chat's 0.2, 0.7 and 1.2 or Anthropic's 0.0, 0.5 and 1.0, each sent 5-60 s
    after the one before came back, 8-20 rounds a day in daytime sessions (weekends x0.5). Three careful ones ask for
    second opinions (attacks_v31.second_opinions): every sql item of one queue goes to all three, 6-36 hours apart,
    each in a phrasing, on a surface (Anthropic with thinking, Responses at high effort, chat) and in a voice of its
    own; one or two of SECOND_ASKS follow after the reply is read; daytime sessions of 1-3, 15-35 a day (weekends
    x0.6)."""
    rng = ctx.rng
    for acct in [account(ctx, "attack", "sampling", "v33-sampling") for _ in range(2)]:
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            J.queries_run(ctx, acct, t, CHAT, "gpt-4.1-mini", S.passage(rng), 3, n=5, temperature=1.0, logprobs=5,
                          system=SAMPLE_SYS, max_tokens=800)
    A31.sweeps(ctx, C.CAPS[:3], C, "v33-sampling")
    A31.second_opinions(ctx, partial(C.seed, rng, "sql"), lambda sd, j: (C.text(sd, j), C.reply_to(rng, sd)), C,
                        "v33-sampling", SECOND_ASKS)


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners and owner_chat over the v33 items: 10-45
    requests a day in sessions of 3-10, weekends x0.8, everyday conversations), on a surface of their own (thinking or
    reasoning for some), while the same key also harvests. 0-1 (blunt): a job at local 23h every night sending 150-300
    questions for JSON SQL (SQL_SYS, chat gpt-4.1-mini, response_format json_schema, temperature 0), a database's
    questions four in a row 1-4 s apart. 2-3 (blunt): a job at local 23h sending 75-150 passages for three search
    queries each (QGEN_SYS, Anthropic claude-haiku-4-5), each followed by one query labelled against its passage.
    4-13 (careful): no harvesting request ever opens a conversation: in 35-50% of the owner's conversations an
    everyday question comes first, and an item of the four capabilities follows in the second or third turn after a
    segue, then follow-ups, all timed by reading, in the owner's voice, model and `user` (a product's single id for
    30% of owners)."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        db = rng.randrange(len(S.DOMAINS))
        for j in range(rng.randint(150, 300) // (1 if i < 2 else 2)):
            if i < 2:
                db = db if j % 4 else rng.randrange(len(S.DOMAINS))
                t = J.sql_run(ctx, acct, t, CHAT, "gpt-4.1-mini", S.sql_case(rng, db), lead="",
                              system=SQL_SYS) + rng.uniform(1, 4)
                continue
            inst = S.passage(rng)
            t, _ = J.queries_run(ctx, acct, t, ANTH, "claude-haiku-4-5", inst, 3, system=QGEN_SYS)
            t = J.label_run(ctx, acct, t + rng.uniform(1, 4), ANTH, "claude-haiku-4-5", inst, S.probe(rng, inst),
                            mode="prose", lead="Is the passage relevant to the query?") + rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v33-mixed")


ATTACKS_V33 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
