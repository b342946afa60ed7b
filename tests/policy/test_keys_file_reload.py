"""A keys file rewritten with the wrong shape is refused like a broken one: the previous keys stay in force, the
error names the file, and the watcher goes on reloading policies and keys (it once died on an AttributeError,
turning hot reload off until a restart)."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

DENY_GAMMA = """apiVersion: covenant/v1
kind: Policy
metadata:
  name: no-gamma-model
spec:
  selector: {models: ["gamma-*"]}
  access: {action: deny, message: gamma models are closed}
"""


@pytest.fixture
def gateway():
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url)
        gw.key = gw.create_key("acme", "keeper")
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


def chat(gw: GatewayProcess, key: str, model: str = "gpt-4o-mini") -> int:
    return httpx.post(gw.openai_base_url + "/chat/completions", timeout=10, headers={"authorization": f"Bearer {key}"},
                      json={"model": model, "messages": [{"role": "user", "content": "hi"}],
                            "max_tokens": 5}).status_code


@pytest.mark.parametrize("content", ["[]", '{"keys": [null]}', '{"keys": {"a": 1}}'])
def test_a_keys_file_of_the_wrong_shape_keeps_the_keys_and_the_watcher(gateway, content):
    good = gateway.keys_file.read_text()
    gateway.keys_file.write_text(content)
    assert wait_for(lambda: "not reloaded, keeping the previous keys" in gateway.logs()), gateway.logs()[-2000:]
    assert str(gateway.keys_file) in gateway.logs()
    assert chat(gateway, gateway.key) == 200  # the previous keys are still in force

    (gateway.policy_dir / "50-no-gamma.yaml").write_text(DENY_GAMMA)  # the watcher still reloads policies...
    assert wait_for(lambda: chat(gateway, gateway.key, "gamma-1") == 403), "policy watcher stopped"
    gateway.keys_file.write_text(good)
    late = gateway.create_key("acme", "late-arrival")  # ...and keys
    assert wait_for(lambda: chat(gateway, late) == 200)
    assert "watcher stopped" not in gateway.logs()
