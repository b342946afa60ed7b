"""The gateway-recorded reference: marking streams hand over the upstream's own text (before
marking), the tally counts exactly what `Reference.from_texts` counts on the unmarked texts (code,
quotes, capitals included), and the store keeps it (memory store and a real Redis, same tests)."""

from __future__ import annotations

import asyncio
import random

import numpy as np
import pytest
from prometheus_client import CollectorRegistry

from gateway.metrics import Metrics
from gateway.store import open_store
from gateway.store.errors import StoreUnavailable
from gateway.watermark.embed import Watermarker
from gateway.watermark.recorder import (
    DOCUMENTS,
    ReferenceRecorder,
    ReferenceTally,
    load_reference,
    reference_from_fields,
    table_name,
)
from gateway.watermark.reference import Reference
from tests.watermark.prose import prose

SECRET = b"test-master-secret-0123456789abcdef"


def _texts(wm: Watermarker, n: int = 40) -> list[str]:
    rng = random.Random(3)
    out = []
    for i in range(n):
        text = prose(wm.table, 12, seed=i)
        if i % 3 == 0:  # repeats within a text count once; capitalised sentence starts count too
            text += " " + prose(wm.table, 4, seed=i)
        if i % 5 == 0:
            text = text[0].upper() + text[1:]
        if i % 4 == 1:  # words the marker never rewrites, which detection still observes
            text += '\n\n```sql\nSELECT big FROM t\n```\n\nIt is "usually large" and TYPICALLY so.\n    normally indented'
        out.append(text + " " + rng.choice(["Typically it works.", "", "It is big, big and large."]))
    return out


def _record(wm: Watermarker, texts: list[str], chunk: int | None) -> ReferenceTally:
    tally = ReferenceTally(wm.table)
    wm.tally = tally
    for i, text in enumerate(texts):
        s = wm.stream("t", f"a{i % 7}", 1.0)
        if chunk is None:
            s.feed(text)
        else:
            for j in range(0, len(text), chunk):
                s.feed(text[j:j + chunk])
        s.flush()
    assert tally.pending == len(texts)
    assert tally.observe_pending() == len(texts) and tally.pending == 0
    return tally


@pytest.mark.parametrize("chunk", [None, 1, 7, 64])
def test_tally_counts_what_reference_from_texts_counts_on_the_unmarked_text(chunk) -> None:
    wm = Watermarker(SECRET)
    texts = _texts(wm)
    fields = _record(wm, texts, chunk).take()[None]
    got = reference_from_fields(fields, wm.table)
    want = Reference.from_texts(texts, wm)
    assert np.array_equal(got.counts, want.counts)
    assert got.documents == want.documents == len(texts)
    assert got.counts.sum() > 300


def test_recording_does_not_change_the_marked_output_and_mark_records_nothing() -> None:
    wm, plain = Watermarker(SECRET), Watermarker(SECRET)
    texts = _texts(wm, 10)
    tally = ReferenceTally(wm.table)
    wm.tally = tally
    for text in texts:
        s = wm.stream("t", "a", 0.5)
        assert s.feed(text) + s.flush() == plain.mark(text, tenant="t", account="a", strength=0.5)
    assert tally.pending == len(texts)
    wm.mark(texts[0], tenant="t", account="a")  # whole-text marking (tools, benchmarks): not recorded
    assert tally.pending == len(texts)


def test_a_full_queue_drops_texts_and_counts_them() -> None:
    wm = Watermarker(SECRET)
    tally = ReferenceTally(wm.table, max_pending=3)
    for text in _texts(wm, 5):
        tally.add_text(text)
    assert tally.pending == 3 and tally.dropped == 2


def test_take_resets_and_give_back_restores() -> None:
    wm = Watermarker(SECRET)
    tally = _record(wm, _texts(wm, 8), None)
    fields = tally.take()[None]
    assert fields[DOCUMENTS] == 8 and tally.take() == {}
    tally.give_back(None, fields)
    assert tally.take() == {None: fields}


@pytest.fixture(params=["memory", "redis"])
async def store(request):
    url = "memory://" if request.param == "memory" else request.getfixturevalue("redis_url")
    s = open_store(url, timeout_ms=500)
    yield s
    await s.close()


async def test_counter_tables_add_read_and_list(store) -> None:
    ct = store.counter_tables()
    assert await ct.read("x") == {} and await ct.tables() == []
    await ct.add("x", {"1:0": 2, "documents": 1})
    await ct.add("x", {"1:0": 3, "2:1": 1, "documents": 2})
    await ct.add("y", {"documents": 5})
    await ct.add("z", {})  # nothing to add: no table
    assert await ct.read("x") == {"1:0": 5, "2:1": 1, "documents": 3}
    assert await ct.tables() == ["x", "y"]


