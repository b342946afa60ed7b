"""`covenant policy test` and `covenant policy explain` on the shipped examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.policy.test_validation import ROOT, covenant


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


def test_tests_against_a_broken_policy_fail_with_the_policy_errors_not_a_traceback(tmp_path):
    (tmp_path / "deny.yaml").write_text("apiVersion: covenant/v1\nkind: Policy\nmetadata: {name: deny-all}\n"
                                        "spec:\n  access: {action: deny}\n  acess: {action: deny}\n")
    (tmp_path / "deny.test.yaml").write_text(
        "apiVersion: covenant/v1\nkind: PolicyTest\ncases:\n"
        "  - name: everything is denied\n"
        "    principal: {tenant: acme, account: t}\n"
        "    request: {model: gpt-4o}\n"
        "    expect: {decision: blocked_access}\n")
    out = covenant("policy", "test", str(tmp_path))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert f"{tmp_path / 'deny.yaml'}:6:3: spec.acess: unknown field" in out.stderr.splitlines()


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


def test_explain_with_a_malformed_label_says_how_to_write_one():
    out = covenant("policy", "explain", "--tenant", "acme", "--account", "a", "--label", "foo", "--model", "m",
                   "--policies", "policies")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "--label takes key=value, got 'foo'" in out.stderr


def test_explain_finds_a_key_in_the_redis_store_the_gateways_read(redis_url, tmp_path):
    """`covenant keys create` with a Redis store writes the key there; explain once looked only in the keys file."""
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "gateway", *args], capture_output=True, text=True, cwd=tmp_path,
                              timeout=60, env={**os.environ, "COVENANT_STORE": redis_url})

    made = run("keys", "create", "--tenant", "acme", "--account", "bob", "--label", "tier=free")
    assert made.returncode == 0, made.stderr
    key = next(tok for tok in made.stdout.split() if tok.startswith("cov_"))
    out = run("policy", "explain", "--key", key, "--model", "gpt-4o", "--policies", str(ROOT / "policies"))
    assert out.returncode == 0, out.stderr
    assert "principal: tenant=acme account=bob" in out.stdout and "'tier': 'free'" in out.stdout


BROKEN_TEST_FILES = {  # content -> the error `covenant policy validate` prints for it
    "not utf-8": (b"apiVersion: covenant/v1\nkind: PolicyTest\ncases: [\xff]\n", "1:1: (file): cannot read: "),
    "absurdly nested": (b"cases: " + b"[" * 5000 + b"]" * 5000 + b"\n", "1:1: (yaml): nested too deeply"),
}


def test_a_policy_test_file_that_cannot_be_read_is_one_located_error(tmp_path):
    for name, (content, error) in BROKEN_TEST_FILES.items():
        path = tmp_path / f"{name.replace(' ', '-')}.test.yaml"
        path.write_bytes(content)
        out = covenant("policy", "validate", str(path))
        assert out.returncode == 1 and "Traceback" not in out.stderr, name
        assert out.stderr.startswith(f"{path}:{error}"), (name, out.stderr)


def test_an_empty_document_in_a_policy_test_file_is_skipped_as_in_a_policy_file(tmp_path):
    path = tmp_path / "trailing.test.yaml"
    path.write_text("apiVersion: covenant/v1\nkind: PolicyTest\ncases: []\n---\n")
    out = covenant("policy", "validate", str(path))
    assert out.returncode == 0, out.stderr


def test_explain_against_a_missing_policy_directory_says_so(tmp_path):
    """A mistyped --policies (or a config naming a directory not there) is not 'no policy matches: the request is
    allowed with no limits': the operator asking what applies is told the directory is not there (status 1,
    as policy test)."""
    out = covenant("policy", "explain", "--tenant", "acme", "--account", "a", "--model", "gpt-4o",
                   "--policies", str(tmp_path / "polcies"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [f"{tmp_path / 'polcies'}: no such file or directory"]
    assert "no policy matches" not in out.stdout
