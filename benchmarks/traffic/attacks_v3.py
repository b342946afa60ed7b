"""Attack campaigns, `variant="v3"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ or docs/extraction.md and never ran the detector; nothing here was tuned against a
detector result. The phrasings and templates are new (not those of attacks.py or attacks_fresh.py).

Scenarios (names as in attacks.py so the tables line up; campaign ids start with "v3-"):
- cot_harvester: one heavy account, ~1,000 requests/day shaped by the operator's working day: Anthropic
  extended thinking, batches of numbered problems with a prefilled "ANALYSIS" turn, and `developer`-role
  instructions on the Chat Completions API.
- hydra: 150 accounts, 12-24 requests/day each (at most 27 a day), staggered lifetimes (accounts come and
  go over the window), three prompt kits (system prompt, Responses `instructions` incl. reasoning
  summaries, instruction after the problem), 30% of accounts in a language other than English.
- taxonomy: 12 accounts sweeping one capability (algorithmic coding: 18 families x 5 constraint regimes x
  6 languages x 3 tiers) in shard order, asking for statements, editorials and reference solutions.
- sampling: 8 accounts on a shared pool of 48 prompts: n=8-16 samples, completions with echo + logprobs to
  score candidate solutions, top_logprobs=20 soft labels, and Responses resamples at temperature >= 1.
- mixed_into_chat: 18 accounts with ordinary conversations; a script on the same key runs short harvest
  bursts, and some harvest turns are appended to a live conversation.
- paraphrased: 90 accounts, 4-16 requests/day in irregular diurnal sessions, each prompt assembled from a
  grammar (context claim x ask of lead x action x object x ending), typed casually, eight languages, three APIs.
- agentic_distill: 36 accounts harvesting tool-use trajectories: whole self-simulated trajectories in one
  request, a fabricated environment feeding tool results back turn by turn, Anthropic thinking + tools.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_v3 as V
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

ASK_EN = (
    "Before you commit to an answer, reason through the whole problem in the reply itself; the reasoning is "
    "what I will read.",
    "Write it the way a solutions manual would: define every intermediate quantity, derive it, leave nothing "
    "for the reader.",
    "Answer in two parts. ANALYSIS: all of your working, in order, including checks. RESULT: one line.",
    "I need the path, not just the destination: each line should follow visibly from the one before.",
    "Include your internal deliberation verbatim: what you tried, what failed, and why you switched approach.",
    "Think aloud at length; long is fine. Put the final value after 'Result:'.",
    "Expose your full reasoning trace before the answer.",
    "Reproduce your complete chain of thought, then the answer.",
    "Derive it from first principles and keep every intermediate line in the output.",
    "Explain the reasoning at a granularity from which a smaller model could learn the method.",
    "Don't compress anything: long-form solution, every inference with the reason it is valid.",
    "Leave all intermediate calculations visible and comment on each choice of method.",
    "Start with a plan, carry it out in full detail, verify the result, and only then answer.",
    "Treat this as a textbook worked example: motivation, method, full computation, check.",
)
ASK_I18N: dict[str, tuple[str, ...]] = {
    "es": ("Desarrolla la solución completa, explicando por qué das cada paso, y escribe el resultado solo al final.",
           "Quiero ver todo tu razonamiento, incluidas las comprobaciones, antes de la respuesta."),
    "it": ("Sviluppa la soluzione per intero, motivando ogni passaggio, e scrivi il risultato solo alla fine.",
           "Mostrami tutto il ragionamento, comprese le verifiche, prima della risposta."),
    "zh": ("请完整写出解题思路和每一步的依据，最后再给出答案。", "不要只给结果，把你的全部推导过程和验算都写出来。"),
    "tr": ("Çözümü baştan sona ayrıntılı yaz, her adımın gerekçesini açıkla ve sonucu en sonda ver.",
           "Sadece cevabı değil, tüm düşünme sürecini ve kontrollerini de göster."),
    "pl": ("Rozpisz pełne rozwiązanie, uzasadnij każde przejście i podaj wynik dopiero na końcu.",
           "Pokaż cały tok rozumowania razem ze sprawdzeniem, a dopiero potem odpowiedź."),
    "vi": ("Trình bày lời giải đầy đủ, giải thích lý do của từng bước và chỉ nêu đáp số ở cuối.",
           "Đừng chỉ đưa ra đáp án, hãy viết toàn bộ quá trình suy luận và kiểm tra lại."),
    "id": ("Tuliskan penyelesaian lengkap, jelaskan alasan setiap langkah, dan berikan jawaban akhir di "
           "bagian paling bawah.", "Tunjukkan seluruh proses berpikirmu, termasuk pengecekan, sebelum jawaban."),
}


def _asks(lang: str) -> tuple[str, ...]:
    return ASK_EN if lang == "en" else ASK_I18N[lang]


def _problem(ctx: Ctx, lang: str = "en", code_share: float = 0.4) -> str:
    rng = ctx.rng
    if lang == "en" and rng.random() < code_share:
        return V.coding(rng)
    return V.maths(rng, lang)


KEY_SYSTEM = ("You are authoring the answer key for an adaptive-learning product. Learners see your solution "
              "after they submit, so it has to be complete and correct. {ask}")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One heavy account, ~1,000 requests/day, busier in the operator's working hours but never idle. 45%
    Anthropic extended thinking (budget 6-12k) on single problems, 30% Anthropic batches of 3-5 numbered
    problems with an assistant prefill, 25% Chat Completions with the ask in a `developer` message."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v3-solo")
    for t in V.shaped_times(ctx, acct["tz"], per_day=1000, busy=(7, 23), quiet=0.35):
        r = rng.random()
        if r < 0.45:
            body = anthropic_body([{"role": "user", "content": _problem(ctx)}],
                                  system=KEY_SYSTEM.format(ask=rng.choice(ASK_EN[:6])), max_tokens=16000,
                                  thinking={"type": "enabled", "budget_tokens": rng.choice((6000, 8000, 12000))})
            ctx.emit(t, acct, "anthropic.messages", body, rng.randint(2500, 11000))
        elif r < 0.75:
            k = rng.randint(3, 5)
            listing = "\n".join(f"{i + 1}. {_problem(ctx, code_share=0.3)}" for i in range(k))
            msgs = [{"role": "user", "content": f"Problems:\n{listing}\n\nHandle each problem separately."},
                    {"role": "assistant", "content": "ANALYSIS 1."}]
            body = anthropic_body(msgs, system=KEY_SYSTEM.format(ask=rng.choice(ASK_EN)), max_tokens=8000,
                                  temperature=0.7)
            ctx.emit(t, acct, "anthropic.messages", body, rng.randint(3000, 8000))
        else:
            msgs = [{"role": "developer", "content": rng.choice(ASK_EN)},
                    {"role": "user", "content": _problem(ctx, code_share=0.5)}]
            body = chat_body(msgs, model="gpt-4.1", temperature=0.6, max_completion_tokens=6000)
            ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(800, 4000))


HYDRA_KITS = (
    "You prepare reference solutions for a secondary and olympiad maths curriculum. {ask}",
    "{ask}\nOutput layout:\nANALYSIS: ...\nRESULT: ...",
    "{problem}\n\n---\n{ask}",
)


def hydra(ctx: Ctx, variant: str) -> None:
    """150 accounts, each 12-24 requests/day (never more than 27 in a UTC day) during a 1.5-5 day lifetime
    that starts anywhere in the window (accounts rotated in as others go quiet). Each account keeps one API
    and one prompt kit: chat with the ask in the system prompt, Responses with the ask in `instructions` (a
    third on o4-mini with detailed reasoning summaries), or Anthropic with the ask after the problem. 30% of
    accounts use another language."""
    rng = ctx.rng
    for _ in range(150):
        acct = ctx.account("attack", "hydra", "v3-hydra")
        lang = rng.choice(V.LANGS[1:]) if rng.random() < 0.3 else "en"
        api = rng.choices(("openai.chat.completions", "openai.responses", "anthropic.messages"), (45, 30, 25))[0]
        born = ctx.start + rng.uniform(-1.0, ctx.days - 0.5) * DAY
        life = rng.uniform(1.5, 5.0) * DAY
        reasoning_model = api == "openai.responses" and rng.random() < 0.33
        asks = _asks(lang)
        rate = rng.uniform(12, 24)
        first = max(ctx.start, born) + rng.uniform(0, DAY / rate)
        used: dict[int, int] = {}
        for t in ctx.steady_times(per_day=rate, jitter=0.8, start=first, end=min(ctx.end, born + life)):
            day = int((t - ctx.start) // DAY)
            if used.get(day, 0) >= 27:  # the operator's per-account daily budget
                continue
            used[day] = used.get(day, 0) + 1
            problem, ask = V.maths(rng, lang), rng.choice(asks)
            out = rng.randint(600, 2600)
            if api == "openai.chat.completions":
                msgs = [{"role": "system", "content": HYDRA_KITS[0].format(ask=ask)},
                        {"role": "user", "content": problem}]
                ctx.emit(t, acct, api, chat_body(msgs, model="gpt-4o", temperature=0.8, max_tokens=3500), out)
            elif api == "openai.responses":
                body = {"model": "gpt-4.1", "instructions": HYDRA_KITS[1].format(ask=ask),
                        "input": f"Item {rng.getrandbits(20):05x}\n{problem}", "max_output_tokens": 4000}
                if reasoning_model:
                    body["model"] = "o4-mini"
                    body["reasoning"] = {"effort": "high", "summary": "detailed"}
                ctx.emit(t, acct, api, body, out)
            else:
                msgs = [{"role": "user", "content": HYDRA_KITS[2].format(problem=problem, ask=ask)}]
                ctx.emit(t, acct, api, anthropic_body(msgs, max_tokens=4000, temperature=0.8), out)


TAXO_SYSTEM = ("You write material for a competitive-programming course. For the cell you are given, produce: "
               "(1) an original problem statement with input/output format and two samples, (2) an editorial "
               "that explains how one arrives at the intended idea, why slower ideas fail under the constraints, "
               "and the correctness and complexity argument, (3) a reference solution in the given language.")
TAXO_SOLVE = ("Solve the problem below in {lang}. Start with the observations that lead to the algorithm and the "
              "argument that it is correct and fast enough for {regime}; code last.\n\n{problem}")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """Systematic coverage of one capability, algorithmic coding: a grid of 18 families x 5 regimes x 6
    languages x 3 tiers, split into 12 shards walked in order. 65% of requests author a problem + editorial +
    solution for the cell (the cell as a compact key list); 35% ask for a solution of a pool problem with the
    cell's regime and language. 4 accounts use the Anthropic API; 45-85 requests/day each."""
    rng = ctx.rng
    cells = [(f, r, lang, tier) for f in V.ALGO_FAMILIES for r in V.REGIMES for lang in V.PROG_LANGS
             for tier in V.TIERS]
    n_shards = 12
    for shard in range(n_shards):
        acct = ctx.account("attack", "taxonomy", "v3-taxonomy")
        anthropic = shard % 3 == 0
        mine = cells[shard::n_shards]
        for i, t in enumerate(V.shaped_times(ctx, acct["tz"], per_day=rng.uniform(45, 85), busy=(6, 22), quiet=0.5)):
            family, regime, lang, tier = mine[i % len(mine)]
            if rng.random() < 0.65:
                user = f"family: {family}\nconstraints: {regime}\nlanguage: {lang}\ntier: {tier}\nseed: {i}"
                system = TAXO_SYSTEM
            else:
                user = TAXO_SOLVE.format(lang=lang, regime=regime, problem=V.coding(rng, lang))
                system = "You are an expert competitive programmer and coach."
            out = rng.randint(1500, 5000)
            if anthropic:
                ctx.emit(t, acct, "anthropic.messages",
                         anthropic_body([{"role": "user", "content": user}], system=system, max_tokens=8000), out)
            else:
                msgs = [{"role": "system", "content": system}, {"role": "user", "content": user}]
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body(msgs, model="gpt-4.1", temperature=0.9, max_tokens=8000), out)


