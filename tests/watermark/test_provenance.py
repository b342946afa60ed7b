"""Provenance index: a partly edited copy of a served response traces back to it (memory and Redis)."""

from __future__ import annotations

import asyncio
import random

import pytest
from redis.asyncio import Redis

from gateway.watermark.provenance import Fingerprinter, MemoryProvenanceIndex, RedisProvenanceIndex
from gateway.watermark.table import load_table
from tests.watermark.prose import varied as prose

SECRET = b"test-master-secret-0123456789abcdef"


def edit(text: str, share: float, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(["zeta", "quux", "blorp", "mint"]) if rng.random() < share else w
                    for w in text.split())


@pytest.fixture(params=["memory", "redis", "redis-store"])
async def index(request, redis_url: str):
    fp = Fingerprinter(SECRET)
    if request.param == "memory":
        yield MemoryProvenanceIndex(fp, capacity=50)
        return
    if request.param == "redis-store":  # as the gateway wires it: guarded, writes batched
        from gateway.store import open_store

        store = open_store(redis_url, timeout_ms=1000)
        yield RedisProvenanceIndex(store.client, fp, capacity=50, guarded=store.guarded,
                                   batcher=store.script_batcher())
        await store.close()
        return
    r = Redis.from_url(redis_url)
    yield RedisProvenanceIndex(r, fp, capacity=50)
    await r.aclose()


async def test_trace_finds_edited_copy(index) -> None:
    table = load_table()
    docs = {f"resp-{i}": prose(table, 150, seed=i) for i in range(30)}  # a typical short answer
    for i, (rid, text) in enumerate(docs.items()):
        assert await index.add(rid, text, tenant="t1", account=f"acct-{i % 7}", ts=1000.0 + i)
    for i, (rid, text) in enumerate(list(docs.items())[:10]):
        matches = await index.trace(edit(text, 0.3, seed=i))
        assert matches and matches[0].response_id == rid
        assert matches[0].account == f"acct-{i % 7}" and matches[0].ts == 1000.0 + i
        assert 0.15 < matches[0].similarity < 0.9
    assert await index.trace("an unrelated sentence about gardening tools and rain") == []


async def test_capacity_bound_evicts_oldest(index) -> None:
    table = load_table()
    for i in range(60):
        await index.add(f"r{i}", prose(table, 30, seed=i), tenant="t", account="a", ts=float(i))
    assert await index.trace(prose(table, 30, seed=0)) == []  # evicted
    hit = await index.trace(prose(table, 30, seed=59))
    assert hit[0].response_id == "r59" and hit[0].similarity == 1.0


async def test_keyed_fingerprints_differ() -> None:
    text = prose(load_table(), 30, seed=1)
    a = Fingerprinter(SECRET).signature(text)
    b = Fingerprinter(b"another-master-secret-0123456789").signature(text)
    assert a is not None and b is not None and (a != b).mean() > 0.9


async def test_identical_texts_all_traced_newest_first(index) -> None:
    """More copies of one text than a band entry holds inline (Redis spills them to a set)."""
    text = prose(load_table(), 60, seed=3)
    for i in range(20):
        await index.add(f"copy-{i}", text, tenant="t", account=f"a{i}", ts=float(i))
    hits = await index.trace(text, limit=30)
    assert [m.response_id for m in hits] == [f"copy-{i}" for i in reversed(range(20))]
    assert all(m.similarity == 1.0 for m in hits)


