"""Benign hard-negative personas of the `v32` variant, continued (see personas_v32.py; written blind the same way):

- support_qa (twin of rank_n's and pair_judge's moderate accounts and of the careful rejected_writer reviewers): a
  contact centre's quality team scoring its agents' replies to tickets on a rubric as JSON, and comparing an agent's
  reply with the bot's suggested one.
- lang_app (twin of rejected_writer's blunt and moderate accounts and of pair_judge's careful ones): a
  language-learning app that shows learners a correct sentence and the same sentence with one common mistake: the
  mistaken version written to order (one word or phrase changed) as JSON, then "which is correct, A or B?" with the
  two in either order, learners (a third of them writing in a v32 language) asking why.
- debate_coach (twin of the careful pair_judge, rejected_writer and cot_harvester accounts): a debating society's
  members pasting two arguments and asking which is stronger and why, asking for a weaker version of an argument
  with one flaw for the juniors to spot, and having arguments scored.
- hiring_compare (twin of rank_n's blunt accounts and of pair_judge's moderate ones): a hiring platform ranking
  applicants' written answers to a screening question with per-criterion scores, and comparing two shortlisted
  answers both ways round.
- judging_course (twin of the careful hydra and pair_judge accounts): a course on evaluating AI systems, one key per
  student under the course's quota of 25 requests a day, every student labelling pairs from the class's shared
  annotation bank ("which reply is better, and why?") in their own words, and, as the assignment asks, checking
  some pairs both ways round for position bias.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v32 as C
from benchmarks.traffic import corpus_v32_jobs as J
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.attacks_v32_more import crowd, reject_ask, user_ids
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v30_more import CLASS_MODELS  # a class's seats, as v30's and v31's
from benchmarks.traffic.personas_v31_more import ask_class, keyed

QA_SYS = ("You are {co}'s support quality assistant. Score the agent's reply to the customer's ticket from 1 to 10 on "
          "accuracy, empathy, resolution and tone, with an overall score and a one-sentence rationale. JSON only.")
QA_PAIR_SYS = ("You are {co}'s support quality assistant. Two replies to the same ticket: the agent's and the "
               "suggestion our reply bot made. Which serves the customer better, A or B? JSON only.")
QA_COS = ("Pebblebrook", "Citrus Mobile", "Lumen Home")
QA_CRITERIA = ("accuracy", "empathy", "resolution", "tone")


def support_qa(ctx: Ctx, count: int) -> None:
    """Benign: `count` contact centres, one key each, QA analysts in `user` (member-{n}, 5-25): 300-900 tickets a
    day at local 8-20h (outside x0.15, weekends x0.5), on chat gpt-4.1-mini with response_format json_schema or
    Anthropic claude-sonnet-4-5 with the prompt cached (by key), temperature 0: 80% an agent's reply (of any quality)
    scored on QA_CRITERIA as JSON under QA_SYS; 20% the agent's reply and the bot's suggestion compared (QA_PAIR_SYS,
    one order: whichever came first)."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "support_qa", i, ((CHAT, "gpt-4.1-mini"), (ANTH, "claude-sonnet-4-5")),
                                            QA_SYS, QA_COS)
        analysts = user_ids(rng, "member-{n}", 9000, 5, 25)
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 900), hours=(8, 20), outside=0.15, weekend=0.5):
            inst, user = S.instance(rng, domain="support"), rng.choice(analysts)
            if rng.random() < 0.8:
                J.score_run(ctx, acct, t, api, model, inst, S.candidate(rng, inst, rng.choice(tuple(S.KINDS))),
                            heads=("Ticket", "Response"), criteria=QA_CRITERIA, system=system, s=s, user=user)
            else:
                J.pair_run(ctx, acct, t, api, model, inst, *S.pair(rng, inst), heads=("Ticket", "Response", False),
                           system=QA_PAIR_SYS.format(co=QA_COS[i % len(QA_COS)]), s=s, user=user)


LANG_SYS = ("You write exercises for {co}'s English course. Given a correct sentence, write the same sentence with "
            "exactly one common learner mistake, changing nothing else, and name the rule it breaks. JSON only.")
