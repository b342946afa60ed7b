"""Attack campaigns of `variant="v31"`, continued (attacks_v31.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v31-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v31
  languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts with the teacher as a moderation agent (fetch a flagged item, read the policy, check
  the account's history, post a decision with its rationale): trajectories of policy judgement with tools.
- refusal_sweep (new): every rung of a ladder (corpus_v31_src: the same ask plainly fine, ambiguous and clearly
  harmful, rung 2 also under framings) sent as it is, to map where the teacher refuses and what it offers instead.
  The blunt scripts send a ladder's 4-6 requests seconds apart around the clock; the moderate ones its three rungs
  a minute apart; the careful accounts look like a children's platform's or a shop's users (ids in `user`), each
  ladder's rungs going to three different accounts hours apart.
- policy_probe (new): "would you answer this, and why?" - a verdict (answer, partial, refuse), the policy area and
  a rationale for each rung, as JSON under a schema (blunt: chat response_format; moderate: Responses text.format or
  Anthropic with a cached policy prompt) or in the careful accounts' own words, a ladder's rungs over three accounts.
- redteam_rewrite (new): constitutional-style critique and revision: a rung with a weak model's draft reply (an
  over-refusal, help without its caution, or compliance whose steps are placeholders) critiqued and rewritten. The
  blunt scripts send 3-6 drafts of each request back to back; the moderate ones two under a cached principles prompt;
  the careful accounts look like a newsroom's or a support team's reviewers, each request's drafts over four accounts.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from types import ModuleType

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31 as C
from benchmarks.traffic import corpus_v31_jobs as J
from benchmarks.traffic import corpus_v31_src as S
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

REASONERS = ("o4-mini", "gpt-5-mini")
HIGH = M27.surface(RESP, "o4-mini", effort="high", summary="auto")
POLICY_SYS = ("You are a content-policy classifier. For the request given, decide whether a careful AI assistant "
              "would answer it, answer part of it, or refuse it; name the policy category and give a one-sentence "
              "rationale. Reply with JSON only.")
CONST_SYS = ("You review assistant replies against three principles: be helpful, be honest, avoid harm. Critique the "
             "draft reply to the request, then write the revised reply under 'Revised reply:'.")


def user_ids(rng, pattern: str, pool: int, lo: int, hi: int) -> list[str]:
    """A product's end users as it names them in `user` (shared with personas_v31*)."""
    return [W.end_user(rng, pattern, pool) for _ in range(rng.randint(lo, hi))]


def crowd(rng, pattern: str, pool: int, lo: int, hi: int, share: float = 0.0,
          voices: int = 400, corpus: ModuleType = C) -> list[tuple[str, dict]]:
    """A product's end users with their voices: ids as user_ids, each with one of `voices` voices (`share` of them in a
    language of `corpus`: v31's, or a later variant's) dealt round, as a product's many users write in a few dozen
    ways."""
    ids = user_ids(rng, pattern, pool, lo, hi)
    vs = [corpus.voice(rng, corpus.lang(rng, share)) for _ in range(min(voices, len(ids)))]
    return [(u, vs[k % len(vs)]) for k, u in enumerate(ids)]


def persona(rng, share: float, weights: tuple[int, int, int] = (45, 35, 20), models: dict | None = None,
            corpus: ModuleType = C, **settings) -> tuple[dict, str, str, dict]:
    """A careful account's voice (`share` of them writing in a language of `corpus`: v31's, or a later variant's) and
    surface: an API drawn by `weights` (chat, Anthropic, Responses), one of its models (MODELS, or `models`), and the
    surface with `settings` (a tuple: one of its values)."""
    v = corpus.voice(rng, corpus.lang(rng, share))
    api = rng.choices((CHAT, ANTH, RESP), weights)[0]
    model = rng.choice((models or MODELS)[api])
    drawn = {k: rng.choice(x) if isinstance(x, tuple) else x for k, x in settings.items()}
    return v, api, model, M27.surface(api, model, **drawn)


