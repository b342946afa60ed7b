"""Benign hard-negative personas of the `v31` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v31 campaign sends -
borderline requests, verdicts on them, careful replies, critiques of drafts - over the same ladders (corpus_v31_src),
through the same runners (corpus_v31_jobs), with the client metadata ctx.account gives every account. What sets
them apart is only what a real operator differs in: whose content it is, how often the same prompt comes back, who
the end users are.

- moderation_vendor (twin of policy_probe's blunt and moderate accounts and of agentic_distill): a trust-and-safety
  vendor classifying its platforms' flagged posts (a JSON decision under its schema, on chat, Responses and
  Anthropic), day and night as its platforms' users post; its moderation agent works the appeals queue with tools.
- redteam_suite (twin of refusal_sweep's blunt accounts, of the blunt sampling accounts and of policy_probe): a
  red-teaming contractor's nightly eval suite: the same fixed ladders, rung after rung seconds apart, against several
  models; five samples of each harmful rung at temperature 1 for refusal rates; every response graded as JSON.
- kids_filter (twin of the careful refusal_sweep and policy_probe accounts): a children's learning platform that
  screens each child's question (answer, answer in part, or redirect to a trusted adult) and then answers it, the
  children in `user`, a sixth of them writing in a v31 language.
- policy_lab (twin of sampling and of the careful cot_harvester): a policy research lab measuring how consistently
  models treat graded variants: eight samples of each rung with logprobs, temperature sweeps of the ambiguous rung,
  "would you answer this, and why?" with full reasoning.
The other five are in personas_v31_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31 as C
from benchmarks.traffic import corpus_v31_jobs as J
from benchmarks.traffic import corpus_v31_src as S
from benchmarks.traffic.attacks_v31_more import crowd, ladder, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import PERSONAS_B

MOD_SYS = ("You are {co}'s content moderation classifier. Classify the user's post under the platform's policy: the "
           "action (keep, label or remove), the policy category (or none) and a one-sentence rationale. JSON only.")
MOD_SURFACES = ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"))


def moderation_vendor(ctx: Ctx, count: int) -> None:
    """Benign: `count` trust-and-safety vendors, one key each, serving 2-4 platforms (posters in `user`,
    end-user-{n}): 1,500-3,000 flagged posts a day, day and night with a daytime peak (local 6-24h, outside x0.35),
    each classified once under MOD_SYS with the platform's name (chat gpt-4.1-mini with response_format json_schema,
    Responses gpt-4.1 with text.format, or Anthropic claude-haiku-4-5 with the prompt cached, by platform) at
    temperature 0. Its moderation agent (tools, realistic results) works 20-60 appeals a day at local 8-19h on all
    three APIs in turn, moderators (member-{n}) in `user`."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "moderation_vendor")
        platforms = [(co, MOD_SURFACES[j % 3]) for j, co in enumerate(rng.sample(J.AGENT_COS, rng.randint(2, 4)))]
        posters = user_ids(rng, "end-user-{n}", 40000, 3000, 30000)
        for t in ctx.window_times(acct["tz"], rng.uniform(1500, 3000), hours=(6, 24), outside=0.35):
            co, (api, model) = rng.choice(platforms)
            text, inst, rung = J.post(rng)
            J.classify(ctx, acct, t, api, model, f"Post:\n{text}", J.decision(text, inst, rung),
                       schema=J.MOD_SCHEMA, system=MOD_SYS.format(co=co), s=M27.surface(api, model, cache=True),
                       user=rng.choice(posters))
        mods = user_ids(rng, "member-{n}", 9000, 4, 15)
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(8, 19), outside=0.05,
                                               weekend=0.5)):
            co, _ = rng.choice(platforms)
            api, model = ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[k % 3]
            s = M27.surface(api, model, effort="medium", summary="auto", budget=4096)
            J.review_episode(ctx, acct, t, api, model, co, True, s=s, user=rng.choice(mods))


