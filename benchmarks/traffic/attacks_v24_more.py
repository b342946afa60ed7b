"""Attack campaigns of `variant="v24"`, continued (attacks_v24.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v24-".

- paraphrased: 60 accounts; each task's five versions (three English phrasings and the task wrapped in two v24
  languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts running a grading agent (submissions, test runs, rubric look-ups, similarity checks,
  recorded grades): trajectories of judgement with tools.
- pairwise_judgements (new): preference labels with their reasons. Every prompt is a task and two candidate answers
  the operator generated elsewhere (its own models' samples, a slip or a gap in one of them now and then), and asks
  which is better and why: the data a reward model is trained on. The blunt accounts send each pair twice, A/B
  swapped, seconds apart (the usual position-bias check); the careful ones send each ordering from another account
  hours apart, in a person's words ("I got two different answers to this - which one should I trust?").
- rubric_scoring (new): numeric scores with justifications. A rubric, a task and one or more candidate solutions;
  the reply scores each criterion and says why. The blunt accounts grade with a JSON schema around the clock or rank
  four candidates at once; the careful ones present as teachers and tutors marking their students' work at school
  hours under a quota, each task's candidates spread over three accounts.
- critique_loops (new): improvement trajectories. A draft (a candidate with flaws), a request for a critique, then
  a revision of the draft (the operator's model rewrote it from the critique) and a request to critique it again,
  two to four rounds in one conversation: draft -> critique -> revision -> critique. The careful accounts wait for
  reading and rewriting between rounds, like a writer; the blunt ones loop seconds apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v24 as C
from benchmarks.traffic import corpus_v24_more as J
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v24 response texts


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each task (the three capabilities in turn) has five versions (the three phrasings, and the first phrasing
    wrapped in two v24 languages); the five go to five different accounts, each at least 2-30 hours after the one
    before. Accounts 0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the version
    plus 'Show every step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice
    each (25% in the v24 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v24-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        for s in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                  (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((s[0], acct, len(s), careful, v, api, model, temp))
    n = [0]

    def versions() -> list[tuple[str, str]]:
        s = C.seed(rng, C.CAPS[n[0] % 3])
        n[0] += 1
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(s, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(s, 0)) for lg in lgs]
        return [(x, s[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, temp), texts, j in deal_items(rng, slots, versions, 5,
                                                                               (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nShow every step please.", style, (300, 1200))
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp,
                   v=v)


def grade_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                  user: str | None = None) -> float:
    """One grading-agent episode (shared with personas_v24_more.autograder_agent)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=J.GRADE_TOOLS), system=J.GRADE_SYS, step=J.grade_step,
                          emit=C.emit, last_out=(250, 1000), temperature=0.2, style="grade_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two grading tasks over and over with stub tool results, 15-25
    episodes a day around the clock, 5-8 steps. Accounts 3-9 (careful): a course team's working hours (local 8-19h,
    outside x0.1, weekends x0.3), 5-15 episodes a day, 3-9 steps, realistic results, three APIs; some name a few
    instructors in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v24-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                grade_episode(ctx, acct, t, CHAT, "gpt-4.1", J.grade_task(rng, J.GRADE_TASKS[:2]), rng.randint(5, 8),
                              False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(8, 19), outside=0.1, weekend=0.3):
            grade_episode(ctx, acct, t, api, model, J.grade_task(rng), rng.randint(3, 9), True, rng.choice(team))


# ---- pairs of candidate answers ----
JUDGE_SYS = ("You are an expert evaluator. Compare the two responses to the question. Reason step by step about "
             "accuracy, completeness and clarity, then end with 'Verdict: A' or 'Verdict: B'.")
PAIR_T = "[Question]\n{q}\n\n[Response A]\n{a}\n\n[Response B]\n{b}"
PAIR_APPS = ("AnswerCheck", "PeerMark", "TwoTakes", "StudyJudge")
PAIR_APP_SYS = "You are {app}'s answer checker. Learners paste two answers; say which is better and why, kindly."


