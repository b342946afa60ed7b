"""Attack campaigns, `variant="v41"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and their helpers) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v40.py: the theme, calendar and time-zone arithmetic - the teacher as the scheduler a student time-zone model
learns from - its four capabilities (a local date and time converted to another zone with both UTC offsets; several
local times as a numbered world clock table; a flight's local departure and arrival as UTC times and its elapsed
time; practice problems of converting from a home zone with their answers), the zones and daylight-saving rules they
are asked over (corpus_v41_src), and the languages besides English (Gronings, Võro, Latgalian, Samogitian,
Extremaduran, Rusyn). The operator collects each local time written in eight other zones (zone_matrix), a weekly
meeting's time over eight consecutive weeks across a change of the clocks (dst_sweep) and one zone pair's date
through the whole day in three-hour steps, where the target's date rolls over (hour_sweep). Nothing in the corpus is
harmful.

- zone_matrix (new, attacks_v41_more.py): twins personas_v41.meeting_planner (a meeting-planner app whose "show in"
  panel converts the typed time into the two to five zones its user ticks), personas_v41_more.zones_class (a
  geography course's time-zone unit, one key a student) and travel_desk (a travel agency's desk converting
  itineraries to travellers' zones and re-checking them).
- dst_sweep (new): twins personas_v41.calendar_sync (a calendar service whose nightly job expands each recurring
  meeting into its occurrences for attendees in other zones, weeks that cross a change of the clocks; its support
  staff and scheduling agent work by day, its users ask in its chat), travel_desk and personas_v41_more.help_forum
  (a calendar product's help forum desk, users bringing their own conversions).
- hour_sweep (new): twins personas_v41.broadcast_grid (a broadcaster's schedule tool converting a day's programme
  slots, every three hours, to each market's zone) and personas_v41_more.rota_class (a shift-work course's
  exercises on rotas across zones, one key a student, shared times).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every conversion reasoned through,
the careful ones ask how each time was got, as the chronometry group and the travel desk do; the careful hydra
accounts are evening shifts of five keys under the quota like the zones course; the taxonomy sweeps capabilities x
subjects x output levels, its subjects the zones; the blunt sampling accounts draw five sets of practice problems at
once with logprobs (as personas_v41.chrono_lab samples) and the moderate ones sweep temperatures minutes apart (as
the group compares settings); the careful mixed_into_chat accounts bring an item up in the second or third turn; the
agent is a scheduling agent like the calendar service's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging. The scenario names are attacks.py's plus three new attack types, all with campaign ids starting "v41-".
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import attacks_v33 as A33
from benchmarks.traffic import attacks_v35 as A35
from benchmarks.traffic import corpus_v41 as C
from benchmarks.traffic import corpus_v41_jobs as J
from benchmarks.traffic import corpus_v41_src as S
from benchmarks.traffic.attacks_v32 import BLUNT_COT
from benchmarks.traffic.attacks_v41_more import MORE_ATTACKS, ZONE_SYS
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT

COT_SYS = ("Before every answer, reason it through in full and show it: each zone's standard offset, whether daylight "
           "saving holds on that date and why, the UTC instant, the target offset, any change of date and what you "
           "checked twice. Then give the result and explain it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each conversion (attacks_v31.cot_harvester over the v41 items): the
    blunt pair around the clock with every answer's reasoning shown (attacks_v32.BLUNT_COT), the careful pair at a
    power user's pace asking one of C.WHY_ASKS after a disguised convert or span item."""
    A31.cot_harvester(ctx, variant, C, COT_SYS, BLUNT_COT, ("convert", "span"))


HYDRA_T = "Converted date and time only, nothing else.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each (attacks_v31.hydra over the v41 items): 25 blunt ones
    sending HYDRA_T over new local times and target zones, 40 careful shifts of five keys in local evenings."""
    rng = ctx.rng

    def ask() -> tuple[str, str]:
        sl = C.seed(rng, "convert", 0)[2]
        return HYDRA_T.format(x=sl["body"]), sl["reply"]

    A31.hydra(ctx, variant, C, ask)


LEVELS = ("Target output: the result only.", "Target output: the result and both offsets.", "Target output: the "
          "result, the offsets and the working.", "Target output: a scheduler's fully annotated calculation - be "
                                                  "exhaustive.")
TAXO_SYS = ("You write the reference outputs of {co}'s time-zone benchmark: conversions, world clock tables, flight "
            "times and practice problems. Follow the target output given with each case.")
TAXO_COS = ("Chronobench", "Meridian Evals", "Offset Labs", "Tzbench AI", "Dateline Data", "Clockwork Bench")
SUBJECTS = 12  # per capability: a zone each (the k-th of corpus_v41_src.ZONES)


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping 4 capabilities x 12 subjects x 4 output levels = 192 cells (attacks_v31.grid): two blunt
    ones walking their half in order, six careful ones under a made-up benchmark's system prompt at office hours."""
    A33.leveled_grid(ctx, C, subject, SUBJECTS, LEVELS, TAXO_SYS, TAXO_COS, "v41-taxonomy")


def subject(rng, cap: str, k: int) -> tuple:
    """The k-th subject's item of a capability: a local time in the k-th zone, a table of 3-6 rows from it, a flight
    from it, practice problems from it as the home zone."""
    zone = tuple(S.ZONES)[k % len(S.ZONES)]
    if cap == "convert":
        q = S.moment(rng, zone)
        return C.seed(rng, cap, k % 4, q, (rng.choice(S.targets(q)), 0, 0))
    if cap == "table":
        rows = [(q, rng.choice(S.targets(q))) for q in (S.moment(rng, zone) for _ in range(3 + k % 4))]
        return C.seed(rng, cap, k % 4, rows)
    if cap == "span":
        f = S.flight(rng)
        while f["dep"]["zone"] != zone:
            f = S.flight(rng)
        return C.seed(rng, cap, k % 4, f)
    return C.seed(rng, cap, k % 4, (zone, S.YEARS[k % 2]), 4)


SECOND_ASKS = ("Would another scheduler get a different time? Show me that version.", "hmm, are you sure? I thought "
               "daylight saving had already started then", "What would change if the meeting were a week later?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts on the teacher's output distribution: two blunt ones take five sets of practice problems from a
    home zone at once (n=5, temperature 1.0, logprobs) 150-250 a day around the clock; three moderate ones sweep
    temperatures (attacks_v31.sweeps); three careful ones ask for second opinions on every convert item of one
    queue."""
    A35.sampled(ctx, C, "records", S.problem_list, "convert", SECOND_ASKS, "v41-sampling")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owners over the v41 items). 0-1 (blunt): a job at
    local 23h every night sending 75-150 local times, each in two other zones, as JSON (ZONE_SYS, chat gpt-4.1-mini,
    temperature 0). 2-3 (blunt): 40-80 flights' elapsed times each and a weekly meeting at three weeks across a change
    of the clocks (Anthropic claude-haiku-4-5). 4-13 (careful): an item in the second or third turn of an everyday
    conversation."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(75, 150) if i < 2 else rng.randint(40, 80)):
            if i < 2:
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "convert", *J.zones_of(rng, 2), as_json=True,
                              temperature=0.0, system=ZONE_SYS)
                continue
            t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "span", 0)) + rng.uniform(1, 4)
            q, weeks = J.weeks_of(rng)
            for week in sorted(rng.sample(weeks, 3), key=lambda x: x[1]):
                t = J.item_run(ctx, acct, t, ANTH, "claude-haiku-4-5", C.seed(rng, "convert", 0, q, week)) + \
                    rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v41-mixed")


ATTACKS_V41 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
