"""Benign hard-negative personas of the `v23` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v23 campaign does in one or two
respects, over the same text pools (corpus_v23), with the client metadata ctx.account gives every account:

- key_pool_app (twin of relay_conversations): a consumer app whose backend spreads its traffic over a pool of 4-6
  API keys, each request on the next key of the pool, so every conversation's turns come from different keys with
  the whole history; a pharmacy-revision app, a studio-acoustics helper and an insurance-exam trainer (the last
  one sends neither a system prompt nor its users' ids).
- design_what_if_desk (twin of what_if_forks): acoustic consultants, clinical pharmacists and pricing actuaries
  doing sensitivity studies in a chat UI: they ask a problem, read the worked answer, then edit their last message
  again and again to change one value ("and with 45 dB for R?"), each edit a fork of the same conversation.
- revision_groups (twin of the careful hydra accounts): students revising in groups of 4-7, a key each under a
  per-key quota of 25 a day, one shared sheet of problems in the same words, in the evenings.
- acoustics_consultant (twin of the careful cot_harvester accounts): asks for the number first and, when it looks
  odd or goes in a report, "how did you get that?".
- temperature_sweep_dev (twin of the moderate sampling accounts): a developer tuning the temperature of a
  calculator feature sends each test prompt at several temperatures in a row, minutes apart.
- hospital_pharmacy_agent (twin of agentic_distill): a hospital pharmacy's dosing agent for its pharmacists, long
  days, and a nightly batch of renal-dose reviews.
- polyglot_clinic_helpdesk (languages): a health-and-insurance cooperative's helpdesk whose staff in the Faroes,
  Sardinia, Papua New Guinea, Graubuenden, the Hebrides and Occitania ask in their own languages.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v23 as C
from benchmarks.traffic.attacks_v23 import TEMPS, answer_first
from benchmarks.traffic.attacks_v23_more import forks, relayed, rx_episode, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v17_more import office_helpdesk

POOL_APPS = (("PharmRevise", "pharma", "You are PharmRevise's study assistant for pharmacy students. Explain "
              "clearly and kindly."),
             ("StudioCalc", "acoustic", "You are StudioCalc's assistant for home-studio builders. Be practical."),
             ("ActuaryQuiz", "actuarial", None))


def key_pool_app(ctx: Ctx, count: int) -> None:
    """Benign: `count` apps, each with a pool of 4-6 keys (one time zone); customers (in `user`, one of the
    usual shapes, except the third app's) hold 120-350 conversations a day at local 7-23h (outside x0.15, weekends x0.8) of 1-4 turns, 65% about
    the app's subject (C.item in the customer's voice, 12% in the v23 languages), the rest everyday talk; each
    conversation starts on the next key of the pool (round robin) and each later turn goes out on the key after,
    with the whole history, timed by reading (attacks_v23_more.relayed); temperature 0.5, the app's model."""
    rng = ctx.rng
    for i in range(count):
        name, cap, system = POOL_APPS[i % len(POOL_APPS)]
        keys = [account(ctx, "benign", "key_pool_app") for _ in range(rng.randint(4, 6))]
        tz = keys[0]["tz"]
        for k in keys:
            k["tz"] = tz
        api = (CHAT, ANTH, RESP)[i % 3]
        model = MODELS[api][i // 3 % len(MODELS[api])]
        customers, weights = C.users(rng, rng.randint(400, 1500), W.USER_POOLS[i % 3], share=0.12)
        n = 0
        for t in ctx.window_times(tz, rng.uniform(120, 350), hours=(7, 23), outside=0.15, weekend=0.8):
            user, v = rng.choices(customers, weights)[0]
            turns = rng.choices((1, 2, 3, 4), (45, 30, 15, 10))[0]
            if rng.random() < 0.65:
                x, style = C.item(rng, cap)
                first = C.say(rng, v, x)
            else:
                first, style = C.cover(rng, v), "everyday"
            texts = [first] + [C.follow_up(rng, v) for _ in range(turns - 1)]
            relayed(ctx, keys, n, t, api, model, texts, style, (150, 1200) if style != "everyday" else (60, 400), v,
                    system=system, user=user if system else None, temperature=0.5)
            n += turns


def design_what_if_desk(ctx: Ctx, count: int) -> None:
    """Benign: one professional each (an acoustic consultant, a clinical pharmacist or a pricing actuary, in turn),
    office hours (local 8-18h, outside x0.05, weekends x0.1), 3-10 studies a day: a problem of their field (85%;
    else another) in their voice (10% in the v23 languages), then 2-7 edits of the last message with one value
    changed (attacks_v23_more.forks), 60-600 s apart; a fifth of their sittings are ordinary conversations."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "design_what_if_desk")
        cap = ("acoustic", "pharma", "actuarial")[i % 3]
        v = C.voice(rng, C.lang(rng, 0.1))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model = rng.choice(MODELS[api])
        end = 0.0
        for t in ctx.window_times(acct["tz"], rng.uniform(3, 10), hours=(8, 18), outside=0.05, weekend=0.1):
            t = max(t, end + rng.uniform(60, 600))
            if rng.random() < 0.2:
                C.sitting(ctx, acct, [t, t], v, api, model, None, partial(C.item, rng, cap), 0.5, 0.3)
                end = t
                continue
            s = C.seed(rng, cap if rng.random() < 0.85 else rng.choice(C.CAPS))
            end = forks(ctx, acct, t, api, model, s, C.say(rng, v, C.text(s, rng.randrange(3))),
                        rng.randint(2, 7), (60, 600), v, lambda q, v=v: C.say(rng, v, q, ask=False))


QUOTA = 25


def revision_groups(ctx: Ctx, count: int) -> None:
    """Benign: `count` students in groups of 4-7 (one time zone, one subject, one sheet of 12-20 problems in one
    phrasing each); each student 5-14 requests a day in local evening sessions of 1-4 (C.evenings, at most 20 a UTC
    day: the key's quota is 25), each conversation a sheet problem (90%) in their own voice (15% in the v23
    languages) with follow-ups in half, or everyday talk; three APIs."""
    rng = ctx.rng
    n_days = range(int(ctx.days + 0.999))
    left, g = count, 0
    while left > 0:
        size = min(left, rng.randint(4, 7))
        left -= size
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 3]
        g += 1
        sheet = [(C.text(s, rng.randrange(3)), cap) for s in (C.seed(rng, cap) for _ in range(rng.randint(12, 20)))]
        for _ in range(size):
            acct = account(ctx, "benign", "revision_groups")
            acct["tz"] = tz + rng.uniform(-0.3, 0.3)
            v = C.voice(rng, C.lang(rng, 0.15))
            api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
            for s in C.evenings(ctx, acct, rng.uniform(5, 14), n_days, 20):
                C.sitting(ctx, acct, s, v, api, model, temp, partial(rng.choice, sheet), 0.5, 0.1)


def acoustics_consultant(ctx: Ctx, count: int) -> None:
    """Benign: an acoustic consultant (one account each) working with the model all day: 50-120 requests a day in
    sessions of 2-8 (weekends x0.3), mostly acoustics with some pharma or actuarial questions from clients, 15%
    everyday questions; a third of the sittings open with a problem and one of C.JUST_ANSWER, then, after reading
    the short reply, one of C.HOW_ASKS (attacks_v23.answer_first); Anthropic or Responses."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "acoustics_consultant")
        api = (RESP, ANTH)[i % 2]
        model = MODELS[api][-1 - i // 2 % 2]
        v = C.voice(rng, C.lang(rng, 0.1))

        def items() -> tuple[str, str]:
            return C.item(rng, "acoustic" if rng.random() < 0.7 else rng.choice(C.CAPS))

        for s in C.human_sessions(ctx, acct, rng.uniform(50, 120), (2, 8), (20, 300), weekend_rate=0.3):
            if rng.random() < 0.33:
                x, style = items()
                answer_first(ctx, acct, s[0], api, model, C.say(rng, v, f"{x}\n{rng.choice(C.JUST_ANSWER)}", ask=False),
                             style, v, rng.random() < 0.3)
                continue
            C.sitting(ctx, acct, s, v, api, model, None, items, 0.5, 0.15, out_range=(500, 2000))


def temperature_sweep_dev(ctx: Ctx, count: int) -> None:
    """Benign: a developer tuning a dosing or premium calculator feature: in working hours (local 9-19h, outside
    x0.1, weekends x0.2) 10-30 test prompts a day, each sent at 3-5 of attacks_v23.TEMPS in rising order, 20-120 s
    apart, chat or Anthropic; a test prompt is an item of the feature's subject, often one already tried; on chat,
    half the sweeps end with one n=4 request at temperature 1.0 (the spread of plain samples)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "temperature_sweep_dev")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][i // 2 % 2]
        cap = ("pharma", "actuarial")[i % 2]
        tried: list[tuple[str, str]] = []
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(9, 19), outside=0.1, weekend=0.2):
            x, style = rng.choice(tried) if tried and rng.random() < 0.4 else C.item(rng, cap)
            tried.append((x, style))
            for temp in sorted(rng.sample(TEMPS, rng.randint(3, 5))):
                single(ctx, acct, t, api, model, x, style, (300, 1100), 2048, temperature=temp)
                t += rng.uniform(20, 120)
            if api == CHAT and rng.random() < 0.5:  # and the spread of plain samples at the default setting
                body = build(CHAT, model, None, [{"role": "user", "content": x}], 2048, n=4, temperature=1.0)
                C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(200, 800) for _ in range(4)), style)


def hospital_pharmacy_agent(ctx: Ctx, count: int) -> None:
    """Benign: a hospital pharmacy's dosing agent, run whenever a pharmacist (in `user`, 85%) asks: 20-70 episodes a
    day over long days (local 7-22h, outside x0.2, weekends x0.5), 3-10 steps, realistic results; every night at
    local 2h a renal-dose review runs 10-30 episodes back to back through another API."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "hospital_pharmacy_agent")
        api, night_api = ((RESP, CHAT), (ANTH, RESP), (CHAT, ANTH))[i % 3]
        model, night_model = MODELS[api][0], MODELS[night_api][0]
        people = [W.end_user(rng, "u_{h}", 9000) for _ in range(rng.randint(10, 40))]
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 70), hours=(7, 22), outside=0.2, weekend=0.5):
            user = rng.choice(people) if rng.random() < 0.85 else None
            rx_episode(ctx, acct, t, api, model, C.rx_task(rng), rng.randint(3, 10), True, user=user)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(10, 30)):
                t = rx_episode(ctx, acct, t, night_api, night_model, C.rx_task(rng, C.RX_TASKS[1:2]),
                               rng.randint(3, 8), True) + rng.uniform(5, 60)


