"""Structured outputs are never marked (nor counted in the recorded reference): JSON the caller's schema asked for
is the caller's data, in every dialect's way of asking for it."""

from __future__ import annotations

import anthropic
import httpx
import openai
import pytest
from pydantic import BaseModel

from tests.support.gateway import GatewayProcess
from tests.support.metrics import metric
from tests.support.scripted_upstream import Script, running_scripted_upstream
from tests.watermark.prose import SECRET_ENV

ANSWER = '{"summary": "A big house is usually large.", "size": "big"}'
MARKED = "covenant_watermarked_responses_total"
ASK = [{"role": "user", "content": "Describe the house as JSON."}]
SCHEMA = {"type": "object", "properties": {"summary": {"type": "string"}, "size": {"type": "string"}}}


class House(BaseModel):
    summary: str
    size: str


@pytest.fixture(scope="module")
def gw():
    with running_scripted_upstream(Script(ANSWER, [9])) as up:
        gw = GatewayProcess(upstream_url=up.url, drop_policies=("20-pii*", "40-extraction*"), env=SECRET_ENV)
        gw.key = gw.create_key("acme", "alice")
        yield gw.start()
        gw.stop()


def _anthropic(gw) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gw.url, api_key=gw.key, max_retries=0)


@pytest.mark.parametrize("ask", [
    lambda c: c.messages.parse(model="claude-x", max_tokens=200, messages=ASK, output_format=House),  # SDK helper
    lambda c: c.messages.create(model="claude-x", max_tokens=200, messages=ASK,
                                output_config={"format": {"type": "json_schema", "schema": SCHEMA}}),
    lambda c: c.messages.create(model="claude-x", max_tokens=200, messages=ASK,
                                extra_body={"output_format": {"type": "json_schema", "schema": SCHEMA}}),  # beta
], ids=["parse", "output_config", "output_format"])
def test_anthropic_structured_outputs_are_not_marked(gw, ask):
    before = metric(gw, MARKED)
    assert ask(_anthropic(gw)).content[0].text == ANSWER
    assert metric(gw, MARKED) == before  # was marked (counted, recorded) when asked for with output_config
    _anthropic(gw).messages.create(model="claude-x", max_tokens=200, messages=ASK)  # prose is marked
    assert metric(gw, MARKED) == before + 1


def test_a_request_shape_the_stage_does_not_know_is_not_a_500(gw):
    """`text` of a Responses request is an object; an upstream that took a string answered 200, and the
    watermark stage failed on it (500 internal error instead of the upstream's answer)."""
    r = httpx.post(gw.openai_base_url + "/responses", headers={"authorization": f"Bearer {gw.key}"}, timeout=20,
                   json={"model": "gpt-4o", "input": "hi", "text": "plain", "output_config": "x"})
    assert r.status_code == 200, r.text
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.key, max_retries=0)
    assert client.responses.create(model="gpt-4o", input="hi", text={"format": {"type": "json_schema", "name": "h",
                                                                                "schema": SCHEMA}}).output_text == ANSWER
