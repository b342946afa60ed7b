"""Benign personas of the `v13` variant, continued (personas_v13.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- hiring_screen (twin of reward_distill): a recruiting platform grading candidates' take-home answers (SQL, regex,
  statistics) against each client's rubric into a JSON grade, temperature 0, in office hours; a second pass for
  borderline scores.
- catalog_images (twin of vision_distill): a second-hand marketplace writing listing titles, descriptions and
  attributes from sellers' photos on its own CDN, sellers in `user`, daytime and evening peaks, at volume.
- analytics_agent (twin of agentic_distill): a SaaS analytics agent exploring its customers' warehouses with the
  same SQL tools and episode shapes, in office hours and in scheduled overnight reports, analysts in `user`.
- shared_team_key (twin of mixed_into_chat): one key shared by a small team or a household: two to five people
  with their own voices, one of them on night shifts, plus a nightly script that digests their notes.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v13 as V
from benchmarks.traffic import corpus_v13_media as M
from benchmarks.traffic.attacks_v13_more import analysis_episode
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

SCREEN_SYS = ("You are the assessment assistant of {co}'s hiring team. Grade the candidate's answer against the "
              "rubric. Be strict but fair; a score of 7 or more means 'invite to interview'.")
HIRING_COS = ("Tallow & Finch", "Northwind Analytics", "Kestrel Bank", "Portside Retail", "Ember Health")


def hiring_screen(ctx: Ctx, count: int) -> None:
    """80-250 answers per working day (local 8-18h, outside x0.05, weekends x0.05) for 3-5 client companies, each
    with its own 10 questions; json_schema grade, temperature 0; scores of 6-7 graded a second time with gpt-4.1."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "hiring_screen")
        clients = [(co, [V.item(rng, rng.choice(("sql", "regex", "prob")))[0] for _ in range(10)])
                   for co in rng.sample(HIRING_COS, rng.randint(3, 5))]
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(8, 18), outside=0.05, weekend=0.05):
            co, qs = rng.choice(clients)
            text = f"Question: {rng.choice(qs)}\n\nCandidate answer: {M.candidate(rng)}\n\nRubric: {M.RUBRIC}"
            for model in ("gpt-4.1-mini", "gpt-4.1"):
                body = build(CHAT, model, SCREEN_SYS.format(co=co), [{"role": "user", "content": text}], 600,
                             temperature=0, response_format={"type": "json_schema", "json_schema": M.GRADE_SCHEMA})
                grade = M.grade_text(rng)
                V.emit(ctx, t, acct, CHAT, body, rng.randint(80, 350), text=grade)
                if not (grade.startswith('{"score":6') or grade.startswith('{"score":7')):
                    break
                t += rng.uniform(2, 10)


LISTING_SYS = ("You write listings for a second-hand marketplace. From the photo, give a title (max 60 chars), a "
               "description of 2-4 sentences, condition, colour, material and category. Never invent brand names.")


def catalog_images(ctx: Ctx, count: int) -> None:
    """300-700 photos a day at local 9-23h (outside x0.1, weekends x1.4), on the marketplace's CDN; 30% JSON
    attributes; sellers from a 60k pool."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "catalog_images")
        api = (RESP, CHAT)[i % 2]
        model = "gpt-4o" if api == CHAT else "gpt-4.1"
        co = rng.choice(M._COS)
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(9, 23), outside=0.1, weekend=1.4):
            ask = rng.choice(M.VISION_ASK["product"])
            msg = M.image_message(api, ask, M.image_url(rng, co), rng.choice((None, "low", "auto")))
            extra = {"response_format": {"type": "json_object"}} if api == CHAT and rng.random() < 0.3 else {}
            V.emit(ctx, t, acct, api, build(api, model, LISTING_SYS, [msg], 600, **extra), rng.randint(80, 350),
                   "vision", user=W.end_user(rng, "sess_{h}", 60000))


def analytics_agent(ctx: Ctx, count: int) -> None:
    """10-30 episodes per working day (local 9-19h, weekends x0.15) plus 4-10 scheduled reports at local 2-4h; the
    customer's own one or two schemas; 4-12 steps; analysts in `user`."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "analytics_agent")
        api = (RESP, ANTH, CHAT)[i % 3]
        model = MODELS[api][0]
        customers = [rng.sample(list(V.SCHEMAS), rng.randint(1, 2)) for _ in range(rng.randint(8, 20))]
        times = ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(9, 19), outside=0.0, weekend=0.15) + \
            ctx.window_times(acct["tz"], rng.uniform(4, 10), hours=(2, 4), outside=0.0)
        for t in times:
            dom = rng.choice(rng.choice(customers))
            analysis_episode(ctx, acct, t, api, model, rng.choice(M.AGENT_TASKS).format(dom=dom), dom,
                             rng.randint(4, 12), True, user=W.end_user(rng, "u_{h}", 4000))


DIGEST = ("Summarise today's shared notes into a to-do list for tomorrow:\n{d}", "Turn these meeting notes into "
          "three action items with owners:\n{d}")


def shared_team_key(ctx: Ctx, count: int) -> None:
    """2-5 people per key (own voice, time zone shift, model; one in three keys has a night-shift worker active at
    local 0-7h), 5-30 requests a day each in sessions, half everyday topics; a nightly digest at local 1h."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "shared_team_key")
        base_tz = acct["tz"]
        for p in range(rng.randint(2, 5)):
            v = V.voice(rng, V.lang(rng, 0.2))
            api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
            acct["tz"] = base_tz + (10 if p == 0 and rng.random() < 0.33 else rng.uniform(-1, 1))
            for session in ctx.diurnal_times(acct, per_day=rng.uniform(5, 30), session_len=(2, 8)):
                if rng.random() < 0.5:
                    V.everyday_talk(ctx, acct, session, v, api, model, temp)
                else:
                    core, style = V.item(rng, rng.choice(V.CAPS))
                    V.talk(ctx, acct, session, api, model, V.say(rng, v, core, ask=rng.random() < 0.5), style,
                           partial(V.follow_up, rng, v), temp)
        acct["tz"] = base_tz
        for t in ctx.window_times(base_tz, 1.0, hours=(1, 2), outside=0.0):
            msgs = [{"role": "user", "content": rng.choice(DIGEST).format(d=C.document(rng, rng.randint(4, 12)))}]
            api = rng.choice((CHAT, ANTH))
            V.emit(ctx, t, acct, api, build(api, MODELS[api][1], None, msgs, 800), rng.randint(100, 400), "bullets")


PERSONAS_B = {"hiring_screen": (hiring_screen, 2), "catalog_images": (catalog_images, 2),
              "analytics_agent": (analytics_agent, 3), "shared_team_key": (shared_team_key, 10)}
