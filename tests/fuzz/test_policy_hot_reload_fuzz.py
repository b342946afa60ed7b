"""Fuzzed policy files pushed through a RUNNING gateway's hot reload (the file watcher).

Each example writes a mutated shipped policy (or arbitrary text as a new file) into the gateway's
policy directory. The in-process loader is the oracle: when it accepts the directory, the gateway
runs exactly that version; when it refuses, the running version does not change and
`/admin/v1/policy` reports the error naming the file. The gateway keeps serving throughout, and
the original file is restored after each example.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gateway.errors import PolicyError
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies
from tests.fuzz.policy_mutations import mutate
from tests.reliability.support import wait_for
from tests.support.gateway import GatewayProcess

TARGETS = ("00-baseline.yaml", "10-free-tier.yaml", "30-watermark.yaml", "40-extraction.yaml", "90-fuzz.yaml")
RELOAD_TIMEOUT_S = 15.0


@pytest.fixture(scope="module")
def reloading():
    gw = GatewayProcess(upstream_url=None, drop_policies=("20-pii*",))
    gw.key = gw.create_key("acme", "fuzz-reload")
    gw.start()
    yield gw
    gw.stop()


def _expected_version(policy_dir: Path) -> str | None:
    try:
        return CompiledPolicySet(load_policies([policy_dir])).version
    except PolicyError:
        return None


def _status(gw: GatewayProcess) -> dict:
    return gw.admin("GET", "/admin/v1/policy").json()


def _serves(gw: GatewayProcess) -> bool:
    r = httpx.post(gw.openai_base_url + "/chat/completions", headers={"authorization": f"Bearer {gw.key}"},
                   json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "still there?"}]}, timeout=10)
    # A valid mutated policy may legitimately deny (a limit of 0, access rules): never a 5xx.
    return r.status_code < 500 and httpx.get(gw.url + "/readyz", timeout=5).status_code == 200


def _write(path: Path, text: str | None) -> None:
    if text is None:
        path.unlink(missing_ok=True)
    else:
        path.write_text(text, encoding="utf-8")


@settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_fuzzed_policy_reload_never_replaces_the_running_version_with_a_broken_one(reloading, target, data):
    gw = reloading
    path = gw.policy_dir / target
    original = path.read_text() if path.exists() else None
    fuzzed = (mutate(original, data) if original is not None
              else data.draw(st.text(max_size=200)).encode("utf-8", "replace").decode("utf-8"))
    before = _status(gw)
    assert before["last_error"] is None, before
    written_at = time.time()
    try:
        _write(path, fuzzed)
        expected = _expected_version(gw.policy_dir)
        event("valid" if expected is not None else "invalid")
        if expected is not None:
            assert wait_for(lambda: _status(gw)["version"] == expected, RELOAD_TIMEOUT_S), (fuzzed, _status(gw))
            assert _status(gw)["last_error"] is None
        else:
            status = wait_for(lambda: (s := _status(gw))["last_error_at"] and s["last_error_at"] >= written_at and s,
                              RELOAD_TIMEOUT_S)
            assert status, ("the broken file was never reported", fuzzed, _status(gw))
            assert status["version"] == before["version"], "a broken file replaced the running version"
            assert target in status["last_error"], status["last_error"]
        assert _serves(gw)
    finally:
        _write(path, original)
        assert wait_for(lambda: (s := _status(gw))["version"] == before["version"] and s["last_error"] is None,
                        RELOAD_TIMEOUT_S), "the restored file was not reloaded"
    assert _serves(gw)
