"""Sinks: JSONL files rotated by size and age, a capped Redis Stream, stdout."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import redis.asyncio as aioredis

from gateway.audit.sinks import STREAM_FIELD, STREAM_KEY, FileSink, RedisStreamSink, StdoutSink, rotated_files
from tests.audit.conftest import read_jsonl


def _lines(start: int, n: int, pad: int = 0) -> list[bytes]:
    return [orjson.dumps({"ts": 1_700_000_000.0 + i, "i": i, "pad": "x" * pad}) + b"\n" for i in range(start, start + n)]


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


async def test_file_rotates_by_size_and_keeps_n(tmp_path: Path):
    path = tmp_path / "audit.jsonl"
    sink = FileSink(path, rotate_bytes=1000, rotate_seconds=1e9, keep=2)
    await sink.start()
    for b in range(10):
        await sink.write(_lines(b * 5, 5, pad=40))  # each batch ~330 bytes: 3 batches per file at most
    await sink.close()
    rotated = rotated_files(path)
    assert len(rotated) == 2  # older ones pruned
    for f in [*rotated, path]:
        assert 0 < f.stat().st_size <= 1000
    # what survives is the newest records, contiguous and in order, with no split lines
    kept = [r["i"] for f in [*rotated, path] for r in read_jsonl(f)]
    assert kept == list(range(50 - len(kept), 50))


async def test_file_rotates_by_age_from_the_first_record(tmp_path: Path):
    path = tmp_path / "audit.jsonl"
    clock = Clock(1_700_000_000.0)
    sink = FileSink(path, rotate_bytes=10**9, rotate_seconds=3600, keep=10, clock=clock)
    await sink.start()
    await sink.write(_lines(0, 3))
    clock.t += 3599
    await sink.write(_lines(3, 3))
    assert rotated_files(path) == []
    clock.t += 1
    await sink.write(_lines(6, 3))
    await sink.close()
    (old,) = rotated_files(path)
    assert [r["i"] for r in read_jsonl(old)] == [0, 1, 2, 3, 4, 5]
    assert [r["i"] for r in read_jsonl(path)] == [6, 7, 8]
    assert old.name == "audit.jsonl.20231114T231320000000Z"  # rotation time, UTC


async def test_file_age_survives_a_restart(tmp_path: Path):
    path = tmp_path / "audit.jsonl"
    path.write_bytes(_lines(0, 1)[0])  # first record at ts 1_700_000_000
    clock = Clock(1_700_000_000.0 + 7200)
    sink = FileSink(path, rotate_bytes=10**9, rotate_seconds=3600, clock=clock)
    await sink.start()
    await sink.write(_lines(1, 1))
    await sink.close()
    assert len(rotated_files(path)) == 1 and [r["i"] for r in read_jsonl(path)] == [1]


async def test_redis_stream_is_capped(redis_url: str):
    sink = RedisStreamSink(redis_url, maxlen=100)
    await sink.start()
    for b in range(20):
        await sink.write(_lines(b * 50, 50))
    await sink.close()
    client = aioredis.Redis.from_url(redis_url)
    try:
        length = await client.xlen(STREAM_KEY)
        # MAXLEN ~ trims whole stream nodes (100 entries each by default): at least the cap, never far above
        assert 100 <= length <= 200
        newest = await client.xrevrange(STREAM_KEY, count=1)
        assert orjson.loads(newest[0][1][STREAM_FIELD.encode()])["i"] == 999
    finally:
        await client.aclose()


async def test_redis_stream_accepts_the_stores_client(redis_url: str):
    client = aioredis.Redis.from_url(redis_url)
    sink = RedisStreamSink(client, maxlen=1000)
    await sink.write(_lines(0, 3))
    await sink.close()  # the store's client is not the sink's to close
    assert await client.xlen(STREAM_KEY) == 3
    await client.aclose()


async def test_stdout_sink_writes_lines():
    out = io.BytesIO()
    sink = StdoutSink(out)
    await sink.write(_lines(0, 2))
    assert [orjson.loads(x)["i"] for x in out.getvalue().splitlines()] == [0, 1]
