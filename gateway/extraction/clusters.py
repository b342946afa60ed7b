"""Template-cluster sketches (moved out of state.py in round 12): an account's top clusters (Space-Saving,
`TopClusters`) and one cluster's population-wide counts (`ClusterStats`)."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

TOP_CLUSTERS = 6      # Space-Saving slots for an account's template clusters


class TopClusters(array):  # type: ignore[type-arg]
    """An account's top template clusters (Space-Saving): [id high 16 bits, id low 16 bits, requests,
    suspicious, single_turn] per slot, flat in one array of float32 (16-bit halves are exact): no
    wrapper object, one array header, 20 bytes per slot."""

    __slots__ = ()

    def __new__(cls) -> TopClusters:
        return super().__new__(cls, "f")

    def __len__(self) -> int:
        return array.__len__(self) // 5

    def __iter__(self) -> Iterator[int]:
        return (int(self[k]) << 16 | int(self[k + 1]) for k in range(0, array.__len__(self), 5))

    def __contains__(self, cid: object) -> bool:
        return isinstance(cid, int) and self._slot(cid) >= 0

    def _slot(self, cid: int) -> int:
        hi, lo = cid >> 16, cid & 0xFFFF
        for k in range(0, array.__len__(self), 5):
            if self[k + 1] == lo and self[k] == hi:
                return k
        return -1

    def get(self, cid: int) -> tuple[float, float, float] | None:
        k = self._slot(cid)
        return None if k < 0 else (self[k + 2], self[k + 3], self[k + 4])

    def items(self) -> Iterator[tuple[int, tuple[float, float, float]]]:
        for k in range(0, array.__len__(self), 5):
            yield int(self[k]) << 16 | int(self[k + 1]), (self[k + 2], self[k + 3], self[k + 4])

    def suspicious_ids(self, min_count: float) -> list[int]:
        """Clusters to which the account sent at least `min_count` (decayed) suspicious requests."""
        return [int(self[k]) << 16 | int(self[k + 1]) for k in range(0, array.__len__(self), 5)
                if self[k + 3] >= min_count]

    def decay(self, f: float) -> None:
        for k in range(0, array.__len__(self), 5):
            self[k + 2] *= f
            self[k + 3] *= f
            self[k + 4] *= f

    def add(self, cid: int, suspicious: bool, single: bool) -> float:
        """Count one request; a new cluster replaces the lightest when full (inherits its count).
        Returns the suspicious count of the slot."""
        k = self._slot(cid)
        if k < 0:
            size = array.__len__(self)
            if size >= 5 * TOP_CLUSTERS:
                k = min(range(0, size, 5), key=lambda j: self[j + 2])
                self[k] = cid >> 16
                self[k + 1] = cid & 0xFFFF
                self[k + 3] = self[k + 4] = 0.0
            else:
                self.extend((cid >> 16, cid & 0xFFFF, 0.0, 0.0, 0.0))
                k = size
        self[k + 2] += 1.0
        if suspicious:
            self[k + 3] += 1.0
        if single:
            self[k + 4] += 1.0
        return self[k + 3]

    def top(self) -> tuple[int, tuple[float, float, float]] | None:
        size = array.__len__(self)
        if not size:
            return None
        k = max(range(0, size, 5), key=lambda j: self[j + 2])
        return int(self[k]) << 16 | int(self[k + 1]), (self[k + 2], self[k + 3], self[k + 4])


@dataclass(slots=True)
class ClusterStats:
    """One template cluster (near-duplicate instruction frames) across the population."""

    cid: int
    first_ts: float
    last_ts: float = 0.0
    n: float = 0.0
    reasoning: float = 0.0
    single: float = 0.0
    harvest: float = 0.0
    long: float = 0.0
    accounts: dict[str, int] = field(default_factory=dict)  # principal -> requests (capped)
    overflow_accounts: int = 0
    example: str = ""

    def account_count(self) -> int:
        return len(self.accounts) + self.overflow_accounts

    def suspicion(self) -> float:
        """Share of elicitation/harvesting/long outputs times share of single-turn requests in this cluster."""
        if self.n <= 0:
            return 0.0
        return min(1.0, max(self.reasoning, self.harvest, self.long) / self.n) * (self.single / self.n)
