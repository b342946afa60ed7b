"""Upstreams: a connection pool per upstream (`gateway.httpclient`), model-based routing, error mapping.

The client was chosen by measurement (docs/performance.md, `python -m benchmarks.client_bench`):
httpx ~5x and aiohttp ~3x the CPU per proxied request of the lean httptools-based pool. This module
is the single cut between the gateway and the network.
"""

from __future__ import annotations

import logging
import os
import re
import time
import zlib
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from fnmatch import translate

from gateway import httpclient as hc
from gateway.body_encoding import Inflater
from gateway.config import UpstreamConfig
from gateway.errors import (
    GatewayError,
    InvalidRequest,
    NotFound,
    UpstreamConnectTimeout,
    UpstreamError,
    UpstreamTimeout,
    UpstreamUnreachable,
)
from gateway.routes import Route

log = logging.getLogger("covenant.upstream")

# Never forwarded upstream: hop-by-hop headers, the caller's credentials and identity headers,
# and anything the gateway sets itself.
_DROP_REQUEST = frozenset({
    "host", "connection", "keep-alive", "proxy-authorization", "proxy-authenticate", "proxy-connection", "te",
    "trailer", "trailers", "transfer-encoding", "upgrade", "content-length", "authorization", "x-api-key", "api-key",
    "accept-encoding", "cookie", "openai-organization", "openai-project", "forwarded", "x-forwarded-for",
    "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "expect", "content-encoding",  # bodies go decoded
})
# Never returned to the caller: hop-by-hop, framing the gateway redoes, and the upstream
# account's own quota and identity (the caller sees Covenant's limits, not the gateway's key).
_DROP_RESPONSE = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade",
    "content-length", "content-encoding", "set-cookie", "server", "date", "x-request-id", "request-id",
    "openai-organization", "openai-project", "anthropic-organization-id",
})
_DROP_RESPONSE_PREFIXES = ("x-ratelimit-", "anthropic-ratelimit-", "x-covenant-", "cf-")


def _connection_options(value: str) -> frozenset[str]:
    """The header names a Connection field lists: hop-by-hop for this connection only (RFC 9110 7.6.1), so a
    proxy does not pass them on."""
    return frozenset(t for t in (part.strip().lower() for part in value.split(",")) if t)


def forward_request_headers(headers: dict[str, str]) -> dict[str, str]:
    connection = headers.get("connection")
    listed = _connection_options(connection) if connection else ()
    return {k: v for k, v in headers.items()
            if k not in _DROP_REQUEST and not k.startswith("x-covenant-") and k not in listed}


_DROP_RESPONSE_B = frozenset(h.encode() for h in _DROP_RESPONSE)
_DROP_RESPONSE_PREFIXES_B = tuple(p.encode() for p in _DROP_RESPONSE_PREFIXES)


def forward_response_headers(headers: list[tuple[bytes, bytes]]) -> tuple[list[tuple[bytes, bytes]], str, str]:
    """The headers returned to the caller, as bytes (they go straight back out; the client gives
    lower-case names), the upstream's content type, and its content encoding ("" for none or identity)."""
    out = []
    content_type = encoding = ""
    listed: frozenset[bytes] | tuple = ()
    for k, v in headers:
        if k == b"content-type":
            content_type = v.decode("latin-1")
        elif k == b"content-encoding":
            encoding = v.decode("latin-1").strip().lower()
        elif k == b"connection":
            listed = frozenset(h.encode("latin-1") for h in _connection_options(v.decode("latin-1")))
        if k in _DROP_RESPONSE_B or k.startswith(_DROP_RESPONSE_PREFIXES_B):
            continue
        out.append((k, v))
    if listed:  # rare: only when the upstream names hop-by-hop headers of its own
        out = [(k, v) for k, v in out if k not in listed]
    return out, content_type, "" if encoding == "identity" else encoding


