"""An OpenAI/Anthropic-compatible upstream that answers with a text the test chooses, streamed in
the chunks the test chooses: for checking what output stages do to known text."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from aiohttp import web

from gateway.mock_teacher.logprobs import chat_logprobs


@dataclass
class Script:
    text: str = "Hello."
    chunks: list[int] = field(default_factory=lambda: [7])  # chunk sizes, cycled
    citations: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, url) into `text`
    encoding: str = ""  # gzip / deflate: chat answers compressed whatever was asked for; other: the header only;
    # gzip-members: chat answers as several gzip members (RFC 1952), one per write
    error: str = ""  # streams: after the text, the API's error event of this type ends the stream (overloaded_error)
    cut: str = ""  # chat and messages streams: "close": the connection is closed after the text; "malformed": the
    # last text event is written together with an event that does not parse, then the connection is closed;
    # "stall": nothing more is written and the stream stays open (an upstream that hangs mid-answer)


_BROKEN = b"data: {\"id\": \"broken\", \"choices\": [\n\n"


async def _text_events(request: web.Request, resp: web.StreamResponse, script: Script, events: list[bytes]) -> bool:
    """Write the text's events as `script.cut` says; True when the stream was cut (nothing more may be written)."""
    if script.cut == "malformed" and events:
        events = [*events[:-1], events[-1] + _BROKEN]
    for raw in events:
        await resp.write(raw)
    if script.cut == "stall":  # until the reader leaves (aiohttp does not cancel a handler whose client left)
        while request.transport is not None and not request.transport.is_closing():  # noqa: ASYNC110 (no event to await)
            await asyncio.sleep(0.05)
    if script.cut:
        request.transport.abort()  # no end of the chunked body: the reader sees the connection break
        return True
    return False


def _pieces(script: Script) -> list[str]:
    out, i, k = [], 0, 0
    while i < len(script.text):
        size = script.chunks[k % len(script.chunks)]
        out.append(script.text[i:i + size])
        i += size
        k += 1
    return out


def _responses_logprobs(text: str, top: int) -> list[dict]:
    return [{k: v for k, v in e.items() if k != "bytes"} | {"top_logprobs": [
        {k: v for k, v in t.items() if k != "bytes"} for t in e["top_logprobs"]]}
        for e in chat_logprobs(text, top)["content"]]


def _encoded(script: Script, resp: web.StreamResponse) -> web.StreamResponse:
    """An upstream that compresses although the gateway asks for identity (or names an encoding it cannot)."""
    if script.encoding == "gzip-members":
        resp.headers["content-encoding"] = "gzip"
        if isinstance(resp, web.Response):  # the JSON answer in two members
            half = len(resp.body) // 2
            resp.body = gzip.compress(resp.body[:half]) + gzip.compress(resp.body[half:])
    elif script.encoding in ("gzip", "deflate"):
        resp.enable_compression(web.ContentCoding(script.encoding))
    elif script.encoding:
        resp.headers["content-encoding"] = script.encoding
    return resp


