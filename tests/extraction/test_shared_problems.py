"""Shared problems: a prompt's quantities identify its problem whatever the wording or language, and many
accounts asking the same problems, each in its own words, are a shared pool of problems spread over accounts."""

from __future__ import annotations

from gateway.extraction.detector import Detector
from tests.extraction.helpers import chat, event

T0 = 1_767_225_600.0
COVERS = ("delivery van", "tram", "lift cage", "toy car", "cable car", "e-scooter")
NUMBERS = [(m, d, mu, a) for m, d, mu, a in zip((2, 3, 8, 25, 60, 12, 40, 5), (4, 5, 8, 10, 12, 20, 30, 7),
                                                (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45), (15, 20, 25, 30, 35, 40, 45, 60),
                                                strict=True)]


def formal(k: int, cover: str) -> str:
    m, d, mu, a = NUMBERS[k]
    return (f"A {m} kg {cover} slides down a {a}-degree slope with a coefficient of kinetic friction of {mu}. What is "
            f"its acceleration, and how fast is it moving after {d} m if it started at rest?")


def chatty(k: int, cover: str) -> str:
    m, d, mu, a = NUMBERS[k]
    return f"{m} kg {cover} on a {a} degree slope, mu_k = {mu}, let go from rest. acceleration? speed after {d} m?"


def test_the_same_problem_in_other_words_or_another_language_has_the_same_signature() -> None:
    sig = event("a", T0, chat(formal(0, "crate"))).problem
    assert sig != 0
    assert event("a", T0, chat(chatty(0, "parcel") + " how would a TA write this up?")).problem == sig
    assert event("a", T0, chat("En kasse på 2 kg glir ned en skråning på 15 grader med friksjonstall 0,1. "
                               "Hva er akselerasjonen, og farten etter 4 m?")).problem == sig
    assert event("a", T0, chat(formal(1, "crate"))).problem not in (0, sig)


def test_a_prompt_with_fewer_than_four_distinct_numbers_has_no_signature() -> None:
    assert event("a", T0, chat("A car goes from 0 to 30 m/s in 6 s. How far does it go?")).problem == 0
    assert event("a", T0, chat("What is 12 + 12 + 12?")).problem == 0
    assert event("a", T0, chat("What should I cook tonight?")).problem == 0


def ask(det: Detector, principal: str, t: float, text: str) -> None:
    det.observe(event(principal, t, chat(text), output_tokens=1400))


def test_accounts_asking_the_same_pool_of_problems_each_in_its_own_words_share_problems() -> None:
    det, t = Detector(), T0
    for k in range(8):  # six accounts, each with its own cover story and wording, over the same eight problems
        for i, cover in enumerate(COVERS):
            t += 300.0
            ask(det, f"pool-{i}", t, (formal if i % 2 else chatty)(k, cover))
    for k in range(8):  # a student asking problems of their own, the same way
        t += 300.0
        ask(det, "student", t, formal(k, "crate").replace(str(NUMBERS[k][1]) + " m", f"{k + 50} m"))
    det.tick(t)
    pool = det.principal_detail("pool-3")
    assert pool is not None and pool["signals"]["shared_problems"] >= 2
    assert pool["evidence"]["shared_problems"] >= 0.45
    student = det.principal_detail("student")
    assert student is not None and student["evidence"]["shared_problems"] == 0.0


def test_one_problem_in_common_with_others_is_not_a_shared_pool() -> None:
    det, t = Detector(), T0
    for i, cover in enumerate(COVERS):
        t += 300.0
        ask(det, f"asker-{i}", t, formal(0, cover))
        for k in range(1, 6):  # everything else they ask is their own
            t += 300.0
            ask(det, f"asker-{i}", t, formal(0, cover).replace("2 kg", f"{100 + 10 * i + k} kg"))
    d = det.principal_detail("asker-2")
    assert d is not None and d["signals"]["shared_problems"] == 1 and d["evidence"]["shared_problems"] == 0.0


def test_a_student_whose_problems_are_mostly_their_own_is_not_a_shared_pool() -> None:
    """Where quantities come from a small space (exam-style figures), an active student's draws collide with a
    campaign's pool now and then: a steady minority of their problems is shared, at any count. An account
    drawing from the pool has most of its problems shared."""
    det, t = Detector(), T0
    for k in range(8):
        for i, cover in enumerate(COVERS):
            t += 300.0
            ask(det, f"pool-{i}", t, (formal if i % 2 else chatty)(k, cover))
    for k in range(12):  # three of the pool's problems by chance, nine of their own
        t += 300.0
        text = formal((0, 1, 3)[k], "crate") if k < 3 else formal(k % 8, "crate").replace(" kg", f"{k} kg", 1)
        ask(det, "student", t, text)
    det.tick(t)
    student = det.principal_detail("student")
    assert student is not None and student["signals"]["shared_problems"] == 3
    assert student["signals"]["shared_problem_share"] == 0.25
    assert student["evidence"]["shared_problems"] == 0.0
    pool = det.principal_detail("pool-2")
    assert pool is not None and pool["evidence"]["shared_problems"] >= 0.45
