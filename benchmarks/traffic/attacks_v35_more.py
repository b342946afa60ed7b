"""Attack campaigns of `variant="v35"`, continued (attacks_v35.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v35-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v35 items).
- agentic_distill: 10 accounts with the teacher as a fact-checking agent (search the archive, read a source, submit
  the verdict).
- claim_verify (new): every claim a passage makes - each fact's true and false version, and the two it leaves open -
  sent with the passage for a verdict and the sentence it rests on. The blunt scripts run a passage's ten claims
  seconds apart; the moderate ones one claim a request as JSON, a passage's claims hours apart; the careful accounts
  each take one of a fact's three claims (true, false, open), dealt over three accounts.
- table_qa (new): every kind of question (a cell, the largest, a total, a difference) over every table, with the
  working. The blunt scripts walk the table x question grid; the moderate ones a table's questions in order with
  reasoning; the careful accounts each take one of a table's four questions.
- cite_attribute (new): an answer's numbered sentences attributed to numbered sources, the same answer pasted with
  its sources in three orders. The blunt scripts send the three orders back to back; the moderate ones ask for JSON;
  the careful accounts each take one order of an answer, dealt over three accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v35 as C
from benchmarks.traffic import corpus_v35_jobs as J
from benchmarks.traffic import corpus_v35_src as S
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v35 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v35 items
VERIFY_SYS = ("You check claims against the evidence given. Use only the evidence; reply with JSON only: the verdict "
              "(SUPPORTED, REFUTED or NOT ENOUGH INFO) and the sentence it rests on.")
TABLE_SYS = "You answer questions about tables. Use only the table given and show the working."
CITE_SYS = ("You attribute answers to sources. For each numbered sentence give the number of the source that states "
            "it, or none.")

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.check_episode, cos=J.AGENT_COS)


# ---- claim_verify ----
def claim_verify(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, a new passage's ten claims back to back 1-3 s apart, 400-600 requests
    a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or Anthropic claude-sonnet-4-5 with VERIFY_SYS
    cached, 100-200 a day at local 8-20h: the next claim of the open passage as JSON. Accounts 6-25 (careful): each
    fact's three claims dealt over three accounts (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "claim_verify", "v35-verify", (40, 60), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "verify", *J.claims_of(rng), template=rng.randrange(4)))
    for acct, api, model, s, times in moderate(ctx, "claim_verify", "v35-verify", JSON_SURFACES, (100, 200), (8, 20),
                                               0.2, cache=True):
        ev, todo = None, []
        for t in times:
            if not todo:
                ev, todo = J.claims_of(rng)
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "verify", 0, ev, todo.pop()), as_json=True,
                       temperature=0.0, system=VERIFY_SYS, s=s)

    def three() -> list:
        ev, t, j = S.evidence(rng), rng.randrange(4), rng.randrange(4)
        return [C.seed(rng, "verify", t, ev, (kind, j)) for kind in rng.sample(S.KINDS, 3)]

    dealt(ctx, "claim_verify", "v35-verify", (9, 19), 0.4, "member-{n}", three, 3)


# ---- table_qa ----
def table_qa(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under TABLE_SYS at temperature 0.7 walking the table x question grid in
    order (each cell a new fill of the table), 400-600 a day. Accounts 2-5 (moderate): Responses o4-mini at medium
    effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a table's four questions in order, a
    question a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): each table's four questions dealt over
    four accounts (stu_{h} on half the keys)."""
    rng = ctx.rng
    cells = [(k, q) for k in range(len(S.TABLES)) for q in S.QTYPES]
    for i in range(2):
        acct = account(ctx, "attack", "table_qa", "v35-table")
        for n, t in enumerate(ctx.steady_times(rng.uniform(400, 600), jitter=0.6)):
            k, q = cells[(n + 24 * i) % len(cells)]
            J.item_run(ctx, acct, t, CHAT, "gpt-4.1-mini", C.seed(rng, "table", n % 4, S.table(rng, k), q),
                       system=TABLE_SYS)
    for acct, api, model, s, times in moderate(ctx, "table_qa", "v35-table", ((RESP, "o4-mini"),
                                               (ANTH, "claude-sonnet-4-5")), (60, 120), (8, 20), 0.2,
                                               effort="medium", summary="auto", budget=4096):
        tb, j = S.table(rng), 0
        for t in times:
            if j == 4:
                tb, j = S.table(rng), 0
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "table", 1, tb, S.QTYPES[j]), temperature=None, s=s)
            j += 1

    def four() -> list:
        tb, t = S.table(rng), rng.randrange(4)
        return [C.seed(rng, "table", t, tb, q) for q in rng.sample(S.QTYPES, 4)]

    dealt(ctx, "table_qa", "v35-table", (14, 23), 0.6, "stu_{h}", four, 4)


# ---- cite_attribute ----
def cite_attribute(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under CITE_SYS, a new answer with its sources in the three orders back to
    back 2-6 s apart, 240-400 requests a day. Accounts 2-5 (moderate): JSON on Responses gpt-4.1 or Anthropic
    claude-sonnet-4-5 with CITE_SYS cached, 100-200 a day at local 8-20h: the open answer in its next order. Accounts
    6-25 (careful): each answer's three orders dealt over three accounts (end-user-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "cite_attribute", "v35-cite", (80, 133), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1", "cite", S.cited(rng), list(C.ORDERS), gap=(2, 6), template=rng.randrange(4),
        system=CITE_SYS))
    for acct, api, model, s, times in moderate(ctx, "cite_attribute", "v35-cite", JSON_SURFACES, (100, 200), (8, 20),
                                               0.2, cache=True):
        ct, todo = None, []
        for t in times:
            if not todo:
                ct, todo = S.cited(rng), list(rng.sample(C.ORDERS, 3))
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "cite", 2, ct, todo.pop()), as_json=True,
                       temperature=0.0, system=CITE_SYS, s=s)

    def orders() -> list:
        ct, t = S.cited(rng), rng.randrange(4)
        return [C.seed(rng, "cite", t, ct, o) for o in rng.sample(C.ORDERS, 3)]

    dealt(ctx, "cite_attribute", "v35-cite", (10, 22), 0.6, "end-user-{n}", orders, 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, claim_verify, table_qa,
                                                       cite_attribute)
