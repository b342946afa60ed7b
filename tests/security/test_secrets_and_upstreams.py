"""Secrets never leak and callers never choose the upstream.

One gateway on a real Redis store runs mixed traffic with KNOWN secrets (a caller key, the upstream
key, the admin token, the watermark master secret, PII values in prompts), then every output channel
is scanned for them: gateway logs (JSON), /metrics, error bodies, the audit file, Redis keys and values.
"""

from __future__ import annotations

import json
import socket

import httpx
import pytest
import redis

from gateway.identity import new_key
from tests.ratelimit_gateway.helpers import put_key_record
from tests.reliability.support import audit_records, wait_for
from tests.support.gateway import ADMIN_TOKEN, GatewayProcess

UPSTREAM_KEY = "sk-upstream-secret-abc123"  # what GatewayProcess puts in TEACHER_API_KEY
WATERMARK_SECRET = "wm-master-secret-5f1e9c0d7a2b4e68"
PII = ["jane.roe@example.org", "+1 415 555 0142", "078-05-1120"]


@pytest.fixture(scope="module")
def secured(teacher, redis_server):
    redis_server.cli("FLUSHALL")
    gw = GatewayProcess(upstream_url=teacher.url, store=redis_server.url,
                        env={"COVENANT_WATERMARK_SECRET": WATERMARK_SECRET},
                        extra_config={"audit": {"sink": "file", "path": "audit/audit.jsonl", "content": "hash"},
                                      "log_level": "debug"})
    key, record = new_key("acme", "secret-holder", {"tier": "pro"})
    put_key_record(redis_server.url, record)
    gw.key, gw.redis = key, redis_server
    gw.start()
    yield gw
    gw.stop()


def _secret_part(key: str) -> str:
    """`cov_<key id>_<secret>`: the secret is URL-safe base64 and may itself contain '_'."""
    return key.split("_", 2)[2]


def _secrets(gw: GatewayProcess) -> dict[str, str]:
    return {"caller key": gw.key, "caller key secret part": _secret_part(gw.key), "upstream key": UPSTREAM_KEY,
            "admin token": ADMIN_TOKEN, "watermark secret": WATERMARK_SECRET,
            **{f"pii {v}": v for v in PII}}


def _traffic(gw: GatewayProcess) -> list[bytes]:
    """Mixed traffic; returns every response body the callers saw."""
    auth = {"authorization": f"Bearer {gw.key}"}
    bodies: list[bytes] = []
    prompt = f"My email is {PII[0]}, call {PII[1]}, SSN {PII[2]}. Summarise."
    with httpx.Client(base_url=gw.url, timeout=20) as c:
        for stream in (False, True):
            bodies.append(c.post("/v1/chat/completions", headers=auth, json={
                "model": "gpt-4o-mini", "stream": stream, "messages": [{"role": "user", "content": prompt}]}).content)
        bodies.append(c.post("/v1/messages", headers={"x-api-key": gw.key, "anthropic-version": "2023-06-01"},
                             json={"model": "claude-mock-1", "max_tokens": 30,
                                   "messages": [{"role": "user", "content": prompt}]}).content)
        bodies.append(c.post("/v1/chat/completions", headers={"authorization": f"Bearer {gw.key}x"},
                             json={"model": "gpt-4o-mini", "messages": []}).content)  # wrong key
        bodies.append(c.post("/v1/chat/completions", headers=auth, content=b'{"model": "' + PII[0].encode()).content)
        bodies.append(c.post("/v1/chat/completions", headers=auth, json={"model": "gpt-4o-mini", "messages": [
            {"role": "user", "content": f"my key is {UPSTREAM_KEY} and sk-proj-{'a' * 40}"}]}).content)
        bodies.append(c.get("/admin/v1/keys", headers={"authorization": f"Bearer {ADMIN_TOKEN}"}).content)
        bodies.append(c.get("/admin/v1/policy", headers=auth).content)
    return bodies


