"""Attack campaigns of `variant="v37"`, continued (attacks_v37.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v37-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v37 items).
- agentic_distill: 10 accounts with the teacher as a listings agent (fetch the listing, check a draft description,
  publish it).
- slot_subsets (new): a venue's meaning representation with all its attributes and then in many subsets, each sent
  alone - the realisation of every attribute combination, what each attribute adds to the text. The blunt scripts
  send a venue's sweep back to back as JSON; the moderate ones a venue's versions in order, one a request, with
  reasoning; the careful accounts each take one of four versions of a venue.
- triple_ladder (new): an entity's triples given one more at a time (its first fact, its first two, ... all of
  them), each set sent alone - how the teacher aggregates a growing fact set. The blunt scripts run an entity's
  ladder seconds apart; the moderate ones a rung a request as JSON, an entity's rungs hours apart; the careful
  accounts each take one of three rungs of an entity, dealt over three accounts.
- window_sweep (new): every window of a monthly series (each three months, each six, the whole year) summarised -
  the change, the peak and the low of every cut. The blunt scripts walk the series x window grid; the moderate ones
  ask for JSON, a series' windows in turn; the careful accounts each take one of three windows of a series.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v37 as C
from benchmarks.traffic import corpus_v37_jobs as J
from benchmarks.traffic import corpus_v37_src as S
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v37 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v37 items
DESCRIBE_SYS = ("You write venue descriptions from meaning representations. Say every attribute given and nothing "
                "else; reply with JSON only: the description and the attributes it uses.")
VERBALISE_SYS = ("You turn knowledge-graph triples into text, one sentence a triple, the subject named first. Reply "
                 "with JSON only: the text and how many facts it states.")
TREND_SYS = "You summarise monthly data. Give the change over the window, the peak and the low, using the values given."

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.listing_episode, cos=J.AGENT_COS)


# ---- slot_subsets ----
def slot_subsets(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under DESCRIBE_SYS (JSON, temperature 0), a new venue with all its attributes
    and then in 4-7 other subsets, back to back 2-6 s apart, 60-90 venues a day. Accounts 2-5 (moderate): Responses
    o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a venue's versions in
    order, one a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): four versions of a venue dealt over four
    accounts (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "slot_subsets", "v37-slots", (60, 90), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1", "describe", *J.subsets_of(rng, rng.randint(5, 8)), gap=(2, 6),
        template=rng.randrange(4), as_json=True, temperature=0.0, system=DESCRIBE_SYS))
    for acct, api, model, s, times in moderate(ctx, "slot_subsets", "v37-slots", ((RESP, "o4-mini"),
                                               (ANTH, "claude-sonnet-4-5")), (60, 120), (8, 20), 0.2,
                                               effort="medium", summary="auto", budget=4096):
        v, todo = None, []
        for t in times:
            if not todo:
                v, todo = J.subsets_of(rng, 4)
                todo.reverse()
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "describe", 1, v, todo.pop()), temperature=None, s=s)

    def four() -> list:
        (v, keys), t = J.subsets_of(rng, 4), rng.randrange(4)
        return [C.seed(rng, "describe", t, v, k) for k in keys]

    dealt(ctx, "slot_subsets", "v37-slots", (9, 19), 0.4, "member-{n}", four, 4)


# ---- triple_ladder ----
def triple_ladder(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, a new entity's ladder (its first triple, its first two, ... all six)
    back to back 1-3 s apart, 60-100 entities a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or
    Anthropic claude-sonnet-4-5 with VERBALISE_SYS cached, 100-200 a day at local 8-20h: the next rung of the open
    entity as JSON. Accounts 6-25 (careful): three rungs of an entity dealt over three accounts (stu_{h} on half the
    keys)."""
    rng = ctx.rng
    blunt(ctx, "triple_ladder", "v37-triples", (60, 100), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "verbalise", *J.ladder_of(rng), template=rng.randrange(4)))
    for acct, api, model, s, times in moderate(ctx, "triple_ladder", "v37-triples", JSON_SURFACES, (100, 200),
                                               (8, 20), 0.2, cache=True):
        e, todo = None, []
        for t in times:
            if not todo:
                e, todo = J.ladder_of(rng)
                todo.reverse()
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "verbalise", 0, e, todo.pop()), as_json=True,
                       temperature=0.0, system=VERBALISE_SYS, s=s)

    def three() -> list:
        (e, ks), t = J.ladder_of(rng), rng.randrange(4)
        return [C.seed(rng, "verbalise", t, e, k) for k in sorted(rng.sample(ks, 3))]

    dealt(ctx, "triple_ladder", "v37-triples", (14, 23), 0.6, "stu_{h}", three, 3)


# ---- window_sweep ----
def window_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under TREND_SYS at temperature 0.7 walking the series x window grid in
    order (each cell a new draw of the series), 400-600 a day. Accounts 2-5 (moderate): JSON on Responses gpt-4.1 or
    Anthropic claude-sonnet-4-5 with TREND_SYS cached, 100-200 a day at local 8-20h: the open series in its next
    window. Accounts 6-25 (careful): three windows of a series dealt over three accounts (end-user-{n} on half the
    keys)."""
    rng = ctx.rng
    cells = [(k, w) for k in range(len(S.SERIES)) for w in S.WINDOWS]
    for i in range(2):
        acct = account(ctx, "attack", "window_sweep", "v37-windows")
        for n, t in enumerate(ctx.steady_times(rng.uniform(400, 600), jitter=0.6)):
            k, w = cells[(n + 108 * i) % len(cells)]
            J.item_run(ctx, acct, t, CHAT, "gpt-4.1-mini", C.seed(rng, "trend", n % 4, S.series(rng, k), w),
                       system=TREND_SYS)
    for acct, api, model, s, times in moderate(ctx, "window_sweep", "v37-windows", JSON_SURFACES, (100, 200),
                                               (8, 20), 0.2, cache=True):
        sr, todo = None, []
        for t in times:
            if not todo:
                sr = S.series(rng)
                todo = list(rng.sample(S.WINDOWS, 3))
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "trend", 2, sr, todo.pop()), as_json=True,
                       temperature=0.0, system=TREND_SYS, s=s)

    def windows() -> list:
        sr, t = S.series(rng), rng.randrange(4)
        return [C.seed(rng, "trend", t, sr, w) for w in rng.sample(S.WINDOWS, 3)]

    dealt(ctx, "window_sweep", "v37-windows", (10, 22), 0.6, "end-user-{n}", windows, 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, slot_subsets, triple_ladder,
                                                       window_sweep)
