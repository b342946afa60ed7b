"""PII and secrets through the real gateway and the official SDKs, both dialects, JSON and SSE."""

from __future__ import annotations

from pathlib import Path

import anthropic
import openai
import pytest

from tests.support.gateway import ROOT, GatewayProcess
from tests.support.mock_teacher import running_mock_teacher
from tests.support.scripted_upstream import Script, running_scripted_upstream

SECRET = "sk-proj-Ab3dE5gH7jK9mN1pQ3rS5tU7vW9xY1zA2bC4dE6fG8hJ0"
OUTPUT = ("Sure. Write to jane.doe@example.com or call +1 212-555-0173 for help.\n"
          "```\nEMAIL = 'ops@example.com'\n```\nThat is all.")
REDACTED = ("Sure. Write to <EMAIL_ADDRESS> or call <PHONE_NUMBER> for help.\n"
            "```\nEMAIL = 'ops@example.com'\n```\nThat is all.")


@pytest.fixture(scope="module")
def teacher():
    with running_mock_teacher() as t:
        yield t


@pytest.fixture(scope="module")
def scripted():
    with running_scripted_upstream(Script(OUTPUT, [3, 11, 1, 29])) as up:
        yield up


def _gateway(upstream_url: str, policies: Path = ROOT / "policies") -> GatewayProcess:
    gw = GatewayProcess(upstream_url=upstream_url, policies=policies, drop_policies=("30-watermark*",))
    gw.key = gw.create_key("acme", "pii-tester")
    return gw.start()


@pytest.fixture(scope="module")
def gw_teacher(teacher):
    gw = _gateway(teacher.url)
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def gw_scripted(scripted):
    gw = _gateway(scripted.url)
    yield gw
    gw.stop()


def test_prompt_with_a_secret_is_blocked_before_the_upstream(gw_teacher, teacher):
    teacher.clear_requests()
    client = openai.OpenAI(base_url=gw_teacher.openai_base_url, api_key=gw_teacher.key, max_retries=0)
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model="gpt-4o-mini", messages=[
            {"role": "system", "content": "be brief"},
            {"role": "user", "content": f"my key {SECRET} is rejected, why?"}])
    assert err.value.body["code"] == "pii_detected"
    assert "OPENAI_API_KEY" in err.value.message and SECRET not in err.value.message
    assert teacher.requests() == []
    assert SECRET not in gw_teacher.logs()


def test_secret_in_an_anthropic_tool_result_is_blocked(gw_teacher, teacher):
    teacher.clear_requests()
    client = anthropic.Anthropic(base_url=gw_teacher.url, api_key=gw_teacher.key, max_retries=0)
    with pytest.raises(anthropic.BadRequestError) as err:
        client.messages.create(model="claude-mock-1", max_tokens=20, messages=[
            {"role": "user", "content": "read the file"},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "read", "input": {}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1",
                                          "content": [{"type": "text", "text": f"OPENAI_API_KEY={SECRET}"}]}]}])
    assert "OPENAI_API_KEY" in str(err.value)
    assert teacher.requests() == []


def test_secrets_in_replayed_tool_calls_and_results_are_blocked_in_every_api(gw_teacher, teacher):
    """Tool traffic goes upstream too: a result or a replayed call's arguments are prompt text."""
    teacher.clear_requests()
    oai = openai.OpenAI(base_url=gw_teacher.openai_base_url, api_key=gw_teacher.key, max_retries=0)
    ant = anthropic.Anthropic(base_url=gw_teacher.url, api_key=gw_teacher.key, max_retries=0)
    call = {"type": "function_call", "call_id": "c1", "name": "read_env", "arguments": "{}"}
    attempts = [
        lambda: oai.responses.create(model="gpt-4o-mini", input=[
            call, {"type": "function_call_output", "call_id": "c1", "output": f"OPENAI_API_KEY={SECRET}"}]),
        lambda: oai.responses.create(model="gpt-4o-mini", input=[
            {**call, "arguments": f'{{"token": "{SECRET}"}}'},
            {"type": "function_call_output", "call_id": "c1", "output": "ok"}]),
        lambda: oai.chat.completions.create(model="gpt-4o-mini", messages=[
            {"role": "user", "content": "log in"},
            {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
                "name": "login", "arguments": f'{{"key": "{SECRET}"}}'}}]},
            {"role": "tool", "tool_call_id": "c1", "content": "ok"}]),
        lambda: ant.messages.create(model="claude-mock-1", max_tokens=20, messages=[
            {"role": "user", "content": "log in"},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "login",
                                               "input": {"auth": {"keys": [SECRET]}}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "ok"}]}]),
    ]
    for attempt in attempts:
        with pytest.raises((openai.BadRequestError, anthropic.BadRequestError)) as err:
            attempt()
        assert "OPENAI_API_KEY" in str(err.value) and SECRET not in str(err.value)
    assert teacher.requests() == []


