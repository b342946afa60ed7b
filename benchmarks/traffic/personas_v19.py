"""Benign hard-negative personas of the `v19` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v19 campaign does in one or two
respects, over the same text pools (corpus_v19*), with the client metadata ctx.account gives every account. Each
has a legitimate reason for what it does:

- kb_faq_builder (twin of backtranslation): the docs team of a software company turning its own help articles and
  community-forum answers into FAQ entries: which questions does this answer (JSON on the OpenAI APIs now and
  then), and a rewrite of a terse community answer for the help centre; the same articles come back after edits.
- private_benchmark_lab (twin of eval_masquerade): a lab that keeps a private held-out benchmark of the three
  capabilities and evaluates models on it: suite header, few-shot exemplars, answer-line format, a worker pool,
  nightly runs of the whole set on its current models and ad hoc runs on subsets, some sampled five times; the
  same items every run.
- house_style_tutor_app (twin of context_distill): a tutoring app whose system prompt is its style guide with
  9-13 worked examples (cached on Anthropic), students in `user`, the course's problem sets, an evening peak, one
  prompt deploy during the window and an A/B test of two providers.
- embedded_academy_cohort (twin of hydra): the trainees of an electronics firm's embedded-systems academy, each on
  their own key, on this week's signals problem set, under the academy's per-key quota of 25 requests a day.
The other five are in personas_v19_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v19 as C
from benchmarks.traffic import corpus_v19_more as D
from benchmarks.traffic.attacks_v19_more import DOCS_SYS, EVAL_MODELS, eval_request, eval_run, qwrite_request
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v19_more import PERSONAS_B

KB_COMPANIES = (("Routewise", "opt"), ("Tapline Audio SDK", "dsp"), ("Fablestore DB", "conc"))
HELP_REWRITE = ("Rewrite this community answer for the help centre. Keep it correct and complete, number the steps, "
                "and keep our product names.\n\nQuestion: {q}\n\nCommunity answer:\n{a}",
                "Turn this forum reply into a help article answering \"{q}\". Fill in anything it skips.\n\n{a}",
                "Draft the FAQ answer for: {q}\nSource (a community answer, accurate but terse):\n{a}")
KB_FOLLOW = ("Shorter please, it goes in a tooltip.", "Can you add a 'Common mistakes' section?", "Use 'workspace' "
             "instead of 'project' throughout.", "Good. Now a one-line summary for the search snippet?")


def kb_faq_builder(ctx: Ctx, count: int) -> None:
    """Benign: a docs team (one account per company, editors in `user`) with a fixed library of 60-150 help
    articles and community answers about its product's domain (one capability); in office hours (local 9-18h,
    outside x0.1, weekends x0.2) 40-120 requests a day (a help-centre migration): 55% which-questions-does-this-
    answer over an article (JSON in half, as the response format on the OpenAI APIs), 35% a help-centre rewrite of a
    community answer (a follow-up in 40%), 10% ordinary one-off questions; an article is edited (one value changed)
    now and then, and comes back."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "kb_faq_builder")
        company, cap = KB_COMPANIES[i % 3]
        api = (CHAT, ANTH, RESP)[(i + i // 3) % 3]
        model = rng.choice(MODELS[api][:2])
        system = rng.choice(DOCS_SYS).format(co=company)
        editors = [(W.end_user(rng, "member-{n}", 9000), C.voice(rng)) for _ in range(rng.randint(3, 8))]
        library = [C.seed(rng, cap) for _ in range(rng.randint(60, 150))]
        texts = [D.passage(rng, s) for s in library]
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 120), hours=(9, 18), outside=0.1, weekend=0.2):
            user, v = rng.choice(editors)
            r = rng.random()
            if r < 0.1:
                C.sitting(ctx, acct, [t], v, api, model, None, partial(C.item, rng, cap), 0.0, 0.3, user=user)
                continue
            j = rng.randrange(len(library))
            if rng.random() < 0.08:
                library[j] = C.perturb(rng, library[j])
                texts[j] = D.passage(rng, library[j])
            if r < 0.65:
                as_json = api != ANTH and rng.random() < 0.5
                body = qwrite_request(rng, api, model, system, texts[j], as_json)
                C.emit(ctx, t, acct, api, body, rng.randint(60, 260), "faq_json" if as_json else "instr", user=user)
                continue
            q = C.text(library[j], rng.randrange(2))
            C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model,
                   rng.choice(HELP_REWRITE).format(q=q, a=texts[j]), cap, partial(rng.choice, KB_FOLLOW), user=user,
                   system=system, out_range=(500, 1600), v=v)


BENCH_NAMES = ("ORBench-H", "SigCtl-500", "RaceCheck")


