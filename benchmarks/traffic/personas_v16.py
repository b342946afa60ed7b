"""Benign hard-negative personas of the `v16` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v16 campaign does, over the
same text pools (corpus_v16*), with the client metadata ctx.account gives every account:

- bootcamp_cohort (twin of hydra): the students of one coding bootcamp, each on their own key, working through
  the same exercise sheet in class together and at home, quoting the answers they do not get.
- interview_prep_platform (twin of cot_harvester, taxonomy and paraphrased): a coding-interview practice product
  whose members ask algorithm problems and want to be convinced.
- contract_review_firm (twin of doc_qa_harvest): a law firm's associates asking several questions about each
  agreement they review.
- ci_autofix_bot (twin of repair_loop): a CI system's fix bot that pastes each failing run and then the failure
  of the re-run patch.
- pilot_then_rollout (twin of warmup_harvest): a company that tries the API for a day or two, then launches its
  internal developer helper on the same key.
The other five are in personas_v16_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v16 as C
from benchmarks.traffic import corpus_v16_more as D
from benchmarks.traffic.attacks_v16_more import any_item, repair_conversation, sitting
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v16_more import PERSONAS_B


def bootcamp_cohort(ctx: Ctx, count: int) -> None:
    """Benign: a bootcamp's students (their own keys, from their own homes) on this week's 24-item sheet (algorithm
    and shell items). Class is live at local 10-13h on weekdays, so the cohort's sessions start together; homework
    in the evening; 3-18 requests a day, at most 24 (the bootcamp's key quota), a few skip days. Students paste
    what they did not get from the answer (quoting follow-ups), 15% write in the v16 languages, each on their own
    API and model."""
    rng = ctx.rng
    tz = rng.uniform(-8, 8)
    sheet = [C.item(rng, C.CAPS[j % 2]) for j in range(24)]
    n_days = int(ctx.days + 0.999)
    for _ in range(count):
        acct = account(ctx, "benign", "bootcamp_cohort")
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (60, 25, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        skip = set(rng.sample(range(n_days), rng.randint(0, 1) if n_days > 2 else 0))
        sessions = C.human_sessions(ctx, acct, rng.uniform(2, 10), (1, 4), weekend_rate=0.6, cap=12)
        for d in range(n_days):
            t = ctx.start + d * DAY + ((10 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            if not C.weekend(ctx, t, acct["tz"]):
                sessions.append([t + j * rng.uniform(300, 1500) for j in range(rng.randint(2, 6))])
        for s in sessions:
            if int((s[0] - ctx.start) // DAY) not in skip:
                sitting(ctx, acct, s, v, api, model, temp, partial(rng.choice, sheet), 0.5, 0.1)


PREP_SYS = ("You are the practice coach of a coding-interview platform. Help members understand problems deeply; "
            "ask them to try before revealing everything.")


def interview_prep_platform(ctx: Ctx, count: int) -> None:
    """Benign: members (in `user`, a few heavy ones and a long tail) practise algorithm problems after work (local
    17-24h, outside x0.15, weekends x1.3), asking to be convinced or taught (the same implicit asks a careful
    harvester uses, because that is how people ask), quoting what they did not follow; 200-500 a day; the
    platform's system prompt; chat or Anthropic."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "interview_prep_platform")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][1]
        members = [(W.end_user(rng, "member-{n}", 80000), C.voice(rng, C.lang(rng, 0.1))) for _ in range(500)]
        weights = [rng.paretovariate(1.2) for _ in members]
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 500) / 1.8, hours=(17, 24), outside=0.15,
                                  weekend=1.3):
            user, v = rng.choices(members, weights)[0]
            times = [t]
            while rng.random() < 0.45 and len(times) < 5:
                times.append(times[-1] + rng.uniform(40, 400))
            ask = partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.4 else None
            sitting(ctx, acct, times, v, api, model, None, partial(C.item, rng, "algo"), 1.0, 0.0, ask=ask,
                    user=user, system=PREP_SYS)


REVIEW_SYS = "You assist the commercial contracts team of a law firm. Answer from the document; cite clauses."


