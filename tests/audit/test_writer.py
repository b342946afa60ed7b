"""The background writer: never blocks the request path, counts every record it cannot write."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import redis.asyncio as aioredis

from gateway.audit.content import RecordEncoder
from gateway.audit.record import PendingRecord
from gateway.audit.sinks import STREAM_KEY, FileSink, RedisStreamSink
from gateway.audit.writer import AuditWriter
from gateway.config import AuditConfig
from gateway.stages.audit import AuditStage
from tests.audit.conftest import Annotate, DenyAll, dropped, read_jsonl, written

BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "What is 2+2?"}]}


def _pending(i: int) -> PendingRecord:
    return PendingRecord({"ts": 1_700_000_000.0 + i, "i": i, "annotations": {}})


def _file_writer(path: Path, metrics, queue_size: int) -> AuditWriter:
    sink = FileSink(path, rotate_bytes=10**9, rotate_seconds=1e9)
    return AuditWriter(sink, RecordEncoder("none"), metrics, queue_size=queue_size)


async def test_full_queue_drops_are_counted_and_logged_once(tmp_path: Path, metrics, caplog):
    w = _file_writer(tmp_path / "a.jsonl", metrics, queue_size=3)
    await w.start()
    caplog.set_level(logging.WARNING, "covenant.audit")
    # No await between submits: the writer cannot drain, as under a burst faster than the sink.
    accepted = [w.submit(_pending(i)) for i in range(10)]
    assert accepted == [True] * 3 + [False] * 7
    assert dropped(metrics, "file", "queue_full") == 7
    warnings = [r for r in caplog.records if "queue full" in r.getMessage()]
    assert len(warnings) == 1  # rate-limited: one line per interval, not one per record
    await w.close()
    assert [r["i"] for r in read_jsonl(tmp_path / "a.jsonl")] == [0, 1, 2]
    assert written(metrics, "file") == 3


async def test_close_flushes_everything_queued(tmp_path: Path, metrics):
    w = _file_writer(tmp_path / "a.jsonl", metrics, queue_size=5000)
    await w.start()
    for i in range(2000):
        w.submit(_pending(i))
    await w.close(deadline_s=30)
    assert [r["i"] for r in read_jsonl(tmp_path / "a.jsonl")] == list(range(2000))
    assert written(metrics, "file") == 2000 and dropped(metrics, "file", "shutdown") == 0


async def test_sink_errors_are_counted_and_the_writer_recovers(own_redis, metrics, caplog):
    sink = RedisStreamSink(own_redis.url, maxlen=1000, timeout_s=1.0)
    w = AuditWriter(sink, RecordEncoder("none"), metrics, queue_size=100, warn_every_s=0.0)
    await w.start()
    caplog.set_level(logging.WARNING, "covenant.audit")
    w.submit(_pending(0))
    await asyncio.wait_for(w._queue.join(), 10)  # noqa: SLF001 - wait for the batch to be handled
    assert written(metrics, "redis") == 1
    own_redis.kill()
    for i in range(1, 4):
        w.submit(_pending(i))
    await asyncio.wait_for(w._queue.join(), 30)  # noqa: SLF001
    assert dropped(metrics, "redis", "sink_error") == 3
    assert any("sink failed" in r.getMessage() for r in caplog.records)
    own_redis.start()
    w.submit(_pending(4))
    await w.close(deadline_s=10)
    assert written(metrics, "redis") == 2
    client = aioredis.Redis.from_url(own_redis.url)
    assert await client.xlen(STREAM_KEY) == 1  # a fresh server: only the record written after recovery
    await client.aclose()


async def test_stage_writes_one_record_per_request_denied_or_not(tmp_path: Path, metrics, make_exchange):
    cfg = AuditConfig(sink="file", path=str(tmp_path / "audit.jsonl"), content="full")
    allowed_stage = AuditStage(cfg, metrics)
    await allowed_stage.start()
    ctx = await make_exchange(Annotate(), allowed_stage)(BODY, output="It is 4.", request_id="ok-1")
    assert ctx.keep_output is True  # asked for by the audit stage when the response started
    # A request denied before the audit stage is still audited (the audit stage has no on_request).
    await make_exchange(DenyAll(), allowed_stage)(BODY, request_id="denied-1")
    await allowed_stage.close()
    recs = read_jsonl(tmp_path / "audit.jsonl")
    assert [(r["request_id"], r["decision"], r["status"]) for r in recs] == [("ok-1", "allowed", 200),
                                                                             ("denied-1", "blocked_pii", 403)]
    assert recs[0]["response_text"] == "It is 4." and recs[0]["request"] == BODY
    assert recs[0]["annotations"]["extraction"] == {"score": 0.42, "status": "ok"}
    assert "response_text" not in recs[1]  # nothing came back from upstream


async def test_sink_none_writes_nothing(metrics, make_exchange):
    stage = AuditStage(AuditConfig(sink="none"), metrics)
    await stage.start()
    ctx = await make_exchange(stage)(BODY)
    await stage.close()
    assert stage.writer is None and ctx.keep_output is False
