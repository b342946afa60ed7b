"""API keys and principals.

A key looks like `cov_<key id>_<secret>`. Only its SHA-256 is stored (keys are 256-bit random,
so a fast hash is safe: there is nothing to brute-force). Lookup is by the non-secret key id,
then the hashes are compared in constant time.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Protocol

import orjson

from gateway.errors import AuthenticationFailed
from gateway.store.errors import StoreUnavailable
from gateway.store.refresh_ahead import RefreshAheadCache

log = logging.getLogger("covenant.identity")

KEY_PREFIX = "cov_"


@dataclass(frozen=True, slots=True)
class Principal:
    tenant: str
    account: str
    key_id: str
    labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def id(self) -> str:
        """Stable principal id used by detectors and review: tenant/account."""
        return f"{self.tenant}/{self.account}"


@dataclass
class KeyRecord:
    key_id: str
    sha256: str
    tenant: str
    account: str
    labels: dict[str, str] = field(default_factory=dict)
    created: float = 0.0
    revoked: bool = False
    expires: float | None = None  # epoch seconds; the key stops working then

    def to_dict(self) -> dict:
        """The stored form. Optional fields are written only when set, so a release that does not know
        them (a replica not yet upgraded, a rollback) still reads every record that does not use them."""
        out = asdict(self)
        if out["expires"] is None:
            del out["expires"]
        return out

    @classmethod
    def from_dict(cls, data: dict) -> KeyRecord:
        """Fields a later release added are ignored (logged once each), never a crash."""
        unknown = data.keys() - _RECORD_FIELDS
        if unknown:
            _warn_unknown_fields(frozenset(unknown))
            data = {k: v for k, v in data.items() if k in _RECORD_FIELDS}
        return cls(**data)

    def status(self, now: float) -> str:
        if self.revoked:
            return "revoked"
        return "expired" if self.expires is not None and self.expires <= now else "active"

    def principal(self) -> Principal:
        # One Principal per record (records are replaced, never edited, when a key changes): built
        # per request it was a measurable share of identification.
        p = self.__dict__.get("_principal")
        if p is None or p.labels != self.labels or (p.tenant, p.account) != (self.tenant, self.account):
            p = self.__dict__["_principal"] = Principal(self.tenant, self.account, self.key_id, dict(self.labels))
        return p


_RECORD_FIELDS = frozenset(f.name for f in fields(KeyRecord))


@functools.lru_cache(maxsize=16)  # once per set of names, not per record read (the Redis cache re-reads)
def _warn_unknown_fields(names: frozenset[str]) -> None:
    log.warning("key records carry fields this release does not know, ignored: %s", ", ".join(sorted(names)))


def iso_utc(ts: float) -> str:
    """Epoch seconds as callers and operators read them: `2027-01-01T00:00:00Z`."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


async def known_principals(keys: KeyStore) -> list[tuple[str, str]]:
    """Every (tenant, account) with a key: the candidates of watermark attribution."""
    return sorted({(r.tenant, r.account) for r in await keys.all()})


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def new_key(tenant: str, account: str, labels: dict[str, str] | None = None,
            expires: float | None = None) -> tuple[str, KeyRecord]:
    """Make a new key; returns (the key, shown once, and the record to store)."""
    key_id = secrets.token_hex(6)
    key = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    return key, KeyRecord(key_id, hash_key(key), tenant, account, dict(labels or {}), time.time(), expires=expires)


# Tenant and account names become parts of store keys, metric labels and principal ids ("tenant/account"):
# names created through the CLI or the admin API are held to this.
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$"
_NAME = re.compile(NAME_PATTERN)


def check_name(kind: str, value: str) -> str:
    if not _NAME.match(value):
        raise ValueError(f"{kind} {value!r}: use 1-128 letters, digits and . _ @ + - (starting with a letter or digit)")
    return value


LABEL_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"
_LABEL = re.compile(LABEL_PATTERN)
MAX_LABELS, MAX_LABEL_VALUE = 32, 200


