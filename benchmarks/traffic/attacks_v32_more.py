"""Attack campaigns of `variant="v32"`, continued (attacks_v32.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v32-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v32
  languages) go to five different accounts hours apart (attacks_v31_more.paraphrased over the v32 items).
- agentic_distill: 10 accounts with the teacher as an evaluation agent (fetch a comparison item, look up the
  reference answer, check a doubtful claim, submit a judgement): trajectories of judging with tools.
- pair_judge (new): which of two replies to a question is better, by how much and why, as JSON (winner, margin,
  rationale) or prose; most pairs are sent twice with the replies swapped, to cancel the judge's position bias -
  seconds apart by the blunt scripts, hours apart by the moderate ones, by two different accounts for the careful
  ones.
- rejected_writer (new): the chosen/rejected half of a preference pair: a good answer sent with "write a subtly worse
  version" or "introduce one plausible error", the reply different from it in one sentence. The blunt scripts ask
  for several rejected versions of each answer back to back; the moderate ones one a request, as JSON under a cached
  prompt; the careful accounts look like a support team's or a debate club's, each answer over three accounts.
- rank_n (new): best-of-n: 4-8 replies ranked best to worst with per-criterion scores. The blunt scripts send each
  set twice in different orders; the moderate ones rank in prose with reasoning; the careful accounts each get the
  same set in their own order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v32 as C
from benchmarks.traffic import corpus_v32_jobs as J
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona = partial(M31.persona, corpus=C)
crowd = partial(M31.crowd, corpus=C)
user_ids, REASONERS = M31.user_ids, M31.REASONERS
PAIR_SYS = ("You are an impartial judge of assistant replies. Compare the two responses to the question on accuracy, "
            "helpfulness, clarity and tone; ignore their order and their length. Reply with JSON only: the winner "
            "(A or B), the margin (slight, clear or decisive) and a one-sentence rationale.")
REJECT_SYS = ("You help build preference data. Given a question and a good answer, write a subtly worse version: "
              "change exactly one sentence so it contains one plausible error of fact or advice, and copy every "
              "other sentence word for word.")
RANK_SYS = ("You rank candidate replies to a question from best to worst. Score every candidate from 1 to 10 on "
            "accuracy, helpfulness, clarity and tone. Reply with JSON only: the ranking (labels, best first), the "
            "scores and a short rationale.")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Accounts 0-14 (moderate): 4-10 single-request sessions a day (weekends x0.6), Responses o4-mini at reasoning
    effort high, the version plus 'Explain your reasoning in full.'. Accounts 15-59 (careful): 2-9 a day in sessions of
    1-4 (weekends x0.5), a voice each (25% in the v32 languages), Anthropic with a thinking budget of 2,048-8,000,
    Responses at medium effort or chat, 30% everyday sessions, follow-ups timed by reading. Each item's five versions
    go to five different accounts 2-30 hours apart (attacks_v31_more.paraphrased over the v32 items)."""
    M31.paraphrased(ctx, variant, C)


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, stub tool results, 15-25 pairs judged a day around the clock. Accounts 3-9
    (careful): working hours (local 8-19h, outside x0.1, weekends x0.3), 8-20 pairs a day, realistic results:
    Responses o4-mini or gpt-5-mini at medium or high effort with an auto summary, chained on previous_response_id, or
    Anthropic with a thinking budget of 4,096-10,000; some name raters (member-{n}) in `user`
    (attacks_v31_more.agentic_distill with corpus_v32_jobs' evaluation agent)."""
    M31.agentic_distill(ctx, variant, J.judge_episode, J.AGENT_COS)


# ---- pair_judge ----
def pair_judge(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under PAIR_SYS, response_format json_schema (PAIR_SCHEMA), temperature
    0, each new pair judged and judged again swapped 1-3 s later, 500-750 requests a day around the clock.
    Accounts 2-5 (moderate): Responses gpt-4.1 with text.format json_schema or Anthropic claude-sonnet-4-5 with
    PAIR_SYS cached, 120-240 a day at local 8-20h (outside x0.2): a new pair, or (half the time, when one is due) a
    pair sent 1-6 hours earlier with its replies swapped. Accounts 6-25 (careful): 8-25 a day at local 14-22h
    (outside x0.1, weekends x0.5), pair items in a voice (20% in the v32 languages) on chat, Anthropic or Responses,
    users in `user` (end-user-{n} or stu_{h} on half the keys), a "why?" follow-up in 30%; each pair goes to two
    accounts 1-24 hours apart, the second with the replies swapped."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "pair_judge", "v32-pair")
        for t in ctx.steady_times(rng.uniform(500, 750) / 2, jitter=0.6):
            inst = S.instance(rng)
            J.pair_run(ctx, acct, t, CHAT, "gpt-4.1-mini", inst, *S.pair(rng, inst), swap=True, system=PAIR_SYS)
    for k in range(4):
        acct = account(ctx, "attack", "pair_judge", "v32-pair")
        api, model = ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))[k % 2]
        s, due = M27.surface(api, model, cache=True), []
        for t in ctx.window_times(acct["tz"], rng.uniform(120, 240), hours=(8, 20), outside=0.2):
            if due and due[0][0] <= t and rng.random() < 0.5:
                _, inst, a, b = due.pop(0)
            else:
                inst = S.instance(rng)
                a, b = S.pair(rng, inst)
                due.append((t + rng.uniform(3600, 6 * 3600), inst, b, a))
            J.pair_run(ctx, acct, t, api, model, inst, a, b, heads=("Prompt", "Response", False), system=PAIR_SYS, s=s)
    slots = M31.careful(ctx, "pair_judge", "v32-pair", 20, (8, 25), (14, 22), 0.5, lambda k: (
        *persona(rng, 0.2, effort="low", budget=(None, 2048, 4096)),
        user_ids(rng, ("end-user-{n}", "stu_{h}")[k % 2], (40000, 300000)[k % 2], 30, 300) if k % 4 < 2 else [None]))

    def pairs() -> tuple[dict, tuple[dict, dict], int]:
        inst = S.instance(rng)
        return inst, S.pair(rng, inst), rng.randrange(4)

    for (t, acct, (v, api, model, s, users)), (inst, (a, b), tpl), j in deal_items(rng, slots, pairs, 2,
                                                                                 (3600, 24 * 3600)):
        sd = C.seed(rng, "pair", tpl, inst, [a, b] if j == 0 else [b, a])
        x = C.say(rng, v, C.text(sd, rng.randrange(3)), ask=False)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, x, C.reply_to(rng, sd), v, s,
               user=rng.choice(users))


