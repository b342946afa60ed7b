"""Attack campaigns of `variant="v11"`, continued (attacks_v11.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v11-".

- agentic_distill: 16 accounts distilling the tool-calling format itself over a 20-tool back-office (ERP)
  catalogue: 8 on the Responses API (a random 6-14-tool subset per episode, tool_choice required on the first
  step, the harvester's simulator answering every function call with a function_call_output item, steps chained
  by previous_response_id), 8 on chat with strict function tools and parallel calls, the whole history resent.
  The task of each episode is reworded by the prompt writer. Around the clock, 10-28 episodes a day.
- structured_distill (new): 10 accounts harvesting structured extraction: bills of lading, invoices, customs
  declarations, purchase orders and lab reports into a strict JSON schema whose name and fields are drawn per
  request, each field with a companion justification field (named per request: justification, why, basis, ...),
  half on the Responses API (text.format) and half on chat (response_format json_schema); 80-200 documents a day
  around the clock. Every tenant of this campaign logs outputs, so all its records carry response_text.
- translation_mining (new): 60 accounts mining parallel text across many directed pairs of twelve languages
  (60% with a non-English source): batches of 8-30 strings as a JSON array, answer as JSON, temperature 0, 8-26
  batches a day per account in local office hours; 30% of batches are round-tripped (back-translated) by another
  account of the campaign 1-6 hours later.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus_v11 as W
from benchmarks.traffic import corpus_v11_docs as D
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import CHAT, RESP, account, build, emit, resp_id

ERP_SYS = "You are an operations agent for the back office. Use the tools to complete the task, then report briefly."


def _call_id(ctx: Ctx) -> str:
    return f"call_{ctx.rng.getrandbits(96):024x}"


def erp_episode(ctx: Ctx, acct: dict, t: float, api: str, tools: list, task: str, steps: int,
                user: str | None = None, required_first: bool = True) -> None:
    """One tool loop; shared with the benign ERP agent (personas_v11.erp_agent)."""
    rng = ctx.rng
    names = [tl["name"] if api == RESP else tl["function"]["name"] for tl in tools]
    prev = None
    msgs: list[dict] = [{"role": "user", "content": task}]
    for k in range(steps):
        last = k == steps - 1
        out = rng.randint(150, 500) if last else rng.randint(25, 160)
        style = "prose" if last else "tool"
        extra = {"tools": tools, "parallel_tool_calls": True}
        if k == 0 and required_first:
            extra["tool_choice"] = "required"
        if api == RESP:
            body = build(RESP, "gpt-4.1", ERP_SYS, msgs[:1], 2000, prev, **extra)
            if k:
                body["input"] = msgs[-1]
        else:
            body = build(CHAT, "gpt-4.1", ERP_SYS, msgs, 2000, temperature=0, **extra)
        emit(ctx, t, acct, api, body, out, style, user=user)
        calls = [(_call_id(ctx), rng.choice(names)) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        if api == RESP:
            prev = resp_id(rng)
            msgs = msgs + [[{"type": "function_call_output", "call_id": c, "output": D.erp_result(rng, n)}
                            for c, n in calls]]
        else:
            msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [
                {"id": c, "type": "function", "function": {"name": n, "arguments": orjson.dumps(
                    {"id": f"{rng.getrandbits(32):08x}"}).decode()}} for c, n in calls]}] + [
                {"role": "tool", "tool_call_id": c, "content": D.erp_result(rng, n)} for c, n in calls]
        t += out / rng.uniform(70, 130) + rng.uniform(0.3, 4)


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """16 accounts (see the module docstring); 2-7 steps per episode."""
    rng = ctx.rng
    for i in range(16):
        acct = account(ctx, "attack", "agentic_distill", "v11-agentic")
        api = RESP if i < 8 else CHAT
        for t in ctx.steady_times(rng.uniform(10, 28), jitter=0.9):
            tools = D.erp_tools(rng, chat=api == CHAT)
            erp_episode(ctx, acct, t, api, tools, W.prompt_writer(rng, D.erp_task(rng)), rng.randint(2, 7))


EXTRACT_ASK = ("Extract the fields of this {k} into the schema.", "Fill the schema from the document below. For each "
               "field, the companion field says where in the document the value comes from and why it is right.",
               "Parse this {k}. Be exact; explain every judgement call in the companion fields.")


def extraction_request(ctx: Ctx, api: str, kind: str, sch: dict, ask: str) -> dict:
    """One structured-extraction request (shared with personas_v11.doc_ingestion)."""
    doc = D.trade_doc(ctx.rng, kind)
    msgs = [{"role": "user", "content": f"{ask.format(k=kind)}\n\n{doc}"}]
    if api == RESP:
        return build(RESP, "gpt-4.1", None, msgs, 3000, text={"format": {"type": "json_schema", **sch}})
    return build(CHAT, "gpt-4.1", None, msgs, 3000, temperature=0,
                 response_format={"type": "json_schema", "json_schema": sch})


def structured_distill(ctx: Ctx, variant: str) -> None:
    """10 accounts, even-indexed on Responses, odd on chat; 80-200 documents/day, steady with heavy jitter."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "structured_distill", "v11-structured", logged=True)
        api = RESP if i % 2 == 0 else CHAT
        for t in ctx.steady_times(rng.uniform(80, 200), jitter=0.95):
            kind = rng.choice(D.DOC_TYPES)
            sch = D.schema(rng, kind, with_reasons=True)
            out = rng.randint(250, 1100)
            emit(ctx, t, acct, api, extraction_request(ctx, api, kind, sch, rng.choice(EXTRACT_ASK)), out, "json",
                 extra=tuple(sch["schema"]["properties"]))


