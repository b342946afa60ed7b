"""Distributed reference: with a Redis store the gateway sends the sampled pre-mark texts with the
provenance queue's entries, and `covenant worker` observes and counts them — the same counts, in
the same tables, as the in-process recorder; entries a worker read but did not count (it died, or
the store refused the counts) are counted by another, once."""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import redis as sync_redis
from redis.asyncio import Redis

from gateway.identity import new_key
from gateway.metrics import Metrics
from gateway.store import open_store
from gateway.watermark.embed import Watermarker
from gateway.watermark.provenance import Fingerprinter, RedisProvenanceIndex
from gateway.watermark.provenance_queue import GROUP, STREAM, ProvenancePublisher, consume
from gateway.watermark.recorder import ReferenceRecorder, load_reference
from gateway.watermark.reference import Reference
from gateway.watermark.reference_queue import PreMarkTexts, WorkerReference
from tests.ratelimit_gateway.helpers import put_key_record
from tests.support.gateway import ROOT, GatewayProcess
from tests.support.metrics import metric
from tests.support.mock_teacher import running_mock_teacher
from tests.support.openai_chat import ask_text
from tests.support.ports import free_port
from tests.watermark.prose import prose

SECRET = "test-master-secret-0123456789abcdef"
WM = Watermarker(SECRET.encode())
TENANTS = ("acme", "globex", "initech")


def _texts(n: int = 36) -> list[str]:
    """Prose with everything the marker leaves alone and detection still observes: code fences,
    inline code, URLs, e-mail addresses, numbers, quotes, indented lines, capitals."""
    rng = random.Random(11)
    out = []
    for i in range(n):
        text = prose(WM.table, 14, seed=100 + i)
        if i % 2 == 0:
            text += '\n\n```python\n# usually large\nbig = "typically"\n```\n\nIt is "usually large" and TYPICALLY so.'
        if i % 3 == 0:
            text += " See https://example.com/usually/big or mail often@example.com, `normally big`, 42 large."
        if i % 4 == 0:
            text += "\n    normally indented, perhaps big"
        out.append(text + " " + rng.choice(["Typically it works.", "", "It is big, big and large."]))
    return out


def _stream(wm: Watermarker, text: str, tenant: str, account: str, chunk: int | None, sink=None) -> str:
    s = wm.stream(tenant, account, 1.0, sink=sink)
    if chunk is None:  # a whole (non-streamed) response
        return s.feed(text) + s.flush()
    return "".join(s.feed(text[j:j + chunk]) for j in range(0, len(text), chunk)) + s.flush()


async def _counts(backend, tenant: str | None = None) -> Reference | None:
    return await load_reference(backend, WM.table, tenant)


async def _drain(redis_url: str, reference: WorkerReference, want: int, consumer: str = "w1",
                 claim_idle_ms: int = 30_000, seconds: float = 20) -> dict:
    """Run one consumer until it has counted ``want`` texts (or for ``seconds``)."""
    store = open_store(redis_url, timeout_ms=1000)
    index = RedisProvenanceIndex.for_store(store, Fingerprinter(SECRET.encode()), capacity=1000, ttl_seconds=10**9)
    stop, stats = asyncio.Event(), {}
    task = asyncio.create_task(consume(store.client, index, consumer=consumer, stop=stop, stats=stats, block_ms=50,
                                       reference=reference, claim_idle_ms=claim_idle_ms))
    for _ in range(int(seconds / 0.05)):
        if stats.get("referenced", 0) >= want:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await task
    await store.close()
    return stats


