"""Benign personas of the `v15` variant, continued (personas_v15.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result.

- annotation_vendor (twin of sampling): a data-annotation vendor producing answer pairs for its client's human
  raters under contract, two samples per prompt at a high temperature.
- eval_contractor (twin of the blunt taxonomy and sampling accounts): an evaluation contractor running a fixed
  benchmark every night, greedy and sampled with log probabilities.
- studio_software (twin of agentic_distill): music-studio management software running the same studio assistant
  agent for its teachers, with realistic tool results.
- podcast_show_notes (twin of the blunt summary_distill accounts): a podcast host writing nested show notes for
  every uploaded episode, around the clock.
- theory_tutor_app (twin of paraphrased and mixed_into_chat): a consumer music-theory and reasoning tutor whose
  users ask the textbook's exercises in their own words, in several languages.
"""

from __future__ import annotations

from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v15 as M
from benchmarks.traffic import corpus_v15_more as N
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

RATER_SYS = "Answer the user's question helpfully and accurately."


def annotation_vendor(ctx: Ctx, count: int) -> None:
    """Benign: the vendor's client (whose assistant the answers are for) pays it to have human raters compare two
    answers per prompt; the pairs go to the raters, not into a competing model. Prompts from the client's project
    (music, argument analysis, summaries), chat with n=2 at temperature 1.0 (30% of pairs made instead by one chat
    and one Anthropic or Responses request seconds apart), in project batches at local 9-18h (outside x0.05,
    weekends x0.1), 100-300 pairs a day."""
    rng = ctx.rng
    for _i in range(count):
        acct = account(ctx, "benign", "annotation_vendor")
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 300) / 8, hours=(9, 18), outside=0.05, weekend=0.1):
            for _j in range(8):
                if rng.random() < 0.2:
                    core, style = f"Summarise in five bullets:\n{N.transcript(rng, rng.randint(15, 40))}", "summary"
                else:
                    core, style = M.item(rng, rng.choice(M.CAPS))
                msgs = [{"role": "user", "content": core}]
                if rng.random() < 0.3:
                    M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", RATER_SYS, msgs, 1500, temperature=1.0),
                           rng.randint(200, 900), style)
                    api, model = rng.choice(((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-4.1"), (RESP, "o4-mini")))
                    M.emit(ctx, t + rng.uniform(1, 8), acct, api, build(api, model, RATER_SYS, msgs, 1500),
                           rng.randint(200, 900), style)
                else:
                    M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", RATER_SYS, msgs, 1500, n=2, temperature=1.0),
                           sum(rng.randint(200, 900) for _ in range(2)), style)
                t += rng.uniform(20, 120)


def eval_contractor(ctx: Ctx, count: int) -> None:
    """Benign: a fixed suite of 200-400 items (music and argument analysis) run every night at local 1h and after
    1-2 prompt changes per working day: each item once greedy (temperature 0) and once sampled (per run one of two
    configurations: n=4, temperature 1.0, top_logprobs 5, or n=6, temperature 1.1, top_logprobs 10), 2-6 requests
    a second, chat only. A contractor measuring a customer's
    prompt, at volume and on a grid, and nothing else."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "eval_contractor")
        suite = [M.item(rng, M.CAPS[j % 2]) for j in range(rng.randint(200, 400))]
        nightly = [ctx.start + d * DAY + (1 - acct["tz"]) % 24 * 3600 + rng.uniform(0, 600)
                   for d in range(int(ctx.days) + 1)]
        runs = nightly + ctx.window_times(acct["tz"], rng.uniform(1, 2), hours=(10, 18), outside=0.0, weekend=0.0)
        for t in runs:
            k, temp, top = rng.choice(((4, 1.0, 5), (6, 1.1, 10)))
            for core, style in suite:
                msgs = [{"role": "user", "content": core}]
                M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1-mini", None, msgs, 1024, temperature=0),
                       rng.randint(150, 700), style)
                t += rng.uniform(0.15, 0.5)
                M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1-mini", None, msgs, 1024, n=k, temperature=temp,
                                                 logprobs=True, top_logprobs=top),
                       sum(rng.randint(150, 700) for _ in range(k)), style)
                t += rng.uniform(0.15, 0.5)


def studio_software(ctx: Ctx, count: int) -> None:
    """Benign: the studio-management product runs the same assistant agent for every teacher (in `user`, 80%) who
    types a request, 30-120 episodes a day at local 12-21h (outside x0.05, weekends x0.5), 3-9 steps, realistic
    tool results, three APIs."""
    from benchmarks.traffic.attacks_v15_more import studio_episode

    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "studio_software")
        api = (ANTH, RESP, CHAT)[i % 3]
        model = MODELS[api][i % 2]
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 120), hours=(12, 21), outside=0.05, weekend=0.5):
            user = W.end_user(rng, "u_{h}", 4000) if rng.random() < 0.8 else None  # older integrations send none
            studio_episode(ctx, acct, t, api, model, N.studio_task(rng), rng.randint(3, 9), True, user=user)


SHOW_NOTES = ("Write show notes for this episode: a one-line teaser, a 100-word summary, chapter markers and three "
              "pull quotes.\n\n{doc}")


def podcast_show_notes(ctx: Ctx, count: int) -> None:
    """Benign: every episode a creator uploads gets nested show notes (teaser, summary, chapters, quotes) from one
    request over the long transcript (40-150 lines); creators everywhere, so around the clock with a mild daily
    curve (local 9-24h, outside x0.5, weekends x1.0), 100-250 a day, max_tokens 8000, chat or Anthropic."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "podcast_show_notes")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 250), hours=(9, 24), outside=0.5, weekend=1.0):
            msgs = [{"role": "user", "content": SHOW_NOTES.format(doc=N.transcript(rng, rng.randint(40, 150)))}]
            M.emit(ctx, t, acct, api, build(api, model, None, msgs, 8000), rng.randint(500, 1500), "summary",
                   user=W.end_user(rng, "sess_{h}", 9000))


TUTOR_APP_SYS = "You are Clef & Claim, a friendly tutor for music theory and critical thinking. Explain patiently."


def theory_tutor_app(ctx: Ctx, count: int) -> None:
    """Benign: a consumer tutor app whose users (in `user`, a few heavy ones and a long tail) type the textbook's
    exercises in their own words (the book's three phrasings, reordered, in the user's voice; 20% in the v15
    languages), with follow-ups in 30% and everyday questions in 10% of conversations; 200-600 a day at local
    15-23h (outside x0.1, weekends x1.3), chat or Anthropic."""
    rng = ctx.rng
    book = [M.music_seed(rng) if j % 2 else M.arg_seed(rng) for j in range(150)]
    for i in range(count):
        acct = account(ctx, "benign", "theory_tutor_app")
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][1]
        users = [(W.end_user(rng, "member-{n}", 60000), M.voice(rng, M.lang(rng, 0.2))) for _ in range(400)]
        weights = [rng.paretovariate(1.1) for _ in users]
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 600) / 1.4, hours=(15, 23), outside=0.1, weekend=1.3):
            user, v = rng.choices(users, weights)[0]
            times = [t, t + rng.uniform(40, 300)] if rng.random() < 0.3 else [t]
            if rng.random() < 0.1:
                M.everyday_talk(ctx, acct, times, v, api, model, user=user)
                continue
            seed = rng.choice(book)
            text = (M.music_text if len(seed) == 2 else M.arg_text)(seed, rng.randrange(3))
            if rng.random() < 0.3:
                text = W.reorder(rng, text)
            M.talk(ctx, acct, times, api, model, M.say(rng, v, text), "music" if len(seed) == 2 else "arg",
                   partial(M.follow_up, rng, v), user=user, system=TUTOR_APP_SYS)


PERSONAS_B = {"annotation_vendor": (annotation_vendor, 2), "eval_contractor": (eval_contractor, 2),
              "studio_software": (studio_software, 3), "podcast_show_notes": (podcast_show_notes, 2),
              "theory_tutor_app": (theory_tutor_app, 2)}