def _app(script: Script) -> web.Application:
    async def chat(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        base = {"id": "chatcmpl-scripted", "created": 1, "model": body.get("model", "m")}
        top = body.get("top_logprobs") or 0

        def logprobs(text: str) -> dict | None:  # token data, as the API sends it when asked
            return chat_logprobs(text, top) if body.get("logprobs") else None

        notes = [{"type": "url_citation", "url_citation": {"start_index": s, "end_index": e, "url": u, "title": u}}
                 for s, e, u in script.citations]
        if not body.get("stream"):
            message = {"role": "assistant", "content": script.text, **({"annotations": notes} if notes else {})}
            return _encoded(script, web.json_response({**base, "object": "chat.completion", "choices": [
                {"index": 0, "message": message, "finish_reason": "stop", "logprobs": logprobs(script.text)}],
                "usage": {"prompt_tokens": 5, "completion_tokens": 9, "total_tokens": 14}}))
        resp = _encoded(script, web.StreamResponse(headers={"content-type": "text/event-stream"}))
        await resp.prepare(request)
        pack = gzip.compress if script.encoding == "gzip-members" else bytes

        events = []
        for piece in _pieces(script):
            chunk = {**base, "object": "chat.completion.chunk",
                     "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None,
                                  "logprobs": logprobs(piece)}]}
            events.append(pack(f"data: {json.dumps(chunk)}\n\n".encode()))
        if await _text_events(request, resp, script, events):
            return resp
        if script.error:  # as the API reports a failure mid-stream, after a 200
            error = {"error": {"message": "The server is overloaded.", "type": script.error, "code": None}}
            await resp.write(pack(f"data: {json.dumps(error)}\n\n".encode()))
            return resp
        if notes:  # the API sends a search answer's citations in a delta of their own, after the text
            chunk = {**base, "object": "chat.completion.chunk",
                     "choices": [{"index": 0, "delta": {"annotations": notes}, "finish_reason": None}]}
            await resp.write(pack(f"data: {json.dumps(chunk)}\n\n".encode()))
        done = {**base, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
        await resp.write(pack(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode()))
        return resp

    async def messages(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        msg = {"id": "msg_scripted", "type": "message", "role": "assistant", "model": body.get("model", "m"),
               "stop_reason": "end_turn", "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 9}}
        if not body.get("stream"):
            return web.json_response({**msg, "content": [{"type": "text", "text": script.text}]})
        resp = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await resp.prepare(request)

        async def event(name: str, data: dict) -> None:
            await resp.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())

        await event("message_start", {"type": "message_start", "message": {**msg, "content": [], "stop_reason": None,
                                                                            "usage": {"input_tokens": 5, "output_tokens": 0}}})
        await event("content_block_start", {"type": "content_block_start", "index": 0,
                                            "content_block": {"type": "text", "text": ""}})
        deltas = [{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}}
                  for piece in _pieces(script)]
        if await _text_events(request, resp, script,
                              [f"event: content_block_delta\ndata: {json.dumps(d)}\n\n".encode() for d in deltas]):
            return resp
        if script.error:  # Anthropic's mid-stream failure (overloaded_error under load): the stream ends there
            await event("error", {"type": "error", "error": {"type": script.error, "message": "Overloaded"}})
            return resp
        await event("content_block_stop", {"type": "content_block_stop", "index": 0})
        await event("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                                      "usage": {"output_tokens": 9}})
        await event("message_stop", {"type": "message_stop"})
        return resp

    async def responses(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        top = body.get("top_logprobs") or 0
        want = "message.output_text.logprobs" in (body.get("include") or ())

        def logprobs(text: str) -> list:
            return _responses_logprobs(text, top) if want else []

        notes = [{"type": "url_citation", "start_index": s, "end_index": e, "url": u, "title": u}
                 for s, e, u in script.citations]
        part = {"type": "output_text", "text": script.text, "annotations": notes, "logprobs": logprobs(script.text)}
        item = {"id": "msg_scripted", "type": "message", "status": "completed", "role": "assistant", "content": [part]}
        done = {"id": "resp_scripted", "object": "response", "created_at": 1, "status": "completed",
                "model": body.get("model", "m"), "output": [item], "parallel_tool_calls": True, "tool_choice": "auto",
                "tools": [], "usage": {"input_tokens": 5, "output_tokens": 9, "total_tokens": 14,
                                       "input_tokens_details": {"cached_tokens": 0},
                                       "output_tokens_details": {"reasoning_tokens": 0}}}
        if not body.get("stream"):
            return web.json_response(done)
        resp = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await resp.prepare(request)
        seq = iter(range(1_000_000))

        async def event(data: dict) -> None:
            data["sequence_number"] = next(seq)
            await resp.write(f"event: {data['type']}\ndata: {json.dumps(data)}\n\n".encode())

        started = {**done, "status": "in_progress", "output": [], "usage": None}
        await event({"type": "response.created", "response": started})
        await event({"type": "response.output_item.added", "output_index": 0,
                     "item": {**item, "status": "in_progress", "content": []}})
        await event({"type": "response.content_part.added", "item_id": "msg_scripted", "output_index": 0,
                     "content_index": 0, "part": {**part, "text": "", "logprobs": [], "annotations": []}})
        for piece in _pieces(script):
            await event({"type": "response.output_text.delta", "item_id": "msg_scripted", "output_index": 0,
                         "content_index": 0, "delta": piece, "logprobs": logprobs(piece)})
        if script.error:
            await event({"type": "error", "code": script.error, "message": "The server is overloaded.", "param": None})
            return resp
        for i, note in enumerate(notes):
            await event({"type": "response.output_text.annotation.added", "item_id": "msg_scripted",
                         "output_index": 0, "content_index": 0, "annotation_index": i, "annotation": note})
        await event({"type": "response.output_text.done", "item_id": "msg_scripted", "output_index": 0,
                     "content_index": 0, "text": script.text, "logprobs": logprobs(script.text)})
        await event({"type": "response.content_part.done", "item_id": "msg_scripted", "output_index": 0,
                     "content_index": 0, "part": part})
        await event({"type": "response.output_item.done", "output_index": 0, "item": item})
        await event({"type": "response.completed", "response": done})
        return resp

    app = web.Application()
    app.router.add_post("/v1/chat/completions", chat)
    app.router.add_post("/v1/responses", responses)
    app.router.add_post("/v1/messages", messages)
    return app


@dataclass
class ScriptedUpstream:
    url: str
    script: Script


@contextmanager
def running_app(app: web.Application) -> Iterator[str]:
    """An aiohttp app served on a free loopback port from a thread of its own; yields its base URL."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start():
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return runner, site._server.sockets[0].getsockname()[1]

    runner, port = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


@contextmanager
def running_scripted_upstream(script: Script | None = None) -> Iterator[ScriptedUpstream]:
    script = script or Script()
    with running_app(_app(script)) as url:
        yield ScriptedUpstream(url, script)
