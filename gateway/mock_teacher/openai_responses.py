"""OpenAI Responses API (`/v1/responses`): the response object and its typed SSE events."""

import time
from typing import Any

from gateway.mock_teacher.delivery import StreamPlan, sse_event
from gateway.mock_teacher.prose import paced_pieces
from gateway.mock_teacher.replies import Reply
from gateway.mock_teacher.requests_in import ReplyRequest


def _usage(prompt_tokens: int, reply: Reply) -> dict[str, Any]:
    return {
        "input_tokens": prompt_tokens, "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": reply.tokens, "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": prompt_tokens + reply.tokens,
    }


def _item_status(reply: Reply) -> str:
    """An item cut by `max_output_tokens` is `incomplete`, as its response is."""
    return "incomplete" if reply.truncated else "completed"


def _items(response_id: str, reply: Reply, status: str) -> list[dict[str, Any]]:
    if reply.tool_calls:
        return [{"type": "function_call", "id": "fc_" + c.call_id, "call_id": "call_" + c.call_id,
                 "name": c.name, "arguments": c.arguments, "status": status} for c in reply.tool_calls]
    return [{"type": "message", "id": "msg_" + response_id[5:], "status": status, "role": "assistant",
             "content": [{"type": "output_text", "text": reply.text, "annotations": [], "logprobs": []}]}]


def response_object(response_id: str, request: ReplyRequest, prompt_tokens: int, reply: Reply | None,
                    created: int | None = None) -> dict[str, Any]:
    """The response; `reply=None` gives the in-progress shape sent with `response.created`."""
    done = reply is not None
    status = "in_progress" if not done else "incomplete" if reply.truncated else "completed"
    return {
        "id": response_id, "object": "response", "created_at": created or int(time.time()),
        "status": status, "background": False, "error": None,
        "incomplete_details": {"reason": "max_output_tokens"} if done and reply.truncated else None,
        "instructions": request.extra.get("instructions"),
        "max_output_tokens": request.extra.get("max_output_tokens"), "model": request.model,
        "output": _items(response_id, reply, _item_status(reply)) if done else [],
        "parallel_tool_calls": True, "previous_response_id": request.extra.get("previous_response_id"),
        "reasoning": {"effort": None, "summary": None}, "service_tier": "default", "store": True,
        "temperature": 1.0, "text": {"format": {"type": "text"}}, "tool_choice": "auto",
        "tools": request.extra.get("tools") or [], "top_p": 1.0, "truncation": "disabled",
        "usage": _usage(prompt_tokens, reply) if done else None, "user": None, "metadata": {},
    }


def response_stream(response_id: str, request: ReplyRequest, prompt_tokens: int, reply: Reply,
                    words_per_delta: int, filler: Any) -> StreamPlan:
    created = int(time.time())
    sequence = 0

    def event(kind: str, **fields: Any) -> bytes:
        nonlocal sequence
        body = {"type": kind, "sequence_number": sequence, **fields}
        sequence += 1
        return sse_event(body, kind)

    started = response_object(response_id, request, prompt_tokens, None, created)
    head = [event("response.created", response=started), event("response.in_progress", response=started)]
    deltas: list[tuple[bytes, float]] = []
    tail: list[bytes] = []
    finished = _items(response_id, reply, _item_status(reply))
    if reply.tool_calls:
        for index, item in enumerate(finished):
            head.append(event("response.output_item.added", output_index=index,
                              item={**item, "arguments": "", "status": "in_progress"}))
            pieces, weight = paced_pieces(item["arguments"], words_per_delta, reply.tokens)
            for piece in pieces:
                deltas.append((event("response.function_call_arguments.delta", item_id=item["id"],
                                     output_index=index, delta=piece), weight))
        for index, item in enumerate(finished):
            tail.append(event("response.function_call_arguments.done", item_id=item["id"], output_index=index,
                              name=item["name"], arguments=item["arguments"]))
            tail.append(event("response.output_item.done", output_index=index, item=item))
        text_item_id = finished[0]["id"]
    else:
        item = finished[0]
        text_item_id = item["id"]
        part = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
        head.append(event("response.output_item.added", output_index=0,
                          item={**item, "status": "in_progress", "content": []}))
        head.append(event("response.content_part.added", item_id=item["id"], output_index=0, content_index=0,
                          part=part))
        pieces, weight = paced_pieces(reply.text, words_per_delta, reply.tokens)
        for piece in pieces:
            deltas.append((event("response.output_text.delta", item_id=item["id"], output_index=0,
                                 content_index=0, delta=piece, logprobs=[]), weight))
        tail.append(event("response.output_text.done", item_id=item["id"], output_index=0, content_index=0,
                          text=reply.text, logprobs=[]))
        tail.append(event("response.content_part.done", item_id=item["id"], output_index=0, content_index=0,
                          part={**part, "text": reply.text}))
        tail.append(event("response.output_item.done", output_index=0, item=item))
    final = response_object(response_id, request, prompt_tokens, reply, created)
    tail.append(event("response.incomplete" if reply.truncated else "response.completed", response=final))
    filler_base = len(head) + len(deltas)

    def fill(k: int) -> bytes:
        body = {"type": "response.output_text.delta", "sequence_number": filler_base + k, "item_id": text_item_id,
                "output_index": 0, "content_index": 0, "delta": filler(k), "logprobs": []}
        return sse_event(body, "response.output_text.delta")

    return StreamPlan(head, deltas, tail, fill)
