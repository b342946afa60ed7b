"""Benign hard-negative personas of the `v33` variant, continued (see personas_v33.py; written blind the same way):

- sql_course (twin of the careful hydra and text_to_sql accounts): a database course's SQL tutor, one key per
  student under the course's quota of 25 requests a day, every student working through the class's shared exercise
  bank (a schema and a question) in an exercise's wording or their own, asking why now and then.
- catalogue_search (twin of query_gen's moderate accounts and of the blunt sampling accounts): an e-commerce
  catalogue team generating the search queries shoppers would type for each product description, as JSON or as
  several samples at once, and labelling products against queries from the shop's search log.
- hackathon (twin of the careful hydra shifts and of the careful text_to_sql and query_gen accounts): a weekend
  hackathon whose team keys, handed out on the first or second morning, each build a text-to-SQL or search demo
  (or a small instruction set) for two days and go quiet.
- docs_related (twin of the mixed_into_chat nightly jobs and of query_gen's careful accounts): a documentation
  site whose "related questions" are regenerated every night for its changed pages, and whose docs assistant
  answers readers (a quarter of them writing in a v33 language) from the page they are on.
- rag_eval (twin of query_gen's label requests and of its careful accounts): an enterprise RAG team labelling the
  passages its retriever returned for a query, one by one, and its annotators asking about hard cases.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v33 as C
from benchmarks.traffic import corpus_v33_jobs as J
from benchmarks.traffic import corpus_v33_src as S
from benchmarks.traffic.attacks_v33_more import crowd, persona, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v32_more import classes

COURSE_SYS = ("You are the tutor of {co}'s databases course. Students bring exercises from the course's bank - a schema "
              "and a question; help them write the SQL and understand why it works.")
COURSE_COS = ("Eastfield University", "Open Harbour College", "Kingsmere Institute")
STUDENT_ASKS = ("how do I write this in SQL? I keep getting the join wrong", "can you check how you'd do this one? "
                "it's for the lab sheet", "what's the query for this and why?")


def sql_course(ctx: Ctx, count: int) -> None:
    """Benign: `count` classes (personas_v32_more.classes: one time zone each, an exercise bank of 40 questions over
    the course databases shared by the class, 10-20 student keys on the eight class seats in turn, stu_{h} in
    `user`). A student works 4-14 exercises a day at local 15-23h (outside x0.05, weekends x0.7), the next of their
    own order, in a sql item's wording (60%) or pasted with their own question, under COURSE_SYS, a "why?" follow-up
    with one of C.WHY_ASKS in 40%, never more than 25 requests in a UTC day; 10% write in a v33 language."""
    classes(ctx, count, "sql_course", COURSE_SYS, COURSE_COS, lambda: S.sql_case(ctx.rng), sql_asks, C)


def sql_asks(rng, v: dict, case: dict):
    """A student's turn at an exercise: a sql item's wording, or the schema and question with their own ask."""
    sd = C.seed(rng, "sql", rng.randrange(4), case)
    x = C.text(sd, rng.randrange(3)) if rng.random() < 0.6 else C.say(
        rng, v, f"{S.sql_layout(case)}\n\n{C.in_voice(rng, v, rng.choice(STUDENT_ASKS))}", ask=False)
    yield x, C.reply_to(rng, sd)


CAT_SYS = ("You help {co}'s catalogue team make products findable. Write queries the way shoppers type them; every "
           "query must match the product.")
CAT_COS = ("Larkspur Outdoor", "Hearth & Home", "Trailhead Store")
CAT_LEAD = "Write {k} search queries shoppers would type that this product matches, one per line."


def catalogue_search(ctx: Ctx, count: int) -> None:
    """Benign: `count` shops, one key each, merchandisers in `user` (member-{n}, 5-20): 200-500 requests a day at local
    8-20h (outside x0.15, weekends x0.4) under CAT_SYS on chat gpt-4.1-mini or Responses gpt-4.1 (by key): 50% a
    product description's 3-4 queries as JSON; 30% as text at temperature 0.9, in 2-4 samples at once on chat; 20%
    the product labelled against a query from the search log, as JSON."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "catalogue_search", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                            CAT_SYS, CAT_COS)
        staff = user_ids(rng, "member-{n}", 9000, 5, 20)
        head = "Product description"
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 500), hours=(8, 20), outside=0.15, weekend=0.4):
            inst, user, r = S.passage(rng, domain="product"), rng.choice(staff), rng.random()
            if r < 0.8:
                J.queries_run(ctx, acct, t, api, model, inst, rng.randint(3, 4), as_json=r < 0.5, lead=CAT_LEAD,
                              head=head, temperature=0.0 if r < 0.5 else 0.9, system=system, s=s, user=user,
                              n=rng.randint(2, 4) if r >= 0.5 and api == CHAT else 1)
            else:
                J.label_run(ctx, acct, t, api, model, inst, S.probe(rng, inst), head=head, system=system, s=s,
                            user=user)


