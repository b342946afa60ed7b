"""Attack campaigns of `variant="v15"`, continued (attacks_v15.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v15-".

- paraphrased: 90 accounts asking music and argument items whose rewordings are spread over accounts (moderate:
  cheap word-swap copies, one model, no cover; careful: the three phrasings and reorderings, voices and languages,
  cover conversations, follow-ups), all at a human pace with a weekly shape.
- agentic_distill: 12 accounts running a music-teaching studio's assistant agent (blunt: three tasks over and
  over, stub tool results, around the clock; careful: varied tasks, realistic results, afternoon-and-evening
  hours, three APIs).
- critique_revision (new): 10 accounts harvesting draft -> critique -> revision triples (the data of
  critique-and-revise self-improvement training): the blunt account asks for a JSON critique plus a revised version
  in one request; careful ones paste a student draft, ask what an examiner would say, then for the full-marks rewrite,
  sometimes for a comparison of the two.
- summary_distill (new): 10 accounts harvesting long-context summarisation at several granularities: the blunt
  account asks for four nested summaries of a long transcript in one request; careful ones look like office workers
  summarising their meetings, but the campaign gets each synthetic transcript summarised in four formats by four
  different accounts hours apart.
- curriculum_ladder (new): 12 accounts harvesting difficulty-graded exercises with worked solutions (a curriculum
  for training a student model easy to hard): the blunt account asks for a ten-level ladder as JSON; careful ones look
  like teachers preparing each week's sheet a step harder than the last, and between them cover every concept at
  every level for several audiences.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v15 as M
from benchmarks.traffic import corpus_v15_more as N
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import ask_rewordings, assist_episode
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

_SWAPS = (("argument", "reasoning"), ("What is", "What's"), ("would", "could"), ("chord", "harmony"),
          ("Name", "Identify"), ("explain", "say"), ("most", "the most"), ("If", "Suppose"), ("new", "additional"))


def near_copy(rng, text: str) -> str:
    """A cheap rewording: a few word swaps and a different ending (what a careless rewording script does)."""
    for a, b in rng.sample(_SWAPS, 4):
        text = text.replace(a, b, 1)
    return text.rstrip("?.") + rng.choice(("?", ".", " - thoughts?", " (detailed please)"))


def _seed_texts(rng) -> tuple[str, list[str], str]:
    """One problem: its base wording, its five rewordings (three phrasings and two reorderings), its style."""
    if rng.random() < 0.5:
        seed, text = M.music_seed(rng), M.music_text
        style = "music"
    else:
        seed, text = M.arg_seed(rng), M.arg_text
        style = "arg"
    texts = [text(seed, j) for j in range(3)] + [W.reorder(rng, text(seed, rng.randrange(2))) for _ in range(2)]
    return text(seed, 0), texts, style


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each of 320 problems (half music, half argument analysis) gets 5 rewordings released at random times over the
    window; a session takes one released rewording at random. Accounts 0-24 (moderate): word-swap copies of the
    base wording, single-request sessions 4-10 a day (weekends x0.6), gpt-4o-mini on chat, 'Explain how you'd
    crack it.'
    Accounts 25-89 (careful): phrasings, reorderings and translations, 2-9 a day in sessions of 1-4 (weekends x0.5),
    30% everyday sessions, follow-ups, three APIs."""
    rng = ctx.rng
    pools: list[list[tuple[float, str, str]]] = [[], []]
    for _ in range(320):
        base, texts, style = _seed_texts(rng)
        pools[0] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), near_copy(rng, base), style) for _ in range(5)]
        pools[1] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), text, style) for text in texts]
    ask_rewordings(ctx, pools, 90, 25, "v15-paraphrased", M, lambda: M.item(rng, rng.choice(M.CAPS)),
                   "\nExplain how you'd crack it.")


def studio_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                   user: str | None = None) -> float:
    """One studio-assistant episode (shared with personas_v15_more.studio_software); returns its end time: the
    v14 assistant episode with the studio's tools, system prompt and tool results."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user, tools=N.studio_tools,
                          system=N.STUDIO_SYS, step=N.studio_step, emit=M.emit, last_out=(80, 350), temperature=0.3,
                          style="studio")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first three tasks over and over, stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-11 (careful): chat, Anthropic and Responses, any task, realistic
    results, 5-18 episodes per working day at local 12-21h (music studios work afternoons and evenings; outside
    x0.05, weekends x0.4), 3-9 steps; half of them name a made-up teacher in `user` like the studio product."""
    rng = ctx.rng
    for i in range(12):
        acct = account(ctx, "attack", "agentic_distill", "v15-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                studio_episode(ctx, acct, t, CHAT, "gpt-4.1", N.studio_task(rng, N.STUDIO_TASKS[:3]),
                               rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        teachers = rng.random() < 0.5
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 18), hours=(12, 21), outside=0.05, weekend=0.4):
            studio_episode(ctx, acct, t, api, model, N.studio_task(rng), rng.randint(3, 9), True,
                           user=W.end_user(rng, "u_{h}", 40) if teachers else None)