def _redis_dump(url: str, exclude: str | None = None, only: str | None = None) -> str:
    r = redis.Redis.from_url(url)
    dump = []
    for k in r.scan_iter(count=1000):
        name = k.decode()
        if (exclude and name.startswith(exclude)) or (only and not name.startswith(only)):
            continue
        kind = r.type(k)
        value = {b"string": lambda k=k: r.get(k), b"hash": lambda k=k: r.hgetall(k),
                 b"list": lambda k=k: r.lrange(k, 0, -1), b"set": lambda k=k: r.smembers(k),
                 b"zset": lambda k=k: r.zrange(k, 0, -1, withscores=True),
                 b"stream": lambda k=k: r.xrange(k)}.get(kind, lambda: b"")()
        dump.append(repr(k) + " => " + repr(value))
    return "\n".join(dump)


EVENTS = "covenant:extraction:events"


def test_no_secret_in_any_output_channel(secured):
    bodies = _traffic(secured)
    metrics = httpx.get(secured.url + "/metrics", timeout=5).text
    assert wait_for(lambda: len(audit_records(secured)) >= 6)
    secured_audit = (secured.workdir / "audit" / "audit.jsonl").read_text()
    channels = {"logs": secured.logs(), "metrics": metrics, "responses": "\n".join(b.decode("utf-8", "replace")
                                                                                  for b in bodies),
                "audit": secured_audit, "redis": _redis_dump(secured.redis.url, exclude=EVENTS)}
    assert len(channels["redis"]) > 100 and len(channels["logs"]) > 1000, "the channels were really read"
    leaks = [(name, where) for name, secret in _secrets(secured).items() for where, text in channels.items()
             if secret in text]
    # The caller's own prompt comes back in the upstream's reply only if the model repeats it; the
    # mock teacher does not, so any PII hit in responses would be the gateway's doing.
    lines = {name: [line[:300] for line in channels[where].splitlines() if secret in line][:2]
             for name, secret in _secrets(secured).items() for where in channels if secret in channels[where]}
    assert leaks == [], lines


def test_extraction_events_hold_no_prompt_text(secured):
    _traffic(secured)
    events = _redis_dump(secured.redis.url, only=EVENTS)
    assert events, "the feature events were published"
    assert not [v for v in PII if v in events]


@pytest.mark.parametrize("stored", [b"{not json", b'{"tenant": "acme"}', b'["a", "list"]',
                                    b'{"key_id": 7, "sha256": "x", "tenant": "acme", "account": "a"}'],
                         ids=["not-json", "fields-missing", "not-an-object", "wrong-types"])
def test_a_damaged_key_record_refuses_its_own_key_not_every_request(secured, stored):
    key, record = new_key("acme", f"damaged-{len(stored)}", {})
    store = redis.Redis.from_url(secured.redis.url)
    store.hset("covenant:keys", record.key_id, stored)
    try:
        body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 5}
        refused = httpx.post(secured.openai_base_url + "/chat/completions", json=body, timeout=10,
                             headers={"authorization": f"Bearer {key}"})
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "invalid_api_key"
        assert wait_for(lambda: "is not a key record" in secured.logs())
        served = httpx.post(secured.openai_base_url + "/chat/completions", json=body, timeout=10,
                            headers={"authorization": f"Bearer {secured.key}"})
        assert served.status_code == 200
        assert secured.admin("GET", "/admin/v1/keys").status_code == 200  # the list leaves the damaged one out
    finally:
        store.hdel("covenant:keys", record.key_id)  # the module's other tests read every record


def test_keys_are_stored_only_as_hashes(secured):
    raw = redis.Redis.from_url(secured.redis.url).hgetall("covenant:keys")
    assert raw, "the key record is in the shared hash"
    text = repr(raw)
    assert secured.key not in text and _secret_part(secured.key) not in text
    assert any(json.loads(v).get("sha256") for v in raw.values())


