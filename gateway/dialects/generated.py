"""Generated output besides the answer's text, counted for the estimate of an answer without a usage block.

When an upstream reports no usage (or the stream is cut before it does), output tokens are estimated from the
characters generated (~4 a token, `Usage.settle_estimate`). A tool call's name and arguments, a refusal and
reasoning text are generated tokens too: an agent's tool calls must not be charged nothing, streamed or whole.
The whole-answer counts (`answer_chars`) count what the stream counts delta by delta.
"""

from __future__ import annotations

from typing import Any

import orjson

_RESPONSES_DELTAS = frozenset(("response.function_call_arguments.delta", "response.custom_tool_call_input.delta",
                               "response.refusal.delta", "response.reasoning_summary_text.delta",
                               "response.reasoning_text.delta"))
_ANTHROPIC_DELTAS = {"input_json_delta": "partial_json", "thinking_delta": "thinking"}


def _len(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def chat_delta_chars(delta: dict) -> int:
    """A chat chunk's delta: its tool calls' names and arguments, its refusal."""
    n = _len(delta.get("refusal"))
    calls = delta.get("tool_calls")
    if isinstance(calls, list):
        for call in calls:
            fn = call.get("function") if isinstance(call, dict) else None
            if isinstance(fn, dict):
                n += _len(fn.get("name")) + _len(fn.get("arguments"))
    return n


def responses_event_chars(etype: Any, obj: dict) -> int:
    """A Responses API event: argument, refusal and reasoning deltas; the name of a tool call as its item opens."""
    if not isinstance(etype, str):
        return 0
    if etype in _RESPONSES_DELTAS:
        return _len(obj.get("delta"))
    if etype == "response.output_item.added":
        item = obj.get("item")
        if isinstance(item, dict) and item.get("type") in ("function_call", "custom_tool_call"):
            return _len(item.get("name"))
    return 0


def anthropic_event_chars(etype: Any, obj: dict) -> int:
    """An Anthropic event: tool input and thinking deltas; a tool's name as its block starts."""
    if etype == "content_block_delta":
        delta = obj.get("delta")
        kind = delta.get("type") if isinstance(delta, dict) else None
        if isinstance(kind, str) and (field := _ANTHROPIC_DELTAS.get(kind)):
            return _len(delta.get(field))
    elif etype == "content_block_start":
        block = obj.get("content_block")
        if isinstance(block, dict) and block.get("type") in ("tool_use", "server_tool_use"):
            return _len(block.get("name"))
    return 0


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []  # an answer of an odd shape is forwarded, not counted


def _chat_answer(obj: dict) -> int:
    n = 0
    for choice in _list(obj.get("choices")):
        message = choice.get("message") if isinstance(choice, dict) else None
        if isinstance(message, dict):
            n += chat_delta_chars(message)  # a message holds what its deltas carried: refusal, tool calls
    return n


def _responses_answer(obj: dict) -> int:
    n = 0
    for item in _list(obj.get("output")):
        if not isinstance(item, dict):
            continue
        kind = item.get("type")
        if kind == "function_call":
            n += _len(item.get("name")) + _len(item.get("arguments"))
        elif kind == "custom_tool_call":
            n += _len(item.get("name")) + _len(item.get("input"))
        elif kind == "reasoning":  # its summary and its text
            parts = _list(item.get("summary")) + _list(item.get("content"))
            n += sum(_len(p.get("text")) for p in parts if isinstance(p, dict))
        elif kind == "message":  # its text is output_text's; a refusal is not
            n += sum(_len(p.get("refusal")) for p in _list(item.get("content")) if isinstance(p, dict))
    return n


def _anthropic_answer(obj: dict) -> int:
    n = 0
    for block in _list(obj.get("content")):
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind in ("tool_use", "server_tool_use"):
            # streamed as partial JSON of its input: count the input's JSON
            n += _len(block.get("name")) + len(orjson.dumps(block.get("input", {})))
        elif kind == "thinking":
            n += _len(block.get("thinking"))
    return n


_ANSWERS = {"openai.chat.completions": _chat_answer, "openai.responses": _responses_answer,
            "anthropic.messages": _anthropic_answer}


def answer_chars(api: str, obj: dict) -> int:
    """A whole answer's generated output besides its text (`responses.output_text`): tool calls, refusals, reasoning."""
    count = _ANSWERS.get(api)
    return count(obj) if count is not None else 0
