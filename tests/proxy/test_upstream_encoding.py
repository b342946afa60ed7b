"""An upstream that compresses its answer although the gateway asks for `accept-encoding: identity`: gzip and
deflate are decoded (every member of a multi-member gzip body, RFC 1952), so the stages read the text and the
caller gets plain JSON or events; an encoding the
gateway cannot read is a 502 in the caller's dialect, never compressed bytes passed off as JSON."""

from __future__ import annotations

import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.scripted_upstream import Script, running_scripted_upstream

TEXT = ("The harbour wakes slowly: gulls circle the masts, a ferry sounds its horn twice, and the fish market "
        "opens its shutters one by one while the tide turns.")
MESSAGES = [{"role": "user", "content": "Describe a harbour at dawn."}]


@pytest.fixture(scope="module", params=["gzip", "deflate", "gzip-members", "br"])
def served(request):
    with running_scripted_upstream(Script(TEXT, [9, 23], encoding=request.param)) as up:
        # no watermark policy: the caller's text can be compared with the upstream's word for word
        gw = GatewayProcess(upstream_url=up.url, drop_policies=("30-watermark.yaml",))
        gw.key = gw.create_key("acme", "reader")
        gw.start()
        yield request.param, openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.key, max_retries=0)
        gw.stop()


def test_a_compressed_answer_reaches_the_caller_decoded_or_as_a_clear_502(served):
    encoding, client = served
    if encoding == "br":
        with pytest.raises(openai.APIStatusError) as err:
            client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        assert err.value.status_code == 502 and err.value.body["code"] == "upstream_encoding"
        assert "'br'" in err.value.message
        return
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert reply.choices[0].message.content == TEXT
    assert reply.usage.total_tokens == 14


def test_a_compressed_stream_reaches_the_caller_decoded_or_as_a_clear_502(served):
    encoding, client = served
    if encoding == "br":
        with pytest.raises(openai.APIStatusError) as err:
            client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
        assert err.value.status_code == 502 and err.value.body["code"] == "upstream_encoding"
        return
    text = "".join(c.delta.content or "" for chunk in client.chat.completions.create(
        model="gpt-4o-mini", messages=MESSAGES, stream=True) for c in chunk.choices)
    assert text == TEXT
