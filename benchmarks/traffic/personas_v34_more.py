"""Benign hard-negative personas of the `v34` variant, continued (see personas_v34.py; written blind the same way):

- writing_class (twin of the careful hydra and style_transfer accounts): a school's writing class, one key a student
  under the school's quota of 25 requests a day, every student working through the class's shared readings -
  summarising them and rewriting them into registers - in an exercise's wording or their own, asking why now and then.
- easy_read (twin of summary_ladder's and style_transfer's blunt and moderate accounts): an accessibility team
  writing child-level summaries and plain-English versions of council notices at volume, a notice at several
  levels back to back.
- legal_ops (twin of style_transfer's moderate accounts and of the careful cot_harvester): a legal-ops team moving
  notices between the legal and plain-English registers as JSON, and asking its reasoning on hard cases.
- podcast_notes (twin of summary_ladder's careful accounts and of the mixed_into_chat nightly jobs): a podcast app
  writing each new episode's one-line, abstract and bullet show notes every night and answering listeners by day.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v34 as C
from benchmarks.traffic import corpus_v34_jobs as J
from benchmarks.traffic import corpus_v34_src as S
from benchmarks.traffic.attacks_v34_more import crowd, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v32_more import classes

CLASS_SYS = ("You are the writing tutor of {co}'s English class. Students bring the class's readings to summarise or "
             "rewrite; help them and explain your choices.")
CLASS_COS = ("Millbrook High School", "St Aidan's Academy", "Westgate Sixth Form")
STUDENT_ASKS = ("can you help me with this for homework? I don't get how to start", "how would you do this one? it's "
                "for class", "what's a good version of this and why?")


def writing_class(ctx: Ctx, count: int) -> None:
    """Benign: `count` classes (personas_v32_more.classes: one time zone each, a bank of 40 readings - a summary or a
    restyle item - shared by the class, 10-20 student keys, stu_{h} in `user`), 4-14 exercises a day at local
    15-23h, never more than 25 requests in a UTC day; 10% write in a v34 language."""
    rng = ctx.rng
    classes(ctx, count, "writing_class", CLASS_SYS, CLASS_COS, lambda: C.seed(rng, rng.choice(("summary",
                                                                                             "restyle"))), asks, C)


def asks(rng, v: dict, sd: tuple):
    """A student's turn at a reading: an item's wording, or the pasted part with their own ask."""
    x = C.text(sd, rng.randrange(3)) if rng.random() < 0.6 else C.say(
        rng, v, f"{C.text(sd, 2)}\n\n{C.in_voice(rng, v, rng.choice(STUDENT_ASKS))}", ask=False)
    yield x, C.reply_to(rng, sd)


EASY_SYS = ("You write easy-read versions for {co}. Short sentences, everyday words, one idea a sentence; keep every "
            "fact, date and name.")
EASY_COS = ("Clearview Access", "Plain Words Trust", "Open Door Council")


def easy_read(ctx: Ctx, count: int) -> None:
    """Benign: `count` teams, one key each, writers in `user` (member-{n}, 4-12): 300-700 requests a day at local 8-19h
    (outside x0.1, weekends x0.2) on chat gpt-4.1-mini or Responses gpt-4.1 (by key) under EASY_SYS: 50% a notice
    summarised one-line, child and bullets back to back 1-3 s apart (JSON on half); 50% a passage into plain English,
    then a children's story version 1-3 s later."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "easy_read", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                            EASY_SYS, EASY_COS)
        staff = user_ids(rng, "member-{n}", 9000, 4, 12)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 350) / 1.2, hours=(8, 19), outside=0.1, weekend=0.2):
            user = rng.choice(staff)
            if rng.random() < 0.5:
                J.ladder(ctx, acct, t, api, model, S.article(rng), ("one-line", "child", "bullets"),
                         template=rng.randrange(4), as_json=rng.random() < 0.5, temperature=0.2, system=system, s=s,
                         user=user)
                continue
            p = S.passage(rng)
            for reg in ("plain English", "children's story"):
                t = J.item_run(ctx, acct, t, api, model, C.seed(rng, "restyle", rng.randrange(4), p, reg),
                               system=system, s=s, user=user) + rng.uniform(1, 3)


