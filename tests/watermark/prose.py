"""Deterministic prose for tests: ordinary sentences with many words from the equivalence table."""

from __future__ import annotations

import random
from pathlib import Path

from gateway.watermark.table import EquivalenceTable

# Real English prose (Debian's base-files ships it), ~5,600 words: long enough that the keyed word choice
# certainly changes some of its words.
LICENSE_PROSE = " ".join(Path("/usr/share/common-licenses/GPL-3").read_text().split())
# The watermark master secret of the gateways these tests start (GatewayProcess env).
SECRET_ENV = {"COVENANT_WATERMARK_SECRET": "test-master-secret-0123456789abcdef"}

_FRAMES = [
    "The team {w} reviewed the plan before the meeting.",
    "In practice, this {w} matters for the people who read it.",
    "We found that the result was {w} what we expected.",
    "Most readers {w} skip the appendix at the end.",
    "The report describes the {w} part of the work in detail.",
    "Our notes say the change was {w} and worth keeping.",
]


def prose(table: EquivalenceTable, n_sets: int, seed: int, *, plain: bool = False) -> str:
    """Sentences that each carry one word from a distinct alternative set (a random member);
    ``plain`` draws only sets of single plain words (no phrases, no contractions)."""
    rng = random.Random(seed)
    pool = [i for i, s in enumerate(table.sets) if not plain or all(w.isalpha() for w in s)]
    ids = rng.sample(pool, n_sets)
    out = []
    for sid in ids:
        word = rng.choice(table.sets[sid])
        out.append(rng.choice(_FRAMES).format(w=word))
    return " ".join(out)


def varied(table: EquivalenceTable, n_words: int, seed: int) -> str:
    """Word salad over a wide vocabulary: documents share few word bigrams (for provenance tests)."""
    rng = random.Random(seed)
    vocab = [w for s in table.sets for w in s if w.isalpha()]  # plain words: one token each
    return " ".join(rng.choice(vocab) for _ in range(n_words))