# ---- rejected_writer ----
def rejected_writer(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under REJECT_SYS at temperature 0.9, a new question's good answer sent
    3-5 times back to back 1-3 s apart for as many rejected versions (each one slip), 550-800 requests a day around
    the clock. Accounts 2-5 (moderate): Anthropic claude-sonnet-4-5 with REJECT_SYS cached (prose, what changed
    noted) or Responses gpt-4.1 with text.format json_schema (REJECT_SCHEMA), one request a question, 100-200 a day
    at local 6-24h (outside x0.3). Accounts 6-25 (careful): reviewers (member-{n} in `user` on half the keys), 8-25 a
    day at local 9-19h (outside x0.1, weekends x0.3), a reject item in a voice (20% in the v32 languages) on chat,
    Anthropic or Responses, a follow-up in 20%; each good answer goes to three accounts 1-24 hours apart."""
    rng = ctx.rng
    for acct in [account(ctx, "attack", "rejected_writer", "v32-rejected") for _ in range(2)]:
        for t in ctx.steady_times(rng.uniform(550, 800) / 4, jitter=0.6):
            inst = S.instance(rng)
            for _ in range(rng.randint(3, 5)):
                t = J.reject_run(ctx, acct, t, CHAT, "gpt-4.1-mini", inst, system=REJECT_SYS, note=0.0,
                                 temperature=0.9) + rng.uniform(1, 3)
    for k in range(4):
        acct = account(ctx, "attack", "rejected_writer", "v32-rejected")
        api, model = ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1"))[k % 2]
        s = M27.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 200), hours=(6, 24), outside=0.3):
            J.reject_run(ctx, acct, t, api, model, S.instance(rng), as_json=api == RESP, lead="", note=1.0,
                         heads=("Prompt", "Response"), system=REJECT_SYS, s=s)
    slots = M31.careful(ctx, "rejected_writer", "v32-rejected", 20, (8, 25), (9, 19), 0.3, lambda k: (
        *persona(rng, 0.2, effort="low"), user_ids(rng, "member-{n}", 9000, 3, 20) if k % 2 else [None]))
    for (t, acct, (v, api, model, s, team)), inst, _ in deal_items(rng, slots, partial(S.instance, rng), 3,
                                                                  (3600, 24 * 3600)):
        reject_ask(ctx, acct, t, v, api, model, s, inst, rng.choice(team))


def reject_ask(ctx: Ctx, acct: dict, t: float, v: dict, api: str, model: str, s: dict | None, inst: dict,
               user: str | None, follow: float = 0.2) -> float:
    """A reviewer's reject item (any template and phrasing) over the question's good answer in voice v, the rejected
    version back, a follow-up after reading in `follow` of them (shared with personas_v32_more's debate_coach)."""
    rng = ctx.rng
    sd = C.seed(rng, "reject", None, inst)
    x = C.say(rng, v, C.text(sd, rng.randrange(3)), ask=False)
    return C.talk(ctx, acct, t, 1 + (rng.random() < follow), api, model, x, C.reply_to(rng, sd), v, s, user=user)


# ---- rank_n ----
def rank_n(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under RANK_SYS, response_format json_schema (RANK_SCHEMA), temperature 0,
    a new question's 4-8 replies ranked, then the same set in another order 1-3 s later, 200-350 requests a day
    around the clock. Accounts 2-5 (moderate): Responses o4-mini at high effort or Anthropic claude-sonnet-4-5 with
    a thinking budget of 4,096, a ranking in prose, 80-160 a day at local 8-20h (outside x0.2). Accounts 6-25
    (careful): raters (member-{n} in `user` on a third of the keys), 6-20 a day at local 9-19h (outside x0.1,
    weekends x0.3), rank items in a voice (20% in the v32 languages), half of the rankings with the reasoning behind
    every placing (600-2,000 tokens of it), a follow-up in 25%; each question's set goes to three accounts 2-30 hours
    apart, each in its own order."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "rank_n", "v32-rank")
        for t in ctx.steady_times(rng.uniform(200, 350) / 2, jitter=0.6):
            inst = S.instance(rng)
            cands = S.field(rng, inst, rng.randint(4, 8))
            for order in (cands, rng.sample(cands, len(cands))):
                t = J.rank_run(ctx, acct, t, CHAT, "gpt-4.1", inst, order, system=RANK_SYS) + rng.uniform(1, 3)
    for k in range(4):
        acct = account(ctx, "attack", "rank_n", "v32-rank")
        api, model = ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5"))[k % 2]
        s = M27.surface(api, model, effort="high", summary="auto", budget=4096)
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 160), hours=(8, 20), outside=0.2):
            inst, n = S.instance(rng), rng.randint(4, 8)
            J.rank_run(ctx, acct, t, api, model, inst, S.field(rng, inst, n), as_json=False, s=s,
                       lead=C.RANK[0][0][0].format(n=n))
    slots = M31.careful(ctx, "rank_n", "v32-rank", 20, (6, 20), (9, 19), 0.3, lambda k: (
        *persona(rng, 0.2, effort="low", budget=(None, 4096)),
        user_ids(rng, "member-{n}", 9000, 4, 30) if k % 3 == 0 else [None]))

    def sets() -> tuple[dict, list[dict]]:
        inst = S.instance(rng)
        return inst, S.field(rng, inst, rng.randint(4, 8))

    for (t, acct, (v, api, model, s, team)), (inst, cands), _ in deal_items(rng, slots, sets, 3, (2 * 3600, 30 * 3600)):
        sd = C.seed(rng, "rank", None, inst, rng.sample(cands, len(cands)))
        x, rep = C.say(rng, v, C.text(sd, rng.randrange(3)), ask=False), C.reply_to(rng, sd)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.25), api, model, x, C.explained(rng, rep) if rng.random() < 0.5
               else rep, v, s, user=rng.choice(team))


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, pair_judge, rejected_writer,
                                                       rank_n)
