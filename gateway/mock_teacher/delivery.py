"""Sending responses: pacing by tokens per second, SSE streams, and the fault behaviours."""

import asyncio
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

from gateway.mock_teacher.faults import Fault
from gateway.mock_teacher.settings import MockSettings

SSE_HEADERS = {"Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache"}
JSON_TYPE = "application/json"


def sse_event(data: Any, event: str | None = None) -> bytes:
    payload = data if isinstance(data, bytes) else orjson.dumps(data)
    prefix = b"event: " + event.encode() + b"\n" if event else b""
    return prefix + b"data: " + payload + b"\n\n"


@dataclass
class StreamPlan:
    """A stream as pre-rendered SSE events: `deltas` carry tokens and are paced, `filler(i)`
    renders the i-th extra delta of a `never_end` stream."""

    head: list[bytes]
    deltas: list[tuple[bytes, float]]  # (event, tokens it carries)
    tail: list[bytes]
    filler: Callable[[int], bytes]
    headers: dict[str, str] = field(default_factory=dict)


def _break_json(event: bytes) -> bytes:
    """The same event with its data cut in half: valid SSE, invalid JSON."""
    lines = event.rstrip(b"\n").split(b"\n")
    out = [line[: 6 + max(1, (len(line) - 6) // 2)] if line.startswith(b"data: ") else line for line in lines]
    return b"\n".join(out) + b"\n\n"


def _break_framing(event: bytes) -> bytes:
    """The event loses its blank-line end (so the next event's data joins it) behind a stray line."""
    return b"this line is not server-sent events\n" + event.rstrip(b"\n") + b"\n"


def abort_connection(request: web.Request, reset: bool = False) -> None:
    transport = request.transport
    if transport is None:
        return
    if reset:  # linger 0 makes close() send RST instead of FIN
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


class Delivery:
    def __init__(self, settings: MockSettings) -> None:
        self._settings = settings

    def generation_seconds(self, tokens: int) -> float:
        tps = self._settings.tokens_per_second
        return self._settings.first_token_latency_ms / 1000 + (tokens / tps if tps else 0.0)

    async def json(self, request: web.Request, payload: Any, fault: Fault, status: int = 200,
                   headers: dict[str, str] | None = None, tokens: int = 0) -> web.StreamResponse:
        """A JSON response, after the time it takes to 'generate' `tokens`."""
        wait = self.generation_seconds(tokens) if status == 200 else 0.0
        if wait:
            await asyncio.sleep(wait)
        if fault.no_usage and isinstance(payload, dict) and "usage" in payload:
            payload = {k: v for k, v in payload.items() if k != "usage"}
        body = orjson.dumps(payload)
        if fault.malformed_json:
            body = body[: max(1, len(body) // 2)]
        if not (fault.first_byte_delay_ms or fault.drop_after_chunks is not None or fault.never_end):
            return web.Response(body=body, status=status, content_type=JSON_TYPE, headers=headers)
        response = web.StreamResponse(status=status, headers=headers)
        response.content_type = JSON_TYPE
        if not fault.never_end:
            response.content_length = len(body)
        await response.prepare(request)
        try:
            await self._write_json_body(request, response, body, fault)
        except ConnectionResetError:
            pass  # the client gave up first (timeouts in tests): nothing to report
        return response

    async def _write_json_body(self, request: web.Request, response: web.StreamResponse, body: bytes,
                               fault: Fault) -> None:
        if fault.first_byte_delay_ms:
            await asyncio.sleep(fault.first_byte_delay_ms / 1000)
        if fault.never_end:
            # leading whitespace is valid JSON so far; the document just never arrives
            while True:
                await response.write(b" ")
                await asyncio.sleep(self._settings.never_end_interval_ms / 1000)
        if fault.drop_after_chunks is not None:
            await response.write(body[: len(body) // 2])
            abort_connection(request)
            return
        await response.write(body)
        await response.write_eof()

    async def stream(self, request: web.Request, plan: StreamPlan, fault: Fault) -> web.StreamResponse:
        response = web.StreamResponse(status=200, headers={**SSE_HEADERS, **plan.headers})
        await response.prepare(request)
        try:
            await self._write_stream(request, response, plan, fault)
        except ConnectionResetError:
            pass  # the client left mid-stream (a gateway cancelling, a test done reading): normal here
        return response

    async def _write_stream(self, request: web.Request, response: web.StreamResponse, plan: StreamPlan,
                            fault: Fault) -> None:
        if fault.first_byte_delay_ms:
            await asyncio.sleep(fault.first_byte_delay_ms / 1000)
        events = self._events(plan, fault)
        paced = self._settings.tokens_per_second > 0 or self._settings.first_token_latency_ms > 0
        if not paced and not fault.active:
            await response.write(b"".join(event for event, _ in events))  # one write: fastest upstream
            await response.write_eof()
            return
        sent = 0
        for event, pause in events:
            if fault.drop_after_chunks is not None and sent >= fault.drop_after_chunks:
                abort_connection(request)
                return
            if pause:
                await asyncio.sleep(pause)
            await response.write(event)
            sent += 1
        if fault.never_end:  # `events` stopped before the tail
            await self._never_end(request, response, plan, fault, sent)
            return
        await response.write_eof()
        return

    def _events(self, plan: StreamPlan, fault: Fault) -> list[tuple[bytes, float]]:
        """All events with the pause before each; faults that corrupt events are applied here."""
        tps = self._settings.tokens_per_second
        first = self._settings.first_token_latency_ms / 1000
        events: list[tuple[bytes, float]] = [(event, 0.0) for event in plan.head]
        for i, (event, tokens) in enumerate(plan.deltas):
            events.append((event, first if i == 0 else (tokens / tps if tps else 0.0)))
        if fault.truncated_end and plan.tail:
            events.append((plan.tail[0][: len(plan.tail[0].rstrip(b"\n")) // 2], 0.0))
        elif not fault.never_end:
            events.extend((event, 0.0) for event in plan.tail)
        if fault.malformed_json or fault.malformed_sse:
            target = len(plan.head) + len(plan.deltas) // 2
            target = min(target, len(events) - 2) if len(events) > 1 else 0
            event, pause = events[target]
            events[target] = (_break_json(event) if fault.malformed_json else _break_framing(event), pause)
        return events

    async def _never_end(self, request: web.Request, response: web.StreamResponse, plan: StreamPlan,
                         fault: Fault, sent: int) -> None:
        interval = self._settings.never_end_interval_ms / 1000
        index = 0
        while True:  # ends when the client goes away (the write raises) or the server stops
            if fault.drop_after_chunks is not None and sent >= fault.drop_after_chunks:
                abort_connection(request)
                return
            await asyncio.sleep(interval)
            await response.write(plan.filler(index))
            index += 1
            sent += 1
