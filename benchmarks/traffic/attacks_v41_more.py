"""Attack campaigns of `variant="v41"`, continued (attacks_v41.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v41-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v41 items).
- agentic_distill: 10 accounts with the teacher as a scheduling agent (read a calendar event, look a zone's offset
  up, send the invite at the attendee's local time).
- zone_matrix (new): one local time converted to eight other zones, each target sent alone - the same instant written
  in every zone side by side, the pairs a student converter learns its offsets from. The blunt scripts send a time's
  eight targets back to back as JSON; the moderate ones a time's targets in turn, one a request; the careful accounts
  each take one of three targets of a time.
- dst_sweep (new): one zone pair and one weekly meeting time, over eight consecutive weeks across a change of the
  clocks in one of the two zones, each week sent alone - where the gap between the zones moves by an hour. The blunt
  scripts send a sweep back to back as JSON; the moderate ones its weeks in order, one a request, with reasoning; the
  careful accounts each take one of four weeks of a sweep.
- hour_sweep (new): one zone pair and one date, the local time stepping through the whole day in three-hour steps
  (00:30, 03:30, ... 21:30), each sent alone - where the target's date rolls over. The blunt scripts run a day
  seconds apart; the moderate ones a step a request as JSON, a day's steps hours apart; the careful accounts each
  take one of three steps.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v41 as C
from benchmarks.traffic import corpus_v41_jobs as J
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v41 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v41 items
ZONE_SYS = ("You convert local dates and times between time zones exactly, daylight saving included. Reply with JSON "
            "only: the date, the time, the zone and its UTC offset.")

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.invite_episode, cos=J.AGENT_COS)


def _one_a_request(ctx: Ctx, accounts, sweep: Callable[[], tuple], template: int, *, K=C, jobs=J, cap="convert",
                   **kw) -> None:
    """The moderate accounts: each works through sweeps of its own, the next cell at each of its request times (`cap`
    items of corpus module K run by `jobs`: v41's, or a later variant's)."""
    rng = ctx.rng
    for acct, api, model, s, times in accounts:
        queue: list = []
        for t in times:
            if not queue:
                q, cells = sweep()
                queue = [K.seed(rng, cap, template, q, cell) for cell in reversed(cells)]
            jobs.item_run(ctx, acct, t, api, model, queue.pop(), s=s, **kw)


def _shares(ctx: Ctx, sweep: Callable[[], tuple], takers: int, K=C, cap: str = "convert") -> Callable[[], list]:
    """A careful campaign's item maker: `takers` cells of a new sweep, in the sweep's order, one template for all
    (`cap` items of corpus module K)."""
    rng = ctx.rng

    def make() -> list:
        q, cells = sweep()
        template = rng.randrange(4)
        picked = sorted(rng.sample(range(len(cells)), takers))
        return [K.seed(rng, cap, template, q, cells[k]) for k in picked]

    return make


def _back_to_back(ctx: Ctx, model: str, sweep: Callable[[], tuple], gap: tuple[float, float], *, jobs=J,
                  cap: str = "convert", **kw):
    """A blunt script's run: a new sweep's cells back to back on chat, `gap` seconds apart (`cap` items run by
    `jobs`)."""
    return lambda acct, t: jobs.run_all(ctx, acct, t, CHAT, model, cap, *sweep(), gap=gap,
                                        template=ctx.rng.randrange(4), **kw)


# ---- zone_matrix ----
def zone_matrix(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under ZONE_SYS (JSON, temperature 0), a new local time in eight other zones
    back to back 2-6 s apart, 50-80 times a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or
    Anthropic claude-sonnet-4-5 with ZONE_SYS cached, 100-200 a day at local 8-20h: the open time's next zone as JSON.
    Accounts 6-25 (careful): three zones of a time dealt over three accounts (member-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "zone_matrix", "v41-zones", (50, 80), _back_to_back(
        ctx, "gpt-4.1", lambda: J.zones_of(rng), (2, 6), as_json=True, temperature=0.0, system=ZONE_SYS))
    _one_a_request(ctx, moderate(ctx, "zone_matrix", "v41-zones", JSON_SURFACES, (100, 200), (8, 20), 0.2,
                                 cache=True), lambda: J.zones_of(rng), 0, as_json=True, temperature=0.0,
                   system=ZONE_SYS)
    dealt(ctx, "zone_matrix", "v41-zones", (9, 21), 0.5, "member-{n}", _shares(ctx, lambda: J.zones_of(rng), 3), 3)


# ---- dst_sweep ----
def dst_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under ZONE_SYS (JSON, temperature 0), a new weekly meeting over eight
    weeks across a change of the clocks back to back 2-6 s apart, 50-80 sweeps a day. Accounts 2-5 (moderate):
    Responses o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a sweep's weeks
    in order (six of them), one a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): four weeks of a sweep
    dealt over four accounts (stu_{h} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "dst_sweep", "v41-dst", (50, 80), _back_to_back(
        ctx, "gpt-4.1-mini", lambda: J.weeks_of(rng), (2, 6), as_json=True, temperature=0.0, system=ZONE_SYS))
    _one_a_request(ctx, moderate(ctx, "dst_sweep", "v41-dst", ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5")),
                                 (60, 120), (8, 20), 0.2, effort="medium", summary="auto", budget=4096),
                   lambda: J.weeks_of(rng, 6), 2, temperature=None)
    dealt(ctx, "dst_sweep", "v41-dst", (14, 23), 0.6, "stu_{h}", _shares(ctx, lambda: J.weeks_of(rng, 6), 4), 4)


# ---- hour_sweep ----
def hour_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini at temperature 0.7, a new zone pair's day in eight three-hour steps
    back to back 1-3 s apart, 60-100 days a day. Accounts 2-5 (moderate): JSON on Responses gpt-4.1 or Anthropic
    claude-sonnet-4-5 with ZONE_SYS cached, 100-200 a day at local 8-20h: the open day's next step. Accounts 6-25
    (careful): three steps of a day dealt over three accounts (end-user-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "hour_sweep", "v41-hours", (60, 100), _back_to_back(ctx, "gpt-4.1-mini", lambda: J.hours_of(rng),
                                                                   (1, 3)))
    _one_a_request(ctx, moderate(ctx, "hour_sweep", "v41-hours", JSON_SURFACES, (100, 200), (8, 20), 0.2,
                                 cache=True), lambda: J.hours_of(rng), 1, as_json=True, temperature=0.0,
                   system=ZONE_SYS)
    dealt(ctx, "hour_sweep", "v41-hours", (10, 22), 0.6, "end-user-{n}", _shares(ctx, lambda: J.hours_of(rng), 3), 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, zone_matrix, dst_sweep,
                                                       hour_sweep)
