"""Benign hard-negative personas of the `v35` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v35 campaign sends -
claims to check against evidence, questions over tables, answers to attribute to sources, passages to write claims
about - over the same sources (corpus_v35_src), through the same runners (corpus_v35_jobs), with the client metadata
ctx.account gives every account.

- fact_desk (twin of claim_verify's blunt and moderate accounts and of agentic_distill): a newsroom's fact-check desk
  checking every claim of a speech or a press release against its archive back to back as JSON, and its
  fact-checking agent.
- filings_digest (twin of the mixed_into_chat nightly jobs and of table_qa's moderate accounts): a financial data
  service whose nightly job asks the same questions of every company table as JSON, and whose analysts ask their own
  by day.
- citation_engine (twin of cite_attribute's blunt and moderate accounts): an enterprise search product attributing
  each generated answer's sentences to the sources it retrieved, again after the sources are re-ranked.
- grounding_lab (twin of the careful cot_harvester and of the sampling accounts): a university research group's small
  manual studies of grounding - asking why a verdict or a citation is right, sweeping temperatures over claim
  writing, drawing five sets of claims at once with logprobs.
The other four are in personas_v35_more.py.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v35 as C
from benchmarks.traffic import corpus_v35_jobs as J
from benchmarks.traffic import corpus_v35_src as S
from benchmarks.traffic.attacks_v31 import SWEEP
from benchmarks.traffic.attacks_v35_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35_more import PERSONAS_B

DESK_SYS = ("You are {co}'s fact-check desk assistant. Judge each claim only on the evidence pasted, quote the "
            "sentence, JSON only.")
DESK_COS = ("The Carrow Courier", "Saltcote Evening Post", "Redmarsh Herald")


def fact_desk(ctx: Ctx, count: int) -> None:
    """Benign: `count` newsrooms, a key for each of 2-3 desks, checkers in `user` (member-{n}, 5-20): 50-100 speeches
    or releases a day at local 6-23h (outside x0.2, weekends x0.6), each passage's 4-8 claims checked back to back
    1-3 s apart as JSON (chat gpt-4.1-mini with response_format or Responses gpt-4.1 with text.format, by newsroom);
    by day the fact-checking agent checks 10-30 readers' claims with tools on the three APIs in turn."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "fact_desk", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                DESK_SYS, DESK_COS)
            checkers = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(50, 100), hours=(6, 23), outside=0.2, weekend=0.6):
                ev, picks = J.claims_of(rng)
                J.run_all(ctx, acct, t, api, model, "verify", ev, rng.sample(picks, rng.randint(4, 8)),
                          template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(checkers))
            desk_agent(ctx, acct, J.check_episode, DESK_COS[i % len(DESK_COS)], checkers)


FILINGS_SYS = "You answer {co}'s standard questions about company tables. Use only the table. JSON only."
FILINGS_COS = ("Ledgerlight Data", "Quarterline", "Brookfield Filings")


