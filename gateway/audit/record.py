"""One audit record per request, built from the finished `RequestContext`.

Building runs on the request path (in the audit stage's `on_response`), so it only copies
fields into a dict; content rendering and JSON encoding happen in the background writer.
The record is a plain dict so that orjson encodes it without a model layer.

With content mode `full` a record is a valid line of the traffic-log format read by
`covenant extraction replay` (`ts`, `principal`, `api`, `request`; optional `tenant`, `key_id`,
`usage`, `client`, `response_text`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from gateway.pipeline import RequestContext

# Annotations the record lifts into top-level fields (or that are perf_counter readings, which
# mean nothing outside this process) instead of copying them under `annotations`.
LIFTED_ANNOTATIONS = frozenset({"spend_usd", "_first_byte_sent"})


@dataclass(slots=True)
class PendingRecord:
    """A record waiting in the queue, with references to the content it may render.

    `request` and `output` are references into the finished context (nothing touches them after
    the pipeline's finish), so queuing costs no copy.
    """

    record: dict[str, Any]
    request: dict[str, Any] | None = None  # the parsed body (full, redacted)
    body: bytes | None = None  # the raw body (hash)
    output: list[str] | None = None  # output text pieces, when the proxy collected them


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 3)


def build_record(ctx: RequestContext, *, now: float | None = None) -> dict[str, Any]:
    """The audit fields of a finished exchange (allowed, denied or failed); content excluded."""
    now = time.perf_counter() if now is None else now
    p = ctx.principal
    if ctx.upstream_started:
        ctx.usage.settle_estimate()  # idempotent; the rate-limit stage may already have done it
    total = max(0.0, now - ctx.started)
    upstream = (ctx.upstream_done or now) - ctx.upstream_started if ctx.upstream_started else 0.0
    latency = {"total": _ms(total), "upstream": _ms(upstream), "added": _ms(max(0.0, total - upstream))}
    first_byte = ctx.annotations.get("_first_byte_sent")
    if isinstance(first_byte, float) and first_byte >= ctx.started:
        latency["ttfb"] = _ms(first_byte - ctx.started)
    spend = ctx.annotations.get("spend_usd")
    rec: dict[str, Any] = {
        "ts": round(ctx.ts, 6),
        "request_id": ctx.request_id,
        "principal": p.id if p else None,
        "tenant": p.tenant if p else None,
        "account": p.account if p else None,
        "key_id": p.key_id if p else None,
        "api": ctx.route.api,
        "route": ctx.route.path,
        "model": ctx.model or None,
        "status": ctx.status,
        "decision": ctx.decision,
        "reasons": list(ctx.reasons),
        "policy_version": ctx.policy.version if ctx.policy is not None else None,
        "usage": {"input_tokens": ctx.usage.input_tokens, "output_tokens": ctx.usage.output_tokens},
        "spend_usd": spend if isinstance(spend, (int, float)) else None,
        "latency_ms": latency,
        "stream": ctx.stream,
        "client": {"ip": ctx.client_ip, "user_agent": ctx.user_agent},
        "upstream": ctx.upstream.name if ctx.upstream is not None else None,
        "request_bytes": len(ctx.body),
    }
    if ctx.error is not None:
        rec["error"] = type(ctx.error).__name__
    if ctx.disconnected:
        rec["client_disconnected"] = True
    # Serialisability is checked by the writer (off the hot path); here only the cheap key filter.
    rec["annotations"] = {k: v for k, v in ctx.annotations.items()
                          if not k.startswith("_") and k not in LIFTED_ANNOTATIONS}
    return rec


def pending_from(ctx: RequestContext, content: str) -> PendingRecord:
    """The record plus only the content references its content mode needs."""
    rec = build_record(ctx)
    output = ctx.response_text if ctx.keep_output else None
    if content == "hash":
        return PendingRecord(rec, body=ctx.body, output=output)
    if content in ("full", "redacted"):
        return PendingRecord(rec, request=ctx.json or None, output=output)
    return PendingRecord(rec)
