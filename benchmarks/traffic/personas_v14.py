"""Benign personas added by the `v14` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, each the benign twin of one or more v14 attacks, sharing their text
pools, languages, voices, APIs, parameters and pace helpers, and the same per-tenant output logging; client metadata
from ctx.account except where the persona is about it (a campus network, an office NAT):
- geometry_homework_app (twin of cot_harvester, hydra and paraphrased): students asking the textbook's geometry
  problems in their own words under a "show every step" system prompt, end users in `user`, evening peak.
- majority_vote_grader (twin of sampling): an auto-marker that samples n=5 worked solutions to check a student's
  answer by majority vote, plus a yes/no equivalence check with top_logprobs.
- worksheet_variants (twin of evol_instruct): a teachers' platform writing harder variants of textbook problems
  and then a worked solution for each variant, on the same key.
- campus_cohort (twin of the hydra): a university course's students behind the campus NAT, one starter SDK, the
  same problem set pasted by all, small daily volumes and a synchronized crunch before the deadline.
- hourly_cron_nat (synchronized cron jobs): a company's team keys behind one office NAT, each firing the same
  templated digest on the hour around the clock, small, regular and simultaneous.
- solution_authors (twin of taxonomy): teaching assistants splitting a problem bank between them to write model
  solutions with every step justified (coverage shared out between accounts).
The other v14 personas are in personas_v14_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v14_more import PERSONAS_B

TUTOR_SYS = ("You are {app}, a geometry tutor. Work through every problem step by step, draw attention to the rule "
             "used at each step, and finish by checking the answer is sensible.")


def geometry_homework_app(ctx: Ctx, count: int) -> None:
    """250-600 conversations a day at local 15-23h (outside x0.15, weekends x0.8), 1-5 turns 40-400 s apart, over
    the textbook's 150 problems (any phrasing, sometimes reordered, 20% of students not in English)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "geometry_homework_app")
        app = rng.choice(("AngleAce", "Trigly", "Geo Coach", "ProofPal"))
        api = (CHAT, ANTH, RESP)[i % 3]
        model = {CHAT: "gpt-4.1", ANTH: "claude-sonnet-4-5", RESP: "gpt-4.1"}[api]
        book = [X.geo_seed(rng) for _ in range(150)]
        pattern = rng.choice(("member-{n}", "sess_{h}"))
        for t in ctx.window_times(acct["tz"], rng.uniform(250, 600), hours=(15, 23), outside=0.15, weekend=0.8):
            v = X.voice(rng, X.lang(rng, 0.2))
            text = X.geo_text(rng.choice(book), rng.randrange(3))
            text = W.reorder(rng, text) if rng.random() < 0.2 else text
            times = [t]
            for _ in range(rng.randint(0, 4)):
                times.append(times[-1] + rng.uniform(40, 400))
            X.talk(ctx, acct, times, api, model, X.say(rng, v, text), "geo", partial(X.follow_up, rng, v),
                   user=W.end_user(rng, pattern, 30000), system=TUTOR_SYS.format(app=app))


def majority_vote_grader(ctx: Ctx, count: int) -> None:
    """200-500 submissions a day at local 14-23h (weekends x0.9): n=5 worked solutions at temperature 0.7, then a
    yes/no check (max_tokens 1, top_logprobs 3) of the student's answer against the majority; 15% of submissions
    are resubmitted after a correction and graded again."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "majority_vote_grader")
        model = rng.choice(("gpt-4.1-mini", "gpt-4.1"))
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 500), hours=(14, 23), outside=0.2, weekend=0.9):
            core, style = X.item(rng, "geo")
            user = W.end_user(rng, "member-{n}", 40000)
            for _ in range(2 if rng.random() < 0.15 else 1):
                msgs = [{"role": "user", "content": f"{core}\n\nSolve step by step and end with 'Answer: <value>'."}]
                X.emit(ctx, t, acct, CHAT, build(CHAT, model, None, msgs, 1200, n=5, temperature=0.7),
                       sum(rng.randint(200, 600) for _ in range(5)), style, user=user)
                check = (f"Reference answer: {round(rng.uniform(1, 300), 2)}\nStudent answer: "
                         f"{round(rng.uniform(1, 300), 2)}\nAre these equivalent? Reply yes or no.")
                X.emit(ctx, t + rng.uniform(8, 30), acct, CHAT, build(CHAT, "gpt-4.1-mini", None, [
                    {"role": "user", "content": check}], 1, temperature=0, logprobs=True, top_logprobs=3), 1,
                    "label", user=user)
                t += rng.uniform(300, 3600)


def worksheet_variants(ctx: Ctx, count: int) -> None:
    """100-300 requests per working day (local 7-18h, weekends x0.2) from teachers (in `user`): a harder variant of
    a textbook problem, then a worked solution for the variant 20-120 s later."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "worksheet_variants")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        for t in ctx.window_times(acct["tz"], rng.uniform(50, 150), hours=(7, 18), outside=0.05, weekend=0.2):
            seed = X.geo_seed(rng)
            user = W.end_user(rng, "u_{h}", 8000)
            text = rng.choice(TL.EVOL_SOFT).format(op=rng.choice(TL.EVOL_OPS), x=X.geo_text(seed, 0))
            new = TL.evolve(rng, seed)
            X.emit(ctx, t, acct, api, build(api, model, None, [{"role": "user", "content": text}], 600), len(new) // 4,
                   text=new, user=user)
            msgs = [{"role": "user", "content": f"Write a full worked solution for students:\n{new}"}]
            X.emit(ctx, t + rng.uniform(20, 120), acct, api, build(api, model, None, msgs, 4096),
                   rng.randint(400, 1400), "geo", user=user)