async def _band_refs(r: Redis, prefix: str) -> tuple[int, int]:
    """(records, band references) stored under ``prefix``."""
    records = refs = 0
    async for key in r.scan_iter(match=prefix + "*"):
        kind = key[len(prefix):].split(b":")[0]
        if kind == b"r":
            records += 1
        elif kind == b"b":  # (fields starting with a space are identical-signature owners, not bands)
            refs += sum(len(v) // 5 for f, v in (await r.hgetall(key)).items() if not f.startswith(b" "))
        elif kind == b"s":
            refs += await r.scard(key)
    return records, refs


async def _listed_copies(r: Redis, prefix: str) -> int:
    return sum([await r.llen(key) async for key in r.scan_iter(match=prefix + "g:*")])


async def test_redis_eviction_drops_band_entries(redis_url: str) -> None:
    """Memory is bounded by capacity: evicted responses take their band entries with them, from the
    bucketed hashes and from the sets that near-duplicates spill to."""
    r = Redis.from_url(redis_url)
    index = RedisProvenanceIndex(r, Fingerprinter(SECRET), capacity=16)
    table = load_table()
    base = prose(table, 60, seed=7)

    async def add(i: int, text: str) -> None:
        await index.add(f"r{i}", text, tenant="t", account="a", ts=float(i))

    for i in range(20):
        await add(i, prose(table, 40, seed=i))
    near, seen = [], set()  # 15 near-duplicates of one text: more than a band entry holds inline
    for seed in range(1000):  # (with distinct signatures: identical ones share band entries, below)
        text = edit(base, 0.03, seed=seed)
        if len(near) < 15 and (sig := index.fp.signature(text).tobytes()) not in seen:
            near.append(text)
            seen.add(sig)
    for i, text in enumerate(near, start=20):
        await add(i, text)
    assert await _band_refs(r, index.prefix) == (16, 16 * 32)
    assert [k async for k in r.scan_iter(match=index.prefix + "s:*")]  # spilled to sets
    assert {m.response_id for m in await index.trace(base, limit=20)} >= {f"r{i}" for i in range(20, 35)}
    for i in range(35, 60):
        await add(i, prose(table, 40, seed=i))
    assert await _band_refs(r, index.prefix) == (16, 16 * 32)
    assert not [k async for k in r.scan_iter(match=index.prefix + "s:*")]
    await r.aclose()


async def test_redis_identical_answers_share_one_set_of_band_entries(redis_url: str) -> None:
    """The same answer served again (cached, temperature 0, a classifier's label) is listed under the
    first copy instead of writing 32 band entries, stays traceable to every account that received it,
    and when the first copy is evicted the next one takes over its band entries."""
    r = Redis.from_url(redis_url)
    index = RedisProvenanceIndex(r, Fingerprinter(SECRET), capacity=16)
    table = load_table()
    same = prose(table, 60, seed=3)
    for i in range(6):
        await index.add(f"v{i}", prose(table, 40, seed=100 + i), tenant="t", account="a", ts=float(i))
    for i in range(30):  # the first 20 copies are evicted along the way (capacity 16)
        await index.add(f"copy-{i}", same, tenant="t", account=f"a{i}", ts=100.0 + i)
    assert await _band_refs(r, index.prefix) == (16, 32)  # one owner's band entries for 16 copies
    assert await _listed_copies(r, index.prefix) == 15
    hits = await index.trace(same, limit=30)
    assert [(m.response_id, m.account) for m in hits] == [(f"copy-{i}", f"a{i}") for i in reversed(range(14, 30))]
    assert all(m.similarity == 1.0 for m in hits)
    assert [m.response_id for m in await index.trace(same, limit=3)] == ["copy-29", "copy-28", "copy-27"]
    for i in range(20):  # every copy evicted, owner after owner
        await index.add(f"w{i}", prose(table, 40, seed=200 + i), tenant="t", account="a", ts=200.0 + i)
    assert await _band_refs(r, index.prefix) == (16, 16 * 32)
    assert await _listed_copies(r, index.prefix) == 0
    assert await index.trace(same) == []
    owners = sum([len([f async for f, _ in r.hscan_iter(key) if f.startswith(b" ")])
                  async for key in r.scan_iter(match=index.prefix + "b:*")])
    assert owners == 16
    await r.aclose()


async def test_redis_retention_and_script_reload(redis_url: str) -> None:
    r = Redis.from_url(redis_url)
    # retention is wall-clock: 3 s leaves the new entry's add -> trace room on a loaded machine (with 1 s it
    # flaked when the suite ran on both cores of a slow VM)
    index = RedisProvenanceIndex(r, Fingerprinter(SECRET), capacity=100, ttl_seconds=3)
    table = load_table()
    await index.add("old", prose(table, 40, seed=1), tenant="t", account="a", ts=1.0)
    await r.script_flush()  # as after a restart or failover: the script is loaded again (NOSCRIPT)
    await asyncio.sleep(3.2)
    assert await index.trace(prose(table, 40, seed=1)) == []  # past retention: never reported
    await index.add("new", prose(table, 40, seed=2), tenant="t", account="a", ts=2.0)
    assert await _band_refs(r, index.prefix) == (1, 32)  # the old one was evicted by that write
    assert (await index.trace(prose(table, 40, seed=2)))[0].response_id == "new"
    await r.aclose()


async def test_redis_concurrent_writers_keep_the_bound(redis_url: str) -> None:
    """Several gateway processes write at once: each write is one atomic script."""
    clients = [Redis.from_url(redis_url) for _ in range(4)]
    indexes = [RedisProvenanceIndex(c, Fingerprinter(SECRET), capacity=30) for c in clients]
    table = load_table()
    await asyncio.gather(*(indexes[i % 4].add(f"r{i}", prose(table, 40, seed=i), tenant="t", account="a")
                           for i in range(120)))
    assert await _band_refs(clients[0], indexes[0].prefix) == (30, 30 * 32)
    for c in clients:
        await c.aclose()


async def test_redis_writes_go_through_the_store_breaker() -> None:
    from gateway.store import StoreUnavailable, open_store
    from tests.support.ports import closed_port

    with closed_port() as port:
        store = open_store(f"redis://127.0.0.1:{port}", timeout_ms=200, failure_threshold=2)
        index = RedisProvenanceIndex(store.client, Fingerprinter(b"k" * 32), guarded=store.guarded)
        for expected in ("connection", "connection", "breaker_open"):
            with pytest.raises(StoreUnavailable) as err:
                await index.add("r1", prose(load_table(), 200, seed=1), tenant="t", account="a")
            assert err.value.reason == expected
    await store.close()


async def test_concurrent_writes_are_all_indexed(index) -> None:
    """What the watermark stage's index loop does with a backlog: the writes of a batch in flight together."""
    table = load_table()
    texts = [prose(table, 40, seed=700 + i) for i in range(40)]
    await asyncio.gather(*(index.add(f"c{i}", t, tenant="t", account="a", ts=float(i)) for i, t in enumerate(texts)))
    for i in (0, 17, 39):
        assert (await index.trace(texts[i]))[0].response_id == f"c{i}"


async def test_a_backlog_reaches_redis_a_few_writes_per_round_trip(redis_url: str, monkeypatch) -> None:
    """A worker catching up must not hold Redis (and every gateway's admissions) for one long pipeline."""
    from gateway.store import open_store
    from gateway.store.resp import RespConnection
    from gateway.watermark.provenance import WRITES_PER_ROUND_TRIP

    sizes: list[int] = []
    original = RespConnection.request

    def recording(self, payload, count, *rest):
        sizes.append(count)
        return original(self, payload, count, *rest)

    monkeypatch.setattr(RespConnection, "request", recording)
    store = open_store(redis_url, timeout_ms=2000)
    index = RedisProvenanceIndex.for_store(store, Fingerprinter(SECRET), capacity=1000, ttl_seconds=10**6)
    table = load_table()
    texts = [prose(table, 40, seed=900 + i) for i in range(50)]
    await index.add_many([(f"b{i}", t, "t", "a", float(i)) for i, t in enumerate(texts)])
    assert max(sizes) <= WRITES_PER_ROUND_TRIP < 50 and sum(sizes) >= 50  # script loads may add round trips
    for i in (0, 25, 49):
        assert (await index.trace(texts[i]))[0].response_id == f"b{i}"
    await store.close()


def test_fingerprint_is_the_same_with_a_cold_or_a_full_word_cache(monkeypatch) -> None:
    """Word hashes are cached (bounded); the signature must not depend on what was hashed before."""
    from gateway.watermark import provenance

    monkeypatch.setattr(provenance, "WORD_CACHE", 50)
    table = load_table()
    text = prose(table, 80, seed=3)
    cold = Fingerprinter(SECRET).signature(text)
    warm = Fingerprinter(SECRET)
    for seed in range(20):  # more distinct words than the cache holds: it is cleared on the way
        warm.signature(prose(table, 40, seed=100 + seed))
        assert len(warm._words) <= 50
    assert (warm.signature(text) == cold).all()
    # case and invisible characters are normalised away before the words are hashed
    assert (Fingerprinter(SECRET).signature(text.upper().replace(" ", " \u200b ")) == cold).all()


def _distinct_words(n: int, seed: int) -> str:
    """A long text of mostly distinct words and bigrams (a leaked book pasted into detect/trace is not far off)."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choice("abcdefghij") for _ in range(7)) for _ in range(n))


def test_a_long_text_is_fingerprinted_in_bounded_memory(monkeypatch) -> None:
    """The min-hash of N bigrams took 64 x N x 8 bytes per numpy temporary: a 5 M-character text in
    /admin/v1/watermark/detect or /trace took the gateway from 104 MB to 959 MB. In blocks of bigrams it
    takes a few MB, and gives the same signature as the whole matrix at once."""
    import tracemalloc

    from gateway.watermark import provenance

    text = _distinct_words(200_000, seed=1)
    tracemalloc.start()
    try:
        sig = Fingerprinter(SECRET).signature(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MiB"
    monkeypatch.setattr(provenance, "MINHASH_BLOCK", 1 << 40)  # one block: the whole matrix
    assert (Fingerprinter(SECRET).signature(text) == sig).all()


async def test_tracing_a_long_text_leaves_the_event_loop_serving() -> None:
    """The admin routes trace on the gateway's event loop: fingerprinting a pasted book there held every
    proxied request and /healthz (2 s for 5 M characters). The query's signature is computed in a thread."""
    index = MemoryProvenanceIndex(Fingerprinter(SECRET))
    await index.add("r1", prose(load_table(), 150, seed=1), tenant="t", account="a")
    ticks, done = 0, False

    async def tick() -> None:
        nonlocal ticks
        while not done:
            await asyncio.sleep(0)
            ticks += 1

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0)
    before = ticks
    assert await index.trace(_distinct_words(100_000, seed=2)) == []
    during = ticks - before
    done = True
    await ticker
    assert during > 0  # the loop ran other tasks while the text was fingerprinted
