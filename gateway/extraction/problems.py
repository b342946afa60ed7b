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
"""

from __future__ import annotations

from array import array

from gateway.extraction.state import PROBLEM_MEMBERS, PrincipalState

PROBLEM_ACCOUNTS = 4  # accounts asking a problem (for more than a short answer) for it to count as shared


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

    def any_shared(self, ring: array | None) -> bool:
        if not ring:
            return False
        get = self.get
        return any(len(get(p, ())) >= PROBLEM_ACCOUNTS for p in ring)
