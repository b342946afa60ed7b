"""Speculation in the pipeline: a stage that says a denial is unlikely (`speculate`, asked before it runs) lets
the later stages run and the core go on; its own work starts once that turn is over (the upstream request is
written by then), and `confirm` awaits its answer, which still decides. Callers that do not ask for speculation
(policy tests, tools) get the in-order behaviour."""

from __future__ import annotations

import asyncio

import pytest

from gateway.pipeline import Deny, Pipeline, RequestContext, Stage, StageFailed
from gateway.routes import ROUTE_TABLE


def _ctx() -> RequestContext:
    return RequestContext("rid", ROUTE_TABLE[("POST", "/v1/chat/completions")], "127.0.0.1", "", {})


class Admits(Stage):
    """Waits for a reply queued for the next loop turn (like the store batcher); may speculate."""

    name = "admits"

    def __init__(self, log: list[str], *, deny: bool = False, roomy: bool = True, fail: bool = False) -> None:
        self.log, self.deny, self.roomy, self.fail = log, deny, roomy, fail

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(lambda: (self.log.append("reply"), fut.set_result(None)))
        await fut
        self.log.append("admission done")
        if self.fail:
            raise RuntimeError("the store sent nonsense")
        return Deny(429, "rate_limited", "no", "rate_limited") if self.deny else None

    def speculate(self, ctx: RequestContext) -> bool:
        self.log.append("speculate?")
        return self.roomy


class Later(Stage):
    name = "later"

    def __init__(self, log: list[str], *, deny: bool = False) -> None:
        self.log, self.deny = log, deny

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        self.log.append("later on_request")
        return Deny(400, "pii_detected", "no", "blocked_pii") if self.deny else None


async def test_a_roomy_stage_leaves_its_answer_pending_and_the_later_stages_run():
    log: list[str] = []
    ctx = _ctx()
    assert await Pipeline([Admits(log), Later(log)]).run_request(ctx, speculate=True) is None
    assert ctx.pending is not None and len(ctx.pending) == 1
    assert "admission done" not in log and "later on_request" in log
    assert await Pipeline([Admits(log)]).confirm(ctx) is None
    assert log[-1] == "admission done" and ctx.pending is None


async def test_a_speculated_stage_starts_after_the_turn_that_let_the_request_go_on():
    """What the core does right after `run_request` without waiting (writing the upstream request) comes before
    the stage's own work, which then starts on the loop's next turn, without anyone awaiting it."""
    log: list[str] = []

    class Starts(Admits):
        async def on_request(self, ctx: RequestContext) -> Deny | None:
            log.append("admission started")
            return await super().on_request(ctx)

    pipeline = Pipeline([Starts(log), Later(log)])
    assert await pipeline.run_request(ctx := _ctx(), speculate=True) is None
    log.append("upstream request written")
    await asyncio.sleep(0)
    assert log == ["speculate?", "later on_request", "upstream request written", "admission started"]
    assert await pipeline.confirm(ctx) is None
    assert log[-2:] == ["reply", "admission done"]


async def test_the_pending_answer_still_decides():
    log: list[str] = []
    ctx = _ctx()
    pipeline = Pipeline([Admits(log, deny=True), Later(log)])
    assert await pipeline.run_request(ctx, speculate=True) is None
    deny = await pipeline.confirm(ctx)
    assert deny is not None and deny.code == "rate_limited"


async def test_a_later_denial_waits_for_the_pending_answer_which_comes_first():
    log: list[str] = []
    deny = await Pipeline([Admits(log, deny=True), Later(log, deny=True)]).run_request(_ctx(), speculate=True)
    assert deny is not None and deny.code == "rate_limited"
    deny = await Pipeline([Admits(log), Later(log, deny=True)]).run_request(ctx := _ctx(), speculate=True)
    assert deny is not None and deny.code == "pii_detected" and not ctx.pending


async def test_no_room_no_speculation_and_callers_that_do_not_ask_never_get_it():
    log: list[str] = []
    ctx = _ctx()
    assert await Pipeline([Admits(log, roomy=False), Later(log)]).run_request(ctx, speculate=True) is None
    assert log == ["speculate?", "reply", "admission done", "later on_request"] and ctx.pending is None
    log.clear()
    assert await Pipeline([Admits(log), Later(log)]).run_request(ctx := _ctx()) is None
    assert log == ["reply", "admission done", "later on_request"] and ctx.pending is None


async def test_finish_drives_an_answer_nobody_confirmed():
    """The exchange ended early (upstream error, disconnect): the stage still learns its answer, so what it
    holds (a reservation, a concurrency slot) is known and released by its on_response."""
    log: list[str] = []

    class Holds(Admits):
        async def on_response(self, ctx: RequestContext) -> None:
            log.append("released" if "admission done" in log else "released nothing")

    pipeline = Pipeline([Holds(log), Later(log)])
    ctx = _ctx()
    assert await pipeline.run_request(ctx, speculate=True) is None
    await pipeline.finish(ctx)
    assert log[-2:] == ["admission done", "released"]


async def test_a_pending_stage_that_raises_fails_the_request_closed_on_confirm():
    log: list[str] = []
    errors: list[str] = []
    pipeline = Pipeline([Admits(log, fail=True), Later(log)], on_stage_error=errors.append)
    ctx = _ctx()
    assert await pipeline.run_request(ctx, speculate=True) is None
    with pytest.raises(StageFailed) as failed:
        await pipeline.confirm(ctx)
    assert failed.value.stage == "admits" and errors == ["admits"]


async def test_a_speculated_stage_that_raises_before_its_first_wait_fails_the_request_closed_on_confirm():
    errors: list[str] = []

    class Broken(Admits):
        async def on_request(self, ctx: RequestContext) -> Deny | None:
            raise RuntimeError("no plan")

    pipeline = Pipeline([Broken([]), Later([])], on_stage_error=errors.append)
    assert await pipeline.run_request(ctx := _ctx(), speculate=True) is None
    await asyncio.sleep(0)  # it started (and failed) on the loop's turn: the error waits for confirm
    with pytest.raises(StageFailed) as failed:
        await pipeline.confirm(ctx)
    assert failed.value.stage == "admits" and errors == ["admits"]
