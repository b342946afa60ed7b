"""An admin token set to nothing (`COVENANT_ADMIN_TOKEN=` in a manifest whose secret did not render) leaves the
admin API disabled, as an unset one does; it once let an empty `Authorization: Bearer` header list and create keys."""

from __future__ import annotations

import httpx
import pytest

from tests.support.gateway import GatewayProcess


@pytest.fixture(scope="module", params=["", "   "])
def gateway(request, teacher):
    gw = GatewayProcess(upstream_url=teacher.url, env={"COVENANT_ADMIN_TOKEN": request.param})
    gw.start()
    yield gw
    gw.stop()


@pytest.mark.parametrize("header", ["Bearer", None])
def test_an_empty_admin_token_disables_the_admin_api(gateway, header):
    headers = {"authorization": header} if header is not None else {}
    for method, path in (("GET", "/admin/v1/keys"), ("GET", "/admin/v1/policy"), ("POST", "/admin/v1/keys")):
        r = httpx.request(method, gateway.url + path, headers=headers, timeout=10,
                          json={"tenant": "acme", "account": "mallory"} if method == "POST" else None)
        assert r.status_code == 503, (method, path, r.status_code, r.text[:200])
        assert "admin API disabled" in r.text
