"""Benign hard-negative personas of the `v27` variant, continued (see personas_v27.py; written blind the same way):

- catalogue_captioner (twin of caption_harvest's careful accounts and of sampling's five captions per image): an
  e-commerce catalogue's product copy from product photos: a nightly import (chat, three variants at temperature 1
  for an A/B test) and merchants' daytime uploads (Anthropic, inline base64), listings in several languages.
- olympiad_coaching (twin of the careful hydra, cot_harvester and reasoning accounts): an olympiad coaching
  programme's students, one key each under the programme's quota of 25 requests a day, asking for full proofs with
  thinking or high reasoning effort on, over the programme's shared problem set.
- reasoning_effort_lab (twin of sampling's effort sweeps and of taxonomy): an evaluation lab running the same
  prompts at every reasoning effort and thinking budget, and five samples at temperature 1, in office hours.
- multilingual_desk (languages): a marketplace's support and engineering desk whose staff in Assamese, Maithili,
  Xitsonga, Bambara, Sakha and Manx-speaking offices ask policy and code questions in their own languages.
"""

from __future__ import annotations

import itertools

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27 as C
from benchmarks.traffic import corpus_v27_docs as D
from benchmarks.traffic import corpus_v27_more as M
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v17_more import office_helpdesk

COPY_SYS = ("You write product copy for {co}'s catalogue from the product photo and attributes. Plain, accurate, no "
            "superlatives we cannot back up.")
COPY_ASKS = {"title": "Write a product title (under 70 characters) for this item. Attributes: {attrs}.",
             "alt": "Write alt text for this product photo. Attributes: {attrs}.",
             "description": "Write a two-sentence product description for this item. Attributes: {attrs}."}
SHOPS = (("Shoply", None), ("Hatibondha Bazaar", "as"), ("Maati Market", "mai"), ("Sugu Online", "bm"))


def catalogue_captioner(ctx: Ctx, count: int) -> None:
    """Benign: `count` catalogues, one key each: every night at local 2h an import of 100-400 products back to back
    (2-6 s apart), title and description from the product photo on chat gpt-4.1-mini with n=3 at temperature 1.0 (an
    A/B test of variants); by day (9-19h, outside x0.1, weekends x0.5) 100-300 merchant uploads, alt text or a title
    from the photo (inline base64 60%, else its CDN URL), from the merchant web app on Anthropic claude-haiku-4-5 with
    COPY_SYS cached or from the seller app on Responses gpt-4.1; the shops of the v27 regions ask in their language
    for half of the listings."""
    rng = ctx.rng
    for i in range(count):
        co, lg = SHOPS[i % len(SHOPS)]
        acct = account(ctx, "benign", "catalogue_captioner")
        system = COPY_SYS.format(co=co)
        s = M.surface(ANTH, "claude-haiku-4-5", cache=True)

        def ask(style: str, g: dict, lg=lg) -> str:
            x = COPY_ASKS[style].format(attrs=", ".join(f"{k}: {v}" for k, v in g.items() if k != "price"))
            return rng.choice(C.WRAP[lg]).format(x=x) if lg and rng.random() < 0.5 else x

        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900)
            for _ in range(rng.randint(100, 400)):
                url, g = D.product(rng)
                for style in ("title", "description"):
                    t = C.converse(ctx, acct, t, CHAT, "gpt-4.1-mini", [(ask(style, g), "caption", (0, 0), 0.0,
                                                                         D.product_copy(g, style))], None,
                                   system=system, temperature=1.0, max_tokens=200, n=3,
                                   image=M.image_part(CHAT, url)) + rng.uniform(2, 6)
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 300), hours=(9, 19), outside=0.1, weekend=0.5):
            url, g = D.product(rng)
            style = rng.choice(("alt", "title"))
            api, model = (ANTH, "claude-haiku-4-5") if rng.random() < 0.5 else (RESP, "gpt-4.1")
            part = M.image_part(api, stub=D.b64_stub(rng)) if rng.random() < 0.6 else M.image_part(api, url)
            C.converse(ctx, acct, t, api, model, [(ask(style, g), "caption", (0, 0), 0.0, D.product_copy(g, style))],
                       None, s if api == ANTH else None, system=system, temperature=0.3, max_tokens=300, image=part)


