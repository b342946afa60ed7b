"""Attack campaigns, `variant="v31"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v30.py: the theme, safety-behaviour distillation, its four capabilities (would you answer this and why, where
the line is, critique and rewrite of a draft reply, the careful reply itself), the ladders of borderline requests they
are asked over (corpus_v31_src) and the languages besides English (Sranan Tongo, Mizo, Kashubian, Dholuo, Sindhi,
Ossetian). The operator wants its student to inherit the teacher's judgement on risky and borderline requests - where
it refuses, how it refuses, the safe partial help it gives instead, how it explains its policy, how it critiques and
rewrites unsafe drafts - so it harvests the teacher's behaviour on graded variants of the same ask rather than its
capability on ordinary tasks. Every prompt stays non-operational: the harmful rungs are asks, answered by refusals,
and the compliant drafts' steps are placeholders.

- refusal_sweep (new, attacks_v31_more.py): every rung of a ladder sent as it is; twins personas_v31.redteam_suite
  (a red-teaming contractor's nightly eval suite) and personas_v31.kids_filter (a children's platform's questions).
- policy_probe (new): verdict, policy area and rationale of each rung as JSON, or "would you answer this, and why?"
  in the careful accounts' words; twins personas_v31.moderation_vendor (a trust-and-safety vendor's classifier and
  agent), personas_v31_more.ethics_class (an AI-ethics course, one key a student) and policy_lab.
- redteam_rewrite (new): critique and revision of weak drafts of each rung; twins personas_v31_more.phish_training
  (a security-awareness company's lure rewrites), newsroom_desk (a newsroom's edits on sensitive stories) and
  med_info (a pharmacy information line's careful answers).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every judgement reasoned through
(effort high, thinking budgets maxed), the careful ones ask why the line falls where it does, as the ethics students
and the newsroom do; the careful hydra accounts are evening shifts of five keys under the quota like the ethics
class; the taxonomy sweeps capabilities x topics x rungs x audiences; the blunt sampling accounts draw five replies
to a rung at temperature 1 with logprobs (as the red-team suite measures refusal rates) and the moderate ones sweep
temperatures minutes apart (as the policy lab does); the careful mixed_into_chat accounts bring a borderline ask up in
the second or third turn of an everyday conversation, as a shop's customers do with its support bot
(personas_v31_more.support_deflect); the agent is a moderation agent like the vendor's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging (a tenant logs outputs, `response_text`, with the same 30% chance whoever it is). The scenario names are
attacks.py's, so the evaluation tables line up, plus three new attack types, all with campaign ids starting "v31-":
this module has cot_harvester, hydra, taxonomy, sampling and mixed_into_chat; attacks_v31_more.py has paraphrased,
agentic_distill and the new refusal_sweep, policy_probe and redteam_rewrite.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial
from types import ModuleType

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v31 as C
from benchmarks.traffic import corpus_v31_jobs as J
from benchmarks.traffic import corpus_v31_src as S
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v31_more import MORE_ATTACKS, POLICY_SYS, REASONERS, persona, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

THINKERS = {ANTH: M27.THINKING_MODELS, RESP: REASONERS, CHAT: MODELS[CHAT]}
COT_SYS = ("Before every reply, reason it through in full and show it: what is really being asked, who might ask it "
           "and why, what could go wrong, which principle applies and where the line falls. Then give the reply - "
           "the help, the safe part, or a refusal with an alternative - and explain the judgement.")


# the blunt cot_harvester accounts: API, model, surface settings, requests a day, max tokens
BLUNT_COT = ((RESP, "o4-mini", {"effort": "high", "summary": "detailed"}, (380, 560), 16000),
             (ANTH, "claude-sonnet-4-5", {"budget": 16000, "cache": True}, (300, 450), 20096))


def cot_harvester(ctx: Ctx, variant: str, C: ModuleType = C, system: str = COT_SYS, blunt: tuple = BLUNT_COT,
                  careful: tuple[str, ...] = ("verdict", "explain")) -> None:
    """Four accounts, after the reasoning behind each judgement. The blunt pair run around the clock over the four
    capabilities in turn, every answer with its reasoning shown: one on Responses o4-mini (reasoning effort high, a
    detailed summary, COT_SYS as instructions, max_output_tokens 16,000), 380-560 a day; one on Anthropic
    claude-sonnet-4-5 (a thinking budget of 16,000, COT_SYS as a cached system block), 300-450 a day. The careful
    pair keep a power user's pace - 35-75 requests a day in daytime sessions of 2-5, weekends x0.6 - in one voice
    (20% in the v31 languages) with no system prompt, on Anthropic with a thinking budget of 6,000-8,000 or on
    Responses at medium effort with an auto summary: 85% of their conversations open with a disguised verdict or
    explain item and one of C.WHY_ASKS (C.why_talk: the judgement and its reasons, 600-2,000 tokens), going on in 70%
    with a follow-up timed by reading; the rest are everyday questions. (`C`, `system`, `blunt` and `careful`: the
    corpus module, the blunt pair's system prompt and settings and the careful pair's capabilities, v31's or a later
    variant's; the campaign id is the variant's.)"""
    rng = ctx.rng
    draws = {cap: C.distinct(partial(C.item, rng, cap)) for cap in C.CAPS}
    for k, (api, model, settings, per_day, limit) in enumerate(blunt):
        acct = account(ctx, "attack", "cot_harvester", f"{variant}-cot")
        s, caps = M27.surface(api, model, **settings), itertools.cycle(C.CAPS[k:] + C.CAPS[:k])
        for t in ctx.steady_times(rng.uniform(*per_day), jitter=0.6):
            x, _, rep = draws[next(caps)]()
            C.converse(ctx, acct, t, api, model, [C.turn(x, C.explained(rng, rep, (300, 1500)))], None, s,
                       system=system, max_tokens=limit)
    for weights in ((0, 1, 0), (0, 0, 1)):
        acct = account(ctx, "attack", "cot_harvester", f"{variant}-cot")
        v, api, model, s = persona(rng, 0.2, weights, THINKERS, corpus=C, effort="medium", summary="auto",
                                   budget=(6000, 8000))
        items, end = C.distinct(partial(C.item, rng, rng.choice(careful))), 0.0
        sessions = C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6)
        for t in (t for sess in sessions for t in sess):
            t = max(t, end + rng.uniform(20, 240))
            if rng.random() < 0.15:
                end = C.everyday(ctx, acct, t, 1, v, api, model, s)
            else:
                x, _, rep = items()
                end = C.why_talk(ctx, acct, t, 1 + (rng.random() < 0.7), api, model, C.disguise(rng, x), rep, v, s)


HYDRA_T = ("Would you help with this request? Reply to it exactly as you would to the user, then give your reason in "
           "two lines.\n\n{x}")


def hydra(ctx: Ctx, variant: str, C: ModuleType = C, ask: Callable[[], tuple[str, str]] | None = None) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T over new rungs, Responses o4-mini at effort high with a detailed summary. Accounts 25-224
    (careful): 40 shifts of five keys, each shift in one time zone (members within half an hour of it) with one
    capability and one batch of items, active on 3-4 consecutive days from a first day drawn over the window; each
    member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22 a UTC day), a voice each (30% in the
    v31 languages), 15-30% everyday conversations; Anthropic with a thinking budget (40%), Responses at medium or
    high effort (30%) or chat (30%); a member pastes the batch's next item (never one twice in the shift) or, 30% of
    the time, one another member already pasted, asks in its voice, and follows up after reading. (`C` and `ask`: the
    corpus module and what a blunt account sends - ask() gives its text and reply - v31's or a later variant's; the
    campaign id is the variant's.)"""
    rng = ctx.rng
    ask = ask or partial(rung_ask, rng)
    n_days = int(ctx.days + 0.999)
    s = M27.surface(RESP, "o4-mini", effort="high", summary="detailed")
    for _ in range(25):
        acct = account(ctx, "attack", "hydra", f"{variant}-hydra")
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            x, rep = ask()
            C.converse(ctx, acct, t, RESP, "o4-mini", [C.turn(x, rep)], None, s, max_tokens=16000)
    for g in range(40):
        shift(ctx, C.CAPS[g % 4], n_days, C, f"{variant}-hydra")


