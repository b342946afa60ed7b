"""Run the gateway under uvicorn (uvloop + httptools), one or several worker processes."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import tempfile

import uvicorn
import uvloop

from gateway.app import CovenantApp
from gateway.config import ConfigError, Settings, unknown_environment
from gateway.http_protocol import CoalescingHttpToolsProtocol
from gateway.logs import setup_logging
from gateway.metrics import multiprocess_dir
from gateway.service import Gateway
from gateway.store import is_redis_url

CONFIG_ENV = "COVENANT_CONFIG_FILE"
log = logging.getLogger("covenant")


def _uvicorn_kwargs(settings: Settings) -> dict:
    # proxy_headers off: X-Forwarded-For is never trusted for the client address (it feeds the
    # extraction detector's IP signals); put the gateway behind a proxy that sets the socket peer.
    return dict(host=settings.host, port=settings.port, loop="uvloop", http=CoalescingHttpToolsProtocol, lifespan="on",
                proxy_headers=False,
                access_log=False, log_config=None, timeout_graceful_shutdown=int(settings.drain_seconds),
                h11_max_incomplete_event_size=settings.limits.max_header_bytes,
                timeout_keep_alive=settings.limits.header_timeout_seconds)


def serve(settings: Settings, config_file: str | None) -> None:
    setup_logging(settings.log_level, settings.log_format)
    for problem in unknown_environment():
        log.warning("%s", problem)
    if settings.workers > 1:
        conflicts = []
        if settings.admin_port is not None:
            conflicts.append("admin_port: needs workers=1; with several workers serve admin on the main port")
        if settings.watermark_reference_file and not is_redis_url(settings.store):
            conflicts.append("watermark_reference_file: needs workers=1 with the memory store (each worker would "
                             "keep its own counts and overwrite the others'); use a Redis store with several workers")
        if conflicts:
            raise ConfigError(conflicts)  # said as any configuration that does not load (status 2)
        if not is_redis_url(settings.store):
            log.warning("memory store with %d workers: each worker keeps its own rate-limit, quota and concurrency "
                        "counters (a caller may get up to %d times a policy's limits) and its own extraction state; "
                        "use a Redis store (--store redis://HOST:6379/0) for exact limits across workers",
                        settings.workers, settings.workers)
        # Worker processes rebuild settings from the same file and environment (and from no other file: a
        # COVENANT_CONFIG_FILE of the caller's own, which this process did not read, is not theirs either).
        if config_file:
            os.environ[CONFIG_ENV] = config_file
        else:
            os.environ.pop(CONFIG_ENV, None)
        os.environ["COVENANT_HOST"] = settings.host
        os.environ["COVENANT_PORT"] = str(settings.port)
        os.environ["COVENANT_POLICIES_DIR"] = settings.policies_dir
        os.environ["COVENANT_STORE"] = settings.store
        os.environ.setdefault("COVENANT_DEV_KEY", "false")  # one dev key per process would be confusing
        made = _metrics_dir()
        try:
            uvicorn.run("gateway.server:worker_app", factory=True, workers=settings.workers,
                        **_uvicorn_kwargs(settings))
        finally:
            if made is not None:
                shutil.rmtree(made, ignore_errors=True)
        return
    # uvicorn picks uvloop only for loops it creates itself; ours must be uvloop too.
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(_serve_one(settings))


async def _serve_one(settings: Settings) -> None:
    gw = Gateway(settings)
    app = CovenantApp(gw, serve_admin=settings.admin_port is None, serving=True)
    servers = [uvicorn.Server(uvicorn.Config(app, **_uvicorn_kwargs(settings)))]
    if settings.admin_port is not None:
        from gateway.admin import build_admin_app

        admin = build_admin_app(gw, include_ops=True)
        cfg = uvicorn.Config(admin, host=settings.host, port=settings.admin_port, lifespan="off",
                             access_log=False, log_config=None, loop="uvloop")
        servers.append(uvicorn.Server(cfg))
    await asyncio.gather(*(s.serve() for s in servers))


def _metrics_dir() -> str | None:
    """Workers share metric values through files in one directory, wiped at start (stale values of
    a previous run would otherwise be summed in). Must exist before any worker creates a metric.
    Returns the directory when it was made here (removed when the server stops)."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    path = given or tempfile.mkdtemp(prefix="covenant-metrics-")
    os.makedirs(path, exist_ok=True)
    for name in os.listdir(path):
        if name.endswith(".db"):
            os.remove(os.path.join(path, name))
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
    return None if given else path


_LIVE_GAUGE_FILE = re.compile(r"gauge_live[A-Za-z]+_(\d+)\.db")


def _forget_dead_workers(path: str) -> None:
    """A worker that died (killed, out of memory) leaves its files, and uvicorn starts another. Its live
    gauges (requests in flight, circuit and detector states) would keep their last values in every
    scrape: drop them, as prometheus_client's `mark_process_dead` does (live gauges only; counters and
    histograms stay, their counts happened). A file of this process's own pid is a dead one's too."""
    from prometheus_client import multiprocess

    for pid in {int(m.group(1)) for m in map(_LIVE_GAUGE_FILE.fullmatch, os.listdir(path)) if m}:
        if pid == os.getpid() or not _alive(pid):
            multiprocess.mark_process_dead(pid, path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        pass
    return True


def worker_app() -> CovenantApp:
    from gateway.config import load_settings

    settings = load_settings(os.environ.get(CONFIG_ENV))
    setup_logging(settings.log_level, settings.log_format)
    path = multiprocess_dir()
    if path is not None:  # before this worker's first metric
        _forget_dead_workers(path)
    return CovenantApp(Gateway(settings), serving=True)
