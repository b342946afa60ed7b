"""The traffic generator's random source draws exactly what `random.Random` draws: the frozen blind sets were
generated with the library's methods, and the faster ones must not move a byte."""

from __future__ import annotations

import random

import pytest

from benchmarks.traffic.rng import TrafficRandom


@pytest.mark.parametrize("seed", [0, 5, 7, 360364, "v28-seed"])
def test_every_integer_draw_and_what_follows_it_match_the_library(seed) -> None:
    ours, lib = TrafficRandom(seed), random.Random(seed)
    seqs = ("a", "ab", tuple(range(7)), list(range(64)), list(range(65)), "x" * 1000)
    for i in range(4000):
        seq = seqs[i % len(seqs)]
        assert ours.choice(seq) == lib.choice(seq)
        assert ours.randint(-3, i) == lib.randint(-3, i)
        assert ours.randrange(1 + i) == lib.randrange(1 + i)
        assert ours.randrange(i, 2 * i + 1) == lib.randrange(i, 2 * i + 1)
        assert ours.randrange(0, 100, 7) == lib.randrange(0, 100, 7)  # a step: the library's code
        assert ours.sample(range(50), 5) == lib.sample(range(50), 5)  # uses _randbelow
        assert ours.random() == lib.random()
    assert ours.getstate() == lib.getstate()


def test_arguments_outside_the_fast_path_behave_as_the_library_does() -> None:
    ours, lib = TrafficRandom(1), random.Random(1)
    assert ours.randint(5, 5) == lib.randint(5, 5)
    assert ours.randrange(-5, -1) == lib.randrange(-5, -1)
    for call in (lambda r: r.choice([]), lambda r: r.randint(3, 2), lambda r: r.randrange(0), lambda r: r.randrange(4, 4)):
        with pytest.raises((IndexError, ValueError)) as a:
            call(ours)
        with pytest.raises((IndexError, ValueError)) as b:
            call(lib)
        assert type(a.value) is type(b.value)
    assert ours.getstate() == lib.getstate()