# An upstream that compresses although asked for identity: gzip and deflate are decoded (the stages read the
# body, and the caller gets it without the content-encoding header); anything else is refused. 32 + 15: zlib
# reads a gzip or a zlib header, whichever comes.
_INFLATABLE = frozenset({"gzip", "x-gzip", "deflate"})
_AUTO_HEADER = 32 + zlib.MAX_WBITS


_TIMEOUTS = (hc.ReadTimeout, hc.TotalTimeout)


@dataclass
class UpstreamResponse:
    status: int
    headers: list[tuple[bytes, bytes]]  # as forwarded to the caller (lower-case names)
    content_type: str
    _resp: hc.Response
    encoding: str = ""  # gzip or deflate when the upstream compressed the body anyway: decoded here

    async def read(self) -> bytes:
        try:
            body = await self._resp.read()
        except _TIMEOUTS as exc:
            raise UpstreamTimeout("the upstream did not finish in time") from exc
        except hc.ClientError as exc:
            raise UpstreamError(f"the upstream connection failed while reading: {exc}") from exc
        if not self.encoding:
            return body
        inflate = Inflater(_AUTO_HEADER)
        try:
            return inflate.decompress(body) + inflate.flush()
        except zlib.error as exc:
            raise self._undecodable(exc) from None

    async def chunks(self) -> AsyncIterator[bytes]:
        inflate = Inflater(_AUTO_HEADER) if self.encoding else None
        try:
            async for chunk in self._resp.iter_chunks():
                if inflate is None:
                    yield chunk
                elif out := inflate.decompress(chunk):
                    yield out
            if inflate is not None and (rest := inflate.flush()):
                yield rest
        except zlib.error as exc:
            raise self._undecodable(exc) from None
        except _TIMEOUTS as exc:
            raise UpstreamTimeout("the upstream stream stalled past the timeout") from exc
        except hc.ClientError as exc:
            raise UpstreamError(f"the upstream stream broke: {exc}") from exc

    def _undecodable(self, exc: zlib.error) -> UpstreamError:
        return UpstreamError(f"the upstream's {self.encoding} body does not decode ({exc})", code="upstream_encoding")

    def abort(self) -> None:
        """Cancel the upstream request (client went away): close its connection."""
        self._resp.abort()


