"""What the admin watermark routes take: a leaked text up to 5 M characters. An operator pasting a bigger dump
(`covenant watermark trace - < dump.txt`) is told so in a few bytes: the body is refused before it is read
whole, and a refused text is not echoed back."""

from __future__ import annotations

import httpx
import pytest

from gateway.admin import MAX_BODY_BYTES
from tests.support.gateway import ADMIN_TOKEN, GatewayProcess
from tests.watermark.prose import SECRET_ENV

AUTH = {"authorization": f"Bearer {ADMIN_TOKEN}", "content-type": "application/json"}


@pytest.fixture(scope="module")
def gw():
    gw = GatewayProcess(upstream_url=None, drop_policies=("20-pii*",), env=SECRET_ENV).start()
    yield gw
    gw.stop()


@pytest.mark.parametrize("route", ["detect", "trace"])
def test_a_text_over_the_limit_is_refused_without_being_echoed(gw, route):
    r = gw.admin("POST", f"/admin/v1/watermark/{route}", json={"text": "leaked words " * 400_000})
    assert r.status_code == 422
    assert len(r.content) < 2_000, len(r.content)  # was the whole 5.2 MB text, in "input"
    (error,) = r.json()["detail"]
    assert error["type"] == "string_too_long" and error["loc"] == ["body", "text"]
    r = gw.admin("POST", f"/admin/v1/watermark/{route}", json={"txt": "leaked words " * 1_000})  # misspelt field
    assert r.status_code == 422 and len(r.content) < 2_000, len(r.content)  # was the whole body, in "input"


def _body(size: int):
    head = b'{"text": "'
    yield head
    left = size - len(head) - 2
    while left > 0:
        n = min(left, 1 << 20)
        yield b"w" * n
        left -= n
    yield b'"}'


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_admin_limit_is_refused_before_it_is_read(gw, chunked):
    size = MAX_BODY_BYTES + 1
    content = _body(size) if chunked else b"".join(_body(size))  # chunked: no content-length to go by
    r = httpx.post(gw.url + "/admin/v1/watermark/detect", content=content, headers=AUTH, timeout=60)
    assert r.status_code == 413, r.content[:300]
    assert r.json() == {"detail": f"request body over {MAX_BODY_BYTES} bytes"}
    # the same size without the token is still 401 (checked first)
    r = httpx.post(gw.url + "/admin/v1/watermark/detect", content=b"".join(_body(size)), timeout=60,
                   headers={"content-type": "application/json"})
    assert r.status_code == 401
    assert gw.admin("POST", "/admin/v1/watermark/detect", json={"text": "A big house."}).status_code == 200
