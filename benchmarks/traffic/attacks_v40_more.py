"""Attack campaigns of `variant="v40"`, continued (attacks_v40.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v40-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v40 items).
- agentic_distill: 10 accounts with the teacher as a data-normalisation agent (read a sensor tag, look its unit up,
  save the converted value).
- unit_matrix (new): one quantity converted to every other unit of its kind, each target sent alone - the same
  quantity written in every unit side by side, the pairs a student converter learns its factors from. The blunt
  scripts send a quantity's five targets back to back as JSON; the moderate ones a quantity's targets in turn, one a
  request; the careful accounts each take one of three targets of a quantity.
- magnitude_sweep (new): one unit pair and one mantissa, the value scaled through eight consecutive powers of ten
  (0.0037, 0.037, ... 37000), each sent alone at one precision - where the result's decimal point moves and when it
  must be written in scientific notation. The blunt scripts send a sweep back to back as JSON; the moderate ones its
  values in order, one a request, with reasoning; the careful accounts each take one of four values of a sweep.
- precision_ladder (new): one conversion rounded to one significant figure, two, ... six, each sent alone - how the
  rounding falls and where trailing zeros are kept. The blunt scripts run a ladder seconds apart; the moderate ones a
  rung a request as JSON, a conversion's rungs hours apart; the careful accounts each take one of three rungs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v40 as C
from benchmarks.traffic import corpus_v40_jobs as J
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v40 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v40 items
CONVERT_SYS = ("You convert engineering quantities to the unit asked for, exactly, and round to the significant "
               "figures asked. Reply with JSON only: the value, the unit and the significant figures.")

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.normalise_episode, cos=J.AGENT_COS)


def _cells(new: Callable[[], tuple], template: int, rng) -> Iterator[tuple]:
    """Items without end, a sweep at a time: each new() quantity's cells as convert items, in the sweep's order."""
    while True:
        q, cells = new()
        yield from (C.seed(rng, "convert", template, q, x) for x in cells)


def _walk(ctx: Ctx, accounts, new: Callable[[], tuple], template: int, **kw) -> None:
    """The moderate accounts: each works through its own sweeps, one item a request at each of its times."""
    for acct, api, model, s, times in accounts:
        items = _cells(new, template, ctx.rng)
        for t in times:
            J.item_run(ctx, acct, t, api, model, next(items), s=s, **kw)


def _dealt_cells(ctx: Ctx, new: Callable[[], tuple], takers: int) -> Callable[[], list]:
    """A careful campaign's item maker: `takers` cells of a new sweep (in sweep order), one template throughout."""
    rng = ctx.rng

    def make() -> list:
        (q, cells), t = new(), rng.randrange(4)
        picked = sorted(rng.sample(range(len(cells)), takers))
        return [C.seed(rng, "convert", t, q, cells[j]) for j in picked]

    return make


# ---- unit_matrix ----
def unit_matrix(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under CONVERT_SYS (JSON, temperature 0), a new quantity in all five other
    units of its kind back to back 2-6 s apart, 60-90 quantities a day. Accounts 2-5 (moderate): Responses gpt-4.1
    with text.format or Anthropic claude-sonnet-4-5 with CONVERT_SYS cached, 100-200 a day at local 8-20h: the open
    quantity's next unit as JSON. Accounts 6-25 (careful): three units of a quantity dealt over three accounts
    (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "unit_matrix", "v40-units", (60, 90), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1", "convert", *J.units_of(rng), gap=(2, 6), template=rng.randrange(4),
        as_json=True, temperature=0.0, system=CONVERT_SYS))
    _walk(ctx, moderate(ctx, "unit_matrix", "v40-units", JSON_SURFACES, (100, 200), (8, 20), 0.2, cache=True),
          lambda: J.units_of(rng), 0, as_json=True, temperature=0.0, system=CONVERT_SYS)
    dealt(ctx, "unit_matrix", "v40-units", (9, 21), 0.5, "member-{n}", _dealt_cells(ctx, lambda: J.units_of(rng), 3),
          3)


# ---- magnitude_sweep ----
def magnitude_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under CONVERT_SYS (JSON, temperature 0), a new unit pair and mantissa
    through eight powers of ten back to back 2-6 s apart, 50-80 sweeps a day. Accounts 2-5 (moderate): Responses
    o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a sweep's values in
    order (five of them), one a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): four values of a
    sweep dealt over four accounts (stu_{h} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "magnitude_sweep", "v40-magnitude", (50, 80), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "convert", *J.magnitudes_of(rng, 8), gap=(2, 6),
        template=rng.randrange(4), as_json=True, temperature=0.0, system=CONVERT_SYS))
    _walk(ctx, moderate(ctx, "magnitude_sweep", "v40-magnitude", ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5")),
                        (60, 120), (8, 20), 0.2, effort="medium", summary="auto", budget=4096),
          lambda: J.magnitudes_of(rng, 5), 2, temperature=None)
    dealt(ctx, "magnitude_sweep", "v40-magnitude", (14, 23), 0.6, "stu_{h}",
          _dealt_cells(ctx, lambda: J.magnitudes_of(rng, 6), 4), 4)


# ---- precision_ladder ----
def precision_ladder(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini at temperature 0.7, a new conversion's ladder (1 to 6 significant
    figures) back to back 1-3 s apart, 70-110 ladders a day. Accounts 2-5 (moderate): JSON on Responses gpt-4.1 or
    Anthropic claude-sonnet-4-5 with CONVERT_SYS cached, 100-200 a day at local 8-20h: the open conversion's next
    rung. Accounts 6-25 (careful): three rungs of a conversion dealt over three accounts (end-user-{n} on half the
    keys)."""
    rng = ctx.rng
    blunt(ctx, "precision_ladder", "v40-precision", (70, 110), lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, "gpt-4.1-mini", "convert", *J.ladder_of(rng), template=rng.randrange(4)))
    _walk(ctx, moderate(ctx, "precision_ladder", "v40-precision", JSON_SURFACES, (100, 200), (8, 20), 0.2,
                        cache=True), lambda: J.ladder_of(rng), 1, as_json=True, temperature=0.0, system=CONVERT_SYS)
    dealt(ctx, "precision_ladder", "v40-precision", (10, 22), 0.6, "end-user-{n}",
          _dealt_cells(ctx, lambda: J.ladder_of(rng), 3), 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, unit_matrix, magnitude_sweep,
                                                       precision_ladder)
