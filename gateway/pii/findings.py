"""What a scan returns: spans and types, never the detected values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    start: int
    end: int
    entity_type: str
    score: float

    def shifted(self, delta: int) -> Finding:
        return Finding(self.start + delta, self.end + delta, self.entity_type, self.score)


def count_by_type(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts for metrics and the audit log (bounded label values: entity type names)."""
    return dict(Counter(f.entity_type for f in findings))


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Non-overlapping findings for rewriting: higher score wins, then the longer span, then the earlier.

    Decisions stay inside one cluster of overlapping findings, so a text cut between clusters is
    resolved the same way in pieces as whole (the stream redactor relies on this).
    """
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-f.score, f.start - f.end, f.start, f.entity_type)):
        if all(f.end <= c.start or c.end <= f.start for c in chosen):
            chosen.append(f)
    return sorted(chosen)