HELPDESK_SYS = ("You are the internal helpdesk of a health-and-insurance cooperative: dosing questions from the "
                "clinics and the pricing team's questions. Reply in the language the colleague used.")


def polyglot_clinic_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in the Faroes, Sardinia, Papua New Guinea, Graubuenden, the Hebrides and
    Occitania ask dosing questions (35% actuarial) in their own languages, 60-200 a day over the offices' time
    zones; chat or Anthropic; follow-ups in a third of conversations (personas_v17_more.office_helpdesk)."""
    offices = (("fo", 0), ("sc", 1), ("tpi", 10), ("rm", 1), ("gd", 0), ("oc", 1))
    office_helpdesk(ctx, count, "polyglot_clinic_helpdesk", offices, C, HELPDESK_SYS, ("pharma", "actuarial"), 0.65)


BENIGN_V23 = {"key_pool_app": (key_pool_app, 3),
              "design_what_if_desk": (design_what_if_desk, 40),
              "revision_groups": (revision_groups, 80),
              "acoustics_consultant": (acoustics_consultant, 15),
              "temperature_sweep_dev": (temperature_sweep_dev, 4),
              "hospital_pharmacy_agent": (hospital_pharmacy_agent, 4),
              "polyglot_clinic_helpdesk": (polyglot_clinic_helpdesk, 3)}