def hackathon(ctx: Ctx, count: int) -> None:
    """Benign: `count` hackathons (one time zone each, starting on one of the window's first days). Each hands out
    15-30 team keys, 60% on the first morning and the rest on the second; a team works for two days, 10-22 requests a
    day in sessions at local 9-23.5h (at most 24 in a UTC day), a voice each (20% in a v33 language), on a surface of
    its own (chat, Anthropic with or without thinking, Responses at low or medium effort), a demo's users
    (end-user-{n}) in `user` on 40% of the keys: items of its project's capabilities (text-to-SQL, search, or a small
    instruction set) with follow-ups, and 15% everyday conversations."""
    rng = ctx.rng
    for _ in range(count):
        tz, first = rng.uniform(-8, 9), rng.randrange(max(1, int(ctx.days + 0.999) - 1))
        for _ in range(rng.randint(15, 30)):
            acct = account(ctx, "benign", "hackathon")
            acct["tz"], start = tz + rng.uniform(-0.5, 0.5), first + (rng.random() < 0.4)
            v, api, model, s = persona(rng, 0.2, (40, 30, 30), effort=("low", "medium"), summary="auto",
                                       budget=(None, 2048))
            users = user_ids(rng, "end-user-{n}", 40000, 1, 3) if rng.random() < 0.4 else [None]
            caps = rng.choice((("sql", "sql", "queries"), ("queries", "label", "queries"), ("evolve", "sql")))
            for sess in C.evenings(ctx, acct, rng.uniform(10, 22), range(start, start + 2), 24, hours=(9, 23.5)):
                C.sitting(ctx, acct, sess, v, api, model, s, lambda caps=caps: C.item(rng, rng.choice(caps)), 0.4, 0.15,
                          user=rng.choice(users))


DOCS_SYS = ("You maintain {co}'s documentation. For each page, list the questions readers ask that the page answers; "
            "they are shown under 'Related questions'. JSON only.")
DOCS_COS = ("Ledgerly Docs", "Pipewise Developer Hub", "Notebox Help Centre")
RELATED_LEAD = "List {k} questions this page answers, phrased the way a reader would ask them."
WIDGET_SYS = "You are the docs assistant. Answer from the page the reader is on, briefly; say so if it doesn't cover it."


def docs_related(ctx: Ctx, count: int) -> None:
    """Benign: `count` documentation sites, one key each. Every night at local 2h the 30-90 changed pages are sent for
    3-4 related questions each as JSON (chat gpt-4.1-mini under DOCS_SYS, response_format json_schema) 0.5-2 s apart.
    By day (local 7-23h, outside x0.2, weekends x0.6) the docs assistant (Anthropic claude-haiku-4-5 or chat
    gpt-4.1-mini, by key; the page in the system prompt) answers 150-400 readers' questions a day, readers in `user`
    (end-user-{n}, a quarter writing in a v33 language), with 0-2 follow-ups timed by reading."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "docs_related")
        system = DOCS_SYS.format(co=DOCS_COS[i % len(DOCS_COS)])
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(30, 90)):
                t, _ = J.queries_run(ctx, acct, t, CHAT, "gpt-4.1-mini", S.passage(rng, domain="docs"),
                                     rng.randint(3, 4), as_json=True, lead=RELATED_LEAD, head="Page", system=system)
                t += rng.uniform(0.5, 2)
        api, model = ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4.1-mini"))[i % 2]
        readers = crowd(rng, "end-user-{n}", 40000, 2000, 20000, 0.25)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(7, 23), outside=0.2, weekend=0.6):
            (user, v), inst, k = rng.choice(readers), S.passage(rng, domain="docs"), rng.randrange(4)
            turns = [C.turn(C.say(rng, v, inst["queries"][k], ask=False), f"{inst['lines'][k]} "
                            f"{C.answer(rng, 'prose', rng.randint(30, 120))}")]
            turns += [C.turn(C.follow_up(rng, v), C.answer(rng, "prose", rng.randint(60, 300)))
                      for _ in range(rng.choice((0, 0, 1, 2)))]
            C.converse(ctx, acct, t, api, model, turns, v, system=f"{WIDGET_SYS}\n\nPage: {inst['text']}", user=user,
                       temperature=0.2)


RAG_SYS = ("You label retrieval results for {co}'s assistant evaluation. Say whether the passage is relevant, "
           "partially relevant or not relevant to the query, with a one-line reason. JSON only.")
RAG_COS = ("Meridian Insurance", "Kestrel Logistics", "Brightwater Council")


def rag_eval(ctx: Ctx, count: int) -> None:
    """Benign: `count` RAG teams, one key each, annotators in `user` (member-{n}, 3-12; 15% writing in a v33
    language): 25-70 queries a day at local 9-18h (outside x0.05, weekends x0.1) on chat gpt-4.1 or Anthropic
    claude-sonnet-4-5 with the prompt cached (by key) under RAG_SYS: 80% a query from a passage with the retriever's
    3-5 hits (that passage among them, in any order) each labelled as JSON 1-3 s apart; 20% an annotator's label item
    in their own voice, a follow-up in 40%."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "rag_eval", i, ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5")),
                                            RAG_SYS, RAG_COS)
        team = crowd(rng, "member-{n}", 9000, 3, 12, 0.15)
        for t in ctx.window_times(acct["tz"], rng.uniform(25, 70), hours=(9, 18), outside=0.05, weekend=0.1):
            user, v = rng.choice(team)
            if rng.random() < 0.2:
                sd = C.seed(rng, "label")
                C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model, C.say(rng, v, C.text(sd, rng.randrange(3)),
                                                                                  ask=False), C.reply_to(rng, sd), v,
                       s, system=system, user=user)
                continue
            src = S.passage(rng)
            hits = [src] + [S.passage(rng) for _ in range(rng.randint(2, 4))]
            q = rng.choice(src["queries"])
            for inst in rng.sample(hits, len(hits)):
                t = J.label_run(ctx, acct, t, api, model, inst, q, system=system, s=s, user=user) + rng.uniform(1, 3)


PERSONAS_B = {"sql_course": (sql_course, 3),
              "catalogue_search": (catalogue_search, 2),
              "hackathon": (hackathon, 2),
              "docs_related": (docs_related, 2),
              "rag_eval": (rag_eval, 2)}
