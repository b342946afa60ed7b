"""Distributed provenance: gateways on a Redis store queue served responses, `covenant worker`
fingerprints and indexes them, and the gateway's trace finds them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import openai
import pytest
import redis as sync_redis
from redis.asyncio import Redis

from gateway.identity import new_key
from gateway.store import open_store
from gateway.watermark.provenance import Fingerprinter, RedisProvenanceIndex
from gateway.watermark.provenance_queue import GROUP, STREAM, ProvenancePublisher, consume
from gateway.watermark.table import load_table
from tests.ratelimit_gateway.helpers import put_key_record
from tests.support.gateway import ROOT, GatewayProcess
from tests.watermark.prose import varied

SECRET = "test-master-secret-0123456789abcdef"


@pytest.mark.parametrize("transport", ["batcher", "pipeline"])  # a single server / a cluster
async def test_queued_responses_are_indexed_by_a_consumer(redis_url: str, transport: str) -> None:
    table = load_table()
    texts = [varied(table, 200, seed=900 + i) for i in range(30)]
    fp = Fingerprinter(SECRET.encode())
    client = Redis.from_url(redis_url)
    store = open_store(redis_url, timeout_ms=1000)
    batcher = store.script_batcher() if transport == "batcher" else None
    await ProvenancePublisher(client, fp.key_id, batcher=batcher).add_many(
        [(f"r{i}", t, "acme", f"acct-{i % 3}", 1000.0 + i) for i, t in enumerate(texts)])
    # a gateway configured with another secret: its entries must not be indexed with this key
    await ProvenancePublisher(client, Fingerprinter(b"another-secret-0123456789abcdef").key_id, batcher=batcher).add(
        "foreign", texts[0], tenant="x", account="y")
    index = RedisProvenanceIndex.for_store(store, fp, capacity=1000, ttl_seconds=10**9)
    stop, stats = asyncio.Event(), {}
    task = asyncio.create_task(consume(store.client, index, consumer="w1", stop=stop, stats=stats, block_ms=50))
    for _ in range(100):
        if stats.get("indexed", 0) >= 30:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await task
    hit = await index.trace(texts[7])
    assert stats["indexed"] == 30 and stats["foreign_key"] >= 1
    assert hit[0].response_id == "r7" and hit[0].account == "acct-1" and hit[0].similarity == 1.0
    pending = await client.xpending(STREAM, GROUP)
    assert pending["pending"] == 1  # the foreign entry waits for a worker with the right secret
    await client.aclose()
    await store.close()


def test_gateway_queues_and_the_worker_command_indexes(redis_url: str) -> None:
    gw = GatewayProcess(upstream_url=None, store=redis_url, drop_policies=("20-pii*",),
                        env={"COVENANT_WATERMARK_SECRET": SECRET})
    key, record = new_key("acme", "alice", {})
    put_key_record(redis_url, record)
    gw.start()
    worker = None
    try:
        resp = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0).chat.completions \
            .with_raw_response.create(model="gpt-4o-mini", max_tokens=300,
                                      messages=[{"role": "user", "content": "Explain how code review works."}])
        text = resp.parse().choices[0].message.content
        with sync_redis.Redis.from_url(redis_url) as r:
            deadline = time.time() + 10
            while r.xlen(STREAM) == 0 and time.time() < deadline:
                time.sleep(0.05)
            assert r.xlen(STREAM) == 1  # queued by the gateway, not indexed in it
        assert gw.admin("POST", "/admin/v1/watermark/trace", json={"text": text}).json()["matches"] == []
        worker = subprocess.Popen([sys.executable, "-m", "gateway", "worker", "--store", redis_url,
                                   "--policies", str(ROOT / "policies"), "--nice", "7"], cwd=gw.workdir,
                                  env={**os.environ, "COVENANT_WATERMARK_SECRET": SECRET},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        matches = []
        deadline = time.time() + 30
        while not matches and time.time() < deadline:
            time.sleep(0.2)
            matches = gw.admin("POST", "/admin/v1/watermark/trace", json={"text": text}).json()["matches"]
        assert matches and matches[0]["response_id"] == resp.headers["x-request-id"]
        assert matches[0]["account"] == "alice" and matches[0]["similarity"] == 1.0
        # asked to, background analysis yields the CPU to gateways on a shared host
        assert _niceness(worker.pid) == _niceness(os.getpid()) + 7
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(20)
        gw.stop()


def _niceness(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        return int(fh.read().rsplit(")", 1)[1].split()[16])  # field 19 of proc(5)
