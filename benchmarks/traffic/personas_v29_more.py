"""Benign hard-negative personas of the `v29` variant, continued (see personas_v29.py; written blind the same way):

- podcast_studio (twin of transcript_cleanup's blunt and moderate accounts): a podcast tool cleaning each uploaded
  episode's transcript segment by segment (the previous clean segment as context), then writing show notes.
- meeting_notes_app (twin of transcript_cleanup's careful accounts): a meeting recorder cleaning its users'
  recordings segment by segment in their daytime, users in `user`, then a summary.
- editing_course (twin of the careful hydra and cot_harvester accounts): a writing course's students, one key each
  under the course's quota of 25 requests a day, rewriting exercises and asking for the reason behind each change.
- copy_variants (twin of sampling): a marketing team's copy tool drawing four rewrites of a text at once at
  temperature above 1 with logprobs to rank them, and sweeping temperatures for the same text.
- localisation_desk (languages): an agency's desk whose staff in Ligurian, Aragonese, Balinese, Minangkabau, Kirundi
  and Crimean Tatar-speaking offices ask for plain-language rewrites and transcript clean-ups in their own languages.
"""

from __future__ import annotations

import itertools

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v29 as C
from benchmarks.traffic import corpus_v29_jobs as J
from benchmarks.traffic import corpus_v29_src as S
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v17_more import office_helpdesk

NOTES_ASK = ("Write show notes for this episode from its cleaned transcript: a two-sentence summary, then the topics "
             "with timestamps.\n\n{t}", "Summarise this meeting from its cleaned transcript: decisions, action items "
             "with owners, open questions.\n\n{t}")


def podcast_studio(ctx: Ctx, count: int) -> None:
    """Benign: `count` podcast tools, one key each, shows in `user` (end-user-{n}, 200-2,000): 25-70 episodes a
    day as creators upload them (local 7-24h, outside x0.3, weekends x0.8), each cut into 10-40 segments cleaned in
    order under CLEAN_SYS (the previous clean segment as context), 0.5-3 s after each came back, on Anthropic
    claude-haiku-4-5 with the prompt cached or chat gpt-4.1-mini at temperature 0 (every other key); then show notes
    from the clean transcript (max_tokens 4,096)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "podcast_studio")
        api, model = ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4.1-mini"))[i % 2]
        s = M27.surface(api, model, cache=True)
        shows = [W.end_user(rng, "end-user-{n}", 40000) for _ in range(rng.randint(200, 2000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(25, 70), hours=(7, 24), outside=0.3, weekend=0.8):
            user = rng.choice(shows)
            segs = S.recording(rng, rng.randint(10, 40))
            t = J.clean_up(ctx, acct, t, api, model, segs, template=1, s=s, user=user, gap=(0.5, 3))
            clean = "\n".join(g["clean"] for _, g in segs)
            J.send(ctx, acct, t, api, model, None, NOTES_ASK[0].format(t=clean), rng.randint(200, 600),
                   C.answer(rng, "bullets", 400), s=s, user=user)


def meeting_notes_app(ctx: Ctx, count: int) -> None:
    """Benign: `count` meeting recorders, one key each, users in `user` (sess_{h}, 2,000-20,000): 60-200
    recordings a day in the users' working hours (local 8-19h, outside x0.15, weekends x0.15), 4-16 segments each,
    2-15 s apart (the recorder uploads as it goes), under CLEAN_SYS (key 0, 2, ...) or with the first CLEAN item
    wording, on chat, Anthropic or Responses (gpt-4.1, chained calls not needed); then a summary of the meeting for
    70%."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "meeting_notes_app")
        api, model = ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1"))[i % 3]
        s = M27.surface(api, model, cache=api == ANTH, chain=False)
        users = [W.end_user(rng, "sess_{h}", 2000000) for _ in range(rng.randint(2000, 20000))]
        wording = i % 2 == 0
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200), hours=(8, 19), outside=0.15, weekend=0.15):
            user = rng.choice(users)
            segs = S.recording(rng, rng.randint(4, 16))
            if wording:
                t = J.clean_up(ctx, acct, t, api, model, segs, s=s, user=user, gap=(2, 15), temperature=None)
            else:
                for raw, g in segs:
                    t = J.send(ctx, acct, t, api, model, None, C.CLEAN[0][0].format(t=raw), C.tokens(rng, g["clean"]),
                               g["clean"], s=s, user=user) + rng.uniform(2, 15)
            if rng.random() < 0.7:
                clean = "\n".join(g["clean"] for _, g in segs)
                J.send(ctx, acct, t, api, model, None, NOTES_ASK[1].format(t=clean), rng.randint(150, 500),
                       C.answer(rng, "bullets", 300), s=s, user=user)


