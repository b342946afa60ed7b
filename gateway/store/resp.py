"""A lean Redis connection for the store's batchers: RESP2 over an asyncio Protocol, parsed by hiredis.

redis-py's asyncio connection reads through a StreamReader, with an async timeout context per
reply; after an idle spell a small batch's round trip cost about twice a raw socket's (a streamed
request's first token waits on it), and under load each round trip cost ~90 µs of CPU here. This
connection parses replies in ``data_received`` and completes one future per batch. The batcher
(``gateway/store/batch.py``) uses it for plain TCP and Unix-socket URLs and keeps redis-py's own
connections for everything else (TLS, Sentinel, unusual client options); the deadline, breaker
and error mapping stay the store's guard.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Sequence
from typing import Any

import hiredis
from redis.asyncio.connection import Connection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, ResponseError

# Client options this connection implements (or that only concern redis-py's own connections);
# a pool configured with anything else keeps redis-py's connections.
_UNDERSTOOD = frozenset({
    "host", "port", "path", "db", "username", "password", "socket_timeout", "socket_connect_timeout",
    "retry", "encoding", "encoding_errors", "decode_responses", "health_check_interval",
    "himport_registry", "maint_notifications_pool_handler", "maint_notifications_config",
    "orig_host_address", "orig_socket_timeout", "orig_socket_connect_timeout",
})


def pack_commands(commands: Sequence[Sequence[Any]], encoding: str = "utf-8", errors: str = "strict") -> bytes:
    """RESP encoding of ``commands`` in one buffer, as redis-py's ``pack_commands`` would send them.

    Half its CPU: no per-argument encoder object, no split of multi-word command names (callers
    pass one word per argument) and no chunking of large values (ours are small). Arguments are
    str, bytes, int or float (``repr``, as redis-py writes numbers).
    """
    out: list[bytes] = []
    append = out.append
    for args in commands:
        append(b"*%d\r\n" % len(args))
        for arg in args:
            if isinstance(arg, str):
                data = arg.encode(encoding, errors)
            elif isinstance(arg, bytes):
                data = arg
            elif isinstance(arg, (int, float)) and not isinstance(arg, bool):
                data = repr(arg).encode()
            else:
                raise TypeError(f"cannot send {type(arg).__name__} to Redis: {arg!r}")
            append(b"$%d\r\n%b\r\n" % (len(data), data))
    return b"".join(out)


def bulk(data: bytes) -> bytes:
    """One RESP bulk string, as `pack_commands` writes each argument (for callers that fill values into
    pre-encoded commands)."""
    return b"$%d\r\n%b\r\n" % (len(data), data)


def pack_args(args: Sequence[Any], encoding: str = "utf-8", errors: str = "strict") -> bytes:
    """The bulk strings of ``args`` as `pack_commands` writes them, without the ``*N`` header: for
    callers that pre-encode the parts of a command that do not change between calls."""
    return pack_commands((args,), encoding, errors).split(b"\r\n", 1)[1]


def supports(pool: Any) -> bool:
    """Whether a redis-py connection pool's connections can be replaced by `RespConnection`."""
    kwargs = pool.connection_kwargs
    return (pool.connection_class in (Connection, UnixDomainSocketConnection)
            and not kwargs.get("decode_responses") and set(kwargs) <= _UNDERSTOOD)


def _reply_error(message: str) -> ResponseError:
    # what the batcher checks for: NOSCRIPT (script cache flushed) is retried after SCRIPT LOAD
    return NoScriptError(message) if message.startswith("NOSCRIPT") else ResponseError(message)


def _expire(fut: asyncio.Future, deadline_s: float, hops: int) -> None:
    # Two call_soon hops: the first may still run before this loop iteration's poll (uvloop runs
    # callbacks queued by a timer in the same iteration), the second runs after it.
    if fut.done():
        return
    if hops:
        fut.get_loop().call_soon(_expire, fut, deadline_s, hops - 1)
    else:
        fut.set_exception(TimeoutError(f"no reply from Redis within {deadline_s * 1000:.0f} ms"))