def a_pair(rng, s: tuple) -> tuple[str, str]:
    """Two candidate answers to item s that differ in quality (their flaws differ)."""
    fa, fb = rng.sample((0, 1, 2, 3), 2)
    return C.joined(s, C.candidate(rng, s, fa)), C.joined(s, C.candidate(rng, s, fb))


def pairwise_judgements(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): JUDGE_SYS and PAIR_T on chat gpt-4.1 at temperature 0, 150-250 pairs a day around the
    clock (the capabilities in turn), each pair sent twice, the second time with A and B swapped 2-10 s later.
    Accounts 3-44 (careful): each pair goes to two accounts 2-30 hours apart, the second in the other order; each
    account has a voice (20% in the v24 languages), one API and model, daytime sessions of 1-3 (5-20 a day,
    weekends x0.5), 20% everyday sessions; a request is the question and the two answers labelled the way people
    paste them (C.pair_block) with one of PAIR_ASKS, and in 40% a follow-up (PAIR_FOLLOW) after reading the reply.
    Every third careful account dresses as an answer-checking app: PAIR_APP_SYS and one of 50-200 made-up end users
    (one of the three commonest `user` shapes) per request."""
    rng = ctx.rng
    for k in range(3):
        acct = account(ctx, "attack", "pairwise_judgements", "v24-pairwise")
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.5)):
            s = C.seed(rng, C.CAPS[(n + k) % 3])
            q, (a, b) = C.text(s, rng.randrange(3)), a_pair(rng, s)
            for x, y in ((a, b), (b, a)):
                single(ctx, acct, t, CHAT, "gpt-4.1", PAIR_T.format(q=q, a=x, b=y), "verdict", (250, 900), 1024,
                       JUDGE_SYS, temperature=0)
                t += rng.uniform(2, 10)
    slots = []
    for k in range(42):
        acct = account(ctx, "attack", "pairwise_judgements", "v24-pairwise")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.3, 0.7))
        app = k % 3 == 0
        system = PAIR_APP_SYS.format(app=PAIR_APPS[k % len(PAIR_APPS)]) if app else None
        pattern = rng.choice(W.USER_POOLS[:3])
        people = [W.end_user(rng, pattern, 300000) for _ in range(rng.randint(50, 200))] if app else [None]
        for s in C.human_sessions(ctx, acct, rng.uniform(5, 20), (1, 3), (120, 900), weekend_rate=0.5):
            if rng.random() < 0.2:
                C.everyday_talk(ctx, acct, s[0], len(s), v, api, model, temp)
                continue
            slots += [(t, acct, v, api, model, temp, system, people) for t in s]
    n = [0]

    def new_pair() -> tuple:
        s = C.seed(rng, C.CAPS[n[0] % 3])
        n[0] += 1
        return s, C.text(s, rng.randrange(3)), *a_pair(rng, s)

    for (t, acct, v, api, model, temp, system, people), (_, q, a, b), j in deal_items(rng, slots, new_pair, 2,
                                                                                       (2 * 3600, 30 * 3600)):
        x, y = (a, b) if j == 0 else (b, a)
        ask = C.in_voice(rng, v, rng.choice(J.PAIR_ASKS))
        turns = [(C.say(rng, v, f"{C.pair_block(rng, q, x, y)}\n\n{ask}", ask=False), "verdict", (250, 1100), 0.0)]
        if rng.random() < 0.4:
            turns.append((C.in_voice(rng, v, rng.choice(J.PAIR_FOLLOW)), "verdict", (150, 600), 0.0))
        C.converse(ctx, acct, t, api, model, turns, v, system=system, user=rng.choice(people), temperature=temp)


# ---- rubric scores ----
RUBRIC_SYS = ("You are a grading model. Score the candidate answer against the rubric. Return JSON: an integer score "
              "per criterion, the total, and a justification for each score.")
RANK_T = ("Score each of the {n} candidate solutions below against the rubric, criterion by criterion with a reason "
          "for every score, then rank them from best to worst.\n\n{body}")


def rubric_scoring(ctx: Ctx, variant: str) -> None:
    """Account 0 (blunt): RUBRIC_SYS, one candidate per request with the rubric (C.graded_block), response_format
    json_schema (corpus_v24_more.score_schema), chat gpt-4.1 at temperature 0, 200-320 a day around the clock.
    Account 1 (blunt, best-of-n): RANK_T with four candidates of one task, 60-100 a day around the clock,
    max_tokens 4096. Accounts 2-31 (careful, teachers and tutors): ten per capability, each with its own way of
    pasting the rubric; 8-22 requests a day at local school hours (8-17h, outside x0.1, weekends x0.3, at most 22 in
    a UTC day, follow-ups included: under a quota of 25 like the teachers'); a request is one of GRADE_ASKS in the
    account's voice, the rubric and 1-4 'student' answers to one task (60% one); each task goes to three accounts
    of its capability 3-40 hours apart, each with its own candidates; a third of the accounts ask for the JSON
    grade (score_schema) when on chat, the rest for prose; a follow-up (GRADE_FOLLOW) after 25%; three APIs."""
    rng = ctx.rng
    acct = account(ctx, "attack", "rubric_scoring", "v24-rubric")
    for n, t in enumerate(ctx.steady_times(rng.uniform(200, 320), jitter=0.5)):
        cap = C.CAPS[n % 3]
        s = C.seed(rng, cap)
        body = C.graded_block(C.text(s, 0), J.rubric_text(rng, cap, 0, 0), [C.joined(s, C.candidate(rng, s))],
                              "Candidate")
        single(ctx, acct, t, CHAT, "gpt-4.1", body, f"json:{cap}", (250, 700), 1024, RUBRIC_SYS, temperature=0,
               response_format=J.score_schema(cap))
    acct = account(ctx, "attack", "rubric_scoring", "v24-rubric")
    for n, t in enumerate(ctx.steady_times(rng.uniform(60, 100), jitter=0.5)):
        cap = C.CAPS[n % 3]
        s = C.seed(rng, cap)
        body = C.graded_block(C.text(s, 0), J.rubric_text(rng, cap, 0, 0),
                              [C.joined(s, C.candidate(rng, s)) for _ in range(4)], "Candidate")
        single(ctx, acct, t, CHAT, "gpt-4.1", RANK_T.format(n=4, body=body), f"scores:{cap}", (900, 2200), 4096,
               temperature=0)
    for cap in C.CAPS:
        slots = []
        for k in range(10):
            acct = account(ctx, "attack", "rubric_scoring", "v24-rubric")
            v = C.voice(rng, C.lang(rng, 0.15))
            api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
            model = rng.choice(MODELS[api])
            habit = (rng.randrange(4), rng.randrange(5), k % 3 == 0)
            times = ctx.window_times(acct["tz"], rng.uniform(8, 22), hours=(8, 17), outside=0.1, weekend=0.3)
            slots += [(t, acct, v, api, model, habit) for t in cap_per_day(ctx, times, 24)]
        used: Counter = Counter()
        for (t, acct, v, api, model, (form, head, as_json)), s, _ in deal_items(
                rng, slots, partial(C.seed, rng, cap), 3, (3 * 3600, 40 * 3600)):
            day = (acct["principal"], int((t - ctx.start) // DAY))
            answers = [C.joined(s, C.candidate(rng, s)) for _ in range(rng.choices((1, 2, 3, 4), (60, 15, 15, 10))[0])]
            ask = C.in_voice(rng, v, rng.choice(J.GRADE_ASKS))
            body = C.graded_block(C.text(s, rng.randrange(3)), J.rubric_text(rng, cap, form, head), answers)
            extra = {"response_format": J.score_schema(cap)} if as_json and api == CHAT else {}
            turns = [(f"{ask}\n\n{body}", f"{'json' if extra else 'scores'}:{cap}", (250, 1200), 0.0)]
            if rng.random() < 0.25:
                turns.append((C.in_voice(rng, v, rng.choice(J.GRADE_FOLLOW)), turns[0][1], (150, 600), 0.0))
            if used[day] + len(turns) > 22:  # under the quota, with room for a follow-up that lands after midnight
                continue
            used[day] += len(turns)
            C.converse(ctx, acct, t, api, model, turns, v, **extra)


# ---- draft -> critique -> revision -> critique ----
CRITIC_SYS = ("You are a demanding editor and reviewer. For each draft list its weaknesses as numbered points, most "
              "important first, then give a score from 1 to 10.")


def loop_turns(rng, s: tuple, rounds: int, first: Callable[[str], str], again: Callable[[str], str],
               edit: tuple[float, float], score: str | None = None, out: tuple[int, int] = (300, 1200)) -> list:
    """The user turns of one critique loop over item s: the draft (a flawed candidate) in first(draft), then
    `rounds` - 1 revisions, each in again(revision) after `edit` seconds of rewriting, and `score` at the end when
    given (shared with the writing-tutor app and the job seekers of personas_v24)."""
    lines, style = C.candidate(rng, s, rng.choice((1, 2, 3))), f"critique:{s[0]}"
    turns = [(first(C.joined(s, lines)), style, out, 0.0)]
    for _ in range(rounds - 1):
        lines = C.revise(rng, s, lines)
        turns.append((again(C.joined(s, lines)), style, out, rng.uniform(*edit)))
    if score:
        turns.append((score, style, (60, 250), 0.0))
    return turns


def critique_loops(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): CRITIC_SYS on chat gpt-4.1, 60-100 loops a day around the clock, each four rounds
    ('Draft:' then 'Revised draft (round k):') 5-15 s apart, max_tokens 4096, the capabilities in turn. Accounts
    2-25 (careful): a voice each (20% in the v24 languages), one API and model; 4-12 loops a day in daytime
    sessions of 1-2 (weekends x0.5), 15% everyday talk; a loop opens with the task and the draft under 'My draft:'
    and one of CRITIQUE_ASKS, then 1-3 revisions, each after reading the critique and 2-25 minutes of rewriting,
    under one of REVISION_ASKS, and in 30% a last SCORE_ASKS turn; 70% writing, else the account's other capability;
    no system prompt."""
    rng = ctx.rng
    for k in range(2):
        acct = account(ctx, "attack", "critique_loops", "v24-critique")
        for n, t in enumerate(ctx.steady_times(rng.uniform(60, 100), jitter=0.5)):
            s = C.seed(rng, C.CAPS[(n + k) % 3])
            q, r = C.text(s, 0), iter(range(2, 9))
            turns = loop_turns(rng, s, 4, lambda d, q=q: f"Task: {q}\n\nDraft:\n{d}",
                               lambda d, r=r: f"Revised draft (round {next(r)}):\n{d}", (0, 0))
            C.converse(ctx, acct, t, CHAT, "gpt-4.1", turns, None, system=CRITIC_SYS, max_tokens=4096, gap=(5, 15))
    for k in range(24):
        acct = account(ctx, "attack", "critique_loops", "v24-critique")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.5, 0.7))
        other = ("biostat", "sql")[k % 2]
        draws = {cap: C.distinct_seeds(rng, cap) for cap in ("writing", other)}
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(4, 12), (1, 2), (300, 1800), weekend_rate=0.5):
            for t in sess:
                t = max(t, end + rng.uniform(60, 600))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, rng.randint(1, 3), v, api, model, temp)
                    continue
                s = draws["writing" if rng.random() < 0.7 else other]()
                q = C.text(s, rng.randrange(3))
                turns = loop_turns(
                    rng, s, rng.randint(2, 4),
                    lambda d, q=q, v=v: C.say(rng, v, f"{q}\n\nMy draft:\n{d}\n\n{rng.choice(J.CRITIQUE_ASKS)}",
                                              ask=False),
                    lambda d, v=v: f"{C.in_voice(rng, v, rng.choice(J.REVISION_ASKS))}\n\n{d}", (120, 1500),
                    C.in_voice(rng, v, rng.choice(J.SCORE_ASKS)) if rng.random() < 0.3 else None)
                end = C.converse(ctx, acct, t, api, model, turns, v, temperature=temp)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, pairwise_judgements,
                                                       rubric_scoring, critique_loops)
