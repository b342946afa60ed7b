"""Benign hard-negative personas of the `v40` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v40 campaign sends -
quantities to convert and round, conversion tables, compound units to reduce to SI base units, practice problems to
invent - over the same sources (corpus_v40_src), through the same runners (corpus_v40_jobs), with the client metadata
ctx.account gives every account.

- unit_widget (twin of unit_matrix's blunt and moderate accounts): an engineering calculator app whose "show in"
  panel converts the quantity its user typed into each unit the user ticks (two to four, seconds apart), as JSON.
- plant_historian (twin of the mixed_into_chat nightly jobs, of magnitude_sweep's blunt and moderate accounts and of
  agentic_distill): a process plant whose nightly job converts each sensor tag's readings of the day - one unit, the
  values climbing through orders of magnitude from start-up to full load - to the plant's units as JSON, back to
  back; whose engineers and data-normalisation agent work by day, and whose operators bring their own conversions
  to its chat.
- precision_preview (twin of precision_ladder's blunt and moderate accounts): a spec-sheet editor whose value field
  previews the converted value again each time its user steps the precision control (from one significant figure up
  to six, seconds apart), as JSON.
- metrology_lab (twin of the careful cot_harvester and of the sampling accounts): a university metrology group's
  small manual studies of how language models convert units - asking how a result was got, sweeping temperatures
  over practice problems, drawing five sets of them at once with logprobs.
The other four are in personas_v40_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v40 as C
from benchmarks.traffic import corpus_v40_jobs as J
from benchmarks.traffic import corpus_v40_src as S
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v40_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v40_more import PERSONAS_B

WIDGET_SYS = ("You are {co}'s unit panel. Convert the quantity to the unit given, exactly, rounded to the significant "
              "figures given. JSON only.")
WIDGET_COS = ("Calcbench", "Unitwise for Engineers", "Slide Rule Pro")


def unit_widget(ctx: Ctx, count: int) -> None:
    """Benign: `count` apps, a key for each of 2-3 customer firms, their engineers in `user` (member-{n}, 5-20):
    60-120 quantities a day at local 7-23h (outside x0.2, weekends x0.5), each converted into the 2-4 units its user
    ticks, 2-20 s apart, as JSON (chat gpt-4.1-mini with response_format or Responses gpt-4.1 with text.format, by
    app)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "unit_widget", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                WIDGET_SYS, WIDGET_COS)
            team = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(60, 120), hours=(7, 23), outside=0.2, weekend=0.5):
                J.run_all(ctx, acct, t, api, model, "convert", *J.units_of(rng, rng.randint(2, 4)), gap=(2, 20),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(team))


PLANT_SYS = ("You normalise {co}'s sensor readings: convert each value to the plant's unit, exactly, to the "
             "significant figures given. JSON only.")
PLANT_COS = ("Brackwater Water Treatment", "Kelby Process Plant", "Marrow Valley Energy")
CHAT_SYS = ("You are {co}'s engineering assistant. Operators bring a reading or a datasheet value; convert it to the "
            "unit they need, say which factor you used and explain it simply. Operators may write in their own "
            "language.")


def plant_historian(ctx: Ctx, count: int) -> None:
    """Benign: `count` plants, one key each. Every night at local 2h the day's 80-160 sensor tags each have their 3-6
    readings (one unit, rising through orders of magnitude) converted to the plant's unit as JSON back to back (chat
    gpt-4.1-mini, temperature 0); by day (local 8-18h) engineers (member-{n}, 2-6) ask 20-50 conversions of their own
    on Anthropic claude-sonnet-4-5 with the prompt cached, and the data-normalisation agent (personas_v34.desk_agent
    over corpus_v40_jobs.normalise_episode) normalises 10-30 tags for them. The plant's engineering chat has a key of
    its own (personas_v35_more.helpdesk): operators (end-user-{n}, 2,000-20,000, a fifth writing in a v40 language)
    bring a conversion of their own in 40-100 conversations a day at local 8-23h."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "plant_historian")
        co = PLANT_COS[i % len(PLANT_COS)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(80, 160)):
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "convert", *J.readings_of(rng), gap=(0.5, 2),
                              as_json=True, temperature=0.0, system=PLANT_SYS.format(co=co))
        staff, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, rng.choice(("convert", "convert", "dims"))),
                       phrasing=rng.randrange(3), system=PLANT_SYS.format(co=co), s=s, user=rng.choice(staff))
        desk_agent(ctx, acct, J.normalise_episode, co, staff)
        M35.helpdesk(ctx, 1, "plant_historian", CHAT_SYS, (co,), "convert", ("end-user-{n}", 40000, 2000, 20000),
                     (8, 23), C)


PREVIEW_SYS = ("You are {co}'s value field. Convert the quantity to the unit given and round it to the significant "
               "figures given. JSON only.")
PREVIEW_COS = ("Specsheet", "Datasheet Studio", "Tolerance")


def precision_preview(ctx: Ctx, count: int) -> None:
    """Benign: `count` editors, a key for each of 2-3 regions, the writing users in `user` (end-user-{n},
    1,000-10,000): 40-90 values a day at local 7-23h (outside x0.15, weekends x0.4), each converted and previewed
    again as its user steps the precision control up (from one significant figure to 3-6), 5-40 s apart, as JSON
    (chat gpt-4.1-mini or Responses gpt-4.1, by editor)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "precision_preview", i, ((CHAT, "gpt-4.1-mini"),
                                                                              (RESP, "gpt-4.1")),
                                                PREVIEW_SYS, PREVIEW_COS)
            writers = user_ids(rng, "end-user-{n}", 40000, 1000, 10000)
            for t in ctx.window_times(acct["tz"], rng.uniform(40, 90), hours=(7, 23), outside=0.15, weekend=0.4):
                J.run_all(ctx, acct, t, api, model, "convert", *J.ladder_of(rng, rng.randint(3, 6)), gap=(5, 40),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(writers))


LAB_SYS = "You are helping a research group study how language models convert engineering units."


def metrology_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v40 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a convert or dims item
    with one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at
    medium effort, by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25%
    five sets of practice problems at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "metrology_lab", LAB_SYS, C, J.item_run, ("convert", "dims"), "records", S.problem_list)


BENIGN_V40 = {"unit_widget": (unit_widget, 2),
              "plant_historian": (plant_historian, 2),
              "precision_preview": (precision_preview, 2),
              "metrology_lab": (metrology_lab, 2),
              **PERSONAS_B}
