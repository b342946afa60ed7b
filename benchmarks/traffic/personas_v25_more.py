"""Benign hard-negative personas of the `v25` variant, continued (see personas_v25.py; written blind the same way):

- codebase_migration (twin of code_translation_corpus): a company porting its own repository file by file to its new
  stack (one target language per company) through a migration script in office hours, with follow-ups from the
  engineer who reviews each port, and now and then the same file asked for a second target while the team decides.
- textbook_author (twin of the careful cot_harvester accounts): authors and editors of textbooks and training packs
  who ask for worked examples (solution and the usual mistake) as often as for anything else.
- eval_set_builder (twin of agentic_distill): a QA team's agent that builds and re-verifies the team's own eval sets
  with the dataset tools, in the day and in a nightly batch.
- polyglot_food_coop_helpdesk (languages): a food co-operative's helpdesk whose staff in Latin (the Vatican shop),
  Swiss German, Malayalam, Yiddish, Krio and Neapolitan-speaking offices ask nutrition and customer questions in
  their own languages.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v25 as C
from benchmarks.traffic import corpus_v25_more as M
from benchmarks.traffic.attacks_v25_more import data_episode, port_item
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v17_more import office_helpdesk

MIGRATE_SYS = ("You are the migration assistant of {co}. Port the file to {dst} following our style guide, keep "
               "behaviour identical, and list anything a reviewer must check.")
MIGRATIONS = (("Brightline Logistics", "Go"), ("Fernhill Bank", "Kotlin"), ("Tallow Games", "Rust"),
              ("Quaymark", "TypeScript"), ("Orchard Health", "C#"), ("Northstar Media", "Swift"))
REVIEW_ASKS = ("why did you change the error handling here?", "Does this keep the same behaviour for empty input?",
               "can you add a test for the edge case?", "Is there a more idiomatic way to write the loop?")


def codebase_migration(ctx: Ctx, count: int) -> None:
    """Benign: `count` companies, one key each, MIGRATE_SYS: the migration script sends the repository's files (the
    porting items, every phrasing) to the company's target 40-120 times a day at local office hours (8-19h, outside
    x0.2, weekends x0.1), 20% of ports followed by one of REVIEW_ASKS from the reviewing engineer (in `user`) after
    reading; 10% of files are also asked for a second target (the team is still deciding) minutes later; temperature
    0.2 on chat and Anthropic, max_tokens 4096."""
    rng = ctx.rng
    for i in range(count):
        co, dst = MIGRATIONS[i % len(MIGRATIONS)]
        acct = account(ctx, "benign", "codebase_migration")
        api = (CHAT, ANTH, RESP)[i % 3]
        model = MODELS[api][i // 3 % len(MODELS[api])]
        engineers = [W.end_user(rng, "u_{h}", 9000) for _ in range(rng.randint(3, 10))]
        system = MIGRATE_SYS.format(co=co, dst=dst)
        temp = 0.2 if api != RESP else None
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 120), hours=(8, 19), outside=0.2, weekend=0.1):
            s, user = C.seed(rng, "porting"), rng.choice(engineers)
            turns = [(port_item(s, dst, rng.randrange(3)), "porting", (300, 1200), 0.0)]
            if rng.random() < 0.2:
                turns.append((rng.choice(REVIEW_ASKS), "porting", (150, 600), 0.0))
            t = C.converse(ctx, acct, t, api, model, turns, None, system=system, user=user, temperature=temp,
                           max_tokens=4096)
            if rng.random() < 0.1:
                other = rng.choice([d for d in M.TARGETS if d != dst])
                C.converse(ctx, acct, t + rng.uniform(120, 900), api, model,
                           [(port_item(s, other), "porting", (300, 1200), 0.0)], None, user=user, temperature=temp,
                           max_tokens=4096)


def textbook_author(ctx: Ctx, count: int) -> None:
    """Benign: an author or editor (one account each; nutrition, customer service or programming in turn) working
    with the model through the day: 30-80 requests a day in daytime sessions of 2-6 (weekends x0.3), 15% everyday
    questions; 35% of the sittings open with a problem of their subject (disguised as the sources they take it from)
    and one of EXAMPLE_ASKS, and go on with a follow-up in 30%; the rest are ordinary sittings about their subject;
    Responses, Anthropic or chat in turn, the last model of the API's list first."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "textbook_author")
        cap = C.CAPS[i % 3]
        api = (RESP, ANTH, CHAT)[i % 3]
        model = MODELS[api][-1 - i // 3 % len(MODELS[api])]
        v = C.voice(rng, C.lang(rng, 0.08))

        def items(cap=cap) -> tuple[str, str]:
            return C.item(rng, cap if rng.random() < 0.85 else rng.choice(C.CAPS))

        for s in C.human_sessions(ctx, acct, rng.uniform(30, 80), (2, 6), (20, 300), weekend_rate=0.3):
            if rng.random() < 0.35:
                x, _ = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{rng.choice(M.EXAMPLE_ASKS)}", ask=False)
                C.talk(ctx, acct, s[0], 1 + (rng.random() < 0.3), api, model, opener, "example",
                       partial(C.follow_up, rng, v), out_range=(600, 2000), v=v)
                continue
            C.sitting(ctx, acct, s, v, api, model, None, items, 0.5, 0.15, out_range=(500, 2000))


def eval_set_builder(ctx: Ctx, count: int) -> None:
    """Benign: a QA team's dataset agent, run whenever a team member (in `user`, 85%) asks: 20-60 episodes a day over
    long days (local 8-21h, outside x0.2, weekends x0.4), 3-9 steps, realistic results; every night at local 2h the
    regression set is re-verified back to back (15-40 episodes, another API)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "eval_set_builder")
        api, night_api = ((RESP, CHAT), (ANTH, RESP), (CHAT, ANTH))[i % 3]
        model, night_model = MODELS[api][0], MODELS[night_api][0]
        people = [W.end_user(rng, "u_{h}", 9000) for _ in range(rng.randint(5, 25))]
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(8, 21), outside=0.2, weekend=0.4):
            user = rng.choice(people) if rng.random() < 0.85 else None
            data_episode(ctx, acct, t, api, model, M.data_task(rng), rng.randint(3, 9), True, user=user)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(15, 40)):
                t = data_episode(ctx, acct, t, night_api, night_model, M.data_task(rng, M.DATA_TASKS[3:]),
                                 rng.randint(3, 7), True) + rng.uniform(5, 60)


HELPDESK_SYS = ("You are the internal helpdesk of a food co-operative: nutrition questions from the shops and the "
                "customer team's replies. Reply in the language the colleague used.")


def polyglot_food_coop_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: staff (in `user`) in offices where Latin, Swiss German, Malayalam, Yiddish, Krio and Neapolitan are
    spoken ask nutrition questions (35% customer replies) in their own languages, 60-200 a day over the offices' time
    zones; chat or Anthropic; follow-ups in a third of conversations (personas_v17_more.office_helpdesk)."""
    offices = (("la", 1), ("gsw", 1), ("ml", 5.5), ("yi", -5), ("kri", 0), ("nap", 1))
    office_helpdesk(ctx, count, "polyglot_food_coop_helpdesk", offices, C, HELPDESK_SYS, ("nutrition", "support"),
                    0.65)


PERSONAS_B = {"codebase_migration": (codebase_migration, 6),
              "textbook_author": (textbook_author, 15),
              "eval_set_builder": (eval_set_builder, 4),
              "polyglot_food_coop_helpdesk": (polyglot_food_coop_helpdesk, 3)}