class RespConnection(asyncio.Protocol):
    """One connection; `request` writes a packed batch and returns a future of its replies, in order.

    Error replies are returned as ``ResponseError`` instances (``NoScriptError`` for NOSCRIPT), not
    raised. A lost connection fails every batch waiting on it with ``redis.ConnectionError``.
    """

    def __init__(self) -> None:
        self._reader = hiredis.Reader(replyError=_reply_error)
        self._waiting: deque[tuple[asyncio.Future, int, list]] = deque()  # future, replies expected, replies
        self._transport: asyncio.Transport | None = None
        self._loop: asyncio.AbstractEventLoop = None  # type: ignore[assignment]  # set by connection_made
        self.closed = False

    @classmethod
    async def open(cls, kwargs: dict[str, Any]) -> RespConnection:
        """Connect as redis-py would with these pool options: AUTH and SELECT when configured."""
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(kwargs.get("socket_connect_timeout") or kwargs.get("socket_timeout")):
            if kwargs.get("path"):
                _, conn = await loop.create_unix_connection(cls, kwargs["path"])
            else:  # asyncio sets TCP_NODELAY on TCP transports
                _, conn = await loop.create_connection(cls, kwargs.get("host", "localhost"), kwargs.get("port", 6379))
            handshake: list[tuple[Any, ...]] = []
            if kwargs.get("password") is not None:
                user = kwargs.get("username")
                handshake.append(("AUTH", user, kwargs["password"]) if user else ("AUTH", kwargs["password"]))
            if kwargs.get("db"):
                handshake.append(("SELECT", kwargs["db"]))
            if handshake:
                try:
                    replies = await conn.request(pack_commands(handshake), len(handshake))
                except BaseException:
                    conn.close()
                    raise
                refused = [r for r in replies if isinstance(r, ResponseError)]
                if refused:
                    conn.close()
                    raise RedisConnectionError(f"Redis refused the connection handshake: {refused[0]}")
        return conn

    # -- asyncio.Protocol --------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]
        self._loop = asyncio.get_running_loop()  # once: on 3.11 each lookup is a getpid() system call

    def data_received(self, data: bytes) -> None:
        reader = self._reader
        reader.feed(data)
        waiting = self._waiting
        try:
            while waiting:
                fut, expected, replies = waiting[0]
                reply = reader.gets()
                if reply is False:  # hiredis' "incomplete" marker (RESP2 has no boolean replies)
                    return
                replies.append(reply)
                if len(replies) == expected:
                    waiting.popleft()
                    if not fut.done():
                        fut.set_result(replies)
            if reader.gets() is not False:
                raise RedisConnectionError("Redis sent a reply nobody asked for")
        except Exception as exc:  # protocol error or out of step: this connection is unusable
            self._fail(exc if isinstance(exc, RedisConnectionError) else RedisConnectionError(f"bad reply: {exc}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self._fail(RedisConnectionError(f"Redis connection lost: {exc}" if exc else "Redis closed the connection"))

    # -- use -------------------------------------------------------------------------------------------

    def request(self, payload: bytes, count: int, deadline_s: float | None = None) -> asyncio.Future:
        """Send ``count`` packed commands; the future holds their ``count`` replies.

        With ``deadline_s``, the future fails with ``TimeoutError`` when no reply came within that time
        of the write *and* the socket was polled once more after it: on a saturated loop, expired timers
        run before the socket is read, and a reply that arrived in time must not count as a timeout
        (the caller then discards this connection, whose replies are still due).
        """
        if self.closed or self._transport is None:
            raise RedisConnectionError("Redis connection is closed")
        loop = self._loop
        fut = loop.create_future()
        self._waiting.append((fut, count, []))
        self._transport.write(payload)
        if deadline_s is not None:
            loop.call_later(deadline_s, _expire, fut, deadline_s, 2)
        return fut

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self._transport is not None:
                self._transport.close()  # connection_lost fails whatever still waits

    def _fail(self, exc: Exception) -> None:
        self.close()
        while self._waiting:
            fut = self._waiting.popleft()[0]
            if not fut.done():
                fut.set_exception(exc)
