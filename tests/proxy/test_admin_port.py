"""The admin API can be served on its own port, and is then absent from the proxy port."""

from __future__ import annotations

import httpx

from tests.support.gateway import ADMIN_TOKEN, GatewayProcess
from tests.support.ports import free_port, wait_listening


def test_admin_on_its_own_port(teacher):
    admin_port = free_port()
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*", "30-watermark*"),
                        extra_config={"admin_port": admin_port})
    gw.start()
    try:
        wait_listening(admin_port)
        auth = {"authorization": f"Bearer {ADMIN_TOKEN}"}
        assert httpx.get(f"http://127.0.0.1:{admin_port}/admin/v1/policy", headers=auth, timeout=5).status_code == 200
        assert httpx.get(gw.url + "/admin/v1/policy", headers=auth, timeout=5).status_code == 404
        assert httpx.get(gw.url + "/healthz", timeout=5).status_code == 200
    finally:
        gw.stop()