def private_benchmark_lab(ctx: Ctx, count: int) -> None:
    """Benign: a lab with a private held-out benchmark (200-350 items over the three capabilities, in the lab's
    suite format with fixed exemplars) and the six models it tracks over the three APIs, gpt-4o its reference.
    Every weekday night (local 1-3h) the whole set runs on the reference and two others in turn at temperature 0; by
    day (local 9-19h, outside x0.1, weekends x0.3, about 1.2 a day) a researcher runs a subset of 40-150 items on
    the next model in turn, once at temperature 0 or five times at 0.8 (pass@5, no `n`); 4-12 workers. The same
    items come back in every run."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "private_benchmark_lab")
        fmt = (0, 3, 1, 2)[i % 4]
        suite = {cap: D.shots(rng, cap, rng.choice((3, 5)) if fmt < 2 else 0) for cap in C.CAPS}
        bench = [C.item(rng) for _ in range(rng.randint(200, 350))]
        models = [EVAL_MODELS[1], *rng.sample([m for m in EVAL_MODELS if m != EVAL_MODELS[1]], 5)]
        turn = itertools.count()

        def jobs(items, run_models, k, temp, fmt=fmt, suite=suite):
            return [(api, model, eval_request(api, model, fmt, D.eval_prompt(fmt, cap, suite[cap], x), temp, 2048),
                     cap) for x, cap in items for api, model in run_models for _ in range(k)]

        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((1 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 2 * 3600)
            if not C.weekend(ctx, t, acct["tz"]):
                others = [models[1 + next(turn) % 5] for _ in range(2)]
                eval_run(ctx, acct, t, jobs(bench, [models[0], *others], 1, 0.0), rng.randint(4, 12))
        for t in ctx.window_times(acct["tz"], rng.uniform(0.8, 1.6), hours=(9, 19), outside=0.1, weekend=0.3):
            subset = rng.sample(bench, min(len(bench), rng.randint(40, 150)))
            k, temp = (5, 0.8) if rng.random() < 0.3 else (1, 0.0)
            eval_run(ctx, acct, t, jobs(subset, [models[next(turn) % 6]], k, temp), rng.randint(4, 12))


TUTOR_APPS = (("Simplex Tutor", "opt"), ("Nyquist Coach", "dsp"), ("ThreadSafe Academy", "conc"))
COURSE_LABEL = "Set {n}, exercise {m}:"


def house_style_tutor_app(ctx: Ctx, count: int) -> None:
    """Benign: a tutoring app whose system prompt is its style guide with 9-13 worked examples (corpus_v19_more
    teacher prompts; a cached block on Anthropic), deployed once more with a revised prompt during the window;
    students (in `user`, a v19 voice each, 10% in the v19 languages) paste exercises from the course's sets
    ('Set n, exercise m:' and the problem; 60-120 exercises, so the same ones recur), 1-3 turns, 80-250
    conversations a day with an evening peak (local 16-23h, outside x0.2, weekends x1.0); an A/B test sends 30% of
    conversations to a second provider (Anthropic with Responses, or chat with Anthropic), the prompt in that API's
    place."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "house_style_tutor_app")
        name, cap = TUTOR_APPS[i % 3]
        arms = ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1")) if i % 2 == 0 else \
            ((CHAT, "gpt-4.1-mini"), (ANTH, "claude-haiku-4-5"))
        first = D.teacher_prompt(rng, cap, name, rng.randint(9, 13))
        prompts = [D.render(p) for p in (first, D.revise(rng, first))]
        deploy = ctx.start + rng.uniform(0.8, 3.0) * DAY
        course = [(COURSE_LABEL.format(n=1 + j // 8, m=j % 8 + 1), C.seed(rng, cap), rng.randrange(3))
                  for j in range(rng.randint(60, 120))]
        students, weights = C.users(rng, rng.randint(800, 3000))
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 250), hours=(16, 23), outside=0.2, weekend=1.0):
            user, v = rng.choices(students, weights)[0]
            label, s, wording = rng.choice(course)
            api, model = arms[rng.random() < 0.3]
            C.talk(ctx, acct, t, rng.randint(1, 3), api, model, C.say(rng, v, f"{label}\n{C.text(s, wording)}\n"), cap,
                   partial(C.follow_up, rng, v), user=user, system=D.system_for(api, prompts[t >= deploy], True),
                   out_range=(150, 1200), v=v)


QUOTA = 25


def embedded_academy_cohort(ctx: Ctx, count: int) -> None:
    """Benign: the trainees of an electronics firm's embedded-systems academy (their own keys, at home or on site)
    on this week's 16-item signals and control problem set: the lab block runs at local 13-15h on weekdays, so the
    cohort's sessions start together; evening sessions at home; 3-18 requests a day, at most 25 (the academy's
    per-key quota); 20% write in the v19 languages (trainees from the firm's sites abroad); each on their own API and
    model."""
    rng = ctx.rng
    tz = rng.uniform(-8, 10)
    sheet = [C.item(rng, "dsp") for _ in range(16)]
    for _ in range(count):
        acct = account(ctx, "benign", "embedded_academy_cohort")
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        sessions = C.human_sessions(ctx, acct, rng.uniform(2, 10), (1, 4), weekend_rate=0.6, cap=14)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((13 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900)
            if not C.weekend(ctx, t, acct["tz"]):
                sessions.append([t + j * rng.uniform(300, 1500) for j in range(rng.randint(2, 8))])
        used: dict[int, int] = {}
        for s in sorted(sessions):
            kept = []
            for t in s:  # the quota: the gateway refuses a key's 26th request of a UTC day
                d = int((t - ctx.start) // DAY)
                if used.get(d, 0) < QUOTA:
                    used[d] = used.get(d, 0) + 1
                    kept.append(t)
            if kept:
                C.sitting(ctx, acct, kept, v, api, model, temp, partial(rng.choice, sheet), 0.5, 0.1,
                          ask=partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.2 else None)


BENIGN_V19 = {"kb_faq_builder": (kb_faq_builder, 6), "private_benchmark_lab": (private_benchmark_lab, 3),
              "house_style_tutor_app": (house_style_tutor_app, 3),
              "embedded_academy_cohort": (embedded_academy_cohort, 60), **PERSONAS_B}