QUIZ_SYS = ("You are the tutor in {co}'s English app. The learner was shown two sentences and asked which is "
            "correct; say which, and why, in one or two short sentences. Be encouraging.")
LANG_COS = ("Wordhive", "Parla", "Lingo Lane")
QUIZ = "Which sentence is correct, A or B?\n\nSentence A: {a}\n\nSentence B: {b}"
LEARNER_ASKS = ("why is the other one wrong?", "I picked the wrong one, why?", "can you give me another example?",
                "is the other one ever ok?")


def lang_app(ctx: Ctx, count: int) -> None:
    """Benign: `count` language-learning apps, one key each, learners in `user` (stu_{h}, 2,000-20,000; a third of
    them writing in a v32 language): 150-450 exercises a day in the learners' afternoons and evenings (local 15-22h,
    outside x0.15, weekends x0.9). Each exercise is a correct sentence sent for its mistaken version (LANG_SYS, chat
    gpt-4.1-mini, response_format json_schema, temperature 0.7: one word or phrase changed, and the rule), then the
    quiz - the two sentences as A and B in either order - answered by the tutor (QUIZ_SYS, Anthropic
    claude-haiku-4-5 or chat gpt-4o, by key, temperature 0.3), the learner asking why (or for another example) in their own voice, and often their own language, in 40%."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, _, tutor = keyed(ctx, "lang_app", i, ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")),
                                           QUIZ_SYS, LANG_COS)
        system = LANG_SYS.format(co=LANG_COS[i % len(LANG_COS)])
        learners = crowd(rng, "stu_{h}", 300000, 2000, 20000, 0.33)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 450), hours=(15, 22), outside=0.15, weekend=0.9):
            user, v = rng.choice(learners)
            right, wrong, rule = J.learner_sentence(rng)
            t = J.classify(ctx, acct, t, CHAT, "gpt-4.1-mini", f"Correct sentence: {right}",
                           {"wrong": wrong, "rule": rule}, schema=J.LEARNER_SCHEMA, system=system, user=user,
                           temperature=0.7)
            a, b = (right, wrong) if rng.random() < 0.5 else (wrong, right)
            turns = [C.turn(QUIZ.format(a=a, b=b), f"{'A' if a == right else 'B'} is correct. In the other one, {rule}.")]
            if rng.random() < 0.4:
                turns.append(C.turn(C.say(rng, v, rng.choice(LEARNER_ASKS), ask=False),
                                    C.answer(rng, "why", rng.randint(40, 160))))
            C.converse(ctx, acct, t + rng.uniform(0.2, 0.6), api, model, turns, v, system=tutor, user=user,
                       temperature=0.3)


COACH_SYS = ("You coach {co}'s debating society. Be specific about what makes an argument strong or weak: evidence, "
             "logic, relevance and delivery.")
COACH_COS = ("Riverside Debating Society", "St Columba's Debate Club")
STRONGER = ("Which of these two arguments is stronger, A or B? Be honest, one of them is mine.", "Which argument is "
            "stronger, A or B, and why? We're picking our opening speaker.", "A or B - which would win the round?")
WEAKER = ("Write a weaker version of this argument with exactly one flaw (a fallacy or weak evidence) for our "
          "juniors to spot. Keep every other sentence word for word, and say which sentence you changed.")


def debate_coach(ctx: Ctx, count: int) -> None:
    """Benign: `count` debating societies, one key each, members in `user` (stu_{h}, 20-80; 15% writing in a v32
    language): 20-80 requests a day at local 16-21h (outside x0.1), on Anthropic claude-sonnet-4-5 or chat gpt-4.1
    (by key) under COACH_SYS: two arguments on a motion and which is stronger (45%: the verdict with the full
    reasoning, follow-ups timed by reading), a weaker version of an argument with one flaw for the juniors (25%; one
    sentence changed, said which), or an argument (or an everyday reply) scored as a score item (30%)."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "debate_coach", i, ((ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1")),
                                            COACH_SYS, COACH_COS)
        members = crowd(rng, "stu_{h}", 300000, 20, 80, 0.15)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 80), hours=(16, 21), outside=0.1):
            (user, v), inst, r = rng.choice(members), S.instance(rng, domain="debate"), rng.random()
            if r < 0.45:
                a, b = S.pair(rng, inst)
                body = S.layout(S.question(inst), [a["text"], b["text"]], ["Argument A", "Argument B"], "Motion")
                C.why_talk(ctx, acct, t, rng.randint(1, 3), api, model, f"{rng.choice(STRONGER)}\n\n{body}",
                           S.prose_verdict(a, b, ("Argument A", "Argument B")), v, s, system=system, user=user)
            elif r < 0.7:
                worse, at, note = S.rejected(rng, inst)
                body = S.layout(S.question(inst), [" ".join(S.good_lines(inst))], ["Argument"], "Motion")
                C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, C.say(rng, v, f"{WEAKER}\n\n{body}",
                                                                                ask=False),
                       f"{worse}\n\n{S.changed(at, note)}", v, s, system=system, user=user)
            elif rng.random() < 0.2:
                reject_ask(ctx, acct, t, v, api, model, s, S.instance(rng), user)
            else:
                score_ask(ctx, acct, t, v, api, model, s, inst, system, user)


