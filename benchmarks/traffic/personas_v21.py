"""Benign hard-negative personas of the `v21` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v21 campaign does in one or two
respects, over the same text pools (corpus_v21*), with the client metadata ctx.account gives every account. Each
has a legitimate reason for what it does:

- step_tutor_app (twin of socratic_ladder): a tutoring app whose system prompt makes the model give one step at a
  time; students paste the week's problem-sheet questions and ask for the next step in a few words, echo the values
  they get, give up half-way or go to the end; students in `user`, the sheet's questions recur.
- explore_chips_app (twin of frontier_crawl): a learning app's "explore" feature: a learner asks about a concept,
  the answer names related topics, the app shows them as buttons, and a click sends "Tell me more about ..." in the
  same conversation; popular concepts and paths come back again and again.
- standards_glossary_team (twin of the blunt frontier_crawl accounts): a standards committee drafting its glossary,
  one entry per term in alphabetical order with a definition, a worked example and related terms, then a review
  pass over the same terms.
- timetable_cohort (twin of capability_rotation and of the careful hydra accounts): an engineering cohort, each
  student on their own key under a per-key quota of 25 requests a day, whose timetable changes the subject every
  day; on each day the whole class asks about the day's subject from the shared problem sheet, most of them in the
  hour before the lecture.
The other five are in personas_v21_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v21 as C
from benchmarks.traffic import corpus_v21_more as D
from benchmarks.traffic.attacks_v21_more import crawl_turn, ladder_next
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v21_more import PERSONAS_B

TUTOR_APPS = (("CipherSteps", "crypto"), ("StaticsCoach", "struct"), ("LogicLadder", "rtl"))
TUTOR_SYS = ("You are {app}'s tutor. Never give the whole solution at once: give one step, then ask the student to "
             "try the next one themselves. Be encouraging.")


def step_tutor_app(ctx: Ctx, count: int) -> None:
    """Benign: a tutoring app (one account each, chat, Anthropic or Responses) under TUTOR_SYS: 80-220 conversations a
    day at local 15-23h (outside x0.15, weekends x0.9), each a student (800-3000 of them, a few heavy users and a
    long tail, in `user`) on one of the week's 25-50 problem-sheet questions (which recur across students), pasted
    as it is or in the student's words, with a one-step ask in 30%; the student asks for the next step (a few words,
    an echoed value in half) and stops when they have it: 1-2 more turns typically, 15% go all the way to the
    answer."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "step_tutor_app")
        app, cap = TUTOR_APPS[i % 3]
        api = (CHAT, ANTH, RESP)[i % 3]
        model = MODELS[api][1]
        sheet = [C.seed(rng, cap) for _ in range(rng.randint(25, 50))]
        students, weights = C.users(rng, rng.randint(800, 3000), share=0.1)
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 220), hours=(15, 23), outside=0.15, weekend=0.9):
            user, v = rng.choices(students, weights)[0]
            s = rng.choice(sheet)
            x = C.text(s, rng.randrange(3))
            if rng.random() < 0.3:
                x += "\n\n" + rng.choice(D.ONE_STEP)
            opener = C.say(rng, v, x, ask=False) if rng.random() < 0.6 else x
            steps = D.steps_of(s)
            if rng.random() < 0.15:
                turns = steps + 1
            else:
                turns = 1
                while turns < steps and rng.random() < 0.55:
                    turns += 1
            D.ladder(ctx, acct, t, api, model, opener, cap, turns, ladder_next(rng, v, steps, 0.5), v=v,
                     system=TUTOR_SYS.format(app=app), user=user, emit=C.emit)


EXPLORE_APPS = (("Kryptos Explore", "crypto"), ("LoadPath", "struct"), ("GateWise", "rtl"))
EXPLORE_SYS = ("You are {app}'s study companion. Explain the concept clearly with a short example, then list three "
               "related topics; the app shows them as buttons.")


