"""The mock teacher's aiohttp application, and ways to run it (in a running loop, or blocking)."""

import asyncio

from aiohttp import web

from gateway.mock_teacher.handlers import MockTeacher
from gateway.mock_teacher.settings import MockSettings

MOCK_TEACHER_KEY = web.AppKey("mock_teacher", MockTeacher)
_SHUTDOWN_TIMEOUT_S = 0.5  # endless `never_end` streams must not hold a test's teardown for a minute


def create_app(settings: MockSettings) -> web.Application:
    teacher = MockTeacher(settings)
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[MOCK_TEACHER_KEY] = teacher
    app.router.add_post("/v1/chat/completions", teacher.chat_completions)
    app.router.add_post("/v1/completions", teacher.completions)
    app.router.add_post("/v1/responses", teacher.responses)
    app.router.add_post("/v1/embeddings", teacher.embeddings)
    app.router.add_get("/v1/models", teacher.models)
    app.router.add_get("/v1/models/{model}", teacher.models)
    app.router.add_post("/v1/messages", teacher.messages)
    app.router.add_post("/v1/messages/count_tokens", teacher.count_tokens)
    app.router.add_get("/_mock/faults", teacher.get_faults)
    app.router.add_post("/_mock/faults", teacher.set_faults)
    app.router.add_delete("/_mock/faults", teacher.clear_faults)
    app.router.add_get("/_mock/requests", teacher.get_requests)
    app.router.add_delete("/_mock/requests", teacher.clear_requests)
    app.router.add_get("/_mock/health", teacher.health)
    return app


async def start_mock_teacher(settings: MockSettings, host: str = "127.0.0.1",
                             port: int = 0) -> tuple[web.AppRunner, int]:
    """Serve on the running loop; returns the runner (call `await runner.cleanup()`) and the bound port."""
    # handler_cancellation: a client that hangs up stops the answer, as real model APIs stop generating (and a
    # handler sleeping through a long fault does not outlive its client)
    runner = web.AppRunner(create_app(settings), access_log=None, shutdown_timeout=_SHUTDOWN_TIMEOUT_S,
                           handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    bound_port = runner.addresses[0][1]
    return runner, bound_port


def run_mock_teacher(settings: MockSettings, host: str = "127.0.0.1", port: int = 8090) -> None:
    """Serve until interrupted (the `covenant mock-teacher` command and `python -m gateway.mock_teacher`)."""

    async def serve() -> None:
        try:
            runner, bound = await start_mock_teacher(settings, host, port)
        except OSError as exc:  # port taken, address not ours: one line, as `covenant serve` says it
            raise SystemExit(f"mock teacher: cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        print(f"mock teacher listening on http://{host}:{bound}", flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