async def test_recorder_flushes_to_the_store_and_loads_back(store) -> None:
    wm = Watermarker(SECRET)
    texts = _texts(wm)
    batcher = store.script_batcher() if store.backend.startswith("redis") else None
    rec = ReferenceRecorder(store.counter_tables(batcher), interval_s=0.05)
    assert await load_reference(rec.backend, wm.table) is None
    await rec.start()
    wm.tally = rec.tally_for(wm.table)
    assert rec.tally_for(wm.table) is wm.tally  # one tally per table
    for i, text in enumerate(texts[:20]):
        s = wm.stream("t", f"a{i}")
        s.feed(text)
        s.flush()
    for _ in range(100):  # the periodic flush
        if (await rec.backend.read(table_name(wm.table.digest))).get(DOCUMENTS) == 20:
            break
        await asyncio.sleep(0.02)
    for text in texts[20:]:
        s = wm.stream("t", "b")
        s.feed(text)
        s.flush()
    await rec.close()  # the rest goes at shutdown
    ref = await load_reference(store.counter_tables(), wm.table)
    want = Reference.from_texts(texts, wm)
    assert ref is not None and np.array_equal(ref.counts, want.counts) and ref.documents == len(texts)
    assert Reference.from_json(ref.to_json(), wm).counts.tolist() == want.counts.tolist()


async def test_a_failed_flush_keeps_the_counts_for_the_next(own_redis) -> None:
    wm = Watermarker(SECRET)
    store = open_store(own_redis.url, timeout_ms=300, failure_threshold=100)
    try:
        rec = ReferenceRecorder(store.counter_tables())
        wm.tally = rec.tally_for(wm.table)
        for text in _texts(wm, 5):
            s = wm.stream("t", "a")
            s.feed(text)
            s.flush()
        own_redis.stop()
        await rec.flush()
        assert rec.failed_flushes == 1 and wm.tally.documents == 5
        with pytest.raises(StoreUnavailable):
            await rec.backend.read("x")
    finally:
        await store.close()


def test_a_sampled_share_of_responses_is_kept() -> None:
    wm = Watermarker(SECRET)
    text = _texts(wm, 1)[0]
    wm.tally = ReferenceTally(wm.table, sample=0.25, max_pending=10**6)
    for i in range(2000):
        s = wm.stream("t", f"a{i}")
        assert s.feed(text) + s.flush() == wm.mark(text, tenant="t", account=f"a{i}")  # marked all the same
    assert 400 < wm.tally.pending < 600


# -- per-tenant scoping ---------------------------------------------------------------------------

def test_each_tenant_gets_its_own_counts_and_the_global_counts_everyone() -> None:
    wm = Watermarker(SECRET)
    texts = _texts(wm, 30)
    wm.tally = tally = ReferenceTally(wm.table, max_tenants=5)
    tenants = ["acme", "globex", "initech"]
    for i, text in enumerate(texts):
        s = wm.stream(tenants[i % 3], f"a{i}")
        s.feed(text)
        s.flush()
    tally.observe_pending()
    taken = tally.take()
    assert set(taken) == {None, *tenants}
    assert np.array_equal(reference_from_fields(taken[None], wm.table).counts, Reference.from_texts(texts, wm).counts)
    for j, tenant in enumerate(tenants):
        mine = texts[j::3]
        got = reference_from_fields(taken[tenant], wm.table)
        assert np.array_equal(got.counts, Reference.from_texts(mine, wm).counts) and got.documents == len(mine)


def test_tenants_beyond_the_bound_count_in_the_global_reference_only() -> None:
    wm = Watermarker(SECRET)
    text = _texts(wm, 1)[0]
    tally = ReferenceTally(wm.table, max_tenants=2)
    for tenant in ["a", "b", "c", "c", "a"]:
        tally.add_text(text, tenant)
    tally.observe_pending()
    taken = tally.take()
    assert taken[None][DOCUMENTS] == 5 and taken["a"][DOCUMENTS] == 2 and taken["b"][DOCUMENTS] == 1
    assert "c" not in taken and tally.tenant_overflow == 2
    no_tenants = ReferenceTally(wm.table, max_tenants=0)
    no_tenants.add_text(text, "a")
    no_tenants.observe_pending()
    assert list(no_tenants.take()) == [None]


async def test_a_group_holds_at_most_max_tables(store) -> None:
    ct = store.counter_tables()
    assert await ct.add("t:a", {"1:0": 1}, group="g", max_tables=2)
    assert await ct.add("t:b", {"1:0": 1}, group="g", max_tables=2)
    assert not await ct.add("t:c", {"1:0": 1}, group="g", max_tables=2)  # full: refused, nothing added
    assert await ct.add("t:a", {"1:0": 4}, group="g", max_tables=2)  # a member still adds
    assert await ct.add("other", {"1:0": 1})  # tables outside the group are not bounded by it
    assert await ct.read("t:a") == {"1:0": 5} and await ct.read("t:c") == {}
    assert await ct.tables() == ["other", "t:a", "t:b"]


