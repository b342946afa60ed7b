"""Attack campaigns of `variant="v27"`, continued (attacks_v27.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v27-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v27
  languages) go to five different accounts hours apart, over reasoning surfaces.
- agentic_distill: 10 accounts running a research agent (web search, page fetch, a Python sandbox, notes), the
  careful ones on the Responses API with reasoning chained on previous_response_id or on Anthropic with thinking.
- reasoning_summary_harvest (new): the teacher's reasoning rather than its answers: reasoning effort high with a
  detailed summary (store false, the encrypted reasoning handed back), thinking budgets maxed, instructions that
  ask for every step; chains that ask "expand step k" turn after turn; many small accounts that take each item once
  and leave its second run to another account hours later.
- fim_harvest (new): code infill over the operator's scraped source files (corpus_v27.scrape) on legacy completions
  with a suffix: blunt scripts walk every hole of every file, careful accounts take a stretch of a file's holes each
  in typing-paced bursts, named developers in `user`, so a file is split over three accounts; a few ask for the
  infill on chat or Anthropic with a <FILL> marker.
- caption_harvest (new): one scraped image set captioned in many styles (alt text, detailed, social, tags, dense,
  story, news, questions): blunt scripts take every style of every image in turn; careful accounts keep one style
  each and see an image once, its other styles going to other accounts hours apart, by URL or as base64.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import orjson

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v27 as C
from benchmarks.traffic import corpus_v27_docs as D
from benchmarks.traffic import corpus_v27_more as M
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, resp_id

COMP = M.COMP
REASONERS = ("o4-mini", "gpt-5-mini")


# ---- shared request helpers (the benign twins use them too) ----
def fim_request(ctx: Ctx, acct: dict, t: float, model: str, hole: tuple[str, str, str], max_tokens: int,
                temperature: float, *, n: int = 1, logprobs: int | None = None, user: str | None = None) -> None:
    """One fill-in-the-middle completion: the hole's prefix and suffix, the missing middle back (n choices)."""
    pre, suf, mid = hole
    body = M.fim_body(model, pre, suf, max_tokens, temperature, n=n, logprobs=logprobs, stop=["\n\n"])
    out = min(max_tokens, max(1, int(len(mid) / ctx.rng.uniform(3.0, 3.8)))) * n
    C.emit(ctx, t, acct, COMP, body, out, text=mid, user=user)


def caption_request(ctx: Ctx, acct: dict, t: float, api: str, model: str, part: dict, scene: dict, style: str, *,
                    ask: str | None = None, system: str | None = None, s: dict | None = None,
                    user: str | None = None, temperature: float | None = 0.2, max_tokens: int | None = 400,
                    **extra: Any) -> float:
    """One caption: the image part and the style's ask (or `ask`), the caption of the scene back."""
    text = D.caption(scene, style)
    return C.converse(ctx, acct, t, api, model, [(ask or D.CAPTION_STYLES[style], "caption", (0, 0), 0.0, text)],
                      None, s, system=system, user=user, temperature=temperature, max_tokens=max_tokens,
                      image=part, **extra)


def image_ref(rng, api: str, img: tuple[str, dict, tuple[str, str]], url_share: float) -> dict:
    """A scraped image as a content part: its bucket URL, or its base64 stub."""
    url, _, stub = img
    return M.image_part(api, url) if rng.random() < url_share else M.image_part(api, stub=stub)


