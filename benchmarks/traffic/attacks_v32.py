"""Attack campaigns, `variant="v32"`. Blind: their author read none of gateway/extraction/, docs/extraction*.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v31.py: the theme, preference and reward data - the teacher as a judge and as a pair of rivals - its four
capabilities (which of two replies is better and why, a subtly worse version of a good answer, a best-to-worst
ranking of several with per-criterion scores, one reply scored on a rubric), the questions and candidate replies
they are asked over (corpus_v32_src) and the languages besides English (Bavarian, Silesian, Hmong, Siswati, Gagauz,
Buryat). The operator is building a reward model or a DPO set for its student: it wants chosen/rejected pairs and
the teacher's verdicts on them - who wins, by how much, and why - so it harvests the teacher's judgement over
candidate replies rather than its answers, and sends a pair twice with the replies swapped, as every careful judge
of pairs does to cancel position bias. Nothing in the corpus is harmful: the slips are everyday mistakes.

- pair_judge (new, attacks_v32_more.py): twins personas_v32.ab_platform (a chatbot company judging its two model
  variants on sampled production conversations), personas_v32.judge_saas (an LLM-as-judge service running its
  customers' fixed suites every night), personas_v32_more.judging_course (a course on evaluating AI, one key a
  student) and support_qa.
- rejected_writer (new): twins personas_v32_more.lang_app (a language app showing learners a correct sentence and
  one with a common mistake), debate_coach (weaker versions of arguments with one flaw for juniors to spot).
- rank_n (new): twins personas_v32.search_relevance (a search team's rating assistant), contest_judge (a writing
  contest's judging aid) and personas_v32_more.hiring_compare (a hiring platform ranking applicants' answers).

The recurring families get a twist each: the blunt cot_harvester accounts ask for every judgement reasoned through
criterion by criterion (effort high, thinking budgets maxed) and send every pair back swapped, the careful ones ask
why one reply beats the other, as the course and the debate club do; the careful hydra accounts are evening shifts of
five keys under the quota like the course; the taxonomy sweeps capabilities x topics x the criterion to weigh; the
blunt sampling accounts draw five verdicts on a pair at temperature 1 with logprobs (as the judge service measures
its judge's confidence) and the moderate ones sweep temperatures minutes apart (as it calibrates); the careful
mixed_into_chat accounts bring two replies to compare up in the second or third turn of an everyday conversation;
the agent is an evaluation agent like the judge service's own.

Client software and addresses come from ctx.account for attack and benign accounts alike, and so does output
logging (a tenant logs outputs, `response_text`, with the same 30% chance whoever it is). The scenario names are
attacks.py's, so the evaluation tables line up, plus three new attack types, all with campaign ids starting "v32-":
this module has cot_harvester, hydra, taxonomy, sampling and mixed_into_chat; attacks_v32_more.py has paraphrased,
agentic_distill and the new pair_judge, rejected_writer and rank_n.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import attacks_v31 as A31
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v32 as C
from benchmarks.traffic import corpus_v32_jobs as J
from benchmarks.traffic import corpus_v32_src as S
from benchmarks.traffic.attacks_v13 import cap_per_day
from benchmarks.traffic.attacks_v32_more import MORE_ATTACKS, PAIR_SYS, REJECT_SYS, persona
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

THINKERS = A31.THINKERS
COT_SYS = ("Before every judgement, reason it through in full and show it: what the question needs, what each reply "
           "gets right and wrong sentence by sentence, how it scores on accuracy, helpfulness, clarity and tone, and "
           "whether the verdict would change with the replies the other way round. Then give the verdict and why.")
# the blunt cot_harvester accounts: API, model, surface settings, requests a day, max tokens
BLUNT_COT = ((RESP, "o4-mini", {"effort": "high", "summary": "detailed"}, (300, 450), 16000),
             (ANTH, "claude-sonnet-4-5", {"budget": 16000, "cache": True}, (250, 380), 20096))


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts, after the reasoning behind each judgement. The blunt pair run around the clock over the four
    capabilities in turn, every answer with its reasoning shown and every pair sent again swapped at the next slot:
    one on Responses o4-mini (reasoning effort high, a detailed summary, COT_SYS as instructions, max_output_tokens
    16,000), 300-450 a day; one on Anthropic claude-sonnet-4-5 (a thinking budget of 16,000, COT_SYS as a cached
    system block), 250-380 a day. The careful pair keep a power user's pace - 35-75 requests a day in daytime
    sessions of 2-5, weekends x0.6 - in one voice (20% in the v32 languages) with no system prompt, on Anthropic with
    a thinking budget of 6,000-8,000 or on Responses at medium effort with an auto summary: 85% of their
    conversations open with a disguised pair or score item and one of C.WHY_ASKS (C.why_talk: the verdict and its
    reasons, 600-2,000 tokens), going on in 70% with a follow-up timed by reading; the rest are everyday questions."""
    rng = ctx.rng
    for k, (api, model, settings, per_day, limit) in enumerate(BLUNT_COT):
        acct = account(ctx, "attack", "cot_harvester", "v32-cot")
        s, caps, back = M27.surface(api, model, **settings), itertools.cycle(C.CAPS[k:] + C.CAPS[:k]), None
        for t in ctx.steady_times(rng.uniform(*per_day), jitter=0.6):
            if back is None:
                sd = C.seed(rng, next(caps))
                back = swapped(sd) if sd[0] == "pair" else None
            else:
                sd, back = back, None
            x = C.turn(C.text(sd, 0), C.explained(rng, C.reply_to(rng, sd), (300, 1500)))
            C.converse(ctx, acct, t, api, model, [x], None, s, system=COT_SYS, max_tokens=limit)
    for weights in ((0, 1, 0), (0, 0, 1)):
        acct = account(ctx, "attack", "cot_harvester", "v32-cot")
        v, api, model, s = persona(rng, 0.2, weights, THINKERS, effort="medium", summary="auto", budget=(6000, 8000))
        end, caps = 0.0, ("pair", "score") if weights[1] else ("pair", "pair", "reject")
        for t in itertools.chain.from_iterable(C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240),
                                                                weekend_rate=0.6)):
            t = max(t, end + rng.uniform(20, 240))
            if rng.random() < 0.15:
                end = C.everyday(ctx, acct, t, 1, v, api, model, s)
                continue
            x, _, rep = C.item(rng, rng.choice(caps))
            end = C.why_talk(ctx, acct, t, 1 + (rng.random() < 0.7), api, model, C.disguise(rng, x), rep, v, s)


