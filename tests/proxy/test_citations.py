"""Citations that point into the answer by character offset (web-search `url_citation`s) still cite
the same words after the watermark swapped words of other lengths: chat and Responses API, whole
and streamed."""

from __future__ import annotations

import openai
import pytest

from gateway.dialects.offsets import offset_map
from tests.support.gateway import GatewayProcess
from tests.support.scripted_upstream import Script, running_scripted_upstream
from tests.watermark.prose import LICENSE_PROSE as PROSE
from tests.watermark.prose import SECRET_ENV

CITED = ["Free Software Foundation", "GNU General Public License", "copyleft", "modified versions"]


def _citations(text: str) -> list[tuple[int, int, str]]:
    out = []
    for phrase in CITED:  # the last occurrence: after most of the words the watermark changes
        start = text.rindex(phrase)
        out.append((start, start + len(phrase), f"https://example.org/{len(out)}"))
    return out


@pytest.fixture(scope="module")
def client():
    with running_scripted_upstream(Script(PROSE, [5, 17, 40, 2], citations=_citations(PROSE))) as up:
        gw = GatewayProcess(upstream_url=up.url, drop_policies=("20-pii*",), env=SECRET_ENV)
        key = gw.create_key("acme", "alice")
        gw.start()
        yield openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
        gw.stop()


def _cited(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_chat_citations_follow_the_marked_text(client):
    msg = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "?"}]) \
        .choices[0].message
    assert msg.content != PROSE and len(msg.content) != len(PROSE)  # marked, with words of other lengths
    spans = [(a.url_citation.start_index, a.url_citation.end_index) for a in msg.annotations]
    assert _cited(msg.content, spans) == CITED

    text, notes = [], []
    for chunk in client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "?"}],
                                                stream=True):
        for choice in chunk.choices:
            text.append(choice.delta.content or "")
            notes.extend(getattr(choice.delta, "annotations", None) or ())
    streamed = "".join(text)
    assert streamed == msg.content
    spans = [(n["url_citation"]["start_index"], n["url_citation"]["end_index"]) for n in notes]
    assert _cited(streamed, spans) == CITED


def test_responses_citations_follow_the_marked_text(client):
    whole = client.responses.create(model="gpt-4o-mini", input="?")
    part = whole.output[0].content[0]
    assert part.text != PROSE
    assert _cited(part.text, [(a.start_index, a.end_index) for a in part.annotations]) == CITED

    events = list(client.responses.create(model="gpt-4o-mini", input="?", stream=True))
    added = [e.annotation for e in events if e.type == "response.output_text.annotation.added"]
    assert _cited(part.text, [(a.start_index, a.end_index) for a in added]) == CITED
    done = [e.response for e in events if e.type == "response.completed"][0].output[0].content[0]
    assert done.text == part.text
    assert _cited(done.text, [(a.start_index, a.end_index) for a in done.annotations]) == CITED


@pytest.mark.parametrize(("old", "new", "cited", "becomes"), [
    ("Write to jane.doe@example.com or call +1 212-555-0173 for help.",
     "Write to <EMAIL_ADDRESS> or call <PHONE_NUMBER> for help.",
     ["Write to", "jane.doe@example.com", "call +1 212-555-0173", "for help."],
     ["Write to", "<EMAIL_ADDRESS>", "call <PHONE_NUMBER>", "for help."]),
    ("We do not know. It is big and it is cheap.", "We don't know. It is large and it is cheap.",
     ["We do not know", "It is big", "and it is cheap."], ["We don't know", "It is large", "and it is cheap."]),
])
def test_offsets_move_across_redactions_and_phrase_changes(old, new, cited, becomes):
    carry = offset_map(old, new)
    spans = [(old.index(c), old.index(c) + len(c)) for c in cited]
    assert [new[carry(s, False):carry(e, True)] for s, e in spans] == becomes


def test_responses_events_keep_strictly_increasing_sequence_numbers(client):
    """The text the watermark held back goes out in a delta of the gateway's own before output_text.done: it takes
    the next number and the events after it move up, as the API numbers its events (no two share one)."""
    events = list(client.responses.create(model="gpt-4o-mini", input="?", stream=True))
    numbers = [e.sequence_number for e in events]
    assert numbers == list(range(len(events)))
