"""Matching is cached per version; a key whose labels change (an operator labels it segment=education) must get the
policies its new labels select, not what the cache held for its old ones."""

from __future__ import annotations

from pathlib import Path

from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies, policy_files

ROOT = Path(__file__).resolve().parents[2]


def test_a_key_relabelled_matches_the_policies_of_its_new_labels():
    ps = CompiledPolicySet(load_policies(policy_files([ROOT / "policies"])))
    args = ("acme", "student-7", "k7")
    before = ps.match(*args, {}, "gpt-4o-mini", "/v1/chat/completions")
    assert before.sources["extraction"] == "extraction-default"
    after = ps.match(*args, {"segment": "education"}, "gpt-4o-mini", "/v1/chat/completions")
    assert after.sources["extraction"] == "education-review-only"
    again = ps.match(*args, {}, "gpt-4o-mini", "/v1/chat/completions")
    assert again is before  # the cache still serves what it holds for the same labels
