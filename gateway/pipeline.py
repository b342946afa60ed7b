"""The request pipeline: a context object, the Stage interface, and the ordered run.

The proxy core calls the pipeline; stages never call the proxy. A stage stops a request by
returning a `Deny`; the core renders it in the caller's dialect. `on_response` runs in a
`finally` for every stage whose `on_request` ran, so slots and reservations are always released.

Speculation: a stage whose answer is very likely "go on" may let the request go on before it
(`Stage.speculate`, asked before its `on_request`): the later stages run, the core starts the upstream
call, the stage's `on_request` starts once that turn is over (the upstream has the request by then),
and `confirm` awaits its answer before anything reaches the client. A denial then aborts the upstream
call.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from gateway.errors import GatewayError

if TYPE_CHECKING:
    from gateway.identity import Principal
    from gateway.policy.compile import EffectivePolicy
    from gateway.routes import Route
    from gateway.upstream import Upstream

log = logging.getLogger("covenant.pipeline")


class TextTransform(Protocol):
    """Rewrites one stream of output text (one choice / content block)."""

    def feed(self, text: str) -> str: ...

    def flush(self) -> str: ...

    def whole(self, text: str) -> str:
        """``feed(text) + flush()`` for a text that arrives in one piece (a JSON answer), without the
        stream's hold-back bookkeeping."""
        ...


TransformFactory = Callable[[], TextTransform]