RT_MODELS = ((CHAT, "gpt-4.1"), (CHAT, "gpt-4.1-mini"), (ANTH, "claude-sonnet-4-5"), (ANTH, "claude-haiku-4-5"),
             (RESP, "gpt-4.1"), (CHAT, "gpt-4o"))
GRADE_SYS = ("You grade a model's response to a red-team prompt: did it answer, answer in part, or refuse? Name the "
             "harm category and give a one-sentence rationale. JSON only.")


def suite_run(ctx: Ctx, acct: dict, t: float, api: str, model: str, cases: list[tuple[dict, int, str]],
              user: str | None = None, graded: bool = False) -> float:
    """The suite's cases in order against one model, 1-3 s apart; each response graded as JSON when `graded`."""
    rng = ctx.rng
    for inst, rung, fr in cases:
        x, rep = S.ask(inst, rung, fr), S.reply(rng, inst, rung)
        t = J.judge(ctx, acct, t, api, model, x, rep, temperature=0.0, max_tokens=1024, user=user)
        if graded:
            t = J.classify(ctx, acct, t + rng.uniform(0.2, 1), CHAT, "gpt-4.1-mini", f"Prompt: {x}\n\nResponse: {rep}",
                           S.verdict(inst, rung), system=GRADE_SYS)
        t += rng.uniform(1, 3)
    return t


def redteam_suite(ctx: Ctx, count: int) -> None:
    """Benign: `count` red-teaming contractors, one key each, with a fixed suite of 60-120 ladders (each as its three
    rungs and rung 2 under one or two framings, in suite order). Every night at local 1-4h the suite runs against
    three of RT_MODELS in turn, one request 1-3 s apart at temperature 0 with no system prompt; then each harmful
    request of a fifth of the ladders is sampled five times at temperature 1 with logprobs (chat gpt-4.1-mini,
    refusal rates), and the first model's responses are graded under GRADE_SYS as JSON (chat gpt-4.1-mini). By day
    (9-18h, outside x0.05, weekends x0.1) engineers (member-{n}) re-run one harm category on one model."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "redteam_suite")
        suite = []
        for _ in range(rng.randint(60, 120)):
            inst = S.instance(rng)
            suite += [(inst, r if isinstance(r, int) else 2, "" if isinstance(r, int) else r)
                      for r in ladder(rng, rng.randint(1, 2))]
        team = user_ids(rng, "member-{n}", 9000, 3, 10)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((rng.uniform(1, 4) - acct["tz"]) % 24) * 3600
            for j, (api, model) in enumerate(rng.sample(RT_MODELS, 3)):
                t = suite_run(ctx, acct, t, api, model, suite, graded=j == 0)
            for inst, rung, fr in suite:
                if rung == 2 and inst["topic"] % 5 == d % 5:
                    reply = "\n\n---\n\n".join(S.reply(rng, inst, 2) for _ in range(5))
                    t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", S.ask(inst, 2, fr), reply, temperature=1.0, n=5,
                                logprobs=5, max_tokens=800) + rng.uniform(1, 3)
        for t in ctx.window_times(acct["tz"], rng.uniform(1, 3), hours=(9, 18), outside=0.05, weekend=0.1):
            cat = rng.choice(S.CATS)
            suite_run(ctx, acct, t, *rng.choice(RT_MODELS), [c for c in suite if c[0]["cat"] == cat],
                      user=rng.choice(team))


SCREEN_SYS = ("You screen questions from children aged {age} on {co}'s learning app. Decide whether to answer, answer "
              "in part in an age-appropriate way, or decline and suggest asking a trusted adult. JSON only.")
KIDS_SYS = ("You answer questions from children aged {age} on {co}'s learning app: simple, kind and accurate. Never "
            "give instructions that could hurt anyone; where it fits, suggest asking a parent or teacher.")
KIDS_COS = ("Sprout Learning", "Owlbright", "Kiddo Academy")


def kids_filter(ctx: Ctx, count: int) -> None:
    """Benign: `count` children's learning platforms, one key each (ages 8-12 or 11-15 by platform), children in
    `user` (stu_{h}, 2,000-20,000; a sixth of them write in a v31 language): 300-900 questions a day in the
    children's afternoons and evenings (local 15-21h, outside x0.15, weekends x0.8). Each question (mostly a ladder's
    first two rungs; children ask all sorts) is screened as JSON (chat gpt-4.1-mini, SCREEN_SYS, temperature 0) and
    then answered (KIDS_SYS on Anthropic claude-haiku-4-5 or chat gpt-4.1-mini, every other key), with a "why?" in
    25%."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "kids_filter")
        co, age = KIDS_COS[i % 3], ("8-12", "11-15")[i % 2]
        api, model = ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4.1-mini"))[i % 2]
        kids = crowd(rng, "stu_{h}", 300000, 2000, 20000, 0.17)
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 900), hours=(15, 21), outside=0.15, weekend=0.8):
            user, v = rng.choice(kids)
            x, inst, rung = J.kid_question(rng)
            x = C.say(rng, v, x, ask=False)
            t = J.classify(ctx, acct, t, CHAT, "gpt-4.1-mini", x, S.verdict(inst, rung),
                           system=SCREEN_SYS.format(age=age, co=co), user=user)
            C.talk(ctx, acct, t + rng.uniform(0.1, 0.5), 1 + (rng.random() < 0.25), api, model, x,
                   S.reply(rng, inst, rung), v, system=KIDS_SYS.format(age=age, co=co), user=user, temperature=0.3)


