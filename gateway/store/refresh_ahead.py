"""A local cache of one store hash's fields, refreshed ahead of expiry on the store's batcher.

API keys and extraction verdicts are read on every request and change rarely. Each entry is used for
at most `ttl` seconds after it was read; past half its life a lookup still serves it and queues a
refresh of the field on the request-path batcher (`gateway.store.batch`, `command_soon`), so the read
shares the round trip of the request's rate-limit admission (speculated or not) and a key in steady use
never waits for the store.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class RefreshAheadCache(Generic[V]):
    def __init__(self, hash_key: str, decode: Callable[[bytes | None], V], ttl: float, max_entries: int,
                 batch: Any | None) -> None:
        self._hash = hash_key
        self._decode = decode     # raw field (None when absent) -> value
        self._ttl = ttl
        self._max = max_entries
        self._batch = batch       # the store's ScriptBatcher; None: no refresh-ahead (a cluster)
        self._entries: dict[str, tuple[float, V]] = {}
        self._refreshing: dict[str, object] = {}  # field -> token of its refresh in flight

    def lookup(self, field: str, now: float) -> tuple[tuple[float, V] | None, bool]:
        """(the cached entry, possibly expired; whether it is still valid). A valid entry past half its
        life is refreshed in the background."""
        hit = self._entries.get(field)
        if hit is None or hit[0] <= now:
            return hit, False
        if self._batch is not None and hit[0] - now < self._ttl / 2 and field not in self._refreshing:
            self._refresh(field)
        return hit, True

    async def fetch(self, field: str) -> V:
        """Read the field on the batcher (one round trip shared with the other calls of this loop turn)."""
        return self._decode(await self._batch.command("HGET", self._hash, field))

    def remember(self, field: str, value: V, now: float) -> V:
        if len(self._entries) > self._max:
            self._entries.clear()
        self._entries[field] = (now + self._ttl, value)
        return value

    @property
    def ttl(self) -> float:
        return self._ttl

    def expire_all(self) -> None:
        """Every entry due now: the next lookup re-reads it, and keeps using it if the store cannot answer
        (as for any expired entry), rather than forgetting what it held."""
        self._entries = {field: (0.0, value) for field, (_, value) in self._entries.items()}
        self._refreshing.clear()

    def forget(self, field: str) -> None:
        """The field was written here: drop the entry and ignore a refresh in flight (it may predate the write)."""
        self._entries.pop(field, None)
        self._refreshing.pop(field, None)

    def _refresh(self, field: str) -> None:
        token = self._refreshing[field] = object()
        asked = time.monotonic()

        def done(f) -> None:
            if self._refreshing.get(field) is not token:
                return  # written meanwhile: this answer may predate the write
            del self._refreshing[field]
            if f.cancelled() or f.exception() is not None:
                return  # on a store error the entry stays until it expires; then a lookup waits
            value = self._decode(f.result())
            if value is None and (held := self._entries.get(field)) is not None and held[1] is not None:
                # Gone from the hash (deleted, or a restarted Redis not yet restored): the entry is not
                # extended; at its expiry a lookup decides, as without the refresh.
                return
            self.remember(field, value, asked)

        self._batch.command_soon("HGET", self._hash, field).add_done_callback(done)