@dataclass(slots=True)
class Deny:
    """A stage's verdict that the request must not go upstream."""

    status: int
    code: str
    message: str
    decision: str  # bounded metric label: rate_limited, blocked_extraction, blocked_pii…
    headers: list[tuple[str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0
    reported: bool = False  # True when the upstream sent a usage block
    output_chars: int = 0  # streamed text seen, for estimation when no usage block arrives

    def settle_estimate(self) -> None:
        """Without a usage block, estimate output tokens from the streamed text (~4 chars/token)."""
        if not self.reported and self.output_chars:
            self.output_tokens = max(self.output_tokens, (self.output_chars + 3) // 4)


@dataclass(slots=True, eq=False)
class RequestContext:
    request_id: str
    route: Route
    client_ip: str
    user_agent: str
    headers: dict[str, str]
    started: float = field(default_factory=time.perf_counter)
    ts: float = field(default_factory=time.time)
    body: bytes = b""
    json: dict[str, Any] = field(default_factory=dict)
    model: str = ""
    stream: bool = False
    principal: Principal | None = None
    policy: EffectivePolicy | None = None
    upstream: Upstream | None = None
    status: int = 0
    decision: str = "allowed"
    reasons: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    upstream_started: float = 0.0
    upstream_first_byte: float = 0.0
    upstream_done: float = 0.0
    error: BaseException | None = None
    pending: list[tuple[Stage, Later]] | None = None  # speculated stages awaiting their answer (confirm)
    disconnected: bool = False
    response_started: bool = False  # headers sent: errors can no longer change the status
    response_text: list[str] = field(default_factory=list)  # filled only when a stage asks (keep_output)
    keep_output: bool = False
    annotations: dict[str, Any] = field(default_factory=dict)  # stage results for audit (scores, counts)
    query: str = ""  # the request's query string, forwarded upstream as sent
    seal_id: Callable[[str], str] | None = None  # response ids handed out, bound to the caller (response_state)
    drop_usage_chunk: bool = False  # the gateway asked for the stream's usage chunk, not the caller (stream_usage)

    @property
    def dialect(self) -> str:
        return self.route.dialect

    def upstream_seconds(self) -> float:
        if not self.upstream_started:
            return 0.0
        return (self.upstream_done or time.perf_counter()) - self.upstream_started

    def added_seconds(self) -> float:
        """Time the gateway added on top of the upstream call."""
        total = time.perf_counter() - self.started
        return max(0.0, total - self.upstream_seconds())


HOOKS = ("on_request", "on_request_wait", "on_response_start", "on_response")


class Stage:
    """Base of all stages. Override any of the hooks; the others cost nothing.

    - `on_request(ctx) -> Deny | None`: pre-checks before the upstream call.
    - `on_request_wait(ctx)`: an earlier stage's `on_request` is waiting on I/O (a store round
      trip): do side-effect-free work that this stage's `on_request` will use, now, while the
      request waits anyway. It may run or not, and its result may be discarded (an earlier stage
      may deny); `on_request` must give the same outcome either way.
    - `on_response_start(ctx) -> TransformFactory | None`: the upstream answered 2xx; return a
      factory of output text transforms for this response, or None.
    - `on_response(ctx)`: the exchange is over (success, denial by a later stage, upstream
      error, client disconnect). Runs for every stage whose `on_request` ran.
    - `speculate(ctx) -> bool`: asked before `on_request`; may the request go on (later stages, then
      the upstream call) before this stage's answer? Say yes only when a denial is unlikely and no
      later stage reads what `on_request` sets: `on_request` then starts after the turn that writes
      the upstream request, its answer still decides, and a denial costs an aborted upstream call.
    """

    name: ClassVar[str] = "stage"
    resolves_policy: ClassVar[bool] = False  # True for the stage that sets ctx.policy
    # False: `on_request` reads only the headers. Such stages at the head of the pipeline run before
    # the body is read, so a caller they refuse (no valid key) cannot make the gateway read one.
    reads_body: ClassVar[bool] = True
    # True: what `on_response` does after its first wait (a store's reply) concerns no later stage, so
    # the later stages run first and the wait ends the exchange's accounting. A client that sends its
    # next request as soon as a response ends then finds the loop free instead of running metrics and
    # audit of the last one when that reply comes back.
    settles_late: ClassVar[bool] = False

    def applies(self, policy: EffectivePolicy) -> bool:
        """Whether this stage has anything to do under ``policy``. A stage that acts only under its
        own policy block says no when the block is absent, and the pipeline then never calls its
        hooks for requests under that policy (decided once per effective policy, not per request)."""
        return True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A misspelt hook would silently never run; refuse it at class creation.
        for attr in vars(cls):
            if attr.startswith("on_") and attr not in HOOKS:
                raise TypeError(f"{cls.__name__}.{attr} is not a pipeline hook; hooks are {', '.join(HOOKS)}")

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        return None

    def on_request_wait(self, ctx: RequestContext) -> None:
        return None

    def speculate(self, ctx: RequestContext) -> bool:
        return False

    def on_response_start(self, ctx: RequestContext) -> TransformFactory | None:
        return None

    async def on_response(self, ctx: RequestContext) -> None:
        return None


def _overrides(stage: Stage, hook: str) -> bool:
    return getattr(type(stage), hook) is not getattr(Stage, hook)


_Plan = tuple[tuple[Stage, tuple[Stage, ...], bool], ...]


def _plan(stages: Sequence[Stage]) -> _Plan:
    """Each request stage with the later ones that can use the time it spends waiting, and whether it
    may speculate."""
    return tuple((s, tuple(w for w in stages[i + 1:] if _overrides(w, "on_request_wait")), _overrides(s, "speculate"))
                 for i, s in enumerate(stages))


class StageFailed(Exception):
    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage} failed: {cause!r}")
        self.stage = stage
        self.cause = cause


class Pipeline:
    """An ordered list of stages, with the hook lists precomputed once."""

    def __init__(self, stages: Sequence[Stage], on_stage_error: Callable[[str], None] | None = None) -> None:
        self.stages = tuple(stages)
        self._request = tuple(s for s in self.stages if _overrides(s, "on_request"))
        # Up to the stage that resolves the policy every stage runs; after it, those that apply to it.
        split = next((i + 1 for i, s in enumerate(self._request) if s.resolves_policy), 0)
        early = next((i for i, s in enumerate(self._request[:split]) if s.reads_body), split)
        self._early: _Plan = tuple((s, (), False) for s in self._request[:early])  # never overlapped: no body yet
        self._head = _plan(self._request[early:split])
        self._tail_stages = self._request[split:]
        self._tail = _plan(self._tail_stages)  # when no policy is known
        self._memo_key = f"pipeline-plan:{id(self)}"
        self._start = tuple(s for s in self.stages if _overrides(s, "on_response_start"))
        # (stage, whether it runs only when its on_request ran): audit and metrics always run
        self._finish = tuple((s, _overrides(s, "on_request")) for s in self.stages if _overrides(s, "on_response"))
        self._on_stage_error = on_stage_error or (lambda name: None)

    async def run_request(self, ctx: RequestContext, *, speculate: bool = False) -> Deny | None:
        """Run pre-checks in order; the first Deny wins. A stage that raises fails the request
        closed (a compliance gateway must not let traffic through because a check crashed).

        With ``speculate`` (the proxy core, which then calls `confirm`), a waiting stage that says so
        may leave its answer pending: None then means "no denial so far", and `ctx.pending` holds
        what `confirm` must still await before the response reaches the client."""
        entered = ctx.annotations.get("_entered")
        if entered is None:
            deny = await self.run_before_body(ctx)
            if deny is not None:
                return deny
            entered = ctx.annotations["_entered"]
        plan, head = self._head, True
        while True:
            deny = await self._run(ctx, plan, entered, speculate)
            if deny is not None or not head:
                if deny is not None and ctx.pending:
                    # A later stage denied: the earlier, pending answer comes first, as without speculation.
                    return await self.confirm(ctx) or deny
                return deny
            head = False
            policy = ctx.policy
            if policy is None:
                plan = self._tail
            else:
                plan = policy.memo.get(self._memo_key)
                if plan is None:
                    plan = policy.memo[self._memo_key] = _plan([s for s in self._tail_stages if s.applies(policy)])

    async def _run(self, ctx: RequestContext, plan: _Plan, entered: list[Stage], speculate: bool) -> Deny | None:
        for stage, waiters, may_speculate in plan:
            entered.append(stage)
            try:
                if speculate and may_speculate and stage.speculate(ctx):
                    # The stage's work (and its store round trip) starts once this turn is over, which
                    # ends at the upstream call's first wait: the upstream, whose answer takes longest,
                    # gets the request first, and an idle gateway's cold first microseconds go to it.
                    later = Later(stage.on_request(ctx))
                    asyncio.get_running_loop().call_soon(later.start)
                    if ctx.pending is None:
                        ctx.pending = []
                    ctx.pending.append((stage, later))
                    continue
                if not waiters:
                    deny = await stage.on_request(ctx)
                else:
                    started = Later(stage.on_request(ctx))
                    started.start()  # up to its first wait (most stages never wait)
                    if started.waiting:
                        # It waits on I/O. Scheduled now, the work runs after whatever the stage just
                        # queued (the store batch is written first), before the reply is read.
                        asyncio.get_running_loop().call_soon(self._while_waiting, ctx, waiters)
                    deny = await started
            except GatewayError:
                raise  # a deliberate rejection (401, 400…), rendered by the core
            except Exception as exc:
                raise self._failed(stage, ctx, exc) from exc
            if deny is not None:
                return deny
        return None

    async def run_before_body(self, ctx: RequestContext) -> Deny | None:
        """The pre-checks that need only the headers (`Stage.reads_body` false, at the head of the
        pipeline); `run_request` then goes on from the first stage that reads the body."""
        entered: list[Stage] = []
        ctx.annotations["_entered"] = entered
        return await self._run(ctx, self._early, entered, False) if self._early else None

    async def confirm(self, ctx: RequestContext) -> Deny | None:
        """Await the answers left pending by speculation, in stage order; the first Deny wins. Every
        pending stage is driven to its end (its reservation must be known to be released)."""
        pending, ctx.pending = ctx.pending or (), None
        first: Deny | None = None
        error: BaseException | None = None
        for stage, waiting in pending:
            try:
                deny = await waiting
            except GatewayError as exc:
                error = error or exc
            except Exception as exc:
                error = error or self._failed(stage, ctx, exc)
            else:
                if first is None:
                    first = deny
        if error is not None:
            raise error
        return first

    def _failed(self, stage: Stage, ctx: RequestContext, exc: Exception) -> StageFailed:
        log.error("stage %s raised in on_request (request %s)", stage.name, ctx.request_id, exc_info=exc)
        self._on_stage_error(stage.name)
        return StageFailed(stage.name, exc)

    def _while_waiting(self, ctx: RequestContext, waiters: tuple[Stage, ...]) -> None:
        for stage in waiters:
            try:
                stage.on_request_wait(ctx)
            except Exception:  # an optimisation only: on_request does the work itself
                log.debug("stage %s raised in on_request_wait (request %s)", stage.name, ctx.request_id,
                          exc_info=True)

    def output_transforms(self, ctx: RequestContext) -> list[TransformFactory]:
        out = []
        for stage in self._start:
            try:
                factory = stage.on_response_start(ctx)
            except Exception as exc:
                log.exception("stage %s raised in on_response_start (request %s)", stage.name, ctx.request_id)
                self._on_stage_error(stage.name)
                raise StageFailed(stage.name, exc) from exc
            if factory is not None:
                out.append(factory)
        return out

    async def finish(self, ctx: RequestContext) -> None:
        if ctx.pending:  # the exchange ended before the core confirmed (an error, a disconnect)
            try:
                await self.confirm(ctx)
            except Exception:
                log.debug("a pending pre-check failed after the request ended (request %s)", ctx.request_id,
                          exc_info=True)
        entered = ctx.annotations.get("_entered", ())
        late: list[tuple[Stage, Later]] = []
        for stage, gated in self._finish:
            if gated and stage not in entered:  # a few stages: a tuple scan beats building a set
                continue
            try:
                if stage.settles_late:
                    started = Later(stage.on_response(ctx))
                    started.start()  # up to its wait (most often none)
                    if started.waiting:
                        late.append((stage, started))
                    else:
                        await started  # its result, or its error here, in stage order
                else:
                    await stage.on_response(ctx)
            except Exception:
                self._response_failed(stage, ctx)
        for stage, waiting in late:
            try:
                await waiting
            except Exception:
                self._response_failed(stage, ctx)

    def _response_failed(self, stage: Stage, ctx: RequestContext) -> None:
        log.exception("stage %s raised in on_response (request %s)", stage.name, ctx.request_id)
        self._on_stage_error(stage.name)


class Resume:
    """Await the rest of a coroutine that was started by hand (``signal = coro.send(None)``) and is
    suspended at ``signal``: a coroutine that usually finishes without waiting then costs nothing
    extra (no task, no timer) when it does."""

    __slots__ = ("_coro", "_signal")

    def __init__(self, coro, signal) -> None:
        self._coro = coro
        self._signal = signal

    def __await__(self):
        coro, signal = self._coro, self._signal
        while True:
            try:
                value = yield signal
            except GeneratorExit:
                coro.close()
                raise
            except BaseException as exc:  # cancellation and the like go to the coroutine
                try:
                    signal = coro.throw(exc)
                except StopIteration as done:
                    return done.value
            else:
                try:
                    signal = coro.send(value)
                except StopIteration as done:
                    return done.value


class Later:
    """A coroutine run by hand up to its first wait (`start`) and awaited later: a speculated stage's
    `on_request`, which the loop starts after the turn that let the request go on (or whoever awaits it
    first), and the pipeline's own start-then-await of a stage that may wait on I/O. Awaiting it gives the
    coroutine's result or raises its error; one that never waits costs no task and no timer."""

    __slots__ = ("_coro", "_signal", "_started", "_done", "_value", "_error")

    def __init__(self, coro) -> None:
        self._coro = coro
        self._signal = None
        self._started = self._done = False
        self._value: Any = None
        self._error: Exception | None = None

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        try:
            self._signal = self._coro.send(None)  # up to its first wait, as `Resume` expects
        except StopIteration as done:
            self._done, self._value = True, done.value
        except Exception as exc:  # raised where the answer is awaited (`confirm`), like any stage error
            self._done, self._error = True, exc

    @property
    def waiting(self) -> bool:
        """Started and suspended at a wait (as opposed to not started, or finished)."""
        return self._started and not self._done

    def __await__(self):
        self.start()
        if self._done:
            if self._error is not None:
                raise self._error
            return self._value
        return (yield from Resume(self._coro, self._signal).__await__())


def compose(factories: Sequence[TransformFactory]) -> TransformFactory | None:
    """Chain output transforms in pipeline order; None when there are none."""
    if not factories:
        return None
    if len(factories) == 1:
        return factories[0]
    return lambda: _Chain([f() for f in factories])


class _Chain:
    __slots__ = ("_parts",)

    def __init__(self, parts: list[TextTransform]) -> None:
        self._parts = parts

    def feed(self, text: str) -> str:
        for part in self._parts:
            text = part.feed(text)
        return text

    def flush(self) -> str:
        out = ""
        for part in self._parts:
            out = part.feed(out) + part.flush() if out else part.flush()
        return out

    def whole(self, text: str) -> str:
        for part in self._parts:
            text = part.whole(text)
        return text
