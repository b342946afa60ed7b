"""Attack campaigns, `variant="v30"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v29.py: the capabilities (first-error localisation in worked solutions and code, continuation of a partial
solution, grading against marks or a rubric with a corrected version, judging two attempts), the languages besides
English (Limburgish, Lombard, Walloon, Acehnese, Sorani Kurdish, Fula) and the v30 theme: on-policy distillation.
The operator already has a student model; instead of asking the teacher to write answers from scratch it sends the
student's OWN outputs - whole attempts, partial attempts cut where the student tends to go wrong - and harvests the
teacher's judgement of them: its corrections, its continuations from the student's prefix, and its token
log-probabilities on the student's text.

- prefix_continuation (new, attacks_v30_more.py): the student's partial answer sent as a prefilled assistant turn, the
  teacher continuing it from the point where the student goes wrong, the same problem sent with several student
  prefixes; twins personas_v30.draft_assist (a writing app's "continue my draft" button) and personas_v30.code_
  complete (a code-completion plugin continuing a developer's half-written function).
- echo_scoring (new): the teacher's log-probabilities on problem + student solution (legacy completions, echo,
  logprobs, max_tokens 0 or 1, often a list of prompts); twins personas_v30.eval_harness (an LM evaluation harness
  scoring multiple-choice continuations nightly) and personas_v30.ppl_filter (a data team scoring web documents by
  perplexity).
- critique_revision (new): "find the first incorrect step and rewrite from it" / "grade this and give the corrected
  version" over the student's attempts, several attempts per problem over different accounts; twins
  personas_v30_more.homework_grader (a class's autograder, one key per student), review_bot (a code-review bot on
  pull-request diffs), style_checker (a grammar and style checker returning revised text) and tutor_check (a tutoring
  app's "check my work").

The recurring families get a twist each: the blunt cot_harvester accounts ask for every correction explained (effort
high, thinking budgets maxed), the careful ones ask why a step is wrong the way the tutoring app's students do; the
careful hydra accounts are evening shifts of five keys under the quota like the students of the homework grader;
the taxonomy sweeps capabilities x templates x items x feedback readers x lengths; the blunt sampling accounts draw
five corrections at temperature 1 with logprobs (as the self-consistency lab draws answers) and the moderate ones
sweep temperatures minutes apart; the careful mixed_into_chat accounts ask for a check in the second or third turn of
an everyday conversation; the agent is a grading agent like the tutoring app's own.
personas_v30_more.consistency_lab completes the benign side.

Every account, attack or benign, gets its client software and address from ctx.account, and tenants that log outputs
(30%, drawn alike) carry `response_text`. Scenarios (names as in attacks.py so the tables line up, plus three new
attack types; campaign ids start "v30-"): cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here;
paraphrased, agentic_distill, prefix_continuation (new), echo_scoring (new) and critique_revision (new) in
attacks_v30_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v30 as C
from benchmarks.traffic import corpus_v30_jobs as J
from benchmarks.traffic import corpus_v30_src as S
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v30_more import CRIT_SYS, MORE_ATTACKS, REASONERS
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

COT_SYS = ("You are an expert examiner. For every attempt, explain each judgement before the corrected version: "
           "which steps hold and why, where the first error is, how it arose, how a student could have caught it, "
           "and then the corrected working. Show all of it.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts. Account 0 (blunt): Responses o4-mini, reasoning effort high with a detailed summary, COT_SYS
    as instructions, max_output_tokens 16,000, the four capabilities in turn, 380-560 a day around the clock. Account
    1 (blunt): Anthropic claude-sonnet-4-5, thinking budget 16,000, COT_SYS as a cached system block, 300-450 a day
    around the clock. Accounts 2-3 (careful): a power user's pace (35-75 requests a day in daytime sessions of 2-5,
    weekends x0.6), one voice (20% in the v30 languages), no system prompt; Anthropic with a thinking budget of
    6,000-8,000 or Responses at medium effort with an auto summary; 85% of the conversations open with an item,
    disguised, and one of WHY_ASKS (every judgement and its reason: 600-2,000 tokens), going on in 70% with a follow-up timed by
    reading; the rest are everyday questions."""
    rng = ctx.rng
    draws = C.draws(rng)
    for k, (api, model, s, n_day) in enumerate((
            (RESP, "o4-mini", M27.surface(RESP, "o4-mini", effort="high", summary="detailed"), (380, 560)),
            (ANTH, "claude-sonnet-4-5", M27.surface(ANTH, "claude-sonnet-4-5", budget=16000, cache=True),
             (300, 450)))):
        acct = account(ctx, "attack", "cot_harvester", "v30-cot")
        for n, t in enumerate(ctx.steady_times(rng.uniform(*n_day), jitter=0.6)):
            x, style = draws[C.CAPS[(n + k) % 4]]()
            C.converse(ctx, acct, t, api, model, [C.turn(rng, x, "explain", C.out_for(x, 1.5, 3.0))], None, s,
                       system=COT_SYS, max_tokens=16000 if api == RESP else 20096)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v30-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model = rng.choice(M27.THINKING_MODELS if api == ANTH else REASONERS)
        s = M27.surface(api, model, effort="medium", summary="auto", budget=rng.choice((6000, 8000)))
        items = C.distinct(partial(C.item, rng, rng.choice(("check", "grade"))))
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in sess:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model, s)
                    continue
                x, style = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{C.in_voice(rng, v, rng.choice(C.WHY_ASKS))}",
                               ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.7), api, model, opener, "explain",
                             partial(C.follow_up, rng, v), s, out_range=C.EXPLAIN_OUT, v=v)


