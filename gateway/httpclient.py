"""A lean pooled HTTP/1.1 client for upstream calls: asyncio protocols + httptools (llhttp).

Why not aiohttp: measured with `python -m benchmarks.client_bench`, aiohttp spends ~100 µs of CPU
per proxied request against ~30 µs here, a third of the gateway's whole per-request cost with no
policies. The gateway needs a small part of HTTP: one origin per pool, keep-alive, requests with
Content-Length bodies, responses framed by Content-Length, chunked encoding or connection close,
TLS, timeouts and back-pressure for streams. Redirects, cookies, proxies and decompression are out
of scope on purpose (the proxy forwards; it never follows or decodes).
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import httptools

# Sent again on a fresh connection when a reused one closed without a byte of answer: the upstream may
# have read and acted on the request, so only requests that are safe to repeat (as Go's net/http does).
_REPLAYABLE = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_IDEMPOTENCY_KEYS = frozenset({"idempotency-key", "x-idempotency-key"})
_HIGH_WATER = 1 << 20  # buffered, unread response bytes before the socket stops being read
# The most bytes of response head (status line, headers, any 1xx before them) read for one request: the
# parser buffers a header until it ends, so an upstream that never ends one would otherwise grow memory
# until the head timeout. Servers cap what they accept far lower (nginx 8-32 KiB, Node 16 KiB).
MAX_HEAD_BYTES = 256 * 1024
_LOW_WATER = 1 << 18


class ClientError(Exception):
    """Any failure of an upstream exchange."""


class ConnectError(ClientError):
    """The connection could not be opened (refused, unresolvable, TLS handshake failed)."""


class ConnectTimeout(ConnectError):
    pass


class PoolTimeout(ConnectTimeout):
    """Every connection of the pool stayed busy for the connect timeout: the request was not sent."""


class ReadTimeout(ClientError):
    """No response headers, or no further response bytes, within the read timeout."""


class TotalTimeout(ClientError):
    """The whole exchange took longer than the total timeout."""


class ConnectionClosed(ClientError):
    """The upstream closed the connection before the response was complete."""


class ProtocolError(ClientError):
    """The upstream's bytes are not a valid HTTP/1.1 response."""


class Aborted(ClientError):
    """The caller aborted the exchange."""


