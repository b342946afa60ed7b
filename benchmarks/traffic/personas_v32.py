"""Benign hard-negative personas of the `v32` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v32 campaign sends -
pairs of replies to judge (often both ways round), rankings of several with per-criterion scores, rubric scores,
worse versions of good answers - over the same questions and candidates (corpus_v32_src), through the same runners
(corpus_v32_jobs), with the client metadata ctx.account gives every account. What sets them apart is only what a
real operator differs in: whose content it is, how often the same prompt comes back, who the end users are.

- ab_platform (twin of pair_judge's blunt and moderate accounts and of the mixed_into_chat nightly jobs): a chatbot
  company A/B-testing a candidate model against its production one: a sample of real conversations, each user's
  message with the two models' replies judged as JSON and judged again with the replies swapped, day and night as
  its users chat.
- judge_saas (twin of pair_judge, of the blunt sampling accounts, of rank_n's blunt accounts and of
  agentic_distill): an LLM-as-judge service running its customers' fixed pairwise suites every night (each pair both
  ways round, the same suite night after night), five verdicts at temperature 1 with logprobs and temperature
  sweeps for its confidence and calibration reports, leaderboard rankings, and an evaluation agent on disputes.
- search_relevance (twin of rank_n's moderate and careful accounts): a search engine's relevance team: raters rank
  4-8 answer snippets for a query with per-criterion scores, and compare two result pages side by side both ways.
- contest_judge (twin of rank_n's careful accounts and of the careful cot_harvester): a writing contest's judges
  ranking entries against the brief with reasons, and asking which of two close entries is stronger.
The other five are in personas_v32_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v32 as C
from benchmarks.traffic import corpus_v32_jobs as J
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.attacks_v32_more import PAIR_SYS, RANK_SYS, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v32_more import PERSONAS_B

AB_SYS = ("You compare two replies from {co}'s assistant to the same user message, one from the production model and "
          "one from a candidate model. Judge which serves the user better on accuracy, helpfulness, clarity and tone, "
          "whatever their order. JSON only: the winner (A or B), the margin and a one-sentence rationale.")
AB_COS = ("Chatterbox", "Helpwise", "Lumi Assistant", "Parlour AI")
AB_SURFACES = ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))


def ab_platform(ctx: Ctx, count: int) -> None:
    """Benign: `count` chatbot companies, one key each, users in `user` (end-user-{n}, 5,000-40,000): 350-700
    sampled conversations a day, day and night with a daytime peak (local 7-24h, outside x0.3), each user's message
    (an everyday question or a support one) with the production and candidate models' replies judged under AB_SYS as
    JSON at temperature 0 (chat gpt-4.1-mini with response_format json_schema, Responses gpt-4.1 with text.format, or
    Anthropic claude-sonnet-4-5 with the prompt cached, by key), then again with the replies swapped 1-3 s later."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "ab_platform")
        api, model = AB_SURFACES[i % len(AB_SURFACES)]
        s, system = M27.surface(api, model, cache=True), AB_SYS.format(co=AB_COS[i % len(AB_COS)])
        users = user_ids(rng, "end-user-{n}", 40000, 5000, 40000)
        for t in ctx.window_times(acct["tz"], rng.uniform(350, 700), hours=(7, 24), outside=0.3):
            inst = S.instance(rng, domain=rng.choice(("everyday", "everyday", "support")))
            J.pair_run(ctx, acct, t, api, model, inst, *S.pair(rng, inst), swap=True, system=system, s=s,
                       heads=("User message", "Response", False), user=rng.choice(users))


SAAS_COS = ("Verdict Labs", "Pairwise.io", "Benchmarkly")
CONF_SYS = "You are a judge. Say which response is better, A or B, and why."


