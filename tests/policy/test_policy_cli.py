"""`covenant policy test` and `covenant policy explain` on the shipped examples."""

from __future__ import annotations

import json

from tests.policy.test_validation import covenant


def test_shipped_policy_tests_pass():
    out = covenant("policy", "test", "policies")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "FAIL" not in out.stdout
    summary = out.stdout.strip().splitlines()[-1]
    passed = int(summary.split()[0])
    assert passed >= 5 and summary.endswith(", 0 failed")


def test_a_wrong_expectation_fails_with_the_reason(tmp_path):
    (tmp_path / "wrong.test.yaml").write_text(
        "apiVersion: covenant/v1\nkind: PolicyTest\ncases:\n"
        "  - name: free tier wrongly expected to reach gpt-4o\n"
        "    principal: {tenant: acme, account: t, labels: {tier: free}}\n"
        "    request: {model: gpt-4o}\n"
        "    expect: {decision: allowed}\n")
    out = covenant("policy", "test", str(tmp_path), "--policies", "policies")
    assert out.returncode == 1
    assert "FAIL" in out.stdout and "decision 'blocked_access', expected 'allowed'" in out.stdout


def test_explain_lists_policies_in_order_with_sources():
    out = covenant("policy", "explain", "--tenant", "acme", "--account", "a", "--label", "tier=free",
                   "--model", "gpt-4o", "--policies", "policies")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.index("1. free-tier-no-large-models") < text.index("2. free-tier") < text.index("3. baseline")
    assert "access (from free-tier-no-large-models)" in text
    assert "rate_limits (from free-tier, baseline, extraction-default)" in text
    # every rule is printed as JSON an operator can copy into a policy (sets as lists, not Python reprs)
    extraction = next(line for line in text.splitlines() if line.startswith("  extraction (from "))
    assert json.loads(extraction.split("): ", 1)[1])["allowlist"] == {"tenants": ["eval-lab"]}


def test_explain_with_no_match_says_so(tmp_path):
    (tmp_path / "p.yaml").write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: only-beta}\n"
                                     "spec: {selector: {tenants: [beta]}}\n")
    out = covenant("policy", "explain", "--tenant", "acme", "--account", "a", "--model", "m",
                   "--policies", str(tmp_path))
    assert "no policy matches" in out.stdout
