"""Attack campaigns of `variant="v38"`, continued (attacks_v38.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v38-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v38 items).
- agentic_distill: 10 accounts with the teacher as a marking agent (fetch a submission, look up a rule, post the
  corrected sentence with feedback).
- error_grid (new): a sentence with all its errors and then with many subsets of them (none, now and then), each
  sent alone - the correction of every combination of errors, what each error's fix looks like alone and among the
  others. The blunt scripts send a sentence's sweep back to back as JSON; the moderate ones a sentence's versions in
  order, one a request, with reasoning; the careful accounts each take one of four versions of a sentence.
- draft_ladder (new): a draft's sentences given one more at a time (its first sentence, its first two, ... all of
  them), each prefix sent alone - how the teacher corrects in context as a text grows. The blunt scripts run a
  draft's ladder seconds apart; the moderate ones a rung a request as JSON, a draft's rungs hours apart; the careful
  accounts each take one of three rungs of a draft, dealt over three accounts.
- edit_rationales (new): every correction of a sentence (each error site of each frame) explained alone - the rule
  and the error type of every cell of the frame x site grid. The blunt scripts walk the grid; the moderate ones ask
  for JSON, a sentence's corrections in turn; the careful accounts each take one of three corrections of a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v38 as C
from benchmarks.traffic import corpus_v38_jobs as J
from benchmarks.traffic import corpus_v38_src as S
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v38 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v38 items
CORRECT_SYS = ("You correct learners' English sentences with as few changes as possible. Reply with JSON only: the "
               "corrected sentence and each edit (from, to, type).")
DRAFT_SYS = ("You proofread learners' drafts, one corrected sentence for each of theirs, in order. Reply with JSON "
             "only: the text, how many sentences and how many corrections.")
EXPLAIN_SYS = "You explain corrections to language learners. Give the rule the learner broke and the error type."

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.marking_episode, cos=J.AGENT_COS)


# ---- error_grid ----
def error_grid(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under CORRECT_SYS (JSON, temperature 0), a new sentence with all its errors
    and then with 4-7 other subsets of them, back to back 2-6 s apart, 60-90 sentences a day. Accounts 2-5 (moderate):
    Responses o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a sentence's
    versions in order, one a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): four versions of a
    sentence dealt over four accounts (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "error_grid", "v38-grid", (60, 90), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1", "correct", *J.errors_of(rng, rng.randint(5, 8)), gap=(2, 6),
        template=rng.randrange(4), as_json=True, temperature=0.0, system=CORRECT_SYS))
    for acct, api, model, s, times in moderate(ctx, "error_grid", "v38-grid", ((RESP, "o4-mini"),
                                               (ANTH, "claude-sonnet-4-5")), (60, 120), (8, 20), 0.2,
                                               effort="medium", summary="auto", budget=4096):
        sn, todo = None, []
        for t in times:
            if not todo:
                sn, todo = J.errors_of(rng, 4)
                todo.reverse()
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "correct", 1, sn, todo.pop()), temperature=None, s=s)

    def four() -> list:
        (sn, errs), t = J.errors_of(rng, 4), rng.randrange(4)
        return [C.seed(rng, "correct", t, sn, e) for e in errs]

    dealt(ctx, "error_grid", "v38-grid", (9, 19), 0.4, "member-{n}", four, 4)


# ---- draft_ladder ----
def draft_ladder(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, a new draft's ladder (its first sentence, its first two, ... all of
    them) back to back 1-3 s apart, 60-100 drafts a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format
    or Anthropic claude-sonnet-4-5 with DRAFT_SYS cached, 100-200 a day at local 8-20h: the next rung of the open
    draft as JSON. Accounts 6-25 (careful): three rungs of a draft dealt over three accounts (stu_{h} on half the
    keys)."""
    rng = ctx.rng
    blunt(ctx, "draft_ladder", "v38-drafts", (60, 100), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "draft", *J.ladder_of(rng), template=rng.randrange(4)))
    for acct, api, model, s, times in moderate(ctx, "draft_ladder", "v38-drafts", JSON_SURFACES, (100, 200),
                                               (8, 20), 0.2, cache=True):
        d, todo = None, []
        for t in times:
            if not todo:
                d, todo = J.ladder_of(rng)
                todo.reverse()
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "draft", 0, d, todo.pop()), as_json=True,
                       temperature=0.0, system=DRAFT_SYS, s=s)

    def three() -> list:
        (d, ks), t = J.ladder_of(rng, rng.randint(4, 6)), rng.randrange(4)
        return [C.seed(rng, "draft", t, d, k) for k in sorted(rng.sample(ks, 3))]

    dealt(ctx, "draft_ladder", "v38-drafts", (14, 23), 0.6, "stu_{h}", three, 3)


# ---- edit_rationales ----
def edit_rationales(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under EXPLAIN_SYS at temperature 0.7 walking the frame x site grid in
    order (each cell a new sentence of the frame with all its errors), 400-600 a day. Accounts 2-5 (moderate): JSON on
    Responses gpt-4.1 or Anthropic claude-sonnet-4-5 with EXPLAIN_SYS cached, 100-200 a day at local 8-20h: the open
    sentence's next correction. Accounts 6-25 (careful): three corrections of a sentence dealt over three accounts
    (end-user-{n} on half the keys)."""
    rng = ctx.rng
    cells = [(k, j) for k in range(len(S.FRAMES)) for j in range(len(S.sites(k)))]
    for i in range(2):
        acct = account(ctx, "attack", "edit_rationales", "v38-rationales")
        for n, t in enumerate(ctx.steady_times(rng.uniform(400, 600), jitter=0.6)):
            k, j = cells[(n + 33 * i) % len(cells)]
            sn = S.sentence(rng, k)
            J.item_run(ctx, acct, t, CHAT, "gpt-4.1-mini", C.seed(rng, "explain", n % 4, sn, (S.all_errors(sn), j)),
                       system=EXPLAIN_SYS)
    for acct, api, model, s, times in moderate(ctx, "edit_rationales", "v38-rationales", JSON_SURFACES, (100, 200),
                                               (8, 20), 0.2, cache=True):
        sn, todo = None, []
        for t in times:
            if not todo:
                sn, todo = J.edits_of(rng)
                todo = rng.sample(todo, 3)
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "explain", 2, sn, todo.pop()), as_json=True,
                       temperature=0.0, system=EXPLAIN_SYS, s=s)

    def three() -> list:
        (sn, cs), t = J.edits_of(rng), rng.randrange(4)
        return [C.seed(rng, "explain", t, sn, c) for c in rng.sample(cs, 3)]

    dealt(ctx, "edit_rationales", "v38-rationales", (10, 22), 0.6, "end-user-{n}", three, 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, error_grid, draft_ladder,
                                                       edit_rationales)
