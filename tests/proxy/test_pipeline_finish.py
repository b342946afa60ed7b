"""When an exchange is over, each stage's `on_response` runs in stage order. A stage that `settles_late`
(the rate limits: the settlement's store reply is its own business) runs up to its wait in its turn, the
later stages run, and its wait ends the exchange's accounting; a stage that does not settle late is
awaited in its turn, so what it learns after a wait still reaches the stages after it."""

from __future__ import annotations

import asyncio

from gateway.pipeline import Pipeline, RequestContext, Stage
from gateway.routes import ROUTE_TABLE


def _ctx() -> RequestContext:
    return RequestContext("rid", ROUTE_TABLE[("POST", "/v1/chat/completions")], "127.0.0.1", "", {})


class Settles(Stage):
    """Writes what later stages read, then waits for a reply queued for the next loop turn."""

    name = "settles"

    def __init__(self, log: list[str], *, late: bool, fail_after_wait: bool = False, wait: bool = True) -> None:
        self.log, self.fail_after_wait, self.wait = log, fail_after_wait, wait
        self.settles_late = late

    async def on_response(self, ctx: RequestContext) -> None:
        ctx.annotations["spend"] = 1.5
        self.log.append("settles: sent")
        if self.wait:
            fut = asyncio.get_running_loop().create_future()
            asyncio.get_running_loop().call_soon(fut.set_result, None)
            await fut
        if self.fail_after_wait:
            raise RuntimeError("the store went away")
        self.log.append("settles: reply")


class Records(Stage):
    name = "records"

    def __init__(self, log: list[str]) -> None:
        self.log = log

    async def on_response(self, ctx: RequestContext) -> None:
        self.log.append(f"records: spend {ctx.annotations.get('spend')}")


async def test_a_stage_that_settles_late_lets_the_later_stages_run_before_its_reply():
    log: list[str] = []
    await Pipeline([Settles(log, late=True), Records(log)]).finish(_ctx())
    assert log == ["settles: sent", "records: spend 1.5", "settles: reply"]


async def test_other_stages_are_awaited_in_their_turn():
    log: list[str] = []
    await Pipeline([Settles(log, late=False), Records(log)]).finish(_ctx())
    assert log == ["settles: sent", "settles: reply", "records: spend 1.5"]


async def test_a_late_stage_that_never_waits_is_done_in_its_turn():
    log: list[str] = []
    await Pipeline([Settles(log, late=True, wait=False), Records(log)]).finish(_ctx())
    assert log == ["settles: sent", "settles: reply", "records: spend 1.5"]


async def test_a_failure_after_the_wait_is_counted_for_its_stage_and_the_others_still_ran():
    log: list[str] = []
    failed: list[str] = []
    await Pipeline([Settles(log, late=True, fail_after_wait=True), Records(log)],
                   on_stage_error=failed.append).finish(_ctx())
    assert log == ["settles: sent", "records: spend 1.5"]
    assert failed == ["settles"]
