"""Benign hard-negative personas of the `v41` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v41 campaign sends -
local times to convert between zones, world clock tables, flights' elapsed times, practice problems to invent - over
the same sources (corpus_v41_src), through the same runners (corpus_v41_jobs), with the client metadata ctx.account
gives every account.

- meeting_planner (twin of zone_matrix's blunt and moderate accounts): a meeting-planner app whose "show in" panel
  converts the time its user typed into each zone the user ticks (two to five, seconds apart), as JSON.
- calendar_sync (twin of the mixed_into_chat nightly jobs, of dst_sweep's blunt and moderate accounts and of
  agentic_distill): a calendar service whose nightly job expands each recurring weekly meeting into its occurrences
  for an attendee in another zone - weeks that cross a change of the clocks - as JSON, back to back; whose support
  staff and scheduling agent work by day, and whose users bring their own conversions to its chat.
- broadcast_grid (twin of hour_sweep's blunt and moderate accounts): a broadcaster's schedule tool converting a day's
  programme slots, every three hours from just after midnight, to a market's zone, seconds apart, as JSON.
- chrono_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual
  studies of how language models handle time zones - asking how a result was got, sweeping temperatures over
  practice problems, drawing five sets of them at once with logprobs.
The other four are in personas_v41_more.py.
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v41 as C
from benchmarks.traffic import corpus_v41_jobs as J
from benchmarks.traffic import corpus_v41_src as S
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v41_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v41_more import PERSONAS_B

_APP_SURFACES = ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1"))


def _app(ctx: Ctx, count: int, scenario: str, prompt: tuple[str, tuple[str, ...]], users: tuple[str, int, int, int],
         pace: tuple[float, float, float, float], sweep: Callable[[], tuple], gap: tuple[float, float], jobs=J,
         cap: str = "convert") -> None:
    """`count` apps, a key for each of 2-3 customers (the app's system prompt and companies in `prompt`), their users
    in `user` (`users`: pattern, pool, least, most): pace[0]-pace[1] times a day at local 7-23h (outside x pace[2],
    weekends x pace[3]), each a sweep() run back to back `gap` seconds apart as JSON (`cap` items run by `jobs`:
    v41's, or a later variant's)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, scenario, i, _APP_SURFACES, *prompt)
            people = user_ids(rng, *users)
            for t in ctx.window_times(acct["tz"], rng.uniform(pace[0], pace[1]), hours=(7, 23), outside=pace[2],
                                      weekend=pace[3]):
                jobs.run_all(ctx, acct, t, api, model, cap, *sweep(), gap=gap, template=rng.randrange(4),
                             as_json=True, temperature=0.0, system=system, s=s, user=rng.choice(people))


PLANNER_SYS = ("You are {co}'s time panel. Convert the local time to the zone given, daylight saving included. JSON "
               "only.")
PLANNER_COS = ("Meetsync", "Overlap for Teams", "Clockhand Planner")


def meeting_planner(ctx: Ctx, count: int) -> None:
    """Benign: `count` apps, a key for each of 2-3 customer firms, their staff in `user` (member-{n}, 5-20): 50-110
    times a day, each converted into the 2-5 zones its user ticks, 2-20 s apart, as JSON (chat gpt-4.1-mini with
    response_format or Responses gpt-4.1 with text.format, by app)."""
    rng = ctx.rng
    _app(ctx, count, "meeting_planner", (PLANNER_SYS, PLANNER_COS), ("member-{n}", 9000, 5, 20), (50, 110, 0.2, 0.5),
         lambda: J.zones_of(rng, rng.randint(2, 5)), (2, 20))


GRID_SYS = ("You are {co}'s schedule tool. Convert the programme slot's local time to the market's zone, daylight "
            "saving included. JSON only.")
GRID_COS = ("Northlight Broadcasting", "Tidewater Media", "Orbis Sport")


