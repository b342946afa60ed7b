"""Coalesce the store calls made in one event-loop turn into one pipelined round trip.

Under load many requests reach the rate-limit stage in the same loop turn. Sent one by one, each
pays redis-py's per-call cost (~40 µs of CPU here: packing, pool checkout, a socket write, a read)
and one system call each way; pipelined, the batch shares one write and one read. Every script
still runs atomically on its own; only the transport is shared, in submission order.

The store owns one batcher, so the calls of one request's pre-checks that are made without an
await between them (a due verdict or key refresh, the rate-limit admission) also share one round
trip. A lone request waits one loop turn: the task that sends the batch is created with the first
call and takes everything queued by the time it first runs.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import NoScriptError, ResponseError

from gateway.store import resp
from gateway.store.errors import StoreUnavailable

MAX_BATCH = 512  # a burst larger than this is sent as several pipelines
# Kept open between batches. At c=32 on one core ~10 batches are in flight at once; with 4 kept,
# every extra one was a new connection (connect, HELLO/CLIENT SETINFO, close): ~2 % of the CPU.
IDLE_CONNECTIONS = 16


class ScriptBatcher:
    def __init__(self, client: Any, guarded: Callable[..., Awaitable[Any]], backend: str,
                 deadline_s: float | None = None) -> None:
        self._client = client
        self._guarded = guarded  # the store's deadline + breaker + error mapping
        self._deadline_s = deadline_s  # on lean connections, enforced per write by the connection
        self._backend = backend
        # (script or None for a plain command, keys or None when args is the packed command, args, future)
        self._pending: list[tuple[Any, Sequence[Any], Sequence[Any], asyncio.Future]] = []
        self._scheduled = False
        self._tasks: set[asyncio.Task] = set()
        # The loop of the connections; looked up once: on Python 3.11 every get_running_loop() (and
        # ensure_future/gather without a loop) is a getpid() system call, ~2 of them per request here.
        self._loop: asyncio.AbstractEventLoop | None = None
        # Connections of this batcher's own, made by the client's pool (same address, credentials,
        # TLS, timeouts; Sentinel-managed on a Sentinel URL) but not checked out of it per batch:
        # redis-py's pool and pipeline cost ~0.2 ms per round trip after an idle spell, on the path
        # of a request's first token.
        self._pool = client.connection_pool
        self.encoding = self._encoding = (self._pool.connection_kwargs.get("encoding", "utf-8"),
                                          self._pool.connection_kwargs.get("encoding_errors", "strict"))
        self._idle: list[Any] = []
        self._lean = resp.supports(self._pool)  # plain TCP / Unix socket: gateway/store/resp.py
        self._own_deadline = self._lean and deadline_s is not None

    def call(self, script: Any, keys: Sequence[Any], args: Sequence[Any]) -> asyncio.Future:
        """Queue one EVALSHA of ``script`` (a redis-py Script); the future holds its reply."""
        return self._queue(script, keys, args)

    def call_packed(self, script: Any, payload: bytes) -> asyncio.Future:
        """Queue one EVALSHA of ``script`` already encoded as RESP (``resp.pack_commands`` with this
        batcher's ``encoding``: callers pre-encode what does not change between calls); the future
        holds its reply."""
        return self._queue(script, None, payload)

    def command(self, *args: Any) -> asyncio.Future:
        """Queue one plain command (``"HGET", key, field``); the future holds its reply."""
        return self._queue(None, (), args)

    def command_soon(self, *args: Any) -> asyncio.Future:
        """Queue a command nobody waits on yet (a refresh ahead of expiry). If it opens a batch, the batch
        leaves one loop turn later than usual, so that the call it can share a round trip with comes
        along: a speculated rate-limit admission starts on the turn after the request's pre-checks."""
        return self._queue(None, (), args, lazy=True)

    def xadd(self, stream: str, fields: Sequence[Any], maxlen: int) -> asyncio.Future:
        """Queue one ``XADD stream MAXLEN ~ maxlen * field value ...`` (what redis-py's
        ``xadd(..., maxlen=, approximate=True)`` sends); the future holds the entry id."""
        return self._queue(None, (), ("XADD", stream, "MAXLEN", "~", maxlen, "*", *fields))

    def _queue(self, script: Any, keys: Sequence[Any], args: Sequence[Any], lazy: bool = False) -> asyncio.Future:
        loop = self._loop
        if loop is None or loop.is_closed():
            loop = self._loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._pending.append((script, keys, args, fut))
        if not self._scheduled:
            self._scheduled = True
            self._spawn(self._flush(lazy))
        return fut

    def _spawn(self, coro) -> None:
        task = self._loop.create_task(coro)  # type: ignore[union-attr]  # set: a flush follows a _queue
        self._tasks.add(task)  # a reference until done: the loop keeps only weak ones
        task.add_done_callback(self._tasks.discard)

    async def _flush(self, lazy: bool = False) -> None:
        # First step of the task: one loop turn after the first call, with what was queued since (two
        # turns when the first call was lazy).
        if lazy:
            await asyncio.sleep(0)
        self._scheduled = False
        pending, self._pending = self._pending, []
        for i in range(MAX_BATCH, len(pending), MAX_BATCH):
            self._spawn(self._run(pending[i:i + MAX_BATCH]))
        await self._run(pending[:MAX_BATCH])

    async def _run(self, batch: list) -> None:
        try:
            if self._own_deadline:
                replies = await self._guarded(lambda: self._send(batch), timed=False)
            else:
                replies = await self._guarded(lambda: self._send(batch))
            missing = [i for i, r in enumerate(replies) if isinstance(r, NoScriptError)]
            if missing:  # Redis restarted, failed over or flushed its scripts: load and send those again
                retry = [batch[i] for i in missing]
                again = await self._guarded(lambda: self._load_and_send(retry))
                for i, r in zip(missing, again, strict=True):
                    replies[i] = r
        except StoreUnavailable as exc:
            for *_, fut in batch:
                if not fut.done():
                    fut.set_exception(StoreUnavailable(str(exc), backend=exc.backend, reason=exc.reason))
            return
        except BaseException as exc:  # never leave a caller waiting
            for *_, fut in batch:
                if not fut.done():
                    fut.set_exception(StoreUnavailable(f"{self._backend} store error: {exc!r}",
                                                       backend=self._backend, reason="error"))
            if isinstance(exc, asyncio.CancelledError):
                raise
            return
        for (*_, fut), reply in zip(batch, replies, strict=True):
            if fut.done():
                continue  # the caller left (client disconnected)
            if isinstance(reply, ResponseError):  # the server answered: alive, but this call failed
                fut.set_exception(StoreUnavailable(f"{self._backend} store error: {reply}",
                                                   backend=self._backend, reason="error"))
            else:
                fut.set_result(reply)

    async def _send(self, batch: list) -> list[Any]:
        """One write of every command, then their replies in order (an error reply is returned, not raised)."""
        if all(keys is not None for _, keys, _, _ in batch):
            payload = resp.pack_commands([_command(s, k, a) for s, k, a, _ in batch], *self._encoding)
        else:  # some calls came encoded already (call_packed)
            payload = b"".join(a if k is None else resp.pack_commands((_command(s, k, a),), *self._encoding)
                               for s, k, a, _ in batch)
        conn = await self._connection()
        try:
            if self._lean:
                replies = await conn.request(payload, len(batch), self._deadline_s)
            else:
                await conn.send_packed_command(payload, check_health=False)
                replies = []
                for _ in batch:
                    try:
                        replies.append(await conn.read_response())
                    except ResponseError as exc:
                        replies.append(exc)
        except BaseException:
            await self._discard(conn)  # replies may be pending on it: never reuse it
            raise
        if len(self._idle) < IDLE_CONNECTIONS:
            self._idle.append(conn)
        else:
            await self._discard(conn)
        return replies

    async def _connection(self) -> Any:
        if self._lean:
            while self._idle:
                conn = self._idle.pop()
                if not conn.closed:  # the server closed it meanwhile (restart, idle timeout)
                    return conn
            return await resp.RespConnection.open(self._pool.connection_kwargs)
        if not self._idle:
            conn = self._pool.make_connection()
            await conn.connect()
            return conn
        conn = self._idle.pop()
        try:
            # Closed by the server meanwhile (restart, idle timeout) or holding stray data: a new one.
            if not conn.is_connected or await conn.can_read():
                raise RedisConnectionError("stale connection")
        except (RedisConnectionError, OSError):
            await conn.disconnect()
            await conn.connect()
        return conn

    async def _discard(self, conn: Any) -> None:
        if self._lean:
            conn.close()
        else:
            await conn.disconnect()

    async def _load_and_send(self, batch: list) -> list[Any]:
        for script in {id(s): s for s, *_ in batch}.values():
            await self._client.script_load(script.script)
        return await self._send(batch)

    async def drain(self) -> None:
        """Wait for the batches in flight (at shutdown, so no settlement is lost)."""
        while self._pending or self._tasks:
            if self._tasks:
                await asyncio.gather(*self._tasks, return_exceptions=True)
            await asyncio.sleep(0)

    async def close(self) -> None:
        """Drain, then close this batcher's connections."""
        await self.drain()
        while self._idle:
            await self._discard(self._idle.pop())


def _command(script: Any, keys: Sequence[Any], args: Sequence[Any]) -> Sequence[Any]:
    """A queued call as a command: a plain command's own arguments, or the script's EVALSHA."""
    return args if script is None else ("EVALSHA", script.sha, len(keys), *keys, *args)
