"""Benign hard-negative personas of the `v20` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v20 campaign does in one or two
respects, over the same text pools (corpus_v20*), with the client metadata ctx.account gives every account. Each
has a legitimate reason for what it does:

- step_checker_app (twin of schema_cot): a homework app that checks students' working step by step, so it asks
  for a reference solution as a structured record (a json_schema format or a forced tool with a steps array, on
  three APIs), with the student's working pasted under the exercise; students in `user`, the course's exercises recur.
- persona_sim_qa (twin of grammar_prompts): the QA team of a product with an assistant, which simulates its users
  with a small model: generated user messages (some with the generator's preamble left in), replayed as a
  regression suite through a worker pool after every deploy and every night, plus a few new ones each run.
- audit_firm_ci_bot (twin of ci_review_harvest): a smart-contract audit firm's review bot on its clients'
  repositories: a pull request's files a few seconds apart, several pushes per pull request, the same contracts
  coming back with edits, and a nightly scan of a whole repository.
- pricing_analyst_pool (twin of hydra): an insurer's pricing analysts, each on their own key under a per-key
  quota of 25 requests a day, all pasting questions into the desk's one shared notebook template, the whole desk
  at once before the morning stand-up.
The other five are in personas_v20_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v20 as C
from benchmarks.traffic import corpus_v20_more as D
from benchmarks.traffic.attacks_v20_more import exercise_label, review_request, schema_request
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v20_more import PERSONAS_B

STEP_APPS = (("StepCheck Actuarial", "act"), ("Orbit Tutor", "orbit"), ("AuditSchool", "sol"))
STEP_SYS = ("You are {app}'s step checker. Write the reference solution one step per entry; if the student's working "
            "is given, compare it with yours and say which step first goes wrong.")


def step_checker_app(ctx: Ctx, count: int) -> None:
    """Benign: a homework app (one account each) whose checker needs a reference solution as a structured record:
    its schema (a steps array) as a json_schema response format on chat, a forced tool on Anthropic, a json_schema
    text format on Responses or a forced function tool on chat (the app is moving providers and tries them side by
    side: 55% on its main arm, the rest on the other three), its system prompt, the course's 60-120 exercises
    ('Exercise n.m' and the problem); 65% of requests are a student's check (the student's working pasted under the
    exercise, the student in `user`), 35% an instructor regenerating a reference solution (an instructor id in
    `user`); 80-250 a day with an evening peak (local 16-23h, outside x0.2, weekends x1.0)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "step_checker_app")
        app, cap = STEP_APPS[i % 3]
        arms = [(CHAT, False), (ANTH, False), (RESP, False), (CHAT, True)]
        arms = arms[i % 4:] + arms[:i % 4]
        models = {api: MODELS[api][-1 - i // 3 % 2] for api in (CHAT, ANTH, RESP)}
        sch = D.schema(rng, "step_solution", "steps")
        system = STEP_SYS.format(app=app)
        course = [(exercise_label(rng), C.text(C.seed(rng, cap), rng.randrange(3)))
                  for _ in range(rng.randint(60, 120))]
        students, weights = C.users(rng, rng.randint(800, 3000), rng.choice(W.USER_POOLS))
        staff = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 6))]
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(16, 23), outside=0.2, weekend=1.0):
            label, x = rng.choice(course)
            if rng.random() < 0.65:
                user = rng.choices(students, weights)[0][0]
                working = D.answer(rng, cap, rng.randint(60, 220))
                content = f"{label}\n{x}\n\nStudent's working:\n{working}"
            else:
                user, content = rng.choice(staff), f"{label}\n{x}"
            api, as_tool = rng.choices(arms, (55, 20, 15, 10))[0]
            body = schema_request(api, models[api], system, content, sch, as_tool, 2048)
            C.emit(ctx, t, acct, api, body, rng.randint(300, 1400), f"schema_{cap}", user=user)


