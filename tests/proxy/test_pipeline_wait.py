"""`on_request_wait`: while an earlier stage waits on I/O, a later stage may do side-effect-free work
for its own `on_request`; the outcome of the request is the same whether that work ran or not."""

from __future__ import annotations

import asyncio

import pytest

from gateway.pipeline import Deny, Pipeline, RequestContext, Stage
from gateway.routes import ROUTE_TABLE


def _ctx() -> RequestContext:
    return RequestContext("rid", ROUTE_TABLE[("POST", "/v1/chat/completions")], "127.0.0.1", "", {})


class Waits(Stage):
    """Queues a reply for the next loop turn (like the store batcher) and waits for it."""

    name = "waits"

    def __init__(self, log: list[str], *, wait: bool = True, deny: bool = False) -> None:
        self.log, self.wait, self.deny = log, wait, deny

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        if self.wait:
            fut = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().call_soon(lambda: (self.log.append("sent"), fut.set_result(None)))
            await fut
        self.log.append("waits done")
        return Deny(429, "rate_limited", "no", "rate_limited") if self.deny else None


class Later(Stage):
    name = "later"

    def __init__(self, log: list[str], *, fail: bool = False) -> None:
        self.log, self.fail = log, fail

    def on_request_wait(self, ctx: RequestContext) -> None:
        self.log.append("early work")
        if self.fail:
            raise RuntimeError("an optimisation failed")
        ctx.annotations["_early"] = True

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        self.log.append("later on_request" + (" (early work used)" if ctx.annotations.get("_early") else ""))
        return None


async def test_the_work_runs_while_the_earlier_stage_waits_after_what_it_queued():
    log: list[str] = []
    assert await Pipeline([Waits(log), Later(log)]).run_request(_ctx()) is None
    assert log == ["sent", "early work", "waits done", "later on_request (early work used)"]


async def test_no_wait_no_early_work():
    log: list[str] = []
    await Pipeline([Waits(log, wait=False), Later(log)]).run_request(_ctx())
    assert log == ["waits done", "later on_request"]


async def test_a_denial_by_the_waiting_stage_still_wins():
    log: list[str] = []
    deny = await Pipeline([Waits(log, deny=True), Later(log)]).run_request(_ctx())
    assert deny is not None and deny.code == "rate_limited"
    assert "later on_request" not in log


async def test_early_work_that_raises_changes_nothing():
    log: list[str] = []
    assert await Pipeline([Waits(log), Later(log, fail=True)]).run_request(_ctx()) is None
    assert log[-1] == "later on_request"


async def test_cancellation_reaches_the_waiting_stage():
    seen: list[str] = []

    class Blocks(Stage):
        name = "blocks"

        async def on_request(self, ctx: RequestContext) -> Deny | None:
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                seen.append("cancelled inside the stage")
                raise
            return None

    task = asyncio.ensure_future(Pipeline([Blocks(), Later([])]).run_request(_ctx()))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert seen == ["cancelled inside the stage"]
