"""Upstream HTTP clients side by side: CPU per request against the static nginx upstream.

    python -m benchmarks.client_bench [--requests 5000] [--repeats 3]

Each client sends sequential keep-alive POSTs of a small chat body and reads the ~1.9 KB JSON answer;
the table shows CPU microseconds per request of this (client) process, pinned to CPU 1 while nginx
runs on CPU 0, as medians (min-max) over interleaved repeats. This is the measurement behind the
choice of `gateway.httpclient` over aiohttp (docs/performance.md). httpx is included when installed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import orjson
import uvloop

from benchmarks.harness.nginx import Nginx
from benchmarks.harness.procs import free_port

BODY = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Summarise the notes."}]})
HEADERS = {"content-type": "application/json", "x-request-id": "bench-1", "accept-encoding": "identity",
           "authorization": "Bearer sk-bench"}
PATH = "/v1/chat/completions"


async def covenant_pool(base: str, n: int) -> float:
    from gateway.httpclient import ConnectionPool

    pool = ConnectionPool(base, max_connections=64)
    items = list(HEADERS.items())
    c0 = time.process_time()
    for _ in range(n):
        resp = await pool.request("POST", PATH, items, BODY, read_timeout=10, total_timeout=30)
        await resp.read()
    cpu = time.process_time() - c0
    await pool.close()
    return cpu


async def aiohttp_session(base: str, n: int) -> float:
    import aiohttp

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64), auto_decompress=False,
                                     skip_auto_headers=("User-Agent", "Accept-Encoding")) as s:
        c0 = time.process_time()
        for _ in range(n):
            async with s.request("POST", base + PATH, data=BODY, headers=HEADERS, allow_redirects=False) as r:
                await r.read()
        return time.process_time() - c0


async def httpx_client(base: str, n: int) -> float:
    import httpx

    async with httpx.AsyncClient(base_url=base) as c:
        c0 = time.process_time()
        for _ in range(n):
            r = await c.post(PATH, content=BODY, headers=HEADERS)
            await r.aread()
        return time.process_time() - c0


CLIENTS = {"covenant httpclient": covenant_pool, "aiohttp": aiohttp_session, "httpx": httpx_client}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    try:
        os.sched_setaffinity(0, {1})
    except (AttributeError, OSError):
        pass
    upstream = Nginx(free_port()).start()
    base = f"http://127.0.0.1:{upstream.port}"
    results: dict[str, list[float]] = {name: [] for name in CLIENTS}
    try:
        for rep in range(args.repeats):
            for name, fn in CLIENTS.items():
                try:
                    cpu = uvloop.run(fn(base, args.requests))
                except ImportError:
                    continue
                results[name].append(cpu / args.requests * 1e6)
                print(f"  [rep {rep + 1}] {name:20s} {results[name][-1]:7.1f} µs/req", flush=True)
    finally:
        upstream.stop()
    print(f"\n{args.requests} sequential keep-alive POSTs per run, {args.repeats} repeats, load {os.getloadavg()[0]:.2f}\n")
    print("| client | CPU µs per request (median, min–max) |\n|---|---|")
    for name, xs in results.items():
        if xs:
            print(f"| {name} | {statistics.median(xs):.1f} ({min(xs):.1f}–{max(xs):.1f}) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