async def test_recorder_stores_tenant_tables_up_to_the_bound(store) -> None:
    wm = Watermarker(SECRET)
    texts = _texts(wm, 9)
    rec = ReferenceRecorder(store.counter_tables(), max_tenants=2)
    wm.tally = rec.tally_for(wm.table)
    for i, text in enumerate(texts):
        s = wm.stream(["a", "b", "c"][i % 3], "x")
        s.feed(text)
        s.flush()
    await rec.flush()
    rec.tally_for(wm.table).max_tenants = 5  # room in this process, none in the store: the store decides
    for text in texts[:3]:
        s = wm.stream("c", "x")
        s.feed(text)
        s.flush()
    await rec.flush()
    ct = store.counter_tables()
    everyone = await load_reference(ct, wm.table)
    want = Reference.from_texts(texts, wm).counts + Reference.from_texts(texts[:3], wm).counts  # a repeat counts again
    assert everyone.documents == 12 and np.array_equal(everyone.counts, want)
    a = await load_reference(ct, wm.table, "a")
    assert a.documents == 3 and np.array_equal(a.counts, Reference.from_texts(texts[0::3], wm).counts)
    assert (await load_reference(ct, wm.table, "b")).documents == 3
    assert await load_reference(ct, wm.table, "c") is None  # the group was full: global only
    assert wm.tally.tenant_overflow == 3 + 3 and "c" in wm.tally.refused
    assert table_name(wm.table.digest, "a") in await ct.tables()


# -- metrics and failed flushes --------------------------------------------------------------------

def _sample(registry: CollectorRegistry, name: str, **labels: str) -> float:
    return registry.get_sample_value(name, labels) or 0.0


async def test_metrics_count_texts_by_outcome_observations_and_flushes() -> None:
    wm = Watermarker(SECRET)
    metrics = Metrics(CollectorRegistry())
    r = metrics.registry
    store = open_store("memory://")
    rec = ReferenceRecorder(store.counter_tables(), sample=0.5, metrics=metrics)
    wm.tally = tally = rec.tally_for(wm.table)
    tally._max_pending = 10  # noqa: SLF001 - a small queue, to see drops
    text = _texts(wm, 1)[0]
    for i in range(60):
        s = wm.stream("t", f"a{i}")
        s.feed(text)
        s.flush()
    sampled = _sample(r, "covenant_watermark_reference_texts_total", outcome="sampled")
    dropped = _sample(r, "covenant_watermark_reference_texts_total", outcome="dropped")
    not_sampled = _sample(r, "covenant_watermark_reference_texts_total", outcome="not_sampled")
    assert sampled == 10 and dropped == tally.dropped > 0 and sampled + dropped + not_sampled == 60
    assert _sample(r, "covenant_watermark_reference_last_flush_timestamp_seconds") == 0
    assert await rec.flush()
    assert _sample(r, "covenant_watermark_reference_observed_texts_total") == 10
    assert _sample(r, "covenant_watermark_reference_flushes_total", outcome="ok") == 1
    assert _sample(r, "covenant_watermark_reference_last_flush_timestamp_seconds") == rec.last_flush_ok > 0
    assert _sample(r, "covenant_watermark_reference_unflushed_documents") == 0


async def test_a_failed_flush_is_counted_and_its_counts_go_with_the_next(own_redis, caplog) -> None:
    wm = Watermarker(SECRET)
    metrics = Metrics(CollectorRegistry())
    r = metrics.registry
    store = open_store(own_redis.url, timeout_ms=300, failure_threshold=100)
    texts = _texts(wm, 8)
    try:
        rec = ReferenceRecorder(store.counter_tables(), metrics=metrics)
        wm.tally = rec.tally_for(wm.table)
        for i, text in enumerate(texts[:5]):
            s = wm.stream(["a", "b"][i % 2], "x")
            s.feed(text)
            s.flush()
        own_redis.stop()
        assert not await rec.flush()
        assert "watermark reference flush failed (5 responses' counts kept for the next flush)" in caplog.text
        assert _sample(r, "covenant_watermark_reference_flushes_total", outcome="failed") == 1
        assert _sample(r, "covenant_watermark_reference_unflushed_documents") == 5
        own_redis.start()
        for i, text in enumerate(texts[5:]):
            s = wm.stream(["a", "b"][i % 2], "x")
            s.feed(text)
            s.flush()
        for _ in range(50):  # the breaker lets calls through again after its cooldown
            if await rec.flush():
                break
            await asyncio.sleep(0.1)
        assert _sample(r, "covenant_watermark_reference_flushes_total", outcome="ok") == 1
        assert _sample(r, "covenant_watermark_reference_unflushed_documents") == 0
        ct = store.counter_tables()
        assert np.array_equal((await load_reference(ct, wm.table)).counts, Reference.from_texts(texts, wm).counts)
        a = await load_reference(ct, wm.table, "a")
        mine = texts[0:5:2] + [texts[5], texts[7]]
        assert a.documents == 5 and np.array_equal(a.counts, Reference.from_texts(mine, wm).counts)
    finally:
        await store.close()