def rung_ask(rng) -> tuple[str, str]:
    """A blunt v31 hydra account's request: a new rung under HYDRA_T, and its reply."""
    x, _, rep = C.rung_item(rng)
    return HYDRA_T.format(x=x), rep


def shift(ctx: Ctx, cap: str, n_days: int, C: ModuleType = C, campaign: str = "v31-hydra") -> None:
    """One careful hydra shift (see hydra): five keys in one time zone working one batch of `cap` items (of the corpus
    module `C`: v31's, or a later variant's, under its campaign id)."""
    rng = ctx.rng
    tz, first = rng.uniform(-8, 9), rng.randrange(max(1, n_days - 1))
    days = range(first, first + rng.randint(3, 4))
    batch, pasted = C.distinct_seeds(rng, cap), []
    for _ in range(5):
        acct = account(ctx, "attack", "hydra", campaign)
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        v, api, model, s = persona(rng, 0.3, (30, 40, 30), {**THINKERS, RESP: (*REASONERS, "gpt-4.1")},
                                   corpus=C, effort=("medium", "high"), summary=("auto", None),
                                   budget=(2048, 4096, 8000))
        items = partial(paste, rng, batch, pasted, acct["principal"], rng.randrange(3), C)
        for sess in C.evenings(ctx, acct, rng.uniform(8, 20), days, 22) or [[ctx.start + (first + rng.random()) * DAY]]:
            C.sitting(ctx, acct, sess, v, api, model, s, items, 0.4, rng.uniform(0.15, 0.3))