# ---- paraphrased ----
def paraphrased(ctx: Ctx, variant: str) -> None:
    """Accounts 0-14 (moderate): 4-10 single-request sessions a day (weekends x0.6), Responses o4-mini at reasoning
    effort high, the version plus 'Show your full reasoning.'. Accounts 15-59 (careful): 2-9 a day in sessions of
    1-4 (weekends x0.5), a voice each (25% in the v27 languages), Anthropic with a thinking budget of 2,048-8,000,
    Responses at medium effort or chat, 30% everyday sessions, follow-ups timed by reading. Each item's five
    versions go to five different accounts 2-30 hours apart; a photo item carries a scraped image."""
    rng = ctx.rng
    S = C.scrape(ctx)
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v27-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (40, 35, 25))[0] if careful else RESP
        model = rng.choice(MODELS[api]) if careful else "o4-mini"
        s = M.surface(api, model, effort="medium" if careful else "high", summary="auto",
                      budget=rng.choice((2048, 4096, 8000)))
        for sess in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                     (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((sess[0], acct, len(sess), careful, v, api, model, s))
    n = [0]

    def versions() -> list[tuple[str, str, int]]:
        sd = C.seed(rng, C.CAPS[n[0] % 4])
        n[0] += 1
        img = S.old_image()
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(sd, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(sd, 0)) for lg in lgs]
        return [(x, sd[0], img) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, s), texts, j in deal_items(rng, slots, versions, 5,
                                                                            (2 * 3600, 30 * 3600)):
        x, style, img = texts[j]
        part = image_ref(rng, api, S.image(img), 0.7) if style == "photo" else None
        if not careful:
            C.converse(ctx, acct, t, api, model, [(x + "\n\nShow your full reasoning.", style, (300, 1200), 0.0)],
                       None, s, max_tokens=25000, image=part)
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, s)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), s, v=v,
                   image=part)


# ---- agentic_distill: a research agent ----
def research_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                     s: dict | None = None, user: str | None = None) -> float:
    """One research-agent episode (shared with personas_v27.research_agent): tool calls and results, the history
    resent, or on a chained Responses client only the tool output with previous_response_id; hidden reasoning counts
    in the output tokens, and Anthropic thinking comes back as a thinking block before each tool call. Returns its
    end time."""
    rng = ctx.rng
    s = s or M.surface(api, model)
    tools = TL.api_tools(api, M.RESEARCH_TOOLS)
    msgs: list[dict] = [{"role": "user", "content": task}]
    prev = None
    for k in range(steps):
        last = k == steps - 1
        h = M.hidden(rng, s) // (1 if last else 3)
        out = (rng.randint(300, 1200) if last else rng.randint(25, 140)) + h
        chained = s.get("chain") and prev is not None
        body = M.request(api, model, M.RESEARCH_SYS, msgs[-1:] if chained else msgs, 16000, s,
                         prev if chained else None, tools=tools, **({"temperature": 0.2} if api == CHAT else {}))
        summ = M.thought(rng, M.summary_tokens(rng, s, h)) if acct.get("logged") or s.get("budget") else ""
        text = f"{summ}\n\n{C.answer(rng, 'research', out - h, '')}".strip() if last and acct.get("logged") else summ
        C.emit(ctx, t, acct, api, body, out, text=text, user=user)
        t += out / rng.uniform(60, 140)
        if last:
            break
        name, args, result = M.research_step(rng, k, realistic)
        cid = f"call_{rng.getrandbits(64):016x}"
        if api == RESP:
            prev = resp_id(rng)
            out_item = {"type": "function_call_output", "call_id": cid, "output": result}
            if s.get("chain"):
                msgs = [{"role": "user", "content": [out_item]}]
            else:
                msgs = msgs + [{"type": "function_call", "call_id": cid, "name": name,
                                "arguments": orjson.dumps(args).decode()}, out_item]
        elif api == ANTH:
            use = {"type": "tool_use", "id": f"toolu_{rng.getrandbits(64):016x}", "name": name, "input": args}
            blocks = ([{"type": "thinking", "thinking": summ or "(thinking)", "signature": f"{rng.getrandbits(128):032x}"}]
                      if s.get("budget") else []) + [use]
            msgs = msgs + [{"role": "assistant", "content": blocks},
                           {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use["id"],
                                                         "content": result}]}]
        else:
            call = {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
            msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [call]},
                           {"role": "tool", "tool_call_id": cid, "content": result}]
        t += rng.uniform(0.3, 4.0)
    return t


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two research tasks over and over with stub tool results, 15-25
    episodes a day around the clock, 5-8 steps. Accounts 3-9 (careful): working hours (local 8-19h, outside x0.1,
    weekends x0.3), 5-15 episodes a day, 4-12 steps, realistic results: Responses o4-mini or gpt-5-mini at medium or
    high effort with an auto summary, chained on previous_response_id (one account store=false, the encrypted
    reasoning handed back), or Anthropic with a thinking budget of 4,096-10,000; some name team members in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v27-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                research_episode(ctx, acct, t, CHAT, "gpt-4.1", M.research_task(rng, M.RESEARCH_TASKS[:2]),
                                 rng.randint(5, 8), False)
            continue
        api = (RESP, ANTH)[i % 2]
        model = rng.choice(REASONERS) if api == RESP else rng.choice(M.THINKING_MODELS)
        s = M.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto", store=False if i == 4 else None,
                      budget=rng.choice((4096, 6000, 10000)))
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 6))] if i % 3 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(8, 19), outside=0.1, weekend=0.3):
            research_episode(ctx, acct, t, api, model, M.research_task(rng), rng.randint(4, 12), True, s,
                             rng.choice(team))