def filings_digest(ctx: Ctx, count: int) -> None:
    """Benign: `count` services, one key each. Every night at local 4h the day's 150-300 tables are each asked for a
    total and the largest row as JSON back to back (chat gpt-4.1-mini, temperature 0); by day (local 8-18h) analysts
    (member-{n}, 2-6) ask 20-50 questions of their own over tables on Anthropic claude-sonnet-4-5 with the prompt
    cached."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "filings_digest")
        system = FILINGS_SYS.format(co=FILINGS_COS[i % len(FILINGS_COS)])
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((4 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(150, 300)):
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "table", S.table(rng), ["total", "max"],
                              gap=(0.5, 2), as_json=True, temperature=0.0, system=system)
        analysts, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, "table"), phrasing=rng.randrange(3),
                       system=system, s=s, user=rng.choice(analysts))


ENGINE_SYS = ("You are {co}'s citation checker. For each numbered sentence of the generated answer give the number "
              "of the retrieved source that states it, or none. JSON only.")
ENGINE_COS = ("Searchlight Enterprise", "Docketwise", "Intranet Answers")


def citation_engine(ctx: Ctx, count: int) -> None:
    """Benign: `count` products, a key for each of 2-3 customer deployments, the asking employees in `user`
    (end-user-{n}, 1,000-10,000): 100-220 answers a day at local 7-22h (outside x0.15, weekends x0.3), each attributed as JSON (chat gpt-4.1-mini or
    Responses gpt-4.1, by product), and in 35% attributed again 1-3 s later after the sources were re-ranked."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "citation_engine", i, ((CHAT, "gpt-4.1-mini"),
                                                                            (RESP, "gpt-4.1")), ENGINE_SYS, ENGINE_COS)
            askers = user_ids(rng, "end-user-{n}", 40000, 1000, 10000)
            for t in ctx.window_times(acct["tz"], rng.uniform(100, 220), hours=(7, 22), outside=0.15, weekend=0.3):
                orders = rng.sample(C.ORDERS, 2 if rng.random() < 0.35 else 1)
                J.run_all(ctx, acct, t, api, model, "cite", S.cited(rng), orders, template=rng.randrange(4),
                          as_json=True, temperature=0.0, system=system, s=s, user=rng.choice(askers))


LAB_SYS = "You are helping a research group study how language models ground their answers in evidence."


def grounding_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v35 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a verify or cite item with
    one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at medium
    effort, by group); 30% a claims item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25% five sets of
    claims at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "grounding_lab", LAB_SYS, C, J.item_run, ("verify", "cite"), "claims", S.claim_list)


def study_group(ctx: Ctx, count: int, scenario: str, system: str, K: ModuleType, item_run: Callable[..., float],
                why_caps: tuple[str, ...], gen_cap: str, gen_list: Callable[..., str]) -> None:
    """grounding_lab over corpus module K (v35's, or a later variant's) and its item_run: a `why_caps` item asked why,
    a `gen_cap` item swept over temperatures, five gen_list(rng, inst, 4) answers to one at once."""
    rng = ctx.rng
    for i in range(count):
        api, model = ((ANTH, "claude-sonnet-4-5"), (RESP, "o4-mini"))[i % 2]
        for _ in range(rng.randint(2, 3)):
            acct = account(ctx, "benign", scenario)
            s = M27.surface(api, model, effort="medium", summary="auto", budget=4096)
            team = M31.crowd(rng, "member-{n}", 9000, 3, 8, 0.15, corpus=K)
            for t in ctx.window_times(acct["tz"], rng.uniform(30, 70), hours=(9, 19), outside=0.1, weekend=0.2):
                (user, v), r = rng.choice(team), rng.random()
                if r < 0.45:
                    sd = K.seed(rng, rng.choice(why_caps))
                    K.why_talk(ctx, acct, t, rng.randint(1, 2), api, model, K.text(sd, rng.randrange(3)),
                               K.reply_to(rng, sd), v, s, system=system, user=user)
                    continue
                sd = K.seed(rng, gen_cap, rng.randrange(4), None, 4)
                if r < 0.75:
                    for temp in SWEEP[CHAT]:
                        t = item_run(ctx, acct, t + rng.uniform(5, 60), CHAT, "gpt-4.1", sd, temperature=temp,
                                     system=system, user=user)
                else:
                    J.judge(ctx, acct, t, CHAT, "gpt-4.1", K.text(sd), "\n\n---\n\n".join(
                        gen_list(rng, sd[2]["inst"], 4) for _ in range(5)), system=system, user=user, n=5,
                            temperature=1.0, logprobs=5, max_tokens=800)


BENIGN_V35 = {"fact_desk": (fact_desk, 2),
              "filings_digest": (filings_digest, 2),
              "citation_engine": (citation_engine, 2),
              "grounding_lab": (grounding_lab, 2),
              **PERSONAS_B}