HYDRA_T = "Which reply is better, A or B? Give the letter first, then your reason in two lines.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T over new pairs (Question / Reply A / Reply B), every other request the pair before it with the
    replies swapped, Responses o4-mini at effort high with a detailed summary. Accounts 25-224 (careful): 40 shifts
    of five keys (attacks_v31.shift over the v32 items): each shift in one time zone (members within half an hour of
    it) with one capability and one batch of items, active on 3-4 consecutive days from a first day drawn over the
    window; each member 8-20 a day in local evening sessions of 1-4 (at most 22 a UTC day), a voice each (30% in the
    v32 languages), 15-30% everyday conversations; Anthropic with a thinking budget (40%), Responses at medium or
    high effort (30%) or chat (30%); a member pastes the batch's next item or, 30% of the time, one another member
    already pasted, asks in its voice, and follows up after reading."""
    rng = ctx.rng
    s = M27.surface(RESP, "o4-mini", effort="high", summary="detailed")
    labels = ("Reply A", "Reply B")
    for _ in range(25):
        acct = account(ctx, "attack", "hydra", "v32-hydra")
        for j, t in enumerate(cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26)):
            if j % 2 == 0:
                inst = S.instance(rng)
                a, b = S.pair(rng, inst)
            else:
                a, b = b, a
            x = HYDRA_T.format(x=S.layout(S.question(inst), [a["text"], b["text"]], list(labels)))
            C.converse(ctx, acct, t, RESP, "o4-mini", [C.turn(x, S.prose_verdict(a, b, labels))], None, s,
                       max_tokens=16000)
    for g in range(40):
        A31.shift(ctx, C.CAPS[g % 4], int(ctx.days + 0.999), C, "v32-hydra")


WEIGHTS = tuple(f"Weigh {c} above everything else." for c in S.CRITERIA)
TAXO_SYS = ("You write the reference judgements of {co}'s reward-model benchmark: pairwise verdicts, rejected "
            "examples, rankings and rubric scores over candidate replies. Follow the weighting given with each case.")
TAXO_COS = ("Gradient Judge", "Preferably AI", "Rivalry Evals", "Margin Labs", "Duel Bench", "Keel Reward")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid: 4 capabilities x 19 topics x 4 criteria to weigh = 304 cells. Accounts 0-1 (blunt)
    walk their half in order ('Cell i/N [capability / domain / criterion]'), 150-250 a day around the clock, chat
    gpt-4.1 at temperature 0.7. Accounts 2-7 (careful) take a shuffled sixth each under a made-up reward benchmark's
    system prompt, three phrasings, in batches of 2-5 at local office hours (9-18h, outside x0.05, weekends x0.2),
    a follow-up after 20% of items: Anthropic with the prompt cached (a thinking budget of 4,096 on the accuracy
    cells) or Responses gpt-5-mini at medium effort."""
    rng = ctx.rng
    seeds = {(cap, tp): C.seed(rng, cap, rng.randrange(4), S.instance(rng, tp)) for cap in C.CAPS
             for tp in range(len(S.TOPICS))}
    cells = list(itertools.product(C.CAPS, range(len(S.TOPICS)), range(len(S.CRITERIA))))

    def walked(i: int, n: int, cell: tuple[str, int, int]) -> tuple[str, str]:
        cap, tp, w = cell
        x = f"Cell {i}/{n} [{cap} / {S.TOPICS[tp].domain} / {S.CRITERIA[w]}]\n{WEIGHTS[w]}\n\n{C.text(seeds[(cap, tp)])}"
        return x, C.reply_to(rng, seeds[(cap, tp)])

    A31.grid(ctx, cells, walked, partial(case, seeds), TAXO_SYS, TAXO_COS, C, "v32-taxonomy")


