"""Benign hard-negative personas of the `v22` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v22 campaign does in one or two
respects, over the same text pools (corpus_v22*), with the client metadata ctx.account gives every account. Each
has a legitimate reason for what it does:

- study_group_checks (twin of planted_errors and of the careful hydra accounts): study groups of 4-7 students,
  each on their own key under a per-key quota of 25 requests a day, working one shared problem sheet in the
  evenings and hardest in the two days before the weekly deadline; they paste their own attempts (most with a
  slip somewhere) and ask where they went wrong, so the same problem comes from several keys in the same words with
  different attempts.
- autograder_step_feedback (twin of the blunt planted_errors accounts): a course's autograder that, after each
  night's deadline, sends every student submission through one template asking for the first incorrect step,
  temperature 0, the student in `user`; the same few problems hundreds of times with different attempts.
- key_handover_team (twin of bought_aged_keys): a team key used by one engineer who leaves and hands it to a
  newcomer on another project; the newcomer's questions are all about their new subject, at the old hours and
  volume or more while they learn it.
- shadow_traffic_replay (twin of schedule_replay): a product's production key (a support assistant for
  engineering software) and its staging key, which replays a sample of the production conversations a day later,
  turn for turn with the logged user messages and the original spacing, against a candidate model.
The other five are in personas_v22_more.py.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v22 as C
from benchmarks.traffic import corpus_v22_more as D
from benchmarks.traffic.attacks_v22_more import attempt_talk, owner_history
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v22_more import PERSONAS_B

QUOTA = 25


def _quota(ctx: Ctx, sessions: list[list[float]], limit: int) -> list[list[float]]:
    """The sessions' times, at most `limit` in any UTC day (the gateway refuses the rest)."""
    used: dict[int, int] = {}
    out = []
    for s in sorted(sessions):
        kept = []
        for t in s:
            d = int((t - ctx.start) // DAY)
            if used.get(d, 0) < limit:
                used[d] = used.get(d, 0) + 1
                kept.append(t)
        if kept:
            out.append(kept)
    return out


def study_group_checks(ctx: Ctx, count: int) -> None:
    """Benign: `count` students in study groups of 4-7 (one time zone a group, one course and one sheet of 12-20
    problems in one phrasing each, a deadline weekday); each student 4-12 requests a day in local evening sessions of
    1-4 (C.evenings), two to three times that on the two local days before the deadline, at most 20 scheduled a UTC
    day (the key's quota is 25); a session is one conversation about a sheet problem: 65% paste the student's own
    attempt (D.attempt, a slip in 75% of them) with a D.CHECK_ASKS ask, the rest ask the problem in their own words;
    later turns are follow-ups; a voice each (15% in the v22 languages), three APIs."""
    rng = ctx.rng
    n_days = range(int(ctx.days + 0.999))
    left, g = count, 0
    while left > 0:
        size = min(left, rng.randint(4, 7))
        left -= size
        tz, cap, due = rng.uniform(-8, 9), C.CAPS[g % 3], rng.randrange(7)
        g += 1
        sheet = [(s, C.text(s, rng.randrange(3))) for s in (C.seed(rng, cap) for _ in range(rng.randint(12, 20)))]
        for _ in range(size):
            acct = account(ctx, "benign", "study_group_checks")
            acct["tz"] = tz + rng.uniform(-0.3, 0.3)
            crunch = [d for d in n_days if C.weekday(ctx, ctx.start + (d + 0.5) * DAY, acct["tz"]) in
                      ((due - 1) % 7, (due - 2) % 7)]
            v = C.voice(rng, C.lang(rng, 0.15))
            api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
            rate = rng.uniform(4, 12)
            sessions = C.evenings(ctx, acct, rate, n_days, 20) + \
                C.evenings(ctx, acct, rate * rng.uniform(1, 2), crunch, 20)
            end = 0.0
            for s in _quota(ctx, sessions, 20):
                t = max(s[0], end + rng.uniform(30, 300))
                item, x = rng.choice(sheet)
                if rng.random() < 0.65:
                    err = rng.randint(2, D.steps_of(item)) if rng.random() < 0.75 else None
                    opener = C.say(rng, v, D.with_attempt(x, D.attempt(item, err, rng.randrange(4)),
                                                          rng.choice(D.ATTEMPT_LEADS), rng.choice(D.CHECK_ASKS)),
                                   ask=False)
                    end = attempt_talk(ctx, acct, t, api, model, opener, item, err, len(s),
                                       lambda v=v: rng.choice(D.CHECK_FOLLOW) if rng.random() < 0.5 else
                                       C.follow_up(rng, v), v=v, temperature=temp)
                else:
                    end = C.talk(ctx, acct, t, len(s), api, model, C.say(rng, v, x), cap,
                                 partial(C.follow_up, rng, v), temp, v=v)


GRADER_SYS = "You are the step checker of {course}'s autograder. Be exact and brief; never reveal other students' work."
COURSES = ("CIVE 2310 Hydraulics", "PHYS 4520 Quantum Information", "GEOM 1200 Surveying I")


def autograder_step_feedback(ctx: Ctx, count: int) -> None:
    """Benign: a course's autograder key (chat gpt-4.1-mini or Responses gpt-4.1): each night from local 0h, after
    the day's deadline, every submission of the day's 2-4 problems (40-160 a night, one every 2-8 s) goes through
    D.GRADER_T at temperature 0 with the student (300-900 of them) in `user`; 70% of the attempts have a slip. By
    day the teaching assistants ask 5-15 questions about the course's problems (local 9-17h, weekends x0.1)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "autograder_step_feedback")
        cap, course = C.CAPS[i % 3], COURSES[i % 3]
        api = (CHAT, RESP)[i % 2]
        model = "gpt-4.1-mini" if api == CHAT else "gpt-4.1"
        system = GRADER_SYS.format(course=course)
        students, weights = C.users(rng, rng.randint(300, 900), share=0.0)
        bank = [C.seed(rng, cap) for _ in range(30)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((0 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900)
            todays = rng.sample(bank, rng.randint(2, 4))
            for _ in range(rng.randint(40, 160)):
                s = rng.choice(todays)
                err = rng.randint(2, D.steps_of(s)) if rng.random() < 0.7 else None
                msg = D.GRADER_T.format(pid=f"{bank.index(s) + 1}", x=C.text(s, 0),
                                        w="\n".join(D.attempt(s, err, rng.randrange(4))))
                user = rng.choices(students, weights)[0][0]
                params = {"temperature": 0} if api != RESP else {}
                out = rng.randint(60, 260)
                C.emit(ctx, t, acct, api, build(api, model, system, [{"role": "user", "content": msg}], 600,
                                                **params), out, text=D.check_reply(rng, s, err, out, model),
                       user=user)
                t += rng.uniform(2, 8)
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(9, 17), outside=0.05, weekend=0.1):
            x = C.text(rng.choice(bank), rng.randrange(3))
            C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, x, cap, lambda: "and the marking scheme?",
                   system=system)


def key_handover_team(ctx: Ctx, count: int) -> None:
    """Benign: a team key used by one engineer (attacks_v22_more.owner_history: 6-30 a day, 75% everyday talk, a
    voice each, 30% in the v22 languages) until they leave 0.7-2.5 days into the window and hand the key to a
    newcomer on another project, who keeps the team's hours, API and model and asks 1.0-1.8 times as much while
    learning the project's subject (one capability per account): items and their own variations, follow-ups in
    half the conversations, 20% everyday talk."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "key_handover_team")
        owner = C.voice(rng, C.lang(rng, 0.3))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        hand = ctx.start + rng.uniform(0.7, 2.5) * DAY
        rate = rng.uniform(6, 30)
        owner_history(ctx, acct, owner, api, model, temp, rate, hand, partial(C.any_item, rng))
        newcomer = C.voice(rng, C.lang(rng, 0.15))
        cap = C.CAPS[i % 3]
        for s in C.human_sessions(ctx, acct, rate * rng.uniform(1.0, 1.8), (1, 4), weekend_rate=0.6):
            if s[0] >= hand:
                C.sitting(ctx, acct, s, newcomer, api, model, temp, partial(C.item, rng, cap), 0.5, 0.2)


SUPPORT_SYS = ("You are the in-app assistant of {app}, engineering software for water networks, surveying and "
               "quantum-circuit simulation. Answer the customer's question; use worked examples where they help.")
APPS = ("FlowWorks Studio", "TerraStation Pro", "QSim Desk")


def _conversation(ctx: Ctx, acct: dict, t: float, api: str, model: str, system: str, user: str,
                  texts: list[str], outs: list[int], gaps: list[float], style: str, temperature: float | None) -> None:
    msgs: list[dict] = []
    for j, (nxt, out) in enumerate(zip(texts, outs, strict=True)):
        msgs = msgs + [{"role": "user", "content": nxt}]
        reply = C.answer(ctx.rng, style, out, model)
        params = {"temperature": temperature} if temperature is not None and api != RESP else {}
        C.emit(ctx, t, acct, api, build(api, model, system, msgs, 1500, **params), out, text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        t += gaps[j] if j < len(gaps) else 0.0


def shadow_traffic_replay(ctx: Ctx, count: int) -> None:
    """Benign: `count` products, each with two keys. The production key (chat gpt-4.1-mini): customers (in `user`)
    ask 80-200 conversations a day of 1-3 turns at local 8-20h (outside x0.1, weekends x0.3): questions about the
    app's subject (65%) or anything else; later turns wait for reading. The staging key replays 40% of those
    conversations exactly a day later (plus 2-30 s), turn for turn with the logged user messages and the original
    spacing, with the same `user`, against a candidate model (Anthropic claude-sonnet-4-5 or Responses gpt-5-mini),
    temperature as in production."""
    rng = ctx.rng
    for i in range(count):
        prod = account(ctx, "benign", "shadow_traffic_replay")
        staging = account(ctx, "benign", "shadow_traffic_replay")
        staging["tz"] = prod["tz"]
        app, cap = APPS[i % 3], C.CAPS[i % 3]
        system = SUPPORT_SYS.format(app=app)
        cand_api, cand_model = ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-5-mini"))[i % 2]
        customers, weights = C.users(rng, rng.randint(400, 1500), share=0.1)
        for t in ctx.window_times(prod["tz"], rng.uniform(80, 200), hours=(8, 20), outside=0.1, weekend=0.3):
            user, v = rng.choices(customers, weights)[0]
            turns = rng.choices((1, 2, 3), (60, 28, 12))[0]
            first, style = (C.say(rng, v, C.item(rng, cap)[0]), cap) if rng.random() < 0.65 else \
                (C.cover(rng, v), "everyday")
            texts = [first] + [C.follow_up(rng, v) for _ in range(turns - 1)]
            outs = [rng.randint(150, 1200) if style != "everyday" else rng.randint(60, 400) for _ in texts]
            gaps = [C.reply_gap(rng, outs[j], len(texts[j + 1]), v) for j in range(turns - 1)]
            temp = 0.3
            _conversation(ctx, prod, t, CHAT, "gpt-4.1-mini", system, user, texts, outs, gaps, style, temp)
            if rng.random() < 0.4:
                outs2 = [max(20, int(o * rng.uniform(0.7, 1.3))) for o in outs]
                _conversation(ctx, staging, t + DAY + rng.uniform(2, 30), cand_api, cand_model, system, user, texts,
                              outs2, gaps, style, temp)


BENIGN_V22 = {"study_group_checks": (study_group_checks, 80),
              "autograder_step_feedback": (autograder_step_feedback, 3),
              "key_handover_team": (key_handover_team, 20),
              "shadow_traffic_replay": (shadow_traffic_replay, 2),
              **PERSONAS_B}
