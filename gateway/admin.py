"""Admin and operations HTTP API (FastAPI): health, readiness, metrics, /admin/v1/…

`/healthz`, `/readyz` and `/metrics` are open (probes and scrapers); everything under
`/admin/v1` needs `Authorization: Bearer <COVENANT_ADMIN_TOKEN>`. Without a configured admin
token the admin API answers 503: it is never open by default.
"""

from __future__ import annotations

import hmac
import time
from typing import TYPE_CHECKING, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from gateway.store.errors import StoreUnavailable

if TYPE_CHECKING:
    from gateway.service import Gateway


class PolicyFileInfo(BaseModel):
    name: str
    file: str
    line: int


class PolicyStatus(BaseModel):
    version: str
    files: list[str]
    policies: list[PolicyFileInfo]
    last_error: str | None
    last_error_at: float | None
    last_reload_at: float | None


class UpstreamStatus(BaseModel):
    name: str
    dialect: str
    base_url: str
    models: list[str]
    cooling_down_seconds: float = Field(description="Seconds left of its cool-down after a refused connection "
                                                    "(tried after the other upstreams serving a model); 0 when none.")
    refuses_stream_options: bool = Field(description="It refused `stream_options`; streams are charged an estimate.")


class ErrorDetail(BaseModel):
    detail: str | list


# Admin request bodies are refused (413) past this size, before they are read whole: the largest the routes take
# is a watermark text of 5 M characters, 30 MB when a client escapes it as \uXXXX (60 MB for emoji); without a
# bound, a 200 MB paste took 880 MB of the gateway's memory before its 422.
MAX_BODY_BYTES = 64 * 1024 * 1024

# Statuses every admin route can answer besides its own (documented so the OpenAPI is complete):
# 400 undecodable body, 401 missing/wrong token, 415 a body that is not JSON, 503 admin API disabled.
ADMIN_ERRORS: dict[int | str, dict] = {
    400: {"model": ErrorDetail, "description": "Body is not valid JSON"},
    401: {"model": ErrorDetail, "description": "Admin token missing or wrong"},
    413: {"model": ErrorDetail, "description": f"Body over {MAX_BODY_BYTES} bytes"},
    415: {"model": ErrorDetail, "description": "Body sent with a content-type other than application/json"},
    503: {"model": ErrorDetail, "description": "Admin API disabled (no admin token configured), or the store it "
                                               "reads unavailable (retry-after)"},
}


def _admin_guard(gw: Gateway):
    def check(request: Request) -> None:
        token = gw.settings.admin_token
        secret = token.get_secret_value().strip() if token is not None else ""
        if not secret:  # unset, or set to nothing: an empty token must never open the API to an empty header
            raise HTTPException(503, "admin API disabled: set COVENANT_ADMIN_TOKEN")
        auth = request.headers.get("authorization", "")
        scheme, _, value = auth.partition(" ")
        presented = value.strip()
        if scheme.lower() != "bearer" or not presented or not hmac.compare_digest(presented.encode(),
                                                                                   secret.encode()):
            raise HTTPException(401, "admin token required", headers={"WWW-Authenticate": "Bearer"})

    return check


class _BodyLimit:
    """ASGI middleware: an admin request body over ``limit`` bytes is refused with 413, by its Content-Length
    before anything is read, or (chunked) as soon as the bytes read pass it."""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/admin/v1"):
            await self.app(scope, receive, send)
            return
        too_large = f"request body over {self.limit} bytes"
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await JSONResponse({"detail": too_large}, status_code=413)(scope, receive, send)
            return
        read = 0

        async def limited() -> dict:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.limit:
                raise HTTPException(413, too_large)  # FastAPI answers it from the body's parsing
            return message

        await self.app(scope, limited, send)


_ECHO_MAX = 200  # characters of an invalid value a 422 repeats


def _short(error: dict) -> dict:
    """A validation error as FastAPI words it, without the whole invalid value: its "input" repeated a 5 MB text
    or, for a missing field, the whole body."""
    value = error.get("input")
    if isinstance(value, str) and len(value) > _ECHO_MAX:
        return {**error, "input": value[:_ECHO_MAX] + "…"}
    if isinstance(value, dict | list) and len(repr(value)) > _ECHO_MAX:
        return {k: v for k, v in error.items() if k != "input"}
    return error


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or (kind.startswith("application/") and kind.endswith("+json"))


def _invalid_body(request: Request, errors: list[dict]) -> JSONResponse | None:
    """A body FastAPI could not take as JSON, said as such: 400 for bytes that are not JSON (FastAPI's own answer
    was a 422 locating the error at a character), 415 for a body sent as something else (`curl -d` sends a form:
    the 422 said "Input should be a valid dictionary", repeating the body)."""
    broken = next((e for e in errors if e.get("type") == "json_invalid"), None)
    if broken is not None:
        where = broken["loc"][-1] if len(broken.get("loc", ())) > 1 else "?"
        reason = (broken.get("ctx") or {}).get("error", "JSON decode error")
        return JSONResponse({"detail": f"the body is not valid JSON: {reason} (at character {where})"},
                            status_code=400)
    sent = request.headers.get("content-type", "")
    if not _is_json(sent) and any(tuple(e.get("loc", ())) == ("body",) for e in errors):
        return JSONResponse({"detail": f"send the body as JSON with content-type: application/json (got "
                                       f"{sent[:100] or 'no content-type'})"}, status_code=415)
    return None