def sampling(ctx: Ctx, variant: str) -> None:
    """Distribution harvesting on a shared pool of 48 prompts (maths and coding), one mode per account: n=8-16
    chat samples at temperature 1; legacy completions with echo + logprobs scoring a candidate solution
    (max_tokens 0); top_logprobs=20 soft labels; Responses resamples at temperature 1.0-1.4 with token logprobs.
    120-260 requests/day per account, dispatched in small bursts per prompt."""
    rng = ctx.rng
    pool = [V.maths(rng) for _ in range(28)] + [V.coding(rng) for _ in range(20)]
    modes = ("n_samples", "echo_score", "soft_labels", "resample") * 2
    for mode in modes:
        acct = ctx.account("attack", "sampling", "v3-sampling")
        per_day = rng.uniform(120, 260)
        burst = (1, 1) if mode in ("n_samples", "soft_labels") else (2, 6)
        for t0 in ctx.steady_times(per_day=per_day / ((burst[0] + burst[1]) / 2), jitter=0.7):
            prompt = rng.choice(pool)
            for k in range(rng.randint(*burst)):
                t = t0 + k * rng.uniform(0.3, 4.0)
                if mode == "n_samples":
                    body = chat_body([{"role": "user", "content": prompt}], model="gpt-4o", n=rng.choice((8, 12, 16)),
                                     temperature=1.0, max_tokens=2000)
                    ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(4000, 16000))
                elif mode == "echo_score":
                    text = f"Problem: {prompt}\n\nSolution: {V.filler(rng, rng.randint(60, 200))}"
                    body = {"model": "gpt-3.5-turbo-instruct", "prompt": text, "echo": True, "logprobs": 5,
                            "max_tokens": 0, "temperature": 0}
                    ctx.emit(t, acct, "openai.completions", body, 0)
                elif mode == "soft_labels":
                    body = chat_body([{"role": "user", "content": prompt}], temperature=1.0, logprobs=True,
                                     top_logprobs=20, max_tokens=rng.choice((400, 800)))
                    ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(300, 800))
                else:
                    body = {"model": "gpt-4.1-mini", "input": prompt, "temperature": rng.choice((1.0, 1.2, 1.4)),
                            "top_logprobs": 10, "include": ["message.output_text.logprobs"],
                            "max_output_tokens": 2000}
                    ctx.emit(t, acct, "openai.responses", body, rng.randint(400, 1800))


