"""Attack campaigns of `variant="v10"`, continued (attacks_v10.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v10-".

- agentic_distill: 18 accounts: 7 incident investigations on the Responses API over a remote MCP server (the tool
  calls run server-side, so the request shows only the task and then the analyst's short follow-ups, chained by
  previous_response_id), 6 chess-preparation loops on Anthropic with a server-side web search and two client
  tools (engine lines and opening-book statistics come back as tool results), 5 peer-review assistants on chat
  with function tools (manuscript sections, trial registry, power calculations) and parallel tool calls.
- audio_distill (new): 8 accounts sending speech clips (`input_audio` content parts, gpt-4o-audio-preview): "what
  does the speaker want, and how can you tell" answered in one of the six languages, or a transcript followed
  by an account of the speaker's stance and the cues for it; around the clock, 150-400 clips/day.
- editorial_distill (new): 10 accounts posing as a manuscript-editing service: a fiction passage line-edited
  with a note on every change (what was changed, why, and the craft principle behind it), or an editorial letter
  on a chapter; half on Anthropic with a house-style system prompt, half on chat; two shifts (local 8-17 and
  20-04, as an outsourced team would), 120-260 requests/day.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v10 as W
from benchmarks.traffic import corpus_v10_agents as G
from benchmarks.traffic.context import Ctx, anthropic_body, chat_body

NON_EN = W.LANGS[1:]
CHAT, ANTH, RESP = "openai.chat.completions", "anthropic.messages", "openai.responses"


def _id(ctx: Ctx, prefix: str, bits: int = 64) -> str:
    return f"{prefix}{ctx.rng.getrandbits(bits):0{bits // 4}x}"


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """18 accounts around the clock: MCP investigations (0-6, 10-25 episodes/day, 2-5 calls 20-120 s apart),
    chess loops (7-12, 8-20 episodes/day, 3-8 calls), review loops (13-17, 8-18 episodes/day, 3-7 calls)."""
    rng = ctx.rng
    for i in range(18):
        acct = ctx.account("attack", "agentic_distill", "v10-agentic")
        if i < 7:
            for t in ctx.steady_times(rng.uniform(10, 25), jitter=0.9):
                inp, prev = rng.choice(G.IR_TASKS).format(a=W.alert(rng, rng.randint(2, 5))), None
                for _ in range(rng.randint(2, 5)):
                    body = {"model": "gpt-4.1", "instructions": G.IR_INSTR, "input": inp, "tools": G.MCP_TOOLS,
                            "max_output_tokens": 4000}
                    if prev:
                        body["previous_response_id"] = prev
                    ctx.emit(t, acct, RESP, body, rng.randint(300, 1400))
                    prev, inp = _id(ctx, "resp_", 96), rng.choice(G.IR_NEXT)
                    t += rng.uniform(20, 120)
        elif i < 13:
            for t in ctx.steady_times(rng.uniform(8, 20), jitter=0.9):
                task = rng.choice(G.CHESS_TASKS).format(o=rng.choice(W.OPENINGS), g=W.game(rng))
                msgs: list[dict] = [{"role": "user", "content": task}]
                for _ in range(rng.randint(3, 8)):
                    out = rng.randint(60, 400)
                    ctx.emit(t, acct, ANTH, anthropic_body(list(msgs), tools=G.CHESS_TOOLS, max_tokens=2048), out)
                    tool = rng.choice(G.CHESS_TOOLS[1:])
                    cid = _id(ctx, "toolu_")
                    args = {"fen": W.fen(rng), "depth": 22} if tool["name"] == "engine_analyse" else \
                        {"moves": rng.choice(W.OPENINGS)}
                    result = G.engine_lines(rng) if tool["name"] == "engine_analyse" else \
                        f"games: {rng.randint(40, 9000)}, white {rng.randint(30, 45)}%, draw {rng.randint(20, 40)}%"
                    msgs = msgs + [{"role": "assistant", "content": [
                        {"type": "tool_use", "id": cid, "name": tool["name"], "input": args}]},
                        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid, "content": result}]}]
                    t += out / rng.uniform(60, 110) + rng.uniform(1, 6)
        else:
            for t in ctx.steady_times(rng.uniform(8, 18), jitter=0.9):
                msgs = [{"role": "system", "content": G.REVIEW_SYS},
                        {"role": "user", "content": f"Check the methods of this submission:\n{W.abstract(rng)}"}]
                for _ in range(rng.randint(3, 7)):
                    out = rng.randint(60, 500)
                    ctx.emit(t, acct, CHAT, chat_body(list(msgs), model="gpt-4.1", tools=G.REVIEW_TOOLS,
                                                      parallel_tool_calls=True, temperature=0.2), out)
                    calls = [{"id": _id(ctx, "call_"), "type": "function", "function": {
                        "name": rng.choice(("fetch_section", "search_registry", "power_calc")),
                        "arguments": '{"section": "methods"}'}} for _ in range(rng.randint(1, 3))]
                    msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": calls}] + [
                        {"role": "tool", "tool_call_id": c["id"], "content": W.prose(rng, rng.randint(30, 120))}
                        for c in calls]
                    t += out / rng.uniform(60, 110) + rng.uniform(1, 8)


AUDIO_ASK = ("What does the speaker want, and how can you tell? Answer in {L}.",
             "Transcribe the clip, then describe the speaker's stance and every cue you used to judge it.",
             "Is the speaker sincere or sarcastic? Explain what in the recording tells you.")


def audio_distill(ctx: Ctx, variant: str) -> None:
    """8 accounts, 150-400 clips/day around the clock, one clip per single-turn request."""
    rng = ctx.rng
    for _ in range(8):
        acct = ctx.account("attack", "audio_distill", "v10-audio")
        for t in ctx.steady_times(rng.uniform(150, 400), jitter=0.8):
            ask = rng.choice(AUDIO_ASK).format(L=W.LANG_NAMES[rng.choice(NON_EN)])
            content = [{"type": "text", "text": ask},
                       {"type": "input_audio", "input_audio": {"data": W.audio_clip(rng),
                                                               "format": rng.choice(("wav", "mp3"))}}]
            ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": content}], model="gpt-4o-audio-preview",
                                              modalities=["text"], temperature=0.2), rng.randint(250, 900))


HOUSE_SYS = ("House style for Inkwell Editing: British spelling, serial comma, no em dashes. For every edit you "
             "make, add a numbered editor's note: the original, the change, why, and the principle of craft it "
             "follows, so the author learns from it.")
LINE_ASK = ("Line-edit this {g} passage. After the edited text, list each change with the reason for it.",
            "Please edit for tightness and rhythm. For each change: what, why, and the rule of thumb behind it.")
LETTER_ASK = ("Write the editorial letter for this {g} chapter opening: what works, what does not, and why, "
              "with the reasoning a developmental editor would give.")


def editorial_distill(ctx: Ctx, variant: str) -> None:
    """10 accounts; even-indexed on Anthropic with HOUSE_SYS, odd on chat; 70% line edits, 30% letters."""
    rng = ctx.rng
    for i in range(10):
        acct = ctx.account("attack", "editorial_distill", "v10-editorial")
        rate = rng.uniform(120, 260)
        times = ctx.window_times(acct["tz"], rate / 2, hours=(8, 17), outside=0.05) + \
            ctx.window_times(acct["tz"], rate / 2, hours=(20, 4), outside=0.05)
        for t in sorted(times):
            g = rng.choice(W.GENRES)
            ask = (rng.choice(LINE_ASK) if rng.random() < 0.7 else LETTER_ASK).format(g=g)
            text = f"{ask}\n\n{W.passage(rng, rng.randint(3, 8))}"
            out = rng.randint(600, 2000)
            if i % 2 == 0:
                ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": text}], system=HOUSE_SYS,
                                                       max_tokens=4000), out)
            else:
                ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": text}], model="gpt-4.1",
                                                  temperature=0.5), out)
