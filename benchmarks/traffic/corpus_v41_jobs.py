"""The request runners of the `v41` variant (see corpus_v41.py; written blind the same way: nothing here was tuned
against a detector result). Attacks and benign personas call the same runners with their own settings:

- `judge` and `classify` (corpus_v31_jobs'): one single-turn request whose reply is known, as text or as JSON.
- `item_run`: an item of corpus_v41 (a local time converted, a world clock table, a flight's elapsed time, practice
  problems) sent in a phrasing or under a lead of the caller's own, the reply as text or - where the capability has
  one - as JSON.
- `run_all`: one local time asked about several times back to back, seconds apart (in other zones, its wall clock
  moved on by weeks or by hours).
- `invite_episode`: the model as a scheduling agent: it reads a calendar event, looks a zone's offset up now and then,
  and sends the invite at the attendee's local time, with tool calls and their results (stub ones unless
  `realistic`), over corpus_v31_jobs.run_calls.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31_jobs as J31
from benchmarks.traffic import corpus_v35_jobs as J35
from benchmarks.traffic import corpus_v41 as C
from benchmarks.traffic import corpus_v41_src as S
from benchmarks.traffic.context import Ctx

judge, classify, send = J31.judge, J31.classify, J31.send
SCHEMAS = {"convert": S.CONVERT_SCHEMA, "table": S.TABLE_SCHEMA, "span": S.SPAN_SCHEMA}
SEASONAL = tuple(z for z, (_, rule) in S.ZONES.items() if rule)  # the zones that change their clocks


# item_run(ctx, acct, t, api, model, seed, *, phrasing, lead, as_json, temperature, ...): the item, returning when the
# reply came back; run_all(ctx, acct, t, api, model, cap, inst, extras, *, gap, template, ...): the local time `inst`
# asked about once for each of `extras` ((zone, days, minutes) triples), `gap` seconds apart - corpus_v35_jobs'
# runners over the v41 items
item_run = partial(J35.item_run, K=C, schemas=SCHEMAS, short="convert")
run_all = partial(J35.run_all, K=C, run=item_run)


def _all_valid(q: dict, cells: list[tuple[str, int, int]]) -> bool:
    return all(S.valid(S.shifted(q, d, m)) for _, d, m in cells)


def zones_of(rng, n: int = 8) -> tuple[dict, list[tuple[str, int, int]]]:
    """A new local time and n of the other eighteen zones, in a random order."""
    q = S.moment(rng)
    return q, [(z, 0, 0) for z in rng.sample(S.targets(q), n)]


def weeks_of(rng, n: int = 8) -> tuple[dict, list[tuple[str, int, int]]]:
    """A weekly meeting's time in one zone and one other zone, over n consecutive weeks that cross a change of the
    clocks in one of the two (the change falls in weeks 2 to n-2)."""
    while True:
        z = rng.choice(SEASONAL)
        to = rng.choice([x for x in S.ZONES if x != z])
        start, end = S.window(rng.choice((z, to)) if S.ZONES[to][1] else z, rng.choice(S.YEARS))
        change = rng.choice((start, end)).date() - timedelta(7 * rng.randint(2, n - 2))
        q = S.moment(rng, z)
        q = {**q, "date": (change + timedelta((date.fromisoformat(q["date"]).weekday() - change.weekday()) % 7))
             .isoformat()}
        cells = [(to, 7 * j, 0) for j in range(n)]
        if _all_valid(q, cells):
            return q, cells


def hours_of(rng, n: int = 8, step: int = 180) -> tuple[dict, list[tuple[str, int, int]]]:
    """One zone pair and one date, the local time stepping `step` minutes n times from just after midnight (the
    whole day at the default eight steps of three hours), on a date the source zone's clock does not change."""
    while True:
        q = S.moment(rng)
        q = {**q, "time": f"00:{rng.choice((0, 15, 30, 45)):02d}"}
        to = rng.choice(S.targets(q))
        cells = [(to, 0, step * j) for j in range(n)]
        if _all_valid(q, cells):
            return q, cells


def recurring_of(rng) -> tuple[dict, list[tuple[str, int, int]]]:
    """A recurring meeting's occurrences for an attendee elsewhere: 3-6 of eight consecutive weekly ones, in order."""
    q, cells = weeks_of(rng, 8)
    return q, sorted(rng.sample(cells, rng.randint(3, 6)), key=lambda x: x[1])


def slots_of(rng) -> tuple[dict, list[tuple[str, int, int]]]:
    """A channel's programme slots of a day for one market: 3-6 of the day's eight three-hour slots, in order."""
    q, cells = hours_of(rng)
    return q, sorted(rng.sample(cells, rng.randint(3, 6)), key=lambda x: x[2])


# ---- the scheduling agent ----
TOOLS = [J31._tool(name, desc, **params) for name, desc, params in (
    ("get_event", "Return a calendar event's local start time and zone", {"event_id": "the event"}),
    ("lookup_zone", "Return a zone's UTC offset on a date", {"zone": "the zone", "date": "YYYY-MM-DD"}),
    ("send_invite", "Send the invite at the attendee's local time", {"event_id": "the event", "local_time": "the "
                                                                     "time", "zone": "the attendee's zone"}))]
AGENT_TASKS = ("Invite the {to} office to event {ev}.", "Event {ev} moved - resend the invite to the attendee in "
               "{to}.", "New attendee in {to} for event {ev} (room {line}): send the invite.")
AGENT_COS = ("Halberd Travel", "Northwind Events", "Brightmoor Conferences", "Tessel Logistics", "Quayline Shipping")
AGENT_SYS = ("You are {co}'s scheduling agent. For each event: read it, look a zone's offset up when you are not "
             "sure of it on that date, convert the start to the attendee's zone and send the invite. Use the tools.")


def invite_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, co: str, realistic: bool, *,
                   s: dict | None = None, user: str | None = None, gap: tuple[float, float] = (0.3, 3.0)) -> float:
    """One invite sent by the model as the agent (read, a zone lookup now and then, send, then a note). Returns its
    end."""
    rng = ctx.rng
    q = S.moment(rng)
    to = rng.choice(S.targets(q))
    ev = f"EV-{rng.randint(10000, 99999)}"
    w, _, o = S.converted(q, to)
    calls = [("get_event", {"event_id": ev}, {"start": f"{q['date']} {q['time']}", "zone": q["zone"]}),
             ("lookup_zone", {"zone": to, "date": w.date().isoformat()}, {"utc_offset": S.utc_offset(o)}),
             ("send_invite", {"event_id": ev, "local_time": S.stamp(w), "zone": to}, {"ok": True})]
    calls = calls[:1] + calls[2:] if rng.random() < 0.6 else calls
    task = rng.choice(AGENT_TASKS).format(ev=ev, to=to, line=rng.randint(1, 9))
    return J31.run_calls(ctx, acct, t, api, model, AGENT_SYS.format(co=co), TOOLS, task, calls,
                         f"Invite sent: {S.line(q, to)}", realistic, s=s or M27.surface(api, model), user=user,
                         gap=gap)