class _Read:
    """A response whose body was already read (to look inside an error): the same interface, from memory."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    async def read(self) -> bytes:
        return self.body

    async def iter_chunks(self) -> AsyncIterator[bytes]:
        yield self.body

    def abort(self) -> None:
        pass


class Upstream:
    def __init__(self, cfg: UpstreamConfig, base_url: str | None = None) -> None:
        self.cfg = cfg
        self.name = cfg.name
        self.base_url = (base_url or cfg.base_url or "").rstrip("/")
        self._models = re.compile("|".join(f"(?:{translate(g)})" for g in cfg.models) or "(?!)")
        self._pool: hc.ConnectionPool | None = None
        self._credential: str | None = os.environ.get(cfg.api_key_env) if cfg.api_key_env else None
        if self._credential and any(c in self._credential for c in "\r\n\0"):
            raise ValueError(f"upstream {cfg.name}: the credential in {cfg.api_key_env} contains a line break")
        if cfg.api_key_env and not self._credential:
            log.warning("upstream %s: environment variable %s is not set; sending no credential",
                        cfg.name, cfg.api_key_env)
        # Set when the upstream refused the stream_options the gateway added (stream_usage): it is not
        # asked again by this process.
        self.refuses_stream_options = False
        self.down_until = 0.0  # monotonic time until which this upstream is tried after the others

    def asks_stream_usage(self) -> bool:
        """Does this upstream take `stream_options.include_usage` (stream_usage)?"""
        return self.cfg.stream_usage and self.cfg.dialect != "anthropic" and not self.refuses_stream_options

    def serves(self, model: str, route: Route) -> bool:
        return self._models.match(model) is not None

    def speaks(self, route: Route) -> bool:
        return self.cfg.dialect in ("any", route.dialect)

    async def start(self) -> None:
        self._pool = hc.ConnectionPool(self.base_url, max_connections=self.cfg.max_connections,
                                       connect_timeout=self.cfg.timeouts.connect, keepalive_timeout=30)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()

    def _credential_headers(self, route: Route) -> dict[str, str]:
        if not self._credential:
            return {}
        if route.dialect == "anthropic":
            return {"x-api-key": self._credential}
        return {"authorization": f"Bearer {self._credential}"}

    async def send(self, route: Route, headers: dict[str, str], body: bytes, request_id: str,
                   query: str = "", *, without_stream_options: bytes | None = None) -> UpstreamResponse:
        """`without_stream_options`: the body as it was before the gateway asked for the stream's usage
        (stream_usage); sent instead, once, if the upstream refuses the field with a 400."""
        resp = await self._send(route, headers, body, request_id, query)
        if without_stream_options is None or resp.status != 400:
            return resp
        answer = await resp.read()
        if b"stream_options" not in answer:
            return UpstreamResponse(resp.status, resp.headers, resp.content_type, _Read(answer))
        bare = await self._send(route, headers, without_stream_options, request_id, query)
        if bare.status == 400:
            answer = await bare.read()
            bare = UpstreamResponse(bare.status, bare.headers, bare.content_type, _Read(answer))
            if b"stream_options" in answer:
                # The caller's own stream_options are refused as well (a bad value of theirs): the upstream takes
                # the field, and the caller gets its answer. Only a refusal of what the gateway added stops it.
                return bare
        if not self.refuses_stream_options:
            self.refuses_stream_options = True
            log.warning("upstream %s refused stream_options, which the gateway adds to count the usage of streams: "
                        "not added again by this process (streams are charged an estimate); set stream_usage: "
                        "false on this upstream to stop trying", self.name)
        return bare

    async def _send(self, route: Route, headers: dict[str, str], body: bytes, request_id: str,
                    query: str) -> UpstreamResponse:
        assert self._pool is not None, "upstream not started"
        out = forward_request_headers(headers)
        out.update(self._credential_headers(route))
        out["x-request-id"] = request_id
        out["accept-encoding"] = "identity"  # stages read and rewrite bodies
        t = self.cfg.timeouts
        try:
            # first_byte bounds the wait for the response head and every later gap between chunks.
            path = route.target or route.path
            resp = await self._pool.request(route.method, f"{path}?{query}" if query else path, list(out.items()),
                                            body if route.has_body else None,
                                            read_timeout=t.first_byte, total_timeout=t.total)
        except hc.PoolTimeout as exc:
            raise UpstreamConnectTimeout(f"upstream {self.name} had no free connection within {t.connect:g}s (all "
                                         f"{self.cfg.max_connections} busy)") from exc
        except hc.ConnectTimeout as exc:
            raise UpstreamConnectTimeout(f"upstream {self.name} did not accept a connection within {t.connect:g}s") from exc
        except hc.ConnectError as exc:
            raise UpstreamUnreachable(f"upstream {self.name} is unreachable ({exc})") from exc
        except _TIMEOUTS as exc:
            raise UpstreamTimeout(f"upstream {self.name} did not answer within {t.first_byte:g}s") from exc
        except hc.ClientError as exc:
            raise UpstreamError(f"upstream {self.name} failed: {exc}") from exc
        fwd, content_type, encoding = forward_response_headers(resp.headers)
        if encoding and encoding not in _INFLATABLE:
            resp.abort()
            raise UpstreamError(f"upstream {self.name} sent its answer with content-encoding {encoding!r} although "
                                "asked for identity; the gateway reads gzip and deflate only", code="upstream_encoding")
        return UpstreamResponse(resp.status, fwd, content_type, resp, encoding)


# Answers after which the next upstream serving the model gets the request (rate limited, failing,
# overloaded: what the official SDKs retry too).
FAILOVER_STATUSES = frozenset({429, 500, 502, 503, 504, 529})


def _ready_first(candidates: Iterable[Upstream]) -> Upstream | None:
    """The first candidate not in its cool-down; else the first one (tried anyway: it may be back)."""
    cooling, now = None, time.monotonic()
    for up in candidates:
        if up.down_until > now:
            cooling = cooling or up
            continue
        return up
    return cooling


class UpstreamRouter:
    """Routes a request to the first upstream whose model globs match and that speaks its API; one
    in its cool-down (it refused a connection) comes after the others that serve the model."""

    def __init__(self, upstreams: list[Upstream], on_failover=None) -> None:
        self.upstreams = upstreams
        self._on_failover = on_failover or (lambda upstream, reason: None)

    def pick(self, model: str, route: Route) -> Upstream:
        for up in self.upstreams:  # per request: the common case without a generator or a clock read
            if up.serves(model, route) and up.speaks(route):
                if not up.down_until:  # never refused a connection
                    return up
                break
        up = _ready_first(u for u in self.upstreams if u.serves(model, route) and u.speaks(route))
        if up is not None:
            return up
        wrong_dialect = next((u for u in self.upstreams if u.serves(model, route)), None)
        if wrong_dialect is not None:
            other = "/v1/messages" if wrong_dialect.cfg.dialect == "anthropic" else "/v1/chat/completions"
            raise InvalidRequest(f"model {model!r} is served by an {wrong_dialect.cfg.dialect} upstream; "
                                 f"call it through {other}", code="wrong_api_for_model", param="model")
        raise NotFound(f"the model {model!r} does not exist or is not routed by this gateway",
                       code="model_not_found")

    def route_for(self, model: str, route: Route) -> Upstream | None:
        """The upstream that will serve this request, or None when none does (the proxy answers that)."""
        try:
            return self.pick(model, route) if model else self.default_for(route)
        except GatewayError:
            return None

    def default_for(self, route: Route) -> Upstream:
        """For requests that name no model (the models list): the first upstream that speaks the API."""
        up = _ready_first(u for u in self.upstreams if u.speaks(route))
        if up is None:
            raise NotFound("no upstream serves this API", code="no_upstream")
        return up

    def _next(self, tried: list[Upstream], model: str, route: Route) -> Upstream | None:
        """The next upstream for this request after ``tried``."""
        return _ready_first(u for u in self.upstreams
                            if u not in tried and u.speaks(route) and (not model or u.serves(model, route)))

    @staticmethod
    def fails_over(exc: UpstreamError) -> bool:
        """Nothing was sent: another upstream may take the request."""
        return isinstance(exc, (UpstreamUnreachable, UpstreamConnectTimeout))

    async def send_elsewhere(self, failed: Upstream, failure: UpstreamError | UpstreamResponse, model: str,
                             route: Route, headers: dict[str, str], body: bytes, request_id: str, query: str = "",
                             *, without_stream_options: bytes | None = None) -> tuple[Upstream, UpstreamResponse]:
        """``failed`` could not take the request: it raised ``failure`` (`fails_over`) or answered it
        (a FAILOVER_STATUSES status). Send the request to the next upstream that serves it, and so on,
        each upstream once; returns the upstream that answered and its response. With none left, the
        last failure goes to the caller (raised, or returned as the answer)."""
        tried, up = [failed], failed
        while True:
            if isinstance(failure, UpstreamError):
                failure.upstream = up.name
                up.down_until = time.monotonic() + up.cfg.cooldown_seconds
                reason = failure.code
            else:
                reason = f"status_{failure.status}"
            nxt = self._next(tried, model, route)
            if nxt is None:
                if isinstance(failure, UpstreamError):
                    raise failure
                return up, failure
            if not isinstance(failure, UpstreamError):
                failure.abort()
            log.warning("request %s: upstream %s failed (%s); sending it to %s", request_id, up.name, reason, nxt.name)
            self._on_failover(up.name, reason)
            up = nxt
            tried.append(up)
            try:
                resp = await up.send(route, headers, body, request_id, query,
                                     without_stream_options=without_stream_options)
            except UpstreamError as exc:
                exc.upstream = up.name
                if not self.fails_over(exc):
                    raise  # it may have started on the request: not sent again
                failure = exc
                continue
            if resp.status not in FAILOVER_STATUSES:
                return up, resp
            failure = resp
