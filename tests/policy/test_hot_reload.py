"""Hot reload against a running gateway: valid changes take effect, invalid ones are rejected
with the same error text while the running version stays in force — and no request is lost."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

DENY_BETA = """apiVersion: covenant/v1
kind: Policy
metadata:
  name: no-beta-model
spec:
  selector: {models: ["beta-*"]}
  access: {action: deny, message: beta models are closed}
"""
BROKEN = """apiVersion: covenant/v1
kind: Policy
metadata:
  name: broken
spec:
  selector: {modelz: ["x"]}
"""


@pytest.fixture(scope="module")
def gateway():
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url)
        gw.key = gw.create_key("acme", "reloader")
        gw.start()
        yield gw
        gw.stop()


def wait_for(predicate, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def chat(gw: GatewayProcess, model: str) -> httpx.Response:
    return httpx.post(gw.openai_base_url + "/chat/completions", timeout=10,
                      headers={"authorization": f"Bearer {gw.key}"},
                      json={"model": model, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 5})


def reload_metric(gw: GatewayProcess, result: str) -> float:
    return exposed(gw, f'covenant_policy_reloads_total{{result="{result}"}}')


def exposed(gw: GatewayProcess, series: str) -> float:
    """The value of one series in the exposition (exactly as written there); absent fails the test."""
    for line in httpx.get(gw.url + "/metrics", timeout=5).text.splitlines():
        if line.startswith(series + " "):
            return float(line.split()[-1])
    raise AssertionError(f"{series} is not exposed")


def test_valid_then_invalid_change_under_load(gateway):
    statuses: list[int] = []
    stop = threading.Event()

    def load() -> None:
        while not stop.is_set():
            statuses.append(chat(gateway, "gpt-4o-mini").status_code)

    workers = [threading.Thread(target=load) for _ in range(3)]
    for w in workers:
        w.start()
    try:
        version_before = gateway.admin("GET", "/admin/v1/policy").json()["version"]
        assert chat(gateway, "beta-1").status_code == 200

        (gateway.policy_dir / "50-no-beta.yaml").write_text(DENY_BETA)
        assert wait_for(lambda: chat(gateway, "beta-1").status_code == 403), "valid change did not take effect"
        status = gateway.admin("GET", "/admin/v1/policy").json()
        assert status["version"] != version_before
        assert "no-beta-model" in [p["name"] for p in status["policies"]]
        # exposed (at 0) before any failure: a counter series born at 1 would show no increase() to alert on
        errors_before = reload_metric(gateway, "error")
        assert exposed(gateway, "covenant_policy_last_reload_successful") == 1

        (gateway.policy_dir / "60-broken.yaml").write_text(BROKEN)
        expected = f"{gateway.policy_dir / '60-broken.yaml'}:6:14: spec.selector.modelz: unknown field"
        assert wait_for(lambda: gateway.admin("GET", "/admin/v1/policy").json()["last_error"] == expected)
        assert expected in gateway.logs()
        assert reload_metric(gateway, "error") == errors_before + 1
        assert exposed(gateway, "covenant_policy_last_reload_successful") == 0  # CovenantPolicyReloadFailing
        # a reload asked for through the admin API says it failed (a deploy script's `curl -f` sees it)
        asked = gateway.admin("POST", "/admin/v1/policy/reload")
        assert asked.status_code == 422 and asked.json()["last_error"] == expected
        assert asked.json()["version"] == status["version"]
        # The running version stays in force.
        assert gateway.admin("GET", "/admin/v1/policy").json()["version"] == status["version"]
        assert chat(gateway, "beta-1").status_code == 403
        (gateway.policy_dir / "60-broken.yaml").unlink()  # fixed: the alert's gauge is back
        assert wait_for(lambda: exposed(gateway, "covenant_policy_last_reload_successful") == 1)
        asked = gateway.admin("POST", "/admin/v1/policy/reload")
        assert asked.status_code == 200 and asked.json()["last_error"] is None
    finally:
        stop.set()
        for w in workers:
            w.join()
    assert statuses and set(statuses) == {200}, f"requests failed during reloads: {set(statuses)}"


def test_admin_api_needs_the_admin_token(gateway):
    assert httpx.get(gateway.url + "/admin/v1/policy", timeout=5).status_code == 401
    r = httpx.get(gateway.url + "/admin/v1/policy", headers={"authorization": f"Bearer {gateway.key}"}, timeout=5)
    assert r.status_code == 401, "a caller key must never open the admin API"


def test_writes_beside_the_watched_files_neither_reload_nor_log(gateway):
    """The keys file's directory is watched, and the gateway's log sits in it here (as it does when an operator
    runs `covenant serve > covenant.log` where the keys file is): a write there that is not a policy or the keys
    file must not wake the watcher, or each logged change would be a new change."""
    reloads_before = reload_metric(gateway, "success") + reload_metric(gateway, "error")
    lines_before = gateway.logs().count("\n")
    for i in range(5):
        (gateway.workdir / "notes.txt").write_text(f"unrelated {i}")
        time.sleep(0.3)
    time.sleep(1.0)  # several debounce windows
    new_lines = gateway.logs().splitlines()[lines_before:]
    assert not [line for line in new_lines if "change detected" in line], new_lines[:5]
    assert reload_metric(gateway, "success") + reload_metric(gateway, "error") == reloads_before
    # the keys file itself is still watched: a key created now works without a restart
    key = gateway.create_key("acme", "late-arrival")
    assert wait_for(lambda: httpx.post(gateway.openai_base_url + "/chat/completions", timeout=10,
                                       headers={"authorization": f"Bearer {key}"},
                                       json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}],
                                             "max_tokens": 5}).status_code == 200)
