"""Provenance index: a keyed MinHash fingerprint per served response, searchable by LSH banding.

Fingerprint: word bigrams of the normalised text, then 64 MinHash values (32 bits each, 256 bytes).
Each word is hashed once with a keyed BLAKE2b (key derived from the master secret, so nobody without
it can craft collisions or probe the index; the hashes of recent words are cached, an answer's
vocabulary repeats), and a bigram's hash is its two word hashes combined in order, in numpy: one
BLAKE2b per new word instead of one per bigram (v1 hashed each bigram string; measured: 233 -> 103 µs
for a 300-word mock-teacher answer, 204 -> 77 µs for 2 KB of documentation). LSH: 32 bands of 2 rows, so a
response sharing about a third of its bigrams with the query (what is left after changing 30% of the words) is a candidate
with probability > 95%; candidates are ranked by the estimated Jaccard similarity.

Stored per response: 256-byte signature + tenant, account, time, id (~60 bytes) + 32 band entries.
Size is bounded by ``capacity`` (oldest evicted first, with their band entries); the Redis store
also evicts responses older than ``ttl_seconds``.
"""

from __future__ import annotations

import asyncio
import hashlib
import string
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import orjson
from redis.asyncio import Redis

from gateway.store.redis import register_lua
from gateway.watermark.detect import normalize
from gateway.watermark.keys import hkdf

NUM_PERM = 64
BANDS, ROWS = 32, 2
# Words are what stays between whitespace once punctuation is cut: ASCII punctuation by a bytes
# translation of the UTF-8 text (C speed; str.translate leaves its fast path at the first non-ASCII
# character), the few common non-ASCII marks NFKC keeps by replacement (~4x cheaper than a \w+ regex)
_PUNCT = string.punctuation.replace("_", "").encode()  # "_" is part of a word, as in \w
_CUT = bytes.maketrans(_PUNCT, b" " * len(_PUNCT))
_MARKS = ("—", "–", "“", "”", "‘", "«", "»", "·")  # ’ became ' and … became ... in normalize()
_PAIR = np.uint64(0x9E3779B97F4A7C15)  # odd: (a, b) -> a * _PAIR ^ b keeps the order of the words
_S33, _M1, _M2 = np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
WORD_CACHE = 20_000  # words whose keyed hash is kept (~2 MB)
# Bigrams per step of the min-hash: its temporaries are NUM_PERM x block x 8 bytes (8 MiB), whatever the text's
# length (the whole matrix at once took ~0.8 GB for a 5 M-character text); an answer is one block
MINHASH_BLOCK = 1 << 14


@dataclass(frozen=True)
class Match:
    similarity: float
    account: str
    tenant: str
    ts: float
    response_id: str


class Fingerprinter:
    def __init__(self, master: bytes) -> None:
        # v2: bigram hashes from cached word hashes (v1 signatures are not comparable; the key id
        # differs, so a v1 gateway's queued entries are left to a v1 worker)
        self._key = hkdf(master, b"covenant/wm/v2/provenance")
        # names the key without revealing it: gateways and workers check they fingerprint alike
        self.key_id = hashlib.blake2b(b"key-id", key=self._key, digest_size=8).hexdigest()
        # keyed BLAKE2b with the key block already absorbed: copying it is ~30% cheaper per shingle
        # than keying a new hash object (the same digests)
        self._keyed = hashlib.blake2b(digest_size=8, key=self._key)
        raw = hashlib.shake_256(self._key + b"perm").digest(16 * NUM_PERM)
        ab = np.frombuffer(raw, dtype="<u8").reshape(2, NUM_PERM)
        # multiply-shift hashing (Dietzfelbinger): (a*x + b mod 2^64) >> 32, a odd; numpy's uint64
        # arithmetic wraps modulo 2^64, which is exactly what the family needs
        self._a = (ab[0] | np.uint64(1))[:, None]
        self._b = ab[1][:, None]
        self._words: dict[bytes, int] = {}  # word (UTF-8) -> keyed hash (bounded by WORD_CACHE)

    def signature(self, text: str, *, cached: bool = True) -> np.ndarray | None:
        """``cached=False``: hash the words without the shared word cache (safe to run in another thread)."""
        flat = normalize(text).lower()
        for mark in _MARKS:
            if mark in flat:
                flat = flat.replace(mark, " ")
        words = flat.encode(errors="surrogatepass").translate(_CUT).split()
        if len(words) < 2:
            return None
        hw = self._word_hashes(words, self._words if cached else {})
        with np.errstate(over="ignore"):
            x = hw[:-1] * _PAIR ^ hw[1:]
            # murmur3's finaliser: bigrams that share a word get unrelated values, as min-wise
            # hashing assumes (over 1,500 answers x 3 keys the trace candidate rate after 30 %
            # of words replaced is 0.964-0.980, v1 0.968-0.977)
            x ^= x >> _S33
            x *= _M1
            x ^= x >> _S33
            x *= _M2
            x ^= x >> _S33
            bigrams = np.unique(x)  # a repeated bigram counts once (a set)
            sig = None
            for i in range(0, len(bigrams), MINHASH_BLOCK):
                mixed = (self._a * bigrams[None, i:i + MINHASH_BLOCK] + self._b) >> np.uint64(32)
                sig = mixed.min(axis=1) if sig is None else np.minimum(sig, mixed.min(axis=1))
        return sig.astype(np.uint32)

    async def query_signature(self, text: str) -> np.ndarray | None:
        """The signature of a text to trace, computed in a thread: an operator may paste a whole book, whose
        fingerprint would hold the gateway's event loop for seconds."""
        return await asyncio.to_thread(self.signature, text, cached=False)

    def _word_hashes(self, words: list[bytes], cache: dict[bytes, int]) -> np.ndarray:
        missing = set(words).difference(cache)
        if missing:
            if len(cache) + len(missing) > WORD_CACHE:
                cache.clear()
                missing = set(words)
            keyed = self._keyed
            for w in missing:
                h = keyed.copy()
                h.update(w)
                cache[w] = int.from_bytes(h.digest(), "little")
        return np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))

    @staticmethod
    def bands(sig: np.ndarray) -> list[bytes]:
        rows = sig.reshape(BANDS, ROWS)
        return [bytes([i]) + rows[i].tobytes() for i in range(BANDS)]

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.mean(a == b))