async def test_workers_count_exactly_what_the_in_process_recorder_counts(redis_url: str) -> None:
    texts = _texts()
    # in process (the memory store's path): the marking streams hand their text to the table's tally
    local = ReferenceRecorder(open_store("memory://").counter_tables(), max_tenants=100)
    in_process = Watermarker(SECRET.encode())
    in_process.tally = local.tally_for(in_process.table)
    # distributed: one collector per response, published with the response's provenance entry
    remote = Watermarker(SECRET.encode())
    gateway_tally = ReferenceRecorder(open_store("memory://").counter_tables()).tally_for(remote.table)
    store = open_store(redis_url, timeout_ms=1000)
    publisher = ProvenancePublisher(store.client, Fingerprinter(SECRET.encode()).key_id,
                                    batcher=store.script_batcher())
    items = []
    for i, text in enumerate(texts):
        tenant, account, chunk = TENANTS[i % 3], f"a{i % 5}", (None, 1, 9, 64)[i % 4]  # streamed and whole
        marked = _stream(in_process, text, tenant, account, chunk)
        premark = PreMarkTexts(gateway_tally)
        assert _stream(remote, text, tenant, account, chunk, sink=premark) == marked  # same marking
        if i % 6 == 5:  # a response of two choices: two documents, as in process
            _stream(in_process, texts[i - 1], tenant, account, None)
            _stream(remote, texts[i - 1], tenant, account, None, sink=premark)
        items.append((f"r{i}", marked, tenant, account, 1000.0 + i, (remote.table.digest.hex(), [], premark.texts)))
    await publisher.add_many(items)
    assert await local.flush()
    reference = WorkerReference(store.counter_tables(), max_tenants=100)
    stats = await _drain(redis_url, reference, want=len(texts) + len(texts) // 6)

    documents = len(texts) + len(texts) // 6
    assert stats["indexed"] == len(texts) and stats["referenced"] == documents
    for tenant in (None, *TENANTS):
        want, got = await _counts(local.backend, tenant), await _counts(store.counter_tables(), tenant)
        assert got.documents == want.documents and np.array_equal(got.counts, want.counts), tenant
    assert (await _counts(store.counter_tables())).documents == documents
    assert (await Redis.from_url(redis_url).xpending(STREAM, GROUP))["pending"] == 0
    await store.close()


async def test_entries_a_dead_worker_read_are_counted_once_by_another(redis_url: str) -> None:
    texts = _texts(8)
    store = open_store(redis_url, timeout_ms=1000)
    tally = ReferenceRecorder(store.counter_tables()).tally_for(WM.table)
    await ProvenancePublisher(store.client, Fingerprinter(SECRET.encode()).key_id).add_many(
        [(f"r{i}", t, "acme", "alice", 1.0, (WM.table.digest.hex(), [], [t])) for i, t in enumerate(texts)])
    client = Redis.from_url(redis_url)
    await client.xgroup_create(STREAM, GROUP, id="0")
    read = await client.xreadgroup(GROUP, "dead", {STREAM: ">"}, count=100)  # ... and the worker died
    assert len(read[0][1]) == 8 and await _counts(store.counter_tables()) is None

    stats = await _drain(redis_url, WorkerReference(store.counter_tables(), max_tenants=10), want=8,
                         consumer="alive", claim_idle_ms=200)

    assert stats["referenced"] == 8
    ref = await _counts(store.counter_tables())
    want = Reference.from_texts(texts, WM)
    assert ref.documents == 8 and np.array_equal(ref.counts, want.counts)
    assert (await client.xpending(STREAM, GROUP))["pending"] == 0
    assert tally.pending == 0
    await client.aclose()
    await store.close()


async def test_counts_the_store_refused_are_not_acknowledged_and_come_back_once(redis_url: str, own_redis) -> None:
    """The worker's counter tables on a server that is away: the batch stays pending (nothing
    counted twice, nothing lost); once the server is back, the entries are counted."""
    texts = _texts(6)
    store = open_store(redis_url, timeout_ms=1000)
    await ProvenancePublisher(store.client, Fingerprinter(SECRET.encode()).key_id).add_many(
        [(f"r{i}", None, "acme", "alice", 1.0, (WM.table.digest.hex(), [], [t])) for i, t in enumerate(texts)])
    counters = open_store(own_redis.url, timeout_ms=300)
    own_redis.stop()
    metrics = Metrics()
    reference = WorkerReference(counters.counter_tables(), max_tenants=10, metrics=metrics)
    stats = await _drain(redis_url, reference, want=1, claim_idle_ms=300, seconds=3)  # never gets there
    assert stats.get("referenced", 0) == 0
    assert (await store.client.xpending(STREAM, GROUP))["pending"] == 6  # read, not acknowledged
    assert metrics.registry.get_sample_value("covenant_watermark_reference_flushes_total", {"outcome": "failed"}) >= 1

    own_redis.start()
    await asyncio.sleep(1.5)  # the store's breaker cooldown
    stats = await _drain(redis_url, reference, want=6, claim_idle_ms=300)

    ref = await _counts(counters.counter_tables())
    assert stats["referenced"] == 6 and ref.documents == 6
    assert np.array_equal(ref.counts, Reference.from_texts(texts, WM).counts)
    assert (await store.client.xpending(STREAM, GROUP))["pending"] == 0
    await counters.close()
    await store.close()


async def test_entries_of_another_table_wait_for_a_worker_that_has_it(redis_url: str) -> None:
    store = open_store(redis_url, timeout_ms=1000)
    await ProvenancePublisher(store.client, Fingerprinter(SECRET.encode()).key_id).add_many(
        [("r0", None, "acme", "alice", 1.0, ("00" * 32, [], ["It is big."]))])
    stats = await _drain(redis_url, WorkerReference(store.counter_tables(), max_tenants=10), want=1, seconds=1)
    assert stats["foreign_table"] >= 1 and stats.get("referenced", 0) == 0
    assert (await store.client.xpending(STREAM, GROUP))["pending"] == 1
    await store.close()


def _worker(redis_url: str, workdir: Path, metrics_port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gateway", "worker", "--store", redis_url,
                             "--policies", str(ROOT / "policies"), "--metrics-port", str(metrics_port),
                             "--metrics-host", "127.0.0.1"], cwd=workdir,
                            env={**os.environ, "COVENANT_WATERMARK_SECRET": SECRET},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(20)


def _gateway(teacher_url: str, store: str, tmp_path: Path, provenance: bool = True, **config) -> GatewayProcess:
    policies = tmp_path / "policies"
    policies.mkdir(parents=True)
    (policies / "watermark.yaml").write_text(
        "apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: wm}\n"
        f"spec:\n  watermark: {{enabled: true, provenance: {'true' if provenance else 'false'}}}\n")
    return GatewayProcess(upstream_url=teacher_url, store=store, policies=policies,
                          env={"COVENANT_WATERMARK_SECRET": SECRET},
                          extra_config={"watermark_reference_sample": 1.0, **config})


def _keys(gw: GatewayProcess, redis_url: str | None) -> list[str]:
    keys = []
    for tenant, account in (("acme", "alice"), ("acme", "bob"), ("globex", "carol")):
        if redis_url is None:
            keys.append(gw.create_key(tenant, account))
        else:
            key, record = new_key(tenant, account, {})
            put_key_record(redis_url, record)
            keys.append(key)
    return keys


def _wait_reference(gw: GatewayProcess, documents: int, tenant: str | None = None) -> Reference:
    deadline = time.monotonic() + 30
    while True:
        r = gw.admin("GET", "/admin/v1/watermark/reference", params={"tenant": tenant} if tenant else None)
        if r.status_code == 200 and (ref := Reference.from_json(r.content, WM)).documents >= documents:
            return ref
        assert time.monotonic() < deadline, r.text
        time.sleep(0.2)


@pytest.mark.parametrize("provenance", [True, False])
def test_a_redis_gateway_and_its_worker_record_what_a_memory_gateway_records(redis_url, tmp_path, provenance) -> None:
    """Same requests (three accounts of two tenants, streamed and not) through a memory-store gateway
    (in-process recorder) and a Redis-store gateway with a worker: the same reference, global and per
    tenant; with `provenance: false` too (the texts then travel in entries of their own)."""
    prompts = [f"Explain how a team reviews a change, with an example, part {i}." for i in range(10)]
    with running_mock_teacher() as teacher:
        local = _gateway(teacher.url, "memory://", tmp_path / "m", provenance)
        distributed = _gateway(teacher.url, redis_url, tmp_path / "r", provenance)
        keys = {"m": _keys(local, None), "r": _keys(distributed, redis_url)}
        local.start()
        distributed.start()
        worker_metrics = SimpleNamespace(url=f"http://127.0.0.1:{free_port()}")
        worker = _worker(redis_url, distributed.workdir, int(worker_metrics.url.rsplit(":", 1)[1]))
        try:
            for i, prompt in enumerate(prompts):
                for name, gw in (("m", local), ("r", distributed)):
                    ask_text(gw.openai_base_url, keys[name][i % 3], prompt, stream=i % 2 == 1, max_tokens=400)
            for tenant in (None, "acme", "globex"):
                want = _wait_reference(local, 1, tenant)
                got = _wait_reference(distributed, want.documents, tenant)
                assert got.documents == want.documents and np.array_equal(got.counts, want.counts), tenant
            assert _wait_reference(local, 10).documents == 10
            # the serving gateway only sampled and published: it observed nothing itself
            assert metric(distributed, "covenant_watermark_reference_texts_total", outcome="sampled") == 10
            assert metric(distributed, "covenant_watermark_reference_observed_texts_total") == 0
            # the worker did, and says so on its own metrics port
            assert metric(worker_metrics, "covenant_watermark_reference_observed_texts_total") == 10
            assert metric(worker_metrics, "covenant_watermark_reference_flushes_total", outcome="ok") >= 1
            with sync_redis.Redis.from_url(redis_url) as r:
                entries = r.xrange(STREAM)
            assert len(entries) == 10 and all(b"w" in f for _, f in entries)
            assert all((b"r" in f) == provenance for _, f in entries)
        finally:
            _stop(worker)
            local.stop()
            distributed.stop()


async def test_a_consumer_recreates_its_group_when_redis_restarted_empty(own_redis) -> None:
    texts = _texts(4)
    reference = WorkerReference(open_store(own_redis.url, timeout_ms=1000).counter_tables(), max_tenants=10)
    store = open_store(own_redis.url, timeout_ms=1000)
    index = RedisProvenanceIndex.for_store(store, Fingerprinter(SECRET.encode()), capacity=100, ttl_seconds=10**9)
    stop, stats = asyncio.Event(), {}
    task = asyncio.create_task(consume(store.client, index, consumer="w", stop=stop, stats=stats, block_ms=50,
                                       reference=reference))
    await asyncio.sleep(0.3)
    own_redis.stop()
    own_redis.start()  # no persistence: the stream and its group are gone
    # queued after the restart, before or after the group is back: a group made at id 0 reads them all
    await ProvenancePublisher(Redis.from_url(own_redis.url), Fingerprinter(SECRET.encode()).key_id).add_many(
        [(f"r{i}", t, "acme", "alice", 1.0, (WM.table.digest.hex(), [], [t])) for i, t in enumerate(texts)])
    deadline = time.monotonic() + 20
    while stats.get("referenced", 0) < 4:
        assert time.monotonic() < deadline and not task.done()
        await asyncio.sleep(0.1)
    stop.set()
    await task
    ref = await _counts(store.counter_tables())
    assert ref.documents == 4 and np.array_equal(ref.counts, Reference.from_texts(texts, WM).counts)
    await store.close()


async def test_texts_the_gateway_could_not_queue_are_counted_dropped(own_redis) -> None:
    """The gateway's publish failing is handled as for provenance (logged, dropped) and the texts
    are counted in `covenant_watermark_reference_texts_total{outcome="dropped"}`."""
    from gateway.stages.watermark import WatermarkStage

    metrics = Metrics()
    store = open_store(own_redis.url, timeout_ms=300)
    recorder = ReferenceRecorder(store.counter_tables(), metrics=metrics)
    stage = WatermarkStage(SECRET.encode(), metrics, ProvenancePublisher(store.client, "k", store.guarded),
                           recorder, reference_via_workers=True)
    own_redis.stop()
    await stage._index([("r0", "text", "acme", "alice", 1.0, (WM.table.digest.hex(), [], ["a", "b"])),
                        ("r1", "text", "acme", "alice", 1.0)])
    assert metrics.registry.get_sample_value("covenant_watermark_reference_texts_total", {"outcome": "dropped"}) == 2
    await store.close()
