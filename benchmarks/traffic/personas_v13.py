"""Benign personas added by the `v13` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, each the benign twin of one or more v13 attacks, sharing their text
pools, languages, voices, APIs and parameters and the same per-tenant output logging; client metadata from
ctx.account except where the persona is about it (a hackathon venue):
- stats_tutor_app (twin of cot_harvester and paraphrased): a probability-and-statistics tutoring app whose students
  ask the textbook's problems in their own words, step by step, under a "show every step" system prompt, students
  in `user`, evening peak, follow-ups.
- sql_notebook (twin of taxonomy): a BI notebook's "ask in English" feature: each customer's schema and dialect in
  the system prompt, analysts in `user`, office hours, fix-the-error follow-ups.
- ticket_router (twin of soft_labels): a help-desk product routing tickets with max_tokens 1 and top_logprobs
  (confidence thresholds send the unsure ones to a human), customers' business hours, high volume.
- ad_copy_variants (twin of sampling): a marketing tool showing 4-6 alternatives (n) at high temperature, and
  "regenerate" sending the same brief again.
- hackathon_cohort (twin of the careless hydra): a weekend hackathon: 50 accounts opened within two hours of each
  other from the venue's NAT, one starter kit (one SDK, one model, one system prompt), each under 30 requests a
  day, bursts through the night.
The other v13 personas are in personas_v13_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v13 as V
from benchmarks.traffic import corpus_v13_media as M
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v13_more import PERSONAS_B

TUTOR_SYS = ("You are {app}, a statistics tutor. Work through every problem step by step, explain why each step "
             "is needed, and finish by checking the answer makes sense.")


def stats_tutor_app(ctx: Ctx, count: int) -> None:
    """200-450 conversations a day at local 15-24h (outside x0.15, weekends x0.7), 1-5 turns 40-400 s apart,
    over the course textbook's 120 problems (any phrasing, sometimes reordered; 20% of students not in English);
    students from a 25k pool."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "stats_tutor_app")
        app = rng.choice(("StatBuddy", "Probly", "Tutorly Stats", "Sigma Study"))
        api = (RESP, CHAT, ANTH)[i % 3]
        model = {CHAT: "gpt-4.1", ANTH: "claude-sonnet-4-5", RESP: "gpt-4.1"}[api]
        book = [V.prob_seed(rng) for _ in range(120)]
        pattern = rng.choice(("member-{n}", "sess_{h}"))
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 450), hours=(15, 24), outside=0.15, weekend=0.7):
            v = V.voice(rng, V.lang(rng, 0.2))
            text = V.prob_text(rng.choice(book), rng.randrange(3))
            text = W.reorder(rng, text) if rng.random() < 0.2 else text
            times = [t]
            for _ in range(rng.randint(0, 4)):
                times.append(times[-1] + rng.uniform(40, 400))
            V.talk(ctx, acct, times, api, model, V.say(rng, v, text), "prob", partial(V.follow_up, rng, v),
                   user=W.end_user(rng, pattern, 25000), system=TUTOR_SYS.format(app=app))


NOTEBOOK_SYS = ("You translate questions into {dialect} for the analytics notebook. Schema: {schema}. Reply with one "
                "query in a code block and one sentence on what it returns.")
FIXES = ("that errors: column \"created_at\" does not exist", "can you make it weekly instead", "exclude test "
         "accounts (ids under 100)", "why are there duplicates?", "now add last year for comparison")


def sql_notebook(ctx: Ctx, count: int) -> None:
    """Each account a notebook vendor with 5-12 customers (a schema and dialect each); 150-350 questions per working
    day (local 8-19h, outside x0.1, weekends x0.1); 30% followed by 1-3 fixes 1-6 min apart; analysts in `user`."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "sql_notebook")
        customers = [(rng.randrange(6), rng.choice(list(V.SCHEMAS))) for _ in range(rng.randint(5, 12))]
        api = rng.choice((CHAT, RESP))
        model = rng.choice(MODELS[api][:2])
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 350), hours=(8, 19), outside=0.1, weekend=0.1):
            d, dom = rng.choice(customers)
            system = NOTEBOOK_SYS.format(dialect=V.DIALECTS[d], schema=V.SCHEMAS[dom])
            q = V.sql_task(rng, (d, dom, rng.randrange(12), rng.randrange(3)), rng.choice((0, 2)))
            times = [t]
            if rng.random() < 0.3:
                for _ in range(rng.randint(1, 3)):
                    times.append(times[-1] + rng.uniform(60, 360))
            V.talk(ctx, acct, times, api, model, q, "sql", partial(rng.choice, FIXES), temperature=0,
                   user=W.end_user(rng, "u_{h}", 3000), system=system, out_range=(120, 600))


def ticket_router(ctx: Ctx, count: int) -> None:
    """500-1,000 tickets per weekday at local 7-20h (outside x0.3, weekends x0.5), one prompt shape and label set
    per account, max_tokens 1, top_logprobs 10, temperature 0."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "ticket_router")
        shape = i % 3
        model = rng.choice(("gpt-4.1-mini", "gpt-4o-mini"))
        for t in ctx.window_times(acct["tz"], rng.uniform(500, 1000), hours=(7, 20), outside=0.3, weekend=0.5):
            prompt = M.label_prompt("ticket", M.label_text(rng, "ticket"), shape)
            body = build(CHAT, model, None, [{"role": "user", "content": prompt}], 1, temperature=0, logprobs=True,
                         top_logprobs=10)
            V.emit(ctx, t, acct, CHAT, body, 1, "label")