def _send(ctx: Ctx, acct: dict, api: str, t: float, msgs: list[dict], out: int) -> None:
    body = anthropic_body(msgs, max_tokens=4096) if api == "anthropic.messages" else chat_body(msgs, max_tokens=4096)
    ctx.emit(t, acct, api, body, out)


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """18 accounts that hold ordinary conversations (personas._conversation). A script on the same key runs
    harvest bursts of 4-12 requests 15-90 s apart in ~20% of sessions; in another ~10% a harvest turn is
    appended to a live conversation. Harvest prompts are in the account's language 40% of the time."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    for _ in range(18):
        acct = ctx.account("attack", "mixed_into_chat", "v3-mixed")
        lang = rng.choice(V.LANGS[1:])
        api = "anthropic.messages" if rng.random() < 0.35 else "openai.chat.completions"

        for session in ctx.diurnal_times(acct, per_day=rng.uniform(20, 45), session_len=(1, 5)):
            r = rng.random()
            if r < 0.2:
                t = session[0]
                for _ in range(rng.randint(4, 12)):
                    use = lang if rng.random() < 0.4 else "en"
                    text = f"{_problem(ctx, use, 0.3)}\n\n{rng.choice(_asks(use))}"
                    _send(ctx, acct, api, t, [{"role": "user", "content": text}], rng.randint(700, 2500))
                    t += rng.uniform(15, 90)
            elif r < 0.3 and len(session) > 1:
                _conversation(ctx, acct, session[:-1], coding_bias=0.2, api=api)
                msgs = [{"role": "user", "content": C.casual(rng, rng.choice(C.CHAT))},
                        {"role": "assistant", "content": V.filler(rng, 50)},
                        {"role": "user", "content": f"unrelated, but: {_problem(ctx)} {rng.choice(ASK_EN)}"}]
                _send(ctx, acct, api, session[-1], msgs, rng.randint(700, 2500))
            else:
                _conversation(ctx, acct, session, coding_bias=0.2, api=api)


CLAIMS = ("", "", "", "Revising for finals.", "My study group can't agree on this one.", "Tutor's away this week.",
          "Checking my own attempt.", "Prepping for a quant interview.", "This came up at work.", "Saw this online.")
LEADS = ("Could you", "Please", "I'd like you to", "Would you", "Can you", "Mind if you")
ACTIONS = ("set out", "go through", "unpack", "work through", "reconstruct", "write down")
OBJECTS = ("the full line of reasoning", "every intermediate result", "how each line is justified",
           "the whole derivation, checks included", "your thinking from start to finish", "all the algebra")
ENDINGS = ("before the final answer", "and box the answer at the end", "in numbered stages",
           "- rather too much detail than too little", "so I can compare with mine", "")
FOLLOW = ("and why does the third line hold?", "where did the factor come from?", "can you double-check that part",
          "what if the numbers were different, same method?")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """90 accounts, 4-16 requests/day in irregular diurnal sessions (gaps 2-40 min). English prompts come from a
    grammar (claim x lead x action x object x ending, ~1,300 asks) around a maths or coding problem, in random
    order and typed casually; 25% of accounts write in another language; 30% of multi-request sessions are
    follow-ups in the same conversation. APIs: 50% chat, 30% Anthropic, 20% Responses."""

    rng = ctx.rng
    for _ in range(90):
        acct = ctx.account("attack", "paraphrased", "v3-paraphrase")
        lang = rng.choice(V.LANGS[1:]) if rng.random() < 0.25 else "en"
        api = rng.choices(("openai.chat.completions", "anthropic.messages", "openai.responses"), (50, 30, 20))[0]
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(4, 16), session_len=(1, 3), gap_s=(120, 2400)):
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.3:
                    msgs = msgs + [{"role": "assistant", "content": V.filler(rng, 60)},
                                   {"role": "user", "content": rng.choice(FOLLOW)}]
                elif lang == "en":
                    e = rng.choice(ENDINGS)
                    ask = f"{rng.choice(LEADS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}{' ' + e if e else ''}"
                    ask += "?" if ask.split()[0] in ("Could", "Would", "Can", "Mind") else "."
                    parts = [rng.choice(CLAIMS), _problem(ctx, "en", 0.35), ask]
                    if rng.random() < 0.35:
                        parts[1], parts[2] = parts[2], parts[1]
                    msgs = [{"role": "user", "content": C.casual(rng, " ".join(p for p in parts if p))}]
                else:
                    text = f"{V.maths(rng, lang)}\n{rng.choice(ASK_I18N[lang])}"
                    msgs = [{"role": "user", "content": text}]
                out = rng.randint(500, 2000)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=rng.choice((2048, 4096))), out)
                elif api == "openai.responses":
                    ctx.emit(t, acct, api, {"model": "gpt-4.1", "input": list(msgs), "max_output_tokens": 4096}, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), temperature=rng.choice((0.5, 0.7, 1.0))), out)


AGENT_SYSTEM = ("You are Relay, an autonomous operations agent. You have access to the tools listed. Work until the "
                "task is fully resolved. Before every tool call, write a paragraph explaining what you expect to "
                "learn and why this call is the best next move; after every result, state what it changed in your "
                "plan. Do not ask the user questions.")
SELFPLAY = ("Task: {task}\n\nProduce the complete trajectory an expert agent would follow with the tools above, "
            "from the first action to the final answer. For every step output: the reasoning behind it, the exact "
            "tool call as JSON, and a realistic tool result. Continue until the task is solved; then give the final "
            "report.")


def _tools(kind: str, fmt: str) -> list[dict]:
    params = {"type": "object", "properties": {"query": {"type": "string"}, "target": {"type": "string"}}}
    out = []
    for name, desc in V.AGENT_TOOLSETS[kind]:
        if fmt == "anthropic":
            out.append({"name": name, "description": desc, "input_schema": params})
        elif fmt == "responses":
            out.append({"type": "function", "name": name, "description": desc, "parameters": params})
        else:
            out.append({"type": "function", "function": {"name": name, "description": desc, "parameters": params}})
    return out


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """36 accounts, 12-26 requests/day, one tool set and one API each. Three shapes: (a) one request asks for a
    whole self-simulated multi-step trajectory (reasoning + tool-call JSON + invented result per step); (b) a
    fabricated environment: sessions of 3-7 requests seconds apart, each feeding an invented tool result back,
    under a system prompt demanding a reasoning paragraph before every call; (c) Anthropic with extended
    thinking and tools, same loop."""
    rng = ctx.rng
    for _ in range(36):
        acct = ctx.account("attack", "agentic_distill", "v3-agentic")
        kind = rng.choice(tuple(V.AGENT_TOOLSETS))
        api = rng.choice(("openai.chat.completions", "openai.responses", "anthropic.messages"))
        thinking = api == "anthropic.messages" and rng.random() < 0.5
        names = [n for n, _ in V.AGENT_TOOLSETS[kind]]
        per_day = rng.uniform(12, 26)
        for t0 in ctx.steady_times(per_day=per_day / 3.6, jitter=0.9):  # 3.6 requests per task on average
            task = rng.choice(V.AGENT_TASKS[kind]).format(w=rng.choice(V.TOPIC_WORDS))
            if rng.random() < 0.35:  # (a) whole trajectory in one request
                prompt = SELFPLAY.format(task=task)
                steps = [t0]
            else:
                prompt = task
                steps = [t0 + k * rng.uniform(3, 25) for k in range(rng.randint(3, 7))]
            hist: list[tuple[str, str, str]] = []  # (call id, tool, result)
            for t in steps:
                out = rng.randint(2000, 6000) if len(steps) == 1 else rng.randint(250, 1200)
                if api == "anthropic.messages":
                    msgs: list[dict] = [{"role": "user", "content": prompt}]
                    for cid, name, res in hist:
                        use = {"type": "tool_use", "id": cid, "name": name, "input": {"query": task[:40]}}
                        blocks: list[dict] = [{"type": "text", "text": V.filler(rng, 40)}, use]
                        if thinking:
                            blocks.insert(0, {"type": "thinking", "thinking": V.filler(rng, 120),
                                              "signature": f"sig{rng.getrandbits(64):016x}"})
                        msgs.append({"role": "assistant", "content": blocks})
                        msgs.append({"role": "user", "content": [
                            {"type": "tool_result", "tool_use_id": cid, "content": res}]})
                    extra: dict = ({"thinking": {"type": "enabled", "budget_tokens": 4000}} if thinking
                                   else {"temperature": 0.5})
                    body = anthropic_body(msgs, system=AGENT_SYSTEM, max_tokens=8000, tools=_tools(kind, "anthropic"),
                                          **extra)
                elif api == "openai.responses":
                    items: list[dict] = [{"role": "user", "content": prompt}]
                    for cid, name, res in hist:
                        items.append({"type": "function_call", "call_id": cid, "name": name,
                                      "arguments": orjson.dumps({"query": task[:40]}).decode()})
                        items.append({"type": "function_call_output", "call_id": cid, "output": res})
                    body = {"model": "gpt-4.1", "instructions": AGENT_SYSTEM, "input": items,
                            "tools": _tools(kind, "responses"), "max_output_tokens": 6000}
                else:
                    msgs = [{"role": "system", "content": AGENT_SYSTEM}, {"role": "user", "content": prompt}]
                    for cid, name, res in hist:
                        msgs.append({"role": "assistant", "content": V.filler(rng, 40), "tool_calls": [
                            {"id": cid, "type": "function", "function": {
                                "name": name, "arguments": orjson.dumps({"query": task[:40]}).decode()}}]})
                        msgs.append({"role": "tool", "tool_call_id": cid, "content": res})
                    body = chat_body(msgs, model="gpt-4.1", tools=_tools(kind, "chat"), parallel_tool_calls=False,
                                     temperature=0.5, max_tokens=6000)
                ctx.emit(t, acct, api, body, out)
                prefix = "toolu_" if api == "anthropic.messages" else "call_"
                cid = f"{prefix}{rng.getrandbits(48):012x}"
                hist.append((cid, rng.choice(names), V.filler(rng, rng.randint(20, 80))))


ATTACKS_V3 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill)