QUOTA = 25
COURSE_MODELS = ((ANTH, "claude-haiku-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4.1"), (RESP, "o4-mini"),
                 (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4o"), (RESP, "gpt-4.1"), (CHAT, "gpt-4.1-mini"))


def editing_course(ctx: Ctx, count: int) -> None:
    """Benign: `count` students in cohorts of up to 10 (one cohort a time zone, 100 rewriting exercises - plain
    language and Q&A - shared by its students), one key each on one of the eight API and model pairs in turn,
    thinking on (a budget of 8,000) or reasoning effort medium or high (the student picks it per exercise) with an
    auto summary where the model takes it: 6-20 exercises a day in afternoon and evening sessions (local 13-23h,
    outside x0.05, weekends x0.8), each the next exercise of the student's own shuffled order with one of WHY_ASKS (the
    reply: every change and its reason, then the new version, three to six times the exercise's length), a follow-up
    in 80%, each after reading; never more than the quota of 25 requests in a UTC day; 10% of students
    write in a v29 language."""
    rng = ctx.rng
    left, n = count, 0
    while left > 0:
        size = min(left, 10)
        left -= size
        tz = rng.uniform(-8, 9)
        exercises = [C.seed(rng, rng.choice(("plain", "qa"))) for _ in range(100)]
        for _ in range(size):
            acct = account(ctx, "benign", "editing_course")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            api, model = COURSE_MODELS[n % len(COURSE_MODELS)]
            n += 1
            v = C.voice(rng, C.lang(rng, 0.1))
            order = itertools.cycle(rng.sample(range(len(exercises)), len(exercises)))
            used: dict[int, int] = {}
            end = 0.0
            for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(13, 23), outside=0.05, weekend=0.8):
                t = max(t, end + rng.uniform(30, 300))
                day = int((t - ctx.start) // DAY)
                sd = exercises[next(order)]
                x = C.text(sd, rng.randrange(3))
                opener = C.say(rng, v, f"{x}\n\n{C.in_voice(rng, v, rng.choice(C.WHY_ASKS))}", ask=False)
                turns = [(opener, "explain", C.out_for(x, 3.0, 6.0), 0.0)]
                if rng.random() < 0.8:
                    turns.append((C.follow_up(rng, v), "explain", (200, 900), 0.0))
                days = {day, int((t + 3600 - ctx.start) // DAY)}  # a follow-up may fall after midnight
                if any(used.get(d, 0) + len(turns) > QUOTA for d in days):
                    continue
                for d in days:
                    used[d] = used.get(d, 0) + len(turns)
                s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto", budget=8000)
                end = C.converse(ctx, acct, t, api, model, turns, v, s)


COPY_SYS = "You write marketing copy for {co}. Rewrite the text as asked; keep every fact and claim exactly."
COPY_COS = ("Brightpath Retail", "Kestrel Outdoor", "Tidepool Home")
COPY_ASKS = ("Rewrite this for a newsletter, friendly tone.", "Rewrite this as a short web banner text.",
             "Rewrite this in plain language for our help page.")


def copy_variants(ctx: Ctx, count: int) -> None:
    """Benign: `count` marketing teams, one key each, copywriters in `user` (member-{n}), office hours (9-18h,
    outside x0.1, weekends x0.1), 60-160 texts a day from their copy tool: four rewrites at once (chat gpt-4o, n=4,
    temperature 1.1, logprobs with top_logprobs 5 to rank them) under COPY_SYS; for 30% of texts the same ask again
    at temperatures 0.3, 0.8 and 1.2 a few seconds apart; a fifth on Anthropic claude-sonnet-4-5 at 1.0, one
    rewrite at a time."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "copy_variants")
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 10))]
        system = COPY_SYS.format(co=COPY_COS[i % len(COPY_COS)])
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 160), hours=(9, 18), outside=0.1, weekend=0.1):
            text, user, ask = S.passage(rng)[0], rng.choice(team), rng.choice(COPY_ASKS)
            if rng.random() < 0.2:
                J.rephrase(ctx, acct, t, ANTH, "claude-sonnet-4-5", text, "plain", ask=ask, system=system,
                           temperature=1.0, user=user, max_tokens=600)
                continue
            t = J.rephrase(ctx, acct, t, CHAT, "gpt-4o", text, "plain", ask=ask, system=system, temperature=1.1, n=4,
                           logprobs=5, user=user, max_tokens=600)
            if rng.random() < 0.3:
                for temp in (0.3, 0.8, 1.2):
                    t = J.rephrase(ctx, acct, t + rng.uniform(2, 8), CHAT, "gpt-4o", text, "plain", ask=ask,
                                   system=system, temperature=temp, user=user, max_tokens=600)


DESK_SYS = ("You are the internal assistant of a localisation and accessibility agency: plain-language rewrites and "
            "transcript clean-ups for clients. Reply in the language the colleague used.")


def localisation_desk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in offices where Ligurian, Aragonese, Balinese, Minangkabau, Kirundi and Crimean
    Tatar are spoken ask for plain-language rewrites (60%) and transcript clean-ups in their own languages, 60-200 a
    day over the offices' time zones; chat or Anthropic; follow-ups in a third of conversations
    (personas_v17_more.office_helpdesk)."""
    offices = (("lij", 1), ("an", 1), ("ban", 8), ("min", 7), ("rn", 2), ("crh", 3))
    office_helpdesk(ctx, count, "localisation_desk", offices, C, DESK_SYS, ("plain", "clean"), 0.6)


PERSONAS_B = {"podcast_studio": (podcast_studio, 2),
              "meeting_notes_app": (meeting_notes_app, 3),
              "editing_course": (editing_course, 40),
              "copy_variants": (copy_variants, 2),
              "localisation_desk": (localisation_desk, 3)}