def ad_copy_variants(ctx: Ctx, count: int) -> None:
    """150-400 briefs per working day (local 9-19h, weekends x0.2), n 4-6 at temperature 1.0-1.2; 25% regenerated
    (the same brief again) 10-90 s later; marketers in `user`."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "ad_copy_variants")
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(9, 19), outside=0.05, weekend=0.2):
            brief, n = M.ad_brief(rng), rng.randint(4, 6)
            user = W.end_user(rng, "member-{n}", 5000)
            for _ in range(2 if rng.random() < 0.25 else 1):
                body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": brief}], 120, n=n,
                             temperature=rng.choice((1.0, 1.1, 1.2)))
                V.emit(ctx, t, acct, CHAT, body, sum(rng.randint(8, 30) for _ in range(n)), "prose", user=user)
                t += rng.uniform(10, 90)


STARTER_SYS = "You are a helpful assistant."
PROJECTS = ("a study planner", "a probability game for kids", "a SQL tutor bot", "a log analyser", "a recipe app",
            "a bus-delay predictor", "a flashcard generator", "an accessibility checker")


def hackathon_cohort(ctx: Ctx, count: int) -> None:
    """The hackathon runs from Friday 18h to Sunday 14h at the venue (local); accounts opened between 17h and 19h;
    each hacker 8-28 requests a day (at most 29) in bursts of 2-8, at any hour of the event; the venue NAT /24 and
    the starter kit's SDK for all, 20% of requests from a hacker's phone hotspot."""
    rng = ctx.rng
    tz = rng.uniform(-6, 3)
    start = ctx.start + (DAY if ctx.days >= 3 else 0) + (18 - tz) % 24 * 3600  # Friday 18h (day 0 if short)
    end = start + 44 * 3600
    nat = f"{rng.randint(60, 200)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}"
    ua = rng.choice(("OpenAI/Python 1.51.0", "OpenAI/NodeJS 4.67.1"))
    for _ in range(count):
        acct = account(ctx, "benign", "hackathon_cohort")
        acct.update(ua=ua, ip=f"{nat}.{rng.randint(2, 250)}", tz=tz)
        v = V.voice(rng, V.lang(rng, 0.15))
        project = rng.choice(PROJECTS)
        t = start - 3600 + rng.uniform(0, 2 * 3600)
        per_day: dict[int, int] = {}
        while t < end:
            burst = rng.randint(2, 8)
            for _ in range(burst):
                day = int((t - ctx.start) // DAY)
                if per_day.get(day, 0) >= 29:
                    break
                per_day[day] = per_day.get(day, 0) + 1
                r = rng.random()
                if r < 0.4:
                    core, style = V.item(rng, rng.choice(V.CAPS))
                    text = V.say(rng, v, core, ask=False)
                elif r < 0.7:
                    text, style = f"I'm building {project}. " + V.cover(rng, v), "prose"
                else:
                    text, style = f"{project}: " + rng.choice(("how do I deploy a flask app for free?", "best way to "
                                  "store api keys in a hackathon demo", "write a README intro", "help me name it",
                                  "draft our 2-minute pitch")), "bullets"
                msgs = [{"role": "user", "content": text}]
                ip = ctx.ip() if rng.random() < 0.2 else None
                V.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4o-mini", STARTER_SYS, msgs, 1024), rng.randint(80, 700),
                       style, ip=ip)
                t += rng.uniform(20, 240)
            t += rng.expovariate(1 / 5400)


BENIGN_V13 = {"stats_tutor_app": (stats_tutor_app, 2), "sql_notebook": (sql_notebook, 3),
              "ticket_router": (ticket_router, 2), "ad_copy_variants": (ad_copy_variants, 2),
              "hackathon_cohort": (hackathon_cohort, 50), **PERSONAS_B}
