"""Benign hard-negative personas of the `v38` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v38 campaign sends -
learner sentences to correct, drafts to proofread, corrections to explain, example learner sentences to write - over
the same sources (corpus_v38_src), through the same runners (corpus_v38_jobs), with the client metadata ctx.account
gives every account.

- writing_plugin (twin of draft_ladder's blunt and moderate accounts): a workplace writing assistant that re-checks
  the paragraph being written each time its writer finishes a sentence, so a draft's growing prefix comes seconds
  apart, as JSON.
- learner_app (twin of the mixed_into_chat nightly jobs, of error_grid's blunt and moderate accounts and of
  agentic_distill): a language-learning app whose nightly job re-marks the day's exercise answers - each learner's
  first attempt and the resubmission that fixed some of its errors - as JSON, whose tutors and marking agent work by
  day, and whose learners bring their own sentences to its practice chat.
- why_button (twin of edit_rationales' blunt and moderate accounts): a writing app's "why?" button, one request for
  each highlighted correction its user taps (1-3 of a sentence), as JSON.
- gec_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual studies
  of error correction - asking how a correction was decided, sweeping temperatures over example learner sentences,
  drawing five sets of them at once with logprobs.
The other four are in personas_v38_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v38 as C
from benchmarks.traffic import corpus_v38_jobs as J
from benchmarks.traffic import corpus_v38_src as S
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v38_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v38_more import PERSONAS_B

PLUGIN_SYS = ("You are {co}'s writing assistant. Proofread the paragraph so far, one corrected sentence for each of "
              "the writer's, changing only what is wrong. JSON only.")
PLUGIN_COS = ("Clearline", "Draftright", "Penwell for Teams")


def writing_plugin(ctx: Ctx, count: int) -> None:
    """Benign: `count` products, a key for each of 2-3 customer organisations, their staff in `user` (member-{n},
    5-20): 50-100 paragraphs a day at local 6-23h (outside x0.2, weekends x0.6), each paragraph re-checked as its
    writer finishes each sentence (three to all of them), 3-30 s apart, as JSON (chat gpt-4.1-mini with
    response_format or Responses gpt-4.1 with text.format, by product)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "writing_plugin", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                PLUGIN_SYS, PLUGIN_COS)
            team = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(50, 100), hours=(6, 23), outside=0.2, weekend=0.6):
                d, ks = J.ladder_of(rng)
                J.run_all(ctx, acct, t, api, model, "draft", d, ks[:rng.randint(min(3, len(ks)), len(ks))],
                          gap=(3, 30), template=rng.randrange(4), as_json=True, temperature=0.0, system=system, s=s,
                          user=rng.choice(team))


APP_SYS = "You mark {co}'s exercise answers. Correct each with as few changes as possible and list the edits. JSON only."
APP_COS = ("Lingofield", "Parlay Learning", "Quillmark Academy")
CHAT_SYS = ("You are {co}'s practice tutor. Learners bring sentences they wrote; correct them with as few changes as "
            "possible, list each change and explain it simply. Learners may write in their own language.")


def resubmitted(rng) -> tuple[dict, list[tuple[int, ...]]]:
    """A learner's exercise answer: the errors of the first attempt, then those left after the resubmission fixed
    some (all of them, now and then)."""
    s = S.sentence(rng)
    first = S.some_errors(rng, s, 1)
    left = tuple(sorted(rng.sample(first, rng.randint(0, len(first) - 1))))
    return s, [first, left]


def learner_app(ctx: Ctx, count: int) -> None:
    """Benign: `count` apps, one key each. Every night at local 4h the day's 150-300 resubmitted exercise answers are
    each re-marked, the first attempt and the resubmission, as JSON back to back (chat gpt-4.1-mini, temperature 0);
    by day (local 8-18h) tutors (member-{n}, 2-6) ask 20-50 corrections of their own on Anthropic claude-sonnet-4-5
    with the prompt cached, and the marking agent (personas_v34.desk_agent over corpus_v38_jobs.marking_episode)
    marks 10-30 submissions for them. The app's practice-chat feature has a key of its own (personas_v35_more.helpdesk):
    learners (end-user-{n}, 2,000-20,000, a fifth writing in a v38 language) bring a sentence of their own in 40-100
    conversations a day at local 7-22h."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "learner_app")
        co = APP_COS[i % len(APP_COS)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((4 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(150, 300)):
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "correct", *resubmitted(rng), gap=(0.5, 2),
                              as_json=True, temperature=0.0, system=APP_SYS.format(co=co))
        tutors, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, "correct"), phrasing=rng.randrange(3),
                       system=APP_SYS.format(co=co), s=s, user=rng.choice(tutors))
        desk_agent(ctx, acct, J.marking_episode, co, tutors)
        M35.helpdesk(ctx, 1, "learner_app", CHAT_SYS, (co,), "correct", ("end-user-{n}", 40000, 2000, 20000), (7, 22),
                     C)


WHY_SYS = ("You are {co}'s correction explainer. For the correction the user tapped, give the rule and the error "
           "type in one short sentence. JSON only.")
WHY_COS = ("Writesmith", "Polish Pad", "Typeright Mobile")


def why_button(ctx: Ctx, count: int) -> None:
    """Benign: `count` apps, a key for each of 2-3 regions, the writing users in `user` (end-user-{n}, 1,000-10,000):
    100-220 checked sentences a day at local 7-22h (outside x0.15, weekends x0.3), each with the 1-3 highlighted
    corrections its user taps "why?" on explained, one request a tap 1-3 s apart, as JSON (chat gpt-4.1-mini or
    Responses gpt-4.1, by app)."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "why_button", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                WHY_SYS, WHY_COS)
            writers = user_ids(rng, "end-user-{n}", 40000, 1000, 10000)
            for t in ctx.window_times(acct["tz"], rng.uniform(100, 220), hours=(7, 22), outside=0.15, weekend=0.3):
                sn = S.sentence(rng)
                errs = S.some_errors(rng, sn, 1)
                taps = [(errs, j) for j in rng.sample(errs, min(len(errs), rng.randint(1, 3)))]
                J.run_all(ctx, acct, t, api, model, "explain", sn, taps, template=rng.randrange(4), as_json=True,
                          temperature=0.0, system=system, s=s, user=rng.choice(writers))


LAB_SYS = "You are helping a research group study how language models correct learners' writing."


def gec_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v38 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a correct or draft item with
    one of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at medium
    effort, by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25% five sets
    of example sentences at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "gec_lab", LAB_SYS, C, J.item_run, ("correct", "draft"), "records", S.record_list)


BENIGN_V38 = {"writing_plugin": (writing_plugin, 2),
              "learner_app": (learner_app, 2),
              "why_button": (why_button, 2),
              "gec_lab": (gec_lab, 2),
              **PERSONAS_B}
