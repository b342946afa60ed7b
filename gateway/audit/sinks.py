"""Where audit lines go: JSONL files with rotation, a capped Redis Stream, stdout.

A sink receives batches of encoded lines from the background writer, never single records from
the request path. Blocking file I/O runs in a worker thread, one hop per batch.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

import orjson

STREAM_KEY = "covenant:audit"
STREAM_FIELD = "record"


class Sink(Protocol):
    name: str  # the `sink` label of covenant_audit_records / covenant_audit_dropped

    async def start(self) -> None: ...
    async def write(self, lines: list[bytes]) -> None: ...
    async def close(self) -> None: ...


def rotated_name(base: str, when: float) -> str:
    """`covenant-audit.jsonl` -> `covenant-audit.jsonl.20250101T120000123456Z` (sorts by time)."""
    return f"{base}.{datetime.fromtimestamp(when, UTC).strftime('%Y%m%dT%H%M%S%fZ')}"


def rotated_files(path: Path) -> list[Path]:
    """Rotated siblings of `path`, oldest first."""
    prefix = path.name + "."
    if not path.parent.is_dir():
        return []
    return sorted(p for p in path.parent.iterdir()
                  if p.name.startswith(prefix) and p.name[len(prefix):len(prefix) + 1].isdigit())


class FileSink:
    """Appends JSON lines to `path`; rotates by size and age (rename with a UTC timestamp suffix),
    keeping the newest `keep` rotated files.

    Age is counted from the first record of the current file (read back at start, so a restart
    does not reset it). Lines are never split across files: a batch that would cross
    `rotate_bytes` goes to a fresh file. One process per file: with several workers, put `{pid}`
    in the path.
    """

    name = "file"

    def __init__(self, path: str | Path, *, rotate_bytes: int, rotate_seconds: float, keep: int = 10,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = Path(str(path).replace("{pid}", str(os.getpid())))
        self.rotate_bytes = rotate_bytes
        self.rotate_seconds = rotate_seconds
        self.keep = keep
        self._clock = clock
        self._f: IO[bytes] | None = None
        self._size = 0
        self._started_at = 0.0

    async def start(self) -> None:
        await asyncio.to_thread(self._open)

    async def write(self, lines: list[bytes]) -> None:
        await asyncio.to_thread(self.write_sync, b"".join(lines))

    async def close(self) -> None:
        await asyncio.to_thread(self._close)

    # -- blocking parts (worker thread) -----------------------------------------------------------
    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._f = self.path.open("ab")
        self._size = self._f.tell()
        self._started_at = self._first_ts() if self._size else self._clock()

    def _first_ts(self) -> float:
        try:
            with self.path.open("rb") as f:
                return float(orjson.loads(f.readline())["ts"])
        except (OSError, ValueError, KeyError, TypeError):
            return self._clock()  # unreadable first line: count the age from now

    def write_sync(self, data: bytes) -> None:
        if self._f is None:
            self._open()
        if self._size and (self._size + len(data) > self.rotate_bytes
                           or self._clock() - self._started_at >= self.rotate_seconds):
            self._rotate()
        if not self._size:
            self._started_at = self._clock()  # the file's age starts with its first record
        assert self._f is not None
        self._f.write(data)
        self._f.flush()  # one write(2) per batch: readers and `covenant report` see whole lines
        self._size += len(data)

    def _rotate(self) -> None:
        assert self._f is not None
        self._f.close()
        now = self._clock()
        target = self.path.with_name(rotated_name(self.path.name, now))
        bump = 0
        while target.exists():  # two rotations in one microsecond (tests, tiny sizes)
            bump += 1
            target = self.path.with_name(rotated_name(self.path.name, now) + f"-{bump}")
        self.path.rename(target)
        for old in rotated_files(self.path)[:-self.keep or None]:
            old.unlink(missing_ok=True)
        self._f = self.path.open("ab")
        self._size = 0
        self._started_at = now

    def _close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None


class RedisStreamSink:
    """XADD each record to a Redis Stream capped with `MAXLEN ~` (one pipelined round trip per batch).

    Pass the store's client (works for Sentinel and Cluster URLs too) or a redis:// URL, in which
    case the sink owns and closes its client.
    """

    name = "redis"

    def __init__(self, client_or_url: Any, *, maxlen: int, stream: str = STREAM_KEY,
                 timeout_s: float = 2.0) -> None:
        self._own = isinstance(client_or_url, str)
        if self._own:
            from redis.asyncio import Redis

            self.client = Redis.from_url(client_or_url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s)
        else:
            self.client = client_or_url
        self.maxlen = maxlen
        self.stream = stream

    async def start(self) -> None:
        return None  # connect lazily: an unreachable Redis must not stop the gateway from starting

    async def write(self, lines: list[bytes]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for line in lines:
            pipe.xadd(self.stream, {STREAM_FIELD: line.rstrip(b"\n")}, maxlen=self.maxlen, approximate=True)
        await pipe.execute()

    async def close(self) -> None:
        if self._own:
            await self.client.aclose()


class BlockingStream:
    """The audit stream read from a command or a worker thread (`covenant audit|report`, the admin search): the
    store's own client for any store URL - redis://, Sentinel, Cluster - driven by an event loop in a thread of
    its own (redis-py's blocking client takes plain redis:// URLs only), so a caller may block on it anywhere."""

    def __init__(self, url: str, *, stream: str = STREAM_KEY, timeout_s: float = 5.0) -> None:
        from gateway.store.redis import build_client  # a Redis store's commands only

        _, self._client = build_client(url, timeout_s)
        self.stream = stream
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="covenant-audit-stream", daemon=True)
        self._thread.start()

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def xrange(self, low: str, high: str, count: int) -> list[tuple[bytes, dict[bytes, bytes]]]:
        return self._run(self._client.xrange(self.stream, low, high, count=count))

    def close(self) -> None:
        try:
            self._run(self._client.aclose())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()

    def __enter__(self) -> BlockingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StdoutSink:
    """JSON lines on standard output (for a log collector reading the container's stdout)."""

    name = "stdout"

    def __init__(self, stream: IO[bytes] | None = None) -> None:
        self._stream = stream

    async def start(self) -> None:
        return None

    async def write(self, lines: list[bytes]) -> None:
        # A pipe nobody reads blocks write(2): keep that in the worker thread, off the event loop.
        await asyncio.to_thread(self._write_sync, b"".join(lines))

    def _write_sync(self, data: bytes) -> None:
        out = self._stream or sys.stdout.buffer
        out.write(data)
        out.flush()

    async def close(self) -> None:
        return None