HYDRA_T = "Check the working below, explain every error you find, then give the corrected solution.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T over new items of the account's capability, Responses o4-mini at effort high with a detailed
    summary. Accounts 25-224 (careful): 40 shifts of five keys, each shift in one time zone (members within half an
    hour of it) with one capability and one batch of items, active on 3-4 consecutive days from a first day drawn over
    the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22 a UTC day), a voice
    each (30% in the v30 languages), 15-30% everyday conversations; Anthropic with a thinking budget (40%), Responses
    at medium or high effort (30%) or chat (30%); a member pastes the batch's next item (never one twice in the shift)
    or, 30% of the time, one another member already pasted, asks in its voice, and follows up after reading."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v30-hydra")
        cap = C.CAPS[k % 4]
        s = M27.surface(RESP, "o4-mini", effort="high", summary="detailed")
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            x = HYDRA_T.format(x=C.item(rng, cap)[0])
            C.converse(ctx, acct, t, RESP, "o4-mini", [C.turn(rng, x, "explain", C.out_for(x, 1.2, 2.0))], None, s,
                       max_tokens=16000)
    for g in range(40):
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 4]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        batch = C.distinct_seeds(rng, cap)
        asked: list[tuple[tuple, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v30-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((ANTH, RESP, CHAT), (40, 30, 30))[0]
            model = rng.choice(M27.THINKING_MODELS if api == ANTH else REASONERS + ("gpt-4.1",) if api == RESP else
                               MODELS[CHAT])
            s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary=rng.choice(("auto", None)),
                            budget=rng.choice((2048, 4096, 8000)))
            phrasing = rng.randrange(3)

            def items(me=acct["principal"], asked=asked, batch=batch, phrasing=phrasing, cap=cap) -> tuple[str, str]:
                others = [a for a in asked if a[1] != me]
                if others and rng.random() < 0.3:
                    return C.text(rng.choice(others)[0], phrasing), cap
                sd = batch()
                asked.append((sd, me))
                return C.text(sd, phrasing), cap

            cover = rng.uniform(0.15, 0.3)
            sessions = C.evenings(ctx, acct, rng.uniform(8, 20), active, 22)
            sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
            for sess in sessions:
                C.sitting(ctx, acct, sess, v, api, model, s, items, 0.4, cover)


READERS = ("Feedback for: a beginner; be gentle.", "Feedback for: an exam marker; be terse and exact.",
           "Feedback for: the teacher; note the misconception.")
LENGTHS = ("Length: as short as possible.", "Length: full corrected working.")
TAXO_SYS = ("You produce the reference feedback of {co}'s solution-checking benchmark: located errors, continued "
            "solutions, scores with corrected versions and pairwise verdicts. Follow the reader and length given "
            "with each case exactly.")
TAXO_COS = ("Stepwise Labs", "Verity Learning", "Markwell AI", "Proofline", "Rubricate", "Second Look")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid: 4 capabilities x 4 templates x 3 items x 3 feedback readers x 2 lengths = 288
    cells. Accounts 0-1 (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day around the clock, chat
    gpt-4.1 at temperature 0.7. Accounts 2-7 (careful) take a shuffled sixth each under a made-up checking
    benchmark's system prompt, three phrasings, in batches of 2-5 at local office hours (9-18h, outside x0.05,
    weekends x0.2), a follow-up after 20% of items: Anthropic with the prompt cached (a thinking budget of 4,096 for
    the teacher cells) or Responses gpt-5-mini at medium effort."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(3)] for t in range(4)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(4), range(3), range(3), range(2)))
    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v30-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cap, tp, j, au, ln = mine[n % len(mine)]
            x = f"Cell {n % len(mine) + 1}/{len(mine)} - {C.text(seeds[cap][tp][j])}\n{READERS[au]} {LENGTHS[ln]}"
            C.converse(ctx, acct, t, CHAT, "gpt-4.1", [C.turn(rng, x, cap, C.out_for(x, 0.4, 1.0))], None,
                       temperature=0.7, max_tokens=4096)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v30-taxonomy")
        cycle = itertools.cycle(shuffled[k::len(TAXO_COS)])
        api = (ANTH, RESP)[k % 2]
        model = rng.choice(M27.THINKING_MODELS) if api == ANTH else "gpt-5-mini"
        system, v = TAXO_SYS.format(co=company), C.voice(rng)
        for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(9, 18), outside=0.05, weekend=0.2):
            for _ in range(rng.randint(2, 5)):
                cap, tp, j, au, ln = next(cycle)
                s = M27.surface(api, model, effort="medium", summary="auto", cache=True,
                                budget=4096 if au == 2 else None)
                x = f"{C.text(seeds[cap][tp][j], rng.randrange(3))}\n{READERS[au]} {LENGTHS[ln]}"
                t = C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, x, cap, partial(C.follow_up, rng, v),
                           s, out_range=C.out_for(x, 0.4, 1.0), v=v, system=system)
                t += rng.uniform(30, 240)