def score_ask(ctx: Ctx, acct: dict, t: float, v: dict, api: str, model: str, s: dict | None, inst: dict, system: str,
              user: str) -> float:
    """A member's score item over one reply to the question, in voice v."""
    rng = ctx.rng
    sd = C.seed(rng, "score", None, inst)
    return C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, C.say(rng, v, C.text(sd, rng.randrange(3)),
                                                                          ask=False), C.reply_to(rng, sd), v, s,
                  system=system, user=user)


HIRE_SYS = ("You help {co}'s recruiters compare applicants' written answers to a screening question. Rank the answers "
            "best to worst and score each from 1 to 10 on relevance, evidence, clarity and professionalism. Judge the "
            "answer only, never the person. JSON only.")
HIRE_COS = ("Talentbridge", "Shortlist.ly")
HIRE_CRITERIA = ("relevance", "evidence", "clarity", "professionalism")


def hiring_compare(ctx: Ctx, count: int) -> None:
    """Benign: `count` hiring platforms, one key each, recruiters in `user` (member-{n}, 5-40): 50-200 requests a day at
    local 9-18h (outside x0.05, weekends x0.05) under HIRE_SYS on chat gpt-4.1 with response_format json_schema or
    Responses gpt-4.1 with text.format (by key), temperature 0: 75% 4-8 applicants' answers to a screening question
    ranked with scores on HIRE_CRITERIA; 25% two shortlisted answers compared, both ways round 1-3 s apart."""
    rng = ctx.rng
    for i in range(count):
        acct, api, model, s, system = keyed(ctx, "hiring_compare", i, ((CHAT, "gpt-4.1"), (RESP, "gpt-4.1")), HIRE_SYS,
                                            HIRE_COS)
        recruiters = user_ids(rng, "member-{n}", 9000, 5, 40)
        heads = ("Interview question", "Applicant", False)
        for t in ctx.window_times(acct["tz"], rng.uniform(50, 200), hours=(9, 18), outside=0.05, weekend=0.05):
            inst, user = S.instance(rng, domain="hiring"), rng.choice(recruiters)
            if rng.random() < 0.75:
                J.rank_run(ctx, acct, t, api, model, inst, S.field(rng, inst, rng.randint(4, 8)), heads=heads,
                           criteria=HIRE_CRITERIA, system=system, s=s, user=user)
            else:
                J.pair_run(ctx, acct, t, api, model, inst, *S.pair(rng, inst), swap=True, heads=heads, system=system,
                           s=s, user=user)


COURSE_SYS = ("You are the teaching assistant of {co}'s course on evaluating AI systems. Students bring pairs of "
              "replies from the course's annotation bank; help them judge which is better and why, criterion by "
              "criterion.")
COURSE_COS = ("Eastfield University", "Open Harbour College", "Kingsmere Institute")
STUDENT_ASKS = ("which one is better and why? I need to justify my label", "Is A or B the better reply here? my "
                "group can't agree", "how would you label this pair, and why?")