def check_labels(labels: dict[str, str]) -> dict[str, str]:
    """Key labels as the CLI and the admin API both take them (policy selectors match on them)."""
    if len(labels) > MAX_LABELS:
        raise ValueError(f"at most {MAX_LABELS} labels, got {len(labels)}")
    for k, v in labels.items():
        if not _LABEL.match(k) or len(v) > MAX_LABEL_VALUE:
            raise ValueError(f"label {k!r}: names are 1-63 letters, digits and . _ - ; values up to "
                             f"{MAX_LABEL_VALUE} chars")
    return labels


def key_id_of(key: str) -> str | None:
    if not key.startswith(KEY_PREFIX):
        return None
    parts = key[len(KEY_PREFIX):].split("_", 1)
    return parts[0] if len(parts) == 2 and parts[0] else None


class KeyStore(Protocol):
    async def get(self, key_id: str) -> KeyRecord | None: ...
    async def put(self, record: KeyRecord) -> None: ...
    async def all(self) -> list[KeyRecord]: ...


class MemoryKeyStore:
    def __init__(self, records: list[KeyRecord] | None = None) -> None:
        self._records = {r.key_id: r for r in records or ()}

    async def get(self, key_id: str) -> KeyRecord | None:
        return self._records.get(key_id)

    async def put(self, record: KeyRecord) -> None:
        self._records[record.key_id] = record

    async def all(self) -> list[KeyRecord]:
        return list(self._records.values())

    def replace(self, records: list[KeyRecord]) -> None:
        self._records = {r.key_id: r for r in records}


