"""The ASGI application: proxy routes on a raw ASGI fast path, everything else on FastAPI."""

from __future__ import annotations

import asyncio
import logging

from gateway import heap
from gateway.admin import build_admin_app
from gateway.errors import NotFound, render_error
from gateway.routes import PATHS, ROUTE_TABLE, guess_dialect, is_models_path, models_route
from gateway.service import Gateway

log = logging.getLogger("covenant.app")


# Upstream routes over stored objects (stored responses and completions, conversations, files, batches):
# not proxied, with a reason (docs/security.md).
_STORED_OBJECTS = ("/v1/responses/", "/v1/chat/completions/", "/v1/conversations", "/v1/files", "/v1/batches",
                   "/v1/messages/batches", "/v1/vector_stores", "/v1/containers")
_OFFERED = ", ".join(f"{r.method} {r.path}" for r in ROUTE_TABLE.values()) + ", GET /v1/models"

class CovenantApp:
    """ASGI callable. Owns the gateway's lifespan (start on startup, drain and stop on shutdown)."""

    def __init__(self, gateway: Gateway, *, serve_admin: bool = True, serving: bool = False) -> None:
        self.gateway = gateway
        # the process's serving app (not a test's or a tool's): it may manage the process's garbage
        # collector, whose frozen heap and callbacks outlive the app (gateway/heap.py)
        self.serving = serving
        self._pauses = heap.PauseRecorder(gateway.metrics.gc_pause) if serving else None
        self._pause_task: asyncio.Task | None = None
        self.admin = build_admin_app(gateway, include_admin=serve_admin)

    async def __call__(self, scope, receive, send) -> None:
        kind = scope["type"]
        if kind == "http":
            path = scope["path"]
            route = ROUTE_TABLE.get((scope["method"], path))
            if route is None and scope["method"] == "GET" and is_models_path(path):
                route = models_route(scope)
            if route is not None:
                await self.gateway.proxy.handle(scope, receive, send, route)
                return
            if path.startswith("/v1/"):
                await self._not_found(scope, send, path)
                return
            await self.admin(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)
        else:
            await self.admin(scope, receive, send)

    async def _not_found(self, scope, send, path: str) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        dialect = guess_dialect(headers, path)
        extra: list[tuple[bytes, bytes]] = []
        if path in PATHS or (is_models_path(path) and scope["method"] != "GET"):
            status, code, msg = 405, "method_not_allowed", f"method {scope['method']} is not allowed on {path}"
            extra.append((b"allow", b"GET" if is_models_path(path) else b"POST"))
        elif path.rstrip("/") in PATHS:
            status, code = 404, "unknown_route"
            msg = f"unknown route {path}; did you mean {path.rstrip('/')}?"
        elif path.startswith(_STORED_OBJECTS):
            status, code = 404, "unknown_route"
            msg = (f"{path} is not offered through this gateway: objects stored upstream are shared by every "
                   "account behind the gateway's key, so it serves none of them (chain Responses turns with "
                   "previous_response_id)")
        else:
            err = NotFound(f"unknown route {path}; this gateway offers {_OFFERED}", code="unknown_route")
            status, code, msg = err.status, err.code, err.message
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), *extra]})
        await send({"type": "http.response.body", "body": render_error(dialect, status, code, msg)})

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.gateway.start()
                except Exception as exc:
                    log.error("startup failed: %s", exc)
                    await send({"type": "lifespan.startup.failed", "message": str(exc)})
                    return
                if self._pauses is not None:
                    self._pauses.install()
                    self._pause_task = asyncio.create_task(self._pauses.run(), name="covenant-gc-pauses")
                    self.gateway.metrics.before_scrape(self._pauses.flush)
                if self.serving and self.gateway.settings.gc_freeze:
                    heap.settle("start-up")
                    self.gateway.policies.on_change.append(lambda ps: heap.settle("policy change"))
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.gateway.drain(self.gateway.settings.drain_seconds)
                await self.gateway.stop()
                if self._pauses is not None:
                    if self._pause_task is not None:
                        self._pause_task.cancel()
                    self._pauses.remove()
                await send({"type": "lifespan.shutdown.complete"})
                return


def create_app(settings=None) -> CovenantApp:
    """Factory for ASGI servers (`uvicorn --factory gateway.app:create_app`)."""
    from gateway.config import load_settings

    settings = settings or load_settings()
    return CovenantApp(Gateway(settings), serve_admin=settings.admin_port is None)