def explore_chips_app(ctx: Ctx, count: int) -> None:
    """Benign: a learning app (one account each) whose learners (500-2000, in `user`) ask about a concept of the
    app's subject (the popular ones far more often: weights 1/rank over the roots of the concept graph) or paste a
    problem, then click 0-4 of the related-topic buttons the answer shows (D.CHIP, the first button most often), each
    click a turn of the same conversation; 80-250 conversations a day at local 17-23h (outside x0.2, weekends x1)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "explore_chips_app")
        app, cap = EXPLORE_APPS[i % 3]
        api = (ANTH, CHAT, RESP)[i % 3]
        model = MODELS[api][-1 if api != RESP else 1]
        roots = rng.sample(D.roots(cap), len(D.roots(cap)))
        pop = [1 / (r + 1) for r in range(len(roots))]
        learners, weights = C.users(rng, rng.randint(500, 2000), share=0.1)
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(17, 23), outside=0.2, weekend=1.0):
            user, v = rng.choices(learners, weights)[0]
            c = rng.choices(roots, pop)[0]
            if rng.random() < 0.3:
                opener = C.say(rng, v, C.item(rng, cap)[0])
            else:
                opener = C.say(rng, v, rng.choice(("What is {c}?", "Explain {c}", "{c} - how does it work?")).format(
                    c=D.concept(c)), ask=False)
            cur = [c]

            def click(cur=cur) -> tuple[str, D.Concept]:
                cur[0] = rng.choices(D.children(cur[0]), (5, 3, 2))[0]
                return D.CHIP.format(c=D.concept(cur[0])), cur[0]

            clicks = rng.choices((0, 1, 2, 3, 4), (30, 30, 20, 12, 8))[0]
            crawl_turn(ctx, acct, t, api, model, opener, c, 1 + clicks, click, v=v,
                       system=EXPLORE_SYS.format(app=app), user=user, out_range=(250, 900), max_tokens=1024)


GLOSSARY_BODIES = (("CryptoTerm working group", "crypto"), ("Structural Eurocodes terminology panel", "struct"),
                   ("Digital Design Standards glossary committee", "rtl"))
GLOSSARY_SYS = "You draft entries for the {body}'s glossary. Be precise and neutral; follow the house format."
GLOSSARY_T = ("Glossary entry: {term}\nGive a one-paragraph definition, a worked example and the related terms.",
              "Review the glossary entry for {term}: tighten the definition and check the worked example.")


def standards_glossary_team(ctx: Ctx, count: int) -> None:
    """Benign: a committee's drafting key (chat, temperature 0.2, members in `user`): every concept of its subject
    with a qualifier and no application (the graph's 24 x 12 terms), one request each in alphabetical order
    (GLOSSARY_T[0]), then a review pass over the same terms (GLOSSARY_T[1]); 40-120 a working day at local 9-17h
    (outside x0.05, weekends x0.1)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "standards_glossary_team")
        body, cap = GLOSSARY_BODIES[i % 3]
        model = MODELS[CHAT][i % 2]
        terms = sorted(((cap, b, q, 0) for b in range(len(D.BASES[cap])) for q in range(len(D.QUALS[cap]))),
                       key=lambda c: D.concept(c).lower())
        members = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 9))]
        times = ctx.window_times(acct["tz"], rng.uniform(40, 120), hours=(9, 17), outside=0.05, weekend=0.1)
        for n, t in enumerate(times):
            c = terms[n % len(terms)]
            msg = GLOSSARY_T[n // len(terms) % 2].format(term=D.concept(c))
            crawl_turn(ctx, acct, t, CHAT, model, msg, c, 1, lambda: "", system=GLOSSARY_SYS.format(body=body),
                       user=rng.choice(members), out_range=(300, 900), max_tokens=1200)


QUOTA = 25


def timetable_cohort(ctx: Ctx, count: int) -> None:
    """Benign: an engineering cohort (one university, each student on their own key, 15% writing in the v21
    languages) whose timetable (C.TIMETABLE) gives each local day one subject; the class shares one problem sheet of
    15 questions per subject. Every weekday the whole class sends 1-4 requests in the hour before the 10h lecture, then
    studies in its own sessions (3-12 a day, weekends x0.8), 85% on the day's subject from the sheet, 15% revision
    of any subject; follow-ups in a third of conversations; at most 25 requests a UTC day per key (the university's
    quota)."""
    rng = ctx.rng
    tz = rng.uniform(-6, 9)
    sheets = {cap: [C.text(C.seed(rng, cap), rng.randrange(3)) for _ in range(15)] for cap in C.CAPS}
    for _ in range(count):
        acct = account(ctx, "benign", "timetable_cohort")
        acct["tz"] = tz + rng.uniform(-0.3, 0.3)
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        sessions = C.human_sessions(ctx, acct, rng.uniform(3, 12), (1, 4), weekend_rate=0.8, cap=18)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((9 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 2400)
            if not C.weekend(ctx, t, acct["tz"]):
                sessions.append([t + j * rng.uniform(60, 400) for j in range(rng.randint(1, 4))])
        used: dict[int, int] = {}

        def question(cap: str) -> tuple[str, str]:
            if rng.random() < 0.85:
                return rng.choice(sheets[cap]), cap
            return C.any_item(rng)

        for s in sorted(sessions):
            kept = []
            for t in s:  # the quota: the gateway refuses a key's 26th request of a UTC day
                d = int((t - ctx.start) // DAY)
                if used.get(d, 0) < QUOTA:
                    used[d] = used.get(d, 0) + 1
                    kept.append(t)
            if kept:
                cap = C.class_of(ctx, kept[0], acct["tz"])
                C.sitting(ctx, acct, kept, v, api, model, temp, partial(question, cap), 0.33, 0.05)


BENIGN_V21 = {"step_tutor_app": (step_tutor_app, 3), "explore_chips_app": (explore_chips_app, 3),
              "standards_glossary_team": (standards_glossary_team, 3), "timetable_cohort": (timetable_cohort, 60),
              **PERSONAS_B}
