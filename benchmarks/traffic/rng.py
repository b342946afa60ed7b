"""The generator's random source: `random.Random` with its integer draws inlined.

Generating a four-day log spends a third of its time in the pure-Python frames of `choice`, `randint`,
`randrange` and `_randbelow` (millions of calls). These overrides return exactly what CPython 3.11's do for the
same state (the same `getrandbits` calls, in the same order), so every frozen blind set keeps its bytes
(the sha256 pins in tests/extraction/test_traffic_blind_variants*.py check it); any other argument falls back to
the library's code."""

from __future__ import annotations

import random
from typing import Any


class TrafficRandom(random.Random):
    def _randbelow(self, n: int) -> int:  # CPython's _randbelow_with_getrandbits
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def choice(self, seq: Any) -> Any:
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return seq[r]

    def randint(self, a: int, b: int) -> int:
        if type(a) is not int or type(b) is not int or b < a:
            return super().randint(a, b)
        n = b - a + 1
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return a + r

    def randrange(self, start: Any, stop: Any = None, step: Any = 1) -> int:
        if step != 1 or type(step) is not int or type(start) is not int or not (stop is None or type(stop) is int):
            return super().randrange(start, stop, step)
        lo, n = (0, start) if stop is None else (start, stop - start)
        if n <= 0:
            return super().randrange(start, stop, step)  # the library's error
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return lo + r
