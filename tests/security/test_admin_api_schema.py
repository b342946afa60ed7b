"""Schemathesis against the admin API's own OpenAPI document, served by a real gateway.

With the admin token: no generated request gives a 5xx, and every response conforms to the
schema (status codes, content types, bodies, headers). Without it: every admin operation is 401,
whatever the generated path, query and body.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from tests.support.gateway import ADMIN_TOKEN, GatewayProcess

ADMIN_PREFIX = "/admin/v1"
# Conformance of what the API answers, a 405 with its Allow header for a method a path does not serve included.
# Left out: negative_data_rejection (pydantic's lax mode coerces e.g. `false` to 0.0 by design),
# positive_data_acceptance (a well-formed decision for an unknown principal is a 404), and allow_header_conformance:
# a principal's path `/principals/{id}` is also the POST route `/principals/{rest}` (ids hold slashes, and the
# decision route reads its `/decision` tail itself), so its Allow says GET, POST where the schema documents GET.
CONFORMANCE = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
               response_headers_conformance, unsupported_method]
SETTINGS = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture(scope="module")
def admin_gateway(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*",))
    gw.create_key("acme", "schema-tested")
    gw.start()
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def admin_schema(admin_gateway):
    return schemathesis.openapi.from_url(admin_gateway.url + "/admin/openapi.json")


# Only the admin operations: /healthz, /readyz and /metrics are open by design (probes, scrapers).
schema = schemathesis.pytest.from_fixture("admin_schema").include(path_regex="^" + ADMIN_PREFIX)


@schema.parametrize()
@SETTINGS
def test_with_the_admin_token_no_5xx_and_responses_conform(case, admin_gateway):
    case.call_and_validate(base_url=admin_gateway.url, headers={"authorization": f"Bearer {ADMIN_TOKEN}"},
                           checks=CONFORMANCE)


@schema.parametrize()
@SETTINGS
def test_without_the_admin_token_every_operation_is_401(case, admin_gateway):
    for headers in ({}, {"authorization": "Bearer not-the-token"}, {"authorization": ADMIN_TOKEN}):
        resp = case.call(base_url=admin_gateway.url, headers=headers)
        if case.method.upper() != case.operation.method.upper():
            # A method the route does not have: routing refuses it before any handler or data.
            assert resp.status_code in (401, 405), (case.method, case.formatted_path, resp.status_code)
            continue
        assert resp.status_code == 401, (case.method, case.formatted_path, headers, resp.status_code, resp.text)
        assert resp.headers.get("www-authenticate") == ["Bearer"]


@pytest.mark.parametrize("method, path, allow", [
    ("DELETE", "/admin/v1/keys", "GET, POST"),  # two routes serve the path: both methods
    ("GET", "/admin/v1/watermark/detect", "POST"),
    ("POST", "/healthz", "GET, HEAD"),
])
def test_a_method_a_path_does_not_serve_is_a_405_naming_every_method_it_does(admin_gateway, method, path,
                                                                            allow) -> None:
    resp = admin_gateway.admin(method, path)
    assert resp.status_code == 405 and resp.headers["allow"] == allow, (resp.status_code, resp.headers)