SIM_PRODUCTS = (("Claimly", "act", "You are Claimly, the assistant of a home and motor insurer. Answer policyholders' "
                 "questions about premiums, cover and claims accurately."),
                ("GroundTrack", "orbit", "You are GroundTrack's mission-planning assistant. Help satellite operators "
                 "with orbits, passes and manoeuvre budgets."),
                ("WalletGuard", "sol", "You are WalletGuard's security assistant. Explain smart-contract risks to "
                 "wallet users and developers in plain words."))


def run_pool(ctx: Ctx, acct: dict, t0: float, jobs: list[tuple[str, dict, str, str | None]], workers: int) -> float:
    """A harness run: `jobs` ((api, body, style, user)) sent in order by `workers` parallel workers, each taking the
    next job when its previous request has finished (latency from the output length); returns the end time."""
    rng = ctx.rng
    free = [t0 + rng.uniform(0, 2) for _ in range(workers)]
    for api, body, style, user in jobs:
        w = min(range(workers), key=free.__getitem__)
        out = rng.randint(120, 900)
        C.emit(ctx, free[w], acct, api, body, out, style, user=user)
        free[w] += out / rng.uniform(45, 110) + rng.uniform(0.3, 2.0)
    return max(free)


def persona_sim_qa(ctx: Ctx, count: int) -> None:
    """Benign: a product's QA team simulating its users with a small model (D.written, the generator's preamble left
    in on 5% of messages): a regression suite of 150-300 generated messages, each run replaying the whole suite
    plus 30-60 newly generated ones through 4-8 workers under the product's system prompt, a simulated session id
    in `user`; a run after each deploy (1-3 at local 10-18h each weekday) and one every night at local 1h."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "persona_sim_qa")
        _, cap, system = SIM_PRODUCTS[i % 3]
        api = (ANTH, CHAT, RESP)[i % 3]
        model = MODELS[api][-1]

        def generated(cap=cap) -> tuple[str, str]:
            return D.written(rng, C.item(rng, cap)[0], preamble=rng.random() < 0.05), cap

        suite = [generated() for _ in range(rng.randint(150, 300))]
        starts = []
        for d in range(int(ctx.days + 0.999)):
            day = ctx.start + d * DAY
            starts.append(day + ((1 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900))
            if not C.weekend(ctx, day + ((12 - acct["tz"]) % 24) * 3600, acct["tz"]):
                starts += [day + ((10 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 8 * 3600)
                           for _ in range(rng.randint(1, 3))]
        for t in sorted(starts):
            msgs = suite + [generated() for _ in range(rng.randint(30, 60))]
            jobs = [(api, build(api, model, system, [{"role": "user", "content": x}], 1024), style,
                     W.end_user(rng, "sess_{h}", 10 ** 6)) for x, style in msgs]
            run_pool(ctx, acct, t, jobs, rng.randint(4, 8))


AUDIT_FIRMS = (("Trailmark Security", "sentinel-ci"), ("Blocksafe Audits", "AuditPal"), ("Veritas Chain", "SecReview"))


def audit_firm_ci_bot(ctx: Ctx, count: int) -> None:
    """Benign: an audit firm's review bot on 3-6 client repositories of 15-40 contracts each: 10-40 pull requests a
    day at the clients' office hours (local 9-19h, outside x0.1, weekends x0.2), each touching 1-4 existing
    contracts and pushed 1-5 times 5-240 minutes apart (the code edited between pushes now and then), a file every
    0.5-6 s; every night at local 2h a full scan of one repository in turn (every contract, 2-8 s apart). The same
    contracts come back again and again."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "audit_firm_ci_bot")
        org, bot = AUDIT_FIRMS[i % 3]
        api = (CHAT, ANTH, CHAT)[i % 3]
        model = MODELS[api][0]
        repos = {}
        for client in rng.sample(("acorn-dex", "fathom-lend", "glacier-vaults", "meridian-bridge", "pike-perps",
                                  "sorrel-nft", "wren-stable"), rng.randint(3, 6)):
            files: dict[str, tuple] = {}
            for _ in range(rng.randint(15, 40)):
                s = C.seed(rng, "sol")
                files.setdefault(D.contract_name(rng, s[2]["ct"]), s)
            repos[f"{client}/{rng.choice(('contracts', 'protocol', 'core'))}"] = files
        names = list(repos)
        pr = rng.randint(200, 4000)
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 40), hours=(9, 19), outside=0.1, weekend=0.2):
            pr += rng.randint(1, 6)
            repo = rng.choice(names)
            touched = rng.sample(sorted(repos[repo]), min(len(repos[repo]), rng.randint(1, 4)))
            title = D.pr_title(rng, touched[0])
            for _ in range(rng.randint(1, 5)):
                for name in touched:
                    if rng.random() < 0.2:
                        repos[repo][name] = C.perturb(rng, repos[repo][name])
                    msg = D.pr_message(repo, pr, title, name, D.contract_diff(rng, name, repos[repo][name],
                                                                             rng.randint(0, 4)))
                    C.emit(ctx, t, acct, api, review_request(api, model, bot, org, msg, 2048),
                           rng.randint(200, 1200), "pr_review")
                    t += rng.uniform(0.5, 6)
                t += rng.uniform(300, 14400)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 300)
            repo = names[d % len(names)]
            for name, s in repos[repo].items():
                msg = D.pr_message(repo, 0, "Nightly scan of main", name, D.contract_diff(rng, name, s, 0))
                C.emit(ctx, t, acct, api, review_request(api, model, bot, org, msg, 2048), rng.randint(150, 900),
                       "pr_review")
                t += rng.uniform(2, 8)


