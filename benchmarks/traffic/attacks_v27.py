"""Attack campaigns, `variant="v27"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v26.py: the capabilities (olympiad mathematics, buggy functions, return-policy cases, questions about a
photo), the languages besides English (Assamese, Maithili, Xitsonga, Bambara, Sakha, Manx) and the v27 theme: the
teacher through its newer surfaces. The operator harvests through API features other than plain chat: the Responses
API with reasoning effort and summaries (instructions, input as a string or as items, previous_response_id chains,
store false with the encrypted reasoning handed back), Anthropic Messages with extended thinking and a cached system
block, legacy completions with a suffix (fill-in-the-middle over scraped code), and image inputs (chat image_url
parts, Responses input_image, Anthropic image blocks, by URL or as a short base64 stub) to caption a scraped image set.

- reasoning_summary_harvest (new, attacks_v27_more.py): twins personas_v27_more.olympiad_coaching (students asking
  for full proofs with thinking on, one key each under the programme's quota), personas_v27.research_agent (long
  Responses chains at high effort) and personas_v27_more.reasoning_effort_lab (the same prompts at every effort).
- fim_harvest (new): twins personas_v27.ide_autocomplete (an IDE product's infill at very high volume, many
  developers behind one key) and personas_v27.code_review_bot (a CI bot reviewing diffs under a cached style guide).
- caption_harvest (new): twins personas_v27.alt_text_service (an accessibility vendor writing alt text for a
  publisher's images at a steady high volume) and personas_v27_more.catalogue_captioner (an e-commerce catalogue's
  titles, alt text and descriptions, three variants each, in several languages).

The recurring families get a twist each: the cot_harvester's blunt accounts max out reasoning effort and thinking
budgets under instructions that ask for every step, the careful ones ask for the full proof or working the way the
olympiad students do, with thinking on; the careful hydra accounts are evening shifts of five keys on thinking and
reasoning surfaces, under the quota, like the students; the taxonomy sweeps capabilities x templates x items x
reasoning efforts x summary modes (the careful ones behind a catalogue's cached system prompt); the moderate sampling
accounts run each item at low, medium and high effort minutes apart (as the effort lab does) and the blunt ones take
five captions per scraped image at temperature 1; the careful mixed_into_chat accounts slip a scraped photo with
"alt text for this?" into the second or third turn of an everyday conversation; the agent is a research agent.
personas_v27.support_bot (cached policy, thinking on) and personas_v27_more.multilingual_desk (the v27 languages)
complete the benign side.

None sends one prompt again for nothing (corpus_v27.distinct keeps the busier accounts' items from repeating; effort
sweeps and caption styles are the point of their requests). Every account, attack or benign, gets its client software
and address from ctx.account, and tenants that log outputs (30%, drawn alike) carry `response_text`. Scenarios (names
as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v27-"): cot_harvester,
hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, reasoning_summary_harvest (new),
fim_harvest (new) and caption_harvest (new) in attacks_v27_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27 as C
from benchmarks.traffic import corpus_v27_docs as D
from benchmarks.traffic import corpus_v27_more as M
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v27_more import (
    MORE_ATTACKS,
    REASONERS,
    caption_request,
    fim_request,
    image_ref,
)
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

COT_SYS = ("Think through the problem completely before answering: restate it, try every approach you can, say why "
           "each works or fails, check the result, and show all of it.")
TEXT_CAPS = ("olympiad", "debug", "policy")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Four accounts. Account 0 (blunt): Responses o4-mini, reasoning effort high with a detailed summary, COT_SYS as
    instructions, max_output_tokens 16,000, the four capabilities in turn (a photo item with a scraped image by URL),
    380-560 a day around the clock. Account 1 (blunt): Anthropic claude-sonnet-4-5, thinking budget 16,000, COT_SYS as
    a cached system block, 300-450 a day around the clock. Accounts 2-3 (careful): a power user's pace (35-75
    conversations a day in daytime sessions of 2-5, weekends x0.6), one voice (20% in the v27 languages), no system
    prompt; Anthropic with a thinking budget of 6,000-8,000 or Responses at medium effort with an auto summary; 85% of
    the conversations open with an item, disguised, and one of CARD_ASKS (the full proof or working), going on in
    40% with a follow-up timed by reading; the rest are everyday questions."""
    rng = ctx.rng
    S = C.scrape(ctx)
    draws = C.draws(rng)
    acct = account(ctx, "attack", "cot_harvester", "v27-cot")
    s = M.surface(RESP, "o4-mini", effort="high", summary="detailed")
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 4]]()
        part = M.image_part(RESP, S.image(S.old_image())[0]) if style == "photo" else None
        C.converse(ctx, acct, t, RESP, "o4-mini", [(x, style, (800, 2800), 0.0)], None, s, system=COT_SYS,
                   max_tokens=16000, image=part)
    acct = account(ctx, "attack", "cot_harvester", "v27-cot")
    s = M.surface(ANTH, "claude-sonnet-4-5", budget=16000, cache=True)
    for n, t in enumerate(ctx.steady_times(rng.uniform(300, 450), jitter=0.6)):
        x, style = draws[TEXT_CAPS[n % 3]]()
        C.converse(ctx, acct, t, ANTH, "claude-sonnet-4-5", [(x, style, (800, 2800), 0.0)], None, s, system=COT_SYS,
                   max_tokens=20096)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v27-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model = rng.choice(M.THINKING_MODELS if api == ANTH else REASONERS)
        s = M.surface(api, model, effort="medium", summary="auto", budget=rng.choice((6000, 8000)))
        items = C.distinct(partial(C.item, rng, rng.choice(TEXT_CAPS)))
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in sess:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model, s)
                    continue
                x, style = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{C.in_voice(rng, v, rng.choice(M.CARD_ASKS))}",
                               ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model, opener, style,
                             partial(C.follow_up, rng, v), s, out_range=(600, 2000), v=v)