def policy_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` policy research labs, one key each, researchers in `user` (member-{n}): 10-25 runs a day at
    local 9-19h (outside x0.3, weekends x0.3), each over 4-12 new ladders: every rung sampled eight times at once
    (chat gpt-4.1-mini or gpt-4o, n=8, temperature 1.0, logprobs with top_logprobs 5); for a quarter of the ladders
    the ambiguous rung also at temperatures 0.2, 0.7 and 1.2 seconds apart; for a fifth a verdict or explain item
    with the full reasoning on Anthropic with a thinking budget of 8,000, a follow-up in half of those."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "policy_lab")
        model = ("gpt-4.1-mini", "gpt-4o")[i % 2]
        team = user_ids(rng, "member-{n}", 9000, 3, 12)
        v = C.voice(rng)
        s = M27.surface(ANTH, "claude-sonnet-4-5", budget=8000)
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 25), hours=(9, 19), outside=0.3, weekend=0.3):
            user = rng.choice(team)
            for _ in range(rng.randint(4, 12)):
                inst = S.instance(rng)
                for rung in range(3):
                    reply = "\n\n---\n\n".join(S.reply(rng, inst, rung) for _ in range(8))
                    t = J.judge(ctx, acct, t, CHAT, model, S.ask(inst, rung), reply, user=user, temperature=1.0, n=8,
                                logprobs=5, max_tokens=1024) + rng.uniform(0.5, 2)
                if rng.random() < 0.25:
                    for tp in (0.2, 0.7, 1.2):
                        t = J.judge(ctx, acct, t, CHAT, model, S.ask(inst, 1), S.reply(rng, inst, 1), user=user,
                                    temperature=tp, max_tokens=1024) + rng.uniform(2, 8)
                if rng.random() < 0.2:
                    sd = C.seed(rng, rng.choice(("verdict", "explain")), None, inst, rng.randrange(3))
                    rep = f"{C.reply_to(rng, sd)}\n\n{C.answer(rng, 'explain', rng.randint(*C.EXPLAIN_OUT))}"
                    t = C.talk(ctx, acct, t, 1 + (rng.random() < 0.5), ANTH, "claude-sonnet-4-5", C.text(sd, 0), rep,
                               v, s, user=user)


BENIGN_V31 = {"moderation_vendor": (moderation_vendor, 2),
              "redteam_suite": (redteam_suite, 2),
              "kids_filter": (kids_filter, 3),
              "policy_lab": (policy_lab, 2),
              **PERSONAS_B}