def judge_saas(ctx: Ctx, count: int) -> None:
    """Benign: `count` LLM-as-judge services, one key each, with 3-6 customers (u_{h} in `user`), each with a fixed
    suite of 30-90 prompts and two model outputs for each. Every night at local 1-4h each suite runs in order: every
    pair judged under PAIR_SYS as JSON (chat gpt-4.1, response_format json_schema, temperature 0) and again swapped
    1-3 s later; a fifth of the pairs (a different fifth each night) sampled five times at temperature 1 with
    logprobs (chat gpt-4.1-mini, n=5) for the confidence report, and a tenth judged at temperatures 0.0, 0.5 and 1.0
    seconds apart for the calibration report. For two customers, 15-30 prompts of a leaderboard are ranked each night
    (4-6 model outputs, RANK_SYS, JSON). By day (local 8-19h, outside x0.05, weekends x0.3) its evaluation agent
    re-judges 20-60 disputed pairs on the three APIs in turn, reviewers (member-{n}) in `user`."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "judge_saas")
        suites = [(W.end_user(rng, "u_{h}", 5000), [(inst, *S.pair(rng, inst)) for inst in
                                                    (S.instance(rng) for _ in range(rng.randint(30, 90)))])
                  for _ in range(rng.randint(3, 6))]
        boards = [(cid, [S.instance(rng) for _ in range(rng.randint(15, 30))]) for cid, _ in suites[:2]]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((rng.uniform(1, 4) - acct["tz"]) % 24) * 3600
            for cid, suite in suites:
                t = nightly_suite(ctx, acct, t, cid, suite, d)
            for cid, board in boards:
                for inst in board:
                    t = J.rank_run(ctx, acct, t, CHAT, "gpt-4.1", inst, S.field(rng, inst, rng.randint(4, 6)),
                                   heads=("Prompt", "Response", False), system=RANK_SYS, user=cid) + rng.uniform(1, 3)
        team = user_ids(rng, "member-{n}", 9000, 3, 12)
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(8, 19), outside=0.05,
                                               weekend=0.3)):
            api, model = ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[k % 3]
            s = M27.surface(api, model, effort="medium", summary="auto", budget=4096)
            J.judge_episode(ctx, acct, t, api, model, SAAS_COS[i % len(SAAS_COS)], True, s=s, user=rng.choice(team))


def nightly_suite(ctx: Ctx, acct: dict, t: float, cid: str, suite: list[tuple[dict, dict, dict]], night: int) -> float:
    """One customer's suite on one night (see judge_saas); returns when its last request came back."""
    rng = ctx.rng
    heads = ("Prompt", "Response", False)
    for k, (inst, a, b) in enumerate(suite):
        t = J.pair_run(ctx, acct, t, CHAT, "gpt-4.1", inst, a, b, swap=True, system=PAIR_SYS, heads=heads, user=cid)
        x = S.layout(S.question(inst), [a["text"], b["text"]], ["Response A", "Response B"], "Prompt")
        verdict = S.prose_verdict(a, b, ("Response A", "Response B"))
        if k % 5 == night % 5:
            t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", x, "\n\n---\n\n".join([verdict] * 5), system=CONF_SYS,
                        temperature=1.0, n=5, logprobs=5, max_tokens=800, user=cid) + rng.uniform(1, 3)
        if k % 10 == night % 10:
            for temp in (0.0, 0.5, 1.0):
                t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", x, verdict, system=CONF_SYS, temperature=temp,
                            max_tokens=800, user=cid) + rng.uniform(1, 3)
    return t


SEARCH_SYS = ("You assist {co}'s search quality raters. Rank the results for the query from best to worst and score "
              "each from 1 to 10 on relevance, completeness, readability and trust. JSON only.")
SIDE_SYS = ("You assist {co}'s search quality raters with side-by-side comparisons: which result answers the query "
            "better, A or B, by how much and why. JSON only.")
SEARCH_COS = ("Findwell", "Quarry Search")
SEARCH_CRITERIA = ("relevance", "completeness", "readability", "trust")