# Redis runs one client's pipelined commands back to back before it serves any other client, and one
# index write costs it ~0.2 ms (over 1 ms for a response whose bands are all shared, e.g. identical
# answers). A worker catching up sent 256 writes in one pipeline and held every gateway's admissions past
# their 50-ms store deadline; in round trips of this many writes, the wait stays a few milliseconds.
WRITES_PER_ROUND_TRIP = 8


async def _add_many(index, items) -> None:
    """(response id, text, tenant, account, ts) tuples: WRITES_PER_ROUND_TRIP at a time written
    concurrently (one pipelined round trip on Redis), the next batch after the previous one's replies."""
    for i in range(0, len(items), WRITES_PER_ROUND_TRIP):
        results = await asyncio.gather(*(index.add(rid, text, tenant=tenant, account=account, ts=ts)
                                         for rid, text, tenant, account, ts in items[i:i + WRITES_PER_ROUND_TRIP]),
                                       return_exceptions=True)
        errors = [r for r in results if isinstance(r, BaseException)]
        if errors:
            raise errors[0]


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

    async def add_many(self, items) -> None:
        await _add_many(self, items)

    async def trace(self, text: str, *, min_similarity: float = 0.1, limit: int = 10) -> list[Match]:
        sig = await self.fp.query_signature(text)
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
    """Shared index in Redis. Per response: one string key (signature, payload, insertion time) and
    32 band entries packed into bucketed hashes, written and evicted by one Lua script
    (``gateway/store/lua/provenance_add.lua``, one EVALSHA round trip). A sequence number orders
    responses: the script evicts the oldest beyond ``capacity`` or older than ``ttl_seconds``, with
    their band entries, so memory stays bounded by ``capacity``.

    A band value shared by more than ``KEEP_PER_BAND`` responses (near-duplicates) moves to a set
    of its own. An identical signature (the same answer again) writes no band entries: it is listed
    under the first response with that signature. A re-added ``response_id`` is a new entry;
    ``trace`` reports the newest.
    """

    KEEP_PER_BAND = 12  # 5 bytes each: a band value stays under Redis' 64-byte listpack value limit

    def __init__(self, redis: Redis, fingerprinter: Fingerprinter, *, prefix: str = "covenant:{wmprov}:",
                 capacity: int = 1_000_000, ttl_seconds: int = 90 * 86400, guarded=None, batcher=None) -> None:
        self.r, self.fp, self.prefix = redis, fingerprinter, prefix
        self._guarded = guarded  # the store's deadline + breaker around writes, when given
        self._batcher = batcher  # concurrent writes share one pipelined round trip (store.script_batcher())
        self.capacity, self.ttl = capacity, ttl_seconds
        self._meta = prefix + "meta"
        self._add = register_lua(redis, "provenance_add.lua")
        # ~64 band entries per bucket at capacity: listpack-encoded (<= 128 entries) with a small
        # per-key overhead; fixed in the meta hash when the index is created
        self._new_buckets = 1 << max(4, (BANDS * capacity // 64 - 1).bit_length())
        self._buckets: int | None = None

    @classmethod
    def for_store(cls, store, fingerprinter: Fingerprinter, *, capacity: int, ttl_seconds: int) -> RedisProvenanceIndex:
        """On a Redis store as the gateway and the workers use it: writes under the store's deadline and
        circuit breaker, concurrent writes batched into one round trip."""
        return cls(store.client, fingerprinter, guarded=store.guarded, batcher=store.script_batcher(),
                   capacity=capacity, ttl_seconds=ttl_seconds)

    async def add(self, response_id: str, text: str, *, tenant: str, account: str, ts: float | None = None) -> bool:
        sig = self.fp.signature(text)
        if sig is None:
            return False
        ts = time.time() if ts is None else ts
        record = sig.astype("<u4").tobytes() + orjson.dumps([ts, tenant, account, response_id])
        keys = [self._meta]
        args = [self.prefix, record, self._new_buckets, self.capacity, self.ttl, self.KEEP_PER_BAND]
        if self._batcher is not None:
            await self._batcher.call(self._add, keys, args)
        elif self._guarded is not None:
            await self._guarded(lambda: self._add(keys=keys, args=args))
        else:
            await self._add(keys=keys, args=args)
        return True

    def _bands(self, sig: np.ndarray, buckets: int) -> list[tuple[str, bytes, str]]:
        """(bucket key, field, spill key) of each band, as the script derives them."""
        out = []
        for i, (a, b) in enumerate(sig.astype("<u4").reshape(BANDS, ROWS).tolist()):
            bucket = a % buckets
            out.append((f"{self.prefix}b:{bucket}", bytes([i]) + b.to_bytes(4, "little"),
                        f"{self.prefix}s:{bucket}:{i}:{b}"))
        return out

    async def _copies(self, records: list[bytes], limit: int) -> set[int]:
        """Sequence numbers of the newest copies listed under these records' signatures. Identical
        signatures share the first one's band entries (see the script), so their copies are found
        here; a copy's similarity is its owner's and ``trace`` ranks ties newest first, so the newest
        ``limit`` of each list (twice that, for re-added ids) are enough."""
        digests = {hashlib.sha1(rec[:4 * NUM_PERM]).hexdigest()[:16] for rec in records}
        if not digests:
            return set()
        pipe = self.r.pipeline(transaction=False)
        for digest in digests:
            pipe.lrange(f"{self.prefix}g:{digest}", -2 * limit, -1)
        return {int.from_bytes(v, "little") for ids in await pipe.execute() for v in ids}

    async def add_many(self, items) -> None:
        await _add_many(self, items)

    async def trace(self, text: str, *, min_similarity: float = 0.1, limit: int = 10) -> list[Match]:
        sig = await self.fp.query_signature(text)
        if sig is None:
            return []
        if self._buckets is None:
            nb = await self.r.hget(self._meta, "nb")
            if nb is None:
                return []  # nothing indexed yet
            self._buckets = int(nb)
        bands = self._bands(sig, self._buckets)
        pipe = self.r.pipeline(transaction=False)
        for key, field, _ in bands:
            pipe.hget(key, field)
        values = await pipe.execute()
        found = {int.from_bytes(v[j:j + 5], "little") for v in values if v for j in range(0, len(v), 5)}
        spilled = [spill for (_, _, spill), v in zip(bands, values, strict=True) if v == b""]
        if spilled:  # band values shared by many responses
            pipe = self.r.pipeline(transaction=False)
            for key in spilled:
                pipe.smembers(key)
            found.update(int(m) for members in await pipe.execute() for m in members)
        seqs = sorted(found)
        if not seqs:
            return []
        records = await self.r.mget([f"{self.prefix}r:{seq}" for seq in seqs])
        copies = sorted(await self._copies([rec for rec in records if rec is not None], limit) - found)
        if copies:  # identical answers served again, listed under the first one (their owner)
            by_seq = dict(zip(seqs, records, strict=True))
            by_seq.update(zip(copies, await self.r.mget([f"{self.prefix}r:{seq}" for seq in copies]), strict=True))
            records = [by_seq[seq] for seq in sorted(by_seq)]
        oldest = time.time() - self.ttl  # past retention: not reported (the next writes evict it)
        newest: dict[str, Match] = {}
        for rec in records:  # ascending sequence numbers: a re-added id keeps its newest entry
            if rec is None or int(rec[-10:]) < oldest:
                continue  # evicted or expired (a band entry can outlive its record after an idle spell)
            sim = self.fp.similarity(sig, np.frombuffer(rec, dtype="<u4", count=NUM_PERM))
            ts, tenant, account, rid = orjson.loads(rec[4 * NUM_PERM:-10])
            newest[rid] = Match(sim, account, tenant, ts, rid)
        out = [m for m in newest.values() if m.similarity >= min_similarity]
        out.sort(key=lambda m: (-m.similarity, -m.ts, m.response_id))  # ties (identical texts): newest first
        return out[:limit]
