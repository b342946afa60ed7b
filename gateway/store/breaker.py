"""Circuit breaker: a dead or slow store must not add its timeout to every request.

closed --(N consecutive failures)--> open --(cool-down elapsed)--> half_open
half_open --(probe succeeds)--> closed;  half_open --(probe fails)--> open

While open, calls fail immediately. In half-open exactly one caller probes the store;
the others keep failing fast until the probe settles. State changes are logged once per
change (never per request); counters are plain attributes for `gateway/metrics.py`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from enum import StrEnum

log = logging.getLogger("covenant.store.breaker")


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    def __init__(
        self,
        name: str,
        *,
        failure_threshold: int = 5,
        cooldown_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be >= 1")
        self.name = name
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self.state = BreakerState.CLOSED
        self.consecutive_failures = 0
        self._opened_at = 0.0
        self._probe_in_flight = False
        # Counters for metrics (monotonic, never reset).
        self.failures_total = 0
        self.short_circuits_total = 0
        self.opened_total = 0
        self.recoveries_total = 0

    def allow(self) -> bool:
        """May a call go to the store now? False means: fail fast without trying."""
        if self.state is BreakerState.CLOSED:
            return True
        if self.state is BreakerState.OPEN:
            if self._clock() - self._opened_at < self.cooldown_s:
                self.short_circuits_total += 1
                return False
            self._set(BreakerState.HALF_OPEN)
        # HALF_OPEN: one probe at a time.
        if self._probe_in_flight:
            self.short_circuits_total += 1
            return False
        self._probe_in_flight = True
        return True

    def record_success(self) -> None:
        self.consecutive_failures = 0
        self._probe_in_flight = False
        if self.state is not BreakerState.CLOSED:
            self.recoveries_total += 1
            self._set(BreakerState.CLOSED)

    def record_failure(self, reason: str = "error") -> None:
        self.failures_total += 1
        self.consecutive_failures += 1
        was_probe = self._probe_in_flight
        self._probe_in_flight = False
        if self.state is BreakerState.HALF_OPEN and was_probe:
            self._open(reason)
        elif self.state is BreakerState.CLOSED and self.consecutive_failures >= self.failure_threshold:
            self._open(reason)

    def record_abandoned(self) -> None:
        """The call was cancelled by its caller: no verdict on the store, but free the probe slot."""
        self._probe_in_flight = False

    def _open(self, reason: str) -> None:
        self._opened_at = self._clock()
        self.opened_total += 1
        self._set(BreakerState.OPEN, reason)

    def _set(self, state: BreakerState, reason: str = "") -> None:
        if state is self.state:
            return
        old, self.state = self.state, state
        if state is BreakerState.OPEN:
            log.warning("store %s breaker %s -> open after %d consecutive failures (last: %s); failing fast for %.2fs",
                        self.name, old.value, self.consecutive_failures, reason, self.cooldown_s)
        elif state is BreakerState.CLOSED:
            log.warning("store %s breaker %s -> closed: store reachable again", self.name, old.value)
        else:
            log.info("store %s breaker open -> half_open: probing", self.name)
