"""Provenance index: a partly edited copy of a served response traces back to it (memory and Redis)."""

from __future__ import annotations

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


@pytest.fixture(params=["memory", "redis"])
async def index(request, redis_url: str):
    fp = Fingerprinter(SECRET)
    if request.param == "memory":
        yield MemoryProvenanceIndex(fp, capacity=50)
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
