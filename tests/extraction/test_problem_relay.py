"""Shared problems, whatever the account asked for (round 9).

A campaign can split a problem from its reasoning: in a relay one account asks the question for a short answer
and other accounts ask for the critique and the worked rewrite; an "answer first, then why?" asker gets the
reasoning in a follow-up whose own text has no quantities. The problem is the pool's either way. So an account's
remembered problems are all the problems it asks (tools aside), while a problem counts as *shared* only when
enough accounts asked it for a long or elicited answer: short answers to problems that nobody harvests (a class
asking about the same worksheet) share nothing.
"""

from __future__ import annotations

from zlib import crc32

from gateway.extraction.detector import Detector
from tests.extraction.helpers import chat, event
from tests.extraction.test_shared_problems import COVERS, chatty, formal

T0 = 1_767_225_600.0


def _ip(principal: str) -> str:
    return f"10.{crc32(principal.encode()) % 250}.0.1"  # unrelated clients: no link by client metadata


def short(det: Detector, principal: str, t: float, text: str) -> None:
    det.observe(event(principal, t, chat(text + "\nJust the answer, one line."), ip=_ip(principal), output_tokens=60))


def long(det: Detector, principal: str, t: float, text: str) -> None:
    det.observe(event(principal, t, chat(text), ip=_ip(principal), output_tokens=1400))


def test_an_account_asking_a_pools_problems_for_short_answers_shares_the_pools_problems() -> None:
    """The drafter of a relay never asks for reasoning or gets a long answer; its problems are the pool's."""
    det, t = Detector(), T0
    for k in range(8):
        for i, cover in enumerate(COVERS):  # six accounts ask the pool's problems for long answers
            t += 300.0
            long(det, f"pool-{i}", t, (formal if i % 2 else chatty)(k, cover))
        t += 60.0
        short(det, "drafter", t, chatty(k, "crate"))
    det.tick(t)
    d = det.principal_detail("drafter")
    assert d is not None
    assert d["signals"]["shared_problems"] >= 2 and d["signals"]["shared_problem_share"] == 1.0
    assert d["evidence"]["shared_problems"] >= 0.45
    assert det.verdict("drafter").status == "flag"


def test_the_same_problems_asked_only_for_short_answers_are_not_shared() -> None:
    """A class asking about the same worksheet, each student for a short answer: nobody asks for more, so the
    problems are no pool, however many accounts ask them."""
    det, t = Detector(), T0
    for k in range(8):
        for i, cover in enumerate(COVERS):
            t += 300.0
            short(det, f"student-{i}", t, (formal if i % 2 else chatty)(k, cover))
    det.tick(t)
    for i in range(len(COVERS)):
        d = det.principal_detail(f"student-{i}")
        assert d is not None and d["signals"]["shared_problems"] == 0 and d["evidence"]["shared_problems"] == 0.0
        assert det.verdict(f"student-{i}").status == "ok"


def test_a_short_answer_asker_with_problems_of_its_own_is_not_a_pool_member() -> None:
    """An account that asks its own problems for short answers, a few of them the pool's by chance: a minority."""
    det, t = Detector(), T0
    for k in range(8):
        for i, cover in enumerate(COVERS):
            t += 300.0
            long(det, f"pool-{i}", t, (formal if i % 2 else chatty)(k, cover))
    for k in range(12):  # two of the pool's problems, ten of its own
        t += 300.0
        text = formal(k, "crate") if k < 2 else formal(k % 8, "crate").replace(" kg", f"{k} kg", 1)
        short(det, "asker", t, text)
    det.tick(t)
    d = det.principal_detail("asker")
    assert d is not None and d["signals"]["shared_problems"] == 2
    assert d["evidence"]["shared_problems"] == 0.0
    assert det.verdict("asker").status == "ok"