def test_a_card_number_given_as_a_json_number_in_a_tool_input_is_blocked(gw_teacher, teacher):
    """A tool's input object may hold a card number as a number, not a string: it goes upstream all the same."""
    teacher.clear_requests()
    ant = anthropic.Anthropic(base_url=gw_teacher.url, api_key=gw_teacher.key, max_retries=0)
    with pytest.raises(anthropic.BadRequestError) as err:
        ant.messages.create(model="claude-mock-1", max_tokens=20, messages=[
            {"role": "user", "content": "pay the invoice"},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "pay",
                                               "input": {"amount": 12, "card": {"number": 4111111111111111}}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": "paid"}]}])
    assert "CREDIT_CARD" in str(err.value) and "4111111111111111" not in str(err.value)
    assert teacher.requests() == []


def test_secrets_in_documents_suffixes_predictions_and_prompt_variables_are_blocked(gw_teacher, teacher):
    """Every text a request sends upstream is prompt text: an Anthropic document's plain-text source, a search
    result, a legacy completion's suffix, a chat prediction, a stored prompt's variables (the first two once reached
    the upstream with a secret in them)."""
    teacher.clear_requests()
    oai = openai.OpenAI(base_url=gw_teacher.openai_base_url, api_key=gw_teacher.key, max_retries=0)
    ant = anthropic.Anthropic(base_url=gw_teacher.url, api_key=gw_teacher.key, max_retries=0)
    leaked = f"OPENAI_API_KEY={SECRET}"
    attempts = [
        lambda: ant.messages.create(model="claude-mock-1", max_tokens=20, messages=[{"role": "user", "content": [
            {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": leaked}},
            {"type": "text", "text": "summarise"}]}]),
        lambda: ant.messages.create(model="claude-mock-1", max_tokens=20, messages=[{"role": "user", "content": [
            {"type": "document", "title": "notes", "source": {"type": "content", "content": [
                {"type": "text", "text": leaked}]}}, {"type": "text", "text": "summarise"}]}]),
        lambda: ant.messages.create(model="claude-mock-1", max_tokens=20, messages=[{"role": "user", "content": [
            {"type": "search_result", "source": "https://example.com", "title": "env",
             "content": [{"type": "text", "text": leaked}]}, {"type": "text", "text": "what is in it?"}]}]),
        lambda: oai.completions.create(model="gpt-4o-mini", prompt="def f():", suffix=f"# {leaked}", max_tokens=5),
        lambda: oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "edit it"}],
                                            prediction={"type": "content", "content": leaked}),
        lambda: oai.responses.create(model="gpt-4o-mini", input="go",
                                     extra_body={"prompt": {"id": "pmpt_1", "variables": {"env": leaked}}}),
    ]
    for attempt in attempts:
        with pytest.raises((openai.BadRequestError, anthropic.BadRequestError)) as err:
            attempt()
        assert "OPENAI_API_KEY" in str(err.value) and SECRET not in str(err.value)
    assert teacher.requests() == []


def test_clean_prompt_reaches_the_upstream(gw_teacher, teacher):
    teacher.clear_requests()
    client = openai.OpenAI(base_url=gw_teacher.openai_base_url, api_key=gw_teacher.key, max_retries=0)
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "rotate keys?"}])
    assert len(teacher.requests()) == 1


def test_output_redaction_json_and_stream_agree(gw_scripted):
    client = openai.OpenAI(base_url=gw_scripted.openai_base_url, api_key=gw_scripted.key, max_retries=0)
    whole = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "help"}])
    assert whole.choices[0].message.content == REDACTED
    streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "help"}], stream=True) if c.choices)
    assert streamed == REDACTED


