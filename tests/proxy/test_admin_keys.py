"""Keys through the admin API: a provisioning job creates a key (shown once), the SDK can use it at
once, revoking or expiry stops it with a clear reason, and every change is in the audit log."""

from __future__ import annotations

import json
import time

import openai
import pytest

from tests.support.gateway import GatewayProcess

MSG = [{"role": "user", "content": "Hello"}]


@pytest.fixture(scope="module")
def gw(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*", "30-watermark*", "40-extraction*"),
                        extra_config={"audit": {"sink": "file", "path": "audit/audit.jsonl"}})
    gw.start()
    yield gw
    gw.stop()


def _client(gw: GatewayProcess, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)


def test_a_created_key_is_returned_once_and_works_at_once(gw):
    r = gw.admin("POST", "/admin/v1/keys", json={"tenant": "acme", "account": "portal-user-1",
                                                 "labels": {"tier": "pro"}, "reason": "signed up"})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["key"].startswith("cov_") and created["status"] == "active" and created["expires"] is None
    reply = _client(gw, created["key"]).chat.completions.create(model="gpt-4o-mini", messages=MSG)
    assert reply.choices[0].message.content
    shown = gw.admin("GET", f"/admin/v1/keys/{created['key_id']}").json()
    assert "key" not in shown and shown["labels"] == {"tier": "pro"}
    assert created["key"] not in (gw.workdir / "keys.json").read_text(), "only the hash is stored"
    listed = gw.admin("GET", "/admin/v1/keys", params={"account": "portal-user-1"}).json()
    assert [k["key_id"] for k in listed] == [created["key_id"]]


def test_the_list_pages_in_a_stable_order(gw):
    made = [gw.admin("POST", "/admin/v1/keys", json={"tenant": "paged", "account": f"user-{i}"}).json()["key_id"]
            for i in range(5)]
    pages = [gw.admin("GET", "/admin/v1/keys", params={"tenant": "paged", "limit": 2, "offset": at}).json()
             for at in (0, 2, 4)]
    assert [[k["account"] for k in page] for page in pages] == [["user-0", "user-1"], ["user-2", "user-3"], ["user-4"]]
    assert sorted(k["key_id"] for page in pages for k in page) == sorted(made)


def test_a_revoked_key_is_refused_from_the_next_request(gw):
    created = gw.admin("POST", "/admin/v1/keys", json={"tenant": "acme", "account": "portal-user-2"}).json()
    client = _client(gw, created["key"])
    client.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    r = gw.admin("POST", f"/admin/v1/keys/{created['key_id']}/revoke", json={"reason": "left the company"})
    assert r.status_code == 200 and r.json()["status"] == "revoked"
    with pytest.raises(openai.AuthenticationError, match="revoked"):
        client.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    assert gw.admin("GET", "/admin/v1/keys", params={"status": "revoked"}).json()[0]["key_id"] == created["key_id"]
    assert gw.admin("POST", "/admin/v1/keys/nope/revoke").status_code == 404


def test_an_expiring_key_stops_at_its_time_with_the_reason(gw):
    created = gw.admin("POST", "/admin/v1/keys", json={"tenant": "acme", "account": "trial-1",
                                                       "expires_in_seconds": 1}).json()
    assert created["expires"] == pytest.approx(time.time() + 1, abs=5)
    client = _client(gw, created["key"])
    client.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    time.sleep(max(0.0, created["expires"] - time.time()) + 0.05)
    with pytest.raises(openai.AuthenticationError) as caught:
        client.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    assert caught.value.code == "expired_api_key" and "expired at" in caught.value.message
    assert gw.admin("GET", f"/admin/v1/keys/{created['key_id']}").json()["status"] == "expired"


@pytest.mark.parametrize("body", [
    {"tenant": "acme", "account": "a/b"},  # would make principal ids ("tenant/account") ambiguous
    {"tenant": "", "account": "x"},
    {"tenant": "acme", "account": "x", "expires_in_seconds": 0},
    {"tenant": "acme", "account": "x", "expires_at": "2027-01-01T00:00:00"},  # no time zone
    {"tenant": "acme", "account": "x", "expires_at": "2027-01-01T00:00:00Z", "expires_in_seconds": 60},
    {"tenant": "acme", "account": "x", "labels": {"bad key": "v"}},
])
def test_bad_requests_are_422_and_create_nothing(gw, body):
    before = len(gw.admin("GET", "/admin/v1/keys").json())
    assert gw.admin("POST", "/admin/v1/keys", json=body).status_code == 422
    assert len(gw.admin("GET", "/admin/v1/keys").json()) == before