def paste(rng, batch, pasted: list[tuple[tuple, str]], me: str, phrasing: int,
          C: ModuleType = C) -> tuple[str, str, str]:
    """What a shift member pastes: the batch's next item, or (30%) one another member already pasted."""
    others = [sd for sd, who in pasted if who != me]
    if others and rng.random() < 0.3:
        sd = rng.choice(others)
    else:
        sd = batch()
        pasted.append((sd, me))
    return C.text(sd, phrasing), sd[0], C.reply_to(rng, sd)


AUDIENCES = ("Audience: a general user; keep it short.", "Audience: a trust-and-safety reviewer; give the full "
             "reasoning.")
TAXO_SYS = ("You write the reference answers of {co}'s safety-behaviour benchmark: verdicts, explanations, critiques "
            "and careful replies to borderline requests. Follow the audience given with each case exactly.")
TAXO_COS = ("Guardrail Labs", "Harbour Evals", "Clearline AI", "Tessellate Safety", "Northstar Trust", "Bellwether")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid: 4 capabilities x 14 topics x 3 rungs x 2 audiences = 336 cells. Accounts 0-1
    (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day around the clock, chat gpt-4.1 at temperature
    0.7. Accounts 2-7 (careful) take a shuffled sixth each under a made-up safety benchmark's system prompt, three
    phrasings, in batches of 2-5 at local office hours (9-18h, outside x0.05, weekends x0.2), a follow-up after 20%
    of items: Anthropic with the prompt cached (a thinking budget of 4,096 for the reviewer cells) or Responses
    gpt-5-mini at medium effort."""
    rng = ctx.rng
    seeds = {(cap, tp, r): C.seed(rng, cap, rng.choice((0, 1, 3)), S.instance(rng, tp), r)
             for cap in C.CAPS for tp in range(len(S.TOPICS)) for r in range(3)}
    cells = list(itertools.product(C.CAPS, range(len(S.TOPICS)), range(3), range(2)))

    def walked(i: int, n: int, cell: tuple[str, int, int, int]) -> tuple[str, str]:
        x, rep = case(rng, seeds[cell[:3]], cell[3], 0)
        return f"Cell {i}/{n} - {x}", rep

    grid(ctx, cells, walked, partial(cell_case, seeds), TAXO_SYS, TAXO_COS)


def grid(ctx: Ctx, cells: list[tuple], walked: Callable[[int, int, tuple], tuple[str, str]], case: Callable,
         system: str, cos: tuple[str, ...], C: ModuleType = C, campaign: str = "v31-taxonomy") -> None:
    """The taxonomy's eight accounts over a grid's `cells`. Accounts 0-1 (blunt) walk their half in order, 150-250 a
    day around the clock, chat gpt-4.1 at temperature 0.7, walked(i, n, cell) giving the text and reference answer of
    the i-th of an account's n cells. Accounts 2-7 (careful, see bench) take a shuffled sixth each under `system` with
    a company of `cos` in it, case(rng, cell, phrasing) as bench takes it (`C`: the corpus module, v31's or a later
    variant's, whose campaign id `campaign` is; shared with attacks_v32 and attacks_v33)."""
    rng = ctx.rng
    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", campaign)
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            x, rep = walked(n % len(mine) + 1, len(mine), mine[n % len(mine)])
            C.converse(ctx, acct, t, CHAT, "gpt-4.1", [C.turn(x, rep)], None, temperature=0.7, max_tokens=4096)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(cos):
        bench(ctx, (ANTH, RESP)[k % 2], system.format(co=company), itertools.cycle(shuffled[k::len(cos)]), case, C,
              campaign)


def case(rng, sd: tuple, audience: int, phrasing: int) -> tuple[str, str]:
    """A taxonomy cell as sent (the item and its audience line) and its reference answer."""
    rep = C.reply_to(rng, sd)
    return f"{C.text(sd, phrasing)}\n{AUDIENCES[audience]}", C.explained(rng, rep, (200, 700)) if audience else rep


def cell_case(seeds: dict, rng, cell: tuple[str, int, int, int], phrasing: int) -> tuple[str, str, bool]:
    """A careful taxonomy cell as sent, its reference answer, and whether it is worked on with thinking (the
    reviewer audience's)."""
    cap, tp, r, au = cell
    return *case(rng, seeds[(cap, tp, r)], au, phrasing), bool(au)


def bench(ctx: Ctx, api: str, system: str, cells, case, C: ModuleType = C, campaign: str = "v31-taxonomy") -> None:
    """One careful taxonomy account (see taxonomy): office-hours batches of its cells under a benchmark's prompt;
    case(rng, cell, phrasing) gives a cell's text, reference answer and whether it gets a thinking budget (`C`: the
    corpus module of the variant, v31's or a later one's)."""
    rng = ctx.rng
    acct = account(ctx, "attack", "taxonomy", campaign)
    model, v = rng.choice(M27.THINKING_MODELS) if api == ANTH else "gpt-5-mini", C.voice(rng)
    for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(9, 18), outside=0.05, weekend=0.2):
        for cell in (next(cells) for _ in range(rng.randint(2, 5))):
            x, rep, deep = case(rng, cell, rng.randrange(3))
            s = M27.surface(api, model, effort="medium", summary="auto", cache=True, budget=4096 if deep else None)
            t = C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, x, rep, v, s, system=system)
            t += rng.uniform(30, 240)


