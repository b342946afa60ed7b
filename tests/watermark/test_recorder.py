"""The gateway-recorded reference: marking streams hand over the upstream's own text (before
marking), the tally counts exactly what `Reference.from_texts` counts on the unmarked texts (code,
quotes, capitals included), and the store keeps it (memory store and a real Redis, same tests)."""

from __future__ import annotations

import asyncio
import random

import numpy as np
import pytest

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
    fields = _record(wm, texts, chunk).take()
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
    fields = tally.take()
    assert fields[DOCUMENTS] == 8 and tally.take() == {}
    tally.give_back(fields)
    assert tally.take() == fields


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