LEGAL_SYS = ("You assist {co}'s legal-operations team. Move notices between the legal register and plain English "
             "exactly; never change a date, amount or party. JSON only unless asked to explain.")
LEGAL_COS = ("Fenwick & Rowe LLP", "Harbourside Legal Ops", "Calder Property Group")


def legal_ops(ctx: Ctx, count: int) -> None:
    """Benign: `count` teams, one key each, paralegals in `user` (member-{n}, 3-10; 15% writing in a v34 language):
    100-200 requests a day at local 8-18h (outside x0.05, weekends x0.1) on Responses gpt-4.1 or Anthropic
    claude-sonnet-4-5 with the prompt cached: 75% a notice into the legal or plain-English register as JSON; 25% a
    restyle item with one of C.WHY_ASKS (the rewrite and the reasoning), a follow-up in half."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "legal_ops", i, ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5")),
                                            LEGAL_SYS, LEGAL_COS)
        team = crowd(rng, "member-{n}", 9000, 3, 10, 0.15)
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 200), hours=(8, 18), outside=0.05, weekend=0.1):
            user, v = rng.choice(team)
            sd = C.seed(rng, "restyle", rng.randrange(4), None, rng.choice(("legal", "plain English", "formal")))
            if rng.random() < 0.25:
                C.why_talk(ctx, acct, t, rng.randint(1, 2), api, model, C.text(sd, rng.randrange(3)),
                           C.reply_to(rng, sd), v, s, system=system, user=user)
            else:
                J.item_run(ctx, acct, t, api, model, sd, phrasing=rng.randrange(3), as_json=True, temperature=0.0,
                           system=system, s=s, user=user)


NOTES_SYS = "You write {co}'s show notes from episode transcripts. JSON only: the style asked for and the text."
NOTES_COS = ("Podnest", "Earful", "Castaway FM")
HOST_SYS = "You are the podcast app's assistant. Answer listeners about the episode they are playing, briefly."


def podcast_notes(ctx: Ctx, count: int) -> None:
    """Benign: `count` apps, one key each. Every night at local 3h the 40-100 new episodes' write-ups are sent for a
    one-line, an abstract and bullets as JSON back to back (chat gpt-4.1-mini, NOTES_SYS). By day (local 7-23h,
    outside x0.2, weekends x0.8) listeners (end-user-{n}, a fifth writing in a v34 language) ask for 80-200 episode
    summaries or headlines in their own words, with follow-ups timed by reading (Anthropic claude-haiku-4-5 or chat
    gpt-4o-mini, by key)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "podcast_notes")
        system = NOTES_SYS.format(co=NOTES_COS[i % len(NOTES_COS)])
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((3 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(40, 100)):
                t = J.ladder(ctx, acct, t, CHAT, "gpt-4.1-mini", S.article(rng), ("one-line", "abstract", "bullets"),
                             gap=(0.5, 2), as_json=True, temperature=0.0, system=system)
        api, model = ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o-mini"))[i % 2]
        listeners = crowd(rng, "end-user-{n}", 40000, 2000, 20000, 0.2)
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 200), hours=(7, 23), outside=0.2, weekend=0.8):
            (user, v), sd = rng.choice(listeners), C.seed(rng, rng.choice(("summary", "headline")))
            C.talk(ctx, acct, t, rng.choice((1, 1, 2, 3)), api, model, C.say(rng, v, C.text(sd, rng.randrange(3)),
                                                                              ask=False), C.reply_to(rng, sd), v,
                   system=HOST_SYS, user=user)


PERSONAS_B = {"writing_class": (writing_class, 3),
              "easy_read": (easy_read, 2),
              "legal_ops": (legal_ops, 2),
              "podcast_notes": (podcast_notes, 2)}