class Response:
    """One exchange on one connection: the head arrives first, then the body, read whole or piecewise."""

    __slots__ = ("status", "headers", "_conn", "_head", "_chunks", "_buffered", "_waiter", "_done", "_error",
                 "_paused", "_timer", "_sent", "_deadline", "_read_timeout", "_got_bytes", "_on_end")

    def __init__(self, conn: _Connection, read_timeout: float, total_timeout: float) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self._conn = conn
        loop = conn.loop
        self._head: asyncio.Future[None] = loop.create_future()
        self._chunks: deque[bytes] = deque()
        self._buffered = 0
        self._waiter: asyncio.Future[None] | None = None
        self._done = False
        self._error: ClientError | None = None
        self._paused = False
        self._got_bytes = False
        self._on_end = None  # the pool's slot, given back once when the exchange ends either way
        self._read_timeout = read_timeout
        self._sent = now = loop.time()
        self._deadline = now + total_timeout
        # One timer per exchange, re-armed only when it fires early (not on every chunk).
        self._timer: asyncio.TimerHandle | None = loop.call_at(min(self._deadline, now + read_timeout),
                                                               self._check_timeout)

    # -- consumer side ------------------------------------------------------------------------
    async def read(self) -> bytes:
        while not self._done:
            if self._error is not None:
                raise self._error
            await self._wait()
        if self._error is not None:
            raise self._error
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data

    async def iter_chunks(self) -> AsyncIterator[bytes]:
        while True:
            if self._chunks:
                data = b"".join(self._chunks) if len(self._chunks) > 1 else self._chunks[0]
                self._chunks.clear()
                self._buffered = 0
                if self._paused:
                    self._paused = False
                    self._conn.resume_reading()
                yield data
                continue
            if self._error is not None:
                raise self._error
            if self._done:
                return
            await self._wait()

    def abort(self) -> None:
        """Stop the exchange: the connection cannot be reused and is closed."""
        if not self._done:
            self._fail(Aborted("aborted by the caller"))
            self._conn.close()

    async def _wait(self) -> None:
        if self._paused:  # the consumer wants more: reading stopped while nobody waited (`read` keeps what came)
            self._paused = False
            self._conn.resume_reading()
        self._waiter = self._conn.loop.create_future()
        try:
            await self._waiter
        except asyncio.CancelledError:
            self.abort()  # a half-read response leaves the connection unusable
            raise
        finally:
            self._waiter = None

    def _wake(self) -> None:
        w = self._waiter
        if w is not None and not w.done():
            w.set_result(None)

    # -- connection side ----------------------------------------------------------------------
    def _on_head(self, status: int, headers: list[tuple[bytes, bytes]]) -> None:
        self.status, self.headers = status, headers
        if not self._head.done():
            self._head.set_result(None)

    def _on_body(self, data: bytes) -> None:
        self._chunks.append(data)
        self._buffered += len(data)
        if self._buffered > _HIGH_WATER and not self._paused and self._waiter is None:
            self._paused = True
            self._conn.pause_reading()
        self._wake()

    def _finish(self) -> None:
        self._done = True
        if self._paused:  # the body is all here: the connection goes back to the pool reading again
            self._paused = False
            self._conn.resume_reading()
        self._end()
        self._wake()

    def _fail(self, exc: ClientError) -> None:
        if self._done or self._error is not None:
            return
        self._error = exc
        self._end()
        if not self._head.done():
            self._head.set_exception(exc)
            self._head.exception()  # retrieved: a caller that already left must not log it
        self._wake()

    def _end(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._on_end is not None:
            self._on_end, end = None, self._on_end
            end()

    def _check_timeout(self) -> None:
        self._timer = None
        loop = self._conn.loop
        now = loop.time()
        if now >= self._deadline:
            self._fail(TotalTimeout("the exchange exceeded the total timeout"))
            self._conn.close()
            return
        if self._paused:  # we stopped reading, not the upstream, so its idle clock restarts now
            idle_since = now
        elif self._head.done():
            idle_since = self._conn.last_read
        else:  # the whole head is due within the read timeout, however slowly its bytes trickle in
            idle_since = self._sent
        if now - idle_since < self._read_timeout:
            self._timer = loop.call_at(min(self._deadline, idle_since + self._read_timeout), self._check_timeout)
            return
        phase = "response body" if self._head.done() else "response headers"
        self._fail(ReadTimeout(f"no {phase} within {self._read_timeout:g}s"))
        self._conn.close()


class _Connection(asyncio.Protocol):
    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool
        self.loop = pool.loop
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.response: Response | None = None
        self.closed = False
        self.reused = False
        self.idle_since = 0.0
        self.last_read = 0.0
        self._headers: list[tuple[bytes, bytes]] = []
        self._head_budget = 0  # response head bytes still allowed while the head is being read; 0: not reading one
        self._keep_alive = False
        self._close_delimited = False
        self._interim = False

    # -- asyncio.Protocol ---------------------------------------------------------------------
    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.last_read = self.loop.time()
        if self.response is not None:
            self.response._got_bytes = True
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            if self.response is not None:
                self.response._fail(ProtocolError(f"invalid HTTP response from the upstream: {exc}"))
            self.close()
            return
        if self._head_budget:  # the head is still incomplete after this chunk (all of it was head, then)
            self._head_budget -= len(data)
            if self._head_budget <= 0:
                self._head_budget = 0
                if self.response is not None:
                    self.response._fail(ProtocolError(f"the upstream's response head exceeds {MAX_HEAD_BYTES} bytes"))
                self.close()

    def eof_received(self) -> bool:
        return False  # close the transport; connection_lost finishes or fails the exchange

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        resp, self.response = self.response, None
        if resp is not None and not resp._done:
            if self._close_delimited and resp._head.done() and exc is None:
                resp._finish()  # a body without length ends with the connection (closed, not reset)
            else:
                resp._fail(ConnectionClosed("the upstream closed the connection before the response ended"))

    # -- httptools callbacks ------------------------------------------------------------------
    def on_message_begin(self) -> None:
        self._headers = []

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name.lower(), value))

    def on_headers_complete(self) -> None:
        status = self.parser.get_status_code()
        self._interim = status < 200
        if not self._interim:
            self._head_budget = 0
        if self._interim or self.response is None:
            return
        self._keep_alive = self.parser.should_keep_alive()
        names = {k for k, _ in self._headers}
        self._close_delimited = b"content-length" not in names and b"transfer-encoding" not in names
        self.response._on_head(status, self._headers)

    def on_body(self, body: bytes) -> None:
        if self.response is not None:
            self.response._on_body(body)

    def on_message_complete(self) -> None:
        if self._interim:  # 1xx: the real response follows on the same connection
            return
        resp, self.response = self.response, None
        if resp is None:
            self.close()
            return
        resp._finish()
        if self._keep_alive and not self.closed:
            self.pool._release(self)
        else:
            self.close()

    # -- helpers ------------------------------------------------------------------------------
    def send(self, data: bytes, read_timeout: float, total_timeout: float) -> Response:
        self.response = resp = Response(self, read_timeout, total_timeout)
        self._head_budget = MAX_HEAD_BYTES + 1
        self.last_read = self.loop.time()
        self.transport.write(data)
        return resp

    def pause_reading(self) -> None:
        if self.transport is not None and not self.closed:
            self.transport.pause_reading()

    def resume_reading(self) -> None:
        if self.transport is not None and not self.closed:
            self.last_read = self.loop.time()
            self.transport.resume_reading()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                self.transport.abort()