class FileKeyStore(MemoryKeyStore):
    """Keys in a JSON file (hashes only). The gateway reloads it when it changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(self._read())

    def _read(self) -> list[KeyRecord]:
        if not self.path.exists():
            return []
        data = json.loads(self.path.read_text() or "{}")
        keys = data.get("keys", []) if isinstance(data, dict) else None
        if not isinstance(keys, list) or not all(isinstance(r, dict) for r in keys):
            raise ValueError('expected an object {"keys": [record, ...]} (what `covenant keys create` writes)')
        return [KeyRecord.from_dict(r) for r in keys]

    def reload(self) -> None:
        try:
            self.replace(self._read())
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.error("keys file %s not reloaded, keeping the previous keys: %s", self.path, exc)

    async def put(self, record: KeyRecord) -> None:
        # Written first, kept after: a file that cannot be written (OSError) leaves no key that works until a
        # restart while its creator was told it failed.
        records = {**self._records, record.key_id: record}
        self.save(records.values())
        self._records = records

    def save(self, records: Iterable[KeyRecord] | None = None) -> None:
        records = self._records.values() if records is None else records
        payload = json.dumps({"keys": [r.to_dict() for r in records]}, indent=2)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".keys-")
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(payload)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)  # atomic: a reloading gateway never sees half a file
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _decode_key(raw: bytes | None) -> KeyRecord | None:
    """A stored record; None (the key is refused as unknown) for one that is not a key record: hand-edited,
    truncated or written by a foreign tool, it must cost its own key a 401, never every request a 500."""
    if not raw:
        return None
    try:
        data = orjson.loads(raw)
        record = KeyRecord.from_dict(data) if isinstance(data, dict) else None
    except (orjson.JSONDecodeError, TypeError, ValueError):
        record = None
    if record is None or not all(isinstance(v, str) for v in (record.key_id, record.sha256, record.tenant,
                                                               record.account)) or not isinstance(record.labels, dict):
        _warn_corrupt(hashlib.sha256(raw).hexdigest()[:12])
        return None
    return record


@functools.lru_cache(maxsize=256)  # once per damaged record, not at every cache refresh
def _warn_corrupt(digest: str) -> None:
    log.error("a record in the %s hash is not a key record (sha256 %s…): its key is refused until the record is "
              "replaced (covenant keys revoke / create)", RedisKeyStore.HASH, digest)


class RedisKeyStore:
    """Keys in a Redis hash shared by all replicas; a short local cache keeps lookups off Redis
    (refreshed ahead of expiry on the store's batcher: `gateway.store.refresh_ahead`). No record is
    used longer than the cache time after it was read, and a write is announced on a channel that
    every serving gateway follows (`follow_changes`), so a revocation reaches the replicas at once."""

    HASH = "covenant:keys"
    CHANNEL = "covenant:keys:changed"

    def __init__(self, store, cache_seconds: float = 5.0) -> None:
        self._store = store  # a RedisStore: every call goes through its deadline and circuit breaker
        self._r = store.client
        self._batch = getattr(store, "batch", None)
        self._cache: RefreshAheadCache[KeyRecord | None] = RefreshAheadCache(
            self.HASH, _decode_key, cache_seconds, 100_000, self._batch)

    async def get(self, key_id: str) -> KeyRecord | None:
        now = time.monotonic()
        hit, fresh = self._cache.lookup(key_id, now)
        if fresh:
            return hit[1]
        try:
            if self._batch is not None:
                record = await self._cache.fetch(key_id)
            else:
                record = _decode_key(await self._store.guarded(lambda: self._r.hget(self.HASH, key_id)))
        except StoreUnavailable:
            if hit is not None:
                return hit[1]  # the store is down: a key seen before stays valid (revocations wait)
            raise
        return self._cache.remember(key_id, record, now)

    async def put(self, record: KeyRecord) -> None:
        await self._store.guarded(lambda: self._r.hset(self.HASH, record.key_id, orjson.dumps(record.to_dict())))
        self._cache.forget(record.key_id)
        await self._store.guarded(lambda: self._r.publish(self.CHANNEL, record.key_id))

    async def follow_changes(self, subscribed: asyncio.Event | None = None) -> None:
        """Forget a cached record as soon as any process writes it (until cancelled). While the
        subscription is down, records are used up to the cache time, as without it; after it is back every
        cached record is due for a re-read, since announcements may have been missed meanwhile (due, not
        dropped: a store still behind its circuit breaker then leaves them in use, as for any expired
        one). `subscribed` is set once the first attempt is over (the gateway waits for it at start-up,
        so that its first requests' round trips are their own)."""
        from redis.exceptions import RedisError

        subscribed = subscribed or asyncio.Event()
        if not hasattr(self._r, "pubsub"):  # a cluster client without pub/sub: the cache time bounds it
            log.info("keys: this store client has no pub/sub; changes reach this gateway within %.0f s",
                     self._cache.ttl)
            subscribed.set()
            return
        backoff = 0.2
        while True:
            pubsub = self._r.pubsub()
            try:
                await pubsub.subscribe(self.CHANNEL)
                self._cache.expire_all()
                subscribed.set()
                backoff = 0.2
                async for message in pubsub.listen():
                    if message["type"] == "message":
                        self._cache.forget(message["data"].decode("utf-8", "replace"))
            except (RedisError, OSError) as exc:
                subscribed.set()  # start-up does not wait for a store that is away
                log.debug("keys: change subscription lost (%s); retrying in %.1f s", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
            finally:
                with contextlib.suppress(Exception):  # a connection already gone: nothing to close cleanly
                    await pubsub.aclose()

    async def all(self) -> list[KeyRecord]:
        raw = await self._store.guarded(lambda: self._r.hgetall(self.HASH))
        return [r for r in map(_decode_key, raw.values()) if r is not None]  # a damaged one is logged, not listed


def presented_key(headers: dict[str, str]) -> str | None:
    auth = headers.get("authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    key = headers.get("x-api-key")
    return key.strip() if key else None


class Authenticator:
    def __init__(self, keys: KeyStore) -> None:
        self.keys = keys

    async def authenticate(self, headers: dict[str, str]) -> Principal:
        key = presented_key(headers)
        if not key:
            raise AuthenticationFailed("missing API key: send `Authorization: Bearer <key>` or `x-api-key`",
                                       code="missing_api_key")
        key_id = key_id_of(key)
        record = await self.keys.get(key_id) if key_id else None
        # Compare even when the id is unknown so both paths cost the same.
        expected = record.sha256 if record is not None else "0" * 64
        if not hmac.compare_digest(hash_key(key), expected) or record is None or record.revoked:
            raise AuthenticationFailed("invalid or revoked API key")
        if record.expires is not None and record.expires <= time.time():
            raise AuthenticationFailed(f"this API key expired at {iso_utc(record.expires)}", code="expired_api_key")
        return record.principal()
