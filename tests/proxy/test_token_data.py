"""Token-level data (`logprobs`) through the output stages: a caller never receives the tokens of
text the gateway changed (they would spell the unmarked text, or the redacted address), and
receives them whole, streamed or not, when the gateway left the text as it was."""

from __future__ import annotations

import openai
import orjson
import pytest

from tests.reliability.support import FILE_AUDIT, audit_records, wait_for
from tests.support.gateway import GatewayProcess
from tests.support.scripted_upstream import Script, running_scripted_upstream
from tests.watermark.prose import LICENSE_PROSE as PROSE
from tests.watermark.prose import SECRET_ENV

PLAIN = "Yes."  # nothing the watermark or the PII redaction touches
ADDRESS = "jane.doe@example.com"
WITH_ADDRESS = f"Write to {ADDRESS} for access."
MESSAGES = [{"role": "user", "content": "Answer."}]


@pytest.fixture(scope="module")
def served():
    # the shipped example policies: watermark every account, redact contact data from outputs
    with running_scripted_upstream(Script(PLAIN, [5, 17, 40, 2])) as up:
        gw = GatewayProcess(upstream_url=up.url, env=SECRET_ENV, extra_config={"audit": FILE_AUDIT})
        gw.alice = gw.create_key("acme", "alice")
        gw.start()
        yield gw, up
        gw.stop()


def _clients(gw, up):
    via = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.alice, max_retries=0)
    direct = openai.OpenAI(base_url=up.url + "/v1", api_key="x", max_retries=0)
    return via, direct


def _chat(client, **kw):
    return client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, logprobs=True, top_logprobs=2, **kw)


def _streamed(client):
    """(text, token entries) of a streamed answer, concatenated as a client does."""
    text, tokens = [], []
    for chunk in _chat(client, stream=True):
        for choice in chunk.choices:
            text.append(choice.delta.content or "")
            if choice.logprobs is not None:
                tokens.extend(choice.logprobs.content or ())
    return "".join(text), tokens


def test_unchanged_text_keeps_its_token_data_whole_and_streamed(served):
    gw, up = served
    up.script.text = PLAIN
    via, direct = _clients(gw, up)
    seen = len(audit_records(gw))
    answer = _chat(via).choices[0]
    assert answer.message.content == PLAIN  # the gateway changed nothing
    assert "".join(t.token for t in answer.logprobs.content) == PLAIN
    assert answer.logprobs.content == _chat(direct).choices[0].logprobs.content
    assert all(len(t.top_logprobs) == 2 for t in answer.logprobs.content)
    text, tokens = _streamed(via)
    assert text == PLAIN
    assert tokens == answer.logprobs.content  # held back while streaming, released with the last chunk
    records = wait_for(lambda: audit_records(gw)[seen:] if len(audit_records(gw)) >= seen + 2 else [])
    assert len(records) >= 2 and not any(r["annotations"].get("token_data_withheld") for r in records)


def test_watermarked_text_withholds_the_tokens_of_the_unmarked_text(served):
    gw, up = served
    up.script.text = PROSE
    via, direct = _clients(gw, up)
    upstream = _chat(direct).choices[0]
    assert "".join(t.token for t in upstream.logprobs.content) == PROSE  # what would leak
    answer = _chat(via).choices[0]
    assert answer.message.content != PROSE  # marked
    assert answer.logprobs is None
    text, tokens = _streamed(via)
    assert text == answer.message.content
    assert tokens == []
    # reviewers see it: a caller asked for token data of marked text and did not get it
    def flagged() -> set:
        return {r["stream"] for r in audit_records(gw) if r["annotations"].get("token_data_withheld")}

    wait_for(lambda: len(flagged()) == 2)
    assert flagged() == {False, True}


def test_redacted_address_does_not_come_back_through_the_tokens(served):
    gw, up = served
    up.script.text = WITH_ADDRESS
    via, _ = _clients(gw, up)
    answer = _chat(via).choices[0]
    assert ADDRESS not in answer.message.content
    assert answer.logprobs is None
    raw = via.chat.completions.with_raw_response.create(
        model="gpt-4o-mini", messages=MESSAGES, logprobs=True, top_logprobs=2, stream=True)
    body = raw.http_response.read().decode()
    assert "jane" not in body and "example.com" not in body  # not in any token or alternative


def test_responses_api_withholds_token_data_of_changed_text(served):
    gw, up = served
    via, direct = _clients(gw, up)
    kw = dict(model="gpt-4o-mini", input="Answer.", include=["message.output_text.logprobs"], top_logprobs=2)
    up.script.text = PROSE
    assert "".join(t.token for t in direct.responses.create(**kw).output[0].content[0].logprobs) == PROSE
    marked = via.responses.create(**kw)
    assert marked.output_text != PROSE
    assert marked.output[0].content[0].logprobs == []
    events = list(via.responses.create(stream=True, **kw))
    assert all(not getattr(e, "logprobs", None) for e in events)
    done = [e for e in events if e.type == "response.completed"][0].response
    assert done.output_text == marked.output_text and done.output[0].content[0].logprobs == []

    up.script.text = PLAIN
    plain = via.responses.create(**kw)
    assert plain.output_text == PLAIN
    assert [t.token for t in plain.output[0].content[0].logprobs] == ["Yes", "."]
    events = list(via.responses.create(stream=True, **kw))
    assert [t.token for e in events if e.type == "response.output_text.done" for t in e.logprobs] == ["Yes", "."]


def test_held_token_data_is_bounded_per_choice(monkeypatch):
    """A caller asking for 20 alternatives per token on a long streamed answer cannot make the gateway
    hold megabytes: past the bound the choice's token data is withheld."""
    from gateway.dialects import token_data
    from gateway.mock_teacher.logprobs import chat_logprobs

    piece = chat_logprobs("Yes. No. ", 20)
    small, large = token_data.HeldTokens("openai.chat.completions"), token_data.HeldTokens("openai.chat.completions")
    for _ in range(3):
        small.add(piece)
    assert [e["token"] for e in small.release()["content"]] == ["Yes", ". ", "No", ". "] * 3
    monkeypatch.setattr(token_data, "MAX_HELD_BYTES", 3 * len(orjson.dumps(piece)))
    for _ in range(4):
        large.add(piece)
    assert large.overflow and large.parts == [] and large.release() is None