DESK_TEMPLATE = "[Pricing desk | {team}] Context: {context}\nQuestion: {q}\nShow the calculation and state assumptions."
DESK_TEAMS = (("Motor", "act"), ("Property", "act"), ("Life", "act"), ("Reinsurance", "act"),
              ("Space & Aviation", "orbit"), ("Digital Assets", "sol"))
DESK_CONTEXT = ("renewal pack for Monday", "broker query", "quarterly reserving review", "new product filing",
                "peer review of a colleague's sheet", "board pack figures")
QUOTA = 25


def pricing_analyst_pool(ctx: Ctx, count: int) -> None:
    """Benign: an insurer's pricing analysts (their own keys, one office, 20% in the group's offices abroad who
    write in the v20 languages), all using the desk's shared notebook template (DESK_TEMPLATE) for their team's
    questions; every weekday the whole desk sends 2-6 requests in the half hour before the 9:30 stand-up, then
    works in its own sessions (2-10 a day, follow-ups in a third of conversations, short answers); at most 25
    requests a UTC day per key (the desk's quota)."""
    rng = ctx.rng
    tz = rng.uniform(-6, 9)
    for k in range(count):
        acct = account(ctx, "benign", "pricing_analyst_pool")
        acct["tz"] = tz + rng.uniform(-0.3, 0.3)
        team, cap = DESK_TEAMS[k % len(DESK_TEAMS)]
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.5))
        sessions = C.human_sessions(ctx, acct, rng.uniform(2, 10), (1, 4), weekend_rate=0.3, cap=16)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((9 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1200)
            if not C.weekend(ctx, t, acct["tz"]):
                sessions.append([t + j * rng.uniform(60, 300) for j in range(rng.randint(2, 6))])
        used: dict[int, int] = {}

        def question(cap=cap, team=team, v=v) -> tuple[str, str]:
            x, c = C.item(rng, cap if rng.random() < 0.85 else "act")
            return DESK_TEMPLATE.format(team=team, context=rng.choice(DESK_CONTEXT), q=x), c

        for s in sorted(sessions):
            kept = []
            for t in s:  # the quota: the gateway refuses a key's 26th request of a UTC day
                d = int((t - ctx.start) // DAY)
                if used.get(d, 0) < QUOTA:
                    used[d] = used.get(d, 0) + 1
                    kept.append(t)
            if kept:
                C.sitting(ctx, acct, kept, v, api, model, temp, question, 0.33, 0.05, out_range=(100, 500))


BENIGN_V20 = {"step_checker_app": (step_checker_app, 3), "persona_sim_qa": (persona_sim_qa, 3),
              "audit_firm_ci_bot": (audit_firm_ci_bot, 3), "pricing_analyst_pool": (pricing_analyst_pool, 60),
              **PERSONAS_B}