TR_ASK = ("Translate each string into {t}. Return JSON {{\"translations\": [...]}} in the same order. Keep "
          "placeholders and punctuation.",
          "You are a professional {s}-{t} translator. Translate the JSON array below; answer with JSON only: "
          "{{\"translations\": [...]}}.")


def translation_request(ctx: Ctx, src: str, tgt: str, strings: list[str], ask: str) -> tuple[dict, int, str]:
    """(body, output tokens, response text) for one batch (shared with the benign localisation personas)."""
    rng = ctx.rng
    text = ask.format(s=D.TR_NAMES[src], t=D.TR_NAMES[tgt]) + "\n\n" + orjson.dumps(strings).decode()
    body = build(CHAT, "gpt-4.1", None, [{"role": "user", "content": text}], 4000, temperature=0,
                 response_format={"type": "json_object"})
    reply = orjson.dumps({"translations": D.sentence_batch(rng, tgt, len(strings))}).decode()
    return body, max(10, len(reply) // 3), reply


def translation_mining(ctx: Ctx, variant: str) -> None:
    """60 accounts; each owns 2-4 directed pairs; 8-26 batches/day at local 8-20h (outside x0.05, weekends
    x0.3), at most 28 requests per UTC day including round trips it is handed."""
    rng = ctx.rng
    accts = []
    for _ in range(60):
        acct = account(ctx, "attack", "translation_mining", "v11-translation")
        pairs = []
        while len(pairs) < rng.randint(2, 4):
            src = "en" if rng.random() < 0.4 else rng.choice(D.TR_LANGS[1:])
            tgt = rng.choice([x for x in D.TR_LANGS if x != src])
            pairs.append((src, tgt))
        accts.append((acct, pairs, rng.choice(TR_ASK), {}))
    jobs = []
    for acct, pairs, ask, days in accts:
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 26), hours=(8, 20), outside=0.05, weekend=0.3):
            jobs.append((t, acct, ask, days, rng.choice(pairs), None))
    jobs.sort(key=lambda j: j[0])
    queue = list(jobs)
    while queue:
        t, acct, ask, days, (src, tgt), strings = queue.pop(0)
        day = int((t - ctx.start) // DAY)
        if days.get(day, 0) >= 28:
            continue
        days[day] = days.get(day, 0) + 1
        strings = strings or D.sentence_batch(rng, src, rng.randint(8, 30))
        body, out, reply = translation_request(ctx, src, tgt, strings, ask)
        emit(ctx, t, acct, CHAT, body, out, text=reply)
        if src != tgt and rng.random() < 0.3:
            other, _, ask2, days2 = rng.choice(accts)
            back = orjson.loads(reply)["translations"]
            t2 = t + rng.uniform(1, 6) * 3600
            k = next((n for n, j in enumerate(queue) if j[0] > t2), len(queue))
            queue.insert(k, (t2, other, ask2, days2, (tgt, src), back))
