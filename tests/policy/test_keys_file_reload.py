"""A keys file rewritten with the wrong shape is refused like a broken one: the previous keys stay in force, the
error names the file, and the watcher goes on reloading policies and keys (it once died on an AttributeError,
turning hot reload off until a restart)."""

from __future__ import annotations

import httpx
import pytest

from tests.policy.test_hot_reload import DENY_BETA, wait_for
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher


@pytest.fixture
def gateway():  # its own: test_hot_reload's leaves a broken policy file behind on purpose
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url)
        gw.key = gw.create_key("acme", "keeper")
        yield gw.start()
        gw.stop()


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

    (gateway.policy_dir / "50-no-beta.yaml").write_text(DENY_BETA)  # the watcher still reloads policies...
    assert wait_for(lambda: chat(gateway, gateway.key, "beta-1") == 403), "policy watcher stopped"
    gateway.keys_file.write_text(good)
    late = gateway.create_key("acme", "late-arrival")  # ...and keys
    assert wait_for(lambda: chat(gateway, late) == 200)
    assert "watcher stopped" not in gateway.logs()
