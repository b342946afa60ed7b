"""Provenance index cost on Redis and recall, side by side with the memory index.

    python -m benchmarks.provenance_bench [-n 2000] [--queries 200]

Starts its own redis-server (a free port, no persistence), indexes ``n`` mock-teacher answers of
300 words, and reports per response: Redis ``used_memory`` delta, gateway (client) CPU µs per
``add`` split into fingerprint and write, redis-server CPU µs per ``add``, and the share of traces
whose top match is the right response after 30% of the words were replaced or deleted. The last
row keeps only half (capacity n/2): eviction at every write, memory per live response.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from redis.asyncio import Redis

from benchmarks.watermark.recall import top1_recall
from benchmarks.watermark_eval import SECRET, table, teacher_texts
from gateway.watermark.provenance import Fingerprinter, MemoryProvenanceIndex, RedisProvenanceIndex
from tests.support.ports import free_port
from tests.support.redis_server import RedisServer


async def _info(r: Redis) -> tuple[int, float]:
    mem, cpu = await r.info("memory"), await r.info("cpu")
    return int(mem["used_memory"]), float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])


async def run(n: int, n_query: int) -> None:
    texts = teacher_texts(n, 300, "prov")
    fp = Fingerprinter(SECRET)
    c0 = time.process_time()
    for t in texts:
        fp.signature(t)
    sig_us = (time.process_time() - c0) / n * 1e6
    rows = []
    server = RedisServer(free_port()).start()
    r = Redis.from_url(server.url)
    try:
        # the last row keeps half: steady-state eviction, memory per live response
        for name, cap in (("memory", n), ("redis", n), ("memory, capacity n/2", n // 2),
                          ("redis, capacity n/2", n // 2)):
            index = MemoryProvenanceIndex(fp, capacity=cap) if name.startswith("memory") else \
                RedisProvenanceIndex(r, fp, capacity=cap)
            await r.flushall()
            mem0, scpu0 = await _info(r)
            w0, c0 = time.perf_counter(), time.process_time()
            for i, t in enumerate(texts):
                await index.add(f"r{i}", t, tenant="tenant-1", account=f"account-{i % 500}", ts=1.7e9 + i)
            wall_us, cpu_us = (time.perf_counter() - w0) / n * 1e6, (time.process_time() - c0) / n * 1e6
            mem1, scpu1 = await _info(r)
            redis = name.startswith("redis")
            rep, dele, trace_ms = await top1_recall(index, texts[n - cap:], n_query, offset=n - cap)
            rows.append([name, n, round((mem1 - mem0) / cap) if redis else "-", round(cpu_us),
                         round(cpu_us - sig_us), round(wall_us), round((scpu1 - scpu0) / n * 1e6) if redis else "-",
                         rep, dele, trace_ms])
    finally:
        await r.aclose()
        server.stop()
    table(f"Provenance index, {n} answers of 300 words (fingerprint alone: {sig_us:.0f} µs CPU)",
          ["index", "responses added", "Redis bytes per live response", "add CPU µs (gateway)", "of which write",
           "add wall µs", "redis-server CPU µs/add", "top-1 after 30% replaced", "top-1 after 30% deleted",
           "trace ms"], rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    asyncio.run(run(args.n, args.queries))


if __name__ == "__main__":
    main()