QUOTA = 25
# the eight API and model pairs, in the order students are given them (a small programme already sees every API)
API_MODELS = ((ANTH, "claude-haiku-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4.1"), (RESP, "o4-mini"),
              (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4o"), (RESP, "gpt-4.1"), (CHAT, "gpt-4.1-mini"))


def olympiad_coaching(ctx: Ctx, count: int) -> None:
    """Benign: `count` students in programmes of up to 10 (one programme a time zone, 120 olympiad problems shared by
    its students), one key each on one of the eight API and model pairs in turn, thinking on (a budget of 8,000) or
    reasoning effort high with a detailed summary where the model takes it: 6-20 problems a day in afternoon and
    evening sessions (local 13-23h, outside x0.05, weekends x0.8), each the next problem of the student's own
    shuffled order with one of CARD_ASKS (the full proof), a follow-up in 30%, each after reading; never more than the
    quota of 25 requests in a UTC day; 10% of students write in a v27 language."""
    rng = ctx.rng
    left, n = count, 0
    while left > 0:
        size = min(left, 10)
        left -= size
        tz = rng.uniform(-8, 9)
        problems = [C.seed(rng, "olympiad") for _ in range(120)]
        for _ in range(size):
            acct = account(ctx, "benign", "olympiad_coaching")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            api, model = API_MODELS[n % len(API_MODELS)]
            n += 1
            s = M.surface(api, model, effort="high", summary="detailed", budget=8000)
            v = C.voice(rng, C.lang(rng, 0.1))
            order = itertools.cycle(rng.sample(range(len(problems)), len(problems)))
            used: dict[int, int] = {}
            end = 0.0
            for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(13, 23), outside=0.05, weekend=0.8):
                t = max(t, end + rng.uniform(30, 300))
                day = int((t - ctx.start) // DAY)
                sd = problems[next(order)]
                opener = C.say(rng, v, f"{C.text(sd, rng.randrange(3))}\n\n{C.in_voice(rng, v, rng.choice(M.CARD_ASKS))}",
                               ask=False)
                turns = [(opener, "olympiad", (500, 1800), 0.0)]
                if rng.random() < 0.3:
                    turns.append((C.follow_up(rng, v), "olympiad", (200, 900), 0.0))
                if used.get(day, 0) + len(turns) > QUOTA:
                    continue
                used[day] = used.get(day, 0) + len(turns)
                end = C.converse(ctx, acct, t, api, model, turns, v, s)


LAB_MODELS = {RESP: ("o4-mini", "gpt-5-mini"), ANTH: ("claude-sonnet-4-5", "claude-haiku-4-5")}
BUDGETS = (1024, 4096, 16000)


def reasoning_effort_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` lab keys of an evaluation team, office hours (9-18h, outside x0.05, weekends x0.1), 15-40
    benchmark items a day from a fixed set of 200 (olympiad, debug and policy): each item at reasoning effort low,
    medium and high on the Responses API (summary detailed, auto or concise by item), then at thinking budgets 1,024, 4,096 and 16,000 on
    Anthropic, then five samples at temperature 1 on chat (gpt-4o or gpt-4.1), 1-3 s apart (a batch script); the
    two reasoning models and the two Anthropic models take turns by item; the researcher in `user` (member-{n})."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "reasoning_effort_lab")
        bench = [C.seed(rng, ("olympiad", "debug", "policy")[j % 3]) for j in range(200)]
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 5))]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(15, 40), hours=(9, 18), outside=0.05,
                                               weekend=0.1)):
            sd, user = rng.choice(bench), rng.choice(team)
            resp, anth = LAB_MODELS[RESP][(n + i) % 2], LAB_MODELS[ANTH][(n + i) % 2]
            x = C.text(sd)
            for effort in M.EFFORTS:
                s = M.surface(RESP, resp, effort=effort, summary=("detailed", "auto", "concise")[n % 3])
                C.converse(ctx, acct, t, RESP, resp, [(x, sd[0], (300, 1200), 0.0)], None, s, user=user,
                           max_tokens=25000)
                t += rng.uniform(1, 3)
            for budget in BUDGETS:
                s = M.surface(ANTH, anth, budget=budget)
                C.converse(ctx, acct, t, ANTH, anth, [(x, sd[0], (300, 1200), 0.0)], None, s, user=user)
                t += rng.uniform(1, 3)
            C.converse(ctx, acct, t, CHAT, ("gpt-4o", "gpt-4.1")[n % 2], [(x, sd[0], (300, 1200), 0.0)], None, user=user,
                       temperature=1.0, n=5, max_tokens=2048)


DESK_SYS = ("You are the internal assistant of a marketplace's support and engineering desk: returns-policy cases "
            "and code questions. Reply in the language the colleague used.")


def multilingual_desk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in offices where Assamese, Maithili, Xitsonga, Bambara, Sakha and Manx are spoken
    ask policy questions (60%) and code questions in their own languages, 60-200 a day over the offices' time zones;
    chat or Anthropic; follow-ups in a third of conversations (personas_v17_more.office_helpdesk)."""
    offices = (("as", 5.5), ("mai", 5.75), ("ts", 2), ("bm", 0), ("sah", 9), ("gv", 0))
    office_helpdesk(ctx, count, "multilingual_desk", offices, C, DESK_SYS, ("policy", "debug"), 0.6)


PERSONAS_B = {"catalogue_captioner": (catalogue_captioner, 3),
              "olympiad_coaching": (olympiad_coaching, 40),
              "reasoning_effort_lab": (reasoning_effort_lab, 2),
              "multilingual_desk": (multilingual_desk, 3)}
