"""Benign hard-negative personas of the `v33` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v33 campaign sends -
instructions to make harder and then to answer, schemas with questions for SQL, passages for search queries, queries
and passages for relevance labels - over the same sources (corpus_v33_src), through the same runners
(corpus_v33_jobs), with the client metadata ctx.account gives every account. What sets them apart is only what a
real operator differs in: whose content it is, how often the same prompt comes back, who the end users are.

- exam_college (twin of evol_instruct's moderate and careful accounts and of the careful cot_harvester): a
  teacher-training college whose tutors and trainees write harder versions of past-paper questions, one method at a
  time (a harder version of the harder version now and then), then ask for the new question's model answer and mark
  scheme, and ask how a version was made harder.
- prompt_lab (twin of evol_instruct and of the moderate sampling accounts): a prompt-engineering consultancy making
  its clients' prompts more specific one constraint at a time, then running each new prompt at three temperatures
  minutes apart (or three samples at once) to compare the outputs.
- bi_tool (twin of text_to_sql's blunt and moderate accounts, of the mixed_into_chat nightly SQL jobs and of
  agentic_distill): a BI tool turning its customers' analysts' questions into SQL as JSON at volume (a key per
  customer company), the company's schema pasted each time, a dashboard's questions back to back, and an analytics
  agent answering questions with tools.
- search_augment (twin of query_gen's blunt accounts and of the blunt sampling accounts): a search team growing its
  query logs InPars-style every night - its passages sent for queries in several samples at a high temperature,
  each kept query checked with a yes/no relevance model's logprobs, some passages sampled five times at once or at
  three temperatures for its calibration report - and its raters' relevance labels by day.
The other five are in personas_v33_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v33 as C
from benchmarks.traffic import corpus_v33_jobs as J
from benchmarks.traffic import corpus_v33_src as S
from benchmarks.traffic.attacks_v31 import SWEEP
from benchmarks.traffic.attacks_v33_more import crowd, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v33_more import PERSONAS_B

COLLEGE_SYS = ("You help {co}'s tutors and trainee teachers write exam questions. Keep every question fair, answerable "
               "in the time given and matched to the syllabus.")
COLLEGE_COS = ("Ashgrove Teacher Training College", "St Brendan's Institute of Education", "Northfield School of "
               "Teaching")
HARDER = "Could you make this past-paper question harder for our top set? Please {method}.\n\nOriginal question: {q}"
MODEL_ANSWER = "Write the model answer and a mark scheme for this question:\n\n{q}"


def exam_college(ctx: Ctx, count: int) -> None:
    """Benign: `count` colleges (one time zone each), a key for each of 3-5 departments, tutors and trainees in `user`
    (member-{n}, 4-15 a department; 15% writing in a v33 language): 15-40 requests a day a department at local 8-18h
    (outside x0.1, weekends x0.3) under COLLEGE_SYS, on Anthropic claude-sonnet-4-5 with a thinking budget of 4,096
    or Responses o4-mini at medium effort (by college) - see college_ask."""
    rng = ctx.rng
    for i in range(count):
        tz = rng.uniform(-8, 9)
        for _ in range(rng.randint(3, 5)):
            acct, api, model, _, system = keyed(ctx, "exam_college", i, ((ANTH, "claude-sonnet-4-5"),
                                                                         (RESP, "o4-mini")), COLLEGE_SYS, COLLEGE_COS)
            acct["tz"] = tz
            s = M27.surface(api, model, effort="medium", summary="auto", budget=4096, cache=True)
            staff, last = crowd(rng, "member-{n}", 9000, 4, 15, 0.15), {}
            for t in ctx.window_times(tz, rng.uniform(15, 40), hours=(8, 18), outside=0.1, weekend=0.3):
                college_ask(ctx, acct, t, api, model, s, system, staff, last)


def college_ask(ctx: Ctx, acct: dict, t: float, api: str, model: str, s: dict, system: str,
                staff: list[tuple[str, dict]], last: dict[str, str]) -> None:
    """One request of a college department (`last`: each member's last harder version): 45% a past-paper question (or,
    a third of the time, the member's last harder version) made harder by one method, in an evolve item's wording or
    HARDER, a follow-up in 20%; 25% the model answer and mark scheme of the member's last harder version, with its
    reasoning, a follow-up in 30%; 20% an evolve item with one of C.WHY_ASKS (the reasoning back); 10% three questions
    made harder back to back as JSON."""
    rng = ctx.rng
    (user, v), r = rng.choice(staff), rng.random()
    mine = last.get(user)
    if r < 0.45:
        q = mine if mine and rng.random() < 0.33 else S.instruction(rng, "exam")
        sd = C.seed(rng, "evolve", 3, q, rng.choice(S.METHOD_NAMES))
        x = C.text(sd, rng.randrange(3)) if rng.random() < 0.5 else HARDER.format(method=sd[2]["method"], q=q)
        last[user] = C.reply_to(rng, sd)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, C.say(rng, v, x, ask=False), last[user], v, s,
               system=system, user=user)
    elif r < 0.7 and mine:
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, MODEL_ANSWER.format(q=mine),
               C.explained(rng, C.answer_to(rng, mine)), v, s, system=system, user=user)
    elif r < 0.9:
        why_evolve(ctx, acct, t, api, model, s, system, user, v, 3, "exam")
    else:
        for _ in range(3):
            t, _ = J.evolve_run(ctx, acct, t, api, model, S.instruction(rng, "exam"), rng.choice(S.METHOD_NAMES),
                                as_json=True, system=system, s=s, user=user)
            t += rng.uniform(1, 3)


LAB_SYS = "You help {co}'s consultants improve their clients' prompts. Be concrete; keep the client's intent."
LAB_COS = ("Clearprompt Consulting", "Tinker & Tune", "Promptcraft Partners")
LAB_LEAD = ("Here is a client's prompt. Make it more specific by one change - {method} - and keep the original "
            "wording inside the new prompt. Reply with the new prompt only.")


def prompt_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` consultancies, a key for each of 2-4 client projects, consultants in `user` (member-{n}, 4-15 a
    firm): 15-45 requests a day a project at local 9-19h (outside x0.05, weekends x0.1) on chat gpt-4o or Anthropic
    claude-sonnet-4-5 (by firm) under LAB_SYS: 70% a client's prompt (or the consultant's last improved one) made more
    specific by one method (LAB_LEAD, temperature 0.3), then the new prompt run at the API's three sweep temperatures
    5-60 s apart (45%), three samples at once at temperature 1 with logprobs on chat (15%) or once; 30% an evolve item
    with one of C.WHY_ASKS."""
    rng = ctx.rng
    for i in range(count):
        team, last = [(u, C.voice(rng)) for u in user_ids(rng, "member-{n}", 9000, 4, 15)], {}
        for _ in range(rng.randint(2, 4)):
            acct, api, model, s, system = keyed(ctx, "prompt_lab", i, ((CHAT, "gpt-4o"), (ANTH, "claude-sonnet-4-5")),
                                                LAB_SYS, LAB_COS)
            for t in ctx.window_times(acct["tz"], rng.uniform(15, 45), hours=(9, 19), outside=0.05, weekend=0.1):
                user, v = rng.choice(team)
                if rng.random() < 0.3:
                    why_evolve(ctx, acct, t, api, model, s, system, user, v, rng.choice((1, 2)), "prompt")
                    continue
                q = last[user] if user in last and rng.random() < 0.4 else S.instruction(rng, "prompt")
                t, last[user] = J.evolve_run(ctx, acct, t, api, model, q, rng.choice(S.METHOD_NAMES), lead=LAB_LEAD,
                                             head="Prompt", temperature=0.3, system=system, s=s, user=user)
                try_prompt(ctx, acct, t, api, model, s, last[user], user)


def why_evolve(ctx: Ctx, acct: dict, t: float, api: str, model: str, s: dict, system: str, user: str, v: dict,
               template: int, domain: str) -> None:
    """An evolve item of `template` over a seed of `domain` (a past-paper question, a client's prompt) with one of
    C.WHY_ASKS, the harder version and the reasoning behind it back, a follow-up in half."""
    rng = ctx.rng
    sd = C.seed(rng, "evolve", template, S.instruction(rng, domain))
    C.why_talk(ctx, acct, t, rng.randint(1, 2), api, model, C.text(sd, rng.randrange(3)), C.reply_to(rng, sd), v, s,
               system=system, user=user)


def try_prompt(ctx: Ctx, acct: dict, t: float, api: str, model: str, s: dict, x: str, user: str) -> None:
    """A consultant's new prompt run 5-60 s after it came back: at the API's three sweep temperatures (45%), three
    samples at once at temperature 1 with logprobs on chat (15%), or once."""
    rng, r = ctx.rng, ctx.rng.random()
    if r < 0.45:
        for temp in SWEEP[api]:
            t = J.judge(ctx, acct, t + rng.uniform(5, 60), api, model, x, C.answer_to(rng, x), s=s, user=user,
                        temperature=temp)
    elif r < 0.6 and api == CHAT:
        J.judge(ctx, acct, t + rng.uniform(5, 60), api, model, x, J.SAMPLES.join(
            C.answer_to(rng, x, (100, 300)) for _ in range(3)), user=user, temperature=1.0, n=3, logprobs=5)
    else:
        J.judge(ctx, acct, t + rng.uniform(5, 60), api, model, x, C.answer_to(rng, x), s=s, user=user)


BI_SYS = ("You are {co}'s SQL assistant. Translate the analyst's question into one PostgreSQL query over the schema "
          "given, using only its tables and columns. JSON only: the query and a one-sentence explanation.")
BI_COS = ("Tallyboard", "Quarry BI", "Lumen Analytics")


def bi_tool(ctx: Ctx, count: int) -> None:
    """Benign: `count` BI tools, each serving 3-5 customer companies, one key a company (its 1-3 databases), analysts in
    `user` (member-{n}, 10-60): 100-250 requests a day at local 8-19h (outside x0.1, weekends x0.15) under BI_SYS,
    JSON at temperature 0 on chat gpt-4.1-mini with response_format json_schema or Responses gpt-4.1 with text.format
    (by tool), the schema pasted with each question: 80% one question, 20% a dashboard's 3-6 questions over one
    database back to back 1-3 s apart. By day (local 9-18h, outside x0.05, weekends x0.2) the tool's analytics agent
    answers 8-25 of a company's questions with tools on the three APIs in turn."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(3, 5)):
            acct, api, model, s, system = keyed(ctx, "bi_tool", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                BI_SYS, BI_COS)
            dbs, analysts = rng.sample(range(len(S.DOMAINS)), rng.randint(1, 3)), user_ids(rng, "member-{n}", 9000, 10,
                                                                                            60)
            for t in ctx.window_times(acct["tz"], rng.uniform(100, 250), hours=(8, 19), outside=0.1, weekend=0.15):
                db, user = rng.choice(dbs), rng.choice(analysts)
                for _ in range(rng.randint(3, 6) if rng.random() < 0.2 else 1):
                    t = J.sql_run(ctx, acct, t, api, model, S.sql_case(rng, db), lead="", system=system, s=s,
                                  user=user) + rng.uniform(1, 3)
            for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(8, 25), hours=(9, 18), outside=0.05,
                                                   weekend=0.2)):
                api2, model2 = ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[k % 3]
                s2 = M27.surface(api2, model2, effort="medium", summary="auto", budget=4096)
                J.sql_episode(ctx, acct, t, api2, model2, BI_COS[i % len(BI_COS)], True, s=s2,
                              user=rng.choice(analysts))


SEARCH_SYS = "You write the search queries {co}'s users would type to find a page. Each must be answered by the page."
SEARCH_COS = ("Findwell", "Quarry Search", "Sift")
RATE_SYS = ("You assist {co}'s search quality raters. Label the passage relevant, partially relevant or not relevant "
            "to the query, with a one-line reason. JSON only.")


def search_augment(ctx: Ctx, count: int) -> None:
    """Benign: `count` search teams, one key each. Every night at local 1-4h a batch of 40-100 passages from the
    team's index (web and docs pages): each sent for 3-4 queries in three samples (chat gpt-4.1-mini under
    SEARCH_SYS, n=3, temperature 1.0), two of the queries that came back and one from the query log checked against
    it as yes/no with logprobs (max_tokens 1); a fifth of the passages (a different fifth each night) sampled five
    times at once with logprobs, and a tenth once at temperatures 0.0, 0.5 and 1.0 seconds apart for the calibration
    report. By day (local 9-18h, outside x0.05, weekends x0.2) raters (member-{n}, 5-25) label 30-90 pairs as JSON
    (Responses gpt-4.1, text.format)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "search_augment")
        co = SEARCH_COS[i % len(SEARCH_COS)]
        system = SEARCH_SYS.format(co=co)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((rng.uniform(1, 4) - acct["tz"]) % 24) * 3600
            for k in range(rng.randint(40, 100)):
                inst = S.passage(rng, domain=rng.choice(("web", "docs")))
                t, got = J.queries_run(ctx, acct, t, CHAT, "gpt-4.1-mini", inst, rng.randint(3, 4), n=3,
                                       temperature=1.0, system=system)
                for q in rng.sample(got, 2) + [S.probe(rng, inst)]:
                    t = J.label_run(ctx, acct, t + rng.uniform(0.2, 1), CHAT, "gpt-4.1-mini", inst, q, mode="yesno")
                if k % 5 == d % 5:
                    t, _ = J.queries_run(ctx, acct, t + rng.uniform(0.2, 1), CHAT, "gpt-4.1-mini", inst, 3, n=5,
                                         temperature=1.0, logprobs=5, system=system, max_tokens=800)
                if k % 10 == d % 10:
                    for temp in (0.0, 0.5, 1.0):
                        t, _ = J.queries_run(ctx, acct, t + rng.uniform(0.2, 1), CHAT, "gpt-4.1-mini", inst, 3,
                                             temperature=temp, system=system)
        raters, s = user_ids(rng, "member-{n}", 9000, 5, 25), M27.surface(RESP, "gpt-4.1")
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 90), hours=(9, 18), outside=0.05, weekend=0.2):
            inst = S.passage(rng)
            J.label_run(ctx, acct, t, RESP, "gpt-4.1", inst, S.probe(rng, inst), system=RATE_SYS.format(co=co), s=s,
                        user=rng.choice(raters))


BENIGN_V33 = {"exam_college": (exam_college, 2),
              "prompt_lab": (prompt_lab, 2),
              "bi_tool": (bi_tool, 2),
              "search_augment": (search_augment, 2),
              **PERSONAS_B}
