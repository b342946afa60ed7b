"""Request bodies: validation of the fields the gateway relies on, and prompt text slots.

Only what the gateway needs is checked; everything else is the upstream's business and is
forwarded unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gateway.errors import InvalidRequest


def check_depth(value: Any, limit: int, raw: bytes | None = None) -> None:
    """Reject absurdly nested JSON before any stage walks it (iterative, no recursion)."""
    if raw is not None and raw.count(b"[") + raw.count(b"{") <= limit:
        return  # fewer brackets than the limit (strings included): the depth cannot exceed it
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise InvalidRequest(f"request body is nested deeper than {limit} levels", code="body_too_deep")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def validate_body(api: str, body: Any, *, max_messages: int) -> None:
    if not isinstance(body, dict):
        raise InvalidRequest("request body must be a JSON object", code="invalid_body")
    model = body.get("model")
    if api != "openai.models":
        if model is None:
            raise InvalidRequest("you must provide a model parameter", code="missing_model", param="model")
        if not isinstance(model, str) or not model:
            raise InvalidRequest("model must be a non-empty string", code="invalid_type", param="model")
    stream = body.get("stream")
    if stream is not None and not isinstance(stream, bool):
        raise InvalidRequest("stream must be a boolean", code="invalid_type", param="stream")
    for name in ("max_tokens", "max_completion_tokens", "max_output_tokens", "n", "best_of"):
        value = body.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise InvalidRequest(f"{name} must be a non-negative integer", code="invalid_type", param=name)
    if api == "openai.responses" and body.get("background"):
        # Its output is fetched later with GET /v1/responses/{id}, which Covenant does not proxy: generated
        # upstream, it could be neither metered against quotas nor scanned nor watermarked.
        raise InvalidRequest("background responses are not supported through this gateway: their output is "
                             "retrieved later, outside the gateway; send the request without background (stream "
                             "it for long answers)", code="unsupported_parameter", param="background")
    if api in ("openai.chat.completions", "anthropic.messages", "anthropic.count_tokens"):
        messages = body.get("messages")
        if not isinstance(messages, list):
            raise InvalidRequest("messages must be an array", code="invalid_type", param="messages")
        if len(messages) > max_messages:
            raise InvalidRequest(f"too many messages: {len(messages)} > {max_messages}", code="too_many_messages",
                                 param="messages")
        for i, m in enumerate(messages):
            if not isinstance(m, dict):
                raise InvalidRequest(f"messages[{i}] must be an object", code="invalid_type", param=f"messages[{i}]")


# An integer with fewer digits holds no entity a PII rule looks for (a card number has 12 or more, a phone
# number with its area code 10, an SSN 9, a US bank account 8): counts and ids are not scanned one by one.
MIN_ENTITY_INT = 10_000_000


def _text_leaves(container: Any, key: Any) -> Iterator[tuple[Any, Any]]:
    """Every string inside a JSON value (a tool call's input object), iteratively - and every long integer: a
    tool's input may hold a card or phone number as a number (its digits are prompt text all the same)."""
    stack = [(container, key)]
    while stack:
        holder, k = stack.pop()
        value = holder[k]
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)
                                      and abs(value) >= MIN_ENTITY_INT):
            yield holder, k
        elif isinstance(value, dict):
            stack.extend((value, name) for name in value)
        elif isinstance(value, list):
            stack.extend((value, i) for i in range(len(value)))


def _content_slots(container: dict, key: str) -> Iterator[tuple[Any, Any]]:
    """Text inside a `content` value: a string, or a list of typed parts/blocks."""
    value = container.get(key)
    if isinstance(value, str):
        yield container, key
    elif isinstance(value, list):
        for part in value:
            if not isinstance(part, dict):
                continue
            if isinstance(part.get("text"), str):
                yield part, "text"
            kind = part.get("type")
            if kind == "tool_result":  # Anthropic tool results carry nested content
                yield from _content_slots(part, "content")
            elif kind == "tool_use" and "input" in part:  # a replayed tool call's arguments go upstream too
                yield from _text_leaves(part, "input")
            elif kind in ("document", "search_result"):  # Anthropic: pasted documents and search results
                yield from _document_slots(part)