def test_output_redaction_anthropic_stream(gw_scripted):
    client = anthropic.Anthropic(base_url=gw_scripted.url, api_key=gw_scripted.key, max_retries=0)
    with client.messages.stream(model="claude-mock-1", max_tokens=100,
                                messages=[{"role": "user", "content": "help"}]) as stream:
        text = "".join(stream.text_stream)
    assert text == REDACTED
    whole = client.messages.create(model="claude-mock-1", max_tokens=100, messages=[{"role": "user", "content": "x"}])
    assert whole.content[0].text == REDACTED


def test_detections_are_counted_by_type_never_by_value(gw_scripted):
    import httpx

    # Its own redacted answer: the module's other tests may run on another xdist worker, with another gateway.
    client = openai.OpenAI(base_url=gw_scripted.openai_base_url, api_key=gw_scripted.key, max_retries=0)
    answer = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "help"}])
    assert answer.choices[0].message.content == REDACTED
    text = httpx.get(gw_scripted.url + "/metrics", timeout=5).text
    assert 'covenant_pii_detections_total{action="redact",direction="output",entity="EMAIL_ADDRESS"}' in text
    assert "jane.doe" not in text and "jane.doe" not in gw_scripted.logs()


CLEAN = "Sure. The harbour opens at dawn, the boats leave at six and the market starts soon after. That is all."


@pytest.fixture(scope="module")
def gw_failing():
    """An upstream that fails mid-stream with the API's error event (Anthropic's overloaded_error) after its text."""
    with running_scripted_upstream(Script(CLEAN, [3, 11, 1, 29], error="overloaded_error")) as up:
        gw = _gateway(up.url)
        yield gw
        gw.stop()


def test_text_held_back_for_redaction_reaches_the_caller_before_an_upstream_error_event(gw_failing):
    """The redactor holds the last characters back while the answer streams; when the upstream ends the stream
    with an error event, what it held is released before that event, where the SDKs stop reading."""
    claude = anthropic.Anthropic(base_url=gw_failing.url, api_key=gw_failing.key, max_retries=0)
    text: list[str] = []
    with pytest.raises(anthropic.APIStatusError, match="Overloaded"), claude.messages.stream(
            model="claude-mock-1", max_tokens=100, messages=[{"role": "user", "content": "help"}]) as stream:
        text.extend(stream.text_stream)
    assert "".join(text) == CLEAN

    client = openai.OpenAI(base_url=gw_failing.openai_base_url, api_key=gw_failing.key, max_retries=0)
    text = []
    with pytest.raises(openai.APIError, match="overloaded"):
        for chunk in client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                                    messages=[{"role": "user", "content": "help"}]):
            text += [c.delta.content or "" for c in chunk.choices]
    assert "".join(text) == CLEAN

    events = list(client.responses.create(model="gpt-4o-mini", input="help", stream=True))
    assert events[-1].type == "error"
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == CLEAN


@pytest.mark.parametrize("cut", ["close", "malformed"])
def test_text_held_back_for_redaction_reaches_the_caller_before_the_gateways_error_event(cut):
    """The upstream breaks the stream after its text (the connection closes, or an event does not parse): the
    caller gets all the text that came before, what the redactor held included, then the gateway's error."""
    with running_scripted_upstream(Script(CLEAN, [3, 11, 1, 29], cut=cut)) as up:
        gw = _gateway(up.url)
        try:
            claude = anthropic.Anthropic(base_url=gw.url, api_key=gw.key, max_retries=0)
            text: list[str] = []
            with pytest.raises(anthropic.APIStatusError, match="upstream"), claude.messages.stream(
                    model="claude-mock-1", max_tokens=100, messages=[{"role": "user", "content": "help"}]) as stream:
                text.extend(stream.text_stream)
            assert "".join(text) == CLEAN

            client = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.key, max_retries=0)
            text = []
            with pytest.raises(openai.APIError, match="upstream"):
                for chunk in client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                                            messages=[{"role": "user", "content": "help"}]):
                    text += [c.delta.content or "" for c in chunk.choices]
            assert "".join(text) == CLEAN
        finally:
            gw.stop()
