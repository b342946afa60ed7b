"""Corpus detection against reference frequencies: a weak, partial mark on top of a writer's strong
habits is found, and unmarked corpora stay at chance whatever the habits."""

from __future__ import annotations

import hashlib
import random

import pytest

from gateway.watermark.detect import KeyRegistry, detect_corpus
from gateway.watermark.embed import Watermarker
from gateway.watermark.reference import Reference

SECRET = b"test-master-secret-0123456789abcdef"
_FRAME = "Our notes say the {w} part was reviewed before the meeting."


class HabitualWriter:
    """Prose whose word choices follow fixed, strongly skewed habits (85% one member per set)."""

    def __init__(self, wm: Watermarker, seed: int = 1) -> None:
        rng = random.Random(seed)
        self.sets = [s for s in wm.table.sets if all(w.isalpha() for w in s)][:300]
        self.habit = {i: rng.randrange(len(s)) for i, s in enumerate(self.sets)}

    def doc(self, seed: int, n: int = 10) -> str:
        rng = random.Random(seed)
        out = []
        for i in rng.sample(range(len(self.sets)), n):
            members = self.sets[i]
            pick = self.habit[i] if rng.random() < 0.85 else rng.randrange(len(members))
            out.append(_FRAME.format(w=members[pick]))
        return " ".join(out)


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


@pytest.fixture(scope="module")
def writer(wm: Watermarker) -> HabitualWriter:
    return HabitualWriter(wm)


@pytest.fixture(scope="module")
def reference(wm: Watermarker, writer: HabitualWriter) -> Reference:
    return Reference.from_texts([writer.doc(10_000 + i) for i in range(600)], wm)


def test_a_partial_mark_under_strong_habits_needs_the_reference(wm, writer, reference) -> None:
    reg = KeyRegistry(wm, [("t1", f"a{i}") for i in range(50)])
    docs = [writer.doc(i) for i in range(600)]
    docs = [wm.mark(d, tenant="t1", account=f"a{i % 50}") if i % 5 == 0 else d for i, d in enumerate(docs)]
    plain = detect_corpus(docs, reg)
    weighted = detect_corpus(docs, reg, reference=reference)
    assert weighted.detected and weighted.p_value <= 1e-6
    assert weighted.shared_p_value < plain.shared_p_value * 1e-3
    assert weighted.positions_scored == plain.positions_scored


def test_unmarked_corpora_stay_at_chance_under_independent_keys(wm, writer, reference) -> None:
    docs = [writer.doc(50_000 + i) for i in range(600)]
    ps = []
    for i in range(20):
        other = Watermarker(hashlib.sha256(b"independent-%d" % i).digest())
        ps.append(detect_corpus(docs, KeyRegistry(other, []), reference=reference).shared_p_value)
    assert min(ps) > 1e-3
    assert sum(p <= 0.05 for p in ps) <= 4  # about 1 of 20 expected
    assert 0.2 < sorted(ps)[10] < 0.8  # the median of uniform p-values is near 0.5


def test_reference_round_trips_and_refuses_another_table(wm, reference) -> None:
    again = Reference.from_json(reference.to_json(), wm)
    assert again.documents == reference.documents == 600
    assert (again.counts == reference.counts).all()
    other = Watermarker(SECRET, table=wm.table.__class__(**{**wm.table.__dict__, "digest": b"\0" * 16}))
    with pytest.raises(ValueError, match="different equivalence table"):
        Reference.from_json(reference.to_json(), other)
