"""Provenance trace accuracy: the share of edited copies whose top match is the original response."""

from __future__ import annotations

import random
import time

from benchmarks.watermark import attacks


async def top1_recall(index, texts: list[str], n_query: int, offset: int = 0) -> tuple[float, float, float]:
    """Top-1 accuracy over live responses (``texts[j]`` is ``r{offset + j}``)."""
    rng = random.Random(3)
    ok_rep = ok_del = 0
    t0 = time.perf_counter()
    for _ in range(n_query):
        j = rng.randrange(len(texts))
        m = await index.trace(attacks.replace_words(texts[j], 0.3, rng))
        ok_rep += bool(m) and m[0].response_id == f"r{offset + j}"
        m = await index.trace(attacks.delete_words(texts[j], 0.3, rng))
        ok_del += bool(m) and m[0].response_id == f"r{offset + j}"
    return ok_rep / n_query, ok_del / n_query, (time.perf_counter() - t0) / (2 * n_query) * 1e3
