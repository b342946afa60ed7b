"""Watermarking through the real gateway: marked per account, identical streamed and not,
detected and attributed by the admin API, traced through the provenance index."""

from __future__ import annotations

import anthropic
import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher
from tests.support.scripted_upstream import Script, running_scripted_upstream
from tests.watermark.prose import LICENSE_PROSE as PROSE
from tests.watermark.prose import SECRET_ENV

PROMPT = [{"role": "user", "content": "Write a long essay about how teams review software changes."}]
# PROSE is the teacher's answer, whole (~5,600 words): the word-choice channel yields about one scorable
# position per 100 words of this legal prose, so shorter texts cannot reach p < 1e-6 (docs/watermark.md).


def _gateway(upstream_url: str) -> GatewayProcess:
    gw = GatewayProcess(upstream_url=upstream_url, drop_policies=("20-pii*",), env=SECRET_ENV)
    gw.alice = gw.create_key("acme", "alice")
    gw.bob = gw.create_key("acme", "bob")
    for i in range(20):  # other known accounts: attribution must pick the right one
        gw.create_key("other", f"acct-{i}")
    return gw.start()


@pytest.fixture(scope="module")
def setup():
    with running_mock_teacher() as teacher:
        gw = _gateway(teacher.url)
        yield gw, teacher
        gw.stop()


@pytest.fixture(scope="module")
def prose_gw():
    with running_scripted_upstream(Script(PROSE, [5, 17, 40, 2])) as up:
        gw = _gateway(up.url)
        yield gw
        gw.stop()


def chat(gw, key, **kw):
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
    return client.chat.completions.create(model="gpt-4o-mini", messages=PROMPT, max_tokens=700, **kw)


def test_outputs_are_marked_and_stream_equals_non_stream(setup):
    gw, teacher = setup
    direct = openai.OpenAI(base_url=teacher.openai_base_url, api_key="x", max_retries=0).chat.completions.create(
        model="gpt-4o-mini", messages=PROMPT, max_tokens=700).choices[0].message.content
    whole = chat(gw, gw.alice).choices[0].message.content
    streamed = "".join(c.choices[0].delta.content or "" for c in chat(gw, gw.alice, stream=True) if c.choices)
    assert streamed == whole
    assert whole != direct
    changed = sum(a != b for a, b in zip(whole.split(), direct.split(), strict=False))
    assert 0 < changed < 0.25 * len(direct.split())
    # Code blocks in the reply are byte-identical.
    assert [b for b in whole.split("```")[1::2]] == [b for b in direct.split("```")[1::2]]


def test_anthropic_stream_equals_non_stream(setup):
    gw, _ = setup
    client = anthropic.Anthropic(base_url=gw.url, api_key=gw.bob, max_retries=0)
    whole = client.messages.create(model="claude-mock-1", max_tokens=500, messages=PROMPT).content[0].text
    with client.messages.stream(model="claude-mock-1", max_tokens=500, messages=PROMPT) as s:
        assert "".join(s.text_stream) == whole


def test_detect_attributes_to_the_receiving_account(prose_gw):
    gw = prose_gw
    text = chat(gw, gw.bob).choices[0].message.content
    streamed = "".join(c.choices[0].delta.content or "" for c in chat(gw, gw.bob, stream=True) if c.choices)
    assert streamed == text != PROSE
    r = gw.admin("POST", "/admin/v1/watermark/detect", json={"text": text}).json()
    assert r["detected"] is True and r["p_value"] < 1e-6
    # The receiving account ranks first, far ahead of the 21 other known accounts.
    best, second = r["candidates"][0], r["candidates"][1]
    assert (best["tenant"], best["account"]) == ("acme", "bob") and best["p_value"] < 1e-3 < second["p_value"]
    r = gw.admin("POST", "/admin/v1/watermark/detect", json={"text": PROSE}).json()
    assert r["detected"] is False
    alice_text = chat(gw, gw.alice).choices[0].message.content
    r = gw.admin("POST", "/admin/v1/watermark/detect", json={"text": alice_text}).json()
    assert r["candidates"][0]["account"] == "alice"


def test_structured_outputs_are_never_marked(setup):
    gw, teacher = setup
    kw = {"response_format": {"type": "json_object"}}
    via = chat(gw, gw.alice, **kw).choices[0].message.content
    direct = openai.OpenAI(base_url=teacher.openai_base_url, api_key="x", max_retries=0).chat.completions.create(
        model="gpt-4o-mini", messages=PROMPT, max_tokens=700, **kw).choices[0].message.content
    assert via == direct


def test_trace_finds_the_response_after_edits(prose_gw):
    gw = prose_gw
    resp = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.alice, max_retries=0) \
        .chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=PROMPT)
    text = resp.parse().choices[0].message.content
    words = text.split()
    edited = " ".join(w.upper() if i % 7 == 0 else w for i, w in enumerate(words))  # ~14% of words changed
    matches = gw.admin("POST", "/admin/v1/watermark/trace", json={"text": edited}).json()["matches"]
    assert matches and matches[0]["response_id"] == resp.headers["x-request-id"]
    assert matches[0]["account"] == "alice"
    # detection lists the response a copy came from beside its test (a close copy: similarity >= 0.5)
    found = gw.admin("POST", "/admin/v1/watermark/detect", json={"text": text}).json()
    assert [(m["response_id"], m["account"]) for m in found["provenance"]][:1] == [(resp.headers["x-request-id"],
                                                                                 "alice")]
    assert found["provenance"][0]["similarity"] >= 0.5
    unrelated = gw.admin("POST", "/admin/v1/watermark/detect", json={"text": "An unrelated note about tea."}).json()
    assert unrelated["provenance"] == []