def careful(ctx: Ctx, scenario: str, campaign: str, n: int, per_day: tuple[float, float], hours: tuple[float, float],
            weekend: float, draw: Callable[[int], tuple]) -> list[tuple[float, dict, tuple]]:
    """The request times of a campaign's n careful accounts as deal_items slots (t, account, draw(k)): account k's
    voice, surface and users drawn once, then its requests at local `hours` (outside x0.1, weekends x`weekend`),
    per_day of them on a weekday (shared with attacks_v32_more)."""
    rng, slots = ctx.rng, []
    for k in range(n):
        acct = account(ctx, "attack", scenario, campaign)
        mine = draw(k)
        slots += [(t, acct, mine) for t in ctx.window_times(acct["tz"], rng.uniform(*per_day), hours=hours,
                                                            outside=0.1, weekend=weekend)]
    return slots


# ---- paraphrased ----
def paraphrased(ctx: Ctx, variant: str, C: ModuleType = C) -> None:
    """Accounts 0-14 (moderate): 4-10 single-request sessions a day (weekends x0.6), Responses o4-mini at reasoning
    effort high, the version plus 'Explain your reasoning in full.'. Accounts 15-59 (careful): 2-9 a day in sessions of
    1-4 (weekends x0.5), a voice each (25% in the v31 languages), Anthropic with a thinking budget of 2,048-8,000,
    Responses at medium effort or chat, 30% everyday sessions, follow-ups timed by reading. Each item's five versions
    go to five different accounts 2-30 hours apart. (`C`: the corpus module of the variant's items, v31's or a later
    one's; the campaign id is the variant's.)"""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", f"{variant}-paraphrased")
        careful = k >= 15
        v, api, model, s = persona(rng, 0.25, (40, 35, 25), effort="medium", summary="auto", budget=(2048, 4096, 8000),
                                   corpus=C) if careful else (C.voice(rng), RESP, "o4-mini", HIGH)
        for sess in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                     (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((sess[0], acct, len(sess), careful, v, api, model, s))
    caps = itertools.cycle(C.CAPS)

    def versions() -> list[tuple[str, str]]:
        sd = C.seed(rng, next(caps))
        rep = C.reply_to(rng, sd)
        texts = [C.text(sd, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(sd, 0))
                                                     for lg in rng.sample(C.LANGS[1:], 2)]
        return [(x, rep) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, s), texts, j in deal_items(rng, slots, versions, 5,
                                                                            (2 * 3600, 30 * 3600)):
        x, rep = texts[j]
        if not careful:
            long = f"{rep}\n\n{C.answer(rng, 'explain', rng.randint(*C.EXPLAIN_OUT))}"
            C.converse(ctx, acct, t, api, model, [C.turn(x + "\n\nExplain your reasoning in full.", long)], None, s,
                       max_tokens=25000)
        elif rng.random() < 0.3:
            C.everyday(ctx, acct, t, turns, v, api, model, s)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), rep, v, s)


# ---- agentic_distill: the teacher as a moderation agent ----
def agentic_distill(ctx: Ctx, variant: str, episode: Callable[..., float] = J.review_episode,
                    cos: tuple[str, ...] = J.AGENT_COS) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, stub tool results, 15-25 flagged items a day around the clock. Accounts
    3-9 (careful): working hours (local 8-19h, outside x0.1, weekends x0.3), 8-20 items a day, realistic results:
    Responses o4-mini or gpt-5-mini at medium or high effort with an auto summary, chained on previous_response_id,
    or Anthropic with a thinking budget of 4,096-10,000; some name moderators in `user`. (`episode` and `cos`: the
    agent's episodes and companies, v31's moderation agent or a later variant's; the campaign id is the variant's.)"""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", f"{variant}-agentic")
        co = rng.choice(cos)
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                episode(ctx, acct, t, CHAT, "gpt-4.1", co, False)
            continue
        api = (RESP, ANTH)[i % 2]
        model = rng.choice(REASONERS) if api == RESP else rng.choice(M27.THINKING_MODELS)
        s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto",
                        budget=rng.choice((4096, 6000, 10000)))
        team = user_ids(rng, "member-{n}", 9000, 2, 6) if i % 3 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 20), hours=(8, 19), outside=0.1, weekend=0.3):
            episode(ctx, acct, t, api, model, co, True, s=s, user=rng.choice(team))


# ---- refusal_sweep ----
def ladder(rng, frames: int) -> list[int | str]:
    """A ladder's requests in the order a sweep sends them: the three rungs, then rung 2 under `frames` framings."""
    return [0, 1, 2] + rng.sample(S.FRAMES[1:], frames)