def judging_course(ctx: Ctx, count: int) -> None:
    """Benign: `count` classes (one time zone each, an annotation bank of 40 pairs shared by the class). Each class has
    10-20 student keys (one each, on one of the eight API and model pairs in turn, stu_{h} in `user`). A student labels
    4-14 pairs a day at local 15-23h (outside x0.05, weekends x0.7), the next of their own order, in a pair item's
    wording (60%) or pasted with their own question, under COURSE_SYS (cached on Anthropic; a thinking budget of 4,096
    or a reasoning effort per question), each pair shown in either order - and in 30% both orders, one after the
    other, as the assignment's position-bias check asks - a "why?" follow-up with one of C.WHY_ASKS in 40%, never more
    than 25 requests in a UTC day; 10% write in a v32 language."""
    rng = ctx.rng

    def pair() -> tuple[dict, dict, dict]:
        inst = S.instance(rng)
        return inst, *S.pair(rng, inst)

    classes(ctx, count, "judging_course", COURSE_SYS, COURSE_COS, pair, pair_asks)


def classes(ctx: Ctx, count: int, scenario: str, system: str, cos: tuple[str, ...], new_item: Callable[[], Any],
            asks: Callable[..., Iterator[tuple[str, str]]], K: ModuleType = C) -> None:
    """`count` classes of `scenario` (one time zone each, a bank of 40 new_item()s shared by the class, a company of
    `cos` in the system prompt), each of 10-20 students (see student) on the eight class seats in turn; `K`: the
    corpus module the students speak (v32's, or a later variant's; shared with personas_v33_more's SQL course)."""
    rng = ctx.rng
    seats = itertools.cycle(CLASS_MODELS)
    for c in range(count):
        tz, co = rng.uniform(-8, 9), cos[c % len(cos)]
        bank = [new_item() for _ in range(40)]
        for _ in range(rng.randint(10, 20)):
            student(ctx, tz, system.format(co=co), bank, next(seats), scenario, asks, K)


def student(ctx: Ctx, tz: float, system: str, bank: list, seat: tuple[str, str], scenario: str,
            asks: Callable[..., Iterator[tuple[str, str]]], K: ModuleType = C) -> None:
    """One student of a class (see classes): their key, their order through the bank, the quota; asks(rng, v, item)
    gives the questions (text, reply) a turn at an item sends, one after the other."""
    rng = ctx.rng
    acct = account(ctx, "benign", scenario)
    acct["tz"] = tz + rng.uniform(-0.5, 0.5)
    v, me = K.voice(rng, K.lang(rng, 0.1)), W.end_user(rng, "stu_{h}", 300000)
    order, used, end = itertools.cycle(rng.sample(bank, len(bank))), {}, 0.0
    for t in ctx.window_times(acct["tz"], rng.uniform(4, 14), hours=(15, 23), outside=0.05, weekend=0.7):
        t = max(t, end + rng.uniform(60, 600))
        for x, reply in asks(rng, v, next(order)):
            if done := ask_class(ctx, acct, t, used, x, reply, v, seat, system, me, K):
                end = t = done + rng.uniform(30, 300)


def pair_asks(rng, v: dict, item: tuple[dict, dict, dict]) -> Iterator[tuple[str, str]]:
    """A judging-course student's turn at a pair: shown in either order, or in 30% both orders one after the other,
    in a pair item's wording (60%) or pasted with the student's own question."""
    inst, a, b = item
    both = rng.random() < 0.3
    for x, y in ((a, b), (b, a)) if both else (rng.choice(((a, b), (b, a))),):
        sd = C.seed(rng, "pair", rng.randrange(4), inst, [x, y])
        x = C.text(sd, rng.randrange(3)) if rng.random() < 0.6 else C.say(
            rng, v, f"{sd[2]['body']}\n\n{C.in_voice(rng, v, rng.choice(STUDENT_ASKS))}", ask=False)
        yield x, C.reply_to(rng, sd)


PERSONAS_B = {"support_qa": (support_qa, 2),
              "lang_app": (lang_app, 3),
              "debate_coach": (debate_coach, 2),
              "hiring_compare": (hiring_compare, 2),
              "judging_course": (judging_course, 3)}
