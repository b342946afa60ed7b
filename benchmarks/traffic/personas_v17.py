"""Benign hard-negative personas of the `v17` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v17 campaign does in one or two
respects, over the same text pools (corpus_v17*), with the client metadata ctx.account gives every account. Each
has a legitimate reason for what it does:

- ee_lab_section (twin of hydra): the students of one electronics lab section, each on their own key, working
  through the same lab sheet in class together and at home, under the university's per-key daily quota.
- workshop_trial_signups (twin of account_churn): people who open an account for a one-day workshop or a free
  trial, use it hard for a day and never come back.
- study_app_reseller (twin of fake_reseller): a real study app for engineering and business students fronting
  thousands of students, with returning heavy users, long conversations and exam-eve peaks.
- exam_variant_bank (twin of minimal_pairs): an online homework platform that gives each student their own
  numbers for the assigned problems and asks for a worked solution key for every variant.
- bookkeeping_prefill_app (twin of the prefilling cot_harvester accounts): a bookkeeping product on Anthropic that
  prefills the assistant turn to pin the reply's format (a JSON brace, a review tag, a table header).
The other five are in personas_v17_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v17 as C
from benchmarks.traffic import corpus_v17_more as D
from benchmarks.traffic.attacks_v17_more import any_item
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v17_more import PERSONAS_B


def ee_lab_section(ctx: Ctx, count: int) -> None:
    """Benign: a lab section's students (their own keys, from their own homes) on this week's 20-item circuit lab
    sheet. The lab runs at local 14-17h on weekdays, so the section's sessions start together; pre-lab and write-up
    work in the evening; 3-16 requests a day, at most 25 (the university's per-key quota); a few skip days;
    students quote what they did not follow; 15% write in the v17 languages; each on their own API and model."""
    rng = ctx.rng
    tz = rng.uniform(-8, 8)
    sheet = [C.item(rng, "circuit") for _ in range(20)]
    n_days = int(ctx.days + 0.999)
    for _ in range(count):
        acct = account(ctx, "benign", "ee_lab_section")
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (60, 25, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        skip = set(rng.sample(range(n_days), rng.randint(0, 1) if n_days > 2 else 0))
        sessions = C.human_sessions(ctx, acct, rng.uniform(2, 9), (1, 4), weekend_rate=0.6, cap=12)
        for d in range(n_days):
            t = ctx.start + d * DAY + ((14 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900)
            if not C.weekend(ctx, t, acct["tz"]):
                sessions.append([t + j * rng.uniform(300, 1800) for j in range(rng.randint(2, 6))])
        for s in sessions:
            if int((s[0] - ctx.start) // DAY) not in skip:
                C.sitting(ctx, acct, s, v, api, model, temp, partial(rng.choice, sheet), 0.5, 0.1)


def workshop_trial_signups(ctx: Ctx, count: int) -> None:
    """Benign: accounts that live for a day. Two thirds are attendees of one-day workshops (an electronics
    makers' day and an accounting-software bootcamp) held on days 1 and 3 of the window: accounts opened that
    morning (local 9h), 30-120 requests through the workshop's exercises and their own questions until the
    evening, never used again. The rest are free-trial signups spread over the window: 10-60 requests over 6-20
    hours of someone trying the product on real work, then nothing. Voices, languages (15% v17), APIs and models
    as people have them."""
    rng = ctx.rng
    venues = [(d, rng.uniform(-6, 9), rng.choice(C.CAPS)) for d in (1, 3) if d < ctx.days] or [(0, 0.0, "circuit")]
    for i in range(count):
        acct = account(ctx, "benign", "workshop_trial_signups")
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (60, 30, 10))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7))
        if i % 3 < 2:
            d, tz, cap = venues[i % len(venues)]
            acct["tz"] = tz
            t = ctx.start + d * DAY + ((9 - tz) % 24) * 3600 + rng.uniform(0, 1800)
            end, n = t + rng.uniform(7, 11) * 3600, rng.randint(30, 120)
            items = partial(C.item, rng, cap)
        else:
            t = ctx.start + rng.uniform(0, ctx.days * DAY - 6 * 3600)
            end, n = t + rng.uniform(6, 20) * 3600, rng.randint(10, 60)
            items = partial(any_item, rng)
        times = sorted(rng.uniform(t, end) for _ in range(n))
        sessions, cur = [], [times[0]]
        for x in times[1:]:
            if x - cur[-1] < 900:
                cur.append(x)
            else:
                sessions.append(cur)
                cur = [x]
        for s in sessions + [cur]:
            C.sitting(ctx, acct, s, v, api, model, temp, items, 0.45, 0.15)


STUDY_SYS = ("You are {app}'s tutor for engineering and business students. Help the student understand; ask what "
             "they tried when it helps.")


def study_app_reseller(ctx: Ctx, count: int) -> None:
    """Benign: a study app (students in `user`: heavy users who come back every evening and a long tail) on one
    key: 250-600 a day with an evening peak (local 16-24h, outside x0.2, weekends x1.1) and an exam-eve swell on
    the last day (x1.6); conversations run 1-6 turns (45% follow up), 12% everyday questions, a fifth of students'
    items pasted from the same course sheet as their classmates; chat or Anthropic."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "study_app_reseller")
        api = (ANTH, CHAT)[i % 2]
        model = MODELS[api][1]
        system = STUDY_SYS.format(app=("Brainwell", "Tutorly", "Studyhall")[i % 3])
        users, weights = C.study_users(rng, rng.randint(4000, 9000))
        sheet = [C.item(rng) for _ in range(60)]
        rate = rng.uniform(250, 600)
        times = ctx.window_times(acct["tz"], rate, hours=(16, 24), outside=0.2, weekend=1.1)
        times += ctx.window_times(acct["tz"], rate * 0.6, hours=(16, 24), outside=0.2, weekend=1.1,
                                  start=ctx.end - DAY)
        for t in times:
            user, v = rng.choices(users, weights)[0]
            n = 1
            while rng.random() < (0.45 if n == 1 else 0.55) and n < 6:
                n += 1
            if rng.random() < 0.12:
                C.everyday_talk(ctx, acct, t, n, v, api, model, user=user)
                continue
            items = partial(rng.choice, sheet) if rng.random() < 0.2 else partial(any_item, rng)
            C.sitting(ctx, acct, [t] * n, v, api, model, None, items, 1.0, 0.0, user=user, system=system)


KEY_SYS = ("You write the worked solution keys for {co}'s homework system. Each student gets their own numbers; "
           "give the full solution for the numbers given, then the final answer on its own line.")


def exam_variant_bank(ctx: Ctx, count: int) -> None:
    """Benign: a homework platform (a course id in `user`) that gives every student their own numbers: when an
    instructor publishes an assignment (4-8 problems from the course's own 6 templates) the platform generates one
    variant per enrolled student (20-90) for each problem (corpus_v17.perturb, one or two numbers changed at a
    time) and requests the worked key of each, in a batch paced at 1-4 s; 1-4 assignments a day published in the
    instructors' office hours; chat or Responses, temperature 0 on chat."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "exam_variant_bank")
        api = (CHAT, RESP)[i % 2]
        model = MODELS[api][1]
        system = KEY_SYS.format(co=("Homeworkly", "GradeGrid")[i % 2])
        courses = [(f"course-{rng.randint(100, 999)}", rng.choice(C.CAPS), rng.sample(range(10), 6))
                   for _ in range(rng.randint(5, 12))]
        for t in ctx.window_times(acct["tz"], rng.uniform(1, 4), hours=(9, 17), outside=0.05, weekend=0.1):
            course, cap, templates = rng.choice(courses)
            students = rng.randint(20, 90)
            for _ in range(rng.randint(4, 8)):
                s = C.seed(rng, cap, rng.choice(templates))
                for _ in range(students):
                    body = build(api, model, system, [{"role": "user", "content": C.text(s)}], 1500,
                                 **({"temperature": 0} if api == CHAT else {}))
                    C.emit(ctx, t, acct, api, body, rng.randint(250, 900), cap, user=course)
                    t += rng.uniform(1, 4)
                    s = C.perturb(rng, C.perturb(rng, s) if rng.random() < 0.5 else s)


AUDIT_SYS = ("You review bookkeeping entries for small businesses. Check each entry against the description, flag "
             "errors and propose corrections.")
EXTRACT_SYS = "Extract the transaction from the document as JSON with date, account, debit, credit, vat, memo."


def bookkeeping_prefill_app(ctx: Ctx, count: int) -> None:
    """Benign: a bookkeeping product on Anthropic for its small-business customers (in `user`): extraction
    requests prefilled with '{' (so the reply is bare JSON), entry reviews prefilled with '<review>' or a table
    header, and questions from bookkeepers about entries (accounting items, a follow-up in a third, prefilled
    'Entry-by-entry check:' when they ask for a check); 150-450 a day in business hours (local 8-19h, outside
    x0.15, weekends x0.2)."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "bookkeeping_prefill_app")
        model = rng.choice(MODELS[ANTH])
        customers = [(f"u_{rng.getrandbits(32):08x}", C.voice(rng)) for _ in range(rng.randint(200, 900))]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 450), hours=(8, 19), outside=0.15, weekend=0.2):
            user, v = rng.choice(customers)
            r = rng.random()
            if r < 0.4:
                doc = (f"Invoice {rng.randint(1000, 99999)} {rng.choice(C.LEDGER_SLOTS['cat'])} "
                       f"{rng.choice(C.LEDGER_SLOTS['amt'])} incl. VAT {rng.choice(C.LEDGER_SLOTS['pct'])}%")
                body = build(ANTH, model, EXTRACT_SYS, [{"role": "user", "content": doc},
                                                        {"role": "assistant", "content": "{"}], 400)
                C.emit(ctx, t, acct, ANTH, body, rng.randint(40, 160), "json", user=user)
            elif r < 0.7:
                rows = "\n".join(f"{rng.choice(C.LEDGER_SLOTS['cat'])} | Dr {rng.choice(C.LEDGER_SLOTS['cb'])} | "
                                 f"Cr Bank" for _ in range(rng.randint(3, 12)))
                prefill = rng.choice(D.FORMAT_PREFILLS[1:])
                body = build(ANTH, model, AUDIT_SYS, [{"role": "user", "content": f"Review these entries:\n{rows}"},
                                                      {"role": "assistant", "content": prefill}], 2048)
                C.emit(ctx, t, acct, ANTH, body, rng.randint(200, 900), "ledger", user=user)
            else:
                C.sitting(ctx, acct, [t] * (1 + (rng.random() < 0.33)), v, ANTH, model, None,
                          partial(C.item, rng, "ledger"), 1.0, 0.0, user=user, system=AUDIT_SYS,
                          prefill="Entry-by-entry check:" if rng.random() < 0.5 else None)


BENIGN_V17 = {"ee_lab_section": (ee_lab_section, 40), "workshop_trial_signups": (workshop_trial_signups, 50),
              "study_app_reseller": (study_app_reseller, 2), "exam_variant_bank": (exam_variant_bank, 2),
              "bookkeeping_prefill_app": (bookkeeping_prefill_app, 2), **PERSONAS_B}