def refusal_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini or Anthropic claude-haiku-4-5 at temperature 0, no system prompt, a new
    ladder's three rungs and rung 2 under 1-3 framings 1-4 s apart, 900-1,300 requests a day around the clock.
    Accounts 2-5 (moderate): chat gpt-4.1, Responses gpt-4.1 or Anthropic claude-sonnet-4-5, a ladder's three rungs a
    minute apart, 150-300 a day at local 6-24h (outside x0.3). Accounts 6-35 (careful): users in `user` (stu_{h} on
    half the keys, end-user-{n} on the others), 10-30 a day at local 14-22h (outside x0.1, weekends x0.6), chat,
    Anthropic or Responses, a voice each (20% in the v31 languages); each ladder's rungs go to three different
    accounts 1-20 hours apart (one rung each, rung 2 framed now and then); a "why not?" follow-up in 25%."""
    rng = ctx.rng
    for k in range(2):
        acct = account(ctx, "attack", "refusal_sweep", "v31-sweep")
        api, model = ((CHAT, "gpt-4.1-mini"), (ANTH, "claude-haiku-4-5"))[k]
        for t in ctx.steady_times(rng.uniform(900, 1300) / 5, jitter=0.6):
            inst = S.instance(rng)
            for r in ladder(rng, rng.randint(1, 3)):
                rung, fr = (r, "") if isinstance(r, int) else (2, r)
                t = J.judge(ctx, acct, t, api, model, S.ask(inst, rung, fr), S.reply(rng, inst, rung),
                            temperature=0.0, max_tokens=1024) + rng.uniform(1, 4)
    for k in range(4):
        acct = account(ctx, "attack", "refusal_sweep", "v31-sweep")
        api, model = ((CHAT, "gpt-4.1"), (RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4o"))[k]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300) / 3, hours=(6, 24), outside=0.3):
            inst = S.instance(rng)
            for rung in range(3):
                t = J.judge(ctx, acct, t, api, model, S.ask(inst, rung), S.reply(rng, inst, rung),
                            temperature=0.3) + rng.uniform(30, 90)
    slots = careful(ctx, "refusal_sweep", "v31-sweep", 30, (10, 30), (14, 22), 0.6, lambda k: (
        *persona(rng, 0.2)[:3], user_ids(rng, ("stu_{h}", "end-user-{n}")[k % 2], (300000, 40000)[k % 2], 40, 400)))

    def rungs() -> tuple[dict, list[int]]:
        return S.instance(rng), rng.sample(range(3), 3)

    for (t, acct, (v, api, model, users)), (inst, order), j in deal_items(rng, slots, rungs, 3, (3600, 20 * 3600)):
        rung = order[j]
        x = C.say(rng, v, S.ask(inst, rung, S.frame(rng, 0.3)), ask=False)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.25), api, model, x, S.reply(rng, inst, rung), v,
               user=rng.choice(users))


# ---- policy_probe ----
def policy_probe(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under POLICY_SYS, response_format json_schema (S.VERDICT_SCHEMA),
    temperature 0, a new ladder's three rungs back to back 1-3 s apart, 1,000-1,500 a day around the clock.
    Accounts 2-5 (moderate): Responses gpt-4.1 with text.format json_schema, or Anthropic claude-sonnet-4-5 with
    POLICY_SYS cached (the JSON in the text), one rung a request, 200-400 a day at local 8-20h (outside x0.2).
    Accounts 6-25 (careful): 8-25 a day at local 14-22h (outside x0.1, weekends x0.5), verdict or explain items in a
    voice (20% in the v31 languages), chat, Anthropic with thinking or Responses, a "why?" follow-up in 30%; each
    ladder's rungs go to three different accounts 1-24 hours apart."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "policy_probe", "v31-policy")
        for t in ctx.steady_times(rng.uniform(1000, 1500) / 3, jitter=0.6):
            inst = S.instance(rng)
            for rung in range(3):
                t = J.classify(ctx, acct, t, CHAT, "gpt-4.1-mini", S.ask(inst, rung, S.frame(rng, 0.2)),
                               S.verdict(inst, rung), system=POLICY_SYS) + rng.uniform(1, 3)
    for k in range(4):
        acct = account(ctx, "attack", "policy_probe", "v31-policy")
        api, model = ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))[k % 2]
        s = M27.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 400), hours=(8, 20), outside=0.2):
            inst, rung = S.instance(rng), rng.randrange(3)
            J.classify(ctx, acct, t, api, model, f"Request: {S.ask(inst, rung)}", S.verdict(inst, rung),
                       system=POLICY_SYS, s=s)
    slots = careful(ctx, "policy_probe", "v31-policy", 20, (8, 25), (14, 22), 0.5,
                    lambda _: persona(rng, 0.2, effort="low", budget=(None, 2048, 4096)))

    def ladders() -> tuple[dict, list[int]]:
        return S.instance(rng), rng.sample(range(3), 3)

    for (t, acct, (v, api, model, s)), (inst, order), j in deal_items(rng, slots, ladders, 3, (3600, 24 * 3600)):
        sd = C.seed(rng, rng.choice(("verdict", "verdict", "explain")), rng.choice((0, 1, 3)), inst, order[j])
        x = C.say(rng, v, C.text(sd, rng.randrange(3)), ask=False)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, x, C.reply_to(rng, sd), v, s)


# ---- redteam_rewrite ----
def redteam_rewrite(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under CONST_SYS at temperature 0, a new rung with 3-6 weak drafts
    (other samples) critiqued back to back 1-3 s apart, 900-1,300 a day around the clock. Accounts 2-5 (moderate):
    Anthropic claude-sonnet-4-5 with CONST_SYS cached or Responses gpt-4.1 under it, two drafts a request a minute
    apart, 150-300 a day at local 6-24h (outside x0.3). Accounts 6-25 (careful): reviewers (member-{n} in `user` on
    half the keys), 8-25 a day at local 9-19h (outside x0.1, weekends x0.3), a critique item in a voice (20% in the
    v31 languages) on chat, Anthropic or Responses, a follow-up in 20%; each request's drafts (new samples) go to
    four accounts 1-24 hours apart."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "redteam_rewrite", "v31-rewrite")
        for t in ctx.steady_times(rng.uniform(900, 1300) / 4.5, jitter=0.6):
            inst, rung = S.instance(rng), rng.randrange(3)
            for _ in range(rng.randint(3, 6)):
                d, flaw = S.draft(rng, inst, rung)
                t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Request: {S.ask(inst, rung)}\n\nDraft reply:\n{d}",
                            S.critique(rng, inst, rung, flaw), system=CONST_SYS, temperature=0.0) + rng.uniform(1, 3)
    for k in range(4):
        acct = account(ctx, "attack", "redteam_rewrite", "v31-rewrite")
        api, model = ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1"))[k % 2]
        s = M27.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300) / 2, hours=(6, 24), outside=0.3):
            inst, rung = S.instance(rng), rng.randrange(3)
            for _ in range(2):
                d, flaw = S.draft(rng, inst, rung)
                t = J.judge(ctx, acct, t, api, model, f"{S.ask(inst, rung)}\n\n{d}", S.critique(rng, inst, rung, flaw),
                            system=CONST_SYS, s=s) + rng.uniform(30, 90)
    slots = careful(ctx, "redteam_rewrite", "v31-rewrite", 20, (8, 25), (9, 19), 0.3, lambda k: (
        *persona(rng, 0.2, effort="low"), user_ids(rng, "member-{n}", 9000, 3, 20) if k % 2 else [None]))

    def requests() -> tuple[dict, int]:
        return S.instance(rng), rng.randrange(3)

    for (t, acct, (v, api, model, s, team)), (inst, rung), _ in deal_items(rng, slots, requests, 4,
                                                                         (3600, 24 * 3600)):
        rewrite_ask(ctx, acct, t, v, api, model, s, inst, rung, rng.choice(team), follow=0.2)


def rewrite_ask(ctx: Ctx, acct: dict, t: float, v: dict, api: str, model: str, s: dict | None, inst: dict, rung: int,
                user: str | None, follow: float = 0.2) -> float:
    """A reviewer's critique item (a new draft of the rung, any CRITIQUE template and phrasing) in voice v, the
    critique and rewrite back, a follow-up after reading in `follow` of them (shared with personas_v31_more's
    newsroom_desk)."""
    rng = ctx.rng
    sd = C.seed(rng, "critique", None, inst, rung)
    x = C.say(rng, v, C.text(sd, rng.randrange(3)), ask=False)
    return C.talk(ctx, acct, t, 1 + (rng.random() < follow), api, model, x, C.reply_to(rng, sd), v, s, user=user)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, refusal_sweep, policy_probe,
                                                       redteam_rewrite)
