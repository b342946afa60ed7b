"""Circuit breaker state machine (pure; driven by an explicit clock)."""

from __future__ import annotations

import logging

from gateway.store import BreakerState, CircuitBreaker


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_opens_after_threshold_then_probes_once_and_recovers(caplog):
    clock = Clock()
    b = CircuitBreaker("redis", failure_threshold=3, cooldown_s=1.0, clock=clock)
    caplog.set_level(logging.INFO, logger="covenant.store.breaker")
    for _ in range(2):
        assert b.allow()
        b.record_failure("timeout")
    assert b.state is BreakerState.CLOSED
    assert b.allow()
    b.record_failure("timeout")
    assert b.state is BreakerState.OPEN
    assert [b.allow() for _ in range(100)] == [False] * 100  # fail fast, no log line per request
    clock.t += 1.0
    assert b.allow() and b.state is BreakerState.HALF_OPEN
    assert not b.allow()  # one probe at a time
    b.record_failure("connection")
    assert b.state is BreakerState.OPEN and not b.allow()
    clock.t += 1.0
    assert b.allow()
    b.record_success()
    assert b.state is BreakerState.CLOSED and b.allow()
    assert (b.opened_total, b.recoveries_total, b.failures_total, b.short_circuits_total) == (2, 1, 4, 102)
    # state changes logged once each: open, half_open, open, half_open, closed
    assert len(caplog.records) == 5


def test_success_resets_the_consecutive_count():
    b = CircuitBreaker("redis", failure_threshold=2, cooldown_s=1.0, clock=Clock())
    for _ in range(10):
        b.record_failure()
        b.record_success()
    assert b.state is BreakerState.CLOSED


def test_cancelled_probe_frees_the_probe_slot():
    clock = Clock()
    b = CircuitBreaker("redis", failure_threshold=1, cooldown_s=1.0, clock=clock)
    b.record_failure()
    clock.t += 1.0
    assert b.allow()
    b.record_abandoned()
    assert b.allow()
