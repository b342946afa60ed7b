"""Time to first token and total time of streamed completions, one stream at a time.

The client reads the raw response and stops the first-token clock at the first SSE event that
carries content (`"content"` with a non-empty delta), so header-only or role-only events do not
count. aiohttp's cost is the same for every target, so differences are the gateways'.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass

import aiohttp


@dataclass
class StreamTimes:
    ttft_ms: list[float]
    total_ms: list[float]
    errors: int

    def p50(self, which: str) -> float:
        values = getattr(self, which)
        return statistics.median(values) if values else float("nan")


def _has_content(buf: bytes) -> bool:
    # The first content-bearing chat.completion.chunk: `"content":"<non-empty>"`.
    i = buf.find(b'"content":')
    while i >= 0:
        rest = buf[i + 10:].lstrip()
        if rest[:1] == b'"' and rest[1:2] not in (b'"', b""):
            return True
        i = buf.find(b'"content":', i + 10)
    return False


async def _measure(url: str, body: dict, headers: dict[str, str], n: int, warmup: int) -> StreamTimes:
    out = StreamTimes([], [], 0)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        for i in range(warmup + n):
            t0 = time.perf_counter()
            first = 0.0
            buf = b""
            try:
                async with session.post(url, json=body, headers=headers) as resp:
                    if resp.status != 200:
                        await resp.read()
                        out.errors += 1
                        continue
                    async for chunk in resp.content.iter_any():
                        if not first:
                            buf += chunk
                            if _has_content(buf):
                                first = time.perf_counter()
                    done = time.perf_counter()
            except aiohttp.ClientError:
                out.errors += 1
                continue
            if i >= warmup and first:
                out.ttft_ms.append((first - t0) * 1000)
                out.total_ms.append((done - t0) * 1000)
            elif i >= warmup:
                out.errors += 1
    return out


def measure_streams(url: str, body: dict, headers: dict[str, str], n: int, warmup: int = 2) -> StreamTimes:
    return asyncio.run(_measure(url, body, headers, n, warmup))
