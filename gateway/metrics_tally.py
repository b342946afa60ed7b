"""Per-request metrics kept as plain numbers and handed to prometheus_client when scraped.

Every exchange updates a requests counter, two or three histograms, two token counters and the
in-flight gauge. Through prometheus_client that is ~10 locked value updates and a Python bucket
search per histogram: ~48k instructions per request, a sixth of what the gateway with no policies
adds to a bare pass-through (docs/performance.md). Here a request is one dict lookup, a few
additions and a C `bisect` per histogram; `flush` adds the totals to the prometheus_client
children before each exposition, so what a scrape reads is exact.

Only for one process: with several workers (multiprocess mode) every worker's values must be in
the shared files when any worker answers a scrape, so the stage writes through at once instead.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gateway.metrics import Metrics


class _Histogram:
    """Observations since the last flush: per bucket (prometheus's `le` bounds: value <= bound) and summed."""

    __slots__ = ("bounds", "counts", "total")

    def __init__(self, bounds: tuple[float, ...]) -> None:
        self.bounds = bounds
        self.counts = [0] * (len(bounds) + 1)  # the last one: above every finite bound (+Inf)
        self.total = 0.0

    @classmethod
    def of(cls, child) -> _Histogram:
        """For a prometheus_client histogram child: its own finite bounds, so the two cannot disagree."""
        return cls(tuple(child._upper_bounds[:-1]))  # noqa: SLF001  (the last bound is +Inf)

    def observe(self, value: float) -> None:
        self.counts[bisect_left(self.bounds, value)] += 1
        self.total += value

    def move_to(self, child) -> None:
        """Add to a prometheus_client histogram child (its value objects: there is no public way to
        add many observations at once; tests/proxy/test_request_metrics.py pins the result against `observe`)."""
        counts = self.counts
        if not any(counts):
            return
        child._sum.inc(self.total)  # noqa: SLF001
        buckets = child._buckets  # noqa: SLF001  (one per finite bound, then +Inf)
        for i, n in enumerate(counts):
            if n:
                buckets[i].inc(n)
        self.counts = [0] * len(counts)
        self.total = 0.0


class _Series:
    """One label combination's counts since the last flush, and the prometheus children they go to."""

    __slots__ = ("children", "requests", "upstream", "added", "ttft", "tokens_in", "tokens_out", "spend")

    def __init__(self, children: tuple) -> None:
        self.children = children
        self.requests = 0
        _, upstream, added, ttft, *_ = children
        self.upstream = _Histogram.of(upstream)
        self.added = _Histogram.of(added)
        self.ttft = _Histogram.of(ttft)
        self.tokens_in = 0
        self.tokens_out = 0
        self.spend = 0.0

    def move(self) -> None:
        requests, upstream, added, ttft, tok_in, tok_out, spend = self.children
        if self.requests:
            requests.inc(self.requests)
            self.requests = 0
        self.upstream.move_to(upstream)
        self.added.move_to(added)
        self.ttft.move_to(ttft)
        if self.tokens_in:
            tok_in.inc(self.tokens_in)
            self.tokens_in = 0
        if self.tokens_out:
            tok_out.inc(self.tokens_out)
            self.tokens_out = 0
        if self.spend:
            spend.inc(self.spend)
            self.spend = 0.0


class RequestTally:
    """The request metrics of one process between two scrapes (event loop only: no locks). Its series
    are bounded as prometheus_client's children are: by the bounded label values."""

    def __init__(self, metrics: Metrics) -> None:
        self.m = metrics
        self._series: dict[tuple, _Series] = {}

    def series(self, route: str, model: str, tenant: str, status: str, decision: str, upstream: str) -> _Series:
        key = (route, model, tenant, status, decision, upstream)
        s = self._series.get(key)
        if s is None:
            s = self._series[key] = self._new(key)
        return s

    def _new(self, key: tuple) -> _Series:
        return _Series(self.m.request_children(*key))

    def flush(self) -> None:
        for s in self._series.values():
            s.move()
