"""The upstream learns which caller a request is for, as an opaque keyed id (OpenAI `safety_identifier`
or `user`, Anthropic `metadata.user_id`), so the provider can act on one account rather than on the
organisation behind the gateway's credential; it never learns the tenant or account name, and a caller
cannot pick an id that names another account."""

from __future__ import annotations

import anthropic
import orjson

from gateway.identity import Principal
from gateway.pipeline import RequestContext
from gateway.routes import ROUTES
from gateway.stages.upstream_user import UpstreamUserStage

MSG = [{"role": "user", "content": "Hello"}]


def _sent(teacher_log, field: str = "safety_identifier") -> list:
    return [r["body"].get(field) for r in teacher_log.requests()]


def test_each_account_gets_a_stable_opaque_id(alice, other, teacher_log):
    alice.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    alice.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True).close()
    other.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    first, again, theirs = _sent(teacher_log)
    assert first == again and first != theirs
    assert first.startswith("cov-") and len(first) == 36
    assert not any(name in first for name in ("acme", "alice", "trial"))


def test_the_callers_own_end_user_id_is_folded_in_and_cannot_impersonate(alice, other, teacher_log):
    other.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    alice.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    (theirs, mine) = _sent(teacher_log)
    teacher_log.clear_requests()
    for end_user in ("end-user-1", "end-user-2", theirs):
        alice.chat.completions.create(model="gpt-4o-mini", messages=MSG, safety_identifier=end_user)
    alice.chat.completions.create(model="gpt-4o-mini", messages=MSG, user="end-user-1")  # the older field
    one, two, spoofed, legacy = _sent(teacher_log)
    assert len({mine, one, two, spoofed}) == 4 and theirs not in (one, two, spoofed)
    assert legacy == one
    assert teacher_log.requests()[-1]["body"]["user"] == "end-user-1"  # the caller's field itself is left alone


def test_every_route_carries_it_in_its_own_field(gateway, alice, teacher_log):
    ant = anthropic.Anthropic(base_url=gateway.url, api_key=gateway.keys.alice, max_retries=0)
    alice.chat.completions.create(model="gpt-4o-mini", messages=MSG)
    (mine,) = _sent(teacher_log)
    teacher_log.clear_requests()
    alice.responses.create(model="gpt-4o-mini", input="Hello")
    alice.completions.create(model="gpt-4o-mini", prompt="Hello")
    alice.embeddings.create(model="text-embedding-3-small", input="Hello")
    ant.messages.create(model="claude-mock-1", max_tokens=20, messages=MSG)
    ant.messages.create(model="claude-mock-1", max_tokens=20, messages=MSG, metadata={"user_id": "end-user-1"})
    ant.messages.count_tokens(model="claude-mock-1", messages=MSG)  # takes no metadata: left as sent
    responses, completions, embeddings, messages, end_user, counted = (r["body"] for r in teacher_log.requests())
    assert responses["safety_identifier"] == mine
    assert completions["user"] == mine and embeddings["user"] == mine
    assert messages["metadata"] == {"user_id": mine}
    assert end_user["metadata"]["user_id"] not in (mine, "end-user-1")
    assert "metadata" not in counted


def test_tenant_scope_and_off():
    tenant = UpstreamUserStage(b"k" * 32, "tenant")
    assert tenant.identifier("acme", "alice", "") == tenant.identifier("acme", "bob", "")
    assert tenant.identifier("acme", "alice", "") != tenant.identifier("other", "alice", "")
    assert UpstreamUserStage(b"k" * 32, "account").identifier("acme", "alice", "") != \
        UpstreamUserStage(b"x" * 32, "account").identifier("acme", "alice", "")  # keyed by the master secret
    assert not UpstreamUserStage(b"k" * 32, "off").applies(None)  # no request pays for it


async def test_only_the_bytes_sent_upstream_change():
    """The audit log records ctx.json, and a replay of that log must see what the live detector saw."""
    stage = UpstreamUserStage(b"k" * 32, "account")
    for route in ROUTES:
        for body in ({"model": "m", "user": "u", "metadata": {"user_id": "x"}}, {"model": "m"}):
            ctx = RequestContext("r", route, "127.0.0.1", "ua", {})
            ctx.json, ctx.body, ctx.principal = body, orjson.dumps(body), Principal("acme", "alice", "k1")
            before = orjson.dumps(body)
            await stage.on_request(ctx)
            assert orjson.dumps(ctx.json) == before
            assert set(orjson.loads(ctx.body)) >= set(body)