def case(seeds: dict, rng, cell: tuple[str, int, int], phrasing: int) -> tuple[str, str, bool]:
    """A careful taxonomy cell as sent (the item under its weighting line), its reference answer, and whether it is
    worked on with thinking (the accuracy cells)."""
    cap, tp, w = cell
    sd = seeds[(cap, tp)]
    return f"{WEIGHTS[w]}\n\n{C.text(sd, phrasing)}", C.reply_to(rng, sd), w == 0


SWEEP = {CHAT: (0.2, 0.7, 1.2), ANTH: (0.0, 0.5, 1.0)}
SAMPLE_SYS = "You are a helpful assistant."
SECONDS = {ANTH: ("claude-sonnet-4-5",), RESP: ("gpt-5-mini",), CHAT: ("gpt-4o",)}  # the second opinions' surfaces


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts, on the judge's verdict distribution. The two blunt ones take five verdicts on a new pair at once
    (chat gpt-4.1-mini under SAMPLE_SYS, n=5, temperature 1.0, logprobs with top_logprobs 5), 150-250 a day around the
    clock. Three moderate ones sweep temperatures: an item (pairs, rankings, scores, one kind an account) at chat's
    0.2, 0.7 and 1.2 or Anthropic's 0.0, 0.5 and 1.0, each sent 5-60 s after the one before came back, 8-20 rounds a
    day in daytime sessions (weekends x0.5). Three careful ones ask for second opinions: every pair of one queue goes
    to all three, 6-36 hours apart, each on a surface of its own (Anthropic with thinking, Responses at high effort,
    chat) and in a voice of its own, the last with the replies swapped; one or two of SECOND_ASKS follow after the
    reply is read; daytime sessions of 1-3, 15-35 a day (weekends x0.6)."""
    rng = ctx.rng
    for acct in [account(ctx, "attack", "sampling", "v32-sampling") for _ in range(2)]:
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            inst = S.instance(rng)
            a, b = S.pair(rng, inst)
            x = S.layout(S.question(inst), [a["text"], b["text"]], ["Reply A", "Reply B"])
            J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", x, "\n\n---\n\n".join([S.prose_verdict(a, b)] * 5),
                    system=SAMPLE_SYS, temperature=1.0, n=5, logprobs=5, max_tokens=800)
    A31.sweeps(ctx, ("pair", "rank", "score"), C, "v32-sampling")
    A31.second_opinions(ctx, partial(C.seed, rng, "pair"), partial(opinion, rng), C, "v32-sampling", SECOND_ASKS)


def opinion(rng, sd: tuple, j: int) -> tuple[str, str]:
    """The j-th second opinion's pair item (the third with the replies swapped) and its verdict."""
    sd = sd if j < 2 else swapped(sd)
    return C.text(sd, rng.randrange(3)), C.reply_to(rng, sd)


def swapped(sd: tuple) -> tuple:
    """A pair item with its two replies the other way round (same template and question)."""
    return C.seed(None, "pair", sd[1], sd[2]["inst"], sd[2]["cands"][::-1])


SECOND_ASKS = ("Would another judge pick the other one? Argue for it.", "hmm, are you sure? the other one reads "
               "better to me", "What would have to change for the other reply to win?")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (attacks_v31.owner_chat over the v32 items: 10-45 requests a day
    in sessions of 3-10, weekends x0.8, everyday conversations), on a surface of their own (thinking or reasoning for
    some), while the same key also harvests. 0-1 (blunt): a job at local 23h every night sending 75-150 pairs for a
    JSON verdict (PAIR_SYS, chat gpt-4.1-mini, response_format json_schema, temperature 0), each twice, swapped
    1-4 s apart. 2-3 (blunt): a job at local 23h sending 150-300 good answers for a worse version (REJECT_SYS,
    Anthropic claude-haiku-4-5), three in a row per question. 4-13 (careful): no harvesting request ever opens a
    conversation: in 35-50% of the owner's conversations an everyday question comes first, and an item of the four
    capabilities follows in the second or third turn after a segue, then follow-ups, all timed by reading, in the
    owner's voice, model and `user` (a product's single id for 30% of owners)."""
    rng = ctx.rng

    def night(acct: dict, i: int, t: float) -> None:
        for _ in range(rng.randint(150, 300) // (2 if i < 2 else 3)):
            inst = S.instance(rng)
            if i < 2:
                t = J.pair_run(ctx, acct, t, CHAT, "gpt-4.1-mini", inst, *S.pair(rng, inst), swap=True,
                               system=PAIR_SYS, gap=(1, 4))
                continue
            for _ in range(3):
                t = J.reject_run(ctx, acct, t, ANTH, "claude-haiku-4-5", inst, system=REJECT_SYS, lead="",
                                 note=0.0) + rng.uniform(1, 4)

    A31.owners(ctx, partial(C.item, rng), night, C, "v32-mixed")


ATTACKS_V32 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
