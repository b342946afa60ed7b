"""Shared problems (rounds 7-9): which accounts asked a problem, identified by its quantities.

A problem re-worded, re-skinned with another story or translated keeps its numbers (`FeatureEvent.problem`),
which no template key sees. Two sides are kept apart:

* **who asked a problem for more than a short answer** (`ProblemTable`: per problem, the first
  `PROBLEM_MEMBERS` accounts that asked it with elicitation, harvesting or a long answer). Only these askings
  make a problem *shared*: the same worksheet asked by a class for short answers is no pool, however many
  accounts ask it;
* **the account's problems** (`PrincipalState.problems`, a ring of its last `PROBLEM_RING` distinct ones):
  every problem it asks without tools, whatever the answer (round 9). A campaign can split a problem from its
  reasoning: in a relay one account asks the question for a short answer and others ask for the critique and
  the worked rewrite; an "answer first, then why?" asker gets the reasoning in a follow-up whose own text has
  no numbers. Its problems are the pool's all the same.

**Coverage** (round 10). A harvesting campaign pays for coverage: its accounts ask many distinct problems, each
by a few of them. A class asks the *same few* problems, each by most of its members. `overlap` measures the
second for one account: over its shared problems, the mean number of other accounts asking each, divided by
the number of other accounts asking any of them (0 unless those accounts outnumber the problems and number
at least `COHORT_MIN_ACCOUNTS` - 1: six accounts early in a small pool's life look like a class) -- near 1 when
the same group asks every one of them (a class of 40 on one problem set: 0.78-0.80 on `blind-v11`), about the
share of the pool each member asks when members draw from a larger pool (a hydra: 0.1-0.45; preference pairs
over 10 accounts: 0.46-0.60). `cohort_campaign`
is the campaign-level test, on the members' own rings (every asking, so it holds from a class's first day, when
only some answers were long): the problems two or more members asked are no more than the members, and each is
asked by half of them or more. Content evidence about such a group says "a class", not "a pool".
"""

from __future__ import annotations

from array import array

from gateway.extraction.state import PROBLEM_MEMBERS, PrincipalState

PROBLEM_ACCOUNTS = 4  # accounts asking a problem (for more than a short answer) for it to count as shared
COHORT_MIN_SHARED = 3  # shared problems an account needs before their askers' overlap says anything
COHORT_OVERLAP = (0.6, 0.75)  # overlap of the askers of an account's shared problems: a pool's .. a class's
COHORT_CAMPAIGN_SHARE = 0.5  # a campaign's common problems, each asked by this share of its members: a class
COHORT_MIN_ACCOUNTS = 10  # a group smaller than this is not judged a class (a small pool early on looks like one)


class ProblemTable(dict[int, set[str]]):
    """problem signature -> the accounts that asked it for more than a short answer (capped per problem; the
    oldest problems are forgotten first beyond `max_problems`)."""

    __slots__ = ("max_problems",)

    def __init__(self, max_problems: int) -> None:
        super().__init__()
        self.max_problems = max_problems

    def note(self, st: PrincipalState, problem: int, asked_for_more: bool) -> None:
        """The account asked `problem` (without tools); `asked_for_more`: with elicitation, harvesting or a long
        answer."""
        st.add_problem(problem)
        if not asked_for_more:
            return
        members = self.get(problem)
        if members is None:
            if len(self) >= self.max_problems:
                del self[next(iter(self))]
            members = self[problem] = set()
        if len(members) < PROBLEM_MEMBERS:
            members.add(st.principal)

    def shared(self, ring: array | None) -> int:
        """How many of an account's remembered problems are shared (asked by >= PROBLEM_ACCOUNTS accounts)."""
        if not ring:
            return 0
        get = self.get
        return sum(1 for p in ring if len(get(p, ())) >= PROBLEM_ACCOUNTS)

    def overlap(self, ring: array | None, principal: str) -> float:
        """Over the account's shared problems (>= COHORT_MIN_SHARED, else 0): the mean number of other accounts
        asking each, over the number of other accounts asking any of them (see *Coverage*); 0 when those others
        are fewer than the problems (low coverage is few problems for many askers) or than COHORT_MIN_ACCOUNTS - 1."""
        if not ring:
            return 0.0
        get = self.get
        sets = [m for p in ring if len(m := get(p, ())) >= PROBLEM_ACCOUNTS]
        if len(sets) < COHORT_MIN_SHARED:
            return 0.0
        others = set().union(*sets)
        others.discard(principal)
        if len(others) < max(len(sets), COHORT_MIN_ACCOUNTS - 1):
            return 0.0  # more problems than askers, or a small group: coverage, or too few to tell
        return sum(len(m) - (principal in m) for m in sets) / (len(sets) * len(others))

    def any_shared(self, ring: array | None) -> bool:
        if not ring:
            return False
        get = self.get
        return any(len(get(p, ())) >= PROBLEM_ACCOUNTS for p in ring)


def cohort_campaign(members: list[PrincipalState]) -> bool:
    """A campaign that is one group asking the same few problems (a class on its problem set), not a pool spread
    over accounts. Over every problem its members asked (their rings: every asking, whatever the answer) that at
    least two of them asked: no more such problems than members (low coverage), and each asked on average by at
    least half of the members that ask problems (high overlap); most members, and >= COHORT_MIN_ACCOUNTS of them,
    ask problems. Its content evidence
    lends nothing: every member is judged on its own score (`Detector.tick`)."""
    counts: dict[int, int] = {}
    asking = 0
    for st in members:
        if st.problems:
            asking += 1
            for p in set(st.problems):
                counts[p] = counts.get(p, 0) + 1
    if 2 * asking <= len(members) or asking < COHORT_MIN_ACCOUNTS:
        return False
    common = [k for k in counts.values() if k >= 2]
    return 0 < len(common) <= len(members) and sum(common) >= COHORT_CAMPAIGN_SHARE * asking * len(common)
