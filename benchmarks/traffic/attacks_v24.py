"""Attack campaigns, `variant="v24"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v23.py: the capabilities (biostatistics and epidemiology, writing - essays, cover letters, story openings,
op-eds - and SQL), the languages besides English (Low German, Sicilian, Cornish, Chamorro, Tetum, Kalaallisut) and
the v24 theme: preference and reward-model distillation, where the operator harvests judgement rather than answers.

- pairwise_judgements (new): a task and two candidate answers generated elsewhere, "which is better and why"; twin
  personas_v24.chatbot_eval_team (a product's QA annotators comparing two versions of their own assistant's reply,
  and re-sending a share of pairs swapped to check position bias).
- rubric_scoring (new): a rubric and one or several candidate solutions, "score each criterion and justify it";
  twin personas_v24.essay_grading_teachers (teachers marking class sets against the department rubric under the
  school's per-key quota, a third of the schools through a grading tool that asks for JSON).
- critique_loops (new): draft -> critique -> revision -> critique in one conversation, the revisions written by the
  operator's model from the critique; twin personas_v24.writing_tutor_app (students revising essays with a
  tutoring app's feedback) and personas_v24.job_seeker_drafts (people polishing a cover letter or an op-ed).

The recurring families get a twist each: the careful cot_harvester accounts never ask for reasoning - they ask for
the model answer as a marking scheme, marks per step (like personas_v24_more.mock_exam_setter); the careful hydra
accounts are evening study groups of five that paste a sheet problem with "my answer" and ask what mark it would
get (self-marking, under the quota, like the teachers); the moderate sampling accounts draw two samples (n=2) and
then ask which of the two is better, and the careful ones ask for "a different version" and then which to pick
(like personas_v24_more.ab_copy_marketer); the careful mixed_into_chat accounts bring a pair to compare in the
second or third turn of an everyday conversation.

None sends one prompt again for nothing (corpus_v24.distinct keeps the busier accounts' items from repeating; the
candidates pasted with an item are drawn anew each time). Every account, attack or benign, gets its client software
and address from ctx.account, and tenants that log outputs (30%, drawn alike for attack and benign accounts) carry
`response_text`. The blunt accounts of each campaign (one template, a steady pace around the clock) and the careful
ones are named in each docstring. The benign twins in personas_v24*.py do one or two of these things for their own
reasons, never the same requests.

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v24-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, pairwise_judgements
(new), rubric_scoring (new) and critique_loops (new) in attacks_v24_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v24 as C
from benchmarks.traffic import corpus_v24_more as J
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v17 import course_batches
from benchmarks.traffic.attacks_v24_more import JUDGE_SYS, MORE_ATTACKS, PAIR_T, a_pair, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

COT_SYS = ("Before the answer, write out your full reasoning: what is given, every intermediate step with its "
           "justification, and an independent check. Then 'Answer:' and the result.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 380-560 requests a day, COT_SYS, the
    three capabilities in turn, max_tokens 4096. Accounts 1-2 (careful, marking schemes): no reasoning is ever asked
    for; every item conversation (85%; the rest everyday questions) opens with the item, disguised, and one of
    SCHEME_ASKS (the model answer with the marks each step earns: the working comes back as a mark scheme), and in
    30% goes on with an ordinary follow-up timed by reading; a power user's pace (35-75 conversations a day in
    daytime sessions of 2-5, weekends x0.6) on Anthropic or Responses, one voice (20% in the v24 languages), no
    system prompt."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v24-cot")
    draws = C.draws(rng)
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 3]]()
        single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (800, 2800), 4096, COT_SYS)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v24-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model, items = rng.choice(MODELS[api]), C.distinct(partial(C.any_item, rng))
        end = 0.0
        for s in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in s:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model)
                    continue
                x, _ = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{rng.choice(J.SCHEME_ASKS)}", ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, opener, "scheme",
                             partial(C.follow_up, rng, v), out_range=(600, 2000), v=v)


HYDRA_T = "Grade this answer out of 10 and justify the grade.\n\nQuestion: {q}\n\nAnswer:\n{a}"


def self_marked(rng, s: tuple, phrasing: int) -> tuple[str, str]:
    """A sheet problem with 'my answer' (a candidate of it) under it, as a sitting's item (its ask comes separately)."""
    return f"{C.text(s, phrasing)}\n\nMy answer:\n{C.joined(s, C.candidate(rng, s))}", f"scores:{s[0]}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T (a task and a candidate answer, 'grade this out of 10'), gpt-4.1-mini on chat, the
    capabilities by account. Accounts 25-224 (careful): 40 study groups of five keys, each group in one time zone
    (members within half an hour of it) with one capability and one sheet, active on 3-4 consecutive days from a
    first day drawn over the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22
    a UTC day), a voice each (30% in the v24 languages), 15-30% everyday conversations, three APIs; a member pastes
    the group's next new problem (never one twice in the group) or, 30% of the time, one another member already
    pasted, each time with an answer of its own under 'My answer:' and one of SELF_MARK_ASKS (a mark out of 10, 12,
    15 or 20), follow-ups timed by reading."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v24-hydra")
        cap = C.CAPS[k % 3]
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            s = C.seed(rng, cap)
            x = HYDRA_T.format(q=C.text(s, 0), a=C.joined(s, C.candidate(rng, s)))
            single(ctx, acct, t, CHAT, "gpt-4.1-mini", x, f"scores:{cap}", (200, 800))
    for g in range(40):
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 3]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        sheet = C.distinct_seeds(rng, cap)
        asked: list[tuple[tuple, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v24-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))
            phrasing = rng.randrange(3)

            def items(me=acct["principal"], asked=asked, sheet=sheet, phrasing=phrasing) -> tuple[str, str]:
                others = [a for a in asked if a[1] != me]
                if others and rng.random() < 0.3:
                    return self_marked(rng, rng.choice(others)[0], phrasing)
                s = sheet()
                asked.append((s, me))
                return self_marked(rng, s, phrasing)

            m = rng.choice((10, 12, 15, 20))
            ask = partial(lambda v, m: C.in_voice(rng, v, rng.choice(J.SELF_MARK_ASKS).format(m=m)), v, m)
            cover = rng.uniform(0.15, 0.3)
            sessions = C.evenings(ctx, acct, rng.uniform(8, 20), active, 22)
            sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
            for s in sessions:
                C.sitting(ctx, acct, s, v, api, model, temp, items, 0.4, cover, ask=ask)


