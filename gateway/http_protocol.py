"""uvicorn's httptools protocol with a response's head and body sent in one write.

uvicorn writes a response's status line and headers as soon as the app sends
`http.response.start`, and the body in a second write: two `send()` system calls per JSON answer,
the largest single item of the gateway's CPU profile (the first alone ~7 % of samples at c=32).
Holding the head until the body's write in the same turn joins them without delaying anything past
the turn that produced it.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from gateway.errors import render_error

_JOIN_MAX = 64 * 1024
_DEFAULT_HEAD = 32 * 1024  # limits.max_header_bytes' default, when uvicorn is given none
_REQUEST_LINE_ROOM = 16 * 1024  # the request line (a long query string) on top of the headers' own limit


class CoalescingTransport:
    """Forwards everything to the socket transport, except that a response head is held until the
    first body write of the same turn, which carries it; a head still held at the end of the turn (a
    stream whose first event comes later) is flushed then.

    Ordering is kept, `close` flushes first, `abort` drops what is held; flow control still comes
    from the real transport, which calls the protocol directly."""

    __slots__ = ("_transport", "_loop", "_held")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes) -> None:
        held = self._held
        if held is not None:
            self._held = None
            if len(data) <= _JOIN_MAX:
                self._transport.write(held + data)
            else:  # a large body: two system calls cost less than copying it
                self._transport.write(held)
                self._transport.write(data)
        elif data[:9] == b"HTTP/1.1 ":  # uvicorn writes the status line and headers in one piece
            self._held = data
            self._loop.call_soon(self.flush)
        else:
            self._transport.write(data)

    def writelines(self, chunks) -> None:
        for chunk in chunks:
            self.write(chunk)

    def flush(self) -> None:
        held, self._held = self._held, None
        if held is not None and not self._transport.is_closing():
            self._transport.write(held)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def abort(self) -> None:
        self._held = None
        self._transport.abort()

    def __getattr__(self, name: str):
        return getattr(self._transport, name)


class CoalescingHttpToolsProtocol(HttpToolsProtocol):
    """Also bounds a request head while it arrives: httptools buffers a header until its line ends and has no
    limit of its own, so a client that never ended one grew the process's memory without bound (150 MB in
    20 s from one connection). The proxy's exact check (431 in the caller's dialect) runs once the head is
    complete; this one closes the connection with a 431 when the head passes the limit (`limits.max_header_bytes`,
    given to uvicorn as h11's event size) plus room for the request line, before it is complete. And in time: a
    head begun must be complete within `limits.header_timeout_seconds` (given to uvicorn as its keep-alive
    timeout, which closes idle connections but stops counting at a head's first byte), or the connection gets 408
    and is closed: a client trickling a head byte by byte held a connection, and a few thousand of them the
    server."""

    def __init__(self, config, *args, **kwargs) -> None:
        super().__init__(config, *args, **kwargs)
        self._head_limit = (config.h11_max_incomplete_event_size or _DEFAULT_HEAD) + _REQUEST_LINE_ROOM
        self._reading_head = True
        self._head_bytes = 0
        self._boundary = False  # a head ended or a message ended while the current chunk was parsed
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(CoalescingTransport(transport, self.loop))  # type: ignore[arg-type]

    def data_received(self, data: bytes) -> None:
        self._boundary = False
        was_reading_head = self._reading_head
        super().data_received(data)
        if not self._reading_head:
            return
        # Counted exactly when the whole chunk was head; a head that began inside it is counted from the next
        # chunk on (one chunk of slack, at most the socket read size).
        if was_reading_head and not self._boundary:
            self._head_bytes += len(data)
            if self._head_timer is None:  # only for a head split over reads: most come whole, and pay nothing
                self._head_timer = self.loop.call_later(self.timeout_keep_alive, self._head_timed_out)
        else:
            self._head_bytes = 0
        if self._head_bytes > self._head_limit:
            self._refuse(431, "Request Header Fields Too Large", "request_header_fields_too_large",
                         f"request headers exceed {self._head_limit} bytes")

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._reading_head:
            self._refuse(408, "Request Timeout", "request_timeout",
                         f"request headers not received within {self.timeout_keep_alive:g}s")

    def _refuse(self, status: int, reason: str, code: str, message: str) -> None:
        """Answer before any request exists (no dialect known yet: OpenAI's error shape) and close."""
        if self.transport.is_closing():
            return
        body = render_error("openai", status, code, message)
        self.transport.write(b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\nconnection: close\r\n"
                             b"content-length: %d\r\n\r\n%s" % (status, reason.encode(), len(body), body))
        self.transport.close()

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def on_headers_complete(self) -> None:
        self._reading_head, self._head_bytes, self._boundary = False, 0, True
        self._stop_head_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def on_message_complete(self) -> None:
        self._reading_head, self._boundary = True, True
        super().on_message_complete()