def _replayable(method: str, headers: list[tuple[str, str]]) -> bool:
    return method in _REPLAYABLE or any(k.lower() in _IDEMPOTENCY_KEYS for k, _ in headers)


class ConnectionPool:
    """Keep-alive connections to one origin, at most ``max_connections`` exchanges at a time."""

    def __init__(self, base_url: str, *, max_connections: int = 256, connect_timeout: float = 10.0,
                 keepalive_timeout: float = 30.0, ssl_context: ssl.SSLContext | None = None) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"upstream URL must be http:// or https:// with a host, got {base_url!r}")
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        default_port = self.port == (443 if parts.scheme == "https" else 80)
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.host_header = (host if default_port else f"{host}:{self.port}").encode("idna")
        self.path_prefix = parts.path.rstrip("/")
        self.ssl = (ssl_context or ssl.create_default_context()) if parts.scheme == "https" else None
        self.connect_timeout = connect_timeout
        self.keepalive_timeout = keepalive_timeout
        self.max_connections = max_connections
        self.loop = asyncio.get_running_loop()
        self._slots = asyncio.Semaphore(max_connections)
        self._idle: list[_Connection] = []
        self._closed = False

    async def request(self, method: str, path: str, headers: list[tuple[str, str]], body: bytes | None, *,
                      read_timeout: float, total_timeout: float) -> Response:
        """Send one request; returns when the response head has arrived (the body is read from the
        returned `Response`). A reused connection that turns out to be closed by the upstream before
        it answered a single byte (an idle-timeout race, or an upstream that read the request and died)
        is replaced once for a request that is safe to repeat: a GET, or one with an idempotency key."""
        lines = [f"{method} {self.path_prefix}{path} HTTP/1.1\r\nhost: ".encode("latin-1"), self.host_header]
        for k, v in headers:
            lines.append(f"\r\n{k}: {v}".encode("latin-1"))
        if body is not None:
            lines.append(b"\r\ncontent-length: %d\r\n\r\n" % len(body))
            lines.append(body)
        else:
            lines.append(b"\r\n\r\n")
        data = b"".join(lines)
        for attempt in (0, 1):
            if self._slots.locked():  # every connection busy: queue, as long as opening one may take
                await self._wait_for_slot()
            else:
                await self._slots.acquire()  # held until the exchange ends, body included
            try:
                conn = await self._connection()
            except BaseException:
                self._slots.release()
                raise
            resp = conn.send(data, read_timeout, total_timeout)
            resp._on_end = self._slots.release
            try:
                await resp._head
            except ConnectionClosed:
                if attempt == 0 and conn.reused and not resp._got_bytes and _replayable(method, headers):
                    continue
                raise
            except asyncio.CancelledError:
                resp.abort()
                raise
            return resp
        raise AssertionError("unreachable")

    async def _wait_for_slot(self) -> None:
        try:
            async with asyncio.timeout(self.connect_timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise PoolTimeout(f"all {self.max_connections} connections to {self.host}:{self.port} stayed busy "
                              f"for {self.connect_timeout:g}s") from None

    async def _connection(self) -> _Connection:
        now = self.loop.time()
        while self._idle:
            conn = self._idle.pop()
            if not conn.closed and now - conn.idle_since < self.keepalive_timeout:
                conn.reused = True
                return conn
            conn.close()
        conn = _Connection(self)
        try:
            async with asyncio.timeout(self.connect_timeout):
                await self.loop.create_connection(lambda: conn, self.host, self.port, ssl=self.ssl,
                                                  server_hostname=self.host if self.ssl else None)
        except TimeoutError:
            conn.close()
            raise ConnectTimeout(f"connecting to {self.host}:{self.port} took over {self.connect_timeout:g}s") from None
        except (OSError, ssl.SSLError) as exc:
            conn.close()
            raise ConnectError(f"cannot connect to {self.host}:{self.port}: {exc}") from exc
        return conn

    def _release(self, conn: _Connection) -> None:
        if self._closed:
            conn.close()
            return
        conn.idle_since = self.loop.time()
        self._idle.append(conn)

    async def close(self) -> None:
        self._closed = True
        while self._idle:
            self._idle.pop().close()
