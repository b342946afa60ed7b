"""The audit stage: one record per request (allowed, denied or failed), queued for the background
writer. Runs last, so it sees every other stage's decision, reasons and annotations."""

from __future__ import annotations

from typing import Any

from gateway.audit.content import RecordEncoder
from gateway.audit.record import pending_from
from gateway.audit.sinks import FileSink, RedisStreamSink, Sink, StdoutSink
from gateway.audit.writer import AuditWriter
from gateway.config import AuditConfig
from gateway.metrics import Metrics
from gateway.pipeline import RequestContext, Stage, TransformFactory


def build_sink(config: AuditConfig, store_client_or_url: Any = None, *, keep_files: int = 10) -> Sink | None:
    """The configured sink, or None for `sink: none`."""
    if config.sink == "none":
        return None
    if config.sink == "file":
        return FileSink(config.path, rotate_bytes=config.rotate_bytes, rotate_seconds=config.rotate_seconds,
                        keep=keep_files)
    if config.sink == "stdout":
        return StdoutSink()
    if store_client_or_url is None:
        raise ValueError("audit sink `redis` needs a Redis store (set `store: redis://…`)")
    return RedisStreamSink(store_client_or_url, maxlen=config.redis_stream_maxlen)


class AuditStage(Stage):
    """Builds the audit record in `on_response` (every request, allowed or not) and queues it.

    Place it last in the pipeline so it sees every other stage's decision and annotations.
    `store_client_or_url`: the store's redis.asyncio client (or a redis:// URL) for `sink: redis`.
    `hash_key`: key of the `hash` content mode (HMAC-SHA256); None = plain SHA-256.
    """

    name = "audit"

    def __init__(self, config: AuditConfig, metrics: Metrics, store_client_or_url: Any = None, *,
                 hash_key: bytes | None = None, keep_files: int = 10, sink: Sink | None = None,
                 encoder: RecordEncoder | None = None) -> None:
        self.config = config
        self.content = config.content
        sink = sink or build_sink(config, store_client_or_url, keep_files=keep_files)
        self.writer = None if sink is None else AuditWriter(
            sink, encoder or RecordEncoder(config.content, hash_key=hash_key), metrics, queue_size=config.queue_size)
        # Output text is collected by the proxy only when asked; `none` never needs it.
        self._keep_output = self.writer is not None and self.content != "none"

    async def start(self) -> None:
        if self.writer is not None:
            await self.writer.start()

    async def close(self, deadline_s: float = 5.0) -> None:
        if self.writer is not None:
            await self.writer.close(deadline_s)

    # Not `on_request`: the pipeline runs `on_response` only for stages whose `on_request` ran, so a
    # request denied by an earlier stage would go unaudited. The proxy reads `keep_output` after
    # this hook, before it reads the upstream body.
    def on_response_start(self, ctx: RequestContext) -> TransformFactory | None:
        if self._keep_output:
            ctx.keep_output = True
        return None

    async def on_response(self, ctx: RequestContext) -> None:
        if self.writer is not None:
            self.writer.submit(pending_from(ctx, self.content))


def admin_record(stage: AuditStage, record: dict) -> bool:
    """Write an operator's action (a reviewer decision, a key change) to the audit log; `record["kind"]`
    tells it from request records."""
    from gateway.audit.record import PendingRecord

    if stage.writer is None:
        return False
    return stage.writer.submit(PendingRecord(record))
