"""Parse rate strings once, at policy compile time: '100/minute', '2M tokens/day', '10 USD/day'.

Grammar: <amount>[k|M|B] [<unit>] ('/' | ' per ') [<n>] <period>
  unit    requests: 'request(s)' (optional); tokens: 'token(s)' (optional); spend: 'USD' (required)
  period  second|sec|s, minute|min|m, hour|h, day|d, month (calendar month, UTC); plural allowed;
          n × period at most 366 days
Errors say what was wrong and show a valid example; tests assert the exact messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Measure = Literal["requests", "tokens", "spend"]

_RATE = re.compile(
    r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<suffix>[kKMB])?\s*(?P<unit>[A-Za-z$]+)?\s*(?:/|\s+per\s+)\s*"
    r"(?P<mult>\d+)?\s*(?P<period>[A-Za-z]+)\s*$"
)
_SUFFIX = {None: 1, "k": 1_000, "K": 1_000, "M": 1_000_000, "B": 1_000_000_000}
_PERIOD_MS = {
    "s": 1_000, "sec": 1_000, "second": 1_000,
    "m": 60_000, "min": 60_000, "minute": 60_000,
    "h": 3_600_000, "hour": 3_600_000,
    "d": 86_400_000, "day": 86_400_000,
    "month": 0,  # calendar month: variable length
}
_UNITS: dict[Measure, tuple[str, ...]] = {
    "requests": ("request", "requests", "req"),
    "tokens": ("token", "tokens"),
    "spend": ("usd",),
}
_EXAMPLE: dict[Measure, str] = {"requests": "100/minute", "tokens": "2M tokens/day", "spend": "10 USD/day"}
_LONGEST_MS = 366 * 86_400_000
MICRO = 1_000_000  # spend is counted in micro-USD so the store adds integers


@dataclass(frozen=True, slots=True)
class Rate:
    """`amount` units per window: requests, tokens, or micro-USD. `period_ms == 0` means calendar month."""

    amount: int
    period_ms: int
    text: str

    @property
    def calendar_month(self) -> bool:
        return self.period_ms == 0


def parse_rate(text: str, measure: Measure) -> Rate:
    m = _RATE.match(text)
    if m is None:
        raise ValueError(f"{text!r}: expected '<amount>/<period>', e.g. {_EXAMPLE[measure]!r}")
    unit = (m["unit"] or "").lower()
    if measure == "spend":
        if unit != "usd":
            raise ValueError(f"{text!r}: spend must be written in USD, e.g. '10 USD/day'")
    elif unit and unit not in _UNITS[measure]:
        raise ValueError(f"{text!r}: unit {m['unit']!r} is not {measure}, e.g. {_EXAMPLE[measure]!r}")
    period = m["period"].lower()
    if period not in _PERIOD_MS and period.endswith("s") and period[:-1] in _PERIOD_MS:
        period = period[:-1]
    if period not in _PERIOD_MS:
        raise ValueError(f"{text!r}: unknown period {m['period']!r} (use second, minute, hour, day or month)")
    mult = int(m["mult"]) if m["mult"] else 1
    if mult < 1:
        raise ValueError(f"{text!r}: the period multiplier must be at least 1")
    period_ms = _PERIOD_MS[period]
    if period_ms * mult > _LONGEST_MS:  # Redis refuses expiries far beyond; memory:// would have admitted
        raise ValueError(f"{text!r}: the window is longer than a year (366 days); the stores cannot keep it")
    if period_ms == 0:
        if mult != 1:
            raise ValueError(f"{text!r}: month windows are calendar months; write '/month', not '/{mult} months'")
        if measure == "requests":
            raise ValueError(f"{text!r}: request windows are rolling; use second, minute, hour or day, not month")
    value = float(m["num"]) * _SUFFIX[m["suffix"]]
    if measure == "spend":
        value *= MICRO
    amount = round(value)
    if abs(value - amount) > 1e-6:
        what = "micro-USD" if measure == "spend" else measure
        raise ValueError(f"{text!r}: the amount must be a whole number of {what}")
    if amount <= 0:
        raise ValueError(f"{text!r}: the amount must be positive")
    return Rate(amount=amount, period_ms=period_ms * mult, text=text)