def _document_slots(part: dict) -> Iterator[tuple[Any, Any]]:
    """The text an Anthropic document or search-result block sends: a plain-text source's data, a content
    source's blocks, the block's own content, title and context (base64 PDFs and URLs are not text)."""
    for name in ("title", "context"):
        if isinstance(part.get(name), str):
            yield part, name
    source = part.get("source")
    if isinstance(source, dict):
        if source.get("type") == "text" and isinstance(source.get("data"), str):
            yield source, "data"
        elif source.get("type") == "content":
            yield from _content_slots(source, "content")
    if part.get("type") == "search_result":
        yield from _content_slots(part, "content")


def _tool_call_slots(message: dict) -> Iterator[tuple[Any, Any]]:
    """Arguments of the tool calls an OpenAI chat history replays (JSON text)."""
    calls = message.get("tool_calls")
    for call in calls if isinstance(calls, list) else ():  # any other shape is the upstream's to refuse
        fn = call.get("function") if isinstance(call, dict) else None
        if isinstance(fn, dict) and isinstance(fn.get("arguments"), str):
            yield fn, "arguments"
    fn = message.get("function_call")
    if isinstance(fn, dict) and isinstance(fn.get("arguments"), str):
        yield fn, "arguments"


def prompt_slots(api: str, body: dict) -> Iterator[tuple[Any, Any]]:
    """Yield (container, key) for every prompt string, so stages can read and rewrite it (`slot_text`: a tool
    input's integers are slots too)."""
    if api in ("openai.chat.completions", "anthropic.messages", "anthropic.count_tokens"):
        if api != "openai.chat.completions":
            yield from _content_slots(body, "system")
        for m in body.get("messages") or ():
            if isinstance(m, dict):
                yield from _content_slots(m, "content")
                if api == "openai.chat.completions":
                    yield from _tool_call_slots(m)
        prediction = body.get("prediction")  # predicted outputs: text the upstream reads as well
        if api == "openai.chat.completions" and isinstance(prediction, dict):
            yield from _content_slots(prediction, "content")
    elif api in ("openai.completions", "openai.embeddings"):
        key = "prompt" if api == "openai.completions" else "input"
        value = body.get(key)
        if isinstance(value, str):
            yield body, key
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, str):
                    yield value, i
        if api == "openai.completions" and isinstance(body.get("suffix"), str):  # the text after an insertion
            yield body, "suffix"
    elif api == "openai.responses":
        if isinstance(body.get("instructions"), str):
            yield body, "instructions"
        prompt = body.get("prompt")  # a stored prompt's variables are filled into it upstream
        variables = prompt.get("variables") if isinstance(prompt, dict) else None
        if isinstance(variables, dict):
            for name, value in variables.items():
                if isinstance(value, str):
                    yield variables, name
                elif isinstance(value, dict) and isinstance(value.get("text"), str):  # an input_text part
                    yield value, "text"
        value = body.get("input")
        if isinstance(value, str):
            yield body, "input"
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    yield from _content_slots(item, "content")
                    kind = item.get("type")
                    if kind == "function_call_output":  # a tool's result: a string or content parts
                        yield from _content_slots(item, "output")
                    elif kind == "function_call" and isinstance(item.get("arguments"), str):
                        yield item, "arguments"


def slot_text(container: Any, key: Any) -> str:
    """The text of a prompt slot: the string, or an integer's digits."""
    value = container[key]
    return value if isinstance(value, str) else str(value)


def answers_generated(body: dict) -> int:
    """How many answers the upstream generates, and charges, for the request: OpenAI's `n`, or the legacy
    completions' `best_of` candidates when more (it returns the best `n` of them)."""
    most = 1
    for name in ("n", "best_of"):
        value = body.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > most:
            most = value
    return most


def max_output_tokens(body: dict, default: int) -> int:
    """The most output the request can produce (all the answers it generates), or `default` for each when
    unbounded."""
    n = answers_generated(body)
    for name in ("max_completion_tokens", "max_tokens", "max_output_tokens"):
        value = body.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value * n
    return default * n