def search_relevance(ctx: Ctx, count: int) -> None:
    """Benign: `count` search engines' relevance teams, one key each, raters in `user` (member-{n}, 20-80): 150-450
    tasks a day at local 8-20h (outside x0.1, weekends x0.3) on Responses gpt-4.1 with text.format or Anthropic
    claude-sonnet-4-5 with the prompt cached (by key): 70% a query (an everyday question) with 4-8 answer snippets
    ranked best first with scores on SEARCH_CRITERIA (JSON); 30% a side-by-side of two results, judged both ways
    round 1-3 s apart."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "search_relevance")
        api, model = ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))[i % 2]
        s, co = M27.surface(api, model, cache=True), SEARCH_COS[i % len(SEARCH_COS)]
        raters = user_ids(rng, "member-{n}", 9000, 20, 80)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 450), hours=(8, 20), outside=0.1, weekend=0.3):
            inst, user = S.instance(rng, domain="everyday"), rng.choice(raters)
            if rng.random() < 0.7:
                J.rank_run(ctx, acct, t, api, model, inst, S.field(rng, inst, rng.randint(4, 8)), s=s, user=user,
                           heads=("Query", "Result", True), criteria=SEARCH_CRITERIA, system=SEARCH_SYS.format(co=co))
            else:
                J.pair_run(ctx, acct, t, api, model, inst, *S.pair(rng, inst), swap=True, s=s, user=user,
                           heads=("Query", "Result", False), system=SIDE_SYS.format(co=co))


CONTEST_SYS = ("You help the judges of {co}'s short-story contest. Read the entries against the brief and judge them "
               "on originality, craft, fit to the brief and voice. Explain every placing.")
CONTEST_COS = ("The Lantern Prize", "Harbour Lights Writing Award", "Fenwick Flash Fiction")
CONTEST_LEADS = ("Please rank these {n} entries from best to worst, with a short reason for each placing.",
                 "Could you order these {n} entries, best first, and say why each sits where it does?",
                 "We're shortlisting - rank these {n} entries best to worst please, reasons included.")
ENTRY_KINDS = ("good", "slip", "slips", "terse")  # what a contest's entries differ in
CLOSE_LEAD = "These two entries are neck and neck on the judges' sheets. Which is stronger, A or B, and why?"


def contest_judge(ctx: Ctx, count: int) -> None:
    """Benign: `count` writing contests, one key each, judges in `user` (member-{n}, 3-8), in one voice each: 15-50
    requests a day at local 9-22h (outside x0.1) on Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or
    Responses o4-mini at medium effort (by key) under CONTEST_SYS: 65% a batch of 4 entries on one brief ranked in
    prose with the reasoning behind every placing (600-2,000 tokens of it), 35% two close entries compared; a
    follow-up ("why not C?") timed by reading in 40%."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "contest_judge")
        api, model = ((ANTH, "claude-sonnet-4-5"), (RESP, "o4-mini"))[i % 2]
        s, system = M27.surface(api, model, effort="medium", summary="auto", budget=4096), \
            CONTEST_SYS.format(co=CONTEST_COS[i % len(CONTEST_COS)])
        judges = [(u, C.voice(rng)) for u in user_ids(rng, "member-{n}", 9000, 3, 8)]
        for t in ctx.window_times(acct["tz"], rng.uniform(15, 50), hours=(9, 22), outside=0.1):
            (user, v), inst = rng.choice(judges), S.instance(rng, domain="writing")
            if rng.random() < 0.65:
                cands = S.field(rng, inst, 4, ENTRY_KINDS)
                labels = S.names("Entry", len(cands))
                lead, rep = rng.choice(CONTEST_LEADS).format(n=len(cands)), S.prose_ranking(cands, labels)
            else:
                cands, labels, lead = list(S.pair(rng, inst)), ["Entry A", "Entry B"], CLOSE_LEAD
                rep = S.prose_verdict(cands[0], cands[1], ("Entry A", "Entry B"))
            x = C.say(rng, v, f"{lead}\n\n{S.layout(S.question(inst), [c['text'] for c in cands], labels, 'Brief')}",
                      ask=False)
            C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model, x, C.explained(rng, rep), v, s, system=system,
                   user=user)


BENIGN_V32 = {"ab_platform": (ab_platform, 2),
              "judge_saas": (judge_saas, 2),
              "search_relevance": (search_relevance, 2),
              "contest_judge": (contest_judge, 2),
              **PERSONAS_B}
