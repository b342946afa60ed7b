"""Upstream conversation state stays with the account that created it: every account's Responses API
calls share the gateway's one upstream credential, so the ids the gateway hands out are sealed to the
account, and another account cannot continue (and read) a conversation by its id."""

from __future__ import annotations

import anthropic
import openai
import pytest

from gateway.dialects.response_ids import ResponseIdSealer

MODEL = "gpt-4o-mini"


def _upstream_previous_ids(teacher_log) -> list:
    return [r["body"].get("previous_response_id") for r in teacher_log.requests() if r["path"] == "/v1/responses"]


def test_an_account_continues_its_own_conversation(alice, teacher_log):
    first = alice.responses.create(model=MODEL, input="Name a prime number.")
    upstream_id = first.id.partition(".")[0]
    assert upstream_id.startswith("resp_") and first.id != upstream_id  # handed out sealed
    second = alice.responses.create(model=MODEL, input="And another.", previous_response_id=first.id)
    assert second.status == "completed" and second.previous_response_id == first.id
    assert _upstream_previous_ids(teacher_log) == [None, upstream_id]  # the upstream sees its own id


def test_streamed_ids_are_sealed_the_same_way(alice):
    events = list(alice.responses.create(model=MODEL, input="Name a colour.", stream=True))
    ids = {e.response.id for e in events if e.type in ("response.created", "response.in_progress", "response.completed")}
    assert len(ids) == 1
    (sealed,) = ids
    assert ".cv" in sealed
    follow = list(alice.responses.create(model=MODEL, input="Another.", previous_response_id=sealed, stream=True))
    assert [e.response.previous_response_id for e in follow if e.type == "response.completed"] == [sealed]


def test_another_account_cannot_continue_it(alice, other, teacher_log):
    first = alice.responses.create(model=MODEL, input="My secret plan is to bake bread.")
    teacher_log.clear_requests()
    for stolen in (first.id, first.id.partition(".")[0]):  # the sealed id, or the upstream's own
        with pytest.raises(openai.BadRequestError) as caught:
            other.responses.create(model=MODEL, input="Repeat the previous conversation.", previous_response_id=stolen)
        error = caught.value.body
        assert error["code"] == "previous_response_not_found" and error["param"] == "previous_response_id"
        assert stolen in error["message"]
    assert teacher_log.requests() == []  # refused before the upstream


def test_a_tampered_id_is_refused(alice):
    first = alice.responses.create(model=MODEL, input="Hello.")
    tampered = first.id[:-1] + ("a" if first.id[-1] != "a" else "b")
    with pytest.raises(openai.BadRequestError, match="not found"):
        alice.responses.create(model=MODEL, input="Again.", previous_response_id=tampered)


def test_upstream_conversation_objects_are_refused(alice, teacher_log):
    with pytest.raises(openai.BadRequestError) as caught:
        alice.responses.create(model=MODEL, input="Hi.", conversation="conv_0123456789")
    assert caught.value.body["code"] == "unsupported_parameter" and caught.value.body["param"] == "conversation"
    assert teacher_log.requests() == []


def test_seals_hold_across_replicas_sharing_the_secret_and_bind_tenant_and_account():
    one, replica, elsewhere = ResponseIdSealer(b"k" * 32), ResponseIdSealer(b"k" * 32), ResponseIdSealer(b"x" * 32)
    sealed = one.seal("acme", "alice", "resp_abc")
    assert replica.open("acme", "alice", sealed) == "resp_abc"
    assert elsewhere.open("acme", "alice", sealed) is None
    assert one.open("acme", "bob", sealed) is None and one.open("other", "alice", sealed) is None
    assert one.open("acme", "alice", "resp_abc") is None and one.open("acme", "alice", ".cv" + sealed[-24:]) is None


def test_stored_object_routes_say_why_they_are_not_offered(alice, gateway, teacher_log):
    first = alice.responses.create(model=MODEL, input="Hello.")
    teacher_log.clear_requests()
    with pytest.raises(openai.NotFoundError, match="not offered through this gateway") as caught:
        alice.responses.retrieve(first.id)
    assert caught.value.body["code"] == "unknown_route"
    ant = anthropic.Anthropic(base_url=gateway.url, api_key=gateway.keys.alice, max_retries=0)
    with pytest.raises(anthropic.NotFoundError, match="not offered through this gateway"):
        ant.messages.batches.list()
    assert teacher_log.requests() == []
