"""Redis store (`redis://`, `rediss://`, `redis+sentinel://`, `redis+cluster://`).

One `redis.asyncio` client (hiredis parser when installed, which it is by our dependency
`redis[hiredis]`), no driver-level retries (a retry doubles the latency of a dead store; the
breaker decides instead), a short deadline on every call covering connect, pool wait and
reply, and a circuit breaker so an outage costs nothing once detected. Every driver error
becomes `StoreUnavailable`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from importlib import resources
from typing import Any, NamedTuple, TypeVar
from urllib.parse import unquote, urlsplit

from redis.asyncio import Redis, RedisCluster
from redis.asyncio.cluster import ClusterNode
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import Sentinel
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisClusterException, RedisError, ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from gateway.store import resp
from gateway.store.base import AdmitOp, AdmitResult, OpKind, OpResult, SettleOp
from gateway.store.batch import ScriptBatcher
from gateway.store.breaker import CircuitBreaker
from gateway.store.errors import StoreUnavailable

log = logging.getLogger("covenant.store")

T = TypeVar("T")


def _lua(name: str) -> str:
    return resources.files("gateway.store").joinpath("lua", name).read_text(encoding="utf-8")


def register_lua(client: Any, name: str) -> Any:
    """A script of ``gateway/store/lua/`` registered on ``client``: called, it runs EVALSHA, and on
    NOSCRIPT (restart, SCRIPT FLUSH, failover) SCRIPT LOAD and a retry. Every feature's Lua goes
    through here."""
    return client.register_script(_lua(name))


def _hosts(netloc: str, default_port: int) -> list[tuple[str, int]]:
    """'h1:p1,h2,h3:p3' -> [(h1, p1), (h2, default_port), (h3, p3)]."""
    out = []
    for part in netloc.split(","):
        host, sep, port = part.strip().rpartition(":")
        if not sep:
            host, port = part.strip(), ""
        out.append((host or "127.0.0.1", int(port) if port else default_port))
    return out


def build_client(url: str, timeout_s: float) -> tuple[str, Any]:
    """The redis-py client for a store URL, and the backend name for metrics."""
    common: dict[str, Any] = {
        "socket_timeout": timeout_s,
        "socket_connect_timeout": timeout_s,
        "retry": Retry(NoBackoff(), 0),
    }
    scheme = url.split("://", 1)[0]
    if scheme in ("redis", "rediss", "unix"):
        return "redis", Redis.from_url(url, **common)
    split = urlsplit(url)
    userinfo, _, hostlist = split.netloc.rpartition("@")
    username, _, password = userinfo.partition(":")
    auth = {"username": unquote(username) or None, "password": unquote(password) or None}
    if scheme == "redis+sentinel":
        parts = [p for p in split.path.split("/") if p]
        if not parts:
            raise ValueError(f"sentinel URL needs a service name: redis+sentinel://host:port,host:port/SERVICE/db, got {url!r}")
        db = int(parts[1]) if len(parts) > 1 else 0
        sentinel = Sentinel(_hosts(hostlist, 26379), sentinel_kwargs=dict(common), **common)
        return "redis+sentinel", sentinel.master_for(parts[0], db=db, **auth, **common)
    if scheme == "redis+cluster":
        nodes = [ClusterNode(h, p) for h, p in _hosts(hostlist, 6379)]
        return "redis+cluster", RedisCluster(startup_nodes=nodes, **auth, **common)
    raise ValueError(f"unsupported store URL scheme {scheme!r} in {url!r}")


class _Guard:
    """Deadline + breaker + error mapping around every store call."""

    def __init__(self, backend: str, timeout_s: float, breaker: CircuitBreaker) -> None:
        self.backend = backend
        self.timeout_s = timeout_s
        self.breaker = breaker

    async def call(self, fn: Callable[[], Awaitable[T]], *, timed: bool = True) -> T:
        """``timed=False``: ``fn`` enforces the deadline itself (the batcher's lean connections, which
        do not count the loop's own delay in reading a reply that came in time: resp.RespConnection)."""
        if not self.breaker.allow():
            raise StoreUnavailable(f"{self.backend} store unavailable (circuit open)", backend=self.backend,
                                   reason="breaker_open")
        try:
            if timed:
                async with asyncio.timeout(self.timeout_s):
                    result = await fn()
            else:
                result = await fn()
        except ResponseError as e:
            # The server answered: it is alive (a script or configuration error, not an outage).
            self.breaker.record_success()
            raise StoreUnavailable(f"{self.backend} store error: {e}", backend=self.backend, reason="error") from e
        except (TimeoutError, RedisTimeoutError) as e:
            self.breaker.record_failure("timeout")
            raise StoreUnavailable(f"{self.backend} store timed out after {self.timeout_s * 1000:.0f} ms",
                                   backend=self.backend, reason="timeout") from e
        except (RedisConnectionError, OSError, RedisClusterException) as e:
            # RedisClusterException (no RedisError): a cluster whose slots cannot be mapped, no node reachable
            self.breaker.record_failure("connection")
            raise StoreUnavailable(f"{self.backend} store connection failed: {e}", backend=self.backend,
                                   reason="connection") from e
        except RedisError as e:
            self.breaker.record_failure("error")
            raise StoreUnavailable(f"{self.backend} store error: {e}", backend=self.backend, reason="error") from e
        except asyncio.CancelledError:
            self.breaker.record_abandoned()
            raise
        self.breaker.record_success()
        return result


def script_batcher(client: Any, guard: _Guard) -> ScriptBatcher | None:
    """A batcher of script calls for ``client``; None on a cluster, whose pipeline fails the whole
    batch when one call's keys span slots (callers then send each call on its own)."""
    return None if isinstance(client, RedisCluster) else ScriptBatcher(client, guard.call, guard.backend,
                                                                       deadline_s=guard.timeout_s)


def _admit_result(flat: list[Any]) -> AdmitResult:
    return AdmitResult(int(flat[0]), [OpResult(bool(flat[i]), bool(flat[i + 1]), int(flat[i + 2]),
                                               int(flat[i + 3]), int(flat[i + 4]), int(flat[i + 5]))
                                      for i in range(1, len(flat), 6)])


_LEASE_SETTLE = resp.pack_args(("l", 0, 0))  # a lease's settlement arguments: kind, no delta, no window
_KEY_BULKS_MAX = 10_000


class PackedAdmit(NamedTuple):
    """An admission script call encoded once (`RedisRateLimit.prepare_admit`): ``head`` up to the
    request id, then ``parts`` between the dynamic amounts; ``ops`` and ``dynamic`` as prepared (to
    undo the admission of a caller that left)."""

    head: bytes
    parts: tuple[bytes, ...]
    ops: tuple[AdmitOp, ...]
    dynamic: tuple[bool, ...]


class RedisRateLimit:
    def __init__(self, client: Any, guard: _Guard, batch: ScriptBatcher | None) -> None:
        self._guard = guard
        self._admit = register_lua(client, "ratelimit_admit.lua")
        self._settle = register_lua(client, "ratelimit_settle.lua")
        self._settle_head = resp.pack_args(("EVALSHA", self._settle.sha))
        self._key_bulks: dict[str, bytes] = {}
        # Admissions and settlements of concurrent requests share pipelined round trips.
        self._batch = batch
        self._undoing: set[asyncio.Task] = set()  # undoes of abandoned admissions, referenced until done

    def _call(self, script: Any, keys: list[Any], args: list[Any]) -> Awaitable[Any]:
        if self._batch is not None:
            return self._batch.call(script, keys, args)
        return self._guard.call(lambda: script(keys=keys, args=args))

    async def admit(self, ops: Sequence[AdmitOp], now_ms: int | None, rid: str) -> AdmitResult:
        keys = [op.key for op in ops]
        args: list[Any] = ["" if now_ms is None else now_ms, rid]
        for op in ops:
            args += (op.kind.value, op.limit, op.param_ms, op.amount, "1" if op.shadow else "0")
        return await self._admitted(self._call(self._admit, keys, args), lambda: ops, rid)

    async def _admitted(self, call: Awaitable[Any], ops: Callable[[], Sequence[AdmitOp]], rid: str) -> AdmitResult:
        """The admission's result. A caller cancelled while it is under way (a client that left while its
        speculated admission was answered) does not stop it: the script was sent, or is queued, and runs.
        What it applied is then undone once its reply comes (leases released, reservations returned), as the
        caller can no longer settle it; before, a concurrency slot stayed taken until its lease expired."""
        reply = asyncio.ensure_future(call)  # the batcher's future stays itself; a cluster's call becomes a task
        try:
            return _admit_result(await asyncio.shield(reply))
        except asyncio.CancelledError:
            reply.add_done_callback(lambda done: self._undo(done, ops(), rid))
            raise

    def _undo(self, reply: asyncio.Future, ops: Sequence[AdmitOp], rid: str) -> None:
        if reply.cancelled() or reply.exception() is not None:
            return  # not admitted, or not known to be (a timed-out call: the documented bound)
        undo = [SettleOp(OpKind.LEASE, op.key) if op.kind is OpKind.LEASE
                else SettleOp(OpKind.COUNTER, op.key, -op.amount, res.window_ms)
                for op, res in zip(ops, _admit_result(reply.result()).results, strict=True)
                if res.applied and op.kind is not OpKind.LOG]
        if undo:
            task = asyncio.get_running_loop().create_task(self._settle_abandoned(undo, rid))
            self._undoing.add(task)
            task.add_done_callback(self._undoing.discard)

    async def _settle_abandoned(self, ops: Sequence[SettleOp], rid: str) -> None:
        try:
            await self.settle(ops, rid)
        except StoreUnavailable as exc:
            log.warning("undoing the admission of abandoned request %s failed: %s", rid, exc)

    def prepare_admit(self, ops: Sequence[AdmitOp], dynamic: Sequence[bool]) -> PackedAdmit | None:
        """The admission script call for ``ops`` judged by the store's clock, encoded once: every
        argument but the request id and the amounts of the ops marked ``dynamic``, which
        `admit_packed` fills in (the ops' own amounts there are ignored). None without a batcher (a
        cluster), where `admit` is the way."""
        if self._batch is None:
            return None
        enc = self._batch.encoding
        n = len(ops)
        head = (b"*%d\r\n" % (3 + n + 2 + 5 * n)
                + resp.pack_args(("EVALSHA", self._admit.sha, n, *(op.key for op in ops), ""), *enc))
        parts, cur = [], []
        for op, dyn in zip(ops, dynamic, strict=True):
            cur += (op.kind.value, op.limit, op.param_ms)
            if dyn:
                parts.append(resp.pack_args(cur, *enc))
                cur = []
            else:
                cur.append(op.amount)
            cur.append("1" if op.shadow else "0")
        parts.append(resp.pack_args(cur, *enc))
        return PackedAdmit(head, tuple(parts), tuple(ops), tuple(dynamic))

    async def admit_packed(self, packed: PackedAdmit, amounts: Sequence[int], rid: str) -> AdmitResult:
        """`admit` of the ops `prepare_admit` encoded, with ``amounts`` for its dynamic ops, in order."""
        parts = packed.parts
        out = [packed.head, resp.bulk(rid.encode()), parts[0]]
        for amount, part in zip(amounts, parts[1:], strict=True):
            out += (resp.bulk(b"%d" % amount), part)
        assert self._batch is not None

        def ops() -> list[AdmitOp]:
            given = iter(amounts)
            return [op._replace(amount=next(given)) if dyn else op
                    for op, dyn in zip(packed.ops, packed.dynamic, strict=True)]

        return await self._admitted(self._batch.call_packed(self._admit, b"".join(out)), ops, rid)

    async def settle(self, ops: Sequence[SettleOp], rid: str) -> None:
        ops = [op for op in ops if op.kind is not OpKind.LOG]
        if not ops:
            return
        if self._batch is not None:
            await self._batch.call_packed(self._settle, self._pack_settle(ops, rid))
            return
        keys = [op.key for op in ops]
        args: list[Any] = [rid]
        for op in ops:
            args += (op.kind.value, op.delta, op.window_ms)
        await self._call(self._settle, keys, args)

    def _pack_settle(self, ops: Sequence[SettleOp], rid: str) -> bytes:
        """The settlement's EVALSHA as `pack_commands` would encode it, with each state key's bulk
        string encoded once (bounded: a cache of the keys of recent subjects)."""
        bulks = self._key_bulks
        if len(bulks) > _KEY_BULKS_MAX:
            bulks.clear()
        enc = self._batch.encoding  # type: ignore[union-attr]
        out = [b"*%d\r\n" % (4 + 4 * len(ops)), self._settle_head, resp.bulk(b"%d" % len(ops))]
        for op in ops:
            bulk = bulks.get(op.key)
            if bulk is None:
                bulk = bulks[op.key] = resp.pack_args((op.key,), *enc)
            out.append(bulk)
        out.append(resp.bulk(rid.encode()))
        for op in ops:
            if op.kind is OpKind.LEASE and not op.delta and not op.window_ms:
                out.append(_LEASE_SETTLE)
            else:
                out += (resp.bulk(op.kind.value.encode()), resp.bulk(b"%d" % op.delta),
                        resp.bulk(b"%d" % op.window_ms))
        return b"".join(out)


class RedisCounterTables:
    """`CounterTables` on Redis: one hash per table (``HINCRBY`` per counter), all additions of one
    ``add`` in one EVALSHA (``lua/counters_add.lua``), sent through ``batcher`` when given (a
    background feature's own, so a flush never rides on a request's round trip)."""

    PREFIX = "covenant:{ctr}:"  # one hash tag: the script touches the table and the index together

    def __init__(self, client: Any, guard: _Guard, batcher: ScriptBatcher | None) -> None:
        self._client = client
        self._guard = guard
        self._batch = batcher
        self._add = register_lua(client, "counters_add.lua")
        self._index = self.PREFIX + "tables"

    async def add(self, table: str, deltas: Mapping[str, int], *, group: str | None = None,
                  max_tables: int = 0) -> bool:
        if not deltas:
            return True
        keys = [self.PREFIX + "t:" + table, self._index]
        if group is not None:
            keys.append(self.PREFIX + "g:" + group)
        args: list[Any] = [table, max_tables]
        for name, delta in deltas.items():
            args += (name, int(delta))
        if self._batch is not None:
            done = await self._batch.call(self._add, keys, args)
        else:
            done = await self._guard.call(lambda: self._add(keys=keys, args=args))
        return bool(int(done))

    async def read(self, table: str) -> dict[str, int]:
        raw = await self._guard.call(lambda: self._client.hgetall(self.PREFIX + "t:" + table))
        return {(k.decode() if isinstance(k, bytes) else k): int(v) for k, v in raw.items()}

    async def tables(self) -> list[str]:
        raw = await self._guard.call(lambda: self._client.smembers(self._index))
        return sorted(m.decode() if isinstance(m, bytes) else m for m in raw)


class RedisStore:
    def __init__(self, url: str, *, timeout_ms: float = 50, failure_threshold: int = 5,
                 cooldown_s: float = 1.0) -> None:
        self.backend, self.client = build_client(url, timeout_ms / 1000)
        self.breaker = CircuitBreaker(self.backend, failure_threshold=failure_threshold, cooldown_s=cooldown_s)
        self._guard = _Guard(self.backend, timeout_ms / 1000, self.breaker)
        # The request path's batcher: rate-limit admissions and settlements, and the reads that
        # ride along with them (due verdict and key refreshes), so a request's pre-checks cost one
        # round trip. None on a cluster (callers then send each call on its own).
        self.batch = script_batcher(self.client, self._guard)
        self.ratelimit = RedisRateLimit(self.client, self._guard, self.batch)
        self._batchers = [b for b in (self.batch,) if b is not None]  # closed with the store

    def script_batcher(self) -> ScriptBatcher | None:
        """A batcher of its own for a background feature's Lua scripts (provenance writes), so they
        never lengthen the round trip of a request's pre-checks; under this store's guard."""
        batcher = script_batcher(self.client, self._guard)
        if batcher is not None:
            self._batchers.append(batcher)
        return batcher

    def counter_tables(self, batcher: ScriptBatcher | None = None) -> RedisCounterTables:
        """Counter tables (`CounterTables`) under this store's guard; additions go through ``batcher``
        (e.g. the gateway's background batcher) or, without one, each in its own round trip."""
        return RedisCounterTables(self.client, self._guard, batcher)

    async def guarded(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run `fn` (a call on `self.client`) under this store's deadline, breaker and error mapping.

        For features that use the raw client (e.g. API keys) but must fail fast like the rest.
        """
        return await self._guard.call(fn)

    async def ping(self) -> None:
        await self._guard.call(self.client.ping)

    async def wait_ready(self, deadline_s: float) -> None:
        """Start-up: the first connection may miss one command's deadline (a loaded host, a store still starting);
        retry it with backoff, outside the breaker, before anything depends on the store."""
        loop = asyncio.get_running_loop()
        end, delay = loop.time() + deadline_s, 0.05
        while True:
            try:
                await self.client.ping()
                return
            except (RedisError, OSError, RedisClusterException) as exc:
                if loop.time() + delay > end:
                    raise StoreUnavailable(f"{self.backend} store not reachable at start-up within {deadline_s:g} s: "
                                           f"{exc}", backend=self.backend, reason="connection") from exc
                log.warning("%s store not reachable yet (%s); retrying in %.2f s", self.backend, exc, delay)
            await asyncio.sleep(delay)
            delay = min(1.0, delay * 2)

    async def close(self) -> None:
        for batcher in self._batchers:
            await batcher.close()
        await self.client.aclose()