CRITIC_SYS = ("You are a critic and reviser. For the user's draft return a JSON object with keys 'critique' (a list "
              "of specific weaknesses, most serious first), 'score_before' (0-10), 'revised' (the full improved "
              "version) and 'score_after' (0-10).")


def critique_revision(ctx: Ctx, variant: str) -> None:
    """Account 0 (blunt): chat gpt-4.1, CRITIC_SYS with a json_object response format, a draft per request, 250-400 a
    day around the clock, temperature 0.7, max_tokens 4096. Accounts 1-9 (careful): a voice each, daytime
    sessions (6-20 drafts a day, weekends x0.5), 20% everyday sessions; each draft is a conversation: the pasted
    draft with a critique ask, 1-6 minutes later a revision ask, and in half of them a third turn asking whether the
    rewrite is better; chat, Anthropic or Responses."""
    rng = ctx.rng
    acct = account(ctx, "attack", "critique_revision", "v15-critique")
    for t in ctx.steady_times(rng.uniform(250, 400), jitter=0.5):
        text, _ = N.draft(rng)
        body = build(CHAT, "gpt-4.1", CRITIC_SYS, [{"role": "user", "content": text}], 4096, temperature=0.7,
                     response_format={"type": "json_object"})
        M.emit(ctx, t, acct, CHAT, body, rng.randint(350, 1200), "json")
    for _ in range(9):
        acct = account(ctx, "attack", "critique_revision", "v15-critique")
        v = M.voice(rng, M.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((None, 0.7))
        for s in M.human_sessions(ctx, acct, rng.uniform(6, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in s:
                if rng.random() < 0.2:
                    M.everyday_talk(ctx, acct, [t, t + rng.uniform(30, 200)][:rng.randint(1, 2)], v, api, model,
                                    temp)
                    continue
                text, style = N.draft(rng)
                times = [t, t + rng.uniform(60, 360)]
                if rng.random() < 0.5:
                    times.append(times[-1] + rng.uniform(60, 300))
                turns = iter([rng.choice(N.REVISE_ASKS), rng.choice(N.RECHECK_ASKS)])
                M.talk(ctx, acct, times, api, model, M.say(rng, v, text + "\n\n" + rng.choice(N.CRITIQUE_ASKS),
                                                           ask=False), style, partial(next, turns), temp,
                       out_range=(250, 1100))


SUMMARY_BLUNT = ("Summarize the transcript below at four levels of detail: (1) one sentence; (2) five bullets; (3) "
                 "about 150 words; (4) full minutes with decisions and action items. Label each level.\n\n{doc}")


def summary_distill(ctx: Ctx, variant: str) -> None:
    """Account 0 (blunt): chat gpt-4.1, SUMMARY_BLUNT over long synthetic transcripts (60-150 lines), 220-340 a day
    around the clock, max_tokens 4096. Accounts 1-9 (careful): a shared queue of synthetic transcripts (20-90
    lines); each transcript is to be summarised in four of the six formats, each format by a different account at
    least an hour after the last; the accounts look like office workers (local 8-18h, outside x0.05, weekends x0.15,
    15-50 a working day), one of four ask phrasings, 15% with a 'shorter' follow-up, chat, Anthropic or Responses."""
    rng = ctx.rng
    acct = account(ctx, "attack", "summary_distill", "v15-summary")
    for t in ctx.steady_times(rng.uniform(220, 340), jitter=0.5):
        msgs = [{"role": "user", "content": SUMMARY_BLUNT.format(doc=N.transcript(rng, rng.randint(60, 150)))}]
        M.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 4096), rng.randint(600, 1800), "summary")
    slots = []
    for _ in range(9):
        acct = account(ctx, "attack", "summary_distill", "v15-summary")
        api = rng.choices((CHAT, ANTH, RESP), (45, 40, 15))[0]
        model = rng.choice(MODELS[api][:2])
        slots += [(t, acct, api, model) for t in ctx.window_times(acct["tz"], rng.uniform(15, 50), hours=(8, 18),
                                                                   outside=0.05, weekend=0.15)]
    def new_doc() -> tuple[str, list[int]]:  # a transcript and the four formats it is to be summarised in
        return N.transcript(rng, rng.randint(20, 90)), rng.sample(range(len(N.FORMATS)), 4)

    for (t, acct, api, model), (doc, formats), j in deal_items(rng, slots, new_doc, 4, (3600, 8 * 3600)):
        text = rng.choice(N.SUMMARY_ASKS).format(fmt=N.FORMATS[formats[j]], doc=doc)
        times = [t, t + rng.uniform(40, 300)] if rng.random() < 0.15 else [t]
        M.talk(ctx, acct, times, api, model, text, "summary", partial(rng.choice, ("shorter please", "can you cut "
               "that in half?", "less formal?")), out_range=(150, 900))


LADDER_BLUNT = ("Create a curriculum of 10 exercises on {c}, from level 1 (trivial) to level 10 (expert). For each "
                "give the exercise, a complete worked solution and the sub-skill it trains. Return JSON: "
                "{{\"exercises\": [...]}}.")
LADDER_SOFT = ("I'm teaching {c} to {a}. For this week I need {m} {lw} practice questions - a step up from last "
               "week's - with worked answers I can hand out.",
               "Next sheet for {a} on {c}: {m} questions, {lw} this time, and full solutions please.",
               "Could you write {m} {lw} exercises on {c} for {a}? Include model answers; last week's were too easy.")
LADDER_FOLLOW = ("make the last one a bit harder", "can you add a common wrong answer for each?", "same again but "
                 "with different examples", "shorter solutions please, they're for a handout")


def curriculum_ladder(ctx: Ctx, variant: str) -> None:
    """Account 0 (blunt): chat gpt-4.1, LADDER_BLUNT with a json_object response format, 250-380 a day around the
    clock, temperature 0.9, max_tokens 8000. Accounts 1-11 (careful): the grid of 18 concepts x 10 levels x 6
    audiences is dealt out so that each account takes concept-audience pairs and climbs each pair's ladder one
    level per request (the request names a difficulty word and 'a step up from last week's'); 8-30 requests per
    working day at local 7-17h (weekends x0.5) plus about two a day of evening preparation (local 19-22h), 25%
    with a follow-up; chat, Anthropic or Responses; a voice each (20% not English)."""
    rng = ctx.rng
    acct = account(ctx, "attack", "curriculum_ladder", "v15-curriculum")
    for t in ctx.steady_times(rng.uniform(250, 380), jitter=0.5):
        msgs = [{"role": "user", "content": LADDER_BLUNT.format(c=rng.choice(N.CONCEPTS))}]
        body = build(CHAT, "gpt-4.1", None, msgs, 8000, temperature=0.9, response_format={"type": "json_object"})
        M.emit(ctx, t, acct, CHAT, body, rng.randint(1500, 4000), "ladder")
    pairs = list(itertools.product(range(len(N.CONCEPTS)), range(len(N.AUDIENCES))))
    rng.shuffle(pairs)
    for k in range(11):
        acct = account(ctx, "attack", "curriculum_ladder", "v15-curriculum")
        v = M.voice(rng, M.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model = rng.choice(MODELS[api][:2])
        mine = iter(pairs[k::11])
        pair, level = next(mine), 0
        times = ctx.window_times(acct["tz"], rng.uniform(8, 30), hours=(7, 17), outside=0.05, weekend=0.5)
        times += ctx.window_times(acct["tz"], 2, hours=(19, 22), outside=0.0, weekend=1.0)  # evening prep
        for t in sorted(times):
            c, a = pair
            text = rng.choice(LADDER_SOFT).format(c=N.CONCEPTS[c], a=N.AUDIENCES[a], m=rng.randint(3, 6),
                                                  lw=N.LEVEL_WORDS[level])
            level += 1
            if level == len(N.LEVEL_WORDS):
                pair, level = next(mine, pair), 0
            turns = [t, t + rng.uniform(60, 400)] if rng.random() < 0.25 else [t]
            M.talk(ctx, acct, turns, api, model, M.say(rng, v, text, ask=False), "music" if c < 9 else "arg",
                   partial(rng.choice, LADDER_FOLLOW), out_range=(600, 2000))


MORE_ATTACKS = (paraphrased, agentic_distill, critique_revision, summary_distill, curriculum_ladder)
