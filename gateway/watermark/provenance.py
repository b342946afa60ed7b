"""Provenance index: a keyed MinHash fingerprint per served response, searchable by LSH banding.

Fingerprint: word bigrams of the normalised text, each hashed with a keyed BLAKE2b (key derived
from the master secret, so nobody without it can craft collisions or probe the index), then 64
MinHash values (32 bits each, 256 bytes). LSH: 32 bands of 2 rows, so a response sharing about a
third of its bigrams with the query (what is left after changing 30% of the words) is a candidate
with probability > 95%; candidates are ranked by the estimated Jaccard similarity.

Stored per response: 256-byte signature + tenant, account, time, id (~60 bytes) + 32 band entries.
Size is bounded by ``capacity`` (oldest evicted first); the Redis store also sets a TTL.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from redis.asyncio import Redis

from gateway.watermark.detect import normalize
from gateway.watermark.keys import hkdf

NUM_PERM = 64
BANDS, ROWS = 32, 2
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    similarity: float
    account: str
    tenant: str
    ts: float
    response_id: str


class Fingerprinter:
    def __init__(self, master: bytes) -> None:
        self._key = hkdf(master, b"covenant/wm/v1/provenance")
        raw = hashlib.shake_256(self._key + b"perm").digest(16 * NUM_PERM)
        ab = np.frombuffer(raw, dtype="<u8").reshape(2, NUM_PERM)
        # multiply-shift hashing (Dietzfelbinger): (a*x + b mod 2^64) >> 32, a odd; numpy's uint64
        # arithmetic wraps modulo 2^64, which is exactly what the family needs
        self._a = (ab[0] | np.uint64(1))[:, None]
        self._b = ab[1][:, None]

    def signature(self, text: str) -> np.ndarray | None:
        words = _WORD.findall(normalize(text).lower())
        if len(words) < 2:
            return None
        shingles = {f"{words[i]} {words[i + 1]}" for i in range(len(words) - 1)}
        hv = np.fromiter(
            (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8, key=self._key).digest(), "little")
             for s in shingles), dtype=np.uint64, count=len(shingles))
        with np.errstate(over="ignore"):
            mixed = (self._a * hv[None, :] + self._b) >> np.uint64(32)
        return mixed.min(axis=1).astype(np.uint32)

    @staticmethod
    def bands(sig: np.ndarray) -> list[bytes]:
        rows = sig.reshape(BANDS, ROWS)
        return [bytes([i]) + rows[i].tobytes() for i in range(BANDS)]

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.mean(a == b))


class MemoryProvenanceIndex:
    """In-process index (the embedded default); a ring of ``capacity`` responses."""

    def __init__(self, fingerprinter: Fingerprinter, capacity: int = 100_000) -> None:
        self.fp = fingerprinter
        self.capacity = capacity
        self._items: OrderedDict[str, tuple[np.ndarray, str, str, float]] = OrderedDict()
        self._bands: dict[bytes, set[str]] = {}

    def __len__(self) -> int:
        return len(self._items)

    async def add(self, response_id: str, text: str, *, tenant: str, account: str, ts: float | None = None) -> bool:
        sig = self.fp.signature(text)
        if sig is None:
            return False
        if response_id in self._items:
            self._remove(response_id)
        self._items[response_id] = (sig, tenant, account, time.time() if ts is None else ts)
        for b in self.fp.bands(sig):
            self._bands.setdefault(b, set()).add(response_id)
        while len(self._items) > self.capacity:
            self._remove(next(iter(self._items)))
        return True

    def _remove(self, rid: str) -> None:
        sig = self._items.pop(rid)[0]
        for b in self.fp.bands(sig):
            ids = self._bands.get(b)
            if ids is not None:
                ids.discard(rid)
                if not ids:
                    del self._bands[b]

    async def trace(self, text: str, *, min_similarity: float = 0.1, limit: int = 10) -> list[Match]:
        sig = self.fp.signature(text)
        if sig is None:
            return []
        cands: set[str] = set()
        for b in self.fp.bands(sig):
            cands |= self._bands.get(b, set())
        out = []
        for rid in cands:
            s, tenant, account, ts = self._items[rid]
            sim = self.fp.similarity(sig, s)
            if sim >= min_similarity:
                out.append(Match(sim, account, tenant, ts, rid))
        out.sort(key=lambda m: (-m.similarity, -m.ts, m.response_id))  # ties (identical texts): newest first
        return out[:limit]


class RedisProvenanceIndex:
    """Shared index in Redis: one hash per response, one set per LSH band, a time-ordered ZSET for
    the capacity bound; every key has a TTL. Writes are one MULTI/EXEC round trip."""

    def __init__(self, redis: Redis, fingerprinter: Fingerprinter, *, prefix: str = "covenant:wmprov:",
                 capacity: int = 1_000_000, ttl_seconds: int = 90 * 86400) -> None:
        self.r, self.fp, self.prefix = redis, fingerprinter, prefix
        self.capacity, self.ttl = capacity, ttl_seconds

    def _k(self, *parts: str) -> str:
        return self.prefix + ":".join(parts)

    async def add(self, response_id: str, text: str, *, tenant: str, account: str, ts: float | None = None) -> bool:
        sig = self.fp.signature(text)
        if sig is None:
            return False
        ts = time.time() if ts is None else ts
        pipe = self.r.pipeline(transaction=True)
        pipe.hset(self._k("r", response_id), mapping={"sig": sig.tobytes(), "tenant": tenant,
                                                       "account": account, "ts": repr(ts)})
        pipe.expire(self._k("r", response_id), self.ttl)
        for b in self.fp.bands(sig):
            key = self._k("b", b.hex())
            pipe.sadd(key, response_id)
            pipe.expire(key, self.ttl)
        pipe.zadd(self._k("order"), {response_id: ts})
        pipe.zcard(self._k("order"))
        res = await pipe.execute()
        over = int(res[-1]) - self.capacity
        if over > 0:  # evict the oldest; their band entries are dropped lazily on lookup
            old = await self.r.zpopmin(self._k("order"), over)
            if old:
                await self.r.delete(*[self._k("r", rid.decode()) for rid, _ in old])
        return True

    async def trace(self, text: str, *, min_similarity: float = 0.1, limit: int = 10) -> list[Match]:
        sig = self.fp.signature(text)
        if sig is None:
            return []
        band_keys = [self._k("b", b.hex()) for b in self.fp.bands(sig)]
        members = await self.r.sunion(band_keys)
        if not members:
            return []
        rids = sorted(m.decode() for m in members)
        pipe = self.r.pipeline(transaction=False)
        for rid in rids:
            pipe.hgetall(self._k("r", rid))
        rows = await pipe.execute()
        out, stale = [], []
        for rid, row in zip(rids, rows, strict=True):
            if not row:
                stale.append(rid)
                continue
            sim = self.fp.similarity(sig, np.frombuffer(row[b"sig"], dtype=np.uint32))
            if sim >= min_similarity:
                out.append(Match(sim, row[b"account"].decode(), row[b"tenant"].decode(),
                                 float(row[b"ts"]), rid))
        if stale:
            pipe = self.r.pipeline(transaction=False)
            for k in band_keys:
                pipe.srem(k, *stale)
            await pipe.execute()
        out.sort(key=lambda m: (-m.similarity, -m.ts, m.response_id))  # ties (identical texts): newest first
        return out[:limit]
