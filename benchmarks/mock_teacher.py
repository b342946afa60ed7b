"""Mock teacher costs: reply generation per call, and the server's throughput as an upstream.

Run: `python -m benchmarks.mock_teacher [--seconds 5] [--concurrency 32]`. The server runs in its
own process (as it does when it is the upstream of a gateway benchmark); the load comes from an
aiohttp client in this process.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import time

import aiohttp

from gateway.mock_teacher.prose import ProseGenerator, reply_key
from gateway.mock_teacher.replies import ReplyEngine
from gateway.mock_teacher.requests_in import ReplyRequest, ToolSpec
from gateway.mock_teacher.settings import MockSettings
from tests.support.ports import free_port, wait_listening


def _per_call_us(fn, calls: int) -> tuple[float, float]:
    samples = []
    for i in range(calls):
        start = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - start) * 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def generation_rows(calls: int) -> list[tuple[str, float, float]]:
    cold = ProseGenerator(cache_size=0)
    warm = ProseGenerator(cache_size=16)
    engine = ReplyEngine(MockSettings(reply_cache_size=0))
    tool = ToolSpec("lookup", {"type": "object", "properties": {"query": {"type": "string"},
                                                                "limit": {"type": "integer"}}, "required": ["query"]})
    rows = [
        ("prose 300 tokens, uncached", *_per_call_us(lambda i: cold.reply(reply_key("p", i), 300), calls)),
        ("prose 300 tokens, cached", *_per_call_us(lambda i: warm.reply(reply_key("p", i % 4), 300), calls)),
        ("prose 1000 tokens, uncached", *_per_call_us(lambda i: cold.reply(reply_key("q", i), 1000), calls)),
        ("engine chat reply (prompt topics, 256 tok)", *_per_call_us(
            lambda i: engine.reply(ReplyRequest(f"Explain caching strategies {i}", 1, "m", None)), calls)),
        ("engine JSON-mode reply", *_per_call_us(
            lambda i: engine.reply(ReplyRequest(f"json {i}", 1, "m", None, json_mode=True)), calls)),
        ("engine tool call", *_per_call_us(
            lambda i: engine.reply(ReplyRequest(f"tool {i}", 1, "m", None, tools=(tool,))), calls)),
    ]
    return rows


async def _load(url: str, body: dict, seconds: float, concurrency: int, stream: bool) -> tuple[int, list[float], int]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                async with session.post(url, json=body) as response:
                    payload = await response.read()
                    if response.status != 200 or (stream and not payload.endswith(b"data: [DONE]\n\n")):
                        errors += 1
                latencies.append(time.perf_counter() - start)
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return len(latencies), latencies, errors


def server_rows(seconds: float, concurrency: int) -> list[tuple[str, float, float, float, int]]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gateway.mock_teacher", "--port", str(port)],
                            stdout=subprocess.DEVNULL)
    rows = []
    try:
        wait_listening(port, proc=proc)
        url = f"http://127.0.0.1:{port}/v1/chat/completions"
        messages = [{"role": "user", "content": "Explain how a token bucket limits request rates."}]
        cases = [
            ("chat, 256 tokens, JSON", {"model": "m", "messages": messages}, False),
            ("chat, 256 tokens, SSE", {"model": "m", "messages": messages, "stream": True}, True),
            ("chat, 32 tokens, JSON", {"model": "m", "messages": messages, "max_tokens": 32}, False),
        ]
        for name, body, stream in cases:
            asyncio.run(_load(url, body, min(1.0, seconds), concurrency, stream))  # warm-up
            count, latencies, errors = asyncio.run(_load(url, body, seconds, concurrency, stream))
            latencies.sort()
            rows.append((name, count / seconds, statistics.median(latencies) * 1e3,
                         latencies[int(len(latencies) * 0.99) - 1] * 1e3, errors))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    print(f"{'reply generation':<45} {'p50 µs':>9} {'p99 µs':>9}")
    for name, p50, p99 in generation_rows(args.calls):
        print(f"{name:<45} {p50:>9.1f} {p99:>9.1f}")
    print()
    print(f"{'server (c=' + str(args.concurrency) + ', one process)':<45} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}")
    for name, rps, p50, p99, errors in server_rows(args.seconds, args.concurrency):
        print(f"{name:<45} {rps:>9.0f} {p50:>9.2f} {p99:>9.2f} {errors:>7}")


if __name__ == "__main__":
    main()