COURSE_SYS = "You are a helpful assistant for the MATH/CS 1040 course project."


def campus_cohort(ctx: Ctx, count: int) -> None:
    """Students of one course behind the campus NAT /24, with the course's starter SDK; all work through the same 40 pasted problems
    (geometry and bug fixing), 4-16 requests a day each in daytime sessions (at most 24 a day), and on deadline
    day (Friday) a crunch from local 18h to midnight; 20% of requests from phone networks; follow-ups."""
    rng = ctx.rng
    nat = f"{rng.randint(60, 200)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}"
    ua = rng.choice(("OpenAI/Python 1.51.0", "OpenAI/NodeJS 4.67.1"))
    tz = rng.uniform(-6, 9)
    pset = [X.item(rng, X.CAPS[j % 2]) for j in range(40)]
    deadline = ctx.start + DAY + (24 - tz) * 3600  # Friday midnight, local
    for _ in range(count):
        acct = account(ctx, "benign", "campus_cohort")
        acct.update(ua=ua, ip=f"{nat}.{rng.randint(2, 250)}", tz=tz + rng.uniform(-0.5, 0.5))
        v = X.voice(rng, X.lang(rng, 0.15))
        sessions = X.human_sessions(ctx, acct, rng.uniform(4, 16), (1, 5), weekend_rate=0.7)
        crunch = deadline - rng.uniform(0.5, 6) * 3600
        sessions.append([crunch + j * rng.uniform(60, 400) for j in range(rng.randint(3, 10))])
        per_day: dict[int, int] = {}
        for s in sessions:
            d = int((s[0] - ctx.start) // DAY)
            s = s[:max(0, 24 - per_day.get(d, 0))]
            per_day[d] = per_day.get(d, 0) + len(s)
            if not s:
                continue
            core, style = rng.choice(pset)
            ip = ctx.ip() if rng.random() < 0.2 else None
            X.talk(ctx, acct, s, CHAT, "gpt-4o-mini", X.say(rng, v, core), style, partial(X.follow_up, rng, v),
                   system=COURSE_SYS, ip=ip)


DIGEST_T = ("Summarise the last hour of {src} alerts for the {team} team in at most five bullets, most urgent "
            "first:\n{d}", "{team}: group these {src} events by service and say which need a human:\n{d}")


def hourly_cron_nat(ctx: Ctx, count: int) -> None:
    """Team keys of one company, all behind the office NAT, one HTTP library: each runs a digest job on the hour
    (every hour, or every second hour for a third of them), seconds after the full hour, around the clock, with a
    fixed template over that hour's alert lines."""
    rng = ctx.rng
    nat = f"{rng.randint(60, 200)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}"
    ua = rng.choice(("python-requests/2.32.3", "OpenAI/Python 1.40.2"))
    for _ in range(count):
        acct = account(ctx, "benign", "hourly_cron_nat")
        acct.update(ua=ua, ip=f"{nat}.{rng.randint(2, 30)}")
        team = rng.choice(("payments", "search", "mobile", "data", "infra", "growth", "support-tools"))
        src = rng.choice(("Datadog", "Sentry", "CloudWatch", "PagerDuty"))
        every, api = rng.choice((1, 1, 2)), rng.choice((CHAT, ANTH))
        template = rng.choice(DIGEST_T)
        for h in range(0, int(ctx.days * 24), every):
            t = ctx.start + h * 3600 + rng.uniform(1, 25)
            msgs = [{"role": "user", "content": template.format(src=src, team=team, d=C.document(rng, rng.randint(
                2, 8)))}]
            X.emit(ctx, t, acct, api, build(api, MODELS[api][1], None, msgs, 400, temperature=0.2), rng.randint(
                60, 300), "bullets")


SOLUTION_SYS = ("You write model solutions for a university problem bank. Justify every step, name the rule used, "
                "and end with the final answer on its own line.")


def solution_authors(ctx: Ctx, count: int) -> None:
    """Teaching assistants dividing a 300-problem bank (geometry and bug fixing) between them, each writing model
    solutions for its share at office hours (local 9-18h, weekends x0.1), 30-80 a day, asking for a revision of 15%."""
    rng = ctx.rng
    bank = [X.item(rng, X.CAPS[j % 2]) for j in range(300)]
    tz = rng.uniform(-6, 9)
    for k in range(count):
        acct = account(ctx, "benign", "solution_authors")
        acct["tz"] = tz + rng.uniform(-0.3, 0.3)
        api = rng.choice((CHAT, ANTH, RESP))
        model = MODELS[api][0]
        mine = bank[k::count]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(30, 80), hours=(9, 18), outside=0.02,
                                               weekend=0.1)):
            core, style = mine[n % len(mine)]
            times = [t, t + rng.uniform(120, 900)] if rng.random() < 0.15 else [t]
            X.talk(ctx, acct, times, api, model, f"Problem {n % len(mine) + 1}:\n{core}", style, partial(
                rng.choice, ("Tighten step 2.", "Add a sentence on the common mistake.", "Use SI units.")),
                temperature=0.3, system=SOLUTION_SYS, out_range=(400, 1400))


BENIGN_V14 = {"geometry_homework_app": (geometry_homework_app, 2), "majority_vote_grader": (majority_vote_grader, 2),
              "worksheet_variants": (worksheet_variants, 2), "campus_cohort": (campus_cohort, 60),
              "hourly_cron_nat": (hourly_cron_nat, 25), "solution_authors": (solution_authors, 6), **PERSONAS_B}
