"""Rate limits, quotas and budgets: admit in one store round trip, settle in one when the response ends."""

from __future__ import annotations

import logging
from dataclasses import replace

from gateway.dialects.requests import answers_generated, max_output_tokens
from gateway.metrics import Metrics
from gateway.pipeline import Deny, RequestContext, Stage
from gateway.policy.compile import CompiledPolicySet, EffectivePolicy
from gateway.ratelimit.headers import headers_for, wait_text
from gateway.ratelimit.limiter import RateLimiter, Subject, TokenEstimate, Usage
from gateway.ratelimit.policy import CompiledLimit, LimitKind, compile_limits
from gateway.store import BreakerState, Store, StoreUnavailable

log = logging.getLogger("covenant.ratelimit")

_NO_USAGE = Usage(0, 0)


class RateLimitStage(Stage):
    name = "ratelimit"
    settles_late = True  # the settlement's reply (or its failure) is this stage's own business

    def __init__(self, store: Store, metrics: Metrics) -> None:
        self.m = metrics
        # bound once: a labels() lookup takes a lock, and one of these counts nearly every request
        self._speculated = {True: metrics.ratelimit_speculations.labels("allowed"),
                            False: metrics.ratelimit_speculations.labels("denied")}
        self.use_store(store)

    def use_store(self, store: Store) -> None:
        self.store = store
        self.limiter = RateLimiter(store)
        # The Redis store's breaker (the memory store has none) drives covenant_store_circuit_open;
        # the child is bound once and set only on a change, to keep the lock off the hot path.
        self._breaker = getattr(store, "breaker", None)
        self._circuit = self.m.store_circuit_open.labels(store.backend)
        self._circuit_open = False
        self._circuit.set(0)

    def _track_breaker(self) -> None:
        if self._breaker is None:
            return
        is_open = self._breaker.state is not BreakerState.CLOSED
        if is_open is not self._circuit_open:
            self._circuit_open = is_open
            self._circuit.set(1 if is_open else 0)

    def prepare(self, ps: CompiledPolicySet) -> None:
        """Compile every rate_limits block once per policy version."""
        out, throttles, throttle_open = {}, {}, {}
        for p in ps.policies:
            block = p.policy.spec.rate_limits
            if block is None:
                continue
            compiled = compile_limits(block)
            base = []
            for rule, lim in zip(block.limits, compiled.limits, strict=True):
                # Scope state by policy, so equal limit names in two policies never share a counter.
                lim = replace(lim, key_prefix=f"rl:{p.name}/{lim.name}")
                if rule.when == "throttled":
                    throttles.setdefault(lim.name, lim)
                    throttle_open.setdefault(lim.name, compiled.fail_open)
                else:
                    base.append(lim)
            out[id(block)] = replace(compiled, limits=tuple(base))
        # every throttle action names one of `throttles`: checked when the files load (policy.load)
        ps.artifacts["ratelimit"] = out
        ps.artifacts["ratelimit_throttle"] = throttles
        ps.artifacts["ratelimit_throttle_fail_open"] = throttle_open

    @staticmethod
    def _limits(eff: EffectivePolicy) -> tuple[tuple[CompiledLimit, ...], bool]:
        memo = eff.memo.get("ratelimit")
        if memo is None:
            compiled = [eff.artifacts["ratelimit"][id(block)] for block in eff.rate_limits]
            limits = tuple(lim for c in compiled for lim in c.limits)
            # Several policies may set a fail mode; the stricter one (closed) wins among the blocks that limit
            # this request: a block holding only `when: throttled` limits (the shipped extraction slow lane) adds
            # none here, so its default (closed) must not turn an outage into 503s for everyone.
            memo = eff.memo["ratelimit"] = (limits, all(c.fail_open for c in compiled if c.limits))
        return memo

    def applies(self, policy) -> bool:
        # the extraction stage's throttle action applies named limits of its own
        return bool(policy.rate_limits) or policy.extraction is not None

    async def on_request(self, ctx: RequestContext) -> Deny | None:
        eff = ctx.policy
        throttled = ctx.annotations.get("_throttle_limits")
        if eff is None or not (eff.rate_limits or throttled):
            return None
        limits, fail_open = self._limits(eff) if eff.rate_limits else ((), True)
        who = _subject(ctx)
        if throttled:
            extra = eff.artifacts["ratelimit_throttle"]
            limits = limits + tuple(extra[name] for name in throttled if name in extra)
            # a throttled account's slow lane keeps the fail mode of the block that declares it
            opens = eff.artifacts["ratelimit_throttle_fail_open"]
            fail_open = fail_open and all(opens[name] for name in throttled if name in opens)
            plan = self.limiter.plan(limits, Subject(*who))
        else:
            # State keys and the store's encoded call, once per effective policy (which is per
            # principal, model and route; checked, like the limiter, which a store change replaces).
            memo = eff.memo.get("ratelimit_plan")
            if memo is not None and memo[1].limiter is self.limiter and memo[0] == who:
                plan = memo[1]
            else:
                plan = self.limiter.plan(limits, Subject(*who))
                eff.memo["ratelimit_plan"] = (who, plan)
        # The body length over-estimates prompt tokens (~4 bytes each); settlement corrects it.
        estimate = TokenEstimate(len(ctx.body) // 4 + 1 if ctx.body else 0, _requested_output(ctx),
                                 answers_generated(ctx.json))
        try:
            adm = await self.limiter.admit_plan(plan, estimate)
        except StoreUnavailable as exc:
            self._track_breaker()
            self.m.store_errors.labels(self.store.backend, "admit").inc()
            if fail_open:
                ctx.reasons.append("ratelimit:store_unavailable:fail_open")
                return None
            ctx.reasons.append("ratelimit:store_unavailable:fail_closed")
            return Deny(503, "store_unavailable", f"rate limiting is unavailable, try again shortly ({exc})",
                        "store_unavailable", headers=[("retry-after", "1")])
        self._track_breaker()
        if "_ratelimit_speculated" in ctx.annotations:
            self._speculated[adm.allowed].inc()
        for name in adm.shadow_denials:
            self.m.ratelimit_rejections.labels(name, "shadow").inc()
            ctx.reasons.append(f"shadow:rate_limited:{name}")
        headers = headers_for(adm, ctx.dialect)
        if not adm.allowed:
            self.m.ratelimit_rejections.labels(adm.denied_by, "enforce").inc()
            if adm.retry_after_s is None:  # no window will admit it: say what to change, not when to come back
                message = (f"this request alone exceeds rate limit {adm.denied_by!r} (the prompt and its max_tokens "
                           "are more than the whole limit); send less or lower max_tokens")
            else:
                message = f"rate limit {adm.denied_by!r} exceeded; retry after {wait_text(adm.retry_after_s)}"
            return Deny(429, "rate_limited", message, "rate_limited", headers=headers,
                        reasons=[f"rate_limited:{adm.denied_by}"])
        ctx.response_headers.extend(headers)
        ctx.annotations["_ratelimit"] = (adm.reservation, limits, estimate.input_tokens)
        return None

    def speculate(self, ctx: RequestContext) -> bool:
        """The request may go on before its admission when this subject's last admission here left a
        quarter or more of every limit (a fresh or throttled subject never speculates)."""
        eff = ctx.policy
        if eff is None or not eff.rate_limits or ctx.annotations.get("_throttle_limits"):
            return False
        memo = eff.memo.get("ratelimit_plan")
        if memo is None or not memo[1].roomy or memo[1].limiter is not self.limiter:
            return False
        if memo[0] != _subject(ctx):
            return False
        ctx.annotations["_ratelimit_speculated"] = True
        return True

    async def on_response(self, ctx: RequestContext) -> None:
        held = ctx.annotations.get("_ratelimit")
        if held is None:
            return
        reservation, limits, input_estimate = held
        if ctx.upstream_started:
            ctx.usage.settle_estimate()
            input_tokens = ctx.usage.input_tokens
            if not ctx.usage.reported and ctx.usage.output_chars:
                # Text was generated but no usage block came (a stream without include_usage): only
                # the output could be counted, so charge the prompt at its admission estimate, not 0.
                input_tokens = max(input_tokens, input_estimate)
            actual = Usage(input_tokens, ctx.usage.output_tokens)
        else:
            actual = _NO_USAGE  # denied by a later stage or failed before the upstream: nothing was used
        spend = next((lim for lim in limits if lim.kind is LimitKind.SPEND), None)
        if spend is not None and spend.prices is not None:
            ctx.annotations["spend_usd"] = spend.prices.cost_micro(ctx.model, actual.input_tokens,
                                                                   actual.output_tokens) / 1e6
        try:
            await self.limiter.settle(reservation, actual)
        except StoreUnavailable:
            self._track_breaker()
            # Leases expire on their own and reservations at their window's end: the bound is documented.
            self.m.store_errors.labels(self.store.backend, "settle").inc()
            log.warning("settlement of request %s failed: store unavailable", ctx.request_id)


def _subject(ctx: RequestContext) -> tuple:
    """Whose limits these are: the memoised plan is checked against it."""
    p = ctx.principal
    return p.tenant, p.account, p.key_id, ctx.model, ctx.route.path


def _requested_output(ctx: RequestContext) -> int | None:
    """The output tokens to reserve: the request's bound; None (the policy's default) when it sets none; 0 on a
    route that generates nothing (embeddings, token counts, the model list), which is not to be refused
    for want of room for an answer it never gets."""
    if not ctx.route.generates:
        return 0
    value = max_output_tokens(ctx.json, -1)
    return None if value < 0 else value

