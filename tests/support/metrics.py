"""Read a running gateway's Prometheus metrics in tests."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families


def metric(gw, name: str, **labels: str) -> float:
    """Sum of the samples `name` whose labels include `labels` (0 when none)."""
    text = httpx.get(gw.url + "/metrics", timeout=10).text
    total = 0.0
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                total += s.value
    return total
