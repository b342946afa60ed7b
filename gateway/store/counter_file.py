"""The memory store's counter tables kept in a file, so a restart does not lose them (opt-in).

`CounterFile` wraps a `MemoryCounterTables`: `load` at start, `save` after each change that matters
(the recorder calls it at each flush and at shutdown). Both run the file I/O in a thread, never on
the event loop. A save writes a temporary file next to the target, fsyncs it and renames it over the
target, so the file is always a whole snapshot, the old one or the new one.

A file that cannot be read or parsed is never overwritten: it is renamed aside
(``<name>.corrupt-<unix time>``), logged as an error, and the tables start empty. If it cannot even
be moved aside, saving stays off for this run (every save raises, so the flush is counted failed and
the alert fires) rather than replace what may be the only copy of the counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path

import orjson

from gateway.store.memory import MemoryCounterTables

log = logging.getLogger("covenant.store")

FORMAT = "covenant-counter-tables/1"


class CounterFileError(RuntimeError):
    """The counter tables could not be saved to their file."""


def _validate(data: object) -> dict:
    """The parsed file as a snapshot, or ValueError naming what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"not a counter-tables file (expected \"format\": \"{FORMAT}\")")
    tables, groups = data.get("tables"), data.get("groups", {})
    if not isinstance(tables, dict) or not isinstance(groups, dict):
        raise ValueError("\"tables\" and \"groups\" must be objects")
    for name, counters in tables.items():
        if not isinstance(counters, dict) or not all(
                isinstance(k, str) and type(v) is int for k, v in counters.items()):
            raise ValueError(f"table {name!r}: counters must be an object of integers")
    for name, members in groups.items():
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            raise ValueError(f"group {name!r}: members must be a list of table names")
    return {"tables": tables, "groups": groups}


class CounterFile:
    """`CounterTables` of the memory store, loaded from and saved to ``path``."""

    def __init__(self, tables: MemoryCounterTables, path: str | os.PathLike) -> None:
        self.inner = tables
        self.path = Path(path)
        self._lock = asyncio.Lock()  # a save reads the tables in a thread: no addition meanwhile
        self._dirty = False
        self._blocked: str | None = None  # why saving is off (a bad file that could not be kept aside)

    # -- CounterTables ---------------------------------------------------------------------------
    async def add(self, table: str, deltas: Mapping[str, int], *, group: str | None = None,
                  max_tables: int = 0) -> bool:
        async with self._lock:
            done = self.inner.add_now(table, deltas, group=group, max_tables=max_tables)
            self._dirty = self._dirty or (done and bool(deltas))
            return done

    async def read(self, table: str) -> dict[str, int]:
        return await self.inner.read(table)

    async def tables(self) -> list[str]:
        return await self.inner.tables()

    # -- the file --------------------------------------------------------------------------------
    async def load(self) -> None:
        """Start from the file when it exists; a bad file is kept aside, logged, and the tables start empty."""
        async with self._lock:
            snapshot = await asyncio.to_thread(self._read)
            if snapshot is not None:
                self.inner.restore(snapshot)

    def _read(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # nothing there to keep (a save says why it cannot write)
            log.info("counter tables: %s does not exist yet; starting empty", self.path)
            return None
        except OSError as exc:
            return self._keep_aside(f"cannot be read ({exc})")
        try:
            snapshot = _validate(orjson.loads(raw))
        except (orjson.JSONDecodeError, ValueError) as exc:
            return self._keep_aside(f"is not a valid counter-tables file ({exc})")
        log.info("counter tables: loaded %d tables from %s", len(snapshot["tables"]), self.path)
        return snapshot

    def _keep_aside(self, problem: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            self._blocked = (f"{self.path} {problem} and could not be moved aside ({exc}); not saving, so as "
                             "not to overwrite it")
            log.error("counter tables: %s; starting empty", self._blocked)
            return None
        log.error("counter tables: %s %s; kept it as %s and starting empty", self.path, problem, aside)
        return None

    async def save(self) -> bool:
        """Write the tables if they changed since the last save; True when written. Raises
        CounterFileError when the file cannot be written (the tables stay in memory, the next save
        writes them all)."""
        if self._blocked is not None:
            raise CounterFileError(self._blocked)
        async with self._lock:
            if not self._dirty:
                return False
            await asyncio.to_thread(self._write, self.inner.snapshot())
            self._dirty = False
            return True

    def _write(self, snapshot: dict) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            data = orjson.dumps({"format": FORMAT, "saved_at": time.time(), **snapshot})
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            dir_fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)  # the rename itself survives a crash
            finally:
                os.close(dir_fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise CounterFileError(f"cannot write {self.path}: {exc}") from exc