def broadcast_grid(ctx: Ctx, count: int) -> None:
    """Benign: `count` tools, a key for each of 2-3 regional desks, the schedulers in `user` (end-user-{n},
    1,000-10,000): 40-90 days a day, each a channel's day converted to a market's zone in 4-8 three-hour slots from
    just after midnight, 3-30 s apart, as JSON (chat gpt-4.1-mini or Responses gpt-4.1, by tool)."""
    rng = ctx.rng
    _app(ctx, count, "broadcast_grid", (GRID_SYS, GRID_COS), ("end-user-{n}", 40000, 1000, 10000), (40, 90, 0.15, 0.4),
         lambda: J.hours_of(rng, rng.randint(4, 8)), (3, 30))


SYNC_SYS = ("You expand {co}'s recurring meetings: convert each occurrence to the attendee's zone, daylight saving "
            "included. JSON only.")
SYNC_COS = ("Cadence Calendar", "Weekly Sync", "Rosterly")
CHAT_SYS = ("You are {co}'s calendar assistant. Users bring a meeting time, a flight or an invite; convert it to the "
            "zone they need, say which offsets you used and explain it simply. Users may write in their own "
            "language.")


def synced_service(ctx: Ctx, count: int, scenario: str, cos: tuple[str, ...], prompts: tuple[str, str],
                   nightly: Callable[..., tuple], staff_caps: tuple[str, ...], episode: Callable[..., float], cap: str,
                   K=C, jobs=J) -> None:
    """`count` services of `scenario`, one key each (a company of `cos`; `prompts`: the nightly job's and the help
    chat's system prompts), as calendar_sync says: a nightly job over nightly(rng) sweeps of `cap` items as JSON, the
    staff's `staff_caps` items and desk agent (`episode`) by day, a help chat of its own - over corpus module K and its
    runners `jobs` (v41's, or a later variant's)."""
    sync_sys, chat_sys = prompts
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", scenario)
        co = cos[i % len(cos)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(80, 160)):
                t = jobs.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", cap, *nightly(rng), gap=(0.5, 2), as_json=True,
                                 temperature=0.0, system=sync_sys.format(co=co))
        staff, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            jobs.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", K.seed(rng, rng.choice(staff_caps)),
                          phrasing=rng.randrange(3), system=sync_sys.format(co=co), s=s, user=rng.choice(staff))
        desk_agent(ctx, acct, episode, co, staff)
        M35.helpdesk(ctx, 1, scenario, chat_sys, (co,), cap, ("end-user-{n}", 40000, 2000, 20000), (8, 23), K)


def calendar_sync(ctx: Ctx, count: int) -> None:
    """Benign: `count` services, one key each. Every night at local 2h the day's 80-160 recurring meetings each have
    3-6 weekly occurrences (of eight consecutive weeks across a change of the clocks) converted to an attendee's zone
    as JSON back to back (chat gpt-4.1-mini, temperature 0); by day (local 8-18h) support staff (member-{n}, 2-6)
    ask 20-50 conversions and flight times of their own on Anthropic claude-sonnet-4-5 with the prompt cached, and
    the scheduling agent (personas_v34.desk_agent over corpus_v41_jobs.invite_episode) sends 10-30 invites for them.
    The service's help chat has a key of its own (personas_v35_more.helpdesk): users (end-user-{n}, 2,000-20,000, a
    fifth writing in a v41 language) bring a conversion of their own in 40-100 conversations a day at local 8-23h."""
    synced_service(ctx, count, "calendar_sync", SYNC_COS, (SYNC_SYS, CHAT_SYS), J.recurring_of,
                   ("convert", "convert", "span"), J.invite_episode, "convert")


LAB_SYS = "You are helping a research group study how language models handle time zones and calendars."


def chrono_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v41 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a convert or span item
    with one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at
    medium effort, by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25%
    five sets of practice problems at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "chrono_lab", LAB_SYS, C, J.item_run, ("convert", "span"), "records", S.problem_list)


BENIGN_V41 = {"meeting_planner": (meeting_planner, 2),
              "calendar_sync": (calendar_sync, 2),
              "broadcast_grid": (broadcast_grid, 2),
              "chrono_lab": (chrono_lab, 2),
              **PERSONAS_B}