@pytest.mark.parametrize(("content_type", "body", "status", "said"), [
    ("application/json", b'{"tenant": ', 400, "the body is not valid JSON: Expecting value (at character 11)"),
    ("application/x-www-form-urlencoded", b"tenant=acme&account=x", 415,
     "send the body as JSON with content-type: application/json (got application/x-www-form-urlencoded)"),
    (None, b'{"tenant": "acme", "account": "x"}', 415,
     "send the body as JSON with content-type: application/json (got no content-type)"),
])
def test_a_body_that_is_not_json_says_so_and_creates_nothing(gw, content_type, body, status, said):
    """FastAPI answered both with a 422: one locating the error at a character, the other (what `curl -d` sends)
    saying "Input should be a valid dictionary" and repeating the body."""
    before = len(gw.admin("GET", "/admin/v1/keys").json())
    headers = {"content-type": content_type} if content_type else {}
    r = gw.admin("POST", "/admin/v1/keys", content=body, headers=headers)
    assert (r.status_code, r.json()) == (status, {"detail": said})
    assert len(gw.admin("GET", "/admin/v1/keys").json()) == before
    ok = gw.admin("POST", "/admin/v1/keys", content=b'{"tenant": "acme", "account": "typed"}',
                  headers={"content-type": "application/json; charset=utf-8"})
    assert ok.status_code == 201


def test_probes_answer_head(gw):
    import httpx

    for path in ("/healthz", "/readyz"):
        assert httpx.head(gw.url + path, timeout=5).status_code == 200


def test_key_changes_are_audit_records_of_their_own(gw):  # last: it stops the gateway
    created = gw.admin("POST", "/admin/v1/keys", json={"tenant": "acme", "account": "audited-1",
                                                       "reason": "ticket 42"}).json()
    gw.admin("POST", f"/admin/v1/keys/{created['key_id']}/revoke")
    gw.stop()  # flushes the audit queue
    records = [json.loads(line) for line in (gw.workdir / "audit" / "audit.jsonl").read_text().splitlines()]
    changes = [(r["action"], r["reason"]) for r in records if r.get("kind") == "key" and r["account"] == "audited-1"]
    assert changes == [("created", "ticket 42"), ("revoked", "")]
    assert all(created["key"] not in json.dumps(r) for r in records)
    assert "key " + created["key_id"] + " created (acme/audited-1) through the admin API: ticket 42" in gw.logs()



def _offline_admin(keys):
    """The admin app of a gateway that is not started, over the key store given (no process, no upstream)."""
    import httpx

    from gateway.admin import build_admin_app
    from gateway.config import Settings
    from gateway.service import Gateway

    gw = Gateway(Settings(admin_token="t0ken", dev_key=False))
    gw.keys = keys
    return httpx.AsyncClient(transport=httpx.ASGITransport(build_admin_app(gw)), base_url="http://admin",
                             headers={"authorization": "Bearer t0ken"})


async def test_a_keys_file_that_cannot_be_written_is_503_and_no_key_is_made(tmp_path):
    """The record was kept in memory before the file was written: the caller got a 500, and the key it was told
    had failed worked until the next restart."""
    from gateway.identity import FileKeyStore

    (tmp_path / "keys").write_text("")  # a file where the keys file's folder should be: nothing can be written
    keys = FileKeyStore(tmp_path / "keys" / "keys.json")
    async with _offline_admin(keys) as admin:
        r = await admin.post("/admin/v1/keys", json={"tenant": "acme", "account": "x"})
        assert r.status_code == 503 and r.json()["detail"].startswith("the keys file cannot be written: ")
        assert (await admin.get("/admin/v1/keys")).json() == []
    assert await keys.all() == []


async def test_an_unreachable_store_is_503_to_retry(tmp_path):
    from gateway.identity import RedisKeyStore
    from gateway.store import open_store
    from tests.support.ports import closed_port

    with closed_port() as port:
        store = open_store(f"redis://127.0.0.1:{port}/0", timeout_ms=200)
        try:
            async with _offline_admin(RedisKeyStore(store)) as admin:
                for method, path in (("GET", "/admin/v1/keys"), ("GET", "/admin/v1/keys/0123456789ab"),
                                     ("POST", "/admin/v1/keys")):
                    r = await admin.request(method, path, json={"tenant": "acme", "account": "x"})
                    assert (r.status_code, r.headers.get("retry-after")) == (503, "1"), (path, r.text)
                    assert r.json()["detail"].startswith("the store is unavailable, retry shortly: ")
        finally:
            await store.close()