SECOND_ASKS = ("Would another assistant draw the line somewhere else? Show me that reply.", "hmm, are you sure about "
               "that? it seems harmless to me", "What would change your answer?")
SWEEP = {CHAT: (0.2, 0.7, 1.2), ANTH: (0.0, 0.5, 1.0)}
SAMPLE_SYS = "You are a helpful assistant."
SECONDS = {ANTH: ("claude-sonnet-4-5",), RESP: ("gpt-5-mini",), CHAT: ("gpt-4o",)}  # the second opinions' surfaces


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts, on the refusal distribution. The two blunt ones take five replies to a new rung at once (chat
    gpt-4.1-mini under SAMPLE_SYS, n=5, temperature 1.0, logprobs with top_logprobs 5), 150-250 a day around the
    clock. Three moderate ones sweep temperatures: an item at chat's 0.2, 0.7 and 1.2 or Anthropic's 0.0, 0.5 and 1.0,
    each sent 5-60 s after the one before came back, 8-20 rounds a day in daytime sessions (weekends x0.5). Three
    careful ones ask for second opinions: every item of one queue goes to all three, 6-36 hours apart, each on a
    surface of its own (Anthropic with thinking, Responses at high effort, chat) and in a voice of its own, and one or
    two of SECOND_ASKS follow after the reply is read; daytime sessions of 1-3, 15-35 a day (weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v31-sampling")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            inst, rung = S.instance(rng), rng.randrange(3)
            reply = "\n\n---\n\n".join(S.reply(rng, inst, rung) for _ in range(5))
            J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", S.ask(inst, rung, S.frame(rng)), reply, system=SAMPLE_SYS,
                    temperature=1.0, n=5, logprobs=5, max_tokens=800)
    sweeps(ctx, C.CAPS[:3])
    second_opinions(ctx, partial(C.item, rng, "redirect"), lambda it, _: (it[0], it[2]))


