"""Benign personas of the `v16` variant, continued (personas_v16.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- sre_platform (twin of agentic_distill): an incident-response product running the same operations agent for its
  customers' on-call engineers, around the clock with a daytime peak, realistic tool results.
- textbook_localisation (twin of the blunt taxonomy and cot_harvester accounts): a publisher writing the worked
  solutions of a discrete-maths textbook for each language edition, exercise by exercise, in order.
- chat_frontend (twin of sampling): a chat front end whose users press regenerate (the identical request resent)
  and sometimes ask for two drafts side by side (n=2).
- dev_team_shared_key (twin of mixed_into_chat and of the hydra's small teams): a small development team sharing
  one key, everyone named in `user`, work questions mixed with everyday ones.
- ngo_it_helpdesk (twin of the multilingual hydra and paraphrased accounts): the IT helpdesk assistant of an NGO
  whose field staff write in Quechua, Guarani, Tigrinya, Burmese, Wolof and Samoan.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v16 as C
from benchmarks.traffic import corpus_v16_more as D
from benchmarks.traffic.attacks_v16 import regenerate
from benchmarks.traffic.attacks_v16_more import any_item, ops_episode, sitting
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build


def sre_platform(ctx: Ctx, count: int) -> None:
    """Benign: the product runs its operations agent whenever a customer's on-call engineer (in `user`, 85%)
    opens an incident or asks a question: 40-150 episodes a day, incidents at any hour with a daytime peak (local
    8-20h, outside x0.4, weekends x0.7), 3-9 steps, realistic results, three APIs."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "sre_platform")
        api = (RESP, CHAT, ANTH)[i % 3]
        model = MODELS[api][1]
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 150), hours=(8, 20), outside=0.4, weekend=0.7):
            user = W.end_user(rng, "u_{h}", 6000) if rng.random() < 0.85 else None
            ops_episode(ctx, acct, t, api, model, D.ops_task(rng), rng.randint(3, 9), True, user=user)


EDITION_SYS = ("You write the worked solutions of 'Discrete Structures for Programmers', {lang} edition. Write in "
               "{lang}; full solutions, house style, no chit-chat.")


def textbook_localisation(ctx: Ctx, count: int) -> None:
    """Benign: the publisher's editors work through the book's exercises (each algorithm template with several
    slot draws) in order, edition by edition (English and the six v16 languages), one request per exercise at
    temperature 0 with max_tokens 4096, 100-250 a working day at local 9-18h (outside x0.1, weekends x0.1); chat or
    Anthropic. A grid swept in order for the publisher's own book."""
    rng = ctx.rng
    book = [C.algo_seed(rng, t) for t in range(len(C.ALGO)) for _ in range(8)]
    for i in range(count):
        acct = account(ctx, "benign", "textbook_localisation")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(100, 250), hours=(9, 18), outside=0.1,
                                               weekend=0.1)):
            lang = C.LANG_NAMES[C.LANGS[(n // len(book) + i) % len(C.LANGS)]]
            msgs = [{"role": "user", "content": f"Exercise {n % len(book) + 1}.\n{C.algo_text(book[n % len(book)])}"}]
            extra = {"temperature": 0} if api == CHAT else {}
            C.emit(ctx, t, acct, api, build(api, model, EDITION_SYS.format(lang=lang), msgs, 4096, **extra),
                   rng.randint(500, 1600), "algo")


def chat_frontend(ctx: Ctx, count: int) -> None:
    """Benign: a chat front end (users in `user`) where people press regenerate when they do not like an answer
    (the identical request resent, 1-3 times, on 20% of prompts) and 10% use the 'two drafts' view (n=2,
    temperature 1.0); prompts are everyday, algorithm and shell questions in the users' voices; 150-400 a day at
    local 8-24h (outside x0.2, weekends x1.2); chat only."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "chat_frontend")
        model = MODELS[CHAT][i % 3]
        users = [(W.end_user(rng, "sess_{h}", 70000), C.voice(rng, C.lang(rng, 0.1))) for _ in range(600)]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(8, 24), outside=0.2, weekend=1.2):
            user, v = rng.choice(users)
            core, style = any_item(rng) if rng.random() < 0.5 else (C.cover(rng, v), "everyday")
            text = C.say(rng, v, core, ask=style != "everyday")
            r = rng.random()
            if r < 0.2:
                regenerate(ctx, acct, t, CHAT, model, text, style, rng.randint(1, 3), user=user)
            elif r < 0.3:
                body = build(CHAT, model, None, [{"role": "user", "content": text}], 2048, n=2, temperature=1.0)
                C.emit(ctx, t, acct, CHAT, body, rng.randint(300, 1600), style, user=user)
            else:
                C.talk(ctx, acct, [t], CHAT, model, text, style, partial(C.follow_up, rng, v), user=user)


def dev_team_shared_key(ctx: Ctx, count: int) -> None:
    """Benign: a team of 3-8 developers sharing one key through an internal tool that fills `user` with each
    person's id; shell and algorithm questions, 20% everyday ones, follow-ups quoting the answer as people do;
    30-90 a day in office sessions (weekends x0.2); one API and model per team."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "dev_team_shared_key")
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model = rng.choice(MODELS[api])
        team = [(W.end_user(rng, rng.choice(W.USER_POOLS), 200000), C.voice(rng)) for _ in range(rng.randint(3, 8))]
        for s in C.human_sessions(ctx, acct, rng.uniform(30, 90), (1, 5), weekend_rate=0.2):
            user, v = rng.choice(team)
            sitting(ctx, acct, s, v, api, model, None, partial(any_item, rng), 0.5, 0.2, user=user)


HELPDESK_SYS = "You are the IT helpdesk assistant for field offices. Reply in the language the staff member used."


def ngo_it_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: field staff of an NGO (in `user`) in offices in Peru, Paraguay, Eritrea, Myanmar, Senegal and Samoa
    ask the helpdesk assistant shell and IT questions (and the odd everyday one) in their own languages, 60-200 a
    day spread over the offices' time zones; chat or Anthropic; follow-ups in a third of conversations."""
    rng = ctx.rng
    offices = (("qu", -5), ("gn", -3), ("ti", 3), ("my", 6.5), ("wo", 0), ("sm", 13))
    for i in range(count):
        acct = account(ctx, "benign", "ngo_it_helpdesk")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][1]
        staff = [(W.end_user(rng, "member-{n}", 9000), C.voice(rng, lg if rng.random() < 0.8 else "en"), tz)
                 for lg, tz in offices for _ in range(rng.randint(10, 40))]
        for _, tz in offices:
            mine = [s for s in staff if s[2] == tz]
            for t in ctx.window_times(tz, rng.uniform(60, 200) / len(offices), hours=(8, 17), outside=0.05,
                                      weekend=0.2):
                user, v, _ = rng.choice(mine)
                times = [t] + ([t + rng.uniform(60, 500)] if rng.random() < 0.33 else [])
                sitting(ctx, acct, times, v, api, model, None, partial(C.item, rng, "shell"), 1.0, 0.1, user=user,
                        system=HELPDESK_SYS)


PERSONAS_B = {"sre_platform": (sre_platform, 3), "textbook_localisation": (textbook_localisation, 2),
              "chat_frontend": (chat_frontend, 2), "dev_team_shared_key": (dev_team_shared_key, 6),
              "ngo_it_helpdesk": (ngo_it_helpdesk, 2)}