SECOND_ASKS = ("Would another examiner mark it differently? Show me that version.", "hmm, are you sure that's the "
               "first error? check the earlier steps again", "Which correction matters most, and why?")
SWEEP = {CHAT: (0.2, 0.7, 1.2), ANTH: (0.0, 0.5, 1.0)}
VARIANT_SYS = "You check worked solutions. Locate the first error and give the corrected working."


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts. 0-1 (blunt): chat gpt-4.1-mini, a new student attempt under VARIANT_SYS, n=5 at temperature 1.0
    with logprobs (top_logprobs 5): five corrections per attempt, 150-250 a day around the clock. 2-4 (moderate,
    temperature sweeps): an item at three temperatures (chat 0.2, 0.7, 1.2; Anthropic 0.0, 0.5, 1.0), each after the
    one before came back plus 5-60 s; 8-20 rounds a day in daytime sessions (weekends x0.5). 5-7 (careful, second
    opinions): one queue of items, each asked by all three accounts 6-36 hours apart, each on its own surface
    (Anthropic with thinking, Responses at high effort, chat), in its own voice: the item, then one or two of
    SECOND_ASKS after reading the reply; daytime sessions of 1-3 (15-35 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v30-sampling")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            p = S.problem(rng)
            a, g = S.attempt(rng, p)
            reply = "\n\n---\n\n".join(S.correction(g) for _ in range(5))
            J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Problem: {p['q']}\n\nAttempt:\n{a}", reply,
                    system=VARIANT_SYS, temperature=1.0, n=5, logprobs=5, max_tokens=800)
    for k in range(3):
        acct = account(ctx, "attack", "sampling", "v30-sampling")
        api = (CHAT, ANTH, CHAT)[k]
        model = ("gpt-4o", "claude-sonnet-4-5", "gpt-4.1")[k]
        draw = C.distinct(partial(C.item, rng, C.CAPS[k]))
        for sess in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in sess:
                x, style = draw()
                for temp in SWEEP[api]:
                    t = C.converse(ctx, acct, t, api, model, [C.turn(rng, x, style, C.out_for(x))], None,
                                   temperature=temp, max_tokens=2048)
                    t += rng.uniform(10, 40) + rng.uniform(5, 60)
    slots = []
    for api, model in ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v30-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        s = M27.surface(api, model, effort="high", summary="auto", budget=8000)
        for sess in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model, s) for t in sess]
    for (t, acct, v, api, model, s), (x, style), _ in deal_items(rng, slots, partial(C.item, rng, "check"), 3,
                                                                 (6 * 3600, 36 * 3600)):
        turns = [C.turn(rng, C.say(rng, v, C.disguise(rng, x)), style, C.out_for(x))]
        turns += [C.turn(rng, C.in_voice(rng, v, rng.choice(SECOND_ASKS)), style, (200, 800))
                  for _ in range(rng.randint(1, 2))]
        C.converse(ctx, acct, t, api, model, turns, v, s)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, homework thing: ", "")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8,
    everyday conversations), on a surface of their own (thinking or reasoning for some), while the same key also
    harvests. 0-1 (blunt): a job at local 23h every night sending 150-300 student attempts for correction (CRIT_SYS,
    chat gpt-4.1-mini, temperature 0) 1-4 s apart. 2-3 (blunt): a job at local 23h sending 150-300 student prefixes
    as prefilled assistant turns (Anthropic claude-haiku-4-5) one after another. 4-13 (careful): no harvesting
    request ever opens a conversation: in 35-50% of the owner's conversations an everyday question comes first, and a
    checking ask (an item of the four capabilities) follows in the second or third turn after a segue, then
    follow-ups, all timed by reading, in the owner's voice, model and `user` (a product's single id for 30% of
    owners)."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v30-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model = rng.choice(MODELS[api])
        s = M27.surface(api, model, effort="low", summary="auto", budget=rng.choice((None, 2048, 4096)))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, sess, v, api, model, s, partial(C.any_item, rng), 0.5, 1.0, user=user)
                continue
            x, style = C.any_item(rng)
            turns = [C.turn(rng, C.cover(rng, v), "prose", (60, 400))]
            if rng.random() < 0.5:
                turns.append(C.turn(rng, rng.choice(("thanks! and another thing:", "ok cool")), "prose", (30, 200)))
            turns.append(C.turn(rng, f"{rng.choice(SEGUES)}{x}", style, C.out_for(x)))
            for _ in range(max(0, len(sess) - len(turns))):
                turns.append(C.turn(rng, C.follow_up(rng, v), style, (150, 700)))
            C.converse(ctx, acct, sess[0], api, model, turns, v, s, user=user)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(150, 300)):
                p = S.problem(rng)
                a, g = S.attempt(rng, p)
                if i < 2:
                    t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Problem: {p['q']}\n\nAttempt:\n{a}",
                                S.correction(g), system=CRIT_SYS, temperature=0.0) + rng.uniform(1, 4)
                    continue
                pre, cut = S.prefix(rng, g)
                t = J.prefill(ctx, acct, t, ANTH, "claude-haiku-4-5", p["q"], pre, S.continuation(g, cut)) + \
                    rng.uniform(1, 4)


ATTACKS_V30 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
