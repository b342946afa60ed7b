"""Benign personas of the `v17` variant, continued (personas_v17.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- eda_copilot (twin of agentic_distill): an electronics-design product running the same circuit-design agent for
  its customers' engineers, realistic tool results, around the clock with a daytime peak.
- cpa_review_course (twin of the blunt taxonomy accounts): an accounting-exam publisher writing the explanation
  of every question in its own bank, framework by framework, in order.
- prompt_variance_study (twin of sampling): a product team measuring how stable its assistant's answers are:
  each evaluation item at several temperatures and with n=3, in nightly runs.
- practice_shared_key (twin of mixed_into_chat and of the hydra's careful accounts): a small accounting and
  engineering practice sharing one key, everyone named in `user`, work questions mixed with everyday ones.
- coop_finance_helpdesk (twin of the multilingual hydra and paraphrased accounts): the helpdesk assistant of a
  microfinance network whose bookkeepers write in Javanese, Oromo, Tatar, Lingala, Tok Pisin and Kurdish.
"""

from __future__ import annotations

from functools import partial
from types import ModuleType

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v17 as C
from benchmarks.traffic import corpus_v17_more as D
from benchmarks.traffic.attacks_v17_more import any_item, eda_episode, single
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build


def eda_copilot(ctx: Ctx, count: int) -> None:
    """Benign: the product runs its design agent whenever a customer's engineer (in `user`, 85%) asks for a
    design or a check: 40-140 episodes a day, at any hour with a daytime peak (local 8-20h, outside x0.35, weekends
    x0.5), 3-9 steps, realistic results, three APIs."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "eda_copilot")
        api = (RESP, CHAT, ANTH)[i % 3]
        model = MODELS[api][1]
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 140), hours=(8, 20), outside=0.35, weekend=0.5):
            user = W.end_user(rng, "u_{h}", 8000) if rng.random() < 0.85 else None
            eda_episode(ctx, acct, t, api, model, D.eda_task(rng), rng.randint(3, 9), True, user=user)


BANK_SYS = ("You write the answer explanations of the {fw} edition of our accounting exam question bank. House "
            "style: the answer, the entries, then why each distractor is wrong.")


def cpa_review_course(ctx: Ctx, count: int) -> None:
    """Benign: the publisher's editors run through its question bank (each accounting template with eight number
    draws) in order, one framework edition after another, one request per question at temperature 0 with
    max_tokens 4096, 100-240 a working day at local 9-18h (outside x0.1, weekends x0.1); chat or Anthropic. A grid
    swept in order for the publisher's own book."""
    rng = ctx.rng
    bank = [C.seed(rng, "ledger", t) for t in range(len(C.LEDGER)) for _ in range(8)]
    frameworks = ("US GAAP", "IFRS", "UK FRS 102", "Ind AS")
    for i in range(count):
        acct = account(ctx, "benign", "cpa_review_course")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(100, 240), hours=(9, 18), outside=0.1,
                                               weekend=0.1)):
            fw = frameworks[(n // len(bank) + i) % len(frameworks)]
            extra = {"temperature": 0} if api == CHAT else {}
            single(ctx, acct, t, api, model, f"Question {n % len(bank) + 1}.\n{C.text(bank[n % len(bank)])}",
                   "ledger", (400, 1500), 4096, BANK_SYS.format(fw=fw), **extra)


EVAL_SYS = "You are the in-app assistant of an engineering calculator. Answer accurately and briefly."


def prompt_variance_study(ctx: Ctx, count: int) -> None:
    """Benign: a product team's evaluation harness measures answer stability before a prompt change ships: each
    night (local 1-5h) it runs its fixed set of 80-200 items, each at temperatures 0.2, 0.6 and 1.0 with n=3 on
    chat (logprobs on for a third of the runs, to compare confidence), one request every 2-10 s; by day (local
    9-18h) engineers spot-check single items. Items are circuit and accounting questions the product answers."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "prompt_variance_study")
        model = rng.choice(MODELS[CHAT][:2])
        evalset = [C.item(rng) for _ in range(rng.randint(80, 200))]
        for night in range(int(ctx.days + 0.999)):
            t = ctx.start + night * 86400 + ((1 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 3600)
            lp = {"logprobs": True, "top_logprobs": 3} if rng.random() < 0.33 else {}
            for x, style in evalset:
                for temp in (0.2, 0.6, 1.0):
                    body = build(CHAT, model, EVAL_SYS, [{"role": "user", "content": x}], 800, n=3,
                                 temperature=temp, **lp)
                    C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(80, 400) for _ in range(3)), style)
                    t += rng.uniform(2, 10)
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 40), hours=(9, 18), outside=0.05, weekend=0.1):
            x, style = rng.choice(evalset)
            single(ctx, acct, t, CHAT, model, x, style, (80, 400), 800, EVAL_SYS, temperature=rng.choice((0.2, 1.0)))


def practice_shared_key(ctx: Ctx, count: int) -> None:
    """Benign: a practice of 3-8 people (accountants and an electronics engineer or two) sharing one key through an
    internal tool that fills `user` with each person's id; accounting and circuit questions, 25% everyday ones,
    follow-ups timed by reading; 30-90 a day in office sessions (weekends x0.2); one API and model per practice."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "practice_shared_key")
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model = rng.choice(MODELS[api])
        team = [(W.end_user(rng, rng.choice(W.USER_POOLS), 200000), C.voice(rng)) for _ in range(rng.randint(3, 8))]
        for s in C.human_sessions(ctx, acct, rng.uniform(30, 90), (1, 5), weekend_rate=0.2):
            user, v = rng.choice(team)
            C.sitting(ctx, acct, s, v, api, model, None, partial(any_item, rng), 0.5, 0.25, user=user)


HELPDESK_SYS = ("You are the helpdesk assistant of a microfinance network's branch offices: bookkeeping, cash "
                "reconciliation and the branch's solar power kit. Reply in the language the staff member used.")


def coop_finance_helpdesk(ctx: Ctx, count: int) -> None:
    """Benign: bookkeepers and branch staff (in `user`) in Indonesia, Ethiopia, Tatarstan, the DR Congo, Papua New
    Guinea and Iraqi Kurdistan ask accounting questions and the odd question about the branch's solar kit (circuit
    items) in their own languages, 60-200 a day spread over the offices' time zones; chat or Anthropic; follow-ups
    in a third of conversations."""
    offices = (("jv", 7), ("om", 3), ("tt", 3), ("ln", 1), ("tpi", 10), ("ku", 3))
    office_helpdesk(ctx, count, "coop_finance_helpdesk", offices, C, HELPDESK_SYS, ("ledger", "circuit"), 0.8)


def office_helpdesk(ctx: Ctx, count: int, scenario: str, offices: tuple[tuple[str, float], ...], corpus: ModuleType,
                    system: str, caps: tuple[str, str], first: float) -> None:
    """A helpdesk key (chat or Anthropic) whose staff (in `user`, 80% writing in their office's language) ask items
    of caps[0] (share `first`) or caps[1] from offices in their own time zones, 60-200 a day in all, a follow-up in
    a third of conversations (shared with personas_v18_more.health_ngo_helpdesk: `corpus` gives voices and talk)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", scenario)
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][1]
        for lg, tz in offices:
            staff = [(W.end_user(rng, "member-{n}", 9000), corpus.voice(rng, lg if rng.random() < 0.8 else "en"))
                     for _ in range(rng.randint(10, 40))]
            for t in ctx.window_times(tz, rng.uniform(60, 200) / len(offices), hours=(8, 17), outside=0.05,
                                      weekend=0.2):
                user, v = rng.choice(staff)
                cap = caps[0] if rng.random() < first else caps[1]
                corpus.sitting(ctx, acct, [t] * (1 + (rng.random() < 0.33)), v, api, model, None,
                               partial(corpus.item, rng, cap), 1.0, 0.1, user=user, system=system)


PERSONAS_B = {"eda_copilot": (eda_copilot, 3), "cpa_review_course": (cpa_review_course, 2),
              "prompt_variance_study": (prompt_variance_study, 2), "practice_shared_key": (practice_shared_key, 6),
              "coop_finance_helpdesk": (coop_finance_helpdesk, 2)}
