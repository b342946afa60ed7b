"""OpenAI chat completions and legacy completions: JSON bodies and SSE stream plans."""

import time
from itertools import accumulate
from typing import Any

from gateway.mock_teacher.delivery import StreamPlan, sse_event
from gateway.mock_teacher.logprobs import chat_logprobs, completion_logprobs
from gateway.mock_teacher.prose import count_tokens, paced_pieces
from gateway.mock_teacher.replies import Reply

DONE = b"data: [DONE]\n\n"
FINGERPRINT = "fp_mock"


def usage(prompt_tokens: int, replies: list[Reply]) -> dict[str, Any]:
    completion = sum(r.tokens for r in replies)
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion,
        "total_tokens": prompt_tokens + completion,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0, "audio_tokens": 0,
            "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
        },
    }


def _tool_calls(reply: Reply) -> list[dict[str, Any]]:
    return [
        {"id": "call_" + c.call_id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
        for c in reply.tool_calls
    ]


def chat_completion(completion_id: str, model: str, prompt_tokens: int, replies: list[Reply],
                    logprobs: int | None = None) -> dict[str, Any]:
    choices = []
    for index, reply in enumerate(replies):
        message: dict[str, Any] = {"role": "assistant", "content": reply.text or None, "refusal": None,
                                   "annotations": []}
        if reply.tool_calls:
            message["tool_calls"] = _tool_calls(reply)
        lp = chat_logprobs(reply.text, logprobs) if logprobs is not None else None
        choices.append({"index": index, "message": message, "logprobs": lp, "finish_reason": reply.finish_reason})
    return {
        "id": completion_id, "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": choices, "usage": usage(prompt_tokens, replies),
        "service_tier": "default", "system_fingerprint": FINGERPRINT,
    }


def chat_stream(completion_id: str, model: str, prompt_tokens: int, replies: list[Reply],
                words_per_delta: int, include_usage: bool, filler: Any, logprobs: int | None = None,
                usage_on_last_choice: bool = False) -> StreamPlan:
    created = int(time.time())

    def chunk(choices: list[dict[str, Any]], usage_block: Any = None) -> bytes:
        body: dict[str, Any] = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                                "model": model, "service_tier": "default", "system_fingerprint": FINGERPRINT,
                                "choices": choices}
        if include_usage:
            body["usage"] = usage_block  # null on every chunk but the last, as the API does
        return sse_event(body)

    def delta(index: int, content: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        text = content.get("content")
        lp = chat_logprobs(text, logprobs) if logprobs is not None and text else None
        return {"index": index, "delta": content, "logprobs": lp, "finish_reason": finish}

    head = [chunk([delta(i, {"role": "assistant", "content": "" if not r.tool_calls else None, "refusal": None})])
            for i, r in enumerate(replies)]
    per_choice: list[list[tuple[bytes, float]]] = []
    for i, reply in enumerate(replies):
        events: list[tuple[bytes, float]] = []
        for position, call in enumerate(reply.tool_calls):
            opening = {"index": position, "id": "call_" + call.call_id, "type": "function",
                       "function": {"name": call.name, "arguments": ""}}
            events.append((chunk([delta(i, {"tool_calls": [opening]})]), 1))
            pieces, weight = paced_pieces(call.arguments, words_per_delta, count_tokens(call.arguments))
            for piece in pieces:
                events.append((chunk([delta(i, {"tool_calls": [{"index": position, "function": {"arguments": piece}}]})]),
                               weight))
        pieces, weight = paced_pieces(reply.text, words_per_delta, reply.tokens)
        for piece in pieces:
            events.append((chunk([delta(i, {"content": piece})]), weight))
        per_choice.append(events)
    # choices interleave, as they do when the API samples n > 1 in parallel
    deltas = [e for group in _round_robin(per_choice) for e in group]
    tail = [chunk([delta(i, {}, r.finish_reason)]) for i, r in enumerate(replies)]
    if include_usage and usage_on_last_choice:
        tail[-1] = chunk([delta(len(replies) - 1, {}, replies[-1].finish_reason)], usage(prompt_tokens, replies))
    elif include_usage:
        tail.append(chunk([], usage(prompt_tokens, replies)))
    tail.append(DONE)
    return StreamPlan(head, deltas, tail, lambda k: chunk([delta(0, {"content": filler(k)})]))


def _round_robin(groups: list[list[Any]]) -> list[list[Any]]:
    longest = max((len(g) for g in groups), default=0)
    return [[g[k] for g in groups if k < len(g)] for k in range(longest)]


def text_completion(completion_id: str, model: str, prompt_tokens: int, replies: list[Reply],
                    logprobs: int | None = None) -> dict[str, Any]:
    return {
        "id": completion_id, "object": "text_completion", "created": int(time.time()), "model": model,
        "choices": [{"text": r.text, "index": i, "finish_reason": r.finish_reason,
                     "logprobs": completion_logprobs(r.text, logprobs) if logprobs is not None else None}
                    for i, r in enumerate(replies)],
        "usage": usage(prompt_tokens, replies), "system_fingerprint": FINGERPRINT,
    }


def completion_stream(completion_id: str, model: str, prompt_tokens: int, replies: list[Reply],
                      words_per_delta: int, include_usage: bool, filler: Any, logprobs: int | None = None) -> StreamPlan:
    created = int(time.time())

    def chunk(choices: list[dict[str, Any]], usage_block: Any = None) -> bytes:
        body: dict[str, Any] = {"id": completion_id, "object": "text_completion", "created": created,
                                "model": model, "system_fingerprint": FINGERPRINT, "choices": choices}
        if include_usage:
            body["usage"] = usage_block
        return sse_event(body)

    def choice(index: int, text: str, finish: str | None = None, offset: int = 0) -> dict[str, Any]:
        lp = completion_logprobs(text, logprobs, offset) if logprobs is not None and text else None
        return {"text": text, "index": index, "logprobs": lp, "finish_reason": finish}

    per_choice = []
    for i, r in enumerate(replies):
        pieces, weight = paced_pieces(r.text, words_per_delta, r.tokens)
        starts = accumulate((len(p) for p in pieces[:-1]), initial=0)  # each piece's offset in the text
        per_choice.append([(chunk([choice(i, piece, offset=at)]), weight)
                           for piece, at in zip(pieces, starts, strict=True)])
    deltas = [e for group in _round_robin(per_choice) for e in group]
    tail = [chunk([choice(i, "", r.finish_reason)]) for i, r in enumerate(replies)]
    if include_usage:
        tail.append(chunk([], usage(prompt_tokens, replies)))
    tail.append(DONE)
    return StreamPlan([], deltas, tail, lambda k: chunk([choice(0, filler(k))]))
