"""Coverage (round 10): a class working one problem set is not a harvesting pool.

A harvesting campaign pays for *coverage*: its accounts ask many distinct problems, each by a few of them. A class
asks the *same few* problems, each by most of its members, often behind one campus NAT and in one course template.
Content evidence about such a group (a template many accounts send, problems many accounts ask, one campaign of
them) is the class's coursework: it may flag a member for review, it never throttles or blocks one. Each student is
judged on its own traffic. A pool spread over accounts keeps all of its evidence.
"""

from __future__ import annotations

import random

from gateway.extraction.detector import Detector
from gateway.extraction.problems import ProblemTable, cohort_campaign
from gateway.extraction.state import PrincipalState
from tests.extraction.helpers import chat, event
from tests.extraction.test_shared_problems import formal

T0 = 1_767_225_600.0
COURSE = "CHEM 101 problem set, Q{n}: {p}"
ASKS = ("", "", "i got a different answer", "is this right?")


def _class_of(det: Detector, students: int, rng: random.Random, t: float) -> float:
    """`students` accounts behind one campus NAT (one /24, one SDK), each asking most of the same six problems of
    one problem set, several times, for worked answers, around two deadlines."""
    for _ in range(4):
        for s in range(students):
            for n in rng.sample(range(6), 5):
                t += rng.uniform(20.0, 90.0)
                q = COURSE.format(n=n + 1, p=formal(n, "flask")) + " " + rng.choice(ASKS)
                det.observe(event(f"student-{s}", t, chat(q.strip()), ip=f"130.7.42.{s + 1}",
                                  output_tokens=rng.randint(400, 1300)))
        t += 6 * 3600.0
        det.tick(t)
    return t


def _pool_of(det: Detector, accounts: int, problems: int, rng: random.Random, t: float) -> float:
    """`accounts` accounts on one elicitation template, dealt a pool of `problems` distinct problems, each to a
    few of them."""
    for k in range(problems):
        m, d = 3 + k, 4 + k % 11
        text = (f"A {m} kg crate slides down a {20 + k % 40}-degree slope with a coefficient of kinetic friction of "
                f"0.{k % 9 + 1}. What is its acceleration, and how fast is it moving after {d} m if it started at rest?")
        for a in rng.sample(range(accounts), 4):
            t += rng.uniform(60.0, 240.0)
            det.observe(event(f"pool-{a}", t, chat(COURSE.replace("CHEM 101 problem set", "Set").format(n=k, p=text) + " Explain every step please."),
                              ip=f"10.{a}.0.1", output_tokens=1400))
        if k % 20 == 19:
            det.tick(t)
    det.tick(t)
    return t


def test_a_class_working_one_problem_set_is_never_throttled_or_blocked() -> None:
    det = Detector()
    t = _class_of(det, 24, random.Random(7), T0)
    statuses = [det.verdict(f"student-{s}").status for s in range(24)]
    assert all(s in ("ok", "flag") for s in statuses), statuses
    cohorts = [c for c in det.campaigns() if c.get("cohort")]
    for c in det.campaigns():  # a campaign of the class is listed for review as a cohort, and lends nothing
        assert c["cohort"], c
    assert cohorts or not det.campaigns()
    d = det.principal_detail("student-3")
    assert d is not None and d["signals"]["problem_overlap"] >= 0.75
    for term in ("shared_problems", "shared_template", "campaign_template_subset"):
        assert d["evidence"][term] == 0.0, term
    assert t > T0


def test_a_pool_dealt_over_accounts_keeps_its_shared_content_evidence() -> None:
    """Many distinct problems, each asked by a few accounts: coverage, the shape of harvesting."""
    det = Detector()
    _pool_of(det, 20, 120, random.Random(3), T0)
    flagged = [p for p in (f"pool-{a}" for a in range(20)) if det.verdict(p).status != "ok"]
    assert len(flagged) >= 18
    d = det.principal_detail("pool-5")
    assert d is not None and d["signals"]["problem_overlap"] < 0.6
    assert d["evidence"]["shared_problems"] >= 0.45


def _state(name: str) -> PrincipalState:
    return PrincipalState(event(name, T0, chat("hello")))


def test_overlap_is_high_when_the_same_group_asks_every_problem_and_low_over_a_pool() -> None:
    table = ProblemTable(1000)
    class_ = [_state(f"s{i}") for i in range(30)]
    for st in class_:
        for p in range(1, 9):  # everyone asks the same eight problems
            table.note(st, p, True)
    pool = [_state(f"h{i}") for i in range(30)]
    rng = random.Random(1)
    for p in range(100, 300):  # 200 problems, each to four of thirty accounts
        for st in rng.sample(pool, 4):
            table.note(st, p, True)
    assert table.overlap(class_[0].problems, "s0") > 0.9
    assert table.overlap(pool[0].problems, "h0") < 0.35


def test_a_small_group_asking_more_problems_than_it_has_members_is_not_a_cohort() -> None:
    """Six accounts over eight problems: fewer askers than problems is coverage, however much they overlap."""
    table = ProblemTable(1000)
    group = [_state(f"a{i}") for i in range(6)]
    for st in group:
        for p in range(1, 9):
            table.note(st, p, True)
    assert table.overlap(group[0].problems, "a0") == 0.0


def test_a_campaign_of_a_class_is_a_cohort_and_a_pool_over_as_many_accounts_is_not() -> None:
    """Campaign level, on the members' own rings: few common problems, each asked by most members, is a class;
    many problems, each asked by a few, is coverage; so is a small group, too few to tell."""
    table = ProblemTable(1000)
    class_ = [_state(f"s{i}") for i in range(20)]
    rng = random.Random(5)
    for st in class_:
        for p in rng.sample(range(1, 13), 8):  # most of a twelve-question problem set, short answers or long
            table.note(st, p, rng.random() < 0.5)
    pool = [_state(f"h{i}") for i in range(20)]
    for p in range(100, 160):  # sixty problems, each to three of twenty accounts
        for st in rng.sample(pool, 3):
            table.note(st, p, True)
    assert cohort_campaign(class_)
    assert not cohort_campaign(pool)
    assert not cohort_campaign(class_[:6])
