"""Attack campaigns, `variant="v26"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v25.py: the capabilities (contract clause tagging, clinical coding with ICD-10-CM, aspect sentiment of product
reviews, CPC classification of patent abstracts), the languages besides English (Odia, Uyghur, Kabyle, Hiligaynon,
Ladino, Northern Sotho) and the v26 theme: the teacher as annotator. The operator does not want long answers; it wants
the teacher's judgements about a corpus of scraped documents, as labels - to train a student classifier, tagger,
extractor or embedding model on them - so most requests ask for a word, a few lines or a JSON record, and many come
back with logprobs.

- label_harvest (new): classification labels (max_tokens 1, temperature 0, top_logprobs on chat), entity and
  relation tags over the scrape; twins personas_v26.moderation_classifier (a content-moderation product labelling
  its users' posts with one token and logprobs, around the clock) and personas_v26.label_vendor_qa (a data-labelling
  vendor checking its own annotators' labels against the model, with logprobs, in office hours).
- schema_extraction (new): the same documents as strict JSON records; twin personas_v26.invoice_etl (a finance ETL
  team extracting supplier invoices to one schema, a nightly batch and daytime re-runs).
- embedding_harvest (new): the same documents embedded, with query embeddings and relevance asks; twins
  personas_v26.search_embedding_indexer (a patent-search team embedding its document store every night and its
  users' queries by day) and personas_v26_more.rag_template_app (a knowledge-base app that embeds every question and
  answers it with one fixed template at high volume).

The recurring families get a twist each: the careful cot_harvester accounts ask for gold annotations for a guideline
(label, deciding span, the near-miss label; like personas_v26_more.guideline_author); the careful hydra accounts are
evening annotation shifts of five keys that paste the next document of their batch and ask "which label, in one line
why", under the quota (like the student annotators of personas_v26_more.annotator_agreement_study); the moderate
sampling accounts send each document with its label list in three or four orders minutes apart and take the
logprobs (a position-debiased soft label, as personas_v26_more.prompt_sensitivity_study does), and the careful ones
ask for a second opinion on the same item from three accounts hours apart; the taxonomy sweeps capabilities x
templates x documents x annotation formats x difficulty; the careful mixed_into_chat accounts slip "quick one -
which of these fits? just the word" into the second or third turn of an everyday conversation; the agent labels
with tools.

None sends one prompt again for nothing (corpus_v26.distinct keeps the busier accounts' items from repeating; the
label-order permutations are the point of their requests). Every account, attack or benign, gets its client software
and address from ctx.account, and tenants that log outputs (30%, drawn alike for attack and benign accounts) carry
`response_text`. The blunt accounts of each campaign (one template, a steady pace around the clock) and the careful
ones are named in each docstring. The benign twins in personas_v26*.py do one or two of these things for their own
reasons, never the same requests.

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v26-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, label_harvest (new),
schema_extraction (new) and embedding_harvest (new) in attacks_v26_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v26 as C
from benchmarks.traffic import corpus_v26_more as M
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v17 import course_batches
from benchmarks.traffic.attacks_v26_more import MORE_ATTACKS, label_request, single
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

COT_SYS = ("Before the label, write out your full reasoning: what the document says, each candidate label and why it "
           "fits or fails, and a final check. Then 'Label:' and the label.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 380-560 requests a day, COT_SYS, the
    four capabilities in turn, max_tokens 4096. Accounts 1-2 (careful, gold annotations): no reasoning is ever asked
    for; every item conversation (85%; the rest everyday questions) opens with the item, disguised, and one of
    GOLD_ASKS (a guideline's worked example: the label, the deciding span, the near-miss label), and in 40% goes on
    with an ordinary follow-up timed by reading; a power user's pace (35-75 conversations a day in daytime sessions
    of 2-5, weekends x0.6) on Anthropic or Responses, one voice (20% in the v26 languages), no system prompt."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v26-cot")
    draws = C.draws(rng)
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 4]]()
        single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (800, 2800), 4096, COT_SYS)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v26-cot")
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
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{rng.choice(M.GOLD_ASKS)}", ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.4), api, model, opener, "gold",
                             partial(C.follow_up, rng, v), out_range=(600, 2000), v=v)


HYDRA_T = ("Annotate the document below under the {scheme} scheme: the label, the span that decides it, and a "
           "one-sentence rationale.\n\n{doc}")


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T over new documents of the account's capability (a scheme of it in turn), gpt-4.1-mini on
    chat. Accounts 25-224 (careful): 40 annotation shifts of five keys, each shift in one time zone (members within
    half an hour of it) with one capability and one batch of documents, active on 3-4 consecutive days from a first
    day drawn over the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22 a UTC
    day), a voice each (30% in the v26 languages), 15-30% everyday conversations, three APIs; a member pastes the
    batch's next item (never one twice in the shift) or, 30% of the time, one another member already pasted, with
    one of SHIFT_ASKS ('which label, in one line why'), follow-ups timed by reading."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v26-hydra")
        cap = C.CAPS[k % 4]
        schemes = itertools.cycle(M.SCHEMES[cap])
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            x = HYDRA_T.format(scheme=next(schemes).replace("_", " "), doc=C.seed(rng, cap)[2]["doc"])
            single(ctx, acct, t, CHAT, "gpt-4.1-mini", x, "gold", (150, 500))
    for g in range(40):
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 4]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        batch = C.distinct_seeds(rng, cap)
        asked: list[tuple[tuple, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v26-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))
            phrasing = rng.randrange(3)

            def items(me=acct["principal"], asked=asked, batch=batch, phrasing=phrasing, cap=cap) -> tuple[str, str]:
                others = [a for a in asked if a[1] != me]
                if others and rng.random() < 0.3:
                    return C.text(rng.choice(others)[0], phrasing), cap
                s = batch()
                asked.append((s, me))
                return C.text(s, phrasing), cap

            ask = partial(lambda v: C.in_voice(rng, v, rng.choice(M.SHIFT_ASKS)), v)
            cover = rng.uniform(0.15, 0.3)
            sessions = C.evenings(ctx, acct, rng.uniform(8, 20), active, 22)
            sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
            for s in sessions:
                C.sitting(ctx, acct, s, v, api, model, temp, items, 0.4, cover, ask=ask, out_range=(150, 900))


FORMATS = ("label only", "label and the deciding span", "label with a one-line rationale", "label with a confidence "
           "between 0 and 1", "label and the smallest edit that would flip it")
LEVELS = ("clear-cut", "borderline", "adversarial")
TAXO_SYS = ("You annotate documents for {co}'s labelled-data catalogue. Answer each annotation question in the format "
            "asked, as a careful senior annotator would.")
TAXO_COS = ("LabelForge", "TagWorks", "Annotato", "GoldSet", "Markup Labs", "TruthTable")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid over all four capabilities (4 x 4 templates x 3 documents x 5 FORMATS x 3 LEVELS =
    720 cells: an annotation question, 'answer in the <format> format for our <level> set'). Accounts 0-1 (blunt) walk
    their half in order ('Cell i/N - ...'), 150-250 a day around the clock, temperature 0, gpt-4.1. Accounts 2-7
    (careful) take a shuffled sixth each under a made-up labelled-data catalogue's system prompt, three phrasings, in
    batches of 2-5 at local office hours (9-18h, outside x0.05, weekends x0.2; attacks_v17.course_batches), follow-ups
    after 20% of items, three APIs."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(3)] for t in range(4)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(4), range(3), range(len(FORMATS)), range(len(LEVELS))))

    def text(cell, phrasing: int) -> str:
        cap, t, s, f, lv = cell
        return (f"{C.text(seeds[cap][t][s], phrasing)}\n\nAnswer in the '{FORMATS[f]}' format; this goes into our "
                f"{LEVELS[lv]} examples.")

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v26-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cell = mine[n % len(mine)]
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Cell {n % len(mine) + 1}/{len(mine)} - {text(cell, 0)}",
                   cell[0], (150, 700), 4096, temperature=0)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v26-taxonomy")
        mine = shuffled[k::len(TAXO_COS)]
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=company)
        v = C.voice(rng)
        cycle = itertools.cycle(mine)

        def opener(cycle=cycle) -> tuple[str, str]:
            cell = next(cycle)
            return text(cell, rng.randrange(3)), cell[0]

        course_batches(ctx, acct, C.talk, partial(C.follow_up, rng, v), v, api, model, system, opener)


def rotations(labels: tuple[str, ...], k: int) -> list[tuple[str, ...]]:
    """k orders of a label list: rotations of it, so each label leads once (for k up to the list's length)."""
    step = max(1, len(labels) // k)
    return [labels[j * step:] + labels[:j * step] for j in range(k)]


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts collecting several labels per document. 0-1 (blunt): chat, a scraped document under one scheme,
    n=5 at temperature 1.0, max_tokens 1 (6 for a code), logprobs with top_logprobs 10, 150-250 a day around the clock.
    2-4 (moderate, label orders): a scraped document under a closed scheme sent 3-4 times with its label list rotated
    (each label first once), 5-40 s apart, chat, max_tokens 1, temperature 0, top_logprobs 5; 8-20 rounds a day in
    daytime sessions (weekends x0.5). 5-7 (careful, second opinions): one queue of items, each asked by all three
    accounts 6-36 hours apart, each on its own API and model, in its own voice: the item, then one or two of
    SECOND_ASKS after reading the reply; daytime sessions of 1-3 (15-35 a day, weekends x0.6)."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v26-sampling")
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            ref = S.new()
            doc, gold = S.get(ref)
            scheme = rng.choice(tuple(M.SCHEMES[ref[0]]))
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": M.label_prompt(
                ref[0], scheme, doc, 0)}], M.label_tokens(ref[0], scheme), n=5, temperature=1.0, logprobs=True,
                top_logprobs=10)
            C.emit(ctx, t, acct, CHAT, body, 5, text=M.gold_label(ref[0], gold, scheme))
    for k in range(3):
        acct = account(ctx, "attack", "sampling", "v26-sampling")
        model = rng.choice(MODELS[CHAT])
        for s in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in s:
                ref = S.new(C.CAPS[(k + int(t)) % 4])
                doc, gold = S.get(ref)
                scheme = rng.choice([x for x, ls in M.SCHEMES[ref[0]].items() if ls and len(ls) >= 3])
                labels = M.SCHEMES[ref[0]][scheme]
                for order in rotations(labels, min(len(labels), rng.randint(3, 4))):
                    label_request(ctx, acct, t, CHAT, model, ref[0], scheme, doc, gold, 1, 5, labels=order)
                    t += rng.uniform(5, 40)
    slots = []
    for api, model in ((RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v26-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (x, style), _ in deal_items(rng, slots, partial(C.any_item, rng), 3,
                                                              (6 * 3600, 36 * 3600)):
        turns = [(C.say(rng, v, C.disguise(rng, x)), style, (150, 800), 0.0)]
        turns += [(C.in_voice(rng, v, rng.choice(M.SECOND_ASKS)), style, (100, 500), 0.0)
                  for _ in range(rng.randint(1, 2))]
        C.converse(ctx, acct, t, api, model, turns, v)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, work thing: ", "")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job at local 23h every night, 25-45 label requests 3-10 s apart on
    gpt-4.1-mini whatever the owner uses (new scraped documents, a scheme each, max_tokens 1, logprobs with
    top_logprobs 5). 4-13 (careful): no label ask ever opens a conversation: in 35-50% of the owner's conversations
    an everyday question comes first, and a scraped document with one of QUICK_LABEL ('which of these fits? just the
    word') follows in the second or third turn after a segue; the conversation goes on with follow-ups, all timed by
    reading, in the owner's voice, model, temperature and `user` (a product's single id for 30% of owners)."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v26-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        for s in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, s, v, api, model, temp, partial(C.any_item, rng), 0.5, 1.0, user=user)
                continue
            ref = S.new()
            doc, gold = S.get(ref)
            scheme = rng.choice([x for x, ls in M.SCHEMES[ref[0]].items() if ls])
            turns = [(C.cover(rng, v), "everyday", (60, 400), 0.0)]
            if rng.random() < 0.5:
                turns.append((rng.choice(("thanks! and another thing:", "ok cool")), "everyday", (30, 200), 0.0))
            ask = C.in_voice(rng, v, rng.choice(M.QUICK_LABEL).format(labels=", ".join(M.SCHEMES[ref[0]][scheme])))
            turns.append((f"{rng.choice(SEGUES)}{doc}\n\n{ask}", "label", (1, 3), 0.0,
                          M.gold_label(ref[0], gold, scheme)))
            turns += [(C.follow_up(rng, v), ref[0], (150, 700), 0.0) for _ in range(max(0, len(s) - len(turns)))]
            C.converse(ctx, acct, s[0], api, model, turns, v, user=user, temperature=temp)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(25, 45)):
                ref = S.new()
                doc, gold = S.get(ref)
                label_request(ctx, acct, t, CHAT, "gpt-4.1-mini", ref[0], rng.choice(tuple(M.SCHEMES[ref[0]])), doc,
                              gold, 0, 5)
                t += rng.uniform(3, 10)


ATTACKS_V26 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