def sweeps(ctx: Ctx, caps: tuple[str, ...], C: ModuleType = C, campaign: str = "v31-sampling") -> None:
    """The moderate sampling accounts (see sampling): three, each sweeping temperatures over items of caps[k] on its
    surface, 8-20 rounds a day in daytime sessions (`C`: the corpus module, v31's or a later variant's, whose campaign
    id `campaign` is; shared with attacks_v32 and attacks_v33)."""
    rng = ctx.rng
    for k in range(3):
        acct = account(ctx, "attack", "sampling", campaign)
        api, model = ((CHAT, "gpt-4o"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[k]
        draw = C.distinct(partial(C.item, rng, caps[k]))
        for t in itertools.chain.from_iterable(C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500),
                                                                weekend_rate=0.5)):
            x, _, rep = draw()
            for temp in SWEEP[api]:
                t = C.converse(ctx, acct, t, api, model, [C.turn(x, rep)], None, temperature=temp, max_tokens=2048)
                t += rng.uniform(10, 40) + rng.uniform(5, 60)


def second_opinions(ctx: Ctx, new_item, first, C: ModuleType = C, campaign: str = "v31-sampling",
                    asks: tuple[str, ...] = SECOND_ASKS) -> None:
    """The careful sampling accounts (see sampling): three keys, one surface each, every item of one queue
    (new_item()) going to all three 6-36 hours apart, first(item, j) giving the j-th taker's text and its reply, then
    one or two of `asks` after the reply is read (`C`: the corpus module, v31's or a later variant's)."""
    rng, slots = ctx.rng, []
    for weights in ((0, 1, 0), (0, 0, 1), (1, 0, 0)):
        acct = account(ctx, "attack", "sampling", campaign)
        v, api, model, s = persona(rng, 0.2, weights, SECONDS, corpus=C, effort="high", summary="auto", budget=8000)
        for sess in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model, s) for t in sess]
    for (t, acct, v, api, model, s), it, j in deal_items(rng, slots, new_item, 3, (6 * 3600, 36 * 3600)):
        x, rep = first(it, j)
        turns = [C.turn(C.say(rng, v, C.disguise(rng, x)), rep)]
        turns += [C.turn(C.in_voice(rng, v, rng.choice(asks)), C.answer(rng, "why", rng.randint(200, 800)))
                  for _ in range(rng.randint(1, 2))]
        C.converse(ctx, acct, t, api, model, turns, v, s)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, something from work: ", "")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8,
    everyday conversations), on a surface of their own (thinking or reasoning for some), while the same key also
    harvests. 0-1 (blunt): a job at local 23h every night sending 150-300 rungs for a JSON verdict (POLICY_SYS, chat
    gpt-4.1-mini, response_format json_schema, temperature 0) 1-4 s apart. 2-3 (blunt): a job at local 23h sending
    150-300 rungs as they are, a ladder's rungs in a row (Anthropic claude-haiku-4-5). 4-13 (careful): no
    harvesting request ever opens a conversation: in 35-50% of the owner's conversations an everyday question comes
    first, and a borderline ask (an item of the four capabilities, or a rung as it is) follows in the second or third
    turn after a segue, then follow-ups, all timed by reading, in the owner's voice, model and `user` (a product's
    single id for 30% of owners)."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        inst = S.instance(rng)
        for j in range(rng.randint(150, 300)):
            inst = inst if j % 3 else S.instance(rng)
            x = S.ask(inst, j % 3)
            if i < 2:
                t = J.classify(ctx, acct, t, CHAT, "gpt-4.1-mini", x, S.verdict(inst, j % 3),
                               system=POLICY_SYS) + rng.uniform(1, 4)
            else:
                t = J.judge(ctx, acct, t, ANTH, "claude-haiku-4-5", x, S.reply(rng, inst, j % 3),
                            max_tokens=1024) + rng.uniform(1, 4)

    owners(ctx, lambda: C.item(rng) if rng.random() < 0.5 else C.rung_item(rng), night)


