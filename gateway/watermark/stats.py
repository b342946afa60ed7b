"""Exact null distribution of the watermark score, conditional on the observed text.

For every scored alternative set s, ``counts[s, v]`` says how many documents (first occurrence per
document) use member v. A key picks member x_s, and the score is S = sum_s counts[s, x_s]. Under the
null hypothesis the key is independent of the text, so x_s is uniform over the members of s and
independent across sets. The distribution of S is then known exactly *given the text*, whatever the
writer's habits (a writer who always says "large" does not fake a signal): for one document it is
the Poisson-binomial of the textbook z-test, for a corpus it accounts for repeated word choices.
"""

from __future__ import annotations

import math

import numpy as np

EXACT_LIMIT = 400_000  # largest possible score for which the exact convolution is run


def null_moments(counts: np.ndarray, sizes: np.ndarray) -> tuple[float, float]:
    """Mean and variance of S (rows of ``counts`` beyond ``sizes[s]`` are zero padding)."""
    mask = np.arange(counts.shape[1])[None, :] < sizes[:, None]
    mean_s = counts.sum(axis=1) / sizes
    sq_s = (counts.astype(np.float64) ** 2 * mask).sum(axis=1) / sizes
    return float(mean_s.sum()), float((sq_s - mean_s**2).sum())


def upper_tail(observed: int, counts: np.ndarray, sizes: np.ndarray) -> tuple[float, float, str]:
    """P(S >= observed) under the null, the z-score, and the method used ("exact" or "normal")."""
    mean, var = null_moments(counts, sizes)
    z = (observed - mean) / math.sqrt(var) if var > 0 else 0.0
    if counts.shape[0] == 0:
        return 1.0, 0.0, "exact"
    top = int(counts.max(axis=1).sum())
    if top > EXACT_LIMIT:
        # continuity-corrected normal tail; only for very large corpora, where it is accurate
        zc = (observed - 0.5 - mean) / math.sqrt(var) if var > 0 else 0.0
        return 0.5 * math.erfc(zc / math.sqrt(2)), z, "normal"
    pmf = np.zeros(top + 1)
    pmf[0] = 1.0
    hi = 0
    for row, k in zip(counts.tolist(), sizes.tolist(), strict=True):
        vals = row[:k]
        if max(vals) == 0:
            continue
        new = np.zeros(hi + max(vals) + 1)
        for v in vals:
            new[v:v + hi + 1] += pmf[:hi + 1]
        hi += max(vals)
        pmf[:hi + 1] = new / k
    return float(min(1.0, pmf[observed:hi + 1].sum())), z, "exact"
