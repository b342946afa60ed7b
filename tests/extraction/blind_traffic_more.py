"""More helpers shared by the blind traffic-variant tests (blind_traffic.py has the first ones): the logged JSON
reply, the pasted parts of single-turn requests, and when accounts are first seen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import orjson

from tests.extraction.blind_traffic import by_scenario, day_of, user_texts


def logged_json(r: dict) -> dict | None:
    """A logged reply that is a JSON object (under a schema, or in an Anthropic reply's text), else None."""
    text = r.get("response_text", "")
    return orjson.loads(text) if text.startswith("{") else None


def pasted(records: list[dict], blocks: Callable[[str], object]) -> dict[int, object]:
    """What each single-turn record's user text pastes (a variant's `blocks(text)`), by the record's index; records
    that paste nothing left out."""
    out = {}
    for i, r in enumerate(records):
        texts = user_texts(r)
        if len(texts) == 1 and (hit := blocks(texts[0])):
            out[i] = hit
    return out


def first_days(records: list[dict], labels: dict, scenario: str) -> tuple[Counter, Counter]:
    """For a scenario's accounts: how many are first seen on each UTC day of the window, and each account's busiest
    UTC day (requests)."""
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    per_day = Counter((r["principal"], day_of(r, t0)) for r in by_scenario(records, labels, scenario))
    first: dict[str, int] = {}
    peak: Counter = Counter()
    for (p, d), n in per_day.items():
        first[p] = min(first.get(p, d), d)
        peak[p] = max(peak[p], n)
    return Counter(first.values()), peak