def contract_review_firm(ctx: Ctx, count: int) -> None:
    """Benign: associates (4-10 per account, in `user`) paste each agreement they review and ask 2-6 questions
    about it in one conversation, quoting the answer now and then; a third of the matters come back a day or two
    later with more questions on the same agreement. Each agreement belongs to one account. Office hours (local
    8-19h, outside x0.1, weekends x0.1), 12-35 matters a working day, chat, Anthropic or Responses."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "contract_review_firm")
        api = (ANTH, CHAT, RESP)[i % 3]
        model = MODELS[api][0]
        team = [(W.end_user(rng, "u_{h}", 3000), C.voice(rng)) for _ in range(rng.randint(4, 10))]
        for t in ctx.window_times(acct["tz"], rng.uniform(12, 35), hours=(8, 19), outside=0.1, weekend=0.1):
            user, v = rng.choice(team)
            doc = D.agreement(rng)
            for start in [t] + ([t + rng.uniform(0.8, 2) * DAY] if rng.random() < 0.33 else []):
                qs = [D.doc_question(rng) for _ in range(rng.randint(2, 6))]
                times = [start + j * rng.uniform(60, 600) for j in range(len(qs))]
                opener = rng.choice(D.DOC_ASKS).format(q=qs[0], doc=doc)
                C.talk(ctx, acct, times, api, model, opener, "docqa", iter(qs[1:]).__next__, user=user,
                       system=REVIEW_SYS, out_range=(200, 1000), quoting=v)


BOT_SYS = "You are the CI fix assistant. Given a failing run and the code, explain the cause and propose a patch."
BOT_JSON = " Reply as a JSON object with 'cause', 'patch' and 'confidence'; the bot applies the patch itself."


def ci_autofix_bot(ctx: Ctx, count: int) -> None:
    """Benign: a CI system's fix bot: whenever a pipeline fails it sends the run and the code, applies the proposed
    patch, re-runs, and sends the next failure if there is one (0-3 more turns); repositories in `user`. Pipelines
    run whenever engineers push, in several time zones (local 7-23h, outside x0.35, weekends x0.3), 60-200 failures
    a day; Responses, or chat with a json_object response format (the bot parses the patch out of the reply)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "ci_autofix_bot")
        api = (CHAT, RESP)[i % 2]
        model = MODELS[api][i % 2]
        repos = [W.end_user(rng, "u_{h}", 700) for _ in range(rng.randint(20, 80))]
        v = C.voice(rng)
        v["quotes"] = 0.0
        json = {"response_format": {"type": "json_object"}} if api == CHAT else {}
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200), hours=(7, 23), outside=0.35, weekend=0.3):
            repair_conversation(ctx, acct, t, api, model, BOT_SYS + (BOT_JSON if api == CHAT else ""), v,
                                rng.choice((0, 0, 1, 1, 2, 3)), user=rng.choice(repos), **json)


HELPER_SYS = "You are DevHelper, the internal engineering assistant. Answer precisely; prefer commands people can paste."


def pilot_then_rollout(ctx: Ctx, count: int) -> None:
    """Benign: a company's developers try the API by hand for most of a day (a few people, everyday and
    assorted questions, 5-20 a day), then launch DevHelper, its internal assistant, on the same key: from then on
    employees (in `user`) ask shell and algorithm questions at 40-150 a day in office hours (local 9-18h, weekends
    x0.1) with follow-ups. Content and volume change mid-window, because a product launched."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "pilot_then_rollout")
        launch = ctx.start + rng.uniform(0.6, 1.2) * DAY
        api = rng.choice((CHAT, ANTH))
        model = rng.choice(MODELS[api][:2])
        v = C.voice(rng)
        for s in C.human_sessions(ctx, acct, rng.uniform(5, 20), (1, 4), weekend_rate=0.3):
            if s[0] < launch:
                sitting(ctx, acct, s, v, api, model, 0.7, partial(any_item, rng), 0.4, 0.7)
        staff = [(W.end_user(rng, "end-user-{n}", 5000), C.voice(rng)) for _ in range(rng.randint(30, 120))]
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 150) / 1.5, hours=(9, 18), outside=0.05, weekend=0.1,
                                  start=launch):
            user, sv = rng.choice(staff)
            times = [t] + ([t + rng.uniform(60, 600)] if rng.random() < 0.5 else [])
            sitting(ctx, acct, times, sv, api, model, None, partial(any_item, rng), 1.0, 0.05, user=user,
                    system=HELPER_SYS)


BENIGN_V16 = {"bootcamp_cohort": (bootcamp_cohort, 40), "interview_prep_platform": (interview_prep_platform, 2),
              "contract_review_firm": (contract_review_firm, 4), "ci_autofix_bot": (ci_autofix_bot, 2),
              "pilot_then_rollout": (pilot_then_rollout, 3), **PERSONAS_B}