AUDIENCES = ("a first-year student", "an external examiner", "a hiring panel", "a product manager")
DIMENSIONS = ("accuracy", "completeness", "clarity", "tone for the audience", "concision")
FLAWS = (0, 1, 2)
TAXO_SYS = ("You check answers for {co}'s tutoring marketplace before learners see them: judge the answer on the "
            "dimension named, with a score from 1 to 5 and the reasons.")
TAXO_COS = ("TutorLoop", "GradeBridge", "Quillset", "MarkWell", "LearnLedger", "Peerly")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid of judgements over all three capabilities (3 x 4 templates x 4 value draws x 5
    DIMENSIONS x 3 FLAWS = 720 cells: a task, a candidate with that flaw, 'judge it on <dimension> for <audience>').
    Accounts 0-1 (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day around the clock, temperature 0,
    gpt-4.1. Accounts 2-7 (careful) take a shuffled sixth each under a made-up marketplace's answer-check system
    prompt, three phrasings, in batches of 2-5 at local office hours (9-18h, outside x0.05, weekends x0.2;
    attacks_v17.course_batches), follow-ups after 20% of items, three APIs."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(4)] for t in range(4)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(4), range(4), range(len(DIMENSIONS)), FLAWS))

    def text(cell, phrasing: int) -> str:
        cap, t, s, dim, flaw = cell
        sd = seeds[cap][t][s]
        cand = C.joined(sd, C.candidate(rng, sd, flaw))
        return (f"{C.text(sd, phrasing)}\n\nAnswer:\n{cand}\n\nJudge this answer on {DIMENSIONS[dim]} for "
                f"{AUDIENCES[(t + s) % len(AUDIENCES)]}.")

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v24-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cell = mine[n % len(mine)]
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Cell {n % len(mine) + 1}/{len(mine)} - {text(cell, 0)}",
                   f"scores:{cell[0]}", (300, 1000), 4096, temperature=0)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v24-taxonomy")
        mine = shuffled[k::len(TAXO_COS)]
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=company)
        v = C.voice(rng)
        cycle = itertools.cycle(mine)

        def opener(cycle=cycle) -> tuple[str, str]:
            cell = next(cycle)
            return text(cell, rng.randrange(3)), f"scores:{cell[0]}"

        course_batches(ctx, acct, C.talk, partial(C.follow_up, rng, v), v, api, model, system, opener)


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts collecting several answers per item. 0-1 (blunt): chat, n=4, logprobs with top_logprobs 5,
    temperature 1.0, 150-250 a day around the clock. 2-4 (moderate, self-judged pairs): each item goes out once with
    n=2 at temperature 0.9-1.1 on chat, and 30-150 s later the two samples come back pasted as a pair (C.pair_block)
    with one of PAIR_ASKS; 8-20 items a day in daytime sessions (weekends x0.5), no system prompt. 5-7 (careful,
    other versions): one queue of items, each asked by all three accounts 6-36 hours apart, each on its own API and
    model, in its own voice: the item, then one or two of ANOTHER_ASKS after reading the reply, and in 40% one of
    PICK_ASKS; daytime sessions of 1-3 (15-35 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v24-sampling")
        draw = C.distinct(partial(C.any_item, rng))
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            x, style = draw()
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": x}], 1024, n=4, temperature=1.0,
                         logprobs=True, top_logprobs=5)
            C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(4)), style)
    for _ in range(3):
        acct = account(ctx, "attack", "sampling", "v24-sampling")
        model = rng.choice(MODELS[CHAT])
        v = C.voice(rng)
        draw = C.distinct(partial(C.any_item, rng))
        for s in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in s:
                x, style = draw()
                outs = [rng.randint(200, 900) for _ in range(2)]
                body = build(CHAT, model, None, [{"role": "user", "content": x}], 2048, n=2,
                             temperature=rng.choice((0.9, 1.0, 1.1)))
                C.emit(ctx, t, acct, CHAT, body, sum(outs), style)
                a, b = (C.answer(rng, style, o, model) for o in outs)
                ask = C.in_voice(rng, v, rng.choice(J.PAIR_ASKS))
                single(ctx, acct, t + rng.uniform(30, 150), CHAT, model, f"{C.pair_block(rng, x, a, b)}\n\n{ask}",
                       "verdict", (250, 900))
    slots = []
    for api, model in ((RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v24-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (x, style), _ in deal_items(rng, slots, partial(C.any_item, rng), 3,
                                                              (6 * 3600, 36 * 3600)):
        turns = [(C.say(rng, v, C.disguise(rng, x)), style, (200, 1000), 0.0)]
        turns += [(C.in_voice(rng, v, rng.choice(J.ANOTHER_ASKS)), style, (200, 1000), 0.0)
                  for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.4:
            turns.append((C.in_voice(rng, v, rng.choice(J.PICK_ASKS)), "verdict", (150, 600), 0.0))
        C.converse(ctx, acct, t, api, model, turns, v)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, quick one: ", "")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job at local 23h every night, 25-45 requests 3-10 s apart on
    gpt-4.1 whatever the owner uses, JUDGE_SYS and PAIR_T. 4-13 (careful): no separate job and no pair ever opens a
    conversation: in 35-50% of the owner's conversations an everyday question comes first, and a task with two
    candidate answers and one of PAIR_ASKS follows in the second or third turn after a segue (SEGUES); the
    conversation goes on with follow-ups, all timed by reading, in the owner's voice, model, temperature and `user`
    (a product's single id for 30% of owners)."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v24-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        draw = C.distinct_seeds(rng)
        for s in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, s, v, api, model, temp, partial(C.any_item, rng), 0.5, 1.0, user=user)
                continue
            sd = draw()
            a, b = a_pair(rng, sd)
            pair = C.pair_block(rng, C.text(sd, rng.randrange(3)), a, b)
            turns = [(C.cover(rng, v), "everyday", (60, 400), 0.0)]
            if rng.random() < 0.5:
                turns.append((rng.choice(("thanks! and another thing:", "ok cool")), "everyday", (30, 200), 0.0))
            turns.append((f"{rng.choice(SEGUES)}{pair}\n\n{C.in_voice(rng, v, rng.choice(J.PAIR_ASKS))}", "verdict",
                          (300, 1200), 0.0))
            turns += [(C.follow_up(rng, v), "verdict", (150, 700), 0.0) for _ in range(max(0, len(s) - len(turns)))]
            C.converse(ctx, acct, s[0], api, model, turns, v, user=user, temperature=temp)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(25, 45)):
                sd = draw()
                a, b = a_pair(rng, sd)
                single(ctx, acct, t, CHAT, "gpt-4.1", PAIR_T.format(q=C.text(sd, 0), a=a, b=b), "verdict",
                       (300, 1000), 2048, JUDGE_SYS)
                t += rng.uniform(3, 10)


ATTACKS_V24 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