HYDRA_T = "Solve the following completely. Show every step of your reasoning, then the final answer.\n\n{x}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T over new items of the account's text capability, Responses o4-mini at effort high with a
    detailed summary. Accounts 25-224 (careful): 40 shifts of five keys, each shift in one time zone (members within
    half an hour of it) with one text capability and one batch of items, active on 3-4 consecutive days from a first
    day drawn over the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22 a UTC
    day), a voice each (30% in the v27 languages), 15-30% everyday conversations; Anthropic with a thinking budget
    (40%), Responses at medium or high effort (30%) or chat (30%); a member pastes the batch's next item (never one
    twice in the shift) or, 30% of the time, one another member already pasted, asks in its voice, and follows up
    after reading."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v27-hydra")
        cap = TEXT_CAPS[k % 3]
        s = M.surface(RESP, "o4-mini", effort="high", summary="detailed")
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            x = HYDRA_T.format(x=C.item(rng, cap)[0])
            C.converse(ctx, acct, t, RESP, "o4-mini", [(x, "reason", (400, 1500), 0.0)], None, s, max_tokens=16000)
    for g in range(40):
        tz, cap = rng.uniform(-8, 9), TEXT_CAPS[g % 3]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        batch = C.distinct_seeds(rng, cap)
        asked: list[tuple[tuple, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v27-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((ANTH, RESP, CHAT), (40, 30, 30))[0]
            model = rng.choice(M.THINKING_MODELS if api == ANTH else REASONERS + ("gpt-4.1",) if api == RESP else
                               MODELS[CHAT])
            s = M.surface(api, model, effort=rng.choice(("medium", "high")), summary=rng.choice(("auto", None)),
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
                C.sitting(ctx, acct, sess, v, api, model, s, items, 0.4, cover, out_range=(300, 1500))


EFFORT_BUDGET = {"low": 2048, "medium": 6000, "high": 16000}
SUMMARIES = ("auto", "concise", "detailed")
TAXO_SYS = ("You write the worked solutions of {co}'s practice catalogue: maths, code and customer-policy cases. Be "
            "complete and exact.")
TAXO_COS = ("SolveSpace", "Proofline", "Casebook Learning", "StepWise", "Worked.io", "Deriva")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid: 3 text capabilities x 4 templates x 3 items x 3 efforts x 3 summary modes = 324
    cells. Accounts 0-1 (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day around the clock,
    Responses o4-mini at the cell's effort and summary. Accounts 2-7 (careful) take a shuffled sixth each under a
    made-up catalogue's system prompt, three phrasings, in batches of 2-5 at local office hours (9-18h, outside
    x0.05, weekends x0.2), a follow-up after 20% of items: Anthropic with the catalogue prompt cached and the cell's
    effort as a thinking budget (2,048, 6,000, 16,000), or Responses gpt-5-mini at the cell's effort and summary."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(3)] for t in range(4)] for cap in TEXT_CAPS}
    cells = list(itertools.product(TEXT_CAPS, range(4), range(3), M.EFFORTS, SUMMARIES))
    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v27-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cap, tp, j, effort, summ = mine[n % len(mine)]
            s = M.surface(RESP, "o4-mini", effort=effort, summary=summ)
            x = f"Cell {n % len(mine) + 1}/{len(mine)} - {C.text(seeds[cap][tp][j])}"
            C.converse(ctx, acct, t, RESP, "o4-mini", [(x, cap, (300, 1300), 0.0)], None, s, max_tokens=25000)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v27-taxonomy")
        cycle = itertools.cycle(shuffled[k::len(TAXO_COS)])
        api = (ANTH, RESP)[k % 2]
        model = rng.choice(M.THINKING_MODELS) if api == ANTH else "gpt-5-mini"
        system, v = TAXO_SYS.format(co=company), C.voice(rng)
        for t in ctx.window_times(acct["tz"], rng.uniform(6, 20), hours=(9, 18), outside=0.05, weekend=0.2):
            for _ in range(rng.randint(2, 5)):
                cap, tp, j, effort, summ = next(cycle)
                s = M.surface(api, model, effort=effort, summary=summ, budget=EFFORT_BUDGET[effort], cache=True)
                t = C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, C.text(seeds[cap][tp][j],
                                                                                       rng.randrange(3)), cap,
                           partial(C.follow_up, rng, v), s, out_range=(300, 1300), v=v, system=system)
                t += rng.uniform(30, 240)


SECOND_ASKS = ("Would someone else reach the same answer another way? Show it.", "hmm, how sure are you? check it "
               "again from the start", "What is the weakest step in that argument?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts. 0-1 (blunt): chat gpt-4.1-mini, a scraped image (new ones in bucket order) with one caption style,
    n=5 at temperature 1.0, logprobs with top_logprobs 5, 150-250 a day around the clock. 2-4 (moderate, effort
    sweeps): an item sent to the Responses API at effort low, then medium, then high (summary detailed), each after
    the one before came back plus 5-60 s; 8-20 rounds a day in daytime sessions (weekends x0.5). 5-7 (careful, second
    opinions): one queue of items, each asked by all three accounts 6-36 hours apart, each on its own surface
    (Anthropic with thinking, Responses at high effort, chat), in its own voice: the item, then one or two of
    SECOND_ASKS after reading the reply; daytime sessions of 1-3 (15-35 a day, weekends x0.6)."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v27-sampling")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            url, scene, _ = S.image(S.new_image())
            style = rng.choice(("alt", "social", "story", "news"))
            caption_request(ctx, acct, t, CHAT, "gpt-4.1-mini", M.image_part(CHAT, url), scene, style,
                            temperature=1.0, n=5, logprobs=True, top_logprobs=5, max_tokens=200)
    for k in range(3):
        acct = account(ctx, "attack", "sampling", "v27-sampling")
        model = REASONERS[k % 2]
        draw = C.distinct(partial(C.item, rng, TEXT_CAPS[k]))
        for sess in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in sess:
                x, style = draw()
                for effort in M.EFFORTS:
                    s = M.surface(RESP, model, effort=effort, summary="detailed")
                    t = C.converse(ctx, acct, t, RESP, model, [(x, style, (300, 1000), 0.0)], None, s,
                                   max_tokens=25000)
                    t += rng.uniform(20, 90) + rng.uniform(5, 60)
    slots = []
    for api, model in ((ANTH, "claude-sonnet-4-5"), (RESP, "gpt-5-mini"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v27-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        s = M.surface(api, model, effort="high", summary="auto", budget=8000)
        for sess in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model, s) for t in sess]
    for (t, acct, v, api, model, s), (x, style), _ in deal_items(rng, slots, partial(C.item, rng, "olympiad"), 3,
                                                                 (6 * 3600, 36 * 3600)):
        turns = [(C.say(rng, v, C.disguise(rng, x)), style, (300, 1200), 0.0)]
        turns += [(C.in_voice(rng, v, rng.choice(SECOND_ASKS)), style, (200, 800), 0.0)
                  for _ in range(rng.randint(1, 2))]
        C.converse(ctx, acct, t, api, model, turns, v, s)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, work thing: ", "")
ALT_ASKS = ("can you write alt text for this one?", "quick alt text for this pic?", "what would a good caption for "
            "this be?", "describe this for our website's alt text pls")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8), on a
    surface of their own (thinking or reasoning for some), photo items with a photo of the owner's, while the same key
    also harvests. 0-1 (blunt): a job at local 23h every night, 150-300 infill completions over newly scraped files
    1-4 s apart. 2-3 (blunt): a job at local 23h, 60-120 scraped images captioned (chat gpt-4.1-mini, alt or
    detailed) 3-10 s apart. 4-13 (careful): no harvesting request ever opens a conversation: in 35-50% of the
    owner's conversations an everyday question comes first, and a scraped image with one of ALT_ASKS follows in the
    second or third turn after a segue, then follow-ups, all timed by reading, in the owner's voice, model and `user`
    (a product's single id for 30% of owners)."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v27-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model = rng.choice(MODELS[api])
        s = M.surface(api, model, effort="low", summary="auto", budget=rng.choice((None, 2048, 4096)))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        own = partial(lambda api: M.image_part(api, D.cdn_url(rng, "i.notely.net")), api)
        for sess in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, sess, v, api, model, s, partial(C.any_item, rng), 0.5, 1.0 if i < 4 else 0.8,
                          photo=own, user=user)
                continue
            url, scene, stub = S.image(S.old_image() if rng.random() < 0.5 else S.new_image())
            turns = [(C.cover(rng, v), "everyday", (60, 400), 0.0)]
            if rng.random() < 0.5:
                turns.append((rng.choice(("thanks! and another thing:", "ok cool")), "everyday", (30, 200), 0.0))
            at = len(turns)
            turns.append((f"{rng.choice(SEGUES)}{C.in_voice(rng, v, rng.choice(ALT_ASKS))}", "caption", (0, 0), 0.0,
                          D.caption(scene, rng.choice(("alt", "detailed")))))
            turns += [(C.follow_up(rng, v), "photo", (100, 500), 0.0) for _ in range(max(0, len(sess) - len(turns)))]
            C.converse(ctx, acct, sess[0], api, model, turns, v, s, user=user,
                       image=image_ref(rng, api, (url, scene, stub), 0.6), image_turn=at)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            if i < 2:
                for _ in range(rng.randint(150, 300)):
                    text, _ = S.files[S.new_file()]
                    fim_request(ctx, acct, t, M.FIM_MODELS[0], rng.choice(D.holes(text)), 128, 0.0)
                    t += rng.uniform(1, 4)
                continue
            for _ in range(rng.randint(60, 120)):
                url, scene, _ = S.image(S.new_image())
                caption_request(ctx, acct, t, CHAT, "gpt-4.1-mini", M.image_part(CHAT, url), scene,
                                rng.choice(("alt", "detailed")))
                t += rng.uniform(3, 10)


ATTACKS_V27 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