def admin_router(gw: Gateway) -> APIRouter:
    router = APIRouter(prefix="/admin/v1", dependencies=[Depends(_admin_guard(gw))], tags=["admin"],
                       responses=ADMIN_ERRORS)

    @router.get("/policy", response_model=PolicyStatus)
    async def policy_status() -> PolicyStatus:
        pm = gw.policies
        ps = pm.active
        return PolicyStatus(version=ps.version, files=list(ps.files),
                            policies=[PolicyFileInfo(name=p.name, file=p.file, line=p.line) for p in ps.policies],
                            last_error=pm.last_error, last_error_at=pm.last_error_at,
                            last_reload_at=pm.last_reload_at)

    @router.post("/policy/reload", response_model=PolicyStatus,
                 responses={422: {"model": PolicyStatus, "description": "The files on disk were rejected (last_error "
                                  "names file, line and reason); the running version stays in force."}})
    async def policy_reload():
        """Reload now. 200: the files on disk are the running version; 422: rejected, so that a script (or `curl -f`)
        that reloads after a deploy sees the failure, not only a 200 with last_error set."""
        import asyncio

        swapped = await asyncio.to_thread(gw.policies.reload)
        status = await policy_status()
        if swapped:
            return status
        return JSONResponse(status.model_dump(mode="json"), status_code=422)

    @router.get("/upstreams", response_model=list[UpstreamStatus])
    async def upstreams() -> list[UpstreamStatus]:
        """The upstreams in routing order (credentials never shown), and which are cooling down."""
        now = time.monotonic()
        return [UpstreamStatus(name=u.name, dialect=u.cfg.dialect, base_url=u.base_url, models=list(u.cfg.models),
                               cooling_down_seconds=round(max(0.0, u.down_until - now), 3),
                               refuses_stream_options=u.refuses_stream_options) for u in gw.router.upstreams]

    from gateway.admin_audit import audit_router
    from gateway.admin_extraction import extraction_router
    from gateway.admin_keys import keys_router
    from gateway.admin_watermark import watermark_router

    router.include_router(watermark_router(gw))
    router.include_router(extraction_router(gw))
    router.include_router(audit_router(gw))
    router.include_router(keys_router(gw))
    return router


def ops_router(gw: Gateway) -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.api_route("/healthz", methods=["GET", "HEAD"])  # HEAD: load balancers' and monitors' probes
    async def healthz() -> dict:
        return {"status": "ok"}

    @router.api_route("/readyz", methods=["GET", "HEAD"])
    async def readyz(require: Literal["store"] | None = None) -> JSONResponse:
        """Ready when the gateway can answer requests as its policies say: policies loaded and started.
        The store is checked and reported, but its outage does not make a replica unready unless asked
        (`?require=store`): every replica shares the store, so an outage would take all of them out of
        the load balancer at once, while the policies' `on_store_error` says how to serve meanwhile."""
        checks = {"policies": gw.ready and gw.policies.active is not None}
        try:
            if gw.store is not None:
                await gw.store.ping()
            checks["store"] = True
        except Exception:
            checks["store"] = False
        ok = checks["policies"] and (checks["store"] or require != "store")
        status = "not ready" if not ok else "ready" if all(checks.values()) else "degraded"
        return JSONResponse({"status": status, "checks": checks}, status_code=200 if ok else 503)

    @router.get("/metrics")
    async def metrics() -> Response:
        return Response(await gw.metrics.exposition_off_loop(), media_type=CONTENT_TYPE_LATEST)

    return router


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _allowed(request: Request) -> str:
    """Every method some route serves on this path (RFC 9110's Allow lists the resource's methods, and one path such
    as /admin/v1/keys is served by a GET route and a POST route). Asked of each route as a router would (`matches`),
    since included routers keep their routes to themselves."""
    routes = request.app.router.routes
    return ", ".join(m for m in _METHODS
                     if any(r.matches({**request.scope, "method": m})[0] is Match.FULL for r in routes))


def build_admin_app(gw: Gateway, *, include_admin: bool = True, include_ops: bool = True) -> FastAPI:
    app = FastAPI(title="Covenant admin API", version="1", docs_url="/admin/docs",
                  openapi_url="/admin/openapi.json", redoc_url=None)
    if include_ops:
        app.include_router(ops_router(gw))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:  # Starlette's Allow names the first matching route's methods only
            exc = StarletteHTTPException(405, exc.detail, {**(exc.headers or {}), "Allow": _allowed(request)})
        return await http_exception_handler(request, exc)

    if include_admin:
        app.include_router(admin_router(gw))
        guard = _admin_guard(gw)
        app.add_middleware(_BodyLimit, limit=MAX_BODY_BYTES)  # inside the token check: 401 comes first

        @app.exception_handler(StoreUnavailable)
        async def store_down(request: Request, exc: StoreUnavailable) -> JSONResponse:
            # keys, reviews and the like live in the store: a 503 to retry, not a 500 "Internal Server Error"
            return JSONResponse({"detail": f"the store is unavailable, retry shortly: {exc}"}, status_code=503,
                                headers={"retry-after": "1"})

        @app.exception_handler(RequestValidationError)
        async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
            errors = jsonable_encoder(exc.errors())
            return _invalid_body(request, errors) or JSONResponse({"detail": [_short(e) for e in errors]},
                                                                  status_code=422)

        @app.middleware("http")
        async def token_before_body(request: Request, call_next):
            # FastAPI decodes a route's JSON body before its dependencies run: without this, a
            # caller without the token got 422 with validation details instead of 401.
            if request.url.path.startswith("/admin/v1"):
                try:
                    guard(request)
                except HTTPException as exc:
                    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
            return await call_next(request)
    return app

