"""The proxy core: read the request, run the pipeline, forward upstream, stream back.

Raw ASGI on the hot path (no framework routing or request objects): this handler is the
whole per-request overhead of the gateway besides the stages. It knows nothing of what the
stages do: it renders a `Deny`, applies output transforms, and calls `finish` in a `finally`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from typing import Any

import orjson

from gateway.body_encoding import decode_body
from gateway.config import Limits
from gateway.dialects import responses as resp_mod
from gateway.dialects.generated import answer_chars
from gateway.dialects.response_ids import seal_response_object
from gateway.dialects.sse import SSEProcessor
from gateway.errors import (
    BodyTooLarge,
    GatewayError,
    InvalidRequest,
    ServiceUnavailable,
    UpstreamError,
    render_error,
)
from gateway.pipeline import Deny, Pipeline, RequestContext, Resume, StageFailed, compose
from gateway.routes import Route
from gateway.upstream import FAILOVER_STATUSES, UpstreamResponse, UpstreamRouter

log = logging.getLogger("covenant.proxy")

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_JSON = (b"content-type", b"application/json")
# A client that leaves in the first 50 ms costs the upstream at most 50 ms of work; watching
# from the start would cost every short exchange (embeddings, cached or 1-token answers) a task.
_WATCH_AFTER_S = 0.05
_SINGLE = frozenset(("authorization", "x-api-key", "content-length", "host"))  # never merged: ambiguous


def _headers(scope: dict, max_bytes: int) -> dict[str, str]:
    out: dict[str, str] = {}
    size = 0
    duplicate = ""
    for k, v in scope["headers"]:
        size += len(k) + len(v)
        key = k.decode("latin-1").lower()
        value = v.decode("latin-1")
        if key in out:
            if key in _SINGLE and not duplicate:
                duplicate = key
            out[key] = out[key] + ", " + value
        else:
            out[key] = value
    # httptools (unlike h11) has no header size limit of its own: enforce ours here (before any
    # other complaint about the headers, as h11 would).
    if size > max_bytes:
        raise GatewayError(f"request headers exceed {max_bytes} bytes", status=431,
                           code="request_header_fields_too_large")
    if duplicate:
        raise InvalidRequest(f"duplicate {duplicate} header", code="duplicate_header")
    return out


class Proxy:
    def __init__(self, pipeline: Pipeline, router: UpstreamRouter, limits: Limits, on_upstream_error=None,
                 in_flight_gauge=None, speculate: bool = True) -> None:
        self.pipeline = pipeline
        self.speculate = speculate  # let a pre-check that is very likely to pass answer during the upstream call
        self.router = router
        self.limits = limits
        self._on_upstream_error = on_upstream_error or (lambda upstream, kind: None)
        self._gauge = in_flight_gauge  # covenant_in_flight_requests (inc/dec: correct across workers too)
        self.in_flight = 0
        self.idle = asyncio.Event()
        self.idle.set()
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- entry --------------------------------------------------------------------------------
    async def handle(self, scope: dict, receive, send, route: Route) -> None:
        self.in_flight += 1
        if self._gauge is not None:
            self._gauge.inc()
        self.idle.clear()
        ctx = None
        try:
            try:
                headers = _headers(scope, self.limits.max_header_bytes)
            except GatewayError as exc:
                await self._send_error(send, route.dialect, exc, os.urandom(16).hex(), [])
                return
            rid = headers.get("x-request-id", "")
            if not _SAFE_REQUEST_ID.match(rid):
                rid = os.urandom(16).hex()
            client = scope.get("client") or ("", 0)
            ctx = RequestContext(rid, route, client[0] or "", headers.get("user-agent", ""), headers)
            query = scope.get("query_string")
            if query:  # forwarded as sent (the Anthropic SDK's beta calls add ?beta=true, Anthropic's list pages)
                ctx.query = query.decode("latin-1")
            await self._serve(ctx, receive, send)
        finally:
            if ctx is not None:
                try:
                    await self.pipeline.finish(ctx)
                except Exception:  # finish already logs per stage; never let accounting kill the server
                    log.exception("finishing request %s failed", ctx.request_id)
            self.in_flight -= 1
            if self._gauge is not None:
                self._gauge.dec()
            if self.in_flight == 0:
                self.idle.set()

    async def _serve(self, ctx: RequestContext, receive, send) -> None:
        try:
            deny = await self.pipeline.run_before_body(ctx)  # the key: no body is read for a stranger
            if deny is not None:
                await self._send_deny(ctx, send, deny)
                return
            if ctx.route.has_body:
                reading = self._read_body(receive, ctx.headers)
                try:
                    # Usually the body came with the headers and is read without waiting; only a
                    # body still in flight needs the timer (~5 µs a request when always set).
                    waiting_on = reading.send(None)
                except StopIteration as done:
                    ctx.body = done.value
                else:
                    try:
                        async with asyncio.timeout(self.limits.body_timeout_seconds):
                            ctx.body = await Resume(reading, waiting_on)
                    except TimeoutError:
                        raise InvalidRequest(f"the request body was not received within "
                                             f"{self.limits.body_timeout_seconds:g}s", code="body_timeout",
                                             status=408) from None
            deny = await self.pipeline.run_request(ctx, speculate=self.speculate)
            if deny is not None:
                await self._send_deny(ctx, send, deny)
                return
            up = ctx.upstream = ctx.upstream or (self.router.pick(ctx.model, ctx.route) if ctx.model
                                                 else self.router.default_for(ctx.route))
            ctx.upstream_started = time.perf_counter()
            # From here on a client that leaves cancels the upstream work (and frees its slots). The
            # watcher is a task of its own, which costs 5-30 µs of CPU per request (its start, uvicorn's
            # receive, the wake-up): it starts only once the exchange has lasted _WATCH_AFTER_S, so
            # short exchanges never pay for it and a disconnect is seen at most that much later.
            watcher: list[asyncio.Task] = []
            loop = self._loop
            if loop is None or loop.is_closed():  # looked up once: on 3.11 each lookup is a getpid() syscall
                loop = self._loop = asyncio.get_running_loop()
            task = asyncio.current_task(loop)
            timer = loop.call_later(
                _WATCH_AFTER_S, lambda: watcher.append(loop.create_task(self._watch_disconnect(ctx, receive, task))))
            try:
                bare = ctx.annotations.get("_without_stream_options")
                try:
                    try:
                        upstream_resp = await up.send(ctx.route, ctx.headers, ctx.body, ctx.request_id, ctx.query,
                                                      without_stream_options=bare)
                        failure: Any = upstream_resp if upstream_resp.status in FAILOVER_STATUSES else None
                    except UpstreamError as exc:
                        if not self.router.fails_over(exc):
                            raise
                        failure = exc
                    if failure is not None:  # another upstream serving the model may take it
                        ctx.upstream, upstream_resp = await self.router.send_elsewhere(
                            up, failure, ctx.model, ctx.route, ctx.headers, ctx.body, ctx.request_id, ctx.query,
                            without_stream_options=bare)
                except UpstreamError as exc:
                    if ctx.pending and (deny := await self.pipeline.confirm(ctx)) is not None:
                        await self._deny_after_upstream(ctx, send, deny, None)
                        return
                    self._on_upstream_error(exc.upstream or up.name, exc.code)
                    raise
                ctx.annotations["_upstream_response"] = upstream_resp
                ctx.upstream_first_byte = time.perf_counter()
                if ctx.pending and (deny := await self.pipeline.confirm(ctx)) is not None:
                    await self._deny_after_upstream(ctx, send, deny, upstream_resp)
                    return
                try:
                    await self._respond(ctx, upstream_resp, receive, send)
                except UpstreamError as exc:  # reading the answer failed (a stream counts its own failures)
                    self._on_upstream_error(ctx.upstream.name, exc.code)
                    raise
            finally:
                timer.cancel()
                if watcher:
                    watcher[0].cancel()
                resp = ctx.annotations.get("_upstream_response")
                if resp is not None:  # however the exchange ended (an error no handler expected included),
                    resp.abort()      # its upstream connection and pool slot are not held to the total timeout
        except asyncio.CancelledError:
            asyncio.current_task().uncancel()
            resp = ctx.annotations.get("_upstream_response")
            if resp is not None:
                resp.abort()
            ctx.upstream_done = ctx.upstream_done or time.perf_counter()
            if ctx.disconnected:  # our own cancellation: the client left
                ctx.decision = "client_disconnected"
                ctx.status = ctx.status or 499  # nginx's "client closed request"; nothing is sent
                return
            # The server's: the drain time ran out at shutdown (uvicorn cancels what is still running). The caller
            # gets an answer in its dialect, not a cut connection (and the log no ASGI traceback).
            await self._shut_down(ctx, send)
        except GatewayError as exc:
            ctx.error = exc
            if ctx.response_started:  # headers already sent: the stream is cut, the error is logged
                log.warning("request %s failed mid-response: %s", ctx.request_id, exc.message)
                return
            if exc.code == "client_disconnected":  # left while sending its body: nobody to answer
                ctx.decision, ctx.status = "client_disconnected", 499  # as a client leaving later is counted
                return
            ctx.status = exc.status
            if ctx.decision == "allowed":
                ctx.decision = exc.decision
            await self._send_error(send, ctx.dialect, exc, ctx.request_id, ctx.response_headers)
        except StageFailed as exc:
            resp = ctx.annotations.get("_upstream_response")
            if resp is not None and not ctx.response_started:
                resp.abort()  # a speculated pre-check failed (closed) after the upstream call started
            ctx.error = exc
            ctx.status = 500
            ctx.decision = "stage_error"
            await self._send_error(send, ctx.dialect, GatewayError(f"internal error in the {exc.stage} stage"),
                                   ctx.request_id, [])

    # -- request --------------------------------------------------------------------------------
    async def _read_body(self, receive, headers: dict[str, str]) -> bytes:
        limit = self.limits.max_body_bytes
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise BodyTooLarge(f"request body of {declared} bytes exceeds the limit of {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise InvalidRequest("client disconnected while sending the body", code="client_disconnected")
            chunk = message.get("body", b"")
            if chunk:
                size += len(chunk)
                if size > limit:
                    raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes")
                chunks.append(chunk)
            if not message.get("more_body", False):
                body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
                encoding = headers.get("content-encoding")
                return body if encoding is None else decode_body(body, encoding, limit)

    # -- response -------------------------------------------------------------------------------
    async def _respond(self, ctx: RequestContext, up: UpstreamResponse, receive, send) -> None:
        headers = up.headers.copy()
        headers.extend(_id_headers(ctx.dialect, ctx.request_id))
        headers.extend((k.encode("latin-1"), v.encode("latin-1")) for k, v in ctx.response_headers)
        if up.status >= 400:  # upstream errors pass through with the upstream's body
            body = await up.read()
            ctx.upstream_done = time.perf_counter()
            ctx.decision = "upstream_error"
            if up.status in FAILOVER_STATUSES or up.status >= 500:  # the upstream's failure, not the caller's 4xx
                self._on_upstream_error(ctx.upstream.name, f"status_{up.status}")  # the kind failovers count
            ctx.status, ctx.response_started = up.status, True
            headers.append((b"content-length", b"%d" % len(body)))
            await send({"type": "http.response.start", "status": up.status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        factory = compose(self.pipeline.output_transforms(ctx)) if ctx.route.generates else None
        if "text/event-stream" in up.content_type:
            await self._stream(ctx, up, headers, factory, receive, send)
            return
        body = await up.read()
        ctx.upstream_done = time.perf_counter()
        if ctx.route.has_body and body[:1] == b"{":
            try:
                obj = orjson.loads(body)
            except orjson.JSONDecodeError:
                raise UpstreamError("the upstream sent malformed JSON", code="upstream_malformed_json") from None
            resp_mod.read_usage(ctx.route.api, obj, ctx.usage)
            if not ctx.usage.reported and ctx.route.generates:
                # no usage block: count the answer's text and tool calls, as a stream without one is counted
                ctx.usage.output_chars += (len(resp_mod.output_text(ctx.route.api, obj))
                                           + answer_chars(ctx.route.api, obj))
            rewritten = False
            if factory is not None:
                if resp_mod.apply_transform(ctx.route.api, obj, factory):
                    ctx.annotations["token_data_withheld"] = True  # audit: token data asked for, not given
                rewritten = True
            if ctx.seal_id is not None:
                rewritten = seal_response_object(obj, ctx.seal_id) or rewritten
            if rewritten:
                body = orjson.dumps(obj)
            if ctx.keep_output:
                ctx.response_text.append(resp_mod.output_text(ctx.route.api, obj))
        ctx.status, ctx.response_started = up.status, True
        # The whole body is known: a length, not chunked framing (uvicorn's default without one).
        headers.append((b"content-length", b"%d" % len(body)))
        await send({"type": "http.response.start", "status": up.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _stream(self, ctx: RequestContext, up: UpstreamResponse, headers: list, factory, receive, send) -> None:
        sse = SSEProcessor(ctx.route.api, ctx.usage, factory, ctx.keep_output, ctx.seal_id, ctx.drop_usage_chunk)
        ctx.annotations["_sse"] = sse  # a shutdown that cancels the stream releases what it holds (_shut_down)
        deadline = time.monotonic() + self.limits.max_stream_seconds
        try:
            ctx.status, ctx.response_started = up.status, True
            await send({"type": "http.response.start", "status": up.status, "headers": headers})
            # The limit holds even when the upstream goes silent (no chunk to check the clock on) or
            # the client stops reading (send blocks): the timeout cancels whichever await is pending.
            try:
                async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                    async for chunk in up.chunks():
                        if ctx.disconnected:
                            break
                        out = sse.feed(chunk)
                        if out:
                            if "_first_byte_sent" not in ctx.annotations:
                                ctx.annotations["_first_byte_sent"] = time.perf_counter()
                            await send({"type": "http.response.body", "body": out, "more_body": True})
            except TimeoutError:
                raise UpstreamError("the stream exceeded the maximum duration", code="stream_too_long") from None
            tail = sse.close()  # a last event cut short raises: what the transforms held is sent by cut()
            if tail and not ctx.disconnected:
                await send({"type": "http.response.body", "body": tail, "more_body": True})
        except UpstreamError as exc:
            ctx.error = exc
            if not ctx.disconnected:  # the status (200) is sent: the decision and the errors say it broke
                ctx.decision = "upstream_error"
                self._on_upstream_error(ctx.upstream.name, exc.code)
                # What came before the failure first (text the transforms held, events before a broken one):
                # the SDKs stop reading at the error event.
                await send({"type": "http.response.body", "body": sse.cut() + _stream_error(ctx, exc),
                            "more_body": True})
            up.abort()
        finally:
            ctx.upstream_done = time.perf_counter()
            try:
                sse.count_skipped()  # a stream cut short (by the upstream, by the client) never reached close()
            except UpstreamError:  # a skipped event that does not parse: the stream has ended; the rest is counted
                pass
            ctx.usage.settle_estimate()
            if ctx.keep_output:
                ctx.response_text.append(sse.output_text())
            if sse.withheld:
                ctx.annotations["token_data_withheld"] = True
            if ctx.disconnected:
                ctx.decision = "client_disconnected"
        if not ctx.disconnected:
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    async def _watch_disconnect(self, ctx: RequestContext, receive, task: asyncio.Task) -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                ctx.disconnected = True
                resp = ctx.annotations.get("_upstream_response")
                if ctx.stream and ctx.response_started and resp is not None:
                    resp.abort()  # the stream loop ends; what was streamed so far is still accounted
                else:
                    task.cancel()  # waiting on the upstream or sending a whole body: stop now
                return

    async def _deny_after_upstream(self, ctx: RequestContext, send, deny: Deny, up: UpstreamResponse | None) -> None:
        """A speculated pre-check denied once the upstream call was under way: abort it, answer as if the
        request had been denied before (nothing of the upstream's reaches the client or the accounting)."""
        if up is not None:
            up.abort()
        ctx.annotations.pop("_upstream_response", None)
        ctx.upstream_started = ctx.upstream_first_byte = 0.0
        ctx.reasons.append("speculation_aborted_upstream")
        await self._send_deny(ctx, send, deny)

    # -- errors ---------------------------------------------------------------------------------
    async def _shut_down(self, ctx: RequestContext, send) -> None:
        exc = ServiceUnavailable("the gateway is shutting down and its drain time ran out; retry the request",
                                 code="shutting_down", headers=[("retry-after", "1")])
        ctx.error, ctx.decision = exc, "shutting_down"
        try:
            if not ctx.response_started:
                ctx.status = exc.status
                await self._send_error(send, ctx.dialect, exc, ctx.request_id, ctx.response_headers)
            else:  # a stream: what the transforms held, an error event, then its end (the SDKs raise on the event)
                sse = ctx.annotations.get("_sse")
                held = sse.cut() if sse is not None else b""
                await send({"type": "http.response.body", "body": held + _stream_error(ctx, exc), "more_body": True})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        except OSError:  # the connection is gone too: nothing to tell
            pass

    async def _send_deny(self, ctx: RequestContext, send, deny: Deny) -> None:
        ctx.status = deny.status
        ctx.decision = deny.decision
        ctx.reasons.extend(deny.reasons or [deny.code])
        body = render_error(ctx.dialect, deny.status, deny.code, deny.message, request_id=ctx.request_id)
        await self._send(send, deny.status, body, ctx.dialect, ctx.request_id, [*ctx.response_headers, *deny.headers])

    async def _send_error(self, send, dialect: str, exc: GatewayError, rid: str, extra: list) -> None:
        await self._send(send, exc.status, exc.body(dialect, rid), dialect, rid, [*extra, *exc.headers])

    @staticmethod
    async def _send(send, status: int, body: bytes, dialect: str, rid: str, extra: list[tuple[str, str]]) -> None:
        headers: list[Any] = [_JSON, *_id_headers(dialect, rid)]
        headers.extend((k.encode("latin-1"), v.encode("latin-1")) for k, v in extra)
        headers.append((b"content-length", b"%d" % len(body)))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _id_headers(dialect: str, rid: str) -> list[tuple[bytes, bytes]]:
    """The request id under the name the caller's SDK reads (`_request_id`, `APIStatusError.request_id`):
    `x-request-id` (OpenAI), `request-id` (Anthropic, which gets both), to find the audit record by."""
    value = rid.encode()
    return [(b"x-request-id", value), (b"request-id", value)] if dialect == "anthropic" else [(b"x-request-id", value)]


def _stream_error(ctx: RequestContext, exc: GatewayError) -> bytes:
    """An error event in the caller's dialect, so the SDK raises instead of ending quietly."""
    body = exc.body(ctx.dialect, ctx.request_id)
    if ctx.dialect == "anthropic":
        return b"event: error\ndata: " + body + b"\n\n"
    return b"data: " + body + b"\n\n"
