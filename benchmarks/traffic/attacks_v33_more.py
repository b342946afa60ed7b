"""Attack campaigns of `variant="v33"`, continued (attacks_v33.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v33-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v33
  languages) go to five different accounts hours apart (attacks_v31_more.paraphrased over the v33 items).
- agentic_distill: 10 accounts with the teacher as an analytics agent (list the tables, describe one, run a query,
  submit the answer): trajectories of text-to-SQL with tools.
- evol_instruct (new): instruction-evolution chains. Each request pastes an earlier instruction and asks for a
  harder one by one method (a constraint, more depth, a concrete case, a wider case, more reasoning steps); the next
  pastes what came back; later requests ask the evolved instructions themselves, for the student's answers. The
  blunt scripts run a chain's steps and its asks seconds apart; the moderate ones one step a request under a cached
  prompt, the asks hours later; the careful accounts pass a chain from account to account.
- text_to_sql (new): a schema pasted with a question, the SQL and an explanation back, over fourteen databases and
  six question types. The blunt scripts send a database's questions back to back as JSON; the moderate ones in
  prose with reasoning; the careful accounts look like a course's students, a database's questions over three.
- query_gen (new): InPars/Promptagator-style retrieval data: a passage pasted with "write k search queries it
  answers" (several per call, often n samples at once at a high temperature), then relevance labels for queries
  against passages. The blunt scripts sample and filter with yes/no logprobs; the moderate ones ask for JSON; the
  careful accounts each take one step of a passage's work.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v33 as C
from benchmarks.traffic import corpus_v33_jobs as J
from benchmarks.traffic import corpus_v33_src as S
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v33 languages
user_ids = M31.user_ids
EVOL_SYS = ("You rewrite instructions into harder ones for an instruction-tuning set. Apply only the method given, "
            "keep the given instruction word for word inside the new one, and make sure a person could still answer "
            "it.")
SQL_SYS = ("You translate questions into PostgreSQL over the schema given. Use only the schema's tables and columns. "
           "Reply with JSON only: the query and a one-sentence explanation.")
QGEN_SYS = "You write search queries for retrieval training data. Every query must be answered by the passage."
LABEL_SYS = ("You judge search relevance. Label the passage relevant, partially relevant or not relevant to the "
             "query, with a one-line reason. Reply with JSON only.")


# paraphrased: 60 accounts (15 moderate on Responses o4-mini at high effort, 45 careful in voices, a quarter in the
# v33 languages), each item's five versions to five accounts 2-30 hours apart (attacks_v31_more.paraphrased).
# agentic_distill: 10 accounts (3 blunt with stub tool results around the clock, 7 careful in working hours with
# realistic results, chained on Responses or thinking on Anthropic) running corpus_v33_jobs' analytics agent
# (attacks_v31_more.agentic_distill).
paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.sql_episode, cos=J.AGENT_COS)


JSON_SURFACES = ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))  # the moderate accounts' (text.format; cached prompt)


def moderate(ctx: Ctx, scenario: str, campaign: str, surfaces: tuple[tuple[str, str], ...], per_day: tuple[int, int],
             hours: tuple[int, int], outside: float, **settings: object) -> list[tuple]:
    """A campaign's four moderate accounts, on its two surfaces in turn (with `settings`), each with its request times
    at local `hours` (outside x`outside`), per_day of them a day: (account, API, model, surface, times) each."""
    rng, out = ctx.rng, []
    for api, model in surfaces * 2:
        acct = account(ctx, "attack", scenario, campaign)
        out.append((acct, api, model, M27.surface(api, model, **settings),
                    ctx.window_times(acct["tz"], rng.uniform(*per_day), hours=hours, outside=outside)))
    return out


# ---- evol_instruct ----
def evol_instruct(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under EVOL_SYS at temperature 0.7: a new seed instruction evolved
    three times back to back 1-3 s apart (each step pasting the last one's result, three different methods), then the
    three evolved instructions asked by themselves 1-3 s apart (chat gpt-4.1, no system prompt), 480-720 requests a
    day around the clock. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format json_schema or Anthropic
    claude-sonnet-4-5 with EVOL_SYS cached (the JSON in the text), 100-200 a day at local 8-20h (outside x0.2): the
    next step of the account's open chain (a new seed after three steps), or - half the time, when one is due -
    an evolved instruction asked by itself 1-6 hours after it came back. Accounts 6-25 (careful): 8-25 a day at local
    10-20h (outside x0.1, weekends x0.5), evolve items in a voice (20% in the v33 languages) on chat, Anthropic or
    Responses, members (member-{n}) in `user` on half the keys; each two-step chain goes to three accounts 1-24
    hours apart - the first evolves the seed, the second what came back, the third asks the result by itself -
    with a follow-up in 25%."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "evol_instruct", "v33-evol")
        for t in ctx.steady_times(rng.uniform(480, 720) / 6, jitter=0.6):
            made = []
            for parent, m, _ in S.chain(rng, 3):
                t, child = J.evolve_run(ctx, acct, t, CHAT, "gpt-4.1-mini", parent, m, system=EVOL_SYS)
                made.append(child)
                t += rng.uniform(1, 3)
            for x in made:
                t = J.judge(ctx, acct, t, CHAT, "gpt-4.1", x, C.answer_to(rng, x), temperature=0.7) + rng.uniform(1, 3)
    for acct, api, model, s, times in moderate(ctx, "evol_instruct", "v33-evol", JSON_SURFACES, (100, 200), (8, 20),
                                               0.2, cache=True):
        due, chain, used = [], [], []
        for t in times:
            if due and due[0][0] <= t and rng.random() < 0.5:
                x = due.pop(0)[1]
                J.judge(ctx, acct, t, api, model, x, C.answer_to(rng, x), s=s, temperature=0.7)
                continue
            if len(chain) % 4 == 0:
                chain, used = [S.instruction(rng)], []
            used.append(rng.choice([m for m in S.METHOD_NAMES if m not in used]))
            t, child = J.evolve_run(ctx, acct, t, api, model, chain[-1], used[-1], as_json=True, system=EVOL_SYS,
                                    s=s)
            chain.append(child)
            due.append((t + rng.uniform(3600, 6 * 3600), child))
    slots = M31.careful(ctx, "evol_instruct", "v33-evol", 20, (8, 25), (10, 20), 0.5, lambda k: (
        *persona(rng, 0.2, effort="low", budget=(None, 2048, 4096)),
        user_ids(rng, "member-{n}", 9000, 3, 20) if k % 2 else [None]))
    for (t, acct, (v, api, model, s, team)), steps, j in deal_items(rng, slots, partial(S.chain, rng, 2), 3,
                                                                  (3600, 24 * 3600)):
        if j < 2:
            parent, m, child = steps[j]
            x, rep = C.text(C.seed(rng, "evolve", None, parent, (m, child)), rng.randrange(3)), child
        else:
            x, rep = steps[-1][2], C.answer_to(rng, steps[-1][2])
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.25), api, model, C.say(rng, v, x, ask=j == 2), rep, v, s,
               user=rng.choice(team))


# ---- text_to_sql ----
def text_to_sql(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under SQL_SYS, response_format json_schema (SQL_SCHEMA), temperature
    0, one database's 4-6 questions back to back 1-3 s apart, 500-750 requests a day around the clock. Accounts 2-5
    (moderate): Responses o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096,
    the SQL in a fenced block and its explanation, under a sql item's first phrasing, 100-200 a day at local 8-20h
    (outside x0.2). Accounts 6-25 (careful): students (stu_{h} in `user` on half the keys), 8-25 a day at local
    14-23h (outside x0.1, weekends x0.6), sql items in a voice (20% in the v33 languages) on chat, Anthropic or
    Responses, a "why?" follow-up in 30%; each database's three questions go to three accounts 1-24 hours apart,
    one each."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "text_to_sql", "v33-sql")
        for t in ctx.steady_times(rng.uniform(500, 750) / 5, jitter=0.6):
            db = rng.randrange(len(S.DOMAINS))
            for q in rng.sample(range(len(S.QUESTIONS)), rng.randint(4, 6)):
                t = J.sql_run(ctx, acct, t, CHAT, "gpt-4.1-mini", S.sql_case(rng, db, q), lead="",
                              system=SQL_SYS) + rng.uniform(1, 3)
    for k, (acct, api, model, s, times) in enumerate(moderate(
            ctx, "text_to_sql", "v33-sql", ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5")), (100, 200), (8, 20), 0.2,
            effort="medium", summary="auto", budget=4096)):
        for t in times:
            sd = C.seed(rng, "sql", k)
            J.judge(ctx, acct, t, api, model, C.text(sd), C.reply_to(rng, sd), s=s)
    slots = M31.careful(ctx, "text_to_sql", "v33-sql", 20, (8, 25), (14, 23), 0.6, lambda k: (
        *persona(rng, 0.2, effort="low", budget=(None, 2048)),
        user_ids(rng, "stu_{h}", 300000, 20, 200) if k % 2 == 0 else [None]))

    def databases() -> list[dict]:
        db = rng.randrange(len(S.DOMAINS))
        return [S.sql_case(rng, db, q) for q in rng.sample(range(len(S.QUESTIONS)), 3)]

    for (t, acct, (v, api, model, s, users)), cases, j in deal_items(rng, slots, databases, 3, (3600, 24 * 3600)):
        sd = C.seed(rng, "sql", None, cases[j])
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, C.say(rng, v, C.text(sd, rng.randrange(3)),
                                                                          ask=False), C.reply_to(rng, sd), v, s,
               user=rng.choice(users))


# ---- query_gen ----
def query_gen(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under QGEN_SYS: a new passage sent for 3-4 queries in three samples
    (n=3, temperature 1.0), then two of the queries that came back and one of another passage's checked against it
    as yes/no with logprobs (max_tokens 1) 1-3 s apart, 400-600 requests a day around the clock. Accounts 2-5
    (moderate): Responses gpt-4.1 with text.format json_schema or Anthropic claude-sonnet-4-5 with the prompt cached:
    a passage's queries as JSON, then one or two queries labelled against it as JSON (LABEL_SYS), 100-200 a day at
    local 6-24h (outside x0.3). Accounts 6-25 (careful): members (member-{n} in `user` on a third of the keys), 8-25
    a day at local 9-19h (outside x0.1, weekends x0.3), in a voice (20% in the v33 languages) on chat, Anthropic or
    Responses, a follow-up in 20%; each passage goes to three accounts 2-30 hours apart: a queries item, a label
    item, a queries item again."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "query_gen", "v33-qgen")
        for t in ctx.steady_times(rng.uniform(400, 600) / 4, jitter=0.6):
            inst = S.passage(rng)
            t, got = J.queries_run(ctx, acct, t, CHAT, "gpt-4.1-mini", inst, rng.randint(3, 4), n=3, temperature=1.0,
                                   system=QGEN_SYS)
            for q in rng.sample(got, 2) + [S.probe(rng, inst)]:
                t = J.label_run(ctx, acct, t + rng.uniform(1, 3), CHAT, "gpt-4.1-mini", inst, q, mode="yesno")
    for acct, api, model, s, times in moderate(ctx, "query_gen", "v33-qgen", JSON_SURFACES, (40, 80), (6, 24), 0.3,
                                               cache=True):
        for t in times:
            inst = S.passage(rng)
            t, got = J.queries_run(ctx, acct, t, api, model, inst, rng.randint(3, 4), as_json=True, system=QGEN_SYS,
                                   s=s)
            for q in [S.probe(rng, inst) for _ in range(rng.randint(1, 2))]:
                t = J.label_run(ctx, acct, t + rng.uniform(20, 90), api, model, inst, q, system=LABEL_SYS, s=s)
    slots = M31.careful(ctx, "query_gen", "v33-qgen", 20, (8, 25), (9, 19), 0.3, lambda k: (
        *persona(rng, 0.2, effort="low"), user_ids(rng, "member-{n}", 9000, 3, 30) if k % 3 == 0 else [None]))
    for (t, acct, (v, api, model, s, team)), inst, j in deal_items(rng, slots, partial(S.passage, rng), 3,
                                                                  (2 * 3600, 30 * 3600)):
        sd = C.seed(rng, ("queries", "label", "queries")[j], None, inst)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, C.say(rng, v, C.text(sd, rng.randrange(3)),
                                                                          ask=False), C.reply_to(rng, sd), v, s,
               user=rng.choice(team))


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, evol_instruct, text_to_sql,
                                                       query_gen)