# ---- reasoning ----
def reasoning_summary_harvest(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): Responses (o4-mini, gpt-5-mini in turn), reasoning effort high with a detailed summary,
    store false with the encrypted reasoning included, REASON_SYS as instructions, max_output_tokens 32,000,
    olympiad, debug and policy items in turn, 250-400 a day around the clock. Account 3 (blunt): Anthropic
    claude-sonnet-4-5, thinking budget 32,000, REASON_SYS as a cached system block, 200-300 a day around the clock.
    Accounts 4-11 (moderate): chains on the Responses API (effort high, summary auto): an item with one of FULL_ASKS,
    then 2-4 turns of STEP_ASKS ('expand step k'), each after reading, on previous_response_id; 15-40 chains a day at
    local 8-22h (outside x0.2). Accounts 12-39 (careful): 8-25 requests a day in sessions of 1-4 (weekends x0.5), a
    voice each (15% in the v27 languages), 15% everyday conversations; Anthropic with a thinking budget of
    2,048-10,000 (45%), Responses at medium or high effort with an auto summary (40%), chat (15%); each item goes to
    two of them 2-20 hours apart (the second in another phrasing), with one of FULL_ASKS, a follow-up in 30%."""
    rng = ctx.rng
    draw = C.draws(rng, ("olympiad", "debug", "policy"))
    for k in range(3):
        acct = account(ctx, "attack", "reasoning_summary_harvest", "v27-reasoning")
        model = REASONERS[k % 2]
        s = M.surface(RESP, model, effort="high", summary="detailed", store=False)
        for n, t in enumerate(ctx.steady_times(rng.uniform(250, 400), jitter=0.6)):
            x, style = draw[("olympiad", "debug", "policy")[(n + k) % 3]]()
            C.converse(ctx, acct, t, RESP, model, [(x, "reason", (500, 1800), 0.0)], None, s, system=M.REASON_SYS,
                       max_tokens=32000)
    acct = account(ctx, "attack", "reasoning_summary_harvest", "v27-reasoning")
    s = M.surface(ANTH, "claude-sonnet-4-5", budget=32000, cache=True)
    for n, t in enumerate(ctx.steady_times(rng.uniform(200, 300), jitter=0.6)):
        x, style = draw[("olympiad", "debug", "policy")[n % 3]]()
        C.converse(ctx, acct, t, ANTH, "claude-sonnet-4-5", [(x, "reason", (500, 1800), 0.0)], None, s,
                   system=M.REASON_SYS, max_tokens=36096)
    for k in range(8):
        acct = account(ctx, "attack", "reasoning_summary_harvest", "v27-reasoning")
        model = REASONERS[k % 2]
        s = M.surface(RESP, model, effort="high", summary="auto")
        for t in ctx.window_times(acct["tz"], rng.uniform(15, 40), hours=(8, 22), outside=0.2):
            x, style = draw[rng.choice(("olympiad", "debug"))]()
            turns = [(f"{x}\n\n{rng.choice(M.FULL_ASKS)}", "reason", (500, 1500), 0.0)]
            turns += [(rng.choice(M.STEP_ASKS).format(k=rng.randint(2, 6)), "reason", (300, 900), 0.0)
                      for _ in range(rng.randint(2, 4))]
            C.converse(ctx, acct, t, RESP, model, turns, None, s, max_tokens=16000)
    slots = []
    for _ in range(28):
        acct = account(ctx, "attack", "reasoning_summary_harvest", "v27-reasoning")
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((ANTH, RESP, CHAT), (45, 40, 15))[0]
        model = rng.choice(M.THINKING_MODELS if api == ANTH else REASONERS if api == RESP else MODELS[CHAT])
        s = M.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto",
                      budget=rng.choice((2048, 4096, 6000, 10000)))
        for sess in C.human_sessions(ctx, acct, rng.uniform(8, 25), (1, 4), (20, 300), weekend_rate=0.5):
            if rng.random() < 0.15:
                C.everyday_talk(ctx, acct, sess[0], min(2, len(sess)), v, api, model, s)
                continue
            slots += [(t, acct, v, api, model, s) for t in sess]
    seeds = C.distinct_seeds(rng)
    for (t, acct, v, api, model, s), sd, j in deal_items(rng, slots, lambda: seeds() if rng.random() < 0.75 else
                                                         C.seed(rng, "olympiad"), 2, (2 * 3600, 20 * 3600)):
        if sd[0] == "photo":
            sd = C.seed(rng, "olympiad", sd[1])
        opener = C.say(rng, v, f"{C.disguise(rng, C.text(sd, sd[1] + j))}\n\n"
                               f"{C.in_voice(rng, v, rng.choice(M.FULL_ASKS))}", ask=False)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, opener, "reason", partial(C.follow_up, rng, v), s,
               out_range=(400, 1600), v=v)


# ---- fill-in-the-middle ----
FIM_SYS = "You are a code completion engine. Return only the code that belongs at the marker, nothing else."


def fim_harvest(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): completions gpt-3.5-turbo-instruct, every hole of each newly scraped file in file order,
    max_tokens 128, temperature 0, logprobs 5, 1,500-2,500 a day around the clock. Accounts 2-13 (careful): each
    scraped file cut into three stretches of its holes, dealt to three different accounts 10 minutes to 4 hours
    apart; an account takes its stretch in a typing-paced burst (2-12 s apart) at local working hours (9-19h,
    outside x0.15, weekends x0.2), 20-60 bursts a day, one of 2-8 developers in `user` (u_{h}), its own model,
    max_tokens (64-256) and temperature (0-0.2). Accounts 14-17 (careful, chat): FIM_CHAT with a <FILL> or <CURSOR>
    marker over scraped files, chat gpt-4.1-mini or Anthropic claude-haiku-4-5 with FIM_SYS cached, temperature 0,
    60-150 a day at local 8-20h (outside x0.2, weekends x0.3)."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for _ in range(2):
        acct = account(ctx, "attack", "fim_harvest", "v27-fim")
        queue: list[tuple[str, str, str]] = []
        for t in ctx.steady_times(rng.uniform(1500, 2500), jitter=0.7):
            if not queue:
                queue = D.holes(S.files[S.new_file()][0])
            fim_request(ctx, acct, t, M.FIM_MODELS[0], queue.pop(0), 128, 0.0, logprobs=5)
    slots = []
    for _ in range(12):
        acct = account(ctx, "attack", "fim_harvest", "v27-fim")
        devs = [W.end_user(rng, "u_{h}", 90000) for _ in range(rng.randint(2, 8))]
        prefs = (rng.choice(M.FIM_MODELS), rng.choice((64, 128, 256)), rng.choice((0.0, 0.1, 0.2)))
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(9, 19), outside=0.15, weekend=0.2):
            slots.append((t, acct, devs, prefs))

    def new_file() -> list[list[tuple[str, str, str]]]:
        hs = D.holes(S.files[S.new_file()][0])
        a, b = sorted(rng.sample(range(1, len(hs)), 2))
        return [hs[:a], hs[a:b], hs[b:]]

    for (t, acct, devs, (model, mt, temp)), stretches, j in deal_items(rng, slots, new_file, 3, (600, 4 * 3600)):
        user = rng.choice(devs)
        for hole in stretches[j]:
            fim_request(ctx, acct, t, model, hole, mt, temp, user=user)
            t += rng.uniform(2, 12)
    for k in range(4):
        acct = account(ctx, "attack", "fim_harvest", "v27-fim")
        api = (CHAT, ANTH)[k % 2]
        model = "gpt-4.1-mini" if api == CHAT else "claude-haiku-4-5"
        s = M.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 150), hours=(8, 20), outside=0.2, weekend=0.3):
            text, gold = S.files[S.new_file()] if rng.random() < 0.3 or not S.files else rng.choice(S.files)
            pre, suf, mid = rng.choice(D.holes(text))
            ask = rng.choice(M.FIM_CHAT).format(lang=gold["lang"].lower(), pre=pre, suf=suf)
            C.converse(ctx, acct, t, api, model, [(ask, "infill", (0, 0), 0.0, mid)], None, s, system=FIM_SYS,
                       temperature=0, max_tokens=256)


# ---- captions ----
MEDIA_SYS = "You write image descriptions for {co}'s media library. Be accurate; never guess names."
MEDIA_COS = ("Pixelnest", "Stockroom", "Frameworks Studio", "Lumen Archive", "Shotlist")


def caption_harvest(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, the scraped images in bucket order, each under every caption style
    one after another, detail high, temperature 0, 800-1,200 a day around the clock. Accounts 2-5 (moderate):
    Anthropic claude-haiku-4-5, MEDIA_SYS as a cached system block, the scraped images as base64 stubs (70%) or
    URLs, each in the detailed, dense and tags styles 3-20 s apart, 60-120 images a day at local 7-21h (outside x0.3).
    Accounts 6-35 (careful): one caption style each, its own API (chat 50%, Responses 25%, Anthropic 25%) and model,
    the image by URL (60%) or base64; each image's styles dealt to three of them 1-20 hours apart; sessions of 3-10
    images a minute or two apart, 20-70 a day (weekends x0.5), the ask in a v27 language for 15%."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for k in range(2):
        acct = account(ctx, "attack", "caption_harvest", "v27-caption")
        for n, t in enumerate(ctx.steady_times(rng.uniform(800, 1200), jitter=0.6)):
            img = S.image(n // len(D.STYLES) * 2 + k)
            style = D.STYLES[n % len(D.STYLES)]
            caption_request(ctx, acct, t, CHAT, "gpt-4.1-mini", M.image_part(CHAT, img[0], detail="high"), img[1],
                            style, temperature=0)
    for k in range(4):
        acct = account(ctx, "attack", "caption_harvest", "v27-caption")
        s = M.surface(ANTH, "claude-haiku-4-5", cache=True)
        system = MEDIA_SYS.format(co=MEDIA_COS[k % len(MEDIA_COS)])
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 120), hours=(7, 21), outside=0.3):
            img = S.image(S.old_image() if rng.random() < 0.7 else S.new_image())
            part = image_ref(rng, ANTH, img, 0.3)
            for style in ("detailed", "dense", "tags"):
                caption_request(ctx, acct, t, ANTH, "claude-haiku-4-5", part, img[1], style, system=system, s=s,
                                temperature=None, max_tokens=600)
                t += rng.uniform(3, 20)
    slots = []
    for k in range(30):
        acct = account(ctx, "attack", "caption_harvest", "v27-caption")
        api = rng.choices((CHAT, RESP, ANTH), (50, 25, 25))[0]
        model = rng.choice(MODELS[api] if api != RESP else ("gpt-4.1", "gpt-4.1", "o4-mini"))
        v = C.voice(rng, C.lang(rng, 0.15))
        prefs = (D.STYLES[k % len(D.STYLES)], api, model, v, rng.choice((0.5, 0.6, 0.7)))
        for sess in C.human_sessions(ctx, acct, rng.uniform(20, 70), (3, 10), (40, 150), weekend_rate=0.5):
            slots += [(t, acct, prefs) for t in sess]

    def next_image() -> int:
        return S.new_image() if rng.random() < 0.5 else S.old_image()

    for (t, acct, (style, api, model, v, url_share)), img, _ in deal_items(rng, slots, next_image, 3,
                                                                         (3600, 20 * 3600)):
        url, scene, stub = S.image(img)
        ask = C.say(rng, v, D.CAPTION_STYLES[style], ask=False) if rng.random() < 0.5 else None
        caption_request(ctx, acct, t, api, model, image_ref(rng, api, (url, scene, stub), url_share), scene, style,
                        ask=ask, temperature=None)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, reasoning_summary_harvest,
                                                       fim_harvest, caption_harvest)
