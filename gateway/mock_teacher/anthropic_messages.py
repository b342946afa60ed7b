"""Anthropic Messages API (`/v1/messages`): the message object and its SSE event sequence."""

from typing import Any

import orjson

from gateway.mock_teacher.delivery import StreamPlan, sse_event
from gateway.mock_teacher.prose import paced_pieces
from gateway.mock_teacher.replies import Reply

_STOP_REASONS = {"stop": "end_turn", "length": "max_tokens", "tool_calls": "tool_use"}


def _stop_reason(reply: Reply) -> str:
    return "stop_sequence" if reply.stop_sequence is not None else _STOP_REASONS[reply.finish_reason]


def _usage(input_tokens: int, output_tokens: int) -> dict[str, Any]:
    return {"input_tokens": input_tokens, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
            "output_tokens": output_tokens, "service_tier": "standard"}


def _blocks(reply: Reply) -> list[dict[str, Any]]:
    if reply.tool_calls:
        return [{"type": "tool_use", "id": "toolu_" + c.call_id, "name": c.name, "input": orjson.loads(c.arguments)}
                for c in reply.tool_calls]
    return [{"type": "text", "text": reply.text}]


def message(message_id: str, model: str, input_tokens: int, reply: Reply) -> dict[str, Any]:
    return {
        "id": message_id, "type": "message", "role": "assistant", "model": model, "content": _blocks(reply),
        "stop_reason": _stop_reason(reply), "stop_sequence": reply.stop_sequence,
        "usage": _usage(input_tokens, reply.tokens),
    }


def message_stream(message_id: str, model: str, input_tokens: int, reply: Reply, words_per_delta: int,
                   filler: Any) -> StreamPlan:
    start = {"id": message_id, "type": "message", "role": "assistant", "model": model, "content": [],
             "stop_reason": None, "stop_sequence": None, "usage": _usage(input_tokens, 1)}
    head = [sse_event({"type": "message_start", "message": start}, "message_start")]
    deltas: list[tuple[bytes, float]] = []
    tail: list[bytes] = []
    blocks = _blocks(reply)
    for index, block in enumerate(blocks):
        if block["type"] == "tool_use":
            opening = {**block, "input": {}}
            pieces, weight = paced_pieces(reply.tool_calls[index].arguments, words_per_delta, reply.tokens)
            delta_of = lambda piece: {"type": "input_json_delta", "partial_json": piece}  # noqa: E731
        else:
            opening = {"type": "text", "text": ""}
            pieces, weight = paced_pieces(block["text"], words_per_delta, reply.tokens)
            delta_of = lambda piece: {"type": "text_delta", "text": piece}  # noqa: E731
        start_event = sse_event({"type": "content_block_start", "index": index, "content_block": opening},
                                "content_block_start")
        if index == 0:
            head.append(start_event)
            head.append(sse_event({"type": "ping"}, "ping"))
        else:
            deltas.append((start_event, 0))
        for piece in pieces:
            deltas.append((sse_event({"type": "content_block_delta", "index": index, "delta": delta_of(piece)},
                                     "content_block_delta"), weight))
        stop_event = sse_event({"type": "content_block_stop", "index": index}, "content_block_stop")
        if index == len(blocks) - 1:
            tail.append(stop_event)
        else:
            deltas.append((stop_event, 0))
    tail.append(sse_event({"type": "message_delta",
                           "delta": {"stop_reason": _stop_reason(reply), "stop_sequence": reply.stop_sequence},
                           "usage": {"output_tokens": reply.tokens}}, "message_delta"))
    tail.append(sse_event({"type": "message_stop"}, "message_stop"))

    def fill(k: int) -> bytes:
        return sse_event({"type": "content_block_delta", "index": 0,
                          "delta": {"type": "text_delta", "text": filler(k)}}, "content_block_delta")

    return StreamPlan(head, deltas, tail, fill)