def test_keys_file_holds_only_hashes(tmp_path):
    gw = GatewayProcess(upstream_url=None, workdir=tmp_path)
    key = gw.create_key("acme", "filed")
    text = gw.keys_file.read_text()
    assert key not in text and _secret_part(key) not in text and "sha256" in text


@pytest.mark.parametrize("path", ["/admin/v1/keys", "/admin/v1/policy", "/admin/v1/extraction/principals"])
def test_admin_api_refuses_a_caller_key(secured, path):
    for headers in ({"authorization": f"Bearer {secured.key}"}, {"x-api-key": secured.key}, {}):
        r = httpx.get(secured.url + path, headers=headers, timeout=5)
        assert r.status_code == 401, (headers.keys(), r.status_code, r.text)
    assert httpx.post(secured.url + "/admin/v1/policy/reload", headers={"authorization": f"Bearer {secured.key}"},
                      timeout=5).status_code == 401
    assert secured.admin("GET", path).status_code == 200


def test_no_admin_route_on_the_proxy_path(secured):
    for path in ("/v1/admin/v1/keys", "/v1/../admin/v1/keys", "/v1/%2e%2e/admin/v1/keys"):
        r = httpx.get(secured.url + path, headers={"authorization": f"Bearer {secured.key}"}, timeout=5)
        assert r.status_code in (401, 404, 405), (path, r.status_code)
        assert b"key_id" not in r.content


def _teacher_saw(teacher, n: int) -> list[dict]:
    return teacher.requests()[-n:]


def test_caller_cannot_choose_upstream_or_credential(secured, teacher):
    teacher.clear_requests()
    attempts = [
        {"x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "forwarded": "host=evil.example"},
        {"host": "evil.example:443"},
        {"x-covenant-upstream": "http://evil.example", "x-api-key": "sk-caller-chosen"},
    ]
    for extra in attempts:
        r = httpx.post(secured.openai_base_url + "/chat/completions", timeout=10,
                       headers={"authorization": f"Bearer {secured.key}", **extra},
                       json={"model": "gpt-4o-mini", "base_url": "http://evil.example/v1",
                             "api_base": "http://evil.example", "api_key": "sk-caller-chosen",
                             "messages": [{"role": "user", "content": "hi"}]})
        assert r.status_code in (200, 400), r.text
    # absolute-URI request target (proxy form): routed by path only, to the configured upstream
    with socket.create_connection(("127.0.0.1", secured.port), timeout=10) as s:
        body = b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}'
        s.sendall(b"POST http://evil.example/v1/chat/completions HTTP/1.1\r\nhost: evil.example\r\n"
                  b"authorization: Bearer " + secured.key.encode() + b"\r\ncontent-type: application/json\r\n"
                  b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        status = s.recv(65536).split(b" ", 2)[1]
    assert status in (b"200", b"400", b"404")
    seen = teacher.requests()
    assert seen, "requests reached the configured upstream"
    from gateway.mock_teacher.recorder import credential_fingerprint
    ours = credential_fingerprint(UPSTREAM_KEY)
    for rec in seen:
        assert set(rec["credentials"].values()) == {ours}, rec["credentials"]
        assert not {"x-forwarded-host", "forwarded", "x-covenant-upstream"} & set(rec["headers"])


@pytest.mark.parametrize("url", ["redis://:s3cret@redis:6379/0", "rediss://user:s3cret@redis:6380/0",
                                 "redis://redis:6379/0?password=s3cret", "redis://redis:6379/0?db=1&Password=s3cret",
                                 "redis+sentinel://:s3cret@s1:26379,s2:26379/mymaster/0"])
def test_store_urls_are_logged_without_their_credentials(url):
    """The gateway and the worker log the store URL at start-up; redis-py also takes the password as a query
    argument, which the log line showed."""
    from gateway.logs import redact_url

    shown = redact_url(url)
    assert "s3cret" not in shown and "***" in shown
    assert shown.split("://")[0] == url.split("://")[0]