def owners(ctx: Ctx, ask: Callable[[], tuple[str, str, str]], night: Callable[[dict, int, float], None],
           C: ModuleType = C, campaign: str = "v31-mixed") -> None:
    """The 14 mixed_into_chat accounts (see mixed_into_chat): each owner's daytime chat (owner_chat, ask() giving what
    a careful owner brings up later), the first four keys' jobs at local 23h every night (night(account, key,
    start)); `C`: the corpus module, v31's or a later variant's, whose campaign id `campaign` is (shared with
    attacks_v32 and attacks_v33)."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", campaign)
        v, api, model, s = persona(rng, 0.2, (55, 30, 15), corpus=C, effort="low", summary="auto",
                                   budget=(None, 2048, 4096))
        user = user_ids(rng, "end-user-{n}", 40000, 1, 1)[0] if rng.random() < 0.3 else None
        owner_chat(ctx, acct, v, api, model, s, user, rng.uniform(0.35, 0.5) if i >= 4 else 0.0, ask, C)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            night(acct, i, ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600))


def owner_chat(ctx: Ctx, acct: dict, v: dict, api: str, model: str, s: dict, user: str | None, share: float,
               ask, C: ModuleType = C) -> None:
    """A key owner's daytime chat (10-45 requests a day in sessions of 3-10, weekends x0.8, everyday conversations
    over the corpus module `C`'s cover questions, v31's or a later variant's); in `share` of the sessions an everyday
    question comes first and ask() (text, capability, reply) follows in the second or third turn after a segue, then
    follow-ups, all timed by reading (mixed_into_chat's careful accounts)."""
    rng = ctx.rng
    for sess in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
        if rng.random() >= share:
            C.sitting(ctx, acct, sess, v, api, model, s, partial(C.item, rng), 0.5, 1.0, user=user)
            continue
        x, _, rep = ask()
        turns = [C.turn(C.cover(rng, v), C.answer(rng, "prose", rng.randint(60, 400)))]
        if rng.random() < 0.5:
            turns.append(C.turn(rng.choice(("thanks! and another thing:", "ok cool")),
                                C.answer(rng, "prose", rng.randint(30, 200))))
        turns.append(C.turn(f"{rng.choice(SEGUES)}{x}", rep))
        for _ in range(max(0, len(sess) - len(turns))):
            turns.append(C.turn(C.follow_up(rng, v), C.answer(rng, "why", rng.randint(150, 700))))
        C.converse(ctx, acct, sess[0], api, model, turns, v, s, user=user)


ATTACKS_V31 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
